"""What may be appended to a ledger: the checks every new entry passes first.

Kept apart from the ledger, which holds the state they read: a duplicate id, a record time that
goes backwards, a correction of something already corrected or retracted, a reference to an
unknown, retracted or wrong-kind entry, a tenure for someone who is not a person, a name that
already names another actor or place.
"""

from __future__ import annotations

from typing import Final

from diplomacy_ledger._errors import (
    AliasConflictError,
    BadReferenceError,
    DuplicateIdError,
    RecordTimeError,
)
from diplomacy_ledger.ledger._state import LedgerState
from diplomacy_ledger.model import (
    KIND_NAMES,
    Actor,
    ActorKind,
    Agreement,
    Entry,
    Office,
    Place,
    Retraction,
    Source,
    Target,
    Tenure,
    normalise_name,
    reference_targets,
    references,
)

__all__ = ["check_append"]

_REF_TYPES: Final[dict[str, type]] = {
    "actor": Actor,
    "place": Place,
    "office": Office,
    "source": Source,
    "agreement": Agreement,
}


def check_append(state: LedgerState, entry: Entry) -> list[Target]:
    """Raise unless ``entry`` may be appended; return what it points at, for the state to file."""
    where = f"entry {entry.id!r}"
    if entry.id in state.position:
        raise DuplicateIdError(f"the ledger already holds an entry {entry.id!r}", where=where)
    if state.times and entry.recorded_at < state.times[-1]:
        raise RecordTimeError(
            f"recorded_at {entry.recorded_at.isoformat()} is before the last record time "
            f"{state.times[-1].isoformat()}; record times never go backwards",
            where=where,
        )
    record = entry.record
    if entry.supersedes is not None:
        _check_supersedes(state, entry, where)
    targets = reference_targets(record)
    for kind, target, _ in targets:
        problem = _reference_problem(state, kind, target)
        if problem is not None:  # only now work out which field said it
            path = next(
                ref.path for ref in references(record) if (ref.kind, ref.id) == (kind, target)
            )
            raise BadReferenceError(problem, id=target, where=f"{where}: {path}")
    if isinstance(record, Retraction):
        if state.retracted(record.entry):
            raise BadReferenceError(
                f"{record.entry!r} is already retracted", id=record.entry, where=f"{where}: entry"
            )
        if isinstance(state.entries[state.position[record.entry]].record, Retraction):
            raise BadReferenceError(
                "a retraction cannot be retracted", id=record.entry, where=where
            )
    if isinstance(record, Tenure):
        person = state.head_record(record.person)
        if not (isinstance(person, Actor) and person.kind is ActorKind.PERSON):
            raise BadReferenceError(
                f"{record.person!r} is not a person", id=record.person, where=f"{where}: person"
            )
    if isinstance(record, Actor | Place):
        _check_names(state, record, entry, where)
    return targets


def _check_supersedes(state: LedgerState, entry: Entry, where: str) -> None:
    old = entry.supersedes
    assert old is not None
    if old not in state.position:
        raise BadReferenceError(f"supersedes unknown entry {old!r}", id=old, where=where)
    if old in state.next:
        raise BadReferenceError(
            f"{old!r} was already corrected by {state.next[old]!r}; correct the latest version",
            id=old,
            where=where,
        )
    if state.retracted(old):
        raise BadReferenceError(f"{old!r} was retracted", id=old, where=where)
    previous = state.entries[state.position[old]].record
    if type(previous) is not type(entry.record) or isinstance(previous, Retraction):
        raise BadReferenceError(
            f"{_a(KIND_NAMES[type(entry.record)])} cannot correct "
            f"{_a(KIND_NAMES[type(previous)])} ({old!r})",
            id=old,
            where=where,
        )


def _reference_problem(state: LedgerState, kind: str, target: str) -> str | None:
    """Why a record may not point at ``target`` as a ``kind``; None if it may."""
    if target not in state.position:
        return f"unknown {kind} {target!r}"
    if state.retracted(target):
        return f"{kind} {target!r} was retracted"
    pointed = state.head_record(target)
    expected = _REF_TYPES.get(kind)
    if expected is not None and not isinstance(pointed, expected):
        return f"{target!r} is {_a(KIND_NAMES[type(pointed)])}, not {_a(kind)}"
    return None


def _check_names(state: LedgerState, record: Actor | Place, entry: Entry, where: str) -> None:
    """One name never names two actors (or two places): aliases included, once normalised."""
    names = state.names[type(record)]
    own_root = state.origin(entry.supersedes) if entry.supersedes else entry.id
    for name in (record.name, *record.aliases):
        owner = names.get(normalise_name(name))
        if owner is not None and owner != own_root:
            raise AliasConflictError(
                f"the name {name!r} already names {owner!r}; one name never names two "
                f"{KIND_NAMES[type(record)]}s",
                where=where,
            )


def _a(noun: str) -> str:
    """The noun with its indefinite article: "an actor", "a place"."""
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun.replace('_', ' ')}"
