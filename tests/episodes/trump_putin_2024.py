"""A Trump–Putin call of 7 November 2024, reported by the Washington Post, denied by the Kremlin.

What the public record says (the sources are the records' provenance):
- On 23 July 2020 Vladimir Putin (President of Russia since 7 May 2012) had a telephone
  conversation with Donald Trump, then President of the United States (20 January 2017 to
  20 January 2021; again from 20 January 2025): the Kremlin's website, that day.
- On Sunday 10 November 2024 the Washington Post reported, citing people familiar with the call,
  that Trump, by then President-elect, had spoken with Putin on Thursday 7 November, from his
  Mar-a-Lago resort in Florida, advising him not to escalate the war in Ukraine. The Post also
  reported that the Ukrainian government had been informed of the call in advance.
- The same Sunday, the spokesman of Ukraine's Ministry of Foreign Affairs, Heorhii Tykhyi, told
  Reuters: "Reports that the Ukrainian side was informed in advance of the alleged call are
  false."
- On Monday 11 November the Kremlin's spokesman, Dmitry Peskov (press secretary of the President
  of Russia), said: "This is completely untrue. This is pure fiction, it's just false
  information. There was no conversation." Asked whether Putin planned to speak with Trump, he
  said: "There are no concrete plans yet."
- Trump's communications director, Steven Cheung, declined to comment: "We do not comment on
  private calls between President Trump and other world leaders."
- On 12 February 2025 Trump and Putin spoke by phone, told by both (Trump's post, a day in
  Washington; Peskov, a day in Moscow; see trump_calls_2025.py).

The reported call is recorded as the Post told it: a day in Washington (Palm Beach keeps its
clocks), known through the people familiar with it, naming no office for Trump (he held none).
The Post's claim that Kyiv was informed, and Tykhyi's denial, meet by a key of their own. The
ledger records only what this episode needs: earlier contacts of the two men are left out, and
the 2020 call is the last before November 2024 that it knows.

What an analyst expects, and why (written before the checks were run):
- Two **definite contradictions**: the Post's account of the call (given as fact by the people
  familiar with it) against Peskov's denial; the Post's claim that Kyiv was informed against
  Tykhyi's denial. A contradiction is the dispute itself: the ledger holds both sides, whatever
  the truth.
- No office_not_held: Peskov spoke as press secretary inside his tenure (recorded from 2012, a
  year, still running when the ledger last knew it); Putin was president throughout; Trump is
  named president in 2020 and 2025, inside his two tenures, and in no office in November 2024.
  Tykhyi's office has no tenure recorded: unknown, listed by ``unrecorded_tenures``.
- No anachronism (the call of the 7th told on the 10th, denied on the 11th), no readout
  mismatch (the readouts of 12 February 2025 agree), nothing else.
- The contacts (see ``EXPECTED_CONTACTS``): the reported call is a contact the other participant
  denies took place, so it is a **possible** contact, not a definite one. As of the Post's report,
  before the denial was recorded, it was the last contact, definitely: an undisputed record says
  the call took place. As of the denial, the last contact is possibly the reported call and
  possibly the call of 2020 (if the call of the 7th did not take place): the answer is the set of
  the two. Counted per day it is possible only; on the graph the pair has two definite contacts
  and three possible. As of 13 February 2025 the last contact is definitely the call of the
  12th, one event told twice.

What the questions gave: the checks, as expected. The contacts, before the fixes: the denied
call counted as a definite contact everywhere (the last contact after the denial was still
"definitely the call of the 7th"; 1 definite on 7 November; 3 definite contacts on the graph;
``contacts_of`` said definite), since a contact ignored denials. The rule fixed (a contact that
someone denies, or that a readout tells as called off, is in doubt: possible in every answer and
never what stops an earlier one from being the last; see tests/contacts/test_contact.py), they
give what is expected.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Claim,
    Entry,
    Ledger,
    Office,
    Participant,
    Provenance,
    Record,
    SameEvent,
    Source,
    Span,
    Stance,
    Statement,
    Tenure,
    When,
)

WASHINGTON, MOSCOW, KYIV = "America/New_York", "Europe/Moscow", "Europe/Kyiv"

KNOWN_2020 = datetime(2020, 7, 24, tzinfo=UTC)
REPORTED = datetime(2024, 11, 10, 18, tzinfo=UTC)
UKRAINE_DENIES = datetime(2024, 11, 10, 21, tzinfo=UTC)
KREMLIN_DENIES = datetime(2024, 11, 11, 12, tzinfo=UTC)
CALL_2025 = datetime(2025, 2, 13, 12, tzinfo=UTC)

EXPECTED = [("contradiction", "definite"), ("contradiction", "definite")]
EXPECTED_CONTRADICTIONS = [
    ("reported-call", "peskov-denies"),
    ("kyiv-informed", "tykhyi-denies"),
]
EXPECTED_UNRECORDED = {("tykhyi", "mfa-spokesperson")}

EXPECTED_CONTACTS: dict[str, Any] = {
    # last_contact(ledger.as_of(moment), "Trump", "Putin"): (certainty, definite, possible ids)
    "last": {
        REPORTED: ("definite", "reported-call", ["reported-call"]),
        KREMLIN_DENIES: ("possible", None, ["call-2020", "reported-call"]),
        CALL_2025: ("definite", "us-call-2025", ["us-call-2025"]),
    },
    # contacts_of(as of the denial, "Trump", window=November 2024 in Washington)
    "november": [("reported-call", ("putin",), "possible")],
    # contact_counts(now, "Trump", per="day", zone=...)
    "days": {
        WASHINGTON: [
            ("2020-07-22", 0, 1),
            ("2020-07-23", 0, 1),
            ("2024-11-07", 0, 1),
            ("2025-02-12", 1, 1),
        ],
        MOSCOW: [
            ("2020-07-23", 1, 1),
            ("2024-11-07", 0, 1),
            ("2024-11-08", 0, 1),
            ("2025-02-12", 1, 1),
        ],
    },
    # contact_graph(now): the one edge, (definite, possible)
    "edge": ("putin", "trump", 2, 3),
}
"""What an analyst expects of the contact questions, written before they were asked.

On 12 February 2025 the readouts say a day in Washington and a day in Moscow: the call began
where both hold, from midnight in Washington (08:00 in Moscow) to the end of the day in Moscow
(16:00 in Washington): the 12th on both calendars, surely.
"""


def ledger() -> Ledger:
    """The episode's ledger, each entry recorded when it became known."""
    trump_potus = Participant("trump", office="potus")
    putin = Participant("putin", office="president-russia")
    peskov = Participant("peskov", office="press-secretary")
    known = When.day("2025-02-13", zone=WASHINGTON)
    cast: list[tuple[str, Record]] = [
        ("usa", Actor("United States", ActorKind.STATE)),
        ("russia", Actor("Russia", ActorKind.STATE)),
        ("ukraine", Actor("Ukraine", ActorKind.STATE)),
        ("trump", Actor("Donald Trump", ActorKind.PERSON, aliases=("Trump",))),
        ("putin", Actor("Vladimir Putin", ActorKind.PERSON, aliases=("Putin",))),
        ("peskov", Actor("Dmitry Peskov", ActorKind.PERSON)),
        ("tykhyi", Actor("Heorhii Tykhyi", ActorKind.PERSON)),
        ("cheung", Actor("Steven Cheung", ActorKind.PERSON)),
        (
            "people-familiar",
            Actor("people familiar with the call", ActorKind.COLLECTIVE),
        ),
        ("potus", Office("President of the United States", jurisdiction="usa")),
        ("president-russia", Office("President of Russia", jurisdiction="russia")),
        (
            "press-secretary",
            Office("Press Secretary of the President of Russia", jurisdiction="russia"),
        ),
        (
            "mfa-spokesperson",
            Office(
                "Spokesperson of the Ministry of Foreign Affairs of Ukraine", jurisdiction="ukraine"
            ),
        ),
        (
            "trump-first-term",
            Tenure(
                "trump",
                "potus",
                Span(
                    When.day("2017-01-20", zone=WASHINGTON), When.day("2021-01-20", zone=WASHINGTON)
                ),
            ),
        ),
        (
            "trump-second-term",
            Tenure(
                "trump",
                "potus",
                Span.ongoing(When.day("2025-01-20", zone=WASHINGTON), as_of=known),
            ),
        ),
        (
            "putin-term",
            Tenure(
                "putin",
                "president-russia",
                Span.ongoing(When.day("2012-05-07", zone=MOSCOW), as_of=known),
            ),
        ),
        (
            "peskov-term",
            Tenure(
                "peskov",
                "press-secretary",
                Span.ongoing(When.year(2012, zone=MOSCOW), as_of=known),
            ),
        ),
        (
            "kremlin-2020",
            Source(
                "Kremlin: telephone conversation with US President Donald Trump",
                published=When.day("2020-07-23", zone=MOSCOW),
            ),
        ),
        (
            "call-2020",
            Call(
                [putin, trump_potus],
                When.day("2020-07-23", zone=MOSCOW),
                Provenance("kremlin-2020"),
            ),
        ),
    ]
    entries = [Entry(id, KNOWN_2020, record) for id, record in cast]
    told_by_post = Provenance("post", via=("people-familiar",))
    entries += [
        Entry(
            "post",
            REPORTED,
            Source("The Washington Post", published=When.day("2024-11-10", zone=WASHINGTON)),
        ),
        Entry(
            "reported-call",
            REPORTED,
            Call(
                ["trump", putin],
                When.day("2024-11-07", zone=WASHINGTON),
                told_by_post,
                summary="taken at Mar-a-Lago; advised Putin not to escalate the war in Ukraine",
            ),
        ),
        Entry(
            "kyiv-informed",
            REPORTED,
            Claim(
                "people-familiar",
                Stance.ASSERTS,
                told_by_post,
                key="kyiv-informed-in-advance",
                proposition="The Ukrainian government was informed of the call in advance.",
            ),
        ),
        Entry(
            "reuters",
            UKRAINE_DENIES,
            Source("Reuters", published=When.day("2024-11-10", zone=KYIV)),
        ),
        Entry(
            "tykhyi-denies",
            UKRAINE_DENIES,
            Claim(
                "tykhyi",
                Stance.DENIES,
                Provenance("reuters", via=("tykhyi",)),
                key="kyiv-informed-in-advance",
                office="mfa-spokesperson",
                when=When.day("2024-11-10", zone=KYIV),
                words="Reports that the Ukrainian side was informed in advance of the alleged "
                "call are false.",
            ),
        ),
        Entry(
            "cheung-declines",
            UKRAINE_DENIES,
            Statement(
                "cheung",
                Provenance("post", via=("cheung",)),
                words="We do not comment on private calls between President Trump and other "
                "world leaders.",
            ),
        ),
        Entry(
            "briefing",
            KREMLIN_DENIES,
            Source("Peskov's briefing", published=When.day("2024-11-11", zone=MOSCOW)),
        ),
        Entry(
            "peskov-denies",
            KREMLIN_DENIES,
            Claim(
                "peskov",
                Stance.DENIES,
                Provenance("briefing", via=("peskov",)),
                about="reported-call",
                office="press-secretary",
                when=When.day("2024-11-11", zone=MOSCOW),
                words="This is completely untrue. This is pure fiction, it's just false "
                "information. There was no conversation.",
            ),
        ),
        Entry(
            "no-plans",
            KREMLIN_DENIES,
            Statement(
                peskov,
                Provenance("briefing"),
                when=When.day("2024-11-11", zone=MOSCOW),
                words="There are no concrete plans yet.",
            ),
        ),
    ]
    trump_2025 = Participant("trump", office="potus")
    entries += [
        Entry(
            "post-2025",
            CALL_2025,
            Source(
                "Trump's post on the call with Putin",
                published=When.day("2025-02-12", zone=WASHINGTON),
            ),
        ),
        Entry(
            "kremlin-2025",
            CALL_2025,
            Source("Peskov's account of the call", published=When.day("2025-02-12", zone=MOSCOW)),
        ),
        Entry(
            "us-call-2025",
            CALL_2025,
            Call(
                [trump_2025, putin],
                When.day("2025-02-12", zone=WASHINGTON),
                Provenance("post-2025", via=("trump",)),
            ),
        ),
        Entry(
            "ru-call-2025",
            CALL_2025,
            Call(
                [putin, trump_2025],
                When.day("2025-02-12", zone=MOSCOW),
                Provenance("kremlin-2025", via=("peskov",)),
            ),
        ),
        Entry("call-2025", CALL_2025, SameEvent(("us-call-2025", "ru-call-2025"))),
    ]
    return Ledger(entries)
