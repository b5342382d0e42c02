"""The ACLED importer: fields, time precision and zones, skipped types, releases and deletions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from diplomacy_ledger import (
    ActorKind,
    Agreement,
    FormatError,
    Hostility,
    ImportRowError,
    Ledger,
    Place,
    Precision,
    Retraction,
    import_file,
)
from diplomacy_ledger.importers import import_acled, import_acled_deletions

FIXTURES = Path(__file__).parent / "fixtures"
RELEASE1 = FIXTURES / "acled_release1.csv"
RELEASE2 = FIXTURES / "acled_release2.csv"
DELETED = FIXTURES / "acled_deleted.csv"
BAD = FIXTURES / "acled_bad.csv"


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def unix(seconds: int) -> datetime:
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds)


def hostility(ledger: Ledger, id: str) -> Hostility:
    record = ledger.record(id)
    assert isinstance(record, Hostility)
    return record


@pytest.fixture
def release1() -> Ledger:
    ledger, _ = import_acled(RELEASE1)
    return ledger


def test_a_shelling_between_two_state_forces_on_a_day_in_armenia(release1: Ledger) -> None:
    shelling = hostility(release1, "acled:ARM9001")
    assert [release1.actor(side).name for side in shelling.between] == [
        "Military Forces of Azerbaijan (2003-)",
        "Military Forces of Armenia (2018-)",
    ]
    assert shelling.attacker is None  # ACLED's actor order implies no direction
    assert release1.actor(shelling.between[0]).kind is ActorKind.ARMED_FORCES
    assert shelling.means == ("Shelling/artillery/missile attack",)
    start = shelling.span.start
    # 13 September 2022 in Yerevan, UTC+4: from 20:00 UTC the day before
    assert (start.earliest, start.latest) == (
        utc("2022-09-12T20:00"),
        utc("2022-09-13T19:59:59.999999"),
    )
    assert (start.precision, start.zone) == (Precision.DAY, "Asia/Yerevan")
    assert start.text == "2022-09-13 (time_precision 1)"
    assert shelling.description is not None
    assert shelling.description.startswith("Synthetic row: shelling reported near Sotk.")
    assert "fatalities: 0" in shelling.description
    (place_id,) = shelling.places
    place = release1.record(place_id)
    assert isinstance(place, Place)
    assert (place.zone, place.region, place.coordinates) == (
        "Asia/Yerevan",
        "Gegharkunik",
        (40.2, 45.9),
    )


def test_the_timestamp_is_the_record_time(release1: Ledger) -> None:
    assert release1["acled:ARM9001"].recorded_at == unix(1663100000)
    assert release1["acled:ARM9005"].recorded_at == unix(1663500000)


def test_precision_two_is_the_week_around_the_date_in_every_zone_of_russia(
    release1: Ledger,
) -> None:
    # ACLED codes a week to its middle, "either Wednesday or Thursday": Wednesday 5 October 2022
    # may be the middle of the week from Monday the 3rd to Sunday the 9th, Thursday of the week
    # from Saturday 1 October: 1 to 9 October, which begins first in Kamchatka (UTC+12) and ends
    # last in Kaliningrad (UTC+2).
    start = hostility(release1, "acled:RUS9002").span.start
    assert (start.earliest, start.latest) == (
        utc("2022-09-30T12:00"),
        utc("2022-10-09T21:59:59.999999"),
    )
    assert start.zone is None


def test_precision_three_is_the_month_and_civilians_are_the_target(release1: Ledger) -> None:
    attack = hostility(release1, "acled:RUS9003")
    start = attack.span.start
    assert (start.earliest, start.latest) == (
        utc("2022-10-31T12:00"),
        utc("2022-11-30T21:59:59.999999"),
    )
    assert release1.actor(attack.attacker or "").name == "Unidentified Armed Group (Russia)"
    assert release1.actor(attack.target or "").name == "Civilians (Russia)"
    assert attack.places == ()  # Russia has many zones: a location alone gives none


def test_an_agreement_names_both_governments(release1: Ledger) -> None:
    agreement = release1.record("acled:ARM9005")
    assert isinstance(agreement, Agreement)
    names = [release1.actor(party).name for party in agreement.parties]
    assert names == ["Government of Armenia (2018-)", "Government of Azerbaijan (2003-)"]


def test_types_with_no_counterpart_are_skipped_and_counted() -> None:
    ledger, report = import_acled(RELEASE1)
    assert report.rows_read == 6
    assert report.records == 4
    assert report.skipped == {
        "no counterpart: Protests / Peaceful protest": 1,
        "no counterpart: Strategic developments / Arrests": 1,
    }
    assert "acled:USA9004" not in ledger
    assert "acled:ARM9006" not in ledger


def test_importing_a_release_twice_adds_nothing(release1: Ledger) -> None:
    before = list(release1)
    _, report = import_acled(RELEASE1, into=release1)
    assert list(release1) == before
    assert (report.records, report.corrections, report.unchanged) == (0, 0, 4)


def test_a_later_release_corrects_what_changed_and_nothing_else(release1: Ledger) -> None:
    _, report = import_acled(RELEASE2, into=release1)
    assert (report.records, report.corrections, report.unchanged) == (1, 1, 3)
    history = release1.history("acled:ARM9001")
    assert [entry.id for entry in history] == ["acled:ARM9001", "acled:ARM9001@1664000000"]
    assert history[1].supersedes == "acled:ARM9001"
    assert history[1].recorded_at == unix(1664000000)
    now = hostility(release1, "acled:ARM9001")
    assert now.description is not None
    assert "fatalities: 2" in now.description
    before = hostility(release1.as_of(unix(1664000000 - 1)), "acled:ARM9001")
    assert before.description is not None
    assert "fatalities: 0" in before.description
    assert len(release1.history("acled:RUS9002")) == 1
    assert "acled:ARM9007" in release1


def test_a_deletion_is_a_retraction_and_as_of_still_shows_the_event(release1: Ledger) -> None:
    import_acled(RELEASE2, into=release1)
    _, report = import_acled_deletions(DELETED, into=release1)
    assert report.retractions == 1
    assert report.skipped == {"deleted event not in the ledger": 1}
    assert release1.current("acled:RUS9003") is None
    retraction = release1.history("acled:RUS9003")[-1]
    assert isinstance(retraction.record, Retraction)
    assert retraction.recorded_at == unix(1665000000)
    assert release1.as_of(unix(1665000000 - 1)).current("acled:RUS9003") is not None
    _, again = import_acled_deletions(DELETED, into=release1)
    assert (again.retractions, again.unchanged) == (0, 1)


def test_a_bad_row_names_its_place_and_nothing_is_imported() -> None:
    ledger = Ledger()
    with pytest.raises(ImportRowError) as raised:
        import_file(BAD, format="acled", into=ledger)
    assert str(raised.value).startswith(f"{BAD}:2: time_precision: ")
    assert raised.value.value == "4"
    assert len(ledger) == 0


def test_skipping_bad_rows_counts_them_by_reason() -> None:
    ledger, report = import_acled(BAD, skip_bad_rows=True)
    assert report.skipped == {"bad date": 1, "bad time precision": 1}
    assert report.records == 1
    assert "acled:ARM9103" in ledger


def test_a_file_without_acled_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", "utf-8")
    with pytest.raises(FormatError, match="event_id_cnty"):
        import_acled(path)


def test_a_row_recorded_before_the_ledgers_latest_entry_is_refused(release1: Ledger) -> None:
    ledger = Ledger()
    ledger.append(Place("Elsewhere", zone="UTC"), id="x", recorded_at=unix(1700000000))
    with pytest.raises(ImportRowError, match="record times never go back"):
        import_acled(RELEASE1, into=ledger)


def test_an_earlier_release_imported_again_changes_nothing(release1: Ledger) -> None:
    import_acled(RELEASE2, into=release1)
    before = list(release1)
    _, report = import_acled(RELEASE1, into=release1)
    assert list(release1) == before
    assert (report.records, report.corrections, report.unchanged) == (0, 0, 3)
    assert report.skipped["older than the version the ledger holds"] == 1  # ARM9001
