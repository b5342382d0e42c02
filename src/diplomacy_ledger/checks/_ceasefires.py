"""The ceasefire-violation check: fighting by or between parties after a ceasefire took effect."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Final

from diplomacy_ledger.checks._context import CheckContext, context_for
from diplomacy_ledger.checks._corroboration import hostility_doubts
from diplomacy_ledger.checks._wording import time_text
from diplomacy_ledger.ledger import IntervalIndex, Ledger
from diplomacy_ledger.model import Ceasefire, Entry, Finding, FindingKind, Hostility, Status
from diplomacy_ledger.time import Span, utc_micros

__all__ = ["ceasefire_violations"]

_FOREVER: Final = 2**63  # beyond any datetime, in microseconds


def ceasefire_violations(ledger: Ledger) -> Iterator[Finding]:
    """Hostilities by a party to a ceasefire (or, unattributed, against one) while it was in force.

    Reported when the fighting may have gone on after the ceasefire took effect (and before it
    ended, if it did): "possibly after the ceasefire began" is itself worth knowing. **definite**
    only when the fighting went on after the ceasefire's start for every placement of the times
    (and began before its end), and the ceasefire, the hostility and its attacker are all
    undisputed, the attacker vouched for by two different actors; otherwise **possible**: a
    single-sourced attribution is not established. Parties are matched through ``part_of``: the
    armed forces of a state are that state. Each party's hostilities go into an interval index
    (earliest start to latest end), so a ceasefire only meets the fighting that can overlap it:
    O(n log n + k log n) for k findings.
    """
    context = context_for(ledger)
    by_party: dict[str, list[Entry]] = defaultdict(list)
    for entry in context.of_type(Hostility):
        record = entry.record
        assert isinstance(record, Hostility)
        actor = record.attacker or record.target
        if actor is None:
            continue
        for party in context.lineage(actor):
            by_party[party].append(entry)
    indexes: dict[str, tuple[IntervalIndex, list[Entry]]] = {}
    pairs: dict[tuple[str, str], list[tuple[Entry, Entry]]] = defaultdict(list)
    for entry in context.of_type(Ceasefire):
        if context.status(entry) is Status.CANCELLED:
            continue  # never in force
        for fight in _violations_of(context, entry, by_party, indexes):
            pairs[(context.event_key(entry), context.event_key(fight))].append((entry, fight))
    for found in pairs.values():  # one finding per ceasefire and fight, as events
        yield _finding(context, found)


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


def _after(ceasefire: Entry, fight: Entry) -> bool:
    """Whether the fighting went on after the ceasefire took effect, for every placement."""
    record, hostility = ceasefire.record, fight.record
    assert isinstance(record, Ceasefire)
    assert isinstance(hostility, Hostility)
    return hostility.span.end_bounds[0] > record.effective.latest and (
        record.until is None or hostility.span.start.latest < record.until.earliest
    )


def _finding(context: CheckContext, pairs: list[tuple[Entry, Entry]]) -> Finding:
    """One finding for a ceasefire and a fight, each an event told by one or more readouts."""
    ceasefire, fight = pairs[0]
    record, hostility = ceasefire.record, fight.record
    assert isinstance(record, Ceasefire)
    assert isinstance(hostility, Hostility)
    after_for_every_placement = any(_after(c, f) for c, f in pairs)
    truces, fights = context.event(ceasefire), context.event(fight)
    doubts = [
        *(
            f"{context.words.describe(d)} denies the ceasefire"
            for truce in truces
            for d in context.disputed(truce)
        ),
        *hostility_doubts(context, fight),
        *(
            f"{context.words.describe(truce)} was only planned, not known to have taken effect"
            for truce in truces
            if context.status(truce) is Status.PLANNED
        ),
    ]
    definite = after_for_every_placement and not doubts
    by = context.words.name(hostility.attacker) if hostility.attacker else "unattributed fighters"
    parties = " and ".join(context.words.name(p) for p in record.parties)
    when = "went on after" if after_for_every_placement else "may have gone on after"
    told = " and ".join(context.words.describe(f) for f in fights)
    agreed = " and ".join(context.words.describe(c) for c in truces)
    explanation = (
        f"Fighting by {by} ({told}, {time_text(hostility.span)}) "
        f"{when} the ceasefire between {parties} took effect ({agreed}, "
        f"{time_text(record.effective)}). Known from "
        + " and ".join(context.words.sources(e) for e in (*fights, *truces))
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
