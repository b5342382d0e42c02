"""The report of an import: rows read, entries made, rows skipped by reason, the bad rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any, Final

import attrs

from diplomacy_ledger._repr import python_repr

__all__ = [
    "BAD_ROWS_LISTED",
    "BadRow",
    "ImportReport",
]


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
