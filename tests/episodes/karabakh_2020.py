"""The trilateral statement of 9 November 2020 that ended the second Nagorno-Karabakh war.

Facts from ``shared/seed/README.md``: the second war began on 27 September 2020 and ended with the
trilateral ceasefire statement signed on 9 November 2020, effective 10 November 2020 at 00:00
Moscow time, brokered by Russia, with Russian peacekeepers deployed. Nikol Pashinyan has been Prime
Minister of Armenia since 8 May 2018; he resigned on 25 April 2021 to allow an early election and
was acting prime minister until re-appointed on 2 August 2021. Vladimir Putin was President of
Russia from 7 May 2000 to 7 May 2008, and again since 7 May 2012. The statement was signed by the
leaders of Russia, Azerbaijan and Armenia (public record); Pashinyan announced on 10 November that
he had signed it. It is recorded as an agreement binding the three states (Russia's peacekeepers
are among its terms), signed by the three leaders, that the ceasefire and the leaders' statements
point at; the President of Azerbaijan's tenure is not recorded.

What an analyst expects, and why (written before the checks were run):
- **No finding.** Putin and Pashinyan held their offices on those days: Putin's second tenure is
  running and nothing records its end; Pashinyan's first tenure covers November 2020. The
  ceasefire follows the mediation, and nothing is said to have broken it.
- A statement by Pashinyan "as prime minister" during his acting tenure (May 2021) is no finding
  either: an acting tenure of the office is a tenure of it.
- The agreement adds none: Putin and Pashinyan signed in offices they held; Aliyev's office has
  no recorded tenure, which is unknown, not wrong (``unrecorded_tenures`` lists it). The
  ceasefire and both leaders' statements are found as mentioning the agreement.
"""

from __future__ import annotations

from datetime import UTC, datetime

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Agreement,
    Ceasefire,
    Entry,
    Ledger,
    Mediation,
    Office,
    Participant,
    Provenance,
    Record,
    Source,
    Span,
    Statement,
    Tenure,
    When,
)

RECORDED = datetime(2022, 9, 13, 6, tzinfo=UTC)
YEREVAN, MOSCOW, BAKU = "Asia/Yerevan", "Europe/Moscow", "Asia/Baku"

EXPECTED: list[tuple[str, str]] = []


def day(text: str, zone: str) -> When:
    return When.day(text, zone=zone)


def ledger() -> Ledger:
    """The episode's ledger, with the tenures the seed README gives."""
    as_of = day("2022-09-13", YEREVAN)
    records: list[tuple[str, Record]] = [
        ("armenia", Actor("Armenia", ActorKind.STATE, wikidata="Q399")),
        ("azerbaijan", Actor("Azerbaijan", ActorKind.STATE, wikidata="Q227")),
        ("russia", Actor("Russia", ActorKind.STATE, wikidata="Q159")),
        ("pashinyan", Actor("Nikol Pashinyan", ActorKind.PERSON)),
        ("putin", Actor("Vladimir Putin", ActorKind.PERSON, wikidata="Q7747")),
        ("aliyev", Actor("Ilham Aliyev", ActorKind.PERSON)),
        ("pm", Office("Prime Minister of Armenia", jurisdiction="armenia")),
        ("president-azerbaijan", Office("President of Azerbaijan", jurisdiction="azerbaijan")),
        ("president", Office("President of Russia", jurisdiction="russia")),
        (
            "pm-1",
            Tenure("pashinyan", "pm", Span(day("2018-05-08", YEREVAN), day("2021-04-25", YEREVAN))),
        ),
        (
            "pm-acting",
            Tenure(
                "pashinyan",
                "pm",
                Span(day("2021-04-25", YEREVAN), day("2021-08-02", YEREVAN)),
                acting=True,
            ),
        ),
        ("pm-2", Tenure("pashinyan", "pm", Span.ongoing(day("2021-08-02", YEREVAN), as_of=as_of))),
        (
            "president-1",
            Tenure(
                "putin", "president", Span(day("2000-05-07", MOSCOW), day("2008-05-07", MOSCOW))
            ),
        ),
        (
            "president-2",
            Tenure("putin", "president", Span.ongoing(day("2012-05-07", MOSCOW), as_of=as_of)),
        ),
        ("record", Source("The public record, as the seed README gives it")),
        (
            "mediation",
            Mediation(
                ("russia",),
                ("armenia", "azerbaijan"),
                day("2020-11-09", MOSCOW),
                Provenance("record"),
                outcome="the trilateral statement",
            ),
        ),
        (
            "trilateral-statement",
            Agreement(
                ("armenia", "azerbaijan", "russia"),
                Provenance("record"),
                title="Trilateral statement",
                signatories=(
                    Participant("aliyev", office="president-azerbaijan"),
                    Participant("pashinyan", office="pm"),
                    Participant("putin", office="president"),
                ),
                signed=day("2020-11-09", MOSCOW),
                effective=When.local("2020-11-10 00:00", zone=MOSCOW),
                terms="a ceasefire; Russian peacekeepers deployed",
            ),
        ),
        (
            "ceasefire",
            Ceasefire(
                ("armenia", "azerbaijan"),
                When.local("2020-11-10 00:00", zone=MOSCOW),
                Provenance("record"),
                mediation="mediation",
                agreement="trilateral-statement",
            ),
        ),
        (
            "signed-putin",
            Statement(
                Participant("putin", office="president"),
                Provenance("record"),
                when=day("2020-11-09", MOSCOW),
                during="mediation",
                agreement="trilateral-statement",
            ),
        ),
        (
            "signed-pashinyan",
            Statement(
                Participant("pashinyan", office="pm"),
                Provenance("record"),
                when=day("2020-11-10", YEREVAN),
                agreement="trilateral-statement",
            ),
        ),
        (
            "acting-statement",
            Statement(
                Participant("pashinyan", office="pm"),
                Provenance("record"),
                when=When.month(2021, 5, zone=YEREVAN),
            ),
        ),
    ]
    return Ledger([Entry(id, RECORDED, record) for id, record in records])
