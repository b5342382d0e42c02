"""The Wikidata importer: P39 statements as tenures, their precision, unknown ends, references."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from diplomacy_ledger import (
    Actor,
    ActorKind,
    ImportRowError,
    Ledger,
    Office,
    Precision,
    Source,
    Tenure,
    When,
)
from diplomacy_ledger.importers import import_wikidata

FIXTURES = Path(__file__).parent / "fixtures"
RESPONSE = FIXTURES / "wikidata.json"
DUMP = FIXTURES / "wikidata_dump.json"
T0 = datetime(2024, 1, 1, tzinfo=UTC)
T1 = datetime(2024, 1, 2, tzinfo=UTC)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def tenure(ledger: Ledger, id: str) -> Tenure:
    record = ledger.record(id)
    assert isinstance(record, Tenure)
    return record


@pytest.fixture
def imported() -> Ledger:
    ledger, _ = import_wikidata(RESPONSE, recorded_at=T0)
    return ledger


def test_the_person_keeps_its_qid_and_the_office_its_label(imported: Ledger) -> None:
    held = tenure(imported, "wikidata:Q900000001:A1")
    person = imported.actor(held.person)
    assert (person.name, person.kind, person.wikidata) == (
        "Delegate Orlova",
        ActorKind.PERSON,
        "Q900000001",
    )
    assert held.person == "wikidata:Q900000001"
    office = imported.record(held.office)
    assert isinstance(office, Office)
    assert office.title == "Envoy of Synthetica"  # the office's entity is in the file
    unlabelled = imported.record(tenure(imported, "wikidata:Q900000001:A2").office)
    assert unlabelled.title == "Q900000003"  # type: ignore[union-attr]


def test_precision_eleven_is_a_day_anywhere_on_earth(imported: Ledger) -> None:
    span = tenure(imported, "wikidata:Q900000001:A1").span
    assert (span.start.earliest, span.start.latest) == (
        utc("2012-05-06T10:00"),
        utc("2012-05-08T11:59:59.999999"),
    )
    assert span.end is not None
    assert span.end.precision is Precision.DAY
    assert span.start.text == "+2012-05-07T00:00:00Z"


def test_precision_nine_is_a_year_and_ten_a_month(imported: Ledger) -> None:
    year = tenure(imported, "wikidata:Q900000001:A2").span.start
    assert (year.precision, year.earliest, year.latest) == (
        Precision.YEAR,
        utc("2018-12-31T10:00"),
        utc("2020-01-01T11:59:59.999999"),
    )
    month = tenure(imported, "wikidata:Q900000001:A4").span.start
    assert (month.precision, month.earliest, month.latest) == (
        Precision.MONTH,
        utc("2020-04-30T10:00"),
        utc("2020-06-01T11:59:59.999999"),
    )


def test_an_unknown_end_is_no_end(imported: Ledger) -> None:
    span = tenure(imported, "wikidata:Q900000001:A2").span  # P582 "somevalue"
    assert span.end is None
    assert span.ongoing_as_of is None
    assert span.is_open


def test_references_are_the_provenance(imported: Ledger) -> None:
    held = tenure(imported, "wikidata:Q900000001:A1")
    assert held.provenance is not None
    source = imported.record(held.provenance.source)
    assert isinstance(source, Source)
    assert source.url == "https://example.org/appointment"
    unreferenced = tenure(imported, "wikidata:Q900000001:A2").provenance
    assert unreferenced is not None
    assert imported.record(unreferenced.source).title == "Wikidata"  # type: ignore[union-attr]


def test_deprecated_and_startless_statements_are_skipped_and_counted() -> None:
    ledger, report = import_wikidata(RESPONSE, recorded_at=T0)
    assert report.records == 3
    assert report.skipped == {
        "deprecated statement": 1,
        "no position held (P39)": 1,  # the office's own entity
        "tenure with no start": 1,
    }
    assert "wikidata:Q900000001:A3" not in ledger


def test_the_holder_at_a_time(imported: Ledger) -> None:
    held = tenure(imported, "wikidata:Q900000001:A1")
    during = When.day("2015-01-01", zone="UTC")
    assert [entry.id for entry, _ in imported.holders(held.office, during)] == [
        "wikidata:Q900000001:A1"
    ]


def test_a_person_the_ledger_holds_is_matched_by_qid() -> None:
    ledger = Ledger()
    ledger.append(
        Actor("D. Orlova", ActorKind.PERSON, wikidata="Q900000001"), id="orlova", recorded_at=T0
    )
    _, report = import_wikidata(RESPONSE, into=ledger, recorded_at=T0)
    assert tenure(ledger, "wikidata:Q900000001:A1").person == "orlova"
    assert report.actors_matched == ("orlova",)


def test_importing_twice_adds_nothing(imported: Ledger) -> None:
    before = list(imported)
    _, report = import_wikidata(RESPONSE, into=imported, recorded_at=T1)
    assert list(imported) == before
    assert report.unchanged == 3


def test_a_dump_is_read_line_by_line_and_a_bad_precision_names_its_qualifier() -> None:
    with pytest.raises(ImportRowError) as raised:
        import_wikidata(DUMP, recorded_at=T0)
    assert raised.value.line == 3
    assert raised.value.column == "Q900000001.claims.P39[0].qualifiers.P580"
    _, report = import_wikidata(DUMP, recorded_at=T0, skip_bad_rows=True)
    assert report.skipped["bad date"] == 1
