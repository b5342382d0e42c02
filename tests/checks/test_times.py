"""The checks on times (``checks/_times.py``): anachronisms, unresolved local times, readouts.

For each, ledgers that must trigger it and near misses that must not. Anachronisms against
lifespans skip records no lifespan can exclude, and local times are judged once per wall time and
zone: each is compared here with the plain definition it stands for.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Agreement,
    Call,
    Ceasefire,
    Claim,
    Hostility,
    Ledger,
    Mediation,
    Provenance,
    Report,
    SameEvent,
    Span,
    Stance,
    Statement,
    Status,
    When,
    check,
)
from tests.checks._helpers import add, found, src, y
from tests.checks._windows import ledger_of, spans


class TestAnachronism:
    def test_a_report_before_its_event(self, base: Ledger) -> None:
        add(base, "h", Hostility(Span(y("2022-09-13 00:00")), src(), attacker="aze-army"))
        add(base, "r", Report("media", "h", src(), when=y("2022-09-12 23:00")))
        assert found(base, "anachronism") == [("definite", ("r", "h"))]

    def test_a_record_before_its_actor_existed(self, base: Ledger) -> None:
        add(base, "state", Actor("New State", ActorKind.STATE, lifespan=Span(When.year(1991))))
        add(base, "h", Hostility(Span(When.year(1980), When.year(1981)), src(), attacker="state"))
        assert found(base, "anachronism") == [("definite", ("h", "state"))]

    def test_an_event_after_its_source_was_published(self, base: Ledger) -> None:
        add(
            base,
            "c",
            Call(["pashinyan", "putin"], When.day("2022-09-20", zone="Asia/Yerevan"), src()),
        )
        assert found(base, "anachronism") == [("definite", ("c", "article"))]

    def test_near_miss_vague_times_that_may_be_in_order(self, base: Ledger) -> None:
        add(base, "h", Hostility(Span(y("2022-09-13 00:00")), src(), attacker="aze-army"))
        add(base, "r", Report("media", "h", src(), when=When.day("2022-09-12")))
        add(base, "cf", Ceasefire(("armenia", "azerbaijan"), When.day("2022-09-20"), src()))
        assert found(base, "anachronism") == []


class TestUnresolvedLocalTime:
    def test_a_skipped_wall_time_resolved_by_policy(self, base: Ledger) -> None:
        gap = When.local("2022-03-27 02:30", zone="Europe/Paris", disambiguation="later")
        add(base, "c", Call(["putin", "macron"], gap, Provenance("article")))
        [finding] = check(base, only=["unresolved_local_time"])
        assert finding.entries == ("c",)
        assert "did not exist in Europe/Paris" in finding.explanation

    def test_a_repeated_wall_time(self, base: Ledger) -> None:
        fold = When.local("2022-10-30 02:30", zone="Europe/Paris", disambiguation="earlier")
        add(base, "c", Call(["putin", "macron"], Span(fold, When.day("2022-10-31")), src()))
        assert found(base, "unresolved_local_time") == [("definite", ("c",))]

    def test_near_miss_the_same_instant_given_with_its_offset(self, base: Ledger) -> None:
        add(
            base,
            "c",
            Call(["putin", "macron"], When.parse("2022-10-30T02:30+02:00[Europe/Paris]"), src()),
        )
        add(base, "d", Call(["putin", "pashinyan"], y("2022-09-13 02:30"), src()))
        assert found(base, "unresolved_local_time") == []


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
        assert found(base, "readout_mismatch") == [
            ("definite", ("ab", "a", "b")),
            ("definite", ("ac", "a", "c")),
        ]

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
        assert "their parties differ (Armenia, Azerbaijan / Armenia, Russia)" in finding.explanation

    def test_mediations_hostilities_and_statements_are_compared_too(self, base: Ledger) -> None:
        night = Span(y("2022-09-13 00:00"), y("2022-09-13 02:00"))
        add(base, "m1", Mediation(("russia",), ("armenia", "azerbaijan"), night, src("arm-gov")))
        add(base, "m2", Mediation(("russia", "arm-gov"), ("armenia", "azerbaijan"), night, src()))
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
        assert found(base, "readout_mismatch") == [("definite", ("ab", "a", "b"))]


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

    def test_an_agreement_signed_after_its_source_unless_only_planned(self, base: Ledger) -> None:
        later = When.day("2022-09-20", zone="Asia/Yerevan")
        add(base, "a1", Agreement(("armenia", "azerbaijan"), src(), signed=later))
        planned = Agreement(("armenia", "azerbaijan"), src(), signed=later, status=Status.PLANNED)
        add(base, "a2", planned)
        assert found(base, "anachronism") == [("definite", ("a1", "article"))]

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
        findings = check(base, only=["readout_mismatch"])
        # Russia attacking is one of the sides of fighting between Armenia and Russia: h2 and
        # h3 agree; each disagrees with h1.
        assert [f.entries for f in findings] == [("link", "h1", "h2"), ("link", "h1", "h3")]
        assert all("the sides they name differ" in f.explanation for f in findings)


class TestReviewedCases:
    """Cases a review found: each follows the one certainty rule."""

    def test_a_disputed_anachronism_is_possible(self, base: Ledger) -> None:
        add(
            base,
            "c",
            Call(
                ["pashinyan", "putin"], When.day("2022-09-20", zone="Asia/Yerevan"), src("arm-gov")
            ),
        )
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="c"))
        assert found(base, "anachronism") == [("possible", ("c", "article"))]


@given(st.lists(st.one_of(st.none(), spans()), min_size=3, max_size=3), spans(), st.data())
def test_anachronisms_are_the_actors_named_outside_their_lifespans(
    lifespans: list[Span | None], fight: Span, data: st.DataObject
) -> None:
    actors = [
        (f"s{n}", Actor(f"S{n}", ActorKind.STATE, lifespan=life))
        for n, life in enumerate(lifespans)
    ]
    attacker = data.draw(st.sampled_from(["s0", "s1", "s2"]))
    target = data.draw(st.sampled_from(["s0", "s1", "s2"]))
    relay = data.draw(st.sampled_from(["s0", "s1", "s2"]))
    # The attribution chain names who relayed the record, not who took part: never a finding.
    provenance = Provenance("article", via=(relay,))
    ledger = ledger_of(
        [*actors, ("h", Hostility(fight, provenance, attacker=attacker, target=target))]
    )
    low, high = fight.start.earliest, fight.end_bounds[1]
    expected = set()
    for id, actor in actors:
        life = actor.lifespan
        if id not in (attacker, target) or life is None:
            continue
        if high < life.start.earliest or (life.end is not None and low > life.end.latest):
            expected.add(("h", id))
    found = {f.entries for f in check(ledger, only=["anachronism"])}
    assert found == expected


def test_one_wall_time_in_two_zones_is_judged_in_each() -> None:
    gap = When.local("2022-03-27 02:30", zone="Europe/Paris", disambiguation="later")
    same_wall = When.local("2022-03-27 02:30", zone="Asia/Yerevan")
    people = [("p", Actor("P", ActorKind.PERSON)), ("q", Actor("Q", ActorKind.PERSON))]
    ledger = ledger_of(
        [
            *people,
            ("yerevan", Call(["p", "q"], same_wall, Provenance("article"))),
            ("paris", Call(["p", "q"], gap, Provenance("article"))),
            ("paris-again", Statement("p", Provenance("article"), when=gap)),
        ]
    )
    found = [f.entries for f in check(ledger, only=["unresolved_local_time"])]
    assert found == [("paris",), ("paris-again",)]
