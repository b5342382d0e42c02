"""Importers: the data people already have, read into a ledger honestly.

One function per format, each returning the ledger and an :class:`~diplomacy_ledger.ImportReport`;
the package's ``import_file`` picks one by name. Every importer keeps each date's real width and
zone (a date-only row is that local day in the event's zone, never UTC midnight), derives ids from
the dataset's own so that importing a file twice adds nothing, reconciles names with the actors the
ledger holds, and appends a file's entries in one batch: a bad row raises (naming the file, line,
column and value) and nothing is imported, unless ``skip_bad_rows`` counts it instead.
"""

from __future__ import annotations

import os

from diplomacy_ledger.importers._acled import import_acled, import_acled_deletions
from diplomacy_ledger.importers._contacts_csv import COLUMNS as CONTACT_COLUMNS
from diplomacy_ledger.importers._contacts_csv import import_contacts_csv
from diplomacy_ledger.importers._gdelt import import_gdelt, import_gdelt_mentions
from diplomacy_ledger.importers._icews import import_icews
from diplomacy_ledger.importers._plover import import_plover
from diplomacy_ledger.importers._polecat import import_polecat
from diplomacy_ledger.importers._report import BAD_ROWS_LISTED, BadRow, ImportReport
from diplomacy_ledger.importers._session import Into
from diplomacy_ledger.importers._wikidata import import_wikidata
from diplomacy_ledger.ledger import Ledger

__all__ = [
    "BAD_ROWS_LISTED",
    "CONTACT_COLUMNS",
    "FORMATS",
    "BadRow",
    "ImportReport",
    "import_acled",
    "import_acled_deletions",
    "import_contacts_csv",
    "import_file",
    "import_gdelt",
    "import_gdelt_mentions",
    "import_icews",
    "import_plover",
    "import_polecat",
    "import_wikidata",
]

FORMATS = {
    "contacts-csv": import_contacts_csv,
    "acled": import_acled,
    "acled-deletions": import_acled_deletions,
    "plover": import_plover,
    "polecat": import_polecat,
    "gdelt": import_gdelt,
    "gdelt-mentions": import_gdelt_mentions,
    "icews": import_icews,
    "wikidata": import_wikidata,
}
"""The format names ``import_file`` and ``diplomacy-ledger import`` take, with their importers."""


def import_file(
    path: str | os.PathLike[str],
    *,
    format: str,
    into: Into = None,
    **options: object,
) -> tuple[Ledger, ImportReport]:
    """Import the file ``path`` of ``format`` (a key of ``FORMATS``) into ``into``.

    ``into`` is a :class:`~diplomacy_ledger.Ledger`, an open store, a store's file name
    (``.jsonl`` or ``.sqlite``, created if missing) or None for a new ledger. ``options`` go to
    the format's importer (``skip_bad_rows``, ``recorded_at``, …). Returns the ledger (for a
    store, its ledger after the import) and the report.
    """
    importer = FORMATS.get(format)
    if importer is None:
        from diplomacy_ledger._errors import InvalidValueError  # noqa: PLC0415

        raise InvalidValueError(
            f"no importer for {format!r}; the formats are {', '.join(FORMATS)}",
            where="import_file",
        )
    return importer(path, into=into, **options)  # type: ignore[arg-type]
