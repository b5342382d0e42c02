"""POLECAT weekly releases: tab-separated PLOVER-coded events, one per line, with a header.

The columns read (POLECAT writes others too; a missing value is empty or ``None``):
``Event ID`` (the entry id ``polecat:<Event ID>``), ``Event Date`` (a day, read in the
location's zones), ``Event Type`` and ``Event Mode`` (PLOVER; mapped as for PLOVER records),
``Actor Name`` and ``Recipient Name`` (``;``-separated), ``Primary Actor Sector`` and
``Primary Recipient Sector`` (PLOVER sector codes: the actors' kinds), ``Actor Title`` and
``Recipient Title`` (a title makes the actor a person), ``Country`` (the location's country,
for its zones, when it is a code or name the time zone database knows), ``Source`` and
``Publication Date`` (the source), and ``Version`` (the release).
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from typing import Final

from diplomacy_ledger.importers._dates import local_days, zones_for
from diplomacy_ledger.importers._plover import SECTORS, Entity, PloverEvent, records_for
from diplomacy_ledger.importers._report import ImportReport
from diplomacy_ledger.importers._session import Into, Progress, Session, run_import
from diplomacy_ledger.importers._text import read_table
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import ActorKind, Source
from diplomacy_ledger.time import When

__all__ = ["COLUMNS", "import_polecat", "read_polecat"]

COLUMNS: Final = ("Event ID", "Event Date", "Event Type", "Actor Name", "Recipient Name")
"""The columns a POLECAT file must have."""

_MISSING: Final = frozenset({"", "None", "none", "NA", "nan"})
_QID: Final = re.compile(r"^Q[1-9][0-9]*$")


def import_polecat(
    path: str | os.PathLike[str],
    *,
    into: Into = None,
    skip_bad_rows: bool = False,
    recorded_at: datetime | None = None,
    prefix: str = "polecat",
    progress: Progress | None = None,
) -> tuple[Ledger, ImportReport]:
    """Import a POLECAT release (tab-separated); return the ledger and the report.

    Events map to records as PLOVER records do (:func:`~diplomacy_ledger.importers.import_plover`);
    entries are recorded at ``recorded_at`` (or by the target's clock).
    """
    return run_import(
        "polecat",
        path,
        read_polecat,
        into=into,
        prefix=prefix,
        skip_bad_rows=skip_bad_rows,
        recorded_at=recorded_at,
        progress=progress,
    )


def read_polecat(session: Session) -> None:
    """Read a POLECAT file into ``session``, row by row."""
    read_table(
        session,
        COLUMNS,
        lambda session, row: records_for(session, _event(session, row)),
        what="a POLECAT file",
        tabs=True,
        missing=_MISSING,
    )


def _event(session: Session, row: dict[str, str]) -> PloverEvent:
    zones = zones_for(None, row.get("Country") or None)
    when = _day(session, row, "Event Date", zones)
    published = _day(session, row, "Publication Date", ()) if row.get("Publication Date") else None
    publisher = row.get("Source") or "an unnamed source"
    release = f", release {row['Version']}" if row.get("Version") else ""
    source = Source(f"POLECAT{release}: a story from {publisher}", published=published)
    return PloverEvent(
        row["Event ID"] or session.fail("Event ID", "", "an id is required", reason="missing id"),
        (row.get("Event Type") or "").upper(),
        tuple(m.strip() for m in (row.get("Event Mode") or "").split(";") if m.strip()),
        _entities(row, "Actor"),
        _entities(row, "Recipient"),
        when,
        None,
        source,
    )


def _day(session: Session, row: dict[str, str], column: str, zones: tuple[str, ...]) -> When:
    text = row.get(column, "")
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        session.fail(column, text, "expected a date YYYY-MM-DD", reason="bad date")
    return local_days(day, day, zones, text=text)


def _entities(row: dict[str, str], role: str) -> tuple[Entity, ...]:
    names = [n.strip() for n in row.get(f"{role} Name", "").split(";") if n.strip()]
    sector = (row.get(f"Primary {role} Sector") or "").upper()[:3]
    titled = bool(row.get(f"{role} Title"))
    identifier = row.get(f"Wikipedia {role} ID", "")
    qid = identifier if _QID.match(identifier) and len(names) == 1 else None
    kind = ActorKind.PERSON if titled else SECTORS.get(sector, ActorKind.COLLECTIVE)
    return tuple(Entity(name, kind, qid, None, f"{role} Name") for name in names)
