"""Hostile and awkward input to the phrase reader, and the zones and anchors it is read against.

Every refusal must be a LedgerError and a ValueError with a clear, short message; every reading
is checked against instants computed here with ``zoneinfo`` (fixed offsets written by hand).
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from diplomacy_ledger import (
    InvalidTimeError,
    InvalidValueError,
    LedgerError,
    Precision,
    RepeatedTimeError,
    SkippedTimeError,
    Span,
    TimeParseError,
    UnknownPhraseError,
    UnknownZoneError,
    WallPolicy,
    When,
    from_edtf,
    resolve_phrase,
)
from diplomacy_ledger.time import UTC_MIN, validate_zone

US = timedelta(microseconds=1)
YEREVAN = "Asia/Yerevan"
TUESDAY = When.day("2022-09-13", zone=YEREVAN)


def local(wall: str, zone: str, fold: int = 0) -> datetime:
    return datetime.fromisoformat(wall).replace(tzinfo=ZoneInfo(zone), fold=fold).astimezone(UTC)


def read(
    phrase: str,
    anchor: When = TUESDAY,
    zone: str = YEREVAN,
    disambiguation: WallPolicy = "raise",
) -> tuple[datetime, datetime]:
    when = resolve_phrase(
        phrase, anchor=anchor, zone=zone, tense="past", disambiguation=disambiguation
    )
    return when.earliest, when.latest


def refused(error: BaseException, *words: str) -> None:
    """A refusal: of the library's errors, a ValueError, short, and saying ``words``."""
    assert isinstance(error, LedgerError)
    assert isinstance(error, ValueError)
    assert len(str(error)) < 1600  # the list of understood forms is the longest part
    for word in words:
        assert word in str(error)


# -- text ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("phrase", ["", " ", "\t\n", "\u00a0", "\u3000 \u2003", "the", "on the"])
def test_empty_phrases(phrase: str) -> None:
    with pytest.raises(UnknownPhraseError) as caught:
        read(phrase)
    refused(caught.value, "empty" if not phrase.strip(" \t\n\u00a0\u3000\u2003") else "unknown")


def test_long_text_is_refused_and_never_echoed_whole() -> None:
    huge = "x" * 100_000
    with pytest.raises(UnknownPhraseError) as caught:
        read(huge)
    refused(caught.value, "characters long", "…")
    assert len(str(caught.value)) < 300
    valid_but_long = "on " * 70 + "Tuesday"  # a form, padded past 200 characters
    with pytest.raises(UnknownPhraseError, match="at most 200"):
        read(valid_but_long)
    for call in (
        lambda: When.parse(huge),
        lambda: from_edtf(huge),
        lambda: validate_zone(huge),
        lambda: When.local("2022-09-13 02:30", zone=huge),
    ):
        with pytest.raises(LedgerError) as error:
            call()
        refused(error.value, "…")
        assert len(str(error.value)) < 400


@pytest.mark.parametrize(
    "phrase",
    [
        "١٣ September 2022",  # Arabic-Indic digits
        "13 September ٢٠٢٢",
        "２０２２",  # fullwidth
        "𝟐𝟎𝟐𝟐",  # mathematical bold
        "०२:३० local time",  # Devanagari
        "1٣ September 2022",  # one digit of another script
    ],
)
def test_digits_of_other_scripts_are_refused_by_name(phrase: str) -> None:
    with pytest.raises(UnknownPhraseError) as caught:
        read(phrase)
    refused(caught.value, "is not an ASCII digit", "DIGIT")


@pytest.mark.parametrize("text", ["٢٠٢٢-09-13", "２０２２-09-13T02:30Z", "2022-09-1３"])
def test_digits_of_other_scripts_in_iso_and_edtf_text(text: str) -> None:
    with pytest.raises(TimeParseError) as parsed:
        When.parse(text)
    refused(parsed.value, "not an ASCII digit")
    with pytest.raises(TimeParseError) as edtf:
        from_edtf(text.replace("T02:30Z", ""))
    refused(edtf.value, "not an ASCII digit")


@pytest.mark.parametrize(
    "zone", ["+٠٤:٠٠", "+０４:００", "+04:00\n", " Asia/Yerevan", "Asia/Yerevan\x00", "UTC\n"]
)
def test_zones_with_foreign_digits_or_stray_characters_are_refused(zone: str) -> None:
    with pytest.raises(UnknownZoneError) as caught:
        When.local("2022-09-13 02:30", zone=zone)
    refused(caught.value)
    with pytest.raises(UnknownZoneError):
        read("Tuesday", zone=zone)


@pytest.mark.parametrize(
    "phrase",
    [
        "Tuesday\u00a0morning",  # no-break space
        "Tuesday\u202fmorning",  # narrow no-break space
        "Tuesday\u2003morning",  # em space
        "Tuesday\u3000morning",  # ideographic space
        "Tuesday\t\n morning",
        "tUESDAY mORNING",
        "TUESDAY MORNING.",
        "Tuesday morning,",
        "Tuesday morning;",
        "Tuesday morning:",
        "Tuesday morning!",
        "“Tuesday morning.”",
        "'Tuesday morning'",
        "  on Tuesday morning  ",
    ],
)
def test_spaces_case_quotes_and_trailing_punctuation(phrase: str) -> None:
    assert read(phrase) == (
        local("2022-09-13 06:00", YEREVAN),
        local("2022-09-13 12:00", YEREVAN) - US,
    )


@pytest.mark.parametrize(
    "dash", ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212", "\uff0d"]
)
def test_every_dash_is_a_dash(dash: str) -> None:
    night = (local("2022-09-12 18:00", YEREVAN), local("2022-09-13 06:00", YEREVAN) - US)
    assert read(f"the night of 12{dash}13 September") == night
    assert read(f"12{dash}13 September") == (
        local("2022-09-12 00:00", YEREVAN),
        local("2022-09-14 00:00", YEREVAN) - US,
    )
    assert read(f"mid{dash}September") == (
        local("2022-09-11 00:00", YEREVAN),
        local("2022-09-21 00:00", YEREVAN) - US,
    )


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Tues\u200bday", "ZERO WIDTH SPACE"),
        ("\u202eTuesday", "RIGHT-TO-LEFT OVERRIDE"),
        ("\ufeffTuesday", "ZERO WIDTH NO-BREAK SPACE"),
        ("Tuesd\u0430y", "CYRILLIC SMALL LETTER A"),  # looks like "Tuesday"
        ("\u017fince 1994", "LATIN SMALL LETTER LONG S"),  # casefolds to "since"
        ("\u212aate 2020", "KELVIN SIGN"),  # casefolds to "k"
        ("Tuesday\x00", "U+0000"),
        ("Tuesday\x1b[31m", "U+001B"),
        ("Tuesday…", "HORIZONTAL ELLIPSIS"),
    ],
)
def test_invisible_and_look_alike_characters_are_refused_by_name(phrase: str, name: str) -> None:
    with pytest.raises(UnknownPhraseError) as caught:
        read(phrase)
    refused(caught.value, name)


def test_a_question_mark_is_doubt() -> None:
    with pytest.raises(UnknownPhraseError) as caught:
        read("Tuesday?")
    refused(caught.value, "question mark")


def test_a_phrase_and_an_anchor_of_the_wrong_type() -> None:
    for phrase in (None, 5, b"Tuesday"):
        with pytest.raises(UnknownPhraseError) as caught:
            resolve_phrase(phrase, anchor=TUESDAY, zone=YEREVAN)  # type: ignore[arg-type]
        refused(caught.value, "text")
    for anchor in (datetime(2022, 9, 13, tzinfo=UTC), "2022-09-13", Span(TUESDAY), None):
        with pytest.raises(InvalidValueError) as wrong:
            resolve_phrase("Tuesday", anchor=anchor, zone=YEREVAN)  # type: ignore[arg-type]
        refused(wrong.value, "anchor must be a When")


# -- 24:00, skipped and repeated wall times -----------------------------------------------------


@pytest.mark.parametrize("zone", [YEREVAN, "America/New_York", "Asia/Kathmandu"])
@pytest.mark.parametrize("day", ["2022-09-30", "2022-12-31", "2024-02-29", "2023-02-28"])
def test_24_00_at_the_end_of_a_month_and_a_year(zone: str, day: str) -> None:
    anchor = When.day(day, zone=zone)
    following = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    expected = local(f"{following} 00:00", zone)
    assert read("24:00", anchor, zone) == (expected, expected)
    assert read("midnight", anchor, zone) == (local(f"{day} 00:00", zone),) * 2


def test_24_00_on_the_last_friday_of_the_year() -> None:
    saturday = When.day("2022-12-31", zone=YEREVAN)
    assert read("24:00 on Friday", saturday) == (local("2022-12-31 00:00", YEREVAN),) * 2


def test_24_00_where_midnight_came_twice() -> None:
    # St John's set clocks back from 00:01 to 23:01 on 7 November 2010: 00:00 on the 7th was
    # shown at 02:30 and again at 03:30 UTC.
    zone = "America/St_Johns"
    first, second = local("2010-11-07 00:00", zone), local("2010-11-07 00:00", zone, fold=1)
    assert second - first == timedelta(hours=1)
    saturday = When.day("2010-11-06", zone=zone)
    with pytest.raises(RepeatedTimeError) as caught:
        read("24:00", saturday, zone)
    refused(caught.value, "happened twice")
    assert read("24:00", saturday, zone, "either") == (first, second)
    assert read("24:00", saturday, zone, "later") == (second, second)


def test_a_wall_time_in_a_gap_with_and_without_a_policy() -> None:
    paris = "Europe/Paris"
    sunday = When.day("2022-03-27", zone=paris)
    for phrase in ("02:30", "around 02:30", "shortly after 02:30"):
        for policy in ("raise", "either"):
            with pytest.raises(SkippedTimeError) as caught:
                read(phrase, sunday, paris, policy)
            refused(caught.value, "did not exist")
    # "later": the reading with the offset before the change, 03:30 CEST (01:30 UTC).
    later = datetime(2022, 3, 27, 1, 30, tzinfo=UTC)
    assert read("02:30", sunday, paris, "later") == (later, later)
    assert read("around 02:30", sunday, paris, "later") == (
        later - timedelta(minutes=15),
        later + timedelta(minutes=15),
    )


def test_near_a_repeated_wall_time() -> None:
    # Paris, 30 October 2022: 02:30 was shown at 00:30 UTC (CEST) and at 01:30 UTC (CET).
    paris = "Europe/Paris"
    sunday = When.day("2022-10-30", zone=paris)
    first, second = local("2022-10-30 02:30", paris), local("2022-10-30 02:30", paris, fold=1)
    quarter, half = timedelta(minutes=15), timedelta(minutes=30)
    for phrase in ("around 02:30", "shortly after 02:30", "shortly before 02:30"):
        with pytest.raises(RepeatedTimeError):
            read(phrase, sunday, paris)
    assert read("around 02:30", sunday, paris, "earlier") == (first - quarter, first + quarter)
    assert read("around 02:30", sunday, paris, "later") == (second - quarter, second + quarter)
    # Either of the two: near the first or near the second, so from near one to near the other.
    assert read("around 02:30", sunday, paris, "either") == (first - quarter, second + quarter)
    assert read("shortly after 02:30", sunday, paris, "either") == (first + US, second + half)
    assert read("shortly before 02:30", sunday, paris, "either") == (first - half, second - US)
    # 01:50 was shown once (before the change); the quarter hour after it runs into the fold.
    once = local("2022-10-30 01:50", paris)
    assert read("around 01:50", sunday, paris) == (once - quarter, once + quarter)


# -- zones of half and three-quarter hours ------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "offset"),
    [("Asia/Kolkata", 5.5), ("Asia/Kathmandu", 5.75), ("Australia/Lord_Howe", 10.5)],
)
def test_half_and_three_quarter_hour_zones(zone: str, offset: float) -> None:
    anchor = When.day("2022-09-13", zone=zone)
    assert local("2022-09-13 00:00", zone) == datetime(2022, 9, 13, tzinfo=UTC) - timedelta(
        hours=offset
    )
    assert read("early hours of Tuesday", anchor, zone) == (
        local("2022-09-13 00:00", zone),
        local("2022-09-13 06:00", zone) - US,
    )
    ceasefire = local("2022-09-13 02:30", zone)
    assert read("around 02:30", anchor, zone) == (
        ceasefire - timedelta(minutes=15),
        ceasefire + timedelta(minutes=15),
    )
    assert read("a week ago", anchor, zone) == (
        local("2022-09-03 00:00", zone),
        local("2022-09-10 00:00", zone) - US,
    )
    assert read("last week", anchor, zone) == (
        local("2022-09-05 00:00", zone),
        local("2022-09-12 00:00", zone) - US,
    )
    assert read("the past 24 hours", When.instant(ceasefire), zone) == (
        ceasefire - timedelta(hours=24),
        ceasefire,
    )


def test_lord_howe_repeats_half_an_hour() -> None:
    # Lord Howe set clocks back from 02:00 (+11) to 01:30 (+10:30) on 3 April 2022.
    zone = "Australia/Lord_Howe"
    sunday = When.day("2022-04-03", zone=zone)
    first, second = local("2022-04-03 01:45", zone), local("2022-04-03 01:45", zone, fold=1)
    assert second - first == timedelta(minutes=30)
    with pytest.raises(RepeatedTimeError):
        read("around 01:45", sunday, zone)
    quarter = timedelta(minutes=15)
    assert read("around 01:45", sunday, zone, "either") == (first - quarter, second + quarter)
    # The early hours of that Sunday lasted six and a half hours.
    early = read("early hours of Sunday", sunday, zone)
    assert early[1] + US - early[0] == timedelta(hours=6, minutes=30)


# -- anchors that are not one day ---------------------------------------------------------------


def test_anchors_of_a_month_or_a_year() -> None:
    september = When.month(2022, 9, zone=YEREVAN)
    assert read("yesterday", september) == (
        local("2022-08-31 00:00", YEREVAN),
        local("2022-09-30 00:00", YEREVAN) - US,
    )
    last_month = resolve_phrase("last month", anchor=september, zone=YEREVAN)
    assert last_month.precision is Precision.MONTH
    assert (last_month.earliest, last_month.latest) == (
        local("2022-08-01 00:00", YEREVAN),
        local("2022-09-01 00:00", YEREVAN) - US,
    )
    assert read("this month", september) == (
        local("2022-09-01 00:00", YEREVAN),
        local("2022-10-01 00:00", YEREVAN) - US,
    )
    # A month with no zone is read on its dates as written: Tuesdays from 30 August (the last
    # on or before Thursday 1 September) to 27 September (the last on or before the 30th).
    anywhere = When.month(2022, 9)
    assert read("Tuesday", anywhere) == (
        local("2022-08-30 00:00", YEREVAN),
        local("2022-09-28 00:00", YEREVAN) - US,
    )
    with pytest.raises(UnknownPhraseError, match="depends on the tense"):
        resolve_phrase("Friday", anchor=september, zone=YEREVAN)
    year = When.year(2022, zone=YEREVAN)
    # A week ago from 1 January 2022 is centred on 25 December; from 31 December, the 24th.
    assert read("a week ago", year) == (
        local("2021-12-22 00:00", YEREVAN),
        local("2022-12-28 00:00", YEREVAN) - US,
    )


def test_an_anchor_that_is_a_window() -> None:
    two_days = When.between(TUESDAY, When.day("2022-09-14", zone=YEREVAN))
    assert read("earlier today", two_days) == (
        local("2022-09-13 00:00", YEREVAN),
        local("2022-09-15 00:00", YEREVAN) - US,
    )
    assert read("02:30", two_days) == (
        local("2022-09-13 02:30", YEREVAN),
        local("2022-09-14 02:30", YEREVAN),
    )
    assert read("the past 24 hours", two_days) == (
        local("2022-09-12 00:00", YEREVAN),
        local("2022-09-15 00:00", YEREVAN) - US,
    )
    one_sided = When(UTC_MIN, TUESDAY.latest, Precision.SPAN, YEREVAN)
    for phrase in ("Tuesday", "the past week", "earlier today"):
        with pytest.raises(InvalidTimeError) as caught:
            read(phrase, one_sided)
        refused(caught.value)
    decades = When.between(When.year(1990, zone=YEREVAN), When.year(2019, zone=YEREVAN))
    with pytest.raises(InvalidTimeError, match="local dates"):
        read("a week ago", decades)


@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        ("the '90s", When.year(1, zone="UTC")),
        ("next year", When.year(9999, zone="UTC")),
        ("a year ago", When.day("0001-01-01", zone="UTC")),
        ("the past month", When.day("0001-01-01", zone="UTC")),
        ("later this year", When.day("9999-12-31", zone="Pacific/Kiritimati")),
        ("next week", When.day("9999-12-31", zone="UTC")),
    ],
)
def test_phrases_past_the_ends_of_the_calendar(phrase: str, anchor: When) -> None:
    zone = anchor.zone or "UTC"
    with pytest.raises(InvalidTimeError) as caught:
        resolve_phrase(phrase, anchor=anchor, zone=zone, tense="past")
    refused(caught.value, "calendar")
