"""diplomacy-ledger: an honest, typed ledger of diplomatic contacts.

Times are never naive: a :class:`When` is a moment known to lie between two UTC bounds, with the
zone and precision it was stated in; a :class:`Span` is something that lasted. Order between
imprecise times is three-valued (:class:`Truth`). :func:`resolve_phrase` reads the vague phrases
of reports ("the early hours of Tuesday") against a report's date and zone.

Actors, offices, places, sources and records (:class:`Call`, :class:`Claim`, …) are kept in an
append-only, bitemporal :class:`Ledger`; :func:`check` asks whether it hangs together and returns
:class:`Finding` objects that say why not.
"""

import importlib
from typing import TYPE_CHECKING, Any

from diplomacy_ledger._actors import Actor, ActorKind
from diplomacy_ledger._calendar import Precision
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
from diplomacy_ledger._ids import normalise_name
from diplomacy_ledger._kinds import KIND_NAMES, Record, kind_of
from diplomacy_ledger._ledger import Batch, Ledger
from diplomacy_ledger._offices import Office, Tenure
from diplomacy_ledger._order import Allen, Order, PointInterval, Truth
from diplomacy_ledger._places import Place
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
from diplomacy_ledger._version import __version__
from diplomacy_ledger._when import When
from diplomacy_ledger._zones import Disambiguation, available_zones, resolve_zone

if TYPE_CHECKING:  # what is loaded on first use, spelled out for type checkers
    from diplomacy_ledger._allen import (
        AllenConflict,
        AllenConstraint,
        AllenNetwork,
    )
    from diplomacy_ledger._allen import (
        compose as compose_allen,
    )
    from diplomacy_ledger._check_references import dangling_references
    from diplomacy_ledger._checks import BUILTIN_CHECKS, Check, Checker, check
    from diplomacy_ledger._codes import EventCode, event_code, event_codes
    from diplomacy_ledger._format import SCHEMA_VERSION, FormatError
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
    from diplomacy_ledger._phrases import DayParts, DecadeParts, Tense, resolve_phrase
    from diplomacy_ledger._plover import plover_records
    from diplomacy_ledger._sqlite_store import SqliteBatch, SqliteStore
    from diplomacy_ledger._stn import (
        NegativeCycle,
        Propagation,
        SimpleTemporalNetwork,
        TemporalConstraint,
    )
    from diplomacy_ledger._stores import Store, copy_entries, open_store
    from diplomacy_ledger._svg import timeline_svg

# Checks, files and stores, phrases, codes and pictures are imported on first use (PEP 562), so
# that ``import diplomacy_ledger`` costs little more than the time and record model it needs
# (cattrs, for one, is only imported to read or write a file).
_LAZY: dict[str, tuple[str, str]] = {
    "AllenConflict": ("diplomacy_ledger._allen", "AllenConflict"),
    "AllenConstraint": ("diplomacy_ledger._allen", "AllenConstraint"),
    "AllenNetwork": ("diplomacy_ledger._allen", "AllenNetwork"),
    "BUILTIN_CHECKS": ("diplomacy_ledger._checks", "BUILTIN_CHECKS"),
    "Check": ("diplomacy_ledger._checks", "Check"),
    "Checker": ("diplomacy_ledger._checks", "Checker"),
    "Damage": ("diplomacy_ledger._jsonl_store", "Damage"),
    "DayParts": ("diplomacy_ledger._phrases", "DayParts"),
    "DecadeParts": ("diplomacy_ledger._phrases", "DecadeParts"),
    "EventCode": ("diplomacy_ledger._codes", "EventCode"),
    "FormatError": ("diplomacy_ledger._format", "FormatError"),
    "JsonlStore": ("diplomacy_ledger._jsonl_store", "JsonlStore"),
    "LoadResult": ("diplomacy_ledger._jsonl", "LoadResult"),
    "NegativeCycle": ("diplomacy_ledger._stn", "NegativeCycle"),
    "Propagation": ("diplomacy_ledger._stn", "Propagation"),
    "References": ("diplomacy_ledger._jsonl", "References"),
    "SCHEMA_VERSION": ("diplomacy_ledger._format", "SCHEMA_VERSION"),
    "SimpleTemporalNetwork": ("diplomacy_ledger._stn", "SimpleTemporalNetwork"),
    "SkippedLine": ("diplomacy_ledger._jsonl", "SkippedLine"),
    "SqliteBatch": ("diplomacy_ledger._sqlite_store", "SqliteBatch"),
    "SqliteStore": ("diplomacy_ledger._sqlite_store", "SqliteStore"),
    "Store": ("diplomacy_ledger._stores", "Store"),
    "TemporalConstraint": ("diplomacy_ledger._stn", "TemporalConstraint"),
    "Tense": ("diplomacy_ledger._phrases", "Tense"),
    "check": ("diplomacy_ledger._checks", "check"),
    "compose_allen": ("diplomacy_ledger._allen", "compose"),
    "copy_entries": ("diplomacy_ledger._stores", "copy_entries"),
    "dangling_references": ("diplomacy_ledger._check_references", "dangling_references"),
    "dump_jsonl": ("diplomacy_ledger._jsonl", "dump_jsonl"),
    "dumps_jsonl": ("diplomacy_ledger._jsonl", "dumps_jsonl"),
    "event_code": ("diplomacy_ledger._codes", "event_code"),
    "event_codes": ("diplomacy_ledger._codes", "event_codes"),
    "load_jsonl": ("diplomacy_ledger._jsonl", "load_jsonl"),
    "open_store": ("diplomacy_ledger._stores", "open_store"),
    "plover_records": ("diplomacy_ledger._plover", "plover_records"),
    "read_jsonl": ("diplomacy_ledger._jsonl", "read_jsonl"),
    "resolve_phrase": ("diplomacy_ledger._phrases", "resolve_phrase"),
    "timeline_svg": ("diplomacy_ledger._svg", "timeline_svg"),
}


def __getattr__(name: str) -> Any:
    try:
        module_name, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module_name), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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
