"""The fast paths taken for speed give exactly what the slow, obvious ways give.

Loading a file re-checks that every calendar When's bounds are its whole period; a quick test
(:func:`is_whole_period`) answers most of them and must never accept bounds the full calculation
(:func:`period_bounds`) would refuse. References and Whens are found through per-class plans;
they must find what a walk over every attrs field finds.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomacy_ledger import (
    Actor,
    ActorKind,
    BadReferenceError,
    FormatError,
    Ledger,
    Precision,
    SkippedTimeError,
    Span,
    When,
    dumps_jsonl,
    load_jsonl,
    read_jsonl,
)
from diplomacy_ledger.io import rechain_lines
from diplomacy_ledger.model import Reference, reference_targets, references, whens_in
from diplomacy_ledger.strategies import records
from diplomacy_ledger.time._calendar import is_whole_period, period_bounds
from tests._times import INTERESTING_ZONES, zone_keys

ONE = timedelta(microseconds=1)
# Zones that have moved their clocks at local midnight (the period edges the quick test must
# leave to the full calculation), besides the interesting ones.
MIDNIGHT_ZONES = (
    "America/Santiago",
    "America/Havana",
    "America/Asuncion",
    "America/Sao_Paulo",
    "Asia/Beirut",
    "Asia/Damascus",
    "Asia/Amman",
    "Asia/Gaza",
    "Africa/Cairo",
    "America/Godthab",
    *INTERESTING_ZONES,
)
SHIFTS = (ONE, -ONE, timedelta(minutes=30), timedelta(hours=1), -timedelta(hours=1))


def _start(precision: Precision, day: date) -> date:
    if precision is Precision.YEAR:
        return date(day.year, 1, 1)
    if precision is Precision.MONTH:
        return date(day.year, day.month, 1)
    return day


@given(
    st.sampled_from([Precision.DAY, Precision.MONTH, Precision.YEAR]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2060, 12, 31)),
    st.one_of(st.sampled_from(MIDNIGHT_ZONES), zone_keys()),
    st.sampled_from(SHIFTS),
    st.sampled_from(SHIFTS),
    st.booleans(),
    st.booleans(),
)
def test_the_quick_period_test_never_accepts_other_bounds(  # noqa: PLR0917
    precision: Precision,
    day: date,
    zone: str,
    shift_earliest: timedelta,
    shift_latest: timedelta,
    move_earliest: bool,
    move_latest: bool,
) -> None:
    try:
        earliest, latest = period_bounds(precision, _start(precision, day), zone)
    except SkippedTimeError:
        return
    other = (
        earliest + (shift_earliest if move_earliest else timedelta(0)),
        latest + (shift_latest if move_latest else timedelta(0)),
    )
    if other != (earliest, latest):
        assert not is_whole_period(precision, *other, zone)


@given(
    st.sampled_from([Precision.DAY, Precision.MONTH, Precision.YEAR]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2060, 12, 31)),
    st.sampled_from(MIDNIGHT_ZONES),
)
def test_bounds_from_a_file_load_whether_or_not_the_quick_test_knows(
    precision: Precision, day: date, zone: str
) -> None:
    try:
        earliest, latest = period_bounds(precision, _start(precision, day), zone)
    except SkippedTimeError:
        return
    when = When(earliest, latest, precision, zone)  # the constructor a file's When goes through
    assert (when.earliest, when.latest) == (earliest, latest)


def test_the_quick_test_answers_ordinary_days_and_leaves_midnight_transitions() -> None:
    # An ordinary day in Yerevan: the quick test knows it.
    assert is_whole_period(
        Precision.DAY,
        *period_bounds(Precision.DAY, date(2022, 9, 13), "Asia/Yerevan"),
        "Asia/Yerevan",
    )
    # Santiago set clocks forward at midnight on 2022-09-11: that day began at 01:00, which the
    # quick test leaves to the full calculation, and the When is still accepted.
    bounds = period_bounds(Precision.DAY, date(2022, 9, 11), "America/Santiago")
    assert not is_whole_period(Precision.DAY, *bounds, "America/Santiago")
    assert When(*bounds, Precision.DAY, "America/Santiago").earliest == bounds[0]
    assert bounds[0] == datetime.fromisoformat("2022-09-11T04:00:00+00:00")


def _references_by_walking(value: Any, prefix: str = "") -> Iterator[Reference]:
    """Every field of every nested attrs instance, read the slow way."""
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        path = f"{prefix}{field.name}"
        kind = field.metadata.get("ref")
        if kind is not None and isinstance(item, str):
            yield Reference(path, kind, item)
        elif kind is not None and isinstance(item, tuple):
            yield from (Reference(f"{path}[{i}]", kind, x) for i, x in enumerate(item))
        elif attrs.has(type(item)) and not isinstance(item, When | Span):
            yield from _references_by_walking(item, f"{path}.")
        elif isinstance(item, tuple):
            for index, element in enumerate(item):
                if attrs.has(type(element)):
                    yield from _references_by_walking(element, f"{path}[{index}].")


def _whens_by_walking(value: Any) -> Iterator[When]:
    if isinstance(value, When):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _whens_by_walking(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _whens_by_walking(getattr(value, field.name))


@given(records())
def test_references_and_whens_are_what_a_full_walk_finds(record: attrs.AttrsInstance) -> None:
    assert list(references(record)) == list(_references_by_walking(record))
    assert reference_targets(record) == [
        (ref.kind, ref.id, ref.path.startswith("provenance.")) for ref in references(record)
    ]
    assert list(whens_in(record)) == list(_whens_by_walking(record))


def test_the_quick_test_refuses_the_second_midnight_of_a_fold() -> None:
    # Havana set clocks back from 01:00 to 00:00 on 2022-11-06: midnight came twice, at 04:00
    # and at 05:00 UTC. The 5th ends before the first; the 6th begins at the first.
    fifth = period_bounds(Precision.DAY, date(2022, 11, 5), "America/Havana")
    sixth = period_bounds(Precision.DAY, date(2022, 11, 6), "America/Havana")
    assert fifth[1] + ONE == sixth[0] == datetime.fromisoformat("2022-11-06T04:00:00+00:00")
    hour = timedelta(hours=1)
    # A period ending at a repeated midnight is left to the full calculation...
    assert not is_whole_period(Precision.DAY, *fifth, "America/Havana")
    assert When(*fifth, Precision.DAY, "America/Havana").latest == fifth[1]
    # ...and bounds reaching the second midnight are refused.
    assert not is_whole_period(Precision.DAY, fifth[0], fifth[1] + hour, "America/Havana")
    assert not is_whole_period(Precision.DAY, sixth[0] + hour, sixth[1], "America/Havana")


def _seed_lines() -> list[str]:
    from diplomacy_ledger import dumps_jsonl  # noqa: PLC0415
    from diplomacy_ledger.examples import seed_ledger  # noqa: PLC0415

    return dumps_jsonl(seed_ledger()).splitlines()


def _call_line(lines: list[str]) -> int:
    return next(i for i, line in enumerate(lines) if line.startswith('{"v":2,"id":"call-'))


def test_a_shared_participant_does_not_let_an_unknown_key_through() -> None:
    lines = _seed_lines()
    index = _call_line(lines)
    bad = lines[index].replace('"office":"pm-armenia"}', '"office":"pm-armenia","side":"x"}', 1)
    assert bad != lines[index]
    # The good participant is read (and shared) first; the same one with an extra key is refused.
    again = bad.replace('"id":"call-', '"id":"again-call-', 1)
    text = "\n".join(rechain_lines([*lines, again])) + "\n"
    with pytest.raises(FormatError, match=r":62: record\.participants\[0\].*unknown keys"):
        read_jsonl(text)


def test_a_shared_when_does_not_let_a_bad_zone_through() -> None:
    lines = _seed_lines()
    index = _call_line(lines)
    bad = lines[index].replace('"zone":"Asia/Yerevan"', '"zone":"Asia/Yerevan_"', 1)
    assert bad != lines[index]
    again = bad.replace('"id":"call-', '"id":"again-call-', 1)
    text = "\n".join(rechain_lines([*lines, again])) + "\n"
    with pytest.raises(FormatError, match=r":62: record\.when\.zone"):
        read_jsonl(text)


def test_loading_a_file_puts_the_garbage_collector_back_as_it_was(tmp_path: Path) -> None:
    lines = _seed_lines()
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    good.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad.write_text("\n".join([*lines, "{"]) + "\n", encoding="utf-8")
    was_enabled = gc.isenabled()
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            assert len(load_jsonl(good).ledger) == len(lines)
            assert gc.isenabled() is enabled
            with pytest.raises(FormatError, match=r"bad\.jsonl:62"):
                load_jsonl(bad)
            assert gc.isenabled() is enabled
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_shared_whens_keep_their_own_words_and_read_back_byte_for_byte(tmp_path: Path) -> None:
    # Equal Whens are shared while loading, but a When's words are not part of its equality:
    # three calls at the same time, worded three ways, must each keep their own words.
    lines = _seed_lines()
    index = _call_line(lines)
    call = lines[index]
    assert '"text":"in the early hours of Tuesday"' in call
    copies = [
        call.replace('"id":"call-', f'"id":"copy{n}-call-', 1).replace(
            '"text":"in the early hours of Tuesday"', f'"text":"words {n}"'
        )
        for n in range(2)
    ]
    text = "\n".join(rechain_lines([*lines[: index + 1], *copies, *lines[index + 1 :]])) + "\n"
    path = tmp_path / "seed.jsonl"
    path.write_text(text, encoding="utf-8")
    ledger = load_jsonl(path).ledger
    original = json.loads(call)["id"]
    copied = [ledger[f"copy{n}-{original}"].record for n in range(2)]
    assert [record.time.text for record in copied] == ["words 0", "words 1"]  # type: ignore[union-attr]
    assert ledger[original].record.time.text == "in the early hours of Tuesday"  # type: ignore[union-attr]
    assert dumps_jsonl(ledger) == text


def test_lines_appended_in_runs_still_fail_at_the_first_bad_line() -> None:
    # Strict loads append lines a few hundred at a time. A bad reference on line 290 must be the
    # error, not the malformed line 295 read before the run was appended.
    ledger = Ledger()
    moment = datetime(2022, 9, 13, tzinfo=UTC)
    ledger.append(Actor("Armenia", ActorKind.STATE), id="armenia", recorded_at=moment)
    for n in range(1, 400):
        body = Actor(f"Body {n}", ActorKind.GOVERNMENT_BODY, part_of="armenia")
        ledger.append(body, id=f"body-{n}", recorded_at=moment)
    lines = dumps_jsonl(ledger).splitlines()
    assert len(read_jsonl("\n".join(lines) + "\n").ledger) == 400
    lines[289] = lines[289].replace('"part_of":"armenia"', '"part_of":"atlantis"')
    lines[294] = "{not json"
    with pytest.raises(BadReferenceError, match=r"<data>:290: .*part_of.*atlantis"):
        read_jsonl("\n".join(rechain_lines(lines)) + "\n")
