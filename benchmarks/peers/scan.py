"""W3: time-window and actor queries, the linear-scan peer and the ``intervaltree`` peer.

Every peer answers from the same current entries and returns the same list the ledger does:
``within`` results sorted by the event time's earliest bound, then its latest, then record order;
``by_actor`` results in record order.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final, Literal

from diplomacy_ledger import Entry, Ledger, Precision, Span, When
from diplomacy_ledger.model import references, time_bounds

__all__ = ["LinearScan", "Query", "TreePeer", "make_queries", "ours"]

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_TICK: Final = timedelta(microseconds=1)
Certainty = Literal["definitely", "possibly"]


def _micros(moment: datetime) -> int:
    return (moment - _EPOCH) // _TICK


@dataclass(frozen=True)
class Query:
    """A time window (with a certainty) or an actor id."""

    window: When | Span | None = None
    certainty: Certainty = "possibly"
    actor: str | None = None

    def bounds(self) -> tuple[int, int] | None:
        """The window to search, in microseconds: outer for "possibly", inner for "definitely"."""
        window = self.window
        assert window is not None
        if isinstance(window, When):
            low, high = window.earliest, window.latest
        elif self.certainty == "possibly":
            low, high = window.start.earliest, window.end_bounds[1]
        else:
            low, high = window.start.latest, window.end_bounds[0]
        if low > high:
            return None
        return _micros(low), _micros(high)


def make_queries(
    actors: Sequence[str], *, count: int = 10_000, heavy_actor: str | None = None, seed: int = 11
) -> list[Query]:
    """Ten thousand queries, shuffled: half time windows, half actors.

    Windows last an hour, a day, a week or a month (a tenth are Spans with vague ends); actors
    are drawn uniformly from the actor ids (the heavy actor of a skewed ledger ten times).
    """
    rng = random.Random(seed)
    queries: list[Query] = []
    low, high = datetime(1990, 1, 1, tzinfo=UTC), datetime(2025, 6, 1, tzinfo=UTC)
    seconds = (high - low).total_seconds()
    for _ in range(count // 2):
        start = low + timedelta(seconds=rng.uniform(0, seconds))
        certainty: Certainty = "possibly" if rng.random() < 0.7 else "definitely"
        if rng.random() < 0.1:
            first = start.date()
            last = first + timedelta(days=rng.randrange(1, 30))
            queries.append(Query(Span(When.day(first), When.day(last)), certainty))
            continue
        width = rng.choices(
            (timedelta(hours=1), timedelta(days=1), timedelta(days=7), timedelta(days=30)),
            (3, 4, 2, 1),
        )[0]
        window = When(start, start + width, Precision.SPAN, text="a window")
        queries.append(Query(window, certainty))
    chosen = [rng.choice(actors) for _ in range(count - len(queries))]
    if heavy_actor is not None:
        chosen[:10] = [heavy_actor] * 10
    queries += [Query(actor=actor) for actor in chosen]
    rng.shuffle(queries)
    return queries


def ours(ledger: Ledger, query: Query) -> list[Entry]:
    """The ledger's own answer."""
    if query.actor is not None:
        return ledger.by_actor(query.actor)
    assert query.window is not None
    return ledger.within(query.window, certainty=query.certainty)


def _current(ledger: Ledger) -> list[tuple[int, Entry]]:
    """Current entries with their record positions (what the ledger's indexes hold)."""
    position = {entry.id: index for index, entry in enumerate(ledger)}
    return [(position[entry.id], entry) for entry in ledger.entries()]


class LinearScan:
    """Looks at every current entry for every query."""

    def __init__(self, ledger: Ledger) -> None:
        rows = []
        actors = []
        for position, entry in _current(ledger):
            bounds = time_bounds(entry.record)
            if bounds is not None:
                rows.append((_micros(bounds[0]), _micros(bounds[1]), position, entry))
            named = frozenset(
                ledger.origin(ref.id)
                for ref in references(entry.record)
                if ref.kind == "actor" and not ref.path.startswith("provenance.")
            )
            actors.append((position, entry, named))
        rows.sort(key=lambda row: row[:3])
        self.rows = rows
        self.actors = actors
        self.ledger = ledger

    def answer(self, query: Query) -> list[Entry]:
        if query.actor is not None:
            actor = self.ledger.resolve_actor(query.actor)
            return [entry for _, entry, named in self.actors if actor in named]
        bounds = query.bounds()
        if bounds is None:
            return []
        low, high = bounds
        if query.certainty == "possibly":
            return [entry for lo, hi, _, entry in self.rows if lo <= high and hi >= low]
        return [entry for lo, hi, _, entry in self.rows if low <= lo and hi <= high]


class TreePeer:
    """``intervaltree.IntervalTree`` over the current entries' event times (windows only)."""

    def __init__(self, ledger: Ledger) -> None:
        from intervaltree import IntervalTree  # type: ignore[import-untyped]  # noqa: PLC0415

        entries: dict[int, Entry] = {}
        spans = []
        for position, entry in _current(ledger):
            bounds = time_bounds(entry.record)
            if bounds is not None:
                # intervaltree's intervals are half-open: [low, high + 1) holds [low, high].
                spans.append((_micros(bounds[0]), _micros(bounds[1]) + 1, position))
                entries[position] = entry
        self.tree: Any = IntervalTree.from_tuples(spans)
        self.entries = entries

    def answer(self, query: Query) -> list[Entry]:
        bounds = query.bounds()
        if bounds is None:
            return []
        low, high = bounds
        if query.certainty == "possibly":
            found = self.tree.overlap(low, high + 1)
        else:
            found = self.tree.envelop(low, high + 1)
        ordered = sorted((i.begin, i.end, i.data) for i in found)
        return [self.entries[position] for _, _, position in ordered]


def days_between(first: date, last: date) -> int:
    """Whole days from ``first`` to ``last`` (for messages)."""
    return (last - first).days
