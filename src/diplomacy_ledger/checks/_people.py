"""Checks about people: offices they did not hold, and calls they could not all have been on."""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Final

from diplomacy_ledger.checks._context import CheckContext, context_for
from diplomacy_ledger.checks._wording import time_text
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import (
    Call,
    Entry,
    Finding,
    FindingKind,
    Meeting,
    SameEvent,
    Statement,
    Tenure,
    participants,
    time_bounds,
)
from diplomacy_ledger.time import Allen, Certainty, PointInterval, Span, Truth, When

__all__ = ["double_bookings", "offices_not_held"]

_TICK: Final = timedelta(microseconds=1)


def _merge(intervals: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    merged: list[tuple[datetime, datetime]] = []
    for low, high in sorted(intervals):
        if merged and low <= merged[-1][1] + _TICK:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def offices_not_held(ledger: Ledger) -> Iterator[Finding]:
    """A record names someone in an office they did not hold at the record's time.

    **definite** when no tenure of that person in that office can cover the time for any
    placement, and the record is undisputed; **possible** when the tenures cover it for some
    placements only (the time may fall before a tenure began or after it ended), or when the
    record is disputed. Several tenures count together (acting, then appointed). O(n).
    """
    context = context_for(ledger)
    tenures: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
    for entry in context.of_type(Tenure):
        assert isinstance(entry.record, Tenure)
        key = (context.root[entry.record.person], context.root[entry.record.office])
        tenures[key].append(entry.record)
    cores = {key: _cores(held) for key, held in tenures.items()}
    for entry in (*context.of_type(Call), *context.of_type(Meeting), *context.of_type(Statement)):
        moment = entry.record.time
        named = [p for p in participants(entry.record) if p.office is not None]
        if moment is None or not named:
            continue
        bounds = time_bounds(entry.record)
        assert bounds is not None
        for participant in named:
            assert participant.office is not None
            person, office = context.root[participant.actor], context.root[participant.office]
            held = tenures.get((person, office), [])
            found = _not_held(held, cores.get((person, office), []), bounds)
            if found is None:
                continue
            certainty: Certainty = "possible" if context.disputed(entry) else found
            spans = "; ".join(time_text(tenure.span) for tenure in held) or "no tenure recorded"
            yield Finding(
                FindingKind.OFFICE_NOT_HELD,
                certainty,
                (entry.id,),
                f"{context.words.describe(entry)} names {context.words.name(person)} as "
                f"{context.words.name(office)} {time_text(moment)}, but "
                f"{'no placement of' if certainty == 'definite' else 'not every placement of'} "
                f"the times puts them in that office (tenures: {spans}). "
                f"Known from {context.words.sources(entry)}.",
            )


def _cores(held: list[Tenure]) -> list[tuple[datetime, datetime]]:
    """When the tenures surely held the office, merged: for every placement of their ends."""
    return _merge(
        [
            (tenure.span.start.latest, tenure.span.end_bounds[0])
            for tenure in held
            if tenure.span.start.latest <= tenure.span.end_bounds[0]
        ]
    )


def _not_held(
    held: list[Tenure], cores: list[tuple[datetime, datetime]], bounds: tuple[datetime, datetime]
) -> Certainty | None:
    low, high = bounds
    if any(core_low <= low and high <= core_high for core_low, core_high in cores):
        return None  # held for every placement (so some tenure overlaps the time)
    if not any(
        tenure.span.start.earliest <= high and tenure.span.end_bounds[1] >= low for tenure in held
    ):
        return "definite"
    return "possible"


def _reach(moment: When | Span) -> tuple[datetime, datetime]:
    """(latest start, earliest end), loosened so that no certain overlap is missed.

    Two calls can only overlap for every placement if each one's latest start is at or before the
    other's earliest end; the exact answer then comes from the interval relations.
    """
    if isinstance(moment, When):
        return moment.latest, moment.earliest
    end_earliest, end_latest = moment.end_bounds
    return min(moment.start.latest, end_latest), max(end_earliest, moment.start.earliest)


_Busy = tuple[datetime, datetime, str, int, Entry]
"""A call in a person's day: its latest start, earliest end, id, and a serial number that keeps
tuples from ever comparing the entries themselves."""
_APART: Final = Allen.BEFORE | Allen.MEETS | Allen.MET_BY | Allen.AFTER


def _clash(a: When | Span, b: When | Span) -> bool:
    """Whether the two times overlap for every placement (touching ends do not count)."""
    if isinstance(a, Span) and isinstance(b, Span):
        return a.allen(b).holds(_APART) is Truth.NOT
    if isinstance(a, When) and isinstance(b, When):
        return a.same(b) is Truth.DEFINITELY
    point, span = (a, b) if isinstance(a, When) else (b, a)
    assert isinstance(point, When)
    assert isinstance(span, Span)
    return span.locate(point).holds(PointInterval.DURING) is Truth.DEFINITELY


def double_bookings(ledger: Ledger) -> Iterator[Finding]:
    """One person in two calls or meetings that cannot be placed without overlapping.

    Two calls somewhere in the same vague window are not a finding: only calls that overlap for
    every placement are (no placement puts one before the other, nor end to end; or both are at
    the same exact instant). Records linked by :class:`SameEvent` are one event, not
    two. **definite** unless a record is disputed. A sweep over each person's calls sorted by
    their latest start: O(n log n + k) for k findings.
    """
    context = context_for(ledger)
    root, persons = context.root, context.persons
    linked: set[frozenset[str]] = set()
    for entry in context.of_type(SameEvent):
        assert isinstance(entry.record, SameEvent)
        ids = [root[i] for i in entry.record.entries]
        linked.update(frozenset((a, b)) for a in ids for b in ids if a != b)
    busy: dict[str, list[_Busy]] = defaultdict(list)
    serial = itertools.count()
    for entry in (*context.of_type(Call), *context.of_type(Meeting)):
        record = entry.record
        assert isinstance(record, Call | Meeting)
        people = [person for person in map(root.__getitem__, record.actors) if person in persons]
        if not people:
            continue
        low, high = _reach(record.time)
        for person in people:
            busy[person].append((low, high, entry.id, next(serial), entry))
    for person in sorted(busy):
        yield from _sweep(context, person, busy[person], linked)


def _sweep(
    context: CheckContext,
    person: str,
    calls: list[_Busy],
    linked: set[frozenset[str]],
) -> Iterator[Finding]:
    """Pairs that overlap for every placement.

    Calls are swept by their latest start; a call stays active while its earliest end is not
    yet passed (a call whose latest start is after its earliest end never is). Each pair met that
    way is confirmed with the interval relations. Touching ends (one call ends as the next
    begins) do not count.
    """
    active: list[tuple[datetime, int, Entry]] = []
    for index, (low, high, _, _, entry) in enumerate(sorted(calls)):
        while active and active[0][0] < low:
            heapq.heappop(active)
        for _, _, other in active:
            if _linked(context, linked, entry, other):
                continue
            if _clash(_time_of(entry), _time_of(other)):
                yield _booking(context, person, other, entry)
        if low <= high:
            heapq.heappush(active, (high, index, entry))


def _time_of(entry: Entry) -> When | Span:
    record = entry.record
    assert isinstance(record, Call | Meeting)
    return record.time


def _linked(context: CheckContext, linked: set[frozenset[str]], a: Entry, b: Entry) -> bool:
    return frozenset((context.root[a.id], context.root[b.id])) in linked


def _booking(context: CheckContext, person: str, one: Entry, other: Entry) -> Finding:
    first, second = context.in_order(one, other)
    disputed = context.disputed(first) or context.disputed(second)
    return Finding(
        FindingKind.DOUBLE_BOOKING,
        "possible" if disputed else "definite",
        (first.id, second.id),
        f"{context.words.name(person)} cannot have been in both {context.words.describe(first)} "
        f"{time_text(first.record.time)} and {context.words.describe(second)} "
        f"{time_text(second.record.time)}: they overlap for every placement of their times. "
        f"Known from {context.words.sources(first)} and {context.words.sources(second)}.",
    )
