"""The Singapore summit of 2018: announced, called off, back on, held.

What the public record says:
- On 10 May 2018 Donald Trump (President of the United States from 20 January 2017 to
  20 January 2021) announced that his meeting with Kim Jong Un (Chairman of the State Affairs
  Commission of North Korea since 29 June 2016) would take place in Singapore on 12 June.
- On 24 May he called it off in a letter to Kim released by the White House: "the Singapore
  summit ... will not take place".
- On 26 May Kim met South Korea's President Moon Jae-in (in office from 10 May 2017 to
  9 May 2022) at Panmunjom.
- On 1 June Trump received Kim Yong Chol, a senior North Korean official, at the White House,
  and said afterwards that the summit was back on for 12 June.
- On 12 June 2018 Trump and Kim met at the Capella Hotel on Sentosa, Singapore, and signed a
  joint statement.

The summit is one entry whose versions follow what was known: planned (10 May), cancelled
(24 May), planned again (1 June), held (12 June). Each version has the source that told it and
is recorded when it was told, so the ledger as of any day shows what was known that day.

What an analyst expects, and why (written before the checks were run):
- **No finding**, now: the summit took place as planned in the end; the three leaders held their
  offices; nothing overlaps.
- **No finding as of 25 May**: the summit is called off. A cancelled meeting announced in a letter
  of 24 May for 12 June is neither an anachronism nor anyone's appointment.
- **No finding as of 11 May**: a meeting planned for 12 June, announced on 10 May, is a plan
  told before its time, not an event told before it happened.

What the checks gave: no finding, now, as of 25 May and as of 11 May, before the fixes and after.
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
    Source,
    Span,
    Status,
    Tenure,
    When,
)

WASHINGTON, SEOUL, SINGAPORE = "America/New_York", "Asia/Seoul", "Asia/Singapore"
PYONGYANG = "Asia/Pyongyang"

ANNOUNCED = datetime(2018, 5, 10, 18, tzinfo=UTC)
CALLED_OFF = datetime(2018, 5, 24, 18, tzinfo=UTC)
BACK_ON = datetime(2018, 6, 1, 22, tzinfo=UTC)
HELD = datetime(2018, 6, 12, 12, tzinfo=UTC)

EXPECTED: list[tuple[str, str]] = []
EXPECTED_AS_OF: dict[datetime, list[tuple[str, str]]] = {
    datetime(2018, 5, 11, tzinfo=UTC): [],
    datetime(2018, 5, 25, tzinfo=UTC): [],
}
"""What an analyst expects of the ledger as it was known on a day, by that day."""


def day(text: str, zone: str) -> When:
    return When.day(text, zone=zone)


def ledger() -> Ledger:
    """The episode's ledger: the summit's four versions, each recorded when it was told."""
    trump = Participant("trump", office="potus")
    kim = Participant("kim-jong-un", office="sac-chairman")
    summit_day = day("2018-06-12", SINGAPORE)

    def summit(source: str, status: Status, place: str = "singapore") -> Meeting:
        via = () if source == "summit-reports" else ("trump",)
        return Meeting.summit(
            [trump, kim], summit_day, Provenance(source, via=via), place=place, status=status
        )

    cast: list[tuple[str, Record]] = [
        ("usa", Actor("United States", ActorKind.STATE)),
        ("dprk", Actor("North Korea", ActorKind.STATE)),
        ("south-korea", Actor("South Korea", ActorKind.STATE)),
        ("singapore-state", Actor("Singapore", ActorKind.STATE)),
        ("trump", Actor("Donald Trump", ActorKind.PERSON)),
        ("kim-jong-un", Actor("Kim Jong Un", ActorKind.PERSON)),
        ("moon", Actor("Moon Jae-in", ActorKind.PERSON)),
        ("kim-yong-chol", Actor("Kim Yong Chol", ActorKind.PERSON)),
        ("potus", Office("President of the United States", jurisdiction="usa")),
        (
            "sac-chairman",
            Office("Chairman of the State Affairs Commission", jurisdiction="dprk"),
        ),
        ("president-rok", Office("President of South Korea", jurisdiction="south-korea")),
        (
            "trump-term",
            Tenure(
                "trump", "potus", Span(day("2017-01-20", WASHINGTON), day("2021-01-20", WASHINGTON))
            ),
        ),
        (
            "kim-term",
            Tenure(
                "kim-jong-un",
                "sac-chairman",
                Span.ongoing(day("2016-06-29", PYONGYANG), as_of=day("2018-06-12", SINGAPORE)),
            ),
        ),
        (
            "moon-term",
            Tenure(
                "moon", "president-rok", Span(day("2017-05-10", SEOUL), day("2022-05-09", SEOUL))
            ),
        ),
        ("singapore", Place("Singapore", zone=SINGAPORE, states=("singapore-state",))),
        (
            "capella",
            Place("Capella Hotel, Sentosa", zone=SINGAPORE, states=("singapore-state",)),
        ),
        ("panmunjom", Place("Panmunjom", zone=SEOUL, states=("south-korea", "dprk"))),
        ("white-house", Place("White House", zone=WASHINGTON, states=("usa",))),
        ("tweet", Source("Trump's post of 10 May 2018", published=day("2018-05-10", WASHINGTON))),
    ]
    entries = [Entry(id, ANNOUNCED, record) for id, record in cast]
    entries.append(Entry("summit", ANNOUNCED, summit("tweet", Status.PLANNED)))
    entries += [
        Entry(
            "letter",
            CALLED_OFF,
            Source("Trump's letter to Kim of 24 May 2018", published=day("2018-05-24", WASHINGTON)),
        ),
        Entry(
            "summit-called-off",
            CALLED_OFF,
            summit("letter", Status.CANCELLED),
            supersedes="summit",
        ),
        Entry(
            "panmunjom-reports",
            datetime(2018, 5, 26, 12, tzinfo=UTC),
            Source("Reports of the Panmunjom meeting", published=day("2018-05-26", SEOUL)),
        ),
        Entry(
            "panmunjom-meeting",
            datetime(2018, 5, 26, 12, tzinfo=UTC),
            Meeting.summit(
                [Participant("moon", office="president-rok"), kim],
                day("2018-05-26", SEOUL),
                Provenance("panmunjom-reports"),
                place="panmunjom",
            ),
        ),
        Entry(
            "remarks",
            BACK_ON,
            Source("Trump's remarks of 1 June 2018", published=day("2018-06-01", WASHINGTON)),
        ),
        Entry(
            "oval-office",
            BACK_ON,
            Meeting(
                trump,
                ["kim-yong-chol"],
                day("2018-06-01", WASHINGTON),
                Provenance("remarks", via=("trump",)),
                place="white-house",
            ),
        ),
        Entry(
            "summit-back-on",
            BACK_ON,
            summit("remarks", Status.PLANNED),
            supersedes="summit-called-off",
        ),
        Entry(
            "summit-reports",
            HELD,
            Source("Reports of the Singapore summit", published=summit_day),
        ),
        Entry(
            "summit-held",
            HELD,
            summit("summit-reports", Status.OCCURRED, place="capella"),
            supersedes="summit-back-on",
        ),
        Entry(
            "joint-statement",
            HELD,
            Agreement(
                ("usa", "dprk"),
                Provenance("summit-reports"),
                title="Joint Statement of President Trump and Chairman Kim Jong Un at the "
                "Singapore Summit",
                signatories=[trump, kim],
                signed=summit_day,
            ),
        ),
    ]
    return Ledger(entries)
