"""Reading and writing JSON Lines ledger files: all or nothing, or the good lines and the bad."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Final, Literal

import attrs

from diplomacy_ledger._errors import BadReferenceError, ChainError, LedgerError
from diplomacy_ledger._gc import gc_paused
from diplomacy_ledger.checks import dangling_references
from diplomacy_ledger.io._chain import GENESIS, Chain
from diplomacy_ledger.io._lines import Line, decode_entry, encode_chained
from diplomacy_ledger.io._values import forget_shared
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import Entry, Finding, FindingKind, whens_in
from diplomacy_ledger.time import local_candidates, tzdb_version

__all__ = [
    "LoadResult",
    "References",
    "SkippedLine",
    "dump_jsonl",
    "dumps_jsonl",
    "load_jsonl",
    "read_jsonl",
]

References = Literal["strict", "report"]
"""What loading does with a reference to an entry the file does not hold: ``"strict"`` refuses
the file, ``"report"`` keeps the entry out of the ledger and reports a finding."""

_NEWLINE: Final = b"\n"
_PROGRESS_EVERY: Final = 10_000
_RUN: Final = 256

Progress = Callable[[int, int], None]
"""Called now and then while a file loads, with the bytes read so far and the total."""


@attrs.frozen
class SkippedLine:
    """A line that was not loaded, and why."""

    line: int
    text: str
    error: str


@attrs.frozen
class LoadResult:
    """What loading a file gave: the ledger, and everything that did not go into it.

    ``skipped`` lists bad lines (only when loading was asked to skip them); ``rejected`` holds the
    entries kept out because they point at entries the file does not hold (``references="report"``);
    ``findings`` reports those broken references and any local wall time whose zone's rules have
    changed since it was written.
    """

    ledger: Ledger
    skipped: tuple[SkippedLine, ...] = ()
    rejected: tuple[Entry, ...] = ()
    findings: tuple[Finding, ...] = ()


def _lines(data: bytes) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, bytes, ends with a newline) for each line."""
    start, number = 0, 0
    while start < len(data):
        number += 1
        end = data.find(_NEWLINE, start)
        if end < 0:
            yield number, data[start:], False
            return
        yield number, data[start:end], True
        start = end + 1


def read_jsonl(
    data: bytes | str,
    *,
    name: str = "<data>",
    skip_bad_lines: bool = False,
    references: References = "strict",
    allow_empty: bool = False,
    progress: Progress | None = None,
) -> LoadResult:
    """Load a ledger from JSON Lines text; see :func:`load_jsonl`."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return _load(_lines(raw), len(raw), name, skip_bad_lines, references, allow_empty, progress)


def _load(  # noqa: PLR0917 - the options of read_jsonl, passed on
    lines: Iterable[tuple[int, bytes, bool]],
    total: int | None,
    name: str,
    skip_bad_lines: bool,
    references: References,
    allow_empty: bool,
    progress: Progress | None,
) -> LoadResult:
    if references not in ("strict", "report"):
        raise LedgerError(f"references is 'strict' or 'report', not {references!r}")
    if total == 0 and not allow_empty:
        raise LedgerError("empty file: a ledger file holds at least one entry", where=name)
    loader = _Loader(name, skip_bad_lines, references)
    seen = False
    try:
        with gc_paused():
            try:
                done = 0
                for number, line, complete in lines:
                    seen = True
                    loader.line(number, line, complete)
                    done += len(line) + 1
                    if progress is not None and total and number % _PROGRESS_EVERY == 0:
                        progress(min(done, total), total)
                loader.finish()
            finally:
                forget_shared()
    except LedgerError as error:
        # The error's frames hold the half-built ledger, and a caller keeps the error: drop them
        # (the error says where; they add nothing for users), so the ledger is freed at once,
        # even by a caller that paused the collector. No full collection: that would cost a
        # program that tries many bad files more than it frees.
        error.__traceback__ = None
        del loader
        raise error from None
    if not seen and not allow_empty:  # a stream that held nothing
        raise LedgerError("empty file: a ledger file holds at least one entry", where=name)
    if progress is not None and total:
        progress(total, total)
    return LoadResult(
        loader.ledger, tuple(loader.skipped), tuple(loader.rejected), tuple(loader.findings)
    )


def _file_lines(file: BinaryIO) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, bytes, ends with a newline) for each line of an open file, read as needed."""
    for number, line in enumerate(file, start=1):
        if line.endswith(_NEWLINE):
            yield number, line[:-1], True
        else:
            yield number, line, False


class _Loader:
    """Feeds decoded lines into a ledger; a batch's lines go in together or not at all."""

    def __init__(self, name: str, skip_bad_lines: bool, references: References) -> None:
        self.name, self.skip_bad_lines, self.references = name, skip_bad_lines, references
        self.ledger = Ledger()
        self.skipped: list[SkippedLine] = []
        self.rejected: list[Entry] = []
        self.findings: list[Finding] = []
        self.batch: list[tuple[int, bytes, Line]] = []
        # When any bad line stops the load, lines go into the ledger a few hundred at a time;
        # if a run is refused (and so left out whole), its lines are tried one by one to find
        # and name the first bad one.
        self.in_runs = not skip_bad_lines and references == "strict"
        self.run: list[tuple[int, bytes, Line]] = []
        self.chain = Chain()

    def line(self, number: int, raw: bytes, complete: bool) -> None:
        where = f"{self.name}:{number}"
        broken = self.chain.follow(raw) if complete else None
        try:
            decoded = decode_entry(raw, where=where)
        except LedgerError as error:
            self.flush()  # an earlier line's error comes first
            self.fail(error, [(number, raw)], complete)
            return
        if broken is not None:
            self.flush()
            entry = f"entry {decoded.entry.id!r}: "
            self.fail(ChainError(entry + broken, where=where), [(number, raw)], complete)
            return
        if not complete:
            # One rule with JsonlStore: a line ends with its newline, which is where a write is
            # complete; a last line without one was cut short and is not loaded, even whole.
            self.flush()
            cut = LedgerError(
                "the last line has no newline: a write was cut short (if the line is whole, "
                "end it with a newline)",
                where=where,
            )
            self.fail(cut, [(number, raw)], True)
            return
        if decoded.batch is None:
            if self.batch:
                self.broken_batch(f"{where}: a batch ends early, before this line")
            if self.in_runs:
                self.run.append((number, raw, decoded))
                if len(self.run) == _RUN:
                    self.flush()
            else:
                self.apply([(number, raw, decoded)])
            return
        self.flush()
        index, size = decoded.batch
        if index == 0 and self.batch:
            self.broken_batch(f"{where}: a batch ends early, before this line")
        if index != len(self.batch) or (self.batch and self.batch[0][2].batch != (0, size)):
            self.fail(
                LedgerError(f"line {index + 1} of a batch of {size} is out of place", where=where),
                [(number, raw)],
                complete,
            )
            return
        self.batch.append((number, raw, decoded))
        if len(self.batch) == size:
            batch, self.batch = self.batch, []
            self.apply(batch)

    def flush(self) -> None:
        """Append the lines waiting in the current run."""
        if not self.run:
            return
        run, self.run = self.run, []
        try:
            self.ledger.extend([decoded.entry for _, _, decoded in run])
        except LedgerError:
            for line in run:  # the ledger is as it was: find the line at fault
                self.apply([line])
            raise  # pragma: no cover - one of the lines raises above
        for number, _, decoded in run:
            self.findings.extend(
                _rules_changed(decoded.entry, decoded.tzdb, f"{self.name}:{number}")
            )

    def finish(self) -> None:
        self.flush()
        if self.batch:
            first = self.batch[0][0]
            self.broken_batch(
                f"{self.name}:{first}: the last batch is incomplete ({len(self.batch)} of "
                f"{self.batch[0][2].batch[1] if self.batch[0][2].batch else '?'} lines): a write "
                "was cut short, and none of it is loaded"
            )

    def broken_batch(self, message: str) -> None:
        lines = [(number, raw) for number, raw, _ in self.batch]
        self.batch = []
        self.fail(LedgerError(message), lines, True)

    def fail(self, error: LedgerError, lines: list[tuple[int, bytes]], complete: bool) -> None:
        if not complete:
            error.message += " (the last line has no newline: a write may have been cut short)"
        if not self.skip_bad_lines:
            raise error
        for number, raw in lines:
            self.skipped.append(SkippedLine(number, raw.decode("utf-8", "replace"), str(error)))

    def apply(self, lines: list[tuple[int, bytes, Line]]) -> None:
        first, last = lines[0][0], lines[-1][0]
        where = f"{self.name}:{first}" + (f"-{last}" if last != first else "")
        entries = [decoded.entry for _, _, decoded in lines]
        try:
            if len(entries) == 1:
                _append(
                    self.ledger, entries[0], where, self.references, self.rejected, self.findings
                )
            else:
                self.ledger.extend(entries)
        except LedgerError as error:
            if len(entries) > 1:
                error.at(where)
            self.fail(error, [(number, raw) for number, raw, _ in lines], True)
            return
        for number, _, decoded in lines:
            self.findings.extend(
                _rules_changed(decoded.entry, decoded.tzdb, f"{self.name}:{number}")
            )


def _append(  # noqa: PLR0917 - a private step of read_jsonl
    ledger: Ledger,
    entry: Entry,
    where: str,
    references: References,
    rejected: list[Entry],
    findings: list[Finding],
) -> None:
    try:
        ledger.extend([entry])
    except BadReferenceError as error:
        if references == "strict" or error.id in ledger:
            raise error.at(where) from None
        rejected.append(entry)
        known = [*ledger, *rejected]
        broken = [f for f in dangling_references(known) if f.entries == (entry.id,)]
        findings.extend(
            broken
            or [
                Finding(
                    FindingKind.DANGLING_REFERENCE,
                    "definite",
                    (entry.id,),
                    f"{where}: entry {entry.id!r} points at {error.id!r}, which was kept out "
                    "of the ledger for a broken reference of its own.",
                )
            ]
        )
    except LedgerError as error:
        raise error.at(where) from None


def _rules_changed(entry: Entry, written_with: str | None, where: str) -> Iterator[Finding]:
    """Local wall times whose zone's current rules no longer put them at the recorded instant."""
    for when in whens_in(entry.record):
        if when.wall is None or when.zone is None:
            continue
        candidates = local_candidates(when.wall, when.zone)
        if when.earliest in candidates and (not when.either or when.latest in candidates):
            continue
        yield Finding(
            FindingKind.ZONE_RULES_CHANGED,
            "definite",
            (entry.id,),
            f"{where}: {when.wall.isoformat(sep=' ')} in {when.zone} was recorded as "
            f"{when.earliest.isoformat()} with tz database {written_with or 'unknown'}; the "
            f"rules in use now ({tzdb_version()}) put that wall time elsewhere. The recorded "
            "instant is kept: check which is right.",
        )


def load_jsonl(
    path: str | os.PathLike[str],
    *,
    skip_bad_lines: bool = False,
    references: References = "strict",
    allow_empty: bool = False,
    progress: Progress | None = None,
) -> LoadResult:
    """Load a ledger from a JSON Lines file.

    By default a file with any bad line loads nothing: the :class:`LedgerError` names the file,
    the line and the field (``ledger.jsonl:17: record.when.earliest: naive datetime ...``). With
    ``skip_bad_lines=True`` the good lines load and every bad one is listed in the result.
    ``references`` says what to do with references to entries the file does not hold. An empty
    file is refused unless ``allow_empty``. Loading never runs code from the file.

    The file is read line by line. Python's cyclic garbage collector is paused while it loads
    (for every thread: the collector is process-wide) and put back as it was afterwards.
    """
    file = Path(path)
    try:
        handle = file.open("rb")
        status = os.fstat(handle.fileno())
        # A pipe or FIFO is read as a stream: its size says nothing about what it holds.
        total = status.st_size if stat.S_ISREG(status.st_mode) else None
    except OSError as error:
        raise LedgerError(f"cannot read the file: {error.strerror}", where=str(file)) from None
    # Read line by line: the file's bytes are never all in memory next to the ledger.
    with handle:
        try:
            return _load(
                _file_lines(handle),
                total,
                file.name,
                skip_bad_lines,
                references,
                allow_empty,
                progress,
            )
        except OSError as error:
            raise LedgerError(f"cannot read the file: {error.strerror}", where=str(file)) from None


def dumps_jsonl(entries: Iterable[Entry]) -> str:
    """Entries as JSON Lines text, one per line, each ending with a newline, digests chained."""
    lines, _ = encode_chained(list(entries), previous=GENESIS, tzdb=tzdb_version())
    return "".join(line + "\n" for line in lines)


def dump_jsonl(entries: Iterable[Entry], path: str | os.PathLike[str]) -> None:
    """Write entries (a :class:`Ledger`, or any entries) to ``path``, atomically.

    The text goes to a temporary file in the same folder, is flushed to disk, and replaces
    ``path`` in one step: a crash leaves the old file or the new one, never half of one.
    """
    target = Path(path)
    text = dumps_jsonl(entries).encode("utf-8")
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        # mkstemp makes the file private (0600); keep the mode of the file being replaced, or
        # make a new one readable by others as files usually are (0644).
        os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        with os.fdopen(handle, "wb") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    directory = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
