"""The SQLite store under SIGKILL, several processes and several threads.

Writers are ``tests/io/_sqlite_child.py`` processes: each prints the ids of a write once the call
has returned, so a printed id is an acknowledged write that must survive anything.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from diplomacy_ledger import Source
from diplomacy_ledger.io._sqlite_store import SqliteStore

CHILD = Path(__file__).with_name("_sqlite_child.py")
TWO_STORES_CHILD = Path(__file__).with_name("_sqlite_two_stores_child.py")
T0 = datetime(2022, 9, 13, 2, 0, tzinfo=UTC)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and POSIX processes")


def spawn(path: Path, prefix: str, seed: int, writes: int) -> subprocess.Popen[str]:
    command = [sys.executable, str(CHILD), str(path), prefix, str(seed), str(writes)]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=CHILD.parent
    )


def acknowledged(output: str) -> list[list[str]]:
    return [line.split() for line in output.splitlines() if line and line != "ready"]


def stored_ids(path: Path) -> list[str]:
    with SqliteStore(path) as store:
        ids = [entry.id for entry in store.ledger()]
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = [row[0] for row in connection.execute("SELECT id FROM entries ORDER BY seq")]
    finally:
        connection.close()
    assert rows == ids
    return ids


def check_batches(ids: list[str]) -> None:
    """Every write is all there or not there at all: ``PREFIX-N-IofS`` for each I < S."""
    writes = Counter(id.rsplit("-", 1)[0] for id in ids)
    sizes = {id.rsplit("-", 1)[0]: int(id.rsplit("of", 1)[1]) for id in ids}
    broken = {
        write: (count, sizes[write]) for write, count in writes.items() if count != sizes[write]
    }
    assert not broken, f"writes cut in part (found, size): {broken}"


def test_sigkill_loses_no_acknowledged_write_and_no_batch_is_cut(tmp_path: Path) -> None:
    rng = random.Random(20220913)
    path = tmp_path / "crash.sqlite"
    acked: list[list[str]] = []
    stored: set[str] = set()
    kills_during_writes = 0
    for number in range(20):
        child = spawn(path, f"r{number}", rng.randrange(2**32), 0)
        assert child.stdout is not None
        if number % 3 != 2:  # most rounds kill mid-write; the others at any moment, open included
            assert child.stdout.readline() == "ready\n"
            time.sleep(rng.uniform(0.0, 0.15))
        else:
            time.sleep(rng.uniform(0.0, 0.6))
        child.send_signal(signal.SIGKILL)
        output, errors = child.communicate(timeout=60)
        assert child.returncode == -signal.SIGKILL, errors
        round_acked = acknowledged(output)
        kills_during_writes += bool(round_acked)
        acked += round_acked
        ids = stored_ids(path)
        assert len(ids) == len(set(ids))
        missing = {id for write in acked for id in write} - set(ids)
        assert not missing, f"round {number}: acknowledged but lost: {sorted(missing)[:5]}"
        check_batches(ids)
        # Of this round's stored writes, at most one (in flight at the kill) is unacknowledged.
        new = {id.rsplit("-", 1)[0] for id in ids} - stored
        assert len(new - {write[0].rsplit("-", 1)[0] for write in round_acked}) <= 1
        stored |= new
    assert kills_during_writes >= 5
    assert any(int(write[0].rsplit("of", 1)[1]) > 1 for write in acked)


def test_four_processes_append_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"  # a new file: the four race to create the schema too
    children = [spawn(path, f"p{number}", number, 25) for number in range(4)]
    acked: list[list[str]] = []
    for child in children:
        output, errors = child.communicate(timeout=120)
        assert child.returncode == 0, errors
        acked += acknowledged(output)
    assert len(acked) == 4 * 25
    expected = sorted(id for write in acked for id in write)
    ids = stored_ids(path)
    assert sorted(ids) == expected  # every entry, exactly once
    check_batches(ids)


def test_a_second_store_in_a_process_loses_no_write_of_the_first(tmp_path: Path) -> None:
    """Opening and closing a second store must not drop the first one's locks.

    Closing any descriptor of a file drops the process's POSIX locks on it; a store that opened
    the file with Python to read its header did so, and another process's close then took
    itself for the last connection and checkpointed and deleted the write-ahead log under the
    first store, whose acknowledged appends were lost (in about half the rounds). Six rounds.
    """
    for round in range(6):
        path = tmp_path / f"two-{round}.sqlite"
        SqliteStore(path).close()
        children = [
            subprocess.Popen(
                [sys.executable, str(TWO_STORES_CHILD), str(path), f"{mode}{round}", "100", mode],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=CHILD.parent,
            )
            for mode in ("two", "reopen")
        ]
        acked: set[str] = set()
        for child in children:
            output, errors = child.communicate(timeout=120)
            assert child.returncode == 0, f"round {round}: {errors[-2000:]}"
            acked |= {id for write in acknowledged(output) for id in write}
        assert len(acked) == 200
        ids = stored_ids(path)
        assert set(ids) == acked, f"round {round}: lost {sorted(acked - set(ids))[:5]}"


class Ticks:
    """A shared clock: one microsecond later on each call, safe across threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._now = T0

    def __call__(self) -> datetime:
        with self._lock:
            self._now += timedelta(microseconds=1)
            return self._now


def write_some(store: SqliteStore, prefix: str, start: threading.Barrier) -> None:
    start.wait()
    for number in range(20):
        if number % 3 == 0:
            with store.batch() as batch:
                for index in range(3):
                    batch.append(Source(title="t"), id=f"{prefix}-{number}-{index}of3")
        else:
            store.append(Source(title="t"), id=f"{prefix}-{number}-0of1")


def run_threads(stores: list[SqliteStore]) -> None:
    start = threading.Barrier(len(stores))
    failures: list[BaseException] = []
    threads: list[threading.Thread] = []

    def target(store: SqliteStore, prefix: str) -> None:
        try:
            write_some(store, prefix, start)
        except BaseException as error:  # pragma: no cover - reported below
            failures.append(error)

    for number, store in enumerate(stores):
        threads.append(threading.Thread(target=target, args=(store, f"t{number}")))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
        assert not thread.is_alive()
    assert not failures, failures


@pytest.mark.parametrize("shared", [True, False], ids=["one shared store", "a store per thread"])
def test_four_threads_append_at_once(tmp_path: Path, shared: bool) -> None:
    path, clock = tmp_path / "threads.sqlite", Ticks()
    if shared:
        stores = [SqliteStore(path, clock=clock)] * 4
    else:
        stores = [SqliteStore(path, clock=clock) for _ in range(4)]
    try:
        run_threads(stores)
        with SqliteStore(path, readonly=True) as reader:
            assert all(store.ledger() == reader.ledger() for store in stores)
    finally:
        for store in stores:
            store.close()
    ids = stored_ids(path)
    assert len(ids) == len(set(ids)) == 4 * (7 * 3 + 13)
    check_batches(ids)
    with SqliteStore(path, readonly=True) as store:
        times = [entry.recorded_at for entry in store.ledger()]
    assert times == sorted(times)
