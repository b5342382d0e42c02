"""PLOVER event records (JSON or JSON Lines), and the mapping of PLOVER events to records.

PLOVER (Open Event Data Alliance, *PLOVER*, DRAFT version 2.0, ``PLOVER_MANUAL.tex``, "Data
Fields") exchanges one JSON object per event: ``id``, ``date`` (``YYYY-MM-DD``) and optional
``time``, ``enddate``, ``endtime``; ``actor`` and ``recipient`` (lists of entity objects:
``code``, ``sector``, ``entity_text``, ``identifier_id``, ``identifier_text``, ``office``);
``event`` and ``mode`` (lists); ``event_loc``; ``event_text``; ``cite_info`` (``url``,
``title``, ``publication``, ``citation``, ``version``…); ``text_info`` (``sequence``…).

The events the ledger has a record for (the same mapping serves POLECAT):

- ``CONSULT`` ``phone``: a call; ``visit``: a meeting the recipient hosts (PLOVER: the visitor is
  the actor, the host the recipient); ``third-party`` and ``multilateral``: a meeting no
  participant hosted. Without a mode the medium is unknown, and it is skipped and counted.
- ``RETREAT`` ``ceasefire``: a ceasefire between the actors and recipients.
- ``ACCUSE``: a claim by each actor that accuses the recipient.
- ``ASSAULT``: a hostility, the actors attacking the recipients (PLOVER: "in one-sided violence,
  the perpetrator is coded as the actor and the victim as the recipient"); with no recipient and
  two or more actors, fighting between them.

Every other event (``AGREE``, ``REJECT``, ``PROTEST``, …) has no record here and is skipped and
counted. PLOVER has no denial: CAMEO 016 "Deny responsibility" is in CAMEO's cue category 01,
which PLOVER drops; its manual names REJECT as one possible reading but recommends none.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Final

import attrs

from diplomacy_ledger._errors import FormatError, LedgerError
from diplomacy_ledger.importers._dates import local_days, zones_for
from diplomacy_ledger.importers._report import ImportReport
from diplomacy_ledger.importers._session import Into, Progress, Session, run_import
from diplomacy_ledger.importers._text import (
    BadLine,
    json_document,
    json_line,
    text_lines,
)
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import (
    ActorKind,
    Call,
    Ceasefire,
    Claim,
    Hostility,
    Meeting,
    Participant,
    Provenance,
    Record,
    Source,
    Stance,
    check_id,
)
from diplomacy_ledger.time import Precision, Span, When

__all__ = ["PloverEvent", "import_plover", "read_plover", "records_for"]

_QID: Final = re.compile(r"(?:^|/)(Q[1-9][0-9]*)$")
_ISO3: Final = re.compile(r"^[A-Z]{3}$")
SECTORS: Final = {
    "GOV": ActorKind.GOVERNMENT,
    "LEG": ActorKind.GOVERNMENT_BODY,
    "JUD": ActorKind.GOVERNMENT_BODY,
    "COP": ActorKind.GOVERNMENT_BODY,
    "SPY": ActorKind.GOVERNMENT_BODY,
    "MIL": ActorKind.ARMED_FORCES,
    "JRN": ActorKind.MEDIA,
    "IGO": ActorKind.INTERNATIONAL_ORGANIZATION,
}


@attrs.frozen
class Entity:
    """An actor as an event dataset names it."""

    name: str
    kind: ActorKind
    wikidata: str | None = None
    iso3: str | None = None
    column: str = "actor"


@attrs.frozen
class PloverEvent:
    """One event as PLOVER codes it, whichever file it came from (PLOVER JSON or POLECAT)."""

    id: str
    event: str
    modes: tuple[str, ...]
    actors: tuple[Entity, ...]
    recipients: tuple[Entity, ...]
    when: When
    end: When | None
    source: Source
    quote: str | None = None


def import_plover(
    path: str | os.PathLike[str],
    *,
    into: Into = None,
    skip_bad_rows: bool = False,
    recorded_at: datetime | None = None,
    prefix: str = "plover",
    progress: Progress | None = None,
) -> tuple[Ledger, ImportReport]:
    """Import PLOVER event records (a JSON array or JSON Lines); return the ledger and report.

    Entries are recorded at ``recorded_at`` (or by the target's clock). Events with no record here
    are skipped and counted; a bad record raises :class:`~diplomacy_ledger.ImportRowError` naming
    the file, line and field, and nothing is imported, unless ``skip_bad_rows`` counts it instead.
    """
    return run_import(
        "plover",
        path,
        read_plover,
        into=into,
        prefix=prefix,
        skip_bad_rows=skip_bad_rows,
        recorded_at=recorded_at,
        progress=progress,
    )


def _objects(session: Session) -> Iterator[tuple[int, Any]]:
    """The file's objects with their line numbers: JSON Lines read lazily, or one JSON array.

    A JSON array is one JSON document, read whole (a file of it is as large in memory); JSON
    Lines are read a line at a time. A line that is not JSON or not UTF-8 is a bad row.
    """
    lines = enumerate(text_lines(session), start=1)
    found = next(((number, line) for number, line in lines if line.strip()), None)
    if found is None:
        return
    number, first = found
    if first.lstrip().startswith("["):
        text = first + "".join(line for _, line in lines)
        values = json_document(session, text, number)
        if not isinstance(values, list):
            raise FormatError("expected a JSON array of events", where=f"{session.file}:{number}")
        starts = _array_lines(text, len(values))
        yield from zip((number - 1 + line for line in starts), values, strict=True)
        return
    for line_number, line in itertools.chain([(number, first)], lines):
        if not line.strip():
            continue
        yield line_number, json_line(line)


def _array_lines(text: str, count: int) -> list[int]:
    """The line each element of a JSON array starts on (its index + 1 when it cannot tell)."""
    decoder = json.JSONDecoder()
    lines, position = [], text.index("[") + 1
    for _ in range(count):
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        lines.append(text.count("\n", 0, position) + 1)
        try:
            _, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:  # pragma: no cover - the whole text decoded already
            return [i + 1 for i in range(count)]
    return lines


def read_plover(session: Session) -> None:
    """Read PLOVER records into ``session``, one record at a time."""
    for line, value in _objects(session):
        with session.row(line):
            if isinstance(value, BadLine):
                value.fail(session)
            if not isinstance(value, dict):
                session.fail("record", value, "expected a JSON object", reason="bad record")
            event = _plover_event(session, value)
            if event is not None:
                records_for(session, event)


def _text(session: Session, record: Mapping[str, Any], field: str, *, required: bool) -> str | None:
    value = record.get(field)
    if value is None or value == "":
        if required:
            session.fail(
                field, value, f"the field {field!r} is required", reason=f"missing {field}"
            )
        return None
    if not isinstance(value, str | int):
        session.fail(field, value, "expected text", reason=f"bad {field}")
    return str(value)


def _list(session: Session, record: Mapping[str, Any], field: str) -> list[Any]:
    value = record.get(field)
    if value is None:
        return []
    if isinstance(value, str | dict):
        return [value]
    if not isinstance(value, list):
        session.fail(field, value, "expected a list", reason=f"bad {field}")
    return value


def _entities(session: Session, values: list[Any], field: str) -> tuple[Entity, ...]:
    found = []
    for index, item in enumerate(values):
        column = f"{field}[{index}]"
        value = {"code": item} if isinstance(item, str) else item
        if not isinstance(value, dict):
            session.fail(column, value, "expected an entity object", reason="bad entity")
        name = next(
            (
                str(value[key]).strip()
                for key in ("identifier_text", "entity_text", "code")
                if isinstance(value.get(key), str) and value[key].strip()
            ),
            None,
        )
        if name is None:
            session.fail(column, value, "an entity needs a name or a code", reason="bad entity")
        sector = str(value.get("sector") or "").upper()[:3]
        qid = None
        identifier = value.get("identifier_id")
        if isinstance(identifier, str) and (matched := _QID.search(identifier.strip())):
            qid = matched.group(1)
        code = str(value.get("code") or "")
        if not sector and _ISO3.match(code) and name == code:
            found.append(Entity(name, ActorKind.STATE, qid, code, column))
            continue
        kind = (
            ActorKind.PERSON if value.get("office") else SECTORS.get(sector, ActorKind.COLLECTIVE)
        )
        found.append(Entity(name, kind, qid, None, column))
    return tuple(found)


def _plover_event(session: Session, record: Mapping[str, Any]) -> PloverEvent | None:
    own = _text(session, record, "id", required=True)
    assert own is not None
    events = [str(e).upper() for e in _list(session, record, "event")]
    if not events:
        session.fail(
            "event", record.get("event"), "the field 'event' is required", reason="missing event"
        )
    modes = tuple(str(m) for m in _list(session, record, "mode") if m)
    location = _mapping(record.get("event_loc"))
    # PLOVER's location: "country", a name; "country_code", an ISO 3166 alpha-3 code
    country = str(location.get("country") or location.get("country_code") or "") or None
    zones = zones_for(None, country)
    time = _text(session, record, "time", required=False)
    when = None if time is not None else _bounds(session, record)
    if when is None:
        day = _text(session, record, "date", required=True)
        assert day is not None
        when = _moment(session, day, time, zones, "date")
    end_day = _text(session, record, "enddate", required=False)
    end = None
    if end_day is not None:
        end = _moment(
            session, end_day, _text(session, record, "endtime", required=False), zones, "enddate"
        )
    cite = _mapping(record.get("cite_info"))
    source = session.checked(
        "cite_info",
        cite,
        lambda: Source(
            _one_line(cite.get("title")) or f"PLOVER record {own}",
            url=_one_line(cite.get("url")),
            language=_one_line(cite.get("language")),
        ),
        reason="bad cite_info",
    )
    texts = [t for t in _list(session, record, "event_text") if isinstance(t, str) and t.strip()]
    if not texts and isinstance(record.get("text"), str) and record["text"].strip():
        texts = [record["text"]]
    return PloverEvent(
        own,
        events[0],
        modes,
        _entities(session, _list(session, record, "actor"), "actor"),
        _entities(session, _list(session, record, "recipient"), "recipient"),
        when,
        end,
        source,
        quote="\n".join(texts) or None,
    )


def _bounds(session: Session, record: Mapping[str, Any]) -> When | None:
    """The exact bounds this library's export writes beside PLOVER's date, when both are there.

    ``earliest``, ``latest``, ``precision`` and ``zone`` keep what a PLOVER date cannot say, so
    an exported ledger reads back with its times as they were.
    """
    earliest, latest = record.get("earliest"), record.get("latest")
    if not (isinstance(earliest, str) and isinstance(latest, str)):
        return None
    zone = record.get("zone") if isinstance(record.get("zone"), str) else None

    def build() -> When:
        low, high = When.parse(earliest).earliest, When.parse(latest).latest
        try:
            return When(low, high, Precision(record.get("precision")), zone)
        except (ValueError, LedgerError):  # a Span's start precision: its bounds are wider
            return When(low, high, Precision.SPAN, zone)

    found: When = session.checked("earliest", earliest, build, reason="bad time")
    return found


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _one_line(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _moment(
    session: Session, day: str, time: str | None, zones: Sequence[str], column: str
) -> When:
    try:
        parsed = date.fromisoformat(day.strip())
    except ValueError:
        session.fail(column, day, "expected a date YYYY-MM-DD", reason="bad date")
    if time is None:
        return local_days(parsed, parsed, zones, text=day)
    text = f"{day.strip()}T{time.strip()}"
    has_offset = time.strip().endswith("Z") or re.search(r"[+-]\d{2}:?\d{2}$", time.strip())
    if not has_offset:
        if len(zones) != 1:
            session.fail(
                column,
                text,
                "a time without an offset needs one zone",
                reason="time without a zone",
            )
        found: When = session.checked(
            column,
            text,
            lambda: When.local(text.replace("T", " "), zone=zones[0], text=text),
            reason="bad time",
        )
        return found
    parsed_when: When = session.checked(column, text, lambda: When.parse(text), reason="bad time")
    return parsed_when


def records_for(session: Session, event: PloverEvent) -> None:
    """Add the record(s) a PLOVER-coded event stands for, or count it as skipped."""
    id = session.checked(
        "id",
        event.id,
        lambda: check_id(f"{session.prefix}:{event.id}", where="id"),
        reason="bad id",
    )
    mode = event.modes[0] if event.modes else None
    if not _has_record(event.event, mode, event.modes):
        session.skip(f"no counterpart: {event.event}" + (f" / {mode}" if mode else ""))
        return
    actors = [_actor(session, entity) for entity in event.actors]
    recipients = [_actor(session, entity) for entity in event.recipients]
    source = session.catalogue(event.source, id=f"{id}:source")
    provenance = Provenance(source, quote=event.quote)
    when: When = event.when
    end = event.end
    if end is not None and event.event != "ASSAULT":
        when = session.checked(
            "enddate", str(end), lambda: When.between(event.when, end), reason="bad enddate"
        )
    everyone = list(dict.fromkeys([*actors, *recipients]))
    record: Record
    if event.event == "CONSULT":
        if len(everyone) < 2:
            session.skip("no counterpart: a consultation with fewer than two participants")
            return
        if mode == "phone":
            record = Call(everyone, when, provenance)
        elif mode == "visit" and recipients and set(actors).isdisjoint(recipients):
            host = Participant(recipients[0])
            visitors = [a for a in everyone if a != recipients[0]]
            record = Meeting(host, visitors, when, provenance)
        else:
            record = Meeting.summit(everyone, when, provenance)
    elif event.event == "RETREAT":
        if len(everyone) < 2:
            session.skip("no counterpart: a ceasefire with fewer than two parties")
            return
        record = Ceasefire(tuple(everyone), when, provenance)
    elif event.event == "ACCUSE":
        if not actors:
            session.skip("no counterpart: an accusation by no one")
            return
        for index, claimant in enumerate(dict.fromkeys(actors)):
            accused = next((r for r in recipients if r != claimant), None)
            claim = Claim(
                claimant,
                Stance.ACCUSES,
                provenance,
                accused=accused,
                when=when,
                key=f"{id}.{index + 1}" if len(actors) > 1 else id,
                words=event.quote,
            )
            session.upsert(claim, id=id if index == 0 else f"{id}.{index + 1}")
        return
    else:  # ASSAULT: one perpetrator and at most one victim, or every side fighting
        span = Span(event.when, event.end if event.end is not None else event.when)
        if len(actors) == 1 and len(recipients) <= 1 and actors[0] not in recipients:
            record = Hostility(
                span,
                provenance,
                attacker=actors[0],
                target=recipients[0] if recipients else None,
                means=event.modes,
            )
        elif len(everyone) >= 2:
            names = [e.name for e in event.actors], [e.name for e in event.recipients]
            note = f"PLOVER actors: {'; '.join(names[0])}; recipients: {'; '.join(names[1])}"
            record = Hostility(
                span, provenance, between=tuple(everyone), means=event.modes, description=note
            )
        else:
            record = Hostility(span, provenance, means=event.modes)
    session.upsert(record, id=id)


def _has_record(event: str, mode: str | None, modes: tuple[str, ...]) -> bool:
    if event == "CONSULT":
        return mode in {"phone", "visit", "third-party", "multilateral"}
    if event == "RETREAT":
        return "ceasefire" in modes
    return event in {"ACCUSE", "ASSAULT"}


def _actor(session: Session, entity: Entity) -> str:
    return session.actor(
        entity.name, entity.kind, column=entity.column, wikidata=entity.wikidata, iso3=entity.iso3
    )
