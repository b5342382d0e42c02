"""ICEWS coded event data: tab-separated ``.tab`` files with a header, one CAMEO-coded event a row.

The columns read: ``Event ID`` and ``Event Date`` (together the entry id
``icews:<Event ID>:<Event Date>``: ICEWS reuses an event id on other dates), ``Source Name``,
``Source Sectors``, ``Source Country``, ``Event Text``, ``CAMEO Code``, ``Target Name``,
``Target Sectors``, ``Target Country``, ``Story ID``, ``Sentence Number``, ``Publisher`` and
``Country`` (where it happened, for the zones of the day). Some ICEWS files repeat rows: a row
seen again, the same, is unchanged. CAMEO codes map to records as for GDELT.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import Final

from diplomacy_ledger.importers._common import (
    COUNTRY_CODES,
    ImportReport,
    Into,
    Progress,
    Session,
    local_days,
    run_import,
    table_rows,
    zones_for,
)
from diplomacy_ledger.importers._gdelt import has_record, record_for
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
    with table_rows(session, COLUMNS, what="an ICEWS file", tabs=True) as rows:
        for row in rows:
            with session.row(rows.line_num):
                _event(session, {k: (v or "").strip() for k, v in row.items() if k is not None})


def _event(session: Session, row: dict[str, str]) -> None:
    own, day_text, code = row["Event ID"], row["Event Date"], row["CAMEO Code"]
    id: str = session.checked(
        "Event ID",
        own,
        lambda: check_id(f"{session.prefix}:{own}:{day_text}", where="Event ID"),
        reason="bad id",
    )
    if not has_record(code):
        session.skip(f"no counterpart: CAMEO {code or '(none)'}")
        return
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        session.fail("Event Date", day_text, "expected a date YYYY-MM-DD", reason="bad date")
    country = row.get("Country") or ""
    zones = zones_for(None, COUNTRY_CODES.get(country, country)) if country else ()
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
    quote = row.get("Event Text") or None
    provenance = Provenance(source, quote=f"sentence {sentence}: {quote}" if sentence else quote)
    notes = f"ICEWS: CAMEO {code}; intensity {row.get('Intensity') or '?'}"
    session.upsert(record_for(code, actors, when, provenance, notes, key=id), id=id)


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
