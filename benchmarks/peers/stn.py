"""W4: a temporal constraint network built one constraint at a time, and the networkx peer.

The network is what an analyst builds from a ledger's readouts: events with a start and an end
point, durations ("the call lasted about 40 minutes"), anchors to a reference instant ("on
Tuesday morning"), orderings and offsets between events ("the ceasefire started 2.5 h after the
shelling began"), and a few constraints that contradict the rest (a readout that has the order
wrong). After every constraint the question is: is the network still consistent, and if not,
which constraints contradict each other?

The peer keeps the distance graph in a ``networkx.DiGraph`` and asks
``networkx.negative_edge_cycle`` after every addition (and ``networkx.find_negative_cycle`` for
the explanation when there is one), refusing the constraint as the library does. Asking that of
the whole graph each time is what one does without an incremental algorithm; it is too slow to
run 10,000 times, so it is timed at evenly spaced steps and the total is interpolated.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Final

from diplomacy_ledger import Propagation, SimpleTemporalNetwork, TemporalConstraint

__all__ = ["Answer", "make_constraints", "networkx_peer", "run_ours"]

_TICK: Final = timedelta(microseconds=1)
ORIGIN: Final = "origin"


@dataclass(frozen=True)
class Answer:
    """After one addition: accepted or not, and the size of the explanation when not."""

    ok: bool
    cycle: int


def make_constraints(
    count: int = 10_000, *, per_event: int = 5, seed: int = 7
) -> list[TemporalConstraint]:
    """``count`` constraints over about count/5 events (two points each), in a shuffled order."""
    rng = random.Random(seed)
    events = max(10, count // per_event)
    starts = sorted(rng.uniform(0, 90 * 86_400) for _ in range(events))  # 90 days, in seconds
    lengths = [rng.uniform(600, 6 * 3600) for _ in range(events)]
    truth: dict[str, float] = {ORIGIN: 0.0}
    for index in range(events):
        truth[f"e{index}.start"] = starts[index]
        truth[f"e{index}.end"] = starts[index] + lengths[index]

    def seconds(value: float) -> timedelta:
        return timedelta(seconds=round(value))

    def around(source: str, target: str, slack: float, reason: str) -> TemporalConstraint:
        gap = truth[target] - truth[source]
        return TemporalConstraint(
            source, target, seconds(gap - slack), seconds(gap + slack), reason=reason
        )

    constraints: list[TemporalConstraint] = []
    for index in range(events):  # durations
        slack = rng.choice((300.0, 900.0, 3600.0))
        constraints.append(around(f"e{index}.start", f"e{index}.end", slack, "duration"))
    while len(constraints) < count:
        roll = rng.random()
        i = rng.randrange(events)
        j = min(events - 1, i + rng.randrange(1, 40))
        if i == j:
            continue
        point_i = f"e{i}.{rng.choice(('start', 'end'))}"
        point_j = f"e{j}.{rng.choice(('start', 'end'))}"
        if point_i == point_j:
            continue
        if roll < 0.25:  # anchored to the reference instant: a day, a part of a day, a week
            slack = rng.choice((3 * 3600.0, 12 * 3600.0, 3.5 * 86_400))
            constraints.append(around(ORIGIN, point_i, slack, "anchor"))
        elif roll < 0.55:  # j after i, nothing more known
            if truth[point_j] > truth[point_i]:
                constraints.append(
                    TemporalConstraint(point_i, point_j, timedelta(0), None, reason="after")
                )
        elif roll < 0.999:  # an offset known within some slack
            slack = rng.choice((600.0, 1800.0, 7200.0))
            constraints.append(around(point_i, point_j, slack, "offset"))
        else:  # wrong: the offset contradicts what happened by hours
            gap = truth[point_j] - truth[point_i]
            wrong = gap + rng.choice((-1, 1)) * rng.uniform(6, 48) * 3600
            constraints.append(
                TemporalConstraint(
                    point_i, point_j, seconds(wrong - 600), seconds(wrong + 600), reason="wrong"
                )
            )
    rng.shuffle(constraints)
    return constraints[:count]


def run_ours(constraints: Sequence[TemporalConstraint]) -> tuple[float, list[Answer]]:
    """Add every constraint to a fresh network; the time and the answer after each."""
    network = SimpleTemporalNetwork(origin=ORIGIN)
    results: list[Propagation] = []
    started = time.perf_counter()
    for constraint in constraints:
        result = network.add(constraint)
        if result.conflict is not None:
            str(result.conflict)  # the explanation, in words, as a user would be shown it
        results.append(result)
    seconds = time.perf_counter() - started
    answers = [Answer(r.ok, 0 if r.conflict is None else len(r.conflict.points)) for r in results]
    return seconds, answers


def _edges(constraint: TemporalConstraint) -> list[tuple[str, str, int]]:
    edges = []
    if constraint.upper is not None:
        edges.append((constraint.source, constraint.target, constraint.upper // _TICK))
    if constraint.lower is not None:
        edges.append((constraint.target, constraint.source, -(constraint.lower // _TICK)))
    return edges


def networkx_peer(
    constraints: Sequence[TemporalConstraint], ours: Sequence[Answer], *, samples: int
) -> tuple[float, int, int]:
    """Estimated total seconds, the steps timed, and the conflicts explained and checked.

    At ``samples`` evenly spaced steps, and at every step where ours refused, the peer answers
    itself (timed), and its answer must equal ours; in between it applies our answer untimed,
    so the graph stays the same.
    """
    import networkx as nx  # type: ignore[import-untyped]  # noqa: PLC0415 - bench-only

    graph: Any = nx.DiGraph()
    graph.add_node(ORIGIN)
    count = len(constraints)
    timed = {round(k * (count - 1) / max(1, samples - 1)) for k in range(samples)}
    timed |= {step for step, answer in enumerate(ours) if not answer.ok}  # every refusal too
    measured: dict[int, float] = {}
    explained = 0
    for step, constraint in enumerate(constraints):
        changed: list[tuple[str, str, int | None]] = []
        started = time.perf_counter()
        for u, v, weight in _edges(constraint):
            old = graph.edges[u, v]["weight"] if graph.has_edge(u, v) else None
            if old is None or weight < old:
                graph.add_edge(u, v, weight=weight)
                changed.append((u, v, old))
        if step in timed:
            inconsistent = bool(nx.negative_edge_cycle(graph, weight="weight"))
            if inconsistent:
                cycle = _negative_cycle(nx, graph, changed)
                closed = [*cycle, cycle[0]]
                total = sum(graph.edges[a, b]["weight"] for a, b in itertools.pairwise(closed))
                assert total < 0, "networkx returned a cycle that is not negative"
                assert ours[step].cycle >= 2, "ours refused without a cycle of two or more points"
                explained += 1
            measured[step] = time.perf_counter() - started
            assert inconsistent == (not ours[step].ok), f"step {step}: networkx and ours differ"
        if not ours[step].ok:
            for u, v, old in changed:  # refused: the network stays as it was
                if old is None:
                    graph.remove_edge(u, v)
                else:
                    graph.edges[u, v]["weight"] = old
    return _interpolate(measured, count), len(measured), explained


def _negative_cycle(nx: Any, graph: Any, changed: list[tuple[str, str, int | None]]) -> list[str]:
    """The cycle the new edges close: a new edge ``u → v`` and a shortest path ``v ⇝ u``.

    (``networkx.find_negative_cycle`` from the new constraint's points sometimes reports
    "Negative cycle is detected but not found", so the peer finds the cycle as the library does,
    with Bellman-Ford on the graph as it was before the addition.)
    """
    weights = {(u, v): graph.edges[u, v]["weight"] for u, v, _ in changed}
    for u, v, old in changed:
        if old is None:
            graph.remove_edge(u, v)
        else:
            graph.edges[u, v]["weight"] = old
    try:
        for (u, v), weight in weights.items():
            try:
                length, path = nx.single_source_bellman_ford(graph, v, target=u, weight="weight")
            except nx.NetworkXNoPath:
                continue
            if length + weight < 0:
                return [u, *path[:-1]]
    finally:
        for (u, v), weight in weights.items():
            graph.add_edge(u, v, weight=weight)
    raise AssertionError("no negative cycle through the new constraint")


def _interpolate(measured: dict[int, float], count: int) -> float:
    """The total over ``count`` steps, linear between the timed ones (the trapezoid rule)."""
    steps = sorted(measured)
    if len(steps) == 1:
        return measured[steps[0]] * count
    total = 0.0
    for left, right in itertools.pairwise(steps):
        total += (measured[left] + measured[right]) / 2 * (right - left)
    total += measured[steps[0]] * 0.5 + measured[steps[-1]] * 0.5  # the end points themselves
    return total * count / (steps[-1] - steps[0] + 1)
