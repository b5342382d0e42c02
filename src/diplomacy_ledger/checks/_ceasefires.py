"""The ceasefire-violation check: fighting between parties, within its scope, after a ceasefire."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Final

from diplomacy_ledger.checks._context import CheckContext, context_for
from diplomacy_ledger.checks._corroboration import hostility_doubts
from diplomacy_ledger.checks._wording import time_text
from diplomacy_ledger.ledger import IntervalIndex, Ledger
from diplomacy_ledger.model import (
    Ceasefire,
    Entry,
    Finding,
    FindingKind,
    Hostility,
    Place,
    Status,
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
    can overlap it: O(n log n + k log n) for k findings.
    """
    context = context_for(ledger)
    by_party: dict[str, list[Entry]] = defaultdict(list)
    for entry in context.of_type(Hostility):
        record = entry.record
        assert isinstance(record, Hostility)
        fighters = record.between or (record.attacker or record.target,)
        for party in {p for actor in fighters if actor for p in context.lineage(actor)}:
            by_party[party].append(entry)
    indexes: dict[str, tuple[IntervalIndex, list[Entry]]] = {}
    # Each ceasefire and fight, as events: their readouts paired, with the fight's scope.
    pairs: dict[tuple[str, str], list[tuple[Entry, Entry, Truth]]] = defaultdict(list)
    for entry in context.of_type(Ceasefire):
        if context.status(entry) is Status.CANCELLED:
            continue  # never in force
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
    """
    record, hostility = ceasefire.record, fight.record
    assert isinstance(record, Ceasefire)
    assert isinstance(hostility, Hostility)
    parties = frozenset(context.root[p] for p in record.parties)

    def party_of(actor: str) -> frozenset[str]:
        return context.lineage(actor) & parties

    if hostility.between:
        return len(frozenset().union(*map(party_of, hostility.between))) >= 2
    if hostility.attacker is None:
        return hostility.target is not None and bool(party_of(hostility.target))
    by = party_of(hostility.attacker)
    if not by:
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


def _scope_text(context: CheckContext, record: Ceasefire) -> str:
    named = [context.words.name(p) for p in record.places] + [
        f"the {region} region" for region in record.regions
    ]
    return " and ".join(named)


def _after(ceasefire: Entry, fight: Entry) -> bool:
    """Whether the fighting went on after the ceasefire took effect, for every placement."""
    record, hostility = ceasefire.record, fight.record
    assert isinstance(record, Ceasefire)
    assert isinstance(hostility, Hostility)
    return hostility.span.end_bounds[0] > record.effective.latest and (
        record.until is None or hostility.span.start.latest < record.until.earliest
    )


def _finding(context: CheckContext, pairs: list[tuple[Entry, Entry, Truth]]) -> Finding:
    """One finding for a ceasefire and a fight, each an event told by one or more readouts."""
    ceasefire, fight, _ = pairs[0]
    record, hostility = ceasefire.record, fight.record
    assert isinstance(record, Ceasefire)
    assert isinstance(hostility, Hostility)
    after_for_every_placement = any(_after(c, f) for c, f, _ in pairs)
    truces, fights = context.event(ceasefire), context.event(fight)
    doubts = [
        *(
            f"{context.words.describe(d)} denies the ceasefire"
            for truce in truces
            for d in context.disputed(truce)
        ),
        *hostility_doubts(context, fight),
        *(d for entry in (*truces, *fights) for d in context.policy_choices(entry)),
        *(
            f"{context.words.describe(truce)} was only planned, not known to have taken effect"
            for truce in truces
            if context.status(truce) is Status.PLANNED
        ),
    ]
    if all(scope is not Truth.DEFINITELY for _, _, scope in pairs):
        doubts.append(
            f"the fighting is not known to have been within the ceasefire's scope "
            f"({_scope_text(context, record)})"
        )
    definite = after_for_every_placement and not doubts
    if hostility.between:
        by = "between " + " and ".join(context.words.name(s) for s in hostility.between)
    elif hostility.attacker:
        by = "by " + context.words.name(hostility.attacker)
    else:
        by = "by unattributed fighters"
    parties = " and ".join(context.words.name(p) for p in record.parties)
    when = "went on after" if after_for_every_placement else "may have gone on after"
    told = " and ".join(context.words.describe(f) for f in fights)
    agreed = " and ".join(context.words.describe(c) for c in truces)
    explanation = (
        f"Fighting {by} ({told}, {time_text(hostility.span)}) "
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
