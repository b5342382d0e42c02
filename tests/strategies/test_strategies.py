"""The public strategies module: its API, single records, argument checks and import isolation.

The Hypothesis entry point that registers the strategies with ``st.from_type`` is tested in
``test_hook.py``."""

from __future__ import annotations

import inspect
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Entry,
    Ledger,
    Office,
    Place,
    Record,
    Source,
    strategies,
)
from diplomacy_ledger.io._lines import decode_entry, encode_entry
from diplomacy_ledger.strategies import (
    actors,
    agreements,
    calls,
    claims,
    entries,
    ledgers,
    ledgers_with_defect,
    mediations,
    meetings,
    payloads_with_defect,
    records,
    reports,
    same_events,
    spans,
    statements,
    tenures,
    whens,
)
from tests.strategies._subprocess import run

T = datetime(2022, 9, 13, tzinfo=UTC)
ROOT = Path(__file__).resolve().parent.parent.parent


# -- the module ------------------------------------------------------------------------------------


def test_every_public_name_is_importable_and_documented() -> None:
    assert strategies.__all__ == sorted(strategies.__all__, key=lambda n: (not n.isupper(), n))
    for name in strategies.__all__:
        value = getattr(strategies, name)
        assert value.__doc__, name
        if inspect.isfunction(value):
            assert "Requires hypothesis" in value.__doc__, name
    assert set(strategies.__all__) <= set(dir(strategies))
    with pytest.raises(AttributeError):
        strategies.not_a_strategy  # type: ignore[attr-defined]  # noqa: B018


def test_importing_the_library_never_imports_hypothesis(tmp_path: Path) -> None:
    script = """
        import diplomacy_ledger, sys
        assert "hypothesis" not in sys.modules
        print("isolated")
    """
    assert run(script, tmp_path) == "isolated\n"


def test_the_strategies_module_says_it_needs_hypothesis(tmp_path: Path) -> None:
    script = """
        import sys
        sys.modules["hypothesis"] = None  # as if it were not installed
        import diplomacy_ledger
        try:
            import diplomacy_ledger.strategies
        except ImportError as error:
            print(error)
    """
    assert "pip install 'diplomacy-ledger[hypothesis]'" in run(script, tmp_path)


# -- single records --------------------------------------------------------------------------------


@given(records())
def test_every_record_survives_the_file_format(record: Record) -> None:
    line = encode_entry(Entry("x", T, record))
    decoded = decode_entry(line).entry.record
    assert decoded == record
    assert encode_entry(Entry("x", T, decoded)) == line  # words and wall times too


@given(entries())
def test_entries_survive_the_file_format(entry: Entry) -> None:
    assert decode_entry(encode_entry(entry)).entry == entry


PEOPLE = ("pashinyan", "aliyev", "putin", "macron")


def cast() -> Ledger:
    ledger = Ledger()
    for id in PEOPLE:
        ledger.append(Actor(id.title(), ActorKind.PERSON), id=id, recorded_at=T)
    ledger.append(Source("An article"), id="article", recorded_at=T)
    ledger.append(Office("Prime Minister of Armenia"), id="pm", recorded_at=T)
    ledger.append(Place("Kapan", zone="Asia/Yerevan"), id="kapan", recorded_at=T)
    return ledger


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])  # eleven draws each
@given(st.data())
def test_records_drawn_from_a_ledgers_ids_can_be_appended_to_it(data: st.DataObject) -> None:
    ledger = cast()
    ids: dict[str, Any] = {
        "actor_ids": st.sampled_from(PEOPLE),
        "source_ids": st.just("article"),
    }
    call = data.draw(calls(office_ids=st.just("pm"), **ids))
    ledger.append(call, id="call", recorded_at=T)
    assert set(call.actors) <= set(PEOPLE)
    others: list[st.SearchStrategy[Record]] = [
        meetings(office_ids=st.just("pm"), place_ids=st.just("kapan"), **ids),
        statements(office_ids=st.just("pm"), record_ids=st.just("call"), **ids),
        claims(record_ids=st.just("call"), **ids),
        reports(record_ids=st.just("call"), **ids),
        mediations(**ids),
        agreements(office_ids=st.just("pm"), **ids),
        statements(
            office_ids=st.just("pm"), agreement_ids=st.just("r5"), record_ids=st.just("call"), **ids
        ),  # r5: the agreement above
        claims(office_ids=st.just("pm"), record_ids=st.just("call"), **ids),
        tenures(office_ids=st.just("pm"), **ids),
        same_events(record_ids=st.sampled_from(["call", "pashinyan", "article"])),
    ]
    for number, strategy in enumerate(others):
        ledger.append(data.draw(strategy), id=f"r{number}", recorded_at=T)


@given(calls(actor_ids=st.sampled_from(PEOPLE)))
def test_calls_have_two_to_four_distinct_participants(call: Call) -> None:
    assert 2 <= len(call.actors) == len(set(call.actors)) <= 4
    assert call.initiator is None or call.initiator in call.actors


# -- bad arguments ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda: ledgers(min_size=-1),
        lambda: ledgers(min_size=5, max_size=2),
        lambda: ledgers(max_size=1.5),  # type: ignore[arg-type]
        lambda: ledgers(min_size=True),
        lambda: ledgers_with_defect("nonsense"),
        lambda: ledgers_with_defect("dangling_reference"),
        lambda: ledgers_with_defect(3),  # type: ignore[arg-type]
        lambda: payloads_with_defect("contradiction"),
        lambda: payloads_with_defect(min_size=0),
        lambda: calls(actor_ids=["a", "b"]),  # type: ignore[arg-type]
        lambda: entries(records=Call),  # type: ignore[arg-type]
        lambda: tenures(spans=1),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_are_refused(make: Any) -> None:
    with pytest.raises(InvalidArgument):
        make()


def test_a_strategy_of_kinds_that_draws_a_bad_kind_is_refused() -> None:
    @given(ledgers_with_defect(st.just("nonsense")))
    def draws(_: object) -> None:
        raise AssertionError("never reached")

    with pytest.raises(InvalidArgument, match="nonsense"):
        draws()


@pytest.mark.parametrize(
    ("build", "named"),
    [
        (lambda: whens(zones=st.just("EDT")), "zones drew 'EDT'"),
        (lambda: whens(zones=st.just("Mars/Olympus")), "zones drew 'Mars/Olympus'"),
        (lambda: whens(precisions=st.just("fortnight")), "precisions drew 'fortnight'"),
        (lambda: spans(zones=st.just("EST5EDT")), "zones drew 'EST5EDT'"),
        (lambda: actors(actor_ids=st.just("not an id")), "actor_ids drew 'not an id'"),
        (lambda: calls(actor_ids=st.sampled_from([5, 6])), "actor_ids drew 5"),
        (lambda: claims(record_ids=st.just("a b")), "record_ids drew 'a b'"),
    ],
)
def test_a_bad_value_drawn_from_a_users_strategy_is_an_invalid_argument(
    build: Any, named: str
) -> None:
    """It was a LookupError, a KeyError or an AttributeError from deep inside a draw."""

    @settings(max_examples=5, database=None)
    @given(build())
    def draw(value: object) -> None:
        pass

    with pytest.raises(InvalidArgument, match=re.escape(named)):
        draw()


def test_a_strategy_names_itself_and_the_arguments_given_in_its_repr() -> None:
    """Every composite printed as ``build()``, and records() as a screenful of builds(...) and
    lambdas; each is now shown as the call that made it."""
    for name in strategies.__all__:
        function = getattr(strategies, name)
        if callable(function) and not isinstance(function, type) and name.islower():
            if name == "records_for":
                assert repr(function(Ledger())) == "records_for(ledger=<a ledger of 0 entries>)"
            else:
                assert repr(function()) == f"{name}()"
    assert repr(records(kinds=["call"], zones=["UTC"])) == "records(kinds=['call'], zones=['UTC'])"
    assert repr(entries(entry_ids=st.just("a"))) == "entries(entry_ids=just('a'))"
    assert repr(ledgers()) == "ledgers()"
    assert repr(ledgers(min_size=3, max_size=8)) == "ledgers(max_size=8, min_size=3)"
    assert repr(whens(zones=st.just("Asia/Yerevan"))) == "whens(zones=just('Asia/Yerevan'))"
    assert repr(calls(actor_ids=st.just("a"))) == "calls(actor_ids=just('a'))"
