"""Verifying a ledger file's digest chain without loading it: where it breaks, and its head."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Final, Literal

import attrs

from diplomacy_ledger._errors import StoreError
from diplomacy_ledger.io._chain import Chain, digest_of
from diplomacy_ledger.io._sqlite_store import SqliteStore
from diplomacy_ledger.io._store import SQLITE_SUFFIXES

__all__ = ["ChainBreak", "Verification", "verify_file"]

MAX_BREAKS: Final = 10
"""How many breaks a verification names; it counts them all."""

Status = Literal["intact", "unchained", "broken"]


@attrs.frozen
class ChainBreak:
    """Where the chain breaks: the line (or row) number, its entry id if readable, and why."""

    line: int
    id: str | None
    reason: str


@attrs.frozen
class Verification:
    """What :func:`verify_file` found along a file's digest chain.

    ``entries`` lines (rows) were followed: ``chained`` carried a digest, ``unchained`` did not
    (format 1, written before the chain). ``head`` is the last digest: keep it elsewhere, and a
    later ``verify_file(path, head=...)`` tells whether the file still holds that history
    (``head_at`` is the line it is found at, None when it is not there). ``breaks`` names the
    first breaks and ``broken`` counts them all. ``cut_short`` is a last line without its
    newline, which no reader loads.
    """

    path: str
    entries: int
    chained: int
    unchained: int
    head: str
    breaks: tuple[ChainBreak, ...] = ()
    broken: int = 0
    cut_short: bool = False
    asked_head: str | None = None
    head_at: int | None = None

    @property
    def status(self) -> Status:
        """``"broken"``, ``"unchained"`` or ``"intact"``.

        Broken with any break; unchained when no entry carries a digest (nothing vouches for
        the history); else intact (entries of format 1 before the first digest are covered by
        it).
        """
        if self.broken:
            return "broken"
        return "unchained" if self.chained == 0 and self.entries else "intact"

    @property
    def ok(self) -> bool:
        """Intact, and holding the head asked for, if one was."""
        return self.status == "intact" and (self.asked_head is None or self.head_at is not None)


class _Rows(SqliteStore):
    """A read-only SQLite store opened with every check but without loading its entries."""

    def _catch_up(self, connection: sqlite3.Connection) -> None:
        pass

    def lines(self) -> Iterator[tuple[int, bytes]]:
        connection = self._live()
        with self._sql_errors("cannot read the entries"):
            for seq, line in connection.execute("SELECT seq, line FROM entries ORDER BY seq"):
                yield seq, str(line).encode("utf-8")


def _jsonl_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    try:
        handle = path.open("rb")
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode) and not path.is_fifo():
            handle.close()
            raise StoreError("not a file", where=str(path))
    except OSError as error:
        raise StoreError(f"cannot read the file: {error.strerror}", where=str(path)) from None
    with handle:
        try:
            yield from enumerate(handle, start=1)
        except OSError as error:
            raise StoreError(f"cannot read the file: {error.strerror}", where=str(path)) from None


def _id_of(raw: bytes) -> str | None:
    start = raw.find(b'"id":"')
    if start < 0:
        return None
    end = raw.find(b'"', start + 6)
    if end < 0:
        return None
    return raw[start + 6 : end].decode("utf-8", "replace")[:200]


def verify_file(path: str | os.PathLike[str], *, head: str | None = None) -> Verification:
    """Follow the digest chain of a ledger file (JSON Lines or SQLite), reading nothing else.

    The entries are not decoded or checked (loading does that); only the chain is, so a file
    that does not load can still be verified, and the first broken entry named. ``head``, a
    digest from an earlier verification, is looked for along the chain. Raises
    :class:`StoreError` for a file that cannot be read.
    """
    file = Path(path)
    chain = Chain()
    breaks: list[ChainBreak] = []
    broken, cut_short, head_at = 0, False, None
    if file.suffix.lower() in SQLITE_SUFFIXES:
        store = _Rows(file, readonly=True)
        lines: Iterator[tuple[int, bytes]] = store.lines()
    else:
        store, lines = None, _jsonl_lines(file)
    try:
        for number, read in lines:
            raw = read
            if store is None:
                if not raw.endswith(b"\n"):
                    cut_short = True  # never loaded: not part of the ledger
                    break
                raw = raw[:-1]
            problem = chain.follow(raw)
            if problem is not None:
                broken += 1
                if len(breaks) < MAX_BREAKS:
                    breaks.append(ChainBreak(number, _id_of(raw), problem))
            elif head is not None and head_at is None and not broken and digest_of(raw) == head:
                head_at = number
    finally:
        if store is not None:
            store.close()
    return Verification(
        str(file),
        chain.lines,
        chain.chained,
        chain.unchained,
        chain.head,
        tuple(breaks),
        broken,
        cut_short,
        head,
        head_at,
    )
