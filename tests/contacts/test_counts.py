"""Contacts per local day, week or month (``contacts/_counts.py``), against zoneinfo's calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_ledger import (
    ContactCount,
    ContactCounts,
    Ledger,
    LedgerError,
    Status,
    When,
    contact_counts,
    contact_counts_by_actor,
    contact_events,
)
from diplomacy_ledger.time import Per
from tests.contacts._ledgers import (
    PEOPLE,
    Readout,
    call,
    cast,
    in_doubt,
    ledger_of,
    ledger_of_events,
    placements,
)


def counts(
    ledger: Ledger, actor: str | None = None, *, zone: str, per: Per = "day"
) -> list[tuple[str, int, int]]:
    found = contact_counts(ledger, actor, zone=zone, per=per)
    return [(c.bucket, c.definite, c.possible) for c in found]


def test_early_on_tuesday_in_yerevan_is_monday_or_tuesday_in_paris() -> None:
    ledger = cast()
    early = When.between(
        When.local("2022-09-13 00:00", zone="Asia/Yerevan"),
        When.local("2022-09-13 05:59", zone="Asia/Yerevan"),
    )
    call(ledger, "c1", ("pashinyan", "putin"), early)
    call(ledger, "c2", ("pashinyan", "macron"), early)
    assert counts(ledger, "pashinyan", zone="Asia/Yerevan") == [("2022-09-13", 2, 2)]
    assert counts(ledger, "pashinyan", zone="Europe/Paris") == [
        ("2022-09-12", 0, 2),
        ("2022-09-13", 0, 2),
    ]
    assert counts(ledger, "macron", zone="Europe/Paris") == [
        ("2022-09-12", 0, 1),
        ("2022-09-13", 0, 1),
    ]
    assert counts(ledger, zone="Asia/Yerevan", per="week") == [("2022-W37", 2, 2)]
    assert counts(ledger, zone="UTC", per="month") == [("2022-09", 2, 2)]


def test_buckets_follow_the_zones_calendar_through_offset_changes_and_a_skipped_day() -> None:
    ledger = cast()
    # Paris, 30 October 2022: a 25-hour day. 23:30 local is 22:30 UTC, still the 30th.
    call(
        ledger, "long-day", ("macron", "putin"), When.local("2022-10-30 23:30", zone="Europe/Paris")
    )
    # Apia skipped 30 December 2011: a call between the 29th and the 31st, local time, may
    # fall on either of two days, never on the 30th.
    apia = When.between(
        When.local("2011-12-29 20:00", zone="Pacific/Apia"),
        When.local("2011-12-31 04:00", zone="Pacific/Apia"),
    )
    call(ledger, "apia", ("macron", "aliyev"), apia)
    assert counts(ledger, "macron", zone="Europe/Paris")[-1] == ("2022-10-30", 1, 1)
    assert counts(ledger, "aliyev", zone="Pacific/Apia") == [
        ("2011-12-29", 0, 1),
        ("2011-12-31", 0, 1),
    ]


def test_the_zone_is_asked_for_and_checked() -> None:
    ledger = ledger_of([(("pashinyan", "putin"), (0, 0))])
    with pytest.raises(TypeError):
        contact_counts(ledger)  # type: ignore[call-arg]
    with pytest.raises(LedgerError):
        contact_counts(ledger, zone="EDT")
    with pytest.raises(LedgerError):
        contact_counts(ledger, zone="UTC", per="year")  # type: ignore[arg-type]


ZONES = ("Asia/Yerevan", "Europe/Paris", "America/St_Johns", "Asia/Kathmandu", "Pacific/Apia")
GRID = timedelta(minutes=15)  # every zone here changes date on a quarter hour


def reference(
    windows: list[tuple[datetime, datetime]], zone: str, per: str
) -> dict[str, tuple[int, int]]:
    """[definite, possible] per bucket by stepping through every quarter hour of every window."""
    tz = ZoneInfo(zone)

    def label(moment: datetime) -> str:
        day = moment.astimezone(tz).date()
        if per == "day":
            return day.isoformat()
        if per == "week":
            year, week, _ = day.isocalendar()
            return f"{year}-W{week:02d}"
        return f"{day:%Y-%m}"

    found: dict[str, list[int]] = {}
    for low, high in windows:
        labels = set()
        moment = low
        while moment <= high:
            labels.add(label(moment))
            moment += GRID
        for name in labels:
            entry = found.setdefault(name, [0, 0])
            entry[1] += 1
            entry[0] += len(labels) == 1
    return {name: (d, p) for name, (d, p) in found.items()}


def ledger_of_one(low: datetime, high: datetime) -> Ledger:
    ledger = cast()
    call(
        ledger,
        "c",
        ("pashinyan", "putin"),
        When.instant(low) if low == high else When.between(low, high),
    )
    return ledger


starts = st.integers(0, 4 * 24 * 40).map(lambda n: datetime(2011, 12, 25, tzinfo=UTC) + n * GRID)
lengths = st.sampled_from([0, 1, 4, 20, 96, 200, 700])
PAIRS = [("pashinyan", "putin"), ("putin", "macron"), ("macron", "aliyev")]


@settings(max_examples=150)
@given(
    st.lists(st.tuples(starts, lengths), min_size=1, max_size=6),
    st.sampled_from(ZONES),
    st.sampled_from(["day", "week", "month"]),
)
def test_counts_are_what_every_or_some_placement_says(
    drawn: list[tuple[datetime, int]], zone: str, per: str
) -> None:
    windows = [(low, low + steps * GRID) for low, steps in drawn]
    ledger = cast()
    for number, (low, high) in enumerate(windows):
        when = When.instant(low) if low == high else When.between(low, high)
        call(ledger, f"c{number}", ("pashinyan", "putin"), when)
    found = contact_counts(ledger, zone=zone, per=per)  # type: ignore[arg-type]
    assert {c.bucket: (c.definite, c.possible) for c in found} == reference(windows, zone, per)
    # The documented invariant: definite counts sum to at most the contacts, and each contact
    # is definite in at most one bucket and possible in at least one.
    assert sum(c.definite for c in found) <= len(contact_events(ledger))
    assert all(c.definite <= c.possible for c in found)
    for low, high in windows[:2]:  # and so for a contact on its own
        alone = ledger_of_one(low, high)
        each = contact_counts(alone, zone=zone, per=per)  # type: ignore[arg-type]
        assert sum(c.definite for c in each) <= 1 <= sum(c.possible for c in each)
    assert [c.first_day for c in found] == sorted(c.first_day for c in found)


@settings(max_examples=40)
@given(st.lists(st.tuples(starts, lengths, st.sampled_from(PAIRS)), min_size=1, max_size=6))
def test_counting_every_actor_at_once_is_counting_each_in_turn(
    drawn: list[tuple[datetime, int, tuple[str, str]]],
) -> None:
    ledger = cast()
    for number, (low, steps, people) in enumerate(drawn):
        high = low + steps * GRID
        call(
            ledger,
            f"c{number}",
            people,
            When.instant(low) if steps == 0 else When.between(low, high),
        )
    every = contact_counts_by_actor(ledger, per="day", zone="Asia/Kathmandu")
    assert set(every) == {person for _, _, people in drawn for person in people}
    for actor, counts in every.items():
        assert counts == contact_counts(ledger, actor, per="day", zone="Asia/Kathmandu")


statuses = st.sampled_from([Status.OCCURRED] * 4 + [Status.PLANNED, Status.CANCELLED])
readouts = st.lists(
    st.tuples(st.integers(0, 4 * 24 * 6), lengths, statuses).map(
        lambda t: (t[0], t[0] + t[1], t[2])
    ),
    min_size=1,
    max_size=3,
)


@settings(max_examples=200)
@given(
    st.lists(st.tuples(st.sampled_from(PAIRS), readouts), min_size=1, max_size=5),
    starts,
    st.sampled_from(ZONES),
    st.sampled_from(["day", "week", "month"]),
)
def test_counts_of_events_told_by_several_readouts_are_what_their_placements_say(
    events: list[tuple[tuple[str, str], list[Readout]]], base: datetime, zone: str, per: str
) -> None:
    """Readouts of one event that agree narrow it; ones that disagree leave it in one of theirs.

    Plans linked to it say nothing of when; a cancellation puts it in doubt (possible only).
    The reference steps through the placements :func:`placements` allows, quarter hour by
    quarter hour.
    """
    ledger = ledger_of_events(events, base)
    windows = [placements(told) for _, told in events]
    doubted = [in_doubt(told) for _, told in events]
    found = contact_counts(ledger, zone=zone, per=per)  # type: ignore[arg-type]
    expected = reference_of_steps(
        [w for w in windows if w is not None],
        base,
        zone,
        per,
        [d for w, d in zip(windows, doubted, strict=True) if w is not None],
    )
    assert {c.bucket: (c.definite, c.possible) for c in found} == expected
    assert sum(c.definite for c in found) <= len(contact_events(ledger))
    for actor in PEOPLE:
        mine = [
            (w, d)
            for (people, _), w, d in zip(events, windows, doubted, strict=True)
            if actor in people and w is not None
        ]
        counted = contact_counts(ledger, actor, zone=zone, per=per)  # type: ignore[arg-type]
        assert {c.bucket: (c.definite, c.possible) for c in counted} == reference_of_steps(
            [w for w, _ in mine], base, zone, per, [d for _, d in mine]
        )


def reference_of_steps(
    steps: list[set[int]],
    base: datetime,
    zone: str,
    per: str,
    doubted: list[bool] | None = None,
) -> dict[str, tuple[int, int]]:
    """[definite, possible] per bucket: every step each contact may have begun at, labelled.

    A contact in doubt (``doubted``) may not have taken place: possible only.
    """
    tz = ZoneInfo(zone)
    found: dict[str, list[int]] = {}
    for number, allowed in enumerate(steps):
        labels = set()
        for step in allowed:
            day = (base + step * GRID).astimezone(tz).date()
            if per == "day":
                labels.add(day.isoformat())
            elif per == "week":
                year, week, _ = day.isocalendar()
                labels.add(f"{year}-W{week:02d}")
            else:
                labels.add(f"{day:%Y-%m}")
        for name in labels:
            entry = found.setdefault(name, [0, 0])
            entry[1] += 1
            entry[0] += len(labels) == 1 and not (doubted and doubted[number])
    return {name: (d, p) for name, (d, p) in found.items()}


def test_the_counts_are_a_sequence_of_rows_that_compares_with_lists() -> None:
    ledger = cast()
    call(ledger, "vague", ("pashinyan", "putin"), When.month(2022, 9, zone="UTC"))
    call(ledger, "sure", ("pashinyan", "macron"), When.day("2022-09-13", zone="UTC"))
    found = contact_counts(ledger, "pashinyan", zone="UTC")
    rows = list(found)
    assert len(found) == len(rows) == 30
    assert rows[12] == ("2022-09-13", date(2022, 9, 13), date(2022, 9, 13), 1, 2)
    assert (found[0], found[12], found[-1]) == (rows[0], rows[12], rows[-1])
    assert found[10:14] == rows[10:14]
    assert found[::7] == rows[::7]
    assert found == rows
    assert rows == found
    assert found != rows[:-1]
    assert found != [*rows[:-1], rows[-1]._replace(possible=9)]
    assert rows[5] in found
    assert found.index(rows[20]) == 20
    assert list(reversed(found)) == rows[::-1]
    assert repr(found).startswith(
        "ContactCounts.of_rows('day', [ContactCount('2022-09-01', '2022-09-01', '2022-09-01', "
    )
    pasted = eval(repr(found), {"ContactCounts": ContactCounts, "ContactCount": ContactCount})
    assert (pasted, pasted.per, repr(pasted)) == (found, "day", repr(found))
    assert found.per == "day"
    with pytest.raises(IndexError):
        found[30]
    with pytest.raises(IndexError):
        found[-31]
    assert contact_counts(ledger, "aliyev", zone="UTC") == []
    assert len(contact_counts(ledger, "aliyev", zone="UTC")) == 0


def test_counts_pasted_from_rows_must_be_buckets_in_order() -> None:
    monday = ContactCount("2022-W37", "2022-09-12", "2022-09-18", 1, 2)
    assert ContactCounts.of_rows("week", [monday]) == [monday]
    with pytest.raises(LedgerError, match="not a week bucket"):  # a week from a Tuesday
        ContactCounts.of_rows("week", [ContactCount("2022-W37", "2022-09-13", "2022-09-19", 1, 2)])
    day = ContactCount("2022-09-13", "2022-09-13", "2022-09-13", 0, 1)
    with pytest.raises(LedgerError, match="after the one before"):
        ContactCounts.of_rows("day", [day, day])
    with pytest.raises(LedgerError, match="not an ISO date"):
        ContactCount("2022-09-13", "13/09/2022", "2022-09-13", 0, 1)
