"""A spreadsheet of contacts as CSV: one row per call or meeting, in documented columns.

The columns (a header row names them; their order does not matter, unknown columns are an error
so a misspelt one is never ignored; ``contacts_template.csv`` beside this module is a template):

- ``id`` (required): the row's own id; the entry is ``contacts:<id>``.
- ``participants`` (required): names or aliases separated by ``;``, each perhaps with the office
  they acted in, in brackets: ``Nikol Pashinyan [Prime Minister of Armenia]; Vladimir Putin``.
- ``date`` (required): when, as written: ``2022-09-13`` (a day), ``2022-09`` or ``2022``,
  ``2022-09-13 02:30`` (a local time: needs one zone), ``2022-09-13T02:30+04:00`` or
  ``...Z``, or words (``early hours of Tuesday``) read against ``source_published``: in the
  past for a call that took place, in the future for a planned one; words that could mean
  either are refused for a cancelled one.
- ``mode``: ``phone`` (the default), ``video``, ``written`` or ``in_person`` (a meeting).
- ``host``: for a meeting, the participant who hosted it; none makes it a summit.
- ``zone``, ``place``, ``country``: where the date's local clocks are. ``place`` is a place of
  the ledger (or a new one, in ``zone`` or in the country's only zone); ``country`` an ISO 3166
  alpha-2 or alpha-3 code or name, whose zones all count when no zone or place is given.
- ``status``: ``occurred`` (the default), ``planned`` or ``cancelled``.
- ``summary``: free text.
- ``source_title``, ``source_url``, ``source_outlet``, ``source_published``: the document the
  row comes from (outlet is an actor's name; published is a date or time as for ``date``).
"""

from __future__ import annotations

import calendar
import os
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Final

from diplomacy_ledger._errors import LedgerError, UnknownEntryError
from diplomacy_ledger.importers._dates import local_days, phrase_in, zones_for, zones_in
from diplomacy_ledger.importers._report import ImportReport
from diplomacy_ledger.importers._session import Into, Progress, Session, run_import, slug
from diplomacy_ledger.importers._text import read_table
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import (
    ActorKind,
    Call,
    Medium,
    Meeting,
    Office,
    Participant,
    Place,
    Provenance,
    Record,
    Source,
    Status,
    check_id,
    normalise_name,
)
from diplomacy_ledger.time import Tense, When

__all__ = ["COLUMNS", "import_contacts_csv", "read_contacts"]

COLUMNS: Final = (
    "id",
    "participants",
    "date",
    "mode",
    "host",
    "zone",
    "place",
    "country",
    "status",
    "summary",
    "source_title",
    "source_url",
    "source_outlet",
    "source_published",
)
"""The columns of a contacts CSV, in the template's order."""

_REQUIRED: Final = ("id", "participants", "date")
_TENSE: Final[dict[Status, Tense | None]] = {
    Status.OCCURRED: "past",
    Status.PLANNED: "future",
    Status.CANCELLED: None,
}
"""The tense a row's words for its time are read in, by its status: a call that took place was
reported after it, a planned one before it; a cancelled one may have been due before or after
the report, so words whose past and future readings differ are refused for it."""
_MODES: Final = {
    "phone": Medium.PHONE,
    "video": Medium.VIDEO,
    "written": Medium.WRITTEN,
    "in_person": Medium.IN_PERSON,
    "in person": Medium.IN_PERSON,
}
_PARTICIPANT: Final = re.compile(r"^(?P<name>[^\[\]]+?)\s*(?:\[(?P<office>[^\[\]]+)\])?$")
_DATE: Final = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?|(?P<bm>\d{2})(?P<bd>\d{2}))?$"
)  # 2022, 2022-09, 2022-09-13, or ISO 8601's basic 20220913
_WALL: Final = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_ISO_START: Final = re.compile(r"^\d{4}-\d{2}")


def import_contacts_csv(
    path: str | os.PathLike[str],
    *,
    into: Into = None,
    skip_bad_rows: bool = False,
    recorded_at: datetime | None = None,
    prefix: str = "contacts",
    progress: Progress | None = None,
) -> tuple[Ledger, ImportReport]:
    """Import a contacts spreadsheet saved as CSV; return the ledger and the import's report.

    The report is an :class:`~diplomacy_ledger.ImportReport`. The columns are those of
    ``CONTACT_COLUMNS``, described in ``docs/importing.md``. Every entry is recorded at
    ``recorded_at`` (or by the clock of the ledger or store it goes into). A row already imported is
    unchanged; a row whose content changed since supersedes its earlier version. A bad row raises
    :class:`~diplomacy_ledger.ImportRowError` naming the file, line, column and value, and nothing
    is imported; with ``skip_bad_rows`` it is counted in the report instead.
    """
    return run_import(
        "contacts-csv",
        path,
        read_contacts,
        into=into,
        prefix=prefix,
        skip_bad_rows=skip_bad_rows,
        recorded_at=recorded_at,
        progress=progress,
    )


def read_contacts(session: Session) -> None:
    """Read a contacts CSV into ``session``, row by row."""
    read_table(session, _REQUIRED, _row, what="a contacts CSV", known=COLUMNS)


def _row(session: Session, row: dict[str, str]) -> None:
    own = row["id"]
    id = session.checked(
        "id", own, lambda: check_id(f"{session.prefix}:{own}", where="id"), reason="bad id"
    )
    zones, place = _where(session, row)
    source = _source(session, row, zones)
    status_text = (row.get("status") or "occurred").lower()
    if status_text not in {s.value for s in Status}:
        session.fail(
            "status", status_text, "expected occurred, planned or cancelled", reason="bad status"
        )
    status = Status(status_text)
    when = _date(
        session,
        row.get("date", ""),
        column="date",
        zones=zones,
        source=source,
        tense=_TENSE[status],
    )
    participants = _participants(session, row["participants"])
    mode = row.get("mode") or "phone"
    if mode.lower() not in _MODES:
        session.fail("mode", mode, f"expected one of {', '.join(_MODES)}", reason="bad mode")
    medium = _MODES[mode.lower()]
    summary = row.get("summary") or None
    provenance = Provenance(source[0])
    record: Record
    host_name = row.get("host") or ""
    if medium is Medium.IN_PERSON:
        host = None
        if host_name:
            host_id = session.actor(host_name, ActorKind.PERSON, column="host")
            hosts = [p for p in participants if p.actor == host_id]
            if not hosts:
                session.fail(
                    "host", host_name, "the host is not among the participants", reason="bad host"
                )
            host = hosts[0]
        visitors = tuple(p for p in participants if p is not host)
        record = session.checked(
            "participants",
            row["participants"],
            lambda: Meeting(
                host, visitors, when, provenance, place=place, summary=summary, status=status
            ),
            reason="bad participants",
        )
    else:
        if host_name:
            session.fail(
                "host", host_name, "only an in-person meeting has a host", reason="bad host"
            )
        record = session.checked(
            "participants",
            row["participants"],
            lambda: Call(
                participants, when, provenance, medium=medium, summary=summary, status=status
            ),
            reason="bad participants",
        )
    session.upsert(record, id=id)


def _where(session: Session, row: dict[str, str]) -> tuple[tuple[str, ...], str | None]:
    """The zones the row's dates are read in, and its place's id."""
    zone, place_name, country = row.get("zone") or None, row.get("place") or "", row.get("country")
    if zone is not None:
        session.checked("zone", zone, lambda: When.day("2000-01-01", zone=zone), reason="bad zone")
    if country and not zones_in(country):
        session.fail(
            "country",
            country,
            "not an ISO 3166 code or country name that the time zone database knows",
            reason="unknown country",
        )
    if not place_name:
        return zones_for(zone, country), None
    try:
        place_id = session.base.resolve_place(place_name)
    except UnknownEntryError:
        place_zones = zones_for(zone, country)
        if len(place_zones) != 1:
            session.fail(
                "place",
                place_name,
                "a place the ledger does not hold needs a zone (or a country with one zone)",
                reason="place without a zone",
            )
        place_id = session.place(place_name, zone=place_zones[0], column="place")
        return place_zones, place_id
    record = session.base.record(place_id)
    assert isinstance(record, Place)
    if zone is not None and zone != record.zone:
        session.fail(
            "zone",
            zone,
            f"the place {place_name!r} is in {record.zone}",
            reason="zone and place disagree",
        )
    return (record.zone,), place_id


def _source(
    session: Session, row: dict[str, str], zones: tuple[str, ...]
) -> tuple[str, When | Callable[[str], When] | None]:
    """The id of the row's source, and its publication time: the anchor of words in ``date``.

    A publication dated by its day alone is that day on the clocks of each zone the words are
    read in: a function of the zone.
    """
    title, url = row.get("source_title") or None, row.get("source_url") or None
    outlet_name, published_text = row.get("source_outlet") or "", row.get("source_published") or ""
    published = None
    anchor: When | Callable[[str], When] | None = None
    if published_text:
        published = _date(
            session, published_text, column="source_published", zones=zones, source=None
        )
        day = _DATE.fullmatch(published_text)
        if day is not None and (day["d"] or day["bd"]):  # a day: each zone reads it on its clocks
            iso = f"{day['y']}-{day['m'] or day['bm']}-{day['d'] or day['bd']}"
            anchor = lambda zone: When.day(iso, zone=zone)  # noqa: E731
    if not (title or url or outlet_name or published):
        source = Source(session.path.name)  # the spreadsheet itself vouches for the row
        return session.catalogue(source, id=f"{session.prefix}:{slug(session.path.name)}"), None
    outlet = (
        session.actor(outlet_name, ActorKind.MEDIA, column="source_outlet") if outlet_name else None
    )
    record = session.checked(
        "source_title",
        title,
        lambda: Source(title, outlet=outlet, url=url, published=published),
        reason="bad source",
    )
    return session.catalogue(record, id=f"{session.prefix}:{row['id']}:source"), anchor or published


def _date(
    session: Session,
    text: str,
    *,
    column: str,
    zones: tuple[str, ...],
    source: tuple[str, When | Callable[[str], When] | None] | None,
    tense: Tense | None = None,
) -> When:
    """A date or time as written: ISO forms read in the row's zones, words read by phrase.

    Words are read in ``tense`` (the row's, by its status: ``_TENSE``): "Friday" in a row of a
    call that took place is the Friday before the publication; in a planned one, the one after.
    """
    if not text:
        session.fail(column, text, "a date is required", reason="missing date")
    matched = _DATE.fullmatch(text)
    try:
        if matched is not None:
            year, month, day = int(matched["y"]), matched["m"], matched["d"]
            if matched["bm"] is not None:
                month, day = matched["bm"], matched["bd"]
            if day is not None:
                first = last = date(year, int(month), int(day))
            elif month is not None:
                first = date(year, int(month), 1)
                last = date(year, int(month), calendar.monthrange(year, int(month))[1])
                if len(zones) <= 1:
                    return When.month(year, int(month), zone=zones[0] if zones else None, text=text)
            else:
                if len(zones) <= 1:
                    return When.year(year, zone=zones[0] if zones else None, text=text)
                first, last = date(year, 1, 1), date(year, 12, 31)
            return local_days(first, last, zones, text=text)
        if _WALL.fullmatch(text):
            if len(zones) != 1:
                session.fail(
                    column,
                    text,
                    "a local time of day needs one zone: give a zone or a place",
                    reason="time without a zone",
                )
            return When.local(text, zone=zones[0], text=text)
        if _ISO_START.match(text):
            return When.parse(text)
    except ValueError as error:
        if isinstance(error, LedgerError):
            session.fail(column, text, str(error), reason="bad date")
        session.fail(column, text, f"not a date: {error}", reason="bad date")
    if source is None:
        session.fail(column, text, "expected an ISO 8601 date or time", reason="bad date")
    anchor = source[1]
    if anchor is None:
        session.fail(
            column,
            text,
            "words for a time are read against the source's publication: fill in source_published",
            reason="phrase without an anchor",
        )
    found: When = session.checked(
        column,
        text,
        lambda: phrase_in(text, anchor=anchor, zones=zones, tense=tense),
        reason="unknown phrase",
    )
    return found


def _participants(session: Session, text: str) -> tuple[Participant, ...]:
    found = []
    for cell in text.split(";"):
        part = cell.strip()
        if not part:
            continue
        matched = _PARTICIPANT.fullmatch(part)
        if matched is None:
            session.fail(
                "participants",
                part,
                "expected a name, perhaps with [office]",
                reason="bad participants",
            )
        actor = session.actor(matched["name"], ActorKind.PERSON, column="participants")
        office = None
        if matched["office"]:
            office = _office(session, matched["office"].strip())
        found.append(Participant(actor, office=office))
    return tuple(found)


def _office(session: Session, title: str) -> str:
    offices = session.index.get("offices")
    if offices is None:  # the ledger's offices by title, read once
        offices = {}
        for entry in session.base.by_kind(Office):
            if isinstance(entry.record, Office):
                offices.setdefault(
                    normalise_name(entry.record.title), session.base.origin(entry.id)
                )
        session.index["offices"] = offices
    found = offices.get(normalise_name(title))
    if found is not None:
        return found
    record = session.checked("participants", title, lambda: Office(title), reason="bad office")
    return session.catalogue(record, id=f"{session.prefix}:office:{slug(title)}")
