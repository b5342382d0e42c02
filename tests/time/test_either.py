"""A wall time the clocks showed twice, recorded as either of its two instants (When.either).

Paris set its clocks back from 03:00 CEST to 02:00 CET on 30 October 2022 (01:00 UTC), so 02:30
happened at 00:30 UTC (+02:00) and again at 01:30 UTC (+01:00).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    InvalidTimeError,
    InvalidValueError,
    Ledger,
    Participant,
    Precision,
    Provenance,
    SkippedTimeError,
    Source,
    TimeParseError,
    Truth,
    When,
    dumps_jsonl,
    read_jsonl,
    resolve_phrase,
    to_edtf,
)
from diplomacy_ledger._errors import FieldError
from diplomacy_ledger.io._values import structure_when
from diplomacy_ledger.strategies import LocalTime, local_times, whens

FIRST = datetime(2022, 10, 30, 0, 30, tzinfo=UTC)
SECOND = datetime(2022, 10, 30, 1, 30, tzinfo=UTC)
WALL = datetime.fromisoformat("2022-10-30T02:30")  # naive on purpose: a wall time
TWICE = When.local("2022-10-30 02:30", zone="Europe/Paris", disambiguation="either")


def test_a_repeated_wall_time_is_either_of_its_two_instants() -> None:
    assert TWICE.either
    assert (TWICE.earliest, TWICE.latest) == (FIRST, SECOND)
    assert (TWICE.precision, TWICE.zone, TWICE.wall) == (Precision.MINUTE, "Europe/Paris", WALL)
    assert not TWICE.is_exact
    assert (
        When.between(
            When.instant(FIRST, zone="Europe/Paris"), When.instant(SECOND, zone="Europe/Paris")
        )
        != TWICE
    )  # not the hour between
    assert When.local("2022-10-30 02:30", zone="Europe/Paris", disambiguation="earlier") != TWICE


def test_a_wall_time_shown_once_is_its_instant_and_a_skipped_one_raises() -> None:
    once = When.local("2022-10-29 02:30", zone="Europe/Paris", disambiguation="either")
    assert once == When.local("2022-10-29 02:30", zone="Europe/Paris")
    assert not once.either
    with pytest.raises(SkippedTimeError):
        When.local("2022-03-27 02:30", zone="Europe/Paris", disambiguation="either")


def test_it_is_written_as_a_set_of_two_and_read_back() -> None:
    text = "[2022-10-30T02:30+02:00[Europe/Paris],2022-10-30T02:30+01:00[Europe/Paris]]"
    assert str(TWICE) == text
    again = When.parse(text)
    assert again == TWICE
    assert again.wall == WALL
    assert When.parse("2022-10-30T02:30[Europe/Paris]", disambiguation="either") == TWICE
    assert repr(TWICE) == (
        "When.local('2022-10-30 02:30', zone='Europe/Paris', disambiguation='either')"
    )


@pytest.mark.parametrize(
    "text",
    [
        # two instants an hour apart that are not one wall time
        "[2022-10-30T02:30+02:00[Europe/Paris],2022-10-30T03:30+01:00[Europe/Paris]]",
        # a wall time the clocks showed once
        "[2022-10-29T02:30+02:00[Europe/Paris],2022-10-29T02:30+02:00[Europe/Paris]]",
        # two zones
        "[2022-10-30T02:30+02:00[Europe/Paris],2022-10-30T02:30+01:00[Europe/Berlin]]",
        # UTC names no clocks that were set back
        "[2022-10-30T00:30Z,2022-10-30T01:30Z]",
        # not two
        "[2022-10-30T02:30+02:00[Europe/Paris]]",
        "[2022-10-30T02:30+02:00[Europe/Paris],2022-10-30T02:30+01:00[Europe/Paris]",
    ],
)
def test_a_set_that_is_not_one_repeated_wall_time_is_refused(text: str) -> None:
    with pytest.raises(TimeParseError):
        When.parse(text)


def test_its_shape_is_checked_when_built_from_fields() -> None:
    with pytest.raises(InvalidTimeError, match="either"):
        When(FIRST, SECOND, Precision.MINUTE, "Europe/Paris", either=True)  # no wall time
    with pytest.raises(InvalidTimeError, match="either"):
        When(FIRST, SECOND, Precision.DAY, "Europe/Paris", wall=WALL, either=True)
    with pytest.raises(InvalidTimeError, match="either"):
        When(FIRST, FIRST, Precision.MINUTE, "Europe/Paris", wall=WALL, either=True)


def test_it_survives_the_file_format() -> None:
    ledger = Ledger()
    for id, record in (
        ("s", Source()),
        ("macron", Actor("Emmanuel Macron", ActorKind.PERSON)),
        ("putin", Actor("Vladimir Putin", ActorKind.PERSON)),
        ("call", Call((Participant("macron"), Participant("putin")), TWICE, Provenance("s"))),
    ):
        ledger.append(record, id=id, recorded_at="2022-10-31T00:00:00Z")
    text = dumps_jsonl(ledger)
    assert '"either":true' in text.replace(" ", "")
    loaded = read_jsonl(text).ledger
    assert loaded == ledger
    call = loaded.record("call")
    assert isinstance(call, Call)
    assert isinstance(call.when, When)
    assert (call.when.either, call.when.wall) == (True, WALL)


@pytest.mark.parametrize("bad", [False, 1, "true", None])
def test_a_file_says_either_only_as_true(bad: object) -> None:
    data = {
        "type": "when",
        "earliest": "2022-10-30T00:30:00Z",
        "latest": "2022-10-30T01:30:00Z",
        "precision": "minute",
        "zone": "Europe/Paris",
        "wall": "2022-10-30T02:30:00",
        "either": bad,
    }
    with pytest.raises(FieldError, match="either"):
        structure_when(data)
    del data["wall"]
    data["either"] = True
    with pytest.raises(InvalidTimeError, match="either"):
        structure_when(data)


def test_another_zone_sees_the_window_and_edtf_cannot_state_it() -> None:
    moved = TWICE.to_zone("Asia/Yerevan")
    assert (moved.earliest, moved.latest, moved.precision) == (FIRST, SECOND, Precision.SPAN)
    assert not moved.either
    with pytest.raises(InvalidValueError, match="EDTF"):
        to_edtf(TWICE)


def test_a_phrase_can_be_read_as_either() -> None:
    anchor = When.day("2022-10-30", zone="Europe/Paris")
    read = resolve_phrase(
        "02:30 local time", anchor=anchor, zone="Europe/Paris", disambiguation="either"
    )
    assert read == TWICE
    assert read.text == "02:30 local time"


@given(local_times(), whens())
def test_either_is_sound_for_each_reading(local: LocalTime, other: When) -> None:
    if local.status == "skipped":
        with pytest.raises(SkippedTimeError):
            When.local(local.wall, zone=local.zone, disambiguation="either")
        return
    both = When.local(local.wall, zone=local.zone, disambiguation="either")
    readings = [
        When.local(local.wall, zone=local.zone, disambiguation=policy)
        for policy in ("earlier", "later")
    ]
    assert both.either == (local.status == "repeated")
    assert (both.earliest, both.latest) == (readings[0].earliest, readings[1].latest)
    assert When.parse(str(both)) == both
    # What the checks say of it holds whichever instant was meant: definite for it is definite
    # for both readings, and what either reading allows it allows.
    for question in ("before", "after", "same"):
        said = getattr(both, question)(other)
        for reading in readings:
            truth = getattr(reading, question)(other)
            if said is Truth.DEFINITELY:
                assert truth is Truth.DEFINITELY
            if truth is not Truth.NOT:
                assert said is not Truth.NOT
