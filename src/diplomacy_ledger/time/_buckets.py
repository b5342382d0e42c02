"""Calendar buckets: the local day, ISO week or month an instant falls in, in a zone.

Counts per day are only honest in a zone: 01:00 in Yerevan on Tuesday is Monday evening in
Paris. A bucket follows the zone's real calendar: its days are 23 or 25 hours long across a
change of offset, and a day the zone skipped (Pacific/Apia, 30 December 2011) is no bucket.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, timedelta
from typing import Final, Literal, NamedTuple, get_args

from diplomacy_ledger._errors import InvalidValueError
from diplomacy_ledger.time._zones import first_instant_at_or_after, validate_zone, zone_tzinfo

__all__ = ["Bucket", "Per", "bucket_of", "buckets_between", "check_per", "local_date"]

Per = Literal["day", "week", "month"]
"""The size of a calendar bucket: a local day, an ISO week (Monday to Sunday), a month."""

_PERS: Final = get_args(Per)
_DAY: Final = timedelta(days=1)


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


@functools.lru_cache(maxsize=4096)
def _day_exists(day: date, zone: str) -> bool:
    """Whether clocks in ``zone`` ever showed ``day`` (a whole day can be skipped)."""
    midnight = datetime(day.year, day.month, day.day)  # noqa: DTZ001 - a wall time, in zone
    start = first_instant_at_or_after(midnight, zone)
    return local_date(start, zone) == day


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
        if per != "day" or _day_exists(day, zone):
            found.append(bucket)
        day = bucket.last_day + _DAY
    return found
