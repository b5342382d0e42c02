"""The interval index against a scan."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diplomacy_ledger.ledger._intervals import IntervalIndex

# Lengths on every scale, from instants to decades: the index groups intervals by length.
lengths = st.one_of(
    st.integers(0, 30), st.integers(0, 2**20), st.sampled_from([0, 1, 3, 4, 15, 16])
)
intervals = st.lists(
    st.tuples(st.integers(-(2**20), 2**20), lengths).map(lambda t: (t[0], t[0] + t[1])),
    max_size=60,
)
small_intervals = st.lists(
    st.tuples(st.integers(-50, 50), st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=60,
)
windows = st.tuples(st.integers(-(2**20), 2**20), lengths).map(lambda t: (t[0], t[0] + t[1]))
small_windows = st.tuples(st.integers(-60, 60), st.integers(0, 40)).map(
    lambda t: (t[0], t[0] + t[1])
)


@given(st.one_of(intervals, small_intervals), st.one_of(windows, small_windows))
def test_overlapping_and_inside_agree_with_a_scan(
    spans: list[tuple[int, int]], window: tuple[int, int]
) -> None:
    index = IntervalIndex([(low, high, n) for n, (low, high) in enumerate(spans)])
    low, high = window
    overlapping = [n for n, (a, b) in enumerate(spans) if a <= high and b >= low]
    inside = [n for n, (a, b) in enumerate(spans) if low <= a and b <= high]

    def in_order(found: list[int]) -> list[int]:
        return sorted(found, key=lambda n: (*spans[n], n))

    assert list(index.overlapping(low, high)) == in_order(overlapping)
    assert list(index.inside(low, high)) == in_order(inside)
    assert len(index) == len(spans)


def test_results_come_in_order_of_low_then_high() -> None:
    index = IntervalIndex([(5, 9, 0), (1, 20, 1), (5, 6, 2), (30, 40, 3)])
    assert list(index.overlapping(0, 10)) == [1, 2, 0]
    assert list(index.inside(0, 10)) == [2, 0]
    assert list(IntervalIndex([]).overlapping(0, 1)) == []
