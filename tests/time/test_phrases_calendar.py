"""resolve_phrase across clock changes, skipped days and vague anchors; every weekday.

Every expected value is written by hand from calendar facts (Europe/Paris changed clocks on
27 March and 30 October 2022; Samoa skipped Friday 30 December 2011; ...) or computed with the
standard library's ``zoneinfo``, never taken from the code under test.
"""

from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Literal
from zoneinfo import ZoneInfo

import pytest

from diplomacy_ledger._errors import RepeatedTimeError, SkippedTimeError
from diplomacy_ledger.time._calendar import Precision
from diplomacy_ledger.time._phrases import resolve_phrase
from diplomacy_ledger.time._when import When
from diplomacy_ledger.time._zones import Disambiguation

Tense = Literal["past", "future"]
US = timedelta(microseconds=1)
YEREVAN = "Asia/Yerevan"
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def at(offset_hours: float, wall: str) -> datetime:
    """The instant a clock at a fixed UTC offset showed ``wall`` (ISO 8601), in UTC."""
    zone = timezone(timedelta(hours=offset_hours))
    return datetime.fromisoformat(wall).replace(tzinfo=zone).astimezone(UTC)


def local_start(day: date, zone: str) -> datetime:
    """Midnight starting ``day`` in ``zone`` (which must exist), via zoneinfo, in UTC."""
    return datetime.combine(day, time(), tzinfo=ZoneInfo(zone)).astimezone(UTC)


def resolve(
    phrase: str,
    zone: str = YEREVAN,
    anchor: When | None = None,
    *,
    tense: Tense = "past",
    disambiguation: Disambiguation = "raise",
) -> When:
    anchor = When.day("2022-09-13", zone=YEREVAN) if anchor is None else anchor
    return resolve_phrase(
        phrase, anchor=anchor, zone=zone, tense=tense, disambiguation=disambiguation
    )


def bounds(when: When) -> tuple[datetime, datetime]:
    return when.earliest, when.latest


# -- every weekday from every weekday ---------------------------------------------------------


@pytest.mark.parametrize("tense", ["past", "future"])
@pytest.mark.parametrize("anchor_day", [date(2022, 9, 12) + timedelta(days=n) for n in range(7)])
@pytest.mark.parametrize("zone", [YEREVAN, "America/New_York"])
def test_every_weekday_from_every_weekday(anchor_day: date, tense: Tense, zone: str) -> None:
    anchor = When.day(anchor_day, zone=zone)
    for number, name in enumerate(WEEKDAYS):
        when = resolve(name, zone, anchor, tense=tense)
        assert when.precision is Precision.DAY
        day = when.earliest.astimezone(ZoneInfo(zone)).date()
        assert day.weekday() == number
        gap = (anchor_day - day).days if tense == "past" else (day - anchor_day).days
        assert 0 <= gap <= 6
        assert bounds(when) == (
            local_start(day, zone),
            local_start(day + timedelta(days=1), zone) - US,
        )


# -- daylight saving time ---------------------------------------------------------------------

PARIS = "Europe/Paris"


@pytest.mark.parametrize(
    ("zone", "day", "start", "end", "hours"),
    [
        # Clocks 02:00 -> 03:00: six hours of wall time, five hours long.
        (PARIS, "2022-03-27", at(1, "2022-03-27"), at(2, "2022-03-27 06:00"), 5),
        # Clocks 03:00 -> 02:00: seven hours long.
        (PARIS, "2022-10-30", at(2, "2022-10-30"), at(1, "2022-10-30 06:00"), 7),
        ("America/New_York", "2022-03-13", at(-5, "2022-03-13"), at(-4, "2022-03-13 06:00"), 5),
        ("America/New_York", "2022-11-06", at(-4, "2022-11-06"), at(-5, "2022-11-06 06:00"), 7),
        # Lord Howe shifts by thirty minutes.
        (
            "Australia/Lord_Howe",
            "2022-04-03",
            at(11, "2022-04-03"),
            at(10.5, "2022-04-03 06:00"),
            6.5,
        ),
        (
            "Australia/Lord_Howe",
            "2022-10-02",
            at(10.5, "2022-10-02"),
            at(11, "2022-10-02 06:00"),
            5.5,
        ),
        # Santiago skipped midnight itself on 11 September 2022: the day began at 01:00.
        (
            "America/Santiago",
            "2022-09-11",
            at(-3, "2022-09-11 01:00"),
            at(-3, "2022-09-11 06:00"),
            5,
        ),
    ],
)
def test_early_hours_of_sunday_across_clock_changes(
    zone: str, day: str, start: datetime, end: datetime, hours: float
) -> None:
    when = resolve("early hours of Sunday", zone=zone, anchor=When.day(day, zone=zone))
    assert bounds(when) == (start, end - US)
    assert when.latest + US - when.earliest == timedelta(hours=hours)


def test_a_part_of_a_day_that_ends_in_a_fold_at_midnight() -> None:
    # Santiago, Saturday 2 April 2022: at 24:00 -03:00 clocks went back to 23:00 -04:00, so the
    # evening ends at the second 23:59:59.999999.
    santiago = "America/Santiago"
    when = resolve("Saturday evening", zone=santiago, anchor=When.day("2022-04-02", zone=santiago))
    assert bounds(when) == (at(-3, "2022-04-02 18:00"), at(-4, "2022-04-03") - US)
    assert when.latest + US - when.earliest == timedelta(hours=7)


SKIPPED_OR_REPEATED = [
    # zone, anchor day, phrase, error, (instant for "earlier", instant for "later")
    (PARIS, "2022-03-27", "02:30", SkippedTimeError,
     (at(2, "2022-03-27 02:30"), at(1, "2022-03-27 02:30"))),
    (PARIS, "2022-10-30", "02:30", RepeatedTimeError,
     (at(2, "2022-10-30 02:30"), at(1, "2022-10-30 02:30"))),
    ("America/New_York", "2022-03-13", "2:30 am", SkippedTimeError,
     (at(-4, "2022-03-13 02:30"), at(-5, "2022-03-13 02:30"))),
    ("America/New_York", "2022-11-06", "1:30 am", RepeatedTimeError,
     (at(-4, "2022-11-06 01:30"), at(-5, "2022-11-06 01:30"))),
    ("Australia/Lord_Howe", "2022-10-02", "02:15", SkippedTimeError,
     (at(11, "2022-10-02 02:15"), at(10.5, "2022-10-02 02:15"))),
    ("Australia/Lord_Howe", "2022-04-03", "01:45", RepeatedTimeError,
     (at(11, "2022-04-03 01:45"), at(10.5, "2022-04-03 01:45"))),
    ("America/Santiago", "2022-09-11", "midnight", SkippedTimeError,
     (at(-3, "2022-09-11 00:00"), at(-4, "2022-09-11 00:00"))),
]  # fmt: skip


@pytest.mark.parametrize(("zone", "day", "phrase", "error", "readings"), SKIPPED_OR_REPEATED)
def test_skipped_and_repeated_wall_times(
    zone: str,
    day: str,
    phrase: str,
    error: type[Exception],
    readings: tuple[datetime, datetime],
) -> None:
    anchor = When.day(day, zone=zone)
    with pytest.raises(error):
        resolve(phrase, zone=zone, anchor=anchor)
    # "earlier"/"later" as in `whenever`: in a gap, the offset after / before the transition.
    earlier, later = readings
    policies: dict[Disambiguation, datetime] = {"earlier": earlier, "later": later}
    policies["compatible"] = earlier if error is RepeatedTimeError else later
    for policy, expected in policies.items():
        when = resolve(phrase, zone=zone, anchor=anchor, disambiguation=policy)
        assert bounds(when) == (expected, expected), policy


# -- a day the zone skipped: Samoa jumped from Thursday 29 to Saturday 31 December 2011 -------

APIA = "Pacific/Apia"
NEW_YEARS_EVE = When.day("2011-12-31", zone=APIA)  # a Saturday


@pytest.mark.parametrize(
    "phrase",
    ["Friday", "yesterday", "Friday morning", "night of Friday", "last night", "noon on Friday"],
)
def test_a_skipped_day_is_refused(phrase: str) -> None:
    with pytest.raises(SkippedTimeError):
        resolve(phrase, zone=APIA, anchor=NEW_YEARS_EVE)


def test_the_day_before_the_skipped_one() -> None:
    when = resolve("Thursday", zone=APIA, anchor=NEW_YEARS_EVE)
    assert bounds(when) == (at(-10, "2011-12-29"), at(-10, "2011-12-30") - US)
    assert when.earliest.astimezone(ZoneInfo(APIA)).utcoffset() == timedelta(hours=-10)
    today = resolve("today", zone=APIA, anchor=NEW_YEARS_EVE)
    assert bounds(today) == (at(14, "2011-12-31"), at(14, "2012-01-01") - US)
    assert bounds(resolve("the weekend", zone=APIA, anchor=NEW_YEARS_EVE)) == (
        at(14, "2011-12-31"),
        at(14, "2012-01-02") - US,
    )


def test_a_vague_anchor_over_the_skipped_day_reads_only_the_days_that_happened() -> None:
    anchor = When.between(When.day("2011-12-29", zone=APIA), When.day("2012-01-01", zone=APIA))
    when = resolve("today", zone=APIA, anchor=anchor)
    assert bounds(when) == (at(-10, "2011-12-29"), at(14, "2012-01-02") - US)
    with pytest.raises(SkippedTimeError):
        resolve("yesterday", zone=APIA, anchor=anchor)  # from Saturday 31: the skipped Friday


# -- an imprecise anchor ----------------------------------------------------------------------


def test_an_anchor_over_three_days_gives_a_window_over_every_reading() -> None:
    anchor = When.between(
        When.day("2022-09-12", zone=YEREVAN), When.day("2022-09-14", zone=YEREVAN)
    )
    when = resolve("Tuesday", anchor=anchor)
    # From Monday 12th the last Tuesday is the 6th; from Tuesday 13th and Wednesday 14th, the 13th.
    assert when.precision is Precision.SPAN
    assert bounds(when) == (at(4, "2022-09-06"), at(4, "2022-09-14") - US)
    for tuesday in (6, 13):
        day = When.day(date(2022, 9, tuesday), zone=YEREVAN)
        assert when.earliest <= day.earliest <= day.latest <= when.latest


def test_an_anchor_over_a_month() -> None:
    when = resolve("Tuesday", anchor=When.month(2022, 9, zone=YEREVAN), tense="future")
    assert bounds(when) == (at(4, "2022-09-06"), at(4, "2022-10-05") - US)  # Tue 6 Sep .. Tue 4 Oct


def test_an_anchor_date_with_no_zone_is_read_on_that_date() -> None:
    # 13 September somewhere on Earth: the writer's calendar showed the 13th, whatever their
    # zone, so "today" and "midnight" are Yerevan's 13th (not each of the 12th, 13th and 14th
    # that the 50 hours of "the 13th somewhere" cover in Yerevan).
    anywhere = When.day("2022-09-13")
    assert bounds(resolve("today", anchor=anywhere)) == (
        at(4, "2022-09-13"),
        at(4, "2022-09-14") - US,
    )
    assert bounds(resolve("midnight", anchor=anywhere)) == (at(4, "2022-09-13"),) * 2
    # An instant with no zone (UTC) is read on the phrase zone's date at that instant.
    utc = When.parse("2022-09-12T21:00Z")  # 01:00 on the 13th in Yerevan
    assert bounds(resolve("today", anchor=utc)) == (at(4, "2022-09-13"), at(4, "2022-09-14") - US)


def test_readings_that_agree_give_the_reading_itself() -> None:
    anchor = When.between(
        When.day("2022-09-13", zone=YEREVAN), When.day("2022-09-15", zone=YEREVAN)
    )
    tuesday = resolve("Tuesday", anchor=anchor)
    assert tuesday.precision is Precision.DAY
    assert bounds(tuesday) == (at(4, "2022-09-13"), at(4, "2022-09-14") - US)
    sunday_to_tuesday = When.between(
        When.day("2022-09-11", zone=YEREVAN), When.day("2022-09-13", zone=YEREVAN)
    )
    assert bounds(resolve("over the weekend", anchor=sunday_to_tuesday)) == (
        at(4, "2022-09-10"),
        at(4, "2022-09-12") - US,
    )
