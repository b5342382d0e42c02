"""Ledgers an analyst gets wrong, and the checks still read: no crash, and a finding that says so.

Records of different kinds linked as one event, and actors retracted while records still name
them, crashed every run of the checks; links between random records, denials and retractions
are drawn here from the library's own strategies.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplomacy_ledger import (
    Call,
    Ceasefire,
    Claim,
    Hostility,
    Ledger,
    Provenance,
    Retraction,
    SameEvent,
    Span,
    Stance,
    check,
)
from diplomacy_ledger.strategies import ledgers
from tests.checks._helpers import add, found, src, y

AFTER = Span(y("2022-09-13 03:00"), y("2022-09-13 05:00"))


def test_a_ceasefire_linked_with_a_fight_is_a_mismatch(base: Ledger) -> None:
    add(base, "cf", Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src("arm-gov")))
    add(base, "h", Hostility(AFTER, src("arm-gov"), attacker="aze-army", target="armenia"))
    add(base, "link", SameEvent(("cf", "h")))
    [mismatch] = check(base, only=["readout_mismatch"])
    assert mismatch.entries == ("link", "cf", "h")
    assert "they tell different kinds of event (ceasefire in 'cf'; hostility in 'h')" in (
        mismatch.explanation
    )
    assert found(base, "ceasefire_violation") == [("possible", ("cf", "h"))]


def test_a_call_linked_with_a_ceasefire_is_still_a_call(base: Ledger) -> None:
    add(base, "c", Call(["pashinyan", "putin"], y("2022-09-13 02:30"), src()))
    add(base, "cf", Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src()))
    add(base, "link", SameEvent(("c", "cf")))
    add(base, "c2", Call(["pashinyan", "macron"], y("2022-09-13 02:30"), src()))
    assert found(base, "double_booking") == [("definite", ("c", "c2"))]


def test_an_actor_retracted_while_named_is_unknown(base: Ledger) -> None:
    add(base, "cf", Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src("arm-gov")))
    add(base, "h", Hostility(AFTER, src("arm-gov"), attacker="aze-army", target="armenia"))
    add(base, "x", Retraction("aze-army"))
    # Who attacked is no longer known to be Azerbaijan's: nothing between the parties.
    assert found(base, "ceasefire_violation") == []


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(ledgers(min_size=5, max_size=30), st.randoms(use_true_random=False))
def test_links_denials_and_retractions_anywhere_never_crash(
    ledger: Ledger, rnd: random.Random
) -> None:
    ids = [e.id for e in ledger.entries() if e.kind != "same_event"]
    sources = [e.id for e in ledger.entries() if e.kind == "source"]
    actors = [e.id for e in ledger.entries() if e.kind == "actor"]
    at = ledger.last_recorded
    assert at is not None
    for k in range(3):
        linked = rnd.sample(ids, min(len(ids), rnd.randint(2, 4)))
        if len(linked) >= 2:
            ledger.append(SameEvent(tuple(linked)), id=f"untidy-link-{k}", recorded_at=at)
    if sources and actors:
        denial = Claim(rnd.choice(actors), Stance.DENIES, Provenance(sources[0]), about=ids[0])
        ledger.append(denial, id="untidy-denial", recorded_at=at)
    ledger.append(Retraction(rnd.choice(ids)), id="untidy-retraction", recorded_at=at)
    assert all(finding.explanation for finding in check(ledger))
