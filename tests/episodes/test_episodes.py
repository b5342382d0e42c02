"""Real episodes held to what an analyst expected of them before the checks ran."""

from __future__ import annotations

from types import ModuleType

import pytest

from diplomacy_ledger import (
    Finding,
    When,
    check,
    contact_counts,
    contact_events,
    contact_graph,
    contacts_of,
    last_contact,
    plover_records,
    unrecorded_tenures,
)
from tests.episodes import (
    anchorage_2025,
    biden_xi_2021,
    easter_truce_2025,
    gaza_truce_2023,
    geneva_2021,
    hanoi_2019,
    india_pakistan_2025,
    israel_iran_2025,
    karabakh_2020,
    minsk_2015,
    oval_office_2025,
    przewodow_2022,
    singapore_2018,
    thailand_cambodia_2025,
    trump_calls_2025,
    trump_putin_2024,
    vilnius_2023,
)


def kinds(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.kind, f.certainty) for f in findings]


@pytest.mark.parametrize(
    "episode",
    [
        india_pakistan_2025,
        biden_xi_2021,
        karabakh_2020,
        geneva_2021,
        minsk_2015,
        thailand_cambodia_2025,
        easter_truce_2025,
        trump_calls_2025,
        singapore_2018,
        gaza_truce_2023,
        trump_putin_2024,
        vilnius_2023,
        przewodow_2022,
        oval_office_2025,
        hanoi_2019,
        israel_iran_2025,
        anchorage_2025,
    ],
    ids=lambda m: m.__name__,
)
def test_the_checks_find_what_an_analyst_expects(episode: ModuleType) -> None:
    assert kinds(check(episode.ledger())) == episode.EXPECTED


@pytest.mark.parametrize(
    "episode", [singapore_2018, gaza_truce_2023, przewodow_2022], ids=lambda m: m.__name__
)
def test_and_what_an_analyst_expects_of_the_ledger_as_it_was_known(episode: ModuleType) -> None:
    ledger = episode.ledger()
    for moment, expected in episode.EXPECTED_AS_OF.items():
        assert kinds(check(ledger.as_of(moment))) == expected, moment


def test_a_third_party_announcement_and_its_denial() -> None:
    findings = check(india_pakistan_2025.ledger())
    violation, contradiction = findings  # findings sort by kind
    assert contradiction.entries == ("us-mediation", "india-denies-mediation")
    assert violation.entries == ("ceasefire", "violations")
    assert "India" in violation.explanation


def test_offices_named_without_a_tenure_are_listed_not_reported() -> None:
    ledger = india_pakistan_2025.ledger()
    assert not [f for f in check(ledger) if f.kind == "office_not_held"]
    pairs = {(u.person, u.office) for u in unrecorded_tenures(ledger)}
    assert pairs == india_pakistan_2025.EXPECTED_UNRECORDED


def test_readouts_on_two_calendar_days_unlinked_are_still_no_finding() -> None:
    assert check(biden_xi_2021.ledger(linked=False)) == []


def test_a_summit_told_twice_is_one_meeting_at_a_third_location() -> None:
    [summit] = plover_records(geneva_2021.ledger())
    assert (summit["event"], summit["mode"], summit["cameo"]) == (
        ["CONSULT"],
        ["third-party"],
        "044",
    )
    assert summit["readouts"] == ["us-account", "russian-account"]
    names = {summit["actor"][0]["entity_text"], summit["recipient"][0]["entity_text"]}
    assert names == {"Joe Biden", "Vladimir Putin"}


def test_an_agreement_is_what_its_ceasefire_and_statements_point_at() -> None:
    ledger = karabakh_2020.ledger()
    mentions = [entry.id for entry in ledger.mentioning("trilateral-statement")]
    assert mentions == ["ceasefire", "signed-putin", "signed-pashinyan"]
    [aliyev] = unrecorded_tenures(ledger)
    assert (aliyev.person, aliyev.office, aliyev.entries) == (
        "aliyev",
        "president-azerbaijan",
        ("trilateral-statement",),
    )


def test_fighting_between_the_sides_after_an_agreed_ceasefire() -> None:
    ledger = minsk_2015.ledger()
    violation, contradiction = check(ledger)
    assert violation.entries == ("ceasefire", "debaltseve-fighting")
    assert "no one side is known to have broken it" in violation.explanation
    assert contradiction.entries == ("covered", "not-covered")
    [summit] = [r for r in plover_records(ledger) if r["id"] == "summit"]
    assert (summit["mode"], summit["cameo"]) == (["multilateral"], "040")


def test_a_hosted_ceasefire_and_the_accusations_after_it() -> None:
    ledger = thailand_cambodia_2025.ledger()
    violation, contradiction = check(ledger)
    assert violation.entries == ("ceasefire", "violations")
    assert violation.explanation.startswith("Fighting by Cambodian armed forces (")
    assert "'denial' (a claim) denies 'violations' (a hostility)" in violation.explanation
    # Thailand's rejection of Cambodia's denial is the same dispute: no second finding.
    assert contradiction.entries == ("violations", "denial")
    pairs = {(u.person, u.office) for u in unrecorded_tenures(ledger)}
    assert pairs == thailand_cambodia_2025.EXPECTED_UNRECORDED


def test_a_unilateral_truce_binds_its_declarer_and_ends_when_it_ends() -> None:
    findings = check(easter_truce_2025.ledger())
    named = {entry for finding in findings for entry in finding.entries}
    assert "ukrainian-fire" not in named  # Ukraine never agreed to it
    assert "after-the-truce" not in named  # the drones of 21 April came after its end
    violation = findings[0]
    assert violation.entries == ("truce", "russian-fire")
    assert "the ceasefire declared by Russia alone" in violation.explanation


def test_readouts_on_one_day_in_three_zones_and_a_plan_carried_out() -> None:
    ledger = trump_calls_2025.ledger()
    assert check(ledger) == []
    assert check(ledger, only=["readout_mismatch", "anachronism"]) == []


def test_a_summit_called_off_and_held_is_one_entry_with_its_history() -> None:
    ledger = singapore_2018.ledger()
    versions = [entry.id for entry in ledger.history("summit")]
    assert versions == ["summit", "summit-called-off", "summit-back-on", "summit-held"]


def test_a_truce_extended_twice_ends_when_the_last_extension_says() -> None:
    ledger = gaza_truce_2023.ledger()
    [violation] = check(ledger)
    assert violation.entries == ("truce-qatar-30", "rocket")
    assert "may have begun only after the ceasefire ended" in violation.explanation
    assert "Hamas, as 'pause-violated' (a claim) says" in violation.explanation
    named = {entry for finding in check(ledger) for entry in finding.entries}
    assert "resumed" not in named


def test_a_call_one_side_reported_and_the_other_denied() -> None:
    ledger = trump_putin_2024.ledger()
    findings = check(ledger)
    assert {f.entries for f in findings} == set(trump_putin_2024.EXPECTED_CONTRADICTIONS)
    pairs = {(u.person, u.office) for u in unrecorded_tenures(ledger)}
    assert pairs == trump_putin_2024.EXPECTED_UNRECORDED


def test_a_denied_call_is_a_possible_contact_and_the_last_one_possibly() -> None:
    ledger = trump_putin_2024.ledger()
    expected = trump_putin_2024.EXPECTED_CONTACTS
    for moment, (certainty, definite, possible) in expected["last"].items():
        found = last_contact(ledger.as_of(moment), "Trump", "Putin")
        assert found.certainty == certainty, moment
        assert (found.definite.id if found.definite else None) == definite, moment
        assert [c.id for c in found.possible] == possible, moment
    november = When.month(2024, 11, zone=trump_putin_2024.WASHINGTON)
    denied = ledger.as_of(trump_putin_2024.KREMLIN_DENIES)
    matches = contacts_of(denied, "Trump", window=november)
    assert [(m.contact.id, m.counterparts, m.certainty) for m in matches] == expected["november"]
    for zone, rows in expected["days"].items():
        counted = contact_counts(ledger, "Trump", per="day", zone=zone)
        assert [(c.bucket, c.definite, c.possible) for c in counted] == rows, zone
    [edge] = contact_graph(ledger).edges
    assert (edge.source, edge.target, edge.definite, edge.possible) == expected["edge"]


def test_a_summit_and_its_sidelines_in_two_zones() -> None:
    ledger = vilnius_2023.ledger()
    expected = vilnius_2023.EXPECTED_CONTACTS
    assert len(contact_events(ledger)) == expected["count"]
    assert [m.contact.id for m in contacts_of(ledger, "Biden")] == expected["biden"]
    for (actor, zone), rows in expected["days"].items():
        counted = contact_counts(ledger, actor, per="day", zone=zone)
        assert [(c.bucket, c.definite, c.possible) for c in counted] == rows, (actor, zone)
    graph = contact_graph(ledger)
    assert (len(graph.nodes), len(graph.edges)) == expected["graph"]
    edges = {(e.source, e.target): (e.definite, e.possible) for e in graph.edges}
    for pair, counts in expected["edges"].items():
        assert edges[pair] == counts, pair
    for (a, b), (certainty, definite, possible) in expected["last"].items():
        found = last_contact(ledger, a, b)
        assert found.certainty == certainty, (a, b)
        assert (found.definite.id if found.definite else None) == definite, (a, b)
        assert [c.id for c in found.possible] == possible, (a, b)


def test_a_premature_attribution_corrected_and_the_denial_it_drew() -> None:
    ledger = przewodow_2022.ledger()
    expected = przewodow_2022.EXPECTED_ENTRIES
    night = {f.entries for f in check(ledger.as_of(przewodow_2022.ACCUSED))}
    assert night == {expected["first story"]}
    now = {f.entries: f for f in check(ledger)}
    assert set(now) == {expected["corrected"], expected["assessment"]}
    words = now[expected["corrected"]].explanation
    # The corrected story no longer names Russia: it is not given as asserting what was denied,
    # and the finding says which version the denial answered.
    assert "gave 'explosion-corrected'" not in words
    assert "answered 'explosion' (a hostility), which 'explosion-corrected'" in words


def test_a_meeting_held_and_a_signing_called_off_then_put_off() -> None:
    ledger = oval_office_2025.ledger()
    expected = oval_office_2025.EXPECTED_CONTACTS
    assert len(contact_events(ledger)) == expected["count"]
    assert [m.contact.id for m in contacts_of(ledger, "Trump")] == expected["trump"]
    found = last_contact(ledger, "Trump", "Zelensky")
    assert (found.certainty, found.definite.id if found.definite else None) == expected["last"]
    march = When.day("2025-03-01", zone=oval_office_2025.WASHINGTON)
    found = last_contact(ledger, "Trump", "Zelensky", before=march)
    assert (found.certainty, found.definite.id if found.definite else None) == expected[
        "last before March"
    ]
    for zone, rows in expected["days"].items():
        counted = contact_counts(ledger, "Trump", per="day", zone=zone)
        assert [(c.bucket, c.definite, c.possible) for c in counted] == rows, zone
    graph = contact_graph(ledger)
    assert (len(graph.nodes), len(graph.edges)) == expected["graph"]
    [edge] = graph.edges
    assert (edge.source, edge.target, edge.definite, edge.possible) == expected["edge"]
    pairs = {(u.person, u.office) for u in unrecorded_tenures(ledger)}
    assert pairs == oval_office_2025.EXPECTED_UNRECORDED
    # Linked with February's plan as one deal, the April signing was put off, not disputed.
    linked = oval_office_2025.ledger(linked_signing=True)
    assert kinds(check(linked)) == oval_office_2025.EXPECTED_LINKED_SIGNING


def test_a_summit_cut_short_its_lunch_and_signing_called_off() -> None:
    ledger = hanoi_2019.ledger()
    [finding] = check(ledger)
    assert finding.entries == hanoi_2019.EXPECTED_CONTRADICTION
    assert "they wanted the sanctions lifted in their entirety" in finding.explanation
    assert "'North Korea asked for a partial lifting" in finding.explanation
    pairs = {(u.person, u.office) for u in unrecorded_tenures(ledger)}
    assert pairs == hanoi_2019.EXPECTED_UNRECORDED
    expected = hanoi_2019.EXPECTED_CONTACTS
    assert len(contact_events(ledger)) == expected["count"]
    matches = contacts_of(ledger, "Trump", with_="Kim")
    assert [m.contact.id for m in matches] == expected["between"]
    found = last_contact(ledger, "Trump", "Kim")
    assert (found.certainty, found.definite.id if found.definite else None) == expected["last"]
    found = last_contact(ledger, "Trump", "Kim", before=hanoi_2019.BEFORE_THE_28TH)
    assert (found.certainty, found.definite.id if found.definite else None) == expected[
        "last before the 28th"
    ]
    for (actor, zone), rows in expected["days"].items():
        counted = contact_counts(ledger, actor, per="day", zone=zone)
        assert [(c.bucket, c.definite, c.possible) for c in counted] == rows, (actor, zone)
    graph = contact_graph(ledger)
    assert (len(graph.nodes), len(graph.edges)) == expected["graph"]
    edges = {(e.source, e.target): (e.definite, e.possible) for e in graph.edges}
    assert edges == expected["edges"]


def test_a_ceasefire_a_third_party_announced_and_each_side_accused() -> None:
    ledger = israel_iran_2025.ledger()
    findings = check(ledger)
    assert {(f.kind, f.entries) for f in findings} == israel_iran_2025.EXPECTED_ENTRIES
    assert "NO 'agreement'" in findings[2].explanation
    pairs = {(u.person, u.office) for u in unrecorded_tenures(ledger)}
    assert pairs == israel_iran_2025.EXPECTED_UNRECORDED
    phased = check(israel_iran_2025.ledger(phased=True))
    assert kinds(phased) == israel_iran_2025.EXPECTED_PHASED
    radar = [f for f in phased if f.entries == ("announced", "in-effect", "radar-strike")]
    assert "Fighting by Israel" in radar[0].explanation
    assert "the ceasefire between Israel and Iran took effect" in radar[0].explanation


def test_a_summit_at_a_third_place_told_on_two_calendars() -> None:
    ledger = anchorage_2025.ledger()
    expected = anchorage_2025.EXPECTED_CONTACTS
    assert len(contact_events(ledger)) == expected["count"]
    found = last_contact(ledger, "Trump", "Putin")
    assert (found.certainty, found.definite.id if found.definite else None) == expected["last"]
    found = last_contact(ledger, "Trump", "Putin", before=anchorage_2025.BEFORE_THE_SUMMIT)
    assert (found.certainty, found.definite.id if found.definite else None) == expected[
        "last before the summit"
    ]
    months = contact_counts(ledger, "Trump", per="month", zone=anchorage_2025.WASHINGTON)
    assert [(c.bucket, c.definite, c.possible) for c in months] == expected["months"]
    days = contact_counts(ledger, "Putin", per="day", zone=anchorage_2025.MOSCOW)
    assert [(c.bucket, c.definite, c.possible) for c in days] == expected["moscow days"]
    graph = contact_graph(ledger)
    assert (len(graph.nodes), len(graph.edges)) == expected["graph"]
    [edge] = [e for e in graph.edges if {e.source, e.target} == {"trump", "putin"}]
    assert (edge.source, edge.target, edge.definite, edge.possible) == expected["edge"]
    # The Kremlin's readout on Moscow's calendar: no mismatch, and a day surely in each zone.
    moscow_day = anchorage_2025.ledger(kremlin_day=True)
    assert check(moscow_day) == []
    for zone, rows in expected["summit day"].items():
        counted = contact_counts(moscow_day, "Rubio", per="day", zone=zone)
        assert [(c.bucket, c.definite, c.possible) for c in counted] == rows, zone
    pairs = {(u.person, u.office) for u in unrecorded_tenures(ledger)}
    assert pairs == anchorage_2025.EXPECTED_UNRECORDED
    [summit] = [r for r in plover_records(ledger) if r["id"] == "summit-us"]
    plover = anchorage_2025.EXPECTED_PLOVER
    assert summit["readouts"] == plover["readouts"]
    assert (summit["event"], summit["mode"], summit["cameo"]) == plover["mode"]
    sides = [[a["entity_text"] for a in summit[role]] for role in ("actor", "recipient")]
    assert tuple(sides) == plover["sides"]
    unplaced = check(anchorage_2025.ledger(base_in_city=False))
    assert kinds(unplaced) == anchorage_2025.EXPECTED_UNPLACED
    assert "one may lie within the other" in unplaced[0].explanation
