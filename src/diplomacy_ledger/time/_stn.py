"""Simple temporal networks: metric constraints between time points, checked as they are added.

Use a :class:`SimpleTemporalNetwork` when the sources give durations and offsets rather than
orderings: "the ceasefire starts 2.5 h after the shelling began", "the call was within 6 h of
midnight". Each :class:`TemporalConstraint` says ``lower ≤ t(target) − t(source) ≤ upper``; either
bound may be missing (unbounded). The network is consistent iff its distance graph (an edge
``source → target`` weighted ``upper`` and ``target → source`` weighted ``−lower``) has no
negative cycle, and the shortest distances are then the tightest bounds the constraints imply
(Dechter, Meiri & Pearl 1991).

>>> from datetime import timedelta
>>> network = SimpleTemporalNetwork()
>>> network.add(TemporalConstraint("origin", "shelling", timedelta(0), timedelta(0))).ok
True
>>> hours = timedelta(hours=2.5)
>>> network.add(TemporalConstraint("shelling", "ceasefire", hours, hours)).ok
True
>>> network.bounds("ceasefire")
(datetime.timedelta(seconds=9000), datetime.timedelta(seconds=9000))

Adding is incremental and a constraint that would make the network inconsistent is **refused**:
the network stays exactly as it was, and the :class:`Propagation` result names the constraints on
the negative cycle, which is the explanation to show.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Final

import attrs

from diplomacy_ledger._errors import InvalidValueError, NaiveDatetimeError, UnknownEntryError
from diplomacy_ledger._repr import python_repr
from diplomacy_ledger.time._when import When

__all__ = [
    "NegativeCycle",
    "Propagation",
    "SimpleTemporalNetwork",
    "TemporalConstraint",
]

_TICK: Final = timedelta(microseconds=1)
_INF: Final = float("inf")


def _ticks(delta: timedelta) -> int:
    return delta // _TICK


def _format(delta: timedelta) -> str:
    """``1:00:00``, ``-1:00:00`` (not ``-1 day, 23:00:00``), ``2 days, 0:30:00``."""
    return f"-{-delta}" if delta < timedelta(0) else str(delta)


def _check_bounds(instance: TemporalConstraint, attribute: object, value: timedelta | None) -> None:
    for name, bound in (("lower", instance.lower), ("upper", instance.upper)):
        _check_duration(bound, f"TemporalConstraint.{name}")
    if (
        instance.lower is not None
        and instance.upper is not None
        and instance.lower > instance.upper
    ):
        raise InvalidValueError(
            f"the lower bound {instance.lower} is above the upper bound {instance.upper}",
            where="TemporalConstraint",
        )


def _check_duration(value: object, where: str) -> None:
    if value is not None and not isinstance(value, timedelta):
        raise InvalidValueError(
            f"a duration is a datetime.timedelta or None, not {type(value).__name__}",
            where=where,
        )


@python_repr
@attrs.frozen
class TemporalConstraint:
    """``lower ≤ t(target) − t(source) ≤ upper``; a missing bound is no bound.

    >>> str(TemporalConstraint("shelling", "ceasefire", timedelta(hours=2), reason="report"))
    'ceasefire − shelling ≥ 2:00:00 (report)'
    """

    source: str
    target: str
    lower: timedelta | None = None
    upper: timedelta | None = attrs.field(default=None, validator=_check_bounds)
    reason: str | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.source == self.target:
            raise InvalidValueError(
                f"a constraint relates two different points, not {self.source!r} to itself",
                where="TemporalConstraint",
            )

    @classmethod
    def exactly(
        cls, source: str, target: str, delta: timedelta, *, reason: str | None = None
    ) -> TemporalConstraint:
        """``t(target) − t(source) = delta``."""
        return cls(source, target, delta, delta, reason=reason)

    @classmethod
    def lasted(
        cls,
        start: str,
        end: str,
        *,
        at_least: timedelta | None = None,
        at_most: timedelta | None = None,
        reason: str | None = None,
    ) -> TemporalConstraint:
        """Something that began at point ``start`` and ended at ``end`` lasted at least / at most.

        ``at_least`` defaults to zero: an end is never before its start. With
        :attr:`Span.duration <diplomacy_ledger.Span.duration>`, a Span's length range becomes a
        constraint: ``lasted("s", "e", at_least=shortest, at_most=longest)``.

        >>> str(TemporalConstraint.lasted("talks.start", "talks.end", at_most=timedelta(hours=3)))
        '0:00:00 ≤ talks.end − talks.start ≤ 3:00:00'
        """
        _check_duration(at_least, "TemporalConstraint.lasted: at_least")
        _check_duration(at_most, "TemporalConstraint.lasted: at_most")
        lower = timedelta(0) if at_least is None else at_least
        if lower < timedelta(0):
            raise InvalidValueError(
                f"a duration cannot be negative, not {at_least}", where="TemporalConstraint.lasted"
            )
        return cls(start, end, lower, at_most, reason=reason)

    def __str__(self) -> str:
        difference = f"{self.target} − {self.source}"
        lower, upper = self.lower, self.upper
        if lower is not None and lower == upper:
            text = f"{difference} = {_format(lower)}"
        elif lower is not None and upper is not None:
            text = f"{_format(lower)} ≤ {difference} ≤ {_format(upper)}"
        elif lower is not None:
            text = f"{difference} ≥ {_format(lower)}"
        elif upper is not None:
            text = f"{difference} ≤ {_format(upper)}"
        else:
            text = f"{difference} unbounded"
        return f"{text} ({self.reason})" if self.reason else text


@attrs.frozen
class _Edge:
    """A distance-graph edge: ``t(target) − t(source) ≤ weight`` (ticks), from ``constraint``."""

    source: str
    target: str
    weight: int
    constraint: TemporalConstraint


@python_repr
@attrs.frozen
class NegativeCycle:
    """Constraints that cannot all hold: their distance-graph edges form a negative cycle.

    ``constraints`` follow the cycle; ``points`` are the points it visits, in the same order.
    ``excess`` is how much too tight the cycle is: going round it, the bounds demand that a point
    be ``excess`` earlier than itself.
    """

    constraints: tuple[TemporalConstraint, ...]
    points: tuple[str, ...]
    excess: timedelta

    def __str__(self) -> str:
        route = " → ".join((*self.points, self.points[0]))
        excess = _format(self.excess)
        head = (
            f"these constraints contradict each other ({route} would put a point {excess} "
            "before itself):"
        )
        lines = [head]
        lines += [f"  - {constraint}" for constraint in self.constraints]
        return "\n".join(lines)


@python_repr
@attrs.frozen
class Propagation:
    """The outcome of :meth:`SimpleTemporalNetwork.add`.

    ``ok`` is False when the constraint was refused; ``conflict`` then says why.
    ``relaxations`` counts the distance entries the addition read or tightened (see
    :attr:`SimpleTemporalNetwork.last_relaxations`).
    """

    constraint: TemporalConstraint
    conflict: NegativeCycle | None
    relaxations: int

    @property
    def ok(self) -> bool:
        """True when the constraint was added (the network is still consistent)."""
        return self.conflict is None


class SimpleTemporalNetwork:
    """Time points and metric constraints between them, kept consistent and fully propagated.

    The point named ``origin`` (default ``"origin"``) is the reference for :meth:`bounds`;
    ``epoch``, if given, is the instant it stands for, so that :meth:`add_when` and
    :meth:`window` can speak in datetimes.

    Algorithm: the network keeps the all-pairs shortest distances of its distance graph, sparse
    (only finite entries), with a predecessor edge per entry. Adding an edge ``u → v`` of weight
    ``w`` first checks ``d(v, u) + w < 0`` (a negative cycle: refuse). Otherwise only pairs
    ``(x, y)`` with ``d(x, u) + w < d(x, v)`` and ``w + d(v, y) < d(u, y)`` can get shorter, and
    each becomes ``min(d(x, y), d(x, u) + w + d(v, y))``: the classic incremental all-pairs
    update (e.g. Even & Gazit 1985; Demetrescu & Italiano 2006 for the dynamic setting). The work
    is proportional to the points connected to ``u`` and ``v`` plus the pairs actually affected,
    O(n²) in the worst case, never the size of unconnected parts of the network.
    """

    def __init__(self, *, origin: str = "origin", epoch: datetime | None = None) -> None:
        if epoch is not None and epoch.utcoffset() is None:
            raise NaiveDatetimeError(
                "the epoch must be an aware datetime", where="SimpleTemporalNetwork.epoch"
            )
        self._origin = origin
        self._epoch = epoch
        # _out[x][y] = d(x, y), finite entries only; _into[y][x] mirrors it for lookups by target.
        self._out: dict[str, dict[str, int]] = {}
        self._into: dict[str, dict[str, int]] = {}
        self._last: dict[str, dict[str, _Edge]] = {}  # last edge on a shortest path x ⇝ y
        self._constraints: list[TemporalConstraint] = []
        self._relaxations = 0
        self._point(origin)

    @classmethod
    def from_whens(
        cls, whens: Mapping[str, When], *, epoch: datetime, origin: str = "origin"
    ) -> SimpleTemporalNetwork:
        """A network whose points each lie within their :class:`When`'s bounds."""
        network = cls(origin=origin, epoch=epoch)
        for point, when in whens.items():
            network.add_when(point, when)
        return network

    # -- reading ---------------------------------------------------------------------------------

    @property
    def origin(self) -> str:
        """The reference point of :meth:`bounds`."""
        return self._origin

    @property
    def epoch(self) -> datetime | None:
        """The instant the origin stands for, if given."""
        return self._epoch

    @property
    def points(self) -> tuple[str, ...]:
        """The points, in the order they were first mentioned (the origin first)."""
        return tuple(self._out)

    @property
    def constraints(self) -> tuple[TemporalConstraint, ...]:
        """The accepted constraints, in order."""
        return tuple(self._constraints)

    @property
    def last_relaxations(self) -> int:
        """The distance entries read or tightened by the last :meth:`add`.

        One per entry scanned to find the affected sources and targets, plus one per affected
        pair considered; a refused constraint costs the two look-ups of the cycle check.
        """
        return self._relaxations

    def distance(self, source: str, target: str) -> tuple[timedelta | None, timedelta | None]:
        """The tightest ``(lower, upper)`` on ``t(target) − t(source)``; None where unbounded."""
        self._known(source, target)
        upper = self._out[source].get(target)
        lower = self._out[target].get(source)
        return (
            None if lower is None else -lower * _TICK,
            None if upper is None else upper * _TICK,
        )

    def bounds(self, point: str) -> tuple[timedelta | None, timedelta | None]:
        """The earliest and latest ``point`` can be, relative to the origin."""
        return self.distance(self._origin, point)

    def window(self, point: str) -> tuple[datetime | None, datetime | None]:
        """The earliest and latest instant of ``point``; needs an ``epoch``."""
        epoch = self._require_epoch("window")
        earliest, latest = self.bounds(point)
        return (
            None if earliest is None else epoch + earliest,
            None if latest is None else epoch + latest,
        )

    def _known(self, *points: str) -> None:
        for point in points:
            if point not in self._out:
                raise UnknownEntryError(f"no time point named {point!r} in this network")

    def _require_epoch(self, method: str) -> datetime:
        if self._epoch is None:
            raise InvalidValueError(
                "this network has no epoch: give SimpleTemporalNetwork(epoch=...) to use datetimes",
                where=f"SimpleTemporalNetwork.{method}",
            )
        return self._epoch

    # -- adding ----------------------------------------------------------------------------------

    def constrain(
        self,
        source: str,
        target: str,
        lower: timedelta | None = None,
        upper: timedelta | None = None,
        *,
        reason: str | None = None,
    ) -> Propagation:
        """Add ``lower ≤ t(target) − t(source) ≤ upper``; see :meth:`add`."""
        return self.add(TemporalConstraint(source, target, lower, upper, reason=reason))

    def add_when(self, point: str, when: When, *, reason: str | None = None) -> Propagation:
        """Constrain ``point`` to lie within ``when``'s ``[earliest, latest]``; needs an epoch."""
        epoch = self._require_epoch("add_when")
        return self.add(
            TemporalConstraint(
                self._origin,
                point,
                when.earliest - epoch,
                when.latest - epoch,
                reason=reason if reason is not None else f"{point} at {when}",
            )
        )

    def add(self, constraint: TemporalConstraint) -> Propagation:
        """Add ``constraint`` and propagate it, or refuse it if it contradicts the network.

        A refused constraint leaves the network unchanged; the result's ``conflict`` holds the
        negative cycle it would have closed.
        """
        self._relaxations = 0
        edges = []
        if constraint.upper is not None:
            edges.append(
                _Edge(constraint.source, constraint.target, _ticks(constraint.upper), constraint)
            )
        if constraint.lower is not None:
            edges.append(
                _Edge(constraint.target, constraint.source, -_ticks(constraint.lower), constraint)
            )
        # Check before changing anything. A cycle through both new edges is the 2-cycle
        # (upper − lower ≥ 0, so never negative); one through a single new edge closes it with a
        # shortest path of the network as it is.
        for edge in edges:
            self._relaxations += 1
            back = self._out.get(edge.target, {}).get(edge.source)
            if back is not None and back + edge.weight < 0:
                return Propagation(constraint, self._cycle(edge), self._relaxations)
        self._point(constraint.source)
        self._point(constraint.target)
        for edge in edges:
            self._relax(edge)
        self._constraints.append(constraint)
        return Propagation(constraint, None, self._relaxations)

    def _point(self, name: str) -> None:
        if name not in self._out:
            self._out[name] = {name: 0}
            self._into[name] = {name: 0}
            self._last[name] = {}

    def _relax(self, edge: _Edge) -> None:
        u, v, w = edge.source, edge.target, edge.weight
        out, into, last = self._out, self._into, self._last
        self._relaxations += 1
        if w >= out[u].get(v, _INF):
            return  # implied already: nothing can get shorter
        # Column u and row v do not change (that would need a negative cycle), so read them once.
        sources = [(x, dxu) for x, dxu in into[u].items() if dxu + w < out[x].get(v, _INF)]
        targets = [(y, dvy) for y, dvy in out[v].items() if w + dvy < out[u].get(y, _INF)]
        self._relaxations += len(into[u]) + len(out[v]) + len(sources) * len(targets)
        last_v = last[v]
        for x, dxu in sources:
            row, last_x = out[x], last[x]
            for y, dvy in targets:
                candidate = dxu + w + dvy
                if candidate < row.get(y, _INF):
                    row[y] = into[y][x] = candidate
                    last_x[y] = edge if y == v else last_v[y]

    def _cycle(self, edge: _Edge) -> NegativeCycle:
        """The cycle ``edge`` closes with the shortest path back from its target to its source."""
        path: list[_Edge] = []
        node, start, last = edge.source, edge.target, self._last[edge.target]
        while node != start:
            step = last[node]
            path.append(step)
            node = step.source
        path.reverse()
        cycle = [edge, *path]
        total = sum(step.weight for step in cycle)
        constraints: list[TemporalConstraint] = []
        for step in cycle:
            if step.constraint not in constraints:
                constraints.append(step.constraint)
        return NegativeCycle(
            tuple(constraints), tuple(step.source for step in cycle), -total * _TICK
        )
