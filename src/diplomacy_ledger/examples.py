"""The seed article as a ledger: a worked example built through the public API only.

The project was founded on one news report of 13 September 2022 on the border clashes between
Armenia and Azerbaijan (its text and the outside facts used here are in the project's seed notes).
:func:`seed_ledger` records every sentence of it, and the history it mentions, in a
:class:`~diplomacy_ledger.Ledger`.

What the report does not say stays unknown: it has no outlet, url or hour of publication, so its
:class:`~diplomacy_ledger.Source` has none, and its publication is a whole day in Yerevan
(``PUBLISHED``). Exact historical dates and the tenures come from a second source, the
project's own summary of the public record (``SOURCE_PUBLIC_RECORD``).

Entry ids, besides the constants below:

- states ``armenia``, ``azerbaijan``, ``russia``, ``france``, ``turkey``; governments
  ``armenia-government`` ("Yerevan", "the government in Yerevan"), ``azerbaijan-government``
  ("Baku"), ``russia-government`` ("Moscow", "the Kremlin"); ministries
  ``armenia-defense-ministry``, ``azerbaijan-defense-ministry``; ``azerbaijan-armed-forces``;
  people ``pashinyan``, ``putin``, ``macron``; ``armenian-media``, ``armenian-saboteurs`` and
  ``invasion-reports`` (the unattributed reports of a "full-scale invasion");
- places ``sotk``, ``vardenis``, ``artanish``, ``goris``, ``kapan``, ``ishkhanasar``,
  ``yerevan``, ``baku``, ``moscow``, ``paris``, ``nagorno-karabakh``;
- tenures ``tenure-pashinyan-2018``, ``tenure-pashinyan-acting-2021``, ``tenure-pashinyan-2021``,
  ``tenure-putin-2000``, ``tenure-putin-2012``, ``tenure-macron-2017``.

Modelling choices:

- Azerbaijan's claims that name no body ("Azerbaijani claims", "Baku", "Azerbaijan has denied")
  are made by ``azerbaijan-government``, the actor that speaks for the state; "Azerbaijan's
  defense ministry" is ``azerbaijan-defense-ministry``.
  :meth:`~diplomacy_ledger.Ledger.lineage` leads both to the state. The shelling's attacker is
  ``azerbaijan-armed-forces``, part of the state.
- ``Provenance.via`` names who the article heard a record from, outermost first. Azerbaijan's
  claim that Armenia started the shelling is known only through Yerevan ("Yerevan added"); the
  reports of a "full-scale invasion" are known only as what Baku denounced.
- "Over the weekend" is a window (Saturday and Sunday in Baku): the mining lasted some time within
  it, so its Span starts and ends in that same window.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Batch,
    Call,
    Ceasefire,
    Claim,
    Hostility,
    Ledger,
    Mediation,
    Office,
    Participant,
    Place,
    Provenance,
    Record,
    Report,
    Source,
    Span,
    Stance,
    Statement,
    Tenure,
    When,
    resolve_phrase,
)

__all__ = [
    "CALL_MACRON",
    "CALL_PUTIN",
    "CEASEFIRE_1994",
    "CEASEFIRE_2020",
    "CEASEFIRE_AT",
    "CEASEFIRE_REPORTED",
    "CLAIM_ARMENIA_STARTED",
    "CLAIM_CEASEFIRE_DENIAL",
    "CLAIM_INVASION_DENIAL",
    "CLAIM_INVASION_REPORTS",
    "CLAIM_SABOTEURS",
    "CLAIM_SHELLING",
    "CLAIM_STARTED_DENIAL",
    "EARLY_HOURS",
    "HOSTILITY_2020",
    "HOSTILITY_FIRST_WAR",
    "HOSTILITY_MINING",
    "HOSTILITY_SHELLING",
    "HOSTILITY_SHELLING_ONGOING",
    "MEDIATION_2020",
    "MEDIATION_REPORTED",
    "MIDNIGHT",
    "OFFICE_PM_ARMENIA",
    "OFFICE_PRESIDENT_FRANCE",
    "OFFICE_PRESIDENT_RUSSIA",
    "PUBLISHED",
    "RECORDED_CALLS",
    "RECORDED_CATALOGUE",
    "RECORDED_CEASEFIRE_DENIAL",
    "RECORDED_CEASEFIRE_REPORT",
    "RECORDED_CORRECTION",
    "RECORDED_HISTORY",
    "RECORDED_SHELLING",
    "RECORDED_STARTED_DISPUTE",
    "RECORDED_WEEKEND_AND_INVASION",
    "REPORT_CEASEFIRE",
    "SEED_ZONE",
    "SOURCE_ARTICLE",
    "SOURCE_PUBLIC_RECORD",
    "STATEMENT_TO_MACRON",
    "STATEMENT_TO_PUTIN",
    "WEEKEND",
    "seed_ledger",
]

SEED_ZONE: Final = "Asia/Yerevan"
"""The zone of the report's "local time", Yerevan's clocks."""

PUBLISHED: Final = When.day("2022-09-13", zone=SEED_ZONE)
"""The report's publication, Tuesday 13 September 2022 in Yerevan, hour unknown."""

MIDNIGHT: Final = resolve_phrase("midnight", anchor=PUBLISHED, zone=SEED_ZONE)
"""When the shelling began: 00:00 Tuesday in Yerevan (20:00 UTC on Monday)."""

EARLY_HOURS: Final = resolve_phrase(
    "in the early hours of Tuesday", anchor=PUBLISHED, zone=SEED_ZONE
)
"""When the calls took place: 00:00 to 06:00 (exclusive) on Tuesday in Yerevan."""

WEEKEND: Final = resolve_phrase(
    "over the weekend", anchor=PUBLISHED, zone="Asia/Baku", tense="past"
)
"""Azerbaijan's "over the weekend" (the mining it reports had happened): Saturday 10 and Sunday
11 September, in Baku."""

CEASEFIRE_AT: Final = When.local("2022-09-13 02:30", zone=SEED_ZONE, text="02:30 local time")
"""When the reported ceasefire was to start: 02:30 in Yerevan (22:30 UTC on Monday)."""

# Record times: when the ledger learned each part of the night, all in UTC and in this order.
RECORDED_CATALOGUE: Final = datetime(2022, 9, 13, 2, 0, tzinfo=UTC)
"""Sources, actors, offices, places and tenures (06:00 in Yerevan, after the calls' window)."""
RECORDED_SHELLING: Final = datetime(2022, 9, 13, 2, 15, tzinfo=UTC)
"""The shelling (end unknown) and the Armenian Defense Ministry's claim."""
RECORDED_CALLS: Final = datetime(2022, 9, 13, 2, 30, tzinfo=UTC)
"""The two calls and what Pashinyan said in them."""
RECORDED_STARTED_DISPUTE: Final = datetime(2022, 9, 13, 3, 0, tzinfo=UTC)
"""Azerbaijan's claim that Armenia started the shelling, and Yerevan's denial."""
RECORDED_WEEKEND_AND_INVASION: Final = datetime(2022, 9, 13, 3, 30, tzinfo=UTC)
"""The saboteur accusation, the invasion reports and Baku's denial of them."""
RECORDED_CEASEFIRE_REPORT: Final = datetime(2022, 9, 13, 4, 30, tzinfo=UTC)
"""The mediation and ceasefire Armenian media reported, and their report."""
RECORDED_CEASEFIRE_DENIAL: Final = datetime(2022, 9, 13, 5, 0, tzinfo=UTC)
"""Azerbaijan's denial of the ceasefire."""
RECORDED_CORRECTION: Final = datetime(2022, 9, 13, 5, 30, tzinfo=UTC)
"""The shelling corrected: "The fighting is reportedly ongoing."."""
RECORDED_HISTORY: Final = datetime(2022, 9, 13, 6, 0, tzinfo=UTC)
"""The history the report mentions: the first war, 1994, 2020."""

SOURCE_ARTICLE: Final = "source-article"
SOURCE_PUBLIC_RECORD: Final = "source-public-record"
OFFICE_PM_ARMENIA: Final = "pm-armenia"
OFFICE_PRESIDENT_RUSSIA: Final = "president-russia"
OFFICE_PRESIDENT_FRANCE: Final = "president-france"
HOSTILITY_SHELLING: Final = "hostility-shelling"
HOSTILITY_SHELLING_ONGOING: Final = "hostility-shelling-ongoing"
"""The correction of :data:`HOSTILITY_SHELLING` (supersedes it)."""
CLAIM_SHELLING: Final = "claim-defense-ministry-shelling"
CALL_PUTIN: Final = "call-pashinyan-putin"
CALL_MACRON: Final = "call-pashinyan-macron"
STATEMENT_TO_PUTIN: Final = "statement-pashinyan-to-putin"
STATEMENT_TO_MACRON: Final = "statement-pashinyan-to-macron"
CLAIM_ARMENIA_STARTED: Final = "claim-azerbaijan-armenia-started"
CLAIM_STARTED_DENIAL: Final = "claim-armenia-denies-started"
HOSTILITY_MINING: Final = "hostility-mining"
CLAIM_SABOTEURS: Final = "claim-azerbaijan-accuses-saboteurs"
CLAIM_INVASION_REPORTS: Final = "claim-invasion-reports"
CLAIM_INVASION_DENIAL: Final = "claim-azerbaijan-denies-invasion"
MEDIATION_REPORTED: Final = "mediation-russia-2022"
CEASEFIRE_REPORTED: Final = "ceasefire-2022"
REPORT_CEASEFIRE: Final = "report-armenian-media-ceasefire"
CLAIM_CEASEFIRE_DENIAL: Final = "claim-azerbaijan-denies-ceasefire"
HOSTILITY_FIRST_WAR: Final = "hostility-first-war"
CEASEFIRE_1994: Final = "ceasefire-1994"
HOSTILITY_2020: Final = "hostility-2020"
MEDIATION_2020: Final = "mediation-2020"
CEASEFIRE_2020: Final = "ceasefire-2020"

_PARTIES: Final = ("armenia", "azerbaijan")
_PUBLIC_RECORD: Final = Provenance(SOURCE_PUBLIC_RECORD)
_PM: Final = Participant("pashinyan", office=OFFICE_PM_ARMENIA)
_SHELLED: Final = ("sotk", "vardenis", "goris", "kapan", "artanish", "ishkhanasar")
_TOLD: Final = (
    "provocative, aggressive actions of the Azerbaijani armed forces against the sovereign "
    "territory of Armenia, which began at midnight"
)
_STRESSED: Final = (
    "stressed the importance of an adequate response from the international community"
)
_READOUT: Final = (
    f"In separate phone calls, Pashinyan told Putin and Macron about the “{_TOLD},” and "
    f"“{_STRESSED},” the government in Yerevan said."
)


def _article(*via: str, quote: str | None = None) -> Provenance:
    """Known from the article, relayed by ``via`` (outermost first)."""
    return Provenance(SOURCE_ARTICLE, via, quote=quote)


def _day(day: str, zone: str) -> When:
    return When.day(day, zone=zone)


def seed_ledger() -> Ledger:
    """The seed article's ledger: every sentence of the report, and the history it mentions.

    Built the same way on every call (the record times are the module's constants), so two
    ledgers built by it are equal.

    >>> ledger = seed_ledger()
    >>> [entry.id for entry in ledger.calls_between("Pashinyan", "Macron")]
    ['call-pashinyan-macron']
    >>> ledger.resolve_actor("the government in Yerevan")
    'armenia-government'
    >>> for version in ledger.history(HOSTILITY_SHELLING):  # the correction: still going on
    ...     print(version.id, version.record.time.ongoing_as_of)
    hostility-shelling None
    hostility-shelling-ongoing 2022-09-13[Asia/Yerevan]
    """
    ledger = Ledger()
    with ledger.batch() as batch:
        _sources(batch)
        _actors(batch)
        _places(batch)
        _offices(batch)
    _night(ledger)
    _history(ledger)
    return ledger


def _sources(batch: Batch) -> None:
    at = RECORDED_CATALOGUE
    article = Source(None, published=PUBLISHED, language="en")  # no title, outlet or url known
    batch.append(article, id=SOURCE_ARTICLE, recorded_at=at)
    batch.append(
        Source("The diplomacy-ledger project's summary of the public record (seed notes)"),
        id=SOURCE_PUBLIC_RECORD,
        recorded_at=at,
    )


def _actors(batch: Batch) -> None:
    at = RECORDED_CATALOGUE
    known = When.instant(at)  # the states still existed when the ledger recorded them
    state, government, body = ActorKind.STATE, ActorKind.GOVERNMENT, ActorKind.GOVERNMENT_BODY
    actors = {
        "armenia": Actor(
            "Armenia",
            state,
            lifespan=Span.ongoing(_day("1991-09-21", SEED_ZONE), as_of=known),
            wikidata="Q399",
            iso3="ARM",
            description="Independent since the referendum of 21 September 1991.",
        ),
        "azerbaijan": Actor(
            "Azerbaijan",
            state,
            lifespan=Span.ongoing(_day("1991-08-30", "Asia/Baku"), as_of=known),
            wikidata="Q227",
            iso3="AZE",
            description="Declared independence on 30 August 1991 (restored 18 October 1991).",
        ),
        "russia": Actor("Russia", state, wikidata="Q159", iso3="RUS"),
        "france": Actor("France", state, wikidata="Q142", iso3="FRA"),
        "turkey": Actor("Turkey", state, wikidata="Q43", iso3="TUR"),
        "armenia-government": Actor(
            "Government of Armenia",
            government,
            ("Yerevan", "the government in Yerevan"),
            part_of="armenia",
        ),
        "azerbaijan-government": Actor(
            "Government of Azerbaijan", government, ("Baku",), part_of="azerbaijan"
        ),
        "russia-government": Actor(
            "Government of Russia", government, ("Moscow", "the Kremlin"), part_of="russia"
        ),
        "armenia-defense-ministry": Actor(
            "Defense Ministry of Armenia",
            body,
            ("Armenian Defense Ministry",),
            part_of="armenia-government",
        ),
        "azerbaijan-defense-ministry": Actor(
            "Defense Ministry of Azerbaijan",
            body,
            ("Azerbaijan’s defense ministry",),
            part_of="azerbaijan-government",
        ),
        "azerbaijan-armed-forces": Actor(
            "Azerbaijani armed forces", ActorKind.ARMED_FORCES, part_of="azerbaijan"
        ),
        "pashinyan": Actor("Nikol Pashinyan", ActorKind.PERSON, ("Pashinyan",)),
        "putin": Actor("Vladimir Putin", ActorKind.PERSON, ("Putin",), wikidata="Q7747"),
        "macron": Actor("Emmanuel Macron", ActorKind.PERSON, ("Macron",)),
        "armenian-media": Actor(
            "Armenian media",
            ActorKind.MEDIA,
            description="Armenian media taken together; the report names no outlet.",
            affiliation="armenia",
        ),
        "armenian-saboteurs": Actor(
            "Armenian saboteurs",
            ActorKind.COLLECTIVE,
            description="Whom Azerbaijan's defense ministry accused; the word is Baku's.",
        ),
        "invasion-reports": Actor(
            "Reports of a full-scale invasion",
            ActorKind.COLLECTIVE,
            description="Unattributed reports; the report names no source for them.",
        ),
    }
    for id, actor in actors.items():
        batch.append(actor, id=id, recorded_at=at)


def _places(batch: Batch) -> None:
    armenia, yerevan = ("armenia",), SEED_ZONE
    places = {
        "sotk": Place("Sotk", zone=yerevan, states=armenia, region="Gegharkunik"),
        "vardenis": Place("Vardenis", zone=yerevan, states=armenia, region="Gegharkunik"),
        "artanish": Place("Artanish", zone=yerevan, states=armenia, region="Gegharkunik"),
        "goris": Place("Goris", zone=yerevan, states=armenia, region="Syunik"),
        "kapan": Place("Kapan", zone=yerevan, states=armenia, region="Syunik"),
        # A mountain area (Place has no field to say so).
        "ishkhanasar": Place(
            "Ishkhanasar",
            zone=yerevan,
            states=armenia,
            region="Syunik",
            description="A mountain area",
        ),
        "yerevan": Place("Yerevan", zone=yerevan, states=armenia),
        "baku": Place("Baku", zone="Asia/Baku", states=("azerbaijan",)),
        "moscow": Place("Moscow", zone="Europe/Moscow", states=("russia",)),
        "paris": Place("Paris", zone="Europe/Paris", states=("france",)),
        # Internationally part of Azerbaijan; the article spells it both ways.
        "nagorno-karabakh": Place(
            "Nagorno-Karabakh",
            zone="Asia/Baku",
            states=("azerbaijan",),
            aliases=("Nagorno Karabakh",),
        ),
    }
    for id, place in places.items():
        batch.append(place, id=id, recorded_at=RECORDED_CATALOGUE)


def _offices(batch: Batch) -> None:
    """The three offices and their tenures (days in each office's capital zone).

    A tenure still running is ongoing as of its record time: the ledger knew then that it ran.
    """
    at = RECORDED_CATALOGUE
    pm, russia, france = OFFICE_PM_ARMENIA, OFFICE_PRESIDENT_RUSSIA, OFFICE_PRESIDENT_FRANCE
    batch.append(Office("Prime Minister of Armenia", jurisdiction="armenia"), id=pm, recorded_at=at)
    batch.append(Office("President of Russia", jurisdiction="russia"), id=russia, recorded_at=at)
    batch.append(Office("President of France", jurisdiction="france"), id=france, recorded_at=at)
    zones = {pm: SEED_ZONE, russia: "Europe/Moscow", france: "Europe/Paris"}
    tenures = (  # id, person, office, first day, last day (None: still running), acting
        ("tenure-pashinyan-2018", "pashinyan", pm, "2018-05-08", "2021-04-25", False),
        ("tenure-pashinyan-acting-2021", "pashinyan", pm, "2021-04-25", "2021-08-02", True),
        ("tenure-pashinyan-2021", "pashinyan", pm, "2021-08-02", None, False),
        ("tenure-putin-2000", "putin", russia, "2000-05-07", "2008-05-07", False),
        ("tenure-putin-2012", "putin", russia, "2012-05-07", None, False),
        ("tenure-macron-2017", "macron", france, "2017-05-14", None, False),
    )
    for id, person, office, start, end, acting in tenures:
        first = _day(start, zones[office])
        span = Span(first, _day(end, zones[office])) if end else Span.ongoing(first, as_of=at)
        record = Tenure(person, office, span, acting=acting, provenance=_PUBLIC_RECORD)
        batch.append(record, id=id, recorded_at=at)


def _night(ledger: Ledger) -> None:
    """The night of 12–13 September 2022, in the order the ledger learned it."""
    yerevan = "armenia-government"
    shelling = Hostility(
        Span(MIDNIGHT),
        _article(
            yerevan,
            quote="Azerbaijan opened fire with artillery and drones on several areas along the "
            "border",
        ),
        attacker="azerbaijan-armed-forces",
        target="armenia",
        places=_SHELLED,
        means=("artillery", "drones"),
        description="Shelling of military and civilian infrastructure along the border.",
    )
    with ledger.batch() as batch:
        at = RECORDED_SHELLING
        batch.append(shelling, id=HOSTILITY_SHELLING, recorded_at=at)
        claim = Claim(
            "armenia-defense-ministry",
            Stance.ASSERTS,
            _article("armenia-defense-ministry"),
            about=HOSTILITY_SHELLING,
            proposition="Military and civilian infrastructure in Sotk, Vardenis, Goris, Kapan, "
            "Artanish and Ishkhanasar have been shelled, and there were reports of casualties.",
            words="military and civilian infrastructure in Sotk, Vardenis, Goris, Kapan, "
            "Artanish and Ishkhanasar have been shelled",
        )
        batch.append(claim, id=CLAIM_SHELLING, recorded_at=at)

    with ledger.batch() as batch:
        at = RECORDED_CALLS
        for other, office, call_id, statement_id in (
            ("putin", OFFICE_PRESIDENT_RUSSIA, CALL_PUTIN, STATEMENT_TO_PUTIN),
            ("macron", OFFICE_PRESIDENT_FRANCE, CALL_MACRON, STATEMENT_TO_MACRON),
        ):
            call = Call(
                (_PM, Participant(other, office=office)),
                EARLY_HOURS,
                _article(yerevan, quote=_READOUT),
                summary="Pashinyan told him of the shelling that began at midnight.",
            )
            batch.append(call, id=call_id, recorded_at=at)
            statement = Statement(
                _PM,
                _article(yerevan, quote=_READOUT),
                when=EARLY_HOURS,
                audience=(other,),
                words=f"{_TOLD} … {_STRESSED}",
                channel="phone call",
                during=call_id,
            )
            batch.append(statement, id=statement_id, recorded_at=at)

    with ledger.batch() as batch:
        at = RECORDED_STARTED_DISPUTE
        # "Azerbaijani claims that the shelling was started by Armenia were 'completely false',
        # Yerevan added": Azerbaijan's claim is known only through Yerevan.
        quote = (
            "Azerbaijani claims that the shelling was started by Armenia were “completely "
            "false,” Yerevan added."
        )
        started = Claim(
            "azerbaijan-government",
            Stance.ACCUSES,
            _article(yerevan, quote=quote),
            about=HOSTILITY_SHELLING,
            accused="armenia",
            proposition="The shelling was started by Armenia.",
        )
        batch.append(started, id=CLAIM_ARMENIA_STARTED, recorded_at=at)
        denial = Claim(
            yerevan,
            Stance.DENIES,
            _article(yerevan, quote=quote),
            about=CLAIM_ARMENIA_STARTED,
            words="completely false",
        )
        batch.append(denial, id=CLAIM_STARTED_DENIAL, recorded_at=at)

    with ledger.batch() as batch:
        at = RECORDED_WEEKEND_AND_INVASION
        ministry = "azerbaijan-defense-ministry"
        quote = (
            "Azerbaijan’s defense ministry accused Armenian “saboteurs” of mining roads and "
            "infrastructure on the Azeri side of the border over the weekend, causing an "
            "unspecified number of military casualties."
        )
        mining = Hostility(
            Span(WEEKEND, WEEKEND),  # began and ended some time over the weekend
            _article(ministry, quote=quote),
            attacker="armenian-saboteurs",
            target="azerbaijan",
            means=("mining",),
            description="Mining of roads and infrastructure on the Azeri side of the border, "
            "causing an unspecified number of military casualties.",
        )
        batch.append(mining, id=HOSTILITY_MINING, recorded_at=at)
        accusation = Claim(
            ministry,
            Stance.ACCUSES,
            _article(ministry, quote=quote),
            about=HOSTILITY_MINING,
            accused="armenian-saboteurs",
            proposition="Armenian saboteurs mined roads and infrastructure on the Azeri side of "
            "the border over the weekend, causing an unspecified number of military casualties.",
            words="saboteurs",
        )
        batch.append(accusation, id=CLAIM_SABOTEURS, recorded_at=at)
        quote = (
            "Baku also denounced as “false” the reports of a “full-scale invasion” by "
            "Azerbaijan into Armenian territory."
        )
        baku = "azerbaijan-government"
        reports = Claim(
            "invasion-reports",
            Stance.ASSERTS,
            _article(baku, quote=quote),  # known only as what Baku denounced
            proposition="Azerbaijan launched a full-scale invasion into Armenian territory.",
            words="full-scale invasion",
        )
        batch.append(reports, id=CLAIM_INVASION_REPORTS, recorded_at=at)
        denial = Claim(
            baku,
            Stance.DENIES,
            _article(baku, quote=quote),
            about=CLAIM_INVASION_REPORTS,
            words="false",
        )
        batch.append(denial, id=CLAIM_INVASION_DENIAL, recorded_at=at)

    media = "armenian-media"
    quote = (
        "Armenian media reported that Russia had mediated a ceasefire that would start at 02:30 "
        "local time, but Azerbaijan has denied that."
    )
    with ledger.batch() as batch:
        at = RECORDED_CEASEFIRE_REPORT
        mediation = Mediation(
            ("russia",),
            _PARTIES,
            EARLY_HOURS,
            _article(media, quote=quote),
            outcome="A ceasefire to start at 02:30 local time.",
        )
        batch.append(mediation, id=MEDIATION_REPORTED, recorded_at=at)
        ceasefire = Ceasefire(
            _PARTIES, CEASEFIRE_AT, _article(media, quote=quote), mediation=MEDIATION_REPORTED
        )
        batch.append(ceasefire, id=CEASEFIRE_REPORTED, recorded_at=at)
        report = Report(media, CEASEFIRE_REPORTED, _article(media, quote=quote))
        batch.append(report, id=REPORT_CEASEFIRE, recorded_at=at)

    denial = Claim(
        "azerbaijan-government",
        Stance.DENIES,
        _article("azerbaijan-government", quote=quote),
        about=CEASEFIRE_REPORTED,
    )
    ledger.append(denial, id=CLAIM_CEASEFIRE_DENIAL, recorded_at=RECORDED_CEASEFIRE_DENIAL)

    ongoing = Hostility(
        Span.ongoing(MIDNIGHT, as_of=PUBLISHED),
        _article(
            yerevan, quote=f"{shelling.provenance.quote}. The fighting is reportedly ongoing."
        ),
        attacker=shelling.attacker,
        target=shelling.target,
        places=shelling.places,
        means=shelling.means,
        description=shelling.description,
    )
    ledger.append(
        ongoing,
        id=HOSTILITY_SHELLING_ONGOING,
        recorded_at=RECORDED_CORRECTION,
        supersedes=HOSTILITY_SHELLING,
    )


def _history(ledger: Ledger) -> None:
    """What the report's last paragraphs recall; exact dates from the public record."""
    moscow_midnight = When.local(
        "2020-11-10 00:00", zone="Europe/Moscow", text="10 November 2020 00:00 Moscow time"
    )
    may_1994 = When.month(1994, 5, text="May 1994")  # zone not stated: anywhere on Earth
    history: dict[str, Record] = {
        HOSTILITY_FIRST_WAR: Hostility(
            Span(resolve_phrase("the early 1990s", anchor=PUBLISHED, zone=SEED_ZONE), may_1994),
            _PUBLIC_RECORD,
            places=("nagorno-karabakh",),
            description="The first war over Nagorno-Karabakh: “Armenians prevailed in the early "
            "1990s, establishing control of most of the enclave and territories connecting it "
            "to Armenia proper.”",
        ),
        CEASEFIRE_1994: Ceasefire(_PARTIES, may_1994, _PUBLIC_RECORD, terms="Ended the first war."),
        HOSTILITY_2020: Hostility(
            Span(_day("2020-09-27", "Asia/Baku"), moscow_midnight),
            _PUBLIC_RECORD,
            attacker="azerbaijan",
            places=("nagorno-karabakh",),
            means=("drones",),
            description="“In September 2020, Baku launched a campaign to reclaim the territory, "
            "with the help of Turkish-supplied drones.”",
        ),
        MEDIATION_2020: Mediation(
            ("russia",),
            _PARTIES,
            _day("2020-11-09", "Europe/Moscow"),
            _PUBLIC_RECORD,
            outcome="The trilateral ceasefire statement, signed 9 November 2020.",
        ),
        CEASEFIRE_2020: Ceasefire(
            _PARTIES,
            moscow_midnight,
            _PUBLIC_RECORD,
            mediation=MEDIATION_2020,
            terms="Brokered by Russia, with Russian peacekeepers deployed: “A ceasefire brokered "
            "by Moscow left half of Nagorno-Karabakh inhabited by Armenians and protected by "
            "Russian peacekeepers, while all other territories previously controlled by Yerevan "
            "were ceded back to Baku.”",
        ),
    }
    with ledger.batch() as batch:
        for id, record in history.items():
            batch.append(record, id=id, recorded_at=RECORDED_HISTORY)
