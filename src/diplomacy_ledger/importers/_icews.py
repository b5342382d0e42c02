"""ICEWS coded event data: tab-separated ``.tab`` files with a header, one CAMEO-coded event a row.

The columns read: ``Event ID`` and ``Event Date`` (together the entry id
``icews:<Event ID>:<Event Date>``, the date as ``YYYY-MM-DD``: ICEWS reuses an event id on other
dates; one release writes its dates ``M/D/YYYY``, read as such), ``Source Name``,
``Source Sectors``, ``Source Country``, ``Event Text`` (the name of the CAMEO code, kept in the
record's notes: ICEWS gives no words of the story), ``CAMEO Code``, ``Intensity``,
``Target Name``, ``Target Sectors``, ``Target Country``, ``Story ID``, ``Sentence Number``,
``Publisher`` and ``Country`` (where it happened, for the zones of the day). ICEWS writes a
missing value ``NA``, read as missing (never as Namibia's code). The files are tab-separated
with no quoting. Some ICEWS files repeat rows: a row seen again, the same, is unchanged. CAMEO
codes map to records as for GDELT.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from typing import Final

from diplomacy_ledger.importers._dates import local_days, zones_for
from diplomacy_ledger.importers._gdelt import has_record, record_for
from diplomacy_ledger.importers._report import ImportReport
from diplomacy_ledger.importers._session import Into, Progress, Session, run_import
from diplomacy_ledger.importers._text import read_table
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import ActorKind, Provenance, Source, check_id

__all__ = ["COLUMNS", "import_icews"]

COLUMNS: Final = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Country",
    "CAMEO Code",
    "Target Name",
    "Target Country",
)
"""The columns an ICEWS file must have."""

_MISSING: Final = frozenset({"", "NA"})  # ICEWS writes a missing value NA (never Namibia)
_ISO_DATE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_US_DATE: Final = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")


def import_icews(
    path: str | os.PathLike[str],
    *,
    into: Into = None,
    skip_bad_rows: bool = False,
    recorded_at: datetime | None = None,
    prefix: str = "icews",
    progress: Progress | None = None,
) -> tuple[Ledger, ImportReport]:
    """Import an ICEWS coded event file (``.tab``); return the ledger and the report.

    The report is an :class:`~diplomacy_ledger.ImportReport`. Entries are recorded at
    ``recorded_at`` (or by the target's clock).
    """
    return run_import(
        "icews",
        path,
        _read,
        into=into,
        prefix=prefix,
        skip_bad_rows=skip_bad_rows,
        recorded_at=recorded_at,
        progress=progress,
    )


def _read(session: Session) -> None:
    read_table(session, COLUMNS, _event, what="an ICEWS file", tabs=True, missing=_MISSING)


def _event(session: Session, row: dict[str, str]) -> None:
    own, day_text, code = row["Event ID"], row["Event Date"], row["CAMEO Code"]
    day = _day(session, day_text)
    id: str = session.checked(
        "Event ID",
        own,
        lambda: check_id(f"{session.prefix}:{own}:{day.isoformat()}", where="Event ID"),
        reason="bad id",
    )
    if not has_record(code):
        session.skip(f"no counterpart: CAMEO {code or '(none)'}")
        return
    zones = zones_for(None, row.get("Country") or None)
    when = local_days(day, day, zones, text=day_text)
    actors = [
        a for a in (_actor(session, row, "Source"), _actor(session, row, "Target")) if a is not None
    ]
    if len(set(actors)) < 2 and not code.startswith("19") and code != "016":
        session.skip(f"no counterpart: CAMEO {code} with fewer than two actors")
        return
    story, sentence = row.get("Story ID") or "", row.get("Sentence Number") or ""
    publisher = row.get("Publisher") or ""
    outlet = session.actor(publisher, ActorKind.MEDIA, column="Publisher") if publisher else None
    source = session.catalogue(
        Source(f"ICEWS story {story or '(no id)'}", outlet=outlet),
        id=f"{session.prefix}:story:{story or 'none'}",
    )
    # ICEWS gives no words of the story: its "Event Text" is the name of the CAMEO code.
    provenance = Provenance(source)
    named = f" ({row['Event Text']})" if row.get("Event Text") else ""
    where = f"; sentence {sentence} of the story" if sentence else ""
    notes = f"ICEWS: CAMEO {code}{named}{where}; intensity {row.get('Intensity') or '?'}"
    session.upsert(record_for(code, actors, when, provenance, notes, key=id), id=id)


def _day(session: Session, text: str) -> date:
    """The ``Event Date``: ``YYYY-MM-DD``, or ``M/D/YYYY`` as one ICEWS release writes it."""
    try:
        if _US_DATE.match(text):
            month, day, year = (int(part) for part in text.split("/"))
            return date(year, month, day)
        if _ISO_DATE.match(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    return session.fail(
        "Event Date", text, "expected a date YYYY-MM-DD (or M/D/YYYY)", reason="bad date"
    )


def _actor(session: Session, row: dict[str, str], role: str) -> str | None:
    name, country = row.get(f"{role} Name") or "", row.get(f"{role} Country") or ""
    if not name:
        return None
    sectors = row.get(f"{role} Sectors") or ""
    if name == country:
        return session.actor(name, ActorKind.STATE, column=f"{role} Name")
    words = sectors.casefold()
    kind = ActorKind.COLLECTIVE
    if "military" in words or "armed forces" in words:
        kind = ActorKind.ARMED_FORCES
    elif "media" in words or "news" in words:
        kind = ActorKind.MEDIA
    description = f"ICEWS sectors: {sectors}" if sectors else None
    return session.actor(name, kind, column=f"{role} Name", description=description)
