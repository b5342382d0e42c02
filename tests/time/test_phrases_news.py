"""The forms news reports write most, against a calendar computed here.

Anchors on every weekday of four weeks: the week Paris set clocks back (Sunday 30 October 2022),
the week it set them forward (Sunday 27 March 2022), a week in New York spanning the end of a
month, and a week in Yerevan (no clock change). Expected dates are counted here from the anchor's
weekday and with ``dateutil.relativedelta`` for months (the day clamped to the month's end);
instants come from the standard library's ``zoneinfo``, never from the code under test.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, reject
from hypothesis import strategies as st

from diplomacy_ledger import (
    PhraseWidths,
    Precision,
    SkippedTimeError,
    Tense,
    UnknownPhraseError,
    When,
    resolve_phrase,
)

US = timedelta(microseconds=1)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ANCHOR_WEEKS = [
    ("Europe/Paris", date(2022, 10, 24)),  # Monday of the week clocks went back
    ("Europe/Paris", date(2022, 3, 21)),  # Monday of the week clocks went forward
    ("America/New_York", date(2022, 10, 31)),  # Monday 31 October: the week crosses a month
    ("Asia/Yerevan", date(2022, 9, 12)),
]
CASES = [(zone, monday + timedelta(days=n)) for zone, monday in ANCHOR_WEEKS for n in range(7)]


def start(day: date, zone: str, at: time = time()) -> datetime:
    return datetime.combine(day, at, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def days(first: date, last: date, zone: str) -> tuple[datetime, datetime]:
    return start(first, zone), start(last + timedelta(days=1), zone) - US


def read(
    phrase: str, anchor: date | When, zone: str, tense: Tense | None = None
) -> tuple[datetime, datetime]:
    """The bounds of ``phrase`` read against a whole day (or a When) in ``zone``."""
    when = anchor if isinstance(anchor, When) else When.day(anchor, zone=zone)
    found = resolve_phrase(phrase, anchor=when, zone=zone, tense=tense)
    assert found.text == phrase
    return found.earliest, found.latest


# -- last and next <weekday> -------------------------------------------------------------------


@pytest.mark.parametrize(("zone", "anchor_day"), CASES)
def test_last_and_next_weekday(zone: str, anchor_day: date) -> None:
    monday = anchor_day - timedelta(days=anchor_day.weekday())
    sunday = monday + timedelta(days=6)
    for number, name in enumerate(WEEKDAYS):
        # The nearest such day strictly before: 1 to 7 days back.
        back = (anchor_day.weekday() - number) % 7 or 7
        last = anchor_day - timedelta(days=back)
        if last < monday:  # in the week before the anchor's: that day, whatever the tense
            for tense in (None, "past", "future"):
                assert read(f"last {name}", anchor_day, zone, tense) == days(last, last, zone)
        else:  # in the anchor's own week: it, or the one a week before? Refused.
            with pytest.raises(UnknownPhraseError, match="may be") as refused:
                read(f"last {name}", anchor_day, zone, "past")
            assert f"{last.day} {last:%B %Y}" in str(refused.value)
            earlier = last - timedelta(days=7)
            assert f"{earlier.day} {earlier:%B %Y}" in str(refused.value)
        ahead = (number - anchor_day.weekday()) % 7 or 7
        following = anchor_day + timedelta(days=ahead)
        if following > sunday:
            assert read(f"next {name}", anchor_day, zone) == days(following, following, zone)
        else:
            with pytest.raises(UnknownPhraseError, match="may be"):
                read(f"next {name}", anchor_day, zone, "future")


# -- N days, weeks, months, years ago ----------------------------------------------------------


@pytest.mark.parametrize(("zone", "anchor_day"), CASES)
def test_ago(zone: str, anchor_day: date) -> None:
    for count, words in ((1, "a"), (3, "three"), (12, "12"), (20, "twenty")):
        day = anchor_day - timedelta(days=count)
        assert read(f"{words} day{'s' * (count > 1)} ago", anchor_day, zone) == days(day, day, zone)
        # Weeks: the seven days centred on the date that many weeks back.
        centre = anchor_day - timedelta(weeks=count)
        expected = days(centre - timedelta(days=3), centre + timedelta(days=3), zone)
        assert read(f"{words} week{'s' * (count > 1)} ago", anchor_day, zone) == expected
        # Months: 15 days either side of the same date that many months back.
        centre = anchor_day - relativedelta(months=count)
        expected = days(centre - timedelta(days=15), centre + timedelta(days=15), zone)
        assert read(f"{words} month{'s' * (count > 1)} ago", anchor_day, zone) == expected
        # Years: six months either side of the same date that many years back.
        centre = anchor_day - relativedelta(years=count)
        expected = days(centre - relativedelta(months=6), centre + relativedelta(months=6), zone)
        assert read(f"{words} year{'s' * (count > 1)} ago", anchor_day, zone) == expected


def test_ago_at_the_ends_of_months_and_the_widths_can_be_changed() -> None:
    zone = "Europe/Paris"
    # 31 March, a month back: 28 February 2022 (no 31st), then 15 days either side.
    assert read("a month ago", date(2022, 3, 31), zone) == days(
        date(2022, 2, 13), date(2022, 3, 15), zone
    )
    # 29 February 2024, a year back: 28 February 2023.
    narrow = PhraseWidths(years_ago=0, weeks_ago=0, months_ago=0)
    anchor = When.day("2024-02-29", zone=zone)
    found = resolve_phrase("a year ago", anchor=anchor, zone=zone, widths=narrow)
    assert (found.earliest, found.latest) == days(date(2023, 2, 28), date(2023, 2, 28), zone)
    week = resolve_phrase("two weeks ago", anchor=anchor, zone=zone, widths=narrow)
    assert (week.earliest, week.latest) == days(date(2024, 2, 15), date(2024, 2, 15), zone)
    for vague in ("a few days ago", "several weeks ago", "a couple of days ago", "0 weeks ago"):
        with pytest.raises(UnknownPhraseError):
            read(vague, date(2022, 9, 13), zone)


# -- last, this and next week, month, year; their parts; earlier and later ---------------------


@pytest.mark.parametrize(("zone", "anchor_day"), CASES)
def test_weeks_months_and_years_around_the_anchor(zone: str, anchor_day: date) -> None:
    monday = anchor_day - timedelta(days=anchor_day.weekday())
    for which, shift in (("last", -1), ("this", 0), ("next", 1)):
        first = monday + timedelta(weeks=shift)
        assert read(f"{which} week", anchor_day, zone) == days(
            first, first + timedelta(days=6), zone
        )
        assert read(f"early {which} week", anchor_day, zone) == days(
            first, first + timedelta(days=2), zone
        )
        assert read(f"mid-{which} week", anchor_day, zone) == days(
            first + timedelta(days=1), first + timedelta(days=3), zone
        )
        assert read(f"late {which} week", anchor_day, zone) == days(
            first + timedelta(days=3), first + timedelta(days=6), zone
        )
        month = anchor_day.replace(day=1) + relativedelta(months=shift)
        month_end = month + relativedelta(months=1) - timedelta(days=1)
        assert read(f"{which} month", anchor_day, zone) == days(month, month_end, zone)
        assert read(f"late {which} month", anchor_day, zone) == days(
            month.replace(day=21), month_end, zone
        )
        assert read(f"early {which} month", anchor_day, zone) == days(
            month, month.replace(day=10), zone
        )
        year = anchor_day.year + shift
        assert read(f"{which} year", anchor_day, zone) == days(
            date(year, 1, 1), date(year, 12, 31), zone
        )
        assert read(f"mid-{which} year", anchor_day, zone) == days(
            date(year, 5, 1), date(year, 8, 31), zone
        )
    assert read("earlier this week", anchor_day, zone) == days(monday, anchor_day, zone)
    assert read("later this week", anchor_day, zone) == days(
        anchor_day, monday + timedelta(days=6), zone
    )
    assert read("earlier this month", anchor_day, zone) == days(
        anchor_day.replace(day=1), anchor_day, zone
    )
    assert read("later this year", anchor_day, zone) == days(
        anchor_day, date(anchor_day.year, 12, 31), zone
    )
    assert read("earlier today", anchor_day, zone) == days(anchor_day, anchor_day, zone)
    assert read("later today", anchor_day, zone) == days(anchor_day, anchor_day, zone)


def test_earlier_and_later_end_and_begin_at_an_exact_anchor() -> None:
    # A report published at 14:05 in Paris on Monday 31 October 2022 (the day after the change).
    zone = "Europe/Paris"
    published = datetime(2022, 10, 31, 14, 5, tzinfo=ZoneInfo(zone))
    anchor = When.instant(published)
    day = date(2022, 10, 31)
    assert read("earlier today", anchor, zone) == (start(day, zone), published.astimezone(UTC))
    assert read("later today", anchor, zone) == (
        published.astimezone(UTC),
        start(day + timedelta(days=1), zone) - US,
    )
    assert read("earlier this week", anchor, zone)[1] == published.astimezone(UTC)
    assert read("later this month", anchor, zone) == (
        published.astimezone(UTC),
        start(date(2022, 11, 1), zone) - US,
    )


# -- the past N units: from the anchor's start moved back, to its end -------------------------


def test_the_past_hours_days_weeks_and_months_across_clock_changes() -> None:
    zone = "Europe/Paris"
    # Noon on Monday 31 October 2022: clocks went back at 03:00 on Sunday 30 October.
    noon = datetime(2022, 10, 31, 12, tzinfo=ZoneInfo(zone))
    anchor = When.instant(noon)
    end = noon.astimezone(UTC)
    # Hours are elapsed time: 48 hours before is 13:00 on Saturday 29 October, the 25-hour
    # Sunday lying between.
    assert read("over the past 48 hours", anchor, zone) == (end - timedelta(hours=48), end)
    assert (end - timedelta(hours=48)).astimezone(ZoneInfo(zone)).hour == 13
    # Days and longer are calendar steps on the zone's clocks: noon a week before, in summer time.
    week_ago = datetime(2022, 10, 24, 12, tzinfo=ZoneInfo(zone)).astimezone(UTC)
    assert read("in the past week", anchor, zone) == (week_ago, end)
    assert read("the last seven days", anchor, zone) == (week_ago, end)
    three_months = datetime(2022, 7, 31, 12, tzinfo=ZoneInfo(zone)).astimezone(UTC)
    assert read("the past three months", anchor, zone) == (three_months, end)
    # Against a whole day, from the start of the day that far back to the end of the anchor's.
    assert read("the past day", date(2022, 11, 1), zone) == days(
        date(2022, 10, 31), date(2022, 11, 1), zone
    )
    # "The last week" is the past seven days; "last week" the calendar week before.
    assert read("the last week", date(2022, 11, 1), zone) == days(
        date(2022, 10, 25), date(2022, 11, 1), zone
    )
    assert read("last week", date(2022, 11, 1), zone) == days(
        date(2022, 10, 24), date(2022, 10, 30), zone
    )


# -- parts of a named day: the morning of September 13, the small hours of Tuesday ------------

PARTS = {  # part: (start, end, next day?) by hand, from the documented DayParts
    "early hours": (time(0), time(6), False),
    "small hours": (time(0), time(6), False),
    "morning": (time(6), time(12), False),
    "afternoon": (time(12), time(18), False),
    "evening": (time(18), time(0), True),
    "night": (time(18), time(6), True),
}


def part_bounds(day: date, part: str, zone: str) -> tuple[datetime, datetime]:
    begin, end, next_day = PARTS[part]
    return start(day, zone, begin), start(day + timedelta(days=next_day), zone, end) - US


@pytest.mark.parametrize(("zone", "anchor_day"), CASES)
def test_parts_of_dates_and_weekdays(zone: str, anchor_day: date) -> None:
    for part in PARTS:
        # A date with its year: that date, whatever the anchor.
        day = anchor_day - timedelta(days=9)
        written = f"{day.day} {day:%B %Y}"
        assert read(f"the {part} of {written}", anchor_day, zone) == part_bounds(day, part, zone)
        assert read(f"in the {part} of {day:%B} {day.day}, {day.year}", anchor_day, zone) == (
            part_bounds(day, part, zone)
        )
        # The anchor's own date, without a year: the same in either tense.
        own = f"{anchor_day:%B} {anchor_day.day}"
        assert read(f"the {part} of {own}", anchor_day, zone) == part_bounds(anchor_day, part, zone)
        # A weekday, in the past tense: the most recent on or before the anchor date.
        for number, name in enumerate(WEEKDAYS):
            back = (anchor_day.weekday() - number) % 7
            weekday = anchor_day - timedelta(days=back)
            assert read(f"the {part} of {name}", anchor_day, zone, "past") == part_bounds(
                weekday, part, zone
            )
        previous = anchor_day - timedelta(days=1)
        assert read(f"the {part} of the previous day", anchor_day, zone) == part_bounds(
            previous, part, zone
        )
        if part in {"early hours", "small hours", "morning"}:  # "... of Tuesday morning"
            morning = f"the {part} of {written} morning"
            assert read(morning, anchor_day, zone) == part_bounds(day, part, zone)
        else:
            with pytest.raises(UnknownPhraseError):
                read(f"the {part} of {written} morning", anchor_day, zone)
    # Overnight into a day: the night that began the day before it.
    for number, name in enumerate(WEEKDAYS):
        back = (anchor_day.weekday() - number) % 7
        into = anchor_day - timedelta(days=back)
        assert read(f"overnight into {name}", anchor_day, zone, "past") == part_bounds(
            into - timedelta(days=1), "night", zone
        )
    own_date = f"{anchor_day.day} {anchor_day:%B}"
    assert read(f"overnight into {own_date}", anchor_day, zone) == part_bounds(
        anchor_day - timedelta(days=1), "night", zone
    )


def test_a_bare_part_of_a_day_is_still_refused() -> None:
    anchor = date(2022, 9, 13)
    for bare in ("in the small hours", "in the early hours", "in the morning"):
        with pytest.raises(UnknownPhraseError, match="understood forms"):
            read(bare, anchor, "Asia/Yerevan", "past")


def test_clock_times_on_a_date() -> None:
    zone = "Asia/Yerevan"
    anchor = date(2022, 9, 14)
    expected = (start(date(2022, 9, 13), zone, time(2, 30)),) * 2
    for phrase in (
        "02:30 on 13 September",
        "at 2.30am on September 13",
        "on 13 September at 02:30",
        "Tuesday, 13 September 2022, at 02:30 local time",
        "02:30 on the previous day",
    ):
        assert read(phrase, anchor, zone, "past") == expected, phrase
    with pytest.raises(UnknownPhraseError, match="depends on the tense"):
        read("02:30 on 13 September", anchor, zone)  # 2022's, or 2023's?
    moscow = start(date(2022, 9, 13), "Europe/Moscow", time(2, 30))
    assert read("13 September at 02:30 Moscow time", anchor, zone, "past") == (moscow, moscow)


# -- ranges of days ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "13-14 September",
        "13–14 September",  # en dash
        "13 — 14 September",  # em dash, spaced
        "13−14 September",  # minus sign
        "September 13-14",
        "13 to 14 September",
        "between 13 and 14 September",
        "13-14 September 2022",
        "September 13–14, 2022",
    ],
)
def test_a_range_of_days(phrase: str) -> None:
    zone = "Asia/Yerevan"
    assert read(phrase, date(2022, 9, 14), zone) == days(date(2022, 9, 13), date(2022, 9, 14), zone)


def test_a_range_of_days_without_a_year_follows_the_tense() -> None:
    zone = "Asia/Yerevan"
    anchor = date(2022, 9, 20)
    with pytest.raises(UnknownPhraseError, match="depends on the tense"):
        read("13-14 September", anchor, zone)
    assert read("13-14 September", anchor, zone, "past") == days(
        date(2022, 9, 13), date(2022, 9, 14), zone
    )
    assert read("13-14 September", anchor, zone, "future") == days(
        date(2023, 9, 13), date(2023, 9, 14), zone
    )
    for backwards in ("14-13 September", "13-13 September", "30-31 September 2022"):
        with pytest.raises(UnknownPhraseError):
            read(backwards, anchor, zone, "past")


# -- what has no honest meaning is refused -----------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "in the coming days",
        "in the coming weeks",
        "in the days ahead",
        "in the weeks to come",
        "soon",
        "recently",
        "lately",
        "in recent days",
        "in recent weeks",
        "over the past few days",
        "in the last couple of weeks",
        "a few days ago",
    ],
)
def test_open_ended_phrases_are_refused_with_the_reason(phrase: str) -> None:
    for tense in (None, "past", "future"):
        with pytest.raises(UnknownPhraseError, match="open-ended"):
            read(phrase, date(2022, 9, 13), "Asia/Yerevan", tense)
    # A one-sided bound says what such a phrase can honestly say: after the report's day.
    after = resolve_phrase(
        "after today", anchor=When.day("2022-09-13", zone="Asia/Yerevan"), zone="Asia/Yerevan"
    )
    assert after.earliest == start(date(2022, 9, 14), "Asia/Yerevan")
    assert after.precision is Precision.SPAN


@pytest.mark.parametrize(("zone", "anchor_day"), CASES)
def test_the_weekend_just_gone(zone: str, anchor_day: date) -> None:
    # The Saturday and Sunday before the anchor date; said on one of them, that weekend or the
    # one before (both).
    saturday = anchor_day - timedelta(days=(anchor_day.weekday() - 5) % 7)
    first = saturday - timedelta(days=7) if anchor_day.weekday() >= 5 else saturday
    for phrase in (
        "last weekend",
        "the past weekend",
        "this past weekend",
        "over the last weekend",
    ):
        assert read(phrase, anchor_day, zone) == days(first, saturday + timedelta(days=1), zone)


# -- properties over random zones and dates ----------------------------------------------------

ZONES = st.sampled_from(
    [
        "Europe/Paris",
        "America/New_York",
        "America/Santiago",  # midnight skipped in spring
        "America/Havana",  # midnight repeated in autumn
        "Australia/Lord_Howe",  # half-hour changes
        "Asia/Kathmandu",
        "Asia/Yerevan",
        "Pacific/Kiritimati",
        "UTC",
    ]
)
DATES = st.dates(min_value=date(1980, 1, 1), max_value=date(2040, 12, 31))


def local_dates(found: tuple[datetime, datetime], zone: str) -> tuple[date, date]:
    first, last = found
    return first.astimezone(ZoneInfo(zone)).date(), last.astimezone(ZoneInfo(zone)).date()


@given(zone=ZONES, anchor_day=DATES, unit=st.sampled_from(["week", "month", "year"]))
def test_periods_nest_and_follow_each_other(zone: str, anchor_day: date, unit: str) -> None:
    try:
        this = read(f"this {unit}", anchor_day, zone)
        last = read(f"last {unit}", anchor_day, zone)
        following = read(f"next {unit}", anchor_day, zone)
        parts = [read(f"{part} this {unit}", anchor_day, zone) for part in ("early", "mid", "late")]
        sides = [read(f"{side} this {unit}", anchor_day, zone) for side in ("earlier", "later")]
    except SkippedTimeError:
        reject()  # a day the zone skipped (Samoa-like); refused, tested elsewhere
    # One after another, with nothing between.
    assert last[1] + US == this[0]
    assert this[1] + US == following[0]
    # The anchor's date lies in this one; its parts and sides lie within it.
    assert local_dates(this, zone)[0] <= anchor_day <= local_dates(this, zone)[1]
    for inner in (*parts, *sides):
        assert this[0] <= inner[0] <= inner[1] <= this[1]
    earlier, later = sides
    assert local_dates(earlier, zone)[1] == anchor_day == local_dates(later, zone)[0]
    assert (earlier[0], later[1]) == this


@given(
    zone=ZONES,
    anchor_day=DATES,
    count=st.integers(1, 30),
    unit=st.sampled_from(["day", "week", "month", "year"]),
)
def test_ago_is_centred_on_the_date_that_far_back(
    zone: str, anchor_day: date, count: int, unit: str
) -> None:
    step = {"day": relativedelta(days=count), "week": relativedelta(weeks=count)}.get(
        unit, relativedelta(months=count) if unit == "month" else relativedelta(years=count)
    )
    centre = anchor_day - step
    try:
        found = read(f"{count} {unit}s ago", anchor_day, zone)
    except SkippedTimeError:
        reject()  # a day the zone skipped
    first, last = local_dates(found, zone)
    assert first <= centre <= last
    spread = {"day": 0, "week": 3, "month": 15}
    if unit in spread:
        assert (centre - first).days == (last - centre).days == spread[unit]
    else:
        assert (first, last) == (centre - relativedelta(months=6), centre + relativedelta(months=6))


@given(zone=ZONES, anchor_day=DATES, weekday=st.integers(0, 6))
def test_last_and_next_weekday_are_in_the_weeks_before_and_after(
    zone: str, anchor_day: date, weekday: int
) -> None:
    monday = anchor_day - timedelta(days=anchor_day.weekday())
    for which, week_start in (
        ("last", monday - timedelta(weeks=1)),
        ("next", monday + timedelta(weeks=1)),
    ):
        try:
            found = read(f"{which} {WEEKDAYS[weekday]}", anchor_day, zone)
        except UnknownPhraseError:
            # Refused only where the nearest such day falls in the anchor's own week.
            nearest = (
                anchor_day - timedelta(days=(anchor_day.weekday() - weekday) % 7 or 7)
                if which == "last"
                else anchor_day + timedelta(days=(weekday - anchor_day.weekday()) % 7 or 7)
            )
            assert monday <= nearest <= monday + timedelta(days=6)
            continue
        except SkippedTimeError:
            continue
        day, same = local_dates(found, zone)
        assert day == same
        assert day == week_start + timedelta(days=weekday)
        assert 1 <= abs((day - anchor_day).days) <= 13
