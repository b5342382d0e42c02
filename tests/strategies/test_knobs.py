"""The knobs of the ledger and record strategies: kinds, zones, precisions, actors.

Each knob narrows what is drawn, and every drawn ledger stays valid (it loads and round-trips);
a bad value, given or drawn from a user's strategy, is an InvalidArgument naming the knob.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Claim,
    Ledger,
    Precision,
    Span,
    When,
    check,
    dumps_jsonl,
    kind_of,
    read_jsonl,
)
from diplomacy_ledger.strategies import consistent_ledgers, ledgers

# The records about events, whose times the zones= and precisions= knobs set.
EVENTS = {"call", "meeting", "statement", "claim", "mediation", "ceasefire", "hostility"}
EVENTS |= {"agreement", "report"}
VOICES = (ActorKind.PERSON, ActorKind.STATE, ActorKind.INTERNATIONAL_ORGANIZATION)
SOME = settings(max_examples=40, deadline=None)


def whens_in(value: object) -> Iterator[When]:
    if isinstance(value, When):
        yield value
    elif isinstance(value, Span):
        for when in (value.start, value.end, value.ongoing_as_of):
            yield from whens_in(when)
    elif isinstance(value, tuple):
        for item in value:
            yield from whens_in(item)
    elif attrs.has(cls := type(value)):
        for attribute in attrs.fields(cls):
            yield from whens_in(getattr(value, attribute.name))


def event_whens(ledger: Ledger) -> list[When]:
    return [w for e in ledger if kind_of(e.record) in EVENTS for w in whens_in(e.record)]


def assert_valid(ledger: Ledger) -> None:
    assert read_jsonl(dumps_jsonl(ledger), allow_empty=True).ledger == ledger


@SOME
@given(ledgers(kinds=["call"]))
def test_kinds_keep_the_ledger_to_those_records_and_what_they_need(ledger: Ledger) -> None:
    assert {entry.kind for entry in ledger} <= {"call", "actor", "source"}
    assert_valid(ledger)


@SOME
@given(consistent_ledgers(kinds=[Call, Claim, "report"], min_size=5))
def test_kinds_may_be_classes_and_consistent_ledgers_stay_consistent(ledger: Ledger) -> None:
    assert {entry.kind for entry in ledger} <= {"call", "claim", "report", "actor", "source"}
    assert check(ledger) == []


@SOME
@given(ledgers(zones=["Asia/Kolkata", "Asia/Kathmandu"]))
def test_zones_set_the_zone_of_every_event_time(ledger: Ledger) -> None:
    assert {w.zone for w in event_whens(ledger)} <= {"Asia/Kolkata", "Asia/Kathmandu"}
    assert_valid(ledger)


@SOME
@given(consistent_ledgers(zones=st.sampled_from([None, "+05:30"]), precisions=["day"]))
def test_precisions_and_zone_strategies_set_event_times(ledger: Ledger) -> None:
    whens = event_whens(ledger)
    assert {w.zone for w in whens} <= {None, "+05:30"}
    assert {w.precision for w in whens} <= {Precision.DAY}
    assert check(ledger) == []


@SOME
@given(ledgers(actors=3, max_size=60))
def test_a_number_of_actors_caps_who_speaks_and_takes_part(ledger: Ledger) -> None:
    voices = [e for e in ledger if isinstance(e.record, Actor) and e.record.kind in VOICES]
    assert len(voices) <= 3
    assert_valid(ledger)


@SOME
@given(ledgers(actors=["Nikol Pashinyan", "Vladimir Putin", "Emmanuel Macron"]))
def test_actors_by_name_are_the_people_who_take_part(ledger: Ledger) -> None:
    actors = [e.record for e in ledger if isinstance(e.record, Actor)]
    assert {a.name for a in actors} <= {"Nikol Pashinyan", "Vladimir Putin", "Emmanuel Macron"}
    assert all(a.kind is ActorKind.PERSON for a in actors)


@pytest.mark.parametrize(
    ("knobs", "named"),
    [
        ({"kinds": ["phone call"]}, "kinds"),
        ({"kinds": "call"}, "kinds"),
        ({"kinds": [int]}, "kinds"),
        ({"kinds": ["actor", "source"]}, "kinds"),
        ({"zones": ["EDT"]}, "zones"),
        ({"zones": "UTC"}, "zones"),
        ({"zones": []}, "zones"),
        ({"precisions": ["weekly"]}, "precisions"),
        ({"actors": 0}, "actors"),
        ({"actors": True}, "actors"),
        ({"actors": ["Putin", "putin"]}, "actors"),
        ({"actors": ["", "x"]}, "actors"),
    ],
)
def test_a_bad_knob_is_an_invalid_argument_naming_it(knobs: dict[str, object], named: str) -> None:
    for strategy in (ledgers, consistent_ledgers):
        with pytest.raises(InvalidArgument, match=named):
            strategy(**knobs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("knobs", "named"),
    [
        ({"zones": st.just("EDT")}, "zones"),
        ({"precisions": st.just("day")}, "precisions"),
    ],
)
def test_a_bad_value_drawn_from_a_knob_strategy_is_an_invalid_argument(
    knobs: dict[str, object], named: str
) -> None:
    @settings(max_examples=5, database=None)
    @given(ledgers(kinds=["statement"], **knobs))  # type: ignore[arg-type]
    def draw(ledger: Ledger) -> None:
        pass

    with pytest.raises(InvalidArgument, match=named):
        draw()
