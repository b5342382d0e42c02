"""Corroboration (``checks/_corroboration.py``): more evidence never lowers certainty (#13).

Property tests over a ceasefire and fighting told in different ways: who is named as attacker,
who relays it, and which other accounts vouch for it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Ceasefire,
    Claim,
    Entry,
    Hostility,
    Ledger,
    Provenance,
    Record,
    Report,
    SameEvent,
    Source,
    Span,
    Stance,
    When,
    check,
)
from diplomacy_ledger.checks._corroboration import independent

T = datetime(2022, 9, 13, 6, tzinfo=UTC)
RANK = {"possible": 1, "definite": 2}
CAST: list[tuple[str, Record]] = [
    ("armenia", Actor("Armenia", ActorKind.STATE)),
    ("azerbaijan", Actor("Azerbaijan", ActorKind.STATE)),
    ("russia", Actor("Russia", ActorKind.STATE)),
    ("arm-gov", Actor("Government of Armenia", ActorKind.GOVERNMENT, part_of="armenia")),
    ("aze-army", Actor("Azerbaijani armed forces", ActorKind.ARMED_FORCES, part_of="azerbaijan")),
    ("monitors", Actor("Monitors", ActorKind.COLLECTIVE)),
    ("article", Source("an article")),
    ("tass", Source("a statement from Moscow")),
    ("wire", Source("a wire report")),
]


def y(wall: str) -> When:
    return When.local(wall, zone="Asia/Yerevan")


def ledger(*records: tuple[str, Record]) -> Ledger:
    truce = Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), Provenance("article"))
    return Ledger([Entry(id, T, r) for id, r in [*CAST, ("cf", truce), *records]])


def certainty(led: Ledger) -> int:
    """The certainty of the one violation, 0 when there is none."""
    findings = check(led, only=["ceasefire_violation"])
    return max((RANK[f.certainty] for f in findings), default=0)


starts = st.sampled_from(["2022-09-13 02:00", "2022-09-13 03:00"])
attackers = st.sampled_from([None, "aze-army"])
vias = st.sampled_from([(), ("arm-gov",), ("monitors",)])
sources = st.sampled_from(["article", "wire"])
accounts = st.lists(
    st.tuples(
        st.sampled_from(["report", "asserts", "accuses"]),
        st.sampled_from(["russia", "monitors", "arm-gov"]),
        st.sampled_from(["tass", "wire", "article"]),
    ),
    max_size=3,
)


tellings = st.tuples(starts, attackers, vias, sources, accounts)
"""How the fighting is told: its start, attacker, relays and source, and the other accounts."""
Telling = tuple[str, str | None, tuple[str, ...], str, list[tuple[str, str, str]]]


def fight(start: str, attacker: str | None, via: tuple[str, ...], source: str) -> Hostility:
    span = Span(y(start), y("2022-09-13 08:00"))
    return Hostility(span, Provenance(source, via), attacker=attacker, target="armenia")


def account(n: int, kind: str, who: str, source: str) -> tuple[str, Record]:
    if kind == "report":
        return f"acc-{n}", Report(who, "h", Provenance(source))
    if kind == "asserts":
        return f"acc-{n}", Claim(who, Stance.ASSERTS, Provenance(source), about="h")
    return f"acc-{n}", Claim(who, Stance.ACCUSES, Provenance(source), about="h", accused="aze-army")


@given(tellings)
def test_an_independent_corroborating_account_never_lowers_certainty(telling: Telling) -> None:
    start, attacker, via, source, more = telling
    told = [account(n, *a) for n, a in enumerate(more)]
    before = certainty(ledger(("h", fight(start, attacker, via, source)), *told))
    corroborated = ("moscow", Claim("russia", Stance.ASSERTS, Provenance("tass"), about="h"))
    after = certainty(ledger(("h", fight(start, attacker, via, source)), *told, corroborated))
    assert after >= before


@given(starts, vias, sources, accounts)
def test_naming_no_attacker_never_gives_more_certainty(
    start: str, via: tuple[str, ...], source: str, more: list[tuple[str, str, str]]
) -> None:
    told = [account(n, *a) for n, a in enumerate(more) if a[0] != "accuses"]
    named = certainty(ledger(("h", fight(start, "aze-army", via, source)), *told))
    unnamed = certainty(ledger(("h", fight(start, None, via, source)), *told))
    assert unnamed <= named or named == 0


@given(tellings)
def test_removing_an_account_never_raises_certainty(telling: Telling) -> None:
    start, attacker, via, source, more = telling
    told = [account(n, *a) for n, a in enumerate(more)]
    full = certainty(ledger(("h", fight(start, attacker, via, source)), *told))
    fewer = certainty(ledger(("h", fight(start, attacker, via, source)), *told[:-1]))
    assert fewer <= full


@given(starts, attackers, vias, sources)
def test_linking_two_agreeing_readouts_never_adds_a_finding(
    start: str, attacker: str | None, via: tuple[str, ...], source: str
) -> None:
    readouts = [
        ("h", fight(start, attacker, via, source)),
        ("h2", fight(start, attacker, via, "tass")),
    ]
    apart = check(ledger(*readouts))
    linked = check(ledger(*readouts, ("one", SameEvent(("h", "h2")))))
    assert len(linked) <= len(apart)


@given(st.lists(st.tuples(st.sampled_from("ABC"), st.sampled_from("xyz")), max_size=8))
def test_independence_is_two_accounts_sharing_neither_actor_nor_source(
    accounts: list[tuple[str, str]],
) -> None:
    # The one-pass answer is the definition: some pair differs in both.
    pairwise = any(
        a[0] != b[0] and a[1] != b[1] for i, a in enumerate(accounts) for b in accounts[i + 1 :]
    )
    assert independent(accounts) == pairwise
