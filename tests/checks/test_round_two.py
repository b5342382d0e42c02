"""Round two of the audit on real episodes: the rules the attacks showed wrong, each pinned.

Each class pins one rule: a test that failed before its fix, and near misses that guard it. The
episodes that suggested them are in tests/episodes/ (trump_putin_2024, vilnius_2023,
przewodow_2022); the ledgers here are small attacks of the same shape, on the shared cast
(tests/checks/conftest.py).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Claim,
    Ledger,
    LedgerError,
    Meeting,
    Place,
    Provenance,
    Report,
    Retraction,
    SameEvent,
    Source,
    Span,
    Stance,
    Status,
    When,
    check,
    contact_events,
    last_contact,
)
from tests.checks._helpers import EARLY_HOURS, T, add, found, src, y

YEREVAN = "Asia/Yerevan"
LATER = T + timedelta(days=30)


class TestParticipantsOfOneEvent:
    """A readout naming fewer leaves the others out: one that names them all reconciles them."""

    def test_each_side_names_its_own_and_one_names_all(self, base: Ledger) -> None:
        # A three-way call: Yerevan names Putin, Paris names Pashinyan, Moscow names all three.
        at = y("2022-09-13 01:00")
        add(base, "yerevan", Call(["pashinyan", "putin"], at, src("arm-gov")))
        add(base, "paris", Call(["macron", "pashinyan"], at, src()))
        add(base, "moscow", Call(["putin", "pashinyan", "macron"], at, src()))
        add(base, "one-call", SameEvent(("yerevan", "paris", "moscow")))
        assert found(base, "readout_mismatch") == []

    def test_without_the_one_that_names_all_they_disagree(self, base: Ledger) -> None:
        at = y("2022-09-13 01:00")
        add(base, "yerevan", Call(["pashinyan", "putin"], at, src("arm-gov")))
        add(base, "paris", Call(["macron", "pashinyan"], at, src()))
        add(base, "one-call", SameEvent(("yerevan", "paris")))
        assert found(base, "readout_mismatch") == [("definite", ("one-call", "yerevan", "paris"))]

    def test_only_the_readouts_that_disagree_are_said_to(self, base: Ledger) -> None:
        # Pashinyan and Putin, told three ways: with Macron, with Aliyev, and the two alone. The
        # last agrees with both; the first two disagree with each other.
        add(base, "aliyev", Actor("Ilham Aliyev", ActorKind.PERSON))
        at = y("2022-09-13 01:00")
        add(base, "two", Call(["pashinyan", "putin"], at, src()))
        add(base, "with-macron", Call(["pashinyan", "putin", "macron"], at, src()))
        add(base, "with-aliyev", Call(["pashinyan", "putin", "aliyev"], at, src()))
        add(base, "one-call", SameEvent(("two", "with-macron", "with-aliyev")))
        [finding] = check(base, only=["readout_mismatch"])
        differ = finding.explanation.split("their participants differ (")[1].split(")")[0]
        assert "'with-macron'" in differ
        assert "'with-aliyev'" in differ
        assert "'two'" not in differ


class TestSourcesAsTheyNowStand:
    """A finding rests on a source as it now stands: corrected, or withdrawn."""

    def test_a_corrected_publication_date_is_no_longer_before_the_event(self, base: Ledger) -> None:
        add(base, "c", Call(["pashinyan", "putin"], When.day("2022-09-14", zone=YEREVAN), src()))
        assert found(base, "anachronism") == [("definite", ("c", "article"))]
        later = Source("the article", published=When.day("2022-09-15", zone=YEREVAN))
        base.append(later, id="article-fixed", recorded_at=T, supersedes="article")
        assert found(base, "anachronism") == []

    def test_a_withdrawn_source_dates_nothing(self, base: Ledger) -> None:
        add(base, "c", Call(["pashinyan", "putin"], When.day("2022-09-14", zone=YEREVAN), src()))
        add(base, "gone", Retraction("article", reason="not the source of this call"))
        assert found(base, "anachronism") == []

    def test_explanations_give_the_sources_title_as_it_now_stands(self, base: Ledger) -> None:
        add(base, "a", Claim("media", Stance.ASSERTS, src(), proposition="an invasion"))
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), proposition="an invasion"))
        base.append(Source("Reuters"), id="article-fixed", recorded_at=T, supersedes="article")
        [finding] = check(base, only=["contradiction"])
        assert "Known from source 'Reuters'." in finding.explanation

    def test_a_correction_rolled_back_with_its_batch_leaves_the_chain_as_it_was(
        self, base: Ledger
    ) -> None:
        # The ledger keeps each chain's latest version (so a chain of thousands of corrections
        # is read in one step); a batch that fails half-way must put that back too.
        with pytest.raises(LedgerError), base.batch() as batch:
            batch.append(Source("Reuters"), id="v2", recorded_at=T, supersedes="article")
            batch.append(Source("AP"), id="v3", recorded_at=T, supersedes="article")
        current = base.current("article")
        assert current is not None
        assert current.id == "article"
        base.append(Source("Reuters"), id="v2", recorded_at=T, supersedes="article")
        assert [entry.id for entry in base.history("v2")] == ["article", "v2"]
        assert base.current("article") == base["v2"]


class TestMeetingsOnTheSidelines:
    """Vilnius 2023 with the hours: a bilateral at the summit's venue during the summit."""

    @staticmethod
    def summit_and(base: Ledger, bilateral: Meeting | Call) -> list[tuple[str, tuple[str, ...]]]:
        for id, record in [
            ("aliyev", Actor("Ilham Aliyev", ActorKind.PERSON)),
            ("venue", Place("Summit venue", zone=YEREVAN)),
            ("hotel", Place("A hotel", zone=YEREVAN)),
        ]:
            add(base, id, record)
        summit = Span(y("2022-09-13 13:00"), y("2022-09-14 17:00"))
        people = ["pashinyan", "putin", "macron"]
        add(base, "summit", Meeting.summit(people, summit, src(), place="venue"))
        add(base, "bilateral", bilateral)
        return found(base, "double_booking")

    def test_a_bilateral_at_the_venue_among_the_summits_people_is_none(self, base: Ledger) -> None:
        evening = Span(y("2022-09-13 18:00"), y("2022-09-13 19:00"))
        bilateral = Meeting.summit(["pashinyan", "macron"], evening, src(), place="venue")
        assert self.summit_and(base, bilateral) == []

    def test_elsewhere_or_by_phone_or_with_someone_else_it_is_one(self, base: Ledger) -> None:
        evening = Span(y("2022-09-13 18:00"), y("2022-09-13 19:00"))
        for bilateral in (
            Meeting.summit(["pashinyan", "macron"], evening, src(), place="hotel"),
            Call(["pashinyan", "macron"], evening, src()),
            Meeting.summit(["pashinyan", "aliyev"], evening, src(), place="venue"),
        ):
            ledger = Ledger(list(base))
            assert self.summit_and(ledger, bilateral) == [("definite", ("summit", "bilateral"))], (
                bilateral
            )


class TestPrematureReports:
    """A report with no date of its own was made by the time its source was published."""

    def test_an_undated_report_in_a_source_published_before_the_event(self, base: Ledger) -> None:
        # The article is published on the 13th; the call it reports took place on the 14th.
        add(base, "other", Source("a later readout"))
        add(base, "undated", Source("an undated page"))
        add(
            base,
            "c",
            Call(["pashinyan", "putin"], When.day("2022-09-14", zone=YEREVAN), Provenance("other")),
        )
        add(base, "r", Report("media", "c", src()))
        add(base, "k", Claim("arm-gov", Stance.ASSERTS, src(), about="c"))
        assert found(base, "anachronism") == [
            ("definite", ("k", "c")),
            ("definite", ("r", "c")),
        ]
        [finding, _] = check(base, only=["anachronism"])
        assert "(in source 'article', published between 2022-09-12 20:00" in finding.explanation

    def test_near_misses(self, base: Ledger) -> None:
        add(base, "other", Source("a later readout"))
        add(base, "undated", Source("an undated page"))
        day = When.day("2022-09-13", zone=YEREVAN)
        add(base, "same-day", Call(["pashinyan", "putin"], day, Provenance("other")))
        add(base, "r1", Report("media", "same-day", src()))  # may be later that day
        later = When.day("2022-09-14", zone=YEREVAN)
        add(
            base,
            "plan",
            Call(["pashinyan", "putin"], later, Provenance("other"), status=Status.PLANNED),
        )
        add(base, "r2", Report("media", "plan", src()))  # a plan, told before its time
        add(base, "held", Call(["pashinyan", "macron"], later, Provenance("other")))
        add(base, "r3", Report("media", "held", Provenance("undated")))  # no date to go by
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="held"))  # a denial
        assert found(base, "anachronism") == []


class TestDenialsTakenBack:
    """An actor that denied something and said it after all has taken its denial back."""

    def test_a_denial_then_a_confirmation_reads_in_that_order(self, base: Ledger) -> None:
        add(base, "c", Call(["pashinyan", "putin"], EARLY_HOURS, src("arm-gov")))
        add(base, "d", Claim("russia", Stance.DENIES, src(), about="c", words="pure fiction"))
        base.append(Claim("russia", Stance.ASSERTS, src(), about="c"), id="k", recorded_at=LATER)
        [finding] = check(base, only=["contradiction"])
        assert finding.entries == ("c", "k", "d")
        assert finding.explanation.startswith(
            "Government of Armenia gave 'c' (a call) as fact; Russia denies it in 'd' (a claim) "
            "('pure fiction'), but has since asserted it in 'k' (a claim), taking back its "
            "denial."
        )

    def test_a_denial_taken_back_puts_nothing_in_doubt(self, base: Ledger) -> None:
        # The Kremlin called a reported call "pure fiction", then confirmed it.
        add(base, "c", Call(["pashinyan", "putin"], EARLY_HOURS, src("arm-gov")))
        add(base, "d", Claim("russia", Stance.DENIES, src(), about="c"))
        [contact] = contact_events(base)
        assert contact.took_place == "possible"
        base.append(Claim("russia", Stance.ASSERTS, src(), about="c"), id="k", recorded_at=LATER)
        [contact] = contact_events(base)
        assert (contact.doubts, contact.took_place) == ((), "definite")
        assert last_contact(base, "Nikol Pashinyan", "putin").certainty == "definite"

    def test_a_proposition_denied_then_asserted_by_one_actor(self, base: Ledger) -> None:
        add(base, "d", Claim("aze-gov", Stance.DENIES, src(), proposition="a ceasefire"))
        base.append(
            Claim("aze-gov", Stance.ASSERTS, src(), proposition="a ceasefire"),
            id="k",
            recorded_at=LATER,
        )
        [finding] = check(base, only=["contradiction"])
        assert finding.explanation.startswith(
            "Government of Azerbaijan denied it in 'd' (a claim), but has since asserted "
            "('a ceasefire') in 'k' (a claim), taking back its denial."
        )
