"""Events: the records that :class:`SameEvent` links tell of one event.

Each side's readout of one call is a record of its own; links say they are one call. The
connected parts of the links (a links b, b links c: one event) are the ledger's events, and every
check, count and export that speaks of events asks this module, so a summit told by three
readouts is one summit everywhere.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from itertools import accumulate

from diplomacy_ledger.ledger._ledger import Ledger
from diplomacy_ledger.model import Entry, Retraction, SameEvent, Status, status_of
from diplomacy_ledger.time import Span, start_of

__all__ = ["called_off", "event_groups"]


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


def _extent(entry: Entry) -> tuple[datetime, datetime] | None:
    """The earliest and latest instant the record's time may touch; None if it gives none.

    An open end is unknown, not infinitely late: an open span reaches as far as its start.
    """
    moment = entry.record.time
    if moment is None:
        return None
    if isinstance(moment, Span) and moment.end is not None:
        return moment.start.earliest, moment.end.latest
    start = start_of(moment)
    return start.earliest, start.latest


def called_off(readouts: Sequence[Entry]) -> list[Entry]:
    """The readouts that tell their event as called off when it may have been held instead.

    A cancellation is of the event at the time it gives: the signing planned for 28 February and
    called off, then held on 30 April, was put off, not called off and held at once. So a readout
    telling the event as called off disputes those telling it as held only when the times they
    give for it could overlap (or either gives none; an open end reaches only as far as its
    start); with no readout telling it as held, every cancellation counts. In the order given.
    O(k log k) for k readouts: the held times sorted by start, with the latest end among those
    that begin by each.
    """
    off = [entry for entry in readouts if status_of(entry.record) is Status.CANCELLED]
    held = [entry for entry in readouts if status_of(entry.record) is Status.OCCURRED]
    if not off or not held:
        return off
    starts = [_extent(entry) for entry in held]
    if any(start is None for start in starts):
        return off
    bounds = sorted(start for start in starts if start is not None)
    lows = [low for low, _ in bounds]
    reach = list(accumulate((high for _, high in bounds), max))
    found = []
    for entry in off:
        start = _extent(entry)
        if start is None:
            found.append(entry)
            continue
        low, high = start
        count = bisect_right(lows, high)  # the held times that begin by this one's end
        if count and reach[count - 1] >= low:
            found.append(entry)
    return found
