"""Opening a ledger file by its name, and copying a ledger between formats."""

from __future__ import annotations

import os
from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Final, Protocol, Self, runtime_checkable

from diplomacy_ledger._errors import StoreError
from diplomacy_ledger.io._jsonl import dump_jsonl
from diplomacy_ledger.io._jsonl_store import Damage, JsonlStore
from diplomacy_ledger.io._locks import DEFAULT_TIMEOUT
from diplomacy_ledger.io._sqlite_store import SqliteStore
from diplomacy_ledger.ledger import Batch, Ledger
from diplomacy_ledger.model import Clock, Entry, Record

__all__ = ["Store", "copy_entries", "open_store"]


@runtime_checkable
class Store(Protocol):
    """What both stores offer, with the same guarantees: :class:`JsonlStore`, :class:`SqliteStore`.

    Each keeps a ledger in one file that any number of threads and processes may append to; an
    acknowledged append is on disk; a batch is all or nothing. Code written against ``Store``
    works with either (``open_store`` picks one by the file's name).
    """

    @property
    def path(self) -> Path:
        """The file the store keeps its ledger in."""
        ...

    @property
    def readonly(self) -> bool:
        """Whether the store only reads its file."""
        ...

    @property
    def damage(self) -> tuple[Damage, ...]:
        """Damaged tails found in the file, and where they were preserved."""
        ...

    def ledger(self) -> Ledger:
        """The ledger as the file holds it now: a copy."""
        ...

    def as_of(self, recorded_at: datetime) -> Ledger:
        """The ledger as it was known at ``recorded_at``."""
        ...

    def append(
        self,
        record: Record,
        *,
        id: str,
        recorded_at: datetime | str | None = None,
        supersedes: str | None = None,
    ) -> Entry:
        """Record ``record`` under ``id``; the entry is on disk when this returns."""
        ...

    def extend(self, entries: Iterable[Entry]) -> None:
        """Append entries as one batch, all or nothing."""
        ...

    def batch(self) -> AbstractContextManager[Batch]:
        """Collect appends and write them as one batch when the block ends without an error."""
        ...

    def close(self) -> None:
        """Close the file; closing twice is harmless."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...


JSONL_SUFFIXES: Final = frozenset({".jsonl", ".ndjson"})
SQLITE_SUFFIXES: Final = frozenset({".sqlite", ".sqlite3", ".db"})


def open_store(
    path: str | os.PathLike[str],
    *,
    readonly: bool = False,
    clock: Clock | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Store:
    """Open (or create) the store a file name says: ``.jsonl``/``.ndjson`` or ``.sqlite``/``.db``.

    ``timeout`` is how many seconds the store waits for another writer's lock.

    >>> import tempfile, pathlib
    >>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "ledger.sqlite") as store:
    ...     len(store.ledger())
    0
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return JsonlStore(file, clock=clock, readonly=readonly, timeout=timeout)
    if suffix in SQLITE_SUFFIXES:
        return SqliteStore(file, clock=clock, readonly=readonly, timeout=timeout)
    known = ", ".join(sorted(JSONL_SUFFIXES | SQLITE_SUFFIXES))
    raise StoreError(f"cannot tell the format from the name; use one of {known}", where=str(file))


def copy_entries(entries: Iterable[Entry], target: str | os.PathLike[str]) -> int:
    """Append every entry, in order and unchanged, to a new store at ``target``; return how many.

    Converting between the formats this way is lossless: the same ids, records and record times.
    ``target`` must not exist yet, so nothing is mixed into a ledger already there.
    """
    file = Path(target)
    if file.exists():
        raise StoreError("the target already exists; copy into a new file", where=str(file))
    listed = list(entries)
    Ledger(listed)  # checks everything before anything is written
    if file.suffix.lower() in JSONL_SUFFIXES:
        dump_jsonl(listed, file)  # written whole and atomically: no batch markers needed
        return len(listed)
    with open_store(file) as store:
        if listed:
            store.extend(listed)
    return len(listed)
