"""The ICEWS importer: ids with their dates, repeated rows, CAMEO codes, the zones of a day."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from diplomacy_ledger import (
    ActorKind,
    Call,
    Hostility,
    ImportRowError,
    Ledger,
    Meeting,
    Source,
)
from diplomacy_ledger.importers import import_icews

ICEWS = Path(__file__).parent / "fixtures" / "icews.tab"
T0 = datetime(2024, 1, 1, tzinfo=UTC)
T1 = datetime(2024, 1, 2, tzinfo=UTC)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
def imported() -> Ledger:
    ledger, _ = import_icews(ICEWS, recorded_at=T0, skip_bad_rows=True)
    return ledger


def test_a_visit_to_russia_is_a_meeting_on_a_day_in_every_russian_zone(imported: Ledger) -> None:
    visit = imported.record("icews:9001:2018-05-08")
    assert isinstance(visit, Meeting)
    assert visit.host is not None
    host = imported.actor(visit.host.actor)
    assert (host.name, host.kind) == ("Russian Federation", ActorKind.STATE)
    assert [imported.actor(v.actor).name for v in visit.visitors] == ["Armenia"]
    # 8 May 2018 from Kamchatka (UTC+12) to Kaliningrad (UTC+2)
    assert (visit.when.earliest, visit.when.latest) == (  # type: ignore[union-attr]
        utc("2018-05-07T12:00"),
        utc("2018-05-08T21:59:59.999999"),
    )
    source = imported.record(visit.provenance.source)
    assert isinstance(source, Source)
    assert source.title == "ICEWS story 100"
    # "Event Text" names the CAMEO code: it is no quote of the story, which ICEWS does not give
    assert visit.provenance.quote is None
    assert visit.summary is not None
    assert "CAMEO 042 (Make a visit); sentence 1 of the story" in visit.summary


def test_an_event_id_is_unique_only_with_its_date(imported: Ledger) -> None:
    call = imported.record("icews:9001:2018-05-09")
    assert isinstance(call, Call)
    assert [imported.actor(p.actor).name for p in call.participants] == [
        "Delegate Orlova",
        "Delegate Brandt",
    ]


def test_a_hostility_and_the_kinds_of_its_sides(imported: Ledger) -> None:
    fight = imported.record("icews:9002:2018-05-09")
    assert isinstance(fight, Hostility)
    assert imported.actor(fight.attacker or "").kind is ActorKind.COLLECTIVE
    assert imported.actor(fight.target or "").kind is ActorKind.ARMED_FORCES


def test_a_repeated_row_is_unchanged_and_the_rest_is_counted() -> None:
    _, report = import_icews(ICEWS, recorded_at=T0, skip_bad_rows=True)
    assert (report.rows_read, report.records, report.unchanged) == (6, 3, 1)
    assert report.skipped == {"bad date": 1, "no counterpart: CAMEO 051": 1}


def test_a_bad_date_is_refused_with_its_line() -> None:
    with pytest.raises(ImportRowError) as raised:
        import_icews(ICEWS, recorded_at=T0)
    assert (raised.value.line, raised.value.column, raised.value.value) == (
        7,
        "Event Date",
        "2018-02-30",
    )


def test_importing_twice_adds_nothing(imported: Ledger) -> None:
    before = list(imported)
    _, report = import_icews(ICEWS, into=imported, recorded_at=T1, skip_bad_rows=True)
    assert list(imported) == before
    assert report.unchanged == 4
