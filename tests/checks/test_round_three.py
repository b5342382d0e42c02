"""Round three of honest findings beyond the seed (#13): rules found by new episodes.

Each class is one rule, with the ledger that broke it and its near misses.
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Agreement,
    Call,
    Ceasefire,
    Claim,
    Entry,
    Hostility,
    Ledger,
    Meeting,
    Participant,
    Place,
    Provenance,
    SameEvent,
    Source,
    Span,
    Stance,
    Status,
    When,
    check,
)
from diplomacy_ledger.ledger import called_off
from tests.checks._helpers import T, add, found, src, y

ANCHORAGE = "America/Anchorage"
ONE = Span(y("2022-09-13 01:00"), y("2022-09-13 02:00"))
INSIDE = Span(y("2022-09-13 01:15"), y("2022-09-13 01:45"))


def day(date: str) -> When:
    return When.day(date, zone="Asia/Yerevan")


class TestPutOff:
    """Called off at one time, held at another: put off, not told both ways (oval_office_2025)."""

    def signing(self, base: Ledger, off: When, held: When) -> None:
        def deal(when: When, status: Status) -> Agreement:
            return Agreement(("armenia", "azerbaijan"), src(), signed=when, status=status)

        add(base, "plan", deal(day("2022-09-14"), Status.PLANNED))
        add(base, "off", deal(off, Status.CANCELLED))
        add(base, "signed", deal(held, Status.OCCURRED))
        add(base, "the-deal", SameEvent(("plan", "off", "signed")))

    def test_a_signing_called_off_then_held_weeks_later_is_no_mismatch(self, base: Ledger) -> None:
        self.signing(base, day("2022-09-14"), day("2022-10-05"))
        assert found(base, "readout_mismatch") == []

    def test_near_miss_called_off_and_held_on_the_same_day_still_disagree(
        self, base: Ledger
    ) -> None:
        self.signing(base, day("2022-09-14"), day("2022-09-14"))
        [finding] = check(base, only=["readout_mismatch"])
        assert "disagree on whether it took place (called off in 'off'" in finding.explanation
        assert "'off' (an agreement)" in finding.explanation  # not "(a agreement)"

    def test_near_miss_a_cancellation_with_no_time_may_be_of_the_held_one(
        self, base: Ledger
    ) -> None:
        add(base, "off", Agreement(("armenia", "azerbaijan"), src(), status=Status.CANCELLED))
        add(base, "signed", Agreement(("armenia", "azerbaijan"), src(), signed=day("2022-10-05")))
        add(base, "the-deal", SameEvent(("off", "signed")))
        assert [c for c, _ in found(base, "readout_mismatch")] == ["definite"]

    def test_a_call_put_off_an_hour_is_no_doubt_in_a_double_booking(self, base: Ledger) -> None:
        later = Span(y("2022-09-13 03:00"), y("2022-09-13 04:00"))
        add(base, "off", Call(["pashinyan", "putin"], ONE, src(), status=Status.CANCELLED))
        add(base, "held", Call(["pashinyan", "putin"], later, src("arm-gov")))
        add(base, "one-call", SameEvent(("off", "held")))
        add(base, "other", Call(["pashinyan", "macron"], y("2022-09-13 03:30"), src()))
        [finding] = check(base, only=["double_booking"])
        assert (finding.certainty, finding.entries) == ("definite", ("off", "held", "other"))
        assert "called off" not in finding.explanation

    def test_near_miss_called_off_when_it_may_have_been_held_is_in_doubt(
        self, base: Ledger
    ) -> None:
        add(base, "off", Call(["pashinyan", "putin"], INSIDE, src(), status=Status.CANCELLED))
        add(base, "held", Call(["pashinyan", "putin"], ONE, src("arm-gov")))
        add(base, "one-call", SameEvent(("off", "held")))
        add(base, "other", Call(["pashinyan", "macron"], y("2022-09-13 01:30"), src()))
        [finding] = check(base, only=["double_booking"])
        assert finding.certainty == "possible"
        assert "'off' (a call) says it was called off" in finding.explanation

    def test_a_truce_called_off_for_one_day_and_held_the_next_binds(self, base: Ledger) -> None:
        def truce(when: When, status: Status) -> Ceasefire:
            return Ceasefire(("armenia", "azerbaijan"), when, src("arm-gov"), status=status)

        add(base, "off", truce(y("2022-09-13 02:30"), Status.CANCELLED))
        add(base, "held", truce(y("2022-09-14 02:30"), Status.OCCURRED))
        add(base, "one-truce", SameEvent(("off", "held")))
        fight = Span(y("2022-09-14 06:00"), y("2022-09-14 08:00"))
        add(base, "h", Hostility(fight, src("arm-gov"), attacker="aze-army", target="armenia"))
        add(base, "tass", Source("Moscow's statement"))
        add(base, "c", Claim("putin", Stance.ASSERTS, Provenance("tass"), about="h"))
        [finding] = check(base, only=["ceasefire_violation"])
        assert (finding.certainty, finding.entries) == ("definite", ("off", "held", "h"))


class TestWording:
    def test_kinds_that_begin_with_a_vowel_take_an(self, base: Ledger) -> None:
        signed = Agreement(
            ("armenia", "azerbaijan"),
            src(),
            signatories=[Participant("pashinyan", "pm")],
            signed=day("2017-01-10"),
        )
        add(base, "deal", signed)
        [finding] = check(base, only=["office_not_held"])
        assert "'deal' (an agreement)" in finding.explanation


class TestWhatEachSideSaid:
    """A dispute met by key says what each side said, in whichever field (hanoi_2019)."""

    def test_an_assertion_in_its_own_words_and_a_denial_with_a_proposition(
        self, base: Ledger
    ) -> None:
        add(
            base,
            "c",
            Claim("aze-gov", Stance.ASSERTS, src(), key="who-began", words="Armenia fired first"),
        )
        add(
            base,
            "d",
            Claim("arm-gov", Stance.DENIES, src(), key="who-began", proposition="We did not."),
        )
        [finding] = check(base, only=["contradiction"])
        assert "asserted ('Armenia fired first') in 'c'" in finding.explanation
        assert "denies it in 'd' (a claim) ('We did not.')" in finding.explanation

    def test_a_key_alone_is_named(self, base: Ledger) -> None:
        add(base, "c", Claim("aze-gov", Stance.ASSERTS, src(), key="who-began"))
        add(base, "d", Claim("arm-gov", Stance.DENIES, src(), key="who-began"))
        [finding] = check(base, only=["contradiction"])
        assert "Government of Azerbaijan asserted 'who-began' in 'c'" in finding.explanation

    def test_near_miss_a_proposition_is_shown_as_before(self, base: Ledger) -> None:
        add(base, "c", Claim("aze-gov", Stance.ASSERTS, src(), proposition="Armenia fired"))
        add(base, "d", Claim("arm-gov", Stance.DENIES, src(), about="c", words="false"))
        [finding] = check(base, only=["contradiction"])
        assert finding.explanation.startswith(
            "Government of Azerbaijan asserted ('Armenia fired') in 'c' (a claim); "
            "Government of Armenia denies it in 'd' (a claim) ('false')."
        )


class TestACeasefireToldAsHeld:
    """A violation tells the ceasefire as its readouts as held say, not as a plan (israel_iran)."""

    def test_a_plan_declared_by_one_side_then_held_by_both_a_day_later(self, base: Ledger) -> None:
        plan = Ceasefire(
            ("armenia", "azerbaijan"),
            y("2022-09-13 02:30"),
            src("arm-gov"),
            declared_by=("armenia",),
            status=Status.PLANNED,
        )
        held = Ceasefire(("armenia", "azerbaijan"), y("2022-09-14 02:30"), src("arm-gov"))
        add(base, "plan", plan)
        add(base, "held", held)
        add(base, "one-truce", SameEvent(("plan", "held")))
        fight = Span(y("2022-09-14 06:00"), y("2022-09-14 08:00"))
        add(base, "h", Hostility(fight, src("arm-gov"), attacker="aze-army", target="armenia"))
        [finding] = check(base, only=["ceasefire_violation"])
        assert finding.entries == ("plan", "held", "h")
        assert "the ceasefire between Armenia and Azerbaijan took effect" in finding.explanation
        assert "declared by Armenia alone" not in finding.explanation
        assert "in force from 2022-09-13 22:30 UTC" in finding.explanation  # 02:30 on the 14th

    def test_near_miss_a_truce_declared_by_one_side_alone_says_so(self, base: Ledger) -> None:
        truce = Ceasefire(
            ("armenia", "azerbaijan"), y("2022-09-13 02:30"), src(), declared_by=("armenia",)
        )
        add(base, "cf", truce)
        fight = Span(y("2022-09-13 06:00"), y("2022-09-13 08:00"))
        add(base, "h", Hostility(fight, src("aze-gov"), attacker="armenia", target="azerbaijan"))
        [finding] = check(base, only=["ceasefire_violation"])
        assert "declared by Armenia alone (not by Azerbaijan)" in finding.explanation


class TestDenialTakenBackByAReadoutOfItsOwn:
    """A denier that later tells the event itself has taken its denial back (israel_iran_2025)."""

    LATER = T + timedelta(days=1)

    def setup(self, base: Ledger, own: Call, *, later: bool = True) -> None:
        add(base, "reported", Call(["pashinyan", "putin"], ONE, src("arm-gov")))
        add(base, "other", Call(["pashinyan", "macron"], y("2022-09-13 01:30"), src()))
        add(base, "tass", Source("Moscow's readout"))
        if not later:
            add(base, "own", own)
        add(base, "denied", Claim("russia", Stance.DENIES, Provenance("tass"), about="reported"))
        if later:
            base.append(own, id="own", recorded_at=self.LATER)
        base.append(SameEvent(("reported", "own")), id="one-call", recorded_at=self.LATER)

    def test_the_denier_s_own_readout_recorded_later(self, base: Ledger) -> None:
        self.setup(base, Call(["putin", "pashinyan"], ONE, Provenance("tass", via=("russia",))))
        [finding] = check(base, only=["double_booking"])
        assert finding.certainty == "definite"
        assert "denies" not in finding.explanation

    def test_near_miss_its_readout_told_before_the_denial(self, base: Ledger) -> None:
        own = Call(["putin", "pashinyan"], ONE, Provenance("tass", via=("russia",)))
        self.setup(base, own, later=False)
        assert [c for c, _ in found(base, "double_booking")] == ["possible"]

    def test_near_miss_a_readout_of_someone_else_or_a_plan(self, base: Ledger) -> None:
        self.setup(base, Call(["putin", "pashinyan"], ONE, Provenance("tass", via=("media",))))
        assert [c for c, _ in found(base, "double_booking")] == ["possible"]

    def test_near_miss_the_denier_only_announcing_it(self, base: Ledger) -> None:
        plan = Call(
            ["putin", "pashinyan"], ONE, Provenance("tass", via=("russia",)), status=Status.PLANNED
        )
        self.setup(base, plan)
        assert [c for c, _ in found(base, "double_booking")] == ["possible"]

    def test_a_claim_about_another_readout_of_the_event(self, base: Ledger) -> None:
        self.setup(base, Call(["putin", "pashinyan"], ONE, Provenance("tass")))
        base.append(
            Claim("russia", Stance.ASSERTS, Provenance("tass"), about="own"),
            id="confirms",
            recorded_at=self.LATER,
        )
        assert [c for c, _ in found(base, "double_booking")] == ["definite"]


readouts = st.lists(
    st.tuples(
        st.integers(0, 20),
        st.integers(0, 4),
        st.sampled_from([Status.OCCURRED, Status.PLANNED, Status.CANCELLED]),
    ),
    min_size=1,
    max_size=8,
)


@given(readouts)
def test_called_off_is_the_pairwise_rule(told: list[tuple[int, int, Status]]) -> None:
    """A cancellation counts when no readout is held, or when it meets a held one in time."""
    entries = [
        Entry(
            f"r{i}",
            T,
            Call(
                ["pashinyan", "putin"],
                When.instant(T + timedelta(minutes=low))
                if width == 0
                else When.between(
                    When.instant(T + timedelta(minutes=low)),
                    When.instant(T + timedelta(minutes=low + width)),
                ),
                src(),
                status=status,
            ),
        )
        for i, (low, width, status) in enumerate(told)
    ]
    held = [(low, low + width) for low, width, status in told if status is Status.OCCURRED]
    expected = [
        f"r{i}"
        for i, (low, width, status) in enumerate(told)
        if status is Status.CANCELLED
        and (not held or any(low <= end and start <= low + width for start, end in held))
    ]
    assert [entry.id for entry in called_off(entries)] == expected


class TestPlacesOneWithinAnother:
    """A base in a city and the city are not two places told apart (the Anchorage summit)."""

    def meet(self, base: Ledger, *places: tuple[str, Place]) -> None:
        for id, place in places:
            add(base, id, place)
        a, b = (id for id, _ in places[:2])
        add(base, "us", Meeting.summit(["putin", "macron"], ONE, src(), place=a))
        add(base, "ru", Meeting.summit(["macron", "putin"], ONE, src("arm-gov"), place=b))
        add(base, "one", SameEvent(("us", "ru")))

    def test_a_base_and_its_city_may_be_one_within_the_other(self, base: Ledger) -> None:
        add(base, "usa", Actor("United States", ActorKind.STATE))
        self.meet(
            base,
            ("jber", Place("Joint Base Elmendorf-Richardson", zone=ANCHORAGE, states=("usa",))),
            ("anchorage", Place("Anchorage", zone=ANCHORAGE, states=("usa",))),
        )
        [finding] = check(base, only=["readout_mismatch"])
        assert finding.certainty == "possible"
        assert "one may lie within the other" in finding.explanation

    def test_a_region_that_names_the_other_place_says_it_lies_within(self, base: Ledger) -> None:
        jber = Place("Joint Base Elmendorf-Richardson", zone=ANCHORAGE, region="Anchorage")
        self.meet(
            base,
            ("jber", jber),
            ("anchorage", Place("Anchorage", zone=ANCHORAGE, aliases=("Anchorage, Alaska",))),
        )
        assert found(base, "readout_mismatch") == []

    def test_near_miss_places_in_two_zones_are_apart(self, base: Ledger) -> None:
        self.meet(
            base,
            ("anchorage", Place("Anchorage", zone=ANCHORAGE)),
            ("moscow", Place("Moscow", zone="Europe/Moscow")),
        )
        assert [c for c, _ in found(base, "readout_mismatch")] == ["definite"]

    def test_near_miss_places_in_two_states_are_apart(self, base: Ledger) -> None:
        self.meet(
            base,
            ("a", Place("A town", zone="Asia/Yerevan", states=("armenia",))),
            ("b", Place("Another town", zone="Asia/Yerevan", states=("azerbaijan",))),
        )
        [finding] = check(base, only=["readout_mismatch"])
        assert finding.certainty == "definite"
        assert finding.explanation.endswith(
            "their places differ (A town in 'us'; Another town in 'ru')."
        )


class TestTakenBackInWords:
    """The contradiction says the denier has since told the event, in another record (#13)."""

    def test_a_denial_then_a_readout_of_the_denier_s_own(self, base: Ledger) -> None:
        add(base, "reported", Call(["pashinyan", "putin"], ONE, src("arm-gov")))
        add(base, "tass", Source("Moscow's readout"))
        add(base, "denied", Claim("russia", Stance.DENIES, Provenance("tass"), about="reported"))
        later = T + timedelta(days=1)
        own = Call(["putin", "pashinyan"], ONE, Provenance("tass", via=("russia",)))
        base.append(own, id="own", recorded_at=later)
        base.append(SameEvent(("reported", "own")), id="one-call", recorded_at=later)
        [finding] = check(base, only=["contradiction"])
        assert finding.entries == ("reported", "denied")
        assert (
            "Russia denies it in 'denied' (a claim), but has since told it in 'own' (a call), "
            "taking back its denial." in finding.explanation
        )

    def test_near_miss_a_readout_told_before_the_denial(self, base: Ledger) -> None:
        add(base, "reported", Call(["pashinyan", "putin"], ONE, src("arm-gov")))
        add(base, "tass", Source("Moscow's readout"))
        own = Call(["putin", "pashinyan"], ONE, Provenance("tass", via=("russia",)))
        add(base, "own", own)
        add(base, "one-call", SameEvent(("reported", "own")))
        base.append(
            Claim("russia", Stance.DENIES, Provenance("tass"), about="reported"),
            id="denied",
            recorded_at=T + timedelta(days=1),
        )
        [finding] = check(base, only=["contradiction"])
        assert "taking back its denial" not in finding.explanation


class TestOneUnresolvedTimePerRecord:
    """A span whose two ends fall in the repeated hour is one problem (a probe of anchorage)."""

    def test_both_ends_of_a_span_in_the_hour_clocks_repeat(self, base: Ledger) -> None:
        def paris(wall: str) -> When:
            return When.local(wall, zone="Europe/Paris", disambiguation="earlier")

        span = Span(paris("2022-10-30 02:10"), paris("2022-10-30 02:50"))
        add(base, "c", Call(["putin", "macron"], span, src()))
        [finding] = check(base, only=["unresolved_local_time"])
        assert finding.entries == ("c",)
        assert "02:10:00 happened twice" in finding.explanation
        assert "; and the wall time 2022-10-30 02:50:00 happened twice" in finding.explanation

    def test_near_miss_two_records_two_findings(self, base: Ledger) -> None:
        gap = When.local("2022-03-27 02:30", zone="Europe/Paris", disambiguation="later")
        add(base, "a", Call(["putin", "macron"], gap, src()))
        add(base, "b", Call(["pashinyan", "macron"], gap, src()))
        assert found(base, "unresolved_local_time") == [("definite", ("a",)), ("definite", ("b",))]
