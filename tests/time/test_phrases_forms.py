"""The phrase forms of issue 17 against a calendar computed here with ``zoneinfo``.

Anchors on every weekday, in a week with a clock change (Europe/Paris set clocks back on Sunday
30 October 2022, New York on Sunday 6 November 2022) and in one without (Yerevan). The expected
dates are counted by hand from the anchor's weekday; instants come from ``zoneinfo``.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from diplomacy_ledger import Precision, UnknownPhraseError, When, resolve_phrase

US = timedelta(microseconds=1)
ANCHOR_WEEKS = [
    ("Europe/Paris", date(2022, 10, 24)),  # Monday of the week clocks went back
    ("America/New_York", date(2022, 10, 31)),  # the week before New York's change
    ("Asia/Yerevan", date(2022, 9, 12)),
]
CASES = [(zone, monday + timedelta(days=n)) for zone, monday in ANCHOR_WEEKS for n in range(7)]


def start(day: date, zone: str, at: time = time()) -> datetime:
    return datetime.combine(day, at, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def days(first: date, last: date, zone: str) -> tuple[datetime, datetime]:
    return start(first, zone), start(last + timedelta(days=1), zone) - US


def bounds(phrase: str, anchor_day: date, zone: str) -> tuple[datetime, datetime]:
    """The bounds of ``phrase`` read in the past tense against ``anchor_day`` in ``zone``."""
    anchor = When.day(anchor_day, zone=zone)
    when = resolve_phrase(phrase, anchor=anchor, zone=zone, tense="past")
    return when.earliest, when.latest


@pytest.mark.parametrize(("zone", "anchor_day"), CASES)
def test_weeks(zone: str, anchor_day: date) -> None:
    monday = anchor_day - timedelta(days=anchor_day.weekday())
    sunday = monday + timedelta(days=6)
    assert bounds("this week", anchor_day, zone) == days(monday, sunday, zone)
    assert bounds("last week", anchor_day, zone) == days(
        monday - timedelta(days=7), monday - timedelta(days=1), zone
    )
    assert bounds("earlier this week", anchor_day, zone) == days(monday, anchor_day, zone)
    saturday = monday + timedelta(days=5)
    assert bounds("this weekend", anchor_day, zone) == days(saturday, sunday, zone)


@pytest.mark.parametrize(("zone", "anchor_day"), CASES)
def test_days_back(zone: str, anchor_day: date) -> None:
    for count, words in ((1, "a day ago"), (2, "two days ago"), (3, "3 days ago")):
        day = anchor_day - timedelta(days=count)
        assert bounds(words, anchor_day, zone) == days(day, day, zone)
    before = anchor_day - timedelta(days=1)
    assert bounds("the previous day", anchor_day, zone) == days(before, before, zone)
    assert bounds("overnight", anchor_day, zone) == (
        start(before, zone, time(18)),
        start(anchor_day, zone, time(6)) - US,
    )


@pytest.mark.parametrize(("zone", "anchor_day"), CASES)
def test_early_and_late_weekdays(zone: str, anchor_day: date) -> None:
    for number, name in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]):
        day = anchor_day - timedelta(days=(anchor_day.weekday() - number) % 7)
        assert bounds(f"early {name}", anchor_day, zone) == (
            start(day, zone),
            start(day, zone, time(9)) - US,
        )
        assert bounds(f"late {name}", anchor_day, zone) == (
            start(day, zone, time(18)),
            start(day + timedelta(days=1), zone) - US,
        )


def test_the_25_hour_sunday_and_the_night_into_it() -> None:
    paris = "Europe/Paris"
    anchor = date(2022, 10, 31)
    # Sunday 30 October lasted 25 hours in Paris: 22:00 UTC on the 29th to 23:00 UTC on the 30th.
    assert (
        bounds("the past weekend", anchor, paris)[1] == datetime(2022, 10, 30, 23, tzinfo=UTC) - US
    )
    assert bounds("the day before", anchor, paris) == (
        datetime(2022, 10, 29, 22, tzinfo=UTC),
        datetime(2022, 10, 30, 23, tzinfo=UTC) - US,
    )
    night = bounds("the night of 29 to 30 October", anchor, paris)
    assert night == (
        datetime(2022, 10, 29, 16, tzinfo=UTC),
        datetime(2022, 10, 30, 5, tzinfo=UTC) - US,
    )
    assert night[1] - night[0] == timedelta(hours=13) - US  # 18:00 to 06:00 with an hour repeated


def test_yearless_dates_take_the_closest_year_per_tense() -> None:
    zone = "Asia/Yerevan"
    anchor = When.day("2022-09-13", zone=zone)
    past = resolve_phrase("14 September", anchor=anchor, zone=zone, tense="past")
    future = resolve_phrase("14 September", anchor=anchor, zone=zone, tense="future")
    assert (past.earliest, past.latest) == days(date(2021, 9, 14), date(2021, 9, 14), zone)
    assert (future.earliest, future.latest) == days(date(2022, 9, 14), date(2022, 9, 14), zone)
    leap = resolve_phrase("29 February", anchor=anchor, zone=zone, tense="past")
    assert (leap.earliest, leap.latest) == days(date(2020, 2, 29), date(2020, 2, 29), zone)
    late = resolve_phrase("late September", anchor=anchor, zone=zone, tense="future")
    assert (late.earliest, late.latest) == days(date(2022, 9, 21), date(2022, 9, 30), zone)
    february = resolve_phrase("late February 2021", anchor=anchor, zone=zone)
    assert february.latest == days(date(2021, 2, 28), date(2021, 2, 28), zone)[1]
    with pytest.raises(UnknownPhraseError, match="was a Tuesday, not a Wednesday"):
        resolve_phrase("Wednesday, 13 September", anchor=anchor, zone=zone)


def test_clocks_in_named_zones() -> None:
    zone = "Asia/Yerevan"
    anchor = When.day("2022-09-13", zone=zone)
    moscow = resolve_phrase("02:30 Moscow time", anchor=anchor, zone=zone)
    assert moscow.earliest == start(date(2022, 9, 13), "Europe/Moscow", time(2, 30))
    assert moscow.zone == "Europe/Moscow"
    assert moscow.precision is Precision.MINUTE
    gmt = resolve_phrase("12:00 GMT", anchor=anchor, zone=zone)
    assert gmt.earliest == datetime(2022, 9, 13, 12, tzinfo=UTC)
    around = resolve_phrase("around 02:30", anchor=anchor, zone=zone)
    ceasefire = start(date(2022, 9, 13), zone, time(2, 30))
    assert (around.earliest, around.latest) == (
        ceasefire - timedelta(minutes=15),
        ceasefire + timedelta(minutes=15),
    )
    before = resolve_phrase("shortly before 02:30", anchor=anchor, zone=zone)
    assert (before.earliest, before.latest) == (ceasefire - timedelta(minutes=30), ceasefire - US)
    assert resolve_phrase(
        "24:00 on Monday", anchor=anchor, zone=zone, tense="past"
    ).earliest == start(date(2022, 9, 13), zone)
