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

import hashlib
import itertools
import json
import os
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any, Final

from diplomacy_ledger._errors import FormatError
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
_HASH: Final = re.compile(r"^[0-9a-f]{1,64}$")  # a reference's hash, as Wikidata writes it


def _listed(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


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
    """The entities of the file with the lines they start on.

    A saved API response or a single entity is one JSON document, read whole; a dump (a JSON
    array, one entity a line) is read a line at a time, a line that is not JSON or not UTF-8
    being a bad row.
    """
    lines = enumerate(text_lines(session), start=1)
    found = next(((number, line) for number, line in lines if line.strip()), None)
    if found is None:
        raise FormatError("expected Wikidata entity JSON", where=f"{session.file}:1")
    number, first = found
    head = first.lstrip()[:1]
    if head == "{":
        text = first + "".join(line for _, line in lines)
        value = json_document(session, text, number)
        entities = value.get("entities") if isinstance(value, dict) else None
        if isinstance(entities, dict):
            for key, entity in entities.items():
                at = text.find(json.dumps(key))
                yield number + (text.count("\n", 0, at) if at >= 0 else 0), entity
            return
        if isinstance(value, dict) and isinstance(value.get("id"), str) and "claims" in value:
            yield number, value
            return
        raise FormatError(
            'not Wikidata entity JSON: expected {"entities": {…}} or an entity with claims',
            where=f"{session.file}:{number}",
        )
    if head != "[":
        raise FormatError("expected Wikidata entity JSON", where=f"{session.file}:{number}")
    for line_number, line in itertools.chain([(number, first)], lines):
        text = line.strip().rstrip(",")
        if text.startswith("["):  # the dump's opening bracket, perhaps with its first entity
            text = text[1:].strip()
        if text.endswith("]") and not text.endswith("}]"):
            text = text[:-1].strip()
        if not text:
            continue
        yield line_number, json_line(text)


def _read(session: Session) -> None:
    """Two passes over the file: the labels of every entity, then the statements.

    An office's label may come after the person holding it, so the labels are gathered first
    (a name per entity: far smaller than the file); the file is read twice rather than held.
    """
    labels: dict[str, str] = {}
    for _, entity in _entities(session):
        if isinstance(entity, dict) and isinstance(entity.get("id"), str):
            label = _label(entity)
            if label is not None:
                labels[entity["id"]] = label
    for line, entity in _entities(session):
        with session.row(line):
            if isinstance(entity, BadLine):
                entity.fail(session)
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
    if not isinstance(statements, list):
        session.fail(f"{qid}.claims.P39", statements, "expected a list", reason="bad statement")
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


def _value(snak: Any) -> Any:
    """The value of a snak with one (``snaktype`` "value"); None for any other or a malformed."""
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    datavalue = snak.get("datavalue")
    return datavalue.get("value") if isinstance(datavalue, dict) else None


def _item(snak: Any) -> str | None:
    value = _value(snak)
    found = value.get("id") if isinstance(value, dict) else None
    return found if isinstance(found, str) and _QID.match(found) else None


def _date(session: Session, statement: Mapping[str, Any], prop: str, column: str) -> object:
    """The qualifier's date as a When; ``"somevalue"`` for an unknown value; None for none."""
    qualifiers = statement.get("qualifiers") or {}
    snaks = qualifiers.get(prop) if isinstance(qualifiers, dict) else None
    if not snaks:
        return None
    snak = snaks[0] if isinstance(snaks, list) else None
    if not isinstance(snak, dict):
        session.fail(column, snaks, "expected a list of qualifier snaks", reason="bad date")
    if snak.get("snaktype") != "value":
        return "somevalue"
    value = _value(snak)
    if not isinstance(value, dict):
        session.fail(column, snak, "expected a time value", reason="bad date")
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
    for reference in references if isinstance(references, list) else ():
        snaks = reference.get("snaks") if isinstance(reference, dict) else None
        if not isinstance(snaks, dict):
            continue
        urls = [_value(s) for s in _listed(snaks.get("P854"))]
        stated = [_item(s) for s in _listed(snaks.get("P248"))]
        url = next((u.strip() for u in urls if isinstance(u, str) and u.strip()), None)
        work = next((w for w in stated if w is not None), None)
        if url is None and work is None:
            continue
        title = f"stated in {labels.get(work, work)}" if work else f"reference of {qid}"
        digest = reference.get("hash")
        if not (isinstance(digest, str) and _HASH.match(digest)):
            digest = hashlib.sha1(f"{url}\t{work}".encode(), usedforsecurity=False).hexdigest()
        source = session.checked(
            "references",
            url,
            lambda title=title, url=url: Source(title, url=url),  # type: ignore[misc]
            reason="bad reference",
        )
        return session.catalogue(source, id=f"{session.prefix}:reference:{digest}")
    return session.catalogue(Source("Wikidata"), id=f"{session.prefix}:source")
