"""Property tests: the double-booking sweep agrees with the three-valued order it is built on."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Allen,
    Call,
    Ledger,
    PointInterval,
    Provenance,
    SameEvent,
    Source,
    Span,
    Truth,
    When,
    check,
)
from tests._times import point_bounds, small_spans

T = datetime(2022, 9, 13, tzinfo=UTC)
APART = Allen.BEFORE | Allen.MEETS | Allen.MET_BY | Allen.AFTER
moments = st.one_of(point_bounds(), small_spans())


def clash(a: When | Span, b: When | Span) -> bool:
    """Whether two calls overlap for every placement, from the Allen and point relations."""
    if isinstance(a, Span) and isinstance(b, Span):
        return a.allen(b).holds(APART) is Truth.NOT
    if isinstance(a, When) and isinstance(b, When):
        return a.same(b) is Truth.DEFINITELY
    point, span = (a, b) if isinstance(a, When) else (b, a)
    assert isinstance(point, When)
    assert isinstance(span, Span)
    return span.locate(point).holds(PointInterval.DURING) is Truth.DEFINITELY


@given(moments, moments)
def test_double_booking_exactly_when_every_placement_overlaps(
    a: When | Span, b: When | Span
) -> None:
    ledger = Ledger()
    for id, record in [
        ("article", Source()),
        ("p", Actor("P", ActorKind.PERSON)),
        ("q", Actor("Q", ActorKind.PERSON)),
        ("r", Actor("R", ActorKind.PERSON)),
        ("a", Call(["p", "q"], a, Provenance("article"))),
        ("b", Call(["p", "r"], b, Provenance("article"))),
    ]:
        ledger.append(record, id=id, recorded_at=T)  # type: ignore[arg-type]
    findings = check(ledger, only=["double_booking"])
    assert bool(findings) == clash(a, b)
    if findings:
        assert [(f.certainty, f.entries) for f in findings] == [("definite", ("a", "b"))]


@settings(max_examples=300)
@given(st.lists(moments, min_size=1, max_size=3), st.lists(moments, min_size=1, max_size=3))
def test_events_told_several_ways_clash_surely_when_every_account_does(
    first: list[When | Span], second: list[When | Span]
) -> None:
    """Two events, each told by linked readouts: a double booking when some accounts clash,
    definite when every account of one clashes with every account of the other."""
    ledger = Ledger()
    for id, record in [
        ("article", Source()),
        ("p", Actor("P", ActorKind.PERSON)),
        ("q", Actor("Q", ActorKind.PERSON)),
        ("r", Actor("R", ActorKind.PERSON)),
    ]:
        ledger.append(record, id=id, recorded_at=T)  # type: ignore[arg-type]
    for name, other, times in (("a", "q", first), ("b", "r", second)):
        ids = [f"{name}{n}" for n in range(len(times))]
        for id, moment in zip(ids, times, strict=True):
            ledger.append(Call(["p", other], moment, Provenance("article")), id=id, recorded_at=T)
        if len(ids) > 1:
            ledger.append(SameEvent(tuple(ids)), id=f"{name}-link", recorded_at=T)
    findings = check(ledger, only=["double_booking"])
    pairs = [clash(a, b) for a in first for b in second]
    assert bool(findings) == any(pairs)
    if findings:
        [finding] = findings
        assert finding.certainty == ("definite" if all(pairs) else "possible")
