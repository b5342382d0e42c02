"""Small ledgers of calls for the contact tests: a cast of people, calls added by times."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Entry,
    Ledger,
    Provenance,
    SameEvent,
    Source,
    Status,
    When,
)

T = datetime(2022, 9, 13, 6, tzinfo=UTC)
BASE = datetime(2022, 9, 12, 12, tzinfo=UTC)
STEP = timedelta(minutes=15)
PEOPLE = ("pashinyan", "putin", "macron", "aliyev")


def cast() -> Ledger:
    ledger = Ledger()
    for person in PEOPLE:
        ledger.append(Actor(person.title(), ActorKind.PERSON), id=person, recorded_at=T)
    ledger.append(Source("an article"), id="article", recorded_at=T)
    return ledger


def at(low: int, high: int) -> When:
    """A When from BASE + low steps to BASE + high steps (exact when they are equal)."""
    if low == high:
        return When.instant(BASE + low * STEP)
    return When.between(BASE + low * STEP, BASE + high * STEP)


def call(ledger: Ledger, id: str, people: tuple[str, ...], when: When, **fields: object) -> Entry:
    record = Call(people, when, Provenance("article"), **fields)  # type: ignore[arg-type]
    return ledger.append(record, id=id, recorded_at=T)


def ledger_of(calls: list[tuple[tuple[str, ...], tuple[int, int]]]) -> Ledger:
    ledger = cast()
    for number, (people, (low, high)) in enumerate(calls):
        call(ledger, f"c{number}", people, at(low, high))
    return ledger


def entry_of(ledger: Ledger) -> list[Entry]:
    return list(ledger.by_kind(Call))


Readout = tuple[int, int, Status]
"""A readout of an event: from ``low`` to ``high`` steps after a base instant, and its status."""


def ledger_of_events(
    events: Sequence[tuple[tuple[str, ...], list[Readout]]], base: datetime = BASE
) -> Ledger:
    """Calls told by one or more readouts each, linked by SameEvent: event n's first is ``cn``."""
    ledger = cast()
    for number, (people, readouts) in enumerate(events):
        ids = []
        for index, (low, high, status) in enumerate(readouts):
            id = f"c{number}" if index == 0 else f"c{number}r{index}"
            moment = base + low * STEP
            when = When.instant(moment) if low == high else When.between(moment, base + high * STEP)
            call(ledger, id, people, when, status=status)
            ids.append(id)
        if len(ids) > 1:
            ledger.append(SameEvent(tuple(ids)), id=f"link{number}", recorded_at=T)
    return ledger


def placements(readouts: list[Readout]) -> set[int] | None:
    """The steps an event may have begun at, by the rule the docs state; None: no contact.

    No contact when none says it took place (a readout telling it as called off puts it in
    doubt: see :func:`in_doubt`). Otherwise the steps every readout that says it took place
    allows, or, when they share none, the steps any of them allows.
    """
    statuses = {status for _, _, status in readouts}
    if Status.OCCURRED not in statuses:
        return None
    allowed = [
        set(range(low, high + 1)) for low, high, status in readouts if status is Status.OCCURRED
    ]
    return set.intersection(*allowed) or set.union(*allowed)


def in_doubt(readouts: list[Readout]) -> bool:
    """Whether the event may not have taken place: a readout tells it as called off when it
    may have been held (its steps meet those of a readout telling it as held; called off at
    steps no such readout allows, it was put off)."""
    held = [(low, high) for low, high, status in readouts if status is Status.OCCURRED]
    return any(
        status is Status.CANCELLED and any(low <= end and start <= high for start, end in held)
        for low, high, status in readouts
    )


__all__ = [
    "BASE",
    "PEOPLE",
    "STEP",
    "Readout",
    "T",
    "at",
    "call",
    "cast",
    "entry_of",
    "in_doubt",
    "ledger_of",
    "ledger_of_events",
    "placements",
]
