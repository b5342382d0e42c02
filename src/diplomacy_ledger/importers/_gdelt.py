"""GDELT 2.0: the events export (61 tab-separated columns, no header) and the mentions (16).

The GDELT 2.0 Event Database codebook names the columns; the importer reads these of an event
row (numbered from 0): ``GLOBALEVENTID`` (0, the entry id ``gdelt:<id>``), ``SQLDATE`` (1, the
day, ``YYYYMMDD``; ``MonthYear`` and ``Year``, 2 and 3, must agree with it),
``Actor1Code``/``Actor1Name``/``Actor1CountryCode``/``Actor1Type1Code`` (5, 6, 7, 12) and the same
for Actor2 (15, 16, 17, 22), ``EventCode`` (26, CAMEO), ``GoldsteinScale`` (30), ``NumMentions``,
``NumSources``, ``NumArticles`` (31–33), ``AvgTone`` (34), ``ActionGeo_FullName`` (52),
``DATEADDED`` (59, ``YYYYMMDDHHMMSS`` UTC) and ``SOURCEURL`` (60).

GDELT dates an event by one day with no zone, often the day of the article when the text gave
no other; its geography uses FIPS 10-4 country codes, which the time zone database does not
know. So a GDELT day is that day somewhere on Earth: never UTC midnight, never a guessed zone.
A row whose day begins, everywhere on Earth, after its ``DATEADDED`` (the event reported before
it happened) is a bad row: one of the two dates is wrong, and the row does not say which.

A mentions row (``GLOBALEVENTID``, ``EventTimeDate``, ``MentionTimeDate``, ``MentionType``,
``MentionSourceName``, ``MentionIdentifier``, ``SentenceID``, …) is one article that reported
the event: a :class:`~diplomacy_ledger.Report` by its outlet about the event's entry, so every
report of one event points at that one event.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Final

from diplomacy_ledger._errors import FormatError
from diplomacy_ledger.importers._dates import alpha2, local_days
from diplomacy_ledger.importers._report import ImportReport
from diplomacy_ledger.importers._session import Into, Progress, Session, run_import
from diplomacy_ledger.importers._text import bare, check_utf8, text_lines
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import (
    CAMEO_LABELS,
    ActorKind,
    Call,
    Ceasefire,
    Claim,
    Hostility,
    Meeting,
    Participant,
    Provenance,
    Record,
    Report,
    Source,
    Stance,
    check_id,
)
from diplomacy_ledger.time import Span, When

__all__ = [
    "EVENT_COLUMNS",
    "EVENT_NAMES",
    "MENTION_COLUMNS",
    "MENTION_NAMES",
    "has_record",
    "import_gdelt",
    "import_gdelt_mentions",
    "record_for",
]

EVENT_NAMES: Final = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)
"""The events file's 61 columns in order, as the GDELT 2.0 Event Database codebook names them."""
MENTION_NAMES: Final = (
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
)
"""The mentions file's 16 columns in order, as the codebook names them."""
EVENT_COLUMNS: Final = len(EVENT_NAMES)
MENTION_COLUMNS: Final = len(MENTION_NAMES)
_TYPES: Final = {
    "GOV": ActorKind.GOVERNMENT,
    "MIL": ActorKind.ARMED_FORCES,
    "COP": ActorKind.GOVERNMENT_BODY,
    "JUD": ActorKind.GOVERNMENT_BODY,
    "LEG": ActorKind.GOVERNMENT_BODY,
    "SPY": ActorKind.GOVERNMENT_BODY,
    "MED": ActorKind.MEDIA,
    "IGO": ActorKind.INTERNATIONAL_ORGANIZATION,
}
_ACCUSE: Final = frozenset({"110", "111", "112", "1121", "1122", "1123", "1124", "1125"})
_FIGHT: Final = frozenset({"190", "193", "194", "195", "1951", "1952", "196"})


def import_gdelt(
    path: str | os.PathLike[str],
    *,
    into: Into = None,
    skip_bad_rows: bool = False,
    recorded_at: datetime | None = None,
    prefix: str = "gdelt",
    progress: Progress | None = None,
) -> tuple[Ledger, ImportReport]:
    """Import a GDELT 2.0 events export (``*.export.CSV``, tab-separated, no header).

    Returns the ledger and the :class:`~diplomacy_ledger.ImportReport`. CAMEO codes map to records
    as ``docs/importing.md`` tabulates; the rest are skipped and counted. Entries are recorded at
    ``recorded_at`` (or by the target's clock).
    """
    return run_import(
        "gdelt",
        path,
        _read_events,
        into=into,
        prefix=prefix,
        skip_bad_rows=skip_bad_rows,
        recorded_at=recorded_at,
        progress=progress,
    )


def import_gdelt_mentions(
    path: str | os.PathLike[str],
    *,
    into: Into = None,
    skip_bad_rows: bool = False,
    recorded_at: datetime | None = None,
    prefix: str = "gdelt",
    progress: Progress | None = None,
) -> tuple[Ledger, ImportReport]:
    """Import a GDELT 2.0 mentions file (``*.mentions.CSV``) into a ledger holding its events.

    Each mention of an imported event becomes a :class:`~diplomacy_ledger.Report` of it by the
    outlet; a mention of an event the ledger does not hold is skipped and counted.
    """
    return run_import(
        "gdelt-mentions",
        path,
        _read_mentions,
        into=into,
        prefix=prefix,
        skip_bad_rows=skip_bad_rows,
        recorded_at=recorded_at,
        progress=progress,
    )


def _rows(session: Session, width: int, reader: Callable[[Session, list[str]], None]) -> None:
    """Read the tab-separated lines of ``session``'s file, each row of ``width`` columns.

    GDELT's files are not quoted CSV: a line is a row, split at tabs, and a ``"`` is a
    character of its cell. The first row tells whether the file is of the format at all: one of
    another width is refused whole (a mentions file given as events, a GDELT 1.0 file); a later
    row of another width is a bad row.
    """
    first = True
    for line, text in enumerate(text_lines(session), start=1):
        row = bare(text).split("\t")
        if len(row) == 1 and not row[0].strip():
            continue  # a blank line
        if first and len(row) != width:
            raise FormatError(
                f"not {_KINDS[width]}: its first row has {len(row)} tab-separated columns, "
                f"where {_KINDS[width]} has {width}"
                + (f" ({_KINDS[len(row)]} has {len(row)})" if len(row) in _KINDS else ""),
                where=f"{session.file}:{line}",
            )
        first = False
        with session.row(line):
            if len(row) != width:
                session.fail(
                    "row",
                    "\t".join(row),
                    f"expected {width} tab-separated columns, got {len(row)}",
                    reason="wrong number of columns",
                )
            names = EVENT_NAMES if width == EVENT_COLUMNS else MENTION_NAMES
            for name, cell in zip(names, row, strict=True):
                check_utf8(session, name, cell)
            reader(session, [cell.strip() for cell in row])


_KINDS: Final = {
    EVENT_COLUMNS: "a GDELT 2.0 events file",
    MENTION_COLUMNS: "a GDELT 2.0 mentions file",
    57: "a GDELT 1.0 events file",
    58: "a GDELT 1.0 events file",
}


def _read_events(session: Session) -> None:
    _rows(session, EVENT_COLUMNS, _event)


def _read_mentions(session: Session) -> None:
    _rows(session, MENTION_COLUMNS, _mention)


def _stamp(session: Session, text: str, column: str) -> datetime:
    try:
        if len(text) != 14 or not text.isdigit():
            raise ValueError(text)
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
        hour, minute, second = int(text[8:10]), int(text[10:12]), int(text[12:])
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)  # not strptime: 10x
    except ValueError:
        return session.fail(column, text, "expected YYYYMMDDHHMMSS", reason="bad timestamp")


def _day(session: Session, text: str) -> date:
    try:
        if len(text) != 8 or not text.isdigit():
            raise ValueError(text)
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return session.fail("SQLDATE", text, "expected YYYYMMDD", reason="bad date")


def _actor(session: Session, row: list[str], first: int, type_column: int) -> str | None:
    code, name, country = row[first], row[first + 1], row[first + 2]
    if not name and not code:
        return None
    role = row[type_column]
    column = f"Actor{1 if first == 5 else 2}Name"
    if code == country and not role and alpha2(code) is not None:
        # A country alone: its code is all of the actor's code, and an ISO 3166 alpha-3 code
        # (CAMEO's country codes are; its regions, EUR or AFR, are not, and are no state).
        return session.actor(name or code, ActorKind.STATE, column=column, iso3=code)
    # GDELT names a state's government or army by the state's name: the role tells them apart.
    kind = _TYPES.get(role, ActorKind.COLLECTIVE)
    named = f"{name or code} ({role})" if role else name or code
    return session.actor(named, kind, column=column)


def _event(session: Session, row: list[str]) -> None:
    own, code = row[0], row[26]
    id: str = session.checked(
        "GLOBALEVENTID",
        own,
        lambda: check_id(f"{session.prefix}:{own}", where="GLOBALEVENTID"),
        reason="bad id",
    )
    if not has_record(code):
        session.skip(f"no counterpart: CAMEO {code or '(none)'}")
        return
    day = _day(session, row[1])
    if row[2] != row[1][:6] or row[3] != row[1][:4]:
        session.fail(
            "MonthYear",
            f"{row[2]} {row[3]}",
            f"MonthYear and Year ({row[2]}, {row[3]}) disagree with SQLDATE {row[1]}",
            reason="dates disagree",
        )
    when = local_days(day, day, (), text=row[1])
    first, second = _actor(session, row, 5, 12), _actor(session, row, 15, 22)
    actors = [a for a in (first, second) if a is not None]
    if len(set(actors)) < 2 and code not in _FIGHT and code != "016":
        session.skip(f"no counterpart: CAMEO {code} with fewer than two actors")
        return
    added = _stamp(session, row[59], "DATEADDED")
    if when.earliest > added:
        session.fail(
            "SQLDATE",
            row[1],
            f"the event's day begins everywhere after GDELT added it ({row[59]}, DATEADDED): "
            "an event cannot be reported before it happens",
            reason="dated after it was added",
        )
    source = session.catalogue(
        Source(
            f"GDELT event {own}: the first article",
            url=row[60] or None,
            retrieved=When.instant(added),
        ),
        id=f"{id}:source",
    )
    provenance = Provenance(source)
    notes = (
        f"GDELT: CAMEO {code}; Goldstein {row[30]}; mentions {row[31]}, sources {row[32]}, "
        f"articles {row[33]}; tone {row[34]}" + (f"; at {row[52]}" if row[52] else "")
    )
    record = record_for(code, actors, when, provenance, notes, key=id)
    session.upsert(record, id=id)


def has_record(code: str) -> bool:
    """Whether the ledger has a record for the CAMEO event code ``code``."""
    return code in {"041", "042", "043", "044", "0871", "016"} | _ACCUSE | _FIGHT


def record_for(
    code: str, actors: list[str], when: When, provenance: Provenance, notes: str, *, key: str
) -> Record:
    """The record a CAMEO-coded event stands for, between actor 1 and actor 2 (``actors``)."""
    if code == "041":
        return Call(actors, when, provenance, summary=notes)
    if code in {"042", "043"}:  # 042: actor 1 visits actor 2; 043: actor 1 hosts actor 2
        host, visitor = (actors[1], actors[0]) if code == "042" else (actors[0], actors[1])
        return Meeting(Participant(host), [visitor], when, provenance, summary=notes)
    if code == "044":
        return Meeting.summit(actors, when, provenance, summary=notes)
    if code == "0871":
        return Ceasefire(tuple(actors), when, provenance, terms=notes)
    if code in _ACCUSE:
        return Claim(
            actors[0],
            Stance.ACCUSES,
            provenance,
            accused=actors[1],
            when=when,
            key=key,
            cameo=code,
            words=notes,
        )
    if code == "016":
        return Claim(
            actors[0], Stance.DENIES, provenance, when=when, key=key, cameo=code, words=notes
        )
    attacker = actors[0] if actors else None
    target = actors[1] if len(actors) > 1 and actors[1] != attacker else None
    return Hostility(
        Span(when, when),
        provenance,
        attacker=attacker,
        target=target,
        means=(CAMEO_LABELS[code],),
        description=notes,
    )


def _mention(session: Session, row: list[str]) -> None:
    own = row[0]
    event: str = session.checked(
        "GLOBALEVENTID",
        own,
        lambda: check_id(f"{session.prefix}:{own}", where="GLOBALEVENTID"),
        reason="bad id",
    )
    if not session.known(event) or session.current(event) is None:
        session.skip("mention of an event not in the ledger")
        return
    seen = _stamp(session, row[2], "MentionTimeDate")
    outlet_name = row[4] or "an unnamed outlet"
    outlet = session.actor(outlet_name, ActorKind.MEDIA, column="MentionSourceName")
    url = row[5] if row[3] == "1" else None  # 1: WEB, the identifier is the article's URL
    title = None if url else f"{outlet_name}: {row[5]}" if row[5] else outlet_name
    source = session.catalogue(
        Source(title, outlet=outlet, url=url, retrieved=When.instant(seen)),
        id=f"{event}:mention:{_digest(row[5])}",
    )
    mention = f"{event}:m:{_digest(row[5], row[6])}"
    session.upsert(Report(outlet, event, Provenance(source)), id=mention)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\t".join(parts).encode("utf-8")).hexdigest()[:16]
