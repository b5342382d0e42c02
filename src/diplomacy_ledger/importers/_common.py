"""What every importer shares: the session, the report, bad rows, actors, honest dates.

An import reads a file row by row and builds entries against the ledger it goes into (the
*base*), which it never changes until the end: then the entries are appended in one batch, all or
nothing. Memory grows with the entries made, not with the file. Ids come from the dataset's own
ids, so importing the same file twice adds nothing; names are reconciled with the actors the
ledger already holds (by Wikidata id, then by name or alias) before an actor is created.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import functools
import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, Final, NoReturn

import attrs

from diplomacy_ledger._errors import FormatError, ImportRowError, LedgerError, UnknownEntryError
from diplomacy_ledger._gc import gc_paused
from diplomacy_ledger._repr import python_repr
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
from diplomacy_ledger.time import Precision, When, country_zones, resolve_phrase

__all__ = [
    "BAD_ROWS_LISTED",
    "COUNTRY_CODES",
    "NOT_UTF8",
    "BadRow",
    "ImportReport",
    "Into",
    "Progress",
    "Session",
    "alpha2",
    "around_undecoded",
    "check_utf8",
    "json_document",
    "local_days",
    "phrase_in",
    "read_table",
    "run_import",
    "text_lines",
    "undecoded",
    "zones_for",
    "zones_in",
]

Into = Ledger | Store | str | os.PathLike[str] | None
"""Where an import goes: a ledger, an open store, a store's file (created if missing), or None."""

_SLUG: Final = re.compile(r"[^a-z0-9]+")

COUNTRY_CODES: Final = {
    "Democratic Republic of Congo": "CD",
    "Republic of Congo": "CG",
    "Ivory Coast": "CI",
    "United Kingdom": "GB",
    "South Korea": "KR",
    "North Korea": "KP",
    "Myanmar": "MM",
    "eSwatini": "SZ",
    "Russian Federation": "RU",
    "Czechia": "CZ",
    "Turkiye": "TR",
    "Türkiye": "TR",
    "Cote d'Ivoire": "CI",
    "Curacao": "CW",
    "Saint Vincent and the Grenadines": "VC",
    "Turks and Caicos Islands": "TC",
    "Democratic Republic of the Congo": "CD",
    "Republic of the Congo": "CG",
    "Cabo Verde": "CV",
    "Timor-Leste": "TL",
    "East Timor": "TL",
}
"""Country names datasets use that ``iso3166.tab`` spells otherwise, with their ISO codes.

Names differing only by "and" for "&" or "Saint" for "St" are found without this table."""
_EARTH: Final = ("+14:00", "-12:00")  # where a day begins first, and where it ends last


def _sorted_counts(counts: Mapping[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items()))


BAD_ROWS_LISTED: Final = 1000
"""How many bad rows a report lists one by one; it counts them all (``skipped``)."""


@python_repr
@attrs.frozen
class BadRow:
    """A row skipped as bad (with ``skip_bad_rows``): where it is and why.

    ``message`` is the error's, its values cut short and escaped as every error's are.

    >>> BadRow("a.csv", 3, "date", "unknown phrase", "unknown phrase (got 'soonish')").where
    'a.csv:3: date'
    """

    file: str
    line: int
    column: str
    reason: str
    message: str

    @property
    def where(self) -> str:
        """``file:line: column``, as the row's error says it."""
        return f"{self.file}:{self.line}: {self.column}"

    def to_dict(self) -> dict[str, Any]:
        """The row as plain JSON values."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "reason": self.reason,
            "message": self.message,
        }


@python_repr
@attrs.frozen
class ImportReport:
    """What an import did: rows read, entries made, rows skipped by reason, actors found or made.

    ``records`` counts new event records (calls, meetings, hostilities, …), ``corrections`` new
    versions of records already imported, ``retractions`` records withdrawn; ``unchanged`` rows
    that the ledger already held as they are (importing a file twice makes every row unchanged).
    ``skipped`` maps each reason to how many rows were skipped for it: rows whose kind of event
    the ledger has no record for (always counted, never an error) and, with
    ``skip_bad_rows=True``, bad rows, which ``bad_rows`` lists one by one (the first
    ``BAD_ROWS_LISTED`` of them: a file of millions of bad rows is counted, not echoed whole).
    ``actors_created`` and ``actors_matched`` are actor ids.

    >>> ImportReport("acled", ("a.csv",), rows_read=3, records=2,
    ...              skipped={"no counterpart: Protests": 1}).skipped_rows
    1
    """

    format: str
    files: tuple[str, ...]
    rows_read: int = 0
    records: int = 0
    corrections: int = 0
    retractions: int = 0
    unchanged: int = 0
    skipped: Mapping[str, int] = attrs.field(factory=dict, converter=_sorted_counts)
    actors_created: tuple[str, ...] = ()
    actors_matched: tuple[str, ...] = ()
    other_entries: int = 0
    """How many sources, places and offices the import made along the way."""
    bad_rows: tuple[BadRow, ...] = ()
    """The bad rows skipped, each with its line, column and reason (the first 1000)."""

    __hash__ = None  # type: ignore[assignment]

    @property
    def skipped_rows(self) -> int:
        """How many rows were skipped, for every reason."""
        return sum(self.skipped.values())

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON values."""
        return {
            "format": self.format,
            "files": list(self.files),
            "rows_read": self.rows_read,
            "records": self.records,
            "corrections": self.corrections,
            "retractions": self.retractions,
            "unchanged": self.unchanged,
            "skipped": dict(self.skipped),
            "skipped_rows": self.skipped_rows,
            "actors_created": list(self.actors_created),
            "actors_matched": list(self.actors_matched),
            "other_entries": self.other_entries,
            "bad_rows": [row.to_dict() for row in self.bad_rows],
        }

    def merged(self, other: ImportReport) -> ImportReport:
        """One report for two imports done one after the other (of several files)."""
        skipped = Counter(self.skipped)
        skipped.update(other.skipped)
        created = dict.fromkeys((*self.actors_created, *other.actors_created))
        return ImportReport(
            self.format if self.format == other.format else f"{self.format}+{other.format}",
            (*self.files, *other.files),
            rows_read=self.rows_read + other.rows_read,
            records=self.records + other.records,
            corrections=self.corrections + other.corrections,
            retractions=self.retractions + other.retractions,
            unchanged=self.unchanged + other.unchanged,
            skipped=dict(skipped),
            actors_created=tuple(created),
            actors_matched=tuple(
                a
                for a in dict.fromkeys((*self.actors_matched, *other.actors_matched))
                if a not in created
            ),
            other_entries=self.other_entries + other.other_entries,
            bad_rows=(*self.bad_rows, *other.bad_rows)[:BAD_ROWS_LISTED],
        )


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


# -- honest dates ----------------------------------------------------------------------------------


def zones_for(zone: str | None, country: str | None) -> tuple[str, ...]:
    """The zones a date-only value is read in: the place's zone, else every zone of the country.

    Empty when neither is known: the date is then a day somewhere on Earth.
    """
    if zone:
        return (zone,)
    if country:
        return zones_in(country)
    return ()


@functools.lru_cache(maxsize=1024)
def zones_in(country: str) -> tuple[str, ...]:
    """Every zone of ``country``; empty for a country the time zone database does not know.

    ``country`` is an ISO 3166 alpha-2 code, an alpha-3 code (as PLOVER, POLECAT and CAMEO
    write countries), or a name: as ``iso3166.tab`` writes it, as datasets spell it otherwise
    (``COUNTRY_CODES``), or with "and" for "&" and "Saint" for "St".
    """
    text = " ".join(country.split())
    text = COUNTRY_CODES.get(text, text)
    if len(text) == 3 and text.isascii() and text.isalpha() and text.isupper():
        code = alpha2(text)
        return country_zones(code) if code is not None else ()
    for name in (text, _ST.sub("St ", text.replace(" and ", " & "))):
        found = country_zones(name)
        if found:
            return found
    return ()


_ST: Final = re.compile(r"^Saint ")


def alpha2(alpha3: str) -> str | None:
    """The ISO 3166 alpha-2 code of the alpha-3 code ``alpha3``; None if it is none."""
    return _alpha3().get(alpha3)


@functools.cache
def _alpha3() -> dict[str, str]:
    table = Path(__file__).with_name("iso3166_alpha3.tab").read_text("utf-8")
    rows = (line.split("\t") for line in table.splitlines() if line and not line.startswith("#"))
    return {row[0]: row[1] for row in rows}


def local_days(first: date, last: date, zones: Sequence[str], *, text: str) -> When:
    """The days ``first`` to ``last`` (inclusive) on local clocks; never from UTC midnight.

    In one zone; in the union of several (from where the first day begins first to where the
    last ends last); or, with no zone, anywhere on Earth. A When is immutable: the same days
    in the same zones are built once (event data repeats its days row after row).
    """
    return _local_days(first, last, tuple(zones), text)


@functools.lru_cache(maxsize=4096)
def _local_days(first: date, last: date, zones: tuple[str, ...], text: str) -> When:
    if not zones:
        start, end = When.day(first, text=text), When.day(last, text=text)
    elif len(zones) == 1:
        start, end = When.day(first, zone=zones[0]), When.day(last, zone=zones[0])
    else:
        starts = [When.day(first, zone=zone) for zone in zones]
        ends = [When.day(last, zone=zone) for zone in zones]
        earliest = min(w.earliest for w in starts)
        latest = max(w.latest for w in ends)
        return When(earliest, latest, Precision.SPAN, None, text=text)
    if first == last:
        return attrs.evolve(start, text=text)
    return When.between(start, end, text=text)


def phrase_in(phrase: str, *, anchor: When | Callable[[str], When], zones: Sequence[str]) -> When:
    """A vague phrase read against ``anchor`` in each of ``zones``, as the union of the readings.

    With no zone, on all of Earth's clocks: where the day begins first and where it ends last.
    ``anchor`` may be a function of the zone: a report dated only by its day is read, in each
    zone, against that day in that zone ("yesterday" said on the 13th is the 12th on the same
    clocks), not against the union of the days.
    """
    readings = [
        resolve_phrase(phrase, anchor=anchor(zone) if callable(anchor) else anchor, zone=zone)
        for zone in (zones or _EARTH)
    ]
    if len(readings) == 1:
        return readings[0]
    earliest = min(w.earliest for w in readings)
    latest = max(w.latest for w in readings)
    return When(earliest, latest, Precision.SPAN, None, text=phrase)


_SURROGATE: Final = re.compile("[\udc80-\udcff]")  # a byte that was not UTF-8, kept to name it
_HEAD: Final = 4096


def _open_binary(session: Session) -> BinaryIO:
    """The file opened to read bytes, refused if it is empty or not text.

    An empty file (nothing but white space) is no file of any format: a download cut short, or
    the wrong file. A NUL byte in the first bytes means a binary file (a spreadsheet, an image)
    or text saved as UTF-16, which no reader here takes.
    """
    try:
        file = session.path.open("rb")
    except OSError as error:
        raise FormatError(
            f"cannot read the file: {error.strerror or error}", where=session.file
        ) from None
    head = file.read(_HEAD)
    if len(head) < _HEAD and not head.removeprefix(codecs.BOM_UTF8).strip():
        file.close()
        raise FormatError("the file is empty", where=f"{session.file}:1")
    nul = head.find(b"\x00")
    if nul >= 0:
        file.close()
        utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        raise FormatError(
            f"not a text file: a NUL byte at byte {nul + 1}"
            + ("; it is UTF-16 text: save it as UTF-8" if utf16 else " (a binary file?)"),
            where=f"{session.file}:1",
        )
    file.seek(0)
    return file


def text_lines(session: Session) -> Iterator[str]:
    """The file's lines, read one at a time: split at line feeds only, decoded as UTF-8.

    A line keeps its ending (LF, or CRLF); a carriage return alone is a character of the line,
    never a line end, as every format read here ends its lines with LF or CRLF. A byte-order mark
    opening the file is dropped. Bytes that are not UTF-8 are kept as lone
    surrogates (``surrogateescape``), so that the row holding them is refused by
    :func:`check_utf8`, naming its line and column, rather than the whole file failing.
    """
    with _open_binary(session) as file:
        first = True
        for raw in file:
            yield (raw.removeprefix(codecs.BOM_UTF8) if first else raw).decode(
                "utf-8", "surrogateescape"
            )
            first = False


def undecoded(text: str) -> int | None:
    """Where in ``text`` the first byte that was not UTF-8 is (see text_lines); None if none."""
    found = _SURROGATE.search(text)
    return None if found is None else found.start()


def json_document(session: Session, text: str, first_line: int) -> Any:
    """``text``, a whole JSON document beginning on ``first_line``, decoded; else a FormatError."""
    bad = undecoded(text)
    if bad is not None:
        line = first_line + text.count("\n", 0, bad)
        raise FormatError("not UTF-8 text: save the file as UTF-8", where=f"{session.file}:{line}")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"not JSON: {error.msg}", where=f"{session.file}:{first_line - 1 + error.lineno}"
        ) from None
    except RecursionError:
        raise FormatError("JSON nested too deep", where=f"{session.file}:{first_line}") from None


def around_undecoded(text: str) -> bytes:
    """The bytes of ``text`` around its first byte that was not UTF-8: what an error shows."""
    at = undecoded(text) or 0
    return text[max(0, at - 24) : at + 24].encode("utf-8", "surrogateescape")


NOT_UTF8: Final = "not UTF-8 text (saved as Latin-1 or Windows-1252?): save the file as UTF-8"


def check_utf8(session: Session, column: str, value: str) -> None:
    """Refuse the current row if ``value`` holds bytes that were not UTF-8 (see text_lines).

    The value shown is the bytes around the first such byte, so that the error shows it.
    """
    if _SURROGATE.search(value) is not None:
        session.fail(column, around_undecoded(value), NOT_UTF8, reason="not UTF-8")


def bare(line: str) -> str:
    """A line without its ending: the line feed and a carriage return before it."""
    line = line.removesuffix("\n")
    return line.removesuffix("\r")


@attrs.frozen
class _BadRow:
    column: str
    value: object
    message: str
    reason: str


Each = Callable[[Session, dict[str, str]], None]


def read_table(
    session: Session,
    required: Sequence[str],
    each: Each,
    *,
    what: str,
    tabs: bool = False,
    known: Sequence[str] | None = None,
    missing: frozenset[str] = frozenset({""}),
) -> None:
    """Read a file with a header line, calling ``each`` on every row, in the row's context.

    Comma-separated with the csv module's quoting (a quoted cell may hold commas, tabs and line
    breaks), or, if ``tabs``, tab-separated with no quoting at all (a ``"`` is a character of its
    cell and never joins lines). The header must name every ``required`` column, each column
    once (and, given ``known``, no other): else a :class:`FormatError` saying the file is not
    ``what``. A row whose cells do not match the header's columns one for one, or that is not
    UTF-8, is a bad row, named by the line it starts on. Cells are stripped of surrounding
    white space, and a cell in ``missing`` is empty.
    """
    rows = _tab_rows(session) if tabs else _csv_rows(session)
    header: list[str] | None = None
    for line, cells in rows:
        if header is None:
            header = _header(session, cells, required, what=what, known=known)
            continue
        with session.row(line):
            if isinstance(cells, _BadRow):
                session.fail(cells.column, cells.value, cells.message, reason=cells.reason)
            if len(cells) != len(header):
                _wrong_width(session, line, cells, len(header))
            values = {}
            for name, cell in zip(header, cells, strict=True):
                check_utf8(session, name, cell)
                text = cell.strip()
                values[name] = "" if text in missing else text
            each(session, values)
    if header is None:
        raise FormatError(f"not {what}: no header line", where=f"{session.file}:1")


def _header(
    session: Session,
    cells: list[str] | _BadRow,
    required: Sequence[str],
    *,
    what: str,
    known: Sequence[str] | None,
) -> list[str]:
    where = f"{session.file}:1"
    if isinstance(cells, _BadRow) or _SURROGATE.search("".join(cells)):
        raise FormatError(f"not {what}: the header line is not UTF-8 text", where=where)
    header = [cell.strip() for cell in cells]
    twice = sorted({name for name in header if header.count(name) > 1})
    if twice:
        raise FormatError(f"columns named twice in the header: {twice}", where=where)
    missing = [name for name in required if name not in header]
    unknown = [name for name in header if known is not None and name not in known]
    if missing or unknown:
        problems = [f"unknown columns {unknown}"] * bool(unknown)
        problems += [f"missing columns {missing}"] * bool(missing)
        columns = f"; the columns are {', '.join(known)}" if known is not None else ""
        raise FormatError(f"not {what}: {'; '.join(problems)}{columns}"[:600], where=where)
    return header


def _wrong_width(session: Session, line: int, cells: list[str], width: int) -> NoReturn:
    spans = ",".join(cells).rstrip("\r\n").count("\n")
    hint = f"; the row runs on to line {line + spans}: a quote left open?" if spans else ""
    session.fail(
        "row",
        ",".join(cells),
        f"expected {width} cells, one per column of the header, got {len(cells)}{hint}",
        reason="wrong number of columns",
    )


def _tab_rows(session: Session) -> Iterator[tuple[int, list[str] | _BadRow]]:
    """The rows of a tab-separated file with no quoting: one line a row, blank lines skipped."""
    for number, line in enumerate(text_lines(session), start=1):
        text = bare(line)
        if text.strip():
            yield number, text.split("\t")


def _csv_rows(session: Session) -> Iterator[tuple[int, list[str] | _BadRow]]:
    """The rows of a comma-separated file, each with the line it starts on; blank lines skipped.

    The csv module's own errors (a field longer than its limit: a quote never closed; a carriage
    return alone in an unquoted cell) are bad rows, and reading goes on after them.
    """
    reader = csv.reader(text_lines(session))
    done = 0
    while True:
        start = done + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            done = reader.line_num
            lines = f"line {start}" if done <= start else f"lines {start} to {done}"
            yield start, _BadRow("row", lines, f"not CSV: {error}", "bad CSV")
            continue
        done = reader.line_num
        if row and any(cell.strip() for cell in row):
            yield start, row
