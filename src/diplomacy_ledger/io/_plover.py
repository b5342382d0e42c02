"""Export to PLOVER event records (PLOVER DRAFT 2.0 field names), for event-data pipelines.

PLOVER records carry one date and no zone; this export keeps what the ledger knows instead of
inventing precision: the UTC bounds of the event time, its precision and zone, and a ``date``
only when every placement falls on that one UTC day (``enddate`` likewise for a Span's end). What
is not known is left out, never written as a made-up value: an open end has no ``latest``, an
unknown day no ``date``. Records PLOVER has no event for (statements without a code, catalogue
records, links) are left out. An event told by several readouts (linked by SameEvent) is one
PLOVER record, not one per readout: event data counts events.

PLOVER's fields: ``id``, ``date`` and ``enddate`` (with ``time`` and ``endtime``, in UTC, for
an exact instant), ``event`` and ``mode`` (lists), ``actor`` and
``recipient`` (lists of entity objects: ``entity_text``, and ``code`` for a state's ISO 3166
alpha-3 code, ``identifier_id`` for a Wikidata id), ``event_text``, ``cite_info`` (``title``,
``url``, ``publication``), ``coded_date`` and ``coded_time`` (the record time). The library's
own, which PLOVER allows beside them: ``readouts``, ``cameo``, ``cameo_label``, ``earliest``,
``latest``, ``precision``, ``zone``, ``via``, ``recorded_at``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from diplomacy_ledger._errors import LedgerError
from diplomacy_ledger.io._values import format_utc_instant
from diplomacy_ledger.ledger import Ledger, event_groups
from diplomacy_ledger.model import (
    Actor,
    ActorKind,
    Provenance,
    Source,
    Status,
    event_codes,
    status_of,
    time_bounds,
)
from diplomacy_ledger.time import UTC_MAX, UTC_MIN, Span, start_of

__all__ = ["plover_records"]


def plover_records(ledger: Ledger) -> list[dict[str, Any]]:
    """One PLOVER dict per event that has a code, in the order its first record came.

    PLOVER codes what happened: planned and cancelled events (see ``Status``) are left out. An
    event is its SameEvent group: the first of its readouts with a code gives the record, and
    ``readouts`` lists the ids of every record of the event, that one first. ``mode`` lists the
    modes of every code of the record (artillery and drones are ``heavy-weapons`` and ``drone``).
    """
    records = []
    groups = event_groups(ledger)
    exported: set[str] = set()
    lookup = _lookup(ledger)
    for entry in ledger.entries():
        if status_of(entry.record) is not Status.OCCURRED:
            continue
        group = groups.get(ledger.origin(entry.id), (entry,))
        if group[0].id in exported:
            continue  # another readout of an event already exported
        codes = event_codes(entry.record, lookup=lookup)
        if not codes or codes[0].plover_event is None:
            continue
        code = codes[0]
        exported.add(group[0].id)
        record: dict[str, Any] = {"id": entry.id}
        bounds = time_bounds(entry.record)
        moment = entry.record.time
        if bounds is not None:
            record |= _dates(moment, bounds)
        modes = list(dict.fromkeys(c.plover_mode for c in codes if c.plover_mode is not None))
        record["event"] = [code.plover_event]
        if modes:
            record["mode"] = modes
        record["actor"] = [_entity(ledger, actor) for actor in code.source]
        record["recipient"] = [_entity(ledger, actor) for actor in code.target]
        provenance = getattr(entry.record, "provenance", None)
        if provenance is not None:
            record |= _cited(ledger, provenance)
        record["coded_date"] = entry.recorded_at.date().isoformat()
        record["coded_time"] = format_utc_instant(entry.recorded_at)[11:]
        record["readouts"] = [entry.id, *(other.id for other in group if other.id != entry.id)]
        record["cameo"] = code.cameo
        record["cameo_label"] = code.cameo_label
        if bounds is not None:
            if bounds[0] != UTC_MIN:
                record["earliest"] = format_utc_instant(bounds[0])
            if bounds[1] != UTC_MAX:
                record["latest"] = format_utc_instant(bounds[1])
        if moment is not None:
            start = start_of(moment)
            record["precision"] = start.precision.value
            if start.zone is not None:
                record["zone"] = start.zone
        record["recorded_at"] = format_utc_instant(entry.recorded_at)
        records.append(record)
    return records


def _dates(moment: object, bounds: tuple[datetime, datetime]) -> dict[str, str]:
    """PLOVER's ``date`` (and ``time``), ``enddate`` (and ``endtime``), where they are certain."""
    found = {}
    day = _one_day(bounds[0], _end_of_start(moment, bounds))
    if day is not None:
        found["date"] = day
        if bounds[0] == _end_of_start(moment, bounds):  # an exact instant: its time too
            found["time"] = format_utc_instant(bounds[0])[11:]
    if isinstance(moment, Span) and moment.end is not None:
        end = moment.end
        end_day = _one_day(end.earliest, end.latest)
        if end_day is not None:
            found["enddate"] = end_day
            if end.earliest == end.latest:
                found["endtime"] = format_utc_instant(end.earliest)[11:]
    return found


def _cited(ledger: Ledger, provenance: Provenance) -> dict[str, Any]:
    """PLOVER's ``event_text`` and ``cite_info`` from a record's provenance, and its ``via``."""
    found: dict[str, Any] = {}
    if provenance.quote:
        found["event_text"] = [provenance.quote]
    source = ledger.get(provenance.source)
    if isinstance(source, Source):
        cite = {
            "title": source.title,
            "url": source.url,
            "publication": _name(ledger, source.outlet) if source.outlet else None,
            "language": source.language,
        }
        cite = {key: value for key, value in cite.items() if value is not None}
        if cite:
            found["cite_info"] = cite
    if provenance.via:
        found["via"] = [_name(ledger, actor) for actor in provenance.via]
    return found


def _end_of_start(moment: object, bounds: tuple[datetime, datetime]) -> datetime:
    """The latest the event may have begun: PLOVER's ``date`` is the day it happened or began."""
    if isinstance(moment, Span):
        return moment.start.latest
    return bounds[1]


def _one_day(earliest: datetime, latest: datetime) -> str | None:
    if earliest == UTC_MIN or latest == UTC_MAX or earliest.date() != latest.date():
        return None
    return earliest.date().isoformat()


def _lookup(ledger: Ledger) -> Any:
    def lookup(entry_id: str) -> Any:
        current = ledger.current(entry_id) if entry_id in ledger else None
        return current.record if current is not None else None

    return lookup


def _entity(ledger: Ledger, actor: str) -> dict[str, str]:
    entity = {"entity_text": _name(ledger, actor)}
    try:
        record = ledger.actor(actor)
    except LedgerError:
        return entity
    if isinstance(record, Actor):
        if record.kind is ActorKind.STATE and record.iso3 is not None:
            entity["code"] = record.iso3
        if record.wikidata is not None:
            entity["identifier_id"] = record.wikidata
    return entity


def _name(ledger: Ledger, actor: str) -> str:
    try:
        return ledger.actor(actor).name
    except LedgerError:
        return actor
