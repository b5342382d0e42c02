"""Opening a ledger file by its name, and copying a ledger between formats."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from diplomacy_ledger._errors import StoreError
from diplomacy_ledger.io._jsonl import dump_jsonl
from diplomacy_ledger.io._jsonl_store import JsonlStore
from diplomacy_ledger.io._sqlite_store import SqliteStore
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import Clock, Entry

__all__ = ["Store", "copy_entries", "open_store"]

Store = JsonlStore | SqliteStore
"""Either store: both have the same methods and guarantees."""

JSONL_SUFFIXES: Final = frozenset({".jsonl", ".ndjson"})
SQLITE_SUFFIXES: Final = frozenset({".sqlite", ".sqlite3", ".db"})


def open_store(
    path: str | os.PathLike[str], *, readonly: bool = False, clock: Clock | None = None
) -> Store:
    """Open (or create) the store a file name says: ``.jsonl``/``.ndjson`` or ``.sqlite``/``.db``.

    >>> import tempfile, pathlib
    >>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "ledger.sqlite") as store:
    ...     len(store.ledger())
    0
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return JsonlStore(file, clock=clock, readonly=readonly)
    if suffix in SQLITE_SUFFIXES:
        return SqliteStore(file, clock=clock, readonly=readonly)
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
