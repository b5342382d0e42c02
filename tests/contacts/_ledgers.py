"""Small ledgers of calls for the contact tests: a cast of people, calls added by times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Entry,
    Ledger,
    Provenance,
    Source,
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


__all__ = ["BASE", "PEOPLE", "STEP", "T", "at", "call", "cast", "entry_of", "ledger_of"]
