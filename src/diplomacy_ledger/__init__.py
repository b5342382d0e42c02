"""diplomacy-ledger: an honest, typed ledger of diplomatic contacts.

Times are never naive: a :class:`When` is a moment known to lie between two UTC bounds, with the
zone and precision it was stated in; a :class:`Span` is something that lasted. Order between
imprecise times is three-valued (:class:`Truth`). :func:`resolve_phrase` reads the vague phrases
of reports ("the early hours of Tuesday") against a report's date and zone.

Actors, offices, places, sources and records (:class:`Call`, :class:`Claim`, …) are kept in an
append-only, bitemporal :class:`Ledger`; :func:`check` asks whether it hangs together and returns
:class:`Finding` objects that say why not.
"""

from diplomacy_ledger._actors import Actor, ActorKind
from diplomacy_ledger._allen import AllenConflict, AllenConstraint, AllenNetwork
from diplomacy_ledger._allen import compose as compose_allen
from diplomacy_ledger._calendar import Precision
from diplomacy_ledger._check_references import dangling_references
from diplomacy_ledger._checks import BUILTIN_CHECKS, Check, Checker, check
from diplomacy_ledger._codes import EventCode, event_code, event_codes
from diplomacy_ledger._entry import Clock, Entry, system_clock
from diplomacy_ledger._errors import (
    AliasConflictError,
    BadReferenceError,
    DuplicateIdError,
    InvalidIdError,
    InvalidTimeError,
    InvalidValueError,
    LedgerError,
    NaiveDatetimeError,
    RecordTimeError,
    RepeatedTimeError,
    SkippedTimeError,
    StoreError,
    TimeParseError,
    UnknownEntryError,
    UnknownPhraseError,
    UnknownZoneError,
)
from diplomacy_ledger._findings import Certainty, Finding
from diplomacy_ledger._format import SCHEMA_VERSION, FormatError
from diplomacy_ledger._ids import normalise_name
from diplomacy_ledger._jsonl import (
    LoadResult,
    References,
    SkippedLine,
    dump_jsonl,
    dumps_jsonl,
    load_jsonl,
    read_jsonl,
)
from diplomacy_ledger._jsonl_store import Damage, JsonlStore
from diplomacy_ledger._kinds import KIND_NAMES, Record, kind_of
from diplomacy_ledger._ledger import Batch, Ledger
from diplomacy_ledger._offices import Office, Tenure
from diplomacy_ledger._order import Allen, Order, PointInterval, Truth
from diplomacy_ledger._phrases import DayParts, DecadeParts, Tense, resolve_phrase
from diplomacy_ledger._places import Place
from diplomacy_ledger._plover import plover_records
from diplomacy_ledger._provenance import Provenance, Source
from diplomacy_ledger._records import (
    Call,
    Ceasefire,
    Claim,
    Hostility,
    Mediation,
    Medium,
    Meeting,
    Participant,
    Report,
    Retraction,
    SameEvent,
    Stance,
    Statement,
)
from diplomacy_ledger._span import Span
from diplomacy_ledger._sqlite_store import SqliteBatch, SqliteStore
from diplomacy_ledger._stn import (
    NegativeCycle,
    Propagation,
    SimpleTemporalNetwork,
    TemporalConstraint,
)
from diplomacy_ledger._stores import Store, copy_entries, open_store
from diplomacy_ledger._svg import timeline_svg
from diplomacy_ledger._version import __version__
from diplomacy_ledger._when import When
from diplomacy_ledger._zones import Disambiguation, available_zones, resolve_zone

__all__ = [
    "BUILTIN_CHECKS",
    "KIND_NAMES",
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "AliasConflictError",
    "Allen",
    "AllenConflict",
    "AllenConstraint",
    "AllenNetwork",
    "BadReferenceError",
    "Batch",
    "Call",
    "Ceasefire",
    "Certainty",
    "Check",
    "Checker",
    "Claim",
    "Clock",
    "Damage",
    "DayParts",
    "DecadeParts",
    "Disambiguation",
    "DuplicateIdError",
    "Entry",
    "EventCode",
    "Finding",
    "FormatError",
    "Hostility",
    "InvalidIdError",
    "InvalidTimeError",
    "InvalidValueError",
    "JsonlStore",
    "Ledger",
    "LedgerError",
    "LoadResult",
    "Mediation",
    "Medium",
    "Meeting",
    "NaiveDatetimeError",
    "NegativeCycle",
    "Office",
    "Order",
    "Participant",
    "Place",
    "PointInterval",
    "Precision",
    "Propagation",
    "Provenance",
    "Record",
    "RecordTimeError",
    "References",
    "RepeatedTimeError",
    "Report",
    "Retraction",
    "SameEvent",
    "SimpleTemporalNetwork",
    "SkippedLine",
    "SkippedTimeError",
    "Source",
    "Span",
    "SqliteBatch",
    "SqliteStore",
    "Stance",
    "Statement",
    "Store",
    "StoreError",
    "TemporalConstraint",
    "Tense",
    "Tenure",
    "TimeParseError",
    "Truth",
    "UnknownEntryError",
    "UnknownPhraseError",
    "UnknownZoneError",
    "When",
    "__version__",
    "available_zones",
    "check",
    "compose_allen",
    "copy_entries",
    "dangling_references",
    "dump_jsonl",
    "dumps_jsonl",
    "event_code",
    "event_codes",
    "kind_of",
    "load_jsonl",
    "normalise_name",
    "open_store",
    "plover_records",
    "read_jsonl",
    "resolve_phrase",
    "resolve_zone",
    "system_clock",
    "timeline_svg",
]
