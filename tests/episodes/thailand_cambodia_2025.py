"""Thailand and Cambodia, July 2025: a hosted ceasefire, an acting premier, accusations after it.

What the public record says:
- Fighting broke out on the Thai-Cambodian border on 24 July 2025 (artillery, rockets, air
  strikes), each side blaming the other for starting it, and went on for five days.
- On Saturday 26 July the President of the United States, Donald Trump, posted that he had
  spoken with Cambodia's Prime Minister and with Thailand's acting Prime Minister about ending
  the fighting.
- On Monday 28 July Malaysia's Prime Minister Anwar Ibrahim (in office since 24 November 2022),
  as chair of ASEAN, hosted talks at his official residence in Putrajaya between Thailand's
  acting Prime Minister Phumtham Wechayachai (acting since 3 July 2025, after the Constitutional
  Court suspended Paetongtarn Shinawatra) and Cambodia's Prime Minister Hun Manet (in office
  since 22 August 2023); the US and Chinese ambassadors attended. At a joint press conference
  Anwar announced "an immediate and unconditional ceasefire with effect from 24:00 hours (local
  time) on 28 July 2025".
- On 29 July the Thai army's deputy spokesman said Cambodian forces had attacked after the
  ceasefire began, at Phu Makhuea (an exchange of fire until morning) and in the Sam Taet area
  (until 05:30). The spokesperson of Cambodia's Ministry of National Defence, Lt Gen Maly
  Socheata, denied it: no armed confrontation, no gunfire on the border since midnight. The
  Royal Thai Armed Forces then rejected her statement as false.

Times: both countries keep UTC+7 (Asia/Bangkok, Asia/Phnom_Penh); Putrajaya keeps UTC+8. The
ceasefire's "local time" is read as the parties' (midnight in Bangkok and Phnom Penh).

What an analyst expects, and why (written before the checks were run):
- One **definite contradiction**: the Thai army's account of Cambodian attacks after midnight
  and the Cambodian defence ministry spokesperson's denial of it. The Thai armed forces' rejection
  of her denial is the same dispute told again (a denial of a denial is Thailand standing by its
  account): it should not make a second finding.
- One **possible ceasefire violation**: the attacks after 00:00 on 29 July are attributed to
  Cambodia by Thailand alone, the attacked side, in one account, and Cambodia denies them.
- No violation for the five days of fighting before the ceasefire: they ended on 28 July, before
  24:00.
- No office_not_held: Phumtham's acting tenure from 3 July covers 26 and 28 July (an acting
  tenure of an office is a tenure of it); Hun Manet's, Anwar's and Trump's tenures cover the
  days. Maly Socheata's post has no recorded tenure: unknown, not wrong, and listed by
  ``unrecorded_tenures``.
- No double booking: Trump's two calls of 26 July fall somewhere in the same day.
- No anachronism, no readout mismatch, no unresolved local time.

What the checks gave: run first, exactly these two findings. The violation's explanation now
gives both reasons who began it is in doubt (one account, and the attacked side's; before, only
the first). The rejection of the denial makes no finding, as expected.
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
    Meeting,
    Office,
    Participant,
    Place,
    Provenance,
    Record,
    Source,
    Span,
    Stance,
    Statement,
    Tenure,
    When,
)

BANGKOK, PHNOM_PENH, KUALA_LUMPUR = "Asia/Bangkok", "Asia/Phnom_Penh", "Asia/Kuala_Lumpur"
RECORDED = datetime(2025, 7, 30, tzinfo=UTC)

EXPECTED = [
    ("ceasefire_violation", "possible"),
    ("contradiction", "definite"),
]
"""(kind, certainty) of every finding an analyst expects, in the order findings sort."""

EXPECTED_UNRECORDED = {("maly-socheata", "mond-spokesperson")}


def day(text: str, zone: str | None) -> When:
    return When.day(text, zone=zone)


def bangkok(wall: str, text: str | None = None) -> When:
    return When.local(wall, zone=BANGKOK, text=text)


def ledger() -> Ledger:
    """The episode's ledger, every record with the source that told it."""
    as_of = day("2025-07-29", BANGKOK)

    def tenure(person: str, office: str, start: str, zone: str, *, acting: bool = False) -> Tenure:
        return Tenure(person, office, Span.ongoing(day(start, zone), as_of=as_of), acting=acting)

    phumtham = Participant("phumtham", office="pm-thailand")
    hun_manet = Participant("hun-manet", office="pm-cambodia")
    trump = Participant("trump", office="potus")
    records: list[tuple[str, Record]] = [
        ("thailand", Actor("Thailand", ActorKind.STATE)),
        ("cambodia", Actor("Cambodia", ActorKind.STATE)),
        ("malaysia", Actor("Malaysia", ActorKind.STATE)),
        ("usa", Actor("United States", ActorKind.STATE)),
        ("thai-army", Actor("Royal Thai Army", ActorKind.ARMED_FORCES, part_of="thailand")),
        (
            "thai-armed-forces",
            Actor("Royal Thai Armed Forces", ActorKind.ARMED_FORCES, part_of="thailand"),
        ),
        (
            "cambodian-forces",
            Actor("Cambodian armed forces", ActorKind.ARMED_FORCES, part_of="cambodia"),
        ),
        (
            "cambodia-mond",
            Actor(
                "Cambodia's Ministry of National Defence",
                ActorKind.GOVERNMENT_BODY,
                part_of="cambodia",
            ),
        ),
        ("phumtham", Actor("Phumtham Wechayachai", ActorKind.PERSON)),
        ("hun-manet", Actor("Hun Manet", ActorKind.PERSON)),
        ("anwar", Actor("Anwar Ibrahim", ActorKind.PERSON)),
        ("trump", Actor("Donald Trump", ActorKind.PERSON)),
        ("ritcha", Actor("Ritcha Suksuwanon", ActorKind.PERSON, affiliation="thai-army")),
        (
            "maly-socheata",
            Actor("Maly Socheata", ActorKind.PERSON, affiliation="cambodia-mond"),
        ),
        ("pm-thailand", Office("Prime Minister of Thailand", jurisdiction="thailand")),
        ("pm-cambodia", Office("Prime Minister of Cambodia", jurisdiction="cambodia")),
        ("pm-malaysia", Office("Prime Minister of Malaysia", jurisdiction="malaysia")),
        ("potus", Office("President of the United States", jurisdiction="usa")),
        (
            "mond-spokesperson",
            Office(
                "Spokesperson of Cambodia's Ministry of National Defence", jurisdiction="cambodia"
            ),
        ),
        (
            "phumtham-acting",
            tenure("phumtham", "pm-thailand", "2025-07-03", BANGKOK, acting=True),
        ),
        ("hun-manet-term", tenure("hun-manet", "pm-cambodia", "2023-08-22", PHNOM_PENH)),
        ("anwar-term", tenure("anwar", "pm-malaysia", "2022-11-24", KUALA_LUMPUR)),
        ("trump-term", tenure("trump", "potus", "2025-01-20", "America/New_York")),
        ("putrajaya", Place("Putrajaya", zone=KUALA_LUMPUR, states=("malaysia",))),
        (
            "phu-makhuea",
            Place("Phu Makhuea", zone=BANGKOK, states=("thailand", "cambodia")),
        ),
        ("sam-taet", Place("Sam Taet", zone=BANGKOK)),
        ("record", Source("News reports of the border fighting of 24-28 July 2025")),
        (
            "posts",
            Source("Donald Trump's posts of 26 July 2025", published=day("2025-07-26", None)),
        ),
        (
            "presser",
            Source(
                "Joint press conference in Putrajaya", published=day("2025-07-28", KUALA_LUMPUR)
            ),
        ),
        (
            "thai-army-statement",
            Source("Thai army deputy spokesman's statement", published=day("2025-07-29", BANGKOK)),
        ),
        (
            "mond-briefing",
            Source("Cambodian defence ministry briefing", published=day("2025-07-29", PHNOM_PENH)),
        ),
        (
            "hun-manet-post",
            Source("Hun Manet's post of 29 July", published=day("2025-07-29", PHNOM_PENH)),
        ),
        (
            "thai-rejection",
            Source("Royal Thai Armed Forces statement", published=day("2025-07-29", BANGKOK)),
        ),
        (
            "border-fighting",
            Hostility(
                Span(day("2025-07-24", BANGKOK), day("2025-07-28", BANGKOK)),
                Provenance("record"),
                between=("thai-army", "cambodian-forces"),
                means=("artillery", "rockets", "air strikes"),
                description="five days of fighting, each side blaming the other for starting it",
            ),
        ),
        (
            "call-hun-manet",
            Call([trump, hun_manet], day("2025-07-26", None), Provenance("posts", via=("trump",))),
        ),
        (
            "call-phumtham",
            Call([trump, phumtham], day("2025-07-26", None), Provenance("posts", via=("trump",))),
        ),
        (
            "talks",
            Meeting(
                Participant("anwar", office="pm-malaysia"),
                [phumtham, hun_manet],
                day("2025-07-28", KUALA_LUMPUR),
                Provenance("presser"),
                place="putrajaya",
                summary="special meeting at the Prime Minister's residence; the US and Chinese "
                "ambassadors attended",
            ),
        ),
        (
            "mediation",
            Mediation(
                ("malaysia",),
                ("thailand", "cambodia"),
                day("2025-07-28", KUALA_LUMPUR),
                Provenance("presser", via=("anwar",)),
                outcome="an immediate and unconditional ceasefire",
            ),
        ),
        (
            "ceasefire",
            Ceasefire(
                ("thailand", "cambodia"),
                bangkok("2025-07-29 00:00", text="24:00 hours (local time) on 28 July 2025"),
                Provenance("presser", via=("anwar",)),
                mediation="mediation",
                terms="an immediate and unconditional ceasefire",
            ),
        ),
        (
            "violations",
            Hostility(
                Span(
                    When.between(bangkok("2025-07-29 00:00"), bangkok("2025-07-29 05:30")),
                    bangkok("2025-07-29 05:30"),
                ),
                Provenance("thai-army-statement", via=("thai-army", "ritcha")),
                attacker="cambodian-forces",
                target="thailand",
                places=("phu-makhuea", "sam-taet"),
                description="attacks after the ceasefire began, as the Thai army told them",
            ),
        ),
        (
            "denial",
            Claim(
                "maly-socheata",
                Stance.DENIES,
                Provenance("mond-briefing", via=("cambodia-mond", "maly-socheata")),
                about="violations",
                office="mond-spokesperson",
                words="no armed confrontations at any of the front-line positions",
            ),
        ),
        (
            "calmer",
            Statement(
                hun_manet,
                Provenance("hun-manet-post", via=("hun-manet",)),
                when=day("2025-07-29", PHNOM_PENH),
                words="the front line has become calmer",
            ),
        ),
        (
            "rejection",
            Claim(
                "thai-armed-forces",
                Stance.DENIES,
                Provenance("thai-rejection", via=("thai-armed-forces",)),
                about="denial",
                words="Cambodian forces continued to fire into Thai territory after the deadline",
            ),
        ),
    ]
    return Ledger([Entry(id, RECORDED, record) for id, record in records])
