"""The POLECAT importer: tab-separated releases read as PLOVER events."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from diplomacy_ledger import ActorKind, Call, Hostility, ImportRowError, Ledger, Source
from diplomacy_ledger.importers import import_polecat

POLECAT = Path(__file__).parent / "fixtures" / "polecat.tsv"
T0 = datetime(2024, 1, 1, tzinfo=UTC)
T1 = datetime(2024, 1, 2, tzinfo=UTC)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
def imported() -> Ledger:
    ledger, _ = import_polecat(POLECAT, recorded_at=T0, skip_bad_rows=True)
    return ledger


def test_a_phone_consultation_between_titled_people_is_a_call(imported: Ledger) -> None:
    call = imported.record("polecat:E1")
    assert isinstance(call, Call)
    people = [imported.actor(p.actor) for p in call.participants]
    assert [(p.name, p.kind) for p in people] == [
        ("Delegate Orlova", ActorKind.PERSON),
        ("Delegate Brandt", ActorKind.PERSON),
    ]
    # a day in Armenia, UTC+4
    assert (call.when.earliest, call.when.latest) == (  # type: ignore[union-attr]
        utc("2023-01-02T20:00"),
        utc("2023-01-03T19:59:59.999999"),
    )
    source = imported.record(call.provenance.source)
    assert isinstance(source, Source)
    assert source.title == "POLECAT, release v1.0: a story from Synthetic Wire"
    assert source.published is not None
    # the publication's place is not given: that day anywhere on Earth
    assert (source.published.earliest, source.published.latest) == (
        utc("2023-01-02T10:00"),
        utc("2023-01-04T11:59:59.999999"),
    )


def test_an_assault_in_the_united_states_spans_every_us_zones_day(imported: Ledger) -> None:
    attack = imported.record("polecat:E2")
    assert isinstance(attack, Hostility)
    assert imported.actor(attack.attacker or "").name == "Unidentified gunmen"
    assert imported.actor(attack.target or "").name == "Civilians"
    assert attack.means == ("explosives",)
    # 4 January 2023: from New York (UTC-5) to Honolulu and Adak (UTC-10)
    start = attack.span.start
    assert (start.earliest, start.latest) == (
        utc("2023-01-04T05:00"),
        utc("2023-01-05T09:59:59.999999"),
    )


def test_the_report_counts_skipped_types_and_bad_rows() -> None:
    _, report = import_polecat(POLECAT, recorded_at=T0, skip_bad_rows=True)
    assert (report.rows_read, report.records) == (4, 2)
    assert report.skipped == {"bad date": 1, "no counterpart: PROTEST / demonstrate": 1}


def test_a_bad_row_is_refused_with_its_line_and_column() -> None:
    with pytest.raises(ImportRowError) as raised:
        import_polecat(POLECAT, recorded_at=T0)
    assert (raised.value.line, raised.value.column, raised.value.value) == (
        5,
        "Event Date",
        "2023-02-30",
    )


def test_importing_twice_adds_nothing(imported: Ledger) -> None:
    before = list(imported)
    _, report = import_polecat(POLECAT, into=imported, recorded_at=T1, skip_bad_rows=True)
    assert list(imported) == before
    assert report.unchanged == 2
