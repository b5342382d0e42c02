"""What may be appended to a ledger: the checks every new entry passes first.

Kept apart from the ledger, which holds the state they read: a duplicate id, a record time that
goes backwards, a correction of something already corrected or retracted, a reference to an
unknown, retracted or wrong-kind entry, a tenure for someone who is not a person, a name that
already names another actor or place.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from diplomacy_ledger._errors import (
    AliasConflictError,
    BadReferenceError,
    DuplicateIdError,
    LedgerError,
    RecordTimeError,
)
from diplomacy_ledger.model import (
    KIND_NAMES,
    Actor,
    ActorKind,
    Entry,
    Office,
    Place,
    Record,
    Retraction,
    Source,
    Target,
    Tenure,
    normalise_name,
    reference_targets,
    references,
)

__all__ = ["_AppendRules"]

_REF_TYPES: Final[dict[str, type]] = {
    "actor": Actor,
    "place": Place,
    "office": Office,
    "source": Source,
}


class _AppendRules:
    """The checks of :class:`~diplomacy_ledger.Ledger` appends, over the ledger's own state."""

    _entries: list[Entry]
    _times: list[datetime]
    _position: dict[str, int]
    _root: dict[str, str]
    _next: dict[str, str]
    _retraction: dict[str, str]
    _actor_names: dict[str, str]
    _place_names: dict[str, str]

    def _head_record(self, id: str) -> Record:
        head = self._root.get(id, id)
        while head in self._next:
            head = self._next[head]
        return self._entries[self._position[head]].record

    def _check(self, entry: Entry) -> list[Target]:
        """Raise unless ``entry`` may be appended; return what it points at, for :meth:`_apply`."""
        where = f"entry {entry.id!r}"
        if entry.id in self._position:
            raise DuplicateIdError(f"the ledger already holds an entry {entry.id!r}", where=where)
        if self._times and entry.recorded_at < self._times[-1]:
            raise RecordTimeError(
                f"recorded_at {entry.recorded_at.isoformat()} is before the last record time "
                f"{self._times[-1].isoformat()}; record times never go backwards",
                where=where,
            )
        record = entry.record
        if entry.supersedes is not None:
            self._check_supersedes(entry, where)
        targets = reference_targets(record)
        for kind, target, _ in targets:
            problem = self._reference_problem(kind, target)
            if problem is not None:  # only now work out which field said it
                path = next(
                    ref.path for ref in references(record) if (ref.kind, ref.id) == (kind, target)
                )
                raise BadReferenceError(problem, id=target, where=f"{where}: {path}")
        if (
            isinstance(record, Retraction)
            and self._root.get(record.entry, record.entry) in self._retraction
        ):
            raise BadReferenceError(
                f"{record.entry!r} is already retracted", id=record.entry, where=f"{where}: entry"
            )
        if isinstance(record, Retraction) and isinstance(
            self._entries[self._position[record.entry]].record, Retraction
        ):
            raise BadReferenceError(
                "a retraction cannot be retracted", id=record.entry, where=where
            )
        if isinstance(record, Tenure):
            person = self._head_record(record.person)
            if not (isinstance(person, Actor) and person.kind is ActorKind.PERSON):
                raise BadReferenceError(
                    f"{record.person!r} is not a person", id=record.person, where=f"{where}: person"
                )
        if isinstance(record, Actor):
            self._check_names(record, self._actor_names, entry, where, AliasConflictError)
        if isinstance(record, Place):
            self._check_names(record, self._place_names, entry, where, AliasConflictError)
        return targets

    def _check_supersedes(self, entry: Entry, where: str) -> None:
        old = entry.supersedes
        assert old is not None
        if old not in self._position:
            raise BadReferenceError(f"supersedes unknown entry {old!r}", id=old, where=where)
        if old in self._next:
            raise BadReferenceError(
                f"{old!r} was already corrected by {self._next[old]!r}; correct the latest version",
                id=old,
                where=where,
            )
        if self._root.get(old, old) in self._retraction:
            raise BadReferenceError(f"{old!r} was retracted", id=old, where=where)
        previous = self._entries[self._position[old]].record
        if type(previous) is not type(entry.record) or isinstance(previous, Retraction):
            raise BadReferenceError(
                f"{_a(KIND_NAMES[type(entry.record)])} cannot correct "
                f"{_a(KIND_NAMES[type(previous)])} ({old!r})",
                id=old,
                where=where,
            )

    def _reference_problem(self, kind: str, target: str) -> str | None:
        """Why a record may not point at ``target`` as a ``kind``; None if it may."""
        at = self._position.get(target)
        if at is None:
            return f"unknown {kind} {target!r}"
        if target in self._root or target in self._next:  # part of a correction chain
            if self._root.get(target, target) in self._retraction:
                return f"{kind} {target!r} was retracted"
            pointed = self._head_record(target)
        else:
            if target in self._retraction:
                return f"{kind} {target!r} was retracted"
            pointed = self._entries[at].record
        expected = _REF_TYPES.get(kind)
        if expected is not None and not isinstance(pointed, expected):
            return f"{target!r} is {_a(KIND_NAMES[type(pointed)])}, not {_a(kind)}"
        return None

    def _check_names(
        self,
        record: Actor | Place,
        names: dict[str, str],
        entry: Entry,
        where: str,
        error: type[LedgerError],
    ) -> None:
        own_root = (
            self._root.get(entry.supersedes, entry.supersedes) if entry.supersedes else entry.id
        )
        keys = [normalise_name(name) for name in (record.name, *record.aliases)]
        for name, key in zip((record.name, *record.aliases), keys, strict=True):
            owner = names.get(key)
            if owner is not None and owner != own_root:
                raise error(
                    f"the name {name!r} already names {owner!r}; one name never names two "
                    f"{KIND_NAMES[type(record)]}s",
                    where=where,
                )


def _a(noun: str) -> str:
    """The noun with its indefinite article: "an actor", "a place"."""
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun.replace('_', ' ')}"
