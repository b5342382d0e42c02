"""The NATO summit in Vilnius, 11-12 July 2023, and the meetings on its sidelines.

What the public record says (the sources are the records' provenance):
- On Monday 10 July 2023, in Vilnius, NATO's Secretary General Jens Stoltenberg (in office from
  1 October 2014 to 1 October 2024) met Turkey's President Recep Tayyip Erdoğan (in office since
  28 August 2014) and Sweden's Prime Minister Ulf Kristersson (since 18 October 2022); afterwards
  Stoltenberg announced that Turkey would send Sweden's accession protocol to its parliament.
- The summit met on 11 and 12 July at the Lithuanian Exhibition and Congress Centre (LITEXPO).
- On Tuesday 11 July, on its sidelines at LITEXPO, President Biden (20 January 2021 to
  20 January 2025) met Erdoğan: the White House announced the meeting for that evening, and both
  told of it. Erdoğan also met France's President Macron there that day.
- On Wednesday 12 July the NATO-Ukraine Council met for the first time, with Ukraine's President
  Zelensky (since 20 May 2019), chaired by Stoltenberg; the G7 leaders, with Zelensky, announced
  their Joint Declaration of Support for Ukraine; Biden and Zelensky met (Zelensky: "at least
  twice as long as planned"); RFE/RL reported that morning that Zelensky would meet Britain's
  Prime Minister Sunak and Germany's Chancellor Scholz separately that day.
- Nobody gave the hour of any of these meetings: each is recorded as a day in Vilnius (Kyiv and
  Ankara keep the same clocks in July), the summit as a span from the 11th to the 12th.

The ledger names, among each meeting's participants, only the people of this episode: a readout
naming fewer leaves the others out (the summit had 31 allies; the G7 event all seven leaders).

What an analyst expects, and why (written before the checks were run):
- **No finding.** No double booking: Biden was at the summit, with Erdoğan, at the NATO-Ukraine
  Council, at the G7 event and with Zelensky, two or three a day, but times known to the day can
  be placed apart; a summit spanning two days may have begun after a meeting on its first day.
  No possibly_same_event: the two readouts of each bilateral are linked, and the other meetings
  of one day have other participants. Everyone held the offices named. No anachronism; the
  meetings Zelensky was to have with Sunak and Scholz are plans, of which no record says they
  took place: unknown, not a finding.
- The contacts (see ``EXPECTED_CONTACTS``): seven contacts (the two bilaterals told twice count
  once, the plans not at all). Biden's five in time order: the summit and the Erdoğan meeting
  (both begin some time on the 11th: the order recorded decides), then the three of the 12th.
  Per day in Vilnius every meeting falls on its day for certain; in Washington (seven hours
  behind) a day in Vilnius runs from 17:00 the evening before to 16:59, so every meeting is only
  possibly on each of two days, and no Washington day has a definite count. A summit counts on
  the day it began. The graph: eight people, 22 pairs; Biden and Zelensky three contacts,
  Biden and Erdoğan two (the summit and their meeting).
- Last contacts: Biden and Zelensky, any of the three meetings of the 12th (the times do not
  order them); Erdoğan and Biden, the summit or their meeting; Erdoğan and Stoltenberg, the
  summit, definitely (it began the day after the trilateral); Zelensky and Sunak, the G7 event,
  definitely (the planned meeting is no contact).

What the checks and the contact questions gave: all of the above, before the fixes and after.
(The attacks this episode suggested are in tests/checks/test_round_two.py.)
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from diplomacy_ledger import (
    Actor,
    ActorKind,
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

VILNIUS, WASHINGTON = "Europe/Vilnius", "America/New_York"
KYIV, ANKARA = "Europe/Kyiv", "Europe/Istanbul"
RECORDED = datetime(2023, 7, 13, tzinfo=UTC)

EXPECTED: list[tuple[str, str]] = []

EXPECTED_CONTACTS: dict[str, Any] = {
    "count": 7,
    "biden": ["summit", "biden-erdogan-us", "nuc", "g7-event", "biden-zelensky-us"],
    "days": {
        ("Biden", VILNIUS): [("2023-07-11", 2, 2), ("2023-07-12", 3, 3)],
        ("Biden", WASHINGTON): [("2023-07-10", 0, 2), ("2023-07-11", 0, 5), ("2023-07-12", 0, 3)],
        ("Erdogan", VILNIUS): [("2023-07-10", 1, 1), ("2023-07-11", 3, 3)],
        (None, VILNIUS): [("2023-07-10", 1, 1), ("2023-07-11", 3, 3), ("2023-07-12", 3, 3)],
        (None, WASHINGTON): [
            ("2023-07-09", 0, 1),
            ("2023-07-10", 0, 4),
            ("2023-07-11", 0, 6),
            ("2023-07-12", 0, 3),
        ],
    },
    "graph": (8, 22),
    "edges": {
        ("biden", "zelensky"): (3, 3),
        ("biden", "erdogan"): (2, 2),
        ("erdogan", "macron"): (2, 2),
        ("erdogan", "stoltenberg"): (2, 2),
        ("sunak", "zelensky"): (1, 1),
    },
    "last": {
        ("Biden", "Zelensky"): ("possible", None, ["nuc", "g7-event", "biden-zelensky-us"]),
        ("Erdogan", "Biden"): ("possible", None, ["summit", "biden-erdogan-us"]),
        ("Erdogan", "Stoltenberg"): ("definite", "summit", ["summit"]),
        ("Zelensky", "Sunak"): ("definite", "g7-event", ["g7-event"]),
    },
}
"""What an analyst expects of the contact questions, written before they were asked."""


def day(text: str, zone: str = VILNIUS) -> When:
    return When.day(text, zone=zone)


def ledger() -> Ledger:
    """The episode's ledger."""
    biden = Participant("biden", office="potus")
    erdogan = Participant("erdogan", office="president-turkey")
    stoltenberg = Participant("stoltenberg", office="nato-sg")
    zelensky = Participant("zelensky", office="president-ukraine")
    people = {
        "biden": ("Joe Biden", ("Biden",)),
        "erdogan": ("Recep Tayyip Erdoğan", ("Erdogan",)),
        "stoltenberg": ("Jens Stoltenberg", ("Stoltenberg",)),
        "kristersson": ("Ulf Kristersson", ("Kristersson",)),
        "zelensky": ("Volodymyr Zelensky", ("Zelensky",)),
        "macron": ("Emmanuel Macron", ("Macron",)),
        "sunak": ("Rishi Sunak", ("Sunak",)),
        "scholz": ("Olaf Scholz", ("Scholz",)),
    }
    records: list[tuple[str, Record]] = [
        ("usa", Actor("United States", ActorKind.STATE)),
        ("turkey", Actor("Turkey", ActorKind.STATE)),
        ("sweden", Actor("Sweden", ActorKind.STATE)),
        ("ukraine", Actor("Ukraine", ActorKind.STATE)),
        ("lithuania", Actor("Lithuania", ActorKind.STATE)),
        ("nato", Actor("NATO", ActorKind.INTERNATIONAL_ORGANIZATION)),
    ]
    records += [
        (id, Actor(name, ActorKind.PERSON, aliases=aliases))
        for id, (name, aliases) in people.items()
    ]
    records += [
        ("potus", Office("President of the United States", jurisdiction="usa")),
        ("president-turkey", Office("President of Turkey", jurisdiction="turkey")),
        ("nato-sg", Office("Secretary General of NATO", jurisdiction="nato")),
        ("pm-sweden", Office("Prime Minister of Sweden", jurisdiction="sweden")),
        ("president-ukraine", Office("President of Ukraine", jurisdiction="ukraine")),
        (
            "biden-term",
            Tenure(
                "biden", "potus", Span(day("2021-01-20", WASHINGTON), day("2025-01-20", WASHINGTON))
            ),
        ),
        (
            "erdogan-term",
            Tenure(
                "erdogan",
                "president-turkey",
                Span.ongoing(day("2014-08-28", ANKARA), as_of=day("2023-07-13")),
            ),
        ),
        (
            "stoltenberg-term",
            Tenure("stoltenberg", "nato-sg", Span(When.day("2014-10-01"), When.day("2024-10-01"))),
        ),
        (
            "kristersson-term",
            Tenure(
                "kristersson",
                "pm-sweden",
                Span.ongoing(day("2022-10-18", "Europe/Stockholm"), as_of=day("2023-07-13")),
            ),
        ),
        (
            "zelensky-term",
            Tenure(
                "zelensky",
                "president-ukraine",
                Span.ongoing(day("2019-05-20", KYIV), as_of=day("2023-07-13")),
            ),
        ),
        (
            "litexpo",
            Place(
                "Lithuanian Exhibition and Congress Centre (LITEXPO)",
                zone=VILNIUS,
                states=("lithuania",),
            ),
        ),
        ("nato-news", Source("NATO press releases and remarks")),
        ("white-house", Source("White House schedule and readouts")),
        ("turkish-presidency", Source("Turkish Presidency, Directorate of Communications")),
        ("press", Source("News reports from the summit")),
        (
            "zelensky-channel",
            Source("Zelensky's Telegram channel", published=day("2023-07-12", KYIV)),
        ),
        ("rferl", Source("RFE/RL, 12 July 2023", published=day("2023-07-12"))),
        (
            "trilateral",
            Meeting(
                stoltenberg,
                [erdogan, Participant("kristersson", office="pm-sweden")],
                day("2023-07-10"),
                Provenance("nato-news", via=("stoltenberg",)),
            ),
        ),
        (
            "summit",
            Meeting.summit(
                [biden, erdogan, stoltenberg, "macron", "sunak", "scholz"],
                Span(day("2023-07-11"), day("2023-07-12")),
                Provenance("nato-news"),
                place="litexpo",
                summary="the summit of the 31 allies; the ledger names the leaders of this episode",
            ),
        ),
        (
            "biden-erdogan-us",
            Meeting.summit(
                [biden, erdogan], day("2023-07-11"), Provenance("white-house"), place="litexpo"
            ),
        ),
        (
            "biden-erdogan-tr",
            Meeting.summit(
                [erdogan, biden],
                day("2023-07-11", ANKARA),
                Provenance("turkish-presidency"),
                place="litexpo",
            ),
        ),
        ("one-bilateral", SameEvent(("biden-erdogan-us", "biden-erdogan-tr"))),
        (
            "erdogan-macron",
            Meeting.summit(
                [erdogan, "macron"], day("2023-07-11"), Provenance("press"), place="litexpo"
            ),
        ),
        (
            "nuc",
            Meeting(
                stoltenberg,
                [zelensky, biden],
                day("2023-07-12"),
                Provenance("nato-news"),
                place="litexpo",
                summary="the first meeting of the NATO-Ukraine Council",
            ),
        ),
        (
            "g7-event",
            Meeting.summit(
                [biden, zelensky, "sunak", "scholz", "macron"],
                day("2023-07-12"),
                Provenance("white-house"),
                summary="the G7's Joint Declaration of Support for Ukraine announced",
            ),
        ),
        (
            "biden-zelensky-us",
            Meeting.summit([biden, zelensky], day("2023-07-12"), Provenance("white-house")),
        ),
        (
            "biden-zelensky-ua",
            Meeting.summit(
                [zelensky, biden],
                day("2023-07-12", KYIV),
                Provenance("zelensky-channel", via=("zelensky",)),
                summary="at least twice as long as planned",
            ),
        ),
        ("one-meeting", SameEvent(("biden-zelensky-us", "biden-zelensky-ua"))),
        (
            "zelensky-sunak",
            Meeting.summit(
                ["zelensky", "sunak"], day("2023-07-12"), Provenance("rferl"), status=Status.PLANNED
            ),
        ),
        (
            "zelensky-scholz",
            Meeting.summit(
                ["zelensky", "scholz"],
                day("2023-07-12"),
                Provenance("rferl"),
                status=Status.PLANNED,
            ),
        ),
        (
            "university-speech",
            Statement(biden, Provenance("white-house"), when=day("2023-07-12")),
        ),
    ]
    return Ledger([Entry(id, RECORDED, record) for id, record in records])
