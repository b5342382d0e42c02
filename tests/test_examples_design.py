"""Every row of DESIGN.md §1 ("The founding example, read closely") is in the seed ledger.

One test per row, in the table's order, each checking the row's record by kind and key field.
Expected values are derived by hand from the article and the seed notes.
"""

from __future__ import annotations

import pytest

from diplomacy_ledger import (
    Actor,
    Call,
    Ceasefire,
    Claim,
    Hostility,
    Ledger,
    Mediation,
    Medium,
    Place,
    Precision,
    Report,
    Stance,
    Statement,
    Truth,
    When,
    resolve_phrase,
)
from diplomacy_ledger import examples as ex
from tests._seed import record, utc

SHELLED = {"sotk", "vardenis", "goris", "kapan", "artanish", "ishkhanasar"}


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return ex.seed_ledger()


def test_row_01_two_phone_calls_between_leaders_in_office_in_the_early_hours(
    ledger: Ledger,
) -> None:
    calls = {entry.id: entry.record for entry in ledger.by_kind(Call)}
    assert calls == {
        ex.CALL_PUTIN: record(ledger, ex.CALL_PUTIN, Call),
        ex.CALL_MACRON: record(ledger, ex.CALL_MACRON, Call),
    }
    expected = {
        ex.CALL_PUTIN: [("pashinyan", "pm-armenia"), ("putin", "president-russia")],
        ex.CALL_MACRON: [("pashinyan", "pm-armenia"), ("macron", "president-france")],
    }
    tuesday = When.day("2022-09-13", zone="Asia/Yerevan")
    for id, call in calls.items():
        assert isinstance(call, Call)
        assert [(p.actor, p.office) for p in call.participants] == expected[id]
        assert call.medium is Medium.PHONE
        assert call.when == resolve_phrase(
            "early hours of Tuesday", anchor=tuesday, zone="Asia/Yerevan"
        )


def test_row_02_a_hostility_with_attacker_weapons_places_and_the_calls_after_it(
    ledger: Ledger,
) -> None:
    shelling = record(ledger, ex.HOSTILITY_SHELLING, Hostility)
    assert (shelling.attacker, shelling.target) == ("azerbaijan-armed-forces", "armenia")
    assert "azerbaijan" in ledger.lineage(shelling.attacker or "")
    assert shelling.means == ("artillery", "drones")
    assert set(shelling.places) == SHELLED
    # The calls came after it began: they cannot have come before.
    for call in (ex.CALL_PUTIN, ex.CALL_MACRON):
        when = record(ledger, call, Call).when
        assert isinstance(when, When)
        assert when.before(shelling.span.start) is Truth.NOT


def test_row_03_midnight_is_a_local_wall_time_on_monday_in_utc(ledger: Ledger) -> None:
    start = record(ledger, ex.HOSTILITY_SHELLING, Hostility).span.start
    assert start == When.local("2022-09-13 00:00", zone="Asia/Yerevan")
    assert start.text == "midnight"
    assert start.is_exact
    assert start.earliest == utc("2022-09-12T20:00Z")
    assert start.earliest.strftime("%A") == "Monday"


def test_row_04_statements_made_during_the_calls_with_quotes(ledger: Ledger) -> None:
    for statement_id, call_id, listener in (
        (ex.STATEMENT_TO_PUTIN, ex.CALL_PUTIN, "putin"),
        (ex.STATEMENT_TO_MACRON, ex.CALL_MACRON, "macron"),
    ):
        statement = record(ledger, statement_id, Statement)
        assert statement.speaker.actor == "pashinyan"
        assert statement.audience == (listener,)
        assert statement.during == call_id
        assert statement.words is not None
        assert "provocative, aggressive actions of the Azerbaijani armed forces" in statement.words
        assert "which began at midnight" in statement.words
        assert "adequate response from the international community" in statement.words


def test_row_05_the_calls_are_known_through_the_government_in_yerevan(ledger: Ledger) -> None:
    yerevan = ledger.resolve_actor("the government in Yerevan")
    assert yerevan == ledger.resolve_actor("Yerevan") == "armenia-government"
    known = {entry.id for entry in ledger.by_source(yerevan)}
    assert {ex.CALL_PUTIN, ex.CALL_MACRON, ex.STATEMENT_TO_PUTIN, ex.STATEMENT_TO_MACRON} <= known
    for call in (ex.CALL_PUTIN, ex.CALL_MACRON):
        provenance = record(ledger, call, Call).provenance
        assert (provenance.source, provenance.via) == (ex.SOURCE_ARTICLE, (yerevan,))
        assert provenance.quote is not None
        assert provenance.quote.endswith("the government in Yerevan said.")


def test_row_06_the_defense_ministry_claims_shelling_at_six_zoned_places(ledger: Ledger) -> None:
    claim = record(ledger, ex.CLAIM_SHELLING, Claim)
    assert ledger.resolve_actor("The Armenian Defense Ministry") == claim.claimant
    assert (claim.stance, claim.about) == (Stance.ASSERTS, ex.HOSTILITY_SHELLING)
    assert claim.proposition is not None
    assert "reports of casualties" in claim.proposition
    places = record(ledger, ex.HOSTILITY_SHELLING, Hostility).places
    for id in places:
        place = record(ledger, id, Place)
        assert (place.zone, place.states) == ("Asia/Yerevan", ("armenia",))
        assert place.name in (claim.words or "")
    assert {p for p in places if ledger.by_place(p)} == SHELLED


def test_row_07_a_claim_about_a_claim_azerbaijan_accuses_armenia_denies(ledger: Ledger) -> None:
    accusation = record(ledger, ex.CLAIM_ARMENIA_STARTED, Claim)
    assert (accusation.claimant, accusation.stance, accusation.accused) == (
        "azerbaijan-government",
        Stance.ACCUSES,
        "armenia",
    )
    assert accusation.about == ex.HOSTILITY_SHELLING
    assert accusation.provenance.via == ("armenia-government",)  # "Yerevan added"
    denial = record(ledger, ex.CLAIM_STARTED_DENIAL, Claim)
    assert (denial.claimant, denial.stance, denial.about) == (
        "armenia-government",
        Stance.DENIES,
        ex.CLAIM_ARMENIA_STARTED,
    )
    assert denial.words == "completely false"
    # Both sides are kept: the denial points at the accusation, which stays current.
    assert [e.id for e in ledger.mentioning(ex.CLAIM_ARMENIA_STARTED)] == [ex.CLAIM_STARTED_DENIAL]
    assert ledger.current(ex.CLAIM_ARMENIA_STARTED) is not None


def test_row_08_an_accusation_over_the_weekend_in_baku(ledger: Ledger) -> None:
    accusation = record(ledger, ex.CLAIM_SABOTEURS, Claim)
    assert accusation.claimant == ledger.resolve_actor("Azerbaijan's defense ministry")
    assert (accusation.stance, accusation.accused) == (Stance.ACCUSES, "armenian-saboteurs")
    mining = record(ledger, accusation.about or "", Hostility)
    assert (mining.attacker, mining.means) == ("armenian-saboteurs", ("mining",))
    assert mining.description is not None
    assert "unspecified number of military casualties" in mining.description
    # Saturday 10 and Sunday 11 September on Baku's clocks (UTC+4).
    weekend = When.between(
        When.day("2022-09-10", zone="Asia/Baku"), When.day("2022-09-11", zone="Asia/Baku")
    )
    assert (weekend.earliest, weekend.latest) == (
        utc("2022-09-09T20:00Z"),
        utc("2022-09-11T19:59:59.999999Z"),
    )
    assert mining.span.start == mining.span.end == weekend
    assert mining.span.start.text == "over the weekend"


def test_row_09_a_denial_of_unattributed_reports(ledger: Ledger) -> None:
    reports = record(ledger, ex.CLAIM_INVASION_REPORTS, Claim)
    assert ledger.actor(reports.claimant).kind.value == "collective"
    assert (reports.stance, reports.words) == (Stance.ASSERTS, "full-scale invasion")
    denial = record(ledger, ex.CLAIM_INVASION_DENIAL, Claim)
    assert (denial.claimant, denial.stance, denial.about, denial.words) == (
        ledger.resolve_actor("Baku"),
        Stance.DENIES,
        ex.CLAIM_INVASION_REPORTS,
        "false",
    )


def test_row_10_a_mediated_ceasefire_reported_second_hand_and_denied(ledger: Ledger) -> None:
    mediation = record(ledger, ex.MEDIATION_REPORTED, Mediation)
    assert (mediation.mediators, mediation.parties) == (("russia",), ("armenia", "azerbaijan"))
    ceasefire = record(ledger, ex.CEASEFIRE_REPORTED, Ceasefire)
    assert ceasefire.mediation == ex.MEDIATION_REPORTED
    assert ceasefire.parties == ("armenia", "azerbaijan")
    effective = ceasefire.effective
    # 02:30 in Yerevan = 22:30 UTC on the 12th = 01:30 in Moscow = 00:30 in Paris.
    assert effective.earliest == utc("2022-09-12T22:30Z")
    assert effective.local_bounds("Europe/Moscow")[0].strftime("%H:%M") == "01:30"
    assert effective.local_bounds("Europe/Paris")[0].strftime("%a %H:%M") == "Tue 00:30"
    assert mediation.provenance.via == ceasefire.provenance.via == ("armenian-media",)
    report = record(ledger, ex.REPORT_CEASEFIRE, Report)
    assert (report.reporter, report.about) == ("armenian-media", ex.CEASEFIRE_REPORTED)
    denial = record(ledger, ex.CLAIM_CEASEFIRE_DENIAL, Claim)
    assert (denial.stance, denial.about) == (Stance.DENIES, ex.CEASEFIRE_REPORTED)
    assert "azerbaijan" in ledger.lineage(denial.claimant)
    assert "azerbaijan" in ceasefire.parties


def test_row_11_fighting_reportedly_ongoing_a_possible_ceasefire_violation(
    ledger: Ledger,
) -> None:
    shelling = record(ledger, ex.HOSTILITY_SHELLING, Hostility)
    assert shelling.span.ongoing_as_of == When.day("2022-09-13", zone="Asia/Yerevan")
    ceasefire = record(ledger, ex.CEASEFIRE_REPORTED, Ceasefire)
    # The shelling definitely began before the ceasefire was to start, and may have gone on past
    # it: a possible violation (by a party: the attacker's lineage reaches Azerbaijan).
    assert shelling.span.start.before(ceasefire.effective) is Truth.DEFINITELY
    assert ceasefire.effective.within(shelling.span) is Truth.POSSIBLY
    assert set(ledger.lineage(shelling.attacker or "")) & set(ceasefire.parties) == {"azerbaijan"}


def test_row_12_history_at_year_decade_part_and_month_precision(ledger: Ledger) -> None:
    # "since they declared independence": lifespans from those days.
    armenia, azerbaijan = ledger.actor("armenia"), ledger.actor("azerbaijan")
    assert armenia.lifespan is not None
    assert armenia.lifespan.start == When.day("1991-09-21", zone="Asia/Yerevan")
    assert azerbaijan.lifespan is not None
    assert azerbaijan.lifespan.start == When.day("1991-08-30", zone="Asia/Baku")
    assert "18 October 1991" in (azerbaijan.description or "")
    # "Armenians prevailed in the early 1990s": the first war, ended by the May 1994 ceasefire.
    war = record(ledger, ex.HOSTILITY_FIRST_WAR, Hostility)
    assert war.span.start.text == "the early 1990s"
    first, last = war.span.start.local_bounds()
    assert (first.isoformat(), last.year) == ("1990-01-01T00:00:00+04:00", 1994)
    assert war.span.end == When.month(1994, 5)
    assert war.places == ("nagorno-karabakh",)
    ceasefire_1994 = record(ledger, ex.CEASEFIRE_1994, Ceasefire)
    assert ceasefire_1994.effective.precision is Precision.MONTH
    # "In September 2020, Baku launched a campaign": 27 September 2020 to the Moscow ceasefire.
    campaign = record(ledger, ex.HOSTILITY_2020, Hostility)
    assert (campaign.attacker, campaign.means) == ("azerbaijan", ("drones",))
    assert "Turkish-supplied drones" in (campaign.description or "")
    september = When.month(2020, 9, zone="Asia/Baku")
    assert campaign.span.start.earliest == utc("2020-09-26T20:00Z")
    start = campaign.span.start
    assert september.earliest <= start.earliest <= start.latest <= september.latest
    ceasefire_2020 = record(ledger, ex.CEASEFIRE_2020, Ceasefire)
    assert ceasefire_2020.effective.earliest == utc("2020-11-09T21:00Z")  # 00:00 Moscow, UTC+3
    assert campaign.span.end == ceasefire_2020.effective
    assert "Russian peacekeepers" in (ceasefire_2020.terms or "")
    mediation_2020 = record(ledger, ceasefire_2020.mediation or "", Mediation)
    assert mediation_2020.mediators == ("russia",)
    assert mediation_2020.when == When.day("2020-11-09", zone="Europe/Moscow")


def test_the_catalogue_holds_only_the_known_external_ids(ledger: Ledger) -> None:
    codes = {
        entry.id: (entry.record.wikidata, entry.record.iso3)
        for entry in ledger.by_kind(Actor)
        if isinstance(entry.record, Actor)
        and (entry.record.wikidata is not None or entry.record.iso3 is not None)
    }
    assert codes == {
        "armenia": ("Q399", "ARM"),
        "azerbaijan": ("Q227", "AZE"),
        "russia": ("Q159", "RUS"),
        "france": ("Q142", "FRA"),
        "turkey": ("Q43", "TUR"),
        "putin": ("Q7747", None),
    }
