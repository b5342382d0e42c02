"""The readout-mismatch check: the records of one event (a SameEvent group) that disagree."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from typing import Final

import attrs

from diplomacy_ledger.checks._context import CheckContext, context_for
from diplomacy_ledger.checks._wording import time_text
from diplomacy_ledger.ledger import Ledger, called_off
from diplomacy_ledger.model import (
    Agreement,
    Call,
    Ceasefire,
    Entry,
    Finding,
    FindingKind,
    Hostility,
    Mediation,
    Meeting,
    Participant,
    Place,
    SameEvent,
    Statement,
    Status,
    normalise_name,
)
from diplomacy_ledger.time import UTC_MAX, Span, When, canonical_zone

__all__ = ["readout_mismatches"]


def readout_mismatches(ledger: Ledger) -> Iterator[Finding]:
    """The records of one event (linked by :class:`SameEvent`) that disagree beyond uncertainty.

    An event is a SameEvent group: records linked directly or through a chain of links, so two
    readouts linked each to a third are compared with each other too. Each event that disagrees
    gives one finding, whatever the number of readouts or of problems, naming its links and its
    readouts; the explanation says which readouts disagree on what. Compared, where the readouts
    say it (what one leaves out is no disagreement): who took part (a call's or meeting's
    participants, a mediation's mediators and parties, a ceasefire's parties, a hostility's
    attacker and target or the sides it was between, a statement's speaker, an agreement's parties
    and mediators), matched at the level of what they are part of (Azerbaijan's armed forces are
    Azerbaijan); a meeting's place (one within another, by its ``region``, agrees; places not
    known apart disagree only possibly); an agreement's time of effect; whether it took place
    (told as called off and as having happened, at times that may overlap); and the times:
    moments, or the starts of spans, that cannot coincide for any placement, and recorded ends
    that cannot. An open or "ongoing" end is
    unknown, not infinitely late, and is not compared. **definite** when the readouts disagree
    even leaving out those disputed or taken back (and, for times, those a policy chose); else
    **possible**. Each comparison is over the event's readouts at once (bounds and buckets, not
    pairs): O(n log n) in all.
    """
    context = context_for(ledger)
    links: dict[str, list[Entry]] = defaultdict(list)
    events: dict[str, tuple[Entry, ...]] = {}
    for link in context.of_type(SameEvent):
        assert isinstance(link.record, SameEvent)
        member = next(
            (found for id in link.record.entries if (found := context.current(id)) is not None),
            None,
        )
        if member is None:
            continue
        group = context.whole_event(member)
        key = group[0].id
        links[key].append(link)
        events[key] = group
    for key, joined in links.items():
        readouts = events[key]
        if len(readouts) < 2:
            continue
        problems = _problems(context, readouts)
        if problems:
            yield _finding(context, joined, readouts, problems)


def _certain(context: CheckContext, readouts: tuple[Entry, ...]) -> bool:
    """Whether the readouts disagree even leaving out those in doubt.

    Disputed or taken-back readouts are left out; for times, so are those a policy chose.
    """
    undisputed = tuple(r for r in readouts if not context.doubts(r))
    found = _problems(context, undisputed)
    if any(not problem.on_time and not problem.uncertain for problem in found):
        return True
    unchosen = tuple(r for r in undisputed if not context.policy_choices(r))
    return any(problem.on_time for problem in _problems(context, unchosen))


@attrs.frozen
class _Problem:
    """One way the readouts disagree: in words, the readouts involved, and whether on times."""

    words: str
    involved: tuple[Entry, ...]
    on_time: bool = False
    uncertain: bool = False  # a disagreement only possibly: places that may be one in another


def _finding(
    context: CheckContext,
    links: list[Entry],
    readouts: tuple[Entry, ...],
    problems: list[_Problem],
) -> Finding:
    words = context.words
    definite = _certain(context, readouts)
    doubts: list[str] = []
    for problem in problems:
        doubts += [d for entry in problem.involved for d in context.doubts(entry)]
        if problem.on_time:
            doubts += [d for entry in problem.involved for d in context.policy_choices(entry)]
    told = _and(words.describe(readout) for readout in readouts)
    by = _and(words.describe(link) for link in links)
    explanation = (
        f"{told} are linked as one event by {by}, but "
        + "; and ".join(problem.words for problem in problems)
        + "."
        + (
            f" At most possible: {'; '.join(dict.fromkeys(doubts))}."
            if doubts and not definite
            else ""
        )
    )
    return Finding(
        FindingKind.READOUT_MISMATCH,
        "definite" if definite else "possible",
        tuple(dict.fromkeys(entry.id for entry in (*links, *readouts))),
        explanation,
    )


def _and(items: Iterable[str]) -> str:
    listed = list(dict.fromkeys(items))
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]


_WHO: Final[dict[type, tuple[tuple[str, str], ...]]] = {
    Call: (("actors", "participants"),),
    Meeting: (("actors", "participants"),),
    Mediation: (("mediators", "mediators"), ("parties", "parties")),
    Ceasefire: (("parties", "parties"),),
    Hostility: (("attacker", "attackers"), ("target", "targets")),
    Statement: (("speaker", "speakers"),),
    Agreement: (("parties", "parties"), ("mediators", "mediators")),
}
"""Who took part in each kind of event, by the attribute that says it and its name in words."""


def _problems(context: CheckContext, readouts: tuple[Entry, ...]) -> list[_Problem]:
    """How the readouts disagree: on kind and status all together, on the rest as told alike.

    A plan is not an account of what happened: plans change (a summit put off a day, a guest
    added), so what plans and cancellations say is compared among them, and what readouts of
    the event as held say among them, not the one against the other.
    """
    problems: list[_Problem] = []
    by_kind: dict[type, list[Entry]] = defaultdict(list)
    for readout in readouts:
        kind = Call if isinstance(readout.record, Meeting) else type(readout.record)
        by_kind[kind].append(readout)  # calls and meetings are compared together
    if len(by_kind) > 1:
        shown = "; ".join(
            f"{_and(sorted({r.kind.replace('_', ' ') for r in told}))} in "
            f"{_and(repr(r.id) for r in told)}"
            for told in by_kind.values()
        )
        problems.append(_Problem(f"they tell different kinds of event ({shown})", readouts))
    problems += _status_differs(context, readouts)
    held = [r for r in readouts if context.status(r) is Status.OCCURRED]
    plans = [r for r in readouts if context.status(r) is not Status.OCCURRED]
    for told in (held, plans):
        if len(told) > 1:
            problems += _told_apart(context, told)
    return problems


def _told_apart(context: CheckContext, readouts: list[Entry]) -> list[_Problem]:
    """How readouts told alike (as held, or as planned) disagree on who, where and when."""
    problems: list[_Problem] = []
    by_kind: dict[type, list[Entry]] = defaultdict(list)
    for readout in readouts:
        kind = Call if isinstance(readout.record, Meeting) else type(readout.record)
        by_kind[kind].append(readout)
    for kind, told in by_kind.items():
        for attribute, label in _WHO.get(kind, ()):
            named = [(_who(r.record, attribute), r) for r in told]
            problems += _differ(context, label, [(who, r) for who, r in named if who])
        if kind is Hostility:
            problems += _sides_differ(context, told)
    problems += _places_differ(context, readouts)
    effects: list[tuple[When | Span, Entry]] = [
        (r.record.effective, r)
        for r in readouts
        if isinstance(r.record, Agreement) and r.record.effective is not None
    ]
    problems += _apart("they take effect at times that cannot coincide", effects)
    problems += _times_apart(tuple(readouts))
    return problems


def _who(record: object, attribute: str) -> tuple[str, ...]:
    """The actors the record names in ``attribute``, as ids."""
    value = getattr(record, attribute)
    if value is None:
        return ()
    if isinstance(value, Participant):
        return (value.actor,)
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _differ(
    context: CheckContext,
    label: str,
    named: Sequence[tuple[tuple[str, ...], Entry]],
) -> list[_Problem]:
    """The readouts' actors for one role, where two readouts name them otherwise.

    A readout names whom it names: one that names fewer (the leaders, not their aides) leaves
    the others out and agrees. The readouts agree when one of them names all whom any names
    (the others name some of them); else the ones that name most, each not named whole by
    another, disagree with each other, and so does every readout that names someone one of
    them leaves out. Actors are compared as what they are ultimately part of: Azerbaijan's
    armed forces are Azerbaijan, the Russian foreign ministry is Russia (places: see
    :func:`_places_differ`). Each value is shown as its first readout names it. No
    pairwise comparison: a summit told by a thousand outlets, each naming some of its leaders,
    costs what reading them does.
    """
    same = context.outermost
    buckets: dict[frozenset[str], list[tuple[tuple[str, ...], Entry]]] = defaultdict(list)
    for ids, readout in named:
        buckets[frozenset(same(id) for id in ids)].append((ids, readout))
    widest = _widest(list(buckets))
    if len(widest) < 2:
        return []
    common = frozenset.intersection(*widest)
    clashing = {value for value in buckets if not value <= common}
    words = context.words
    shown = "; ".join(
        f"{', '.join(sorted(words.name(id) for id in told[0][0]))} in "
        f"{_and(repr(r.id) for _, r in told)}"
        for value, told in buckets.items()
        if value in clashing
    )
    involved = tuple(r for value, told in buckets.items() if value in clashing for _, r in told)
    return [_Problem(f"their {label} differ ({shown})", involved)]


def _places_differ(context: CheckContext, readouts: Sequence[Entry]) -> list[_Problem]:
    """Meetings told at places that are not one: definite when known apart, else possible.

    A place lies within another when its ``region`` is the other's name or alias (a base whose
    region is "Anchorage", in Anchorage): the two agree. Places known apart are in different
    time zones, or each in one recorded state and not the same one. Others may be one within
    the other, which the ledger does not record (open world): a possible disagreement, not a
    definite one. O(k) for k readouts, plus the chain of regions of each place.
    """
    told = [
        (r.record.place, r)
        for r in readouts
        if isinstance(r.record, Meeting) and r.record.place is not None
    ]
    if len(told) < 2:
        return []
    root = context.root
    by_place: dict[str, list[Entry]] = defaultdict(list)
    outer: dict[str, str] = {}
    for place, readout in told:
        first = root[place]
        by_place[first].append(readout)
        if first not in outer:
            outer[first] = _outermost_place(context, first)
    if len(set(outer.values())) < 2:
        return []
    places = [_place(context, id) for id in dict.fromkeys(outer.values())]
    zones = {canonical_zone(place.zone) for place in places if place is not None}
    states = {
        context.outermost(place.states[0])
        for place in places
        if place is not None and len(place.states) == 1
    }
    apart = len(zones) > 1 or (
        len(states) > 1 and all(p is not None and len(p.states) == 1 for p in places)
    )
    words = context.words
    shown = "; ".join(
        f"{words.name(place)} in {_and(repr(r.id) for r in told)}"
        for place, told in by_place.items()
    )
    within = "" if apart else "; one may lie within the other (no place's region says so)"
    involved = tuple(r for told in by_place.values() for r in told)
    return [_Problem(f"their places differ ({shown}){within}", involved, uncertain=not apart)]


def _place(context: CheckContext, id: str) -> Place | None:
    entry = context.current(id)
    return entry.record if entry is not None and isinstance(entry.record, Place) else None


def _outermost_place(context: CheckContext, id: str) -> str:
    """The place ``id`` lies within, following the places its region names, or itself."""
    named = context.memo.get("places by name")
    if named is None:
        index: dict[str, str] = {}
        for entry in context.of_type(Place):
            record = entry.record
            assert isinstance(record, Place)
            for name in (record.name, *record.aliases):
                index.setdefault(normalise_name(name), context.root[entry.id])
        named = context.memo["places by name"] = index
    assert isinstance(named, dict)
    seen = {id}
    while (place := _place(context, id)) is not None and place.region is not None:
        found = named.get(normalise_name(place.region))
        if found is None or found in seen:
            break
        seen.add(found)
        id = found
    return id


def _widest(values: list[frozenset[str]]) -> list[frozenset[str]]:
    """The values no other value holds whole (the maximal sets), widest first.

    Each value is compared only with the widest found so far that hold its rarest member:
    near-linear for the values readouts give.
    """
    kept: list[frozenset[str]] = []
    holding: dict[str, list[int]] = defaultdict(list)  # member → the kept values with it
    for value in sorted(values, key=len, reverse=True):
        if not value:
            continue
        candidates = min((holding.get(member, ()) for member in value), key=len)
        if any(value <= kept[index] for index in candidates):
            continue
        for member in value:
            holding[member].append(len(kept))
        kept.append(value)
    return kept


def _sides_differ(context: CheckContext, fights: list[Entry]) -> list[_Problem]:
    """Fighting told "between" some sides, and told as between others.

    A telling names every side when it says "between" or names both attacker and target; it
    disagrees with a "between" telling when it names every side otherwise, or names someone
    among neither of them. Attacker against attacker and target against target are compared
    with the other participants.
    """
    between: dict[frozenset[str], list[Entry]] = defaultdict(list)
    for fight in fights:
        record = fight.record
        assert isinstance(record, Hostility)
        if record.between:
            between[frozenset(context.outermost(s) for s in record.between)].append(fight)
    if not between:
        return []
    involved: dict[str, Entry] = {}
    if len(between) > 1:
        involved.update((f.id, f) for told in between.values() for f in told)
    for fight in fights:
        record = fight.record
        assert isinstance(record, Hostility)
        if record.between:
            continue
        named = frozenset(context.outermost(s) for s in record.sides)
        whole = record.attacker is not None and record.target is not None
        for sides, told in between.items():
            if named and (named != sides if whole else not named <= sides):
                involved.update((f.id, f) for f in (*told, fight))
    if not involved:
        return []
    words = context.words
    ordered = tuple(f for f in fights if f.id in involved)
    shown = "; ".join(
        f"{', '.join(sorted(words.name(side) for side in _sides(f)))} in {f.id!r}" for f in ordered
    )
    return [_Problem(f"the sides they name differ ({shown})", ordered)]


def _sides(fight: Entry) -> tuple[str, ...]:
    record = fight.record
    assert isinstance(record, Hostility)
    return record.sides


def _status_differs(context: CheckContext, readouts: tuple[Entry, ...]) -> list[_Problem]:
    held = [r for r in readouts if context.status(r) is Status.OCCURRED]
    off = called_off(readouts) if held else []  # called off when it was held, not put off
    if not off or not held:
        return []
    return [
        _Problem(
            f"they disagree on whether it took place (called off in "
            f"{_and(repr(r.id) for r in off)}; took place in {_and(repr(r.id) for r in held)})",
            (*off, *held),
        )
    ]


Bounds = tuple[datetime, datetime]


def _apart(
    what: str,
    timed: Sequence[tuple[When | Span, Entry]],
    bounds: Callable[[When | Span], Bounds] | None = None,
) -> list[_Problem]:
    """Readouts whose times (``bounds`` of each) cannot all coincide: some two are disjoint.

    Intervals that meet pairwise share a point (Helly, on a line): two are disjoint exactly when
    the latest of the earliest bounds is after the earliest of the latest. The readouts in such a
    pair are those that end before the one or begin after the other. O(k) for k readouts.
    """
    if len(timed) < 2:
        return []
    read = bounds or _moment_bounds
    spans = [(read(time), time, entry) for time, entry in timed]
    latest_start = max(low for (low, _), _, _ in spans)
    earliest_end = min(high for (_, high), _, _ in spans)
    if latest_start <= earliest_end:
        return []
    involved = [
        (time, e) for (low, high), time, e in spans if high < latest_start or low > earliest_end
    ]
    shown = "; ".join(f"{time_text(time)} in {e.id!r}" for time, e in involved)
    return [_Problem(f"{what} ({shown})", tuple(e for _, e in involved), on_time=True)]


def _moment_bounds(moment: When | Span) -> Bounds:
    assert isinstance(moment, When)
    return moment.earliest, moment.latest


def _start_bounds(span: When | Span) -> Bounds:
    assert isinstance(span, Span)
    return span.start_bounds


def _end_bounds(span: When | Span) -> Bounds:
    assert isinstance(span, Span)
    return span.end_bounds


def _times_apart(readouts: tuple[Entry, ...]) -> list[_Problem]:
    """Moments, starts of spans, and recorded ends that cannot coincide; moments outside spans.

    A moment told against a span must fall between its start and its end (any time after its
    start, if its end is unknown).
    """
    moments: list[tuple[When | Span, Entry]] = []
    spans: list[tuple[When | Span, Entry]] = []
    for readout in readouts:
        time = getattr(readout.record, "time", None)
        if isinstance(time, When):
            moments.append((time, readout))
        elif isinstance(time, Span):
            spans.append((time, readout))
    what = "their times cannot coincide"
    problems = _apart(what, moments) + _apart(what, spans, _start_bounds)
    ended = [(span, readout) for span, readout in spans if isinstance(span, Span) and span.end]
    problems += _apart("their ends cannot coincide", ended, _end_bounds)
    if moments and spans:
        problems += _outside(moments, spans)
    return problems


def _outside(
    moments: list[tuple[When | Span, Entry]], spans: list[tuple[When | Span, Entry]]
) -> list[_Problem]:
    """Moments that fall outside a span's reach for every placement (from its start to its end)."""

    def reach(span: When | Span) -> Bounds:
        assert isinstance(span, Span)
        return span.start.earliest, span.end_bounds[1] if span.end is not None else UTC_MAX

    points = [(_moment_bounds(time), time, e) for time, e in moments]
    reaches = [(reach(time), time, e) for time, e in spans]
    latest_point = max(low for (low, _), _, _ in points)
    earliest_point_end = min(high for (_, high), _, _ in points)
    latest_reach = max(low for (low, _), _, _ in reaches)
    earliest_reach_end = min(high for (_, high), _, _ in reaches)
    if latest_point <= earliest_reach_end and latest_reach <= earliest_point_end:
        return []
    involved = [
        (time, e)
        for (low, high), time, e in points
        if high < latest_reach or low > earliest_reach_end
    ] + [
        (time, e)
        for (low, high), time, e in reaches
        if high < latest_point or low > earliest_point_end
    ]
    shown = "; ".join(f"{time_text(time)} in {e.id!r}" for time, e in involved)
    return [
        _Problem(
            f"their times cannot coincide ({shown})", tuple(e for _, e in involved), on_time=True
        )
    ]
