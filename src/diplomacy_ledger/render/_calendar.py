"""The contact calendar: an actor's contacts per local day as a heat map, in a chosen zone.

One square per day, a column per ISO week (Monday at the top), months named above. A day's
contacts that surely fell on it fill the square, darker for more; contacts that only may have
fallen on it hatch it. Every square's tooltip says both counts. Days the zone skipped are left
out; the calendar is the zone's own (a call early on Tuesday in Yerevan may be Monday in Paris).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from diplomacy_ledger.contacts import ContactCount, contact_counts
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.render._elements import element, group
from diplomacy_ledger.time import skipped_days, validate_zone

__all__ = ["contact_calendar_svg"]

_CELL: Final = 14.0
_GAP: Final = 3.0
_LEFT: Final = 40.0
_TOP: Final = 48.0
_SHADES: Final = ("#c6f6d5", "#68d391", "#38a169", "#276749")
_HATCH: Final = "#2b6cb0"
_DAYS: Final = ("Mon", "", "Wed", "", "Fri", "", "Sun")
_CSS: Final = (
    "text{font:11px sans-serif;fill:#2d3748}.h{font-size:13px;font-weight:bold}"
    ".empty{fill:#edf2f7}.day rect{stroke:#fff;stroke-width:.5}"
)


def _shade(count: int, most: int) -> str:
    if count <= 0:
        return "#edf2f7"
    step = (count - 1) * len(_SHADES) // max(most, 1)
    return _SHADES[min(step, len(_SHADES) - 1)]


def contact_calendar_svg(ledger: Ledger, actor: str, *, zone: str, title: str | None = None) -> str:
    """A self-contained SVG heat map of ``actor``'s contacts per local day of ``zone``.

    Solid: contacts that surely fell on that day (darker for more); hatched: contacts that may
    have. The calendar runs from the first day with a possible contact to the last, whole weeks.
    """
    validate_zone(zone, where="zone")
    who = ledger.actor(actor).name
    counts = {c.first_day: c for c in contact_counts(ledger, actor, per="day", zone=zone)}
    heading = title or f"Contacts of {who} per day ({zone})"
    if not counts:
        return _document(heading, 300.0, 80.0, [element("text", "no contacts", x=_LEFT, y=_TOP)])
    first, last = min(counts), max(counts)
    monday = first - timedelta(days=first.weekday())
    weeks = (last - monday).days // 7 + 1
    most = max(c.definite for c in counts.values()) or 1
    parts = [
        element(
            "pattern",
            id="maybe",
            width=4.0,
            height=4.0,
            patternUnits="userSpaceOnUse",
            patternTransform="rotate(45)",
        )[:-2]
        + ">"
        + element("rect", width=1.5, height=4.0, fill=_HATCH)
        + "</pattern>"
    ]
    parts = ["<defs>", *parts, "</defs>"]
    for row, name in enumerate(_DAYS):
        if name:
            parts.append(element("text", name, x=4.0, y=_TOP + row * (_CELL + _GAP) + 11.0))
    shown_month = None
    skipped = skipped_days(zone)
    day = monday
    while day <= last:
        column = (day - monday).days // 7
        x = _LEFT + column * (_CELL + _GAP)
        y = _TOP + day.weekday() * (_CELL + _GAP)
        if (day.year, day.month) != shown_month and (day.weekday() == 0 or day == monday):
            parts.append(element("text", f"{day:%b %Y}", x=x, y=_TOP - 8.0))
            shown_month = (day.year, day.month)
        if first <= day <= last and day.toordinal() not in skipped:
            parts.append(_square(day, counts.get(day), x, y, most))
        day += timedelta(days=1)
    legend_y = _TOP + 7 * (_CELL + _GAP) + 18.0
    parts += [
        element("rect", x=_LEFT, y=legend_y - 10.0, width=_CELL, height=_CELL, fill=_SHADES[1]),
        element("text", "surely that day", x=_LEFT + _CELL + 4.0, y=legend_y + 1.0),
        element(
            "rect",
            x=_LEFT + 120.0,
            y=legend_y - 10.0,
            width=_CELL,
            height=_CELL,
            fill="url(#maybe)",
        ),
        element("text", "maybe that day", x=_LEFT + 124.0 + _CELL, y=legend_y + 1.0),
    ]
    width = max(_LEFT + weeks * (_CELL + _GAP) + 20.0, 320.0)
    return _document(heading, width, legend_y + 20.0, parts)


def _square(day: date, count: ContactCount | None, x: float, y: float, most: int) -> str:
    definite = count.definite if count else 0
    possible = count.possible if count else 0
    tip = f"{day.isoformat()}: {definite} surely, {possible} at most"
    body = element("rect", x=x, y=y, width=_CELL, height=_CELL, fill=_shade(definite, most))
    if possible > definite:
        body += element("rect", x=x, y=y, width=_CELL, height=_CELL, fill="url(#maybe)")
    data = {"data_day": day.isoformat(), "data_definite": definite, "data_possible": possible}
    return group(tip, class_="day", **data) + body + "</g>"


def _document(title: str, width: float, height: float, parts: list[str]) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}">'
        + element("title", title)
        + element("style", _CSS)
        + element("text", title, class_="h", x=4.0, y=18.0)
        + "".join(parts)
        + "</svg>\n"
    )
