"""Minsk, 11-12 February 2015: an overnight summit, an agreement, and fighting after its ceasefire.

What the public record says:
- The leaders of Russia (Vladimir Putin), Ukraine (Petro Poroshenko, President since
  7 June 2014), Germany (Angela Merkel, Chancellor since 22 November 2005) and France (François
  Hollande, President from 15 May 2012 to 14 May 2017) talked through the night of 11 to
  12 February 2015 in Minsk, the capital of Belarus, which hosted the talks without taking part.
- On 12 February the Trilateral Contact Group signed the "Package of Measures for the
  Implementation of the Minsk Agreements": Heidi Tagliavini for the OSCE, Leonid Kuchma for
  Ukraine, Mikhail Zurabov for Russia, and Alexander Zakharchenko and Igor Plotnitsky for the
  separatist-held areas of Donetsk and Luhansk. It set a ceasefire from 00:00 Kyiv time on
  15 February 2015.
- Fighting went on around Debaltseve after the ceasefire began, each side blaming the other,
  until Ukrainian forces withdrew from the town on 18 February. The separatists said the
  ceasefire did not apply to Debaltseve; Ukraine said it did.

What an analyst expects, and why (written before the checks were run):
- One **possible ceasefire violation**: fighting between Ukraine's forces and the separatists
  at Debaltseve after 00:00 on 15 February, with no attacker named in the record (each side
  blamed the other), told by one account: the ceasefire was broken there, but no record
  establishes by whom. Debaltseve is not named in the ceasefire, which covers everywhere: the
  separatists' reading of its scope is a claim, not the record's scope.
- One **definite contradiction**: the separatists' claim that the ceasefire did not cover
  Debaltseve, and Ukraine's that it did (one proposition, each side in its own words).
- No office_not_held: the four leaders' tenures cover those days; the signatories' posts are not
  recorded as tenures, which is unknown, not wrong.
- The summit is one multilateral meeting (PLOVER ``multilateral``), not a visit to Belarus.
- Nothing else.
"""

from __future__ import annotations

from datetime import UTC, datetime

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Agreement,
    Ceasefire,
    Claim,
    Entry,
    Hostility,
    Ledger,
    Meeting,
    Office,
    Participant,
    Place,
    Provenance,
    Record,
    Source,
    Span,
    Stance,
    Tenure,
    When,
)

MINSK, KYIV, MOSCOW, BERLIN, PARIS = (
    "Europe/Minsk",
    "Europe/Kyiv",
    "Europe/Moscow",
    "Europe/Berlin",
    "Europe/Paris",
)
RECORDED = datetime(2015, 2, 20, tzinfo=UTC)

EXPECTED = [
    ("ceasefire_violation", "possible"),
    ("contradiction", "definite"),
]
"""(kind, certainty) of every finding an analyst expects, in the order findings sort."""


def day(text: str, zone: str) -> When:
    return When.day(text, zone=zone)


def ledger() -> Ledger:
    """The episode's ledger: the summit, the package it produced, the ceasefire and Debaltseve."""
    as_of = day("2015-02-20", KYIV)

    def tenure(person: str, office: str, start: When, end: When | None = None) -> Tenure:
        return Tenure(person, office, Span(start, end) if end else Span.ongoing(start, as_of=as_of))

    leaders = [
        Participant("putin", office="president-russia"),
        Participant("poroshenko", office="president-ukraine"),
        Participant("merkel", office="chancellor"),
        Participant("hollande", office="president-france"),
    ]
    records: list[tuple[str, Record]] = [
        ("russia", Actor("Russia", ActorKind.STATE, wikidata="Q159")),
        ("ukraine", Actor("Ukraine", ActorKind.STATE)),
        ("germany", Actor("Germany", ActorKind.STATE)),
        ("france", Actor("France", ActorKind.STATE, wikidata="Q142")),
        ("belarus", Actor("Belarus", ActorKind.STATE)),
        ("osce", Actor("OSCE", ActorKind.INTERNATIONAL_ORGANIZATION)),
        (
            "ukraine-forces",
            Actor("Ukraine's armed forces", ActorKind.ARMED_FORCES, part_of="ukraine"),
        ),
        ("separatists", Actor("Separatist forces of Donetsk and Luhansk", ActorKind.COLLECTIVE)),
        ("putin", Actor("Vladimir Putin", ActorKind.PERSON, wikidata="Q7747")),
        ("poroshenko", Actor("Petro Poroshenko", ActorKind.PERSON)),
        ("merkel", Actor("Angela Merkel", ActorKind.PERSON)),
        ("hollande", Actor("François Hollande", ActorKind.PERSON)),
        ("tagliavini", Actor("Heidi Tagliavini", ActorKind.PERSON)),
        ("kuchma", Actor("Leonid Kuchma", ActorKind.PERSON)),
        ("zurabov", Actor("Mikhail Zurabov", ActorKind.PERSON)),
        ("zakharchenko", Actor("Alexander Zakharchenko", ActorKind.PERSON)),
        ("plotnitsky", Actor("Igor Plotnitsky", ActorKind.PERSON)),
        ("president-russia", Office("President of Russia", jurisdiction="russia")),
        ("president-ukraine", Office("President of Ukraine", jurisdiction="ukraine")),
        ("chancellor", Office("Chancellor of Germany", jurisdiction="germany")),
        ("president-france", Office("President of France", jurisdiction="france")),
        ("putin-term", tenure("putin", "president-russia", day("2012-05-07", MOSCOW))),
        ("poroshenko-term", tenure("poroshenko", "president-ukraine", day("2014-06-07", KYIV))),
        ("merkel-term", tenure("merkel", "chancellor", day("2005-11-22", BERLIN))),
        (
            "hollande-term",
            tenure(
                "hollande", "president-france", day("2012-05-15", PARIS), day("2017-05-14", PARIS)
            ),
        ),
        ("minsk", Place("Minsk", zone=MINSK, states=("belarus",))),
        ("debaltseve", Place("Debaltseve", zone=KYIV, states=("ukraine",), region="Donetsk")),
        ("record", Source("The public record of the Minsk talks and their aftermath")),
        (
            "summit",
            Meeting.summit(
                leaders,
                Span(day("2015-02-11", MINSK), day("2015-02-12", MINSK)),
                Provenance("record"),
                place="minsk",
                summary="talks through the night",
            ),
        ),
        (
            "package",
            Agreement(
                ("ukraine", "russia", "separatists"),
                Provenance("record"),
                title="Package of Measures for the Implementation of the Minsk Agreements",
                signatories=("tagliavini", "kuchma", "zurabov", "zakharchenko", "plotnitsky"),
                mediators=("osce",),
                signed=day("2015-02-12", MINSK),
                effective=When.local("2015-02-15 00:00", zone=KYIV),
            ),
        ),
        (
            "ceasefire",
            Ceasefire(
                ("ukraine", "separatists"),
                When.local("2015-02-15 00:00", zone=KYIV),
                Provenance("record"),
                agreement="package",
            ),
        ),
        (
            "debaltseve-fighting",
            Hostility(
                Span(When.local("2015-02-15 00:00", zone=KYIV), day("2015-02-18", KYIV)),
                Provenance("record"),
                between=("ukraine-forces", "separatists"),
                places=("debaltseve",),
                description="fighting around Debaltseve until Ukraine's forces withdrew",
            ),
        ),
        (
            "not-covered",
            Claim(
                "separatists",
                Stance.DENIES,
                Provenance("record"),
                key="ceasefire-covers-debaltseve",
                proposition="the ceasefire applies to Debaltseve",
            ),
        ),
        (
            "covered",
            Claim(
                "ukraine",
                Stance.ASSERTS,
                Provenance("record"),
                key="ceasefire-covers-debaltseve",
                proposition="the ceasefire applies at Debaltseve too",
            ),
        ),
    ]
    return Ledger([Entry(id, RECORDED, record) for id, record in records])
