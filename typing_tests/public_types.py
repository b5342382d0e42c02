"""Pins the types users see for the public API. Checked by mypy (``mypy --strict``), never run."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, assert_type

import diplomacy_ledger as dl
from diplomacy_ledger import (
    Allen,
    LedgerError,
    Order,
    PointInterval,
    Precision,
    RepeatedTimeError,
    SkippedTimeError,
    Span,
    Truth,
    When,
)

moment = datetime(2022, 9, 12, 22, 30, tzinfo=UTC)

assert_type(When.instant(moment), When)
assert_type(When.local("2022-09-13 02:30", zone="Asia/Yerevan"), When)
assert_type(When.local("2022-09-13 02:30", zone="Asia/Yerevan", disambiguation="later"), When)
assert_type(When.day("2022-09-13", zone="Asia/Yerevan"), When)
assert_type(When.month(2020, 9), When)
assert_type(When.year(1991), When)
assert_type(When.parse("2022-09-13T02:30+04:00[Asia/Yerevan]"), When)
assert_type(When.between(When.year(1990), When.year(1994)), When)

when = When.parse("2020-09")
assert_type(when.earliest, datetime)
assert_type(when.latest, datetime)
assert_type(when.precision, Precision)
assert_type(when.zone, str | None)
assert_type(when.text, str | None)
assert_type(when.is_exact, bool)
assert_type(when.local_bounds("Europe/Paris"), tuple[datetime, datetime])
assert_type(when.to_zone("Europe/Paris"), When)
assert_type(when.order(when), Order)
assert_type(when.before(when), Truth)
assert_type(when.before(when).definitely, bool)
assert_type(when.before(when).possibly, bool)

span = Span(when, When.year(2021))
assert_type(span.start, When)
assert_type(span.end, When | None)
assert_type(span.ongoing_as_of, When | None)
assert_type(Span.ongoing(when, as_of=moment), Span)
assert_type(span.allen(span), Allen)
assert_type(span.allen(span).holds(Allen.BEFORE | Allen.MEETS), Truth)
assert_type(span.allen(span).converse(), Allen)
assert_type(span.locate(when), PointInterval)
assert_type(span.contains(when), Truth)
assert_type(when.within(span), Truth)

policy: dl.Disambiguation = "compatible"
When.local("2022-10-30 02:30", zone="Europe/Paris", disambiguation=policy)
When.local("2022-10-30 02:30", zone="Europe/Paris", disambiguation="nearest")  # type: ignore[arg-type]

error: LedgerError = SkippedTimeError("x", wall="2022-03-27 02:30", zone="Europe/Paris")
value_error: ValueError = RepeatedTimeError("x", wall="2022-10-30 02:30", zone="Europe/Paris")
assert_type(dl.available_zones(), frozenset[str])
assert_type(dl.resolve_zone("EDT", aliases={"EDT": "America/New_York"}), str)
assert_type(dl.__version__, str)

# -- the ledger ----------------------------------------------------------------------------------
from diplomacy_ledger import (  # noqa: E402
    Actor,
    ActorKind,
    Batch,
    Call,
    Entry,
    Ledger,
    Provenance,
    Record,
    Tenure,
)

ledger = Ledger()
entry = ledger.append(Actor("Armenia", ActorKind.STATE), id="armenia", recorded_at=moment)
assert_type(entry, Entry)
assert_type(entry.record, Record)
assert_type(entry.kind, str)
assert_type(ledger.current("armenia"), Entry | None)
assert_type(ledger.record("armenia"), Record)
assert_type(ledger.get("armenia"), Record | None)
assert_type(ledger.history("armenia"), tuple[Entry, ...])
assert_type(ledger.as_of(moment), Ledger)
assert_type(ledger.resolve_actor("Armenia"), str)
assert_type(ledger.actor("Armenia"), Actor)
assert_type(ledger.lineage("Armenia"), tuple[str, ...])
assert_type(ledger.by_actor("Armenia"), list[Entry])
assert_type(ledger.by_kind(Call), list[Entry])
assert_type(ledger.within(when), list[Entry])
assert_type(ledger.within(span, certainty="definitely"), list[Entry])
assert_type(ledger.holders("pm", when), list[tuple[Entry, Truth]])
assert_type(ledger.last_recorded, datetime | None)
ledger.within(when, certainty="surely")  # type: ignore[arg-type]
with ledger.batch() as batch:
    assert_type(batch, Batch)
call = Call(["a", "b"], when, Provenance("src"))
assert_type(call.actors, tuple[str, ...])
assert_type(call.time, When | Span)
assert_type(Tenure("p", "o", span).time, Span)


# Both stores are Stores (a Protocol), and what open_store returns is one.
def _stores(path: str) -> None:
    jsonl: dl.Store = dl.JsonlStore(path)
    sqlite: dl.Store = dl.SqliteStore(path)
    assert_type(dl.open_store(path), dl.Store)
    assert_type(sqlite.batch().__enter__(), dl.Batch)
    assert_type(jsonl.ledger(), dl.Ledger)


# One word for certainty: a Truth that holds says which.
assert_type(Truth.POSSIBLY.certainty, dl.Certainty | None)
assert_type(dl.FindingKind("contradiction"), dl.FindingKind)


# Importing: every importer gives the ledger and its report.
def _imports(path: str) -> None:
    from diplomacy_ledger.importers import import_acled, import_contacts_csv  # noqa: PLC0415

    ledger, report = dl.import_file(path, format="acled", into=path, skip_bad_rows=True)
    assert_type(ledger, dl.Ledger)
    assert_type(report, dl.ImportReport)
    assert_type(report.skipped_rows, int)
    assert_type(report.to_dict(), dict[str, Any])
    assert_type(import_acled(path), tuple[dl.Ledger, dl.ImportReport])
    assert_type(import_contacts_csv(path, into=ledger, recorded_at=moment)[0], dl.Ledger)
    assert_type(
        dl.ImportRowError("m", file=path, line=1, column="c", value="v", reason="r").line, int
    )
