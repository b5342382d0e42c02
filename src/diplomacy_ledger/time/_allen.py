"""Allen's interval algebra: composition, and networks of interval relations.

Use :func:`compose_allen` to ask what two known relations imply about a third pair ("the
mediation was *during* the night, the night *meets* the morning, so the mediation was *before*
the morning"), and :class:`AllenNetwork` to put many such facts together and look for a
contradiction.

The composition table is not typed in: it is derived at import time from the definitions of the
thirteen relations as orderings of interval endpoints (``_ALLEN_TABLE`` in ``_order.py``), with
the point algebra on the real line. ``r3`` is in ``r1 ∘ r2`` iff there is a placement of three
intervals A, B, C with ``r1(A, B)``, ``r2(B, C)`` and ``r3(A, C)``.

>>> compose_allen(Allen.MEETS, Allen.MEETS)
Allen.BEFORE
>>> describe(compose_allen(Allen.OVERLAPS, Allen.OVERLAPS))
'{before, meets, overlaps}'

Path consistency, what :meth:`AllenNetwork.path_consistency` runs, refines every relation
``r(a, c)`` to ``r(a, c) ∩ r(a, b) ∘ r(b, c)`` until nothing changes. An empty relation proves
the network inconsistent. The converse does **not** hold: a path-consistent network of general
Allen relations may still have no placement (Allen 1983); deciding consistency of such networks
is NP-complete (Vilain & Kautz 1986). Path consistency is complete for networks whose relations
are all single relations or, more generally, pointisable (Vilain, Kautz & van Beek 1989) or
ORD-Horn (Nebel & Bürckert 1995). So "no inconsistency found" is not "consistent" in general.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections import deque
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from diplomacy_ledger._errors import InvalidValueError, UnknownEntryError
from diplomacy_ledger._repr import python_repr
from diplomacy_ledger.time._order import _ALLEN_TABLE, Allen
from diplomacy_ledger.time._when import Span

__all__ = [
    "ALL_RELATIONS",
    "AllenConflict",
    "AllenConstraint",
    "AllenNetwork",
    "compose_allen",
    "describe",
]

ALL_RELATIONS: Final = functools.reduce(operator.or_, Allen)
"""Every one of the thirteen relations: nothing is known."""

_BASIC: Final = tuple(relation for relation, _ in _ALLEN_TABLE)


# -- the composition table, derived -----------------------------------------------------------


def _signs(weak_order: tuple[tuple[int, ...], ...]) -> tuple[tuple[int, ...], ...]:
    """The point-algebra relation (-1 <, 0 =, 1 >) between each pair of the 4 endpoints."""
    rank = {point: index for index, group in enumerate(weak_order) for point in group}
    return tuple(
        tuple((rank[i] > rank[j]) - (rank[i] < rank[j]) for j in range(4)) for i in range(4)
    )


def _point_composes(first: int, second: int, third: int) -> bool:
    """Whether ``x ? z = third`` is possible given ``x ? y = first`` and ``y ? z = second``.

    The point algebra on the reals: equal signs compose to themselves, ``=`` is neutral, and
    ``<`` then ``>`` (or the reverse) allows anything, since the line is dense and unbounded.
    """
    if first == 0:
        return third == second
    if second in (0, first):
        return third == first
    return True


def _derive_table() -> dict[tuple[Allen, Allen], Allen]:
    """``r3 ∈ r1 ∘ r2`` iff the six endpoints of A, B, C admit a consistent total preorder.

    The 6-point network with ``r1`` on A–B, ``r2`` on B–C and ``r3`` on A–C assigns one point
    relation to every pair; such a network is consistent iff every triangle is. Triangles inside
    two intervals' four endpoints are consistent because each relation is a real ordering, so only
    the 8 triangles with one endpoint from each interval need checking.
    """
    signs = {relation: _signs(order) for relation, order in _ALLEN_TABLE}
    table: dict[tuple[Allen, Allen], Allen] = {}
    for r1, r2 in itertools.product(_BASIC, repeat=2):
        ab, bc = signs[r1], signs[r2]  # endpoints 0, 1 = first interval; 2, 3 = second
        result = Allen(0)
        for r3 in _BASIC:
            ac = signs[r3]
            if all(
                _point_composes(ab[x][2 + y], bc[y][2 + z], ac[x][2 + z])
                for x, y, z in itertools.product(range(2), repeat=3)
            ):
                result |= r3
        table[r1, r2] = result
    return table


_TABLE: Final = _derive_table()
_CACHE: dict[tuple[int, int], Allen] = {}


def compose_allen(first: Allen, second: Allen) -> Allen:
    """The relations of A to C allowed by ``first`` between A and B and ``second`` between B and C.

    For sets of relations, the union of the compositions of their members.

    >>> compose_allen(Allen.DURING, Allen.DURING)
    Allen.DURING
    >>> compose_allen(Allen.BEFORE, Allen.AFTER) == ALL_RELATIONS
    True
    """
    key = (first.value, second.value)
    cached = _CACHE.get(key)
    if cached is None:
        cached = Allen(0)
        for r1 in first:
            for r2 in second:
                cached |= _TABLE[r1, r2]
        _CACHE[key] = cached
    return cached


def describe(relations: Allen) -> str:
    """Relation names in lower case: ``'before'``, ``'{meets, overlaps}'``, ``'{}'``, ``'any'``."""
    return relations.describe()


# -- networks ---------------------------------------------------------------------------------


@python_repr
@attrs.frozen
class AllenConstraint:
    """A stated fact: interval ``first`` stands in one of ``relations`` to interval ``second``."""

    first: str
    second: str
    relations: Allen
    reason: str | None = None

    def __str__(self) -> str:
        text = f"{self.first} {describe(self.relations)} {self.second}"
        return f"{text} ({self.reason})" if self.reason else text


@python_repr
@attrs.frozen
class AllenConflict:
    """Why a network has no placement: its relation between ``first`` and ``second`` emptied.

    ``constraints`` are the stated facts behind it, reduced so that leaving out any one of them
    lets path consistency find no conflict (a minimal set for path consistency). ``via`` is the
    third interval of the triangle whose composition emptied the relation, or None when facts
    stated about the pair itself contradict each other.
    """

    first: str
    second: str
    via: str | None
    constraints: tuple[AllenConstraint, ...]

    def __str__(self) -> str:
        where = f" (composing through {self.via!r})" if self.via is not None else ""
        head = (
            f"no placement of the intervals fits: no relation is left between {self.first!r} "
            f"and {self.second!r}{where}, because"
        )
        lines = [head]
        lines += [f"  - {constraint}" for constraint in self.constraints]
        return "\n".join(lines)


class AllenNetwork:
    """Named intervals and the Allen relations known between them.

    Each :meth:`constrain` intersects what is known about a pair; :meth:`path_consistency`
    propagates the facts through triangles of intervals.

    >>> network = AllenNetwork()
    >>> network.constrain("shelling", "calls", Allen.STARTS | Allen.OVERLAPS, reason="at midnight")
    >>> network.constrain("calls", "ceasefire", Allen.BEFORE, reason="then the ceasefire")
    >>> refined = network.path_consistency()
    >>> describe(refined.relation("ceasefire", "shelling"))
    'after'
    """

    def __init__(self, intervals: Iterable[str] = ()) -> None:
        self._nodes: dict[str, None] = dict.fromkeys(intervals)
        self._labels: dict[tuple[str, str], Allen] = {}
        self._support: dict[tuple[str, str], frozenset[int]] = {}
        self._constraints: list[AllenConstraint] = []

    @classmethod
    def from_spans(cls, spans: Mapping[str, Span]) -> AllenNetwork:
        """A network relating every pair of ``spans`` by what their bounds allow (``Span.allen``).

        >>> from diplomacy_ledger import When
        >>> night = Span(When.parse("2022-09-12T20:00Z"), When.parse("2022-09-13T02:00Z"))
        >>> talks = Span(When.parse("2022-09-12T21:00Z"), When.parse("2022-09-12T22:00Z"))
        >>> AllenNetwork.from_spans({"night": night, "talks": talks}).relation("talks", "night")
        Allen.DURING
        """
        network = cls(spans)
        for (a, span_a), (b, span_b) in itertools.combinations(spans.items(), 2):
            network.constrain(a, b, span_a.allen(span_b), reason=f"{a}: {span_a}; {b}: {span_b}")
        return network

    @property
    def intervals(self) -> tuple[str, ...]:
        """The intervals' names, in the order they were first mentioned."""
        return tuple(self._nodes)

    @property
    def constraints(self) -> tuple[AllenConstraint, ...]:
        """The facts stated with :meth:`constrain`, in order."""
        return tuple(self._constraints)

    def constrain(
        self, first: str, second: str, relations: Allen, reason: str | None = None
    ) -> None:
        """State that ``first`` stands in one of ``relations`` to ``second``.

        The relation already known for the pair is intersected with ``relations`` (and the
        converse pair kept in step); nothing else is propagated until :meth:`path_consistency`.
        """
        if first == second:
            raise InvalidValueError(
                f"an interval's relation to itself is always 'equals': {first!r}",
                where="AllenNetwork.constrain",
            )
        self._add(AllenConstraint(first, second, relations, reason))

    def _add(self, constraint: AllenConstraint) -> None:
        index = len(self._constraints)
        self._constraints.append(constraint)
        a, b = constraint.first, constraint.second
        self._nodes.setdefault(a)
        self._nodes.setdefault(b)
        label = self.relation(a, b) & constraint.relations
        support = self._support.get((a, b), frozenset()) | {index}
        self._set(a, b, label, support)

    def _set(self, a: str, b: str, label: Allen, support: frozenset[int]) -> None:
        self._labels[a, b], self._labels[b, a] = label, label.converse()
        self._support[a, b] = self._support[b, a] = support

    def relation(self, first: str, second: str) -> Allen:
        """The relations still possible from ``first`` to ``second`` (all 13 when unconstrained)."""
        for name in (first, second):
            if name not in self._nodes:
                raise UnknownEntryError(f"no interval named {name!r} in this network")
        if first == second:
            return Allen.EQUALS
        return self._labels.get((first, second), ALL_RELATIONS)

    def copy(self) -> AllenNetwork:
        """An independent copy."""
        other = AllenNetwork(self._nodes)
        other._labels = dict(self._labels)
        other._support = dict(self._support)
        other._constraints = list(self._constraints)
        return other

    def path_consistency(self) -> AllenNetwork | AllenConflict:
        """The network refined to path consistency, or why some relation became empty.

        A queue-based algorithm in the manner of PC-2 (Mackworth 1977; Allen 1983): each changed
        pair (i, j) revises (i, k) and (k, j) for every other interval k, intersecting with the
        composition through (i, j). Each relation can only shrink, at most 13 times, so it takes
        O(n³) compositions for n intervals. ``self`` is not modified.

        A returned network is path consistent, which does not prove it consistent: see the
        module's documentation. A returned :class:`AllenConflict` does prove it inconsistent.
        """
        refined = self.copy()
        emptied = refined._propagate()
        if emptied is None:
            return refined
        return _explain(refined._constraints, refined._support[emptied[0], emptied[1]])

    def _propagate(self) -> tuple[str, str, str | None] | None:
        """Run path consistency in place; the emptied pair (and third interval) if any."""
        for (a, b), label in self._labels.items():
            if not label:
                return a, b, None
        queue = deque(pair for pair in self._labels if pair[0] < pair[1])
        queued = set(queue)
        nodes = list(self._nodes)
        while queue:
            i, j = queue.popleft()
            queued.discard((i, j))
            for k in nodes:
                if k in (i, j):
                    continue
                # r(i, k) ⊆ r(i, j) ∘ r(j, k), and r(k, j) ⊆ r(k, i) ∘ r(i, j)
                for a, mid, c in ((i, j, k), (k, i, j)):
                    r_ac = self._labels.get((a, c), ALL_RELATIONS)
                    narrowed = r_ac & compose_allen(
                        self._labels.get((a, mid), ALL_RELATIONS),
                        self._labels.get((mid, c), ALL_RELATIONS),
                    )
                    if narrowed == r_ac:
                        continue
                    support = (
                        self._support.get((a, c), frozenset())
                        | self._support.get((a, mid), frozenset())
                        | self._support.get((mid, c), frozenset())
                    )
                    self._set(a, c, narrowed, support)
                    if not narrowed:
                        return a, c, mid
                    pair = (a, c) if a < c else (c, a)
                    if pair not in queued:
                        queued.add(pair)
                        queue.append(pair)
        return None


def _explain(constraints: list[AllenConstraint], support: frozenset[int]) -> AllenConflict:
    """Reduce the facts behind an emptied relation to a minimal conflicting set.

    Deletion filtering: drop each fact in turn and keep it out if the rest still conflict.
    """
    kept = [constraints[i] for i in sorted(support)]
    for constraint in list(kept):
        trial = [c for c in kept if c is not constraint]
        if _conflict_of(trial) is not None:
            kept = trial
    found = _conflict_of(kept)
    assert found is not None  # the support of an emptied relation conflicts by construction
    return AllenConflict(*found, constraints=tuple(kept))


def _conflict_of(constraints: list[AllenConstraint]) -> tuple[str, str, str | None] | None:
    network = AllenNetwork()
    for constraint in constraints:
        network._add(constraint)
    return network._propagate()
