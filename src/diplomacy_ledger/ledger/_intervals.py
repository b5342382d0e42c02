"""A static interval index: which intervals overlap a window, or lie inside it.

Intervals are grouped by length, each group holding lengths below a power of four, and each group
is sorted by its low end. An interval of length at most ``L`` that overlaps ``[a, b]`` has its
low end in ``[a - L, b]``; one inside ``[a, b]`` has its low end in ``[a, b]``. So a query is two
binary searches per group and a filter over a contiguous run, in C-speed slices. Within a group
every length is at least a quarter of the group's bound, so the filter throws away at most a few
times as many candidates as it keeps near the window's edges, however long or short the
intervals are: instants, days and decades do not slow each other down.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

__all__ = ["IntervalIndex"]


class _Group:
    """Intervals whose length is at most ``longest``, sorted by low end (then high, payload)."""

    __slots__ = ("highs", "longest", "lows", "ranks")

    def __init__(self, longest: int) -> None:
        self.longest = longest
        self.lows: list[int] = []
        self.highs: list[int] = []
        self.ranks: list[int] = []


class IntervalIndex:
    """Closed integer intervals ``[low, high]``, each with an integer payload; built once.

    Answers come as payloads, in the order of (low, high, payload).
    """

    __slots__ = ("_groups", "_payloads")

    def __init__(self, intervals: Sequence[tuple[int, int, int]]) -> None:
        ordered = sorted(intervals)
        self._payloads = [payload for _, _, payload in ordered]
        groups: dict[int, _Group] = {}
        for rank, (low, high, _) in enumerate(ordered):
            if high < low:
                raise ValueError(f"interval [{low}, {high}] ends before it starts")
            size = (high - low).bit_length()
            key = (size + 1) // 2  # lengths below 4**key
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Group(4**key - 1)
            group.lows.append(low)
            group.highs.append(high)
            group.ranks.append(rank)
        self._groups = [groups[key] for key in sorted(groups)]

    def __len__(self) -> int:
        return len(self._payloads)

    def overlapping(self, low: int, high: int) -> list[int]:
        """Payloads of intervals that share at least one point with ``[low, high]``."""
        found: list[int] = []
        for group in self._groups:
            start = bisect.bisect_left(group.lows, low - group.longest)
            end = bisect.bisect_right(group.lows, high)
            if start < end:
                highs = group.highs[start:end]
                found += [r for r, h in zip(group.ranks[start:end], highs, strict=True) if h >= low]
        return self._in_order(found)

    def inside(self, low: int, high: int) -> list[int]:
        """Payloads of intervals that lie wholly within ``[low, high]``."""
        found: list[int] = []
        for group in self._groups:
            start = bisect.bisect_left(group.lows, low)
            end = bisect.bisect_right(group.lows, high)
            if start < end:
                highs = group.highs[start:end]
                found += [
                    r for r, h in zip(group.ranks[start:end], highs, strict=True) if h <= high
                ]
        return self._in_order(found)

    def _in_order(self, ranks: list[int]) -> list[int]:
        ranks.sort()
        payloads = self._payloads
        return [payloads[rank] for rank in ranks]
