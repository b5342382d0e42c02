"""Records (``model/_records.py``): what each kind refuses, and what its properties answer."""

from __future__ import annotations

import pytest

from diplomacy_ledger import (
    Agreement,
    Ceasefire,
    Claim,
    Hostility,
    InvalidValueError,
    LedgerError,
    Meeting,
    Participant,
    Provenance,
    Span,
    Stance,
    When,
)
from diplomacy_ledger.model import participants

SRC = Provenance("src")
DAY = When.day("2020-11-09", zone="Europe/Moscow")


class TestMeetingsWithNoHost:
    def test_a_summit_has_no_host_and_all_its_participants(self) -> None:
        summit = Meeting.summit(["aliyev", "pashinyan", "putin"], DAY, SRC, place="moscow")
        assert summit.host is None
        assert summit.actors == ("aliyev", "pashinyan", "putin")
        assert [p.actor for p in summit.participants] == ["aliyev", "pashinyan", "putin"]
        assert summit.place == "moscow"

    def test_a_hosted_meeting_lists_the_host_first(self) -> None:
        meeting = Meeting("putin", ["erdogan"], DAY, SRC)
        assert meeting.actors == ("putin", "erdogan")

    def test_a_meeting_with_no_host_needs_two_participants(self) -> None:
        with pytest.raises(InvalidValueError, match="at least two participants"):
            Meeting(None, ["putin"], DAY, SRC)

    def test_an_actor_twice_is_refused_with_or_without_a_host(self) -> None:
        with pytest.raises(InvalidValueError):
            Meeting.summit(["putin", "putin"], DAY, SRC)
        with pytest.raises(InvalidValueError, match="host is also"):
            Meeting("putin", ["putin"], DAY, SRC)


class TestFightingBetweenSides:
    def test_between_names_the_sides(self) -> None:
        clash = Hostility(Span(DAY), SRC, between=("india", "pakistan"))
        assert clash.sides == ("india", "pakistan")
        assert (clash.attacker, clash.target) == (None, None)

    def test_sides_of_attributed_fighting_are_attacker_and_target(self) -> None:
        assert Hostility(Span(DAY), SRC, attacker="a", target="b").sides == ("a", "b")
        assert Hostility(Span(DAY), SRC, target="b").sides == ("b",)

    @pytest.mark.parametrize("between", [("india",), ("india", "india")])
    def test_between_needs_two_distinct_sides(self, between: tuple[str, ...]) -> None:
        with pytest.raises(LedgerError, match=r"two or more sides|appears twice"):
            Hostility(Span(DAY), SRC, between=between)

    def test_between_names_no_attacker_or_target(self) -> None:
        with pytest.raises(InvalidValueError, match="no attacker or target"):
            Hostility(Span(DAY), SRC, between=("india", "pakistan"), attacker="india")


class TestAgreements:
    def test_an_agreement_holds_parties_signatories_and_times(self) -> None:
        agreement = Agreement(
            ("armenia", "azerbaijan", "russia"),
            SRC,
            title="Trilateral statement",
            signatories=[Participant("putin", office="president"), "pashinyan"],
            signed=DAY,
            effective=When.local("2020-11-10 00:00", zone="Europe/Moscow"),
        )
        assert agreement.time == DAY
        assert [p.actor for p in agreement.signatories] == ["putin", "pashinyan"]
        assert [(p.actor, p.office) for p in participants(agreement)] == [
            ("putin", "president"),
            ("pashinyan", None),
        ]

    def test_a_party_twice_or_a_mediating_party_is_refused(self) -> None:
        with pytest.raises(LedgerError, match="appears twice"):
            Agreement(("a", "a"), SRC)
        with pytest.raises(InvalidValueError, match="mediator cannot be a party"):
            Agreement(("a", "b"), SRC, mediators=("a",))

    def test_an_agreement_binds_two_parties_at_least(self) -> None:
        with pytest.raises(LedgerError):
            Agreement(("a",), SRC)


class TestScopeAndOffices:
    def test_a_ceasefire_with_places_or_regions_is_local(self) -> None:
        effective = When.local("2020-03-06 00:01", zone="Asia/Damascus")
        assert not Ceasefire(("a", "b"), effective, SRC).local
        assert Ceasefire(("a", "b"), effective, SRC, places=("idlib",)).local
        assert Ceasefire(("a", "b"), effective, SRC, regions=("Idlib",)).local

    def test_a_claimants_office_makes_them_a_participant_in_it(self) -> None:
        claim = Claim("zakharova", Stance.DENIES, SRC, key="k", office="mfa-spokesperson")
        assert [(p.actor, p.office) for p in participants(claim)] == [
            ("zakharova", "mfa-spokesperson")
        ]
        assert participants(Claim("zakharova", Stance.DENIES, SRC, key="k")) == []
