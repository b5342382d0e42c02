"""Export to PLOVER-style event records, for event-data pipelines.

PLOVER records carry one date and no zone; this export keeps what the ledger knows instead of
inventing precision: the UTC bounds of the event time, its precision and zone, and a ``date``
only when every placement falls on that one UTC day. Records PLOVER has no event for (statements
without a code, catalogue records, links) are left out. An event told by several readouts
(linked by SameEvent) is one PLOVER record, not one per readout: event data counts events.
"""

from __future__ import annotations

from typing import Any

from diplomacy_ledger._errors import LedgerError
from diplomacy_ledger.io._values import format_utc_instant
from diplomacy_ledger.ledger import Ledger, event_groups
from diplomacy_ledger.model import Source, Status, event_code, time_bounds
from diplomacy_ledger.time import start_of

__all__ = ["plover_records"]


def plover_records(ledger: Ledger) -> list[dict[str, Any]]:
    """One PLOVER-style dict per event that has a code, in the order its first record came.

    PLOVER codes what happened: planned and cancelled events (see ``Status``) are left out. An
    event is its SameEvent group: the first of its readouts with a code gives the record, and
    ``readouts`` lists the ids of every record of the event, that one first.
    """
    records = []
    groups = event_groups(ledger)
    exported: set[str] = set()
    for entry in ledger.entries():
        if getattr(entry.record, "status", Status.OCCURRED) is not Status.OCCURRED:
            continue
        group = groups.get(ledger.origin(entry.id), (entry,))
        if group[0].id in exported:
            continue  # another readout of an event already exported
        code = event_code(entry.record, lookup=_lookup(ledger))
        if code is None:
            continue
        exported.add(group[0].id)
        readouts = [entry.id, *(other.id for other in group if other.id != entry.id)]
        bounds = time_bounds(entry.record)
        moment = entry.record.time
        provenance = getattr(entry.record, "provenance", None)
        source = ledger.get(provenance.source) if provenance is not None else None
        day = None
        if bounds is not None and bounds[0].date() == bounds[1].date():
            day = bounds[0].date().isoformat()
        records.append(
            {
                "id": entry.id,
                "readouts": readouts,
                "event_type": code.plover_event,
                "mode": code.plover_mode,
                "cameo": code.cameo,
                "cameo_label": code.cameo_label,
                "actor": [_name(ledger, actor) for actor in code.source],
                "recipient": [_name(ledger, actor) for actor in code.target],
                "date": day,
                "earliest": format_utc_instant(bounds[0]) if bounds else None,
                "latest": format_utc_instant(bounds[1]) if bounds else None,
                "precision": start_of(moment).precision.value if moment is not None else None,
                "zone": start_of(moment).zone if moment is not None else None,
                "source": {
                    "id": provenance.source if provenance is not None else None,
                    "title": source.title if isinstance(source, Source) else None,
                    "url": source.url if isinstance(source, Source) else None,
                    "via": [_name(ledger, actor) for actor in provenance.via] if provenance else [],
                },
                "recorded_at": format_utc_instant(entry.recorded_at),
            }
        )
    return records


def _lookup(ledger: Ledger) -> Any:
    def lookup(entry_id: str) -> Any:
        current = ledger.current(entry_id) if entry_id in ledger else None
        return current.record if current is not None else None

    return lookup


def _name(ledger: Ledger, actor: str) -> str:
    try:
        return ledger.actor(actor).name
    except LedgerError:
        return actor
