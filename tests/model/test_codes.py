"""CAMEO/PLOVER codes of records, checked against the codebooks.

Expected codes and labels are copied from the codebooks, not from the code under test: CAMEO
1.1b3 (Schrodt, March 2012), chapter 6 for names and chapter 2 for usage notes; PLOVER DRAFT 2.0
(Open Event Data Alliance, PLOVER_MANUAL.tex and CAMEO2PLOVER-2021.txt at commit 5e0c24f, 2024)
for events and modes.
"""

from __future__ import annotations

from typing import ClassVar

import pytest

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Ceasefire,
    Claim,
    Hostility,
    InvalidValueError,
    Mediation,
    Medium,
    Meeting,
    Office,
    Participant,
    Place,
    Provenance,
    Record,
    Report,
    Retraction,
    SameEvent,
    Source,
    Span,
    Stance,
    Statement,
    Tenure,
    When,
)
from diplomacy_ledger.model._codes import (
    CAMEO_LABELS,
    PLOVER_FOR_CAMEO,
    PLOVER_MODES,
    EventCode,
    event_code,
    event_codes,
)

SRC = Provenance("src")
EARLY_HOURS = When.between(
    When.local("2022-09-13 00:00", zone="Asia/Yerevan"),
    When.local("2022-09-13 06:00", zone="Asia/Yerevan"),
)
MIDNIGHT = When.local("2022-09-13 00:00", zone="Asia/Yerevan")
SHELLING = Span.ongoing(MIDNIGHT, as_of=When.day("2022-09-13", zone="Asia/Yerevan"))
WEEKEND = Span(When.day("2022-09-10", zone="Asia/Baku"), When.day("2022-09-11", zone="Asia/Baku"))

# The seed article's actors and records, by entry id.
SEED: dict[str, Record] = {
    "armenia": Actor("Armenia", ActorKind.STATE, iso3="ARM"),
    "armenia-government": Actor(
        "Government of Armenia", ActorKind.GOVERNMENT, ("Yerevan",), part_of="armenia"
    ),
    "armenia-mod": Actor(
        "Armenian Defense Ministry", ActorKind.GOVERNMENT_BODY, part_of="armenia-government"
    ),
    "azerbaijan": Actor("Azerbaijan", ActorKind.STATE, ("Baku",), iso3="AZE"),
    "azerbaijan-mod": Actor(
        "Azerbaijani Defense Ministry", ActorKind.GOVERNMENT_BODY, part_of="azerbaijan"
    ),
    "armenian-saboteurs": Actor("Armenian saboteurs", ActorKind.COLLECTIVE),
    "armenian-media": Actor("Armenian media", ActorKind.MEDIA),
    "shelling": Hostility(
        SHELLING, SRC, attacker="azerbaijan", target="armenia", means=("artillery", "drones")
    ),
    "call-putin": Call(
        [Participant("pashinyan", "pm-armenia"), Participant("putin", "president-russia")],
        EARLY_HOURS,
        SRC,
        medium=Medium.PHONE,
    ),
    "azerbaijan-claim": Claim(
        "azerbaijan",
        Stance.ACCUSES,
        SRC,
        proposition="the shelling was started by Armenia",
        accused="armenia",
    ),
    "yerevan-denial": Claim(
        "armenia-government", Stance.DENIES, SRC, about="azerbaijan-claim", words="completely false"
    ),
    "mining": Hostility(WEEKEND, SRC, attacker="armenian-saboteurs", means=("mines",)),
    "saboteurs-accusation": Claim(
        "azerbaijan-mod",
        Stance.ACCUSES,
        SRC,
        proposition="Armenian saboteurs mined roads over the weekend",
        accused="armenian-saboteurs",
    ),
    "mediation": Mediation(["russia"], ["armenia", "azerbaijan"], EARLY_HOURS, SRC),
    "ceasefire": Ceasefire(
        ["armenia", "azerbaijan"],
        When.local("2022-09-13 02:30", zone="Asia/Yerevan"),
        SRC,
        mediation="mediation",
    ),
    "media-report": Report("armenian-media", "ceasefire", SRC),
    "baku-denial": Claim("azerbaijan", Stance.DENIES, SRC, about="media-report"),
}
lookup = SEED.get


def code(entry_id: str) -> EventCode | None:
    return event_code(SEED[entry_id], lookup=lookup)


# --- the seed article ----------------------------------------------------------------------------


def test_phone_call_is_041_discuss_by_telephone_and_plover_consult_phone() -> None:
    assert code("call-putin") == EventCode(
        "041",
        "Discuss by telephone",
        "CONSULT",
        "phone",
        source=("pashinyan",),
        target=("putin",),
        reciprocal=True,  # CAMEO 041: "typically a reciprocal event"
    )


def test_shelling_with_artillery_and_drones() -> None:
    primary = code("shelling")
    assert primary is not None
    # CAMEO 1952 "Employ remotely piloted aerial munitions": unmanned or remotely piloted vehicles.
    assert (primary.cameo, primary.cameo_label) == (
        "1952",
        "Employ remotely piloted aerial munitions",
    )
    # PLOVER files CAMEO 19 under ASSAULT; its 2.0 mode "drone" is "Unmanned aerial vehicles
    # (UAVs), drones" (artillery, the second code, is "heavy-weapons").
    assert (primary.plover_event, primary.plover_mode) == ("ASSAULT", "drone")
    assert (primary.source, primary.target) == (("azerbaijan",), ("armenia",))
    every = event_codes(SEED["shelling"], lookup=lookup)
    assert [(c.cameo, c.cameo_label) for c in every] == [
        ("1952", "Employ remotely piloted aerial munitions"),
        ("194", "Fight with artillery and tanks"),
    ]


def test_yerevans_denial_of_the_accusation_against_armenia_is_016_deny_responsibility() -> None:
    # "Yerevan" (the government, part of Armenia) denies a charge against Armenia. CAMEO 016: the
    # target is "the party that introduces some accusation or charge against the source".
    assert code("yerevan-denial") == EventCode(
        "016",
        "Deny responsibility",
        None,
        None,
        source=("armenia-government",),
        target=("azerbaijan",),
    )


def test_bakus_denial_of_the_reported_ceasefire_is_not_016() -> None:
    denial = code("baku-denial")
    assert denial is not None
    assert denial.cameo != "016"
    # CAMEO 010: a statement that implies no agreement, rejection, etc.; PLOVER drops CAMEO 01.
    assert (denial.cameo, denial.cameo_label) == ("010", "Make statement, not specified below")
    assert (denial.plover_event, denial.plover_mode) == (None, None)
    assert denial.source == ("azerbaijan",)
    assert denial.note is not None


def test_denying_the_ceasefire_itself_is_not_016_either() -> None:
    claim = Claim("azerbaijan", Stance.DENIES, SRC, about="ceasefire")
    assert event_code(claim, lookup=lookup) == event_code(SEED["baku-denial"], lookup=lookup)


def test_the_accusation_against_armenian_saboteurs_is_112_accuse() -> None:
    accusation = code("saboteurs-accusation")
    assert accusation is not None
    assert (accusation.cameo, accusation.cameo_label) == ("112", "Accuse, not specified below")
    # PLOVER 2.0 ACCUSE mode "allege": formally or informally accuse.
    assert (accusation.plover_event, accusation.plover_mode) == ("ACCUSE", "allege")
    assert (accusation.source, accusation.target) == (("azerbaijan-mod",), ("armenian-saboteurs",))


def test_an_accusation_about_a_recorded_hostility_is_1123_accuse_of_aggression() -> None:
    # CAMEO 1123: "blame for initiating hostilities or engaging in questionable ... military
    # actions"; 112 "contains sub-forms for more detailed coding whenever possible".
    claim = Claim(
        "azerbaijan-mod", Stance.ACCUSES, SRC, about="mining", accused="armenian-saboteurs"
    )
    accusation = event_code(claim, lookup=lookup)
    assert accusation is not None
    assert (accusation.cameo, accusation.cameo_label) == ("1123", "Accuse of aggression")
    assert (accusation.plover_event, accusation.plover_mode) == ("ACCUSE", "allege")


def test_the_russian_mediation_is_045_mediate() -> None:
    # CAMEO 045: "The source is always the mediator and adversaries are the targets."
    # PLOVER 2.0 has no mediation mode ("third-party" is a meeting hosted by a third party).
    mediation = code("mediation")
    assert mediation is not None
    assert (mediation.cameo, mediation.cameo_label) == ("045", "Mediate")
    assert (mediation.plover_event, mediation.plover_mode) == ("CONSULT", None)
    assert (mediation.source, mediation.target) == (("russia",), ("armenia", "azerbaijan"))


def test_the_ceasefire_is_0871_declare_truce_ceasefire_and_plover_retreat_ceasefire() -> None:
    ceasefire = code("ceasefire")
    assert ceasefire is not None
    assert (ceasefire.cameo, ceasefire.cameo_label) == ("0871", "Declare truce, ceasefire")
    assert (ceasefire.plover_event, ceasefire.plover_mode) == ("RETREAT", "ceasefire")
    assert (ceasefire.source, ceasefire.target, ceasefire.reciprocal) == (
        ("armenia",),
        ("azerbaijan",),
        True,
    )


def test_a_ceasefire_declared_by_one_party_is_its_act_toward_the_others() -> None:
    # The Easter truce of 2025, declared by Russia alone: CAMEO 0871 with Russia as the source
    # and Ukraine the target, not a reciprocal event of both.
    truce = Ceasefire(("russia", "ukraine"), MIDNIGHT, SRC, declared_by=("russia",))
    coded = event_code(truce)
    assert coded is not None
    assert (coded.cameo, coded.plover_event, coded.plover_mode) == ("0871", "RETREAT", "ceasefire")
    assert (coded.source, coded.target, coded.reciprocal) == (("russia",), ("ukraine",), False)


def test_mining_is_193_and_plover_explosives() -> None:
    # CAMEO 193 lists "A minefield explosion near the town of Samarra killed two Iraqi youths"
    # among its examples.
    mining = code("mining")
    assert mining is not None
    assert (mining.cameo, mining.cameo_label) == ("193", "Fight with small arms and light weapons")
    # PLOVER 2.0 ASSAULT mode "explosives": "mines, IEDS, car bombs".
    assert (mining.plover_event, mining.plover_mode) == ("ASSAULT", "explosives")


def test_a_report_is_not_coded() -> None:
    assert code("media-report") is None


# --- calls and meetings --------------------------------------------------------------------------


def test_call_source_is_the_initiator() -> None:
    call = Call(["putin", "pashinyan"], EARLY_HOURS, SRC, initiator="pashinyan")
    coded = event_code(call)
    assert coded is not None
    assert (coded.source, coded.target) == (("pashinyan",), ("putin",))


def test_video_call_is_040_and_plover_phone() -> None:
    # CAMEO 1.1b3 has no video code: 040 "Consult, not specified below" is the residual.
    # PLOVER 2.0 CONSULT "phone": "via phone or some other remote medium".
    coded = event_code(Call(["a", "b"], EARLY_HOURS, SRC, medium=Medium.VIDEO))
    assert coded is not None
    assert (coded.cameo, coded.cameo_label) == ("040", "Consult, not specified below")
    assert (coded.plover_event, coded.plover_mode) == ("CONSULT", "phone")


@pytest.mark.parametrize("medium", [Medium.WRITTEN, Medium.IN_PERSON])
def test_other_calls_are_040_without_a_plover_mode(medium: Medium) -> None:
    coded = event_code(Call(["a", "b"], EARLY_HOURS, SRC, medium=medium))
    assert coded is not None
    assert (coded.cameo, coded.plover_event, coded.plover_mode) == ("040", "CONSULT", None)


def test_meeting_in_person_is_042_from_the_visitor_and_043_from_the_host() -> None:
    meeting = Meeting("putin", ["pashinyan"], EARLY_HOURS, SRC)
    visit, host = event_codes(meeting)
    assert event_code(meeting) == visit
    # CAMEO 042 example: "042 with the Iraqi government as the source and Jordan as the target,
    # and 043 with actors reversed". PLOVER 2.0: the visitor is the source, mode "visit".
    assert (visit.cameo, visit.cameo_label, visit.source, visit.target) == (
        "042",
        "Make a visit",
        ("pashinyan",),
        ("putin",),
    )
    assert (host.cameo, host.cameo_label, host.source, host.target) == (
        "043",
        "Host a visit",
        ("putin",),
        ("pashinyan",),
    )
    assert (visit.plover_event, visit.plover_mode) == ("CONSULT", "visit")


def test_meeting_by_phone_is_041() -> None:
    coded = event_code(Meeting("putin", ["pashinyan"], EARLY_HOURS, SRC, medium=Medium.PHONE))
    assert coded is not None
    assert (coded.cameo, coded.plover_mode) == ("041", "phone")


def test_a_meeting_of_two_with_no_host_is_044_at_a_third_location() -> None:
    # CAMEO 1.1b3: 044 "Meet at a 'third' location"; PLOVER 2.0's translation table gives it
    # the CONSULT mode "third-party". A summit is no visit to whoever hosted it.
    coded = event_code(Meeting.summit(["biden", "putin"], EARLY_HOURS, SRC))
    assert coded is not None
    assert (coded.cameo, coded.plover_event, coded.plover_mode) == ("044", "CONSULT", "third-party")
    assert (coded.source, coded.target, coded.reciprocal) == (("biden",), ("putin",), True)


def test_a_meeting_of_three_or_more_with_no_host_is_multilateral() -> None:
    # PLOVER 2.0, CONSULT modes: "multilateral: meeting occurs in a multilateral context".
    summit = Meeting.summit(["aliyev", "pashinyan", "putin"], EARLY_HOURS, SRC)
    [coded] = event_codes(summit)
    assert (coded.cameo, coded.plover_event, coded.plover_mode) == (
        "040",
        "CONSULT",
        "multilateral",
    )
    assert set(coded.source + coded.target) == {"aliyev", "pashinyan", "putin"}


class TestTwoDelegations:
    """Two leaders with their aides, no host: two sides at a third location (anchorage_2025)."""

    CAST: ClassVar[dict[str, Record]] = {
        "usa": Actor("United States", ActorKind.STATE),
        "russia": Actor("Russia", ActorKind.STATE),
        "mfa": Actor("Russian foreign ministry", ActorKind.GOVERNMENT_BODY, part_of="russia"),
        "potus": Office("President of the United States", jurisdiction="usa"),
        "secstate": Office("Secretary of State", jurisdiction="usa"),
        "president": Office("President of Russia", jurisdiction="russia"),
        "fm": Office("Minister of Foreign Affairs of Russia", jurisdiction="mfa"),
    }

    def test_each_named_in_an_office_of_one_of_two_states(self) -> None:
        summit = Meeting.summit(
            [
                Participant("trump", "potus"),
                Participant("rubio", "secstate"),
                Participant("putin", "president"),
                Participant("lavrov", "fm"),
            ],
            EARLY_HOURS,
            SRC,
        )
        [coded] = event_codes(summit, lookup=self.CAST.get)
        assert (coded.cameo, coded.plover_mode) == ("044", "third-party")
        assert (coded.source, coded.target) == (("trump", "rubio"), ("putin", "lavrov"))

    def test_near_miss_an_aide_whose_side_is_not_recorded(self) -> None:
        summit = Meeting.summit(
            [Participant("trump", "potus"), Participant("putin", "president"), "ushakov"],
            EARLY_HOURS,
            SRC,
        )
        [coded] = event_codes(summit, lookup=self.CAST.get)
        assert coded.plover_mode == "multilateral"

    def test_near_miss_three_states(self) -> None:
        cast = {**self.CAST, "china": Actor("China", ActorKind.STATE)}
        summit = Meeting.summit(["usa", "russia", "china"], EARLY_HOURS, SRC)
        [coded] = event_codes(summit, lookup=cast.get)
        assert coded.plover_mode == "multilateral"


def test_a_video_summit_is_remote_whether_or_not_it_has_a_host() -> None:
    # PLOVER 2.0: "phone: consultation occurs via phone or some other remote medium".
    hosted = Meeting("biden", ["xi"], EARLY_HOURS, SRC, medium=Medium.VIDEO)
    hostless = Meeting.summit(["biden", "xi", "modi"], EARLY_HOURS, SRC, medium=Medium.VIDEO)
    for meeting in (hosted, hostless):
        coded = event_code(meeting)
        assert coded is not None
        assert (coded.plover_event, coded.plover_mode) == ("CONSULT", "phone")
        assert coded.cameo != "042"


# --- hostilities ---------------------------------------------------------------------------------


def hostility(*means: str) -> Hostility:
    return Hostility(SHELLING, SRC, attacker="azerbaijan", means=means)


@pytest.mark.parametrize(
    ("means", "cameo", "label", "mode"),
    [
        (("small arms",), "193", "Fight with small arms and light weapons", "firearms"),
        (("machine-guns",), "193", "Fight with small arms and light weapons", "firearms"),
        (("mortars",), "193", "Fight with small arms and light weapons", None),
        (("landmines",), "193", "Fight with small arms and light weapons", "explosives"),
        (("tanks",), "194", "Fight with artillery and tanks", "heavy-weapons"),
        (("Artillery",), "194", "Fight with artillery and tanks", "heavy-weapons"),
        (("airstrikes",), "195", "Employ aerial weapons, not specified below", None),
        (("precision-guided munitions",), "1951", "Employ precision-guided aerial munitions", None),
        (("UAVs",), "1952", "Employ remotely piloted aerial munitions", "drone"),
        (
            ("unmanned aerial vehicles",),
            "1952",
            "Employ remotely piloted aerial munitions",
            "drone",
        ),
        (("helicopters",), "195", "Employ aerial weapons, not specified below", "aerial"),
        ((), "190", "Use conventional military force, not specified below", None),
    ],
)
def test_hostility_code_by_means(
    means: tuple[str, ...], cameo: str, label: str, mode: str | None
) -> None:
    coded = event_code(hostility(*means))
    assert coded is not None
    assert (coded.cameo, coded.cameo_label, coded.plover_event, coded.plover_mode) == (
        cameo,
        label,
        "ASSAULT",
        mode,
    )


def test_heavy_weapons_take_precedence_over_small_arms() -> None:
    # CAMEO 194: "When both small arms or light weapons and heavy weaponry are used, this code
    # takes precedence."
    assert [c.cameo for c in event_codes(hostility("rifles", "tanks"))] == ["194", "193"]


def test_aerial_weapons_take_precedence_over_small_arms() -> None:
    # CAMEO 195: "When both aerial and other small types of weapons are used, this code takes
    # precedence."
    coded = event_code(hostility("rifles", "helicopter gunships"))
    assert coded is not None
    assert coded.cameo == "195"
    # PLOVER 2.0 ASSAULT "aerial": "Manned aerial vehicles, e.g. aircraft, helicopters".
    assert coded.plover_mode == "aerial"


def test_artillery_takes_precedence_over_mines() -> None:
    coded = event_code(hostility("mines", "artillery"))
    assert coded is not None
    assert (coded.cameo, coded.plover_mode) == ("194", "heavy-weapons")


def test_unrecognised_means_fall_back_to_190_with_a_note() -> None:
    coded = event_code(hostility("shelling"))
    assert coded is not None
    assert coded.cameo == "190"
    assert coded.note is not None
    assert "shelling" in coded.note


def test_one_means_naming_two_weapons() -> None:
    assert [c.cameo for c in event_codes(hostility("artillery and drones"))] == ["1952", "194"]


def test_unattributed_fighting_has_no_source() -> None:
    coded = event_code(Hostility(SHELLING, SRC, means=("artillery",)))
    assert coded is not None
    assert (coded.source, coded.target) == ((), ())


def test_fighting_between_sides_lists_every_side_as_an_actor() -> None:
    # PLOVER 2.0: "In ASSAULT events where the violence is two-sided, all participants are coded
    # in the actor field"; one-sided violence has the victim as recipient.
    clash = Hostility(SHELLING, SRC, between=("armenia", "azerbaijan"), means=("artillery",))
    coded = event_code(clash)
    assert coded is not None
    assert (coded.source, coded.target) == (("armenia", "azerbaijan"), ())
    assert coded.plover_event == "ASSAULT"


# --- claims --------------------------------------------------------------------------------------


def test_assertion_is_010_make_statement() -> None:
    claim = Claim("armenia-mod", Stance.ASSERTS, SRC, about="shelling")
    coded = event_code(claim, lookup=lookup)
    assert coded is not None
    assert (coded.cameo, coded.cameo_label) == ("010", "Make statement, not specified below")
    assert coded.plover_event is None


def test_asserting_ones_own_attack_is_015_acknowledge_or_claim_responsibility() -> None:
    # CAMEO 015: "Non-apologetically claim responsibility".
    claim = Claim("azerbaijan-mod", Stance.ASSERTS, SRC, about="shelling")
    coded = event_code(claim, lookup=lookup)
    assert coded is not None
    assert (coded.cameo, coded.cameo_label) == ("015", "Acknowledge or claim responsibility")


def test_taking_back_ones_own_claim_is_015() -> None:
    # CAMEO 015: "... or retract a statement without expression of remorse".
    claim = Claim("azerbaijan", Stance.DENIES, SRC, about="azerbaijan-claim")
    coded = event_code(claim, lookup=lookup)
    assert coded is not None
    assert coded.cameo == "015"


def test_denying_an_attack_by_ones_own_state_is_016_without_a_known_accuser() -> None:
    claim = Claim("azerbaijan-mod", Stance.DENIES, SRC, about="shelling")
    coded = event_code(claim, lookup=lookup)
    assert coded is not None
    assert (coded.cameo, coded.source, coded.target) == ("016", ("azerbaijan-mod",), ())


def test_a_state_denying_a_charge_against_its_ministry_is_016() -> None:
    records: dict[str, Record] = {
        **SEED,
        "charge": Claim("azerbaijan", Stance.ACCUSES, SRC, proposition="p", accused="armenia-mod"),
    }
    coded = event_code(Claim("armenia", Stance.DENIES, SRC, about="charge"), lookup=records.get)
    assert coded is not None
    assert (coded.cameo, coded.target) == ("016", ("azerbaijan",))


def test_denying_an_assertion_that_ones_side_attacked_is_016() -> None:
    records: dict[str, Record] = {
        **SEED,
        "armenian-fire": Hostility(SHELLING, SRC, attacker="armenia"),
        "assertion": Claim("azerbaijan-mod", Stance.ASSERTS, SRC, about="armenian-fire"),
    }
    denial = Claim("armenia-government", Stance.DENIES, SRC, about="assertion")
    coded = event_code(denial, lookup=records.get)
    assert coded is not None
    assert (coded.cameo, coded.target) == ("016", ("azerbaijan-mod",))


def test_denying_a_charge_against_someone_else_is_010() -> None:
    claim = Claim("azerbaijan", Stance.DENIES, SRC, about="saboteurs-accusation")
    coded = event_code(claim, lookup=lookup)
    assert coded is not None
    assert coded.cameo == "010"


def test_without_lookup_a_denial_cannot_be_016() -> None:
    coded = event_code(SEED["yerevan-denial"])
    assert coded is not None
    assert coded.cameo == "010"
    assert coded.note is not None


def test_denying_a_proposition_is_010() -> None:
    claim = Claim("azerbaijan", Stance.DENIES, SRC, proposition="a full-scale invasion")
    coded = event_code(claim, lookup=lookup)
    assert coded is not None
    assert coded.cameo == "010"


def test_a_cycle_of_part_of_ends() -> None:
    records: dict[str, Record] = {
        "a": Actor("A", ActorKind.GOVERNMENT, part_of="b"),
        "b": Actor("B", ActorKind.GOVERNMENT, part_of="a"),
        "charge": Claim("x", Stance.ACCUSES, SRC, proposition="p", accused="c"),
    }
    coded = event_code(Claim("a", Stance.DENIES, SRC, about="charge"), lookup=records.get)
    assert coded is not None
    assert coded.cameo == "010"


def test_a_loop_of_reports_ends() -> None:
    records: dict[str, Record] = {"r1": Report("m", "r2", SRC), "r2": Report("m", "r1", SRC)}
    coded = event_code(Claim("a", Stance.DENIES, SRC, about="r1"), lookup=records.get)
    assert coded is not None
    assert coded.cameo == "010"


def test_the_analysts_code_wins() -> None:
    claim = Claim("azerbaijan", Stance.DENIES, SRC, about="media-report", cameo="1246")
    coded = event_code(claim, lookup=lookup)
    assert coded is not None
    assert (coded.cameo, coded.cameo_label) == ("1246", "Refuse to de-escalate military engagement")
    # PLOVER 2.0 REJECT mode "yield": "... ceasefires".
    assert (coded.plover_event, coded.plover_mode) == ("REJECT", "yield")


def test_an_unknown_analysts_code_is_refused() -> None:
    claim = Claim("azerbaijan", Stance.DENIES, SRC, about="media-report", cameo="999")
    with pytest.raises(InvalidValueError, match=r"Claim\.cameo"):
        event_code(claim, lookup=lookup)


# --- statements and records that are not events --------------------------------------------------


def test_statement_is_010() -> None:
    statement = Statement("pashinyan", SRC, audience=["putin", "macron"], during="call-putin")
    coded = event_code(statement)
    assert coded is not None
    assert (coded.cameo, coded.source, coded.target) == (
        "010",
        ("pashinyan",),
        ("putin", "macron"),
    )


@pytest.mark.parametrize(
    "record",
    [
        Actor("Armenia", ActorKind.STATE),
        Office("Prime Minister of Armenia", jurisdiction="armenia"),
        Tenure("pashinyan", "pm-armenia", SHELLING),
        Place("Kapan", zone="Asia/Yerevan", states=("armenia",)),
        Source("seed article"),
        SameEvent(["call-putin", "call-kremlin"]),
        Retraction("call-putin"),
        Report("armenian-media", "ceasefire", SRC),
    ],
)
def test_not_events(record: Record) -> None:
    assert event_code(record, lookup=lookup) is None
    assert event_codes(record, lookup=lookup) == ()


# --- the tables ----------------------------------------------------------------------------------


def test_labels_are_the_codebooks() -> None:
    # CAMEO 1.1b3, chapter 6.
    assert {code: CAMEO_LABELS[code] for code in ["016", "041", "0871", "1123", "1952"]} == {
        "016": "Deny responsibility",
        "041": "Discuss by telephone",
        "0871": "Declare truce, ceasefire",
        "1123": "Accuse of aggression",
        "1952": "Employ remotely piloted aerial munitions",
    }


def test_plover_events_follow_the_cue_category_translation() -> None:
    # CAMEO2PLOVER-2021.txt: 01 and 02 dropped, 04 CONSULT, 084-087 RETREAT, 10 REQUEST (which
    # replaced DEMAND), 11 ACCUSE, 12 REJECT, 19 ASSAULT.
    cue = {"01": None, "02": None, "04": "CONSULT", "08": "RETREAT", "10": "REQUEST"}
    cue |= {"11": "ACCUSE", "12": "REJECT", "19": "ASSAULT"}
    for cameo, (event, mode) in PLOVER_FOR_CAMEO.items():
        assert event == cue[cameo[:2]], cameo
        assert mode is None or mode in PLOVER_MODES[event or ""], cameo


def test_event_code_refuses_what_the_codebooks_do_not_say() -> None:
    with pytest.raises(InvalidValueError, match="not one of"):
        EventCode.of("0411")
    with pytest.raises(InvalidValueError, match="Deny responsibility"):
        EventCode("016", "Deny", None, None)
    with pytest.raises(InvalidValueError, match="PLOVER"):
        EventCode("041", "Discuss by telephone", "CONSULT", "video")
    with pytest.raises(InvalidValueError, match="PLOVER"):
        EventCode("016", "Deny responsibility", "REJECT", None)
