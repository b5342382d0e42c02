"""The missile that fell on Przewodów, 15 November 2022: a premature attribution, corrected.

What the public record says (the sources are the records' provenance):
- On Tuesday 15 November 2022, at about 15:40 local time (police, via Radio Lublin), an
  explosion killed two people at a grain dryer in Przewodów, a Polish village near the border
  with Ukraine, during Russia's heaviest wave of missile strikes on Ukraine's energy grid.
- That evening the Associated Press reported, citing a senior US intelligence official who spoke
  on condition of anonymity, that Russian missiles had crossed into Poland, killing two people.
- The same evening Russia's Ministry of Defence called the reports "a deliberate provocation":
  "No strikes on targets near the Ukrainian-Polish state border were made by Russian means of
  destruction." President Zelensky (in office since 20 May 2019) said Russian missiles had hit
  Poland, "a very significant escalation".
- On Wednesday 16 November Poland's President Duda (in office since 6 August 2015) said that
  Ukraine's air defence "was launching their missiles in various directions, and it is highly
  probable that one of these missiles unfortunately fell on Polish territory"; NATO's Secretary
  General Stoltenberg (1 October 2014 to 1 October 2024) said the same. Zelensky said he had no
  doubt "that it wasn't our missile".
- The same Wednesday the AP published a correction: "In earlier versions of a story published
  November 15, 2022, The Associated Press reported erroneously, based on information from a
  senior American intelligence official who spoke on condition of anonymity, that Russian
  missiles had crossed into Poland and killed two people. Subsequent reporting showed that the
  missiles were Russian-made and most likely fired by Ukraine in defense against a Russian
  attack."

The explosion is one entry whose versions follow what was known: the AP's first story (an
attack by Russia on Poland, told through the US official), then its correction (a missile fell,
no attacker), which supersedes it. The Russian denial and Zelensky's accusation are about that
entry; Duda's and Stoltenberg's assessment and Zelensky's answer to it meet by a key. "About
15:40" is read with the library's documented width of "about" (15 minutes either side).

What an analyst expects, and why (written before the checks were run):
- As of the AP's first story alone (15 November, 20:00 UTC): **no finding**.
- As of that night (23:00 UTC): one **definite contradiction**: the AP's story (the US official
  gave the Russian strike as fact) and Zelensky's accusation of Russia, against the Ministry of
  Defence's denial.
- As of 16 November, 20:00 UTC, before the AP's correction: that contradiction, and a second,
  **definite**: Duda's and Stoltenberg's assessment that the missile was most likely Ukraine's,
  against Zelensky's denial.
- Now, after the correction: the same two contradictions. The first still stands (Zelensky
  accuses Russia, Moscow denies it), and names the explosion as it now stands; but the AP's
  corrected story no longer says what Moscow denied, so the finding must not present the
  corrected story as asserting it, and its explanation must say that the record was corrected
  after the denial was made (the denial answered the first version).
- No office_not_held (Zelensky, Duda and Stoltenberg held their offices), no anachronism (the
  explosion came before every source), no ceasefire_violation (no ceasefire), nothing else.

What the checks gave: the findings and their certainties as expected at every step, before the
fixes and after. The explanations did not: after the correction the finding read "Volodymyr
Zelensky accused Russia it in 'zelensky-accuses' ... about 'explosion-corrected'", with no word
that Moscow had answered the first version (an accusation with no words of its own read as
"accused Russia it"; a denial of a record corrected since was shown against the correction).
Both rules are fixed (tests/checks/test_claims.py, TestWordsOfCorrectionsAndAccusations).
"""

from __future__ import annotations

from datetime import UTC, datetime

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Claim,
    Entry,
    Hostility,
    Ledger,
    Office,
    Place,
    Provenance,
    Record,
    Source,
    Span,
    Stance,
    Tenure,
    When,
    resolve_phrase,
)

WARSAW, KYIV, MOSCOW, WASHINGTON = (
    "Europe/Warsaw",
    "Europe/Kyiv",
    "Europe/Moscow",
    "America/New_York",
)
BRUSSELS = "Europe/Brussels"

CAST = datetime(2022, 11, 15, 18, tzinfo=UTC)
AP_STORY = datetime(2022, 11, 15, 19, tzinfo=UTC)
DENIED = datetime(2022, 11, 15, 21, tzinfo=UTC)
ACCUSED = datetime(2022, 11, 15, 21, 40, tzinfo=UTC)
ASSESSED = datetime(2022, 11, 16, 14, tzinfo=UTC)
ANSWERED = datetime(2022, 11, 16, 18, tzinfo=UTC)
CORRECTED = datetime(2022, 11, 16, 22, tzinfo=UTC)

EXPECTED = [("contradiction", "definite"), ("contradiction", "definite")]
EXPECTED_AS_OF: dict[datetime, list[tuple[str, str]]] = {
    datetime(2022, 11, 15, 20, tzinfo=UTC): [],
    datetime(2022, 11, 15, 23, tzinfo=UTC): [("contradiction", "definite")],
    datetime(2022, 11, 16, 20, tzinfo=UTC): [
        ("contradiction", "definite"),
        ("contradiction", "definite"),
    ],
}
"""What an analyst expects of the ledger as it was known at a record time."""

EXPECTED_ENTRIES = {
    "first story": ("explosion", "zelensky-accuses", "mod-denies"),
    "corrected": ("explosion-corrected", "zelensky-accuses", "mod-denies"),
    "assessment": ("duda-assesses", "stoltenberg-assesses", "zelensky-denies"),
}


def day(text: str, zone: str) -> When:
    return When.day(text, zone=zone)


def ledger() -> Ledger:
    """The episode's ledger, each entry recorded when it became known."""
    at = resolve_phrase("about 15:40", anchor=day("2022-11-15", WARSAW), zone=WARSAW)
    as_of = day("2022-11-16", WARSAW)
    cast: list[tuple[str, Record]] = [
        ("poland", Actor("Poland", ActorKind.STATE)),
        ("russia", Actor("Russia", ActorKind.STATE)),
        ("ukraine", Actor("Ukraine", ActorKind.STATE)),
        ("nato", Actor("NATO", ActorKind.INTERNATIONAL_ORGANIZATION)),
        (
            "russia-mod",
            Actor("Russian Ministry of Defence", ActorKind.GOVERNMENT_BODY, part_of="russia"),
        ),
        ("us-official", Actor("a senior US intelligence official", ActorKind.PERSON)),
        ("zelensky", Actor("Volodymyr Zelensky", ActorKind.PERSON)),
        ("duda", Actor("Andrzej Duda", ActorKind.PERSON)),
        ("stoltenberg", Actor("Jens Stoltenberg", ActorKind.PERSON)),
        ("president-ukraine", Office("President of Ukraine", jurisdiction="ukraine")),
        ("president-poland", Office("President of Poland", jurisdiction="poland")),
        ("nato-sg", Office("Secretary General of NATO", jurisdiction="nato")),
        (
            "zelensky-term",
            Tenure(
                "zelensky", "president-ukraine", Span.ongoing(day("2019-05-20", KYIV), as_of=as_of)
            ),
        ),
        (
            "duda-term",
            Tenure(
                "duda", "president-poland", Span.ongoing(day("2015-08-06", WARSAW), as_of=as_of)
            ),
        ),
        (
            "stoltenberg-term",
            Tenure("stoltenberg", "nato-sg", Span(When.day("2014-10-01"), When.day("2024-10-01"))),
        ),
        (
            "przewodow",
            Place("Przewodów", zone=WARSAW, states=("poland",), region="Lublin Voivodeship"),
        ),
    ]
    entries = [Entry(id, CAST, record) for id, record in cast]
    entries += [
        Entry(
            "ap",
            AP_STORY,
            Source("Associated Press, 15 November 2022", published=day("2022-11-15", WASHINGTON)),
        ),
        Entry(
            "explosion",
            AP_STORY,
            Hostility(
                Span(at, at),
                Provenance("ap", via=("us-official",)),
                attacker="russia",
                target="poland",
                places=("przewodow",),
                description="Russian missiles crossed into Poland, killing two people",
            ),
        ),
        Entry(
            "mod-statement",
            DENIED,
            Source("Russian Ministry of Defence, Telegram", published=day("2022-11-15", MOSCOW)),
        ),
        Entry(
            "mod-denies",
            DENIED,
            Claim(
                "russia-mod",
                Stance.DENIES,
                Provenance("mod-statement", via=("russia-mod",)),
                about="explosion",
                when=day("2022-11-15", MOSCOW),
                words="No strikes on targets near the Ukrainian-Polish state border were made by "
                "Russian means of destruction.",
            ),
        ),
        Entry(
            "zelensky-address",
            ACCUSED,
            Source("Zelensky's address of 15 November", published=day("2022-11-15", KYIV)),
        ),
        Entry(
            "zelensky-accuses",
            ACCUSED,
            Claim(
                "zelensky",
                Stance.ACCUSES,
                Provenance("zelensky-address", via=("zelensky",)),
                about="explosion",
                accused="russia",
                office="president-ukraine",
                when=day("2022-11-15", KYIV),
                words="a very significant escalation",
            ),
        ),
        Entry(
            "duda-statement",
            ASSESSED,
            Source("Duda's statement of 16 November", published=day("2022-11-16", WARSAW)),
        ),
        Entry(
            "duda-assesses",
            ASSESSED,
            Claim(
                "duda",
                Stance.ASSERTS,
                Provenance("duda-statement", via=("duda",)),
                key="ukrainian-air-defence",
                office="president-poland",
                when=day("2022-11-16", WARSAW),
                proposition="Ukraine's defence was launching their missiles in various "
                "directions, and it is highly probable that one of these missiles unfortunately "
                "fell on Polish territory.",
            ),
        ),
        Entry(
            "nato-briefing",
            ASSESSED,
            Source("NATO press conference of 16 November", published=day("2022-11-16", BRUSSELS)),
        ),
        Entry(
            "stoltenberg-assesses",
            ASSESSED,
            Claim(
                "stoltenberg",
                Stance.ASSERTS,
                Provenance("nato-briefing", via=("stoltenberg",)),
                key="ukrainian-air-defence",
                office="nato-sg",
                when=day("2022-11-16", BRUSSELS),
                proposition="The missile was most likely fired by Ukraine's air defence.",
            ),
        ),
        Entry(
            "zelensky-remarks",
            ANSWERED,
            Source("Zelensky's remarks of 16 November", published=day("2022-11-16", KYIV)),
        ),
        Entry(
            "zelensky-denies",
            ANSWERED,
            Claim(
                "zelensky",
                Stance.DENIES,
                Provenance("zelensky-remarks", via=("zelensky",)),
                key="ukrainian-air-defence",
                office="president-ukraine",
                when=day("2022-11-16", KYIV),
                words="it wasn't our missile",
            ),
        ),
        Entry(
            "ap-correction",
            CORRECTED,
            Source("Associated Press correction", published=day("2022-11-16", WASHINGTON)),
        ),
        Entry(
            "explosion-corrected",
            CORRECTED,
            Hostility(
                Span(at, at),
                Provenance("ap-correction"),
                places=("przewodow",),
                description="a missile fell on Przewodów, killing two people: Russian-made and "
                "most likely fired by Ukraine in defense against a Russian attack",
            ),
            supersedes="explosion",
        ),
    ]
    return Ledger(entries)
