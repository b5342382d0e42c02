"""Trump's calls with Putin and with Zelensky, 12 February 2025: one day, three clocks, both sides.

What the public record says:
- On Wednesday 12 February 2025 Donald Trump (President of the United States since
  20 January 2025) posted that he had just had "a lengthy and highly productive phone call" with
  Vladimir Putin, and that he would begin by calling President Zelensky of Ukraine to inform him
  of it, "something which I will be doing right now".
- The Kremlin's spokesman, Dmitry Peskov, told of the same call that day: it lasted nearly an
  hour and a half.
- Trump then spoke with Volodymyr Zelensky; both told of the call that day (Trump in a second
  post, Zelensky in his own).
- The same day the US Treasury Secretary, Scott Bessent, met Zelensky in Kyiv.
- Putin has been President of Russia since 7 May 2012; Zelensky President of Ukraine since
  20 May 2019.

Each side's readout is recorded with its own day on its own clock: Washington (UTC-5), Moscow
(UTC+3), Kyiv (UTC+2). Trump's announcement that he would call Zelensky is recorded as a planned
call, linked with the two readouts of the call that followed.

What an analyst expects, and why (written before the checks were run):
- **No finding.** 12 February in Washington and 12 February in Moscow (or Kyiv) overlap by most
  of a day: the readouts of each call agree, and they are linked.
- No double booking: Trump's two calls, and Zelensky's call and his meeting with Bessent, fall
  somewhere in the same day; nothing puts them at the same time.
- The announced call is no anachronism (a plan announced on the day it is carried out), and,
  linked with the readouts of the call that took place, the event is known to have occurred.
- No office_not_held: the three presidents' tenures run through the day.

What the checks gave: no finding, before the fixes and after. (The attacks this episode suggested
did find defects: a plan linked with the call that carried it out made any finding about that call
"only planned", and a plan put off made its planned time count; see tests/checks/test_status.py.)
"""

from __future__ import annotations

from datetime import UTC, datetime

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Entry,
    Ledger,
    Meeting,
    Office,
    Participant,
    Place,
    Provenance,
    Record,
    SameEvent,
    Source,
    Span,
    Status,
    Tenure,
    When,
)

WASHINGTON, MOSCOW, KYIV = "America/New_York", "Europe/Moscow", "Europe/Kyiv"
RECORDED = datetime(2025, 2, 13, 12, tzinfo=UTC)

EXPECTED: list[tuple[str, str]] = []


def day(zone: str) -> When:
    """12 February 2025 on the clocks of ``zone``."""
    return When.day("2025-02-12", zone=zone)


def ledger() -> Ledger:
    """The episode's ledger, every readout with the source that told it."""
    as_of = When.day("2025-02-13", zone=WASHINGTON)

    def tenure(person: str, office: str, start: str, zone: str) -> Tenure:
        return Tenure(person, office, Span.ongoing(When.day(start, zone=zone), as_of=as_of))

    trump = Participant("trump", office="potus")
    putin = Participant("putin", office="president-russia")
    zelensky = Participant("zelensky", office="president-ukraine")
    records: list[tuple[str, Record]] = [
        ("usa", Actor("United States", ActorKind.STATE)),
        ("russia", Actor("Russia", ActorKind.STATE)),
        ("ukraine", Actor("Ukraine", ActorKind.STATE)),
        ("trump", Actor("Donald Trump", ActorKind.PERSON)),
        ("putin", Actor("Vladimir Putin", ActorKind.PERSON)),
        ("zelensky", Actor("Volodymyr Zelensky", ActorKind.PERSON)),
        ("peskov", Actor("Dmitry Peskov", ActorKind.PERSON)),
        ("bessent", Actor("Scott Bessent", ActorKind.PERSON)),
        ("potus", Office("President of the United States", jurisdiction="usa")),
        ("president-russia", Office("President of Russia", jurisdiction="russia")),
        ("president-ukraine", Office("President of Ukraine", jurisdiction="ukraine")),
        ("trump-term", tenure("trump", "potus", "2025-01-20", WASHINGTON)),
        ("putin-term", tenure("putin", "president-russia", "2012-05-07", MOSCOW)),
        ("zelensky-term", tenure("zelensky", "president-ukraine", "2019-05-20", KYIV)),
        ("kyiv", Place("Kyiv", zone=KYIV, states=("ukraine",))),
        ("post-putin", Source("Trump's post on the call with Putin", published=day(WASHINGTON))),
        ("kremlin", Source("Peskov's account of the call", published=day(MOSCOW))),
        (
            "post-zelensky",
            Source("Trump's post on the call with Zelensky", published=day(WASHINGTON)),
        ),
        ("zelensky-post", Source("Zelensky's post on the call", published=day(KYIV))),
        ("record", Source("News reports of Bessent's visit to Kyiv", published=day(KYIV))),
        (
            "us-putin",
            Call(
                [trump, putin],
                day(WASHINGTON),
                Provenance("post-putin", via=("trump",)),
                summary="a lengthy and highly productive phone call",
            ),
        ),
        (
            "ru-putin",
            Call(
                [putin, trump],
                day(MOSCOW),
                Provenance("kremlin", via=("peskov",)),
                summary="nearly an hour and a half",
            ),
        ),
        ("putin-call", SameEvent(("us-putin", "ru-putin"))),
        (
            "announced",
            Call(
                [trump, zelensky],
                day(WASHINGTON),
                Provenance("post-putin", via=("trump",)),
                status=Status.PLANNED,
                summary="something which I will be doing right now",
            ),
        ),
        (
            "us-zelensky",
            Call([trump, zelensky], day(WASHINGTON), Provenance("post-zelensky", via=("trump",))),
        ),
        (
            "ua-zelensky",
            Call([zelensky, trump], day(KYIV), Provenance("zelensky-post", via=("zelensky",))),
        ),
        ("zelensky-call", SameEvent(("announced", "us-zelensky", "ua-zelensky"))),
        (
            "bessent-visit",
            Meeting(zelensky, ["bessent"], day(KYIV), Provenance("record"), place="kyiv"),
        ),
    ]
    return Ledger([Entry(id, RECORDED, record) for id, record in records])
