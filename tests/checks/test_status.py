"""Planned and cancelled events (``Status``): what each check makes of them (#13)."""

from __future__ import annotations

import pytest

from diplomacy_ledger import (
    Call,
    Ceasefire,
    Hostility,
    Ledger,
    Report,
    Source,
    Span,
    Status,
    When,
    check,
    dumps_jsonl,
    read_jsonl,
)
from tests.checks._helpers import add, found, src, y

ONE = Span(y("2022-09-13 01:00"), y("2022-09-13 02:00"))
INSIDE = Span(y("2022-09-13 01:15"), y("2022-09-13 01:45"))


def test_a_planned_event_after_its_source_is_no_anachronism(base: Ledger) -> None:
    # The article of 13 September announces a call for the 20th.
    later = When.day("2022-09-20", zone="Asia/Yerevan")
    add(base, "planned", Call(["pashinyan", "putin"], later, src(), status=Status.PLANNED))
    add(base, "held", Call(["pashinyan", "putin"], later, src()))
    assert found(base, "anachronism") == [("definite", ("held", "article"))]


def test_a_report_of_a_plan_before_its_time_is_no_anachronism(base: Ledger) -> None:
    add(base, "tass", Source("a statement from Moscow", published=y("2022-09-13 01:00")))
    add(base, "planned", Call(["pashinyan", "putin"], ONE, src(), status=Status.PLANNED))
    add(base, "r", Report("russia", "planned", src(), when=y("2022-09-13 00:30")))
    assert found(base, "anachronism") == []


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Status.OCCURRED, [("definite", ("a", "b"))]),
        (Status.PLANNED, [("possible", ("a", "b"))]),
        (Status.CANCELLED, []),
    ],
)
def test_a_cancelled_call_takes_no_ones_time(
    base: Ledger, status: Status, expected: list[object]
) -> None:
    add(base, "a", Call(["pashinyan", "putin"], ONE, src()))
    add(base, "b", Call(["pashinyan", "macron"], INSIDE, src(), status=status))
    assert found(base, "double_booking") == expected
    if status is Status.PLANNED:
        [finding] = check(base, only=["double_booking"])
        assert "'b' (a call) was only planned" in finding.explanation


@pytest.mark.parametrize(
    ("status", "expected"),
    [(Status.PLANNED, [("possible", ("cf", "h"))]), (Status.CANCELLED, [])],
)
def test_a_ceasefire_not_known_to_have_taken_effect(
    base: Ledger, status: Status, expected: list[object]
) -> None:
    truce = Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src(), status=status)
    add(base, "cf", truce)
    fight = Hostility(Span(y("2022-09-13 03:00"), y("2022-09-13 08:00")), src(), target="armenia")
    add(base, "h", fight)
    assert found(base, "ceasefire_violation") == expected


def test_status_is_kept_in_files_and_left_out_when_it_is_the_default(base: Ledger) -> None:
    add(base, "planned", Call(["pashinyan", "putin"], ONE, src(), status=Status.PLANNED))
    add(base, "held", Call(["pashinyan", "putin"], ONE, src()))
    text = dumps_jsonl(base)
    assert text.count('"status"') == 1
    assert '"status":"planned"' in text
    assert read_jsonl(text).ledger == base
