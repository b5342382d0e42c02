"""Wikidata entity JSON: position held (P39) statements as offices and tenures.

Read from a saved API response (``{"entities": {...}}``, as ``wbgetentities`` or
``Special:EntityData/Q….json`` give), a single entity object, or a JSON dump (a JSON array with
one entity per line, as Wikidata's ``latest-all.json`` is written; read line by line).

- Each entity with P39 statements is a person (``Actor``, kind person), with its English label as
  name, its English aliases, and its QID: the entry ``wikidata:<QID>``. A person the ledger holds
  with that QID is matched instead.
- Each P39 value is an ``Office`` (``wikidata:<QID>``), titled by its English label when the
  file holds the office's entity too, else by its QID.
- Each statement is a ``Tenure`` (``wikidata:<statement id>``): its start (qualifier P580) and
  end (P582) are dates at their Wikidata precision (9 a year, 10 a month, 11 a day), each a
  calendar period anywhere on Earth (Wikidata dates carry no zone). An end of "unknown value"
  (``somevalue``) or no end is an unknown end; a statement with no start is skipped and
  counted, as is every deprecated one. Its references (P854 reference URL, P248 stated in) are
  its provenance; without one, the provenance is Wikidata itself.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any, Final

from diplomacy_ledger._errors import FormatError
from diplomacy_ledger.importers._common import (
    ImportReport,
    Into,
    Progress,
    Session,
    run_import,
)
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import (
    ActorKind,
    Office,
    Provenance,
    Source,
    Tenure,
    check_id,
)
from diplomacy_ledger.time import Span, When

__all__ = ["import_wikidata"]

_GREGORIAN: Final = "http://www.wikidata.org/entity/Q1985727"
_TIME: Final = re.compile(r"^[+](?P<y>\d{4,})-(?P<m>\d\d)-(?P<d>\d\d)T00:00:00Z$")
_QID: Final = re.compile(r"^Q[1-9][0-9]*$")


def import_wikidata(
    path: str | os.PathLike[str],
    *,
    into: Into = None,
    skip_bad_rows: bool = False,
    recorded_at: datetime | None = None,
    prefix: str = "wikidata",
    progress: Progress | None = None,
) -> tuple[Ledger, ImportReport]:
    """Import the position-held (P39) statements of Wikidata entity JSON as offices and tenures.

    Returns the ledger and the :class:`~diplomacy_ledger.ImportReport`; each entity read counts
    as a row. Entries are recorded at ``recorded_at`` (or by the target's clock).
    """
    return run_import(
        "wikidata",
        path,
        _read,
        into=into,
        prefix=prefix,
        skip_bad_rows=skip_bad_rows,
        recorded_at=recorded_at,
        progress=progress,
    )


def _entities(session: Session) -> Iterator[tuple[int, Any]]:
    """The entities of the file with their line numbers."""
    with session.path.open(encoding="utf-8-sig") as file:
        head = file.read(1)
        while head.isspace():
            head = file.read(1)
        file.seek(0)
        if head == "{":  # an API response or one entity: read whole (they are small)
            try:
                value = json.load(file)
            except json.JSONDecodeError as error:
                raise FormatError(
                    f"not JSON: {error.msg}", where=f"{session.file}:{error.lineno}"
                ) from None
            entities = value.get("entities", {"": value}) if isinstance(value, dict) else {}
            if not isinstance(entities, dict):
                raise FormatError("expected an object of entities", where=f"{session.file}:1")
            for entity in entities.values():
                yield 1, entity
            return
        if head != "[":
            raise FormatError("expected Wikidata entity JSON", where=f"{session.file}:1")
        for number, line in enumerate(file, start=1):  # a dump: one entity a line
            text = line.strip().rstrip(",")
            if text in {"", "[", "]"}:
                continue
            try:
                yield number, json.loads(text)
            except json.JSONDecodeError as error:
                yield number, error


def _read(session: Session) -> None:
    entities = list(_entities(session)) if session.path.stat().st_size < 2**26 else None
    labels: dict[str, str] = {}
    for _, entity in entities if entities is not None else _entities(session):
        if isinstance(entity, dict) and isinstance(entity.get("id"), str):
            label = _label(entity)
            if label is not None:
                labels[entity["id"]] = label
    for line, entity in entities if entities is not None else _entities(session):
        with session.row(line):
            if isinstance(entity, json.JSONDecodeError):
                session.fail("line", line, f"not JSON: {entity.msg}", reason="bad JSON")
            if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
                session.fail("entity", entity, "expected an entity with an id", reason="bad entity")
            _person(session, entity, labels)


def _label(entity: Mapping[str, Any]) -> str | None:
    labels = entity.get("labels")
    if not isinstance(labels, dict) or not labels:
        return None
    chosen = labels.get("en") or next(iter(labels.values()))
    value = chosen.get("value") if isinstance(chosen, dict) else None
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _person(session: Session, entity: Mapping[str, Any], labels: Mapping[str, str]) -> None:
    qid = entity["id"]
    claims = entity.get("claims") or {}
    statements = claims.get("P39") if isinstance(claims, dict) else None
    if not statements:
        session.skip("no position held (P39)")
        return
    if not _QID.match(qid):
        session.fail("id", qid, "expected an item id (Q…)", reason="bad entity")
    name = labels.get(qid, qid)
    person = session.actor(
        name,
        ActorKind.PERSON,
        column=f"{qid}.labels",
        wikidata=qid,
        stem=f"{session.prefix}:{qid}",
    )
    for index, statement in enumerate(statements):
        _tenure(session, person, qid, index, statement, labels=labels)


def _tenure(
    session: Session,
    person: str,
    qid: str,
    index: int,
    statement: Any,
    *,
    labels: Mapping[str, str],
) -> None:
    where = f"{qid}.claims.P39[{index}]"
    if not isinstance(statement, dict):
        session.fail(where, statement, "expected a statement", reason="bad statement")
    if statement.get("rank") == "deprecated":
        session.skip("deprecated statement")
        return
    snak = statement.get("mainsnak") or {}
    office_qid = _item(snak)
    if office_qid is None:
        session.skip("position held with no known value")
        return
    start = _date(session, statement, "P580", f"{where}.qualifiers.P580")
    if not isinstance(start, When):
        session.skip("tenure with no start")
        return
    end = _date(session, statement, "P582", f"{where}.qualifiers.P582")
    office_title = labels.get(office_qid, office_qid)
    office = session.catalogue(
        Office(office_title, description=f"Wikidata {office_qid}"),
        id=f"{session.prefix}:{office_qid}",
    )
    statement_id = str(statement.get("id") or f"{qid}${index}")
    id: str = session.checked(
        f"{where}.id",
        statement_id,
        lambda: check_id(f"{session.prefix}:{statement_id.replace('$', ':')}", where="id"),
        reason="bad id",
    )
    span = session.checked(
        where,
        statement_id,
        lambda: Span(start, end if isinstance(end, When) else None),
        reason="bad tenure",
    )
    provenance = Provenance(_source(session, statement, qid, labels))
    session.upsert(Tenure(person, office, span, provenance=provenance), id=id)


def _item(snak: Any) -> str | None:
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    value = (snak.get("datavalue") or {}).get("value")
    found = value.get("id") if isinstance(value, dict) else None
    return found if isinstance(found, str) and _QID.match(found) else None


def _date(session: Session, statement: Mapping[str, Any], prop: str, column: str) -> object:
    """The qualifier's date as a When; ``"somevalue"`` for an unknown value; None for none."""
    qualifiers = statement.get("qualifiers") or {}
    snaks = qualifiers.get(prop) if isinstance(qualifiers, dict) else None
    if not snaks:
        return None
    snak = snaks[0]
    if snak.get("snaktype") != "value":
        return "somevalue"
    value = (snak.get("datavalue") or {}).get("value") or {}
    text, precision = value.get("time"), value.get("precision")
    if value.get("calendarmodel", _GREGORIAN) != _GREGORIAN:
        session.fail(column, text, "only Gregorian dates are read", reason="not Gregorian")
    matched = _TIME.match(text) if isinstance(text, str) else None
    if matched is None or not isinstance(text, str):
        session.fail(
            column,
            text,
            "expected a Wikidata time such as +2012-05-07T00:00:00Z",
            reason="bad date",
        )
    year, month, day = int(matched["y"]), int(matched["m"]), int(matched["d"])
    built: When = session.checked(
        column,
        text,
        lambda: _period(year, month, day, precision, text),
        reason="bad date",
    )
    return built


def _period(year: int, month: int, day: int, precision: object, text: str) -> When:
    if precision == 9:
        return When.year(year, text=text)
    if precision == 10:
        return When.month(year, month, text=text)
    if precision == 11:
        return When.day(f"{year:04d}-{month:02d}-{day:02d}", text=text)
    from diplomacy_ledger._errors import InvalidValueError  # noqa: PLC0415 - the one error here

    raise InvalidValueError(f"precision {precision!r} is not read: only 9, 10 and 11 are")


def _source(
    session: Session, statement: Mapping[str, Any], qid: str, labels: Mapping[str, str]
) -> str:
    references = statement.get("references") or []
    for reference in references:
        snaks = reference.get("snaks") if isinstance(reference, dict) else None
        if not isinstance(snaks, dict):
            continue
        urls = [
            s.get("datavalue", {}).get("value")
            for s in snaks.get("P854", [])
            if isinstance(s, dict) and s.get("snaktype") == "value"
        ]
        stated = [_item(s) for s in snaks.get("P248", [])]
        url = next((u for u in urls if isinstance(u, str) and u.strip()), None)
        work = next((w for w in stated if w is not None), None)
        if url is None and work is None:
            continue
        title = f"stated in {labels.get(work, work)}" if work else f"reference of {qid}"
        return session.catalogue(
            Source(title, url=url), id=f"{session.prefix}:reference:{reference.get('hash', qid)}"
        )
    return session.catalogue(Source("Wikidata"), id=f"{session.prefix}:source")
