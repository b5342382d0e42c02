"""The ceasefire-violation check: fighting between parties, within its scope, after a ceasefire."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Final

from diplomacy_ledger.checks._context import CheckContext, context_for
from diplomacy_ledger.checks._corroboration import attackers_named, hostility_doubts, same_side
from diplomacy_ledger.checks._wording import time_text
from diplomacy_ledger.ledger import IntervalIndex, Ledger
from diplomacy_ledger.model import (
    Ceasefire,
    Entry,
    Finding,
    FindingKind,
    Hostility,
    Place,
    normalise_name,
)
from diplomacy_ledger.time import Span, Truth, utc_micros

__all__ = ["ceasefire_violations"]

_FOREVER: Final = 2**63  # beyond any datetime, in microseconds


def ceasefire_violations(ledger: Ledger) -> Iterator[Finding]:
    """Fighting between the parties to a ceasefire, within its scope, while it was in force.

    The fighting counts when it is between the ceasefire's parties: by one party against another
    (or against someone not named), "between" two of them, or, with no attacker named, against
    one of them; and when it took place within the ceasefire's scope (its places or regions, if
    it names any). Reported when the fighting may have gone on after the ceasefire took effect
    (and before it ended, if it did): "possibly after the ceasefire began" is itself worth
    knowing. **definite** only when the fighting went on after the ceasefire's start for every
    placement of the times (and began before its end), and the ceasefire, the hostility and its
    attacker are all undisputed, the attacker vouched for by two independent accounts, and the
    fighting known to be within the scope; otherwise **possible**. Parties are matched through
    ``part_of``: the armed forces of a state are that state. Each party's hostilities go into an
    interval index (earliest start to latest end), so a ceasefire only meets the fighting that
    can overlap it; the readouts of one event that tell it alike are met once (an event told by
    a thousand outlets costs what one readout does): O(n log n + k log n) for k findings.
    """
    context = context_for(ledger)
    by_party: dict[str, list[Entry]] = defaultdict(list)
    for entry in _told_apart(context, context.of_type(Hostility)):
        record = entry.record
        assert isinstance(record, Hostility)
        fighters = record.between or (record.attacker or record.target,)
        for party in {p for actor in fighters if actor for p in context.lineage(actor)}:
            by_party[party].append(entry)
    indexes: dict[str, tuple[IntervalIndex, list[Entry]]] = {}
    # Each ceasefire and fight, as events: their readouts paired, with the fight's scope.
    pairs: dict[tuple[str, str], list[tuple[Entry, Entry, Truth]]] = defaultdict(list)
    for entry in _told_apart(context, context.of_type(Ceasefire)):
        if context.set_aside(entry):
            continue  # called off: never in force; or the plan of a truce that took effect
        for fight in _violations_of(context, entry, by_party, indexes):
            if not _between_parties(context, entry, fight):
                continue
            scope = _in_scope(context, entry, fight)
            if scope is Truth.NOT:
                continue
            key = (context.event_key(entry), context.event_key(fight))
            pairs[key].append((entry, fight, scope))
    for found in pairs.values():  # one finding per ceasefire and fight, as events
        yield _finding(context, found)


def _told_apart(context: CheckContext, entries: list[Entry]) -> list[Entry]:
    """The entries, one for each event and way of telling it that matters here.

    Readouts of one event that agree on who, when and where are one for finding violations;
    the finding still names every readout (and weighs every account).
    """
    seen: set[tuple[str, tuple[object, ...]]] = set()
    found = []
    linked = context.linked
    for entry in entries:
        if entry.id not in linked:  # told once: nothing to tell apart
            found.append(entry)
            continue
        record = entry.record
        if isinstance(record, Ceasefire):
            told: tuple[object, ...] = (
                record.parties,
                record.declared_by,
                record.effective,
                record.until,
                record.places,
                record.regions,
            )
        else:
            assert isinstance(record, Hostility)
            told = (record.span, record.attacker, record.target, record.between, record.places)
        key = (context.event_key(entry), told)
        if key not in seen:
            seen.add(key)
            found.append(entry)
    return found


def _index(fights: list[Entry]) -> IntervalIndex:
    """The fights' reach in time, from their earliest start to their latest end, by position."""
    reach = []
    for position, fight in enumerate(fights):
        span = fight.record.time
        assert isinstance(span, Span)
        reach.append((utc_micros(span.start.earliest), utc_micros(span.end_bounds[1]), position))
    return IntervalIndex(reach)


def _violations_of(
    context: CheckContext,
    ceasefire: Entry,
    by_party: dict[str, list[Entry]],
    indexes: dict[str, tuple[IntervalIndex, list[Entry]]],
) -> Iterator[Entry]:
    """Fighting by a party that may go on after the ceasefire took effect and before it ended.

    That is: ending after the ceasefire's earliest start and, if the ceasefire ends, starting
    before its latest end. Each party's index is built the first time a ceasefire asks for it.
    """
    record = ceasefire.record
    assert isinstance(record, Ceasefire)
    low = utc_micros(record.effective.earliest) + 1  # the fighting's latest end is after this
    high = _FOREVER if record.until is None else utc_micros(record.until.latest) - 1
    seen: set[str] = set()
    for party in sorted({context.root[p] for p in record.parties}):
        if party not in indexes:
            fights = by_party.get(party, [])
            indexes[party] = (_index(fights), fights)
        index, fights = indexes[party]
        for position in index.overlapping(low, high):
            fight = fights[position]
            if fight.id not in seen:
                seen.add(fight.id)
                yield fight


def _between_parties(context: CheckContext, ceasefire: Entry, fight: Entry) -> bool:
    """Whether the fighting is between the ceasefire's parties, as far as the record says.

    By a party against another party, or against someone not named; between two or more sides
    of which two belong to different parties; or, with no attacker named, against a party.
    Fighting by a party against someone else (a third country) is not what the ceasefire ended.
    A truce declared by some parties alone (``declared_by``) binds them only: fighting by another
    party, or with no attacker named against a declarer, did not break it.
    """
    record, hostility = ceasefire.record, fight.record
    assert isinstance(record, Ceasefire)
    assert isinstance(hostility, Hostility)
    parties = frozenset(context.root[p] for p in record.parties)
    bound = frozenset(context.root[p] for p in record.bound)

    def party_of(actor: str) -> frozenset[str]:
        return context.lineage(actor) & parties

    if hostility.between:
        fought = frozenset().union(*map(party_of, hostility.between))
        return len(fought) >= 2 and bool(fought & bound)
    if hostility.attacker is None:  # someone attacked a party: any bound party but itself
        return hostility.target is not None and bool(bound & parties - party_of(hostility.target))
    by = party_of(hostility.attacker)
    if not by & bound:
        return False
    return hostility.target is None or bool(party_of(hostility.target) - by)


def _in_scope(context: CheckContext, ceasefire: Entry, fight: Entry) -> Truth:
    """Whether the fighting took place where the ceasefire applies.

    Everywhere, when the ceasefire names no places or regions. Otherwise a place of the fighting
    is in scope when the ceasefire names it or its region; out of scope when it is not named and
    its region is recorded as another (or the ceasefire names places only); else unknown, as is
    fighting with no place recorded: open world, an unrecorded region is not another region.
    """
    record, hostility = ceasefire.record, fight.record
    assert isinstance(record, Ceasefire)
    assert isinstance(hostility, Hostility)
    if not record.local:
        return Truth.DEFINITELY
    if not hostility.places:
        return Truth.POSSIBLY
    named = {context.root[p] for p in record.places}
    regions = {normalise_name(region) for region in record.regions}
    answers = set()
    for place in hostility.places:
        current = context.current(place)  # a corrected place: its latest version
        region = current.record.region if current and isinstance(current.record, Place) else None
        if context.root[place] in named or (
            region is not None and normalise_name(region) in regions
        ):
            return Truth.DEFINITELY
        answers.add(Truth.NOT if region is not None or not regions else Truth.POSSIBLY)
    return Truth.POSSIBLY if Truth.POSSIBLY in answers else Truth.NOT


def _narrowest_scope(
    context: CheckContext, truces: tuple[Entry, ...], fights: tuple[Entry, ...]
) -> Entry | None:
    """A readout of the ceasefire, as held, whose scope the fighting is not known to be in.

    The fighting is where any of its readouts says; the ceasefire covers what each readout
    of it as held says, and where they differ, the fighting is known to be within its scope
    only if it is within each (one account of a truce for Kapan alone, another for everywhere:
    fighting at Jermuk broke it only by the second). None when it is within every one.
    """
    scopes = {
        (truce.record.places, truce.record.regions): truce
        for truce in truces
        if isinstance(truce.record, Ceasefire) and not context.set_aside(truce)
    }
    where = {fight.record.places: fight for fight in fights if isinstance(fight.record, Hostility)}
    for truce in scopes.values():
        answers = (_in_scope(context, truce, fight) for fight in where.values())
        if Truth.DEFINITELY not in answers:
            return truce
    return None


def _scope_text(context: CheckContext, entry: Entry) -> str:
    record = entry.record
    assert isinstance(record, Ceasefire)
    named = [context.words.name(p) for p in record.places] + [
        f"the {region} region" for region in record.regions
    ]
    return " and ".join(named) or "everywhere"


def _timing(ceasefire: Entry, fight: Entry) -> tuple[bool, bool]:
    """Whether the fighting surely went on after the ceasefire took effect; surely began before.

    Each for every placement of the times; "before" is before the ceasefire ended, if it did.
    """
    record, hostility = ceasefire.record, fight.record
    assert isinstance(record, Ceasefire)
    assert isinstance(hostility, Hostility)
    after = hostility.span.end_bounds[0] > record.effective.latest
    before_end = record.until is None or hostility.span.start.latest < record.until.earliest
    return after, before_end


def _timings(
    context: CheckContext, truces: tuple[Entry, ...], fights: tuple[Entry, ...]
) -> tuple[bool, bool, bool]:
    """Surely after the ceasefire took effect; surely before it ended; both: by each readout.

    By every readout of the ceasefire as held: where they tell its start or end differently
    (until 07:00; until 09:00), what holds by each holds. The fighting's time is what any of its
    readouts says.
    """
    told = {
        (truce.record.effective, truce.record.until): truce
        for truce in truces
        if isinstance(truce.record, Ceasefire) and not context.set_aside(truce)
    }
    spans = {fight.record.span: fight for fight in fights if isinstance(fight.record, Hostility)}
    if not told or not spans:
        return False, False, False
    per_truce = [[_timing(truce, fight) for fight in spans.values()] for truce in told.values()]
    return (
        all(any(a for a, _ in timings) for timings in per_truce),
        all(any(b for _, b in timings) for timings in per_truce),
        all(any(a and b for a, b in timings) for timings in per_truce),
    )


def _fighters(context: CheckContext, fights: tuple[Entry, ...]) -> str:
    """Who fought, as the event's readouts tell it: by an attacker, between sides, or unnamed."""
    words = context.words
    named = attackers_named(context, fights)
    if named:
        attacker, first = named[0]
        others = [(who, r) for who, r in named if not same_side(context, who, attacker)]
        if not others and isinstance(first.record, Hostility):
            return f"by {words.name(attacker)}"
        if not others:  # no record attributes it: the accusations do, and are named
            accusers = " and ".join(dict.fromkeys(words.describe(r) for _, r in named))
            return f"by {words.name(attacker)}, as {accusers} {'say' if len(named) > 1 else 'says'}"
        told = (f"{words.name(who)} as {words.describe(r)} tells it" for who, r in named)
        return "by " + " or ".join(dict.fromkeys(told))
    for fight in fights:
        hostility = fight.record
        assert isinstance(hostility, Hostility)
        if hostility.between:
            return "between " + " and ".join(words.name(s) for s in hostility.between)
    return "with no attacker named"


def _truce_text(context: CheckContext, record: Ceasefire) -> str:
    """The ceasefire in words: who it binds (all its parties, or those that declared it alone)."""
    names = [context.words.name(p) for p in record.parties]
    if not record.declared_by:
        return f"the ceasefire between {' and '.join(names)}"
    declarers = [context.words.name(p) for p in record.declared_by]
    others = [n for p, n in zip(record.parties, names, strict=True) if p not in record.declared_by]
    return (
        f"the ceasefire declared by {' and '.join(declarers)} alone (not by {' and '.join(others)})"
    )


def _in_force_text(record: Ceasefire) -> str:
    until = f" until {time_text(record.until)}" if record.until is not None else ""
    return f"in force from {time_text(record.effective)}{until}"


def _finding(context: CheckContext, pairs: list[tuple[Entry, Entry, Truth]]) -> Finding:
    """One finding for a ceasefire and a fight, each an event told by one or more readouts."""
    ceasefire, fight, _ = pairs[0]
    truces, fights = context.event(ceasefire), context.event(fight)
    # Told as the readout met (one told as held, where there is one: not a plan set aside,
    # whose time and parties bound may have changed).
    record, hostility = ceasefire.record, fights[0].record
    assert isinstance(record, Ceasefire)
    assert isinstance(hostility, Hostility)
    after, before_end, certain_timing = _timings(context, truces, fights)
    words = context.words
    doubts = [
        *(d for truce in truces for d in context.doubts(truce, what="the ceasefire")),
        *context.status_doubts(ceasefire),
        *hostility_doubts(context, fight),
        *context.status_doubts(fight),
        *(d for entry in (*truces, *fights) for d in context.policy_choices(entry)),
    ]
    if not after:
        doubts.insert(0, "the fighting may have ended before the ceasefire took effect")
    elif not before_end:
        doubts.insert(0, "the fighting may have begun only after the ceasefire ended")
    narrow = _narrowest_scope(context, truces, fights)
    if narrow is not None:
        doubts.append(
            f"the fighting is not known to have been within the ceasefire's scope "
            f"({_scope_text(context, narrow)}"
            + (f", as {context.words.describe(narrow)} tells it)" if len(truces) > 1 else ")")
        )
    doubts = list(dict.fromkeys(doubts))
    definite = certain_timing and not doubts
    if record.until is None:
        when = "went on after" if after else "may have gone on after"
        truce = f"{_truce_text(context, record)} took effect"
    else:
        when = "went on while" if certain_timing else "may have gone on while"
        truce = f"{_truce_text(context, record)} was in force"
    told = " and ".join(words.describe(f) for f in fights)
    agreed = " and ".join(words.describe(c) for c in truces)
    sources = dict.fromkeys(words.sources(e) for e in (*fights, *truces))
    explanation = (
        f"Fighting {_fighters(context, fights)} ({told}, {time_text(hostility.span)}) "
        f"{when} {truce} ({agreed}, {_in_force_text(record)}). Known from "
        + " and ".join(sources)
        + "."
    )
    if doubts:
        explanation += " At most possible: " + "; ".join(doubts) + "."
    return Finding(
        FindingKind.CEASEFIRE_VIOLATION,
        "definite" if definite else "possible",
        tuple(dict.fromkeys(e.id for e in (*truces, *fights))),
        explanation,
    )
