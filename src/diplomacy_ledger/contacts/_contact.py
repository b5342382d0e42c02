"""Contacts: the calls and meetings that took place, each an event told by one or more readouts.

A contact is an event, not a record: each side's readout of one call, linked by
:class:`~diplomacy_ledger.SameEvent`, is one contact. Only what took place is a contact: an
event none of whose readouts says it happened (all planned or called off) is none. One that a
readout says happened is a contact, but one *in doubt* when someone denies a readout of it (a
claim denying it, by the other side or by its own teller) or another readout says it was called
off: it may have taken place, so every answer counts it as possible only (the one certainty rule
of the checks). A planned readout linked to one that says the event took place ("the leaders will
speak on Tuesday", then "they spoke on Wednesday") stays among the contact's readouts, but says
nothing of when it took place or who took part: the plan may have changed. Every question in
this package (last contact, contacts of an actor, counts per day, the graph) asks
:func:`contact_events`, so a summit told by three readouts counts once.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Final

import attrs

from diplomacy_ledger._errors import InvalidValueError
from diplomacy_ledger._gc import gc_paused
from diplomacy_ledger._repr import attrs_repr
from diplomacy_ledger.ledger import Ledger, called_off, event_groups
from diplomacy_ledger.model import (
    Call,
    Claim,
    Entry,
    Medium,
    Meeting,
    Report,
    Stance,
    Status,
    status_of,
)
from diplomacy_ledger.time import (
    Certainty,
    Span,
    When,
    format_utc_instant,
    parse_utc_instant,
    start_of,
    window_bounds,
)

__all__ = [
    "Bounds",
    "Contact",
    "ContactMatch",
    "check_window",
    "contact_events",
    "contact_list",
    "contact_memo",
    "contact_positions",
    "contacts_of",
    "contacts_with",
    "in_window",
    "resolve_actors",
    "time_keys",
]

Bounds = tuple[datetime, datetime]
"""An interval of instants, both ends included (UTC)."""

_TICK: Final = timedelta(microseconds=1)


def _parts(value: Iterable[tuple[datetime | str, datetime | str]]) -> tuple[Bounds, ...]:
    """Intervals of instants: aware datetimes, or RFC 3339 text with an offset (as reprs write).

    The library makes them as tuples of datetimes, passed through as they are (a contact is made
    for every event of a ledger: this is on the hot path).
    """
    if type(value) is tuple and all(type(b[0]) is datetime for b in value):
        return value
    return tuple(
        (
            parse_utc_instant(low, where="Contact.parts") if isinstance(low, str) else low,
            parse_utc_instant(high, where="Contact.parts") if isinstance(high, str) else high,
        )
        for low, high in value
    )


@attrs.frozen
class Contact:
    """A call or meeting that took place, as one event: every readout of it, and what they say.

    ``entries`` are the ids of its readouts (the current version of each), first recorded first,
    planned ones linked to it included; ``sources`` the source ids of those readouts. What it
    was and when come from the readouts that say it took place: ``participants`` are the
    first-version ids of everyone they name, in order of appearance; ``kind`` (``"call"`` or
    ``"meeting"``), ``medium`` and ``time`` (its time as recorded) are the first such readout's.
    ``start`` is when it began: within the start of every such readout where they agree, or
    within one of them where they cannot all hold (a readout mismatch). ``parts``: when its
    start may not be every instant between ``start``'s bounds, the intervals (UTC, ends
    included, in time order) it may lie in: the starts of readouts that disagree, or the two
    instants of a wall time the clocks showed twice (:attr:`When.either`); empty otherwise.
    ``doubts``: the ids of the entries that put in doubt that it took place, in the order
    recorded: claims denying a readout of it that says it did, and readouts telling it as called
    off; empty when nothing does (see :attr:`took_place`).
    """

    entries: tuple[str, ...]
    kind: str
    participants: tuple[str, ...]
    medium: Medium
    start: When
    time: When | Span
    sources: tuple[str, ...]
    parts: tuple[Bounds, ...] = attrs.field(default=(), converter=_parts)
    doubts: tuple[str, ...] = ()

    def __repr__(self) -> str:  # the parts as RFC 3339 text, which the constructor takes
        text = attrs_repr(attrs.evolve(self, parts=()))
        if not self.parts:
            return text
        parts = tuple(
            (format_utc_instant(low), format_utc_instant(high)) for low, high in self.parts
        )
        return f"{text[:-1]}, parts={parts!r})"

    @property
    def took_place(self) -> Certainty:
        """``"definite"`` unless something puts it in doubt (:attr:`doubts`): then ``"possible"``.

        A contact in doubt counts as possible only in every answer: in a window, a count, an
        edge of the graph, and as the last contact.
        """
        return "possible" if self.doubts else "definite"

    @property
    def id(self) -> str:
        """The id of the first readout, which stands for the event."""
        return self.entries[0]

    @property
    def placements(self) -> tuple[Bounds, ...]:
        """Every interval its start may lie in (``parts``, or else ``start``'s bounds)."""
        return self.parts or ((self.start.earliest, self.start.latest),)

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


def _occurred(readouts: tuple[Entry, ...]) -> list[Entry] | None:
    """The readouts that say the event took place, or None when it is no contact."""
    found = [entry for entry in readouts if status_of(entry.record) is Status.OCCURRED]
    return found or None


def _denials(ledger: Ledger, groups: dict[str, tuple[Entry, ...]]) -> dict[str, list[str]]:
    """First-version id of each record that claims deny → the ids of the denials, in order.

    A denial its claimant took back, by saying after all that the event took place (a later
    claim asserting, or report of, any readout of it, or a readout of the call or meeting as
    held that rests on the claimant), denies nothing any more. ``groups``: the event groups.
    """
    origin, index = ledger.origin, ledger.index
    claims = ledger.by_kind(Claim)
    denying = [
        entry
        for entry in claims
        if entry.record.stance is Stance.DENIES and entry.record.about is not None  # type: ignore[union-attr]
    ]
    if not denying:
        return {}

    def event(target: str) -> str:
        """The event a record tells of: the first-version id of its group's first record."""
        group = groups.get(target)
        return target if group is None else origin(group[0].id)

    said: dict[tuple[str, str], int] = {}  # (event, actor) → the last place it said it
    for entry in (*claims, *ledger.by_kind(Report)):
        record = entry.record
        if isinstance(record, Claim) and (record.stance is Stance.DENIES or not record.about):
            continue
        assert isinstance(record, Claim | Report)
        who = record.claimant if isinstance(record, Claim) else record.reporter
        assert record.about is not None
        key = (event(origin(record.about)), origin(who))
        said[key] = max(said.get(key, -1), index(entry.id))
    for kind in (Call, Meeting):
        for entry in ledger.by_kind(kind):
            told = entry.record
            assert isinstance(told, Call | Meeting)
            if told.provenance.via and told.status is Status.OCCURRED:
                key = (event(origin(entry.id)), origin(told.provenance.via[-1]))
                said[key] = max(said.get(key, -1), index(entry.id))
    found: dict[str, list[str]] = defaultdict(list)
    for entry in denying:
        claim = entry.record
        assert isinstance(claim, Claim)
        assert claim.about is not None
        target = origin(claim.about)
        if said.get((event(target), origin(claim.claimant)), -1) < index(entry.id):
            found[target].append(entry.id)
    return dict(found)


def _denied(
    entry: Entry, denials: dict[str, list[str]], origin: Callable[[str], str]
) -> tuple[str, ...]:
    """The ids of the claims denying the record (a first version is its own origin)."""
    found = denials.get(entry.id if entry.supersedes is None else origin(entry.id))
    return () if found is None else tuple(found)


def _doubts(
    ledger: Ledger,
    readouts: tuple[Entry, ...],
    occurred: list[Entry],
    denials: dict[str, list[str]],
) -> tuple[str, ...]:
    """What puts the event in doubt: readouts telling it as called off, denials of the others."""
    found = [entry.id for entry in called_off(readouts)]  # a plan put off is no doubt
    if denials:
        for entry in occurred:
            found += _denied(entry, denials, ledger.origin)
    return tuple(sorted(dict.fromkeys(found), key=ledger.index))


def _parts_of(when: When) -> list[Bounds]:
    if when.either:  # one of two instants, not the hour between them
        return [(when.earliest, when.earliest), (when.latest, when.latest)]
    return [(when.earliest, when.latest)]


def _intersection(first: list[Bounds], second: list[Bounds]) -> list[Bounds]:
    """Where two sorted lists of disjoint intervals both hold."""
    found, i, j = [], 0, 0
    while i < len(first) and j < len(second):
        low, high = max(first[i][0], second[j][0]), min(first[i][1], second[j][1])
        if low <= high:
            found.append((low, high))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return found


def _union(parts: Iterable[Bounds]) -> list[Bounds]:
    """Intervals merged where they overlap or meet, in order."""
    found: list[Bounds] = []
    for low, high in sorted(parts):
        if found and low <= found[-1][1] + _TICK:
            if high > found[-1][1]:
                found[-1] = (found[-1][0], high)
        else:
            found.append((low, high))
    return found


def _contact(
    ledger: Ledger, readouts: tuple[Entry, ...], occurred: list[Entry], doubts: tuple[str, ...]
) -> Contact:
    first = occurred[0].record
    assert isinstance(first, Call | Meeting)
    kind = "call" if type(first) is Call else "meeting"
    if len(readouts) == 1:  # the common case, without the merging below
        origin = ledger.origin
        start = start_of(first.when)
        return Contact(
            (readouts[0].id,),
            kind,
            tuple(dict.fromkeys(origin(p.actor) for p in first.participants)),
            first.medium,
            start,
            first.when,
            (first.provenance.source,),
            tuple(_parts_of(start)) if start.either else (),
            doubts,
        )
    participants: dict[str, None] = {}
    starts: list[When] = []
    for entry in occurred:
        record = entry.record
        assert isinstance(record, Call | Meeting)
        for actor in record.actors:
            participants[ledger.origin(actor)] = None
        starts.append(start_of(record.when))
    sources = dict.fromkeys(entry.record.provenance.source for entry in readouts)  # type: ignore[union-attr]
    start, parts = starts[0], _parts_of(starts[0])
    if len(starts) > 1:
        for other in starts[1:]:
            parts = _intersection(parts, _parts_of(other))
        if not parts:  # the readouts disagree (a readout mismatch): one of them holds
            parts = _union(bounds for other in starts for bounds in _parts_of(other))
        low, high = parts[0][0], parts[-1][1]
        if (low, high) != (start.earliest, start.latest) or (start.either and len(parts) == 1):
            start = When.between(low, high, zone=start.zone)
    return Contact(
        tuple(entry.id for entry in readouts),
        kind,
        tuple(participants),
        first.medium,
        start,
        first.when,
        tuple(sources),
        tuple(parts) if len(parts) > 1 else (),
        doubts,
    )


class _Cache:
    """The contacts of the last ledger state asked about (a ledger only grows), and by actor.

    ``contacts`` are in the order they were found (no promise), ``indexes`` the place of each
    one's first readout in the ledger, ``by_actor`` each actor's contacts by their places in
    ``contacts``; the time order is worked out when first asked for (counting and the graph
    need none).
    """

    ledger: weakref.ref[Ledger] | None = None
    key: tuple[int, object] | None = None
    contacts: tuple[Contact, ...] = ()
    indexes: list[int] = []  # noqa: RUF012 - replaced whole
    keys: list[tuple[datetime, datetime, int]] | None = None
    by_actor: dict[str, list[int]] = {}  # noqa: RUF012 - replaced whole, never mutated
    ordered: tuple[Contact, ...] | None = None
    memo: dict[object, object] = {}  # noqa: RUF012 - what questions derive, for this state


def contact_events(ledger: Ledger) -> tuple[Contact, ...]:
    """Every contact in the ledger, once per event, in time order.

    Time order: by the earliest instant each may have begun, then the latest, then the order
    recorded. Worked out once per ledger state: O(n log n).
    """
    cache = _cached(ledger)
    if cache.ordered is None:
        order = sorted(range(len(cache.contacts)), key=time_keys(ledger).__getitem__)
        cache.ordered = tuple(map(cache.contacts.__getitem__, order))
    return cache.ordered


def contact_list(ledger: Ledger) -> tuple[Contact, ...]:
    """Every contact, in no promised order: the places :func:`contact_positions` gives."""
    return _cached(ledger).contacts


def contact_memo(ledger: Ledger) -> dict[object, object]:
    """A place for what the questions derive from the contacts, kept for this ledger state."""
    return _cached(ledger).memo


def contacts_with(ledger: Ledger, actor: str, others: Iterable[str] | None = None) -> list[Contact]:
    """The contacts an actor (a first-version id) took part in, in time order.

    ``others``: only those with any of these actors (first-version ids). The contacts are read
    from whichever side has fewer, so asking a hub of ten thousand calls for its last contact
    with each counterpart in turn costs each counterpart's contacts, not the hub's every time.
    """
    cache = _cached(ledger)
    mine = cache.by_actor.get(actor, [])
    positions: Iterable[int] = mine
    if others is not None:
        wanted = tuple(dict.fromkeys(others))
        theirs = [cache.by_actor.get(other, []) for other in wanted]
        contacts = cache.contacts
        if sum(map(len, theirs)) < len(mine):
            positions = {p for found in theirs for p in found if contacts[p].involves(actor)}
        else:
            want = set(wanted)
            positions = [p for p in mine if not want.isdisjoint(contacts[p].participants)]
    ordered = sorted(positions, key=time_keys(ledger).__getitem__)
    return list(map(cache.contacts.__getitem__, ordered))


def contact_positions(ledger: Ledger) -> dict[str, list[int]]:
    """Each actor's contacts, as their places in :func:`contact_list`."""
    return _cached(ledger).by_actor


def time_keys(ledger: Ledger) -> list[tuple[datetime, datetime, int]]:
    """The time-order key of each contact of :func:`contact_list`, in the same places.

    When it may have begun at the earliest, then at the latest, then the place of its first
    readout in the ledger.
    """
    cache = _cached(ledger)
    if cache.keys is None:
        cache.keys = [
            (contact.start.earliest, contact.start.latest, index)
            for contact, index in zip(cache.contacts, cache.indexes, strict=True)
        ]
    return cache.keys


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
    # Each group once (event_groups gives it under every member's id), then each member's.
    by_origin = event_groups(ledger)
    events = {id(group): group for group in by_origin.values()}
    groups = {entry.id: group for group in events.values() for entry in group}
    denials = _denials(
        ledger, by_origin
    )  # none, in most ledgers: then a contact told once costs nothing
    seen: set[str] = set()
    found: list[Contact] = []
    indexes: list[int] = []
    origins: dict[str, str] = {}  # actor id -> first-version id, asked once per actor
    # Contacts share their participants and sources tuples: fewer objects to make and to keep.
    shared_people: dict[tuple[str, ...], tuple[str, ...]] = {}
    shared_sources: dict[str, tuple[str]] = {}
    origin, index, occurred_status, make = ledger.origin, ledger.index, Status.OCCURRED, Contact
    for kind in (Call, Meeting):
        for entry in ledger.by_kind(kind):
            readouts = groups.get(entry.id) if groups else None
            if readouts is None:  # the common case, one readout: _contact without the merging
                record = entry.record
                assert isinstance(record, Call | Meeting)
                if record.status is not occurred_status:
                    continue
                people = []
                for participant in record.participants:
                    actor = participant.actor
                    first = origins.get(actor)
                    if first is None:
                        first = origins[actor] = origin(actor)
                    people.append(first)
                participants = (
                    tuple(people)
                    if len(people) == 2 and people[0] != people[1]
                    else tuple(dict.fromkeys(people))
                )
                participants = shared_people.setdefault(participants, participants)
                source = record.provenance.source
                sources = shared_sources.get(source)
                if sources is None:
                    sources = shared_sources[source] = (source,)
                when = record.when
                start = when if type(when) is When else start_of(when)
                contact = make(
                    (entry.id,),
                    "call" if kind is Call else "meeting",
                    participants,
                    record.medium,
                    start,
                    when,
                    sources,
                    tuple(_parts_of(start)) if start.either else (),
                    _denied(entry, denials, origin) if denials else (),
                )
                found.append(contact)
                indexes.append(index(entry.id))
                continue
            if readouts[0].id in seen:
                continue
            seen.add(readouts[0].id)
            readouts = tuple(r for r in readouts if isinstance(r.record, Call | Meeting))
            occurred = _occurred(readouts)
            if occurred is not None:
                doubts = _doubts(ledger, readouts, occurred, denials)
                found.append(_contact(ledger, readouts, occurred, doubts))
                indexes.append(index(readouts[0].id))
    by_actor: dict[str, list[int]] = defaultdict(list)
    for position, contact in enumerate(found):
        for actor in contact.participants:
            by_actor[actor].append(position)
    cache.ledger, cache.key, cache.ordered, cache.keys = weakref.ref(ledger), key, None, None
    cache.contacts, cache.indexes, cache.by_actor = tuple(found), indexes, dict(by_actor)
    cache.memo = {}


def resolve_actors(ledger: Ledger, names: str | Iterable[str], where: str) -> tuple[str, ...]:
    """First-version ids of actors given by id, name or alias (one, or several)."""
    if isinstance(names, str):
        names = (names,)
    found = tuple(ledger.resolve_actor(name) for name in names)
    if not found:
        raise InvalidValueError("name at least one actor", where=where)
    return found


def check_window(window: object) -> None:
    """Refuse a window that is neither None, a When nor a Span, with a clear error."""
    if window is not None and not isinstance(window, When | Span):
        raise InvalidValueError(
            f"a window is a When or a Span, not {type(window).__name__} (an instant: "
            "When.instant(datetime))",
            where="window",
        )


def in_window(contact: Contact, window: When | Span | None) -> Certainty | None:
    """Whether the contact began in ``window``: surely, maybe, or not.

    Surely when every instant its start may be is inside the window for every placement of the
    window's ends, and it surely took place; maybe when one may be, or it is in doubt.
    """
    if window is None:
        return contact.took_place
    (low, high), (inner_low, inner_high) = window_bounds(window)
    start = contact.start
    if start.latest < low or start.earliest > high:
        return None
    parts = contact.parts
    if parts and not any(a <= high and b >= low for a, b in parts):
        return None  # every part falls outside, in a gap between them
    if inner_low <= start.earliest and start.latest <= inner_high:
        return contact.took_place
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
    (without a window every contact is definite). A contact in doubt (:attr:`Contact.doubts`:
    denied, or told as called off) is ``"possible"`` in any case. ``with_``: only contacts with
    that actor, or with any of those actors.
    """
    check_window(window)
    who = ledger.resolve_actor(actor)
    others = None if with_ is None else set(resolve_actors(ledger, with_, "with_"))
    found = []
    for contact in contacts_with(ledger, who, others):
        certainty = in_window(contact, window)
        if certainty is not None:
            found.append(ContactMatch(contact, contact.counterparts(who), certainty))
    return found
