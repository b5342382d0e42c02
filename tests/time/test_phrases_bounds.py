"""One-sided phrases ("by 1994", "since 1994", "before Tuesday", ...) and zone-less anchors.

"by T" is at or before the end of T; "before T" strictly before T began; "after T" strictly after T
ended; "since T" a Span that began in T and is ongoing as of the anchor; "until T" a Span that
ended in T. Expected values are written by hand from calendar facts or computed with ``zoneinfo``.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomacy_ledger import (
    InvalidTimeError,
    PhraseKind,
    PhraseReading,
    Precision,
    Span,
    Tense,
    UnknownPhraseError,
    When,
    read_phrase,
    resolve_phrase,
)
from diplomacy_ledger.time import UTC_MAX, UTC_MIN

US = timedelta(microseconds=1)
YEREVAN = "Asia/Yerevan"
REPORT = When.day("2022-09-13", zone=YEREVAN)  # a Tuesday
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def day_start(day: date, zone: str) -> datetime:
    return datetime.combine(day, time(), tzinfo=ZoneInfo(zone)).astimezone(UTC)


def day_end(day: date, zone: str) -> datetime:
    return day_start(day + timedelta(days=1), zone) - US


def test_by_1994_is_at_or_before_the_end_of_1994_not_in_it() -> None:
    reading = read_phrase("by 1994", anchor=REPORT, zone=YEREVAN)
    assert reading.kind is PhraseKind.BY
    assert (reading.named.earliest, reading.named.latest) == (
        day_start(date(1994, 1, 1), YEREVAN),
        day_end(date(1994, 12, 31), YEREVAN),
    )
    by = reading.when
    assert (by.earliest, by.latest) == (UTC_MIN, day_end(date(1994, 12, 31), YEREVAN))
    assert by.precision is Precision.SPAN
    assert by.text == "by 1994"
    # resolve_phrase keeps returning a When: the same one-sided When, no longer "in 1994".
    assert resolve_phrase("by 1994", anchor=REPORT, zone=YEREVAN) == by
    # A time in 1980 may be "by 1994"; one in 1995 may not.
    assert When.year(1980, zone=YEREVAN).within(Span(by.earliest, by.latest)).possibly
    assert When.year(1995, zone=YEREVAN).after(by).definitely


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("by Tuesday", PhraseKind.BY),
        ("no later than Tuesday", PhraseKind.BY),
        ("before Tuesday", PhraseKind.BEFORE),
        ("after Tuesday", PhraseKind.AFTER),
        ("until Tuesday", PhraseKind.UNTIL),
        ("till Tuesday", PhraseKind.UNTIL),
        ("since Tuesday", PhraseKind.SINCE),
        ("on Tuesday", PhraseKind.AT),
        ("Since the early hours of Tuesday", PhraseKind.SINCE),
    ],
)
def test_each_bound_word_says_its_kind(phrase: str, kind: PhraseKind) -> None:
    reading = read_phrase(phrase, anchor=REPORT, zone=YEREVAN)
    assert reading.kind is kind
    assert isinstance(reading.value, Span) is kind.is_span


def test_the_bounds_of_each_kind_around_tuesday() -> None:
    tuesday = date(2022, 9, 13)
    start, end = day_start(tuesday, YEREVAN), day_end(tuesday, YEREVAN)

    def value(phrase: str) -> When | Span:
        return read_phrase(phrase, anchor=REPORT, zone=YEREVAN).value

    before, after, by = value("before Tuesday"), value("after Tuesday"), value("by Tuesday")
    assert isinstance(before, When)
    assert isinstance(after, When)
    assert isinstance(by, When)
    assert (before.earliest, before.latest) == (UTC_MIN, start - US)
    assert (after.earliest, after.latest) == (end + US, UTC_MAX)
    assert (by.earliest, by.latest) == (UTC_MIN, end)
    since = value("since Tuesday")
    assert isinstance(since, Span)
    assert (since.start.earliest, since.start.latest) == (start, end)
    assert since.ongoing_as_of == REPORT
    until = value("until Tuesday")
    assert isinstance(until, Span)
    assert until.end is not None
    assert (until.end.earliest, until.end.latest) == (start, end)
    assert until.start.earliest == UTC_MIN


def test_after_midnight_starts_the_microsecond_after() -> None:
    after = resolve_phrase("after midnight", anchor=REPORT, zone=YEREVAN)
    assert after.earliest == datetime(2022, 9, 12, 20, tzinfo=UTC) + US
    assert after.latest == UTC_MAX


def test_spans_are_not_whens() -> None:
    with pytest.raises(UnknownPhraseError, match="names a Span"):
        resolve_phrase("since 1991", anchor=REPORT, zone=YEREVAN)
    reading = read_phrase("since 1991", anchor=REPORT, zone=YEREVAN)
    with pytest.raises(InvalidTimeError, match="names a Span"):
        _ = reading.when
    with pytest.raises(InvalidTimeError, match="not a Span"):
        _ = read_phrase("by 1991", anchor=REPORT, zone=YEREVAN).span
    assert reading.span.start == When.year(1991, zone=YEREVAN)


def test_refused_bounds() -> None:
    with pytest.raises(UnknownPhraseError, match="one bound word"):
        read_phrase("since before 1994", anchor=REPORT, zone=YEREVAN)
    with pytest.raises(UnknownPhraseError):
        read_phrase("by", anchor=REPORT, zone=YEREVAN)
    with pytest.raises(InvalidTimeError, match="begins after the anchor"):
        read_phrase("since 2030", anchor=REPORT, zone=YEREVAN)


# -- every weekday, against a calendar computed here -------------------------------------------


@pytest.mark.parametrize("anchor_day", [date(2022, 9, 12) + timedelta(days=n) for n in range(7)])
@pytest.mark.parametrize("zone", [YEREVAN, "Europe/Paris", "America/New_York"])
def test_by_and_before_each_weekday_from_each_weekday(anchor_day: date, zone: str) -> None:
    anchor = When.day(anchor_day, zone=zone)
    for number, name in enumerate(WEEKDAYS):
        back = (anchor_day.weekday() - number) % 7
        day = anchor_day - timedelta(days=back)  # the most recent such weekday, by hand
        by = resolve_phrase(f"by {name}", anchor=anchor, zone=zone, tense="past")
        assert (by.earliest, by.latest) == (UTC_MIN, day_end(day, zone))
        before = resolve_phrase(f"before {name}", anchor=anchor, zone=zone, tense="past")
        assert before.latest == day_start(day, zone) - US


def test_by_a_day_across_the_autumn_change_ends_at_its_25th_hour() -> None:
    # Paris set clocks back on Sunday 30 October 2022: the Sunday lasted 25 hours.
    anchor = When.day("2022-10-31", zone="Europe/Paris")
    by = resolve_phrase("by Sunday", anchor=anchor, zone="Europe/Paris", tense="past")
    assert by.latest == datetime(2022, 10, 30, 23, tzinfo=UTC) - US  # midnight CET = 23:00 UTC
    after = resolve_phrase("after Saturday", anchor=anchor, zone="Europe/Paris", tense="past")
    assert after.earliest == datetime(2022, 10, 29, 22, tzinfo=UTC)  # midnight CEST = 22:00 UTC


# -- an anchor date with no zone ---------------------------------------------------------------


@pytest.mark.parametrize("anchor_day", [date(2022, 9, 12) + timedelta(days=n) for n in range(7)])
@pytest.mark.parametrize("zone", [YEREVAN, "America/New_York", "Pacific/Kiritimati"])
def test_a_weekday_against_a_zoneless_date_is_that_weekday(anchor_day: date, zone: str) -> None:
    anchor = When.day(anchor_day)  # the date somewhere on Earth: the writer's calendar date
    for number, name in enumerate(WEEKDAYS):
        back = (anchor_day.weekday() - number) % 7
        day = anchor_day - timedelta(days=back)
        when = resolve_phrase(name, anchor=anchor, zone=zone, tense="past")
        assert when.precision is Precision.DAY  # one day, not a window of eight
        assert (when.earliest, when.latest) == (day_start(day, zone), day_end(day, zone))
    today = resolve_phrase("today", anchor=anchor, zone=zone)
    assert (today.earliest, today.latest) == (
        day_start(anchor_day, zone),
        day_end(anchor_day, zone),
    )


def test_zoneless_dates_of_a_window() -> None:
    anchor = When.between(When.day("2022-09-12"), When.day("2022-09-13"))
    # Monday and Tuesday as written: the last Tuesday is the 6th (from Monday) or the 13th.
    when = resolve_phrase("Tuesday", anchor=anchor, zone=YEREVAN, tense="past")
    assert (when.earliest, when.latest) == (
        day_start(date(2022, 9, 6), YEREVAN),
        day_end(date(2022, 9, 13), YEREVAN),
    )


# -- properties ------------------------------------------------------------------------------

zones = st.sampled_from([YEREVAN, "Europe/Paris", "America/New_York", "Australia/Lord_Howe"])
anchor_days = st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31))
named = st.one_of(
    st.sampled_from([*WEEKDAYS, "yesterday", "today", "midnight", "noon", "the weekend"]),
    st.integers(1900, 2100).map(str),
    st.builds(lambda y, m: f"{date(y, m, 1):%B %Y}", st.integers(1900, 2100), st.integers(1, 12)),
    st.builds(lambda d: f"{d:%d %B %Y}", anchor_days),
    st.sampled_from(["early hours of Tuesday", "Friday evening", "the early 1990s"]),
)


@given(
    zone=zones,
    anchor_day=anchor_days,
    phrase=named,
    tense=st.sampled_from([None, "past", "future"]),
)
def test_every_placement_of_by_t_is_at_or_before_the_latest_of_t(
    zone: str, anchor_day: date, phrase: str, tense: Tense | None
) -> None:
    anchor = When.day(anchor_day, zone=zone)

    def read(words: str) -> PhraseReading:
        return read_phrase(words, anchor=anchor, zone=zone, tense=tense, disambiguation="earlier")

    try:
        target = read(phrase).when
    except ValueError as error:
        # A skipped day or wall time, or a reading the tense decides and none was given: then
        # "by" it and "before" it are refused as well, for the same reason.
        for word in ("by", "before", "after", "until"):
            with pytest.raises(type(error)):
                read(f"{word} {phrase}")
        return
    by = read(f"by {phrase}")
    assert by.named == target
    assert by.when.latest == target.latest  # every placement of "by T" is ≤ T's latest ...
    assert by.when.earliest == UTC_MIN  # ... and nothing else is known
    before = read(f"before {phrase}")
    assert before.when.latest < target.earliest  # definitely before T
    assert before.when.before(target).definitely
    after = read(f"after {phrase}")
    assert after.when.earliest > target.latest
    assert after.when.after(target).definitely
    until = read(f"until {phrase}")
    assert until.span.end == target
    if target.earliest <= anchor.latest:
        since = read(f"since {phrase}")
        assert since.span.start == target
        assert since.span.ongoing_as_of == anchor
