"""The last days before the invasion of Ukraine, 20-24 February 2022: one week of leaders' calls.

What the public record says (readouts of the Elysée, the Kremlin, the White House, the German
government and the Ukrainian presidency, as reported at the time):
- Sunday 20 February: Macron spoke with Putin from 11:00 (Paris), for 1 h 45; then with Zelensky;
  then with Biden for about a quarter of an hour (the Elysée and the White House each say
  "Sunday", in their own zones); then with Putin again, for an hour.
- Monday 21 February: Putin told Macron and Scholz by phone that he would recognise the two
  breakaway regions (the Kremlin's readout: that day, in Moscow). Biden spoke with Zelensky that
  Monday (Washington).
- Tuesday 22 February: Blinken called off his meeting with Lavrov, set for Thursday 24 February
  in Geneva.
- The night of 23 to 24 February: Zelensky called Biden as the invasion began (after 22:00 in
  Washington, 05:00 in Kyiv; reported as over at 00:04 Washington time); Zelensky's readout says
  24 February, Kyiv.
- Thursday 24 February: the G7 leaders met by video, convened by Scholz (announced on
  18 February for that Thursday), and Macron called Putin again (the Elysée: that day).

What an analyst expects, and why (written before running the questions):
- 10 contacts: the Geneva meeting was called off, the two readouts of the Macron-Biden call and
  of the Biden-Zelensky call are one call each, the G7's announcement and the meeting one event.
- Macron and Putin last spoke on 24 February, definitely. Before 21 February (a day in Paris)
  the times cannot say which of three calls was the last: the second call of the 20th is known
  only as that day, and the Kremlin's call of the 21st (a day in Moscow) may have begun before
  midnight in Paris.
- Biden per day: in Washington, the 20th and 21st surely, then two contacts that may each be on
  the 23rd or the 24th; in Kyiv, the Zelensky call surely on the 24th, the others each on one of
  two days. Per ISO week (Monday to Sunday) in Kyiv, the Macron call of Sunday the 20th may fall
  in week 7 or 8.
- The graph: 9 leaders, 25 pairs (21 among the seven at the G7), Macron-Putin four calls.
- Russia, the state, took part in none of these contacts: its president's calls are his.
"""

from __future__ import annotations

from datetime import UTC, datetime

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Entry,
    Ledger,
    Medium,
    Meeting,
    Provenance,
    Record,
    SameEvent,
    Source,
    Status,
    When,
)

PARIS, MOSCOW, WASHINGTON = "Europe/Paris", "Europe/Moscow", "America/New_York"
KYIV, BERLIN, GENEVA = "Europe/Kyiv", "Europe/Berlin", "Europe/Zurich"
RECORDED = datetime(2022, 2, 25, tzinfo=UTC)

LEADERS = {
    "macron": ("Emmanuel Macron", ("Macron",)),
    "putin": ("Vladimir Putin", ("Putin",)),
    "zelensky": ("Volodymyr Zelensky", ("Zelensky", "Zelenskyy")),
    "biden": ("Joe Biden", ("Biden",)),
    "scholz": ("Olaf Scholz", ("Scholz",)),
    "johnson": ("Boris Johnson", ()),
    "draghi": ("Mario Draghi", ()),
    "kishida": ("Fumio Kishida", ()),
    "trudeau": ("Justin Trudeau", ()),
    "blinken": ("Antony Blinken", ("Blinken",)),
    "lavrov": ("Sergey Lavrov", ("Lavrov",)),
}


def _call(people: tuple[str, ...], when: When, source: str, **fields: object) -> Call:
    return Call(people, when, Provenance(source), **fields)  # type: ignore[arg-type]


def ledger() -> Ledger:
    """The episode's ledger."""
    records: list[tuple[str, Record]] = [
        ("russia", Actor("Russia", ActorKind.STATE, aliases=("Russian Federation",))),
    ]
    records += [
        (id, Actor(name, ActorKind.PERSON, aliases=aliases))
        for id, (name, aliases) in LEADERS.items()
    ]
    records += [
        ("elysee", Source("Elysée readouts")),
        ("kremlin", Source("Kremlin readouts")),
        ("white-house", Source("White House statements")),
        ("bundesregierung", Source("German government")),
        ("ukraine-presidency", Source("Office of the President of Ukraine")),
        ("state-department", Source("U.S. Department of State")),
        (
            "macron-putin-1",
            _call(("macron", "putin"), When.local("2022-02-20 11:00", zone=PARIS), "elysee"),
        ),
        (
            "macron-zelensky",
            _call(("macron", "zelensky"), When.day("2022-02-20", zone=PARIS), "elysee"),
        ),
        (
            "macron-biden-fr",
            _call(("macron", "biden"), When.day("2022-02-20", zone=PARIS), "elysee"),
        ),
        (
            "macron-biden-us",
            _call(("biden", "macron"), When.day("2022-02-20", zone=WASHINGTON), "white-house"),
        ),
        ("macron-biden", SameEvent(("macron-biden-fr", "macron-biden-us"))),
        (
            "macron-putin-2",
            _call(("macron", "putin"), When.day("2022-02-20", zone=PARIS), "elysee"),
        ),
        (
            "putin-macron-21",
            _call(("putin", "macron"), When.day("2022-02-21", zone=MOSCOW), "kremlin"),
        ),
        (
            "putin-scholz-21",
            _call(("putin", "scholz"), When.day("2022-02-21", zone=MOSCOW), "kremlin"),
        ),
        (
            "biden-zelensky-21",
            _call(("biden", "zelensky"), When.day("2022-02-21", zone=WASHINGTON), "white-house"),
        ),
        (
            "blinken-lavrov",
            Meeting.summit(
                ("blinken", "lavrov"),
                When.day("2022-02-24", zone=GENEVA),
                Provenance("state-department"),
                status=Status.CANCELLED,
            ),
        ),
        (
            "biden-zelensky-us",
            _call(
                ("zelensky", "biden"),
                When.between(
                    When.local("2022-02-23 22:00", zone=WASHINGTON),
                    When.local("2022-02-24 00:04", zone=WASHINGTON),
                ),
                "white-house",
                initiator="zelensky",
            ),
        ),
        (
            "biden-zelensky-ua",
            _call(("zelensky", "biden"), When.day("2022-02-24", zone=KYIV), "ukraine-presidency"),
        ),
        ("biden-zelensky", SameEvent(("biden-zelensky-us", "biden-zelensky-ua"))),
        (
            "g7-announced",
            Meeting(
                "scholz",
                ("biden", "macron", "johnson", "draghi", "kishida", "trudeau"),
                When.day("2022-02-24", zone=BERLIN),
                Provenance("bundesregierung"),
                medium=Medium.VIDEO,
                status=Status.PLANNED,
            ),
        ),
        (
            "g7",
            Meeting(
                "scholz",
                ("biden", "macron", "johnson", "draghi", "kishida", "trudeau"),
                When.day("2022-02-24", zone=BERLIN),
                Provenance("bundesregierung"),
                medium=Medium.VIDEO,
            ),
        ),
        ("g7-one-meeting", SameEvent(("g7-announced", "g7"))),
        (
            "macron-putin-24",
            _call(("macron", "putin"), When.day("2022-02-24", zone=PARIS), "elysee"),
        ),
    ]
    return Ledger([Entry(id, RECORDED, record) for id, record in records])
