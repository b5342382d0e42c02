"""Calendar periods (a day, a month, a year, a part of a day) as honest UTC bounds.

A period named by local dates runs from the first instant its clocks showed its first wall time
to the last instant (inclusive, to the microsecond) before its end. With no zone, a date means
that date *somewhere on Earth*: from its start at UTC+14 to its end at UTC−12.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime, time, timedelta
from typing import Final

from dateutil import tz as dateutil_tz

from diplomacy_ledger._errors import InvalidTimeError, SkippedTimeError
from diplomacy_ledger._repr import python_repr
from diplomacy_ledger.time._instants import UTC_MAX, UTC_MIN
from diplomacy_ledger.time._zones import (
    first_instant_at_or_after,
    last_instant_before,
    zone_tzinfo,
)

__all__ = ["EARTH_EAST", "EARTH_WEST", "Precision", "period_bounds", "period_label"]


EARTH_EAST: Final = timedelta(hours=14)
"""The easternmost offset in use (Pacific/Kiritimati): where each date begins first."""
EARTH_WEST: Final = timedelta(hours=-12)
"""The westernmost offset (Etc/GMT+12, Baker Island): where each date ends last."""
_ONE_MICROSECOND: Final = timedelta(microseconds=1)
_MIDNIGHT: Final = time()


@python_repr
class Precision(enum.Enum):
    """How finely a :class:`~diplomacy_ledger.When` was stated.

    ``YEAR``, ``MONTH`` and ``DAY`` name a whole calendar period: the When's bounds are that
    period's first and last instants. ``HOUR``, ``MINUTE`` and ``SECOND`` name a clock reading:
    the When is that exact instant, and the precision says how it is written (``02:30`` rather than
    ``02:30:00``). ``SPAN`` is a vague window between two bounds ("the early hours of Tuesday").
    """

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"
    SPAN = "span"

    @property
    def is_calendar(self) -> bool:
        """True for the precisions that name a whole period (year, month, day)."""
        return self in _CALENDAR

    @property
    def is_clock(self) -> bool:
        """True for the precisions that name an exact clock reading (hour, minute, second)."""
        return self in _CLOCK


_CALENDAR: Final = frozenset({Precision.YEAR, Precision.MONTH, Precision.DAY})
_CLOCK: Final = frozenset({Precision.HOUR, Precision.MINUTE, Precision.SECOND})


def _next_start(precision: Precision, start: date) -> date | None:
    """The first date after the period; None past year 9999."""
    if precision is Precision.DAY:
        return None if start == date.max else start + timedelta(days=1)
    if precision is Precision.MONTH:
        if start.month == 12:
            return None if start.year == 9999 else date(start.year + 1, 1, 1)
        return date(start.year, start.month + 1, 1)
    return None if start.year == 9999 else date(start.year + 1, 1, 1)


def _shift(moment: datetime, by: timedelta) -> datetime:
    """``moment + by``, clamped to the range of ``datetime``."""
    try:
        return moment + by
    except OverflowError:
        return UTC_MIN if by < timedelta(0) else UTC_MAX


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)  # noqa: DTZ001 - a wall time, resolved by zone


def period_bounds(precision: Precision, start: date, zone: str | None) -> tuple[datetime, datetime]:
    """First and last instant of the day, month or year that begins on ``start``.

    Raises :class:`SkippedTimeError` when the zone skipped the whole period (Pacific/Apia skipped
    30 December 2011).
    """
    if not precision.is_calendar:
        raise InvalidTimeError(f"{precision.value} is not a calendar precision")
    following = _next_start(precision, start)
    if zone is None:
        # Earliest: local midnight at UTC+14. Latest: the next local midnight at UTC−12, minus 1µs.
        earliest = _shift(_midnight(start).replace(tzinfo=UTC), -EARTH_EAST)
        if following is None:
            return earliest, UTC_MAX
        latest = _shift(_midnight(following).replace(tzinfo=UTC), -EARTH_WEST - _ONE_MICROSECOND)
        return earliest, latest
    try:
        earliest = first_instant_at_or_after(_midnight(start), zone)
    except OverflowError:
        earliest = UTC_MIN
    if following is None:
        return earliest, UTC_MAX
    try:
        latest = last_instant_before(_midnight(following), zone)
    except OverflowError:
        latest = UTC_MAX
    if latest < earliest:
        raise SkippedTimeError(
            f"the whole {precision.value} {period_label(precision, start)} was skipped in {zone}",
            wall=start.isoformat(),
            zone=zone,
        )
    return earliest, latest


def is_whole_period(precision: Precision, earliest: datetime, latest: datetime, zone: str) -> bool:
    """A quick, exact test that the bounds are one whole period in ``zone``; False means "unsure".

    True only when clocks in ``zone`` showed the period's first midnight at ``earliest`` (its
    first occurrence) and the next period's midnight, which they showed only once, one
    microsecond after ``latest``: then :func:`period_bounds` gives these very bounds. Anything
    else (gaps, folds at midnight, clamped bounds, wrong bounds) is left to :func:`period_bounds`.
    """
    rules = zone_tzinfo(zone)
    try:
        first = earliest.astimezone(rules)
        after = (latest + _ONE_MICROSECOND).astimezone(rules)
    except OverflowError:
        return False
    if first.fold or after.fold or first.time() != _MIDNIGHT or after.time() != _MIDNIGHT:
        return False
    start = first.date()
    if (precision is Precision.MONTH and start.day != 1) or (
        precision is Precision.YEAR and (start.month, start.day) != (1, 1)
    ):
        return False
    following = _next_start(precision, start)
    if following is None or after.date() != following:
        return False
    return not dateutil_tz.datetime_ambiguous(_midnight(following), rules)


def period_label(precision: Precision, start: date) -> str:
    """The ISO 8601 name of the period: ``2020``, ``2020-09`` or ``2020-09-27``."""
    if precision is Precision.YEAR:
        return f"{start.year:04d}"
    if precision is Precision.MONTH:
        return f"{start.year:04d}-{start.month:02d}"
    return start.isoformat()


def period_start(
    precision: Precision, earliest: datetime, latest: datetime, zone: str | None
) -> date:
    """Recover the first local date of the period whose bounds are ``earliest``/``latest``.

    Works from whichever bound was not clamped to the ``datetime`` range.
    """
    if zone is None:
        if earliest == UTC_MIN and latest != UTC_MAX:
            last_day = (latest + EARTH_WEST).date()
            anchor = last_day
        else:
            anchor = (earliest + EARTH_EAST).date() if earliest != UTC_MIN else date.min
    else:
        zone_info = zone_tzinfo(zone)
        if earliest == UTC_MIN and latest != UTC_MAX:
            anchor = latest.astimezone(zone_info).date()
        else:
            anchor = earliest.astimezone(zone_info).date() if earliest != UTC_MIN else date.min
    if precision is Precision.YEAR:
        return date(anchor.year, 1, 1)
    if precision is Precision.MONTH:
        return date(anchor.year, anchor.month, 1)
    return anchor
