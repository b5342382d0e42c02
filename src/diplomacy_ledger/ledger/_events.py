"""Events: the records that :class:`SameEvent` links tell of one event.

Each side's readout of one call is a record of its own; links say they are one call. The
connected parts of the links (a links b, b links c: one event) are the ledger's events, and every
check, count and export that speaks of events asks this module, so a summit told by three
readouts is one summit everywhere.
"""

from __future__ import annotations

from collections import defaultdict

from diplomacy_ledger.ledger._ledger import Ledger
from diplomacy_ledger.model import Entry, Retraction, SameEvent

__all__ = ["event_groups"]


def event_groups(ledger: Ledger) -> dict[str, tuple[Entry, ...]]:
    """The first-version id of each current record in a SameEvent group → the group's records.

    A group holds the current versions of its members, in the order recorded; retracted members
    are left out, and records in no group are not keys. Union-find over the links: O(n α(n)).
    """
    parent: dict[str, str] = {}

    def find(id: str) -> str:
        while parent.get(id, id) != id:
            parent[id] = parent.get(parent[id], parent[id])  # halve the path
            id = parent[id]
        return id

    for entry in ledger.by_kind(SameEvent):
        assert isinstance(entry.record, SameEvent)
        linked = [ledger.origin(id) for id in entry.record.entries]
        for id in linked:
            parent.setdefault(id, id)
        for other in linked[1:]:
            a, b = find(linked[0]), find(other)
            if a != b:
                parent[b] = a
    groups: dict[str, list[Entry]] = defaultdict(list)
    for root in parent:
        found = ledger.current(root)
        if found is not None and not isinstance(found.record, Retraction):
            groups[find(root)].append(found)
    events: dict[str, tuple[Entry, ...]] = {}
    for group in groups.values():
        ordered = tuple(sorted(group, key=lambda entry: ledger.index(entry.id)))
        for record in ordered:
            events[ledger.origin(record.id)] = ordered
    return events
