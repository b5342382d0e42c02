"""The kinds of record a ledger holds, and their stable names.

What each kind holds (its ids, times and participants) is read from its fields by
:mod:`diplomacy_ledger.model._plan`.
"""

from __future__ import annotations

from typing import Final

from diplomacy_ledger.model._actors import Actor
from diplomacy_ledger.model._offices import Office, Tenure
from diplomacy_ledger.model._places import Place
from diplomacy_ledger.model._provenance import Source
from diplomacy_ledger.model._records import (
    Agreement,
    Call,
    Ceasefire,
    Claim,
    Hostility,
    Mediation,
    Meeting,
    Report,
    Retraction,
    SameEvent,
    Statement,
)

__all__ = ["KIND_NAMES", "Record", "kind_of"]

Record = (
    Actor
    | Office
    | Tenure
    | Place
    | Source
    | Call
    | Meeting
    | Statement
    | Claim
    | Mediation
    | Ceasefire
    | Hostility
    | Agreement
    | Report
    | SameEvent
    | Retraction
)
"""Anything a ledger entry can hold."""

KIND_NAMES: Final[dict[type[Record], str]] = {
    Actor: "actor",
    Office: "office",
    Tenure: "tenure",
    Place: "place",
    Source: "source",
    Call: "call",
    Meeting: "meeting",
    Statement: "statement",
    Claim: "claim",
    Mediation: "mediation",
    Ceasefire: "ceasefire",
    Hostility: "hostility",
    Agreement: "agreement",
    Report: "report",
    SameEvent: "same_event",
    Retraction: "retraction",
}
"""The stable name of each kind: used in files and queries; renaming a class never changes it."""


def kind_of(record: Record) -> str:
    """The stable kind name of a record (``"call"``, ``"claim"``, …)."""
    return KIND_NAMES[type(record)]
