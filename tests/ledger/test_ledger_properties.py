"""Property tests for the ledger: append-only, monotone as-of views, atomic refusals, names."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplomacy_ledger.ledger._ledger as ledger_module
from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Entry,
    Ledger,
    LedgerError,
    Precision,
    Provenance,
    Retraction,
    Source,
    Span,
    When,
    normalise_name,
)
from tests._times import whens

START = datetime(2022, 9, 13, tzinfo=UTC)
EVERYTHING = When(
    datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC), Precision.SPAN
)
WORDS = ["Yerevan", "Baku", "Kremlin", "Moscow", "Paris", "Ankara", "Nagorno Karabakh", "Élysée"]


@dataclass
class Built:
    ledger: Ledger
    actors: list[str]
    snapshots: list[list[Entry]]


def spell(word: str, style: int) -> str:
    """The same name written differently: case, hyphens, punctuation, a leading article."""
    return [word, word.upper(), word.replace(" ", "-"), f"the {word}.", f"  {word.lower()} "][style]


@st.composite
def built_ledgers(draw: st.DrawFn) -> Built:
    ledger = Ledger()
    snapshots: list[list[Entry]] = []
    clock = START

    def tick() -> datetime:
        nonlocal clock
        clock += timedelta(minutes=draw(st.integers(0, 90)))
        return clock

    def add(record: object, id: str, supersedes: str | None = None) -> None:
        snapshots.append(list(ledger))
        ledger.append(record, id=id, recorded_at=tick(), supersedes=supersedes)  # type: ignore[arg-type]

    add(Source(published=When.day("2022-09-13", zone="Asia/Yerevan")), "article")
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=5, unique=True))
    actors = []
    for index, word in enumerate(words):
        aliases = (spell(word, draw(st.integers(0, 4))),)
        add(Actor(f"Actor {index}", ActorKind.STATE, aliases=aliases), f"a{index}")
        actors.append(f"a{index}")
    calls: list[str] = []
    for index in range(draw(st.integers(0, 8))):
        pair = draw(st.lists(st.sampled_from(actors), min_size=2, max_size=2, unique=True))
        when = draw(whens())
        action = draw(st.sampled_from(["new", "correct", "retract"]) if calls else st.just("new"))
        record = Call(pair, when, Provenance("article"))
        if action == "new":
            add(record, f"c{index}")
            calls.append(f"c{index}")
        else:
            target = calls.pop(draw(st.integers(0, len(calls) - 1)))
            if action == "correct":
                add(record, f"c{index}", supersedes=target)
                calls.append(f"c{index}")
            else:
                add(Retraction(target), f"w{index}")
    return Built(ledger, actors, snapshots)


@given(built_ledgers())
def test_appending_never_changes_earlier_entries(built: Built) -> None:
    final = list(built.ledger)
    for snapshot in built.snapshots:
        assert final[: len(snapshot)] == snapshot


@given(built_ledgers(), st.lists(st.integers(-10, 1500), min_size=2, max_size=4))
def test_as_of_is_monotone_and_is_the_prefix_known_then(built: Built, offsets: list[int]) -> None:
    times = sorted(START + timedelta(minutes=offset) for offset in offsets)
    views = [built.ledger.as_of(moment) for moment in times]
    for moment, view in zip(times, views, strict=True):
        assert list(view) == [entry for entry in built.ledger if entry.recorded_at <= moment]
    for earlier, later in itertools.pairwise(views):
        assert {entry.id for entry in earlier} <= {entry.id for entry in later}


BAD_APPENDS = ["duplicate", "dangling", "backwards", "alias", "wrong-kind", "retract-twice"]


@given(built_ledgers(), st.sampled_from(BAD_APPENDS))
def test_a_refused_append_leaves_the_ledger_equal_to_before(built: Built, kind: str) -> None:
    ledger = built.ledger
    before = list(ledger)
    last = ledger.last_recorded
    assert last is not None
    when = When.day("2022-09-13")
    record: object = Call(built.actors[:2], when, Provenance("article"))
    args: dict[str, object] = {"id": "fresh", "recorded_at": last}
    if kind == "duplicate":
        args["id"] = built.actors[0]
    elif kind == "dangling":
        record = Call([built.actors[0], "nobody"], when, Provenance("article"))
    elif kind == "backwards":
        args["recorded_at"] = START - timedelta(days=1)
    elif kind == "alias":
        taken = ledger.actor(built.actors[-1]).aliases[0]
        record = Actor("Fresh", ActorKind.STATE, aliases=(spell(normalise_name(taken), 1),))
    elif kind == "wrong-kind":
        record = Call([built.actors[0], "article"], when, Provenance("article"))
    else:
        retracted = [e for e in ledger if isinstance(e.record, Retraction)]
        target = retracted[0].record.entry if retracted else "nobody"  # type: ignore[union-attr]
        record = Retraction(target)
    with pytest.raises(LedgerError):
        ledger.append(record, **args)  # type: ignore[arg-type]
    assert list(ledger) == before
    assert ledger == Ledger(before)


@given(built_ledgers())
def test_alias_resolution_is_total_and_unambiguous(built: Built) -> None:
    owners: dict[str, str] = {}
    for actor_id in built.actors:
        actor = built.ledger.actor(actor_id)
        for name in (actor.name, *actor.aliases):
            assert built.ledger.resolve_actor(name) == actor_id
            assert owners.setdefault(normalise_name(name), actor_id) == actor_id


def _scan(ledger: Ledger, window: When) -> tuple[list[str], list[str]]:
    """What ``within`` must answer, by looking at every current entry, in the order promised:
    by the event time's earliest bound, then its latest, then record order."""

    def bounds(entry: Entry) -> tuple[datetime, datetime] | None:
        moment = entry.record.time
        if moment is None:
            return None
        if isinstance(moment, Span):
            return moment.start.earliest, moment.end_bounds[1]
        return moment.earliest, moment.latest

    possibly, definitely = [], []
    for order, entry in enumerate(ledger.entries()):
        found = bounds(entry)
        if found is None:
            continue
        low, high = found
        if low <= window.latest and high >= window.earliest:
            possibly.append((low, high, order, entry.id))
        if window.earliest <= low and high <= window.latest:
            definitely.append((low, high, order, entry.id))
    return [row[-1] for row in sorted(possibly)], [row[-1] for row in sorted(definitely)]


@given(built_ledgers(), whens())
def test_window_queries_agree_with_a_scan(built: Built, window: When) -> None:
    possibly, definitely = _scan(built.ledger, window)
    got_possibly = [entry.id for entry in built.ledger.within(window)]
    got_definitely = [entry.id for entry in built.ledger.within(window, certainty="definitely")]
    assert got_possibly == possibly
    assert got_definitely == definitely
    assert set(got_definitely) <= set(got_possibly)


@given(built_ledgers(), st.lists(whens(), min_size=1, max_size=4), st.data())
def test_window_queries_between_appends_agree_with_a_scan(
    built: Built, windows: list[When], data: st.DataObject
) -> None:
    # Queries between appends see entries the index was not built with, and entries corrected
    # or retracted since; a tiny rebuild threshold mixes both paths in small ledgers.
    replayed = Ledger()
    with mock.patch.object(ledger_module, "_PENDING_MIN", 2):
        for entry in built.ledger:
            replayed.extend([entry])
            if data.draw(st.booleans(), label="query now"):
                # Random windows, everything, or a call's own time: windows that find entries.
                own = [e.record.when for e in replayed if isinstance(e.record, Call)]
                candidates = [*windows, EVERYTHING, *(w for w in own if isinstance(w, When))]
                window = data.draw(st.sampled_from(candidates), label="window")
                possibly, definitely = _scan(replayed, window)
                assert [e.id for e in replayed.within(window)] == possibly
                got = [e.id for e in replayed.within(window, certainty="definitely")]
                assert got == definitely
