"""Time zones: which names are accepted, and how a local wall time becomes an instant.

A zone is either a key of the IANA time zone database (``"Asia/Yerevan"``) or a fixed UTC offset
written ``"+04:00"``. Nothing else is accepted: not the empty string (``dateutil.tz.gettz("")`` is
the machine's zone), not a file path, not a POSIX TZ string such as ``"UTC+3"`` (whose sign is the
reverse of what it seems), not an abbreviation such as ``"EDT"``. Zone rules come from
``dateutil.tz``.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import zoneinfo
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Final, Literal

from dateutil import tz as dateutil_tz

from diplomacy_ledger._errors import (
    InvalidValueError,
    NaiveDatetimeError,
    RepeatedTimeError,
    SkippedTimeError,
    UnknownZoneError,
)

__all__ = [
    "Disambiguation",
    "available_zones",
    "first_instant_at_or_after",
    "last_instant_before",
    "local_candidates",
    "local_status",
    "resolve_local",
    "resolve_zone",
    "to_utc",
    "tzdb_version",
    "validate_zone",
    "zone_tzinfo",
]


Disambiguation = Literal["raise", "earlier", "later", "compatible"]
"""How to resolve a local time that was skipped or repeated, with the semantics of *whenever*.

- ``"raise"`` (the default everywhere): raise :class:`SkippedTimeError` or
  :class:`RepeatedTimeError`.
- ``"earlier"``: in a fold, the first of the two instants; in a gap, the wall time read with the
  offset in force *after* the transition (Paris 02:30 on 27 March 2022 becomes 01:30+01:00).
- ``"later"``: in a fold, the second instant; in a gap, the wall time read with the offset in force
  *before* the transition (Paris 02:30 becomes 03:30+02:00).
- ``"compatible"``: ``"earlier"`` in a fold and ``"later"`` in a gap, as ``datetime`` and
  RFC 5545 do.
"""

_DISAMBIGUATIONS: Final = frozenset({"raise", "earlier", "later", "compatible"})
_OFFSET_ZONE: Final = re.compile(r"^(?P<sign>[+-])(?P<h>[01]\d|2[0-3]):(?P<m>[0-5]\d)$")
_ABBREVIATION: Final = re.compile(r"^[A-Z]{2,5}$")
# Keys in the zoneinfo folder that are not zones one may name: the machine's own zone, and files
# that only exist for the zic compiler.
_NOT_ZONES: Final = frozenset({"localtime", "posixrules", "Factory"})
_ONE_MICROSECOND: Final = timedelta(microseconds=1)


@functools.cache
def available_zones() -> frozenset[str]:
    """The IANA zone keys this machine knows (system database, or the ``tzdata`` package)."""
    return frozenset(zoneinfo.available_timezones() - _NOT_ZONES)


def _offset_minutes(zone: str) -> int | None:
    match = _OFFSET_ZONE.match(zone)
    if match is None:
        return None
    minutes = int(match["h"]) * 60 + int(match["m"])
    return -minutes if match["sign"] == "-" else minutes


def validate_zone(zone: object, *, where: str | None = None) -> str:
    """Return ``zone`` if it is an IANA key or a ``"+HH:MM"`` offset; raise otherwise.

    >>> validate_zone("Asia/Yerevan")
    'Asia/Yerevan'
    >>> validate_zone("UTC+3")
    Traceback (most recent call last):
    ...
    diplomacy_ledger.UnknownZoneError: 'UTC+3' is not an IANA time zone key: ...
    """
    if not isinstance(zone, str):
        raise UnknownZoneError(
            f"a time zone must be a string such as 'Asia/Yerevan', not {type(zone).__name__}",
            zone=repr(zone),
            where=where,
        )
    if zone in available_zones() or (_offset_minutes(zone) is not None and zone != "-00:00"):
        return zone
    raise UnknownZoneError(_why_not_a_zone(zone), zone=zone, where=where)


def _why_not_a_zone(zone: str) -> str:
    if zone == "-00:00":
        return "'-00:00' means an unknown local offset (RFC 3339); write '+00:00' or 'UTC'"
    if zone == "":
        return "the empty string is not a time zone (dateutil would read it as the machine's zone)"
    shown = repr(zone)
    if zone.startswith(("/", ".")) or "\\" in zone or ".." in zone:
        return f"{shown} is a file path, not an IANA time zone key"
    if re.match(r"^(UTC|GMT)\s*[+-]", zone, re.IGNORECASE):
        return (
            f"{shown} is not an IANA time zone key: POSIX TZ strings invert the sign "
            "(UTC+3 means three hours *behind* UTC); write a fixed offset as '+03:00' or name "
            "the IANA zone, e.g. 'Europe/Moscow'"
        )
    if _ABBREVIATION.match(zone):
        return (
            f"{shown} looks like a time zone abbreviation; abbreviations are ambiguous "
            "(IST is India, Israel or Ireland) and are refused: name the IANA zone, e.g. "
            "'America/New_York', or map it with resolve_zone(name, aliases={...})"
        )
    folded = {key.casefold(): key for key in available_zones()}
    if zone.casefold() in folded:
        return (
            f"{shown} is not an IANA time zone key (keys are case-sensitive); "
            f"did you mean {folded[zone.casefold()]!r}?"
        )
    if _offset_minutes(zone.replace("−", "-")) is not None:
        return f"{shown} uses a typographic minus; write the offset with '-'"
    return f"{shown} is not an IANA time zone key"


def resolve_zone(name: str, *, aliases: Mapping[str, str] | None = None) -> str:
    """Map a zone name through the caller's ``aliases``, then validate it.

    This is the one place abbreviations are welcome, because the caller says what they mean:

    >>> resolve_zone("EDT", aliases={"EDT": "America/New_York"})
    'America/New_York'
    """
    if aliases is not None and name in aliases:
        return validate_zone(aliases[name], where=f"zone alias {name!r}")
    return validate_zone(name)


@functools.cache
def zone_tzinfo(zone: str) -> tzinfo:
    """The ``tzinfo`` for a validated zone: ``dateutil.tz`` rules, or a fixed offset."""
    minutes = _offset_minutes(zone)
    if minutes is not None:
        return timezone(timedelta(minutes=minutes)) if minutes else UTC
    validate_zone(zone)
    if zone == "UTC":
        return UTC
    rules = dateutil_tz.gettz(zone)
    if not isinstance(rules, dateutil_tz.tzfile):  # pragma: no cover - validated above
        raise UnknownZoneError(f"no rules found for time zone {zone!r}", zone=zone)
    return rules


def to_utc(moment: datetime, *, where: str | None = None) -> datetime:
    """Return ``moment`` as an aware UTC datetime; refuse a naive one."""
    if type(moment) is datetime and moment.tzinfo is UTC:
        return moment  # already UTC: the common case when reading files
    if not isinstance(moment, datetime):
        raise NaiveDatetimeError(
            f"expected an aware datetime, got {type(moment).__name__}", where=where
        )
    offset = moment.utcoffset()
    if offset is None:
        raise NaiveDatetimeError(
            f"naive datetime {moment.isoformat()} has no time zone: attach one "
            "(datetime(..., tzinfo=timezone.utc)) or use When.local(wall, zone=...)",
            where=where,
        )
    return (moment - offset).replace(tzinfo=UTC)


def _fmt_wall(wall: datetime) -> str:
    return wall.isoformat(sep=" ", timespec="auto")


def _transition_in(zone_info: tzinfo, low: datetime, high: datetime) -> datetime:
    """The first instant in (low, high] whose UTC offset differs from low's (binary search)."""
    low_offset = low.astimezone(zone_info).utcoffset()
    while high - low > _ONE_MICROSECOND:
        middle = low + (high - low) // 2
        if middle.astimezone(zone_info).utcoffset() == low_offset:
            low = middle
        else:
            high = middle
    return high


def _candidates(wall: datetime, zone: str) -> tuple[datetime, datetime, bool, bool]:
    """The two readings of ``wall`` (fold=0 and fold=1) in UTC, and whether it exists / repeats."""
    zone_info = zone_tzinfo(zone)
    first = wall.replace(tzinfo=zone_info, fold=0)
    second = wall.replace(tzinfo=zone_info, fold=1)
    exists = dateutil_tz.datetime_exists(first)
    repeated = exists and dateutil_tz.datetime_ambiguous(first)
    return to_utc(first), to_utc(second), exists, repeated


def resolve_local(
    wall: datetime,
    zone: str,
    disambiguation: Disambiguation = "raise",
    *,
    where: str | None = None,
) -> datetime:
    """The UTC instant at which clocks in ``zone`` showed ``wall`` (a naive datetime).

    A skipped or repeated wall time raises unless ``disambiguation`` says how to resolve it.

    >>> resolve_local(datetime(2022, 9, 13, 2, 30), "Asia/Yerevan").isoformat()
    '2022-09-12T22:30:00+00:00'
    """
    if disambiguation not in _DISAMBIGUATIONS:
        raise InvalidValueError(
            f"disambiguation must be one of {sorted(_DISAMBIGUATIONS)}, not {disambiguation!r}"
        )
    if wall.tzinfo is not None:
        raise TypeError("resolve_local takes a naive wall time; this one has a tzinfo")
    fold0, fold1, exists, repeated = _candidates(wall, zone)
    if exists and not repeated:
        return fold0
    if repeated:
        # PEP 495: fold=0 is the first occurrence, fold=1 the second.
        if disambiguation == "raise":
            raise RepeatedTimeError(
                f"{_fmt_wall(wall)} happened twice in {zone} (clocks were set back): at "
                f"{fold0.isoformat()} and at {fold1.isoformat()}; pass "
                "disambiguation='earlier', 'later' or 'compatible' to choose",
                wall=_fmt_wall(wall),
                zone=zone,
                where=where,
            )
        return fold1 if disambiguation == "later" else fold0
    # A gap. PEP 495: fold=0 reads the wall time with the offset before the transition (an
    # instant after it), fold=1 with the offset after it (an instant before it).
    if disambiguation == "raise":
        transition = _transition_in(zone_tzinfo(zone), fold1, fold0)
        raise SkippedTimeError(
            f"{_fmt_wall(wall)} did not exist in {zone}: clocks jumped forward at "
            f"{transition.isoformat()} (UTC); pass disambiguation='earlier', 'later' or "
            "'compatible' to choose",
            wall=_fmt_wall(wall),
            zone=zone,
            where=where,
        )
    return fold1 if disambiguation == "earlier" else fold0


def first_instant_at_or_after(wall: datetime, zone: str) -> datetime:
    """The first instant at which clocks in ``zone`` showed ``wall`` or a later wall time.

    This is where a period that starts at ``wall`` begins: the wall time itself, its first
    occurrence if it repeats, or the end of the gap if clocks skipped it.
    """
    fold0, fold1, exists, _ = _candidates(wall, zone)
    if exists:
        return fold0
    return _transition_in(zone_tzinfo(zone), fold1, fold0)


def last_instant_before(wall: datetime, zone: str) -> datetime:
    """The last instant (to the microsecond) at which clocks in ``zone`` showed less than ``wall``.

    This is the inclusive end of a period that ends where ``wall`` begins. When clocks are set
    back across ``wall``, the wall times just before it happen twice and the later counts.
    """
    zone_info = zone_tzinfo(zone)
    fold0, fold1, exists, repeated = _candidates(wall, zone)
    if not exists:
        return _transition_in(zone_info, fold1, fold0) - _ONE_MICROSECOND
    if repeated:
        before_second = fold1 - _ONE_MICROSECOND
        local = before_second.astimezone(zone_info).replace(tzinfo=None)
        if local < wall:
            return before_second
    return fold0 - _ONE_MICROSECOND


def local_status(wall: datetime, zone: str) -> Literal["ok", "skipped", "repeated"]:
    """Whether clocks in ``zone`` showed ``wall`` once, never, or twice (under today's rules)."""
    if _offset_minutes(zone) is not None:
        return "ok"
    _, _, exists, repeated = _candidates(wall, zone)
    if not exists:
        return "skipped"
    return "repeated" if repeated else "ok"


@functools.cache
def tzdb_version() -> str:
    """The version of the IANA time zone database in use (``"2025b"``), or ``"unknown"``.

    The machine's database (on the same search path ``zoneinfo`` and ``dateutil`` use) comes
    first, then the ``tzdata`` package.
    """
    for directory in zoneinfo.TZPATH:
        try:
            with open(os.path.join(directory, "tzdata.zi"), encoding="utf-8") as file:
                first = file.readline()
        except OSError:
            continue
        if first.startswith("# version "):
            return first.split()[-1]
    try:
        tzdata = importlib.import_module("tzdata")  # optional: the IANA database as a package
    except ImportError:
        return "unknown"
    return str(tzdata.IANA_VERSION)


def local_candidates(wall: datetime, zone: str) -> frozenset[datetime]:
    """Every UTC instant today's rules could give ``wall`` in ``zone``, under any policy."""
    zone_info = zone_tzinfo(zone)
    if _offset_minutes(zone) is not None:
        return frozenset({to_utc(wall.replace(tzinfo=zone_info))})
    fold0, fold1, _, _ = _candidates(wall, zone)
    return frozenset({fold0, fold1})
