"""The Biden–Putin summit in Geneva, 16 June 2021: two leaders meeting where neither was host.

What the public record says:
- The President of the United States, Joe Biden (in office since 20 January 2021), and the
  President of Russia, Vladimir Putin (President again since 7 May 2012, as the seed README
  gives), met in Geneva, Switzerland, at the Villa La Grange, on 16 June 2021. Switzerland was
  the host country; the talks were between the two presidents.
- The White House and the Kremlin each gave their own account of the meeting the same day.
- The two presidents issued a joint statement on strategic stability in Geneva that day.

What an analyst expects, and why (written before the checks were run):
- **No finding.** Both presidents held their offices that day. The two accounts of the summit
  are linked as one event and agree: the same calendar day in Geneva and in Moscow overlap.
- Exported as event data, the summit is **one** CONSULT event, not one per readout, and it is a
  meeting at a third location (PLOVER's ``third-party`` mode), not a "visit" by either president
  to the other; the export names both readouts. The joint statement is an agreement with no
  CAMEO code this library emits, so it is not exported.
"""

from __future__ import annotations

from datetime import UTC, datetime

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Agreement,
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
    Tenure,
    When,
)

GENEVA, WASHINGTON, MOSCOW = "Europe/Zurich", "America/New_York", "Europe/Moscow"
RECORDED = datetime(2021, 6, 17, tzinfo=UTC)

EXPECTED: list[tuple[str, str]] = []


def ledger() -> Ledger:
    """The episode's ledger: the summit as each side told it, linked, and the joint statement."""
    biden = Participant("biden", office="potus")
    putin = Participant("putin", office="president-russia")
    day = When.day("2021-06-16", zone=GENEVA)
    records: list[tuple[str, Record]] = [
        ("united-states", Actor("United States", ActorKind.STATE)),
        ("russia", Actor("Russia", ActorKind.STATE, wikidata="Q159")),
        ("switzerland", Actor("Switzerland", ActorKind.STATE)),
        ("biden", Actor("Joe Biden", ActorKind.PERSON)),
        ("putin", Actor("Vladimir Putin", ActorKind.PERSON, wikidata="Q7747")),
        ("potus", Office("President of the United States", jurisdiction="united-states")),
        ("president-russia", Office("President of Russia", jurisdiction="russia")),
        (
            "biden-term",
            Tenure(
                "biden", "potus", Span.ongoing(When.day("2021-01-20", zone=WASHINGTON), as_of=day)
            ),
        ),
        (
            "putin-term",
            Tenure(
                "putin",
                "president-russia",
                Span.ongoing(When.day("2012-05-07", zone=MOSCOW), as_of=day),
            ),
        ),
        ("villa", Place("Villa La Grange", zone=GENEVA, states=("switzerland",), region="Geneva")),
        ("white-house", Source("The White House's account of the summit", published=day)),
        ("kremlin", Source("The Kremlin's account of the summit", published=day)),
        (
            "us-account",
            Meeting.summit((biden, putin), day, Provenance("white-house"), place="villa"),
        ),
        (
            "russian-account",
            Meeting.summit(
                (putin, biden), When.day("2021-06-16", zone=MOSCOW), Provenance("kremlin")
            ),
        ),
        ("one-summit", SameEvent(("us-account", "russian-account"))),
        (
            "joint-statement",
            Agreement(
                ("united-states", "russia"),
                Provenance("white-house"),
                title="Joint statement on strategic stability",
                signed=day,
            ),
        ),
    ]
    return Ledger([Entry(id, RECORDED, record) for id, record in records])
