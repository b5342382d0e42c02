"""A batch: appends collected and committed together, all or nothing.

The same class serves a :class:`~diplomacy_ledger.Ledger` and both stores: it stamps each entry
with its record time as it is added (``recorded_at=``, or its owner's clock) and holds the
entries until its owner commits them when the ``with`` block ends.
"""

from __future__ import annotations

from datetime import datetime

from diplomacy_ledger._errors import LedgerError
from diplomacy_ledger.model import Clock, Entry, Record, record_time

__all__ = ["Batch"]


class Batch:
    """Appends collected by ``batch()`` of a ledger or a store, committed together.

    Entries are checked when the batch commits, against the ledger as it is then; once the
    ``with`` block has ended the batch takes no more appends.
    """

    def __init__(self, clock: Clock | None = None, *, owner: str = "the Ledger") -> None:
        self._clock = clock
        self._owner = owner
        self.entries: list[Entry] = []
        self.closed = False

    def append(
        self,
        record: Record,
        *,
        id: str,
        recorded_at: datetime | str | None = None,
        supersedes: str | None = None,
    ) -> Entry:
        """Add an entry to the batch (checked when the batch commits)."""
        if self.closed:
            raise LedgerError("this batch is over: its block has ended")
        stamp = record_time(recorded_at, self._clock, owner=self._owner)
        entry = Entry(id, stamp, record, supersedes=supersedes)
        self.entries.append(entry)
        return entry
