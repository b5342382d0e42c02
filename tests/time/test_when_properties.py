"""Property tests for the time model: round trips, zones, and agreement with *whenever*."""

from __future__ import annotations

import warnings
import zoneinfo
from datetime import UTC, date, datetime, timedelta

import pytest
import whenever
from hypothesis import given
from hypothesis import strategies as st

from diplomacy_ledger import (
    Disambiguation,
    RepeatedTimeError,
    SkippedTimeError,
    Span,
    UnknownZoneError,
    When,
    available_zones,
    canonical_zone,
)
from tests._times import INTERESTING_ZONES, whens, zone_keys

ZONES = available_zones()
ONE = timedelta(microseconds=1)


@given(whens())
def test_str_then_parse_gives_back_an_equal_when(when: When) -> None:
    again = When.parse(str(when))
    assert again == when
    assert (again.earliest, again.latest, again.precision, again.zone) == (
        when.earliest,
        when.latest,
        when.precision,
        when.zone,
    )


@given(
    st.datetimes(
        min_value=datetime(1900, 1, 1),  # noqa: DTZ001
        max_value=datetime(2100, 1, 1),  # noqa: DTZ001
        timezones=st.timezones(),
        allow_imaginary=True,
    ),
    zone_keys(),
)
def test_instants_survive_zone_conversion(moment: datetime, other_zone: str) -> None:
    key = getattr(moment.tzinfo, "key", None)
    try:
        when = When.instant(moment)
    except UnknownZoneError:
        assert key not in ZONES  # only keys outside the IANA list may be refused
        return
    assert when.earliest == moment.astimezone(UTC)
    # A backward-compatible name (Asia/Harbin) becomes the zone's own (Asia/Shanghai).
    assert when.zone == canonical_zone(key) if key is not None else when.zone is None
    moved = when.to_zone(other_zone)
    assert moved.earliest == moved.latest == when.earliest
    assert When.parse(str(moved)) == moved
    local, _ = moved.local_bounds()
    assert local.replace(tzinfo=None) == when.earliest.astimezone(
        zoneinfo.ZoneInfo(other_zone)
    ).replace(tzinfo=None)


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31)), zone_keys())
def test_a_day_is_exactly_the_instants_whose_local_date_is_that_day(day: date, zone: str) -> None:
    rules = zoneinfo.ZoneInfo(zone)  # an independent reading of the same database

    def local_date(moment: datetime) -> date:
        return moment.astimezone(rules).date()

    try:
        when = When.day(day, zone=zone)
    except SkippedTimeError:
        # Only acceptable if no instant had this local date: the instants around it jump over it.
        start = datetime(day.year, day.month, day.day, tzinfo=rules).astimezone(UTC)
        probe = start - timedelta(days=2)
        seen = set()
        while probe < start + timedelta(days=2):
            seen.add(local_date(probe))
            probe += timedelta(minutes=15)
        assert day not in seen
        return
    assert local_date(when.earliest) == day
    assert local_date(when.latest) == day
    assert local_date(when.earliest - ONE) < day
    assert local_date(when.latest + ONE) > day


def _transitions(zone: str) -> list[datetime]:
    """UTC instants where ``zone``'s offset changes, 1970-2040, found with *whenever*."""
    found: list[datetime] = []
    current = whenever.Instant.from_utc(1970, 1, 1).to_tz(zone)
    for _ in range(200):
        following = current.next_transition()
        if following is None or following.year > 2040:
            break
        found.append(datetime.fromtimestamp(following.timestamp(), tz=UTC))
        current = following
    return found


TRANSITIONS = {zone: _transitions(zone) for zone in INTERESTING_ZONES}
ZONES_WITH_TRANSITIONS = sorted(zone for zone, found in TRANSITIONS.items() if found)


@st.composite
def walls_near_transitions(draw: st.DrawFn) -> tuple[datetime, str]:
    """A naive wall time within a few hours of a transition, often inside its gap or fold."""
    zone = draw(st.sampled_from(ZONES_WITH_TRANSITIONS))
    instant = draw(st.sampled_from(TRANSITIONS[zone]))
    before = instant - ONE
    rules = zoneinfo.ZoneInfo(zone)
    wall_before = before.astimezone(rules).replace(tzinfo=None)
    wall_after = instant.astimezone(rules).replace(tzinfo=None)
    low, high = sorted([wall_before, wall_after])
    span_seconds = int((high - low).total_seconds())
    shift = draw(st.integers(-span_seconds - 3600, span_seconds + 3600))
    wall = low + timedelta(seconds=shift)
    return wall.replace(microsecond=0), zone


def _whenever_instant(wall: datetime, zone: str, disambiguation: Disambiguation) -> datetime:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        zoned = whenever.ZonedDateTime(
            wall.year,
            wall.month,
            wall.day,
            wall.hour,
            wall.minute,
            wall.second,
            tz=zone,
            disambiguation=disambiguation,
        )
    return datetime.fromtimestamp(zoned.timestamp(), tz=UTC)


@given(walls_near_transitions(), st.sampled_from(["earlier", "later", "compatible"]))
def test_disambiguation_agrees_with_whenever(
    case: tuple[datetime, str], disambiguation: Disambiguation
) -> None:
    wall, zone = case
    ours = When.local(wall, zone=zone, disambiguation=disambiguation)
    assert ours.earliest == _whenever_instant(wall, zone, disambiguation)


@given(walls_near_transitions())
def test_gaps_and_folds_are_always_detected(case: tuple[datetime, str]) -> None:
    wall, zone = case
    try:
        _whenever_instant(wall, zone, "raise")
    except whenever.SkippedTime:
        with pytest.raises(SkippedTimeError):
            When.local(wall, zone=zone)
    except whenever.RepeatedTime:
        with pytest.raises(RepeatedTimeError):
            When.local(wall, zone=zone)
    else:
        assert When.local(wall, zone=zone).earliest == _whenever_instant(wall, zone, "raise")


@given(whens(calendar=False), zone_keys())
def test_to_zone_never_moves_the_bounds(when: When, zone: str) -> None:
    moved = when.to_zone(zone)
    assert (moved.earliest, moved.latest) == (when.earliest, when.latest)
    assert When.parse(str(moved)) == moved
    # A clock reading stays a clock reading (perhaps finer); a window stays a window.
    assert moved.precision.is_clock == when.precision.is_clock


@given(whens(), whens(), st.floats(0, 1), st.floats(0, 1))
def test_every_placement_of_a_span_lasts_within_its_duration_range(
    first: When, second: When, at_start: float, at_end: float
) -> None:
    start, end = sorted((first, second), key=lambda when: when.earliest)
    if not end.latest > start.earliest:
        return
    span = Span(start, end)
    shortest, longest = span.duration
    assert longest is not None
    assert timedelta(0) <= shortest <= longest
    began = start.earliest + (start.latest - start.earliest) * at_start
    ended = end.earliest + (end.latest - end.earliest) * at_end
    if ended > began:  # a placement where it lasted
        assert shortest - ONE <= ended - began <= longest + ONE  # floats round to a microsecond
