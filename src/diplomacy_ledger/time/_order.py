"""Three-valued order between imprecise times.

A :class:`~diplomacy_ledger.When` lies somewhere in its bounds; a
:class:`~diplomacy_ledger.Span`'s start and end each lie somewhere in theirs. A relation between
two of them *definitely* holds if it holds for every placement of the times inside their bounds,
*possibly* if it holds for at least one, and *not* otherwise.

The relations are computed as sets: :class:`Order` (before, same, after) between two Whens,
:class:`PointInterval` between a When and a Span, and :class:`Allen`'s thirteen interval relations
between two Spans (on intervals whose endpoints are themselves uncertain, as in Cowley &
Plexousakis, *Temporal integrity constraints with indeterminacy*, VLDB 2000). A relation is in the
set iff some placement makes it true; it definitely holds iff the set contains nothing else.

Times are treated as real numbers: between two distinct instants there is always room for another.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import datetime
from typing import Literal, Self, TypeVar, cast

from diplomacy_ledger._errors import InvalidTimeError
from diplomacy_ledger._repr import python_repr

__all__ = [
    "Allen",
    "Certainty",
    "Order",
    "PointInterval",
    "Truth",
    "allen_of",
    "feasible",
    "order_of",
    "point_interval_of",
]


Certainty = Literal["definite", "possible"]
"""How sure a finding, or a question about a window, is: the one word for it in the library.

*definite*: it holds for every placement of the times within their bounds (and, for a finding,
rests on no disputed record). *possible*: it holds for some placements only, or rests on a record
that the ledger itself disputes (a claim another actor denies). A check may ask more before it
calls a finding definite, and says so (a ceasefire violation needs an attacker two actors vouch
for). A :class:`Truth` that holds is one of the two: see :attr:`Truth.certainty`.
"""


@python_repr
class Truth(enum.Enum):
    """The answer to a question about imprecise times: definitely, possibly, or not.

    A ``Truth`` deliberately has no truth value of its own: ``if a.before(b):`` would hide whether
    "possibly" counts. Ask for :attr:`definitely` or :attr:`possibly` instead.

    >>> Truth.DEFINITELY.possibly
    True
    >>> Truth.POSSIBLY.definitely
    False
    """

    DEFINITELY = "definitely"
    POSSIBLY = "possibly"
    NOT = "not"

    @property
    def definitely(self) -> bool:
        """True when the relation holds for every placement of the times."""
        return self is Truth.DEFINITELY

    @property
    def certainty(self) -> Certainty | None:
        """``"definite"``, ``"possible"``, or None when the relation does not hold at all.

        >>> Truth.POSSIBLY.certainty
        'possible'
        """
        return _CERTAINTY_OF[self]

    @property
    def possibly(self) -> bool:
        """True when the relation holds for at least one placement (so also when definite)."""
        return self is not Truth.NOT

    def __bool__(self) -> bool:
        raise TypeError(
            "a Truth is three-valued: test `.definitely` or `.possibly`, not the Truth itself"
        )

    def __invert__(self) -> Truth:
        """The truth of the negated relation: not-definitely becomes possibly, and so on."""
        return _NEGATION[self]


_CERTAINTY_OF: dict[Truth, Certainty | None] = {
    Truth.DEFINITELY: "definite",
    Truth.POSSIBLY: "possible",
    Truth.NOT: None,
}

_NEGATION = {
    Truth.DEFINITELY: Truth.NOT,
    Truth.POSSIBLY: Truth.POSSIBLY,
    Truth.NOT: Truth.DEFINITELY,
}


class _RelationSet(enum.Flag):
    """A set of mutually exclusive relations, of which the true one is unknown."""

    def holds(self, wanted: Self) -> Truth:
        """Whether ``wanted`` (one relation, or several joined with ``|``) holds.

        ``self`` is the set of relations still possible. ``wanted`` definitely holds when every
        possible relation is in it, possibly when some is, and not when none is.
        """
        if not self:
            raise InvalidTimeError(
                "an empty relation set has no placement: the times are inconsistent"
            )
        if self & wanted == self:
            return Truth.DEFINITELY
        if self & wanted:
            return Truth.POSSIBLY
        return Truth.NOT

    @property
    def definite(self) -> bool:
        """True when exactly one relation is possible."""
        return len(self) == 1

    def converse(self) -> Self:
        """The relations seen from the other side (before ↔ after, during ↔ contains, …)."""
        table = _CONVERSES[type(self)]
        result = type(self)(0)
        for member in self:
            result |= cast(Self, table[member.name or ""])
        return result


@python_repr
class Order(_RelationSet):
    """How one :class:`~diplomacy_ledger.When` may lie relative to another."""

    BEFORE = enum.auto()
    SAME = enum.auto()
    AFTER = enum.auto()


@python_repr
class PointInterval(_RelationSet):
    """How a :class:`~diplomacy_ledger.When` may lie relative to a :class:`~diplomacy_ledger.Span`.

    ``STARTS`` and ``FINISHES`` mean the moment coincides with the Span's start or end.
    """

    BEFORE = enum.auto()
    STARTS = enum.auto()
    DURING = enum.auto()
    FINISHES = enum.auto()
    AFTER = enum.auto()


@python_repr
class Allen(_RelationSet):
    """Allen's thirteen relations between two intervals (Allen 1983), as a set.

    ``a.allen(b)`` holds the relations of ``a`` to ``b`` that some placement of the endpoints
    allows. ``Allen.BEFORE`` means a ends before b starts; ``Allen.MEETS``, a ends exactly where b
    starts; ``Allen.OVERLAPS``, a starts first and ends inside b; ``STARTS``/``FINISHES``, a shares
    b's start/end and lies inside it; ``DURING``, a lies strictly inside b; the ``*_BY`` and
    ``CONTAINS``/``AFTER`` members are the converses.
    """

    BEFORE = enum.auto()
    MEETS = enum.auto()
    OVERLAPS = enum.auto()
    STARTS = enum.auto()
    DURING = enum.auto()
    FINISHES = enum.auto()
    EQUALS = enum.auto()
    FINISHED_BY = enum.auto()
    CONTAINS = enum.auto()
    STARTED_BY = enum.auto()
    OVERLAPPED_BY = enum.auto()
    MET_BY = enum.auto()
    AFTER = enum.auto()

    def describe(self) -> str:
        """The relations in lower case: ``'before'``, ``'{meets, overlaps}'``, ``'{}'``, ``'any'``.

        >>> (Allen.MEETS | Allen.OVERLAPS).describe()
        '{meets, overlaps}'
        """
        if self == ~Allen(0):
            return "any"
        names = [(member.name or "").lower().replace("_", " ") for member in self]
        return names[0] if len(names) == 1 else "{" + ", ".join(names) + "}"


_CONVERSES: dict[type[_RelationSet], dict[str, _RelationSet]] = {
    Order: {"BEFORE": Order.AFTER, "SAME": Order.SAME, "AFTER": Order.BEFORE},
    # A point's relation to a span has no converse of the same type; the table maps to itself so
    # that converse() is total, but callers should not rely on it for PointInterval.
    PointInterval: {m.name or "": m for m in PointInterval},
    Allen: {
        "BEFORE": Allen.AFTER,
        "MEETS": Allen.MET_BY,
        "OVERLAPS": Allen.OVERLAPPED_BY,
        "STARTS": Allen.STARTED_BY,
        "DURING": Allen.CONTAINS,
        "FINISHES": Allen.FINISHED_BY,
        "EQUALS": Allen.EQUALS,
        "FINISHED_BY": Allen.FINISHES,
        "CONTAINS": Allen.DURING,
        "STARTED_BY": Allen.STARTS,
        "OVERLAPPED_BY": Allen.OVERLAPS,
        "MET_BY": Allen.MEETS,
        "AFTER": Allen.BEFORE,
    },
}

Bounds = tuple[datetime, datetime]
_R = TypeVar("_R", bound=_RelationSet)


def feasible(groups: Sequence[Sequence[Bounds]]) -> bool:
    """Whether points can be placed so that each group's points are equal, groups strictly increase.

    ``groups`` is a weak order: ``[[a], [b, c], [d]]`` asks for ``a < b = c < d`` with each point
    inside its ``(low, high)`` bounds (inclusive). Greedy: place each group as early as it can go.
    Strictness is tracked exactly (on the reals, ``x > y`` can always be met just above ``y``).
    """
    floor: datetime | None = None
    strict = False
    for group in groups:
        low = max(bounds[0] for bounds in group)
        high = min(bounds[1] for bounds in group)
        if floor is not None and floor >= low:
            # Must be above the previous group's value, which can be as small as `floor`.
            low, strict = floor, True
        else:
            strict = False
        if low > high or (strict and low == high):
            return False
        floor = low
    return True


# Each relation as the weak order it imposes on the endpoints (indices into the arguments).
_ORDER_TABLE: tuple[tuple[Order, tuple[tuple[int, ...], ...]], ...] = (
    (Order.BEFORE, ((0,), (1,))),
    (Order.SAME, ((0, 1),)),
    (Order.AFTER, ((1,), (0,))),
)
# point p = 0, start s = 1, end e = 2
_POINT_TABLE: tuple[tuple[PointInterval, tuple[tuple[int, ...], ...]], ...] = (
    (PointInterval.BEFORE, ((0,), (1,), (2,))),
    (PointInterval.STARTS, ((0, 1), (2,))),
    (PointInterval.DURING, ((1,), (0,), (2,))),
    (PointInterval.FINISHES, ((1,), (0, 2))),
    (PointInterval.AFTER, ((1,), (2,), (0,))),
)
# s1 = 0, e1 = 1, s2 = 2, e2 = 3
_ALLEN_TABLE: tuple[tuple[Allen, tuple[tuple[int, ...], ...]], ...] = (
    (Allen.BEFORE, ((0,), (1,), (2,), (3,))),
    (Allen.MEETS, ((0,), (1, 2), (3,))),
    (Allen.OVERLAPS, ((0,), (2,), (1,), (3,))),
    (Allen.STARTS, ((0, 2), (1,), (3,))),
    (Allen.DURING, ((2,), (0,), (1,), (3,))),
    (Allen.FINISHES, ((2,), (0,), (1, 3))),
    (Allen.EQUALS, ((0, 2), (1, 3))),
    (Allen.FINISHED_BY, ((0,), (2,), (1, 3))),
    (Allen.CONTAINS, ((0,), (2,), (3,), (1,))),
    (Allen.STARTED_BY, ((0, 2), (3,), (1,))),
    (Allen.OVERLAPPED_BY, ((2,), (0,), (3,), (1,))),
    (Allen.MET_BY, ((2,), (3, 0), (1,))),
    (Allen.AFTER, ((2,), (3,), (0,), (1,))),
)


def _relations(
    table: tuple[tuple[_R, tuple[tuple[int, ...], ...]], ...], empty: _R, points: Sequence[Bounds]
) -> _R:
    result = empty
    for relation, weak_order in table:
        if feasible([[points[i] for i in group] for group in weak_order]):
            result |= relation
    return result


def order_of(a: Bounds, b: Bounds) -> Order:
    """The possible :class:`Order` relations of a point in ``a`` to a point in ``b``."""
    return _relations(_ORDER_TABLE, Order(0), (a, b))


def point_interval_of(point: Bounds, start: Bounds, end: Bounds) -> PointInterval:
    """The possible relations of a point to an interval whose ends lie in ``start``/``end``."""
    return _relations(_POINT_TABLE, PointInterval(0), (point, start, end))


def allen_of(start1: Bounds, end1: Bounds, start2: Bounds, end2: Bounds) -> Allen:
    """The possible Allen relations of interval 1 to interval 2, given their endpoints' bounds."""
    return _relations(_ALLEN_TABLE, Allen(0), (start1, end1, start2, end2))
