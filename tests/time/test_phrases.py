"""resolve_phrase: the seed article, each form it reads, the widths it uses, what it refuses.

Every expected value is written by hand from calendar facts (13 September 2022 was a Tuesday;
Yerevan and Baku were on UTC+4 that day) or computed with the standard library's ``zoneinfo``,
never taken from the code under test. Clock changes, skipped days and vague anchors are in
``test_phrases_calendar.py``, properties in ``test_phrases_properties.py``.
"""

from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Literal
from zoneinfo import ZoneInfo

import pytest

from diplomacy_ledger._errors import (
    InvalidTimeError,
    LedgerError,
    UnknownPhraseError,
    UnknownZoneError,
)
from diplomacy_ledger.time._calendar import Precision
from diplomacy_ledger.time._phrases import (
    DEFAULT_DAY_PARTS,
    DEFAULT_DECADE_PARTS,
    DayParts,
    DecadeParts,
    resolve_phrase,
)
from diplomacy_ledger.time._when import When
from diplomacy_ledger.time._zones import Disambiguation

Tense = Literal["past", "future"]
US = timedelta(microseconds=1)
YEREVAN = "Asia/Yerevan"
REPORT = When.day("2022-09-13", zone=YEREVAN)  # the seed article's day, a Tuesday


def at(offset_hours: float, wall: str) -> datetime:
    """The instant a clock at a fixed UTC offset showed ``wall`` (ISO 8601), in UTC."""
    zone = timezone(timedelta(hours=offset_hours))
    return datetime.fromisoformat(wall).replace(tzinfo=zone).astimezone(UTC)


def local_start(day: date, zone: str) -> datetime:
    """Midnight starting ``day`` in ``zone`` (which must exist), via zoneinfo, in UTC."""
    return datetime.combine(day, time(), tzinfo=ZoneInfo(zone)).astimezone(UTC)


def local_end(day: date, zone: str) -> datetime:
    """The last microsecond of ``day`` in ``zone`` (next midnight must exist), in UTC."""
    return local_start(day + timedelta(days=1), zone) - US


def resolve(
    phrase: str,
    zone: str = YEREVAN,
    anchor: When = REPORT,
    *,
    tense: Tense = "past",
    disambiguation: Disambiguation = "raise",
    day_parts: DayParts = DEFAULT_DAY_PARTS,
    decade_parts: DecadeParts = DEFAULT_DECADE_PARTS,
) -> When:
    return resolve_phrase(
        phrase,
        anchor=anchor,
        zone=zone,
        tense=tense,
        disambiguation=disambiguation,
        day_parts=day_parts,
        decade_parts=decade_parts,
    )


def bounds(when: When) -> tuple[datetime, datetime]:
    return when.earliest, when.latest


# -- the seed article ------------------------------------------------------------------------


def test_midnight_is_the_start_of_tuesday() -> None:
    when = resolve("midnight")
    assert bounds(when) == (datetime(2022, 9, 12, 20, tzinfo=UTC),) * 2
    assert when.precision is Precision.MINUTE
    assert when.text == "midnight"


def test_ceasefire_at_0230_local_time() -> None:
    when = resolve("02:30 local time")
    assert bounds(when) == (datetime(2022, 9, 12, 22, 30, tzinfo=UTC),) * 2


def test_early_hours_of_tuesday_contains_midnight_and_the_ceasefire() -> None:
    when = resolve("in the early hours of Tuesday")
    assert when.precision is Precision.SPAN
    assert bounds(when) == (
        datetime(2022, 9, 12, 20, tzinfo=UTC),
        datetime(2022, 9, 13, 1, 59, 59, 999999, tzinfo=UTC),
    )
    for inside in (resolve("midnight"), resolve("02:30 local time")):
        assert when.earliest <= inside.earliest <= inside.latest <= when.latest


def test_over_the_weekend_in_baku() -> None:
    when = resolve("over the weekend", zone="Asia/Baku")
    assert bounds(when) == (at(4, "2022-09-10"), at(4, "2022-09-12") - US)
    assert str(when.latest) == "2022-09-11 19:59:59.999999+00:00"  # Sunday 23:59:59.999999 +04
    assert when.zone == "Asia/Baku"


def test_early_1990s() -> None:
    when = resolve("early 1990s")
    assert when.precision is Precision.SPAN
    assert bounds(when) == (
        local_start(date(1990, 1, 1), YEREVAN),
        local_end(date(1994, 12, 31), YEREVAN),
    )


def test_september_2020_is_the_whole_month() -> None:
    when = resolve("In September 2020", zone="Asia/Baku")
    assert when.precision is Precision.MONTH
    assert bounds(when) == (
        local_start(date(2020, 9, 1), "Asia/Baku"),
        local_end(date(2020, 9, 30), "Asia/Baku"),
    )
    assert when.text == "In September 2020"


# -- reading the words -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "  In   THE early\thours of TUESDAY ",
        "“in the early hours of Tuesday”",
        "on the early hours of tuesday,",
        "EARLY HOURS OF TUESDAY",
        "Tuesday early hours",
    ],
)
def test_case_space_quotes_and_filler_do_not_matter(phrase: str) -> None:
    when = resolve(phrase)
    assert when == resolve("early hours of Tuesday")
    assert when.text == phrase


@pytest.mark.parametrize(
    ("phrase", "hour", "minute"),
    [
        ("2:30 a.m.", 2, 30),
        ("2:30 am", 2, 30),
        ("2:30am", 2, 30),
        ("2:30 A.M.", 2, 30),
        ("at 2 p.m.", 14, 0),
        ("12 a.m.", 0, 0),
        ("12:15 am", 0, 15),
        ("12 p.m.", 12, 0),
        ("noon", 12, 0),
        ("midday", 12, 0),
        ("23:59", 23, 59),
        ("0:05", 0, 5),
        ("02:30 (local time)", 2, 30),
        ("11:45 p.m. local time", 23, 45),
    ],
)
def test_clock_times_on_the_anchor_date(phrase: str, hour: int, minute: int) -> None:
    when = resolve(phrase)
    assert bounds(when) == (at(4, f"2022-09-13 {hour:02d}:{minute:02d}"),) * 2
    assert when.precision is Precision.MINUTE


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("midnight on Monday", at(4, "2022-09-12")),
        ("Monday at 23:00", at(4, "2022-09-12 23:00")),
        ("on Sunday, at 9 a.m.", at(4, "2022-09-11 09:00")),
        ("noon yesterday", at(4, "2022-09-12 12:00")),
        ("at noon on tomorrow", at(4, "2022-09-14 12:00")),
        ("02:30 local time on Tuesday", at(4, "2022-09-13 02:30")),
    ],
)
def test_clock_times_on_a_named_day(phrase: str, expected: datetime) -> None:
    assert bounds(resolve(phrase)) == (expected, expected)


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("yesterday", date(2022, 9, 12)),
        ("today", date(2022, 9, 13)),
        ("tomorrow", date(2022, 9, 14)),
        ("Tuesday", date(2022, 9, 13)),
        ("on Sunday", date(2022, 9, 11)),
        ("Wednesday", date(2022, 9, 7)),
    ],
)
def test_whole_days(phrase: str, day: date) -> None:
    when = resolve(phrase)
    assert when.precision is Precision.DAY
    assert bounds(when) == (local_start(day, YEREVAN), local_end(day, YEREVAN))


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("morning of Monday", at(4, "2022-09-12 06:00"), at(4, "2022-09-12 12:00")),
        ("Monday afternoon", at(4, "2022-09-12 12:00"), at(4, "2022-09-12 18:00")),
        ("on Monday evening", at(4, "2022-09-12 18:00"), at(4, "2022-09-13")),
        ("the night of Monday", at(4, "2022-09-12 18:00"), at(4, "2022-09-13 06:00")),
        ("yesterday evening", at(4, "2022-09-12 18:00"), at(4, "2022-09-13")),
        ("tomorrow morning", at(4, "2022-09-14 06:00"), at(4, "2022-09-14 12:00")),
        ("this morning", at(4, "2022-09-13 06:00"), at(4, "2022-09-13 12:00")),
        ("this afternoon", at(4, "2022-09-13 12:00"), at(4, "2022-09-13 18:00")),
        ("this evening", at(4, "2022-09-13 18:00"), at(4, "2022-09-14")),
        ("tonight", at(4, "2022-09-13 18:00"), at(4, "2022-09-14 06:00")),
        ("last night", at(4, "2022-09-12 18:00"), at(4, "2022-09-13 06:00")),
    ],
)
def test_parts_of_days(phrase: str, start: datetime, end: datetime) -> None:
    when = resolve(phrase)
    assert when.precision is Precision.SPAN
    assert bounds(when) == (start, end - US)


@pytest.mark.parametrize(
    ("phrase", "anchor", "tense", "saturday", "sunday"),
    [
        ("the weekend", "2022-09-13", "past", 10, 11),
        ("at the weekend", "2022-09-13", "future", 17, 18),
        ("over the weekend", "2022-09-10", "past", 10, 11),
        ("over the weekend", "2022-09-11", "future", 10, 11),
        ("weekend", "2022-09-12", "past", 10, 11),
        ("last weekend", "2022-09-13", "past", 10, 11),
        ("last weekend", "2022-09-13", "future", 10, 11),
        # Said on a Saturday or Sunday: this weekend or the one before, so both.
        ("last weekend", "2022-09-11", "past", 3, 11),
        ("last weekend", "2022-09-17", "past", 10, 18),
    ],
)
def test_weekends(phrase: str, anchor: str, tense: Tense, saturday: int, sunday: int) -> None:
    when = resolve(phrase, anchor=When.day(anchor, zone=YEREVAN), tense=tense)
    assert bounds(when) == (
        at(4, f"2022-09-{saturday:02d}"),
        at(4, f"2022-09-{sunday + 1:02d}") - US,
    )


@pytest.mark.parametrize(
    ("phrase", "precision", "first", "last"),
    [
        ("13 September 2022", Precision.DAY, date(2022, 9, 13), date(2022, 9, 13)),
        ("the 13th of Sept. 2022", Precision.DAY, date(2022, 9, 13), date(2022, 9, 13)),
        ("September 13, 2022", Precision.DAY, date(2022, 9, 13), date(2022, 9, 13)),
        ("Sep 1st 2022", Precision.DAY, date(2022, 9, 1), date(2022, 9, 1)),
        ("May 1994", Precision.MONTH, date(1994, 5, 1), date(1994, 5, 31)),
        ("feb. 2020", Precision.MONTH, date(2020, 2, 1), date(2020, 2, 29)),
        ("the 1990s", Precision.SPAN, date(1990, 1, 1), date(1999, 12, 31)),
        ("1990's", Precision.SPAN, date(1990, 1, 1), date(1999, 12, 31)),
        ("the 1990’s", Precision.SPAN, date(1990, 1, 1), date(1999, 12, 31)),
        ("in the mid-1990s", Precision.SPAN, date(1993, 1, 1), date(1997, 12, 31)),
        ("late 1980s", Precision.SPAN, date(1986, 1, 1), date(1989, 12, 31)),
    ],
)
def test_dates_that_name_themselves(
    phrase: str, precision: Precision, first: date, last: date
) -> None:
    when = resolve(phrase, zone="Europe/Paris")
    assert when.precision is precision
    assert bounds(when) == (local_start(first, "Europe/Paris"), local_end(last, "Europe/Paris"))


MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip


@pytest.mark.parametrize("number", range(1, 13))
def test_every_month_name_and_abbreviation(number: int) -> None:
    name = MONTHS[number - 1]
    for written in (name, name[:3], f"{name[:3]}."):
        when = resolve(f"{written} 2021", zone="UTC")
        assert when.earliest == datetime(2021, number, 1, tzinfo=UTC)


def test_day_parts_and_decade_parts_can_be_overridden() -> None:
    narrow = DayParts(early_hours=(time(0), time(5)), night=(time(22), time(5)))
    assert bounds(resolve("early hours of Tuesday", day_parts=narrow)) == (
        at(4, "2022-09-13"),
        at(4, "2022-09-13 05:00") - US,
    )
    assert bounds(resolve("last night", day_parts=narrow)) == (
        at(4, "2022-09-12 22:00"),
        at(4, "2022-09-13 05:00") - US,
    )
    whole = DayParts(morning=(time(0), time(0)))  # end at or before start: the next day
    assert bounds(resolve("this morning", day_parts=whole)) == bounds(resolve("today"))
    when = resolve("early 1990s", decade_parts=DecadeParts(early=(0, 2)))
    assert when.latest == local_end(date(1992, 12, 31), YEREVAN)


@pytest.mark.parametrize(
    "parts",
    [
        {"morning": (6, 12)},
        {"morning": (time(6),)},
        {"night": (time(18, tzinfo=UTC), time(6))},
        {"evening": [time(18), time(0)]},
    ],
)
def test_bad_day_parts_are_refused(parts: dict[str, object]) -> None:
    with pytest.raises(InvalidTimeError, match="DayParts"):
        DayParts(**parts)  # type: ignore[arg-type]


@pytest.mark.parametrize("years", [(5, 3), (0, 10), (-1, 2), (True, 3), (0, 4, 5), 4])
def test_bad_decade_parts_are_refused(years: object) -> None:
    with pytest.raises(InvalidTimeError, match="DecadeParts"):
        DecadeParts(early=years)  # type: ignore[arg-type]


# -- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "1990s ago",
        "soon",
        "the other day",
        "next Tuesday-ish",
        "next weekend",  # the coming one, or the one after?
        "",
        "   ",
        "the",
        "25:00",
        "12:60",
        "13:00 pm",
        "0 am",
        "early hours",  # whose early hours: the report's day or the next? Not said.
        "morning",
        "the 2000s",  # a decade or a century
        "early 1900s",
        "the 90s",  # which century?
        "1995s",
        "31 September 2020",
        "0000",
        "Monday, 13 September 2022",  # it was a Tuesday
        "at dawn",  # where? a zone does not say
        "02:30 Springfield time",  # no IANA zone is named after it
        "the night of 12 to 14 September",
        "the '20s",  # said in 2022: the 1920s or the 2020s?
        "0 days ago",
        "Tuesdays",
    ],
)
def test_unknown_phrases_are_refused(phrase: str) -> None:
    with pytest.raises(UnknownPhraseError, match="understood forms") as caught:
        resolve(phrase)
    assert isinstance(caught.value, LedgerError)
    assert isinstance(caught.value, ValueError)
    assert caught.value.text == phrase


def test_bad_options_are_refused() -> None:
    with pytest.raises(UnknownZoneError):
        resolve("Tuesday", zone="UTC+4")
    with pytest.raises(ValueError, match="tense"):
        resolve("Tuesday", tense="present")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="disambiguation"):
        resolve("02:30", disambiguation="nearest")  # type: ignore[arg-type]


def test_a_relative_phrase_against_decades_of_anchor_is_refused() -> None:
    decades = When.between(When.year(1990, zone=YEREVAN), When.year(2019, zone=YEREVAN))
    with pytest.raises(InvalidTimeError, match="local dates"):
        resolve("Tuesday", anchor=decades)
    may = resolve("May 1994", anchor=decades)
    assert bounds(may) == (
        local_start(date(1994, 5, 1), YEREVAN),
        local_end(date(1994, 5, 31), YEREVAN),
    )


def test_an_anchor_without_an_end_or_a_date_past_the_calendar_is_refused() -> None:
    with pytest.raises(InvalidTimeError, match="no end"):
        resolve("Tuesday", anchor=When.year(9999))
    with pytest.raises(InvalidTimeError, match="outside the supported calendar"):
        resolve("yesterday", zone="UTC", anchor=When.day("0001-01-01", zone="UTC"))


def test_a_fixed_offset_zone_and_the_errors_name_the_phrase() -> None:
    when = resolve("early hours of Tuesday", zone="+04:00")
    assert bounds(when) == (at(4, "2022-09-13"), at(4, "2022-09-13 06:00") - US)
    assert when.zone == "+04:00"
    with pytest.raises(LedgerError, match=r"^resolve_phrase\('noon on Friday'\): "):
        resolve(
            "noon on Friday",
            zone="Pacific/Apia",
            anchor=When.day("2011-12-31", zone="Pacific/Apia"),
        )
