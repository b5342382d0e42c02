"""The ceasefire-violation check (``checks/_ceasefires.py``).

Ledgers that must trigger it and near misses that must not; and the violations found through the
interval index compared with the plain definition, at the edges of the windows too.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Ceasefire,
    Claim,
    Hostility,
    Ledger,
    LedgerError,
    Place,
    Provenance,
    Report,
    Retraction,
    SameEvent,
    Source,
    Span,
    Stance,
    Status,
    When,
    check,
)
from tests.checks._helpers import T, add, found, src, y
from tests.checks._windows import ledger_of, spans, whens


class TestCeasefireViolation:
    def setup_fight(self, base: Ledger, start: str, *, via: tuple[str, ...] = ("arm-gov",)) -> None:
        add(base, "cf", Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src("arm-gov")))
        add(
            base,
            "h",
            Hostility(
                Span(y(start), y("2022-09-13 08:00")),
                src(*via),
                attacker="aze-army",
                target="armenia",
            ),
        )

    def test_after_for_every_placement_and_vouched_twice_is_definite(self, base: Ledger) -> None:
        # Two independent accounts of who began it: other actors, other sources.
        self.setup_fight(base, "2022-09-13 03:00")
        add(base, "tass", Source("a statement from Moscow"))
        add(base, "c", Claim("russia", Stance.ASSERTS, Provenance("tass"), about="h"))
        [finding] = check(base, only=["ceasefire_violation"])
        assert (finding.certainty, finding.entries) == ("definite", ("cf", "h"))

    def test_single_sourced_attacker_is_possible(self, base: Ledger) -> None:
        self.setup_fight(base, "2022-09-13 03:00")
        [finding] = check(base, only=["ceasefire_violation"])
        assert finding.certainty == "possible"
        # Both reasons are said: one account, and the attacked side's.
        assert (
            "who began it rests on one account (source 'article', via Government of Armenia), "
            "and on Armenia's side alone" in finding.explanation
        )
        assert "one account" in finding.explanation

    def test_a_report_vouches_that_it_happened_not_who_began_it(self, base: Ledger) -> None:
        self.setup_fight(base, "2022-09-13 03:00")
        add(base, "tass", Source("a statement from Moscow"))
        add(base, "r", Report("russia", "h", Provenance("tass")))
        [finding] = check(base, only=["ceasefire_violation"])
        assert finding.certainty == "possible"
        assert "who began it rests on one account" in finding.explanation
        assert "the fighting rests" not in finding.explanation

    def test_one_source_is_one_account_whoever_relays_it(self, base: Ledger) -> None:
        self.setup_fight(base, "2022-09-13 03:00")
        add(base, "c", Claim("russia", Stance.ASSERTS, src(), about="h"))  # the same article
        assert found(base, "ceasefire_violation") == [("possible", ("cf", "h"))]

    def test_the_target_side_alone_does_not_establish_who_began_it(self, base: Ledger) -> None:
        self.setup_fight(base, "2022-09-13 03:00")  # told via the Government of Armenia
        add(base, "tass", Source("a statement from Yerevan, relayed"))
        accusation = Claim(
            "armenia", Stance.ACCUSES, Provenance("tass"), about="h", accused="aze-army"
        )
        add(base, "c", accusation)
        [finding] = check(base, only=["ceasefire_violation"])
        assert finding.certainty == "possible"
        assert "Armenia's side alone" in finding.explanation

    def test_less_information_never_gives_more_certainty(self, base: Ledger) -> None:
        # The same single account with no attacker named is no more certain than with one.
        add(base, "cf", Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src("arm-gov")))
        fighting = Span(y("2022-09-13 03:00"), y("2022-09-13 08:00"))
        add(base, "h", Hostility(fighting, src("arm-gov"), target="armenia"))
        [finding] = check(base, only=["ceasefire_violation"])
        assert finding.certainty == "possible"
        assert "the fighting rests on one account" in finding.explanation

    def test_readouts_of_one_fight_are_one_finding_and_corroborate(self, base: Ledger) -> None:
        self.setup_fight(base, "2022-09-13 03:00")
        add(base, "tass", Source("a statement from Moscow"))
        again = Hostility(
            Span(y("2022-09-13 03:00"), y("2022-09-13 08:00")),
            Provenance("tass", via=("russia",)),
            attacker="aze-army",
            target="armenia",
        )
        add(base, "h2", again)
        add(base, "one-fight", SameEvent(("h", "h2")))
        assert found(base, "ceasefire_violation") == [("definite", ("cf", "h", "h2"))]

    def test_a_denied_ceasefire_is_at_most_possible(self, base: Ledger) -> None:
        self.setup_fight(base, "2022-09-13 03:00")
        add(base, "r", Report("media", "h", src()))
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="cf"))
        assert found(base, "ceasefire_violation") == [("possible", ("cf", "h"))]

    def test_near_miss_fighting_that_ended_before(self, base: Ledger) -> None:
        add(base, "cf", Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src()))
        add(
            base,
            "h",
            Hostility(
                Span(y("2022-09-13 00:00"), y("2022-09-13 02:30")), src(), attacker="aze-army"
            ),
        )
        add(
            base,
            "h2",
            Hostility(Span(y("2022-09-13 03:00"), y("2022-09-13 04:00")), src(), attacker="russia"),
        )
        assert found(base, "ceasefire_violation") == []


class TestBetweenTheParties:
    """Fighting counts against a ceasefire only when it is between the ceasefire's parties."""

    AFTER = Span(y("2022-09-13 03:00"), y("2022-09-13 08:00"))

    def ceasefire(self, base: Ledger) -> None:
        cf = Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src("arm-gov"))
        add(base, "cf", cf)

    def test_a_party_fighting_a_third_country_breaks_no_ceasefire_with_another(
        self, base: Ledger
    ) -> None:
        self.ceasefire(base)
        fight = Hostility(self.AFTER, src("arm-gov"), attacker="aze-army", target="russia")
        add(base, "h", fight)
        assert found(base, "ceasefire_violation") == []

    def test_a_party_fighting_someone_not_named_may_have_broken_it(self, base: Ledger) -> None:
        self.ceasefire(base)
        add(base, "h", Hostility(self.AFTER, src("arm-gov"), attacker="aze-army"))
        assert found(base, "ceasefire_violation") == [("possible", ("cf", "h"))]

    def test_fighting_between_the_parties_is_a_violation_by_neither_in_particular(
        self, base: Ledger
    ) -> None:
        # Two independent accounts that the clashes happened: still no side is known to have
        # broken the ceasefire, so it is at most possible, and says so.
        self.ceasefire(base)
        clash = Hostility(self.AFTER, src("arm-gov"), between=("armenia", "aze-army"))
        add(base, "h", clash)
        add(base, "tass", Source("a statement from Moscow"))
        add(base, "r", Report("russia", "h", Provenance("tass")))
        [finding] = check(base, only=["ceasefire_violation"])
        assert (finding.certainty, finding.entries) == ("possible", ("cf", "h"))
        assert "between Armenia and Azerbaijani armed forces" in finding.explanation
        assert "no one side is known to have broken it" in finding.explanation
        assert "one account" not in finding.explanation

    def test_fighting_between_a_party_and_a_third_country_is_not_a_violation(
        self, base: Ledger
    ) -> None:
        self.ceasefire(base)
        add(base, "h", Hostility(self.AFTER, src("arm-gov"), between=("armenia", "russia")))
        assert found(base, "ceasefire_violation") == []

    def test_naming_sides_never_gives_more_certainty_than_naming_none(self, base: Ledger) -> None:
        self.ceasefire(base)
        add(base, "h", Hostility(self.AFTER, src("arm-gov"), between=("armenia", "azerbaijan")))
        add(base, "h2", Hostility(self.AFTER, src("arm-gov"), target="armenia"))
        assert found(base, "ceasefire_violation") == [
            ("possible", ("cf", "h")),
            ("possible", ("cf", "h2")),
        ]


class TestUnilateralCeasefires:
    """A truce one side declared alone binds that side only (the Easter truce of 2025)."""

    AFTER = Span(y("2022-09-13 03:00"), y("2022-09-13 08:00"))

    def declared_by_azerbaijan(self, base: Ledger) -> None:
        truce = Ceasefire(
            ("armenia", "azerbaijan"),
            y("2022-09-13 02:30"),
            src("aze-gov"),
            until=y("2022-09-14 00:00"),
            declared_by=("azerbaijan",),
        )
        add(base, "cf", truce)

    def test_the_declarer_fighting_during_it_may_have_broken_it(self, base: Ledger) -> None:
        self.declared_by_azerbaijan(base)
        fight = Hostility(self.AFTER, src("arm-gov"), attacker="aze-army", target="armenia")
        add(base, "h", fight)
        [finding] = check(base, only=["ceasefire_violation"])
        assert (finding.certainty, finding.entries) == ("possible", ("cf", "h"))
        assert "declared by Azerbaijan alone" in finding.explanation

    def test_the_other_side_fighting_breaks_no_truce_it_never_agreed_to(self, base: Ledger) -> None:
        self.declared_by_azerbaijan(base)
        add(base, "tass", Source("a statement from Moscow"))
        fight = Hostility(self.AFTER, src("aze-gov"), attacker="armenia", target="aze-army")
        add(base, "h", fight)
        add(base, "c", Claim("russia", Stance.ASSERTS, Provenance("tass"), about="h"))
        assert found(base, "ceasefire_violation") == []

    def test_unattributed_fighting_counts_only_against_the_side_not_bound(
        self, base: Ledger
    ) -> None:
        # With no attacker named, fire at Armenia may have been Azerbaijan's; fire at Azerbaijan
        # was not Azerbaijan's own, and Armenia is not bound.
        self.declared_by_azerbaijan(base)
        add(base, "at-armenia", Hostility(self.AFTER, src("arm-gov"), target="armenia"))
        add(base, "at-azerbaijan", Hostility(self.AFTER, src("aze-gov"), target="azerbaijan"))
        assert found(base, "ceasefire_violation") == [("possible", ("cf", "at-armenia"))]

    def test_clashes_between_the_sides_may_have_broken_it(self, base: Ledger) -> None:
        self.declared_by_azerbaijan(base)
        add(base, "h", Hostility(self.AFTER, src("arm-gov"), between=("armenia", "aze-army")))
        assert found(base, "ceasefire_violation") == [("possible", ("cf", "h"))]

    def test_only_a_party_can_declare_it(self) -> None:
        with pytest.raises(LedgerError, match="declared by"):
            Ceasefire(
                ("armenia", "azerbaijan"), y("2022-09-13 02:30"), src(), declared_by=("russia",)
            )


class TestScope:
    """A truce in some places is not broken by fighting elsewhere; open world for regions."""

    AFTER = TestBetweenTheParties.AFTER

    def places(self, base: Ledger) -> None:
        add(
            base, "kapan", Place("Kapan", zone="Asia/Yerevan", states=("armenia",), region="Syunik")
        )
        add(
            base,
            "ijevan",
            Place("Ijevan", zone="Asia/Yerevan", states=("armenia",), region="Tavush"),
        )
        add(base, "jermuk", Place("Jermuk", zone="Asia/Yerevan", states=("armenia",)))

    def truce(
        self, base: Ledger, *, places: tuple[str, ...] = (), regions: tuple[str, ...] = ()
    ) -> None:
        """The towns, and a ceasefire from 02:30 for the places or regions named."""
        self.places(base)
        parties = ("armenia", "azerbaijan")
        truce = Ceasefire(
            parties, y("2022-09-13 02:30"), src("arm-gov"), places=places, regions=regions
        )
        add(base, "cf", truce)

    def fight(self, base: Ledger, *places: str) -> None:
        add(base, "tass", Source("a statement from Moscow"))
        record = Hostility(
            self.AFTER, src("arm-gov"), attacker="aze-army", target="armenia", places=places
        )
        add(base, "h", record)
        add(base, "c", Claim("russia", Stance.ASSERTS, Provenance("tass"), about="h"))

    def test_fighting_at_a_named_place_or_in_a_named_region_is_in_scope(self, base: Ledger) -> None:
        self.truce(base, regions=("syunik",))
        self.fight(base, "kapan")
        assert found(base, "ceasefire_violation") == [("definite", ("cf", "h"))]

    def test_fighting_in_another_recorded_region_is_out_of_scope(self, base: Ledger) -> None:
        self.truce(base, regions=("Syunik",))
        self.fight(base, "ijevan")
        assert found(base, "ceasefire_violation") == []

    def test_a_place_not_among_the_places_named_is_out_of_scope(self, base: Ledger) -> None:
        self.truce(base, places=("kapan",))
        self.fight(base, "jermuk")
        assert found(base, "ceasefire_violation") == []

    @pytest.mark.parametrize("places", [(), ("jermuk",)], ids=["no place", "no region recorded"])
    def test_fighting_not_known_to_be_in_scope_is_at_most_possible(
        self, base: Ledger, places: tuple[str, ...]
    ) -> None:
        self.truce(base, regions=("Syunik",))
        self.fight(base, *places)
        [finding] = check(base, only=["ceasefire_violation"])
        assert finding.certainty == "possible"
        assert "not known to have been within the ceasefire's scope (the Syunik region)" in (
            finding.explanation
        )

    def test_a_place_corrected_to_name_its_region_is_judged_by_the_correction(
        self, base: Ledger
    ) -> None:
        self.truce(base, regions=("Syunik",))
        corrected = Place("Jermuk", zone="Asia/Yerevan", states=("armenia",), region="Syunik")
        base.append(corrected, id="jermuk-2", recorded_at=T, supersedes="jermuk")
        self.fight(base, "jermuk")
        assert found(base, "ceasefire_violation") == [("definite", ("cf", "h"))]

    def test_a_scope_its_readouts_tell_otherwise_is_the_narrower(self, base: Ledger) -> None:
        # One account of the truce: Kapan only; another: everywhere. Fighting at Jermuk broke it
        # only by the second, so at most possibly, and the finding says which account differs.
        self.truce(base, places=("kapan",))
        self.fight(base, "jermuk")
        everywhere = Ceasefire(
            ("armenia", "azerbaijan"), y("2022-09-13 02:30"), Provenance("tass", via=("russia",))
        )
        add(base, "cf-all", everywhere)
        add(base, "one-truce", SameEvent(("cf", "cf-all")))
        [finding] = check(base, only=["ceasefire_violation"])
        assert (finding.certainty, finding.entries) == ("possible", ("cf", "cf-all", "h"))
        assert "within the ceasefire's scope (Kapan, as 'cf' (a ceasefire) tells it)" in (
            finding.explanation
        )

    def test_one_place_in_scope_is_enough(self, base: Ledger) -> None:
        self.truce(base, places=("kapan",))
        self.fight(base, "ijevan", "kapan")
        assert found(base, "ceasefire_violation") == [("definite", ("cf", "h"))]


STATES = [
    ("a", Actor("A", ActorKind.STATE)),
    ("b", Actor("B", ActorKind.STATE)),
    ("a-army", Actor("A's army", ActorKind.ARMED_FORCES, part_of="a")),
]


@given(whens(), st.one_of(st.none(), whens()), st.lists(spans(), min_size=1, max_size=4))
def test_ceasefire_violations_are_the_fighting_that_can_overlap_the_ceasefire(
    effective: When, until: When | None, fights: list[Span]
) -> None:
    try:
        ceasefire = Ceasefire(("a", "b"), effective, Provenance("article"), until=until)
    except LedgerError:
        assume(False)
        raise  # pragma: no cover
    hostilities = [
        (f"h{n}", Hostility(span, Provenance("article"), attacker="a-army"))
        for n, span in enumerate(fights)
    ]
    ledger = ledger_of([*STATES, ("cf", ceasefire), *hostilities])
    expected = {
        ("cf", id)
        for id, fight in hostilities
        if fight.span.end_bounds[1] > effective.earliest
        and (until is None or fight.span.start.earliest < until.latest)
    }
    found = {f.entries for f in check(ledger, only=["ceasefire_violation"])}
    assert found == expected


class TestTimeLimitedTruces:
    """A truce with an end: fighting after it is no violation, fighting that may be is possible."""

    def truce(self, base: Ledger) -> None:
        add(
            base,
            "cf",
            Ceasefire(
                ("armenia", "azerbaijan"),
                y("2022-09-13 02:30"),
                src("arm-gov"),
                until=y("2022-09-13 07:00"),
            ),
        )

    def test_fighting_that_may_have_begun_after_the_end_says_so(self, base: Ledger) -> None:
        # A rocket "in the hour before the truce expired at 07:00" (Gaza, 1 December 2023).
        self.truce(base)
        last_hour = When.between(y("2022-09-13 06:00"), y("2022-09-13 07:00"))
        add(base, "h", Hostility(Span(last_hour, last_hour), src("arm-gov"), target="armenia"))
        [finding] = check(base, only=["ceasefire_violation"])
        assert finding.certainty == "possible"
        assert "may have gone on while the ceasefire" in finding.explanation
        assert "until 2022-09-13 03:00 UTC" in finding.explanation
        assert "the fighting may have begun only after the ceasefire ended" in finding.explanation
        assert "may have gone on after" not in finding.explanation  # it surely came after 02:30

    def test_an_end_its_readouts_tell_otherwise_is_the_earlier(self, base: Ledger) -> None:
        # Until 07:00 by one account, until 09:00 by another: fighting at 08:00 broke it only by
        # the second.
        self.truce(base)
        add(base, "tass", Source("a statement from Moscow"))
        later = Ceasefire(
            ("armenia", "azerbaijan"),
            y("2022-09-13 02:30"),
            Provenance("tass", via=("russia",)),
            until=y("2022-09-13 09:00"),
        )
        add(base, "cf-later", later)
        add(base, "one-truce", SameEvent(("cf", "cf-later")))
        at_eight = Span(y("2022-09-13 08:00"), y("2022-09-13 08:30"))
        add(base, "h", Hostility(at_eight, src("arm-gov"), attacker="aze-army", target="armenia"))
        add(base, "c", Claim("russia", Stance.ASSERTS, Provenance("tass"), about="h"))
        [finding] = check(base, only=["ceasefire_violation"])
        assert (finding.certainty, finding.entries) == ("possible", ("cf", "cf-later", "h"))
        assert "the fighting may have begun only after the ceasefire ended" in finding.explanation

    def test_fighting_from_the_instant_it_ended_is_no_violation(self, base: Ledger) -> None:
        self.truce(base)
        resumed = Span.ongoing(
            When.between(y("2022-09-13 07:00"), y("2022-09-13 07:15")), as_of=y("2022-09-13 09:00")
        )
        add(base, "h", Hostility(resumed, src("arm-gov"), attacker="aze-army", target="armenia"))
        assert found(base, "ceasefire_violation") == []


class TestEventsNotReadouts:
    """The readouts of one fight, or of one truce, are one event: all of them count (#13)."""

    AFTER = Span(y("2022-09-13 03:00"), y("2022-09-13 08:00"))

    def ceasefire(self, base: Ledger, *, status: Status = Status.OCCURRED) -> None:
        add(base, "tass", Source("a statement from Moscow"))
        truce = Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src("arm-gov"))
        add(base, "cf", truce)
        told = Ceasefire(
            ("armenia", "azerbaijan"), y("2022-09-13 02:30"), Provenance("tass"), status=status
        )
        add(base, "cf-told", told)
        add(base, "one-truce", SameEvent(("cf", "cf-told")))

    def vouched_fight(self, base: Ledger) -> None:
        fight = Hostility(self.AFTER, src("arm-gov"), attacker="aze-army", target="armenia")
        add(base, "h", fight)
        add(base, "c", Claim("russia", Stance.ASSERTS, Provenance("tass"), about="h"))

    @pytest.mark.parametrize("order", [("h-arm", "h-aze"), ("h-aze", "h-arm")])
    def test_readouts_that_blame_each_other_are_said_to(
        self, base: Ledger, order: tuple[str, str]
    ) -> None:
        self.ceasefire(base)
        told = {
            "h-arm": Hostility(self.AFTER, src("arm-gov"), attacker="aze-army", target="armenia"),
            "h-aze": Hostility(
                self.AFTER, Provenance("tass", via=("aze-gov",)), attacker="armenia"
            ),
        }
        for id in order:
            add(base, id, told[id])
        add(base, "one-fight", SameEvent(order))
        [finding] = check(base, only=["ceasefire_violation"])
        assert finding.certainty == "possible"
        assert "the accounts name different attackers" in finding.explanation
        assert "Azerbaijani armed forces as 'h-arm' (a hostility) tells it" in finding.explanation
        assert "Armenia as 'h-aze' (a hostility) tells it" in finding.explanation

    def test_an_attacker_named_by_any_readout_is_the_events(self, base: Ledger) -> None:
        self.ceasefire(base)
        add(base, "h1", Hostility(self.AFTER, src("arm-gov"), target="armenia"))
        add(base, "h2", Hostility(self.AFTER, Provenance("tass"), attacker="aze-army"))
        add(base, "one-fight", SameEvent(("h1", "h2")))
        [finding] = check(base, only=["ceasefire_violation"])
        assert finding.explanation.startswith("Fighting by Azerbaijani armed forces (")
        assert "no one is named" not in finding.explanation

    def test_accusations_name_who_began_what_the_record_does_not_attribute(
        self, base: Ledger
    ) -> None:
        # A rocket no record attributes, that Moscow and Armenian media each say Azerbaijan
        # fired: two independent accounts, neither the attacked side's.
        self.ceasefire(base)
        add(base, "h", Hostility(self.AFTER, src("arm-gov"), target="armenia"))
        add(
            base,
            "c1",
            Claim("russia", Stance.ACCUSES, Provenance("tass"), about="h", accused="azerbaijan"),
        )
        add(base, "c2", Claim("media", Stance.ACCUSES, src(), about="h", accused="aze-army"))
        [finding] = check(base, only=["ceasefire_violation"])
        assert finding.explanation.startswith(
            "Fighting by Azerbaijan, as 'c1' (a claim) and 'c2' (a claim) say ("
        )
        assert finding.certainty == "definite"
        base.append(Retraction("c2"), id="x", recorded_at=T)
        [finding] = check(base, only=["ceasefire_violation"])
        assert finding.certainty == "possible"
        moscow = "who began it rests on one account (source 'a statement from Moscow')"
        assert moscow in finding.explanation

    def test_what_its_teller_took_back_vouches_for_nothing(self, base: Ledger) -> None:
        self.ceasefire(base)
        self.vouched_fight(base)
        assert found(base, "ceasefire_violation") == [("definite", ("cf", "cf-told", "h"))]
        add(base, "taken-back", Claim("arm-gov", Stance.DENIES, src(), about="h"))
        [finding] = check(base, only=["ceasefire_violation"])
        assert finding.certainty == "possible"
        assert (
            "Government of Armenia, whose account 'h' (a hostility) is, took it back in "
            "'taken-back' (a claim)" in finding.explanation
        )
        assert "the fighting rests on one account" in finding.explanation

    def test_a_truce_told_as_planned_and_as_in_force_took_effect(self, base: Ledger) -> None:
        self.ceasefire(base, status=Status.PLANNED)
        self.vouched_fight(base)
        [finding] = check(base, only=["ceasefire_violation"])
        assert (finding.certainty, finding.entries) == ("definite", ("cf", "cf-told", "h"))
        assert "planned" not in finding.explanation

    def test_a_truce_told_as_in_force_and_as_called_off_is_in_doubt(self, base: Ledger) -> None:
        self.ceasefire(base, status=Status.CANCELLED)
        self.vouched_fight(base)
        [finding] = check(base, only=["ceasefire_violation"])
        assert (finding.certainty, finding.entries) == ("possible", ("cf", "cf-told", "h"))
        assert "'cf-told' (a ceasefire) says it was called off" in finding.explanation

    def test_each_source_is_named_once(self, base: Ledger) -> None:
        self.ceasefire(base)
        self.vouched_fight(base)
        [finding] = check(base, only=["ceasefire_violation"])
        assert finding.explanation.count("source 'article', via Government of Armenia") == 1
