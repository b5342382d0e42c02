"""What every check needs to know about a ledger, computed once per run.

The context is built in one pass over the current entries, which it files by record type, so a
check visits only the kinds it is about. Everything else (first versions of entries, current
versions, names, sources in words, actors' lineage) is looked up on demand and remembered, so
the checks of one run pay for each answer once and a check that does not need one never does.
"""

from __future__ import annotations

import functools
import weakref
from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Final, TypeVar

from diplomacy_ledger._errors import UnknownEntryError
from diplomacy_ledger._gc import gc_paused
from diplomacy_ledger.checks._wording import Wording
from diplomacy_ledger.ledger import Ledger, called_off, event_groups
from diplomacy_ledger.model import (
    Actor,
    ActorKind,
    Agreement,
    Call,
    Ceasefire,
    Claim,
    Entry,
    Hostility,
    Mediation,
    Meeting,
    Record,
    Report,
    Retraction,
    Stance,
    Status,
    status_of,
    whens_in,
)
from diplomacy_ledger.time import When, local_candidates, local_status

__all__ = ["CheckContext", "context_for"]

R = TypeVar("R", bound=Record)

_READOUTS: Final = frozenset({Call, Meeting, Mediation, Ceasefire, Hostility, Agreement})
"""The kinds whose records are readouts of an event, told by whoever their chain rests on."""


class _Roots(dict[str, str]):
    """Entry id → id of the first version of its correction chain, filled in as ids are asked.

    Unknown ids raise :class:`KeyError`, as a plain dict would.
    """

    def __init__(self, ledger: Ledger) -> None:
        super().__init__()
        self._ledger = ledger

    def __missing__(self, id: str) -> str:
        try:
            root = self._ledger.origin(id)
        except UnknownEntryError:
            raise KeyError(id) from None
        self[id] = root
        return root


class CheckContext:
    """A ledger's current entries, who disputes what, and (in :attr:`words`) how to say it."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.entries: list[Entry] = list(ledger.entries())
        self.root: dict[str, str] = _Roots(ledger)
        self._by_type: dict[type, list[Entry]] = defaultdict(list)
        self.denials: dict[str, list[Entry]] = defaultdict(list)
        self.about: dict[str, list[Entry]] = defaultdict(list)
        root, by_type, about = self.root, self._by_type, self.about
        said: dict[tuple[str, str], int] = {}  # (record, actor) → where it last said it
        denying: list[tuple[int, str, str, Entry]] = []
        for position, entry in enumerate(self.entries):
            record = entry.record
            kind = type(record)
            by_type[kind].append(entry)
            if kind is Claim:
                assert isinstance(record, Claim)
                if record.about is not None:
                    target = root[record.about]
                    about[target].append(entry)
                    claimant = root[record.claimant]
                    if record.stance is Stance.DENIES:
                        denying.append((position, target, claimant, entry))
                    else:
                        said[(target, claimant)] = position
            elif kind is Report:
                assert isinstance(record, Report)
                target = root[record.about]
                about[target].append(entry)
                said[(target, root[record.reporter])] = position
            elif kind in _READOUTS:  # a readout of an event as held says it took place
                via = record.provenance.via  # type: ignore[union-attr]
                if via and status_of(record) is Status.OCCURRED:
                    said[(root[entry.id], root[via[-1]])] = position
        self.withdrawn: dict[str, Entry] = {}  # denial id → where its claimant said it since
        if denying:
            self._keep_standing(said, denying)
        self._lineage: dict[str, frozenset[str]] = {}
        self._current: dict[str, Entry | None] = {}
        self._choices: dict[tuple[datetime, str, datetime, datetime], str] = {}
        self.memo: dict[str, object] = {}  # what several checks derive alike, by name
        self.words = Wording(ledger, self.current)
        self._disputed: dict[str, list[Entry]] = {}
        self._sides: dict[str, frozenset[str]] = {}
        self._outermost: dict[str, str] = {}
        self._families: dict[tuple[int, type], tuple[Entry, ...]] = {}
        self._statuses: dict[int, Status] = {}

    def _keep_standing(
        self, said: dict[tuple[str, str], int], denying: list[tuple[int, str, str, Entry]]
    ) -> None:
        """File the denials not taken back since, by the record each denies.

        A denial is taken back when its claimant has said since that the event took place: in
        a claim or report about any readout of it, or in a readout of its own. ``said``: where
        each (record, actor) was last said; ``denying``: (position, record, claimant, denial).
        """
        events, root = self._events, self.root
        by_event: dict[tuple[str, str], int] = {}
        for (target, actor), position in said.items():
            group = events.get(target)
            key = (target if group is None else root[group[0].id], actor)
            by_event[key] = max(by_event.get(key, -1), position)
        for position, target, claimant, entry in denying:
            group = events.get(target)
            event = target if group is None else root[group[0].id]
            since = by_event.get((event, claimant), -1)
            if since < position:
                self.denials[target].append(entry)
            else:  # taken back since
                self.withdrawn[entry.id] = self.entries[since]

    # -- entries -------------------------------------------------------------------------------

    def of_type(self, kind: type[R]) -> list[Entry]:
        """The current entries whose record is a ``kind``, in the order they were recorded."""
        return self._by_type.get(kind, [])

    def by_type(self) -> Mapping[type, list[Entry]]:
        """The current entries filed by the type of their record, each in the order recorded."""
        return MappingProxyType(self._by_type)

    def current(self, id: str) -> Entry | None:
        """The current version of the entry ``id`` belongs to; None if retracted or unknown.

        Remembered by the first version, so the versions of one chain are looked up once: a
        record corrected thousands of times, each version denied, costs one walk of its chain.
        """
        if id not in self.ledger:
            return None
        root = self.root[id]
        if root in self._current:
            return self._current[root]
        found = self.ledger.current(root)
        if found is not None and isinstance(found.record, Retraction):
            found = None  # a retraction is never a current entry
        self._current[root] = found
        return found

    def order_key(self, entry: Entry) -> int:
        """Sorts entries in the order recorded (their positions in the ledger)."""
        return self.ledger.index(entry.id)

    def in_order(self, one: Entry, other: Entry) -> tuple[Entry, Entry]:
        """Two entries in the order they were recorded (their positions in the ledger)."""
        index = self.ledger.index
        return (one, other) if index(one.id) <= index(other.id) else (other, one)

    @functools.cached_property
    def persons(self) -> frozenset[str]:
        """The root ids of the current actors that are people."""
        return frozenset(
            self.root[entry.id] for entry in self.of_type(Actor) if _is_person(entry.record)
        )

    # -- events ---------------------------------------------------------------------------------

    @functools.cached_property
    def _events(self) -> dict[str, tuple[Entry, ...]]:
        """Root id of each current entry in a SameEvent group → the group's current entries."""
        return event_groups(self.ledger)

    @functools.cached_property
    def linked(self) -> frozenset[str]:
        """The ids of the current records linked into events (SameEvent groups)."""
        groups = {id(group): group for group in self._events.values()}  # each once, not per member
        return frozenset(entry.id for group in groups.values() for entry in group)

    def whole_event(self, entry: Entry) -> tuple[Entry, ...]:
        """Every current record linked with ``entry`` as one event (its SameEvent group), or it."""
        return self._events.get(self.root[entry.id], (entry,))

    def event(self, entry: Entry) -> tuple[Entry, ...]:
        """The current records of the event ``entry`` tells of, of its kind: its readouts.

        Checks reason about events, not readouts: two readouts of one call are one call. A
        group that links records of other kinds too (a ceasefire with a fight: a readout
        mismatch) gives each check only the records of the kind it reads; calls and meetings
        are one kind, contacts.
        """
        if entry.id not in self.linked:
            return (entry,)  # told once (the checks pass current entries)
        group = self._events.get(self.root[entry.id])
        if group is None:
            return (entry,)
        found = self._families.get((id(group), _family(entry)))
        if found is None:
            family = _family(entry)
            found = tuple(member for member in group if _family(member) is family)
            self._families[(id(group), family)] = found
        return found

    def current_entry(self, id: str) -> Entry:
        """The current entry with this id (which must be current)."""
        found = self.current(id)
        assert found is not None
        return found

    @staticmethod
    def status(entry: Entry) -> Status:
        """Whether the record's event took place, was planned, or was called off."""
        return status_of(entry.record)

    def event_key(self, entry: Entry) -> str:
        """One id that stands for the event (the id of its first record)."""
        return self.event(entry)[0].id

    def event_status(self, entry: Entry) -> Status:
        """Whether the event took place, as its readouts tell it.

        It occurred if any readout says so (a plan carried out, told as a plan and as what
        happened, is an event that took place); else it was called off if any readout says so
        (a plan, then its cancellation); else it was only planned.
        """
        if entry.id not in self.linked:
            return self.status(entry)  # an event told once
        readouts = self.event(entry)
        key = id(readouts)  # each event's readouts are one tuple, kept for the run
        found = self._statuses.get(key)
        if found is None:
            statuses = {self.status(readout) for readout in readouts}
            found = next(
                (s for s in (Status.OCCURRED, Status.CANCELLED) if s in statuses), Status.PLANNED
            )
            self._statuses[key] = found
        return found

    def set_aside(self, entry: Entry) -> bool:
        """Whether the record is not what happened, and the checks set it aside.

        Called off, a readout of an event called off, or the plan of an event told as held (its
        time and people were the plan's, which may have changed).
        """
        status = self.status(entry)
        if status is Status.CANCELLED:
            return True
        if entry.id not in self.linked:
            return False
        event = self.event_status(entry)
        return event is Status.CANCELLED or (
            event is Status.OCCURRED and status is not Status.OCCURRED
        )

    def status_doubts(self, entry: Entry) -> list[str]:
        """Why the event is not known to have taken place, in words; empty when it is.

        A planned event is not known to have taken place; one that a readout says took place
        and another says was called off, at a time it may have been held, is disputed (called
        off at a time it was not held, it was put off: see :func:`called_off`).
        """
        status = self.event_status(entry)
        readouts = self.event(entry)
        if status is Status.PLANNED:
            told = " and ".join(self.words.describe(readout) for readout in readouts)
            was = "was" if len(readouts) == 1 else "were"
            return [f"{told} {was} only planned, not known to have taken place"]
        if status is Status.OCCURRED:
            return [
                f"{self.words.describe(readout)} says it was called off"
                for readout in called_off(readouts)
            ]
        return []

    # -- times chosen by a policy -----------------------------------------------------------------

    def policy_choices(self, entry: Entry) -> list[str]:
        """The event time's wall times that were skipped or repeated, so a policy chose the instant.

        Each in words ("the wall time 2021-10-31 02:30 happened twice in Europe/Paris; the
        earlier was taken"). A finding that rests on such a choice is at most possible: the
        words did not say which instant, the policy did.
        """
        moment = entry.record.time
        found = []
        for when in () if moment is None else whens_in(moment):
            if when.wall is None or when.zone is None:
                continue
            key = (when.wall, when.zone, when.earliest, when.latest)
            words = self._choices.get(key)
            if words is None:
                words = self._choices[key] = _policy_words(when)
            if words:
                found.append(words)
        return found

    # -- actors and disputes -------------------------------------------------------------------

    def lineage(self, actor: str) -> frozenset[str]:
        """The actor's root id and everything it is part of."""
        root = self.root[actor] if actor in self.ledger else actor
        found = self._lineage.get(root)
        if found is None:
            found = frozenset(self._chain(self.ledger.lineage, root))
            self._lineage[root] = found
        return found

    def _chain(self, read: Callable[[str], tuple[str, ...]], root: str) -> tuple[str, ...]:
        """What ``read`` gives for the actor; the actor alone if it, or its parent, was retracted.

        A retracted actor is unknown, not an error: what named it still stands.
        """
        try:
            return read(root)
        except UnknownEntryError:
            return (root,)

    def outermost(self, actor: str) -> str:
        """What the actor is ultimately part of (a ministry's state), or the actor itself."""
        root = self.root[actor] if actor in self.ledger else actor
        found = self._outermost.get(root)
        if found is None:
            found = self._outermost[root] = self._chain(self.ledger.lineage, root)[-1]
        return found

    def asserter(self, entry: Entry) -> str | None:
        """Who a record rests on.

        A claim's claimant, a report's reporter, else the innermost actor of its attribution chain.
        """
        record = entry.record
        if isinstance(record, Claim):
            return self.root[record.claimant]
        if isinstance(record, Report):
            return self.root[record.reporter]
        provenance = getattr(record, "provenance", None)
        if provenance is not None and provenance.via:
            return self.root[provenance.via[-1]]
        return None

    def disputed(self, entry: Entry) -> list[Entry]:
        """Denials of the record by someone other than the actor it rests on (do not modify)."""
        denials = self.denials.get(self.root[entry.id])
        if not denials:
            return []
        found = self._disputed.get(entry.id)
        if found is None:
            mine = self.asserter(entry)
            found = [d for d in denials if self._claimant(d) != mine]
            self._disputed[entry.id] = found
        return found

    def taken_back(self, entry: Entry) -> list[Entry]:
        """Denials of the record by the very actor it rests on: it was taken back (do not modify).

        What an actor has taken back no longer rests on its word: it is no account of anything,
        and what the checks conclude from it is at most possible.
        """
        denials = self.denials.get(self.root[entry.id])
        mine = self.asserter(entry) if denials else None
        if mine is None:
            return []
        return [d for d in denials or () if self._claimant(d) == mine]

    def doubts(self, entry: Entry, *, what: str | None = None) -> list[str]:
        """Why a record is in doubt, in words: denials of it by others, and its taking back.

        ``what`` is how to call the record in them ("the ceasefire"), else its id and kind.
        """
        words = self.words
        told = what or words.describe(entry)
        found = [f"{words.describe(d)} denies {told}" for d in self.disputed(entry)]
        found += [
            f"{words.name(self._claimant(d))}, whose account {told} is, took it "
            f"back in {words.describe(d)}"
            for d in self.taken_back(entry)
        ]
        return found

    def sides(self, actor: str) -> frozenset[str]:
        """Everything the actor belongs to: its lineage and its affiliations' (first versions)."""
        root = self.root[actor] if actor in self.ledger else actor
        found = self._sides.get(root)
        if found is None:
            found = self._sides[root] = frozenset(self._chain(self.ledger.affiliations, root))
        return found

    def _claimant(self, entry: Entry) -> str:
        record = entry.record
        assert isinstance(record, Claim)
        return self.root[record.claimant]


class _LastContext:
    """A one-slot cache: the checks of one run share the context of the ledger they check."""

    ledger: weakref.ref[Ledger] | None = None
    key: tuple[int, object] | None = None
    context: CheckContext | None = None


def context_for(ledger: Ledger) -> CheckContext:
    """The context for ``ledger`` in its current state, built once and reused by every check."""
    key = (len(ledger), ledger.last_recorded)
    cached = _LastContext
    if (
        cached.context is not None
        and cached.ledger is not None
        and cached.ledger() is ledger
        and cached.key == key
    ):
        return cached.context
    with gc_paused():
        context = CheckContext(ledger)
        cached.ledger, cached.key, cached.context = weakref.ref(ledger), key, context
        return context


def _family(entry: Entry) -> type:
    """The kind of record, with meetings counted as calls: the kinds one event can be told as."""
    kind = type(entry.record)
    return Call if kind is Meeting else kind


def _is_person(record: Record) -> bool:
    return isinstance(record, Actor) and record.kind is ActorKind.PERSON


def _policy_words(when: When) -> str:
    """How a policy resolved the wall time of ``when``; empty when the wall time was unambiguous."""
    assert when.wall is not None
    assert when.zone is not None
    status = local_status(when.wall, when.zone)
    if status == "ok":
        return ""
    wall = f"the wall time {when.wall.isoformat(sep=' ')}"
    if when.either:
        return f"{wall} happened twice in {when.zone}, and was recorded as either of the two"
    if status == "skipped":
        return f"{wall} did not exist in {when.zone}; a policy took {when.earliest:%H:%M} UTC"
    candidates = sorted(local_candidates(when.wall, when.zone))
    which = "earlier" if when.earliest == candidates[0] else "later"
    return f"{wall} happened twice in {when.zone}; a policy took the {which} of the two"
