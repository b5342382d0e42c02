"""The Israel–Iran ceasefire of 23-24 June 2025, announced by President Trump on social media.

What the public record says (the sources are the records' provenance):
- On the evening of Monday 23 June 2025 (Washington), after Iran's missile attack on the Al Udeid
  air base in Qatar that day, President Trump posted on Truth Social: "It has been fully agreed
  by and between Israel and Iran that there will be a Complete and Total CEASEFIRE (in
  approximately 6 hours from now, when Israel and Iran have wound down and completed their in
  progress, final missions!), for 12 hours, at which point the War will be considered, ENDED!
  Officially, IRAN will start the CEASEFIRE and, upon the 12th Hour, ISRAEL will start the
  CEASEFIRE and, upon the 24th Hour, an Official END to the 12 DAY WAR will be saluted by the
  World." (Reuters, AP, BBC, quoting the post.)
- In the early hours of Tuesday 24 June (Tehran), Iran's foreign minister Abbas Araghchi posted
  on X: "As of now, there is NO 'agreement' on any ceasefire or cessation of military
  operations. However, provided that the Israeli regime stops its illegal aggression against the
  Iranian people no later than 4am Tehran time, we have no intention to continue our response
  afterwards."
- In the early hours of 24 June (Washington), Trump posted: "THE CEASEFIRE IS NOW IN EFFECT.
  PLEASE DO NOT VIOLATE IT!"
- On the morning of 24 June (Israel), the Israeli military said that missiles had been launched
  from Iran after the ceasefire took effect; Iran's armed forces denied, through Iranian state
  media, having fired any missile after it. Israel's Prime Minister's office said that day that
  Israel had agreed to the President's proposal for a bilateral ceasefire, and, after Trump had
  told Israel not to drop "those bombs" and spoken with Netanyahu, that Israel had struck a radar
  installation near Tehran and refrained from further strikes. Trump told reporters that both
  had violated the ceasefire (Reuters, AP, BBC, Times of Israel).

Times are what the sources gave: Trump's first post, the evening of the 23rd in Washington
(18:00 to midnight, EDT, UTC-4); the ceasefire "now in effect", the early hours of the 24th in
Washington (midnight to 06:00: 04:00 to 10:00 UTC); Araghchi's post, the early hours of the 24th
in Tehran (UTC+3:30); the missiles, the morning of the 24th in Israel (IDT, UTC+3: 06:00 to noon);
the radar strike, the 24th in Israel. The announcement is recorded as a planned ceasefire,
linked with the post saying it took effect: the plan and what came of it. Its phases (Iran first,
Israel twelve hours later) are in its terms: see below.

What an analyst expects, and why (written before the checks were run):
- **Two definite contradictions**: Trump's "fully agreed" against Araghchi's "NO 'agreement'"
  (a key names what each says in his own words; Araghchi's "as of now" does not make it less of
  a dispute when it was said); the Israeli military's account of missiles after the ceasefire
  against the Iranian armed forces' denial.
- **Two possible ceasefire violations**: the missiles (the morning in Israel runs from 03:00 to
  09:00 UTC, and the ceasefire took effect between 04:00 and 10:00 UTC, so they may have come
  before it; the attack is denied; and it rests on Israel's accounts, the adversary's, alone);
  the radar strike (a day in Israel, before or after the ceasefire took effect; told by Israel
  alone, one account). Not definite: none is known to have come after the ceasefire took effect.
  One finding each, not one per readout of the ceasefire.
- Nothing else: no office_not_held (no tenures recorded: Trump, Araghchi and the others are named
  in offices the ledger does not record, listed by ``unrecorded_tenures``), no anachronism (the
  planned ceasefire is announced before it takes effect; the posts are of their own days), no
  readout mismatch (the plan and the post agree on the parties; a plan's time is not compared
  with what took place), no double booking (no calls or meetings).

A model gap, said rather than papered over: the phases (Iran bound from the start, Israel from
the twelfth hour) cannot be said of one ceasefire. Recorded as two ceasefires, each
``declared_by`` one side and pointing at one agreement, they would bind each side from its own
hour; see ``phased=True`` and what the checks gave below.

What the checks gave: for the episode as recorded, all of the above. The phased variant
(``phased=True``: the announcement as Iran's ceasefire, ``declared_by`` Iran, and a planned one
``declared_by`` Israel from the twelfth hour, both pointing at the announced agreement, with the
post "now in effect", which names no declarer, still linked to Iran's) gave, before the fix, a
finding that contradicted itself: "Fighting by Israel ... may have gone on after the ceasefire
declared by Iran alone (not by Israel) took effect". The check bound both sides, as the post
telling the ceasefire as held says, but told the ceasefire, and its time, from its first
readout, the plan. The rule fixed: a violation tells the ceasefire as the readout told as held
says (tests/checks/test_round_three.py). Expected of the phased variant, written after that first
run: the two findings above, the radar strike's now saying "the ceasefire between Israel and
Iran"; and a third possible violation, the radar strike against Israel's own phase, only
planned and from noon in Washington (19:00 in Israel), which the strike, a day in Israel, may
have followed. Israel's phase is a commitment of its own (the record says Israel bound itself
from the twelfth hour), not a second readout of Iran's, so its finding is not the same problem
told twice.
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
    Office,
    Participant,
    Provenance,
    Record,
    SameEvent,
    Source,
    Span,
    Stance,
    Statement,
    Status,
    When,
)

WASHINGTON, JERUSALEM, TEHRAN = "America/New_York", "Asia/Jerusalem", "Asia/Tehran"
RECORDED = datetime(2025, 6, 25, tzinfo=UTC)

EXPECTED = [
    ("ceasefire_violation", "possible"),
    ("ceasefire_violation", "possible"),
    ("contradiction", "definite"),
    ("contradiction", "definite"),
]
EXPECTED_ENTRIES = {
    ("ceasefire_violation", ("announced", "in-effect", "missiles")),
    ("ceasefire_violation", ("announced", "in-effect", "radar-strike")),
    ("contradiction", ("fully-agreed", "no-agreement")),
    ("contradiction", ("missiles", "iran-denies")),
}
EXPECTED_PHASED = [
    ("ceasefire_violation", "possible"),
    ("ceasefire_violation", "possible"),
    ("ceasefire_violation", "possible"),
    ("contradiction", "definite"),
    ("contradiction", "definite"),
]
EXPECTED_UNRECORDED = {("trump", "potus"), ("araghchi", "iran-fm")}


def ledger(*, phased: bool = False) -> Ledger:
    """The episode's ledger; ``phased`` records the phases as two ceasefires of one agreement."""
    trump = Participant("trump", office="potus")
    evening = When.between(
        When.local("2025-06-23 18:00", zone=WASHINGTON),
        When.local("2025-06-23 23:59:59.999999", zone=WASHINGTON),
    )
    early_24 = When.between(
        When.local("2025-06-24 00:00", zone=WASHINGTON),
        When.local("2025-06-24 05:59:59.999999", zone=WASHINGTON),
    )
    tehran_early = When.between(
        When.local("2025-06-24 00:00", zone=TEHRAN),
        When.local("2025-06-24 05:59:59.999999", zone=TEHRAN),
    )
    israel_morning = When.between(
        When.local("2025-06-24 06:00", zone=JERUSALEM),
        When.local("2025-06-24 11:59:59.999999", zone=JERUSALEM),
    )
    israel_24 = When.day("2025-06-24", zone=JERUSALEM)
    records: list[tuple[str, Record]] = [
        ("usa", Actor("United States", ActorKind.STATE)),
        ("israel", Actor("Israel", ActorKind.STATE)),
        ("iran", Actor("Iran", ActorKind.STATE)),
        ("idf", Actor("Israel Defense Forces", ActorKind.ARMED_FORCES, part_of="israel")),
        ("iran-army", Actor("Iranian armed forces", ActorKind.ARMED_FORCES, part_of="iran")),
        (
            "israel-pmo",
            Actor("Prime Minister's Office of Israel", ActorKind.GOVERNMENT, part_of="israel"),
        ),
        ("trump", Actor("Donald Trump", ActorKind.PERSON, aliases=("Trump",))),
        ("araghchi", Actor("Abbas Araghchi", ActorKind.PERSON)),
        ("potus", Office("President of the United States", jurisdiction="usa")),
        ("iran-fm", Office("Minister of Foreign Affairs of Iran", jurisdiction="iran")),
        ("post-23", Source("Trump's post on Truth Social, 23 June", published=evening)),
        ("post-24", Source("Trump's post on Truth Social, 24 June", published=early_24)),
        ("araghchi-x", Source("Araghchi's post on X", published=tehran_early)),
        (
            "israel-reports",
            Source(
                "Israeli military and Prime Minister's Office statements, 24 June",
                published=israel_24,
            ),
        ),
        (
            "iran-media",
            Source("Iranian state media, 24 June", published=When.day("2025-06-24", zone=TEHRAN)),
        ),
        ("remarks", Source("Trump's remarks to reporters at the White House, 24 June")),
        *(
            [
                (
                    "the-deal",
                    Agreement(
                        ("iran", "israel"),
                        Provenance("post-23", via=("trump",)),
                        mediators=("usa",),
                        signed=evening,
                        terms="Iran first; Israel upon the 12th hour",
                    ),
                )
            ]
            if phased
            else []
        ),
        (
            "fully-agreed",
            Claim(
                "trump",
                Stance.ASSERTS,
                Provenance("post-23", via=("trump",)),
                key="ceasefire-agreed",
                when=evening,
                words="It has been fully agreed by and between Israel and Iran that there will be "
                "a Complete and Total CEASEFIRE",
            ),
        ),
        (
            "announced",
            Ceasefire(
                ("iran", "israel"),
                early_24,
                Provenance("post-23", via=("trump",)),
                terms="Iran first; Israel upon the 12th hour; the war ended upon the 24th hour",
                status=Status.PLANNED,
                agreement="the-deal" if phased else None,
                declared_by=("iran",) if phased else (),
            ),
        ),
        (
            "no-agreement",
            Claim(
                "araghchi",
                Stance.DENIES,
                Provenance("araghchi-x", via=("araghchi",)),
                key="ceasefire-agreed",
                office="iran-fm",
                when=tehran_early,
                words="As of now, there is NO 'agreement' on any ceasefire or cessation of "
                "military operations.",
            ),
        ),
        (
            "in-effect",
            Ceasefire(
                ("israel", "iran"),
                early_24,
                Provenance("post-24", via=("trump",)),
                terms="THE CEASEFIRE IS NOW IN EFFECT. PLEASE DO NOT VIOLATE IT!",
            ),
        ),
        ("one-ceasefire", SameEvent(("announced", "in-effect"))),
        (
            "missiles",
            Hostility(
                Span(israel_morning, israel_morning),
                Provenance("israel-reports", via=("idf",)),
                attacker="iran",
                target="israel",
                means=("missiles",),
            ),
        ),
        (
            "iran-denies",
            Claim(
                "iran-army",
                Stance.DENIES,
                Provenance("iran-media", via=("iran-army",)),
                about="missiles",
            ),
        ),
        (
            "israel-agrees",
            Statement(
                "israel-pmo",
                Provenance("israel-reports", via=("israel-pmo",)),
                when=israel_24,
                words="Israel has agreed to the President's proposal for a bilateral ceasefire.",
            ),
        ),
        (
            "radar-strike",
            Hostility(
                Span(israel_24, israel_24),
                Provenance("israel-reports", via=("israel-pmo",)),
                attacker="israel",
                target="iran",
                description="a radar installation near Tehran",
            ),
        ),
        (
            "both-violated",
            Statement(
                trump,
                Provenance("remarks", via=("trump",)),
                when=When.day("2025-06-24", zone=WASHINGTON),
                words="They both violated it.",
            ),
        ),
    ]
    if phased:
        records += [
            (
                "israel-phase",
                Ceasefire(
                    ("iran", "israel"),
                    When.between(
                        When.local("2025-06-24 12:00", zone=WASHINGTON),
                        When.local("2025-06-24 17:59:59.999999", zone=WASHINGTON),
                    ),
                    Provenance("post-23", via=("trump",)),
                    agreement="the-deal",
                    declared_by=("israel",),
                    status=Status.PLANNED,
                ),
            ),
        ]
    return Ledger([Entry(id, RECORDED, record) for id, record in records])
