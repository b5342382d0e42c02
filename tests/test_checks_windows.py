"""The checks' shortcuts find what their definitions say, at the edges of the windows too.

Ceasefire violations are found through an interval index, anachronisms against lifespans skip
records no lifespan can exclude, and local times are judged once per wall time and zone: each is
compared here with the plain definition it stands for.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Ceasefire,
    Hostility,
    Ledger,
    LedgerError,
    Provenance,
    Source,
    Span,
    Statement,
    When,
    check,
)
from diplomacy_ledger.checks._claims import _normalised
from diplomacy_ledger.model._ids import normalise_name

T = datetime(2022, 9, 13, tzinfo=UTC)
RECORDED = datetime(2025, 1, 1, tzinfo=UTC)

# Offsets of a few microseconds or hours from T: the windows' ends often meet exactly.
offsets = st.one_of(
    st.integers(0, 6).map(lambda n: timedelta(microseconds=n)),
    st.integers(0, 6).map(lambda n: timedelta(hours=n)),
)


@st.composite
def whens(draw: st.DrawFn) -> When:
    """An instant, or a window between two instants, near T."""
    start = T + draw(offsets)
    return When.between(start, start + draw(offsets))


@st.composite
def spans(draw: st.DrawFn) -> Span:
    """A span that ended, is reportedly ongoing, or has an unknown end."""
    start = draw(whens())
    ending = draw(st.sampled_from(["end", "ongoing", "open"]))
    try:
        if ending == "end":
            return Span(start, draw(whens()))
        if ending == "ongoing":
            return Span(start, ongoing_as_of=draw(whens()))
        return Span(start)
    except LedgerError:
        assume(False)
        raise  # pragma: no cover - assume(False) never returns


def ledger_of(records: list[tuple[str, object]]) -> Ledger:
    ledger = Ledger()
    for id, record in [("article", Source()), *records]:
        ledger.append(record, id=id, recorded_at=RECORDED)  # type: ignore[arg-type]
    return ledger


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


@given(
    st.lists(
        st.one_of(
            st.characters(max_codepoint=127),
            st.sampled_from(["the ", " The-", "a/b", "_", "é", "—", "!"]),
        ),
        max_size=20,
    ).map("".join)
)
def test_propositions_are_compared_as_names_are(text: str) -> None:
    assert _normalised(text) == normalise_name(text)
