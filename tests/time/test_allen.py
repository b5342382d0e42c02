"""Allen's interval algebra: the derived composition table and path consistency.

References: J. F. Allen, "Maintaining knowledge about temporal intervals", Communications of the
ACM 26(11), 1983, 832–843 (the composition table, Fig. 4); M. Vilain & H. Kautz, "Constraint
propagation algorithms for temporal reasoning", AAAI-86 (path consistency is incomplete).
"""

import functools
import itertools
import operator
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomacy_ledger import InvalidValueError, Span, UnknownEntryError, When
from diplomacy_ledger.time._allen import (
    _TABLE,
    ALL_RELATIONS,
    AllenConflict,
    AllenConstraint,
    AllenNetwork,
    compose_allen,
    describe,
)
from diplomacy_ledger.time._order import Allen

Interval = tuple[int, int]

# The thirteen relations by their textbook definitions, written independently of _order.py.
DEFINITIONS: dict[Allen, Callable[[Interval, Interval], bool]] = {
    Allen.BEFORE: lambda a, b: a[1] < b[0],
    Allen.MEETS: lambda a, b: a[1] == b[0],
    Allen.OVERLAPS: lambda a, b: a[0] < b[0] < a[1] < b[1],
    Allen.STARTS: lambda a, b: a[0] == b[0] and a[1] < b[1],
    Allen.DURING: lambda a, b: b[0] < a[0] and a[1] < b[1],
    Allen.FINISHES: lambda a, b: b[0] < a[0] and a[1] == b[1],
    Allen.EQUALS: lambda a, b: a == b,
    Allen.FINISHED_BY: lambda a, b: a[0] < b[0] and a[1] == b[1],
    Allen.CONTAINS: lambda a, b: a[0] < b[0] and b[1] < a[1],
    Allen.STARTED_BY: lambda a, b: a[0] == b[0] and b[1] < a[1],
    Allen.OVERLAPPED_BY: lambda a, b: b[0] < a[0] < b[1] < a[1],
    Allen.MET_BY: lambda a, b: b[1] == a[0],
    Allen.AFTER: lambda a, b: b[1] < a[0],
}


def relation_of(a: Interval, b: Interval) -> Allen:
    (found,) = [relation for relation, holds in DEFINITIONS.items() if holds(a, b)]
    return found


# Brute force, once: all intervals with integer endpoints in 0..6 (six endpoints need at most six
# distinct values, so every ordering of three intervals' endpoints occurs).
INTERVALS = [(s, e) for s in range(7) for e in range(s + 1, 7)]
RELATION = {(a, b): relation_of(a, b) for a in INTERVALS for b in INTERVALS}
BRUTE: dict[tuple[Allen, Allen], Allen] = {}
for _a, _b, _c in itertools.product(INTERVALS, repeat=3):
    _key = (RELATION[_a, _b], RELATION[_b, _c])
    BRUTE[_key] = BRUTE.get(_key, Allen(0)) | RELATION[_a, _c]

b, m, o, s, d, f, e = (
    Allen.BEFORE,
    Allen.MEETS,
    Allen.OVERLAPS,
    Allen.STARTS,
    Allen.DURING,
    Allen.FINISHES,
    Allen.EQUALS,
)
fi, di, si, oi, mi, a_ = (
    Allen.FINISHED_BY,
    Allen.CONTAINS,
    Allen.STARTED_BY,
    Allen.OVERLAPPED_BY,
    Allen.MET_BY,
    Allen.AFTER,
)


def test_composition_table_matches_brute_force() -> None:
    assert len(BRUTE) == 169
    assert _TABLE == BRUTE


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # Entries of Allen (1983), Fig. 4.
        (b, b, b),
        (d, d, d),
        (o, o, b | m | o),
        (m, m, b),
        (s, s, s),
        (f, f, f),
        (b, a_, ALL_RELATIONS),
        (d, di, ALL_RELATIONS),
        (di, d, o | oi | d | di | s | si | f | fi | e),
        (m, mi, f | fi | e),
        (mi, m, s | si | e),
        (o, d, o | d | s),
        (d, o, b | m | o | d | s),
        (b, d, b | m | o | d | s),
        (d, b, b),
        (s, m, b),
        (f, m, m),
    ],
)
def test_published_entries(first: Allen, second: Allen, expected: Allen) -> None:
    assert compose_allen(first, second) == expected


def test_composition_algebra_laws() -> None:
    for r1, r2 in itertools.product(Allen, repeat=2):
        assert compose_allen(r1, r2).converse() == compose_allen(r2.converse(), r1.converse())
        assert compose_allen(r1, e) == r1 == compose_allen(e, r1)
    assert compose_allen(b | m, o) == compose_allen(b, o) | compose_allen(m, o)
    assert compose_allen(Allen(0), b) == Allen(0)


def test_describe() -> None:
    assert describe(b) == "before"
    assert describe(fi | m) == "{meets, finished by}"
    assert describe(ALL_RELATIONS) == "any"
    assert describe(Allen(0)) == "{}"


# -- networks ---------------------------------------------------------------------------------


def test_seed_night_is_refined() -> None:
    network = AllenNetwork()
    network.constrain("shelling", "calls", s | o, reason="the shelling began at midnight")
    network.constrain("calls", "ceasefire", b | m, reason="the ceasefire came later")
    network.constrain("mediation", "ceasefire", m | b, reason="mediated, then agreed")
    refined = network.path_consistency()
    assert isinstance(refined, AllenNetwork)
    assert refined.relation("ceasefire", "shelling") == a_
    assert refined.relation("shelling", "ceasefire").holds(b).definitely
    assert refined.relation("mediation", "shelling") == ALL_RELATIONS
    assert (
        network.relation("ceasefire", "shelling") == ALL_RELATIONS
    )  # the original is not modified


def test_conflict_names_the_facts_with_their_reasons() -> None:
    network = AllenNetwork()
    network.constrain("calls", "shelling", d | f, reason="the calls were during the shelling")
    network.constrain("ceasefire", "calls", d, reason="ceasefire agreed in a call")
    network.constrain("shelling", "ceasefire", a_, reason="claimed: shelling after the ceasefire")
    network.constrain("calls", "report", b, reason="irrelevant")
    conflict = network.path_consistency()
    assert isinstance(conflict, AllenConflict)
    assert {c.reason for c in conflict.constraints} == {
        "the calls were during the shelling",
        "ceasefire agreed in a call",
        "claimed: shelling after the ceasefire",
    }
    text = str(conflict)
    assert "ceasefire agreed in a call" in text
    assert "irrelevant" not in text
    assert text.startswith("no placement of the intervals fits")


def test_contradicting_facts_on_one_pair() -> None:
    network = AllenNetwork()
    network.constrain("a", "b", b, reason="one source")
    network.constrain("b", "a", b, reason="another")
    conflict = network.path_consistency()
    assert isinstance(conflict, AllenConflict)
    assert conflict.via is None
    assert [c.reason for c in conflict.constraints] == ["one source", "another"]


def test_from_spans_on_the_seed() -> None:
    shelling = Span.ongoing(When.parse("2022-09-12T20:00Z"), as_of=When.parse("2022-09-13T05:30Z"))
    calls = Span(When.parse("2022-09-12T20:00Z"), When.parse("2022-09-13T02:00Z"))
    network = AllenNetwork.from_spans({"shelling": shelling, "calls": calls})
    assert network.intervals == ("shelling", "calls")
    assert network.relation("calls", "shelling") == s
    assert network.constraints[0].reason is not None


def test_errors() -> None:
    network = AllenNetwork(["a"])
    with pytest.raises(InvalidValueError):
        network.constrain("a", "a", e)
    with pytest.raises(UnknownEntryError):
        network.relation("a", "nowhere")
    assert network.relation("a", "a") == e
    assert str(AllenConstraint("a", "b", b | m)) == "a {before, meets} b"


# A path-consistent network with no placement (found by search; checked by hand and below).
INCOMPLETE = {
    ("A", "B"): d,
    ("A", "C"): s | oi,
    ("A", "D"): o | a_,
    ("B", "C"): fi | si,
    ("B", "D"): di,
    ("C", "D"): fi | si,
}


def placements(constraints: dict[tuple[str, str], Allen]) -> int:
    """Count placements with endpoints in 0..7 (enough for 4 intervals), pruning pair by pair."""
    names = sorted({name for pair in constraints for name in pair})
    small = [(s, e) for s in range(8) for e in range(s + 1, 8)]

    def extend(placed: dict[str, Interval]) -> int:
        if len(placed) == len(names):
            return 1
        name = names[len(placed)]
        total = 0
        for interval in small:
            if all(
                relation_of(placed[x], interval) & constraints.get((x, name), ALL_RELATIONS)
                for x in placed
            ):
                total += extend({**placed, name: interval})
        return total

    return extend({})


def test_path_consistency_does_not_decide_consistency() -> None:
    network = AllenNetwork()
    for (x, y), relations in INCOMPLETE.items():
        network.constrain(x, y, relations)
    refined = network.path_consistency()
    assert isinstance(refined, AllenNetwork)  # no conflict found ...
    for (x, y), relations in INCOMPLETE.items():
        assert refined.relation(x, y) == relations  # ... and nothing to refine
    assert placements(INCOMPLETE) == 0  # ... yet no placement exists


# -- properties -------------------------------------------------------------------------------

NAMES = ["a", "b", "c", "d", "e"]
relation_sets = st.integers(min_value=1, max_value=ALL_RELATIONS.value).map(Allen)
# Few relations per fact, so that conflicts are common.
small_sets = st.lists(st.sampled_from(list(Allen)), min_size=1, max_size=3).map(
    lambda members: functools.reduce(operator.or_, members)
)


@st.composite
def placed_networks(draw: st.DrawFn) -> tuple[dict[str, Interval], AllenNetwork]:
    """A network whose facts are true of a drawn placement (each fact widened at random)."""
    count = draw(st.integers(min_value=2, max_value=len(NAMES)))
    placement = {}
    for name in NAMES[:count]:
        start = draw(st.integers(min_value=0, max_value=8))
        placement[name] = (start, start + draw(st.integers(min_value=1, max_value=4)))
    network = AllenNetwork()
    for x, y in draw(st.lists(st.sampled_from(list(itertools.permutations(placement, 2))))):
        network.constrain(x, y, relation_of(placement[x], placement[y]) | draw(relation_sets))
    return placement, network


@given(placed_networks())
def test_path_consistency_keeps_every_true_relation(
    case: tuple[dict[str, Interval], AllenNetwork],
) -> None:
    placement, network = case
    refined = network.path_consistency()
    assert isinstance(refined, AllenNetwork)
    for x, y in itertools.permutations(network.intervals, 2):
        assert relation_of(placement[x], placement[y]) & refined.relation(x, y)
        assert refined.relation(x, y) == refined.relation(y, x).converse()
        assert refined.relation(x, y) & ~network.relation(x, y) == Allen(0)


@given(
    st.lists(
        st.tuples(st.sampled_from(NAMES[:4]), st.sampled_from(NAMES[:4]), small_sets).filter(
            lambda t: t[0] != t[1]
        ),
        max_size=8,
    )
)
def test_conflicts_are_minimal(facts: list[tuple[str, str, Allen]]) -> None:
    network = AllenNetwork()
    for x, y, relations in facts:
        network.constrain(x, y, relations)
    result = network.path_consistency()
    if isinstance(result, AllenNetwork):
        return
    kept = result.constraints
    assert isinstance(_network_of(kept).path_consistency(), AllenConflict)
    for index in range(len(kept)):
        rest = kept[:index] + kept[index + 1 :]
        assert isinstance(_network_of(rest).path_consistency(), AllenNetwork)


def _network_of(constraints: tuple[AllenConstraint, ...]) -> AllenNetwork:
    network = AllenNetwork()
    for c in constraints:
        network.constrain(c.first, c.second, c.relations, c.reason)
    return network
