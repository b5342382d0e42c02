"""The tense: a phrase whose past and future readings differ is refused unless the caller says.

"The truce holds until Friday" (future) and "fighting went on until Friday" (past) differ only in
the verb, which the phrase does not carry. Expected dates are counted here from the anchor's
weekday; instants come from ``zoneinfo``.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomacy_ledger import (
    PhraseKind,
    Span,
    Tense,
    UnknownPhraseError,
    When,
    read_phrase,
    resolve_phrase,
)
from diplomacy_ledger.time import UTC_MAX, UTC_MIN

US = timedelta(microseconds=1)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ANCHORS = [
    ("Europe/Paris", date(2022, 10, 24) + timedelta(days=n))
    for n in range(7)  # clocks back
] + [("America/New_York", date(2022, 3, 7) + timedelta(days=n)) for n in range(7)]


def day_bounds(day: date, zone: str) -> tuple[datetime, datetime]:
    first = datetime.combine(day, time(), tzinfo=ZoneInfo(zone)).astimezone(UTC)
    after = datetime.combine(day + timedelta(days=1), time(), tzinfo=ZoneInfo(zone))
    return first, after.astimezone(UTC) - US


@pytest.mark.parametrize(("zone", "anchor_day"), ANCHORS)
def test_a_weekday_and_its_bounds_need_the_tense_unless_it_is_the_anchors_day(
    zone: str, anchor_day: date
) -> None:
    anchor = When.day(anchor_day, zone=zone)
    for number, name in enumerate(WEEKDAYS):
        back = (anchor_day.weekday() - number) % 7
        past = anchor_day - timedelta(days=back)
        future = anchor_day + timedelta(days=(7 - back) % 7)
        for word in ("", "by ", "until ", "after ", "before ", "on "):
            phrase = f"{word}{name}"
            if past == future:  # the anchor's own weekday: no tense needed
                reading = read_phrase(phrase, anchor=anchor, zone=zone)
                assert (reading.named.earliest, reading.named.latest) == day_bounds(past, zone)
                continue
            with pytest.raises(UnknownPhraseError, match="depends on the tense") as refused:
                read_phrase(phrase, anchor=anchor, zone=zone)
            message = str(refused.value)
            assert past.isoformat() in message
            assert future.isoformat() in message
            readings: tuple[tuple[Tense, date], ...] = (("past", past), ("future", future))
            for tense, day in readings:
                reading = read_phrase(phrase, anchor=anchor, zone=zone, tense=tense)
                assert (reading.named.earliest, reading.named.latest) == day_bounds(day, zone)


def test_the_truce_holds_until_friday() -> None:
    tuesday = When.day("2022-09-13", zone="Asia/Yerevan")
    truce = read_phrase("until Friday", anchor=tuesday, zone="Asia/Yerevan", tense="future")
    assert truce.kind is PhraseKind.UNTIL
    assert truce.span.end == When.day("2022-09-16", zone="Asia/Yerevan", text="until Friday")
    assert truce.span.start.earliest == UTC_MIN
    deadline = resolve_phrase("by Friday", anchor=tuesday, zone="Asia/Yerevan", tense="future")
    assert (deadline.earliest, deadline.latest) == (
        UTC_MIN,
        day_bounds(date(2022, 9, 16), "Asia/Yerevan")[1],
    )
    after = resolve_phrase("after Friday", anchor=tuesday, zone="Asia/Yerevan", tense="future")
    assert (after.earliest, after.latest) == (
        day_bounds(date(2022, 9, 17), "Asia/Yerevan")[0],
        UTC_MAX,
    )


def test_since_is_read_in_the_past() -> None:
    tuesday = When.day("2022-09-13", zone="Asia/Yerevan")
    since = read_phrase("since Friday", anchor=tuesday, zone="Asia/Yerevan")
    assert isinstance(since.value, Span)
    assert (since.named.earliest, since.named.latest) == day_bounds(
        date(2022, 9, 9), "Asia/Yerevan"
    )
    with pytest.raises(ValueError, match="begins after the anchor"):
        read_phrase("since Friday", anchor=tuesday, zone="Asia/Yerevan", tense="future")


def test_a_tense_must_be_one_of_the_two() -> None:
    tuesday = When.day("2022-09-13", zone="Asia/Yerevan")
    for bad in ("present", "PAST", "", 0):
        with pytest.raises(ValueError, match="tense"):
            resolve_phrase("Friday", anchor=tuesday, zone="Asia/Yerevan", tense=bad)  # type: ignore[arg-type]


# -- the rule, over random anchors and forms that depend on the tense --------------------------

DEPENDENT = st.sampled_from(
    [
        *WEEKDAYS,
        "the weekend",
        "overnight",
        "14 September",
        "29 February",
        "late September",
        "early January",
        "the night of 12 to 13 September",
        "13-14 September",
        "the '90s",
        "Friday evening",
        "noon on Sunday",
        "until Wednesday",
        "after Saturday",
        "last Thursday",
        "next Monday",
    ]
)


@given(
    phrase=DEPENDENT,
    anchor_day=st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31)),
    zone=st.sampled_from(["Asia/Yerevan", "Europe/Paris", "America/New_York", "UTC"]),
)
def test_without_a_tense_a_phrase_is_read_only_where_both_tenses_agree(
    phrase: str, anchor_day: date, zone: str
) -> None:
    anchor = When.day(anchor_day, zone=zone)
    readings: dict[Tense | None, PhraseKind | str] = {}
    values = {}
    for tense in (None, "past", "future"):
        try:
            reading = read_phrase(phrase, anchor=anchor, zone=zone, tense=tense)
        except ValueError as error:
            readings[tense] = type(error).__name__
            continue
        readings[tense] = reading.kind
        values[tense] = reading.named
    if None in values:  # read without a tense: both tenses read it, and the same
        assert values.get("past") == values[None] == values.get("future")
    elif "past" in values and "future" in values:
        assert values["past"] != values["future"]  # refused only because they differ
    if phrase.startswith(("last ", "next ")):
        assert values.get("past") == values.get("future")  # their own words say the tense
        return
    # Otherwise what is read in a tense lies on that side of the anchor, or holds it.
    if "past" in values:
        assert values["past"].earliest <= anchor.latest
    if "future" in values:
        assert values["future"].latest >= anchor.earliest
