"""The Trump–Putin summit at Joint Base Elmendorf–Richardson, Anchorage, 15 August 2025.

What the public record says (the sources are the records' provenance):
- In 2025, before the summit, President Trump (President of the United States again since
  20 January 2025) and President Putin (President of Russia since 7 May 2012) spoke by phone on
  12 February, 18 March, 19 May and 4 June (Trump's posts and the White House, each a day in
  Washington), and on 14 June and 3 July (the Kremlin's aide Yuri Ushakov, each a day in
  Moscow).
- The White House had said that the two would meet one on one; on Friday 15 August, aboard Air
  Force One, the press secretary Karoline Leavitt said the meeting would be "three on three"
  instead. That day, at Joint Base Elmendorf–Richardson in Anchorage, Trump met Putin with
  Secretary of State Marco Rubio (since 21 January 2025) and the special envoy Steve Witkoff;
  Putin with Foreign Minister Sergei Lavrov (since 9 March 2004) and Ushakov (the White House;
  the Kremlin, through Ushakov, telling of the talks in Anchorage). No agreement was signed; at
  the press appearance after the talks Trump said "There's no deal until there's a deal", and
  Putin, in English, "Next time in Moscow" (Reuters, AP, BBC).
- On Monday 18 August, while meeting Zelensky and European leaders at the White House, Trump
  phoned Putin (Ushakov, that day in Moscow).
- On Thursday 16 October they spoke by phone, and Trump posted that they would meet in Budapest
  (within "two weeks or so", he told reporters). On Wednesday 22 October he said: "We cancelled
  the meeting with President Putin. It just didn't feel right to me" (Reuters, AP).

Times are days in the zone of whoever told them; the summit's a day in Anchorage
(America/Anchorage, AKDT, UTC-8), eleven hours behind Moscow. The base is recorded as lying in
Anchorage (its region).

What an analyst expects, and why (written before the checks were run; the place rule was found
by a probe of this episode's two readouts, run before this module was written, and is in
tests/checks/test_round_three.py):
- **No finding.** The one-on-one announced and the three-on-three held are one meeting (a plan
  and what came of it: a plan is not compared with what was held); the two readouts of the
  summit agree (the base lies in Anchorage); the Budapest meeting was planned and called off (one
  event, called off: no contact, nothing disputed). Everyone named in an office held it.
- The contacts (see ``EXPECTED_CONTACTS``): nine between Trump and Putin (six calls before the
  summit, the summit, the calls of 18 August and 16 October); Budapest none. The last, the call
  of 16 October, definitely; before the summit (midnight in Anchorage), the call of 3 July. Per
  month in Washington: February, March, May, two in June, July, two in August, October, all
  definite (the days in Moscow fall in the same months in Washington). Per day in Moscow: the
  calls told as days in Washington are each possibly on two days; the summit, a day in
  Anchorage, is the 15th or the 16th; the Kremlin's calls are on their days. The graph: six
  people (the three on each side), fifteen pairs; Trump and Putin nine contacts.
- Hostile variants: the Kremlin's readout as 16 August in Moscow (``kremlin_day=True``) is no
  mismatch (the two days overlap from 21:00 UTC on the 15th to 07:59 UTC on the 16th), and then
  the summit began, surely, on the 15th in Anchorage and on the 16th in Moscow; with the base's
  region unrecorded (``base_in_city=False``) the two places may be one within the other: a
  **possible** readout mismatch, which says so.

Exported to PLOVER (asked after the checks ran, so written after): one event, CONSULT, not
``multilateral`` but two sides meeting with their delegations, Trump's and Putin's, each person
on the side whose office they are named in (Witkoff's and Ushakov's offices, which have no
tenure recorded, are listed by ``unrecorded_tenures``). Before the fix it was ``multilateral``,
Trump the actor and his own Secretary of State among the recipients: the six people counted as
six parties (tests/model/test_codes.py).

What the checks and the contact questions gave: all of the above, with the place rule fixed.
Before it, the variant with the base's region unrecorded was a **definite** readout mismatch
("their places differ (Joint Base Elmendorf-Richardson ...; Anchorage ...)"), and so would the
episode have been, with no way to say that the base lies in the city.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Entry,
    Ledger,
    Meeting,
    Office,
    Participant,
    Place,
    Provenance,
    Record,
    SameEvent,
    Source,
    Span,
    Statement,
    Status,
    Tenure,
    When,
)

WASHINGTON, MOSCOW, ANCHORAGE = "America/New_York", "Europe/Moscow", "America/Anchorage"
RECORDED = datetime(2025, 10, 23, tzinfo=UTC)
BEFORE_THE_SUMMIT = When.local("2025-08-15 00:00", zone=ANCHORAGE)

EXPECTED: list[tuple[str, str]] = []
EXPECTED_UNPLACED = [("readout_mismatch", "possible")]
EXPECTED_UNRECORDED = {("witkoff", "envoy"), ("ushakov", "aide")}
EXPECTED_PLOVER = {
    "readouts": ["summit-us", "one-on-one", "summit-ru"],
    "mode": (["CONSULT"], ["third-party"], "044"),
    "sides": (
        ["Donald Trump", "Marco Rubio", "Steve Witkoff"],
        ["Vladimir Putin", "Sergei Lavrov", "Yuri Ushakov"],
    ),
}

EXPECTED_CONTACTS: dict[str, Any] = {
    "count": 9,
    "last": ("definite", "call-oct-16"),
    "last before the summit": ("definite", "call-jul-3"),
    "months": [
        ("2025-02", 1, 1),
        ("2025-03", 1, 1),
        ("2025-05", 1, 1),
        ("2025-06", 2, 2),
        ("2025-07", 1, 1),
        ("2025-08", 2, 2),
        ("2025-10", 1, 1),
    ],
    "moscow days": [
        ("2025-02-12", 0, 1),
        ("2025-02-13", 0, 1),
        ("2025-03-18", 0, 1),
        ("2025-03-19", 0, 1),
        ("2025-05-19", 0, 1),
        ("2025-05-20", 0, 1),
        ("2025-06-04", 0, 1),
        ("2025-06-05", 0, 1),
        ("2025-06-14", 1, 1),
        ("2025-07-03", 1, 1),
        ("2025-08-15", 0, 1),
        ("2025-08-16", 0, 1),
        ("2025-08-18", 1, 1),
        ("2025-10-16", 0, 1),
        ("2025-10-17", 0, 1),
    ],
    "graph": (6, 15),
    "edge": ("putin", "trump", 9, 9),
    # With the Kremlin's readout as 16 August in Moscow: the summit's day in each zone.
    "summit day": {ANCHORAGE: [("2025-08-15", 1, 1)], MOSCOW: [("2025-08-16", 1, 1)]},
}
"""What an analyst expects of the contact questions, written before they were asked."""


def day(date: str, zone: str) -> When:
    return When.day(date, zone=zone)


def ledger(*, kremlin_day: bool = False, base_in_city: bool = True) -> Ledger:
    """The episode's ledger.

    ``kremlin_day`` records the Kremlin's readout of the summit as 16 August in Moscow;
    ``base_in_city=False`` leaves out that the base lies in Anchorage.
    """
    trump = Participant("trump", office="potus")
    putin = Participant("putin", office="president-russia")
    rubio = Participant("rubio", office="secstate")
    lavrov = Participant("lavrov", office="fm-russia")
    witkoff = Participant("witkoff", office="envoy")
    ushakov = Participant("ushakov", office="aide")
    known = day("2025-10-23", WASHINGTON)
    records: list[tuple[str, Record]] = [
        ("usa", Actor("United States", ActorKind.STATE)),
        ("russia", Actor("Russia", ActorKind.STATE)),
        ("hungary", Actor("Hungary", ActorKind.STATE)),
        ("trump", Actor("Donald Trump", ActorKind.PERSON, aliases=("Trump",))),
        ("putin", Actor("Vladimir Putin", ActorKind.PERSON, aliases=("Putin",))),
        ("rubio", Actor("Marco Rubio", ActorKind.PERSON, aliases=("Rubio",))),
        ("witkoff", Actor("Steve Witkoff", ActorKind.PERSON)),
        ("lavrov", Actor("Sergei Lavrov", ActorKind.PERSON, aliases=("Lavrov",))),
        ("ushakov", Actor("Yuri Ushakov", ActorKind.PERSON)),
        ("leavitt", Actor("Karoline Leavitt", ActorKind.PERSON)),
        ("potus", Office("President of the United States", jurisdiction="usa")),
        ("president-russia", Office("President of Russia", jurisdiction="russia")),
        ("secstate", Office("Secretary of State", jurisdiction="usa")),
        ("fm-russia", Office("Minister of Foreign Affairs of Russia", jurisdiction="russia")),
        ("envoy", Office("White House special envoy", jurisdiction="usa")),
        ("aide", Office("Aide to the President of Russia", jurisdiction="russia")),
        (
            "trump-term",
            Tenure("trump", "potus", Span.ongoing(day("2025-01-20", WASHINGTON), as_of=known)),
        ),
        (
            "putin-term",
            Tenure(
                "putin", "president-russia", Span.ongoing(day("2012-05-07", MOSCOW), as_of=known)
            ),
        ),
        (
            "rubio-term",
            Tenure("rubio", "secstate", Span.ongoing(day("2025-01-21", WASHINGTON), as_of=known)),
        ),
        (
            "lavrov-term",
            Tenure("lavrov", "fm-russia", Span.ongoing(day("2004-03-09", MOSCOW), as_of=known)),
        ),
        ("anchorage", Place("Anchorage", zone=ANCHORAGE, states=("usa",))),
        (
            "jber",
            Place(
                "Joint Base Elmendorf-Richardson",
                zone=ANCHORAGE,
                states=("usa",),
                region="Anchorage" if base_in_city else None,
            ),
        ),
        ("budapest", Place("Budapest", zone="Europe/Budapest", states=("hungary",))),
        ("truth", Source("Trump's posts on Truth Social")),
        ("white-house", Source("White House statements and remarks")),
        ("kremlin", Source("The Kremlin: Ushakov's accounts")),
        ("press", Source("Reuters, AP and BBC reports")),
    ]

    def call(id: str, date: str, zone: str, source: str, via: str) -> tuple[str, Record]:
        return (id, Call([trump, putin], day(date, zone), Provenance(source, via=(via,))))

    records += [
        call("call-feb-12", "2025-02-12", WASHINGTON, "truth", "trump"),
        call("call-mar-18", "2025-03-18", WASHINGTON, "white-house", "trump"),
        call("call-may-19", "2025-05-19", WASHINGTON, "truth", "trump"),
        call("call-jun-4", "2025-06-04", WASHINGTON, "truth", "trump"),
        call("call-jun-14", "2025-06-14", MOSCOW, "kremlin", "ushakov"),
        call("call-jul-3", "2025-07-03", MOSCOW, "kremlin", "ushakov"),
        (
            "one-on-one",
            Meeting.summit(
                [trump, putin],
                day("2025-08-15", ANCHORAGE),
                Provenance("white-house"),
                place="jber",
                status=Status.PLANNED,
            ),
        ),
        (
            "summit-us",
            Meeting.summit(
                [trump, rubio, witkoff, putin, lavrov, ushakov],
                day("2025-08-15", ANCHORAGE),
                Provenance("white-house", via=("leavitt",)),
                place="jber",
                summary="three on three",
            ),
        ),
        (
            "summit-ru",
            Meeting.summit(
                [putin, lavrov, ushakov, trump, rubio, witkoff],
                day("2025-08-16", MOSCOW) if kremlin_day else day("2025-08-15", ANCHORAGE),
                Provenance("kremlin", via=("ushakov",)),
                place="anchorage",
            ),
        ),
        ("one-summit", SameEvent(("one-on-one", "summit-us", "summit-ru"))),
        (
            "no-deal",
            Statement(
                trump,
                Provenance("press"),
                when=day("2025-08-15", ANCHORAGE),
                words="There's no deal until there's a deal.",
                during="summit-us",
            ),
        ),
        (
            "next-time",
            Statement(
                putin,
                Provenance("press"),
                when=day("2025-08-15", ANCHORAGE),
                words="Next time in Moscow.",
                during="summit-us",
            ),
        ),
        call("call-aug-18", "2025-08-18", MOSCOW, "kremlin", "ushakov"),
        call("call-oct-16", "2025-10-16", WASHINGTON, "truth", "trump"),
        (
            "budapest-planned",
            Meeting.summit(
                [trump, putin],
                When.between(
                    day("2025-10-16", "Europe/Budapest"), day("2025-10-30", "Europe/Budapest")
                ),
                Provenance("truth", via=("trump",)),
                place="budapest",
                status=Status.PLANNED,
            ),
        ),
        (
            "budapest-off",
            Meeting.summit(
                [trump, putin],
                When.between(
                    day("2025-10-16", "Europe/Budapest"), day("2025-10-30", "Europe/Budapest")
                ),
                Provenance("press", via=("trump",)),
                place="budapest",
                status=Status.CANCELLED,
            ),
        ),
        ("one-budapest", SameEvent(("budapest-planned", "budapest-off"))),
    ]
    return Ledger([Entry(id, RECORDED, record) for id, record in records])
