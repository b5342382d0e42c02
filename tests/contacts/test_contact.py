"""Contacts as events (``contacts/_contact.py``): readouts once, plans and cancellations none."""

from __future__ import annotations

from diplomacy_ledger import (
    Meeting,
    Provenance,
    SameEvent,
    Span,
    Status,
    contact_events,
    contacts_of,
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
    assert [c.entries for c in contact_events(ledger)] == [("announced", "held")]


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
