"""The interval index against a scan."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diplomacy_ledger._intervals import IntervalIndex

intervals = st.lists(
    st.tuples(st.integers(-50, 50), st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=60,
)
windows = st.tuples(st.integers(-60, 60), st.integers(0, 40)).map(lambda t: (t[0], t[0] + t[1]))


@given(intervals, windows)
def test_overlapping_and_inside_agree_with_a_scan(
    spans: list[tuple[int, int]], window: tuple[int, int]
) -> None:
    index = IntervalIndex([(low, high, n) for n, (low, high) in enumerate(spans)])
    low, high = window
    overlapping = [n for n, (a, b) in enumerate(spans) if a <= high and b >= low]
    inside = [n for n, (a, b) in enumerate(spans) if low <= a and b <= high]
    assert sorted(index.overlapping(low, high)) == overlapping
    assert sorted(index.inside(low, high)) == inside
    assert len(index) == len(spans)


def test_results_come_in_order_of_low_then_high() -> None:
    index = IntervalIndex([(5, 9, 0), (1, 20, 1), (5, 6, 2), (30, 40, 3)])
    assert list(index.overlapping(0, 10)) == [1, 2, 0]
    assert list(index.inside(0, 10)) == [2, 0]
    assert list(IntervalIndex([]).overlapping(0, 1)) == []
