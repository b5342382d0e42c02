"""Files: the format's values and lines, JSON Lines, the two stores, and the exports.

Built on the ledger (and on the checks, which say which references a partial load left
dangling, and the contacts, whose graph it writes). Exports: PLOVER records, the contact graph
as GraphML and node-link JSON, events as CSV, pandas or Arrow; outputs are written atomically.
"""

from diplomacy_ledger.io._chain import rechain_lines
from diplomacy_ledger.io._graph import graph_graphml, graph_node_link
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
from diplomacy_ledger.io._outputs import check_output, write_output
from diplomacy_ledger.io._plover import plover_records
from diplomacy_ledger.io._sqlite_store import SqliteBatch, SqliteStore
from diplomacy_ledger.io._store import (
    SQLITE_SUFFIXES,
    Store,
    copy_entries,
    open_store,
)
from diplomacy_ledger.io._tables import (
    EVENT_COLUMNS,
    event_rows,
    events_arrow,
    events_csv,
    events_dataframe,
)
from diplomacy_ledger.io._verify import ChainBreak, Verification, verify_file

__all__ = [
    "EVENT_COLUMNS",
    "SCHEMA_VERSION",
    "SQLITE_SUFFIXES",
    "ChainBreak",
    "Damage",
    "JsonlStore",
    "LoadResult",
    "References",
    "SkippedLine",
    "SqliteBatch",
    "SqliteStore",
    "Store",
    "Verification",
    "check_output",
    "copy_entries",
    "dump_jsonl",
    "dumps_jsonl",
    "encode_entry",
    "event_rows",
    "events_arrow",
    "events_csv",
    "events_dataframe",
    "graph_graphml",
    "graph_node_link",
    "load_jsonl",
    "open_store",
    "plover_records",
    "read_jsonl",
    "rechain_lines",
    "verify_file",
    "write_output",
]
