"""What a record holds: one plan per record class of its ids, times and participants.

Each plan is read once from the class's attrs fields and their resolved types: a field whose
metadata says ``{"ref": kind}`` holds ids of that kind; a field whose type can hold an attrs
class of the model (a :class:`Provenance`, a :class:`Participant`) holds records whose own fields
hold ids; a field whose type can hold a :class:`When` or a :class:`Span` holds a time. Appends,
the checks, the file hooks and the strategies all ask these plans, so a new record class or field
is known everywhere once it is declared, with no list of classes to keep in step.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from datetime import datetime
from typing import Literal, NamedTuple

import attrs

from diplomacy_ledger.model._kinds import Record
from diplomacy_ledger.model._provenance import Provenance
from diplomacy_ledger.model._records import Participant, Status
from diplomacy_ledger.time import Span, When

__all__ = [
    "Plan",
    "RefKind",
    "Reference",
    "Target",
    "named_actors",
    "nested_classes",
    "participants",
    "plan_of",
    "reference_targets",
    "references",
    "status_of",
    "time_bounds",
    "whens_in",
]

RefKind = Literal["actor", "place", "office", "source", "entry", "agreement"]


class Reference(NamedTuple):
    """One id a record points at: the field path, what it must name, and the id."""

    path: str
    kind: RefKind
    id: str


Target = tuple[RefKind, str, bool]
"""A reference without its path: the kind of id, the id, and whether it is in provenance."""


@attrs.frozen
class Plan:
    """The fields of one attrs class, sorted by what they hold.

    ``refs``, in field order: ``(field, kind, False)`` for a field of ids of that kind (one, an
    optional one, or a tuple), ``(field, None, in_provenance)`` for a field of nested records
    whose own fields hold ids. ``times``: fields holding a When or Span. ``participants``: fields
    holding participants (also in ``refs``, as nested records). ``nested_times``: nested fields
    whose records hold times themselves (none of the model's do today). ``offices``: ``(office
    field, actor field)`` for an office field whose metadata names, by ``of``, the field of the
    actor who held it (a claim's ``office`` is its claimant's).
    """

    refs: tuple[tuple[str, RefKind | None, bool], ...]
    times: tuple[str, ...]
    participants: tuple[str, ...]
    nested_times: tuple[str, ...]
    offices: tuple[tuple[str, str], ...] = ()


_PLANS: dict[type, Plan] = {}


def plan_of(cls: type) -> Plan:
    """The plan of an attrs class, worked out once per class."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _read_plan(cls)
    return plan


def _read_plan(cls: type) -> Plan:
    hints = typing.get_type_hints(cls)
    refs: list[tuple[str, RefKind | None, bool]] = []
    times: list[str] = []
    held_participants: list[str] = []
    nested_times: list[str] = []
    offices: list[tuple[str, str]] = []
    for field in attrs.fields(cls):
        kind = field.metadata.get("ref")
        if kind is not None:
            refs.append((field.name, kind, False))
            if kind == "office" and "of" in field.metadata:
                offices.append((field.name, field.metadata["of"]))
            continue
        classes = _classes_in(hints[field.name])
        records = [held for held in classes if attrs.has(held) and held not in {When, Span}]
        if records:
            refs.append((field.name, None, Provenance in classes))
        if any(plan_of(held).times or plan_of(held).nested_times for held in records):
            nested_times.append(field.name)
        if classes & {When, Span}:
            times.append(field.name)
        if Participant in classes:
            held_participants.append(field.name)
    return Plan(
        tuple(refs), tuple(times), tuple(held_participants), tuple(nested_times), tuple(offices)
    )


def _classes_in(hint: object) -> frozenset[type]:
    """The classes a declared type names, looking into unions, optionals and tuples."""
    if isinstance(hint, type):
        return frozenset({hint})
    found: frozenset[type] = frozenset()
    for argument in typing.get_args(hint):
        found |= _classes_in(argument)
    return found


def nested_classes(cls: type) -> tuple[type, ...]:
    """The attrs classes that records of ``cls`` hold nested in their fields (not times)."""
    hints = typing.get_type_hints(cls)
    found: dict[type, None] = {}
    for name, kind, _ in plan_of(cls).refs:
        if kind is None:
            for held in sorted(_classes_in(hints[name]), key=lambda held: held.__qualname__):
                if attrs.has(held) and held not in {When, Span}:
                    found[held] = None
    return tuple(found)


def references(record: attrs.AttrsInstance, prefix: str = "") -> Iterator[Reference]:
    """Every id the record points at, with the path of the field that holds it."""
    for name, kind, _ in plan_of(type(record)).refs:
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


def reference_targets(record: attrs.AttrsInstance) -> list[Target]:
    """What :func:`references` finds, without paths: (kind, id, whether it is in provenance).

    The ledger checks and indexes every append with it; paths are only worked out (with
    :func:`references`) to explain a refusal. Nested records hold ids only, one level deep.
    """
    found: list[Target] = []
    for name, kind, in_provenance in plan_of(type(record)).refs:
        value = getattr(record, name)
        if value is None:
            continue
        if kind is not None:
            if type(value) is tuple:
                found += [(kind, item, False) for item in value]
            else:
                found.append((kind, value, False))
            continue
        for nested in value if type(value) is tuple else (value,):
            for inner_name, inner_kind, _ in plan_of(type(nested)).refs:
                inner = getattr(nested, inner_name)
                if inner is None or inner_kind is None:  # no deeper nesting exists
                    continue
                if type(inner) is tuple:
                    found += [(inner_kind, item, in_provenance) for item in inner]
                else:
                    found.append((inner_kind, inner, in_provenance))
    return found


def named_actors(record: attrs.AttrsInstance) -> Iterator[str]:
    """The actor ids the record names, provenance left out.

    The attribution chain names who relayed the record, not who took part in it.
    """
    for kind, target, in_provenance in reference_targets(record):
        if kind == "actor" and not in_provenance:
            yield target


def participants(record: attrs.AttrsInstance) -> list[Participant]:
    """The participants a record names (a call's, a meeting's host and visitors, a speaker).

    An actor named with an office in a pair of fields (a claim's claimant and ``office``) counts
    as a participant in that office.
    """
    plan = plan_of(type(record))
    found: list[Participant] = []
    for name in plan.participants:
        value = getattr(record, name)
        if type(value) is tuple:
            found += value
        elif value is not None:
            found.append(value)
    for office_field, actor_field in plan.offices:
        office = getattr(record, office_field)
        if office is not None:
            found.append(Participant(getattr(record, actor_field), office=office))
    return found


def status_of(record: object) -> Status:
    """Whether the record's event took place, was planned, or was called off.

    Records of kinds with no ``status`` (a claim, a tenure) tell of what took place.
    """
    status = getattr(record, "status", Status.OCCURRED)
    assert isinstance(status, Status)
    return status


def time_bounds(record: Record) -> tuple[datetime, datetime] | None:
    """The earliest and latest instant the record's event time may touch, or None."""
    moment = record.time
    if moment is None:
        return None
    if type(moment) is When:
        return moment.earliest, moment.latest
    assert isinstance(moment, Span)
    return moment.start.earliest, moment.end_bounds[1]


def whens_in(value: object) -> Iterator[When]:
    """Every When inside a value (a record, a Span, a tuple of them), Spans' ends included."""
    if type(value) is When:
        yield value
    elif isinstance(value, Span):
        yield from (w for w in (value.start, value.end, value.ongoing_as_of) if w is not None)
    elif isinstance(value, tuple):
        for item in value:
            yield from whens_in(item)
    elif attrs.has(type(value)):
        plan = plan_of(type(value))
        for name in plan.times:
            moment = getattr(value, name)
            if type(moment) is When:
                yield moment  # the common case, without a nested generator
            elif moment is not None:
                yield from whens_in(moment)
        for name in plan.nested_times:
            nested = getattr(value, name)
            if nested is not None:
                yield from whens_in(nested)
