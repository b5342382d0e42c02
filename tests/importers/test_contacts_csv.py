"""The contacts CSV importer: columns to records, honest dates, idempotence, bad rows."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    FormatError,
    ImportRowError,
    Ledger,
    Medium,
    Meeting,
    Place,
    Precision,
    Source,
    Status,
    import_file,
    open_store,
)
from diplomacy_ledger.importers import CONTACT_COLUMNS, import_contacts_csv

FIXTURES = Path(__file__).parent / "fixtures"
CONTACTS = FIXTURES / "contacts.csv"
BAD = FIXTURES / "contacts_bad.csv"
TEMPLATE = Path(__file__).parents[2] / "src/diplomacy_ledger/importers/contacts_template.csv"
T0 = datetime(2024, 1, 1, tzinfo=UTC)
T1 = datetime(2024, 1, 2, tzinfo=UTC)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def bounds(ledger: Ledger, id: str) -> tuple[datetime, datetime]:
    record = ledger.record(id)
    assert isinstance(record, Call | Meeting)
    when = record.when
    return when.earliest, when.latest  # type: ignore[union-attr]


@pytest.fixture
def imported() -> Ledger:
    ledger, _ = import_file(CONTACTS, format="contacts-csv", recorded_at=T0)
    return ledger


def test_columns_map_to_a_call_with_offices_and_its_source(imported: Ledger) -> None:
    call = imported.record("contacts:c1")
    assert isinstance(call, Call)
    assert call.medium is Medium.PHONE
    names = [imported.actor(p.actor).name for p in call.participants]
    assert names == ["Nikol Pashinyan", "Vladimir Putin"]
    office = call.participants[0].office
    assert office is not None
    assert imported.record(office).title == "Prime Minister of Armenia"  # type: ignore[union-attr]
    assert call.participants[1].office is None
    assert call.summary == "Told of shelling on the border"
    source = imported.record(call.provenance.source)
    assert isinstance(source, Source)
    assert (source.title, source.url) == ("Readout of the calls", "https://example.org/readout")
    assert source.outlet is not None
    assert imported.actor(source.outlet).kind is ActorKind.MEDIA


def test_vague_words_are_read_against_the_publication_in_the_rows_zone(imported: Ledger) -> None:
    # Tuesday 13 September 2022, 00:00-06:00 in Yerevan (UTC+4, no DST since 2012)
    assert bounds(imported, "contacts:c1") == (
        utc("2022-09-12T20:00"),
        utc("2022-09-13T01:59:59.999999"),
    )
    assert imported.record("contacts:c1").when.text == "early hours of Tuesday"  # type: ignore[union-attr]


def test_a_day_in_a_country_of_many_zones_is_the_union_of_its_days(imported: Ledger) -> None:
    # Russia: the day begins first in Kamchatka (UTC+12) and ends last in Kaliningrad (UTC+2)
    assert bounds(imported, "contacts:c2") == (
        utc("2022-09-12T12:00"),
        utc("2022-09-13T21:59:59.999999"),
    )
    # United States in January: New York (UTC-5) first, Honolulu and Adak (UTC-10) last
    assert bounds(imported, "contacts:c3") == (
        utc("2022-01-05T05:00"),
        utc("2022-01-06T09:59:59.999999"),
    )
    assert imported.record("contacts:c3").when.text == "2022-01-05"  # type: ignore[union-attr]


def test_a_day_with_no_zone_is_that_day_somewhere_on_earth_never_utc_midnight(
    imported: Ledger,
) -> None:
    earliest, latest = bounds(imported, "contacts:c4")
    assert (earliest, latest) == (utc("2022-01-04T10:00"), utc("2022-01-06T11:59:59.999999"))
    assert imported.record("contacts:c4").when.precision is Precision.DAY  # type: ignore[union-attr]


def test_a_meeting_with_a_host_at_a_new_place_in_a_one_zone_country(imported: Ledger) -> None:
    meeting = imported.record("contacts:c5")
    assert isinstance(meeting, Meeting)
    assert meeting.host is not None
    assert imported.actor(meeting.host.actor).name == "Envoy Kaur"
    assert [imported.actor(v.actor).name for v in meeting.visitors] == ["Delegate Orlova"]
    assert meeting.status is Status.PLANNED
    assert meeting.place is not None
    place = imported.record(meeting.place)
    assert isinstance(place, Place)
    assert place.zone == "Europe/Zurich"
    # 15:00 in Zurich on 10 March 2022 is CET, UTC+1
    assert bounds(imported, "contacts:c5") == (utc("2022-03-10T14:00"), utc("2022-03-10T14:00"))


def test_a_video_call_keeps_its_medium(imported: Ledger) -> None:
    assert imported.record("contacts:c2").medium is Medium.VIDEO  # type: ignore[union-attr]


def test_the_report_counts_rows_records_and_actors() -> None:
    _, report = import_file(CONTACTS, format="contacts-csv", recorded_at=T0)
    assert (report.rows_read, report.records, report.skipped_rows) == (5, 5, 0)
    assert len(report.actors_created) == 6  # the outlet, Pashinyan, Putin, Orlova, Brandt, Kaur
    assert report.to_dict()["records"] == 5


def test_importing_twice_adds_nothing(imported: Ledger) -> None:
    before = list(imported)
    _, report = import_file(CONTACTS, format="contacts-csv", into=imported, recorded_at=T1)
    assert list(imported) == before
    assert (report.records, report.unchanged, report.actors_created) == (0, 5, ())
    assert len(report.actors_matched) == 6


def test_names_match_actors_the_ledger_already_holds() -> None:
    ledger = Ledger()
    ledger.append(
        Actor("Vladimir Putin", ActorKind.PERSON, aliases=("Putin",)), id="putin", recorded_at=T0
    )
    import_contacts_csv(CONTACTS, into=ledger, recorded_at=T0)
    call = ledger.record("contacts:c1")
    assert isinstance(call, Call)
    assert call.participants[1].actor == "putin"


def test_a_changed_row_supersedes_its_earlier_version(imported: Ledger, tmp_path: Path) -> None:
    changed = tmp_path / "contacts.csv"
    changed.write_text(
        CONTACTS.read_text("utf-8").replace("Told of shelling", "Told of the shelling"), "utf-8"
    )
    _, report = import_contacts_csv(changed, into=imported, recorded_at=T1)
    assert (report.corrections, report.unchanged) == (1, 4)
    assert imported.record("contacts:c1").summary == "Told of the shelling on the border"  # type: ignore[union-attr]
    assert imported.as_of(T0).record("contacts:c1").summary == "Told of shelling on the border"  # type: ignore[union-attr]


def test_a_bad_row_names_file_line_column_and_value_and_nothing_is_imported() -> None:
    ledger = Ledger()
    with pytest.raises(ImportRowError) as raised:
        import_contacts_csv(BAD, into=ledger, recorded_at=T0)
    error = raised.value
    assert (error.line, error.column, error.value) == (3, "date", "sometime soonish")
    assert str(error).startswith(f"{BAD}:3: date: ")
    assert "'sometime soonish'" in str(error)
    assert len(ledger) == 0


def test_skipping_bad_rows_counts_them_by_reason_and_keeps_nothing_of_them() -> None:
    ledger, report = import_contacts_csv(BAD, skip_bad_rows=True, recorded_at=T0)
    assert report.rows_read == 3
    assert report.records == 1
    assert report.skipped == {"bad mode": 1, "unknown phrase": 1}
    names = {entry.record.name for entry in ledger.by_kind(Actor)}  # type: ignore[union-attr]
    assert names == {"Delegate Orlova", "Delegate Brandt"}  # not the bad row's Envoy Nobody


def test_a_long_bad_value_is_cut_short_in_the_message(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(f"id,participants,date\nx,A; B,{'z' * 500}\n", "utf-8")
    with pytest.raises(ImportRowError) as raised:
        import_contacts_csv(path, recorded_at=T0)
    assert len(str(raised.value)) < 400
    assert raised.value.value == "z" * 500


def test_an_unknown_column_is_refused_not_ignored(tmp_path: Path) -> None:
    path = tmp_path / "typo.csv"
    path.write_text("id,participants,date,zoen\nx,A; B,2022-01-01,UTC\n", "utf-8")
    with pytest.raises(FormatError, match="zoen"):
        import_contacts_csv(path, recorded_at=T0)


def test_a_local_time_in_a_country_of_many_zones_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wall.csv"
    path.write_text("id,participants,date,country\nx,A; B,2022-01-01 10:00,RU\n", "utf-8")
    with pytest.raises(ImportRowError, match="needs one zone") as raised:
        import_contacts_csv(path, recorded_at=T0)
    assert raised.value.column == "date"


def test_the_shipped_template_has_every_column_and_imports() -> None:
    header = TEMPLATE.read_text("utf-8").splitlines()[0].split(",")
    assert tuple(header) == CONTACT_COLUMNS
    _, report = import_contacts_csv(TEMPLATE, recorded_at=T0)
    assert (report.records, report.skipped_rows) == (2, 0)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=28), min_size=1, max_size=6, unique=True))
def test_any_file_imported_twice_adds_nothing_the_second_time(days: list[int]) -> None:
    lines = ["id,participants,date,country"]
    lines += [f"r{day},A; B,2022-02-{day:02d},RU" for day in days]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.csv"
        path.write_text("\n".join(lines) + "\n", "utf-8")
        ledger, first = import_contacts_csv(path, recorded_at=T0)
        size = len(ledger)
        _, second = import_contacts_csv(path, into=ledger, recorded_at=T1)
    assert first.records == len(days)
    assert len(ledger) == size
    assert (second.records, second.unchanged) == (0, len(days))


def test_what_a_skipped_row_made_is_made_again_for_a_good_row_that_needs_it(
    tmp_path: Path,
) -> None:
    # The bad row is read as far as its mode: its source and actors were made, then undone.
    path = tmp_path / "shared.csv"
    path.write_text(
        "id,participants,date,mode,source_title\n"
        "bad,New Person; Other Person,2022-01-01,pigeon,Shared note\n"
        "good,New Person; Other Person,2022-01-02,phone,Shared note\n",
        "utf-8",
    )
    ledger, report = import_contacts_csv(path, recorded_at=T0, skip_bad_rows=True)
    assert (report.records, report.skipped) == (1, {"bad mode": 1})
    call = ledger.record("contacts:good")
    assert isinstance(call, Call)
    source = ledger.record(call.provenance.source)
    assert isinstance(source, Source)
    assert source.title == "Shared note"
    assert len(report.actors_created) == 2


def test_words_dated_by_a_day_are_read_on_each_zones_own_clocks(tmp_path: Path) -> None:
    # "yesterday", published on 13 September 2022 somewhere in Russia: the 12th on whichever
    # clocks it was written, from Kamchatka (UTC+12) to Kaliningrad (UTC+2), and not the
    # 11th in one zone measured against the 13th in another.
    path = tmp_path / "yesterday.csv"
    path.write_text(
        "id,participants,date,country,source_published\nx,A; B,yesterday,RU,2022-09-13\n", "utf-8"
    )
    ledger, _ = import_contacts_csv(path, recorded_at=T0)
    assert bounds(ledger, "contacts:x") == (
        utc("2022-09-11T12:00"),
        utc("2022-09-12T21:59:59.999999"),
    )


@pytest.mark.parametrize("name", ["ledger.jsonl", "ledger.sqlite"])
def test_into_a_store_by_its_file_name_creates_it(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    ledger, report = import_file(CONTACTS, format="contacts-csv", into=target, recorded_at=T0)
    assert report.records == 5
    with open_store(target, readonly=True) as store:
        assert list(store.ledger()) == list(ledger)
    _, again = import_file(CONTACTS, format="contacts-csv", into=str(target), recorded_at=T1)
    assert again.unchanged == 5


@pytest.mark.parametrize(
    ("status", "day"),
    [("occurred", "2022-09-09"), ("planned", "2022-09-16")],
)
def test_a_weekday_is_read_in_the_rows_tense_by_its_status(
    tmp_path: Path, status: str, day: str
) -> None:
    # Published on Tuesday 13 September 2022 in Yerevan: a call that took place "on Friday" was
    # on Friday the 9th; a planned one is due on Friday the 16th.
    path = tmp_path / "friday.csv"
    path.write_text(
        "id,participants,date,zone,status,source_published\n"
        f"x,A; B,on Friday,Asia/Yerevan,{status},2022-09-13\n",
        "utf-8",
    )
    ledger, _ = import_contacts_csv(path, recorded_at=T0)
    start = datetime.fromisoformat(f"{day}T00:00+04:00")
    assert bounds(ledger, "contacts:x") == (
        start.astimezone(UTC),
        (start + timedelta(days=1, microseconds=-1)).astimezone(UTC),
    )


def test_a_weekday_in_a_cancelled_row_is_refused_as_either_tense(tmp_path: Path) -> None:
    # A visit called off "on Friday" may have been due the Friday before the report or after it.
    path = tmp_path / "friday.csv"
    path.write_text(
        "id,participants,date,zone,status,source_published\n"
        "x,A; B,on Friday,Asia/Yerevan,cancelled,2022-09-13\n",
        "utf-8",
    )
    with pytest.raises(ImportRowError, match="tense") as raised:
        import_contacts_csv(path, recorded_at=T0)
    assert (raised.value.line, raised.value.column) == (2, "date")
