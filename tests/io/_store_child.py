"""A child process for the JsonlStore crash and concurrency tests (run with ``sys.executable``).

Modes (the first argument):

- ``crash PATH ROUND SEED SPEED``: append forever, single entries and batches of 2-5, some with a
  text over 64 KiB; print ``ack ID`` for each entry once its append has returned. The parent
  kills it. With SPEED ``slow`` a write goes out 4 KiB at a time, as short writes to a slow disk
  would, so that most kills land in the middle of one.
- ``tear PATH KEEP BATCH``: append one entry (or a batch of BATCH > 1), but let only the first
  KEEP bytes of the write reach the file, then die by SIGKILL, as if killed mid-write.
- ``repair PATH``: open a store on a file with a damaged tail and die by SIGKILL after copying
  the tail to its side file, just before truncating the file.
- ``concurrent PATH WORKER COUNT``: print ``ready``, wait for a line on stdin, then append COUNT
  entries (singles and batches of 2-4) with ids ``wWORKER-N``, printing ``ack ID`` for each;
  then print ``done``.

Ids of batches say so: ``...-bK-IofN`` is entry I of batch K, which has N entries.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from datetime import UTC, datetime, timedelta
from typing import Final

from diplomacy_ledger import Actor, ActorKind, Entry
from diplomacy_ledger.io import _jsonl_store
from diplomacy_ledger.io._jsonl_store import JsonlStore

T0: Final = datetime(2022, 9, 13, tzinfo=UTC)
BIG: Final = 70 * 1024


def actor(id: str, big: bool = False) -> Actor:
    text = ("x" * BIG + " " + id) if big else None
    return Actor(f"Actor {id}", ActorKind.PERSON, description=text)


def entries(prefix: str, n: int, size: int, big: bool) -> list[Entry]:
    """A batch's entries (one plain entry when size is 1), all recorded at T0 + n seconds."""
    at = T0 + timedelta(seconds=n)
    if size == 1:
        return [Entry(f"{prefix}-n{n}", at, actor(f"{prefix}-n{n}", big))]
    ids = [f"{prefix}-n{n}-b{n}-{i}of{size}" for i in range(size)]
    return [Entry(id, at, actor(id, big and i == size - 1)) for i, id in enumerate(ids)]


def slow_write(fd: int, data: bytes, offset: int) -> None:
    """Write as a slow disk might: 4 KiB at a time, with a pause before each but the first."""
    for start in range(0, len(data), 4096):
        if start:
            time.sleep(0.001)
        os.pwrite(fd, data[start : start + 4096], offset + start)


def crash(path: str, round: int, seed: int, slow: bool) -> None:
    rng = random.Random(seed)
    if slow:
        _jsonl_store._write_at = slow_write
    store = JsonlStore(path)
    n = len(store.ledger())
    print("ready", flush=True)
    while True:
        size = 1 if rng.random() < 0.5 else rng.randint(2, 5)
        batch = entries(f"r{round}", n, size, big=rng.random() < 0.3)
        if size == 1:
            store.append(batch[0].record, id=batch[0].id, recorded_at=batch[0].recorded_at)
        elif rng.random() < 0.5:
            store.extend(batch)
        else:
            with store.batch() as pending:
                for entry in batch:
                    pending.append(entry.record, id=entry.id, recorded_at=entry.recorded_at)
        print("\n".join(f"ack {entry.id}" for entry in batch), flush=True)
        n += size


def tear(path: str, keep: int, size: int) -> None:
    store = JsonlStore(path)
    n = len(store.ledger())

    def write_some(fd: int, data: bytes, offset: int) -> None:
        os.pwrite(fd, data[:keep], offset)
        os.kill(os.getpid(), signal.SIGKILL)

    _jsonl_store._write_at = write_some
    store.extend(entries("torn", n, size, big=True))


def repair(path: str) -> None:
    """Open a store whose file has a damaged tail, and die just before cutting the tail off."""

    def die(fd: int, length: int) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    os.ftruncate = die
    JsonlStore(path)


def concurrent(path: str, worker: int, count: int) -> None:
    store = JsonlStore(path)
    rng = random.Random(worker)
    print("ready", flush=True)
    sys.stdin.readline()
    n = 0
    while n < count:
        size = min(count - n, 1 if rng.random() < 0.6 else rng.randint(2, 4))
        batch = entries(f"w{worker}", n, size, big=False)
        # Every writer records at T0: record times never go backwards, whatever the order.
        batch = [Entry(e.id, T0, e.record) for e in batch]
        if size == 1:
            store.append(batch[0].record, id=batch[0].id, recorded_at=T0)
        else:
            store.extend(batch)
        print("\n".join(f"ack {entry.id}" for entry in batch), flush=True)
        n += size
    store.close()
    print("done", flush=True)


def main(argv: list[str]) -> None:
    mode, path, *rest = argv
    if mode == "crash":
        crash(path, int(rest[0]), int(rest[1]), rest[2] == "slow")
    elif mode == "tear":
        tear(path, int(rest[0]), int(rest[1]))
    elif mode == "repair":
        repair(path)
    elif mode == "concurrent":
        concurrent(path, int(rest[0]), int(rest[1]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
