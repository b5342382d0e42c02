"""The kinds of record a ledger holds, their stable names, and what each one points at."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Final, Literal, NamedTuple

import attrs

from diplomacy_ledger.model._actors import Actor
from diplomacy_ledger.model._offices import Office, Tenure
from diplomacy_ledger.model._places import Place
from diplomacy_ledger.model._provenance import Source
from diplomacy_ledger.model._records import (
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
from diplomacy_ledger.time import Span, When

__all__ = [
    "KIND_NAMES",
    "Record",
    "Reference",
    "Target",
    "kind_of",
    "reference_targets",
    "references",
    "time_bounds",
    "whens_in",
]

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
    Report: "report",
    SameEvent: "same_event",
    Retraction: "retraction",
}
"""The stable name of each kind: used in files and queries; renaming a class never changes it."""

RefKind = Literal["actor", "place", "office", "source", "entry"]


class Reference(NamedTuple):
    """One id a record points at: the field path, what it must name, and the id."""

    path: str
    kind: RefKind
    id: str


def kind_of(record: Record) -> str:
    """The stable kind name of a record (``"call"``, ``"claim"``, …)."""
    return KIND_NAMES[type(record)]


def references(record: attrs.AttrsInstance, prefix: str = "") -> Iterator[Reference]:
    """Every id the record points at, with the path of the field that holds it."""
    for name, kind in _reference_plan(type(record)):
        value = getattr(record, name)
        if value is None:
            continue
        path = f"{prefix}{name}"
        if kind is not None:
            if type(value) is tuple:
                for index, item in enumerate(value):
                    yield Reference(f"{path}[{index}]", kind, item)
            else:
                yield Reference(path, kind, value)
        elif type(value) is tuple:
            for index, item in enumerate(value):
                yield from references(item, f"{path}[{index}].")
        else:
            yield from references(value, f"{path}.")


Target = tuple[RefKind, str, bool]
"""A reference without its path: the kind of id, the id, and whether it is in provenance."""


def reference_targets(record: attrs.AttrsInstance) -> list[Target]:
    """What :func:`references` finds, without paths: (kind, id, whether it is in provenance).

    The ledger checks and indexes every append with it; paths are only worked out (with
    :func:`references`) to explain a refusal.
    """
    found: list[Target] = []
    for name, kind in _reference_plan(type(record)):
        value = getattr(record, name)
        if value is None:
            continue
        if kind is not None:
            if type(value) is tuple:
                found += [(kind, item, False) for item in value]
            else:
                found.append((kind, value, False))
            continue
        in_provenance = name == "provenance"
        for nested in value if type(value) is tuple else (value,):
            nested_type: type = type(nested)
            for inner_name, inner_kind in _reference_plan(nested_type):
                inner = getattr(nested, inner_name)
                if inner is None or inner_kind is None:  # no deeper nesting exists
                    continue
                if type(inner) is tuple:
                    found += [(inner_kind, item, in_provenance) for item in inner]
                else:
                    found.append((inner_kind, inner, in_provenance))
    return found


def _annotation(field: attrs.Attribute[object]) -> str:
    """The field's annotation as written (a string, as the modules defer annotations)."""
    return str(field.type)


@functools.cache
def _reference_plan(cls: type) -> tuple[tuple[str, RefKind | None], ...]:
    """The fields of ``cls`` to visit for references, each with the kind of id it holds.

    A field with ``metadata={"ref": kind}`` holds ids; a field typed with :class:`Provenance`
    or ``Participant`` holds records whose own fields hold ids (None for the kind). Worked out
    once per class: reading the attrs metadata for every entry would cost more than the walk.
    """
    plan: list[tuple[str, RefKind | None]] = []
    for field in attrs.fields(cls):
        kind = field.metadata.get("ref")
        if kind is not None:
            plan.append((field.name, kind))
        elif re.search(r"\b(Provenance|Participant)\b", _annotation(field)):
            plan.append((field.name, None))
    return tuple(plan)


def time_bounds(record: Record) -> tuple[datetime, datetime] | None:
    """The earliest and latest instant the record's event time may touch, or None."""
    moment = record.time
    if moment is None:
        return None
    if isinstance(moment, When):
        return moment.earliest, moment.latest
    assert isinstance(moment, Span)
    return moment.start.earliest, moment.end_bounds[1]


def whens_in(value: object) -> Iterator[When]:
    """Every When inside a record, Spans' ends included."""
    if isinstance(value, When):
        yield value
    elif isinstance(value, Span):
        yield from (w for w in (value.start, value.end, value.ongoing_as_of) if w is not None)
    elif isinstance(value, tuple):
        for item in value:
            yield from whens_in(item)
    elif attrs.has(cls := type(value)):
        for name in _when_plan(cls):
            moment = getattr(value, name)
            if type(moment) is When:
                yield moment  # the common case, without a nested generator
            elif moment is not None:
                yield from whens_in(moment)


_WHEN_PLANS: Final[dict[type, tuple[str, ...]]] = {}


def _when_plan(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` typed to hold a When or a Span (no nested record holds one)."""
    plan = _WHEN_PLANS.get(cls)
    if plan is None:
        fields = attrs.fields(cls)
        plan = tuple(f.name for f in fields if re.search(r"\b(When|Span)\b", _annotation(f)))
        _WHEN_PLANS[cls] = plan
    return plan
