"""The SQLite store: the same ledger as a JSON Lines file, append-only down to its schema."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from diplomacy_ledger import (
    Actor,
    ActorKind,
    BadReferenceError,
    Claim,
    DuplicateIdError,
    Entry,
    Ledger,
    LedgerError,
    NaiveDatetimeError,
    Provenance,
    RecordTimeError,
    Source,
    Stance,
    StoreError,
)
from diplomacy_ledger import examples as ex
from diplomacy_ledger.io._jsonl import dumps_jsonl, read_jsonl
from diplomacy_ledger.io._lines import encode_entry
from diplomacy_ledger.io._sqlite_store import APPLICATION_ID, SqliteStore

T0 = datetime(2022, 9, 13, 2, 0, tzinfo=UTC)
Rows = list[tuple[Any, ...]]
INTO = "INTO entries (id, recorded_us, kind, line)"
ARTICLE = "entries WHERE id = 'article'"


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.fixture(scope="module")
def seed() -> Ledger:
    return ex.seed_ledger()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.sqlite"


@pytest.fixture
def store(path: Path) -> Iterator[SqliteStore]:
    with SqliteStore(path) as opened:
        opened.append(Actor("Armenia", ActorKind.STATE), id="armenia", recorded_at=at(0))
        opened.append(Source(title="article"), id="article", recorded_at=at(0))
        yield opened


def rows(path: Path) -> Rows:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT * FROM entries ORDER BY seq").fetchall()
    finally:
        connection.close()


def sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            connection.execute(statement)
    finally:
        connection.close()


def claim(claimant: str) -> Claim:
    return Claim(claimant, Stance.ASSERTS, Provenance("article"), proposition="war")


# -- the same ledger, however it is read ---------------------------------------------------------


def test_appends_reopen_as_the_same_ledger(path: Path, seed: Ledger) -> None:
    with SqliteStore(path) as store:
        for entry in seed:
            stored = store.append(
                entry.record,
                id=entry.id,
                recorded_at=entry.recorded_at,
                supersedes=entry.supersedes,
            )
            assert stored == entry
        assert store.ledger() == seed
    with SqliteStore(path) as store:
        assert store.ledger() == seed
    with SqliteStore(path, readonly=True) as store:
        assert store.ledger() == seed
        assert store.damage == ()
        assert store.readonly
        assert store.path == path


def test_the_same_ledger_as_json_lines_and_back(path: Path, tmp_path: Path, seed: Ledger) -> None:
    text = dumps_jsonl(seed)
    with SqliteStore(path) as store:
        store.extend(read_jsonl(text).ledger)
        assert store.ledger() == read_jsonl(text).ledger == seed
    # each row holds the exact line a JSON Lines file holds: converting is lossless both ways
    assert "".join(row[-1] + "\n" for row in rows(path)) == text
    with SqliteStore(path, readonly=True) as store:
        assert dumps_jsonl(store.ledger()) == text
        with SqliteStore(tmp_path / "copy.sqlite") as copy:
            copy.extend(store.ledger())
            assert copy.ledger() == seed


def test_ledger_is_a_snapshot(store: SqliteStore) -> None:
    snapshot = store.ledger()
    snapshot.append(Source(title="only here"), id="elsewhere", recorded_at=at(5))
    assert "elsewhere" not in store.ledger()
    store.append(Source(title="later"), id="later", recorded_at=at(6))
    assert "later" not in snapshot
    assert "later" in store.ledger()


def test_two_stores_on_one_file_see_each_other(store: SqliteStore, path: Path) -> None:
    with SqliteStore(path) as other:
        other.append(Actor("Azerbaijan", ActorKind.STATE), id="azerbaijan", recorded_at=at(1))
        # each write is checked against what the other store wrote, without a read in between
        store.append(claim("azerbaijan"), id="claim", recorded_at=at(2))
        with pytest.raises(DuplicateIdError):
            other.append(claim("armenia"), id="claim", recorded_at=at(3))
        with pytest.raises(RecordTimeError):
            other.append(claim("armenia"), id="claim-2", recorded_at=at(1))
        other.append(claim("armenia"), id="claim-2", recorded_at=at(3))
        assert store.ledger() == other.ledger()
        assert [entry.id for entry in store.ledger()][-3:] == ["azerbaijan", "claim", "claim-2"]


# -- record times --------------------------------------------------------------------------------


def test_record_time_from_argument_else_clock_else_error(path: Path) -> None:
    with SqliteStore(path) as store, pytest.raises(RecordTimeError, match="recorded_at="):
        store.append(Source(title="t"), id="a")
    with SqliteStore(path, clock=lambda: at(3)) as store:
        assert store.append(Source(title="t"), id="b").recorded_at == at(3)
        assert store.append(Source(title="t"), id="c", recorded_at=at(4)).recorded_at == at(4)
        with pytest.raises(RecordTimeError), store.batch() as batch:
            assert batch.append(Source(title="t"), id="d").recorded_at == at(3)
        with pytest.raises(NaiveDatetimeError):
            store.append(Source(title="t"), id="e", recorded_at=datetime(2022, 9, 13))  # noqa: DTZ001
    assert len(rows(path)) == 2  # "d" was refused with the batch: at(3) is before at(4)


# -- refused writes change nothing ---------------------------------------------------------------

Write = Callable[[SqliteStore], object]


def _batch_with_one_bad(store: SqliteStore) -> None:
    with store.batch() as batch:
        batch.append(Source(title="fine"), id="fine", recorded_at=at(1))
        batch.append(claim("nobody"), id="bad", recorded_at=at(1))


REFUSED: dict[str, tuple[Write, type[LedgerError]]] = {
    "duplicate id": (
        lambda s: s.append(Source(title="again"), id="article", recorded_at=at(1)),
        DuplicateIdError,
    ),
    "dangling reference": (
        lambda s: s.append(claim("nobody"), id="claim", recorded_at=at(1)),
        BadReferenceError,
    ),
    "backwards record time": (
        lambda s: s.append(claim("armenia"), id="claim", recorded_at=at(-1)),
        RecordTimeError,
    ),
    "supersedes unknown": (
        lambda s: s.append(Source(title="x"), id="x", recorded_at=at(1), supersedes="nope"),
        BadReferenceError,
    ),
    "extend with one bad entry": (
        lambda s: s.extend(
            [
                Entry("fine", at(1), Source(title="fine")),
                Entry("fine", at(1), Source(title="twice")),
            ]
        ),
        DuplicateIdError,
    ),
    "batch with one bad entry": (_batch_with_one_bad, BadReferenceError),
    "not an entry": (lambda s: s.extend(["armenia"]), LedgerError),  # type: ignore[list-item]
}


@pytest.mark.parametrize("name", REFUSED)
def test_a_refused_write_changes_nothing(store: SqliteStore, path: Path, name: str) -> None:
    write, error = REFUSED[name]
    before, ledger = rows(path), store.ledger()
    with pytest.raises(error):
        write(store)
    assert rows(path) == before
    assert store.ledger() == ledger
    store.append(claim("armenia"), id="claim", recorded_at=at(2))  # and the store still works
    with SqliteStore(path) as reopened:
        assert reopened.ledger() == store.ledger()
        assert len(reopened.ledger()) == 3


def test_a_write_the_database_refuses_changes_nothing(store: SqliteStore, path: Path) -> None:
    # the ledger accepts the entry but SQLite does not (here a trigger the test adds)
    sql(
        path,
        "CREATE TRIGGER refuse_boom BEFORE INSERT ON entries WHEN NEW.id = 'boom' "
        "BEGIN SELECT RAISE(ABORT, 'no boom'); END",
    )
    before, ledger = rows(path), store.ledger()
    with pytest.raises(StoreError, match="no boom"):
        store.extend(
            [Entry("ok", at(1), Source(title="ok")), Entry("boom", at(1), claim("armenia"))]
        )
    assert rows(path) == before
    assert store.ledger() == ledger
    store.append(Source(title="ok"), id="ok", recorded_at=at(1))
    assert [entry.id for entry in store.ledger()] == ["armenia", "article", "ok"]


def test_batch_commits_at_the_end_of_its_block(store: SqliteStore, path: Path) -> None:
    with store.batch() as batch:
        batch.append(claim("armenia"), id="one", recorded_at=at(1))
        batch.append(claim("armenia"), id="two", recorded_at=at(1), supersedes="one")
        assert "one" not in store.ledger()
        with pytest.raises(StoreError, match="batch"):
            store.append(Source(title="t"), id="inside", recorded_at=at(1))
        with pytest.raises(StoreError, match="batch"):
            store.close()
    assert [row[1] for row in rows(path)] == ["armenia", "article", "one", "two"]
    with pytest.raises(LedgerError, match="over"):
        batch.append(Source(title="t"), id="after", recorded_at=at(2))
    with pytest.raises(ZeroDivisionError), store.batch() as failed:
        failed.append(Source(title="t"), id="never", recorded_at=at(2))
        _ = 1 / 0
    assert "never" not in store.ledger()
    assert len(rows(path)) == 4


# -- the schema itself ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE entries SET line = 'x' WHERE id = 'article'",
        "UPDATE entries SET id = 'renamed'",
        "DELETE FROM entries WHERE id = 'article'",
        "DELETE FROM entries",
        f"INSERT OR REPLACE {INTO} SELECT id, recorded_us, kind, 'x' FROM {ARTICLE}",
        f"REPLACE INTO entries SELECT seq, 'new', recorded_us, kind, line FROM {ARTICLE}",
        f"INSERT OR IGNORE {INTO} VALUES ('armenia', 0, 'x', 'x')",
        f"INSERT {INTO} VALUES ('early', 0, 'source', 'x')",
    ],
    ids=[
        "update",
        "rename",
        "delete",
        "delete all",
        "insert or replace",
        "replace seq",
        "ignore",
        "backwards",
    ],
)
def test_the_schema_refuses_changes(store: SqliteStore, path: Path, statement: str) -> None:
    before = rows(path)
    with pytest.raises(sqlite3.IntegrityError, match="diplomacy-ledger"):
        sql(path, statement)
    assert rows(path) == before


@pytest.mark.parametrize(
    ("statements", "said"),
    [
        (  # an extra trigger would run its SQL on every append
            ["CREATE TRIGGER evil AFTER INSERT ON entries BEGIN DELETE FROM meta; END"],
            "did not make: trigger 'evil'",
        ),
        (  # a view to read forever
            [
                (
                    "CREATE VIEW forever AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                    "SELECT i + 1 FROM n) SELECT i FROM n"
                )
            ],
            "did not make: view 'forever'",
        ),
        (["CREATE TABLE side (x)"], "did not make: table 'side'"),
        (  # the guards against editing history, dropped and put back weaker
            [
                "DROP TRIGGER entries_never_updated",
                (
                    "CREATE TRIGGER entries_never_updated BEFORE UPDATE ON entries "
                    "WHEN 0 BEGIN SELECT 1; END"
                ),
            ],
            "missing or changed: trigger 'entries_never_updated'",
        ),
        (["DROP TRIGGER entries_never_deleted"], "missing or changed: trigger"),
    ],
    ids=["extra trigger", "endless view", "extra table", "weakened trigger", "dropped trigger"],
)
def test_a_schema_other_than_the_stores_is_refused_before_use(
    store: SqliteStore, path: Path, statements: list[str], said: str
) -> None:
    store.close()
    sql(path, *statements)
    with pytest.raises(StoreError, match="schema is not a ledger store's") as caught:
        SqliteStore(path)
    assert said in str(caught.value)
    with pytest.raises(StoreError, match="schema is not a ledger store's"):
        SqliteStore(path, readonly=True)


def test_a_schema_with_bytes_flipped_is_a_store_error(store: SqliteStore, path: Path) -> None:
    store.close()
    sql(
        path,
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = CAST(X'435245415445205649455720ff20415320'"
        " || X'53454c4543542031' AS TEXT) WHERE name = 'entries_recorded_us'",
    )
    with pytest.raises(StoreError):
        SqliteStore(path)


def test_a_row_whose_columns_disagree_with_its_line_is_refused(
    store: SqliteStore, path: Path
) -> None:
    line = encode_entry(Entry("other", at(1), Source(title="t")))
    micros = int(at(1).timestamp()) * 1_000_000  # the line's own time; its id is "other"
    sql(
        path,
        f"INSERT {INTO} VALUES ('x', {micros}, 'source', '{line}')",
    )
    with pytest.raises(StoreError, match="row 3: the row's columns disagree"):
        store.ledger()
    with pytest.raises(StoreError, match=str(path.name)):
        SqliteStore(path).close()


# -- as of a record time -------------------------------------------------------------------------


def test_as_of_in_sql_equals_ledger_as_of(path: Path, seed: Ledger) -> None:
    with SqliteStore(path) as store:
        store.extend(seed)
    times = sorted({entry.recorded_at for entry in seed})
    moments = [t + delta for t in times for delta in (-timedelta(microseconds=1), timedelta(0))]
    moments += [datetime(1970, 1, 1, tzinfo=UTC), times[-1] + timedelta(days=1)]
    with SqliteStore(path, readonly=True) as store:
        loaded = store.ledger()
        for moment in moments:
            assert store.as_of(moment) == loaded.as_of(moment) == seed.as_of(moment), moment
        with pytest.raises(NaiveDatetimeError):
            store.as_of(datetime(2022, 9, 13))  # noqa: DTZ001
    assert len(seed.as_of(times[0])) == 39


# -- files that are not ours ---------------------------------------------------------------------


def _make_foreign(path: Path) -> None:
    sql(path, "PRAGMA application_id = 123", "CREATE TABLE songs (title TEXT)")


def _make_plain(path: Path) -> None:
    sql(path, "CREATE TABLE songs (title TEXT)")


def _make_newer(path: Path) -> None:
    SqliteStore(path).close()
    sql(path, "PRAGMA user_version = 2")


FOREIGN: dict[str, tuple[Callable[[Path], object], str]] = {
    "text file": (lambda p: p.write_text("hello\n"), "not a SQLite database"),
    "JSON Lines": (lambda p: p.write_text('{"v": 1}\n'), "JsonlStore"),
    "another application": (_make_foreign, "application_id 0x7b"),
    "a plain database": (_make_plain, "not a diplomacy-ledger store"),
    "a newer schema": (_make_newer, "schema version 2, newer"),
    "a folder": (lambda p: p.mkdir(), "not a file"),
}


@pytest.mark.parametrize("name", FOREIGN)
@pytest.mark.parametrize("readonly", [False, True], ids=["writable", "read-only"])
def test_a_file_that_is_not_a_store_is_refused(path: Path, name: str, readonly: bool) -> None:
    make, message = FOREIGN[name]
    make(path)
    before = path.read_bytes() if path.is_file() else b""
    with pytest.raises(StoreError, match=message) as raised:
        SqliteStore(path, readonly=readonly)
    assert str(path) in str(raised.value)
    if path.is_file():
        assert path.read_bytes() == before  # not even switched to WAL


def test_a_new_store_is_marked_and_in_wal_mode(path: Path) -> None:
    SqliteStore(path).close()
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        assert connection.execute("PRAGMA user_version").fetchone() == (1,)
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        connection.close()


def test_read_only_missing_or_empty_files_and_closed_stores(path: Path) -> None:
    with pytest.raises(StoreError, match="no such file"):
        SqliteStore(path, readonly=True)
    assert not path.exists()
    path.touch()
    with pytest.raises(StoreError, match="empty database"):
        SqliteStore(path, readonly=True)
    with SqliteStore(path) as store:  # an empty file becomes a store
        store.append(Source(title="t"), id="a", recorded_at=at(0))
    with SqliteStore(path, readonly=True) as reader, pytest.raises(StoreError, match="read-only"):
        reader.append(Source(title="t"), id="b", recorded_at=at(1))
    store.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="closed"):
        store.ledger()
    with pytest.raises(StoreError, match="closed"):
        store.append(Source(title="t"), id="b", recorded_at=at(1))


# -- locks, bounds and media ---------------------------------------------------------------------


@pytest.mark.parametrize("readonly", [False, True], ids=["writer", "reader"])
def test_a_database_locked_by_another_says_so_after_its_timeout(
    store: SqliteStore, path: Path, readonly: bool
) -> None:
    store.close()
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreError) as caught:
            SqliteStore(path, readonly=readonly, timeout=0.1)
    finally:
        holder.close()
    said = str(caught.value)
    assert "locked" in said
    assert "waited 0.1 s" in said
    assert "not a SQLite database" not in said
    with SqliteStore(path, readonly=readonly) as reopened:  # free again: it opens
        assert len(reopened.ledger()) == 2


@pytest.mark.parametrize("timeout", [-1, "5", float("nan"), True])
def test_a_timeout_is_a_number_of_seconds(path: Path, timeout: Any) -> None:
    with pytest.raises(StoreError, match="timeout"):
        SqliteStore(path, timeout=timeout)
    assert not path.exists()


def test_opening_a_file_is_bounded_work(
    store: SqliteStore, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file cannot make opening run long: SQLite is stopped after a bound of steps."""
    store.close()
    monkeypatch.setattr("diplomacy_ledger.io._sqlite_store._STEPS", 10)
    monkeypatch.setattr("diplomacy_ledger.io._sqlite_store._STEP_CHECK", 1)
    with pytest.raises(StoreError, match="stopped after 10 steps"):
        SqliteStore(path, readonly=True)
    monkeypatch.undo()
    with SqliteStore(path, readonly=True) as reopened:  # the bound applies to opening only
        assert len(reopened.ledger()) == 2


def test_a_row_larger_than_a_line_may_be_is_a_store_error(
    store: SqliteStore, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.append(Source(title="x" * 5000), id="long", recorded_at=at(1))
    store.close()
    monkeypatch.setattr(
        "diplomacy_ledger.io._sqlite_store._LIMITS", ((sqlite3.SQLITE_LIMIT_LENGTH, 1000),)
    )
    with pytest.raises(StoreError, match="larger than a ledger line may be"):
        SqliteStore(path, readonly=True)


def test_a_store_on_read_only_media_opens_as_it_stands(
    store: SqliteStore, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On read-only media SQLite cannot make the WAL index: the file is read as immutable."""
    store.close()
    assert not path.with_name(f"{path.name}-shm").exists()  # the last close removed it
    monkeypatch.setattr("diplomacy_ledger.io._sqlite_store._read_only_media", lambda _: True)
    opened: list[str] = []
    real_connect = sqlite3.connect

    def connect(target: str, **options: Any) -> sqlite3.Connection:
        opened.append(target)
        connection: sqlite3.Connection = real_connect(target, **options)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    with SqliteStore(path, readonly=True) as reader:
        assert [entry.id for entry in reader.ledger()] == ["armenia", "article"]
    assert opened
    assert all("immutable=1" in target for target in opened)
    assert not path.with_name(f"{path.name}-shm").exists()
