"""The contradiction check (``checks/_claims.py``): claims that assert and deny the same thing.

Ledgers that must trigger it and near misses that must not; and propositions compared as names
are, by the shortcut the check takes.
"""

from __future__ import annotations

import pytest

from diplomacy_ledger import (
    Call,
    Ceasefire,
    Claim,
    Hostility,
    Ledger,
    LedgerError,
    Report,
    Span,
    Stance,
    check,
)
from tests.checks._helpers import EARLY_HOURS, add, found, src, y


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


class TestReviewedCases:
    """Cases a review found: each follows the one certainty rule."""

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


class TestPropositionKeys:
    """Claims name a proposition by a key the user chooses; words stay the words (#13)."""

    def test_a_denial_in_its_own_words_meets_the_claim_by_key(self, base: Ledger) -> None:
        said = Claim(
            "aze-gov",
            Stance.ACCUSES,
            src("aze-gov"),
            accused="armenia",
            key="armenia-began-it",
            proposition="The shelling was started by Armenia.",
        )
        add(base, "c", said)
        denied = Claim(
            "arm-gov",
            Stance.DENIES,
            src("arm-gov"),
            key="armenia-began-it",
            proposition="Yerevan did not open fire first",
        )
        add(base, "d", denied)
        assert found(base, "contradiction") == [("definite", ("c", "d"))]

    def test_two_keys_decide_alone(self, base: Ledger) -> None:
        words = "a ceasefire from 02:30"
        add(base, "c", Claim("media", Stance.ASSERTS, src(), key="truce-0230", proposition=words))
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), key="truce-0300", proposition=words))
        assert found(base, "contradiction") == []

    def test_words_remain_the_fallback_where_a_key_is_missing(self, base: Ledger) -> None:
        add(base, "c", Claim("media", Stance.ASSERTS, src(), proposition="A ceasefire from 02:30"))
        add(
            base,
            "d",
            Claim(
                "aze-gov", Stance.DENIES, src(), key="truce", proposition="a ceasefire from 02:30."
            ),
        )
        assert found(base, "contradiction") == [("definite", ("c", "d"))]

    def test_a_claim_needs_a_record_a_proposition_or_a_key(self) -> None:
        with pytest.raises(LedgerError, match="about a record"):
            Claim("aze-gov", Stance.DENIES, src())
        assert Claim("aze-gov", Stance.DENIES, src(), key="truce").key == "truce"


class TestOneFindingPerDenial:
    """A denial and everything it contradicts are one dispute, reported once (#13)."""

    def test_a_denial_of_an_event_two_reported(self, base: Ledger) -> None:
        add(base, "cf", Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src()))
        add(base, "r1", Report("media", "cf", src()))
        add(base, "r2", Report("russia", "cf", src()))
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="cf"))
        [finding] = check(base, only=["contradiction"])
        assert (finding.certainty, finding.entries) == ("definite", ("cf", "r1", "r2", "d"))
        assert finding.explanation.startswith(
            "Armenian media reported it in 'r1' (a report) about 'cf' (a ceasefire); Russia "
            "reported it in 'r2' (a report); Government of Azerbaijan denies it in 'd'"
        )

    def test_a_denial_of_a_proposition_two_asserted(self, base: Ledger) -> None:
        add(base, "a1", Claim("media", Stance.ASSERTS, src(), key="k", proposition="invasion"))
        add(base, "a2", Claim("arm-gov", Stance.ASSERTS, src(), key="k", proposition="invasion"))
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), key="k", proposition="no invasion"))
        assert found(base, "contradiction") == [("definite", ("a1", "a2", "d"))]

    def test_its_teller_and_those_who_vouch_for_it(self, base: Ledger) -> None:
        # A call known through Yerevan, which Moscow also asserts, denied by Baku: Yerevan's
        # account is named as well as Moscow's.
        add(base, "c", Call(["pashinyan", "putin"], EARLY_HOURS, src("arm-gov")))
        add(base, "m", Claim("russia", Stance.ASSERTS, src(), about="c"))
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="c"))
        [finding] = check(base, only=["contradiction"])
        assert finding.entries == ("c", "m", "d")
        assert finding.explanation.startswith(
            "Government of Armenia gave 'c' (a call) as fact; Russia asserted it in 'm' (a claim)"
        )

    def test_one_teller_who_gave_it_and_reported_it_is_named_once(self, base: Ledger) -> None:
        # The seed's shape: a ceasefire known through Armenian media, who also reported it.
        add(base, "cf", Ceasefire(("armenia", "azerbaijan"), y("2022-09-13 02:30"), src("media")))
        add(base, "r", Report("media", "cf", src()))
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="cf"))
        [finding] = check(base, only=["contradiction"])
        assert finding.explanation.startswith(
            "Armenian media gave 'cf' (a ceasefire) as fact and reported it in 'r' (a report); "
            "Government of Azerbaijan denies it in 'd'"
        )

    def test_its_teller_taking_it_back_while_another_vouches_for_it(self, base: Ledger) -> None:
        add(base, "c", Call(["pashinyan", "putin"], EARLY_HOURS, src("arm-gov")))
        add(base, "m", Claim("russia", Stance.ASSERTS, src(), about="c"))
        add(base, "d", Claim("arm-gov", Stance.DENIES, src(), about="c"))
        [finding] = check(base, only=["contradiction"])
        assert finding.entries == ("c", "m", "d")
        assert finding.explanation.startswith(
            "Russia asserted it in 'm' (a claim) about 'c' (a call); Government of Armenia "
            "denies it in 'd' (a claim), taking back what it had said itself."
        )


class TestWordsOfCorrectionsAndAccusations:
    """Round two of the episodes audit: what a finding says must read, and say which version."""

    def test_an_accusation_with_no_words_of_its_own_reads(self, base: Ledger) -> None:
        add(base, "h", Hostility(Span(y("2022-09-13 00:00")), src("arm-gov")))
        add(base, "c", Claim("arm-gov", Stance.ACCUSES, src(), about="h", accused="aze-army"))
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="h"))
        [finding] = check(base, only=["contradiction"])
        assert "accused Azerbaijani armed forces of it in 'c'" in finding.explanation

    def test_a_denial_names_the_version_it_answered_once_that_is_corrected(
        self, base: Ledger
    ) -> None:
        # Przewodów, 2022: an attack by one side, denied; then corrected to name no attacker.
        shelling = Span(y("2022-09-13 00:00"))
        add(base, "h", Hostility(shelling, src("arm-gov"), attacker="aze-army"))
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="h", words="false"))
        before = check(base, only=["contradiction"])
        corrected = Hostility(shelling, src("arm-gov"), description="a shell fell")
        base.append(corrected, id="h2", recorded_at=base["d"].recorded_at, supersedes="h")
        [finding] = check(base, only=["contradiction"])
        assert finding.entries == ("h2", "d")
        assert (
            "that denial answered 'h' (a hostility), which 'h2' (a hostility) has corrected since"
            in finding.explanation
        )
        assert "corrected" not in before[0].explanation

    def test_a_denial_made_after_the_correction_needs_no_such_words(self, base: Ledger) -> None:
        shelling = Span(y("2022-09-13 00:00"))
        add(base, "h", Hostility(shelling, src("arm-gov"), attacker="aze-army"))
        corrected = Hostility(shelling, src("arm-gov"), description="a shell fell")
        base.append(corrected, id="h2", recorded_at=base["h"].recorded_at, supersedes="h")
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="h"))
        [finding] = check(base, only=["contradiction"])
        assert "corrected" not in finding.explanation


class TestOneFindingPerDispute:
    """Denials of the very same thing are one dispute: one finding, linear in its size."""

    def test_two_actors_denying_one_claim(self, base: Ledger) -> None:
        add(base, "c", Claim("media", Stance.ASSERTS, src(), proposition="a ceasefire at 02:30"))
        add(base, "d1", Claim("aze-gov", Stance.DENIES, src(), about="c", words="false"))
        add(base, "d2", Claim("russia", Stance.DENIES, src(), about="c"))
        [finding] = check(base, only=["contradiction"])
        assert finding.entries == ("c", "d1", "d2")
        assert finding.explanation.startswith(
            "Armenian media asserted ('a ceasefire at 02:30') in 'c' (a claim); Government of "
            "Azerbaijan denies it in 'd1' (a claim) ('false'); Russia denies it in 'd2' (a claim)."
        )

    def test_many_assertions_and_many_denials_of_one_proposition(self, base: Ledger) -> None:
        for n in range(30):
            add(base, f"a{n}", Claim("media", Stance.ASSERTS, src(), key="k", proposition=f"{n}"))
            add(base, f"d{n}", Claim("aze-gov", Stance.DENIES, src(), key="k", proposition="no"))
        [finding] = check(base, only=["contradiction"])
        assert finding.entries == (*(f"a{n}" for n in range(30)), *(f"d{n}" for n in range(30)))
        assert finding.explanation.count("Government of Azerbaijan") == 1

    def test_denials_that_contradict_different_things_stay_apart(self, base: Ledger) -> None:
        add(base, "a", Claim("media", Stance.ASSERTS, src(), key="k", proposition="invasion"))
        add(base, "b", Claim("arm-gov", Stance.ASSERTS, src(), proposition="invasion"))
        add(base, "d1", Claim("aze-gov", Stance.DENIES, src(), key="k"))  # meets 'a' by key
        add(base, "d2", Claim("aze-gov", Stance.DENIES, src(), proposition="Invasion"))  # both
        assert found(base, "contradiction") == [
            ("definite", ("a", "b", "d2")),
            ("definite", ("a", "d1")),
        ]

    def test_one_actor_taking_back_twice_is_one_retraction(self, base: Ledger) -> None:
        add(base, "a", Claim("aze-gov", Stance.ASSERTS, src(), proposition="the border is calm"))
        add(base, "d1", Claim("aze-gov", Stance.DENIES, src(), about="a"))
        add(base, "d2", Claim("aze-gov", Stance.DENIES, src(), about="a", words="not calm"))
        [finding] = check(base, only=["contradiction"])
        assert finding.entries == ("a", "d1", "d2")
        assert "then denied it in 'd1' (a claim) and 'd2' (a claim) ('not calm'): a retraction" in (
            finding.explanation
        )
