"""A file-backed, append-only ledger store on JSON Lines, safe against crashes and other writers.

POSIX only: it locks with :func:`fcntl.flock` and relies on ``fsync`` of files and directories.

Each acknowledged append is written with one ``write`` and fsynced before the call returns (the
directory too when the file is created, or first written). A batch is all or nothing even if the
process dies between its lines: each line carries ``"batch": {"index": i, "size": n}`` and an
incomplete final batch is never loaded. A damaged tail (a last line without its newline, or an
incomplete final batch) is found on open and whenever the store reads what others appended: a
writer copies it to ``<name>.damaged-<UTC timestamp>-<offset>``, fsyncs that copy, and only then
truncates the file to its intact prefix; a read-only store just reports it. Nothing is silently
dropped or silently kept. Any other bad line is an error naming the file, line and field.

Writers, threads and processes alike, serialize through ``flock`` on the file (held per open
file, so two stores in one process exclude each other too) plus a :class:`threading.Lock` per
store (``flock`` does not exclude threads sharing one open file). Under the lock a store first
reads what was appended since it last looked, then validates the new entries against the whole
ledger, then writes.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Final

import attrs

from diplomacy_ledger._errors import ChainError, LedgerError, StoreError
from diplomacy_ledger.io._chain import Chain
from diplomacy_ledger.io._lines import decode_entry, encode_chained
from diplomacy_ledger.io._locks import DEFAULT_TIMEOUT, check_timeout, flock_within
from diplomacy_ledger.ledger import Batch, Ledger
from diplomacy_ledger.model import Clock, Entry, Record, record_time
from diplomacy_ledger.time import tzdb_version

__all__ = ["Damage", "JsonlStore"]

_NEWLINE: Final = b"\n"


@attrs.frozen
class Damage:
    """A damaged tail found at the end of the file.

    ``offset`` and ``size`` locate it in the file as found, ``reason`` says why it is damage, and
    ``side_file`` is where a writer preserved it (None when a read-only store only reported it).
    """

    offset: int
    size: int
    side_file: Path | None
    reason: str


class JsonlStore:
    """A ledger kept in a JSON Lines file, appended to by any number of threads and processes.

    ``JsonlStore(path)`` opens the file as a writer, creating it if missing; the file loads
    strictly. ``readonly=True`` opens an existing file without ever writing to it: damage is
    reported in :attr:`damage` and the file is left as it is. ``clock`` gives record times to
    appends without ``recorded_at=``; single appends read it under the lock, so clock-stamped
    appends from several writers reach the file in clock order. A store waits at most
    ``timeout`` seconds for another process's lock (a reader waits for a writer's), then raises
    a :class:`StoreError` saying so. POSIX only; a store is not
    carried across ``fork`` (the child would share its lock): open another one in the child.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        clock: Clock | None = None,
        readonly: bool = False,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self._timeout = check_timeout(timeout)
        self._path = Path(path)
        self._clock = clock
        self._readonly = readonly
        self._lock = threading.Lock()
        self._ledger = Ledger()
        self._offset = 0  # the end of the intact, loaded prefix
        self._lines = 0  # lines in that prefix
        self._chain = Chain()  # the digest chain along that prefix
        self._damage: list[Damage] = []
        self._fd = self._open()
        try:
            with self._locked():
                self._refresh()
        except BaseException:
            os.close(self._fd)
            self._fd = -1
            raise

    def _open(self) -> int:
        """The store's file descriptor; every failure a :class:`StoreError` naming the path."""
        try:
            return self._open_file()
        except StoreError:
            raise
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise StoreError(f"cannot open the store: {reason}", where=str(self._path)) from None

    def _open_file(self) -> int:
        flags = os.O_CLOEXEC
        if self._path.is_dir():
            raise StoreError("is a folder, not a store", where=str(self._path))
        if self._readonly:
            try:
                return os.open(self._path, os.O_RDONLY | flags)
            except FileNotFoundError:
                raise StoreError("no such file", where=str(self._path)) from None
        try:
            fd = os.open(self._path, os.O_RDWR | os.O_CREAT | os.O_EXCL | flags, 0o666)
        except FileExistsError:
            return os.open(self._path, os.O_RDWR | flags)
        try:
            os.fsync(fd)
            _fsync_directory(self._path.parent)
        except BaseException:
            os.close(fd)
            raise
        return fd

    # -- the public interface ------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """The file the store keeps its ledger in."""
        return self._path

    @property
    def readonly(self) -> bool:
        """Whether the store only reads (and never repairs) its file."""
        return self._readonly

    @property
    def damage(self) -> tuple[Damage, ...]:
        """Damaged tails found so far, and the side files they were preserved in."""
        return tuple(self._damage)

    def ledger(self) -> Ledger:
        """The ledger as the file holds it now: a copy, appending to it leaves the file alone."""
        with self._locked():
            self._refresh()
            return self._ledger.copy()

    def as_of(self, recorded_at: datetime) -> Ledger:
        """The ledger as it was known at ``recorded_at`` (see :meth:`Ledger.as_of`)."""
        with self._locked():
            self._refresh()
            return self._ledger.as_of(recorded_at)

    def append(
        self,
        record: Record,
        *,
        id: str,
        recorded_at: datetime | str | None = None,
        supersedes: str | None = None,
    ) -> Entry:
        """Record ``record`` under ``id``; the entry is on disk when this returns."""
        self._writable()
        if recorded_at is not None:
            stamp = record_time(recorded_at, None, owner="the store")
            entry = Entry(id, stamp, record, supersedes=supersedes)
            self.extend([entry])
            return entry
        with self._locked():
            self._refresh()
            entry = Entry(id, self._now(), record, supersedes=supersedes)
            self._commit([entry])
        return entry

    def extend(self, entries: Iterable[Entry]) -> None:
        """Append entries as one batch, all or nothing, on disk when this returns."""
        self._writable()
        pending = list(entries)
        if not pending:
            return
        with self._locked():
            self._refresh()
            self._commit(pending)

    @contextlib.contextmanager
    def batch(self) -> Iterator[Batch]:
        """Collect appends and write them as one batch when the block ends without an error.

        Entries take their record time when added (from ``recorded_at=`` or the clock), so a
        later time written meanwhile by another writer makes the commit raise a RecordTimeError.
        """
        self._writable()
        pending = Batch(self._clock, owner="the store")
        try:
            yield pending
        finally:
            pending.closed = True
        self.extend(pending.entries)

    def close(self) -> None:
        """Close the file; the store can no longer be used. Closing twice is harmless."""
        with self._lock:
            if self._fd >= 0:
                os.close(self._fd)
                self._fd = -1

    def __enter__(self) -> JsonlStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "readonly" if self._readonly else "writer"
        return f"<JsonlStore {str(self._path)!r} ({mode}): {len(self._ledger)} entries>"

    # -- locking, reading and writing ----------------------------------------------------------

    def _writable(self) -> None:
        if self._readonly:
            raise StoreError("the store is read-only", where=str(self._path))

    def _now(self) -> datetime:
        return record_time(None, self._clock, owner="the store")

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """The thread lock, then ``flock``: shared for a reader, exclusive for a writer.

        Waits at most the store's timeout for another process's lock, then raises StoreError.
        """
        with self._lock:
            if self._fd < 0:
                raise StoreError("the store is closed", where=str(self._path))
            flock_within(
                self._fd,
                exclusive=not self._readonly,
                timeout=self._timeout,
                where=str(self._path),
            )
            try:
                yield
            finally:
                fcntl.flock(self._fd, fcntl.LOCK_UN)

    def _refresh(self) -> None:
        """Load what was appended since the last look; find, and if a writer repair, a bad tail."""
        size = os.fstat(self._fd).st_size
        if size < self._offset:
            raise StoreError(
                f"the file is {size} bytes, shorter than the {self._offset} already loaded from "
                "it: something other than a store truncated or replaced it",
                where=str(self._path),
            )
        if size == self._offset:
            return
        base = self._offset
        data = _read_at(self._fd, base, size - base)
        tail = self._load(data)
        if tail is None:
            return
        offset, reason = tail
        if self._readonly:
            found = Damage(offset, size - offset, None, reason)
            if found not in self._damage:
                self._damage.append(found)
            return
        self._damage.append(self._repair(offset, data[offset - base :], reason))

    def _load(self, data: bytes) -> tuple[int, str] | None:
        """Apply each whole line or complete batch of ``data`` (the file from ``_offset``).

        Returns the file offset where a damaged tail starts, and why, if there is one.
        """
        name, base = self._path.name, self._offset
        position, line = 0, self._lines
        group: list[Entry] = []
        group_start, group_size = 0, 0
        chain = self._chain.copy()  # moved on with the loaded prefix only
        while (end := data.find(_NEWLINE, position)) >= 0:
            line += 1
            where = f"{name}:{line}"
            start, position = position, end + 1
            broken = chain.follow(data[start:end])
            decoded = decode_entry(data[start:end], where=where)
            if broken is not None:
                raise ChainError(f"entry {decoded.entry.id!r}: {broken}", where=where)
            if decoded.batch is None:
                if group:
                    raise LedgerError("a batch ends early, before this line", where=where)
                self._apply([decoded.entry], where)
            else:
                index, size = decoded.batch
                if index != len(group) or (group and size != group_size):
                    raise LedgerError(
                        f"line {index + 1} of a batch of {size} is out of place", where=where
                    )
                if not group:
                    group_start, group_size = start, size
                group.append(decoded.entry)
                if len(group) < size:
                    continue
                self._apply(group, f"{name}:{line - size + 1}-{line}")
                group = []
            self._offset, self._lines = base + position, line
            self._chain = chain.copy()
        if group:
            return base + group_start, (
                f"the last batch is incomplete ({len(group)} of {group_size} lines"
                + (", then a line without its newline" if position < len(data) else "")
                + "): a write was cut short"
            )
        if position < len(data):
            return base + position, "the last line has no newline: a write was cut short"
        return None

    def _apply(self, entries: list[Entry], where: str) -> None:
        try:
            self._ledger.extend(entries)
        except LedgerError as error:
            raise error.at(where) from None

    def _repair(self, offset: int, tail: bytes, reason: str) -> Damage:
        """Copy the tail to a side file, make that durable, then cut the file back to ``offset``."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        side = self._path.with_name(f"{self._path.name}.damaged-{stamp}-{offset}")
        counter = 0
        while True:
            try:
                fd = os.open(side, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
                break
            except FileExistsError:
                counter += 1
                side = side.with_name(f"{self._path.name}.damaged-{stamp}-{offset}-{counter}")
        try:
            _write_at(fd, tail, 0)
            os.fsync(fd)
        finally:
            os.close(fd)
        _fsync_directory(side.parent)
        os.ftruncate(self._fd, offset)
        os.fsync(self._fd)
        return Damage(offset, len(tail), side, reason)

    def _commit(self, entries: list[Entry]) -> None:
        """Validate ``entries`` against the refreshed ledger, then write and fsync them."""
        before = len(self._ledger)
        self._ledger.extend(entries)  # raises, changing nothing, on a bad entry
        try:
            tzdb = tzdb_version()
            size = len(entries)
            lines, head = encode_chained(entries, previous=self._chain.head, tzdb=tzdb, batch=True)
            data = "".join(line + "\n" for line in lines).encode("utf-8")
            _write_at(self._fd, data, self._offset)
            os.fsync(self._fd)
            if self._offset == 0:  # the file may be new: make its directory entry durable too
                _fsync_directory(self._path.parent)
        except BaseException:
            self._ledger = Ledger(list(self._ledger)[:before])
            # Take back what may have reached the file; if that fails, the next refresh reads
            # whatever is there, as it would after a crash.
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self._offset)
            raise
        self._offset += len(data)
        self._lines += size
        self._chain = Chain(head, self._chain.chained + size, self._chain.unchained)


def _read_at(fd: int, offset: int, size: int) -> bytes:
    chunks: list[bytes] = []
    while size > 0:
        chunk = os.pread(fd, size, offset)
        if not chunk:
            break
        chunks.append(chunk)
        offset += len(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _write_at(fd: int, data: bytes, offset: int) -> None:
    """Write all of ``data`` at ``offset``: one ``pwrite``, repeated only after a short write."""
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, offset)
        view, offset = view[written:], offset + written


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
