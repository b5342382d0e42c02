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
        self.setup_fight(base, "2022-09-13 03:00")
        add(base, "r", Report("media", "h", src()))
        [finding] = check(base, only=["ceasefire_violation"])
        assert (finding.certainty, finding.entries) == ("definite", ("cf", "h"))

    def test_single_sourced_attacker_is_possible(self, base: Ledger) -> None:
        self.setup_fight(base, "2022-09-13 03:00")
        [finding] = check(base, only=["ceasefire_violation"])
        assert finding.certainty == "possible"
        assert "one source" in finding.explanation

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
