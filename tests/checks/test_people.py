"""The checks on people (``checks/_people.py``): offices not held, and double bookings.

For each, ledgers that must trigger it and near misses that must not. The double-booking sweep is
compared with the three-valued order in ``test_people_properties.py``.
"""

from __future__ import annotations

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Agreement,
    Call,
    Claim,
    Ledger,
    Meeting,
    Office,
    Participant,
    Provenance,
    SameEvent,
    Source,
    Span,
    Stance,
    Tenure,
    When,
    check,
    unrecorded_tenures,
)
from tests.checks._helpers import EARLY_HOURS, add, found, src, y


class TestOfficeNotHeld:
    def call_as_pm(self, when: When) -> Call:
        return Call([Participant("pashinyan", "pm"), "putin"], when, src("arm-gov"))

    def test_outside_every_tenure_is_definite(self, base: Ledger) -> None:
        add(base, "c", self.call_as_pm(When.day("2020-01-01", zone="Asia/Yerevan")))
        [finding] = check(base, only=["office_not_held"])
        assert (finding.certainty, finding.entries) == ("definite", ("c",))
        assert "Prime Minister of Armenia" in finding.explanation

    def test_straddling_the_start_of_a_tenure_is_possible(self, base: Ledger) -> None:
        add(base, "c", self.call_as_pm(When.month(2021, 8, zone="Asia/Yerevan")))
        assert found(base, "office_not_held") == [("possible", ("c",))]

    def test_near_miss_inside_the_tenure_or_no_office_named(self, base: Ledger) -> None:
        add(base, "c1", self.call_as_pm(EARLY_HOURS))
        add(base, "c2", Call(["pashinyan", "putin"], When.day("2020-01-01"), src()))
        assert found(base, "office_not_held") == []

    def test_tenures_count_together_but_a_vague_handover_stays_possible(self, base: Ledger) -> None:
        acting = Span(
            When.day("2021-04-25", zone="Asia/Yerevan"), When.day("2021-08-02", zone="Asia/Yerevan")
        )
        add(base, "acting", Tenure("pashinyan", "pm", acting, acting=True))
        july = When.between(When.day("2021-07-01"), When.day("2021-07-31"))
        add(base, "c1", self.call_as_pm(july))
        # Acting until some time on 2 August, appointed some time on 2 August: the ledger does
        # not know the two moments are one, so a call spanning that day is possibly uncovered.
        handover = When.between(
            When.day("2021-07-30", zone="Asia/Yerevan"), When.day("2021-08-05", zone="Asia/Yerevan")
        )
        add(base, "c2", self.call_as_pm(handover))
        assert found(base, "office_not_held") == [("possible", ("c2",))]


class TestOfficesOnClaimsAndAgreements:
    """A claimant speaking in an office, and a signatory in one, are checked like participants."""

    BEFORE = When.day("2020-01-01", zone="Asia/Yerevan")

    def test_a_claimant_in_an_office_they_did_not_hold(self, base: Ledger) -> None:
        claim = Claim("pashinyan", Stance.DENIES, src(), key="k", office="pm", when=self.BEFORE)
        add(base, "k", claim)
        assert found(base, "office_not_held") == [("definite", ("k",))]

    def test_a_signatory_in_an_office_they_did_not_hold(self, base: Ledger) -> None:
        signatory = Participant("pashinyan", "pm")
        agreement = Agreement(
            ("armenia", "azerbaijan"), src(), signatories=(signatory,), signed=self.BEFORE
        )
        add(base, "ag", agreement)
        [finding] = check(base, only=["office_not_held"])
        assert (finding.certainty, finding.entries) == ("definite", ("ag",))

    def test_near_miss_in_office_or_with_no_tenure_recorded_or_no_time(self, base: Ledger) -> None:
        add(base, "mfa", Office("Spokesperson of the Ministry of Foreign Affairs of Russia"))
        claim = Claim("putin", Stance.DENIES, src(), key="k", office="mfa", when=self.BEFORE)
        add(base, "k1", claim)  # no tenure of Putin's in that office: unknown, not a finding
        add(base, "k2", Claim("pashinyan", Stance.DENIES, src(), key="k", office="pm"))
        inside = Claim("pashinyan", Stance.DENIES, src(), key="k", office="pm", when=EARLY_HOURS)
        add(base, "k3", inside)
        assert found(base, "office_not_held") == []
        assert [(u.person, u.office) for u in unrecorded_tenures(base)] == [("putin", "mfa")]


class TestDoubleBooking:
    def test_two_exact_overlapping_calls(self, base: Ledger) -> None:
        add(
            base,
            "a",
            Call(["pashinyan", "putin"], Span(y("2022-09-13 01:00"), y("2022-09-13 01:30")), src()),
        )
        add(
            base,
            "b",
            Call(
                ["pashinyan", "macron"], Span(y("2022-09-13 01:20"), y("2022-09-13 01:50")), src()
            ),
        )
        [finding] = check(base, only=["double_booking"])
        assert (finding.certainty, finding.entries) == ("definite", ("a", "b"))
        assert "Nikol Pashinyan" in finding.explanation

    def test_a_call_at_an_instant_inside_another(self, base: Ledger) -> None:
        add(
            base,
            "a",
            Call(["pashinyan", "putin"], Span(y("2022-09-13 01:00"), y("2022-09-13 01:30")), src()),
        )
        add(base, "b", Call(["pashinyan", "macron"], y("2022-09-13 01:10"), src()))
        assert found(base, "double_booking") == [("definite", ("a", "b"))]

    def test_near_miss_two_calls_in_one_vague_window(self, base: Ledger) -> None:
        add(base, "a", Call(["pashinyan", "putin"], EARLY_HOURS, src()))
        add(base, "b", Call(["pashinyan", "macron"], EARLY_HOURS, src()))
        assert found(base, "double_booking") == []

    def test_near_miss_back_to_back_and_linked_readouts(self, base: Ledger) -> None:
        add(
            base,
            "a",
            Call(["pashinyan", "putin"], Span(y("2022-09-13 01:00"), y("2022-09-13 01:30")), src()),
        )
        add(
            base,
            "b",
            Call(
                ["pashinyan", "macron"], Span(y("2022-09-13 01:30"), y("2022-09-13 02:00")), src()
            ),
        )
        add(
            base,
            "c",
            Call(["pashinyan", "putin"], Span(y("2022-09-13 01:00"), y("2022-09-13 01:30")), src()),
        )
        add(base, "same", SameEvent(("a", "c")))
        assert found(base, "double_booking") == []


class TestReviewedCases:
    """Cases a review found: each follows the one certainty rule."""

    def test_overlap_for_every_placement_without_a_certain_core(self, base: Ledger) -> None:
        a = Span(
            When.between(y("2022-09-13 01:00"), y("2022-09-13 01:20")),
            When.between(y("2022-09-13 01:10"), y("2022-09-13 01:30")),
        )
        b = Span(y("2022-09-13 01:00"), y("2022-09-13 02:00"))
        add(base, "a", Call(["pashinyan", "putin"], a, src()))
        add(base, "b", Call(["pashinyan", "macron"], b, src()))
        assert found(base, "double_booking") == [("definite", ("a", "b"))]

    def test_an_instant_inside_an_ongoing_call(self, base: Ledger) -> None:
        ongoing = Span.ongoing(y("2022-09-13 01:00"), as_of=y("2022-09-13 03:00"))
        add(base, "long", Call(["pashinyan", "putin"], ongoing, src()))
        add(base, "short", Call(["pashinyan", "macron"], y("2022-09-13 02:00"), src()))
        assert found(base, "double_booking") == [("definite", ("long", "short"))]


class TestOneFindingPerProblem:
    """One problem, one finding, naming everyone involved (#13)."""

    def test_a_five_person_meeting_told_twice_is_possibly_one_event(self, base: Ledger) -> None:
        for id in ("guest-1", "guest-2", "guest-3"):
            add(base, id, Actor(id.replace("-", " ").title(), ActorKind.PERSON))
        people = ["pashinyan", "putin", "guest-1", "guest-2", "guest-3"]
        night = Span(y("2022-09-13 01:00"), y("2022-09-13 03:00"))
        add(base, "one", Meeting("macron", people, night, src()))
        add(base, "two", Meeting("macron", people[::-1], night, src("arm-gov")))
        findings = check(base, only=["double_booking", "possibly_same_event"])
        assert [(f.kind, f.certainty, f.entries) for f in findings] == [
            ("possibly_same_event", "possible", ("one", "two"))
        ]

    def test_one_call_naming_one_person_twice_in_an_office_is_one_finding(
        self, base: Ledger
    ) -> None:
        readout = Call([Participant("pashinyan", "pm"), "putin"], When.year(2017), src())
        add(base, "a", readout)
        add(base, "b", Call([Participant("pashinyan", "pm"), "putin"], When.year(2017), src()))
        add(base, "a-b", SameEvent(("a", "b")))
        assert found(base, "office_not_held") == [("definite", ("a", "b"))]


def test_two_calls_at_a_repeated_wall_time_are_at_most_a_possible_double_booking(
    base: Ledger,
) -> None:
    # 02:30 on 30 October 2022 happened twice in Paris; a policy took the earlier for both.
    earlier = When.local("2022-10-30 02:30", zone="Europe/Paris", disambiguation="earlier")
    add(base, "a", Call(["macron", "putin"], earlier, src()))
    add(base, "b", Call(["macron", "pashinyan"], earlier, src()))
    [finding] = check(base, only=["double_booking"])
    assert finding.certainty == "possible"
    assert "happened twice in Europe/Paris; a policy took the earlier" in finding.explanation


def test_a_clash_by_one_account_of_a_call_only_is_at_most_possible(base: Ledger) -> None:
    # Moscow tells the Putin call at 01:00-01:30, Yerevan at 03:00-03:30; the Macron call at
    # 01:10-01:20 clashes by Moscow's account only.
    add(base, "tass", Source("a statement from Moscow"))
    moscow = Span(y("2022-09-13 01:00"), y("2022-09-13 01:30"))
    yerevan = Span(y("2022-09-13 03:00"), y("2022-09-13 03:30"))
    add(base, "ru", Call(["pashinyan", "putin"], moscow, Provenance("tass")))
    add(base, "am", Call(["pashinyan", "putin"], yerevan, src("arm-gov")))
    add(base, "one-call", SameEvent(("ru", "am")))
    inside = Span(y("2022-09-13 01:10"), y("2022-09-13 01:20"))
    add(base, "macron-call", Call(["pashinyan", "macron"], inside, src()))
    [finding] = check(base, only=["double_booking"])
    assert (finding.certainty, finding.entries) == ("possible", ("ru", "am", "macron-call"))
    assert "not every account overlaps" in finding.explanation


def test_an_office_not_held_by_one_account_of_the_time_only_is_possible(base: Ledger) -> None:
    # The tenure runs to 14 September 2022. One readout puts the call on the 13th, another on
    # the 20th: by the first he held the office.
    as_pm = Participant("pashinyan", "pm")
    add(base, "tass", Source("a statement from Moscow"))
    add(base, "early", Call([as_pm, "putin"], y("2022-09-13 01:00"), src("arm-gov")))
    late = When.day("2022-09-20", zone="Asia/Yerevan")
    add(base, "late", Call([as_pm, "putin"], late, Provenance("tass")))
    add(base, "one-call", SameEvent(("early", "late")))
    [finding] = check(base, only=["office_not_held"])
    assert (finding.certainty, finding.entries) == ("possible", ("early", "late"))
    assert finding.explanation.startswith("'late' (a call) names Nikol Pashinyan as Prime")
    assert "by 'early' (a call), its time was within their tenure" in finding.explanation
