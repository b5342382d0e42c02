"""Strategies for times: instants, Whens of every precision, Spans, and wall times near DST changes.

Everything is valid by construction: an end is drawn as a start plus a positive length, a clock
reading is rounded up to a whole hour or minute on the zone's own clocks, a calendar period is the
one that holds a drawn instant.
"""

from __future__ import annotations

import contextlib
import functools
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Final, NamedTuple

from hypothesis import strategies as st

from diplomacy_ledger import (
    InvalidTimeError,
    Precision,
    RepeatedTimeError,
    SkippedTimeError,
    Span,
    When,
)
from diplomacy_ledger.strategies._args import (
    check_bool,
    check_range,
    check_strategy,
    checked_precisions,
    checked_zones,
    named,
    shown_arguments,
)
from diplomacy_ledger.strategies._zones import rules, zone_keys

__all__ = [
    "LOWEST",
    "PRECISIONS",
    "Window",
    "clock_when",
    "default_zones",
    "instants",
    "instants_between",
    "period_after",
    "reach",
    "spans",
    "when_after",
    "when_after_shaped",
    "when_near",
    "whens",
    "window_shape",
    "with_wall",
]

LOWEST: Final = datetime(1, 2, 1, tzinfo=UTC)
HIGHEST: Final = datetime(9999, 11, 30, tzinfo=UTC)
DEFAULT_MIN: Final = datetime(1900, 1, 1, tzinfo=UTC)
DEFAULT_MAX: Final = datetime(2100, 1, 1, tzinfo=UTC)
# Shrinks toward an exact instant; calendar periods and windows follow.
PRECISIONS: Final = (
    Precision.SECOND,
    Precision.MINUTE,
    Precision.HOUR,
    Precision.DAY,
    Precision.SPAN,
    Precision.MONTH,
    Precision.YEAR,
)
_CLOCKS: Final = (Precision.HOUR, Precision.MINUTE, Precision.SECOND)
_UNITS: Final = (timedelta(minutes=1), timedelta(hours=1), timedelta(days=1))
_COIN: Final = st.booleans()
_MORE_DAYS: Final = st.integers(0, 2)


def instants(
    *, min_value: datetime = DEFAULT_MIN, max_value: datetime = DEFAULT_MAX
) -> st.SearchStrategy[datetime]:
    """Aware UTC datetimes between ``min_value`` and ``max_value`` (both aware, inclusive).

    Requires hypothesis. Examples shrink toward 2000-01-01 00:00 UTC when it is in range.
    """
    check_range(min_value, max_value, lowest=LOWEST, highest=HIGHEST)
    return named(instants_between(min_value, max_value), min_value=min_value, max_value=max_value)


def instants_between(min_value: datetime, max_value: datetime) -> st.SearchStrategy[datetime]:
    """What :func:`instants` draws, its bounds checked: for the strategies' own use."""
    return st.datetimes(
        min_value=min_value.astimezone(UTC).replace(tzinfo=None),
        max_value=max_value.astimezone(UTC).replace(tzinfo=None),
        timezones=st.just(UTC),
    )


@functools.cache
def default_zones() -> st.SearchStrategy[str | None]:
    """No zone (UTC, or a date anywhere on Earth), an IANA key, or a fixed offset."""
    return st.one_of(st.none(), zone_keys(fixed_offsets=True))


def whens(
    *,
    zones: st.SearchStrategy[str | None] | None = None,
    precisions: st.SearchStrategy[Precision | str] | None = None,
    min_value: datetime = DEFAULT_MIN,
    max_value: datetime = DEFAULT_MAX,
) -> st.SearchStrategy[When]:
    """Valid :class:`~diplomacy_ledger.When` values of every precision. Requires hypothesis.

    Each When holds an instant drawn between ``min_value`` and ``max_value``: an exact instant
    (rounded up to a whole hour or minute on its zone's clocks for those precisions), the day,
    month or year around it in its zone (or anywhere on Earth without one), or a window around it.
    ``zones`` draws the zone (an IANA key, a fixed offset such as ``"+04:00"``, or None);
    ``precisions`` the precision (a :class:`~diplomacy_ledger.Precision` or its name). Examples
    shrink toward an exact instant at 2000-01-01 UTC.
    """
    check_strategy(zones, "zones")
    check_strategy(precisions, "precisions")
    check_range(min_value, max_value, lowest=LOWEST, highest=HIGHEST)
    zone_strategy = default_zones() if zones is None else checked_zones(zones)
    precision_strategy = (
        st.sampled_from(PRECISIONS) if precisions is None else checked_precisions(precisions)
    )
    moments = instants_between(min_value, max_value)

    @st.composite
    def whens(draw: st.DrawFn, /, **shown: object) -> When:
        anchor = draw(moments)
        zone = draw(zone_strategy)
        precision = draw(precision_strategy)
        return when_near(draw, anchor, zone, precision)

    return whens(
        **shown_arguments(
            zones=zones, precisions=precisions, min_value=min_value, max_value=max_value
        )
    )


def spans(
    *,
    zones: st.SearchStrategy[str | None] | None = None,
    min_value: datetime = DEFAULT_MIN,
    max_value: datetime = DEFAULT_MAX,
    open_ends: bool = True,
    precisions: st.SearchStrategy[Precision | str] | None = None,
) -> st.SearchStrategy[Span]:
    """Valid :class:`~diplomacy_ledger.Span` values: a start, then an end a positive length later.

    Requires hypothesis. The start is drawn as by :func:`whens`; the end is a When of any
    precision around the start's earliest bound plus a length of a minute to 60 days, so that
    imprecise ends may overlap their start ("began and ended on Monday"). With ``open_ends``
    (the default) a third of the Spans have an unknown end, or are ongoing as of a later moment.
    ``precisions`` draws the precision of the start and of the end (every precision by default).
    """
    check_strategy(zones, "zones")
    check_strategy(precisions, "precisions")
    check_range(min_value, max_value, lowest=LOWEST, highest=HIGHEST - timedelta(days=61))
    check_bool(open_ends, "open_ends")
    starts = whens(zones=zones, precisions=precisions, min_value=min_value, max_value=max_value)
    zone_strategy = default_zones() if zones is None else checked_zones(zones)
    end_precisions = (
        st.sampled_from(PRECISIONS) if precisions is None else checked_precisions(precisions)
    )
    shapes = ("closed", "open", "ongoing") if open_ends else ("closed",)

    @st.composite
    def spans(draw: st.DrawFn, /, **shown: object) -> Span:
        start = draw(starts)
        shape = draw(st.sampled_from(shapes))
        if shape == "open":
            return Span(start)
        later = start.earliest + draw(lengths(max_days=60))
        zone = draw(zone_strategy)
        end = when_near(draw, later, zone, draw(end_precisions))
        if shape == "ongoing":
            return Span.ongoing(start, as_of=end)
        return Span(start, end)

    return spans(
        **shown_arguments(
            zones=zones,
            min_value=min_value,
            max_value=max_value,
            open_ends=open_ends,
            precisions=precisions,
        )
    )


@functools.cache
def lengths(*, max_days: int) -> st.SearchStrategy[timedelta]:
    """Positive durations of a few minutes, hours or days; shrinks toward one minute."""
    return st.builds(
        lambda unit, count: unit * count,
        st.sampled_from(_UNITS),
        st.integers(min_value=1, max_value=max(1, min(90, max_days))),
    ).map(lambda length: min(length, timedelta(days=max_days)))


# -- building blocks, shared with the ledger strategies -------------------------------------------


def clock_when(moment: datetime, zone: str | None, precision: Precision) -> When:
    """The first whole hour, minute or second at or after ``moment`` on ``zone``'s clocks.

    Falls back to a finer precision when an offset change (or an offset with seconds, as local
    mean times had) leaves no whole hour or minute just there.
    """
    rule = rules(zone)
    start = _CLOCKS.index(precision) if precision in _CLOCKS else 2
    for candidate_precision in _CLOCKS[start:]:
        candidate = _round_up(moment, rule, candidate_precision)
        if candidate is None:
            continue
        try:
            return When.instant(candidate, zone=zone, precision=candidate_precision)
        except InvalidTimeError:
            continue
    raise AssertionError("a whole second always exists")  # pragma: no cover


def _whole(shown: datetime, precision: Precision) -> bool:
    fields = [shown.microsecond]
    if precision is not Precision.SECOND:
        fields.append(shown.second)
    if precision is Precision.HOUR:
        fields.append(shown.minute)
    return not any(fields)


def _round_up(moment: datetime, rule: tzinfo, precision: Precision) -> datetime | None:
    local = moment.astimezone(rule)
    if _whole(local, precision):
        return moment
    excess = timedelta(microseconds=local.microsecond)
    unit = timedelta(seconds=1)
    if precision is not Precision.SECOND:
        excess += timedelta(seconds=local.second)
        unit = timedelta(minutes=1)
    if precision is Precision.HOUR:
        excess += timedelta(minutes=local.minute)
        unit = timedelta(hours=1)
    candidate = moment + (unit - excess)
    return candidate if _whole(candidate.astimezone(rule), precision) else None


def _local_date(moment: datetime, zone: str | None) -> date:
    return moment.astimezone(rules(zone)).date()


def _period(precision: Precision, start: date, zone: str | None) -> When:
    if precision is Precision.DAY:
        return When.day(start, zone=zone)
    if precision is Precision.MONTH:
        return When.month(start.year, start.month, zone=zone)
    return When.year(start.year, zone=zone)


def _next_start(precision: Precision, start: date) -> date:
    if precision is Precision.DAY:
        return start + timedelta(days=1)
    if precision is Precision.MONTH:
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def _first_of(precision: Precision, day: date) -> date:
    if precision is Precision.MONTH:
        return day.replace(day=1)
    if precision is Precision.YEAR:
        return date(day.year, 1, 1)
    return day


def period_after(moment: datetime, zone: str | None, precision: Precision) -> When:
    """The first whole day, month or year in ``zone`` that begins at or after ``moment``."""
    # A date "anywhere on Earth" (no zone) begins at UTC+14.
    day = (moment + timedelta(hours=14)).date() if zone is None else _local_date(moment, zone)
    start = _next_start(precision, _first_of(precision, day))
    for _ in range(8):
        try:
            when = _period(precision, start, zone)
        except SkippedTimeError:  # Pacific/Apia skipped 30 December 2011
            start = _next_start(precision, start)
            continue
        if when.earliest >= moment:
            return when
        start = _next_start(precision, start)  # a fold at midnight put the start earlier
    raise AssertionError(f"no {precision.value} after {moment} in {zone}")  # pragma: no cover


def when_near(draw: st.DrawFn, anchor: datetime, zone: str | None, precision: Precision) -> When:
    """A When of ``precision`` that holds ``anchor``, or a clock reading just after it.

    Its latest bound is never before ``anchor``.
    """
    if precision.is_clock:
        return clock_when(anchor, zone, precision)
    if precision.is_calendar:
        day = anchor.date() if zone is None else _local_date(anchor, zone)
        return _period(precision, _first_of(precision, day), zone)
    before = draw(lengths(max_days=3))
    after = draw(lengths(max_days=3))
    if draw(_COIN):
        days = (before.days, after.days)
        first = when_near(draw, anchor - timedelta(days=days[0]), zone, Precision.DAY)
        last = when_near(draw, anchor + timedelta(days=days[1]), zone, Precision.DAY)
        return When.between(first, last, zone=zone)
    return When.between(
        clock_when(anchor - before, zone, Precision.MINUTE),
        clock_when(anchor + after, zone, Precision.MINUTE),
        zone=zone,
    )


class Window(NamedTuple):
    """How a window (:attr:`~diplomacy_ledger.Precision.SPAN`) after a moment is drawn.

    Whole days (the first one and ``more_days`` after it), or a clock window of ``length``.
    """

    days: bool
    more_days: int = 0
    length: timedelta = timedelta(minutes=1)


_NOT_A_WINDOW: Final = Window(days=False)


def window_shape(draw: st.DrawFn, precision: Precision) -> Window:
    """The choices :func:`when_after` makes for ``precision`` (none but for a window)."""
    if precision is not Precision.SPAN:
        return _NOT_A_WINDOW
    if draw(_COIN):
        return Window(days=True, more_days=draw(_MORE_DAYS))
    return Window(days=False, length=draw(lengths(max_days=1)))


def when_after(draw: st.DrawFn, moment: datetime, zone: str | None, precision: Precision) -> When:
    """A When of ``precision`` whose earliest bound is at or after ``moment``."""
    return when_after_shaped(moment, zone, precision, window_shape(draw, precision))


def when_after_shaped(
    moment: datetime, zone: str | None, precision: Precision, window: Window
) -> When:
    """:func:`when_after`, its choices drawn beforehand (by :func:`window_shape`)."""
    if precision.is_clock:
        return clock_when(moment, zone, precision)
    if precision.is_calendar:
        return period_after(moment, zone, precision)
    if window.days:
        first = period_after(moment, zone, Precision.DAY)
        last = first
        shown = first.earliest + timedelta(hours=14) if zone is None else first.earliest
        later = _local_date(shown, zone) + timedelta(days=window.more_days)
        with contextlib.suppress(SkippedTimeError):  # Pacific/Apia skipped 30 December 2011
            last = When.day(later, zone=zone)
        return When.between(first, last, zone=zone)
    start = clock_when(moment, zone, Precision.MINUTE)
    end = clock_when(start.earliest + window.length, zone, Precision.MINUTE)
    return When.between(start, end, zone=zone)


def with_wall(when: When) -> When:
    """The same instant, stated as a wall time on its zone's clocks (kept in ``When.wall``).

    Left as it is when the wall time was repeated there (or the When is not an instant in an
    IANA zone).
    """
    zone = when.zone
    if not when.is_exact or zone is None or zone[:1] in "+-" or when.precision is Precision.HOUR:
        return when
    wall = when.earliest.astimezone(rules(zone)).replace(tzinfo=None)
    try:
        if when.precision is Precision.MINUTE:
            stated = When.local(f"{wall:%Y-%m-%d %H:%M}", zone=zone)
        else:
            stated = When.local(wall, zone=zone)
    except (RepeatedTimeError, SkippedTimeError, InvalidTimeError):
        return when
    return stated if stated == when else when


def reach(moment: When | Span | None) -> tuple[datetime, datetime] | None:
    """The earliest and the latest finite bound of a time (an open end adds nothing)."""
    if moment is None:
        return None
    if isinstance(moment, When):
        return moment.earliest, moment.latest
    parts = [w for w in (moment.start, moment.end, moment.ongoing_as_of) if w is not None]
    return moment.start.earliest, max(w.latest for w in parts)
