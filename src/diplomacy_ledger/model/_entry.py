"""Ledger entries: a record, its id, and when the ledger learned it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import attrs

from diplomacy_ledger._errors import InvalidValueError, RecordTimeError
from diplomacy_ledger.model._ids import valid_id
from diplomacy_ledger.model._kinds import KIND_NAMES, Record, kind_of
from diplomacy_ledger.time import format_utc_instant, parse_utc_instant, to_utc

__all__ = ["Clock", "Entry", "record_time", "system_clock"]

Clock = Callable[[], datetime]
"""A function that returns the current record time as an aware datetime."""


def system_clock() -> datetime:
    """The machine's clock, in UTC. Pass it as ``Ledger(clock=system_clock)`` to opt in.

    The library never reads the clock unless you hand it one.
    """
    return datetime.now(UTC)


def record_time(recorded_at: datetime | str | None, clock: Clock | None, *, owner: str) -> datetime:
    """The record time of a new entry: ``recorded_at`` if given, else the ``clock``'s reading.

    ``recorded_at`` is an aware datetime or RFC 3339 text with an offset
    (``"2022-09-13T02:00:00Z"``).

    With neither, :class:`RecordTimeError`: the library never reads the machine's clock itself.
    ``owner`` names what was created without a clock ("the Ledger", "the store").
    """
    if recorded_at is not None:
        return _recorded_at(recorded_at, where="recorded_at")
    if clock is None:
        raise RecordTimeError(
            f"no record time: pass recorded_at= or create {owner} with a clock "
            "(the library never reads the machine's clock on its own)"
        )
    return to_utc(clock(), where="clock()")


def _recorded_at(value: datetime | str, where: str = "Entry.recorded_at") -> datetime:
    if isinstance(value, str):
        return parse_utc_instant(value, where=where)
    return to_utc(value, where=where)


def _record(instance: object, attribute: Any, value: Any) -> None:
    if type(value) not in KIND_NAMES:
        raise InvalidValueError(
            f"{type(value).__name__} is not a record type; expected one of "
            f"{', '.join(sorted(cls.__name__ for cls in KIND_NAMES))}",
            where="Entry.record",
        )


@attrs.frozen
class Entry:
    """One line of the ledger: an id, the record, and its record time.

    ``recorded_at`` is when the ledger learned the record (record time), not when the event
    happened (the record's own event time): an aware datetime, or RFC 3339 text with an offset.
    ``supersedes`` names the entry this one corrects.

    >>> from diplomacy_ledger import Actor, ActorKind
    >>> Entry("armenia", "2022-09-13T02:00:00Z", Actor("Armenia", ActorKind.STATE))
    Entry('armenia', '2022-09-13T02:00:00Z', Actor('Armenia', ActorKind.STATE))
    """

    id: str = attrs.field(validator=valid_id)
    recorded_at: datetime = attrs.field(converter=_recorded_at)
    record: Record = attrs.field(validator=_record)
    supersedes: str | None = attrs.field(default=None, validator=valid_id, kw_only=True)

    def __repr__(self) -> str:
        parts = [repr(self.id), repr(format_utc_instant(self.recorded_at)), repr(self.record)]
        if self.supersedes is not None:
            parts.append(f"supersedes={self.supersedes!r}")
        return f"Entry({', '.join(parts)})"

    @property
    def kind(self) -> str:
        """The stable kind name of the record (``"call"``, ``"claim"``, ``"actor"``, …)."""
        return kind_of(self.record)
