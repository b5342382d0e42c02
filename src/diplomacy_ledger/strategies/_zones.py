"""Zone keys, and the offset transitions of each zone, found by scanning its rules.

Transitions are found without Hypothesis internals: the UTC offset is sampled every 30 days over
the scanned range, and each change is narrowed down to the second by bisection. Two transitions
that cancel out within 30 days (a one-month suspension of summer time) can be missed; every other
one is found. The results are cached per zone.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Final, NamedTuple

from dateutil import tz as dateutil_tz
from hypothesis import strategies as st

from diplomacy_ledger import available_zones, canonical_zone
from diplomacy_ledger.strategies._args import check_bool, named

__all__ = [
    "DST_ZONES",
    "INTERESTING_ZONES",
    "SCAN_END",
    "SCAN_START",
    "Transition",
    "fixed_offsets",
    "rules",
    "transitions",
    "zone_keys",
    "zones",
]

# Zones whose rules make trouble, "UTC" first so that examples shrink toward it.
DST_ZONES: Final = (
    "Europe/Paris",
    "America/New_York",
    "Australia/Lord_Howe",  # a 30-minute summer-time shift
    "Pacific/Apia",  # skipped 30 December 2011
    "Pacific/Kwajalein",  # skipped 21 August 1993
    "Asia/Yerevan",  # abolished summer time in 2012
    "Asia/Baku",  # abolished it in 2016
    "Europe/Moscow",  # abolished it in 2011, moved its standard time in 2014
    "America/Sao_Paulo",
    "America/Santiago",
    "Africa/Casablanca",
    "Asia/Beirut",  # changes at midnight
    "America/Havana",
    "Europe/Dublin",  # negative summer time in the tz database
    "Asia/Kathmandu",  # +05:45
)
INTERESTING_ZONES: Final = ("UTC", *DST_ZONES, "Pacific/Kiritimati", "Asia/Kolkata")
SCAN_START: Final = datetime(1900, 1, 1, tzinfo=UTC)
SCAN_END: Final = datetime(2038, 1, 1, tzinfo=UTC)
_STEP: Final = timedelta(days=30)
_SECOND: Final = timedelta(seconds=1)


class Transition(NamedTuple):
    """A change of a zone's UTC offset: from ``at`` (UTC) on, ``after`` replaces ``before``."""

    at: datetime
    before: timedelta
    after: timedelta

    @property
    def wall(self) -> datetime:
        """The wall time at which the clocks were changed (naive, read with ``before``)."""
        return (self.at + self.before).replace(tzinfo=None)


@functools.cache
def _all_zones() -> tuple[str, ...]:
    # Each zone once, by its own name: a When writes Europe/Kiev as Europe/Kyiv.
    return tuple(sorted(key for key in available_zones() if canonical_zone(key) == key))


@functools.cache
def _present(keys: tuple[str, ...]) -> tuple[str, ...]:
    known = available_zones()
    return tuple(key for key in keys if key in known)


def zones(*, fixed_offsets: bool = False) -> st.SearchStrategy[str]:
    """IANA time zone keys, biased toward zones whose rules make trouble. Requires hypothesis.

    About half the keys come from a short list of zones with summer time, a 30-minute shift
    (``Australia/Lord_Howe``), a skipped day (``Pacific/Apia`` on 30 December 2011,
    ``Pacific/Kwajalein`` in August 1993), or abolished summer time (``Asia/Yerevan``,
    ``Asia/Baku``, ``Europe/Moscow``); the rest from every key this machine knows. Examples
    shrink toward ``"UTC"``. With ``fixed_offsets=True``, fixed UTC offsets written as the
    library accepts them (``"+05:45"``, ``"-03:00"``) are drawn too.
    """
    check_bool(fixed_offsets, "fixed_offsets")
    return named(_zones(fixed_offsets=fixed_offsets), fixed_offsets=fixed_offsets)


def zone_keys(*, fixed_offsets: bool = False) -> st.SearchStrategy[str]:
    """What :func:`zones` draws, for the strategies' own use (without its repr's layer)."""
    return _zones(fixed_offsets=fixed_offsets)


@functools.cache
def _zones(*, fixed_offsets: bool) -> st.SearchStrategy[str]:
    keys = st.one_of(st.sampled_from(_present(INTERESTING_ZONES)), st.sampled_from(_all_zones()))
    if fixed_offsets:
        return st.one_of(keys, _fixed_offsets())
    return keys


@functools.cache
def used_offsets() -> tuple[str, ...]:
    """Every whole-minute UTC offset some zone's clocks have shown since 1970, as ``"+HH:MM"``.

    Read from the tz database's own tables (dateutil's compiled zone files), so it follows the
    tzdata installed: ``+05:45`` (Kathmandu) and ``-09:30`` (the Marquesas) are in it, ``-10:15``
    is not.
    """
    since = datetime(1970, 1, 1, tzinfo=UTC).timestamp()
    found = {0}
    for zone in _all_zones():
        rules = dateutil_tz.gettz(zone)
        infos = getattr(rules, "_ttinfo_list", None) or []
        moments = getattr(rules, "_trans_utc", None) or []
        kinds = getattr(rules, "_trans_idx", None) or []
        # The kinds of time in force since 1970: the one before the first later change, and
        # each change's; for a zone with no change since, the last one (its standard time).
        later = [index for index, moment in enumerate(moments) if moment >= since]
        chosen = [kinds[index] for index in later if index < len(kinds)]
        if later and later[0] > 0 and later[0] - 1 < len(kinds):
            chosen.append(kinds[later[0] - 1])
        elif not later and kinds:
            chosen.append(kinds[-1])
        for kind in chosen:
            info = infos[kind] if isinstance(kind, int) else kind
            seconds = int(info.utcoff.total_seconds())
            if seconds % 60 == 0 and abs(seconds) < 24 * 3600:
                found.add(seconds // 60)
    return tuple(_minutes_text(minutes) for minutes in sorted(found, key=abs))


def _fixed_offsets() -> st.SearchStrategy[str]:
    # Mostly offsets that clocks really showed (shrinking toward "+00:00"); now and then any
    # quarter hour from UTC-12 to UTC+14, which the format allows too.
    real = st.sampled_from(used_offsets())
    quarters = st.integers(min_value=-12 * 4, max_value=14 * 4).map(_offset_text)
    return st.one_of(real, real, real, real, real, real, real, real, real, quarters)


def fixed_offsets() -> st.SearchStrategy[str]:
    """Fixed UTC offsets such as ``"+04:00"`` or ``"-09:30"`` (never ``"-00:00"``).

    Requires hypothesis.
    """
    return named(_fixed_offsets())


def _offset_text(quarters: int) -> str:
    return _minutes_text(quarters * 15)


def _minutes_text(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def rules(zone: str | None) -> tzinfo:
    """The rules the library itself uses for ``zone``: dateutil's, a fixed offset, or UTC."""
    if zone is None or zone == "UTC":
        return UTC
    if zone[:1] in "+-":
        sign = -1 if zone[0] == "-" else 1
        hours, minutes = int(zone[1:3]), int(zone[4:6])
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    found = dateutil_tz.gettz(zone)
    if found is None:  # pragma: no cover - keys come from available_zones()
        raise LookupError(zone)
    return found


def _offset(rule: tzinfo, moment: datetime) -> timedelta:
    offset = moment.astimezone(rule).utcoffset()
    return offset if offset is not None else timedelta(0)


@functools.cache
def transitions(zone: str) -> tuple[Transition, ...]:
    """Every offset change of ``zone`` between 1900 and 2038, in order (cached)."""
    if zone[:1] in "+-" or zone == "UTC":
        return ()
    rule = rules(zone)
    found = []
    low = SCAN_START
    low_offset = _offset(rule, low)
    while low < SCAN_END:
        high = low + _STEP
        high_offset = _offset(rule, high)
        if high_offset != low_offset:
            found.append(_narrow(rule, low, high, low_offset))
        low, low_offset = high, high_offset
    return tuple(found)


def _narrow(rule: tzinfo, low: datetime, high: datetime, low_offset: timedelta) -> Transition:
    """The first offset change in (low, high], to the second."""
    while high - low > _SECOND:
        middle = low + (high - low) // 2
        middle = middle.replace(microsecond=0)
        if middle <= low:
            middle = low + _SECOND
        if _offset(rule, middle) == low_offset:
            low = middle
        else:
            high = middle
    return Transition(high, low_offset, _offset(rule, high))
