"""Checks about people: offices they did not hold, and calls they could not all have been on."""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Final

import attrs

from diplomacy_ledger.checks._context import CheckContext, context_for
from diplomacy_ledger.checks._wording import time_text
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import (
    Call,
    Entry,
    Finding,
    FindingKind,
    Medium,
    Meeting,
    Tenure,
    participants,
    plan_of,
    time_bounds,
)
from diplomacy_ledger.time import UTC_MAX, Allen, Certainty, PointInterval, Span, Truth, When

__all__ = [
    "UnrecordedTenure",
    "double_bookings",
    "offices_not_held",
    "possibly_same_events",
    "unrecorded_tenures",
]

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
    """A record names someone in an office that their own recorded tenures say they did not hold.

    Calls, meetings and statements name participants in offices; a claim its claimant's office
    (a spokesperson's); an agreement its signatories'.

    Open world: the evidence is the person's recorded tenures of that office. With none recorded
    the answer is unknown and nothing is reported (:func:`unrecorded_tenures` lists those pairs).
    A tenure whose end is unknown (open, or ongoing as of a time) may go on after any later
    record: only a recorded start or end bounds it. **definite** when no placement of the times
    puts the record inside a tenure; **possible** when some placements fall before a recorded
    start or after a recorded end; at most possible when the record is disputed or its time was
    chosen by a policy. Readouts of one event (SameEvent) give one finding naming them all.
    Several tenures count together (acting, then appointed). O(n).
    """
    context = context_for(ledger)
    tenures = _tenures(context)
    cores = {key: _cores(held) for key, held in tenures.items()}
    found: dict[tuple[str, str, str], list[tuple[Entry, Certainty | None]]] = defaultdict(list)
    for entry in _naming_offices(context):
        named = [p for p in participants(entry.record) if p.office is not None]
        bounds = time_bounds(entry.record)
        if bounds is None or not named:
            continue
        for person, office in dict.fromkeys(
            (context.root[p.actor], context.root[p.office]) for p in named if p.office
        ):
            held = tenures.get((person, office))
            if held is None:  # nothing recorded: unknown, not a finding
                continue
            certainty = _not_held(held, cores[(person, office)], bounds)
            if certainty is None and entry.id not in context.linked:
                continue  # held then, and told once
            if context.set_aside(entry):
                continue  # a plan named them in the offices they held when it was made
            found[(context.event_key(entry), person, office)].append((entry, certainty))
    for (_, person, office), cases in found.items():
        if any(certainty is not None for _, certainty in cases):
            yield _office_finding(context, person, office, tenures[(person, office)], cases)


def _naming_offices(context: CheckContext) -> Iterator[Entry]:
    """The current entries of every kind that can name someone in an office, kind by kind.

    Calls, meetings, statements, claims (the claimant's office), agreements (signatories): the
    kinds whose plan holds participants or an actor's office.
    """
    for kind, entries in context.by_type().items():
        plan = plan_of(kind)
        if plan.participants or plan.offices:
            yield from entries


def _office_finding(
    context: CheckContext,
    person: str,
    office: str,
    held: list[Tenure],
    cases: list[tuple[Entry, Certainty | None]],
) -> Finding:
    """One finding for one event: every readout that names the person in the office.

    A readout whose time is within the tenure (``None``) is another account of the event's
    time: by it, the office was held, so the finding is at most possible.
    """
    entries = [entry for entry, _ in cases]
    doubts = [
        *(d for entry in entries for d in context.doubts(entry)),
        *context.status_doubts(entries[0]),
        *(d for entry in entries for d in context.policy_choices(entry)),
        *(
            f"by {context.words.describe(entry)}, its time was within their tenure"
            for entry, certainty in cases
            if certainty is None
        ),
    ]
    cases = [(entry, certainty) for entry, certainty in cases if certainty is not None]
    doubts = list(dict.fromkeys(doubts))
    outside = all(certainty == "definite" for _, certainty in cases)  # for every placement
    first = cases[0][0]  # a readout by which the office was not held
    readouts = " and ".join(context.words.describe(entry) for entry, _ in cases)
    spans = "; ".join(time_text(tenure.span) for tenure in held)
    known = "; ".join(dict.fromkeys(map(context.words.sources, entries)))
    return Finding(
        FindingKind.OFFICE_NOT_HELD,
        "definite" if outside and not doubts else "possible",
        tuple(entry.id for entry in entries),
        f"{readouts} {'name' if len(cases) > 1 else 'names'} {context.words.name(person)} as "
        f"{context.words.name(office)} {time_text(first.record.time)}, but "
        f"{'no placement of' if outside else 'not every placement of'} "
        f"the times puts them in that office (their recorded tenures: {spans}). Known from "
        f"{known}." + (f" At most possible: {'; '.join(doubts)}." if doubts else ""),
    )


def _tenures(context: CheckContext) -> dict[tuple[str, str], list[Tenure]]:
    """Each (person, office) with a recorded tenure, and the tenures: the evidence there is."""
    tenures: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
    for entry in context.of_type(Tenure):
        assert isinstance(entry.record, Tenure)
        key = (context.root[entry.record.person], context.root[entry.record.office])
        tenures[key].append(entry.record)
    return dict(tenures)


@attrs.frozen
class UnrecordedTenure:
    """A person named in an office with no tenure of theirs in it recorded, and who names them."""

    person: str
    office: str
    entries: tuple[str, ...]


def unrecorded_tenures(ledger: Ledger) -> list[UnrecordedTenure]:
    """The (person, office) pairs that current records name but no tenure records, in order.

    The "office not held" check says nothing about these (no evidence is not evidence of
    absence); recording the tenures lets it. Ids are the first versions of the person and office.

    >>> from diplomacy_ledger.examples import seed_ledger
    >>> unrecorded_tenures(seed_ledger())
    []
    """
    context = context_for(ledger)
    tenures = _tenures(context)
    named: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entry in context.entries:
        for participant in participants(entry.record):
            if participant.office is not None:
                key = (context.root[participant.actor], context.root[participant.office])
                if key not in tenures and entry.id not in named[key]:
                    named[key].append(entry.id)
    return [UnrecordedTenure(p, o, tuple(ids)) for (p, o), ids in named.items() if ids]


def _cores(held: list[Tenure]) -> list[tuple[datetime, datetime]]:
    """When the tenures surely held the office, merged: for every placement of their ends.

    An unknown end is no evidence that the tenure ended: the core runs on without end.
    """
    return _merge(
        [
            (tenure.span.start.latest, _known_end(tenure.span)[0])
            for tenure in held
            if tenure.span.start.latest <= _known_end(tenure.span)[0]
        ]
    )


def _known_end(span: Span) -> tuple[datetime, datetime]:
    """The earliest and latest end a record says; without end for an unknown or ongoing end."""
    return span.end_bounds if span.end is not None else (UTC_MAX, UTC_MAX)


def _not_held(
    held: list[Tenure], cores: list[tuple[datetime, datetime]], bounds: tuple[datetime, datetime]
) -> Certainty | None:
    low, high = bounds
    if any(core_low <= low and high <= core_high for core_low, core_high in cores):
        return None  # held for every placement, or not refuted by any recorded bound
    if not any(
        tenure.span.start.earliest <= high and _known_end(tenure.span)[1] >= low for tenure in held
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
"""A call in a person's day: its latest start, earliest end, the key of its event, and a serial
number that keeps tuples from ever comparing the entries themselves."""
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
    """People in two calls or meetings (two events) that cannot be placed without overlapping.

    Two calls somewhere in the same vague window are not a finding: only calls that overlap for
    every placement are (no placement puts one before the other, nor end to end; or both are at
    the same exact instant). Events, not readouts: records linked by :class:`SameEvent` are one
    event, and each pair of events gives one finding, naming everyone in both and every readout.
    Two events with the very same participants are left to :func:`possibly_same_events`. A
    meeting on the sidelines of a larger one is no double booking: in person, at the same place,
    with people who all take part in the larger meeting (a bilateral at a summit's venue during
    the summit). **definite** unless a record is disputed or a time rests on a policy's choice
    of a skipped or repeated wall time. A sweep over each person's calls sorted by their latest
    start: O(n log n + k) for k overlapping pairs.
    """
    context = context_for(ledger)
    for (first, second), shared in _event_clashes(context).items():
        people = _participants(context, first), _participants(context, second)
        if people[0] == people[1] or _on_the_sidelines(context, first, second, people):
            continue
        yield _booking(context, shared, first, second, same_people=False)


def _on_the_sidelines(
    context: CheckContext,
    first: _Event,
    second: _Event,
    people: tuple[frozenset[str], frozenset[str]],
) -> bool:
    """Whether one event is a meeting on the sidelines of the other.

    Both met in person at one place (as every readout of them as held says), and everyone in
    the smaller took part in the larger.
    """
    places = set()
    for entry in (*first, *second):
        if context.set_aside(entry):
            continue
        record = entry.record
        if not isinstance(record, Meeting) or record.medium is not Medium.IN_PERSON:
            return False
        if record.place is None:
            return False
        places.add(context.root[record.place])
    small, large = sorted(people, key=len)
    return len(places) == 1 and small < large


def possibly_same_events(ledger: Ledger) -> Iterator[Finding]:
    """Two unlinked calls or meetings of the very same people that overlap for every placement.

    More likely one event told twice (two outlets, two readouts) than everyone double-booked:
    always **possible**, with the advice to link them with a :class:`SameEvent` if they are one.
    """
    context = context_for(ledger)
    for (first, second), shared in _event_clashes(context).items():
        if _participants(context, first) == _participants(context, second):
            yield _booking(context, shared, first, second, same_people=True)


_Event = tuple[Entry, ...]


def _event_clashes(context: CheckContext) -> dict[tuple[_Event, _Event], set[str]]:
    """Pairs of events that overlap for every placement, with the people in both.

    Each pair in the order recorded; worked out once per context for the two checks that read it.
    """
    memo = context.memo.get("event_clashes")
    if memo is not None:
        return memo  # type: ignore[return-value]
    root, persons, linked = context.root, context.persons, context.linked
    busy: dict[str, list[_Busy]] = defaultdict(list)
    serial = itertools.count()
    for entry in (*context.of_type(Call), *context.of_type(Meeting)):
        record = entry.record
        assert isinstance(record, Call | Meeting)
        if context.set_aside(entry):
            continue  # called off: it took no one's time; a plan of what was held: its time
        people = [person for person in map(root.__getitem__, record.actors) if person in persons]
        if not people:
            continue
        low, high = _reach(record.time)
        key = context.event_key(entry) if entry.id in linked else entry.id
        for person in people:
            busy[person].append((low, high, key, next(serial), entry))
    clashes: dict[tuple[_Event, _Event], set[str]] = defaultdict(set)
    for person in sorted(busy):
        for one, other in _sweep(context, busy[person]):
            a, b = context.event(one), context.event(other)
            if context.in_order(a[0], b[0])[0] is not a[0]:
                a, b = b, a
            clashes[(a, b)].add(person)
    context.memo["event_clashes"] = found = dict(clashes)
    return found


def _sweep(context: CheckContext, calls: list[_Busy]) -> Iterator[tuple[Entry, Entry]]:
    """Pairs of one person's calls, of different events, that overlap for every placement.

    Calls are swept by their latest start; a call stays active while its earliest end is not
    yet passed (a call whose latest start is after its earliest end never is). Each pair met that
    way is confirmed with the interval relations. Touching ends (one call ends as the next
    begins) do not count. The active calls are kept by event, so the readouts of one event never
    meet each other, and an event already known to clash with the call's event is not compared
    again: one event told many times costs no more than once.
    """
    active: list[tuple[datetime, int, str]] = []
    live: dict[str, dict[int, Entry]] = {}  # the active calls, by event
    met: set[tuple[str, str]] = set()
    for index, (low, high, mine, _, entry) in enumerate(sorted(calls)):
        while active and active[0][0] < low:
            _, gone, key = heapq.heappop(active)
            calls_of = live[key]
            del calls_of[gone]
            if not calls_of:
                del live[key]
        if live:
            time = _time_of(entry)
            for key, others in live.items():
                if key == mine or (met and (key, mine) in met):
                    continue
                for other in others.values():
                    if _clash(time, _time_of(other)):
                        met.update(((key, mine), (mine, key)))
                        yield other, entry
                        break
        if low <= high:
            heapq.heappush(active, (high, index, mine))
            if mine in live:
                live[mine][index] = entry
            else:
                live[mine] = {index: entry}


def _time_of(entry: Entry) -> When | Span:
    record = entry.record
    assert isinstance(record, Call | Meeting)
    return record.time


def _booking(
    context: CheckContext, people: set[str], first: _Event, second: _Event, *, same_people: bool
) -> Finding:
    entries = (*first, *second)
    names = ", ".join(sorted(context.words.name(person) for person in people))
    doubts = [
        *(d for entry in entries for d in context.doubts(entry)),
        *(d for event in (first, second) for d in context.status_doubts(event[0])),
        *(d for entry in entries for d in context.policy_choices(entry)),
    ]
    if not _clash_by_every_account(context, first, second):
        doubts.append("their readouts tell their times otherwise, and not every account overlaps")
    doubts = list(dict.fromkeys(doubts))
    words = [
        " and ".join(context.words.describe(entry) for entry in event) for event in (first, second)
    ]
    times = [time_text(event[0].record.time) for event in (first, second)]
    known = "Known from " + "; ".join(dict.fromkeys(map(context.words.sources, entries))) + "."
    but = f" But {'; '.join(doubts)}." if doubts else ""
    policy = f" At most possible: {'; '.join(doubts)}." if doubts else ""
    if same_people:
        return Finding(
            FindingKind.POSSIBLY_SAME_EVENT,
            "possible",
            tuple(entry.id for entry in entries),
            f"{words[0]} {times[0]} and {words[1]} {times[1]} have the same participants "
            f"({names}) and overlap for every placement of their times: possibly one event told "
            f"twice rather than a double booking; if so, link them with a SameEvent.{but} "
            f"{known}",
        )
    return Finding(
        FindingKind.DOUBLE_BOOKING,
        "possible" if doubts else "definite",
        tuple(entry.id for entry in entries),
        f"{names} cannot have been in both {words[0]} {times[0]} and {words[1]} {times[1]}: "
        f"they overlap for every placement of their times. {known}{policy}",
    )


def _clash_by_every_account(context: CheckContext, first: _Event, second: _Event) -> bool:
    """Whether the two events overlap by every account of each (their readouts as held).

    Where readouts of an event tell its time differently, a clash one of them shows is a clash
    by that account only. Decided by the extreme bounds (:func:`_all_clash`), not pair by pair:
    two events told a thousand ways each cost two thousand, not a million.
    """

    def times(event: _Event) -> list[When | Span]:
        told = [e for e in event if not context.set_aside(e)]
        return list(dict.fromkeys(_time_of(entry) for entry in told or event))

    return _all_clash(times(first), times(second))


_Key = tuple[datetime, int]
"""A bound and its side: ``(t, 1)`` just after ``t``, ``(t, -1)`` just before, ``(t, 0)`` at."""


def _span_keys(span: Span) -> tuple[_Key, _Key]:
    """The earliest its end can be and the latest its start can be, a start coming before its end.

    Two spans can be placed apart, one ending no later than the other starts, exactly when the
    first's earliest end is at or before the second's latest start.
    """
    (start_low, start_high), (end_low, end_high) = span.start_bounds, span.end_bounds
    earliest_end = (end_low, 0) if end_low > start_low else (start_low, 1)
    latest_start = (start_high, 0) if start_high < end_high else (end_high, -1)
    return earliest_end, latest_start


def _all_clash(first: list[When | Span], second: list[When | Span]) -> bool:
    """Whether every time of ``first`` overlaps every time of ``second`` for every placement.

    The same answer as :func:`_clash` for each pair, from the extremes: spans clash when neither
    can end before the other starts, so all pairs do when the earliest end of one side is after
    the latest start of the other, both ways; a moment is inside a span for every placement when
    it is surely after its start and before its end; two moments when they are one exact instant.
    """
    spans = [[t for t in times if isinstance(t, Span)] for times in (first, second)]
    moments = [[t for t in times if isinstance(t, When)] for times in (first, second)]
    if spans[0] and spans[1]:
        keys = [[_span_keys(span) for span in side] for side in spans]
        ends = [min(end for end, _ in side) for side in keys]
        starts = [max(start for _, start in side) for side in keys]
        if ends[0] <= starts[1] or ends[1] <= starts[0]:
            return False
    if moments[0] and moments[1]:
        instants = {(m.earliest, m.latest) for m in (*moments[0], *moments[1])}
        if len(instants) > 1 or any(low != high for low, high in instants):
            return False
    for points, around in ((moments[0], spans[1]), (moments[1], spans[0])):
        if points and around:
            if min(p.earliest for p in points) <= max(s.start.latest for s in around):
                return False
            if max(p.latest for p in points) >= min(s.end_bounds[0] for s in around):
                return False
    return True


def _participants(context: CheckContext, event: tuple[Entry, ...]) -> frozenset[str]:
    """Everyone the event's readouts name as taking part (first versions of the actors)."""
    found: set[str] = set()
    for entry in event:
        record = entry.record
        assert isinstance(record, Call | Meeting)
        found.update(context.root[actor] for actor in record.actors)
    return frozenset(found)
