"""JsonlStore: a JSON Lines file that survives reopening, refusals, torn tails and other writers."""

from __future__ import annotations

import fcntl
import itertools
import os
import re
import stat
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from diplomacy_ledger import (
    Actor,
    ActorKind,
    BadReferenceError,
    DuplicateIdError,
    Entry,
    Ledger,
    LedgerError,
    RecordTimeError,
    Source,
    StoreError,
)
from diplomacy_ledger.io._chain import digest_of, sealed_digest
from diplomacy_ledger.io._jsonl import load_jsonl
from diplomacy_ledger.io._jsonl_store import Damage, JsonlStore
from diplomacy_ledger.io._lines import encode_entry

T0 = datetime(2022, 9, 13, 2, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def person(name: str, part_of: str | None = None) -> Actor:
    return Actor(name, ActorKind.PERSON, part_of=part_of)


def filled(path: Path) -> bytes:
    """Write a store of three entries (a single, then a batch of two); return the file bytes."""
    with JsonlStore(path) as store:
        store.append(Actor("Armenia", ActorKind.STATE), id="armenia", recorded_at=at(0))
        with store.batch() as batch:
            batch.append(person("Nikol Pashinyan"), id="pashinyan", recorded_at=at(1))
            batch.append(person("Ararat Mirzoyan"), id="mirzoyan", recorded_at=at(1))
    return path.read_bytes()


def side_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.damaged-*"))


# -- appending and reopening ---------------------------------------------------------------------


def test_append_and_reopen_give_the_same_ledger(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    with JsonlStore(path) as store:
        assert store.path == path
        assert len(store.ledger()) == 0
        entry = store.append(Actor("Armenia", ActorKind.STATE), id="armenia", recorded_at=at(0))
        store.extend([Entry("pashinyan", at(1), person("Nikol Pashinyan", part_of="armenia"))])
        store.append(
            person("N. Pashinyan", part_of="armenia"),
            id="pashinyan-2",
            recorded_at=at(2),
            supersedes="pashinyan",
        )
        written = store.ledger()
        snapshot = store.ledger()
        snapshot.append(person("Someone Else"), id="else", recorded_at=at(5))
        assert "else" not in store.ledger()  # a snapshot: appending to it leaves the store be
    assert entry == Entry("armenia", at(0), Actor("Armenia", ActorKind.STATE))
    assert [e.id for e in written] == ["armenia", "pashinyan", "pashinyan-2"]
    with JsonlStore(path) as again:
        assert again.ledger() == written
        assert again.damage == ()
        assert [e.id for e in again.as_of(at(1))] == ["armenia", "pashinyan"]
    assert load_jsonl(path).ledger == written


def test_batch_is_all_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    before = filled(path)
    with JsonlStore(path) as store:
        with pytest.raises(BadReferenceError), store.batch() as batch:
            batch.append(person("Kamala Harris"), id="harris", recorded_at=at(2))
            batch.append(person("Nobody", part_of="nowhere"), id="nobody", recorded_at=at(2))
        with pytest.raises(ZeroDivisionError), store.batch() as batch:
            batch.append(person("Kamala Harris"), id="harris", recorded_at=at(2))
            _ = 1 / 0
        assert path.read_bytes() == before
        assert "harris" not in store.ledger()
        with store.batch() as batch:
            batch.append(person("Kamala Harris"), id="harris", recorded_at=at(2))
            batch.append(person("Antony Blinken"), id="blinken", recorded_at=at(2))
    lines = path.read_bytes()[len(before) :].splitlines()
    assert [b'"batch":{"index":0,"size":2}' in line for line in lines] == [True, False]
    assert [b'"batch":{"index":1,"size":2}' in line for line in lines] == [False, True]
    assert [e.id for e in load_jsonl(path).ledger][-2:] == ["harris", "blinken"]


@pytest.mark.parametrize(
    ("entries", "error"),
    [
        ([Entry("armenia", at(3), person("Another"))], DuplicateIdError),
        ([Entry("x", at(3), person("X", part_of="nowhere"))], BadReferenceError),
        ([Entry("early", at(0), person("Too Early"))], RecordTimeError),
        ([Entry("a", at(3), person("A")), Entry("a", at(3), person("B"))], DuplicateIdError),
        ([Entry("ok", at(3), person("Ok")), Entry("x", at(3), person("X", part_of="no"))], None),
    ],
)
def test_a_refused_append_writes_nothing(
    tmp_path: Path, entries: list[Entry], error: type[LedgerError] | None
) -> None:
    path = tmp_path / "ledger.jsonl"
    before = filled(path)
    with JsonlStore(path) as store:
        with pytest.raises(error or BadReferenceError):
            store.extend(entries)
        if len(entries) == 1:
            with pytest.raises(error or LedgerError):
                store.append(
                    entries[0].record, id=entries[0].id, recorded_at=entries[0].recorded_at
                )
        assert path.read_bytes() == before
        assert store.ledger() == load_jsonl(path).ledger
        store.append(person("Fine"), id="fine", recorded_at=at(4))  # the store still works
    assert "fine" in load_jsonl(path).ledger


def test_record_time_comes_from_recorded_at_or_the_clock(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    with JsonlStore(path) as store:
        with pytest.raises(RecordTimeError, match="never reads the machine's clock"):
            store.append(person("A"), id="a")
        assert path.read_bytes() == b""
    with JsonlStore(path, clock=lambda: at(7)) as store:
        assert store.append(person("A"), id="a").recorded_at == at(7)
        with store.batch() as batch:
            assert batch.append(person("C"), id="c").recorded_at == at(7)
        assert store.append(person("B"), id="b", recorded_at=at(8)).recorded_at == at(8)
    with pytest.raises(RecordTimeError):
        JsonlStore(path, clock=lambda: at(7)).append(person("D"), id="d")


def test_entries_from_other_writers_are_seen_before_writing(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    with JsonlStore(path) as first, JsonlStore(path) as second:
        first.append(Actor("Armenia", ActorKind.STATE), id="armenia", recorded_at=at(0))
        second.append(person("Pashinyan", part_of="armenia"), id="pashinyan", recorded_at=at(1))
        with pytest.raises(DuplicateIdError):
            first.append(person("Other"), id="pashinyan", recorded_at=at(2))
        with pytest.raises(RecordTimeError):
            first.append(person("Other"), id="other", recorded_at=at(0))
        assert first.ledger() == second.ledger() == load_jsonl(path).ledger


def test_a_bad_line_in_the_middle_is_an_error_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    lines = filled(path).splitlines(keepends=True)
    lines[1] = lines[1].replace(b'"recorded_at":"2022-09-13T02:01:00Z"', b'"recorded_at":"2022"')
    path.write_bytes(b"".join(lines))
    for readonly in (False, True):
        with pytest.raises(LedgerError, match=r"ledger\.jsonl:2: recorded_at: "):
            JsonlStore(path, readonly=readonly)
    assert path.read_bytes() == b"".join(lines)
    assert side_files(path) == []
    path.write_bytes(filled(tmp_path / "other.jsonl") + b"{}\n")  # a whole bad last line
    with pytest.raises(LedgerError, match=r"ledger\.jsonl:4: missing keys"):
        JsonlStore(path)


def test_closed_and_readonly_stores_refuse(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    with pytest.raises(StoreError, match="no such file"):
        JsonlStore(path, readonly=True)
    before = filled(path)
    reader = JsonlStore(path, readonly=True)
    assert reader.readonly
    with pytest.raises(StoreError, match="read-only"):
        reader.append(person("X"), id="x", recorded_at=at(5))
    with pytest.raises(StoreError, match="read-only"), reader.batch():
        pass
    reader.close()
    reader.close()
    with pytest.raises(StoreError, match="closed"):
        reader.ledger()
    assert path.read_bytes() == before
    assert isinstance(StoreError("x"), LedgerError)


# -- damaged tails -------------------------------------------------------------------------------


def torn_batch(index: int, previous: str) -> bytes:
    """Lines 0..index-1 of a batch of three, whole, then half of line ``index``.

    The lines chain on from ``previous``, as a writer cut short wrote them.
    """
    entries = [Entry(f"b{i}", at(3), person(f"Batch {i}")) for i in range(3)]
    lines = []
    for i, entry in enumerate(entries):
        lines.append(encode_entry(entry, batch=(i, 3), previous=previous))
        previous = sealed_digest(lines[-1])
    raw = [line.encode() + b"\n" for line in lines]
    return b"".join(raw[:index]) + raw[index][: len(raw[index]) // 2]


def _whole_lines(index: int) -> Callable[[str], bytes]:
    return lambda previous: torn_batch(index, previous)[
        : torn_batch(index, previous).rindex(b"\n") + 1
    ]


@pytest.mark.parametrize(
    ("make_tail", "reason"),
    [
        (lambda _: b'{"v":1,"id":"half', "the last line has no newline"),
        (
            lambda _: b'{"v":1,"id":"x","recorded_at":"2022-09-13T03:00:00Z","kind":"actor"}',
            "no newline",
        ),
        (_whole_lines(1), r"incomplete \(1 of 3 lines\)"),
        (_whole_lines(2), r"incomplete \(2 of 3 lines\)"),
        (
            lambda previous: torn_batch(2, previous),
            r"incomplete \(2 of 3 lines, then a line without its newline\)",
        ),
        (lambda previous: torn_batch(0, previous), "the last line has no newline"),
    ],
    ids=["half-a-line", "no-newline", "1-of-3", "2-of-3", "2-of-3-and-half", "half-of-batch"],
)
def test_a_damaged_tail_is_preserved_and_repaired_by_a_writer(
    tmp_path: Path, make_tail: Callable[[str], bytes], reason: str
) -> None:
    path = tmp_path / "ledger.jsonl"
    intact = filled(path)
    head = digest_of(intact.splitlines()[-1])
    assert head is not None
    tail = make_tail(head)
    path.write_bytes(intact + tail)
    with JsonlStore(path, readonly=True) as reader:
        (found,) = reader.damage
        assert found == Damage(len(intact), len(tail), None, found.reason)
        assert [e.id for e in reader.ledger()] == ["armenia", "pashinyan", "mirzoyan"]
        assert reader.damage == (found,)  # reported once, however often it is seen
    assert path.read_bytes() == intact + tail
    assert side_files(path) == []

    with JsonlStore(path) as writer:
        (damage,) = writer.damage
        assert (damage.offset, damage.size) == (len(intact), len(tail))
        assert damage.side_file is not None
        assert damage.side_file.name.startswith("ledger.jsonl.damaged-")
        assert damage.side_file.name.endswith(f"Z-{len(intact)}")
        assert side_files(path) == [damage.side_file]
        assert damage.side_file.read_bytes() == tail
        assert path.read_bytes() == intact
        assert [e.id for e in writer.ledger()] == ["armenia", "pashinyan", "mirzoyan"]
        writer.append(person("After"), id="after", recorded_at=at(9))
    assert re.search(reason, damage.reason)
    with JsonlStore(path) as again:
        assert again.damage == ()
        assert "after" in again.ledger()
        assert load_jsonl(path).ledger == again.ledger()


def test_a_whole_file_of_damage(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    path.write_bytes(b'{"v":1')
    with JsonlStore(path) as store:
        assert store.damage[0].offset == 0
        assert len(store.ledger()) == 0
    assert path.read_bytes() == b""


def test_damage_left_by_another_writer_is_repaired_before_writing(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    intact = filled(path)
    with JsonlStore(path) as writer, JsonlStore(path, readonly=True) as reader:
        with path.open("ab") as other:  # another writer died mid-line
            other.write(b'{"v":1,"id":"cut')
        assert len(reader.ledger()) == 3
        assert len(reader.damage) == 1
        writer.append(person("Next"), id="next", recorded_at=at(9))
        (damage,) = writer.damage
        assert damage.offset == len(intact)
        assert damage.side_file is not None
        assert damage.side_file.read_bytes() == b'{"v":1,"id":"cut'
        assert [e.id for e in reader.ledger()][-1] == "next"  # the reader reads on past it
        assert len(reader.damage) == 1
        assert load_jsonl(path).ledger == writer.ledger() == reader.ledger()


# -- durability ----------------------------------------------------------------------------------


def test_the_directory_and_the_file_are_fsynced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ledger.jsonl"
    calls: list[tuple[str, int]] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        info = os.fstat(fd)
        calls.append(("dir" if stat.S_ISDIR(info.st_mode) else "file", info.st_size))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    store = JsonlStore(path)
    assert "dir" in [kind for kind, _ in calls]
    calls.clear()
    store.append(person("A"), id="a", recorded_at=at(0))
    size = path.stat().st_size
    assert ("file", size) in calls  # fsynced, with the entry written, before append returned
    calls.clear()
    with store.batch() as batch:
        batch.append(person("B"), id="b", recorded_at=at(1))
        batch.append(person("C"), id="c", recorded_at=at(1))
    assert calls == [("file", path.stat().st_size)]
    store.close()
    calls.clear()
    JsonlStore(path).close()
    assert calls == []  # opening an existing file changes nothing


# -- concurrent writers --------------------------------------------------------------------------


def check_all_present(path: Path, ids: set[str]) -> Ledger:
    ledger = load_jsonl(path).ledger  # strict: any torn or interleaved line would fail here
    assert sorted(entry.id for entry in ledger) == sorted(ids)  # each one, exactly once
    return ledger


def run_threads(path: Path, shared: bool, work: Callable[[JsonlStore, int], None]) -> None:
    """Run ``work(store, worker)`` in four threads at once, with one store or a store each."""
    clock = tick_clock()
    common = JsonlStore(path, clock=clock)
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def run(worker: int) -> None:
        store = common if shared else JsonlStore(path, clock=clock)
        try:
            barrier.wait()
            work(store, worker)
        except BaseException as error:
            errors.append(error)
        finally:
            if not shared:
                store.close()

    threads = [threading.Thread(target=run, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
        assert not thread.is_alive()
    common.close()
    assert errors == []


def tick_clock() -> Callable[[], datetime]:
    """A clock that ticks a minute at each reading, safe to share between threads."""
    ticks = itertools.count()
    lock = threading.Lock()

    def clock() -> datetime:
        with lock:
            return at(next(ticks))

    return clock


@pytest.mark.parametrize("shared", [True, False], ids=["one-store", "a-store-each"])
def test_threads_append_concurrently(tmp_path: Path, shared: bool) -> None:
    path = tmp_path / "ledger.jsonl"

    def work(store: JsonlStore, worker: int) -> None:
        for n in range(40):
            if n % 4 == 3:
                with store.batch() as batch:
                    for i in range(3):
                        batch.append(
                            person(f"T{worker} {n} {i}"), id=f"t{worker}-{n}-{i}of3", recorded_at=T0
                        )
            else:
                store.append(person(f"T{worker} {n}"), id=f"t{worker}-{n}", recorded_at=T0)

    run_threads(path, shared, work)
    ids = {f"t{w}-{n}" for w in range(4) for n in range(40) if n % 4 != 3}
    ids |= {f"t{w}-{n}-{i}of3" for w in range(4) for n in range(40) if n % 4 == 3 for i in range(3)}
    ledger = check_all_present(path, ids)
    found = [e.id for e in ledger]
    for worker, n in itertools.product(range(4), range(3, 40, 4)):  # each batch in one piece
        start = found.index(f"t{worker}-{n}-0of3")
        assert found[start : start + 3] == [f"t{worker}-{n}-{i}of3" for i in range(3)]


@pytest.mark.parametrize("shared", [True, False], ids=["one-store", "a-store-each"])
def test_the_clock_is_read_under_the_lock(tmp_path: Path, shared: bool) -> None:
    path = tmp_path / "ledger.jsonl"

    def work(store: JsonlStore, worker: int) -> None:
        for n in range(25):
            store.append(person(f"C{worker} {n}"), id=f"c{worker}-{n}")

    run_threads(path, shared, work)
    ledger = check_all_present(path, {f"c{w}-{n}" for w in range(4) for n in range(25)})
    times = [entry.recorded_at for entry in ledger]
    assert times == sorted(times)
    assert len(set(times)) == 100


@pytest.mark.parametrize("make", ["folder", "missing folder"])
def test_a_store_that_cannot_be_opened_is_a_store_error_naming_its_path(
    tmp_path: Path, make: str
) -> None:
    path = tmp_path / "a-folder" if make == "folder" else tmp_path / "missing" / "x.jsonl"
    if make == "folder":
        path.mkdir()
    with pytest.raises(StoreError) as caught:
        JsonlStore(path)
    assert str(path) in str(caught.value)
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("readonly", [True, False], ids=["reader", "writer"])
def test_a_store_behind_another_writers_lock_gives_up_after_its_timeout(
    tmp_path: Path, readonly: bool
) -> None:
    """A reader used to wait for ever behind a writer that held its lock; now it says so."""
    path = tmp_path / "ledger.jsonl"
    with JsonlStore(path) as store:
        store.append(Source(title="t"), id="a", recorded_at=T0)
    holder = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)  # another writer, in the middle of its write
        with pytest.raises(StoreError, match=r"holds the file locked; waited 0\.1 s") as caught:
            JsonlStore(path, readonly=readonly, timeout=0.1)
        assert str(path) in str(caught.value)
        fcntl.flock(holder, fcntl.LOCK_UN)
        with JsonlStore(path, readonly=readonly, timeout=0.1) as opened:
            assert [entry.id for entry in opened.ledger()] == ["a"]
    finally:
        os.close(holder)


@pytest.mark.parametrize("timeout", [-0.5, "1", float("nan"), None])
def test_a_jsonl_store_timeout_is_a_number_of_seconds(tmp_path: Path, timeout: object) -> None:
    with pytest.raises(StoreError, match="timeout is a number of seconds"):
        JsonlStore(tmp_path / "ledger.jsonl", timeout=timeout)  # type: ignore[arg-type]
    assert not (tmp_path / "ledger.jsonl").exists()
