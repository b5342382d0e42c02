"""The Gaza truce of November 2023: a delayed start, two extensions, and its last hour.

What the public record says:
- On 22 November 2023 Qatar announced an agreement, mediated by Qatar with Egypt and the United
  States, for a four-day humanitarian pause between Israel and Hamas; it was expected to begin
  on the morning of Thursday 23 November, and was put off by a day.
- On 23 November Qatar's foreign ministry spokesman said it would begin at 07:00 local time on
  Friday 24 November (05:00 GMT); it did, for four days.
- On 27 November Qatar announced that it had been extended by two days; on 30 November, shortly
  before it was to end at 07:00, by one more day.
- In the hour before it expired at 07:00 on 1 December, the Israeli military said it had
  intercepted a rocket fired from the Gaza Strip (there was no indication of who launched it),
  and said that Hamas had violated the operational pause and fired toward Israeli territory.
  Israel resumed combat operations as the truce expired; Palestinian sources reported Israeli
  fire minutes after 07:00.

The truce is one entry whose versions follow what was known: planned for Thursday (22 November),
planned for 07:00 on Friday for four days (23 November), in effect (24 November), extended to
30 November (27 November), extended to 1 December (30 November). Gaza and Israel kept UTC+2.

What an analyst expects, and why (written before the checks were run):
- One **possible ceasefire violation**: the rocket in the hour before 07:00 on 1 December, while
  the truce, as extended, was still in force. No record names who fired it; the Israeli
  military, the side fired at, says Hamas did. At most possible.
- **No violation by the resumed fighting**: it began as the truce expired, at 07:00 or after. A
  time-limited truce is not broken after its end, and the end is the one the last extension set,
  not the first.
- No finding as of 28 November (the truce then ran to 30 November, and no fighting during it was
  recorded), nor as of 22 November (a truce planned for Thursday).
- No contradiction (no one is recorded denying anything), no anachronism (the truce is announced
  before it begins; ceasefires often are), no office_not_held (no offices named).

What the checks gave: run first, the one possible violation, and no finding as of 22 or
28 November, as expected; but its explanation said the rocket "may have gone on after the
ceasefire took effect", which was wrong (it surely came after 24 November: the doubt is whether it
came before the truce ended), and said no one was named, though the Israeli military named Hamas.
It now says "may have gone on while the ceasefire ... was in force", that the fighting may have
begun only after the ceasefire ended, and "by Hamas, as 'pause-violated' (a claim) says".
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
    Mediation,
    Provenance,
    Record,
    Source,
    Span,
    Stance,
    Status,
    When,
)

GAZA, DOHA = "Asia/Gaza", "Asia/Qatar"

AGREED = datetime(2023, 11, 22, 12, tzinfo=UTC)
TIMED = datetime(2023, 11, 23, 15, tzinfo=UTC)
BEGAN = datetime(2023, 11, 24, 6, tzinfo=UTC)
EXTENDED = datetime(2023, 11, 27, 18, tzinfo=UTC)
EXTENDED_AGAIN = datetime(2023, 11, 30, 5, tzinfo=UTC)
ENDED = datetime(2023, 12, 1, 12, tzinfo=UTC)

EXPECTED = [("ceasefire_violation", "possible")]
EXPECTED_AS_OF: dict[datetime, list[tuple[str, str]]] = {
    datetime(2023, 11, 22, 18, tzinfo=UTC): [],
    datetime(2023, 11, 28, tzinfo=UTC): [],
}
"""What an analyst expects of the ledger as it was known at a moment, by that moment."""


def gaza(wall: str) -> When:
    return When.local(wall, zone=GAZA)


def day(text: str, zone: str) -> When:
    return When.day(text, zone=zone)


def ledger() -> Ledger:
    """The episode's ledger: the truce's five versions, each recorded when it was told."""

    def truce(source: str, status: Status, effective: When, until: When | None) -> Ceasefire:
        return Ceasefire(
            ("israel", "hamas"),
            effective,
            Provenance(source),
            until=until,
            mediation="mediation",
            status=status,
            terms="a humanitarian pause; hostages and prisoners released; aid let in",
        )

    friday = gaza("2023-11-24 07:00")
    cast: list[tuple[str, Record]] = [
        ("israel", Actor("Israel", ActorKind.STATE)),
        ("hamas", Actor("Hamas", ActorKind.COLLECTIVE)),
        ("qatar", Actor("Qatar", ActorKind.STATE)),
        ("egypt", Actor("Egypt", ActorKind.STATE)),
        ("usa", Actor("United States", ActorKind.STATE)),
        ("idf", Actor("Israel Defense Forces", ActorKind.ARMED_FORCES, part_of="israel")),
        (
            "qatar-22",
            Source("Qatar's announcement of the agreement", published=day("2023-11-22", DOHA)),
        ),
        (
            "mediation",
            Mediation(
                ("qatar", "egypt", "usa"),
                ("israel", "hamas"),
                day("2023-11-22", DOHA),
                Provenance("qatar-22"),
                outcome="a four-day humanitarian pause",
            ),
        ),
    ]
    entries = [Entry(id, AGREED, record) for id, record in cast]
    entries.append(
        Entry(
            "truce",
            AGREED,
            truce(
                "qatar-22",
                Status.PLANNED,
                When.day("2023-11-23", zone=GAZA, text="Thursday morning"),
                None,
            ),
        )
    )
    versions = [
        (
            TIMED,
            "qatar-23",
            "Qatar's foreign ministry spokesman, 23 November",
            day("2023-11-23", DOHA),
            truce("qatar-23", Status.PLANNED, friday, gaza("2023-11-28 07:00")),
        ),
        (
            BEGAN,
            "reports-24",
            "Reports of the truce taking effect",
            day("2023-11-24", GAZA),
            truce("reports-24", Status.OCCURRED, friday, gaza("2023-11-28 07:00")),
        ),
        (
            EXTENDED,
            "qatar-27",
            "Qatar's announcement of a two-day extension",
            day("2023-11-27", DOHA),
            truce("qatar-27", Status.OCCURRED, friday, gaza("2023-11-30 07:00")),
        ),
        (
            EXTENDED_AGAIN,
            "qatar-30",
            "Qatar's announcement of a one-day extension",
            day("2023-11-30", DOHA),
            truce("qatar-30", Status.OCCURRED, friday, gaza("2023-12-01 07:00")),
        ),
    ]
    previous = "truce"
    for recorded, source, title, published, version in versions:
        entries.append(Entry(source, recorded, Source(title, published=published)))
        entries.append(Entry(f"truce-{source}", recorded, version, supersedes=previous))
        previous = f"truce-{source}"
    last_hour = When.between(gaza("2023-12-01 06:00"), gaza("2023-12-01 07:00"))
    said = Provenance("idf-statements", via=("idf",))
    entries += [
        Entry(
            "idf-statements",
            ENDED,
            Source("Israeli military statements of 1 December", published=day("2023-12-01", GAZA)),
        ),
        Entry(
            "rocket",
            ENDED,
            Hostility(
                Span(last_hour, last_hour),
                said,
                target="israel",
                means=("rocket",),
                description="a rocket fired from the Gaza Strip and intercepted, in the hour "
                "before the truce expired; no indication of who launched it",
            ),
        ),
        Entry(
            "pause-violated",
            ENDED,
            Claim(
                "idf",
                Stance.ACCUSES,
                said,
                about="rocket",
                accused="hamas",
                words="Hamas violated the operational pause, and in addition, fired toward "
                "Israeli territory",
            ),
        ),
        Entry(
            "resumed",
            ENDED,
            Hostility(
                Span.ongoing(
                    When.between(gaza("2023-12-01 07:00"), gaza("2023-12-01 07:15")),
                    as_of=day("2023-12-01", GAZA),
                ),
                said,
                attacker="idf",
                target="hamas",
                description="combat operations resumed as the truce expired",
            ),
        ),
    ]
    return Ledger(entries)
