"""Planned and cancelled events (``Status``): what each check makes of them (#13)."""

from __future__ import annotations

import pytest

from diplomacy_ledger import (
    Call,
    Ceasefire,
    Claim,
    Hostility,
    Ledger,
    Participant,
    Report,
    SameEvent,
    Source,
    Span,
    Stance,
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


class TestStatusOfAnEvent:
    """An event's status is what its readouts say together (#13)."""

    def link(self, base: Ledger, status: Status) -> None:
        add(base, "told", Call(["pashinyan", "putin"], ONE, src(), status=status))
        add(base, "held", Call(["pashinyan", "putin"], ONE, src("arm-gov")))
        add(base, "one-call", SameEvent(("told", "held")))
        add(base, "other", Call(["pashinyan", "macron"], INSIDE, src()))

    def test_a_plan_told_with_what_came_of_it_took_place(self, base: Ledger) -> None:
        self.link(base, Status.PLANNED)
        [finding] = check(base, only=["double_booking"])
        assert (finding.certainty, finding.entries) == ("definite", ("told", "held", "other"))
        assert "planned" not in finding.explanation

    def test_told_as_called_off_and_as_held_is_in_doubt(self, base: Ledger) -> None:
        self.link(base, Status.CANCELLED)
        [finding] = check(base, only=["double_booking"])
        assert (finding.certainty, finding.entries) == ("possible", ("told", "held", "other"))
        assert "'told' (a call) says it was called off" in finding.explanation

    def test_a_plan_and_its_cancellation_took_no_ones_time(self, base: Ledger) -> None:
        add(base, "plan", Call(["pashinyan", "putin"], ONE, src(), status=Status.PLANNED))
        add(base, "off", Call(["pashinyan", "putin"], ONE, src(), status=Status.CANCELLED))
        add(base, "one-call", SameEvent(("plan", "off")))
        add(base, "other", Call(["pashinyan", "macron"], INSIDE, src()))
        assert found(base, "double_booking") == []


class TestOfficesOfPlans:
    """A plan names people in the offices they held when it was made (#13)."""

    LATER = When.day("2022-09-20", zone="Asia/Yerevan")  # after the tenure's recorded end

    def visit(self, status: Status) -> Call:
        return Call([Participant("pashinyan", "pm"), "putin"], self.LATER, src(), status=status)

    def test_a_visit_called_off_after_its_visitor_left_office_is_no_finding(
        self, base: Ledger
    ) -> None:
        add(base, "visit", self.visit(Status.CANCELLED))
        assert found(base, "office_not_held") == []

    def test_a_visit_planned_for_after_the_tenure_is_at_most_possible(self, base: Ledger) -> None:
        add(base, "visit", self.visit(Status.PLANNED))
        [finding] = check(base, only=["office_not_held"])
        assert (finding.certainty, finding.entries) == ("possible", ("visit",))
        # Possible for the plan, not for the times: no placement puts him in office then.
        assert "but no placement of the times puts them in that office" in finding.explanation
        assert "At most possible: 'visit' (a call) was only planned" in finding.explanation

    def test_held_it_is_definite(self, base: Ledger) -> None:
        add(base, "visit", self.visit(Status.OCCURRED))
        assert found(base, "office_not_held") == [("definite", ("visit",))]


class TestTakenBack:
    """What its teller denied after telling it is at most possible, and the finding says so."""

    def test_a_double_booking_told_by_whoever_took_it_back(self, base: Ledger) -> None:
        add(base, "a", Call(["pashinyan", "putin"], ONE, src("arm-gov")))
        add(base, "b", Call(["pashinyan", "macron"], INSIDE, src()))
        assert found(base, "double_booking") == [("definite", ("a", "b"))]
        add(base, "back", Claim("arm-gov", Stance.DENIES, src(), about="a"))
        [finding] = check(base, only=["double_booking"])
        assert finding.certainty == "possible"
        assert "Government of Armenia, whose account 'a' (a call) is, took it back" in (
            finding.explanation
        )

    def test_an_anachronism_told_by_whoever_took_it_back(self, base: Ledger) -> None:
        later = When.day("2022-09-20", zone="Asia/Yerevan")
        add(base, "c", Call(["pashinyan", "putin"], later, src("arm-gov")))
        add(base, "back", Claim("arm-gov", Stance.DENIES, src(), about="c"))
        [finding] = check(base, only=["anachronism"])
        assert (finding.certainty, finding.entries) == ("possible", ("c", "article"))
        assert "took it back in 'back' (a claim)" in finding.explanation


class TestPlansOfWhatWasHeld:
    """What happened is what the readouts of the event as held say, not what was planned."""

    def test_a_truce_put_off_is_in_force_from_when_it_took_effect(self, base: Ledger) -> None:
        planned = Ceasefire(
            ("armenia", "azerbaijan"), y("2022-09-13 02:30"), src(), status=Status.PLANNED
        )
        add(base, "plan", planned)
        held = Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 03:00"), src("arm-gov"))
        add(base, "held", held)
        add(base, "one-truce", SameEvent(("plan", "held")))
        between = Span(y("2022-09-13 02:40"), y("2022-09-13 02:50"))
        add(base, "h", Hostility(between, src("arm-gov"), attacker="aze-army", target="armenia"))
        assert found(base, "ceasefire_violation") == []

    def test_a_call_put_off_took_the_time_it_was_held_at(self, base: Ledger) -> None:
        add(base, "plan", Call(["pashinyan", "putin"], INSIDE, src(), status=Status.PLANNED))
        later = Span(y("2022-09-13 03:00"), y("2022-09-13 04:00"))
        add(base, "held", Call(["pashinyan", "putin"], later, src("arm-gov")))
        add(base, "one-call", SameEvent(("plan", "held")))
        add(base, "other", Call(["pashinyan", "macron"], ONE, src()))
        assert found(base, "double_booking") == []
