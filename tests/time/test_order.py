"""Three-valued order: checked against brute-force enumeration of placements."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_ledger import Allen, Order, PointInterval, Span, Truth, When
from tests._times import point_bounds, small_spans, whens

BASE = datetime(2000, 1, 1, tzinfo=UTC)
# Placements on a grid of quarter minutes: bounds are whole minutes, and four endpoints that
# must be strictly ordered inside one minute fit on 0, 1/3, 2/3, 1 -- a quarter grid has room
# for them, so the grid finds every relation the reals allow.
STEP = Fraction(1, 4)


def minutes(moment: datetime) -> Fraction:
    return Fraction(int((moment - BASE) / timedelta(microseconds=1)), 60_000_000)


def grid(low: datetime, high: datetime) -> list[Fraction]:
    start, end = minutes(low), minutes(high)
    count = int((end - start) / STEP)
    return [start + STEP * i for i in range(count + 1)]


def exact_order(p: Fraction, q: Fraction) -> Order:
    if p < q:
        return Order.BEFORE
    return Order.SAME if p == q else Order.AFTER


def exact_point_interval(p: Fraction, s: Fraction, e: Fraction) -> PointInterval:
    if p < s:
        return PointInterval.BEFORE
    if p == s:
        return PointInterval.STARTS
    if p < e:
        return PointInterval.DURING
    return PointInterval.FINISHES if p == e else PointInterval.AFTER


def exact_allen(s1: Fraction, e1: Fraction, s2: Fraction, e2: Fraction) -> Allen:
    """Allen's definitions, written out case by case (Allen 1983, figure 2)."""
    if e1 < s2:
        return Allen.BEFORE
    if e2 < s1:
        return Allen.AFTER
    if e1 == s2:
        return Allen.MEETS
    if e2 == s1:
        return Allen.MET_BY
    if s1 == s2 and e1 == e2:
        return Allen.EQUALS
    if s1 == s2:
        return Allen.STARTS if e1 < e2 else Allen.STARTED_BY
    if e1 == e2:
        return Allen.FINISHES if s1 > s2 else Allen.FINISHED_BY
    if s2 < s1 and e1 < e2:
        return Allen.DURING
    if s1 < s2 and e2 < e1:
        return Allen.CONTAINS
    return Allen.OVERLAPS if s1 < s2 else Allen.OVERLAPPED_BY


def bounds(when: When) -> list[Fraction]:
    return grid(when.earliest, when.latest)


@given(point_bounds(), point_bounds())
def test_when_order_is_exactly_the_relations_some_placement_allows(a: When, b: When) -> None:
    expected = Order(0)
    for p, q in itertools.product(bounds(a), bounds(b)):
        expected |= exact_order(p, q)
    assert a.order(b) == expected


@settings(deadline=None)
@given(point_bounds(), small_spans())
def test_point_interval_is_exactly_the_relations_some_placement_allows(
    point: When, span: Span
) -> None:
    assert span.end is not None
    expected = PointInterval(0)
    for p, s, e in itertools.product(bounds(point), bounds(span.start), bounds(span.end)):
        if s < e:
            expected |= exact_point_interval(p, s, e)
    assert span.locate(point) == expected


@settings(deadline=None)
@given(small_spans(), small_spans())
def test_allen_is_exactly_the_relations_some_placement_allows(a: Span, b: Span) -> None:
    assert a.end is not None
    assert b.end is not None
    expected = Allen(0)
    ends = (bounds(a.start), bounds(a.end), bounds(b.start), bounds(b.end))
    for s1, e1, s2, e2 in itertools.product(*ends):
        if s1 < e1 and s2 < e2:
            expected |= exact_allen(s1, e1, s2, e2)
    assert a.allen(b) == expected


@given(small_spans(), small_spans())
def test_allen_converse(a: Span, b: Span) -> None:
    assert a.allen(b) == b.allen(a).converse()


@given(whens(), whens())
def test_order_converse_and_before_after_symmetry(a: When, b: When) -> None:
    assert a.order(b) == b.order(a).converse()
    assert a.before(b) == b.after(a)
    assert a.same(b) == b.same(a)


@given(whens(), whens())
def test_definite_implies_possible_and_excludes_the_rest(a: When, b: When) -> None:
    answers = [a.before(b), a.same(b), a.after(b)]
    for answer in answers:
        if answer.definitely:
            assert answer.possibly
            assert sum(other.possibly for other in answers) == 1
    assert any(answer.possibly for answer in answers), "some order must be possible"


@given(
    st.lists(st.integers(0, 20), min_size=4, max_size=4).map(sorted),
    st.permutations(range(4)),
)
def test_exact_spans_have_exactly_one_allen_relation(points: list[int], order: list[int]) -> None:
    values = [points[i] for i in order]
    s1, e1 = sorted(values[:2])
    s2, e2 = sorted(values[2:])
    if s1 == e1 or s2 == e2:
        return  # a Span must last; such pairs are refused, tested elsewhere

    def at(minute: int) -> When:
        return When.instant(BASE + timedelta(minutes=minute))

    a, b = Span(at(s1), at(e1)), Span(at(s2), at(e2))
    relations = a.allen(b)
    assert relations.definite
    assert relations == exact_allen(Fraction(s1), Fraction(e1), Fraction(s2), Fraction(e2))
    assert relations.holds(relations) is Truth.DEFINITELY


def test_every_allen_relation_has_an_involutive_converse() -> None:
    for relation in Allen:
        assert relation.converse().converse() == relation
    assert Allen.EQUALS.converse() == Allen.EQUALS
    assert Allen.DURING.converse() == Allen.CONTAINS


def test_holds_on_relation_sets() -> None:
    possible = Allen.BEFORE | Allen.MEETS
    assert possible.holds(Allen.BEFORE) is Truth.POSSIBLY
    assert possible.holds(Allen.BEFORE | Allen.MEETS | Allen.OVERLAPS) is Truth.DEFINITELY
    assert possible.holds(Allen.AFTER) is Truth.NOT
    with pytest.raises(ValueError, match="inconsistent"):
        Allen(0).holds(Allen.BEFORE)


def test_truth_has_no_truth_value() -> None:
    with pytest.raises(TypeError, match="three-valued"):
        bool(Truth.POSSIBLY)
    assert ~Truth.DEFINITELY is Truth.NOT
    assert ~Truth.POSSIBLY is Truth.POSSIBLY
    assert ~Truth.NOT is Truth.DEFINITELY


def test_seed_ceasefire_during_the_early_hours() -> None:
    early_hours = When.parse(
        "2022-09-13T00:00+04:00[Asia/Yerevan]/2022-09-13T05:59:59.999999+04:00[Asia/Yerevan]"
    )
    midnight = When.local("2022-09-13 00:00", zone="Asia/Yerevan")
    ceasefire = When.local("2022-09-13 02:30", zone="Asia/Yerevan")
    assert midnight.before(ceasefire) is Truth.DEFINITELY
    # A call somewhere in the early hours may have been before or after the ceasefire began.
    assert early_hours.before(ceasefire) is Truth.POSSIBLY
    assert early_hours.after(ceasefire) is Truth.POSSIBLY
    assert early_hours.before(midnight) is Truth.NOT
    shelling = Span(midnight, ongoing_as_of=When.day("2022-09-13", zone="Asia/Yerevan"))
    # The report says the fighting went on at its publication, some time on Tuesday: it may
    # have gone on past 02:30 or stopped before.
    assert ceasefire.within(shelling) is Truth.POSSIBLY
    assert shelling.locate(ceasefire) == (
        PointInterval.DURING | PointInterval.FINISHES | PointInterval.AFTER
    )
    assert shelling.contains(midnight) is Truth.DEFINITELY
    assert shelling.locate(midnight) == PointInterval.STARTS
