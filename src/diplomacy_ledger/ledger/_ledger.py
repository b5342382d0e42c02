"""The ledger: append-only and bitemporal. Nothing recorded is ever changed or removed."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Final, Literal

from diplomacy_ledger._errors import InvalidValueError, LedgerError, UnknownEntryError
from diplomacy_ledger.ledger._append_rules import check_append
from diplomacy_ledger.ledger._batch import Batch
from diplomacy_ledger.ledger._intervals import IntervalIndex
from diplomacy_ledger.ledger._state import LedgerState, Undo
from diplomacy_ledger.model import (
    KIND_NAMES,
    Actor,
    Call,
    Clock,
    Entry,
    Meeting,
    Place,
    Record,
    Source,
    Tenure,
    normalise_name,
    record_time,
    time_bounds,
)
from diplomacy_ledger.time import (
    Allen,
    Certainty,
    Span,
    Truth,
    When,
    start_of,
    to_utc,
    utc_micros,
    window_bounds,
)

__all__ = ["Ledger"]

_PENDING_MIN: Final = 1024  # entries a query may look at one by one before the index is rebuilt


class Ledger:
    """An append-only, bitemporal ledger of records.

    Each entry has an id, a record and a record time (when the ledger learned it). Corrections
    are new entries that ``supersede`` earlier ones; a :class:`Retraction` withdraws one. Nothing
    recorded is ever changed or removed: :meth:`history` shows every version, and :meth:`as_of`
    shows the ledger as it was known at a record time. Record times never go backwards.

    An append that would break the ledger (a duplicate id, a reference to an unknown actor, place
    or entry, a naive time, an alias that already names another actor) raises a
    :class:`LedgerError` and leaves the ledger as it was; a batch is all or nothing.

    The library never reads the machine's clock: pass ``recorded_at=`` to each append, or give the
    ledger a ``clock`` (such as :func:`system_clock`).
    """

    def __init__(self, entries: Iterable[Entry] = (), *, clock: Clock | None = None) -> None:
        self._clock = clock
        self._state = LedgerState()
        self._time_index: IntervalIndex | None = None
        self._indexed = 0  # entries [0, _indexed) are in the time index
        self.extend(entries)

    # -- appending -----------------------------------------------------------------------------

    def append(
        self,
        record: Record,
        *,
        id: str,
        recorded_at: datetime | str | None = None,
        supersedes: str | None = None,
    ) -> Entry:
        """Record ``record`` under ``id`` and return the new entry."""
        stamp = record_time(recorded_at, self._clock, owner="the Ledger")
        entry = Entry(id, stamp, record, supersedes=supersedes)
        self.extend([entry])
        return entry

    def extend(self, entries: Iterable[Entry]) -> None:
        """Append entries in order, all or nothing."""
        state = self._state
        undo: Undo = []
        try:
            for entry in entries:
                if not isinstance(entry, Entry):
                    raise LedgerError(f"expected an Entry, got {type(entry).__name__}")
                state.add(entry, undo, check_append(state, entry))
        except BaseException:
            for step in reversed(undo):
                step()
            if len(state.entries) < self._indexed:  # the index held some: rebuild when asked
                self._time_index, self._indexed = None, 0
            raise

    @contextmanager
    def batch(self) -> Iterator[Batch]:
        """Collect appends and commit them together when the block ends without an error.

        >>> from datetime import UTC, datetime
        >>> from diplomacy_ledger import Actor, ActorKind
        >>> ledger = Ledger()
        >>> with ledger.batch() as batch:
        ...     _ = batch.append(Actor("Armenia", ActorKind.STATE), id="armenia",
        ...                      recorded_at=datetime(2022, 9, 13, tzinfo=UTC))
        >>> len(ledger)
        1
        """
        pending = Batch(self._clock, owner="the Ledger")
        try:
            yield pending
        finally:
            pending.closed = True
        self.extend(pending.entries)

    def copy(self) -> Ledger:
        """A ledger with the same entries and clock, that appends to this one do not change."""
        known = Ledger(clock=self._clock)
        undo: Undo = []
        for entry in self._state.entries:
            known._state.add(entry, undo)  # already checked when first appended
        return known

    # -- reading entries ---------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._state.entries)

    def __iter__(self) -> Iterator[Entry]:
        """Every entry, superseded and retracted ones included, in the order recorded."""
        return iter(self._state.entries)

    def __contains__(self, id: object) -> bool:
        return id in self._state.position

    def __getitem__(self, id: str) -> Entry:
        """The entry with exactly this id (not its latest correction: see :meth:`current`)."""
        position = self._state.position.get(id)
        if position is None:
            raise UnknownEntryError(f"no entry {id!r}")
        return self._state.entries[position]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Ledger):
            return NotImplemented
        return self._state.entries == other._state.entries

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        """Python that rebuilds an equal ledger: its entries, one per line, in the order recorded.

        >>> from diplomacy_ledger import Actor, ActorKind
        >>> ledger = Ledger()
        >>> _ = ledger.append(Actor("Armenia", ActorKind.STATE), id="armenia",
        ...                   recorded_at="2022-09-13T02:00:00Z")
        >>> ledger
        Ledger([
            Entry('armenia', '2022-09-13T02:00:00Z', Actor('Armenia', ActorKind.STATE)),
        ])
        >>> Ledger()
        Ledger()
        """
        entries = self._state.entries
        if not entries:
            return "Ledger()"
        lines = "".join(f"    {entry!r},\n" for entry in entries)
        return f"Ledger([\n{lines}])"

    def index(self, id: str) -> int:
        """The position of the entry ``id`` in the order recorded: 0 for the first entry.

        Every entry counts, superseded and retracted ones too, so positions never change.
        """
        position = self._state.position.get(id)
        if position is None:
            raise UnknownEntryError(f"no entry {id!r}")
        return position

    def get(self, id: str) -> Record | None:
        """The record of the entry with exactly this id, or None."""
        position = self._state.position.get(id)
        return None if position is None else self._state.entries[position].record

    def current(self, id: str) -> Entry | None:
        """The latest version of the entry ``id`` belongs to, or None if it was retracted."""
        state = self._state
        if id not in state.position:
            raise UnknownEntryError(f"no entry {id!r}")
        if state.retracted(id):
            return None
        return state.entries[state.position[state.head(id)]]

    def record(self, id: str) -> Record:
        """The current record for ``id`` (its latest correction); raises if it was retracted."""
        entry = self.current(id)
        if entry is None:
            raise UnknownEntryError(f"entry {id!r} was retracted")
        return entry.record

    def history(self, id: str) -> tuple[Entry, ...]:
        """Every version of the entry ``id`` belongs to, oldest first, then its retraction."""
        state = self._state
        if id not in state.position:
            raise UnknownEntryError(f"no entry {id!r}")
        chain = state.chain(id)
        retraction = state.retraction.get(state.origin(id))
        if retraction is not None:
            chain.append(state.entries[state.position[retraction]])
        return tuple(chain)

    def entries(self) -> Iterator[Entry]:
        """The current entries: the latest version of each, retracted ones left out."""
        for entry, stale in zip(self._state.entries, self._state.stale, strict=True):
            if not stale:
                yield entry

    def as_of(self, recorded_at: datetime) -> Ledger:
        """The ledger as it was known at ``recorded_at``: the entries recorded until then."""
        moment = to_utc(recorded_at, where="as_of")
        known = Ledger(clock=self._clock)
        undo: Undo = []
        for entry in self._state.entries[: bisect.bisect_right(self._state.times, moment)]:
            known._state.add(entry, undo)  # already checked when first appended
        return known

    @property
    def last_recorded(self) -> datetime | None:
        """The latest record time, or None for an empty ledger."""
        return self._state.times[-1] if self._state.times else None

    # -- names ---------------------------------------------------------------------------------

    def resolve_actor(self, name: str) -> str:
        """The id of the actor an id, name, alias or metonym refers to ("Yerevan" → ...)."""
        if name in self._state.position and isinstance(self._state.head_record(name), Actor):
            return self._state.origin(name)
        root = self._state.names[Actor].get(normalise_name(name))
        if root is None:
            raise UnknownEntryError(f"no actor is called {name!r}")
        return root

    def actor(self, name: str) -> Actor:
        """The current record of the actor ``name`` refers to."""
        record = self.record(self.resolve_actor(name))
        assert isinstance(record, Actor)
        return record

    def resolve_place(self, name: str) -> str:
        """The id of the place an id, name or alias refers to."""
        if name in self._state.position and isinstance(self._state.head_record(name), Place):
            return self._state.origin(name)
        root = self._state.names[Place].get(normalise_name(name))
        if root is None:
            raise UnknownEntryError(f"no place is called {name!r}")
        return root

    def lineage(self, actor: str) -> tuple[str, ...]:
        """The actor and what it is part of, innermost first (ministry, government, state)."""
        chain = [self.resolve_actor(actor)]
        while True:
            record = self.record(chain[-1])
            assert isinstance(record, Actor)
            if record.part_of is None or self._state.origin(record.part_of) in chain:
                return tuple(chain)
            chain.append(self._state.origin(record.part_of))

    def affiliations(self, actor: str) -> tuple[str, ...]:
        """Everything the actor belongs to: its lineage, and the lineage of each affiliation.

        "Armenian media" are affiliated with Armenia without being part of the state, so Armenia
        is among their affiliations but not in their :meth:`lineage`.
        """
        found: list[str] = []
        pending = [self.resolve_actor(actor)]
        while pending:
            for member in self.lineage(pending.pop()):
                if member in found:
                    continue
                found.append(member)
                record = self.record(member)
                assert isinstance(record, Actor)
                if record.affiliation is not None:
                    pending.append(self._state.origin(record.affiliation))
        return tuple(found)

    # -- queries ---------------------------------------------------------------------------------

    def _bucket(self, key: tuple[str, str]) -> list[Entry]:
        entries, stale = self._state.entries, self._state.stale
        return [
            entries[position] for position in self._state.by.get(key, ()) if not stale[position]
        ]

    def by_kind(self, kind: str | type[Record]) -> list[Entry]:
        """Current entries of one kind, by stable name (``"call"``) or class (``Call``)."""
        name = kind if isinstance(kind, str) else KIND_NAMES.get(kind, "")
        if name not in KIND_NAMES.values():
            raise LedgerError(f"unknown kind {kind!r}; kinds are {sorted(KIND_NAMES.values())}")
        return self._bucket(("kind", name))

    def by_actor(self, actor: str) -> list[Entry]:
        """Current entries that name the actor (by id, name or alias) in any role."""
        return self._bucket(("actor", self.resolve_actor(actor)))

    def by_place(self, place: str) -> list[Entry]:
        """Current entries about the place (by id, name or alias)."""
        return self._bucket(("place", self.resolve_place(place)))

    def by_office(self, office: str) -> list[Entry]:
        """Current entries that name the office (tenures, and records naming someone in it)."""
        return self._bucket(("office", self.origin(office)))

    def by_source(self, source: str) -> list[Entry]:
        """Current entries known through ``source``: a source document, or an actor relaying it."""
        if source in self._state.position and isinstance(self._state.head_record(source), Source):
            return self._bucket(("source", self._state.origin(source)))
        return self._bucket(("source", self.resolve_actor(source)))

    def mentioning(self, id: str) -> list[Entry]:
        """Current entries that point at the entry ``id`` (claims, reports, statements, links)."""
        return self._bucket(("mentions", self.origin(id)))

    def calls_between(self, first: str, second: str) -> list[Entry]:
        """Current calls and meetings in which both actors took part, in time order.

        Records, not events: each readout of one call is here (for calls as events, ask
        :func:`~diplomacy_ledger.contacts_of` or :func:`~diplomacy_ledger.last_contact`).
        Sorted by the earliest instant each may have begun, then the latest, then the order
        recorded.
        """
        a, b = self.resolve_actor(first), self.resolve_actor(second)
        found = []
        for entry in self._bucket(("actor", a)):
            record = entry.record
            if isinstance(record, Call | Meeting):
                actors = {self._state.origin(actor) for actor in record.actors}
                if a in actors and b in actors:
                    start = start_of(record.when)
                    found.append((start.earliest, start.latest, self.index(entry.id), entry))
        found.sort(key=lambda item: item[:3])
        return [entry for *_, entry in found]

    def within(
        self,
        window: When | Span,
        *,
        certainty: Certainty | Truth | Literal["definitely", "possibly"] = "possible",
    ) -> list[Entry]:
        """Current entries whose event time lies within ``window``.

        ``certainty="possible"``: the event time may fall inside the window (their bounds
        overlap). ``"definite"``: it falls inside for every placement of both. A :class:`Truth`
        says the same (``Truth.POSSIBLY``, ``Truth.DEFINITELY``), and so do its words
        (``"possibly"``, ``"definitely"``), which earlier versions asked for. Results are
        sorted by the event time's earliest bound, then its latest, then record order. Uses an
        interval index: O(log n) plus the entries found, and the entries appended since the
        index was last built (at most an eighth of the ledger).
        """
        outer, inner = window_bounds(window)
        index = self._time_index_built()
        wanted = _CERTAINTY.get(certainty)
        if wanted == "possible":
            low, high, test, search = outer[0], outer[1], _overlaps, index.overlapping
        elif wanted == "definite":
            if inner[0] > inner[1]:
                return []
            low, high, test, search = inner[0], inner[1], _inside, index.inside
        else:
            raise InvalidValueError(f"certainty is 'definite' or 'possible', not {certainty!r}")
        entries, stale = self._state.entries, self._state.stale
        hits = [p for p in search(utc_micros(low), utc_micros(high)) if not stale[p]]
        # Entries appended since the index was built: looked at one by one, then merged in.
        recent = []
        for position in range(self._indexed, len(entries)):
            bounds = None if stale[position] else time_bounds(entries[position].record)
            if bounds is not None and test(bounds, low, high):
                recent.append((bounds, position))
        if not recent:
            return [entries[position] for position in hits]
        ordered = [(time_bounds(entries[p].record), p) for p in hits] + recent
        ordered.sort(key=_by_bounds)
        return [entries[position] for _, position in ordered]

    def _time_index_built(self) -> IntervalIndex:
        """The interval index over the current entries' event times, rebuilt when stale.

        Appends do not rebuild it: queries look at entries appended since the last build one by
        one, until they are more than an eighth of the ledger. So appends and queries can be
        mixed at O(log n) amortised cost per append.
        """
        pending = len(self._state.entries) - self._indexed
        if self._time_index is None or pending > max(_PENDING_MIN, self._indexed // 8):
            intervals = []
            for position, entry in enumerate(self._state.entries):
                if self._state.stale[position]:
                    continue
                bounds = time_bounds(entry.record)
                if bounds is not None:
                    intervals.append((utc_micros(bounds[0]), utc_micros(bounds[1]), position))
            self._time_index = IntervalIndex(intervals)
            self._indexed = len(self._state.entries)
        return self._time_index

    def holders(self, office: str, at: When | Span) -> list[tuple[Entry, Truth]]:
        """Tenures of ``office`` that definitely or possibly cover ``at``."""
        return self._tenures(("office", self.origin(office)), at)

    def offices_of(self, person: str, at: When | Span) -> list[tuple[Entry, Truth]]:
        """Tenures of ``person`` that definitely or possibly cover ``at``."""
        return self._tenures(("actor", self.resolve_actor(person)), at)

    def _tenures(self, key: tuple[str, str], at: When | Span) -> list[tuple[Entry, Truth]]:
        found = []
        for entry in self._bucket(key):
            if isinstance(entry.record, Tenure):
                truth = _covers(entry.record.span, at)
                if truth.possibly:
                    found.append((entry, truth))
        return found

    def origin(self, id: str) -> str:
        """The id of the first version of the entry ``id`` belongs to (its correction chain)."""
        if id not in self._state.position:
            raise UnknownEntryError(f"no entry {id!r}")
        return self._state.origin(id)


_CERTAINTY: Final[dict[object, Certainty]] = {
    "possible": "possible",
    "definite": "definite",
    Truth.POSSIBLY: "possible",
    Truth.DEFINITELY: "definite",
    Truth.POSSIBLY.value: "possible",
    Truth.DEFINITELY.value: "definite",
}


def _overlaps(bounds: tuple[datetime, datetime], low: datetime, high: datetime) -> bool:
    return bounds[0] <= high and bounds[1] >= low


def _inside(bounds: tuple[datetime, datetime], low: datetime, high: datetime) -> bool:
    return low <= bounds[0] and bounds[1] <= high


def _by_bounds(
    item: tuple[tuple[datetime, datetime] | None, int],
) -> tuple[datetime, datetime, int]:
    bounds, position = item
    assert bounds is not None
    return bounds[0], bounds[1], position


def _covers(span: Span, at: When | Span) -> Truth:
    if isinstance(at, When):
        return at.within(span)
    inside = Allen.STARTS | Allen.DURING | Allen.FINISHES | Allen.EQUALS
    return at.allen(span).holds(inside)
