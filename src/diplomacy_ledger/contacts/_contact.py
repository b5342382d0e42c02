"""Contacts: the calls and meetings that took place, each an event told by one or more readouts.

A contact is an event, not a record: each side's readout of one call, linked by
:class:`~diplomacy_ledger.SameEvent`, is one contact. Only what took place is a contact: an
event none of whose readouts says it happened (all planned), or that one says was called off,
is none. Every question in this package (last contact, contacts of an actor, counts per day,
the graph) asks :func:`contact_events`, so a summit told by three readouts counts once.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterable

import attrs

from diplomacy_ledger._errors import InvalidValueError
from diplomacy_ledger._gc import gc_paused
from diplomacy_ledger.ledger import Ledger, event_groups
from diplomacy_ledger.model import (
    Call,
    Entry,
    Medium,
    Meeting,
    Status,
)
from diplomacy_ledger.time import Certainty, Span, When, start_of, window_bounds

__all__ = [
    "Contact",
    "ContactMatch",
    "contact_events",
    "contact_memo",
    "contacts_of",
    "contacts_with",
    "in_window",
    "resolve_actors",
]


@attrs.frozen
class Contact:
    """A call or meeting that took place, as one event: every readout of it, and what they say.

    ``entries`` are the ids of its readouts (the current version of each), first recorded first.
    ``participants`` are the first-version ids of everyone any readout names, in order of
    appearance. ``kind`` (``"call"`` or ``"meeting"``) and ``medium`` are the first readout's.
    ``start`` is when it began: within the start of every readout (where they agree; where they
    cannot, the span of them all), and ``time`` the first readout's time as recorded. ``sources``
    are the source ids of the readouts.
    """

    entries: tuple[str, ...]
    kind: str
    participants: tuple[str, ...]
    medium: Medium
    start: When
    time: When | Span
    sources: tuple[str, ...]

    @property
    def id(self) -> str:
        """The id of the first readout, which stands for the event."""
        return self.entries[0]

    def involves(self, actor: str) -> bool:
        """Whether the actor (a first-version id) took part."""
        return actor in self.participants

    def counterparts(self, actor: str) -> tuple[str, ...]:
        """Everyone who took part but ``actor``."""
        return tuple(other for other in self.participants if other != actor)


@attrs.frozen
class ContactMatch:
    """A contact an actor had, with whom, and whether it falls in the window asked about."""

    contact: Contact
    counterparts: tuple[str, ...]
    certainty: Certainty


def _is_contact(readouts: tuple[Entry, ...]) -> bool:
    if len(readouts) == 1:  # the common case
        return readouts[0].record.status is Status.OCCURRED  # type: ignore[union-attr]
    statuses = {getattr(entry.record, "status", Status.OCCURRED) for entry in readouts}
    return Status.OCCURRED in statuses and Status.CANCELLED not in statuses


def _contact(ledger: Ledger, readouts: tuple[Entry, ...]) -> Contact:
    first = readouts[0].record
    assert isinstance(first, Call | Meeting)
    if len(readouts) == 1:  # the common case, without the merging below
        origin = ledger.origin
        return Contact(
            (readouts[0].id,),
            "call" if type(first) is Call else "meeting",
            tuple(dict.fromkeys(origin(p.actor) for p in first.participants)),
            first.medium,
            start_of(first.when),
            first.when,
            (first.provenance.source,),
        )
    participants: dict[str, None] = {}
    starts: list[When] = []
    sources: dict[str, None] = {}
    for entry in readouts:
        record = entry.record
        assert isinstance(record, Call | Meeting)
        for actor in record.actors:
            participants[ledger.origin(actor)] = None
        starts.append(start_of(record.when))
        sources[record.provenance.source] = None
    start = starts[0]
    if len(starts) > 1:
        low, high = max(s.earliest for s in starts), min(s.latest for s in starts)
        if low > high:  # the readouts disagree (a readout mismatch): the span of them all
            low, high = min(s.earliest for s in starts), max(s.latest for s in starts)
        if (low, high) != (start.earliest, start.latest):
            start = When.between(low, high, zone=start.zone)
    return Contact(
        tuple(entry.id for entry in readouts),
        "call" if isinstance(first, Call) else "meeting",
        tuple(participants),
        first.medium,
        start,
        first.when,
        tuple(sources),
    )


class _Cache:
    """The contacts of the last ledger state asked about (a ledger only grows), and by actor."""

    ledger: weakref.ref[Ledger] | None = None
    key: tuple[int, object] | None = None
    contacts: tuple[Contact, ...] = ()
    by_actor: dict[str, list[Contact]] = {}  # noqa: RUF012 - replaced whole, never mutated
    memo: dict[object, object] = {}  # noqa: RUF012 - what questions derive, for this state


def contact_events(ledger: Ledger) -> tuple[Contact, ...]:
    """Every contact in the ledger, once per event, in time order.

    Time order: by the earliest instant each may have begun, then the latest, then the order
    recorded. Worked out once per ledger state: O(n log n).
    """
    return _cached(ledger).contacts


def contact_memo(ledger: Ledger) -> dict[object, object]:
    """A place for what the questions derive from the contacts, kept for this ledger state."""
    return _cached(ledger).memo


def contacts_with(ledger: Ledger, actor: str) -> list[Contact]:
    """The contacts an actor (a first-version id) took part in, in time order."""
    return _cached(ledger).by_actor.get(actor, [])


def _cached(ledger: Ledger) -> type[_Cache]:
    key = (len(ledger), ledger.last_recorded)
    cache = _Cache
    if cache.ledger is not None and cache.ledger() is ledger and cache.key == key:
        return cache
    with gc_paused():
        _build(ledger, cache, key)
    return cache


def _build(ledger: Ledger, cache: type[_Cache], key: tuple[int, object]) -> None:
    """Work out the contacts of the ledger into the cache."""
    groups = event_groups(ledger)
    seen: set[str] = set()
    found: list[tuple[int, Contact]] = []
    origin = ledger.origin
    for kind in (Call, Meeting):
        for entry in ledger.by_kind(kind):
            readouts = groups.get(origin(entry.id)) if groups else None
            if readouts is None:
                readouts = (entry,)
            else:
                if readouts[0].id in seen:
                    continue
                seen.add(readouts[0].id)
                readouts = tuple(r for r in readouts if isinstance(r.record, Call | Meeting))
            if _is_contact(readouts):
                found.append((ledger.index(readouts[0].id), _contact(ledger, readouts)))
    found.sort(key=lambda item: (item[1].start.earliest, item[1].start.latest, item[0]))
    contacts = tuple(contact for _, contact in found)
    by_actor: dict[str, list[Contact]] = defaultdict(list)
    for contact in contacts:
        for actor in contact.participants:
            by_actor[actor].append(contact)
    cache.ledger, cache.key = weakref.ref(ledger), key
    cache.contacts, cache.by_actor, cache.memo = contacts, dict(by_actor), {}


def resolve_actors(ledger: Ledger, names: str | Iterable[str], where: str) -> tuple[str, ...]:
    """First-version ids of actors given by id, name or alias (one, or several)."""
    if isinstance(names, str):
        names = (names,)
    found = tuple(ledger.resolve_actor(name) for name in names)
    if not found:
        raise InvalidValueError("name at least one actor", where=where)
    return found


def in_window(start: When, window: When | Span | None) -> Certainty | None:
    """Whether a contact that began at ``start`` falls in ``window``: surely, maybe, or not."""
    if window is None:
        return "definite"
    (low, high), (inner_low, inner_high) = window_bounds(window)
    if start.latest < low or start.earliest > high:
        return None
    if inner_low <= start.earliest and start.latest <= inner_high:
        return "definite"
    return "possible"


def contacts_of(
    ledger: Ledger,
    actor: str,
    *,
    window: When | Span | None = None,
    with_: str | Iterable[str] | None = None,
) -> list[ContactMatch]:
    """The actor's contacts, in time order, each with its counterparts.

    ``actor`` is an id, name or alias. ``window``: only contacts that began within it, each
    ``"definite"`` when it began inside for every placement of the times, else ``"possible"``
    (without a window every contact is definite). ``with_``: only contacts with that actor, or
    with any of those actors.
    """
    who = ledger.resolve_actor(actor)
    others = None if with_ is None else set(resolve_actors(ledger, with_, "with_"))
    found = []
    for contact in contacts_with(ledger, who):
        if others is not None and not others & set(contact.participants):
            continue
        certainty = in_window(contact.start, window)
        if certainty is not None:
            found.append(ContactMatch(contact, contact.counterparts(who), certainty))
    return found
