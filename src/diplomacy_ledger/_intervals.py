"""A static interval index: which intervals overlap a window, or lie inside it, in O(log n + k).

Intervals are sorted by their low end; a segment tree over that order keeps each node's largest
high end and smallest high end. "Overlaps [a, b]" is a prefix (low ≤ b) searched for high ≥ a;
"inside [a, b]" is a range (a ≤ low ≤ b) searched for high ≤ b. Both descend only into subtrees
that hold an answer, so a query costs O(log n) per answer found, plus O(log n).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence

__all__ = ["IntervalIndex"]


class IntervalIndex:
    """Closed integer intervals ``[low, high]``, each with an integer payload; built once."""

    __slots__ = ("_highs", "_lows", "_max", "_min", "_payloads", "_size")

    def __init__(self, intervals: Sequence[tuple[int, int, int]]) -> None:
        ordered = sorted(intervals)
        self._lows = [low for low, _, _ in ordered]
        self._highs = [high for _, high, _ in ordered]
        self._payloads = [payload for _, _, payload in ordered]
        size = 1
        while size < len(ordered):
            size *= 2
        self._size = size
        lowest, highest = -(2**63), 2**63
        self._max = [lowest] * (2 * size)
        self._min = [highest] * (2 * size)
        self._max[size : size + len(ordered)] = self._highs
        self._min[size : size + len(ordered)] = self._highs
        for node in range(size - 1, 0, -1):
            self._max[node] = max(self._max[2 * node], self._max[2 * node + 1])
            self._min[node] = min(self._min[2 * node], self._min[2 * node + 1])

    def __len__(self) -> int:
        return len(self._lows)

    def overlapping(self, low: int, high: int) -> Iterator[int]:
        """Payloads of intervals that share at least one point with ``[low, high]``."""
        end = bisect.bisect_right(self._lows, high)
        yield from self._search(0, end, lambda node: self._max[node] >= low)

    def inside(self, low: int, high: int) -> Iterator[int]:
        """Payloads of intervals that lie wholly within ``[low, high]``."""
        start = bisect.bisect_left(self._lows, low)
        end = bisect.bisect_right(self._lows, high)
        yield from self._search(start, end, lambda node: self._min[node] <= high)

    def _search(self, start: int, end: int, keep: Callable[[int], bool]) -> Iterator[int]:
        """Leaves in positions [start, end) whose nodes pass ``keep``, in position order."""
        if start >= end:
            return
        stack = [(1, 0, self._size)]
        while stack:
            node, node_start, node_end = stack.pop()
            if node_end <= start or node_start >= end or not keep(node):
                continue
            if node >= self._size:
                yield self._payloads[node - self._size]
                continue
            middle = (node_start + node_end) // 2
            stack.append((2 * node + 1, middle, node_end))
            stack.append((2 * node, node_start, middle))
