"""What the timeline picture shows, and where: entries on lanes, the broken axis, its labels.

No SVG here: :mod:`diplomacy_ledger.render._svg` draws what this module places.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Final, NamedTuple

from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import (
    Actor,
    Agreement,
    Call,
    Ceasefire,
    Claim,
    Entry,
    Hostility,
    Mediation,
    Medium,
    Meeting,
    Office,
    Place,
    Record,
    Report,
    Source,
    Statement,
    Tenure,
)
from diplomacy_ledger.time import (
    UTC_MAX,
    UTC_MIN,
    Span,
    When,
    first_instant_at_or_after,
    zone_tzinfo,
)

__all__ = ["CHAR_WIDTH", "Item", "Scale", "build_scale", "items", "place_labels", "ticks"]

FONT_SIZE: Final = 10
"""The font size of labels, in px."""
CHAR_WIDTH: Final = 6.4
"""The width, in px, reserved for a character of a label: generous for a 10 px sans-serif face
(DejaVu Sans averages about 6 px), so that labels kept apart here stay apart on screen."""
BREAK_RATIO: Final = 10.0
"""A gap becomes an axis break when it is more than this many times the extent of the shorter
of the two clusters it separates (see :func:`clusters`)."""
MIN_CLUSTER_POINTS: Final = 3
MIN_CLUSTER_SHARE: Final = 0.1
"""A cluster with fewer points than these (a count, a share of all) does not stand alone."""
BREAK_WIDTH: Final = 44.0
"""The width, in px, of every axis break, however long the gap it stands for."""
MIN_CLUSTER_WIDTH: Final = 90.0
"""The least width, in px, a cluster gets."""
CLUSTER_PAD: Final = 10.0
"""Inner margin of each cluster, in px, so that marks at its ends stay clear of a break."""

_XML_BAD: Final = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def text_width(text: str) -> float:
    """The width the layout reserves for ``text`` at :data:`FONT_SIZE`."""
    return len(text) * CHAR_WIDTH


def clean(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids."""
    return _XML_BAD.sub("", text)


def fit(text: str, limit: int) -> str:
    """``text`` on one line, without characters XML forbids, cut to ``limit`` with an ellipsis."""
    flat = " ".join(clean(text).split())
    return flat if len(flat) <= limit else flat[: max(limit - 1, 0)].rstrip() + "…"


# -- the broken axis ---------------------------------------------------------------------------


def clusters(points: Sequence[datetime], max_clusters: int = 10) -> list[tuple[datetime, datetime]]:
    """Group time points into clusters; the gaps between clusters become axis breaks.

    The rule (single linkage, shortest gap first): start with every distinct point alone, and
    take the gaps between neighbouring points from the shortest to the longest (ties left to
    right). Each gap joins the clusters on either side of it, unless it is more than
    :data:`BREAK_RATIO` times the extent (last point minus first) of the shorter of the two and
    that one holds at least :data:`MIN_CLUSTER_POINTS` points and :data:`MIN_CLUSTER_SHARE` of
    all of them: then it stays a break. A burst of detail next to a long gap thus keeps its own
    linear stretch, while a lone point, a pair (a vague day's bounds) or a small burst does not.
    At most ``max_clusters`` remain: the shortest breaks are closed first. The least and greatest
    ``datetime`` (open ends) are not points.
    """
    ordered = sorted({p for p in points if UTC_MIN < p < UTC_MAX})
    if not ordered:
        return []
    lo = list(range(len(ordered)))  # lo[i]/hi[i]: first/last point of i's cluster, kept at ends
    hi = list(range(len(ordered)))
    breaks: list[int] = []
    for i in sorted(range(len(ordered) - 1), key=lambda i: (ordered[i + 1] - ordered[i], i)):
        first, last = lo[i], hi[i + 1]
        extent, count = min(
            (ordered[i] - ordered[first], i - first + 1), (ordered[last] - ordered[i + 1], last - i)
        )
        enough = count >= max(MIN_CLUSTER_POINTS, len(ordered) * MIN_CLUSTER_SHARE)
        if enough and ordered[i + 1] - ordered[i] > extent * BREAK_RATIO:
            breaks.append(i)
        else:
            lo[last], hi[first] = first, last
    breaks.sort()
    while len(breaks) >= max(max_clusters, 1):
        breaks.remove(min(breaks, key=lambda i: (ordered[i + 1] - ordered[i], i)))
    starts, ends = [0, *(i + 1 for i in breaks)], [*breaks, len(ordered) - 1]
    return [(ordered[a], ordered[b]) for a, b in zip(starts, ends, strict=True)]


class Piece(NamedTuple):
    """A stretch of the axis: a cluster laid out linearly, or a break standing for a gap."""

    start: datetime
    end: datetime
    x0: float
    x1: float
    is_break: bool


class Scale:
    """A piecewise-linear map from instants to x: clusters laid out linearly, breaks between."""

    def __init__(self, pieces: Sequence[Piece]) -> None:
        self.pieces = tuple(pieces)
        control: list[tuple[datetime, float]] = []
        for piece in (p for p in self.pieces if not p.is_break):
            if piece.start == piece.end:
                control.append((piece.start, (piece.x0 + piece.x1) / 2))
            else:
                control += [
                    (piece.start, piece.x0 + CLUSTER_PAD),
                    (piece.end, piece.x1 - CLUSTER_PAD),
                ]
        self._times = [t for t, _ in control]
        self._xs = [x for _, x in control]

    def x(self, moment: datetime) -> float:
        """Where ``moment`` lies on the axis; before the first point or after the last, the ends."""
        k = bisect.bisect_right(self._times, moment)
        if k == 0 or k == len(self._times):
            return self._xs[0] if k == 0 else self._xs[-1]
        t0, t1, x0, x1 = self._times[k - 1], self._times[k], self._xs[k - 1], self._xs[k]
        return x0 + (x1 - x0) * ((moment - t0) / (t1 - t0))


def build_scale(
    groups: Sequence[tuple[datetime, datetime]],
    weight: Callable[[datetime, datetime], float],
    left: float,
    right: float,
) -> Scale:
    """Lay out clusters from ``left`` to ``right``, with a break of :data:`BREAK_WIDTH` between.

    Each cluster gets :data:`MIN_CLUSTER_WIDTH`; the rest of the width is shared out in proportion
    to ``weight(start, end)`` (how many marks begin in the cluster), at least 1 each.
    """
    spare = right - left - BREAK_WIDTH * (len(groups) - 1) - MIN_CLUSTER_WIDTH * len(groups)
    shares = [max(weight(a, b), 1.0) for a, b in groups]
    pieces: list[Piece] = []
    x = left
    for index, (start, end) in enumerate(groups):
        width = MIN_CLUSTER_WIDTH + max(spare, 0.0) * shares[index] / sum(shares)
        pieces.append(Piece(start, end, x, x + width, False))
        x += width
        if index + 1 < len(groups):
            pieces.append(Piece(end, groups[index + 1][0], x, x + BREAK_WIDTH, True))
            x += BREAK_WIDTH
    if not pieces:
        pieces.append(Piece(UTC_MIN, UTC_MIN, left, right, False))
    return Scale(pieces)


def gap_label(gap: timedelta) -> str:
    """How long a break's gap is, roughly: ``"≈ 28 years"``, ``"≈ 3 months"``, ``"≈ 5 hours"``."""
    days = gap / timedelta(days=1)
    for unit, length in (("year", 365.25), ("month", 30.44), ("day", 1.0), ("hour", 1 / 24)):
        if days >= length * (1 if unit == "year" else 2):
            count = round(days / length)
            return f"≈ {count} {unit}{'' if count == 1 else 's'}"
    minutes = max(round(days * 1440), 1)
    return f"≈ {minutes} minute{'' if minutes == 1 else 's'}"


# -- ticks -------------------------------------------------------------------------------------

_STEPS: Final = (
    *(("minute", n) for n in (1, 5, 15, 30)),
    *(("hour", n) for n in (1, 3, 6, 12)),
    *(("day", n) for n in (1, 2, 7)),
    *(("month", n) for n in (1, 3, 6)),
    *(("year", n) for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)),
)
_SECONDS: Final = {"minute": 60, "hour": 3600, "day": 86400, "month": 2629800, "year": 31557600}
_MIN_TICK_GAP: Final = 10.0


class Tick(NamedTuple):
    """A tick: its instant, its x, and its label on each row (none for a minor tick)."""

    moment: datetime
    x: float
    labels: tuple[str, ...]


def _floor(wall: datetime, unit: str, n: int) -> datetime:
    wall = wall.replace(second=0, microsecond=0)
    if unit == "minute":
        return wall.replace(minute=wall.minute - wall.minute % n)
    wall = wall.replace(minute=0)
    if unit == "hour":
        return wall.replace(hour=wall.hour - wall.hour % n)
    wall = wall.replace(hour=0)
    if unit == "day":
        return wall
    if unit == "month":
        return wall.replace(day=1, month=wall.month - (wall.month - 1) % n)
    return wall.replace(day=1, month=1, year=max(wall.year - wall.year % n, 1))


def _add(wall: datetime, unit: str, n: int) -> datetime:
    if unit in ("minute", "hour", "day"):
        return wall + timedelta(**{f"{unit}s": n})
    months = wall.year * 12 + wall.month - 1 + (n if unit == "month" else 12 * n)
    return wall.replace(year=months // 12, month=months % 12 + 1)


def _round_times(piece: Piece, zone: str | None, unit: str, n: int) -> Iterator[datetime]:
    """The instants in the piece when clocks in ``zone`` showed a round time (every ``n`` units)."""
    rules = zone_tzinfo(zone) if zone is not None else UTC
    try:
        wall = _floor(piece.start.astimezone(rules).replace(tzinfo=None), unit, n)
        while True:
            moment = (
                wall.replace(tzinfo=UTC) if zone is None else first_instant_at_or_after(wall, zone)
            )
            if moment > piece.end:
                return
            if moment >= piece.start:
                yield moment
            wall = _add(wall, unit, n)
    except (OverflowError, ValueError):
        return


def _label(moment: datetime, rules: tzinfo, unit: str, previous: datetime | None) -> str:
    local = moment.astimezone(rules)
    midnight = local.hour == 0 and local.minute == 0
    if unit == "year" and midnight and (local.month, local.day) == (1, 1):
        return f"{local:%Y}"
    if unit in ("year", "month"):
        return f"{local:%Y-%m}" if midnight and local.day == 1 else f"{local:%Y-%m-%d %H:%M}"
    before = previous.astimezone(rules) if previous is not None else None
    day = f"{local:%m-%d}" if before and before.year == local.year else f"{local:%Y-%m-%d}"
    if midnight:
        return day
    if unit == "day" or before is None or before.date() != local.date():
        return f"{day} {local:%H:%M}"
    return f"{local:%H:%M}"


def ticks(scale: Scale, piece: Piece, zones: Sequence[str | None]) -> list[Tick]:
    """The ticks of one cluster, on round times in the first zone, labelled on a row per zone.

    The step is the finest whose labels keep 8 px apart on every row (those that would stick out
    of the cluster are dropped); the next finer step gives minor ticks. A cluster too short for
    any step is labelled at its middle.
    """
    rules = [zone_tzinfo(z) if z is not None else UTC for z in zones]
    inner = max(piece.x1 - piece.x0 - 2 * CLUSTER_PAD, 1.0)
    extent = (piece.end - piece.start).total_seconds()
    finer: list[datetime] = []
    for unit, n in _STEPS:
        if extent / (_SECONDS[unit] * n) > inner / _MIN_TICK_GAP:
            continue
        moments = list(_round_times(piece, zones[0], unit, n))
        found: list[Tick] = []
        for m in moments:  # a label shows the date when the tick before it had another date
            before = found[-1].moment if found else None
            tick = Tick(m, scale.x(m), tuple(_label(m, r, unit, before) for r in rules))
            if all(_inside(tick.x, label, piece) for label in tick.labels):
                found.append(tick)
        if found and all(_apart(found, row) for row in range(len(rules))):
            labelled = {tick.moment for tick in found}
            minor = [Tick(m, scale.x(m), ()) for m in finer if m not in labelled]
            return sorted([*found, *minor])
        finer = moments
    middle = piece.start + (piece.end - piece.start) / 2
    return [Tick(middle, scale.x(middle), tuple(_label(middle, r, "minute", None) for r in rules))]


def _inside(x: float, label: str, piece: Piece) -> bool:
    return piece.x0 <= x - text_width(label) / 2 and x + text_width(label) / 2 <= piece.x1


def _apart(found: Sequence[Tick], row: int) -> bool:
    return all(
        a.x + (text_width(a.labels[row]) + text_width(b.labels[row])) / 2 + 8 <= b.x
        for a, b in itertools.pairwise(found)
    )


def place_labels(
    wanted: Sequence[tuple[float, float, str]], rows: int, right: float, min_chars: int = 6
) -> list[tuple[int, float, str] | None]:
    """Place one lane's labels on ``rows`` rows so that none overlap; each starts in [from, to].

    Labels are taken by their first possible x; each goes on the first row where it can start,
    at least one character clear of the label before it, no later than its last possible x. A
    label that would run past ``right`` is shortened (never below ``min_chars``). A label that
    fits nowhere is skipped (None): its entry's tooltip keeps it.
    """
    ends = [float("-inf")] * rows
    placed: list[tuple[int, float, str] | None] = [None] * len(wanted)
    for index in sorted(range(len(wanted)), key=lambda i: (wanted[i][0], i)):
        first, last, text = wanted[index]
        for row in range(rows):
            x = max(first, ends[row] + CHAR_WIDTH)
            room = int((right - x) // CHAR_WIDTH)
            if x <= last and room >= min(min_chars, len(text)):
                placed[index] = (row, x, fit(text, room))
                ends[row] = x + text_width(fit(text, room))
                break
    return placed


# -- what to draw, on which lanes ------------------------------------------------------------

_MEDIUM: Final = {Medium.PHONE: "call", Medium.VIDEO: "video call", Medium.WRITTEN: "letter"}
_NO_LANE: Final = {"actor": "(no actor named)", "place": "(no place named)"}


class Item(NamedTuple):
    entry: str
    kind: str
    bounds: tuple[datetime, datetime, datetime, datetime]  # start lo, hi; end lo, hi
    open: bool  # a dashed tail runs on from bounds[3] to the right edge
    symbol: str | None
    lanes: tuple[tuple[str, str, str], ...]  # lane key, lane name, label on that lane
    tooltip: str
    placed: str  # "own", "source" or "subject"


def _current(ledger: Ledger, id: str | None) -> Record | None:
    entry = ledger.current(id) if id is not None and id in ledger else None
    return None if entry is None else entry.record


def _name(ledger: Ledger, id: str | None) -> str:
    record = _current(ledger, id)
    return record.name if isinstance(record, Actor | Place) else str(id)


def _names(ledger: Ledger, ids: Sequence[str], but: str = "") -> str:
    return ", ".join(_name(ledger, id) for id in ids if id != but)


def _gist(ledger: Ledger, id: str | None, depth: int = 0) -> str:
    record = _current(ledger, id)
    if isinstance(record, Claim):
        if record.proposition or record.words:
            return record.proposition or f"“{record.words}”"
        if depth < 3:
            return f"{record.stance.value} {_gist(ledger, record.about, depth + 1)}"
    if isinstance(record, Hostility) and record.description:
        return record.description
    return "?" if record is None else type(record).__name__.lower()


def _placement(ledger: Ledger, record: Record, depth: int = 0) -> tuple[When | Span | None, str]:
    """The record's time, or for a claim, report or statement without one, where to put it."""
    if record.time is not None or depth > 5 or not isinstance(record, Claim | Report | Statement):
        return record.time, "own"
    source = _current(ledger, record.provenance.source)
    if isinstance(source, Source) and source.published is not None:
        return source.published, "source"
    subject = _current(ledger, record.during if isinstance(record, Statement) else record.about)
    time = None if subject is None else _placement(ledger, subject, depth + 1)[0]
    return time, "own" if time is None else "subject"


def _roles(ledger: Ledger, record: Record) -> list[tuple[str, str]]:
    """(actor id, label on its lane) for each actor the record is drawn for."""
    if isinstance(record, Call | Meeting):
        verb = "meets" if isinstance(record, Meeting) else _MEDIUM.get(record.medium, "meets")
        return [(a, f"{verb} {_names(ledger, record.actors, a)}") for a in record.actors]
    if isinstance(record, Statement):
        to = f" to {_names(ledger, record.audience)}" if record.audience else ""
        return [(record.speaker.actor, f"says{to}: {record.words or '…'}")]
    if isinstance(record, Claim):
        what = record.proposition or _gist(ledger, record.about)
        if record.accused is not None:
            return [(record.claimant, f"accuses {_name(ledger, record.accused)}: {what}")]
        if record.about is not None and record.stance.value == "denies":
            what = _gist(ledger, record.about)
        return [(record.claimant, f"{record.stance.value}: {what}")]
    if isinstance(record, Report):
        return [(record.reporter, f"reports: {_gist(ledger, record.about)}")]
    if isinstance(record, Mediation):
        by = [(m, f"mediates: {_names(ledger, record.parties)}") for m in record.mediators]
        return by + [
            (p, f"mediation by {_names(ledger, record.mediators)}") for p in record.parties
        ]
    if isinstance(record, Ceasefire):
        return [(p, f"ceasefire with {_names(ledger, record.parties, p)}") for p in record.parties]
    if isinstance(record, Hostility):
        means = f" ({', '.join(record.means)})" if record.means else ""
        found = []
        if record.attacker is not None:
            whom = f" {_name(ledger, record.target)}" if record.target else ""
            found.append((record.attacker, f"attacks{whom}{means}"))
        if record.target is not None:
            who = _name(ledger, record.attacker) if record.attacker else "unattributed"
            found.append((record.target, f"attacked by {who}{means}"))
        for side in record.between:
            found.append((side, f"fighting with {_names(ledger, record.between, side)}{means}"))
        return found
    if isinstance(record, Agreement):
        title = record.title or "an agreement"
        found = [(p, f"{title} with {_names(ledger, record.parties, p)}") for p in record.parties]
        return found + [(s.actor, f"signs {title}") for s in record.signatories]
    if isinstance(record, Tenure):
        office = _current(ledger, record.office)
        title = office.title if isinstance(office, Office) else record.office
        return [(record.person, title + (" (acting)" if record.acting else ""))]
    if isinstance(record, Source) and record.outlet is not None:
        return [(record.outlet, f"publishes {record.title or 'a source'}")]
    return []


def _lanes(ledger: Ledger, entry: Entry, mode: str) -> tuple[tuple[str, str, str], ...]:
    record, roles = entry.record, _roles(ledger, entry.record)
    label = f"{_name(ledger, roles[0][0])}: {roles[0][1]}" if roles else entry.kind
    if isinstance(record, Hostility):
        label = record.description or "fighting"
    elif isinstance(record, Source):
        label = f"published: {record.title or 'a source'}"
    elif isinstance(record, Actor):
        label = f"{record.name}: lifespan"
    if mode == "place":
        places: tuple[str, ...] = record.places if isinstance(record, Hostility) else ()
        if isinstance(record, Meeting) and record.place is not None:
            places = (record.place,)
        found = [(ledger.origin(p), _name(ledger, p), label) for p in places]
    elif isinstance(record, Actor):
        found = [(ledger.origin(entry.id), record.name, "lifespan")]
    else:
        found = [(ledger.origin(a), _name(ledger, a), text) for a, text in roles]
    return tuple(dict.fromkeys(found)) or (("", _NO_LANE[mode], label),)


def _bounds(time: When | Span) -> tuple[tuple[datetime, datetime, datetime, datetime], bool]:
    """Start's bounds and end's (where the fade ends), and whether a tail runs on after."""
    if isinstance(time, When):
        third = (time.latest - time.earliest) / 3
        return (time.earliest, time.earliest + third, time.latest - third, time.latest), False
    start, end, as_of = time.start, time.end, time.ongoing_as_of
    if end is not None:
        return (start.earliest, start.latest, end.earliest, end.latest), False
    low = start.latest if as_of is None else max(as_of.earliest, start.latest)
    high = low if as_of is None else max(as_of.latest, low)
    return (start.earliest, start.latest, low, high), True


def _tooltip(entry: Entry, time: When | Span, placed: str) -> str:
    record = entry.record
    lines = [f"{entry.id} ({entry.kind})"]
    if placed == "own":
        lines.append(f"time: {time}")
    else:
        what = "its source's publication" if placed == "source" else "the time of its subject"
        lines.append(f"no time of its own; placed at {what}: {time}")
    for field in ("summary", "description", "proposition", "words", "outcome", "terms"):
        value = getattr(record, field, None)
        if isinstance(value, str):
            lines.append(f"{field}: {fit(value, 300)}")
    provenance = getattr(record, "provenance", None)
    if provenance is not None and provenance.quote:
        lines.append(f"quote: {fit(provenance.quote, 300)}")
    return "\n".join(lines)


def items(ledger: Ledger, mode: str) -> tuple[list[Item], list[Entry]]:
    """What to draw of the ledger's current entries, sorted by start; and what not to."""
    found: list[Item] = []
    undrawn: list[Entry] = []
    for entry in ledger.entries():
        record = entry.record
        time, placed = _placement(ledger, record)
        if time is None:
            undrawn.append(entry)
            continue
        symbol = record.stance.value if isinstance(record, Claim) else None
        if isinstance(record, Report | Statement):
            symbol = entry.kind
        bounds, is_open = _bounds(time)
        lanes, tooltip = _lanes(ledger, entry, mode), _tooltip(entry, time, placed)
        found.append(Item(entry.id, entry.kind, bounds, is_open, symbol, lanes, tooltip, placed))
    found.sort(key=lambda item: (item.bounds[0], item.entry))
    return found, undrawn
