"""The readout-mismatch check (``checks/_readouts.py``): the records of one event that disagree.

Events, not readouts: the records linked by SameEvent, directly or through a chain of links, are
compared all together, and each event that disagrees is one finding.
"""

from __future__ import annotations

from diplomacy_ledger import (
    Agreement,
    Call,
    Ceasefire,
    Claim,
    Hostility,
    Ledger,
    Mediation,
    SameEvent,
    Span,
    Stance,
    Statement,
    Status,
    When,
    check,
)
from tests.checks._helpers import add, found, src, y


class TestReadoutMismatch:
    def test_different_participants_or_times(self, base: Ledger) -> None:
        add(base, "a", Call(["pashinyan", "putin"], y("2022-09-13 01:00"), src("arm-gov")))
        add(base, "b", Call(["pashinyan", "macron"], y("2022-09-13 01:00"), src()))
        add(
            base,
            "c",
            Call(["pashinyan", "putin"], When.day("2022-09-14", zone="Asia/Yerevan"), src()),
        )
        add(base, "ab", SameEvent(("a", "b")))
        add(base, "ac", SameEvent(("a", "c")))
        # One event told three ways (the links join all three): one finding, naming each link
        # and readout, and saying who disagrees on what.
        [finding] = check(base, only=["readout_mismatch"])
        assert (finding.certainty, finding.entries) == ("definite", ("ab", "ac", "a", "b", "c"))
        assert (
            "their participants differ (Nikol Pashinyan, Vladimir Putin in 'a' and 'c'; "
            "Emmanuel Macron, Nikol Pashinyan in 'b')" in finding.explanation
        )
        assert "their times cannot coincide (" in finding.explanation

    def test_near_miss_same_instant_different_local_dates(self, base: Ledger) -> None:
        yerevan = When.parse("2022-09-13T00:30+04:00[Asia/Yerevan]")
        paris = When.parse("2022-09-12T22:30+02:00[Europe/Paris]")  # Monday evening in Paris
        add(base, "a", Call(["pashinyan", "macron"], yerevan, src("arm-gov")))
        add(base, "b", Call(["macron", "pashinyan"], When.between(paris, paris), src()))
        add(base, "ab", SameEvent(("a", "b")))
        assert found(base, "readout_mismatch") == []

    def test_ceasefire_readouts_half_an_hour_apart(self, base: Ledger) -> None:
        # A ceasefire's end is unknown: its time is not "from 02:30 to forever", so two
        # readouts of when it took effect are compared by their starts.
        add(base, "a", Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src("arm-gov")))
        add(base, "b", Ceasefire(("azerbaijan", "armenia"), y("2022-09-13 03:00"), src()))
        add(base, "ab", SameEvent(("a", "b")))
        [finding] = check(base, only=["readout_mismatch"])
        assert (finding.certainty, finding.entries) == ("definite", ("ab", "a", "b"))
        assert "times cannot coincide" in finding.explanation

    def test_ceasefire_readouts_with_other_parties(self, base: Ledger) -> None:
        add(base, "a", Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src("arm-gov")))
        add(base, "b", Ceasefire(("armenia", "russia"), y("2022-09-13 02:30"), src()))
        add(base, "ab", SameEvent(("a", "b")))
        [finding] = check(base, only=["readout_mismatch"])
        assert (
            "their parties differ (Armenia, Azerbaijan in 'a'; Armenia, Russia in 'b')"
            in finding.explanation
        )

    def test_mediations_hostilities_and_statements_are_compared_too(self, base: Ledger) -> None:
        night = Span(y("2022-09-13 00:00"), y("2022-09-13 02:00"))
        add(base, "m1", Mediation(("russia",), ("armenia", "azerbaijan"), night, src("arm-gov")))
        add(base, "m2", Mediation(("macron",), ("armenia", "azerbaijan"), night, src()))
        add(base, "h1", Hostility(Span(y("2022-09-13 00:00")), src("arm-gov"), attacker="aze-army"))
        add(base, "h2", Hostility(Span(y("2022-09-13 05:00"), y("2022-09-13 06:00")), src()))
        add(base, "s1", Statement("pashinyan", src(), when=y("2022-09-13 01:00")))
        add(base, "s2", Statement("putin", src(), when=y("2022-09-13 01:00")))
        for pair in ("m1", "m2"), ("h1", "h2"), ("s1", "s2"):
            add(base, "-".join(pair), SameEvent(pair))
        assert found(base, "readout_mismatch") == [
            ("definite", ("h1-h2", "h1", "h2")),  # an open end does not reach 05:00 for sure
            ("definite", ("m1-m2", "m1", "m2")),
            ("definite", ("s1-s2", "s1", "s2")),
        ]

    def test_near_miss_what_one_readout_leaves_out_is_no_disagreement(self, base: Ledger) -> None:
        fighting = Span(y("2022-09-13 00:00"), ongoing_as_of=y("2022-09-13 06:00"))
        add(base, "h1", Hostility(fighting, src("arm-gov"), attacker="aze-army"))
        add(base, "h2", Hostility(Span(y("2022-09-13 00:00"), y("2022-09-13 09:00")), src()))
        add(base, "h1-h2", SameEvent(("h1", "h2")))
        assert found(base, "readout_mismatch") == []

    def test_a_pair_linked_twice_is_reported_once(self, base: Ledger) -> None:
        add(base, "a", Call(["pashinyan", "putin"], y("2022-09-13 01:00"), src("arm-gov")))
        add(base, "b", Call(["pashinyan", "macron"], y("2022-09-13 01:00"), src()))
        add(base, "ab", SameEvent(("a", "b")))
        add(base, "ab-again", SameEvent(("a", "b")))
        assert found(base, "readout_mismatch") == [("definite", ("ab", "ab-again", "a", "b"))]


class TestNewKindsOfReadout:
    """Agreements and fighting between sides are compared like the other kinds."""

    NIGHT = Span(y("2022-09-13 00:00"), y("2022-09-13 02:00"))

    def test_agreements_with_other_parties_or_effects_apart(self, base: Ledger) -> None:
        signed = y("2022-09-13 01:00")
        effect = y("2022-09-13 02:30")
        add(base, "a1", Agreement(("armenia", "azerbaijan"), src("arm-gov"), signed=signed))
        add(base, "a2", Agreement(("armenia", "russia"), src(), signed=signed))
        add(base, "a3", Agreement(("armenia", "azerbaijan"), src(), effective=effect))
        later = y("2022-09-13 04:00")
        add(base, "a4", Agreement(("armenia", "azerbaijan"), src("aze-gov"), effective=later))
        add(base, "a1-a2", SameEvent(("a1", "a2")))
        add(base, "a3-a4", SameEvent(("a3", "a4")))
        findings = check(base, only=["readout_mismatch"])
        assert [(f.certainty, f.entries) for f in findings] == [
            ("definite", ("a1-a2", "a1", "a2")),
            ("definite", ("a3-a4", "a3", "a4")),
        ]
        assert "their parties differ" in findings[0].explanation
        assert "take effect at times that cannot coincide" in findings[1].explanation

    def test_fighting_between_sides_told_as_an_attack_by_one_of_them_agrees(
        self, base: Ledger
    ) -> None:
        add(base, "h1", Hostility(self.NIGHT, src("arm-gov"), between=("armenia", "aze-army")))
        add(base, "h2", Hostility(self.NIGHT, src(), attacker="aze-army", target="armenia"))
        add(base, "h3", Hostility(self.NIGHT, src(), attacker="aze-army"))
        add(base, "link", SameEvent(("h1", "h2", "h3")))
        assert found(base, "readout_mismatch") == []

    def test_fighting_between_sides_told_with_another_side_disagrees(self, base: Ledger) -> None:
        add(base, "h1", Hostility(self.NIGHT, src("arm-gov"), between=("armenia", "aze-army")))
        add(base, "h2", Hostility(self.NIGHT, src(), attacker="russia"))
        add(base, "h3", Hostility(self.NIGHT, src(), between=("armenia", "russia")))
        add(base, "link", SameEvent(("h1", "h2", "h3")))
        # Russia attacking is one of the sides of fighting between Armenia and Russia: h2 and
        # h3 agree; each disagrees with h1. One event, one finding.
        [finding] = check(base, only=["readout_mismatch"])
        assert finding.entries == ("link", "h1", "h2", "h3")
        assert (
            "the sides they name differ (Armenia, Azerbaijani armed forces in 'h1'; Russia in "
            "'h2'; Armenia, Russia in 'h3')" in finding.explanation
        )


class TestEventsNotPairs:
    """Readouts are compared as the event they tell, all together, and reported once (#13)."""

    def test_readouts_joined_through_a_third_are_compared(self, base: Ledger) -> None:
        # 'a' at 01:00 and 'c' at 05:00 both agree with 'b' ("the early hours"), and are linked
        # only through it: they cannot be one call.
        add(base, "a", Call(["pashinyan", "putin"], y("2022-09-13 01:00"), src("arm-gov")))
        early = When.between(y("2022-09-13 00:00"), y("2022-09-13 06:00"))
        add(base, "b", Call(["pashinyan", "putin"], early, src()))
        add(base, "c", Call(["pashinyan", "putin"], y("2022-09-13 05:00"), src()))
        add(base, "ab", SameEvent(("a", "b")))
        add(base, "bc", SameEvent(("b", "c")))
        [finding] = check(base, only=["readout_mismatch"])
        assert (finding.certainty, finding.entries) == ("definite", ("ab", "bc", "a", "b", "c"))
        assert "in 'a'; " in finding.explanation
        assert "in 'c')" in finding.explanation
        assert "in 'b'" not in finding.explanation  # 'b' agrees with each

    def test_one_readout_out_of_three_is_one_problem(self, base: Ledger) -> None:
        for id in ("a", "b"):
            add(base, id, Call(["pashinyan", "putin"], y("2022-09-13 01:00"), src()))
        add(base, "c", Call(["pashinyan", "putin"], y("2022-09-13 05:00"), src()))
        add(base, "abc", SameEvent(("a", "b", "c")))
        assert found(base, "readout_mismatch") == [("definite", ("abc", "a", "b", "c"))]

    def test_a_state_and_its_armed_forces_are_one_side(self, base: Ledger) -> None:
        night = Span(y("2022-09-13 00:00"), y("2022-09-13 02:00"))
        add(base, "h1", Hostility(night, src("arm-gov"), between=("armenia", "azerbaijan")))
        add(base, "h2", Hostility(night, src(), attacker="aze-army", target="armenia"))
        add(base, "h3", Hostility(night, src(), attacker="azerbaijan"))
        add(base, "link", SameEvent(("h1", "h2", "h3")))
        add(base, "m1", Mediation(("russia",), ("armenia", "azerbaijan"), night, src()))
        add(base, "m2", Mediation(("russia",), ("arm-gov", "aze-gov"), night, src()))
        add(base, "m-link", SameEvent(("m1", "m2")))
        assert found(base, "readout_mismatch") == []

    def test_told_as_called_off_and_as_held(self, base: Ledger) -> None:
        call = y("2022-09-13 01:00")
        add(base, "off", Call(["pashinyan", "putin"], call, src(), status=Status.CANCELLED))
        add(base, "held", Call(["pashinyan", "putin"], call, src()))
        add(base, "link", SameEvent(("off", "held")))
        [finding] = check(base, only=["readout_mismatch"])
        assert finding.entries == ("link", "off", "held")
        assert (
            "they disagree on whether it took place (called off in 'off'; took place in 'held')"
            in finding.explanation
        )

    def test_near_miss_a_plan_and_what_came_of_it(self, base: Ledger) -> None:
        call = y("2022-09-13 01:00")
        add(base, "plan", Call(["pashinyan", "putin"], call, src(), status=Status.PLANNED))
        add(base, "held", Call(["pashinyan", "putin"], call, src()))
        add(base, "link", SameEvent(("plan", "held")))
        assert found(base, "readout_mismatch") == []

    def test_a_disagreement_that_rests_on_no_doubt_is_definite(self, base: Ledger) -> None:
        # 'b' names other people and is denied; 'c' is at another time and is not: the times
        # surely disagree, so the event surely does.
        add(base, "a", Call(["pashinyan", "putin"], y("2022-09-13 01:00"), src()))
        add(base, "b", Call(["pashinyan", "macron"], y("2022-09-13 01:00"), src()))
        add(base, "abc", SameEvent(("a", "b")))
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="b"))
        assert found(base, "readout_mismatch") == [("possible", ("abc", "a", "b"))]
        add(base, "c", Call(["pashinyan", "putin"], y("2022-09-13 05:00"), src()))
        add(base, "ac", SameEvent(("a", "c")))
        assert found(base, "readout_mismatch") == [("definite", ("abc", "ac", "a", "b", "c"))]


def test_a_readout_naming_fewer_people_leaves_them_out(base: Ledger) -> None:
    # The Kremlin names the two presidents; the other side names a third who joined: no
    # disagreement (naming someone else instead is one: see the first test of this module).
    add(base, "a", Call(["pashinyan", "putin"], y("2022-09-13 01:00"), src("arm-gov")))
    add(base, "b", Call(["pashinyan", "putin", "macron"], y("2022-09-13 01:00"), src()))
    add(base, "ab", SameEvent(("a", "b")))
    add(base, "m1", Mediation(("russia",), ("armenia", "azerbaijan"), y("2022-09-13 01:00"), src()))
    add(
        base,
        "m2",
        Mediation(("russia", "macron"), ("armenia", "azerbaijan"), y("2022-09-13 01:00"), src()),
    )
    add(base, "m", SameEvent(("m1", "m2")))
    assert found(base, "readout_mismatch") == []


def test_a_plan_put_off_is_not_a_readout_that_disagrees(base: Ledger) -> None:
    # Announced for 02:30, in force from 03:00 (the Gaza truce of 2023 began a day late): the
    # plan changed; no account of what happened disagrees with another.
    planned = Ceasefire(
        ("armenia", "azerbaijan"), y("2022-09-13 02:30"), src(), status=Status.PLANNED
    )
    add(base, "plan", planned)
    add(base, "held", Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 03:00"), src("arm-gov")))
    add(base, "link", SameEvent(("plan", "held")))
    assert found(base, "readout_mismatch") == []
    # Two accounts of the plan that disagree on it do disagree.
    other = Ceasefire(
        ("armenia", "azerbaijan"), y("2022-09-13 04:00"), src(), status=Status.PLANNED
    )
    add(base, "plan-2", other)
    add(base, "link-2", SameEvent(("plan", "plan-2")))
    [finding] = check(base, only=["readout_mismatch"])
    assert finding.entries == ("link", "link-2", "plan", "held", "plan-2")
    assert "in 'plan'; " in finding.explanation
    assert "in 'held'" not in finding.explanation
