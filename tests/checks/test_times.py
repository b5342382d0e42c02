"""The checks on times (``checks/_times.py``): anachronisms and unresolved local times.

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
    Provenance,
    Report,
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

    def test_an_agreement_signed_after_its_source_unless_only_planned(self, base: Ledger) -> None:
        later = When.day("2022-09-20", zone="Asia/Yerevan")
        add(base, "a1", Agreement(("armenia", "azerbaijan"), src(), signed=later))
        planned = Agreement(("armenia", "azerbaijan"), src(), signed=later, status=Status.PLANNED)
        add(base, "a2", planned)
        assert found(base, "anachronism") == [("definite", ("a1", "article"))]


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
