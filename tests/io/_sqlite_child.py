"""A writer process for the SQLite store's crash and concurrency tests.

``python _sqlite_child.py PATH PREFIX SEED WRITES`` opens the store, prints ``ready``, then makes
WRITES writes (0: until killed), each a single append or a batch of 2-5 entries, some with text
over 64 KiB. After each write returns it prints the ids it wrote, on one line, and flushes: a
printed line is an acknowledged write. Ids are ``PREFIX-N-IofS``: entry I of write N, of S entries.
"""

from __future__ import annotations

import random
import sys

from diplomacy_ledger import Source, system_clock
from diplomacy_ledger.io._sqlite_store import SqliteStore

BIG = 64 * 1024


def source(rng: random.Random) -> Source:
    if rng.random() < 0.05:
        return Source(title="x" * (BIG + rng.randrange(1, 4096)))
    return Source(title=f"title {rng.randrange(10**9)}")


def main(argv: list[str]) -> int:
    path, prefix, seed, writes = argv[1], argv[2], int(argv[3]), int(argv[4])
    rng = random.Random(seed)
    with SqliteStore(path, clock=system_clock) as store:
        print("ready", flush=True)
        number = 0
        while writes == 0 or number < writes:
            size = rng.choice((1, 1, 1, 2, 3, 4, 5))
            ids = [f"{prefix}-{number}-{index}of{size}" for index in range(size)]
            if size == 1:
                store.append(source(rng), id=ids[0])
            else:
                with store.batch() as batch:
                    previous = None
                    for id in ids:  # each corrects the one before: references inside a batch
                        previous = batch.append(source(rng), id=id, supersedes=previous).id
            print(" ".join(ids), flush=True)
            number += 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
