"""Helpers shared by the tests that ask questions of the seed ledger."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TypeVar

from diplomacy_ledger import Ledger

R = TypeVar("R")


def record(ledger: Ledger, id: str, kind: type[R]) -> R:
    """The current record of ``id``, which must be of ``kind``."""
    found = ledger.record(id)
    assert isinstance(found, kind), (id, found)
    return found


def utc(text: str) -> datetime:
    """An instant in UTC, from ISO text ending in Z."""
    moment = datetime.fromisoformat(text)
    assert moment.utcoffset() == timedelta(0)
    return moment
