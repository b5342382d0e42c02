"""An embedded SQLite ledger store: one database file, append-only in its schema.

An ordinary SQLite database (WAL, ``synchronous=FULL``): ``meta`` holds the store schema version,
``entries`` one row per entry with the exact JSON line a JSON Lines file would hold and its record
time in microseconds since the Unix epoch (UTC). Triggers refuse UPDATE, DELETE, an INSERT that
reuses an id (``INSERT OR REPLACE`` would otherwise rewrite the row) and an INSERT whose record
time is earlier than the latest. Each write takes the write lock (``BEGIN IMMEDIATE``), applies
what other connections wrote, checks the new entries against the whole ledger, inserts, commits.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import stat
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Final

from diplomacy_ledger._errors import ChainError, LedgerError, StoreError
from diplomacy_ledger.io._chain import Chain
from diplomacy_ledger.io._lines import decode_entry, encode_chained
from diplomacy_ledger.io._locks import DEFAULT_TIMEOUT, check_timeout
from diplomacy_ledger.ledger import Batch, Ledger
from diplomacy_ledger.model import Clock, Entry, Record, record_time
from diplomacy_ledger.time import to_utc, tzdb_version, utc_micros

__all__ = ["APPLICATION_ID", "STORE_SCHEMA_VERSION", "SqliteBatch", "SqliteStore"]

APPLICATION_ID: Final = 0x444C4752
"""The SQLite header's ``application_id`` of a ledger store ("DLGR")."""

STORE_SCHEMA_VERSION: Final = 1
"""The store schema version this library writes, and the newest it opens."""

_STEP_CHECK: Final = 1000
_STEPS: Final = 50_000_000  # SQLite virtual-machine steps allowed while a file is opened
_MAX_LENGTH: Final = 256 * 1024 * 1024  # the largest string or blob a row may hold
_LIMITS: Final = (
    (sqlite3.SQLITE_LIMIT_LENGTH, _MAX_LENGTH),
    (sqlite3.SQLITE_LIMIT_SQL_LENGTH, 100_000),
    (sqlite3.SQLITE_LIMIT_ATTACHED, 0),
    (sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH, 1),
    (sqlite3.SQLITE_LIMIT_EXPR_DEPTH, 100),
    (sqlite3.SQLITE_LIMIT_COMPOUND_SELECT, 10),
)
_ROWS: Final = "SELECT seq, id, recorded_us, kind, line FROM entries"
_INSERT: Final = "INSERT INTO entries (id, recorded_us, kind, line) VALUES (?, ?, ?, ?)"
_SCHEMA: Final = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
    """CREATE TABLE entries (seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (typeof(id) = 'text'),
    recorded_us INTEGER NOT NULL CHECK (typeof(recorded_us) = 'integer'),
    kind TEXT NOT NULL CHECK (typeof(kind) = 'text'),
    line TEXT NOT NULL CHECK (typeof(line) = 'text'))""",
    "CREATE INDEX entries_recorded_us ON entries (recorded_us)",
    """CREATE TRIGGER entries_never_updated BEFORE UPDATE ON entries
    BEGIN SELECT RAISE(ABORT, 'diplomacy-ledger: entries are never changed'); END""",
    """CREATE TRIGGER entries_never_deleted BEFORE DELETE ON entries
    BEGIN SELECT RAISE(ABORT, 'diplomacy-ledger: entries are never removed'); END""",
    """CREATE TRIGGER entries_ids_once BEFORE INSERT ON entries
    WHEN EXISTS (SELECT 1 FROM entries WHERE id = NEW.id)
        OR EXISTS (SELECT 1 FROM entries WHERE seq = NEW.seq)
    BEGIN SELECT RAISE(ABORT, 'diplomacy-ledger: an entry id is never reused'); END""",
    """CREATE TRIGGER entries_time_forward BEFORE INSERT ON entries
    WHEN NEW.recorded_us < (SELECT max(recorded_us) FROM entries)
    BEGIN SELECT RAISE(ABORT, 'diplomacy-ledger: record times never go backwards'); END""",
    f"INSERT INTO meta (key, value) VALUES ('schema_version', '{STORE_SCHEMA_VERSION}')",
    f"PRAGMA application_id = {APPLICATION_ID}",
    f"PRAGMA user_version = {STORE_SCHEMA_VERSION}",
)


_OBJECTS: Final = "SELECT type, CAST(name AS BLOB), CAST(sql AS BLOB) FROM sqlite_master"
"""Every object of a schema, its name and SQL read as bytes (they need not be UTF-8)."""


@functools.cache
def _expected_schema() -> frozenset[tuple[str, bytes, bytes | None]]:
    """The schema objects a new store has, read from a store made in memory."""
    connection = sqlite3.connect(":memory:")
    try:
        for statement in _SCHEMA:
            connection.execute(statement)
        return frozenset(connection.execute(_OBJECTS).fetchall())
    finally:
        connection.close()


def _read_only_media(path: Path) -> bool:
    """Whether the file system holding ``path`` is mounted read-only."""
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _name(row: tuple[str, bytes, bytes | None]) -> str:
    kind, name, _ = row
    return f"{kind} {name.decode('utf-8', 'replace')[:60]!r}"


class SqliteStore:
    """A ledger kept in a SQLite database file; opening a file that does not exist creates it.

    The same interface and guarantees as :class:`JsonlStore`: an append or a batch is checked
    against the whole ledger and written all or nothing, and a committed write survives a crash.
    Record times come from ``recorded_at=``, else from ``clock`` (read while holding the write
    lock, so writers sharing a clock never go backwards), else a :class:`RecordTimeError`.

    Threads may share one store (its single connection is guarded by a lock, so calls run one at a
    time); several stores, in threads or processes, may open the same file, and SQLite's locks
    serialise their writes; a store waits at most ``timeout`` seconds for another connection's
    lock, then raises a :class:`StoreError` saying so. A reader never waits for a writer (WAL)
    unless that writer locked the file exclusively. A store never opens its file other than
    through SQLite (closing any descriptor of it would drop the process's locks on it). Do not
    use a store in a process forked after it was opened.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        clock: Clock | None = None,
        readonly: bool = False,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self._path, self._clock, self._readonly = Path(path), clock, readonly
        self._lock = threading.RLock()
        self._ledger, self._seq = Ledger(clock=clock), 0  # rows up to seq are in the ledger
        self._chain = Chain()  # the digest chain along those rows
        self._writing = self._unsaved = False
        self._connection: sqlite3.Connection | None = None
        self._timeout = check_timeout(timeout)
        self._check_path()
        with self._sql_errors("cannot open the database"):
            connection = self._connect()
        try:
            with self._sql_errors("cannot open the store"):
                self._prepare(connection)
                self._catch_up(connection)
        except BaseException:
            connection.close()
            raise
        self._connection = connection

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    @property
    def readonly(self) -> bool:
        """Whether the store was opened to read only."""
        return self._readonly

    # -- opening ---------------------------------------------------------------------------------

    def _error(self, message: str) -> StoreError:
        return StoreError(message, where=str(self.path))

    @contextmanager
    def _sql_errors(self, context: str = "database error") -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise self._error(self._explain(error, context)) from None

    def _explain(self, error: sqlite3.Error, context: str) -> str:
        """What went wrong, said by SQLite's error code rather than guessed from the context."""
        code = getattr(error, "sqlite_errorcode", None)
        primary = None if code is None else code & 0xFF
        if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return (
                f"{context}: another connection holds the database locked; waited "
                f"{self._timeout:g} s (timeout=); try again when it is done"
            )
        if primary == sqlite3.SQLITE_NOTADB:
            return f"not a SQLite database{self._hint()}"
        if primary == sqlite3.SQLITE_CORRUPT:
            return f"a damaged SQLite database: {error}"
        if primary == sqlite3.SQLITE_INTERRUPT:
            return (
                f"{context}: stopped after {_STEPS:,} steps of work: a ledger store's schema "
                "is read in far fewer (a hostile or damaged file?)"
            )
        if primary == sqlite3.SQLITE_TOOBIG:
            return f"{context}: a value is larger than a ledger line may be ({_MAX_LENGTH:,} bytes)"
        if primary == sqlite3.SQLITE_FULL:
            return f"{context}: the disk is full"
        return f"{context}: {error}"

    def _hint(self) -> str:
        """A hint at what a file that is not a SQLite database is.

        Only called once SQLite has said the file is not a database, so no connection of this
        process holds a lock on it that opening and closing it here could drop.
        """
        try:
            with self.path.open("rb") as file:
                head = file.read(1)
        except OSError:
            return ""
        return " (JSON Lines? open it with JsonlStore)" if head == b"{" else ""

    def _check_path(self) -> None:
        """Refuse a path that is no file, without opening it.

        The file is never opened with Python while this process may hold a connection to it:
        closing any descriptor of a file drops every POSIX lock the process holds on it, its
        SQLite connections' locks included, and another process could then checkpoint and
        delete the write-ahead log under them (acknowledged writes lost). SQLite reads the
        header itself.
        """
        try:
            status = self.path.stat()
        except FileNotFoundError:
            if self._readonly:
                raise self._error("no such file (a read-only store does not create one)") from None
            return
        except OSError as error:
            raise self._error(f"cannot open the database: {error.strerror}") from None
        if not stat.S_ISREG(status.st_mode):
            raise self._error("not a file")

    def _connect(self) -> sqlite3.Connection:
        uri = self.path.absolute().as_uri()
        if not self._readonly:
            target = uri
        elif _read_only_media(self.path):
            # Nobody can write there, and SQLite could not make the WAL index it would need
            # to read a write-ahead-logged file: read the file as it stands.
            target = f"{uri}?mode=ro&immutable=1"
        else:
            target = f"{uri}?mode=ro"
        connection = sqlite3.connect(
            target,
            timeout=self._timeout,
            isolation_level=None,  # no implicit transactions: BEGIN IMMEDIATE is explicit
            check_same_thread=False,  # guarded by self._lock instead
            uri=True,
        )
        for limit, value in _LIMITS:
            connection.setlimit(limit, value)
        return connection

    def _prepare(self, connection: sqlite3.Connection) -> None:
        """Check that the file is a ledger store (or make one), with its work bounded.

        Until its schema is known to be the store's own, a file could make any read run long;
        a progress handler stops SQLite after a bound of steps far above what opening takes.
        """
        steps = 0

        def bounded() -> int:
            nonlocal steps
            steps += _STEP_CHECK
            return 1 if steps > _STEPS else 0

        connection.set_progress_handler(bounded, _STEP_CHECK)
        try:
            self._prepare_bounded(connection)
        finally:
            connection.set_progress_handler(None, 0)

    def _prepare_bounded(self, connection: sqlite3.Connection) -> None:
        connection.execute("PRAGMA trusted_schema = OFF")
        connection.execute("PRAGMA cell_size_check = ON")
        new = self._check_header(connection)
        if not self._readonly:
            (mode,) = connection.execute("PRAGMA journal_mode = WAL").fetchone()
            if str(mode).lower() != "wal":
                raise self._error(f"cannot use write-ahead logging (journal mode {mode})")
            connection.execute("PRAGMA synchronous = FULL")
        if new:
            connection.execute("BEGIN IMMEDIATE")
            try:
                if self._check_header(connection):  # nobody created it meanwhile
                    for statement in _SCHEMA:
                        connection.execute(statement)
                connection.execute("COMMIT")
            except BaseException:
                connection.rollback()
                raise
        self._check_schema(connection)
        row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None or row[0] != str(STORE_SCHEMA_VERSION):
            raise self._error(f"damaged store: its meta table says schema version {row!r}")

    def _check_schema(self, connection: sqlite3.Connection) -> None:
        """Raise unless the schema is exactly the one this store makes: no object more or less.

        An extra trigger would run its SQL on every append, an extra view could make a read run
        forever; a dropped trigger would let history be edited. The text is read as bytes, so a
        schema with bytes flipped is refused rather than failing to decode.
        """
        found = set(connection.execute(_OBJECTS).fetchall())
        expected = _expected_schema()
        if found != expected:
            extra = sorted(_name(row) for row in found - expected)
            missing = sorted(_name(row) for row in expected - found)
            said = [f"objects it did not make: {', '.join(extra)}"] if extra else []
            said += [f"objects missing or changed: {', '.join(missing)}"] if missing else []
            raise self._error(f"the database's schema is not a ledger store's: {'; '.join(said)}")

    def _check_header(self, connection: sqlite3.Connection) -> bool:
        """Whether the database is empty (a new store); raise unless it is empty or ours."""
        (application,) = connection.execute("PRAGMA application_id").fetchone()
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        (objects,) = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if application == 0 and objects == 0 and version == 0:
            if self._readonly:
                raise self._error("an empty database, not a ledger store")
            return True
        if application != APPLICATION_ID:
            raise self._error(
                "a SQLite database that is not a diplomacy-ledger store "
                f"(application_id {application:#x}, expected {APPLICATION_ID:#x})"
            )
        if version > STORE_SCHEMA_VERSION:
            raise self._error(
                f"written with store schema version {version}, newer than this library opens "
                f"({STORE_SCHEMA_VERSION}); upgrade diplomacy-ledger to open it"
            )
        if version < 1:
            raise self._error(f"no store schema version {version} exists")
        return False

    # -- reading ---------------------------------------------------------------------------------

    def _live(self) -> sqlite3.Connection:
        if self._connection is None:
            raise self._error("the store is closed")
        return self._connection

    def _decode(self, row: tuple[int, str, int, str, str], chain: Chain) -> Entry:
        """The row's entry, its columns checked against its line and its line against the chain."""
        seq, id, recorded_us, kind, line = row
        where = f"{self.path}: row {seq}"
        entry = decode_entry(line, where=where).entry
        if (entry.id, utc_micros(entry.recorded_at), entry.kind) != (id, recorded_us, kind):
            raise StoreError("the row's columns disagree with its line", where=where)
        broken = chain.follow(line.encode("utf-8"))
        if broken is not None:
            raise ChainError(f"entry {entry.id!r}: {broken}", where=where)
        return entry

    def _catch_up(self, connection: sqlite3.Connection) -> None:
        """Apply the rows other connections wrote since we last looked (all or nothing)."""
        rows = connection.execute(f"{_ROWS} WHERE seq > ? ORDER BY seq", (self._seq,)).fetchall()
        if not rows:
            return
        chain = self._chain.copy()
        entries = [self._decode(row, chain) for row in rows]
        try:
            self._ledger.extend(entries)
        except LedgerError as error:
            raise error.at(str(self.path)) from None
        self._seq, self._chain = rows[-1][0], chain

    def ledger(self) -> Ledger:
        """The ledger as the file holds it now: a snapshot, not changed by later appends."""
        with self._lock:
            connection = self._live()
            with self._sql_errors():
                self._catch_up(connection)
            return self._ledger.copy()

    def as_of(self, recorded_at: datetime) -> Ledger:
        """The ledger as it was known at ``recorded_at``: the entries recorded until then.

        Selected in SQL by record time, so it reads only those rows.
        """
        moment = utc_micros(to_utc(recorded_at, where="as_of"))
        with self._lock:
            connection = self._live()
            with self._sql_errors():
                query = f"{_ROWS} WHERE recorded_us <= ? ORDER BY seq"
                rows = connection.execute(query, (moment,)).fetchall()
        known, chain = Ledger(clock=self._clock), Chain()  # record times never go back: a prefix
        try:
            known.extend(self._decode(row, chain) for row in rows)
        except LedgerError as error:
            raise error.at(str(self.path)) from None
        return known

    @property
    def damage(self) -> tuple[()]:
        """Damage found on open; there is never any, as SQLite's journal undoes a write cut short.

        Kept so that both stores have the same interface.
        """
        return ()

    # -- writing ---------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            connection = self._live()
            if self._readonly:
                raise self._error("the store was opened read-only")
            if self._writing:
                raise self._error("a write inside this store's own batch: append to the batch")
            with self._sql_errors("cannot take the write lock"):
                connection.execute("BEGIN IMMEDIATE")
            self._writing = True
            try:
                with self._sql_errors():
                    self._catch_up(connection)
                yield connection
                with self._sql_errors("cannot commit"):
                    connection.execute("COMMIT")
                self._unsaved = False
            except BaseException:
                self._abort(connection)
                raise
            finally:
                self._writing = False

    def _abort(self, connection: sqlite3.Connection) -> None:
        try:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the original error says more; SQLite rolls back on its own then
        if self._unsaved:  # checked in memory but not committed: reload from the file next time
            self._ledger, self._seq, self._unsaved = Ledger(clock=self._clock), 0, False
            self._chain = Chain()

    def _insert(self, connection: sqlite3.Connection, entries: list[Entry]) -> None:
        for entry in entries:
            if not isinstance(entry, Entry):
                raise LedgerError(f"expected an Entry, got {type(entry).__name__}")
        tzdb = tzdb_version()
        lines, head = encode_chained(entries, previous=self._chain.head, tzdb=tzdb)
        self._ledger.extend(entries)  # all or nothing: on error it is left as it was
        self._unsaved = True
        self._chain = Chain(head, self._chain.chained + len(entries), self._chain.unchained)
        with self._sql_errors("cannot write"):
            for entry, line in zip(entries, lines, strict=True):
                values = (entry.id, utc_micros(entry.recorded_at), entry.kind, line)
                cursor = connection.execute(_INSERT, values)
                assert cursor.lastrowid is not None
                self._seq = cursor.lastrowid

    def _now(self, recorded_at: datetime | str | None) -> datetime:
        return record_time(recorded_at, self._clock, owner="the store")

    def append(
        self,
        record: Record,
        *,
        id: str,
        recorded_at: datetime | str | None = None,
        supersedes: str | None = None,
    ) -> Entry:
        """Record ``record`` under ``id``, write it to the file, and return the new entry."""
        recorded_at = None if recorded_at is None else self._now(recorded_at)
        if recorded_at is None and self._clock is None:
            self._now(None)  # raises before taking the lock
        with self._transaction() as connection:
            entry = Entry(id, self._now(recorded_at), record, supersedes=supersedes)
            self._insert(connection, [entry])
        return entry

    def extend(self, entries: Iterable[Entry]) -> None:
        """Append entries in order and write them in one transaction, all or nothing."""
        pending = list(entries)
        if pending:
            with self._transaction() as connection:
                self._insert(connection, pending)

    @contextmanager
    def batch(self) -> Iterator[Batch]:
        """Collect appends and write them together when the block ends without an error.

        The block holds the store's write lock (other writers wait), so record times read from the
        clock inside it are never earlier than another writer's. Nothing is written if the block
        raises; appending to the store itself inside the block is refused.
        """
        with self._transaction() as connection:
            pending = Batch(self._clock, owner="the store")
            try:
                yield pending
            finally:
                pending.closed = True
            if pending.entries:
                self._insert(connection, pending.entries)

    def close(self) -> None:
        """Close the database connection; closing twice is harmless."""
        with self._lock:
            if self._writing:
                raise self._error("cannot close the store inside its own batch")
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


SqliteBatch = Batch
"""The batch :meth:`SqliteStore.batch` yields: the one :class:`~diplomacy_ledger.Batch` class."""
