"""The Easter truce of 2025: a unilateral, time-limited ceasefire, and each side's accusations.

What the public record says:
- On Saturday 19 April 2025 Vladimir Putin (President of Russia since 7 May 2012), at a meeting
  with the Chief of the General Staff, declared an "Easter truce" from 18:00 Moscow time on
  19 April to 00:00 on 21 April (the midnight after Easter Sunday), ordering all hostilities to
  stop, and said that Russia assumed Ukraine would follow its example. Russia's Ministry of
  Defence confirmed the order for those hours. Ukraine had not agreed to it; Volodymyr Zelensky
  said Ukraine would mirror Russia's actions.
- Zelensky, relaying the Commander-in-Chief's reports, said Russian forces kept shelling and
  attacking through the truce (2,935 violations by the end of it, by his count).
- Russia's Ministry of Defence said Russian troops had strictly observed the truce, and that
  Ukrainian forces had attacked Russian positions during it.
- With the end of the truce the Russian military "continued the special military operation";
  Ukraine's air force reported a Russian drone attack starting at 02:00 on Monday 21 April.

Times: Moscow and Kyiv both kept UTC+3 that weekend.

What an analyst expects, and why (written before the checks were run):
- One **possible ceasefire violation**: Russian fire during the truce, told by Ukraine alone (the
  attacked side) and denied by Russia's Ministry of Defence.
- One **definite contradiction**: Ukraine's account of Russian attacks during the truce and the
  ministry's statement that Russian troops strictly observed it.
- **No violation by Ukraine.** The truce was Russia's, declared unilaterally: Ukraine never
  agreed to it, so Ukrainian fire during it, as Russia tells it, did not break it. (Today's model
  cannot say "unilateral": a ceasefire needs two parties, so the ledger names Russia and Ukraine,
  with the terms saying who declared it.)
- **No violation after the truce.** The drone attack from 02:00 on 21 April came after the
  truce's end at 00:00: a time-limited truce is not broken by fighting after it ends.
- No office_not_held (Putin's tenure covers the weekend), no anachronism (the truce is
  announced on the day it begins; every account comes after what it tells), no unresolved local
  time, no readout mismatch.

What the checks gave, and what changed: run first, they also reported a possible violation by
Ukraine (``truce``, ``ukrainian-fire``): with no way to say who declared a truce, every party
named was held to it. The model could not say what the record says, so the rule could not be
right: a ceasefire now names the parties that declared it alone (``declared_by``), only those
are bound by it, and the ledger below says ``declared_by=("russia",)``. The expectation stands.
"""

from __future__ import annotations

from datetime import UTC, datetime

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Ceasefire,
    Claim,
    Entry,
    Hostility,
    Ledger,
    Office,
    Participant,
    Provenance,
    Record,
    Source,
    Span,
    Stance,
    Statement,
    Tenure,
    When,
)

MOSCOW, KYIV = "Europe/Moscow", "Europe/Kyiv"
RECORDED = datetime(2025, 4, 22, tzinfo=UTC)

EXPECTED = [
    ("ceasefire_violation", "possible"),
    ("contradiction", "definite"),
]
"""(kind, certainty) of every finding an analyst expects, in the order findings sort."""


def moscow(wall: str) -> When:
    return When.local(wall, zone=MOSCOW)


def kyiv(wall: str) -> When:
    return When.local(wall, zone=KYIV)


def ledger() -> Ledger:
    """The episode's ledger, every record with the source that told it."""
    records: list[tuple[str, Record]] = [
        ("russia", Actor("Russia", ActorKind.STATE)),
        ("ukraine", Actor("Ukraine", ActorKind.STATE)),
        ("russian-forces", Actor("Russian armed forces", ActorKind.ARMED_FORCES, part_of="russia")),
        (
            "ukrainian-forces",
            Actor("Ukraine's armed forces", ActorKind.ARMED_FORCES, part_of="ukraine"),
        ),
        (
            "russia-mod",
            Actor("Russia's Ministry of Defence", ActorKind.GOVERNMENT_BODY, part_of="russia"),
        ),
        (
            "ukraine-air-force",
            Actor("Ukraine's air force", ActorKind.ARMED_FORCES, part_of="ukraine"),
        ),
        ("putin", Actor("Vladimir Putin", ActorKind.PERSON)),
        ("zelensky", Actor("Volodymyr Zelensky", ActorKind.PERSON)),
        ("president-russia", Office("President of Russia", jurisdiction="russia")),
        (
            "putin-term",
            Tenure(
                "putin",
                "president-russia",
                Span.ongoing(
                    When.day("2012-05-07", zone=MOSCOW), as_of=When.day("2025-04-21", zone=MOSCOW)
                ),
            ),
        ),
        ("kremlin", Source("Kremlin statement", published=When.day("2025-04-19", zone=MOSCOW))),
        (
            "zelensky-posts",
            Source(
                "Zelensky's posts of 20 and 21 April",
                published=When.between(
                    When.day("2025-04-20", zone=KYIV), When.day("2025-04-21", zone=KYIV)
                ),
            ),
        ),
        (
            "mod-statements",
            Source(
                "Russian Ministry of Defence statements",
                published=When.between(
                    When.day("2025-04-20", zone=MOSCOW), When.day("2025-04-21", zone=MOSCOW)
                ),
            ),
        ),
        (
            "air-force-report",
            Source(
                "Ukraine's air force report of 21 April",
                published=When.day("2025-04-21", zone=KYIV),
            ),
        ),
        (
            "announcement",
            Statement(
                Participant("putin", office="president-russia"),
                Provenance("kremlin", via=("putin",)),
                when=When.day("2025-04-19", zone=MOSCOW),
                words="I order all hostilities to stop for this period",
            ),
        ),
        (
            "truce",
            Ceasefire(
                ("russia", "ukraine"),
                moscow("2025-04-19 18:00"),
                Provenance("kremlin", via=("putin",)),
                until=moscow("2025-04-21 00:00"),
                terms="an Easter truce; all hostilities to stop",
                declared_by=("russia",),
            ),
        ),
        (
            "russian-fire",
            Hostility(
                Span(kyiv("2025-04-19 18:00"), kyiv("2025-04-21 00:00")),
                Provenance("zelensky-posts", via=("zelensky",)),
                attacker="russian-forces",
                target="ukraine",
                means=("shelling", "assaults", "drones"),
                description="Russian attacks during the truce, as Ukraine's command reported them",
            ),
        ),
        (
            "observed",
            Claim(
                "russia-mod",
                Stance.DENIES,
                Provenance("mod-statements", via=("russia-mod",)),
                about="russian-fire",
                words="Russian troops strictly observed the ceasefire",
            ),
        ),
        (
            "ukrainian-fire",
            Hostility(
                Span(moscow("2025-04-19 18:00"), When.day("2025-04-20", zone=MOSCOW)),
                Provenance("mod-statements", via=("russia-mod",)),
                attacker="ukrainian-forces",
                target="russian-forces",
                description="Ukrainian attacks on Russian positions during the truce, as the "
                "ministry told them",
            ),
        ),
        (
            "after-the-truce",
            Hostility(
                Span(kyiv("2025-04-21 02:00"), When.day("2025-04-21", zone=KYIV)),
                Provenance("air-force-report", via=("ukraine-air-force",)),
                attacker="russian-forces",
                target="ukraine",
                means=("drones", "missiles"),
                description="a drone attack from 02:00 on Monday, after the truce ended",
            ),
        ),
    ]
    return Ledger([Entry(id, RECORDED, record) for id, record in records])
