"""Times near one instant, where the windows' ends often meet exactly, and ledgers of them.

For the tests that compare a check's shortcut with the plain definition it stands for.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import assume
from hypothesis import strategies as st

from diplomacy_ledger import Ledger, LedgerError, Source, Span, When

T = datetime(2022, 9, 13, tzinfo=UTC)
RECORDED = datetime(2025, 1, 1, tzinfo=UTC)

# Offsets of a few microseconds or hours from T: the windows' ends often meet exactly.
offsets = st.one_of(
    st.integers(0, 6).map(lambda n: timedelta(microseconds=n)),
    st.integers(0, 6).map(lambda n: timedelta(hours=n)),
)


@st.composite
def whens(draw: st.DrawFn) -> When:
    """An instant, or a window between two instants, near T."""
    start = T + draw(offsets)
    return When.between(start, start + draw(offsets))


@st.composite
def spans(draw: st.DrawFn) -> Span:
    """A span that ended, is reportedly ongoing, or has an unknown end."""
    start = draw(whens())
    ending = draw(st.sampled_from(["end", "ongoing", "open"]))
    try:
        if ending == "end":
            return Span(start, draw(whens()))
        if ending == "ongoing":
            return Span(start, ongoing_as_of=draw(whens()))
        return Span(start)
    except LedgerError:
        assume(False)
        raise  # pragma: no cover - assume(False) never returns


def ledger_of(records: list[tuple[str, object]]) -> Ledger:
    ledger = Ledger()
    for id, record in [("article", Source()), *records]:
        ledger.append(record, id=id, recorded_at=RECORDED)  # type: ignore[arg-type]
    return ledger
