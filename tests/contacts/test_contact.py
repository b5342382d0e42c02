"""Contacts as events (``contacts/_contact.py``): readouts once, plans and cancellations none."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Claim,
    InvalidValueError,
    Meeting,
    Provenance,
    Retraction,
    SameEvent,
    Span,
    Stance,
    Status,
    When,
    contact_counts,
    contact_events,
    contact_graph,
    contacts_of,
    last_contact,
)
from tests.contacts._ledgers import BASE, STEP, T, at, call, cast


def test_readouts_of_one_call_are_one_contact_that_began_where_they_agree() -> None:
    ledger = cast()
    call(ledger, "ours", ("pashinyan", "putin"), at(0, 8))
    call(ledger, "theirs", ("putin", "pashinyan", "macron"), at(4, 12))
    ledger.append(SameEvent(("ours", "theirs")), id="link", recorded_at=T)
    [contact] = contact_events(ledger)
    assert contact.entries == ("ours", "theirs")
    assert contact.participants == ("pashinyan", "putin", "macron")
    # Began within both readouts' bounds: from the later earliest to the earlier latest.
    assert (contact.start.earliest, contact.start.latest) == (BASE + 4 * STEP, BASE + 8 * STEP)
    assert contact.sources == ("article",)


def test_readouts_that_cannot_agree_give_the_span_of_them_all() -> None:
    ledger = cast()
    call(ledger, "a", ("pashinyan", "putin"), at(0, 1))
    call(ledger, "b", ("pashinyan", "putin"), at(5, 6))
    ledger.append(SameEvent(("a", "b")), id="link", recorded_at=T)
    [contact] = contact_events(ledger)
    assert (contact.start.earliest, contact.start.latest) == (BASE, BASE + 6 * STEP)


def test_plans_and_cancellations_are_no_contacts_unless_a_readout_says_it_happened() -> None:
    ledger = cast()
    call(ledger, "planned", ("pashinyan", "putin"), at(0, 0), status=Status.PLANNED)
    call(ledger, "off", ("pashinyan", "macron"), at(1, 1), status=Status.CANCELLED)
    call(ledger, "announced", ("putin", "macron"), at(2, 2), status=Status.PLANNED)
    call(ledger, "held", ("putin", "macron"), at(2, 2))
    ledger.append(SameEvent(("announced", "held")), id="link", recorded_at=T)
    call(ledger, "said-off", ("aliyev", "macron"), at(3, 3), status=Status.CANCELLED)
    call(ledger, "said-held", ("aliyev", "macron"), at(3, 3))
    ledger.append(SameEvent(("said-off", "said-held")), id="disputed", recorded_at=T)
    found = [(c.entries, c.doubts) for c in contact_events(ledger)]
    # Told as called off and as held: a contact in doubt (possible), not surely none.
    assert found == [(("announced", "held"), ()), (("said-off", "said-held"), ("said-off",))]


def test_a_call_called_off_and_held_later_was_put_off_not_in_doubt() -> None:
    # The cancellation is of the call at 00:00-00:30; the call held at 02:00 is another time.
    ledger = cast()
    call(ledger, "off", ("pashinyan", "putin"), at(0, 2), status=Status.CANCELLED)
    call(ledger, "held", ("pashinyan", "putin"), at(8, 8))
    ledger.append(SameEvent(("off", "held")), id="put-off", recorded_at=T)
    [contact] = contact_events(ledger)
    assert (contact.doubts, contact.took_place) == ((), "definite")
    assert last_contact(ledger, "pashinyan", "putin").definite == contact
    # Near miss: called off for a time the held readout allows: in doubt.
    call(ledger, "said-off", ("aliyev", "macron"), at(0, 4), status=Status.CANCELLED)
    call(ledger, "said-held", ("aliyev", "macron"), at(4, 6))
    ledger.append(SameEvent(("said-off", "said-held")), id="disputed", recorded_at=T)
    [doubted] = [c for c in contact_events(ledger) if c.id == "said-off"]
    assert (doubted.doubts, doubted.took_place) == (("said-off",), "possible")


def test_a_contact_someone_denies_is_possible_in_every_answer() -> None:
    ledger = cast()
    call(ledger, "before", ("pashinyan", "putin"), at(0, 0))
    call(ledger, "reported", ("pashinyan", "putin"), at(4, 4))
    [before, reported] = contact_events(ledger)
    assert (before.took_place, reported.took_place) == ("definite", "definite")
    assert last_contact(ledger, "pashinyan", "putin").definite == reported
    denial = Claim("putin", Stance.DENIES, Provenance("article"), about="reported")
    ledger.append(denial, id="denied", recorded_at=T)
    [before, reported] = contact_events(ledger)
    assert (reported.doubts, reported.took_place) == (("denied",), "possible")
    # It may not have taken place: then the call before it was the last.
    found = last_contact(ledger, "pashinyan", "putin")
    assert (found.certainty, found.definite, found.possible) == (
        "possible",
        None,
        (before, reported),
    )
    assert [m.certainty for m in contacts_of(ledger, "putin")] == ["definite", "possible"]
    [edge] = contact_graph(ledger).edges
    assert (edge.definite, edge.possible) == (1, 2)
    days = [(c.definite, c.possible) for c in contact_counts(ledger, "putin", zone="UTC")]
    assert sum(d for d, _ in days) == 1
    assert sum(p for _, p in days) == 2


def test_a_denial_taken_back_by_a_readout_of_the_denier_s_own() -> None:
    # The Kremlin denies a reported call, then publishes its own readout of it: confirmed.
    ledger = cast()
    call(ledger, "reported", ("pashinyan", "putin"), at(4, 4))
    denial = Claim("putin", Stance.DENIES, Provenance("article"), about="reported")
    ledger.append(denial, id="denied", recorded_at=T)
    later = T + STEP
    own = Call(("putin", "pashinyan"), at(4, 4), Provenance("article", via=("putin",)))
    ledger.append(own, id="own", recorded_at=later)
    ledger.append(SameEvent(("reported", "own")), id="one-call", recorded_at=later)
    [contact] = contact_events(ledger)
    assert (contact.doubts, contact.took_place) == ((), "definite")
    # Near miss: its readout as a plan says nothing of whether it took place.
    ledger = cast()
    call(ledger, "reported", ("pashinyan", "putin"), at(4, 4))
    ledger.append(denial, id="denied", recorded_at=T)
    plan = Call(
        ("putin", "pashinyan"),
        at(4, 4),
        Provenance("article", via=("putin",)),
        status=Status.PLANNED,
    )
    ledger.append(plan, id="own", recorded_at=later)
    ledger.append(SameEvent(("reported", "own")), id="one-call", recorded_at=later)
    [contact] = contact_events(ledger)
    assert (contact.doubts, contact.took_place) == (("denied",), "possible")


def test_contacts_are_in_time_order_not_the_order_recorded() -> None:
    ledger = cast()
    call(ledger, "late", ("pashinyan", "putin"), at(10, 10))
    call(ledger, "early", ("pashinyan", "macron"), at(0, 0))
    call(ledger, "vague", ("pashinyan", "aliyev"), at(0, 20))
    assert [c.id for c in contact_events(ledger)] == ["early", "vague", "late"]
    assert [e.id for e in ledger.calls_between("pashinyan", "putin")] == ["late"]


def test_contacts_of_an_actor_by_name_in_a_window_and_with_someone() -> None:
    ledger = cast()
    call(ledger, "a", ("pashinyan", "putin"), at(0, 0))
    call(ledger, "b", ("pashinyan", "macron"), at(3, 5))
    call(ledger, "c", ("putin", "macron"), at(4, 4))
    meeting = Meeting.summit(("pashinyan", "aliyev", "putin"), at(8, 8), Provenance("article"))
    ledger.append(meeting, id="m", recorded_at=T)
    found = contacts_of(ledger, "Pashinyan")
    assert [(m.contact.id, m.counterparts, m.certainty) for m in found] == [
        ("a", ("putin",), "definite"),
        ("b", ("macron",), "definite"),
        ("m", ("aliyev", "putin"), "definite"),
    ]
    window = Span(at(0, 0), at(4, 4))
    assert [
        (m.contact.id, m.certainty) for m in contacts_of(ledger, "pashinyan", window=window)
    ] == [
        ("a", "definite"),
        ("b", "possible"),  # began at 3, 4 or 5 steps: perhaps after the window
    ]
    assert [m.contact.id for m in contacts_of(ledger, "pashinyan", with_="putin")] == ["a", "m"]
    assert [m.contact.id for m in contacts_of(ledger, "pashinyan", with_=["macron", "aliyev"])] == [
        "b",
        "m",
    ]


def test_a_plan_linked_to_what_happened_says_nothing_of_when_or_who() -> None:
    ledger = cast()
    # Announced for the 12th with Macron too; held on the 14th, by the two of them.
    call(
        ledger,
        "announced",
        ("pashinyan", "putin", "macron"),
        When.day("2022-09-12", zone="UTC"),
        status=Status.PLANNED,
    )
    call(ledger, "held", ("putin", "pashinyan"), When.day("2022-09-14", zone="UTC"))
    ledger.append(SameEvent(("announced", "held")), id="link", recorded_at=T)
    [contact] = contact_events(ledger)
    assert contact.entries == ("announced", "held")  # the plan stays part of the record
    assert contact.participants == ("putin", "pashinyan")
    assert contact.start == When.day("2022-09-14", zone="UTC")
    assert contacts_of(ledger, "macron") == []
    counts = contact_counts(ledger, zone="UTC")
    assert [(c.bucket, c.definite, c.possible) for c in counts] == [("2022-09-14", 1, 1)]


def test_readouts_that_disagree_began_within_one_of_them_not_between() -> None:
    ledger = cast()
    call(ledger, "ours", ("pashinyan", "putin"), When.day("2022-09-10", zone="UTC"))
    call(ledger, "theirs", ("putin", "pashinyan"), When.day("2022-09-14", zone="UTC"))
    ledger.append(SameEvent(("ours", "theirs")), id="link", recorded_at=T)
    [contact] = contact_events(ledger)
    tenth, fourteenth = When.day("2022-09-10", zone="UTC"), When.day("2022-09-14", zone="UTC")
    assert contact.parts == (
        (tenth.earliest, tenth.latest),
        (fourteenth.earliest, fourteenth.latest),
    )
    assert (contact.start.earliest, contact.start.latest) == (tenth.earliest, fourteenth.latest)
    counts = contact_counts(ledger, zone="UTC")
    assert [(c.bucket, c.definite, c.possible) for c in counts] == [
        ("2022-09-10", 0, 1),
        ("2022-09-14", 0, 1),
    ]
    assert contacts_of(ledger, "putin", window=When.day("2022-09-12", zone="UTC")) == []
    [match] = contacts_of(ledger, "putin", window=When.day("2022-09-14", zone="UTC"))
    assert match.certainty == "possible"


def test_a_wall_time_shown_twice_is_one_of_two_instants_not_the_hour_between() -> None:
    ledger = cast()
    repeated = When.local("2022-11-06 01:30", zone="America/New_York", disambiguation="either")
    call(ledger, "c", ("pashinyan", "putin"), repeated)
    [contact] = contact_events(ledger)
    assert contact.parts == (
        (repeated.earliest, repeated.earliest),
        (repeated.latest, repeated.latest),
    )
    between = When.between(
        datetime(2022, 11, 6, 5, 45, tzinfo=UTC), datetime(2022, 11, 6, 6, 15, tzinfo=UTC)
    )
    assert contacts_of(ledger, "putin", window=between) == []
    assert contact_graph(ledger, window=between).edges == ()


@pytest.mark.parametrize("window", [datetime(2022, 9, 12, tzinfo=UTC), "2022-09-12", 2022])
def test_a_window_that_is_no_time_is_refused_clearly(window: object) -> None:
    ledger = cast()
    call(ledger, "c", ("pashinyan", "putin"), at(0, 0))
    with pytest.raises(InvalidValueError, match="a window is a When or a Span"):
        contacts_of(ledger, "putin", window=window)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="a window is a When or a Span"):
        contact_graph(ledger, window=window)  # type: ignore[arg-type]


def test_retracted_and_corrected_readouts_count_as_they_now_stand() -> None:
    ledger = cast()
    call(ledger, "wrong", ("pashinyan", "putin"), at(0, 0))
    ledger.append(Retraction("wrong"), id="withdrawn", recorded_at=T)
    call(ledger, "moved", ("pashinyan", "macron"), at(0, 0))
    moved = Call(("pashinyan", "macron"), at(8, 8), Provenance("article"))
    ledger.append(moved, id="moved-v2", recorded_at=T, supersedes="moved")
    call(ledger, "off", ("pashinyan", "aliyev"), at(0, 0))
    off = Call(("pashinyan", "aliyev"), at(0, 0), Provenance("article"), status=Status.CANCELLED)
    ledger.append(off, id="off-v2", recorded_at=T, supersedes="off")
    call(ledger, "a", ("putin", "macron"), at(1, 1))
    call(ledger, "b", ("macron", "putin"), at(1, 1))
    ledger.append(SameEvent(("a", "b")), id="link", recorded_at=T)
    ledger.append(Retraction("link"), id="unlinked", recorded_at=T)
    assert [c.entries for c in contact_events(ledger)] == [("a",), ("b",), ("moved-v2",)]
    assert contact_events(ledger)[-1].start == at(8, 8)


def test_a_state_is_not_its_leader_and_names_and_aliases_all_resolve() -> None:
    ledger = cast()
    ledger.append(
        Actor("Armenia", ActorKind.STATE, aliases=("Yerevan",)), id="armenia", recorded_at=T
    )
    ledger.append(
        Actor("Nikol Pashinyan", ActorKind.PERSON, aliases=("Pashinyan",)),
        id="pashinyan-v2",
        recorded_at=T,
        supersedes="pashinyan",
    )
    call(ledger, "c", ("pashinyan", "putin"), at(0, 0))
    call(ledger, "d", ("armenia", "putin"), at(4, 4))  # the state itself, a party to a call
    assert [m.contact.id for m in contacts_of(ledger, "Yerevan")] == ["d"]
    for name in ("pashinyan", "pashinyan-v2", "Nikol Pashinyan", "PASHINYAN"):
        assert [m.contact.id for m in contacts_of(ledger, name)] == ["c"]
        assert last_contact(ledger, name, "Putin").definite == contact_events(ledger)[0]
        assert [c.possible for c in contact_counts(ledger, name, zone="UTC")] == [1]
        assert [e.contacts for e in contact_graph(ledger, actor=name).edges] == [("c",)]
