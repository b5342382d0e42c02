"""The ceasefire-violation check (``checks/_ceasefires.py``).

Ledgers that must trigger it and near misses that must not; and the violations found through the
interval index compared with the plain definition, at the edges of the windows too.
"""

from __future__ import annotations

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
    Provenance,
    Report,
    SameEvent,
    Source,
    Span,
    Stance,
    When,
    check,
)
from tests.checks._helpers import add, found, src, y
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
