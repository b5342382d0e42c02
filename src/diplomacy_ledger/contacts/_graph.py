"""The contact graph: who was in contact with whom, how often (a range), when, and how.

Nodes are actors; an edge joins two actors who took part in one contact: a meeting of several
joins every two of them (a call of three is three edges), since each took part with each other.
Each edge carries the number of contacts as a range, ``[definite, possible]``, the earliest
instant their first contact may have begun and the latest their last may have, and the media
used. Exported to GraphML and node-link JSON by :mod:`diplomacy_ledger.io`, and
to a ``networkx`` graph (``pip install diplomacy-ledger[networkx]``) by :meth:`to_networkx`.
"""

from __future__ import annotations

import importlib
import itertools
import operator
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Final, NamedTuple

import attrs

from diplomacy_ledger._errors import LedgerError
from diplomacy_ledger._gc import gc_paused
from diplomacy_ledger.contacts._contact import (
    Contact,
    check_window,
    contact_events,
    contacts_with,
    in_window,
    resolve_actors,
)
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import Actor, Medium
from diplomacy_ledger.time import Span, When, format_utc_instant, parse_utc_instant, to_utc

__all__ = ["ContactEdge", "ContactGraph", "ContactNode", "contact_graph"]

_MEDIA: Final = {medium: (medium.value,) for medium in Medium}
_VALUE: Final = operator.attrgetter("_value_")


@attrs.frozen
class ContactNode:
    """An actor in the graph: its first-version id, name and kind."""

    id: str
    name: str
    kind: str


class _EdgeFields(NamedTuple):
    source: str
    target: str
    definite: int
    possible: int
    first: datetime
    last: datetime
    media: tuple[str, ...]
    contacts: tuple[str, ...]


class ContactEdge(_EdgeFields):
    """Two actors' contacts: how many (at least, at most), the first and last, the media.

    ``first`` is the earliest instant their first contact may have begun, ``last`` the latest
    instant their last may have (aware datetimes, or RFC 3339 text as the repr writes them);
    ``contacts`` the ids of the contacts (their first readouts). A named tuple: a graph of a
    million entries has hundreds of thousands of them.
    """

    __slots__ = ()

    def __new__(  # noqa: PLR0917  (a named tuple: its fields are positional)
        cls,
        source: str,
        target: str,
        definite: int,
        possible: int,
        first: datetime | str,
        last: datetime | str,
        media: tuple[str, ...],
        contacts: tuple[str, ...],
    ) -> ContactEdge:
        # The library makes edges with tuple.__new__, not through this: it is for users.
        first, last = _instant(first, "first"), _instant(last, "last")
        return super().__new__(
            cls, source, target, definite, possible, first, last, media, contacts
        )

    def __repr__(self) -> str:
        first, last = format_utc_instant(self.first), format_utc_instant(self.last)
        return (
            f"ContactEdge({self.source!r}, {self.target!r}, {self.definite}, {self.possible}, "
            f"{first!r}, {last!r}, {self.media!r}, {self.contacts!r})"
        )


def _instant(value: datetime | str, field: str) -> datetime:
    if isinstance(value, str):
        return parse_utc_instant(value, where=f"ContactEdge.{field}")
    return to_utc(value, where=f"ContactEdge.{field}")


@attrs.frozen
class ContactGraph:
    """Actors and the contacts between them; edges join ids in sorted order, sorted."""

    nodes: tuple[ContactNode, ...]
    edges: tuple[ContactEdge, ...]
    window: When | Span | None = None

    def to_networkx(self) -> Any:
        """A ``networkx.Graph`` with the same nodes and edges and their attributes.

        Needs networkx (``pip install diplomacy-ledger[networkx]``), imported only here.
        """
        try:
            networkx = importlib.import_module("networkx")
        except ImportError:
            raise LedgerError(
                "to_networkx needs networkx: pip install diplomacy-ledger[networkx]"
            ) from None
        graph = networkx.Graph()
        for node in self.nodes:
            graph.add_node(node.id, name=node.name, kind=node.kind)
        for edge in self.edges:
            graph.add_edge(
                edge.source,
                edge.target,
                definite=edge.definite,
                possible=edge.possible,
                first=edge.first.isoformat(),
                last=edge.last.isoformat(),
                media=list(edge.media),
                contacts=list(edge.contacts),
            )
        return graph


def contact_graph(
    ledger: Ledger,
    *,
    window: When | Span | None = None,
    actor: str | None = None,
    with_: str | Iterable[str] | None = None,
) -> ContactGraph:
    """The graph of every contact (or of those that began within ``window``).

    With a window, a contact counts as definite on its edges when it began inside the window
    for every placement of the times, and as possible when it may have; edges with no possible
    contact are left out. Without one, every contact counts as definite. A contact in doubt
    (:attr:`Contact.doubts`: denied, or told as called off) counts as possible only. ``actor``
    (an id, name or alias): only the contacts that actor took part in (its edges, and those
    between the others in its meetings); ``with_``: only those with that actor, or any of those
    actors, as in :func:`contacts_of`. Nodes are the actors of the edges. An actor's edges are the
    contacts it took part in itself: a state's leader's calls are not the state's. O(n + p) for
    p pairs of participants.
    """
    check_window(window)
    with gc_paused():
        others = None if with_ is None else resolve_actors(ledger, with_, "with_")
        if actor is not None:
            contacts: Iterable[Contact] = contacts_with(ledger, ledger.resolve_actor(actor), others)
        else:
            contacts = contact_events(ledger)
            if others is not None:
                wanted = set(others)
                contacts = [c for c in contacts if not wanted.isdisjoint(c.participants)]
        return _graph(ledger, contacts, window)


def _graph(ledger: Ledger, contacts: Iterable[Contact], window: When | Span | None) -> ContactGraph:
    # Per pair: [definite, possible, first, last, ids, media]; ids and media are a contact's id
    # and medium while the pair has one contact, a list and a dict once it has more. The
    # contacts come in time order, so each pair's ids and media do too.
    counts: dict[tuple[str, str], list[Any]] = {}
    get, media = counts.get, _MEDIA
    for contact in contacts:
        if window is None:
            sure = not contact.doubts  # a contact in doubt may not have taken place
        else:
            certainty = in_window(contact, window)
            if certainty is None:
                continue
            sure = certainty == "definite"
        start, people = contact.start, contact.participants
        low, high, id, medium = start.earliest, start.latest, contact.entries[0], contact.medium
        if len(people) == 2:  # the common case: one pair
            a, b = people
            pairs: Iterable[tuple[str, str]] = ((a, b) if a < b else (b, a),)
        else:
            pairs = itertools.combinations(sorted(people), 2)
        for pair in pairs:
            found = get(pair)
            if found is None:
                counts[pair] = [int(sure), 1, low, high, id, medium]
                continue
            if found[1] == 1:
                found[4], found[5] = [found[4]], {found[5]: None}
            found[0] += sure
            found[1] += 1
            found[2] = min(found[2], low)
            found[3] = max(found[3], high)
            found[4].append(id)
            found[5][medium] = None
    make = tuple.__new__
    edges = tuple(
        make(ContactEdge, (a, b, d, p, first, last, media[medium], (ids,)))
        if p == 1
        else make(
            ContactEdge,
            (a, b, d, p, first, last, tuple(map(_VALUE, medium)), tuple(ids)),
        )
        for (a, b), (d, p, first, last, ids, medium) in sorted(counts.items())
    )
    ids = sorted({actor for pair in counts for actor in pair})
    return ContactGraph(tuple(_node(ledger, id) for id in ids), edges, window)


def _node(ledger: Ledger, id: str) -> ContactNode:
    current = ledger.current(id)
    actor = current.record if current is not None else None
    if isinstance(actor, Actor):
        return ContactNode(id, actor.name, actor.kind.value)
    return ContactNode(id, id, "unknown")
