"""The GDELT 2.0 importer: events by CAMEO code, days anywhere on Earth, mentions as reports."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Claim,
    Hostility,
    ImportRowError,
    Ledger,
    Report,
    Source,
    Stance,
    When,
    event_code,
)
from diplomacy_ledger.importers import import_gdelt, import_gdelt_mentions

FIXTURES = Path(__file__).parent / "fixtures"
EVENTS = FIXTURES / "gdelt.export.CSV"
MENTIONS = FIXTURES / "gdelt.mentions.CSV"
T0 = datetime(2024, 1, 1, tzinfo=UTC)
T1 = datetime(2024, 1, 2, tzinfo=UTC)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
def imported() -> Ledger:
    ledger, _ = import_gdelt(EVENTS, recorded_at=T0, skip_bad_rows=True)
    return ledger


def test_an_accusation_between_states_keeps_its_cameo_code(imported: Ledger) -> None:
    claim = imported.record("gdelt:1000000001")
    assert isinstance(claim, Claim)
    assert claim.stance is Stance.ACCUSES
    armenia = imported.actor(claim.claimant)
    assert (armenia.name, armenia.kind, armenia.iso3) == ("ARMENIA", ActorKind.STATE, "ARM")
    assert imported.actor(claim.accused or "").name == "AZERBAIJAN"
    assert claim.cameo == "1123"
    source = imported.record(claim.provenance.source)
    assert isinstance(source, Source)
    assert source.url == "https://example.org/a1"
    assert source.retrieved is not None
    assert source.retrieved.earliest == utc("2022-09-13T04:15")  # DATEADDED, in UTC


def test_a_gdelt_day_is_that_day_anywhere_on_earth(imported: Ledger) -> None:
    # GDELT's geography is in FIPS codes, which the time zone database does not know.
    claim = imported.record("gdelt:1000000001")
    assert isinstance(claim, Claim)
    when = claim.when
    assert isinstance(when, When)
    assert (when.earliest, when.latest) == (
        utc("2022-09-12T10:00"),
        utc("2022-09-14T11:59:59.999999"),
    )
    assert when.text == "20220913"


def test_fighting_with_artillery_codes_back_to_194(imported: Ledger) -> None:
    fight = imported.record("gdelt:1000000002")
    assert isinstance(fight, Hostility)
    attacker = imported.actor(fight.attacker or "")
    assert (attacker.name, attacker.kind) == ("AZERBAIJAN (MIL)", ActorKind.ARMED_FORCES)
    assert imported.actor(fight.target or "").name == "ARMENIA (MIL)"
    coded = event_code(fight)
    assert coded is not None
    assert coded.cameo == "194"  # CAMEO 194, "Fight with artillery and tanks"


def test_a_telephone_discussion_is_a_call(imported: Ledger) -> None:
    call = imported.record("gdelt:1000000003")
    assert isinstance(call, Call)
    names = [imported.actor(p.actor).name for p in call.participants]
    assert names == ["RUSSIA (GOV)", "FRANCE (GOV)"]


def test_the_report_counts_codes_with_no_record_and_bad_rows() -> None:
    _, report = import_gdelt(EVENTS, recorded_at=T0, skip_bad_rows=True)
    assert (report.rows_read, report.records) == (6, 3)
    assert report.skipped == {
        "bad date": 1,
        "no counterpart: CAMEO 051": 1,
        "wrong number of columns": 1,
    }


def test_a_row_with_the_wrong_number_of_columns_is_refused() -> None:
    ledger = Ledger()
    with pytest.raises(ImportRowError) as raised:
        import_gdelt(EVENTS, into=ledger, recorded_at=T0)
    assert (raised.value.line, raised.value.column) == (5, "row")
    assert "expected 61 tab-separated columns, got 60" in str(raised.value)
    assert len(ledger) == 0


def test_states_match_the_ledgers_by_iso_code() -> None:
    ledger = Ledger()
    ledger.append(Actor("Armenia", ActorKind.STATE, iso3="ARM"), id="armenia", recorded_at=T0)
    import_gdelt(EVENTS, into=ledger, recorded_at=T0, skip_bad_rows=True)
    assert ledger.record("gdelt:1000000001").claimant == "armenia"  # type: ignore[union-attr]


def test_importing_twice_adds_nothing(imported: Ledger) -> None:
    before = list(imported)
    _, report = import_gdelt(EVENTS, into=imported, recorded_at=T1, skip_bad_rows=True)
    assert list(imported) == before
    assert report.unchanged == 3


def test_mentions_are_reports_of_the_one_event(imported: Ledger) -> None:
    _, report = import_gdelt_mentions(MENTIONS, into=imported, recorded_at=T0)
    assert report.records == 3
    assert report.skipped == {"mention of an event not in the ledger": 1}
    reports = [e.record for e in imported.mentioning("gdelt:1000000001")]
    assert all(isinstance(r, Report) and r.about == "gdelt:1000000001" for r in reports)
    assert sorted(imported.actor(r.reporter).name for r in reports) == [  # type: ignore[union-attr]
        "example.net",
        "example.org",
    ]
    (broadcast,) = imported.mentioning("gdelt:1000000003")
    assert isinstance(broadcast.record, Report)
    cited = imported.record(broadcast.record.provenance.source)
    assert isinstance(cited, Source)
    # MentionType 2, a citation only: no URL, the citation is the title
    assert (cited.url, cited.title) == (
        None,
        "Synthetic Broadcast: Synthetic Broadcast, evening news",
    )
    before = list(imported)
    _, again = import_gdelt_mentions(MENTIONS, into=imported, recorded_at=T1)
    assert list(imported) == before
    assert again.unchanged == 3
