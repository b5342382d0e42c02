"""Events as a table, for analysts: one row per event, to CSV, pandas or Arrow.

An event is a call, meeting, mediation, ceasefire, hostility, agreement or statement, told by one
or more readouts (its SameEvent group): one row, naming every readout. Times stay honest: the
UTC bounds of when it happened (where the readouts agree, narrowed to what they share), its
precision and zone, and the local dates of those bounds in the zone asked for, a range rather
than a picked day. Where some readouts say the event took place, they alone give its time and
who took part (a plan linked to them may have named another day or other people); every
readout's id, status and source is kept. pandas and pyarrow are optional (``pip install
diplomacy-ledger[pandas]``, ``[arrow]``) and imported only by the functions that need them.
"""

from __future__ import annotations

import csv
import importlib
import io
from datetime import date, datetime
from typing import Any, Final

from diplomacy_ledger._errors import LedgerError
from diplomacy_ledger.ledger import Ledger, event_groups
from diplomacy_ledger.model import (
    Agreement,
    Call,
    Ceasefire,
    Entry,
    Hostility,
    Mediation,
    Meeting,
    Statement,
    Status,
    kind_of,
    named_actors,
    status_of,
    time_bounds,
)
from diplomacy_ledger.time import UTC_MAX, UTC_MIN, When, local_date, start_of, validate_zone

__all__ = ["EVENT_COLUMNS", "event_rows", "events_arrow", "events_csv", "events_dataframe"]

EVENT_KINDS: Final = (Call, Meeting, Mediation, Ceasefire, Hostility, Agreement, Statement)
EVENT_COLUMNS: Final = (
    "ids",
    "kind",
    "status",
    "participants",
    "names",
    "earliest",
    "latest",
    "precision",
    "zone",
    "local_first",
    "local_last",
    "sources",
)
"""The columns of the event table, in order."""


def _name(ledger: Ledger, actor: str) -> str:
    current = ledger.current(actor) if actor in ledger else None
    return getattr(current.record, "name", actor) if current is not None else actor


def _bounds(readouts: tuple[Entry, ...]) -> tuple[datetime, datetime] | None:
    found = [b for b in (time_bounds(r.record) for r in readouts) if b is not None]
    if not found:
        return None
    low, high = max(b[0] for b in found), min(b[1] for b in found)
    if low > high:  # the readouts disagree: the span of them all
        low, high = min(b[0] for b in found), max(b[1] for b in found)
    return low, high


def _row(ledger: Ledger, readouts: tuple[Entry, ...], zone: str) -> dict[str, Any]:
    # What happened, when and who took part come from the readouts that say it took place, if
    # any does: a plan linked to them may have named another day or other people.
    told = [r for r in readouts if status_of(r.record) is Status.OCCURRED]
    telling = tuple(told) or readouts
    first = telling[0].record
    moment = first.time
    when = start_of(moment) if moment is not None else None
    actors: dict[str, None] = {}
    sources: dict[str, None] = {}
    statuses: dict[str, None] = {}
    for readout in readouts:
        provenance = getattr(readout.record, "provenance", None)
        if provenance is not None:
            sources[provenance.source] = None
        statuses[status_of(readout.record).value] = None
    for readout in telling:
        for actor in named_actors(readout.record):
            actors[ledger.origin(actor)] = None
    bounds = _bounds(telling)
    low, high = bounds if bounds else (None, None)
    if high is not None and high >= UTC_MAX:
        high = None  # an open end: unknown, not the end of time
    if low is not None and low <= UTC_MIN:
        low = None
    return {
        "ids": [r.id for r in readouts],
        "kind": kind_of(first),
        "status": ";".join(statuses),
        "participants": list(actors),
        "names": [_name(ledger, actor) for actor in actors],
        "earliest": low,
        "latest": high,
        "precision": when.precision.value if isinstance(when, When) else None,
        "zone": when.zone if isinstance(when, When) else None,
        "local_first": local_date(low, zone) if low else None,
        "local_last": local_date(high, zone) if high else None,
        "sources": list(sources),
    }


def event_rows(ledger: Ledger, *, zone: str) -> list[dict[str, Any]]:
    """One dict per event, in the order its first record was recorded, keyed by EVENT_COLUMNS.

    ``ids``, ``participants``, ``names`` and ``sources`` are lists; ``earliest`` and ``latest``
    aware UTC datetimes (None for a record with no time, and ``latest`` None for an open end: a
    ceasefire with no recorded end, fighting "still going on"); ``local_first`` and
    ``local_last`` the dates those bounds fall on in ``zone`` (required: the day depends on it);
    ``status`` the statuses the readouts give, ``;``-separated when they differ. O(n).
    """
    validate_zone(zone, where="zone")
    groups = event_groups(ledger)
    done: set[str] = set()
    rows = []
    for entry in ledger.entries():
        if not isinstance(entry.record, EVENT_KINDS):
            continue
        readouts = groups.get(ledger.origin(entry.id), (entry,))
        if readouts[0].id in done:
            continue
        done.add(readouts[0].id)
        rows.append(_row(ledger, readouts, zone))
    return rows


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def events_csv(ledger: Ledger, *, zone: str) -> str:
    """The event table as CSV text (RFC 4180, a header row): lists ``;``-separated, UTC with Z."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EVENT_COLUMNS)
    for row in event_rows(ledger, zone=zone):
        writer.writerow([_text(row[column]) for column in EVENT_COLUMNS])
    return out.getvalue()


def _optional(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise LedgerError(f"this needs {module}: pip install diplomacy-ledger[{extra}]") from None


def events_dataframe(ledger: Ledger, *, zone: str) -> Any:
    """The event table as a ``pandas.DataFrame`` (needs pandas, imported here only).

    ``earliest`` and ``latest`` are UTC timestamps; the lists stay lists.
    """
    pandas = _optional("pandas", "pandas")
    frame = pandas.DataFrame(event_rows(ledger, zone=zone), columns=list(EVENT_COLUMNS))
    for column in ("earliest", "latest"):
        frame[column] = pandas.to_datetime(frame[column], utc=True)
    return frame


def events_arrow(ledger: Ledger, *, zone: str) -> Any:
    """The event table as a ``pyarrow.Table`` (needs pyarrow, imported here only).

    ``earliest`` and ``latest`` are ``timestamp[us, tz=UTC]``, the local dates ``date32``, the
    lists ``list<string>``.
    """
    pyarrow = _optional("pyarrow", "arrow")
    listed = pyarrow.list_(pyarrow.string())
    moment = pyarrow.timestamp("us", tz="UTC")
    types = {
        "ids": listed,
        "kind": pyarrow.string(),
        "status": pyarrow.string(),
        "participants": listed,
        "names": listed,
        "earliest": moment,
        "latest": moment,
        "precision": pyarrow.string(),
        "zone": pyarrow.string(),
        "local_first": pyarrow.date32(),
        "local_last": pyarrow.date32(),
        "sources": listed,
    }
    schema = pyarrow.schema([(column, types[column]) for column in EVENT_COLUMNS])
    return pyarrow.Table.from_pylist(event_rows(ledger, zone=zone), schema=schema)
