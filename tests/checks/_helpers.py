"""What the tests of the single checks share: a record time, and helpers to add and look."""

from __future__ import annotations

from datetime import UTC, datetime

from diplomacy_ledger import Entry, Ledger, Provenance, When, check

T = datetime(2022, 9, 13, 6, 0, tzinfo=UTC)


def y(wall: str) -> When:
    return When.local(wall, zone="Asia/Yerevan")


def src(*via: str) -> Provenance:
    return Provenance("article", via=via)


def add(ledger: Ledger, id: str, record: object) -> Entry:
    return ledger.append(record, id=id, recorded_at=T)  # type: ignore[arg-type]


def found(ledger: Ledger, kind: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.certainty, f.entries) for f in check(ledger, only=[kind])]


EARLY_HOURS = When.between(y("2022-09-13 00:00"), y("2022-09-13 05:59:59.999999"))
