"""The ledger's state: its entries and what they say about each other, kept consistent.

One object owns the entries in record order and the maps derived from them (positions,
correction chains, retractions, the names of actors and places, the entries under each key, and
which entries are no longer current). Adding an entry updates them all and logs how to undo
each step, so a batch that fails half-way is rolled back exactly. The rules an entry must pass
before it is added live apart, in :mod:`diplomacy_ledger.ledger._append_rules`: they only read.
"""

from __future__ import annotations

import functools
from array import array
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime

from diplomacy_ledger.model import (
    KIND_NAMES,
    Actor,
    Entry,
    Place,
    Record,
    Retraction,
    Target,
    normalise_name,
    reference_targets,
)

__all__ = ["LedgerState", "Undo"]

Undo = list[Callable[[], object]]
"""Steps that put the state back as it was, to run in reverse order."""


def _positions() -> array[int]:
    return array("I")  # 4 bytes a position (a list would take 8 per item)


class LedgerState:
    """The entries of a ledger and the maps derived from them.

    Invariants: ``entries[position[id]].id == id`` for every id; ``times`` is ``entries``' record
    times, never decreasing; an id in ``root`` is a correction whose chain begins at its root,
    and ``next`` leads from each version to the one that corrected it, ``latest`` from the root
    of each corrected chain to its latest version; ``retraction`` maps the
    root of a retracted chain to the retraction; ``stale[p]`` is true exactly for retractions
    and for entries that are not the latest version of a live chain; ``names[kind]`` maps each
    normalised name of a current actor or place to its root; ``by[key]`` lists the positions of
    the entries filed under ``key``, in record order.
    """

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.times: list[datetime] = []
        self.position: dict[str, int] = {}
        self.root: dict[str, str] = {}  # only for corrections: an entry is its own root
        self.next: dict[str, str] = {}
        self.latest: dict[str, str] = {}  # only for corrected chains: root → latest version
        self.retraction: dict[str, str] = {}
        self.names: dict[type[Actor | Place], dict[str, str]] = {Actor: {}, Place: {}}
        self.by: defaultdict[tuple[str, str], array[int]] = defaultdict(_positions)
        self.stale = bytearray()

    # -- reading --------------------------------------------------------------------------------

    def origin(self, id: str) -> str:
        """The first version of the chain ``id`` belongs to (``id`` must be known)."""
        return self.root.get(id, id)

    def head(self, id: str) -> str:
        """The latest version of the chain ``id`` belongs to (retracted or not), in O(1)."""
        root = self.root.get(id, id)
        return self.latest.get(root, root)

    def head_record(self, id: str) -> Record:
        """The record of the latest version of the chain ``id`` belongs to."""
        return self.entries[self.position[self.head(id)]].record

    def retracted(self, id: str) -> bool:
        """Whether the chain ``id`` belongs to was retracted."""
        return self.root.get(id, id) in self.retraction

    def chain(self, id: str) -> list[Entry]:
        """Every version of the chain ``id`` belongs to, oldest first."""
        versions = [self.entries[self.position[self.root.get(id, id)]]]
        while versions[-1].id in self.next:
            versions.append(self.entries[self.position[self.next[versions[-1].id]]])
        return versions

    # -- adding ---------------------------------------------------------------------------------

    def add(self, entry: Entry, undo: Undo, targets: list[Target] | None = None) -> None:
        """Add an entry the append rules accepted; log in ``undo`` how to take it back.

        ``targets`` are the entry's references, when the rules already worked them out.
        """
        position = len(self.entries)
        record = entry.record
        self.entries.append(entry)
        self.times.append(entry.recorded_at)
        self.position[entry.id] = position
        self.stale.append(isinstance(record, Retraction))
        undo.append(self._pop)
        root = entry.id
        if entry.supersedes is not None:
            root = self.origin(entry.supersedes)
            _set(self.next, entry.supersedes, entry.id, undo)
            _set(self.latest, root, entry.id, undo)
            self._mark_stale(self.position[entry.supersedes], undo)
        if root != entry.id:
            _set(self.root, entry.id, root, undo)
        if isinstance(record, Retraction):
            retracted = self.origin(record.entry)
            _set(self.retraction, retracted, entry.id, undo)
            self._mark_stale(self.position[self.head(retracted)], undo)
        if isinstance(record, Actor | Place):
            self._rename(entry, record, root, undo)
        keys = [("kind", KIND_NAMES[type(record)])]
        origin = self.origin
        for kind, target, in_provenance in (
            reference_targets(record) if targets is None else targets
        ):
            if in_provenance:
                keys.append(("source", origin(target)))
            elif kind in {"entry", "source", "agreement"}:
                keys.append(("mentions", origin(target)))
            else:
                keys.append((kind, origin(target)))
        for key in dict.fromkeys(keys):
            bucket = self.by[key]
            bucket.append(position)
            undo.append(bucket.pop)

    def _mark_stale(self, position: int, undo: Undo) -> None:
        if not self.stale[position]:
            self.stale[position] = True
            undo.append(functools.partial(self.stale.__setitem__, position, False))

    def _pop(self) -> None:
        entry = self.entries.pop()
        self.stale.pop()
        self.times.pop()
        del self.position[entry.id]

    def _rename(self, entry: Entry, record: Actor | Place, root: str, undo: Undo) -> None:
        names = self.names[type(record)]
        if entry.supersedes is not None:
            previous = self.entries[self.position[entry.supersedes]].record
            assert isinstance(previous, Actor | Place)
            for name in (previous.name, *previous.aliases):
                key = normalise_name(name)
                if names.get(key) == root:
                    del names[key]
                    undo.append(functools.partial(names.__setitem__, key, root))
        for name in (record.name, *record.aliases):
            _set(names, normalise_name(name), root, undo)


def _set(mapping: dict[str, str], key: str, value: str, undo: Undo) -> None:
    """``mapping[key] = value``, with the step that undoes it logged."""
    if key in mapping:
        undo.append(functools.partial(mapping.__setitem__, key, mapping[key]))
    else:
        undo.append(functools.partial(mapping.pop, key))
    mapping[key] = value
