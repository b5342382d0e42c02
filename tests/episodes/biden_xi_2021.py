"""Presidents Biden and Xi, 15/16 November 2021: one virtual meeting, two readouts, two days.

What the public record says:
- The White House: President Biden held a virtual meeting with President Xi Jinping on the evening
  of Monday 15 November 2021, Washington time.
- Xinhua and China's Ministry of Foreign Affairs: on the morning of 16 November, President Xi had a
  virtual meeting with President Biden (Beijing time).
- Biden took office as President of the United States on 20 January 2021 (and left it on
  20 January 2025); Xi has been President of the People's Republic of China since 14 March 2013,
  which a ledger written at the time knows as "in office as of 16 November 2021".

What an analyst expects, and why (written before the checks were run):
- **No finding.** The readouts fall on different calendar days, but 15 November in Washington and
  16 November in Beijing overlap by thirteen hours: they can be one meeting, and they are linked as
  one. Both presidents were in office: Biden's tenure covers the day; Xi's is known to be running
  as of the readout's day and nothing records an end, so a record later that day is no sign that
  he had left office.
- Unlinked, the two readouts are still no finding: two day-long windows that may coincide are not
  two events that must clash.
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
    Office,
    Participant,
    Provenance,
    Record,
    SameEvent,
    Source,
    Span,
    Tenure,
    When,
)

RECORDED = datetime(2021, 11, 17, tzinfo=UTC)
WASHINGTON, BEIJING = "America/New_York", "Asia/Shanghai"

EXPECTED: list[tuple[str, str]] = []


def ledger(*, linked: bool = True) -> Ledger:
    """The episode's ledger; ``linked=False`` leaves out the SameEvent that joins the readouts."""
    biden = Participant("biden", office="potus")
    xi = Participant("xi", office="prc-president")
    records: list[tuple[str, Record]] = [
        ("usa", Actor("United States", ActorKind.STATE)),
        ("china", Actor("China", ActorKind.STATE)),
        ("biden", Actor("Joe Biden", ActorKind.PERSON)),
        ("xi", Actor("Xi Jinping", ActorKind.PERSON)),
        ("potus", Office("President of the United States", jurisdiction="usa")),
        (
            "prc-president",
            Office("President of the People's Republic of China", jurisdiction="china"),
        ),
        (
            "biden-term",
            Tenure(
                "biden",
                "potus",
                Span(
                    When.day("2021-01-20", zone=WASHINGTON), When.day("2025-01-20", zone=WASHINGTON)
                ),
            ),
        ),
        (
            "xi-term",
            Tenure(
                "xi",
                "prc-president",
                Span.ongoing(
                    When.day("2013-03-14", zone=BEIJING), as_of=When.day("2021-11-16", zone=BEIJING)
                ),
            ),
        ),
        (
            "white-house",
            Source(
                "Readout of President Biden's virtual meeting with President Xi",
                published=When.day("2021-11-16", zone=WASHINGTON),
            ),
        ),
        (
            "xinhua",
            Source(
                "President Xi Jinping had a virtual meeting with U.S. President Biden",
                published=When.day("2021-11-16", zone=BEIJING),
            ),
        ),
        (
            "us-readout",
            Call(
                (biden, xi),
                When.day("2021-11-15", zone=WASHINGTON),
                Provenance("white-house"),
                medium=Medium.VIDEO,
            ),
        ),
        (
            "china-readout",
            Call(
                (xi, biden),
                When.day("2021-11-16", zone=BEIJING),
                Provenance("xinhua"),
                medium=Medium.VIDEO,
            ),
        ),
    ]
    if linked:
        records.append(("one-meeting", SameEvent(("us-readout", "china-readout"))))
    return Ledger([Entry(id, RECORDED, record) for id, record in records])
