"""The import session: one file read row by row into a base ledger, then one batch.

An import reads a file row by row and builds entries against the ledger it goes into (the
*base*), which it never changes until the end: then the entries are appended in one batch, all or
nothing. Memory grows with the entries made, not with the file. Ids come from the dataset's own
ids, so importing the same file twice adds nothing; names are reconciled with the actors the
ledger already holds (by Wikidata id, then by name or alias) before an actor is created.
A bad row raises, or with ``skip_bad_rows`` is counted and undone.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Final, NoReturn

import attrs

from diplomacy_ledger._errors import ImportRowError, LedgerError, UnknownEntryError
from diplomacy_ledger._gc import gc_paused
from diplomacy_ledger.importers._report import BAD_ROWS_LISTED, BadRow, ImportReport
from diplomacy_ledger.io import Store, open_store
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import (
    Actor,
    ActorKind,
    Office,
    Place,
    Record,
    Source,
    normalise_name,
    shown,
)

Into = Ledger | Store | str | os.PathLike[str] | None
"""Where an import goes: a ledger, an open store, a store's file (created if missing), or None."""

_SLUG: Final = re.compile(r"[^a-z0-9]+")

__all__ = [
    "PROGRESS_EVERY",
    "Into",
    "Progress",
    "Reader",
    "Session",
    "run_import",
    "slug",
]


@attrs.define
class _Pending:
    id: str
    record: Record
    recorded_at: datetime | None
    supersedes: str | None
    names: tuple[str, ...]  # normalised actor names it registered, to undo with its row
    event: bool
    catalogue: tuple[str, str] | None = None  # its key among the catalogue's records


class Session:
    """One import of one file into a base ledger: the entries it makes, and what it counted.

    Readers call :meth:`row` around each row; inside, :meth:`fail` raises an
    :class:`~diplomacy_ledger.ImportRowError` for the row, which strict mode lets through and
    ``skip_bad_rows`` counts, undoing whatever the row had made.
    """

    def __init__(
        self,
        format: str,
        path: Path,
        base: Ledger,
        *,
        prefix: str,
        skip_bad_rows: bool,
        progress: Progress | None = None,
    ):
        self.format = format
        self.path = path
        self.file = str(path)
        self.base = base
        self.prefix = prefix
        self.skip_bad_rows = skip_bad_rows
        self.pending: list[_Pending] = []
        self.ids: dict[str, int] = {}  # id -> position in pending
        self.seen: dict[str, tuple[int, Record, str | None]] = {}
        """The dataset's ids met in this file: the line, the record, and why it was skipped."""
        self.names: dict[str, str] = {}  # normalised actor name -> actor id
        self.created: dict[str, None] = {}
        self.matched: dict[str, None] = {}
        self.skipped: Counter[str] = Counter()
        self.bad_rows: list[BadRow] = []
        self.rows_read = 0
        self.unchanged = 0
        self.line = 0
        self._qids: dict[str, str] | None = None
        self._progress = progress
        self.index: dict[str, dict[str, str]] = {}
        """Lookups a reader builds once from the base ledger (the offices by title, …)."""
        self._catalogue: dict[tuple[str, str], str] = {}

    # -- rows ----------------------------------------------------------------------------------

    @contextlib.contextmanager
    def row(self, line: int) -> Iterator[None]:
        """The context of one row: a bad row raises, or with ``skip_bad_rows`` is counted."""
        self.line = line
        self.rows_read += 1
        if self._progress is not None and self.rows_read % PROGRESS_EVERY == 0:
            self._progress(self.rows_read)
        mark, matched, seen = len(self.pending), len(self.matched), len(self.seen)
        try:
            try:
                yield
            except ImportRowError:
                raise
            except LedgerError as error:  # a value the reader did not check itself: the row's
                raise ImportRowError(
                    str(error),
                    file=self.file,
                    line=line,
                    column=error.where or "row",
                    value=None,
                    reason="bad value",
                ) from error
        except ImportRowError as error:
            if not self.skip_bad_rows:
                raise
            self._undo(mark, matched)
            while len(self.seen) > seen:
                self.seen.popitem()
            self.skipped[error.reason] += 1
            if len(self.bad_rows) < BAD_ROWS_LISTED:
                message = error.message if len(error.message) <= 300 else error.message[:299]
                self.bad_rows.append(
                    BadRow(self.file, error.line, error.column, error.reason, message)
                )

    def _undo(self, mark: int, matched: int) -> None:
        """Forget what a bad row made: its entries, their names, the actors it matched first."""
        for pending in self.pending[mark:]:
            del self.ids[pending.id]
            self.created.pop(pending.id, None)
            for name in pending.names:
                self.names.pop(name, None)
            if pending.catalogue is not None:
                self._catalogue.pop(pending.catalogue, None)
        del self.pending[mark:]
        while len(self.matched) > matched:
            self.matched.popitem()

    def fail(self, column: str, value: object, message: str, *, reason: str) -> NoReturn:
        """Raise the error for the current row: ``column`` and its ``value`` say where."""
        raise ImportRowError(
            f"{message} (got {shown(value)})",
            file=self.file,
            line=self.line,
            column=column,
            value=value,
            reason=reason,
        )

    def checked(self, column: str, value: object, build: Callable[[], Any], *, reason: str) -> Any:
        """``build()``, with a :class:`LedgerError` it raises made an error of ``column``."""
        try:
            return build()
        except ImportRowError:
            raise
        except LedgerError as error:
            self.fail(column, value, str(error), reason=reason)

    def skip(self, reason: str) -> None:
        """Count the current row as skipped: the ledger has no record for what it holds."""
        self.skipped[reason] += 1

    # -- entries -------------------------------------------------------------------------------

    def known(self, id: str) -> bool:
        """Whether the base ledger or this import already holds an entry ``id``."""
        return id in self.ids or id in self.base

    def current(self, id: str) -> Record | None:
        """The latest record of the chain ``id`` is in, here or in the base; None if retracted."""
        if id in self.ids:
            return self.pending[self.ids[id]].record
        entry = self.base.current(id)
        return None if entry is None else entry.record

    def add(
        self,
        record: Record,
        *,
        id: str,
        recorded_at: datetime | None = None,
        supersedes: str | None = None,
        event: bool = True,
        names: Sequence[str] = (),
        catalogue: tuple[str, str] | None = None,
    ) -> str:
        """Add an entry to the import; ``event`` entries are the records the report counts."""
        last = self.base.last_recorded
        if last is not None and recorded_at is not None and recorded_at < last:
            self.fail(
                "timestamp",
                recorded_at.isoformat(),
                f"the record time is before the ledger's latest ({last.isoformat()}); record "
                "times never go back",
                reason="recorded before the ledger's latest entry",
            )
        self.ids[id] = len(self.pending)
        self.pending.append(
            _Pending(id, record, recorded_at, supersedes, tuple(names), event, catalogue)
        )
        return id

    def upsert(
        self,
        record: Record,
        *,
        id: str,
        recorded_at: datetime | None = None,
        version: str | None = None,
    ) -> None:
        """Add ``record`` under the dataset's ``id``: new, unchanged, or a correction.

        When the ledger already holds ``id`` with an equal record the row is unchanged; with a
        different one, the record supersedes the latest version under ``id@version`` (``version``
        is the row's own time stamp, else a digest of the record). An id already on an earlier
        row of this file is an error naming that row's line, unless the row is the same again
        (some datasets repeat rows): then it counts as that row did.
        """
        seen = self.seen.get(id)
        if seen is not None:  # the id is on an earlier row of this file
            line, earlier, outcome = seen
            if earlier != record:
                self.fail(
                    "id",
                    id,
                    f"the id is on line {line} already, with other contents",
                    reason="duplicate id",
                )
            if outcome is None:
                self.unchanged += 1
            else:
                self.skip(outcome)
            return
        self.seen[id] = (
            self.line,
            *self._upsert(record, id=id, recorded_at=recorded_at, version=version),
        )

    def _upsert(
        self, record: Record, *, id: str, recorded_at: datetime | None, version: str | None
    ) -> tuple[Record, str | None]:
        """Add ``record`` as ``upsert`` says; return the record to remember, and a skip's reason.

        The record remembered for an unchanged row is the ledger's own, equal one: the row's then
        takes no memory.
        """
        if id not in self.base:
            self.add(record, id=id, recorded_at=recorded_at)
            return record, None
        latest = self.base.current(id)
        if latest is None:
            self.skip("retracted earlier")
            return record, "retracted earlier"
        if latest.record == record:
            self.unchanged += 1
            return latest.record, None
        if recorded_at is not None and recorded_at <= latest.recorded_at:
            reason = "older than the version the ledger holds"  # an earlier release again
            self.skip(reason)
            return record, reason
        if version is None:
            version = hashlib.sha256(repr(record).encode("utf-8")).hexdigest()[:12]
        corrected = f"{id}@{version}"
        if self.known(corrected):
            self.unchanged += 1  # this version was imported, and corrected since
            return record, None
        self.add(record, id=corrected, recorded_at=recorded_at, supersedes=latest.id)
        return record, None

    def new_id(self, stem: str) -> str:
        """``stem``, or ``stem-2``, ``stem-3``, … : the first id no entry has."""
        candidate, count = stem, 1
        while self.known(candidate):
            count += 1
            candidate = f"{stem}-{count}"
        return candidate

    # -- catalogue: actors, sources, places, offices ----------------------------------------------

    def actor(
        self,
        name: str,
        kind: ActorKind,
        *,
        column: str,
        wikidata: str | None = None,
        iso3: str | None = None,
        description: str | None = None,
        stem: str | None = None,
    ) -> str:
        """The id of the actor ``name`` names, matched or made.

        Matched in the ledger by Wikidata id or ISO 3166 alpha-3 code, then by name or alias;
        else made here once (of ``kind``, under the id ``stem`` or one made from the name) and
        reused for every row that names it.
        """
        key = normalise_name(name)
        if not key:
            self.fail(column, name, "an actor's name needs letters or digits", reason="bad name")
        for code in (wikidata, iso3):
            found = self._by_code().get(code) if code is not None else None
            if found is not None:
                return self._matched(found, key)
        if key in self.names:
            found = self.names[key]
            if found not in self.created:
                self.matched[found] = None
            return found
        with contextlib.suppress(UnknownEntryError):
            return self._matched(self.base.resolve_actor(name), key)
        record = self.checked(
            column,
            name,
            lambda: Actor(name, kind, wikidata=wikidata, iso3=iso3, description=description),
            reason="bad name",
        )
        id = self.new_id(stem or f"{self.prefix}:actor:{slug(name)}")
        self.add(record, id=id, event=False, names=(key,))
        self.names[key] = id
        self.created[id] = None
        return id

    def _matched(self, found: str, key: str) -> str:
        self.names[key] = found
        if found not in self.created:
            self.matched[found] = None
        return found

    def _by_code(self) -> dict[str, str]:
        """The ledger's current actors by Wikidata id and by ISO 3166 alpha-3 code."""
        if self._qids is None:
            self._qids = {}
            for entry in self.base.by_kind(Actor):
                actor = entry.record
                if not isinstance(actor, Actor) or self.base.current(entry.id) is not entry:
                    continue
                for code in (actor.wikidata, actor.iso3):
                    if code is not None:
                        self._qids.setdefault(code, self.base.origin(entry.id))
        return self._qids

    def catalogue(self, record: Source | Place | Office, *, id: str) -> str:
        """The id of an entry holding ``record``: one already here or in the ledger, or ``id``.

        Equal records are one entry: a source cited by many rows, a place named by many.
        """
        key = (type(record).__name__, repr(record))
        if key in self._catalogue:
            return self._catalogue[key]
        if id in self.ids or (id in self.base and self.current(id) == record):
            self._catalogue[key] = id
            return id
        id = self.new_id(id)
        self.add(record, id=id, event=False, catalogue=key)
        self._catalogue[key] = id
        return id

    def place(self, name: str, *, zone: str, column: str, **fields: Any) -> str:
        """The id of the place ``name``: the ledger's, or one made here in ``zone``."""
        with contextlib.suppress(UnknownEntryError):
            return self.base.resolve_place(name)
        record = self.checked(
            column, name, lambda: Place(name, zone=zone, **fields), reason="bad place"
        )
        return self.catalogue(record, id=f"{self.prefix}:place:{slug(name)}")

    # -- the end ---------------------------------------------------------------------------------

    def report(self) -> ImportReport:
        """What this import did, once its entries are committed."""
        from diplomacy_ledger.model import Retraction  # noqa: PLC0415 - one name, here only

        events = [p for p in self.pending if p.event]
        retractions = sum(isinstance(p.record, Retraction) for p in events)
        corrections = sum(p.supersedes is not None for p in events)
        return ImportReport(
            self.format,
            (self.file,),
            rows_read=self.rows_read,
            records=len(events) - retractions - corrections,
            corrections=corrections,
            retractions=retractions,
            unchanged=self.unchanged,
            skipped=dict(self.skipped),
            actors_created=tuple(self.created),
            actors_matched=tuple(a for a in self.matched if a not in self.created),
            other_entries=len(self.pending) - len(events) - len(self.created),
            bad_rows=tuple(self.bad_rows),
        )

    def ordered(self, recorded_at: datetime | None) -> list[_Pending]:
        """The entries in the order they can be appended: by record time, catalogue first.

        An entry with a record time of its own (an ACLED row's timestamp) keeps it; the others
        take ``recorded_at`` or, when an import dates its rows, the earliest of their times.
        """
        dated = [p.recorded_at for p in self.pending if p.recorded_at is not None]
        floor = min(dated) if dated else recorded_at
        for pending in self.pending:
            if pending.recorded_at is None:
                pending.recorded_at = floor
        if not dated:
            return self.pending
        catalogue = [p for p in self.pending if not p.event]
        events = sorted((p for p in self.pending if p.event), key=_stamp)
        return catalogue + events


def _stamp(pending: _Pending) -> datetime:
    assert pending.recorded_at is not None
    return pending.recorded_at


def slug(name: str) -> str:
    """An id part from a name: its letters and digits, lower case, joined by hyphens."""
    text = _SLUG.sub("-", normalise_name(name)).strip("-")[:80].strip("-")
    if text:
        return text
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]  # a name in another script


Reader = Callable[[Session], None]
Progress = Callable[[int], None]
"""Called with the number of rows read so far, every ``PROGRESS_EVERY`` rows."""
PROGRESS_EVERY: Final = 10_000


def run_import(
    format: str,
    path: str | os.PathLike[str],
    reader: Reader,
    *,
    into: Into,
    prefix: str,
    skip_bad_rows: bool,
    recorded_at: datetime | None,
    progress: Progress | None = None,
) -> tuple[Ledger, ImportReport]:
    """Read ``path`` with ``reader`` into ``into``; return the ledger and the report."""
    file = Path(path)
    if isinstance(into, str | os.PathLike):
        with open_store(into) as store:
            return run_import(
                format,
                file,
                reader,
                into=store,
                prefix=prefix,
                skip_bad_rows=skip_bad_rows,
                recorded_at=recorded_at,
                progress=progress,
            )
    target: Ledger | Store = Ledger() if into is None else into
    base = target if isinstance(target, Ledger) else target.ledger()
    session = Session(
        format, file, base, prefix=prefix, skip_bad_rows=skip_bad_rows, progress=progress
    )
    with gc_paused():  # millions of small objects and no cycles: see _gc
        reader(session)
        ordered = session.ordered(recorded_at)
        if ordered:
            with target.batch() as batch:
                for pending in ordered:
                    batch.append(
                        pending.record,
                        id=pending.id,
                        recorded_at=pending.recorded_at,
                        supersedes=pending.supersedes,
                    )
    ledger = target if isinstance(target, Ledger) else target.ledger()
    return ledger, session.report()
