"""Each built-in check: a ledger that must trigger it, and a near miss that must not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from diplomacy_ledger import (
    BUILTIN_CHECKS,
    Actor,
    ActorKind,
    Call,
    Ceasefire,
    Checker,
    Claim,
    Entry,
    Finding,
    Hostility,
    Ledger,
    LedgerError,
    Office,
    Participant,
    Provenance,
    Report,
    SameEvent,
    Source,
    Span,
    Stance,
    Tenure,
    When,
    check,
    dangling_references,
)

T = datetime(2022, 9, 13, 6, 0, tzinfo=UTC)


def y(wall: str) -> When:
    return When.local(wall, zone="Asia/Yerevan")


def src(*via: str) -> Provenance:
    return Provenance("article", via=via)


@pytest.fixture
def base() -> Ledger:
    ledger = Ledger()
    records: list[tuple[str, object]] = [
        ("armenia", Actor("Armenia", ActorKind.STATE)),
        ("azerbaijan", Actor("Azerbaijan", ActorKind.STATE)),
        ("russia", Actor("Russia", ActorKind.STATE)),
        (
            "arm-gov",
            Actor("Government of Armenia", ActorKind.GOVERNMENT, ("Yerevan",), part_of="armenia"),
        ),
        (
            "aze-gov",
            Actor(
                "Government of Azerbaijan", ActorKind.GOVERNMENT, ("Baku",), part_of="azerbaijan"
            ),
        ),
        (
            "aze-army",
            Actor("Azerbaijani armed forces", ActorKind.ARMED_FORCES, part_of="azerbaijan"),
        ),
        ("media", Actor("Armenian media", ActorKind.MEDIA)),
        ("pashinyan", Actor("Nikol Pashinyan", ActorKind.PERSON)),
        ("putin", Actor("Vladimir Putin", ActorKind.PERSON)),
        ("macron", Actor("Emmanuel Macron", ActorKind.PERSON)),
        ("pm", Office("Prime Minister of Armenia", jurisdiction="armenia")),
        ("article", Source(published=When.day("2022-09-13", zone="Asia/Yerevan"))),
        (
            "pm-tenure",
            Tenure(
                "pashinyan",
                "pm",
                Span(
                    When.day("2021-08-02", zone="Asia/Yerevan"),
                    When.day("2022-09-14", zone="Asia/Yerevan"),
                ),
            ),
        ),
    ]
    for id, record in records:
        ledger.append(record, id=id, recorded_at=T)  # type: ignore[arg-type]
    return ledger


def add(ledger: Ledger, id: str, record: object) -> Entry:
    return ledger.append(record, id=id, recorded_at=T)  # type: ignore[arg-type]


def found(ledger: Ledger, kind: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.certainty, f.entries) for f in check(ledger, only=[kind])]


EARLY_HOURS = When.between(y("2022-09-13 00:00"), y("2022-09-13 05:59:59.999999"))


class TestContradiction:
    def test_a_claim_and_its_denial_by_another_actor(self, base: Ledger) -> None:
        add(
            base,
            "c1",
            Claim(
                "aze-gov",
                Stance.ACCUSES,
                src("arm-gov"),
                accused="armenia",
                proposition="Armenia started the shelling",
            ),
        )
        add(
            base, "d1", Claim("arm-gov", Stance.DENIES, src(), about="c1", words="completely false")
        )
        [finding] = check(base, only=["contradiction"])
        assert (finding.certainty, finding.entries) == ("definite", ("c1", "d1"))
        assert "Government of Azerbaijan" in finding.explanation
        assert "Government of Armenia" in finding.explanation
        assert "completely false" in finding.explanation

    def test_a_report_and_a_denial_of_the_event(self, base: Ledger) -> None:
        add(base, "cf", Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src("media")))
        add(base, "r", Report("media", "cf", src()))
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="cf"))
        assert found(base, "contradiction") == [("definite", ("cf", "r", "d"))]

    def test_denying_a_proposition_in_the_same_words(self, base: Ledger) -> None:
        add(base, "a", Claim("media", Stance.ASSERTS, src(), proposition="A full-scale invasion"))
        add(
            base, "d", Claim("aze-gov", Stance.DENIES, src(), proposition="a full-scale  invasion.")
        )
        assert found(base, "contradiction") == [("definite", ("a", "d"))]

    def test_the_same_actor_taking_it_back_is_a_retraction(self, base: Ledger) -> None:
        add(base, "a", Claim("aze-gov", Stance.ASSERTS, src(), proposition="the border is calm"))
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="a"))
        [finding] = check(base, only=["contradiction"])
        assert "retraction" in finding.explanation

    def test_near_miss_denials_of_other_things_and_agreeing_claims(self, base: Ledger) -> None:
        add(base, "a", Claim("media", Stance.ASSERTS, src(), proposition="a full-scale invasion"))
        add(base, "b", Claim("arm-gov", Stance.ASSERTS, src(), about="a"))  # agrees
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), proposition="a ceasefire at 02:30"))
        assert found(base, "contradiction") == []


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


class TestCeasefireViolation:
    def setup_fight(self, base: Ledger, start: str, *, via: tuple[str, ...] = ("arm-gov",)) -> None:
        add(base, "cf", Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src("arm-gov")))
        add(
            base,
            "h",
            Hostility(
                Span(y(start), y("2022-09-13 08:00")),
                src(*via),
                attacker="aze-army",
                target="armenia",
            ),
        )

    def test_after_for_every_placement_and_vouched_twice_is_definite(self, base: Ledger) -> None:
        self.setup_fight(base, "2022-09-13 03:00")
        add(base, "r", Report("media", "h", src()))
        [finding] = check(base, only=["ceasefire_violation"])
        assert (finding.certainty, finding.entries) == ("definite", ("cf", "h"))

    def test_single_sourced_attacker_is_possible(self, base: Ledger) -> None:
        self.setup_fight(base, "2022-09-13 03:00")
        [finding] = check(base, only=["ceasefire_violation"])
        assert finding.certainty == "possible"
        assert "one source" in finding.explanation

    def test_a_denied_ceasefire_is_at_most_possible(self, base: Ledger) -> None:
        self.setup_fight(base, "2022-09-13 03:00")
        add(base, "r", Report("media", "h", src()))
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="cf"))
        assert found(base, "ceasefire_violation") == [("possible", ("cf", "h"))]

    def test_near_miss_fighting_that_ended_before(self, base: Ledger) -> None:
        add(base, "cf", Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src()))
        add(
            base,
            "h",
            Hostility(
                Span(y("2022-09-13 00:00"), y("2022-09-13 02:30")), src(), attacker="aze-army"
            ),
        )
        add(
            base,
            "h2",
            Hostility(Span(y("2022-09-13 03:00"), y("2022-09-13 04:00")), src(), attacker="russia"),
        )
        assert found(base, "ceasefire_violation") == []


class TestAnachronism:
    def test_a_report_before_its_event(self, base: Ledger) -> None:
        add(base, "h", Hostility(Span(y("2022-09-13 00:00")), src(), attacker="aze-army"))
        add(base, "r", Report("media", "h", src(), when=y("2022-09-12 23:00")))
        assert found(base, "anachronism") == [("definite", ("r", "h"))]

    def test_a_record_before_its_actor_existed(self, base: Ledger) -> None:
        add(base, "state", Actor("New State", ActorKind.STATE, lifespan=Span(When.year(1991))))
        add(base, "h", Hostility(Span(When.year(1980), When.year(1981)), src(), attacker="state"))
        assert found(base, "anachronism") == [("definite", ("h", "state"))]

    def test_an_event_after_its_source_was_published(self, base: Ledger) -> None:
        add(
            base,
            "c",
            Call(["pashinyan", "putin"], When.day("2022-09-20", zone="Asia/Yerevan"), src()),
        )
        assert found(base, "anachronism") == [("definite", ("c", "article"))]

    def test_near_miss_vague_times_that_may_be_in_order(self, base: Ledger) -> None:
        add(base, "h", Hostility(Span(y("2022-09-13 00:00")), src(), attacker="aze-army"))
        add(base, "r", Report("media", "h", src(), when=When.day("2022-09-12")))
        add(base, "cf", Ceasefire(("armenia", "azerbaijan"), When.day("2022-09-20"), src()))
        assert found(base, "anachronism") == []


class TestUnresolvedLocalTime:
    def test_a_skipped_wall_time_resolved_by_policy(self, base: Ledger) -> None:
        gap = When.local("2022-03-27 02:30", zone="Europe/Paris", disambiguation="later")
        add(base, "c", Call(["putin", "macron"], gap, Provenance("article")))
        [finding] = check(base, only=["unresolved_local_time"])
        assert finding.entries == ("c",)
        assert "did not exist in Europe/Paris" in finding.explanation

    def test_a_repeated_wall_time(self, base: Ledger) -> None:
        fold = When.local("2022-10-30 02:30", zone="Europe/Paris", disambiguation="earlier")
        add(base, "c", Call(["putin", "macron"], Span(fold, When.day("2022-10-31")), src()))
        assert found(base, "unresolved_local_time") == [("definite", ("c",))]

    def test_near_miss_the_same_instant_given_with_its_offset(self, base: Ledger) -> None:
        add(
            base,
            "c",
            Call(["putin", "macron"], When.parse("2022-10-30T02:30+02:00[Europe/Paris]"), src()),
        )
        add(base, "d", Call(["putin", "pashinyan"], y("2022-09-13 02:30"), src()))
        assert found(base, "unresolved_local_time") == []


class TestReadoutMismatch:
    def test_different_participants_or_times(self, base: Ledger) -> None:
        add(base, "a", Call(["pashinyan", "putin"], y("2022-09-13 01:00"), src("arm-gov")))
        add(base, "b", Call(["pashinyan", "macron"], y("2022-09-13 01:00"), src()))
        add(
            base,
            "c",
            Call(["pashinyan", "putin"], When.day("2022-09-14", zone="Asia/Yerevan"), src()),
        )
        add(base, "ab", SameEvent(("a", "b")))
        add(base, "ac", SameEvent(("a", "c")))
        assert found(base, "readout_mismatch") == [
            ("definite", ("ab", "a", "b")),
            ("definite", ("ac", "a", "c")),
        ]

    def test_near_miss_same_instant_different_local_dates(self, base: Ledger) -> None:
        yerevan = When.parse("2022-09-13T00:30+04:00[Asia/Yerevan]")
        paris = When.parse("2022-09-12T22:30+02:00[Europe/Paris]")  # Monday evening in Paris
        add(base, "a", Call(["pashinyan", "macron"], yerevan, src("arm-gov")))
        add(base, "b", Call(["macron", "pashinyan"], When.between(paris, paris), src()))
        add(base, "ab", SameEvent(("a", "b")))
        assert found(base, "readout_mismatch") == []


def test_dangling_references_in_a_list_of_entries() -> None:
    entries = [
        Entry("article", T, Source()),
        Entry("c", T, Call(["pashinyan", "putin"], EARLY_HOURS, Provenance("article"))),
        Entry(
            "c2", T, Call(["pashinyan", "putin"], EARLY_HOURS, Provenance("ghost")), supersedes="c0"
        ),
    ]
    kinds = [(f.kind, f.entries, f.certainty) for f in dangling_references(entries)]
    assert (
        kinds
        == [("dangling_reference", ("c",), "definite")] * 2
        + [("dangling_reference", ("c2",), "definite")] * 4
    )


def test_user_checks_and_selection(base: Ledger) -> None:
    def too_few(ledger: Ledger) -> list[Finding]:
        return (
            [Finding("small", "possible", (), "fewer than 100 entries")]
            if len(ledger) < 100
            else []
        )

    assert [f.kind for f in check(base, extra={"small": too_few})] == ["small"]
    assert check(base, only=["contradiction"]) == []
    with pytest.raises(LedgerError, match="unknown checks"):
        check(base, only=["nope"])
    checker = Checker()
    with pytest.raises(LedgerError, match="already registered"):
        checker.register("contradiction", too_few)
    assert set(checker.names) == set(BUILTIN_CHECKS)


def test_findings_are_sorted_and_serialisable(base: Ledger) -> None:
    add(base, "a", Claim("media", Stance.ASSERTS, src(), proposition="x"))
    add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="a"))
    add(base, "c", Call([Participant("pashinyan", "pm"), "putin"], When.year(2000), src()))
    findings = check(base)
    assert [f.kind for f in findings] == ["contradiction", "office_not_held"]
    assert findings == sorted(findings)
    assert findings[0].to_dict()["entries"] == ["a", "d"]
    with pytest.raises(ValueError, match="certainty"):
        Finding("x", "certain", (), "y")  # type: ignore[arg-type]
    assert base.as_of(T - timedelta(seconds=1)) == Ledger()


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

    def test_a_disputed_anachronism_is_possible(self, base: Ledger) -> None:
        add(
            base,
            "c",
            Call(
                ["pashinyan", "putin"], When.day("2022-09-20", zone="Asia/Yerevan"), src("arm-gov")
            ),
        )
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="c"))
        assert found(base, "anachronism") == [("possible", ("c", "article"))]

    def test_a_denied_event_known_only_through_its_chain_is_contradicted(
        self, base: Ledger
    ) -> None:
        add(base, "c", Call(["pashinyan", "putin"], EARLY_HOURS, src("arm-gov")))
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="c"))
        assert found(base, "contradiction") == [("definite", ("c", "d"))]


def test_denying_a_report_contradicts_the_reporter(base: Ledger) -> None:
    add(base, "h", Hostility(Span(y("2022-09-13 00:00")), src(), attacker="aze-army"))
    add(base, "r", Report("media", "h", src()))
    add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="r", words="false"))
    [finding] = check(base, only=["contradiction"])
    assert (finding.certainty, finding.entries) == ("definite", ("r", "d"))
    assert "Armenian media reported it" in finding.explanation
