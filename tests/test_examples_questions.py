"""The questions the seed article raises, asked of the seed ledger.

Expected values are derived by hand from the seed notes (``seed/README.md``) and the article:
13 September 2022 was a Tuesday; Yerevan and Baku are UTC+4, Moscow UTC+3, Paris UTC+2 that day.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from diplomacy_ledger import (
    Call,
    Ceasefire,
    Claim,
    Entry,
    Hostility,
    Ledger,
    Precision,
    Provenance,
    Source,
    Stance,
    Tenure,
    Truth,
    When,
)
from diplomacy_ledger import examples as ex
from tests._seed import record, utc


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return ex.seed_ledger()


# -- who held the offices during the calls ---------------------------------------------------


@pytest.mark.parametrize(
    ("office", "tenure", "person"),
    [
        (ex.OFFICE_PRESIDENT_FRANCE, "tenure-macron-2017", "macron"),
        (ex.OFFICE_PM_ARMENIA, "tenure-pashinyan-2021", "pashinyan"),
        (ex.OFFICE_PRESIDENT_RUSSIA, "tenure-putin-2012", "putin"),
    ],
)
@pytest.mark.parametrize("call", [ex.CALL_PUTIN, ex.CALL_MACRON])
def test_one_holder_definitely_held_each_office_during_the_calls(
    ledger: Ledger, office: str, tenure: str, person: str, call: str
) -> None:
    when = record(ledger, call, Call).when
    holders = ledger.holders(office, when)
    assert [(entry.id, truth) for entry, truth in holders] == [(tenure, Truth.DEFINITELY)]
    assert record(ledger, tenure, Tenure).person == person


def test_every_participant_named_in_an_office_held_it(ledger: Ledger) -> None:
    for call_id in (ex.CALL_PUTIN, ex.CALL_MACRON):
        call = record(ledger, call_id, Call)
        for participant in call.participants:
            assert participant.office is not None
            held = [
                truth
                for entry, truth in ledger.offices_of(participant.actor, call.when)
                if isinstance(entry.record, Tenure) and entry.record.office == participant.office
            ]
            assert held == [Truth.DEFINITELY], (call_id, participant)


def test_pashinyans_tenures_follow_the_public_record(ledger: Ledger) -> None:
    def day(text: str) -> When:
        return When.day(text, zone="Asia/Yerevan")

    acting = record(ledger, "tenure-pashinyan-acting-2021", Tenure)
    assert acting.acting
    assert (acting.span.start, acting.span.end) == (day("2021-04-25"), day("2021-08-02"))
    first = record(ledger, "tenure-pashinyan-2018", Tenure)
    assert not first.acting
    assert (first.span.start, first.span.end) == (day("2018-05-08"), day("2021-04-25"))
    # In June 2021 he was acting prime minister, and only that.
    june = When.day("2021-06-01", zone="Asia/Yerevan")
    held = [(entry.id, truth) for entry, truth in ledger.holders(ex.OFFICE_PM_ARMENIA, june)]
    assert held == [("tenure-pashinyan-acting-2021", Truth.DEFINITELY)]
    # Putin was not president between his two tenures.
    assert ledger.holders(ex.OFFICE_PRESIDENT_RUSSIA, When.year(2010, zone="Europe/Moscow")) == []


# -- which calls Pashinyan had that night -----------------------------------------------------


def test_pashinyan_had_exactly_two_calls_that_night(ledger: Ledger) -> None:
    calls = [entry.id for entry in ledger.by_actor("Pashinyan") if entry.kind == "call"]
    assert calls == [ex.CALL_PUTIN, ex.CALL_MACRON]
    assert [e.id for e in ledger.calls_between("Pashinyan", "Putin")] == [ex.CALL_PUTIN]
    assert [e.id for e in ledger.calls_between("Pashinyan", "Macron")] == [ex.CALL_MACRON]
    assert ledger.calls_between("Putin", "Macron") == []
    night = When.between(
        When.local("2022-09-12 18:00", zone="Asia/Yerevan"),
        When.local("2022-09-13 12:00", zone="Asia/Yerevan"),
    )
    inside = [e.id for e in ledger.within(night, certainty="definitely") if e.kind == "call"]
    assert inside == [ex.CALL_PUTIN, ex.CALL_MACRON]


@pytest.mark.parametrize("call", [ex.CALL_PUTIN, ex.CALL_MACRON])
def test_the_calls_bounds_in_utc_and_on_paris_clocks(ledger: Ledger, call: str) -> None:
    when = record(ledger, call, Call).when
    assert isinstance(when, When)
    assert when.text == "in the early hours of Tuesday"
    # 00:00-06:00 (exclusive) on Tuesday in Yerevan (UTC+4).
    assert (when.earliest, when.latest) == (
        utc("2022-09-12T20:00Z"),
        utc("2022-09-13T01:59:59.999999Z"),
    )
    start, end = when.local_bounds("Europe/Paris")
    assert start.isoformat() == "2022-09-12T22:00:00+02:00"
    assert end.isoformat() == "2022-09-13T03:59:59.999999+02:00"
    assert (start.strftime("%A"), end.strftime("%A")) == ("Monday", "Tuesday")


# -- which entries rest only on Armenian sources ----------------------------------------------

#: Armenian actors that are not part of the Armenian state. The ledger records no nationality
#: apart from ``part_of`` (which is membership: a ministry in a government), so Armenian media,
#: which the state does not own, are named here.


def is_armenian(ledger: Ledger, actor: str) -> bool:
    """The actor belongs to Armenia: part of the state, or affiliated with it (Armenian media)."""
    return "armenia" in ledger.affiliations(actor)


def rests_only_on_armenian_sources(ledger: Ledger, entry: Entry) -> bool:
    """Every actor the article heard the record through (``via``) is Armenian.

    A record with no ``via`` rests on the article, or the public record, itself; catalogue
    entries (actors, places, offices, tenures, sources) carry no provenance. Neither counts.
    """
    provenance = getattr(entry.record, "provenance", None)
    if not isinstance(provenance, Provenance) or not provenance.via:
        return False
    return all(is_armenian(ledger, actor) for actor in provenance.via)


def test_entries_that_rest_only_on_armenian_sources(ledger: Ledger) -> None:
    found = {e.id for e in ledger.entries() if rests_only_on_armenian_sources(ledger, e)}
    assert found == {
        # "the government in Yerevan said" / "Yerevan added"
        ex.HOSTILITY_SHELLING_ONGOING,
        ex.CALL_PUTIN,
        ex.CALL_MACRON,
        ex.STATEMENT_TO_PUTIN,
        ex.STATEMENT_TO_MACRON,
        ex.CLAIM_ARMENIA_STARTED,  # Azerbaijan's claim, known only through Yerevan
        ex.CLAIM_STARTED_DENIAL,
        # "The Armenian Defense Ministry claimed"
        ex.CLAIM_SHELLING,
        # "Armenian media reported"
        ex.MEDIATION_REPORTED,
        ex.CEASEFIRE_REPORTED,
        ex.REPORT_CEASEFIRE,
    }


def test_what_azerbaijan_said_directly_does_not_rest_on_armenian_sources(ledger: Ledger) -> None:
    for id in (
        ex.HOSTILITY_MINING,
        ex.CLAIM_SABOTEURS,
        ex.CLAIM_INVASION_REPORTS,
        ex.CLAIM_INVASION_DENIAL,
        ex.CLAIM_CEASEFIRE_DENIAL,
    ):
        entry = ledger.current(id)
        assert entry is not None
        assert not rests_only_on_armenian_sources(ledger, entry), id
        assert isinstance(entry.record, Claim | Hostility)
        assert "azerbaijan" in ledger.lineage(entry.record.provenance.via[0])


# -- what was known when -------------------------------------------------------------------


def test_before_the_denial_was_recorded_only_the_report_was_known(ledger: Ledger) -> None:
    assert ex.RECORDED_CEASEFIRE_REPORT < ex.RECORDED_CEASEFIRE_DENIAL
    for moment in (
        ex.RECORDED_CEASEFIRE_REPORT,
        ex.RECORDED_CEASEFIRE_DENIAL - timedelta(seconds=1),
    ):
        known = ledger.as_of(moment)
        assert ex.CEASEFIRE_REPORTED in known
        assert ex.REPORT_CEASEFIRE in known
        assert ex.CLAIM_CEASEFIRE_DENIAL not in known
        assert [e.id for e in known.mentioning(ex.CEASEFIRE_REPORTED)] == [ex.REPORT_CEASEFIRE]


def test_after_the_denial_was_recorded_both_are_known(ledger: Ledger) -> None:
    known = ledger.as_of(ex.RECORDED_CEASEFIRE_DENIAL)
    assert [e.id for e in known.mentioning(ex.CEASEFIRE_REPORTED)] == [
        ex.REPORT_CEASEFIRE,
        ex.CLAIM_CEASEFIRE_DENIAL,
    ]
    denial = record(known, ex.CLAIM_CEASEFIRE_DENIAL, Claim)
    assert (denial.claimant, denial.stance) == ("azerbaijan-government", Stance.DENIES)


def test_before_the_report_nothing_of_the_ceasefire_was_known(ledger: Ledger) -> None:
    known = ledger.as_of(ex.RECORDED_CEASEFIRE_REPORT - timedelta(microseconds=1))
    assert ex.CEASEFIRE_REPORTED not in known
    assert ex.MEDIATION_REPORTED not in known
    assert known.by_kind("ceasefire") == []


# -- the correction ------------------------------------------------------------------------


def test_the_shelling_has_two_versions_the_current_one_ongoing(ledger: Ledger) -> None:
    versions = ledger.history(ex.HOSTILITY_SHELLING)
    assert [v.id for v in versions] == [ex.HOSTILITY_SHELLING, ex.HOSTILITY_SHELLING_ONGOING]
    assert versions[1].supersedes == ex.HOSTILITY_SHELLING
    first, second = (v.record for v in versions)
    assert isinstance(first, Hostility)
    assert isinstance(second, Hostility)
    assert first.span.end is None
    assert first.span.ongoing_as_of is None
    assert second.span.ongoing_as_of == ex.PUBLISHED == When.day("2022-09-13", zone="Asia/Yerevan")
    assert second.span.start == first.span.start
    assert ledger.record(ex.HOSTILITY_SHELLING) == second
    # Before the correction was recorded, the ledger held the first version only.
    before = ledger.as_of(ex.RECORDED_CORRECTION - timedelta(microseconds=1))
    assert before.record(ex.HOSTILITY_SHELLING) == first
    assert [e.id for e in ledger.by_kind("hostility")].count(ex.HOSTILITY_SHELLING) == 0


# -- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("Yerevan", "armenia-government"),
        ("the government in Yerevan", "armenia-government"),
        ("Baku", "azerbaijan-government"),
        ("the Kremlin", "russia-government"),
        ("Moscow", "russia-government"),
        ("Armenian Defense Ministry", "armenia-defense-ministry"),
        ("Azerbaijan’s defense ministry", "azerbaijan-defense-ministry"),
        ("Azerbaijan's defense ministry", "azerbaijan-defense-ministry"),
        ("Azerbaijani armed forces", "azerbaijan-armed-forces"),
        ("Pashinyan", "pashinyan"),
        ("Armenian media", "armenian-media"),
    ],
)
def test_aliases_and_metonyms_resolve(ledger: Ledger, name: str, actor: str) -> None:
    assert ledger.resolve_actor(name) == actor


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Nagorno Karabakh", "nagorno-karabakh"),
        ("Nagorno-Karabakh", "nagorno-karabakh"),
        ("Yerevan", "yerevan"),
        ("Ishkhanasar", "ishkhanasar"),
    ],
)
def test_place_names_resolve(ledger: Ledger, name: str, place: str) -> None:
    assert ledger.resolve_place(name) == place


def test_lineage_leads_ministries_to_their_states(ledger: Ledger) -> None:
    assert ledger.lineage("Armenian Defense Ministry") == (
        "armenia-defense-ministry",
        "armenia-government",
        "armenia",
    )
    assert ledger.lineage("Azerbaijan's defense ministry")[-1] == "azerbaijan"
    assert ledger.lineage("Azerbaijani armed forces") == ("azerbaijan-armed-forces", "azerbaijan")


# -- honesty and determinism -----------------------------------------------------------------


def test_the_article_source_invents_nothing(ledger: Ledger) -> None:
    article = record(ledger, ex.SOURCE_ARTICLE, Source)
    assert (article.title, article.outlet, article.url) == (None, None, None)
    assert article.published == When.day("2022-09-13", zone="Asia/Yerevan")
    assert article.published is not None
    assert article.published.precision is Precision.DAY
    assert article.language == "en"
    public = record(ledger, ex.SOURCE_PUBLIC_RECORD, Source)
    assert public.title is not None
    assert "summary of the public record" in public.title


def test_building_twice_gives_equal_ledgers() -> None:
    first, second = ex.seed_ledger(), ex.seed_ledger()
    assert first == second
    assert [(e.id, e.recorded_at) for e in first] == [(e.id, e.recorded_at) for e in second]
    assert first is not second


def test_record_times_are_utc_and_tell_the_night_in_order(ledger: Ledger) -> None:
    times = [entry.recorded_at for entry in ledger]
    assert times == sorted(times)
    assert all(moment.utcoffset() == timedelta(0) for moment in times)
    assert sorted({*times}) == [
        ex.RECORDED_CATALOGUE,
        ex.RECORDED_SHELLING,
        ex.RECORDED_CALLS,
        ex.RECORDED_STARTED_DISPUTE,
        ex.RECORDED_WEEKEND_AND_INVASION,
        ex.RECORDED_CEASEFIRE_REPORT,
        ex.RECORDED_CEASEFIRE_DENIAL,
        ex.RECORDED_CORRECTION,
        ex.RECORDED_HISTORY,
    ]
    # Recorded after the calls' window closed (06:00 in Yerevan), so tenures cover it.
    assert ex.EARLY_HOURS.latest <= ex.RECORDED_CATALOGUE
    assert ledger.last_recorded == ex.RECORDED_HISTORY


def test_every_record_cites_one_of_the_two_sources(ledger: Ledger) -> None:
    for entry in ledger:
        provenance = getattr(entry.record, "provenance", None)
        if provenance is not None:
            assert isinstance(provenance, Provenance)
            assert provenance.source in (ex.SOURCE_ARTICLE, ex.SOURCE_PUBLIC_RECORD), entry.id


def test_the_ceasefire_that_was_reported_and_denied(ledger: Ledger) -> None:
    ceasefire = record(ledger, ex.CEASEFIRE_REPORTED, Ceasefire)
    assert ceasefire.effective == When.local("2022-09-13 02:30", zone="Asia/Yerevan")
    assert ceasefire.effective.earliest == utc("2022-09-12T22:30Z")
    assert ceasefire.effective.text == "02:30 local time"
    assert ceasefire.mediation == ex.MEDIATION_REPORTED
    assert ceasefire.provenance.via == ("armenian-media",)
