"""Findings that rest on a wall time clocks showed twice: recorded as either instant, or resolved
by a policy. Such a finding is at most possible, and says why; nothing was resolved for "either".

Paris showed 02:30 twice on 29 October 2017 and on 30 October 2022.
"""

from __future__ import annotations

from diplomacy_ledger import (
    Call,
    Ceasefire,
    Hostility,
    Ledger,
    Participant,
    Source,
    Span,
    When,
    check,
)
from tests.checks._helpers import add, src, y

EITHER_2017 = When.local("2017-10-29 02:30", zone="Europe/Paris", disambiguation="either")
EITHER_2022 = When.local("2022-10-30 02:30", zone="Europe/Paris", disambiguation="either")


def call_as_pm(when: When) -> Call:
    return Call([Participant("pashinyan", "pm"), "putin"], when, src("arm-gov"))


def test_an_office_not_held_at_either_instant_is_at_most_possible(base: Ledger) -> None:
    # Pashinyan's only tenure here began in 2021: both instants of 2017 lie outside it.
    add(base, "c", call_as_pm(EITHER_2017))
    [finding] = check(base, only=["office_not_held"])
    assert (finding.certainty, finding.entries) == ("possible", ("c",))
    assert "recorded as either of the two" in finding.explanation
    assert "either 2017-10-29 00:30 or 01:30 UTC" in finding.explanation


def test_the_same_call_at_a_wall_time_shown_once_is_definite(base: Ledger) -> None:
    add(base, "c", call_as_pm(When.local("2017-10-29 04:30", zone="Europe/Paris")))
    [finding] = check(base, only=["office_not_held"])
    assert finding.certainty == "definite"


def test_an_either_time_is_not_an_unresolved_local_time(base: Ledger) -> None:
    add(base, "either", Call(["macron", "putin"], EITHER_2022, src()))
    assert check(base, only=["unresolved_local_time"]) == []
    chosen = When.local("2022-10-30 02:30", zone="Europe/Paris", disambiguation="earlier")
    add(base, "chosen", Call(["macron", "pashinyan"], chosen, src()))
    [finding] = check(base, only=["unresolved_local_time"])
    assert finding.entries == ("chosen",)


def test_a_call_at_either_instant_inside_a_longer_call_is_a_possible_double_booking(
    base: Ledger,
) -> None:
    # Macron spoke from 00:00 to 02:00 UTC: both 02:30s of Paris fall inside it.
    longer = Span(When.parse("2022-10-30T00:00Z"), When.parse("2022-10-30T02:00Z"))
    add(base, "long", Call(["macron", "pashinyan"], longer, src()))
    add(base, "short", Call(["macron", "putin"], EITHER_2022, src()))
    [finding] = check(base, only=["double_booking"])
    assert (finding.certainty, set(finding.entries)) == ("possible", {"long", "short"})
    assert "recorded as either of the two" in finding.explanation


def test_a_call_holding_one_of_the_instants_only_is_no_double_booking(base: Ledger) -> None:
    # From 00:00 to 00:45 UTC holds the first 02:30 only: not an overlap for every placement.
    shorter = Span(When.parse("2022-10-30T00:00Z"), When.parse("2022-10-30T00:45Z"))
    add(base, "long", Call(["macron", "pashinyan"], shorter, src()))
    add(base, "short", Call(["macron", "putin"], EITHER_2022, src()))
    assert check(base, only=["double_booking"]) == []


def test_a_ceasefire_at_a_policys_choice_is_violated_at_most_possibly(base: Ledger) -> None:
    # Fighting from 04:00 Paris time is after both 02:30s, so after whichever the policy took;
    # but the words said "02:30" only, and the finding now says so.
    chosen = When.local("2022-10-30 02:30", zone="Europe/Paris", disambiguation="later")
    add(base, "tass", Source("a statement from Moscow"))
    add(base, "cf", Ceasefire(("armenia", "azerbaijan"), chosen, src("arm-gov")))
    fight = Span(
        When.local("2022-10-30 04:00", zone="Europe/Paris"),
        When.local("2022-10-30 08:00", zone="Europe/Paris"),
    )
    add(base, "h", Hostility(fight, src("arm-gov"), attacker="aze-army", target="armenia"))
    [finding] = check(base, only=["ceasefire_violation"])
    assert finding.certainty == "possible"
    assert "a policy took the later of the two" in finding.explanation


def test_an_event_after_its_source_at_a_policys_choice_is_at_most_possible(base: Ledger) -> None:
    # The article was published on 13 September 2022 (Yerevan); a call a month later is after it.
    chosen = When.local("2022-10-30 02:30", zone="Europe/Paris", disambiguation="earlier")
    add(base, "late", Call(["macron", "putin"], chosen, src()))
    add(base, "plain", Call(["macron", "putin"], y("2022-10-30 09:00"), src()))
    found = {f.entries: f for f in check(base, only=["anachronism"])}
    assert found[("late", "article")].certainty == "possible"
    assert "a policy took the earlier of the two" in found[("late", "article")].explanation
    assert found[("plain", "article")].certainty == "definite"
