"""The booking checks: people in two calls or meetings they could not both have been in.

``double_booking`` and ``possibly_same_event`` share one sweep over each person's events.
"""

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
    Medium,
    Meeting,
)
from diplomacy_ledger.time import Allen, PointInterval, Span, Truth, When

__all__ = ["STAY", "double_bookings", "is_stay", "possibly_same_events"]


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
    the summit). A *stay*, an event lasting more than :data:`~diplomacy_ledger.STAY` for every
    placement (a summit of two days, a state visit), does not fill every hour of its people's
    time: a call or a
    meeting during it is none (in a break, or on its sidelines), unless both are in person at
    different places, which is at most possible (whoever attends a stay need not be there
    throughout). **definite** unless a record is disputed or a time rests on a policy's choice
    of a skipped or repeated wall time. A sweep over each person's calls sorted by their latest
    start: O(n log n + k) for k overlapping pairs.
    """
    context = context_for(ledger)
    for (first, second), shared in _event_clashes(context).items():
        people = _participants(context, first), _participants(context, second)
        if people[0] == people[1] or _on_the_sidelines(context, first, second, people):
            continue
        stays = [event for event in (first, second) if _stay(context, event)]
        if stays:
            here, there = _whereabouts(context, first), _whereabouts(context, second)
            if here is None or there is None or here & there:
                continue  # in a break of the stay, or on its sidelines
            doubt = (
                f"{context.words.describe_event(stays[0])} lasts more than "
                f"{STAY.total_seconds() / 3600:g} hours, and whoever attends it need not be "
                "there throughout"
            )
            yield _booking(context, shared, first, second, same_people=False, doubt=doubt)
            continue
        yield _booking(context, shared, first, second, same_people=False)


STAY: Final = timedelta(hours=12)
"""An event longer than this for every placement is a stay (a summit of days, a state visit):
being at it does not fill every hour of it, so what else its people did in the meantime is no
double booking unless it was in person somewhere else."""


def is_stay(time: When | Span) -> bool:
    """Whether a time lasts longer than :data:`~diplomacy_ledger.STAY` for every placement (a stay).

    >>> from diplomacy_ledger import Span, When
    >>> is_stay(Span(When.parse("2023-07-11T09:00+03:00"), When.parse("2023-07-12T17:00+03:00")))
    True
    >>> is_stay(Span(When.parse("2023-07-11"), When.parse("2023-07-11")))
    False
    """
    return isinstance(time, Span) and time.end_bounds[0] - time.start.latest > STAY


def _stay(context: CheckContext, event: _Event) -> bool:
    """Whether every readout (as held) makes the event a stay."""
    told = [entry for entry in event if not context.set_aside(entry)] or list(event)
    return all(is_stay(_time_of(entry)) for entry in told)


def _whereabouts(context: CheckContext, event: _Event) -> frozenset[str] | None:
    """Where the event's people were in person (first versions of places), if its readouts say.

    None for a call, a meeting by video or phone, or an in-person meeting with no place given:
    it could have been anywhere, the place of another event included.
    """
    places = set()
    for entry in event:
        if context.set_aside(entry):
            continue
        record = entry.record
        if not isinstance(record, Meeting) or record.medium is not Medium.IN_PERSON:
            return None
        if record.place is None:
            return None
        places.add(context.root[record.place])
    return frozenset(places) or None


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
    here, there = _whereabouts(context, first), _whereabouts(context, second)
    if here is None or there is None:
        return False
    small, large = sorted(people, key=len)
    return len(here | there) == 1 and small < large


def possibly_same_events(ledger: Ledger) -> Iterator[Finding]:
    """Two unlinked calls or meetings of the very same people that overlap for every placement.

    More likely one event told twice (two outlets, two readouts) than everyone double-booked:
    always **possible**, with the advice to link them with a :class:`SameEvent` if they are one.
    An event of the same people during a stay of theirs (talks on the second day of a state
    visit) is a part of it, not the stay told again: no finding.
    """
    context = context_for(ledger)
    for (first, second), shared in _event_clashes(context).items():
        if _participants(context, first) != _participants(context, second):
            continue
        if _stay(context, first) != _stay(context, second):
            continue  # a part of a stay
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
    context: CheckContext,
    people: set[str],
    first: _Event,
    second: _Event,
    *,
    same_people: bool,
    doubt: str | None = None,
) -> Finding:
    entries = (*first, *second)
    names = ", ".join(sorted(context.words.name(person) for person in people))
    doubts = [
        *((doubt,) if doubt else ()),
        *(d for entry in entries for d in context.doubts(entry)),
        *(d for event in (first, second) for d in context.status_doubts(event[0])),
        *(d for entry in entries for d in context.policy_choices(entry)),
    ]
    if not _clash_by_every_account(context, first, second):
        doubts.append("their readouts tell their times otherwise, and not every account overlaps")
    doubts = list(dict.fromkeys(doubts))
    words = [context.words.describe_event(event) for event in (first, second)]
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
