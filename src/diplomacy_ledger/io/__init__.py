"""Files: the format's values and lines, JSON Lines, the two stores, the PLOVER export.

Built on the ledger (and on the checks, which say which references a partial load left dangling).
"""

from diplomacy_ledger.io._jsonl import (
    LoadResult,
    References,
    SkippedLine,
    dump_jsonl,
    dumps_jsonl,
    load_jsonl,
    read_jsonl,
)
from diplomacy_ledger.io._jsonl_store import Damage, JsonlStore
from diplomacy_ledger.io._lines import SCHEMA_VERSION, encode_entry
from diplomacy_ledger.io._plover import plover_records
from diplomacy_ledger.io._sqlite_store import SqliteBatch, SqliteStore
from diplomacy_ledger.io._store import (
    SQLITE_SUFFIXES,
    Store,
    copy_entries,
    open_store,
)

__all__ = [
    "SCHEMA_VERSION",
    "SQLITE_SUFFIXES",
    "Damage",
    "JsonlStore",
    "LoadResult",
    "References",
    "SkippedLine",
    "SqliteBatch",
    "SqliteStore",
    "Store",
    "copy_entries",
    "dump_jsonl",
    "dumps_jsonl",
    "encode_entry",
    "load_jsonl",
    "open_store",
    "plover_records",
    "read_jsonl",
]
