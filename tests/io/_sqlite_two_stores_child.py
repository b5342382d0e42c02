"""A writer process for the two-stores-in-one-process test of the SQLite store.

``python _sqlite_two_stores_child.py PATH PREFIX WRITES MODE`` prints ``ready`` and then the id of
each append once it has returned (an acknowledged write). MODE ``two``: one writer store stays
open while, before each append, a second store (reader or writer, in turn) on the same file is
opened, read and closed, as a program with a writer and a reader does. MODE ``reopen``: a store
opened, appended to and closed for each write, so that its close may find itself the last
connection and checkpoint the write-ahead log.
"""

from __future__ import annotations

import sys

from diplomacy_ledger import Source, system_clock
from diplomacy_ledger.io._sqlite_store import SqliteStore


def main(argv: list[str]) -> int:
    path, prefix, writes, mode = argv[1], argv[2], int(argv[3]), argv[4]
    print("ready", flush=True)
    if mode == "two":
        with SqliteStore(path, clock=system_clock) as store:
            for number in range(writes):
                with SqliteStore(path, readonly=number % 2 == 0) as other:
                    other.ledger()
                store.append(Source(title="t"), id=f"{prefix}-{number}")
                print(f"{prefix}-{number}", flush=True)
        return 0
    for number in range(writes):
        with SqliteStore(path, clock=system_clock) as store:
            store.append(Source(title="t"), id=f"{prefix}-{number}")
        print(f"{prefix}-{number}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
