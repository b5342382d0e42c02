"""Properties of resolve_phrase over random dates, zones, day parts and clock times.

The oracle is the standard library's ``zoneinfo`` (the library reads zones with ``dateutil``):
what the local clocks showed just inside and just outside each window, which wall times were
skipped or repeated, and which dates never happened.
"""

from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

import attrs
from hypothesis import given
from hypothesis import strategies as st

from diplomacy_ledger._errors import RepeatedTimeError, SkippedTimeError
from diplomacy_ledger.time._calendar import Precision
from diplomacy_ledger.time._phrases import DayParts, resolve_phrase
from diplomacy_ledger.time._when import When
from diplomacy_ledger.time._zones import Disambiguation, available_zones

Tense = Literal["past", "future"]
US = timedelta(microseconds=1)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PARTS = {name: name.replace("_", " ") for name in attrs.fields_dict(DayParts)}
# "early Tuesday" and "late Monday" are said only before the day, and never "early of Tuesday".
FORMS_OF = {
    part: ["{part} {day}"] if part in {"early", "late"} else ["{part} of {day}", "{day} {part}"]
    for part in PARTS
}

zones = st.sampled_from(sorted(available_zones()))
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
# Days on which clocks changed (checked with zoneinfo), so that random runs meet them often.
EDGES = [
    ("Europe/Paris", date(2022, 3, 27)),  # 02:00 -> 03:00
    ("Europe/Paris", date(2022, 10, 30)),  # 03:00 -> 02:00
    ("America/New_York", date(2022, 3, 13)),
    ("America/New_York", date(2022, 11, 6)),
    ("Australia/Lord_Howe", date(2022, 4, 3)),  # 02:00 -> 01:30
    ("Australia/Lord_Howe", date(2022, 10, 2)),  # 02:00 -> 02:30
    ("America/Santiago", date(2022, 9, 11)),  # 00:00 -> 01:00: the day starts at 01:00
    ("America/Santiago", date(2022, 4, 2)),  # 24:00 -> 23:00: the day lasts 25 hours
    ("America/Havana", date(2022, 3, 13)),  # 00:00 -> 01:00
    ("America/Havana", date(2022, 11, 6)),  # 01:00 -> 00:00: midnight happens twice
    ("Europe/Moscow", date(2014, 10, 26)),  # 02:00 -> 01:00, for good
    ("Pacific/Apia", date(2011, 12, 30)),  # skipped: Thursday 29 -> Saturday 31
    ("Pacific/Apia", date(2011, 12, 29)),
    ("Pacific/Kiritimati", date(1994, 12, 31)),  # skipped
    ("Pacific/Kwajalein", date(1993, 8, 21)),  # skipped
]
zone_days = st.one_of(st.tuples(zones, days), st.sampled_from(EDGES))
tenses = st.sampled_from(["past", "future"])
# Whole minutes, and now and then a stray microsecond, for the edges of a day part.
walls = st.builds(time, st.integers(0, 23), st.integers(0, 59), st.just(0), st.sampled_from([0, 1]))


def wall(instant: datetime, zone: str) -> datetime:
    """What clocks in ``zone`` showed at ``instant`` (a naive wall time)."""
    return instant.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def walls_shown(around: date, zone: str) -> list[datetime]:
    """Wall times clocks in ``zone`` showed every 15 minutes from the day before to two after."""
    start = datetime.combine(around - timedelta(days=1), time(), tzinfo=UTC)
    return [wall(start + timedelta(minutes=15 * n), zone) for n in range(4 * 24 * 4)]


def occurred(day: date, zone: str) -> bool:
    return any(shown.date() == day for shown in walls_shown(day, zone))


def anchor_day_for(target: date, offset: int, tense: Tense) -> date:
    """A report date from which ``target`` is the weekday named: ``offset`` (0-6) days away."""
    return target + timedelta(days=offset if tense == "past" else -offset)


def day_anchor(day: date, zone: str) -> When | None:
    """The whole ``day`` as an anchor; None (checked with zoneinfo) if the zone skipped it."""
    try:
        return When.day(day, zone=zone)
    except SkippedTimeError:
        assert not occurred(day, zone)
        return None


@given(zone_day=zone_days, offset=st.integers(0, 6), tense=tenses)
def test_a_weekday_is_the_whole_day_with_that_name(
    *, zone_day: tuple[str, date], offset: int, tense: Tense
) -> None:
    zone, target = zone_day
    anchor_day = anchor_day_for(target, offset, tense)
    anchor = day_anchor(anchor_day, zone)
    if anchor is None:
        return
    name = WEEKDAYS[target.weekday()]
    try:
        when = resolve_phrase(name, anchor=anchor, zone=zone, tense=tense)
    except SkippedTimeError:
        assert not occurred(target, zone)
        return
    day = wall(when.earliest, zone).date()
    assert day == target
    assert day.weekday() == WEEKDAYS.index(name)
    assert 0 <= ((anchor_day - day) if tense == "past" else (day - anchor_day)).days <= 6
    assert wall(when.latest, zone).date() == day
    assert wall(when.earliest - US, zone).date() < day < wall(when.latest + US, zone).date()


@given(
    zone_day=zone_days,
    offset=st.integers(0, 6),
    tense=tenses,
    part=st.sampled_from(sorted(PARTS)),
    bounds=st.none() | st.tuples(walls, walls),
    form=st.sampled_from([0, 1]),
)
def test_a_part_of_a_day_is_exactly_the_instants_showing_its_wall_times(
    *,
    zone_day: tuple[str, date],
    offset: int,
    tense: Tense,
    part: str,
    bounds: tuple[time, time] | None,
    form: int,
) -> None:
    zone, target = zone_day
    anchor = day_anchor(anchor_day_for(target, offset, tense), zone)
    if anchor is None:
        return
    parts = DayParts(**{part: bounds}) if bounds is not None else DayParts()
    start, end = getattr(parts, part)
    start_wall = datetime.combine(target, start)
    end_wall = datetime.combine(target + timedelta(days=0 if end > start else 1), end)
    forms = FORMS_OF[part]
    phrase = forms[form % len(forms)].format(part=PARTS[part], day=WEEKDAYS[target.weekday()])
    try:
        when = resolve_phrase(phrase, anchor=anchor, zone=zone, tense=tense, day_parts=parts)
    except SkippedTimeError:
        shown = walls_shown(target, zone)
        assert not occurred(target, zone) or not any(start_wall <= w < end_wall for w in shown)
        return
    assert when.earliest <= when.latest
    # Inside the window the clocks showed the part's wall times; just outside, they did not.
    assert start_wall <= wall(when.earliest, zone) < end_wall
    assert wall(when.latest, zone) < end_wall
    assert wall(when.earliest - US, zone) < start_wall
    assert wall(when.latest + US, zone) >= end_wall
    assert when.text == phrase


@given(
    zone_day=zone_days,
    clock=st.builds(time, st.integers(0, 23), st.integers(0, 59)),
    style=st.sampled_from(["24", "12"]),
    disambiguation=st.sampled_from(["raise", "earlier", "later", "compatible"]),
)
def test_a_clock_time_is_that_wall_time_in_the_zone(
    *, zone_day: tuple[str, date], clock: time, style: str, disambiguation: Disambiguation
) -> None:
    zone, day = zone_day
    anchor = day_anchor(day, zone)
    if anchor is None:
        return
    if style == "24":
        phrase = f"{clock:%H:%M} local time"
    else:
        phrase = f"{(clock.hour - 1) % 12 + 1}:{clock:%M} {'a.m.' if clock.hour < 12 else 'p.m.'}"
    first = datetime.combine(day, clock, tzinfo=ZoneInfo(zone))  # fold=0
    second = first.replace(fold=1)
    exists = wall(first.astimezone(UTC), zone) == first.replace(tzinfo=None)
    single = first.utcoffset() == second.utcoffset()
    # As in `whenever`: "earlier" is the first of a fold, and in a gap the reading with the offset
    # after the transition (fold=1, the earlier instant); "later" the opposite; "compatible" is
    # "earlier" in a fold and "later" in a gap.
    choose_first = {"earlier": exists, "later": not exists, "compatible": True}
    try:
        when = resolve_phrase(phrase, anchor=anchor, zone=zone, disambiguation=disambiguation)
    except SkippedTimeError:
        assert disambiguation == "raise"
        assert not exists
        return
    except RepeatedTimeError:
        assert disambiguation == "raise"
        assert exists
        assert not single
        return
    assert when.earliest == when.latest
    if single:
        assert when.earliest == first.astimezone(UTC)
    else:
        assert disambiguation != "raise"
        chosen = first if choose_first[disambiguation] else second
        assert when.earliest == chosen.astimezone(UTC)


@given(zone_day=zone_days, extra=st.integers(0, 20), weekday=st.integers(0, 6))
def test_a_vague_anchor_gives_the_window_over_every_reading(
    *, zone_day: tuple[str, date], extra: int, weekday: int
) -> None:
    zone, first_day = zone_day
    last_day = first_day + timedelta(days=extra)
    first, last = day_anchor(first_day, zone), day_anchor(last_day, zone)
    if first is None or last is None:
        return
    anchor = When.between(first, last)
    # The last such weekday on or before each end of the anchor, counted by hand.
    earliest_reading = first_day - timedelta(days=(first_day.weekday() - weekday) % 7)
    latest_reading = last_day - timedelta(days=(last_day.weekday() - weekday) % 7)
    try:
        when = resolve_phrase(WEEKDAYS[weekday], anchor=anchor, zone=zone, tense="past")
    except SkippedTimeError:
        readings = range(0, (latest_reading - earliest_reading).days + 1, 7)
        skipped = [earliest_reading + timedelta(days=n) for n in readings]
        assert not all(occurred(day, zone) for day in skipped)
        return
    assert wall(when.earliest, zone).date() == earliest_reading
    assert wall(when.latest, zone).date() == latest_reading
    assert wall(when.latest + US, zone).date() > latest_reading
    assert (when.precision is Precision.DAY) == (earliest_reading == latest_reading)
