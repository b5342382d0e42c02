"""India and Pakistan, 10 May 2025: a ceasefire announced by a third party, denied as mediation.

What the public record says (the sources are the records' provenance):
- The President of the United States, Donald Trump, posted on 10 May 2025 that after a long night
  of talks mediated by the United States, India and Pakistan had agreed to a full and immediate
  ceasefire.
- India's Foreign Secretary, Vikram Misri, said the same day that Pakistan's Director General of
  Military Operations had called India's at 15:35 IST, and that the two agreed to stop all firing
  and military action from 17:00 IST. India said the understanding was worked out directly between
  the two countries, denying a mediation.
  He said the two would talk again on 12 May at 12:00.
- Late that evening Misri said Pakistan had violated the understanding in the past hours.

What an analyst expects, and why (written before the checks were run):
- One **definite contradiction**: the United States' account of a US-mediated agreement and
  India's denial of it. Two actors, opposite stances, one record.
- One **possible ceasefire violation**: firing after 17:00 IST attributed to Pakistan, but only by
  India, the adversary of the accused, in one briefing: at most possible.
- No office_not_held: the ledger records no tenures here, so the offices named are unknown, not
  wrong; the DGMOs' offices are listed by ``unrecorded_tenures``.
- No anachronism: the call at 15:35 comes before the ceasefire and before the sources, and the
  talk announced for 12 May is a plan, which a source of 10 May may well announce.
- Nothing else.
"""

from __future__ import annotations

from datetime import UTC, datetime

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Ceasefire,
    Claim,
    Entry,
    Hostility,
    Ledger,
    Mediation,
    Medium,
    Office,
    Participant,
    Provenance,
    Record,
    Source,
    Span,
    Stance,
    Statement,
    Status,
    When,
)

IST = "Asia/Kolkata"
EASTERN = "America/New_York"
RECORDED = datetime(2025, 5, 11, tzinfo=UTC)

EXPECTED = [
    ("ceasefire_violation", "possible"),
    ("contradiction", "definite"),
]
"""(kind, certainty) of every finding an analyst expects, in the order findings sort."""

EXPECTED_UNRECORDED = {("misri", "foreign-secretary"), ("dgmo-india-holder", "dgmo-india")}


def ist(wall: str) -> When:
    return When.local(wall, zone=IST)


def ledger() -> Ledger:
    """The episode's ledger, every record with the source that told it."""
    that_night = When.between(ist("2025-05-10 17:00"), ist("2025-05-10 23:59"))
    records: list[tuple[str, Record]] = [
        ("india", Actor("India", ActorKind.STATE)),
        ("pakistan", Actor("Pakistan", ActorKind.STATE)),
        ("usa", Actor("United States", ActorKind.STATE)),
        ("india-gov", Actor("Government of India", ActorKind.GOVERNMENT, part_of="india")),
        ("trump", Actor("Donald Trump", ActorKind.PERSON)),
        ("misri", Actor("Vikram Misri", ActorKind.PERSON)),
        ("dgmo-india-holder", Actor("India's DGMO", ActorKind.PERSON)),
        ("dgmo-pakistan-holder", Actor("Pakistan's DGMO", ActorKind.PERSON)),
        ("foreign-secretary", Office("Foreign Secretary of India", jurisdiction="india")),
        ("dgmo-india", Office("Director General of Military Operations", jurisdiction="india")),
        ("post", Source("Truth Social post", published=When.day("2025-05-10", zone=EASTERN))),
        (
            "briefing",
            Source("Foreign Secretary's briefing", published=When.day("2025-05-10", zone=IST)),
        ),
        ("night-briefing", Source("Foreign Secretary's night statement", published=that_night)),
        (
            "us-mediation",
            Mediation(
                ("usa",),
                ("india", "pakistan"),
                When.between(
                    When.day("2025-05-09", zone=EASTERN), When.day("2025-05-10", zone=EASTERN)
                ),
                Provenance("post", via=("trump",)),
                outcome="a full and immediate ceasefire",
            ),
        ),
        (
            "india-denies-mediation",
            Claim(
                "india-gov",
                Stance.DENIES,
                Provenance("briefing", via=("india-gov",)),
                about="us-mediation",
                words="worked out directly between the two countries",
            ),
        ),
        (
            "dgmo-call",
            Call(
                (
                    Participant("dgmo-pakistan-holder"),
                    Participant("dgmo-india-holder", office="dgmo-india"),
                ),
                ist("2025-05-10 15:35"),
                Provenance("briefing", via=("misri",)),
                medium=Medium.PHONE,
                initiator="dgmo-pakistan-holder",
            ),
        ),
        (
            "next-talk",
            Call(
                (Participant("dgmo-india-holder"), Participant("dgmo-pakistan-holder")),
                ist("2025-05-12 12:00"),
                Provenance("briefing", via=("misri",)),
                medium=Medium.PHONE,
                status=Status.PLANNED,
            ),
        ),
        (
            "ceasefire",
            Ceasefire(
                ("india", "pakistan"),
                ist("2025-05-10 17:00"),
                Provenance("briefing", via=("misri",)),
                terms="stop all firing and military action on land, in the air and at sea",
            ),
        ),
        (
            "announcement",
            Statement(
                Participant("misri", office="foreign-secretary"),
                Provenance("briefing"),
                when=When.day("2025-05-10", zone=IST),
                words="the two sides agreed to stop all firing and military action",
            ),
        ),
        (
            "violations",
            Hostility(
                Span(that_night),
                Provenance("night-briefing", via=("india-gov",)),
                attacker="pakistan",
                target="india",
                description="violations of the understanding, as India reported them",
            ),
        ),
    ]
    return Ledger([Entry(id, RECORDED, record) for id, record in records])
