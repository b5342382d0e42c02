"""JsonlStore and other processes: writers appending at once, and writers killed by SIGKILL.

Under SIGKILL acknowledged entries survive, batches stay whole, and damage is kept.
"""

from __future__ import annotations

import contextlib
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from diplomacy_ledger import Ledger
from diplomacy_ledger.io._chain import digest_of, sealed_digest
from diplomacy_ledger.io._jsonl import load_jsonl
from diplomacy_ledger.io._jsonl_store import JsonlStore
from diplomacy_ledger.io._lines import encode_entry
from diplomacy_ledger.time._zones import tzdb_version
from tests.io._store_child import T0, actor, entries

CHILD = Path(__file__).with_name("_store_child.py")
ROUNDS = 20
SEED = 20220913


def run_child(*args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), *map(str, args)], stdout=subprocess.PIPE, text=True
    )


def check_whole(ledger: Ledger, acked: set[str]) -> None:
    """Every acknowledged id is there, and every batch is all there, in one piece."""
    found = [entry.id for entry in ledger]
    assert acked <= set(found), sorted(acked - set(found))[:5]
    for position, id in enumerate(found):
        head, _, tail = id.rpartition("-")
        if "of" not in tail:
            continue
        index, size = map(int, tail.split("of"))
        start = position - index
        assert found[start : start + size] == [f"{head}-{i}of{size}" for i in range(size)]


def test_acknowledged_appends_survive_sigkill(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    path = tmp_path / "ledger.jsonl"
    acked: set[str] = set()
    damaged = 0
    for round in range(ROUNDS):
        slow = rng.random() < 0.5
        speed = "slow" if slow else "fast"
        with run_child("crash", path, round, rng.randrange(2**32), speed) as child:
            try:
                if rng.random() < 0.8:  # most rounds: kill while appending; some: while opening
                    assert child.stdout is not None
                    assert child.stdout.readline() == "ready\n"
                    time.sleep(rng.uniform(0.0, 0.12))
                else:
                    time.sleep(rng.uniform(0.05, 0.3))
                child.send_signal(signal.SIGKILL)
                output, _ = child.communicate(timeout=30)
            finally:
                child.kill()
        assert child.returncode == -signal.SIGKILL, output[-500:]
        acked |= {line[4:] for line in output.splitlines() if line.startswith("ack ")}
        # Every other round a reader looks (and leaves any damage to the next child to repair).
        readonly = round % 2 == 1 and round != ROUNDS - 1
        with JsonlStore(path, readonly=readonly) as store:
            ledger = store.ledger()
            for damage in store.damage:
                damaged += 1
                assert damage.size > 0
                assert (damage.side_file is None) == readonly
                if damage.side_file is not None:
                    assert damage.side_file.stat().st_size == damage.size
        check_whole(ledger, acked)
        if not readonly:
            assert load_jsonl(path, allow_empty=True).ledger == ledger  # strict, nothing torn
    assert len(acked) > ROUNDS  # the children did get work done
    assert damaged > 0  # some kills did land mid-write (on a slow write, nearly all of them)
    print(f"{len(acked)} acknowledged entries, {damaged} damaged tails found in {ROUNDS} rounds")


def test_processes_append_concurrently(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    count = 50
    with contextlib.ExitStack() as stack:
        children = []
        for worker in range(4):
            command = [sys.executable, str(CHILD), "concurrent", str(path), str(worker), str(count)]
            child = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
            )
            stack.enter_context(child)
            stack.callback(child.kill)  # on the way out, before waiting for it
            children.append(child)
        for child in children:
            assert child.stdout is not None
            assert child.stdout.readline() == "ready\n"
        for child in children:  # start them together
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        outputs = [child.communicate(timeout=60)[0] for child in children]
    assert [child.returncode for child in children] == [0] * 4
    acked = [line.removeprefix("ack ") for out in outputs for line in out.splitlines()[:-1]]
    assert [out.splitlines()[-1] for out in outputs] == ["done"] * 4
    assert len(acked) == 4 * count
    ledger = load_jsonl(path).ledger  # strict: a torn or interleaved line would fail here
    found = [entry.id for entry in ledger]
    assert sorted(found) == sorted(acked)
    assert any("-0of" in id for id in found)  # some batches were written,
    check_whole(ledger, set(acked))  # each in one piece


def expected_write(before: bytes, n: int, size: int) -> bytes:
    """The bytes the ``tear`` child means to write after ``before``: as JsonlStore encodes them.

    Each line's digest chains on from the line before, the first from ``before``'s last line.
    """
    batch = entries("torn", n, size, big=True)
    tzdb = tzdb_version()
    marker = (lambda i: (i, size)) if size > 1 else (lambda i: None)
    previous = digest_of(before.splitlines()[-1])
    assert previous is not None
    lines = []
    for i, entry in enumerate(batch):
        lines.append(encode_entry(entry, tzdb=tzdb, batch=marker(i), previous=previous))
        previous = sealed_digest(lines[-1])
    return "".join(line + "\n" for line in lines).encode()


def prepared(path: Path) -> tuple[bytes, Ledger]:
    with JsonlStore(path) as store:
        store.append(actor("first"), id="first", recorded_at=T0)
        store.append(actor("second", big=True), id="second", recorded_at=T0)
        return path.read_bytes(), store.ledger()


def line_ends(data: bytes) -> list[int]:
    return [i + 1 for i, byte in enumerate(data) if byte == ord("\n")]


@pytest.mark.parametrize(
    ("size", "cut"),
    [
        (1, lambda data: 1),
        (1, lambda data: len(data) // 2),  # inside the 70 KiB text
        (1, lambda data: len(data) - 1),  # all but the newline
        (3, lambda data: 10),
        (3, lambda data: line_ends(data)[0]),  # one whole line of three
        (3, lambda data: line_ends(data)[1]),  # two whole lines of three
        (3, lambda data: line_ends(data)[1] + 100),
        (3, lambda data: len(data) - 1),
        (5, lambda data: line_ends(data)[3] + 40000),
    ],
    ids=[
        "1-byte",
        "half",
        "no-newline",
        "10-bytes",
        "1-of-3",
        "2-of-3",
        "2-of-3-and-more",
        "3-of-3-but-newline",
        "4-of-5-and-more",
    ],
)
def test_a_write_cut_short_by_sigkill(
    tmp_path: Path, size: int, cut: Callable[[bytes], int]
) -> None:
    path = tmp_path / "ledger.jsonl"
    before, ledger = prepared(path)
    data = expected_write(before, len(ledger), size)
    keep = cut(data)
    child = run_child("tear", path, keep, size)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert path.read_bytes() == before + data[:keep]  # the crash left exactly this behind

    with JsonlStore(path, readonly=True) as reader:
        assert reader.ledger() == ledger
        (reported,) = reader.damage
        assert (reported.offset, reported.size, reported.side_file) == (len(before), keep, None)
    assert path.read_bytes() == before + data[:keep]

    with JsonlStore(path) as writer:
        assert writer.ledger() == ledger
        (damage,) = writer.damage
        assert (damage.offset, damage.size) == (len(before), keep)
        assert damage.side_file is not None
        assert damage.side_file.read_bytes() == data[:keep]
    assert path.read_bytes() == before


def test_a_whole_write_without_its_acknowledgement_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    before, ledger = prepared(path)
    data = expected_write(before, len(ledger), 3)
    child = run_child("tear", path, len(data), 3)  # killed after writing, before fsync
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    with JsonlStore(path) as store:
        assert store.damage == ()
        assert len(store.ledger()) == len(ledger) + 3
    assert path.read_bytes() == before + data


def test_sigkill_during_repair_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    before, ledger = prepared(path)
    tail = expected_write(before, len(ledger), 3)[:-7]
    path.write_bytes(before + tail)
    child = run_child("repair", path)  # dies after copying the tail, before cutting it off
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert path.read_bytes() == before + tail
    (first,) = path.parent.glob("ledger.jsonl.damaged-*")
    assert first.read_bytes() == tail
    with JsonlStore(path) as store:
        assert store.ledger() == ledger
        (damage,) = store.damage
        assert damage.side_file is not None
        assert damage.side_file.read_bytes() == tail
    assert sorted(path.parent.glob("ledger.jsonl.damaged-*")) == sorted([first, damage.side_file])
    assert path.read_bytes() == before
