"""The Hanoi summit of 27-28 February 2019, cut short: a lunch and a signing planned, called off.

What the public record says (the sources are the records' provenance):
- On 12 June 2018 President Trump (President of the United States since 20 January 2017) and
  North Korea's leader Kim Jong Un met in Singapore, on Sentosa island (White House, KCNA).
- On Wednesday 27 February 2019, in Hanoi, Trump met Vietnam's President and General Secretary
  Nguyen Phu Trong at the Presidential Palace (White House, Vietnamese state media). That evening
  Trump and Kim met at the Sofitel Legend Metropole hotel: a short one-on-one, then a social
  dinner with their aides (White House, KCNA).
- On Thursday 28 February, in the morning, their talks resumed at the Metropole. The White
  House's schedule for the day, released the day before, listed a working lunch of the two
  leaders and a joint agreement signing ceremony. The talks ended early: the lunch and the
  signing were called off. The White House press secretary, Sarah Sanders, said: "No agreement
  was reached at this time" (AP, Reuters, the White House).
- At his news conference that afternoon, at the JW Marriott, Trump said of Kim: "Basically, they
  wanted the sanctions lifted in their entirety, and we couldn't do that" (the White House's
  transcript).
- After midnight, in the early hours of 1 March in Hanoi, North Korea's foreign minister Ri Yong
  Ho told reporters that North Korea had asked for a partial lifting of the sanctions, not their
  removal: the five UN resolutions adopted in 2016-2017, the items that hamper the civilian
  economy (AP, Reuters).

No source gave the minute of the dinner or of the talks: the dinner is recorded as the evening of
the 27th in Hanoi (18:00 to midnight), the talks as beginning in the morning of the 28th (06:00
to noon), the lunch and the signing as that day; Ri's remarks as the early hours of 1 March
(midnight to 06:00). Hanoi keeps Indochina Time (UTC+7) all year; Washington was on EST (UTC-5),
twelve hours behind; Pyongyang on UTC+9.

What an analyst expects, and why (written before the checks were run):
- **One definite contradiction**: Trump says North Korea wanted the sanctions lifted entirely;
  Ri denies it (a key names the proposition each states in his own words).
- **Nothing else.** No double booking and no possibly_same_event: the planned lunch has the same
  two people as the talks on the same day, but it was called off (the plan and its cancellation
  are linked as one event, called off): it took no one's time and is no second account of the
  talks. The dinner and the talks have the same people but can be placed apart (the evening of
  the 27th, the morning of the 28th). Trump's meeting with Trong, a day in Hanoi, may have been
  before the dinner. No anachronism: the schedule announced the lunch and the signing the day
  before, as plans. No office_not_held: Trump was president throughout; Trong, Sanders and Ri
  are named in offices with no tenure recorded: unknown, listed by ``unrecorded_tenures``.
- The contacts (see ``EXPECTED_CONTACTS``): Trump and Kim, three contacts (Singapore, the dinner,
  the talks; the lunch none). Last contact: the talks, definitely; before the 28th in Hanoi, the
  dinner, definitely. Per day for Trump in Hanoi: the 27th, two for certain (Trong and the
  dinner), the 28th one; Singapore's day (UTC+8) is the 11th or the 12th in Hanoi. In Washington
  the talks began on the evening of the 27th: the 27th holds the dinner and the talks for
  certain, and the meeting with Trong may be the 26th or the 27th. For Kim in Pyongyang, the
  dinner (20:00 to 02:00) may be the 27th or the 28th, the talks are on the 28th. The graph:
  three people, two edges (Trump-Kim three contacts, Trump-Trong one).

What the checks and the contact questions gave: the findings, unrecorded tenures, counts, graph
and last contact as expected. Two disagreements:
- The contradiction's explanation, before the fix, read "Donald Trump asserted it in
  'trump-says' (a claim); Ri Yong Ho denies it in 'ri-denies' (a claim)": neither side's words,
  since Trump's are in ``words`` (no ``proposition``) and Ri's in ``proposition`` (no ``words``).
  The rule fixed: a claim is told in whichever field holds what it says, and a claim with a key
  alone names it (tests/checks/test_round_three.py).
- "Before the 28th" asked with the whole day of the 28th (``before=`` a day) gave the dinner or
  the talks, possibly: the talks began in the morning of the 28th, before a moment late that day.
  That is the honest answer to the question asked; the question meant before the 28th began,
  midnight in Hanoi, which is what ``BEFORE_THE_28TH`` asks (the expectation argued down).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Agreement,
    Claim,
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
    Stance,
    Statement,
    Status,
    Tenure,
    When,
)

HANOI, WASHINGTON, PYONGYANG = "Asia/Ho_Chi_Minh", "America/New_York", "Asia/Pyongyang"
SINGAPORE = "Asia/Singapore"
RECORDED = datetime(2019, 3, 2, tzinfo=UTC)
BEFORE_THE_28TH = When.local("2019-02-28 00:00", zone=HANOI)

EXPECTED = [("contradiction", "definite")]
EXPECTED_CONTRADICTION = ("trump-says", "ri-denies")
EXPECTED_UNRECORDED = {
    ("trong", "president-vietnam"),
    ("sanders", "press-secretary"),
    ("ri", "dprk-fm"),
}

EXPECTED_CONTACTS: dict[str, Any] = {
    "count": 4,
    "between": ["singapore", "dinner", "talks"],
    "last": ("definite", "talks"),
    "last before the 28th": ("definite", "dinner"),
    "days": {
        ("Trump", HANOI): [
            ("2018-06-11", 0, 1),
            ("2018-06-12", 0, 1),
            ("2019-02-27", 2, 2),
            ("2019-02-28", 1, 1),
        ],
        ("Trump", WASHINGTON): [
            ("2018-06-11", 0, 1),
            ("2018-06-12", 0, 1),
            ("2019-02-26", 0, 1),
            ("2019-02-27", 2, 3),
        ],
        ("Kim", PYONGYANG): [
            ("2018-06-12", 0, 1),
            ("2018-06-13", 0, 1),
            ("2019-02-27", 0, 1),
            ("2019-02-28", 1, 2),
        ],
    },
    "graph": (3, 2),
    "edges": {("kim", "trump"): (3, 3), ("trong", "trump"): (1, 1)},
}
"""What an analyst expects of the contact questions, written before they were asked."""


def hanoi(wall: str) -> When:
    return When.local(wall, zone=HANOI)


def ledger() -> Ledger:
    """The episode's ledger, recorded on 2 March 2019."""
    trump = Participant("trump", office="potus")
    evening = When.between(hanoi("2019-02-27 18:00"), hanoi("2019-02-27 23:59:59.999999"))
    morning = When.between(hanoi("2019-02-28 06:00"), hanoi("2019-02-28 11:59:59.999999"))
    early_hours = When.between(hanoi("2019-03-01 00:00"), hanoi("2019-03-01 05:59:59.999999"))
    the_28th = When.day("2019-02-28", zone=HANOI)
    records: list[tuple[str, Record]] = [
        ("usa", Actor("United States", ActorKind.STATE)),
        ("dprk", Actor("North Korea", ActorKind.STATE)),
        ("vietnam", Actor("Vietnam", ActorKind.STATE)),
        ("trump", Actor("Donald Trump", ActorKind.PERSON, aliases=("Trump",))),
        ("kim", Actor("Kim Jong Un", ActorKind.PERSON, aliases=("Kim",))),
        ("trong", Actor("Nguyen Phu Trong", ActorKind.PERSON)),
        ("sanders", Actor("Sarah Sanders", ActorKind.PERSON)),
        ("ri", Actor("Ri Yong Ho", ActorKind.PERSON)),
        ("potus", Office("President of the United States", jurisdiction="usa")),
        ("president-vietnam", Office("President of Vietnam", jurisdiction="vietnam")),
        ("press-secretary", Office("White House Press Secretary", jurisdiction="usa")),
        ("dprk-fm", Office("Minister of Foreign Affairs of North Korea", jurisdiction="dprk")),
        (
            "trump-term",
            Tenure(
                "trump",
                "potus",
                Span.ongoing(
                    When.day("2017-01-20", zone=WASHINGTON),
                    as_of=When.day("2019-03-01", zone=WASHINGTON),
                ),
            ),
        ),
        ("sentosa", Place("Capella hotel, Sentosa", zone=SINGAPORE)),
        ("metropole", Place("Sofitel Legend Metropole", zone=HANOI, states=("vietnam",))),
        ("palace", Place("Presidential Palace, Hanoi", zone=HANOI, states=("vietnam",))),
        ("white-house", Source("White House readouts and statements")),
        ("kcna", Source("KCNA")),
        (
            "schedule",
            Source(
                "White House schedule for 28 February",
                published=When.day("2019-02-27", zone=HANOI),
            ),
        ),
        ("wires", Source("AP and Reuters from Hanoi")),
        (
            "transcript",
            Source(
                "Remarks by President Trump in press conference, Hanoi",
                published=When.day("2019-02-28", zone=HANOI),
            ),
        ),
        (
            "singapore",
            Meeting.summit(
                [trump, "kim"],
                When.day("2018-06-12", zone=SINGAPORE),
                Provenance("white-house"),
                place="sentosa",
            ),
        ),
        (
            "trump-trong",
            Meeting(
                Participant("trong", office="president-vietnam"),
                [trump],
                When.day("2019-02-27", zone=HANOI),
                Provenance("white-house"),
                place="palace",
            ),
        ),
        (
            "dinner",
            Meeting.summit(
                [trump, "kim"],
                evening,
                Provenance("white-house"),
                place="metropole",
                summary="a one-on-one, then a social dinner with aides",
            ),
        ),
        (
            "talks",
            Meeting.summit([trump, "kim"], morning, Provenance("kcna"), place="metropole"),
        ),
        (
            "lunch-planned",
            Meeting.summit(
                [trump, "kim"],
                the_28th,
                Provenance("schedule"),
                place="metropole",
                summary="working lunch",
                status=Status.PLANNED,
            ),
        ),
        (
            "lunch-off",
            Meeting.summit(
                [trump, "kim"],
                the_28th,
                Provenance("wires"),
                place="metropole",
                summary="working lunch",
                status=Status.CANCELLED,
            ),
        ),
        ("one-lunch", SameEvent(("lunch-planned", "lunch-off"))),
        (
            "signing-planned",
            Agreement(
                ("usa", "dprk"),
                Provenance("schedule"),
                title="joint agreement",
                signatories=[trump, "kim"],
                signed=the_28th,
                status=Status.PLANNED,
            ),
        ),
        (
            "signing-off",
            Agreement(
                ("usa", "dprk"),
                Provenance("wires"),
                title="joint agreement",
                signatories=[trump, "kim"],
                signed=the_28th,
                status=Status.CANCELLED,
            ),
        ),
        ("one-signing", SameEvent(("signing-planned", "signing-off"))),
        (
            "no-agreement",
            Statement(
                Participant("sanders", office="press-secretary"),
                Provenance("white-house", via=("sanders",)),
                when=the_28th,
                words="No agreement was reached at this time",
            ),
        ),
        (
            "trump-says",
            Claim(
                "trump",
                Stance.ASSERTS,
                Provenance("transcript", via=("trump",)),
                key="dprk-asked-all-sanctions-lifted",
                when=the_28th,
                words="Basically, they wanted the sanctions lifted in their entirety, and we "
                "couldn't do that",
            ),
        ),
        (
            "ri-denies",
            Claim(
                "ri",
                Stance.DENIES,
                Provenance("wires", via=("ri",)),
                key="dprk-asked-all-sanctions-lifted",
                office="dprk-fm",
                when=early_hours,
                proposition="North Korea asked for a partial lifting of the sanctions, not their "
                "removal.",
            ),
        ),
    ]
    return Ledger([Entry(id, RECORDED, record) for id, record in records])
