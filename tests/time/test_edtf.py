"""EDTF levels 0 and 1 to and from When and Span, checked against calendars worked out here."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_ledger import (
    InvalidValueError,
    Precision,
    Span,
    TimeParseError,
    WallPolicy,
    When,
    from_edtf,
    read_phrase,
    to_edtf,
)
from diplomacy_ledger.strategies import spans, whens
from diplomacy_ledger.time import UTC_MIN

TICK = timedelta(microseconds=1)


def local_midnight(day: date, zone: str | None) -> datetime:
    """The first instant of ``day``: on the zone's clocks, or where days begin first (UTC+14)."""
    if zone is None:
        return datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(hours=14)
    return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def last_instant_before(day: date, zone: str | None) -> datetime:
    """The last instant before ``day`` begins: on the zone's clocks, or where days end last."""
    if zone is None:
        return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(hours=12) - TICK
    return local_midnight(day, zone) - TICK


@pytest.mark.parametrize("zone", [None, "Asia/Yerevan", "America/New_York", "Asia/Kathmandu"])
@pytest.mark.parametrize(
    ("text", "first", "following", "precision"),
    [
        ("2022", date(2022, 1, 1), date(2023, 1, 1), Precision.YEAR),
        ("2022-09", date(2022, 9, 1), date(2022, 10, 1), Precision.MONTH),
        ("2022-09-13", date(2022, 9, 13), date(2022, 9, 14), Precision.DAY),
        ("2022-03-13", date(2022, 3, 13), date(2022, 3, 14), Precision.DAY),  # New York: 23 h
        ("2004-XX", date(2004, 1, 1), date(2005, 1, 1), Precision.YEAR),
        ("1985-04-XX", date(1985, 4, 1), date(1985, 5, 1), Precision.MONTH),
        ("1985-XX-XX", date(1985, 1, 1), date(1986, 1, 1), Precision.YEAR),
        ("201X", date(2010, 1, 1), date(2020, 1, 1), Precision.SPAN),
        ("19XX", date(1900, 1, 1), date(2000, 1, 1), Precision.SPAN),
    ],
)
def test_a_date_is_its_days_in_the_zone_or_anywhere_on_earth(
    text: str, first: date, following: date, precision: Precision, zone: str | None
) -> None:
    when = from_edtf(text, zone=zone)
    assert isinstance(when, When)
    assert when.earliest == local_midnight(first, zone)
    assert when.latest == last_instant_before(following, zone)
    assert when.precision is precision
    assert when.zone == zone
    assert when.text == text  # the words as written


def test_a_date_time_is_an_instant() -> None:
    utc = from_edtf("2022-09-13T02:30:00Z")
    assert isinstance(utc, When)
    assert utc.earliest == utc.latest == datetime(2022, 9, 13, 2, 30, tzinfo=UTC)
    offset = from_edtf("2022-09-13T02:30:00+04:00")
    assert isinstance(offset, When)
    assert offset.earliest == datetime(2022, 9, 12, 22, 30, tzinfo=UTC)
    local = from_edtf("2022-09-13T02:30:00", zone="Asia/Yerevan")
    assert isinstance(local, When)
    assert local.earliest == datetime(2022, 9, 13, 2, 30, tzinfo=ZoneInfo("Asia/Yerevan"))
    with pytest.raises(TimeParseError, match="needs zone="):
        from_edtf("2022-09-13T02:30:00")  # never read as UTC


def test_intervals_are_spans_with_open_or_unknown_ends() -> None:
    closed = from_edtf("2004-06/2006-08")
    assert isinstance(closed, Span)
    assert closed.start.earliest == local_midnight(date(2004, 6, 1), None)
    assert closed.end is not None
    assert closed.end.latest == last_instant_before(date(2006, 9, 1), None)
    going = from_edtf("1985/..")
    assert isinstance(going, Span)
    assert (going.end, going.ongoing_as_of is not None) == (None, True)
    unknown = from_edtf("1985/")
    assert isinstance(unknown, Span)
    assert (unknown.end, unknown.ongoing_as_of) == (None, None)
    with pytest.raises(TimeParseError):
        from_edtf("1985/1990/1995")


def test_qualifiers_are_refused_unless_the_bounds_as_written_are_kept() -> None:
    for text in ("2022?", "2022-09~", "2022-09-13%"):
        with pytest.raises(TimeParseError, match="without saying by how much"):
            from_edtf(text)
    kept = from_edtf("2022-09~", qualifiers="keep")
    assert isinstance(kept, When)
    assert kept.earliest == local_midnight(date(2022, 9, 1), None)
    assert kept.text == "2022-09~"  # the qualifier is not lost


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2022-21", "seasons"),
        ("2022-13", "no such month"),
        ("2022-02-30", "no such date"),
        ("1X85", "no date of the form"),
        ("Y170000002", "no date of the form"),
        ("2022-XX-13", "a day of an unspecified month"),
        ("201X-05", "a month or day of a year with unspecified digits"),
        ("0000", "year"),
        ("yesterday", "no date of the form"),
    ],
)
def test_what_levels_0_and_1_do_not_say_is_refused(text: str, says: str) -> None:
    with pytest.raises(TimeParseError, match=says):
        from_edtf(text)


def test_to_edtf_writes_the_narrowest_form_or_refuses() -> None:
    assert to_edtf(When.day("2022-09-13", zone="Asia/Yerevan")) == "2022-09-13"
    assert to_edtf(When.month(2022, 9)) == "2022-09"
    assert to_edtf(When.year(1994, zone="Europe/Paris")) == "1994"
    assert to_edtf(When.between(When.year(2010), When.year(2019))) == "201X"
    assert to_edtf(When.between(When.year(1900), When.year(1999))) == "19XX"
    moment = datetime(2022, 9, 13, 2, 30, tzinfo=UTC)
    assert to_edtf(When.instant(moment, zone="Asia/Yerevan")) == "2022-09-13T02:30:00Z"
    span = Span(When.day("2022-09-13"), ongoing_as_of=When.day("2022-09-14"))
    assert to_edtf(span) == "2022-09-13/.."
    assert to_edtf(Span(When.year(1991))) == "1991/"
    three_days = When.between(When.day("2022-09-13"), When.day("2022-09-15"))
    with pytest.raises(InvalidValueError, match="no EDTF date"):
        to_edtf(three_days)
    with pytest.raises(InvalidValueError, match="fraction of a second"):
        to_edtf(When.instant(moment + timedelta(microseconds=5)))


ZONES = st.sampled_from([None, "UTC", "Asia/Yerevan", "America/St_Johns", "Australia/Lord_Howe"])
ZONE_LIST = [None, "UTC", "Asia/Yerevan", "America/St_Johns", "Australia/Lord_Howe", "+05:45"]


@settings(max_examples=300)
@given(
    whens(
        zones=ZONES,
        precisions=st.sampled_from(list(Precision)),
        min_value=datetime(1800, 1, 1, tzinfo=UTC),
        max_value=datetime(2099, 1, 1, tzinfo=UTC),
    )
)
def test_a_when_of_every_precision_written_as_edtf_reads_back_with_the_same_bounds(
    when: When,
) -> None:
    try:
        text = to_edtf(when)
    except InvalidValueError:
        # Only bounds no EDTF value states: a window, or an instant with a fraction.
        assert when.precision is Precision.SPAN or when.earliest.microsecond
        return
    back = from_edtf(text, zone=when.zone)
    assert isinstance(back, When)
    assert (back.earliest, back.latest) == (when.earliest, when.latest)
    assert to_edtf(back) == text
    if when.precision.is_calendar:
        assert back.precision is when.precision
    elif when.precision.is_clock:
        # EDTF writes every time of day to the second: "02:30" comes back as 02:30:00.
        assert back.precision is Precision.SECOND


@settings(max_examples=200)
@given(
    st.sampled_from(ZONE_LIST).flatmap(
        lambda zone: st.tuples(
            st.just(zone),
            spans(
                zones=st.just(zone),
                min_value=datetime(1800, 1, 1, tzinfo=UTC),
                max_value=datetime(2099, 1, 1, tzinfo=UTC),
            ),
        )
    )
)
def test_a_span_written_as_edtf_reads_back_with_the_same_ends(
    zone_span: tuple[str | None, Span],
) -> None:
    zone, span = zone_span
    try:
        text = to_edtf(span)
    except InvalidValueError:
        return  # an end no EDTF value states
    back = from_edtf(text, zone=zone)
    assert isinstance(back, Span)
    assert (back.start.earliest, back.start.latest) == (span.start.earliest, span.start.latest)
    if span.end is not None:
        assert back.end is not None
        assert (back.end.earliest, back.end.latest) == (span.end.earliest, span.end.latest)
    else:
        assert back.end is None
        # Going on ("..") or unknown (""): kept; the moment it was last known going on is not
        # EDTF's to say, so it comes back as the start itself.
        assert (back.ongoing_as_of is None) == (span.ongoing_as_of is None)
    assert to_edtf(back) == text


@pytest.mark.parametrize("zone", [None, "Asia/Yerevan"])
@pytest.mark.parametrize("end", ["1985", "1985-04", "1985-04-12", "2022-09-13T02:30:00Z", "198X"])
def test_an_open_or_unknown_start_began_no_later_than_the_end(zone: str | None, end: str) -> None:
    closing = from_edtf(end, zone=zone)
    assert isinstance(closing, When)
    for start in ("", ".."):
        span = from_edtf(f"{start}/{end}", zone=zone)
        assert isinstance(span, Span)
        assert span.end == closing
        assert (span.start.earliest, span.start.latest) == (UTC_MIN, closing.latest)
        assert to_edtf(span) == f"{start}/{end}"  # open and unknown stay apart
    for both in ("../..", "/..", "../", "/"):
        with pytest.raises(TimeParseError, match="one of its ends"):
            from_edtf(both)


def test_until_a_year_is_an_unknown_start_in_edtf() -> None:
    report = When.day("2022-09-13", zone="Asia/Yerevan")
    until = read_phrase("until 1994", anchor=report, zone="Asia/Yerevan")
    assert to_edtf(until.span) == "/1994"
    back = from_edtf("/1994", zone="Asia/Yerevan")
    assert isinstance(back, Span)
    assert back.end is not None
    assert until.span.end is not None
    assert (back.start.earliest, back.start.latest, back.end.earliest, back.end.latest) == (
        until.span.start.earliest,
        until.span.start.latest,
        until.span.end.earliest,
        until.span.end.latest,
    )
    # A start known to lie in a narrower window than "up to the end" is not widened.
    narrower = Span(When(UTC_MIN, datetime(1990, 1, 1, tzinfo=UTC), Precision.SPAN), back.end)
    with pytest.raises(InvalidValueError):
        to_edtf(narrower)


def test_a_wall_time_the_zone_repeated_or_skipped() -> None:
    paris = ZoneInfo("Europe/Paris")
    first = datetime(2022, 10, 30, 2, 30, tzinfo=paris).astimezone(UTC)
    second = datetime(2022, 10, 30, 2, 30, fold=1, tzinfo=paris).astimezone(UTC)
    with pytest.raises(TimeParseError, match="happened twice"):
        from_edtf("2022-10-30T02:30:00", zone="Europe/Paris")
    policies: tuple[tuple[WallPolicy, tuple[datetime, datetime]], ...] = (
        ("earlier", (first, first)),
        ("later", (second, second)),
        ("either", (first, second)),
    )
    for policy, bounds in policies:
        read = from_edtf("2022-10-30T02:30:00", zone="Europe/Paris", disambiguation=policy)
        assert isinstance(read, When)
        assert (read.earliest, read.latest) == bounds
    with pytest.raises(TimeParseError, match="did not exist"):
        from_edtf("2022-03-27T02:30:00", zone="Europe/Paris")
    with pytest.raises(TimeParseError, match="did not exist"):
        from_edtf("2022-03-27T02:30:00", zone="Europe/Paris", disambiguation="either")
    later = from_edtf("2022-03-27T02:30:00", zone="Europe/Paris", disambiguation="later")
    assert isinstance(later, When)
    assert later.earliest == datetime(2022, 3, 27, 1, 30, tzinfo=UTC)
