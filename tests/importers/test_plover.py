"""The PLOVER importer: events to records, dates in their zones, codes with no record, bad lines."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Ceasefire,
    Claim,
    Hostility,
    ImportRowError,
    Ledger,
    Medium,
    Meeting,
    Provenance,
    Source,
    Span,
    Stance,
    When,
    import_file,
    plover_records,
)
from diplomacy_ledger.importers import import_plover

FIXTURES = Path(__file__).parent / "fixtures"
PLOVER = FIXTURES / "plover.jsonl"
BAD = FIXTURES / "plover_bad.jsonl"
T0 = datetime(2024, 1, 1, tzinfo=UTC)
T1 = datetime(2024, 1, 2, tzinfo=UTC)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def bounds(when: When) -> tuple[datetime, datetime]:
    return when.earliest, when.latest


@pytest.fixture
def imported() -> Ledger:
    ledger, _ = import_plover(PLOVER, recorded_at=T0)
    return ledger


def test_consult_by_phone_is_a_call_with_its_source_and_words(imported: Ledger) -> None:
    call = imported.record("plover:P1")
    assert isinstance(call, Call)
    assert [imported.actor(p.actor).name for p in call.participants] == [
        "Delegate Orlova",
        "Vladimir Putin",
    ]
    putin = imported.actor("Vladimir Putin")
    assert (putin.kind, putin.wikidata) == (ActorKind.PERSON, "Q7747")
    # a day in Armenia: Asia/Yerevan, UTC+4
    assert bounds(call.when) == (utc("2022-09-12T20:00"), utc("2022-09-13T19:59:59.999999"))  # type: ignore[arg-type]
    source = imported.record(call.provenance.source)
    assert isinstance(source, Source)
    assert (source.title, source.url) == ("Synthetic readout", "https://example.org/p1")
    assert call.provenance.quote == "Synthetic: the two spoke by phone."


def test_an_assault_in_russia_is_a_hostility_over_the_union_of_its_days(imported: Ledger) -> None:
    fight = imported.record("plover:P2")
    assert isinstance(fight, Hostility)
    assert imported.actor(fight.attacker or "").name == "Synthetic Brigade A"
    assert imported.actor(fight.target or "").name == "Synthetic Brigade B"
    assert fight.means == ("drone",)
    assert bounds(fight.span.start) == (utc("2022-10-04T12:00"), utc("2022-10-05T21:59:59.999999"))


def test_an_accusation_at_a_time_with_an_offset_is_an_exact_claim(imported: Ledger) -> None:
    claim = imported.record("plover:P3")
    assert isinstance(claim, Claim)
    assert claim.stance is Stance.ACCUSES
    assert imported.actor(claim.claimant).name == "USA"
    assert imported.actor(claim.accused or "").name == "CAN"
    assert claim.when is not None
    assert bounds(claim.when) == (utc("2022-10-06T14:30"), utc("2022-10-06T14:30"))  # type: ignore[arg-type]


def test_retreat_ceasefire_is_a_ceasefire_between_states(imported: Ledger) -> None:
    ceasefire = imported.record("plover:P5")
    assert isinstance(ceasefire, Ceasefire)
    parties = [imported.actor(party) for party in ceasefire.parties]
    assert [(p.name, p.kind, p.iso3) for p in parties] == [
        ("ARM", ActorKind.STATE, "ARM"),
        ("AZE", ActorKind.STATE, "AZE"),
    ]


def test_a_multilateral_consultation_is_a_summit_on_a_day_anywhere_on_earth(
    imported: Ledger,
) -> None:
    summit = imported.record("plover:P6")
    assert isinstance(summit, Meeting)
    assert summit.host is None
    assert len(summit.visitors) == 3
    assert bounds(summit.when) == (utc("2022-10-08T10:00"), utc("2022-10-10T11:59:59.999999"))  # type: ignore[arg-type]


def test_events_with_no_record_are_skipped_and_counted() -> None:
    ledger, report = import_plover(PLOVER, recorded_at=T0)
    assert (report.rows_read, report.records) == (7, 5)
    assert report.skipped == {"no counterpart: AGREE": 1, "no counterpart: CONSULT": 1}
    assert "plover:P4" not in ledger
    assert "plover:P7" not in ledger


def test_states_match_by_iso_code_and_people_by_wikidata_id() -> None:
    ledger = Ledger()
    ledger.append(Actor("Armenia", ActorKind.STATE, iso3="ARM"), id="armenia", recorded_at=T0)
    ledger.append(Actor("V. Putin", ActorKind.PERSON, wikidata="Q7747"), id="putin", recorded_at=T0)
    _, report = import_plover(PLOVER, into=ledger, recorded_at=T0)
    assert ledger.record("plover:P5").parties[0] == "armenia"  # type: ignore[union-attr]
    assert ledger.record("plover:P1").participants[1].actor == "putin"  # type: ignore[union-attr]
    assert set(report.actors_matched) == {"armenia", "putin"}


def test_importing_twice_adds_nothing(imported: Ledger) -> None:
    before = list(imported)
    _, report = import_plover(PLOVER, into=imported, recorded_at=T1)
    assert list(imported) == before
    assert (report.records, report.unchanged) == (0, 5)


def test_a_bad_line_names_file_line_and_field_and_nothing_is_imported() -> None:
    ledger = Ledger()
    with pytest.raises(ImportRowError) as raised:
        import_file(BAD, format="plover", into=ledger, recorded_at=T0)
    assert str(raised.value).startswith(f"{BAD}:2: date: ")
    assert len(ledger) == 0


def test_skipping_bad_lines_counts_them() -> None:
    ledger, report = import_plover(BAD, recorded_at=T0, skip_bad_rows=True)
    assert report.skipped == {"bad JSON": 1, "missing date": 1}
    assert "plover:B1" in ledger


def test_a_json_array_is_read_too_with_the_line_of_each_record(tmp_path: Path) -> None:
    records = [json.loads(line) for line in PLOVER.read_text("utf-8").splitlines()]
    records[2]["date"] = "2022-13-01"
    path = tmp_path / "plover.json"
    path.write_text(json.dumps(records, indent=1), "utf-8")
    with pytest.raises(ImportRowError) as raised:
        import_plover(path, recorded_at=T0)
    text = path.read_text("utf-8")
    expected = text[: text.index('"P3"')].count("\n")  # the line of the object's opening brace
    assert raised.value.line == expected
    assert raised.value.column == "date"


def _core(record: dict[str, object]) -> tuple[object, ...]:
    names = [[a["entity_text"] for a in record[k]] for k in ("actor", "recipient")]  # type: ignore[attr-defined]
    return (
        record["event"],
        record.get("mode"),
        names[0],
        names[1],
        record.get("earliest"),
        record.get("latest"),
    )


def test_an_exported_ledger_reads_back_as_the_same_events(tmp_path: Path) -> None:
    ledger = Ledger()
    with ledger.batch() as batch:
        for id, name in (("a", "Armenia"), ("b", "Azerbaijan"), ("c", "Georgia")):
            batch.append(Actor(name, ActorKind.STATE), id=id, recorded_at=T0)
        batch.append(Source("Synthetic note", url="https://example.org/n"), id="s", recorded_at=T0)
        day = When.day("2022-09-13", zone="Asia/Yerevan")
        batch.append(Call(["a", "b"], day, Provenance("s")), id="call", recorded_at=T0)
        batch.append(
            Meeting.summit(["a", "b", "c"], day, Provenance("s"), medium=Medium.IN_PERSON),
            id="summit",
            recorded_at=T0,
        )
        start = When.local("2022-09-13 00:05", zone="Asia/Yerevan")
        end = When.local("2022-09-13 04:00", zone="Asia/Yerevan")
        fight = Hostility(
            Span(start, end), Provenance("s"), attacker="b", target="a", means=("drones",)
        )
        batch.append(fight, id="fight", recorded_at=T0)
    exported = plover_records(ledger)
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in exported), "utf-8")
    back, report = import_plover(path, recorded_at=T1)
    assert (report.records, report.skipped_rows) == (3, 0)
    call = back.record("plover:call")
    assert isinstance(call, Call)
    assert (call.when.earliest, call.when.latest) == (day.earliest, day.latest)  # type: ignore[union-attr]
    summit = back.record("plover:summit")
    assert isinstance(summit, Meeting)
    assert summit.host is None
    assert len(summit.visitors) == 3
    hostility = back.record("plover:fight")
    assert isinstance(hostility, Hostility)
    assert back.actor(hostility.attacker or "").name == "Azerbaijan"
    assert [_core(r) for r in plover_records(back)] == [_core(r) for r in exported]
