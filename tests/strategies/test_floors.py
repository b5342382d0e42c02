"""Rare but important shapes are drawn often enough to catch their bugs in a default run.

Each shape's share of drawn ledgers is measured over several seeded streams (Hypothesis draws
each example from the ones before, so one stream can go a long way without a shape) and must
stay above its floor, the one docs/testing.md states.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from dateutil import tz
from hypothesis import Phase, given, seed, settings
from hypothesis import strategies as st

from diplomacy_ledger import (
    Call,
    Claim,
    Ledger,
    Precision,
    Retraction,
    SameEvent,
    Stance,
    When,
)
from diplomacy_ledger.model import whens_in
from diplomacy_ledger.strategies import consistent_ledgers, ledgers

HOUR = timedelta(hours=1)

# The floors, in percent of drawn ledgers (docs/testing.md lists them).
FLOORS = {
    "a day-precision call with no zone": (4, 3),
    "a half-hour zone at local midnight": (10, 10),
    "a correction": (7, 7),
    "a retraction": (15, 15),
    "a SameEvent group": (20, 20),
    "a denial": (20, 3),
    "a time within an hour of a DST fold or gap": (15, 5),
}


def near_a_change(naive: object, rule: object) -> bool:
    """Whether a wall time is repeated, or an hour either side of it did not exist."""
    exists = tz.datetime_exists
    return bool(
        tz.datetime_ambiguous(naive, rule)  # type: ignore[arg-type]
        or not exists(naive - HOUR, rule)  # type: ignore[operator, arg-type]
        or not exists(naive + HOUR, rule)  # type: ignore[operator, arg-type]
    )


def shapes(ledger: Ledger) -> set[str]:
    found = set()
    for entry in ledger:
        record = entry.record
        if entry.supersedes is not None:
            found.add("a correction")
        if isinstance(record, Retraction):
            found.add("a retraction")
        if isinstance(record, SameEvent):
            found.add("a SameEvent group")
        if isinstance(record, Claim) and record.stance is Stance.DENIES:
            found.add("a denial")
        if isinstance(record, Call):
            start = record.when if isinstance(record.when, When) else record.when.start
            if start.precision is Precision.DAY and start.zone is None:
                found.add("a day-precision call with no zone")
        for when in whens_in(record):
            if when.zone is None or when.zone[:1] in "+-":
                continue
            rule = tz.gettz(when.zone)
            for moment in (when.earliest, when.latest):
                local = moment.astimezone(rule)
                offset = local.utcoffset()
                assert offset is not None
                if offset.total_seconds() % 3600 and local.hour in (23, 0):
                    found.add("a half-hour zone at local midnight")
                if near_a_change(local.replace(tzinfo=None), rule):
                    found.add("a time within an hour of a DST fold or gap")
    return found


def shares(strategy: st.SearchStrategy[Ledger], streams: int = 5, each: int = 40) -> Counter[str]:
    """Percent of drawn ledgers holding each shape, over seeded streams."""
    seen: Counter[str] = Counter()
    drawn = [0]

    def measure(ledger: Ledger) -> None:
        drawn[0] += 1
        seen.update(shapes(ledger))

    for stream in range(streams):
        settled = settings(
            max_examples=each,
            database=None,
            deadline=None,
            derandomize=False,  # the ci profile derandomizes: the streams must differ
            phases=[Phase.generate],
        )
        seed(20260913 + stream)(settled(given(strategy)(measure)))()
    return Counter({shape: 100 * count // drawn[0] for shape, count in seen.items()})


@pytest.mark.parametrize(("name", "strategy", "column"), [
    ("ledgers", ledgers(), 0),
    ("consistent_ledgers", consistent_ledgers(), 1),
])  # fmt: skip
def test_rare_shapes_are_drawn_above_their_floors(
    name: str, strategy: st.SearchStrategy[Ledger], column: int
) -> None:
    found = shares(strategy)
    low = {
        shape: f"{found[shape]} % < {floors[column]} %"
        for shape, floors in FLOORS.items()
        if found[shape] < floors[column]
    }
    assert not low, f"{name}: {low}"
