"""The Oval Office meeting of 28 February 2025, and the minerals agreement not signed that day.

What the public record says (the sources are the records' provenance):
- On Wednesday 12 February 2025 President Trump (President of the United States from
  20 January 2017 to 20 January 2021, and again since 20 January 2025) and President Zelensky of
  Ukraine (since 20 May 2019) spoke by phone: Trump's post on Truth Social and Zelensky's on his
  own channels, each that day.
- On Wednesday 26 February, at his first cabinet meeting, Trump said that Zelensky was coming to
  Washington on Friday to sign an agreement on Ukraine's minerals (AP, Reuters).
- On Friday 28 February Trump received Zelensky in the Oval Office, with Vice President Vance
  (since 20 January 2025). The meeting, in front of the press, ended in a shouting match: Vance
  asked "Have you said 'thank you' once this entire meeting?"; Trump told Zelensky "You're
  gambling with World War Three". Zelensky left the White House without the agreement being
  signed: the signing and the joint news conference planned for that day did not take place (AP,
  Reuters, BBC). Trump posted the same day that Zelensky "can come back when he is ready for
  Peace."
- On Saturday 26 April, in St Peter's Basilica in Rome before Pope Francis's funeral, Trump and
  Zelensky met (the White House's spokesman Steven Cheung, and Zelensky's post, that day).
- On Wednesday 30 April, in Washington, Treasury Secretary Scott Bessent (sworn in on
  28 January 2025) and Ukraine's First Deputy Prime Minister and Minister of Economy, Yulia
  Svyrydenko, signed the agreement establishing the United States–Ukraine Reconstruction
  Investment Fund (the Treasury's press release, and Svyrydenko's post, that day).

Times are days in the zone the sources spoke in: no source gave the minute of any of these.

What an analyst expects, and why (written before the checks were run):
- **No finding.** The meeting of the 28th took place (the plan announced on the 26th is one
  readout of it, linked); the signing planned for that day was called off (the plan and its
  cancellation are linked: one event, called off, nothing disputed). No office_not_held: Trump,
  Zelensky and Bessent each held the offices named, for every placement; Vance's statement names
  him vice president inside his tenure; Svyrydenko's office has no tenure recorded: unknown,
  listed by ``unrecorded_tenures``. No anachronism: the visit and the signing were announced two
  days before as plans.
- The agreement of 30 April is recorded as its own event: it is a different text (a fund, not
  the framework of February) with other signatories. A user who links it with the plan of
  28 February as "the minerals deal, put off" (``ledger(linked_signing=True)``) says that the
  signing planned for the 28th was called off and that the deal was signed on 30 April. That is
  a postponement, not a dispute: the cancellation is of a signing on the 28th, and the signing
  that took place could not have been on the 28th. Still **no finding**: no readout mismatch
  ("called off" against "took place"), and nothing resting on the April signing is in doubt.
- The contacts (see ``EXPECTED_CONTACTS``): three between Trump and Zelensky (the call of
  12 February, told twice; the meeting of the 28th, announced and held; the meeting in
  St Peter's). The last is the meeting in Rome, definitely; before 1 March (Washington), the
  Oval Office meeting, definitely. Per day in Washington: the call on the 12th for certain (both
  readouts hold only from midnight in Washington to 16:59, the end of the 12th in Kyiv), the
  meeting on the 28th; the day in Rome is the 25th or the 26th in Washington. In Kyiv, the day
  of the meeting in Washington runs from 07:00 on the 28th to 06:59 on 1 March, so it is the
  28th or the 1st; the day in Rome is the 26th or 27th. The graph: two people, one edge,
  three contacts. The agreements are not contacts.

What the checks and the contact questions gave: all of the above for the episode as recorded.
Linked as one deal (``linked_signing=True``), before the fix, a **definite readout_mismatch**
("they disagree on whether it took place (called off in 'signing-off'; took place in
'fund-signed')"), and the explanation said "(a agreement)". The rule fixed (a readout telling an
event as called off disputes one telling it as held only when their times may overlap; called
off at one time and held at another, it was put off: tests/checks/test_round_three.py, and for
the contacts tests/contacts/test_contact.py), it gives no finding.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Agreement,
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

WASHINGTON, KYIV, ROME = "America/New_York", "Europe/Kyiv", "Europe/Rome"
RECORDED = datetime(2025, 5, 1, 12, tzinfo=UTC)

EXPECTED: list[tuple[str, str]] = []
EXPECTED_LINKED_SIGNING: list[tuple[str, str]] = []
EXPECTED_UNRECORDED = {("svyrydenko", "first-deputy-pm")}

EXPECTED_CONTACTS: dict[str, Any] = {
    "count": 3,
    "trump": ["call-us", "visit-announced", "rome"],
    "last": ("definite", "rome"),
    "last before March": ("definite", "visit-announced"),
    "days": {
        WASHINGTON: [
            ("2025-02-12", 1, 1),
            ("2025-02-28", 1, 1),
            ("2025-04-25", 0, 1),
            ("2025-04-26", 0, 1),
        ],
        KYIV: [
            ("2025-02-12", 1, 1),
            ("2025-02-28", 0, 1),
            ("2025-03-01", 0, 1),
            ("2025-04-26", 0, 1),
            ("2025-04-27", 0, 1),
        ],
    },
    "graph": (2, 1),
    "edge": ("trump", "zelensky", 3, 3),
}
"""What an analyst expects of the contact questions, written before they were asked."""


def day(date: str, zone: str = WASHINGTON) -> When:
    return When.day(date, zone=zone)


def ledger(*, linked_signing: bool = False) -> Ledger:
    """The episode's ledger; ``linked_signing`` links the April signing with February's plan."""
    trump = Participant("trump", office="potus")
    zelensky = Participant("zelensky", office="president-ukraine")
    known = day("2025-05-01")
    records: list[tuple[str, Record]] = [
        ("usa", Actor("United States", ActorKind.STATE)),
        ("ukraine", Actor("Ukraine", ActorKind.STATE)),
        ("trump", Actor("Donald Trump", ActorKind.PERSON, aliases=("Trump",))),
        ("zelensky", Actor("Volodymyr Zelensky", ActorKind.PERSON, aliases=("Zelensky",))),
        ("vance", Actor("JD Vance", ActorKind.PERSON, aliases=("Vance",))),
        ("bessent", Actor("Scott Bessent", ActorKind.PERSON)),
        ("svyrydenko", Actor("Yulia Svyrydenko", ActorKind.PERSON)),
        ("cheung", Actor("Steven Cheung", ActorKind.PERSON)),
        ("potus", Office("President of the United States", jurisdiction="usa")),
        ("vpotus", Office("Vice President of the United States", jurisdiction="usa")),
        ("treasury", Office("Secretary of the Treasury", jurisdiction="usa")),
        ("president-ukraine", Office("President of Ukraine", jurisdiction="ukraine")),
        (
            "first-deputy-pm",
            Office(
                "First Deputy Prime Minister and Minister of Economy of Ukraine",
                jurisdiction="ukraine",
            ),
        ),
        (
            "trump-first-term",
            Tenure("trump", "potus", Span(day("2017-01-20"), day("2021-01-20"))),
        ),
        ("trump-term", Tenure("trump", "potus", Span.ongoing(day("2025-01-20"), as_of=known))),
        ("vance-term", Tenure("vance", "vpotus", Span.ongoing(day("2025-01-20"), as_of=known))),
        (
            "bessent-term",
            Tenure("bessent", "treasury", Span.ongoing(day("2025-01-28"), as_of=known)),
        ),
        (
            "zelensky-term",
            Tenure(
                "zelensky",
                "president-ukraine",
                Span.ongoing(day("2019-05-20", KYIV), as_of=known),
            ),
        ),
        ("white-house", Place("The White House", zone=WASHINGTON, states=("usa",))),
        ("st-peters", Place("St Peter's Basilica", zone=ROME)),
        ("truth-social", Source("Trump's posts on Truth Social")),
        ("zelensky-channel", Source("Zelensky's posts")),
        ("cabinet", Source("AP and Reuters on the cabinet meeting", published=day("2025-02-26"))),
        ("press", Source("AP, Reuters and BBC reports from the White House")),
        ("treasury-release", Source("US Treasury press release", published=day("2025-04-30"))),
        (
            "call-us",
            Call([trump, zelensky], day("2025-02-12"), Provenance("truth-social", via=("trump",))),
        ),
        (
            "call-ua",
            Call(
                [zelensky, trump],
                day("2025-02-12", KYIV),
                Provenance("zelensky-channel", via=("zelensky",)),
            ),
        ),
        ("one-call", SameEvent(("call-us", "call-ua"))),
        (
            "visit-announced",
            Meeting(
                trump,
                [zelensky],
                day("2025-02-28"),
                Provenance("cabinet", via=("trump",)),
                place="white-house",
                status=Status.PLANNED,
            ),
        ),
        (
            "signing-announced",
            Agreement(
                ("usa", "ukraine"),
                Provenance("cabinet", via=("trump",)),
                title="US–Ukraine agreement on minerals",
                signatories=[trump, zelensky],
                signed=day("2025-02-28"),
                status=Status.PLANNED,
            ),
        ),
        (
            "oval-office",
            Meeting(
                trump,
                [zelensky],
                day("2025-02-28"),
                Provenance("press"),
                place="white-house",
                summary="with Vice President Vance, in the Oval Office, before the press",
            ),
        ),
        ("one-visit", SameEvent(("visit-announced", "oval-office"))),
        (
            "vance-thank-you",
            Statement(
                Participant("vance", office="vpotus"),
                Provenance("press"),
                when=day("2025-02-28"),
                audience=("zelensky",),
                words="Have you said 'thank you' once this entire meeting?",
                during="oval-office",
            ),
        ),
        (
            "signing-off",
            Agreement(
                ("usa", "ukraine"),
                Provenance("press"),
                title="US–Ukraine agreement on minerals",
                signatories=[trump, zelensky],
                signed=day("2025-02-28"),
                status=Status.CANCELLED,
            ),
        ),
        ("one-signing", SameEvent(("signing-announced", "signing-off"))),
        (
            "come-back",
            Statement(
                trump,
                Provenance("truth-social", via=("trump",)),
                when=day("2025-02-28"),
                words="He can come back when he is ready for Peace.",
            ),
        ),
        (
            "rome",
            Meeting.summit(
                [trump, zelensky],
                day("2025-04-26", ROME),
                Provenance("zelensky-channel", via=("zelensky",)),
                place="st-peters",
            ),
        ),
        (
            "fund-signed",
            Agreement(
                ("usa", "ukraine"),
                Provenance("treasury-release"),
                title="Agreement establishing the United States–Ukraine Reconstruction "
                "Investment Fund",
                signatories=[
                    Participant("bessent", office="treasury"),
                    Participant("svyrydenko", office="first-deputy-pm"),
                ],
                signed=day("2025-04-30"),
            ),
        ),
    ]
    if linked_signing:
        records.append(
            (
                "the-minerals-deal",
                SameEvent(("signing-announced", "signing-off", "fund-signed")),
            )
        )
    return Ledger([Entry(id, RECORDED, record) for id, record in records])
