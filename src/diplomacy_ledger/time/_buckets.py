"""Calendar buckets: the local day, ISO week or month an instant falls in, in a zone.

Counts per day are only honest in a zone: 01:00 in Yerevan on Tuesday is Monday evening in
Paris. A bucket follows the zone's real calendar: its days are 23 or 25 hours long across a
change of offset, and a day the zone skipped (Pacific/Apia, 30 December 2011) is no bucket.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone
from itertools import repeat
from operator import add, floordiv, sub
from typing import Final, Literal, NamedTuple, get_args

from diplomacy_ledger._errors import InvalidValueError
from diplomacy_ledger.time._instants import EPOCH
from diplomacy_ledger.time._zones import first_instant_at_or_after, validate_zone, zone_tzinfo

__all__ = [
    "Bucket",
    "Per",
    "bucket_of",
    "bucket_of_ordinal",
    "bucket_ordinal",
    "buckets_between",
    "check_per",
    "day_exists",
    "local_date",
    "local_ordinals",
    "skipped_days",
]

Per = Literal["day", "week", "month"]
"""The size of a calendar bucket: a local day, an ISO week (Monday to Sunday), a month."""

_PERS: Final = get_args(Per)
_DAY: Final = timedelta(days=1)
_TICK: Final = timedelta(microseconds=1)
_SECOND: Final = timedelta(seconds=1)
_EPOCH_DAY: Final = EPOCH.date().toordinal()


class Bucket(NamedTuple):
    """A calendar bucket: its label (``2022-09-13``, ``2022-W37``, ``2022-09``) and its days."""

    label: str
    first_day: date
    last_day: date


def check_per(per: str) -> Per:
    """``per`` if it names a bucket size; else an :class:`InvalidValueError`."""
    if per not in _PERS:
        raise InvalidValueError(f"per is one of {', '.join(_PERS)}, not {per!r}", where="per")
    return per  # type: ignore[return-value]


def local_date(moment: datetime, zone: str) -> date:
    """The date clocks in ``zone`` showed at the aware instant ``moment``."""
    return moment.astimezone(zone_tzinfo(zone)).date()


def local_ordinals(moments: Iterable[datetime], zone: str) -> list[int]:
    """The ordinals of the local dates of aware instants in ``zone``, in bulk.

    The same as ``local_date(moment, zone).toordinal()`` for each, but the zone's offsets and
    the instants at which they change are read once (from the rules ``dateutil.tz`` read from
    the zone's file), and each instant's offset is found by binary search, in compiled code.
    Instants after the file's last change of offset, where a zone with daylight saving time
    follows the rule at the end of its file, are asked of ``dateutil.tz`` one by one.
    """
    moments = moments if isinstance(moments, list) else list(moments)
    table = _offset_table(zone)
    if table is None:  # rules not read from a zone file: ask for each instant
        return [local_date(moment, zone).toordinal() for moment in moments]
    changes, offsets, rule_after = table
    seconds = list(map(floordiv, map(sub, moments, repeat(EPOCH)), repeat(_SECOND)))
    if changes:
        shifts = map(offsets.__getitem__, map(bisect.bisect_right, repeat(changes), seconds))
        local = map(add, seconds, shifts)
    else:
        local = map(add, seconds, repeat(offsets[0]))
    ordinals = list(map(add, map(floordiv, local, repeat(86400)), repeat(_EPOCH_DAY)))
    if rule_after is not None and seconds and max(seconds) > rule_after:
        for index, second in enumerate(seconds):
            if second > rule_after:
                ordinals[index] = local_date(moments[index], zone).toordinal()
    return ordinals


@functools.cache
def _offset_table(zone: str) -> tuple[list[int], list[int], int | None] | None:
    """A zone's changes of offset (UTC seconds), its offsets (seconds), and the rule's start.

    ``offsets[i]`` holds from ``changes[i - 1]`` (inclusive) to ``changes[i]``, so that
    ``offsets[bisect_right(changes, t)]`` is the offset at ``t``, as ``dateutil.tz`` finds it.
    The third item is the last change, after which the zone follows the rule at the end of its
    file (None when it keeps its last offset). None when the rules are not laid out so.
    """
    rules = zone_tzinfo(zone)
    if isinstance(rules, timezone):  # UTC or a fixed offset
        offset = rules.utcoffset(None)
        assert offset is not None
        return [], [offset // _SECOND], None
    changes = getattr(rules, "_trans_utc", None)
    infos = getattr(rules, "_ttinfos", None)
    before = getattr(rules, "_tti_before", None)
    after = getattr(rules, "_tz_after", None)
    if (
        not isinstance(changes, list | tuple)
        or not isinstance(infos, list | tuple)
        or len(changes) < 2  # dateutil treats one change apart; ask it
        or len(infos) != len(changes)
        or not all(
            isinstance(getattr(info, "utcoff", None), timedelta) for info in [before, *infos]
        )
    ):
        return None
    offsets = [info.utcoff // _SECOND for info in [before, *infos]]
    rule_after = None if type(after) is type(before) else int(changes[-1])
    return [int(change) for change in changes], offsets, rule_after


def day_exists(day: date, zone: str) -> bool:
    """Whether clocks in ``zone`` ever showed ``day`` (a whole day can be skipped)."""
    midnight = datetime(day.year, day.month, day.day)  # noqa: DTZ001 - a wall time, in zone
    start = first_instant_at_or_after(midnight, zone)
    return local_date(start, zone) == day


@functools.cache
def skipped_days(zone: str) -> frozenset[int]:
    """The ordinals of the dates clocks in ``zone`` never showed, from its transitions.

    Only a change of offset by about a day can skip one: the dates strictly between the local
    date just before such a change and the one just after it, when no instant shows them.
    Read from the zone's rules (``dateutil.tz.tzfile``); a fixed offset skips none.
    """
    rules = zone_tzinfo(zone)
    moments = getattr(rules, "_trans_utc", None)
    kinds = getattr(rules, "_trans_idx", None)
    infos = getattr(rules, "_ttinfo_list", None)
    if not (moments and kinds and infos) or len(moments) != len(kinds):
        return frozenset()
    first = getattr(rules, "_tti_before", None)
    found: set[int] = set()
    for index in range(len(moments)):
        previous = infos[kinds[index - 1]] if index else first
        if previous is None:
            continue
        before, after = previous.utcoff, infos[kinds[index]].utcoff
        if after - before < timedelta(hours=23):
            continue
        moment = datetime.fromtimestamp(moments[index], UTC)
        last, first = (moment + before - _TICK).date(), (moment + after).date()
        for ordinal in range(last.toordinal() + 1, first.toordinal()):
            if not day_exists(date.fromordinal(ordinal), zone):
                found.add(ordinal)
    return frozenset(found)


def _bucket_of_day(day: date, per: Per) -> Bucket:
    if per == "day":
        return Bucket(day.isoformat(), day, day)
    if per == "week":
        year, week, weekday = day.isocalendar()
        monday = day - timedelta(days=weekday - 1)
        return Bucket(f"{year}-W{week:02d}", monday, monday + timedelta(days=6))
    first = day.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return Bucket(f"{first:%Y-%m}", first, following - _DAY)


def bucket_of(moment: datetime, zone: str, per: Per) -> Bucket:
    """The bucket of ``per`` that the instant falls in, on the calendar of ``zone``.

    >>> from datetime import UTC
    >>> bucket_of(datetime(2022, 9, 12, 21, 30, tzinfo=UTC), "Asia/Yerevan", "day").label
    '2022-09-13'
    >>> bucket_of(datetime(2022, 9, 12, 21, 30, tzinfo=UTC), "Europe/Paris", "day").label
    '2022-09-12'
    """
    validate_zone(zone, where="zone")
    return _bucket_of_day(local_date(moment, zone), check_per(per))


def buckets_between(first: datetime, last: datetime, zone: str, per: Per) -> list[Bucket]:
    """Every bucket from the one holding ``first`` to the one holding ``last``, in order.

    Days the zone's calendar skipped are no buckets (a week or month that holds one is still a
    bucket). ``last`` may not be before ``first``.
    """
    if last < first:
        raise InvalidValueError("the last instant is before the first", where="buckets_between")
    validate_zone(zone, where="zone")
    check_per(per)
    day, end = local_date(first, zone), local_date(last, zone)
    found: list[Bucket] = []
    while day <= end:
        bucket = _bucket_of_day(day, per)
        if per != "day" or day.toordinal() not in skipped_days(zone):
            found.append(bucket)
        day = bucket.last_day + _DAY
    return found


def bucket_ordinal(day: date, per: Per) -> int:
    """A number for the bucket ``day`` is in, consecutive buckets consecutive numbers."""
    if per == "day":
        return day.toordinal()
    if per == "week":
        return (day.toordinal() - 1) // 7  # date.fromordinal(1) was a Monday
    return day.year * 12 + day.month - 1


@functools.lru_cache(maxsize=65536)
def bucket_of_ordinal(ordinal: int, per: Per) -> Bucket:
    """The bucket a :func:`bucket_ordinal` numbers."""
    if per == "day":
        return _bucket_of_day(date.fromordinal(ordinal), per)
    if per == "week":
        return _bucket_of_day(date.fromordinal(ordinal * 7 + 1), per)
    return _bucket_of_day(date(ordinal // 12, ordinal % 12 + 1, 1), per)
