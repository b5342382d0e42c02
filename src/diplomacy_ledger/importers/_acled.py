"""ACLED exports (CSV) and deletion lists, read as hostilities and agreements with their history.

ACLED is a living dataset: it edits events in place (a death toll mounts, a perpetrator is
named) and deletes some. Each row's ``timestamp`` is when ACLED last changed it, and is the
entry's record time here; importing a later export of the same events adds a correction for
each row that changed (and nothing for one that did not), and a deletion list adds retractions,
so ``Ledger.as_of`` shows an earlier release and ``diplomacy-ledger diff`` what changed.

How the columns map (``docs/importing.md`` has the table):

- ``event_id_cnty`` → the entry id ``acled:<event_id_cnty>``; a correction is
  ``acled:<event_id_cnty>@<timestamp>``.
- ``event_date`` and ``time_precision`` → the When: 1, that day; 2, the nine days from four before
  the date to four after (ACLED codes an event known to a week or weekend to the period's middle,
  "either Wednesday or Thursday" of a week, so the week may begin four days before the date or
  end four days after it); 3, the calendar month of the date (ACLED codes the month's midpoint,
  or its first or last day).
  Days are local days in the event's zone: the place's when the country has one zone, else the
  union of the country's zones, else anywhere on Earth. The date as written is the When's text.
- ``event_type`` and ``sub_event_type`` → the record: Battles, Explosions/Remote violence and
  Violence against civilians are hostilities; Strategic developments / Agreement is an
  agreement; every other type has no record and is skipped and counted.
- ``actor1``, ``actor2`` (``inter1``, ``inter2``: state forces are armed forces, the rest
  collective actors) → the sides. ACLED's actor order implies no direction, so two actors
  fought ``between`` each other, except violence against civilians (actor 2 is civilians), whose
  attacker is actor 1; a lone actor is the attacker.
- ``country``, ``admin1``, ``location``, ``latitude``, ``longitude`` → a place in a country of one
  zone; the zones of the date.
- ``notes``, ``fatalities``, ``source``, ``source_scale``, ``assoc_actor_1``, ``assoc_actor_2`` →
  the record's description (a change to any of them is a correction).
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from typing import Final

from diplomacy_ledger.importers._dates import COUNTRY_CODES, local_days, zones_for
from diplomacy_ledger.importers._report import ImportReport
from diplomacy_ledger.importers._session import Into, Progress, Session, run_import
from diplomacy_ledger.importers._text import read_table
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import (
    ActorKind,
    Agreement,
    Hostility,
    Provenance,
    Record,
    Retraction,
    Source,
    check_id,
)
from diplomacy_ledger.time import Span, When

__all__ = ["import_acled", "import_acled_deletions", "read_acled", "read_acled_deletions"]

_REQUIRED: Final = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "timestamp",
)
_HOSTILE: Final = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_STATE_FORCES: Final = frozenset({"1", "State forces"})
_CIVILIANS: Final = frozenset({"7", "Civilians"})
_DATE_FORMATS: Final = ("%Y-%m-%d", "%d %B %Y", "%d-%m-%Y", "%d/%m/%Y")
_WEEK: Final = timedelta(days=4)
_DATASET: Final = Source("Armed Conflict Location & Event Data (ACLED)")


def import_acled(
    path: str | os.PathLike[str],
    *,
    into: Into = None,
    skip_bad_rows: bool = False,
    prefix: str = "acled",
    progress: Progress | None = None,
) -> tuple[Ledger, ImportReport]:
    """Import an ACLED export (CSV); return the ledger and the import's report.

    The report is an :class:`~diplomacy_ledger.ImportReport`. Rows are recorded at their
    ``timestamp``. Import a later export of the same events into the same ledger to record what
    changed as corrections; :func:`~diplomacy_ledger.importers.import_acled_deletions` for what
    ACLED deleted. A bad row raises :class:`~diplomacy_ledger.ImportRowError` and nothing is
    imported, unless ``skip_bad_rows`` counts it; event types the ledger has no record for are
    always counted.
    """
    return run_import(
        "acled",
        path,
        read_acled,
        into=into,
        prefix=prefix,
        skip_bad_rows=skip_bad_rows,
        recorded_at=None,
        progress=progress,
    )


def import_acled_deletions(
    path: str | os.PathLike[str],
    *,
    into: Into = None,
    skip_bad_rows: bool = False,
    prefix: str = "acled",
    progress: Progress | None = None,
) -> tuple[Ledger, ImportReport]:
    """Import ACLED's list of deleted events (CSV with ``event_id_cnty``, ``deleted_timestamp``).

    Each deleted event the ledger holds is retracted at its ``deleted_timestamp``; one already
    retracted is unchanged, one the ledger never held is skipped and counted.
    """
    return run_import(
        "acled-deletions",
        path,
        read_acled_deletions,
        into=into,
        prefix=prefix,
        skip_bad_rows=skip_bad_rows,
        recorded_at=None,
        progress=progress,
    )


def read_acled(session: Session) -> None:
    """Read an ACLED export into ``session``, row by row."""
    read_table(session, _REQUIRED, _event, what="an ACLED file")


def read_acled_deletions(session: Session) -> None:
    """Read an ACLED deletion list into ``session``, row by row."""
    read_table(
        session,
        ("event_id_cnty", "deleted_timestamp"),
        _deletion,
        what="an ACLED deletion list",
    )


def _deletion(session: Session, row: dict[str, str]) -> None:
    id = _id(session, row["event_id_cnty"])
    stamp = _timestamp(session, row["deleted_timestamp"], "deleted_timestamp")
    if not session.known(id):
        session.skip("deleted event not in the ledger")
    elif session.current(id) is None:
        session.unchanged += 1  # retracted already
    else:
        session.add(Retraction(id, "deleted from ACLED"), id=f"{id}:deleted", recorded_at=stamp)


def _id(session: Session, event: str) -> str:
    checked: str = session.checked(
        "event_id_cnty",
        event,
        lambda: check_id(f"{session.prefix}:{event}", where="event_id_cnty"),
        reason="bad id",
    )
    return checked


def _timestamp(session: Session, text: str, column: str) -> datetime:
    try:
        return datetime.fromtimestamp(int(text.strip()), UTC)
    except (ValueError, OverflowError, OSError):
        session.fail(column, text, "expected a Unix time in seconds", reason="bad timestamp")


def _event(session: Session, row: dict[str, str]) -> None:
    id = _id(session, row["event_id_cnty"])
    recorded_at = _timestamp(session, row["timestamp"], "timestamp")
    kind, sub = row["event_type"], row["sub_event_type"]
    if kind not in _HOSTILE and (kind, sub) != ("Strategic developments", "Agreement"):
        session.skip(f"no counterpart: {kind or '(no type)'}" + (f" / {sub}" if sub else ""))
        return
    country = row["country"]
    code = COUNTRY_CODES.get(country, country)
    zones = zones_for(None, code) if country else ()
    when = _when(session, row["event_date"], row["time_precision"], zones)
    actors = [
        session.actor(name, _kind(row.get(f"inter{n}", "")), column=f"actor{n}")
        for n, name in ((1, row["actor1"]), (2, row["actor2"]))
        if name
    ]
    provenance = Provenance(session.catalogue(_DATASET, id=f"{session.prefix}:source"))
    description = _description(row)
    places = _places(session, row, zones)
    record: Record
    if kind in _HOSTILE:
        span = Span(when, when)
        means = (sub,) if kind == "Explosions/Remote violence" and sub else ()
        if len(actors) == 2 and actors[0] == actors[1]:
            session.fail("actor2", row["actor2"], "actor 2 is actor 1", reason="bad actors")
        if len(actors) == 1 or (
            kind == "Violence against civilians" and row.get("inter2", "") in _CIVILIANS
        ):
            record = Hostility(
                span,
                provenance,
                attacker=actors[0] if actors else None,
                target=actors[1] if len(actors) > 1 else None,
                places=places,
                means=means,
                description=description,
            )
        else:
            record = Hostility(
                span,
                provenance,
                between=tuple(actors),
                places=places,
                means=means,
                description=description,
            )
    else:
        if len(set(actors)) < 2:
            session.skip("no counterpart: an agreement with fewer than two parties")
            return
        record = Agreement(tuple(actors), provenance, signed=when, terms=description)
    session.upsert(record, id=id, recorded_at=recorded_at, version=row["timestamp"])


def _kind(inter: str) -> ActorKind:
    return ActorKind.ARMED_FORCES if inter.strip() in _STATE_FORCES else ActorKind.COLLECTIVE


def _day(session: Session, text: str) -> date:
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(text, form).date()  # noqa: DTZ007 - a date, no time
        except ValueError:
            continue
    return session.fail("event_date", text, "expected a date such as 2023-03-15", reason="bad date")


def _when(session: Session, text: str, precision: str, zones: tuple[str, ...]) -> When:
    day = _day(session, text)
    written = f"{text} (time_precision {precision})"
    if precision == "1":
        return local_days(day, day, zones, text=written)
    if precision == "2":
        # ACLED codes a week (or a weekend) to its middle day, "either Wednesday or Thursday":
        # the week may run from four days before the date to four days after it.
        return local_days(day - _WEEK, day + _WEEK, zones, text=written)
    if precision == "3":
        first = day.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return local_days(first, last, zones, text=written)
    return session.fail(
        "time_precision", precision, "expected 1, 2 or 3", reason="bad time precision"
    )


def _places(session: Session, row: dict[str, str], zones: tuple[str, ...]) -> tuple[str, ...]:
    location = row.get("location", "")
    if not location or len(zones) != 1:
        return ()  # a place needs its zone: in a country of several, the location is not enough
    name = ", ".join(part for part in (location, row.get("admin1", ""), row["country"]) if part)
    coordinates = None
    try:
        if row.get("latitude") and row.get("longitude"):
            coordinates = (float(row["latitude"]), float(row["longitude"]))
    except ValueError:
        session.fail("latitude", row.get("latitude"), "expected degrees", reason="bad coordinates")
    region = row.get("admin1") or None
    place = session.place(
        name, zone=zones[0], column="location", region=region, coordinates=coordinates
    )
    return (place,)


def _description(row: dict[str, str]) -> str:
    lines = [row.get("notes") or "(no notes)"]
    facts = [f"{row['event_type']} / {row['sub_event_type']}"]
    for column, label in (
        ("fatalities", "fatalities"),
        ("source", "sources"),
        ("source_scale", "source scale"),
        ("assoc_actor_1", "associated with actor 1"),
        ("assoc_actor_2", "associated with actor 2"),
        ("location", "location"),
        ("admin1", "admin1"),
    ):
        if row.get(column):
            facts.append(f"{label}: {row[column]}")
    lines.append("ACLED: " + "; ".join(facts))
    return "\n".join(lines)
