"""The ceasefire-violation check: fighting by or between parties after a ceasefire took effect."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime

from diplomacy_ledger._check_context import CheckContext, context_for, time_text
from diplomacy_ledger._entry import Entry
from diplomacy_ledger._findings import Finding
from diplomacy_ledger._ledger import Ledger
from diplomacy_ledger._records import Ceasefire, Hostility

__all__ = ["ceasefire_violations"]


def ceasefire_violations(ledger: Ledger) -> Iterator[Finding]:
    """Hostilities by a party to a ceasefire (or, unattributed, against one) while it was in force.

    Reported when the fighting may have gone on after the ceasefire took effect (and before it
    ended, if it did): "possibly after the ceasefire began" is itself worth knowing. **definite**
    only when the fighting went on after the ceasefire's start for every placement of the times
    (and began before its end), and the ceasefire, the hostility and its attacker are all
    undisputed, the attacker vouched for by two different actors; otherwise **possible**: a
    single-sourced attribution is not established. Parties are matched through ``part_of``: the
    armed forces of a state are that state. Each party's hostilities are sorted by their latest
    end, so a ceasefire only looks at those that can reach past its start: O(n log n).
    """
    context = context_for(ledger)
    by_party: dict[str, list[tuple[datetime, Entry]]] = defaultdict(list)
    for entry in context.entries:
        record = entry.record
        if isinstance(record, Hostility):
            actor = record.attacker or record.target
            if actor is None:
                continue
            for party in context.lineage(actor):
                by_party[party].append((record.span.end_bounds[1], entry))
    for fights in by_party.values():
        fights.sort(key=lambda fight: (fight[0], fight[1].id))
    for entry in context.entries:
        if isinstance(entry.record, Ceasefire):
            yield from _violations_of(context, entry, by_party)


def _violations_of(
    context: CheckContext, ceasefire: Entry, by_party: dict[str, list[tuple[datetime, Entry]]]
) -> Iterator[Finding]:
    record = ceasefire.record
    assert isinstance(record, Ceasefire)
    start, until = record.effective, record.until
    seen: set[str] = set()
    for party in sorted({context.root[p] for p in record.parties}):
        fights = by_party.get(party, [])
        first = bisect.bisect_right(fights, start.earliest, key=lambda fight: fight[0])
        for _, fight in fights[first:]:
            hostility = fight.record
            assert isinstance(hostility, Hostility)
            if fight.id in seen or (
                until is not None and hostility.span.start.earliest >= until.latest
            ):
                continue
            seen.add(fight.id)
            yield _finding(context, ceasefire, fight)


def _finding(context: CheckContext, ceasefire: Entry, fight: Entry) -> Finding:
    record, hostility = ceasefire.record, fight.record
    assert isinstance(record, Ceasefire)
    assert isinstance(hostility, Hostility)
    after_for_every_placement = hostility.span.end_bounds[0] > record.effective.latest and (
        record.until is None or hostility.span.start.latest < record.until.earliest
    )
    doubts = [
        *(f"{context.describe(d)} denies the ceasefire" for d in context.disputed(ceasefire)),
        *context.attribution_doubts(fight),
    ]
    definite = after_for_every_placement and not doubts
    by = context.name(hostility.attacker) if hostility.attacker else "unattributed fighters"
    parties = " and ".join(context.name(p) for p in record.parties)
    when = "went on after" if after_for_every_placement else "may have gone on after"
    explanation = (
        f"Fighting by {by} ({context.describe(fight)}, {time_text(hostility.span)}) {when} the "
        f"ceasefire between {parties} took effect ({context.describe(ceasefire)}, "
        f"{time_text(record.effective)}). Known from {context.sources(fight)} and "
        f"{context.sources(ceasefire)}."
    )
    if doubts:
        explanation += " At most possible: " + "; ".join(doubts) + "."
    return Finding(
        "ceasefire_violation",
        "definite" if definite else "possible",
        (ceasefire.id, fight.id),
        explanation,
    )
