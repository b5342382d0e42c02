"""The timeline picture: a self-contained SVG of a ledger's entries, in lanes, with its findings."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Final, Literal, NamedTuple

from diplomacy_ledger._errors import LedgerError
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import Entry, Finding
from diplomacy_ledger.render import _layout as layout
from diplomacy_ledger.render._elements import element as _el
from diplomacy_ledger.render._elements import group as _group
from diplomacy_ledger.render._layout import Item, fit, place_labels, text_width, ticks
from diplomacy_ledger.time import validate_zone

__all__ = ["CHAR_WIDTH", "LABEL_ROWS", "LANE_HEIGHT", "WIDTH", "svg_id", "timeline_svg"]

CHAR_WIDTH: Final = layout.CHAR_WIDTH
WIDTH: Final = 1600.0
"""The width of the picture, in px (it scales: the SVG has a viewBox)."""
LANE_HEIGHT: Final = 46.0
"""The height of a lane: a band of marks, then ``LABEL_ROWS`` rows of labels."""
LABEL_ROWS: Final = 2
MAX_LABEL_CHARS: Final = 34
_COLUMN: Final = 200.0  # lane names left of it
_LEFT, _RIGHT = _COLUMN + 10.0, WIDTH - 30.0  # the plot
_BAR: Final = 10.0
_EVENTFUL: Final = frozenset({"call", "meeting", "statement", "claim", "report"})
_PALETTE: Final = (
    "call=#2b6cb0 meeting=#2b6cb0 statement=#2c7a7b claim=#6b46c1 report=#b7791f mediation=#2f855a "
    "ceasefire=#38a169 hostility=#c05621 tenure=#4a5568 actor=#a0aec0 source=#718096"
)
_COLOURS: Final = {kind: colour for kind, _, colour in (p.partition("=") for p in _PALETTE.split())}
_BACKGROUND: Final = {"actor": 4.0, "tenure": 6.0}  # thinner bars, and no weight on the axis
_SYMBOLS: Final = ("asserts", "denies", "accuses", "report", "statement")
_RED: Final = "#e11d48"


def svg_id(entry_id: str) -> str:
    """The SVG id of an entry's element: ``entry-`` and the id, with ``_:/@`` written ``_hh``."""
    return "entry-" + "".join(f"_{ord(c):02x}" if c in "_:/@" else c for c in entry_id)


def timeline_svg(
    ledger: Ledger,
    findings: Sequence[Finding] = (),
    *,
    zone: str | None = None,
    lanes: Literal["actor", "place"] = "actor",
    title: str | None = None,
) -> str:
    """Draw the ledger's current entries as a timeline: a self-contained SVG document.

    **Lanes.** One per actor (``lanes="actor"``: participants, claimants, reporters, speakers,
    mediators and parties, attackers and targets, a tenure's holder, an actor for its own
    lifespan, a source's outlet) or per place (``lanes="place"``: a meeting's place, a
    hostility's places), named by its current name and ordered by the first time drawn on it
    (ties by name). Entries that name none share a last lane. A name too long for the lane
    column is cut; the lane's ``<title>`` keeps it whole.

    **Marks.** An exact instant is a tick. An imprecise time is a bar with soft ends: a Span fades
    in from its start's earliest bound to its latest and out from its end's earliest to its
    latest; an imprecise When fades in over its first third and out over its last. An open end
    (unknown, or "ongoing as of") fades over the "as of" window, then runs on as a dashed tail
    to the right edge, ending in an arrow. Calls, meetings and mediations join their
    participants' lanes with a vertical connector at their time. Claims are symbols on the
    claimant's lane (● asserts, ✕ denies, ▶ accuses), reports (■) on the reporter's, statements
    (◆) on the speaker's, over a faint bar when their time is imprecise; symbols that would touch
    are pushed right. One without a time of its own is placed at its source's publication if
    known, else at its subject's time (what it is about, or the call it was made in); else it
    is listed in the "not placed" note, with the entries that have no event time (actors,
    places, offices…).

    **Axis.** Piecewise-linear with breaks. The time points (every finite bound drawn) are
    clustered (``clusters``: a gap is a break when both sides
    hold at least 3 points and it is more than 10 times as long as the shorter side). Each
    cluster is laid out linearly over a width in proportion to the marks that begin in it
    (tenures and lifespans aside; at least 90 px), and each gap is a 44 px break drawn as a
    zigzag and labelled with its length ("≈ 28 years"). Open ends and ``datetime.min``/``max``
    are never points. Ticks fall on round times in ``zone`` (an IANA key or offset; default UTC),
    labelled in it, with UTC on a second row.

    **Labels.** Each mark has a short label under it, cut to 34 characters. A lane has
    ``LABEL_ROWS`` rows of labels; a label that would overlap another on every row is
    skipped (the entry's tooltip keeps it). Overlap is judged with ``CHAR_WIDTH`` px per
    character.

    **Findings.** Each is a ``<g class="finding" data-entries="id1 id2">`` with its explanation
    as ``<title>``: a red halo round every mark of its entries (dashed when only possible) and a
    line in the list of findings.

    Every drawn entry is a ``<g id="entry-…" data-entry="…" data-kind="…">`` (see ``svg_id``)
    with its full description as ``<title>``. The same input gives the same bytes.
    """
    if lanes not in ("actor", "place"):
        raise LedgerError(f"lanes is 'actor' or 'place', not {lanes!r}")
    if zone is not None:
        zone = validate_zone(zone, where="timeline_svg(zone=)")
    drawn, undrawn = layout.items(ledger, lanes)
    latest = {e.id: c.id for e in ledger if (c := ledger.current(e.id)) and c.id != e.id}
    return _Drawing(drawn, undrawn, list(findings), latest, zone).render(title or "Timeline")


# -- drawing -----------------------------------------------------------------------------------

_CSS: Final = (
    ".label{stroke:#fff;stroke-width:3;stroke-opacity:.7;paint-order:stroke}"
    "text{fill:#2d3748;stroke:none}.sub,.utc{fill:#718096}.h{font-size:12px;font-weight:bold}"
    ".zone{font-weight:bold;text-anchor:end}.tick{text-anchor:middle}"
    ".gap{text-anchor:middle;font-style:italic}.grid{stroke:#cbd5e0}.minor{stroke:#edf2f7}"
    ".axis{stroke:#2d3748;stroke-width:1.2}.band{fill:#e2e8f0;fill-opacity:.5}"
    ".zigzag{stroke:#718096;fill:none}.odd{fill:#f1f5f9}.even{fill:#fff}"
    ".halo{fill:#e11d48;fill-opacity:.06;stroke:#e11d48;stroke-width:2}"
    ".possible .halo{stroke-dasharray:5 3}.finding text{fill:#e11d48}.entry rect{stroke:none}"
    ".open-end{fill:none;stroke-width:2;stroke-dasharray:6 3;stroke-opacity:.8}"
    ".link{stroke-width:1.5}.instant{stroke-width:2.5}.range{fill-opacity:.45}"
    ".symbol{stroke:#fff;stroke-width:.8}.denies{fill:none;stroke-width:2.5;stroke-linecap:round}"
    + "".join(f".k-{kind}{{fill:{colour};stroke:{colour}}}" for kind, colour in _COLOURS.items())
)


def _symbol(symbol: str, x: float, y: float) -> str:
    if symbol == "asserts":
        return _el("circle", cx=x, cy=y, r=4.5)
    if symbol == "denies":
        return _el("path", class_="denies", d=f"M{x - 4:.1f},{y - 4:.1f} l8,8 m0,-8 l-8,8")
    shape = {"accuses": "m-4,-5 l9,5 l-9,5 z", "report": "m-4,-4 h8 v8 h-8 z"}
    d = f"M{x:.1f},{y:.1f} " + shape.get(symbol, "m0,-5 l5,5 l-5,5 l-5,-5 z")
    return _el("path", class_="symbol", d=d)


class _Mark(NamedTuple):
    item: Item
    lane: int
    x0: float
    x1: float
    cx: float  # where the symbol, tick or connector goes
    label: str


class _Drawing:
    def __init__(
        self,
        items: list[Item],
        undrawn: list[Entry],
        findings: list[Finding],
        latest: dict[str, str],  # an old version's id: the current version's
        zone: str | None,
    ) -> None:
        self.items, self.undrawn, self.findings, self.latest = items, undrawn, findings, latest
        self.zones = [zone, None] if zone is not None else [None]
        self.out: list[str] = []
        self.gradients: dict[tuple[str, tuple[tuple[float, float], ...]], str] = {}
        first: dict[str, tuple[datetime, str]] = {}
        for item in items:  # sorted by start: the first seen is the first in time
            for key, name, _ in item.lanes:
                first.setdefault(key, (item.bounds[0], name))
        self.lanes = sorted(first, key=lambda k: (k == "", first[k][0], first[k][1], k))
        self.lane_of = {key: index for index, key in enumerate(self.lanes)}
        self.names = [first[key][1] for key in self.lanes]

    def _layout(self) -> None:
        weighty = [i.bounds[0] for i in self.items if i.kind not in _BACKGROUND for _ in i.lanes]
        groups = layout.clusters([t for item in self.items for t in item.bounds])
        weight = lambda a, b: sum(1.0 for s in weighty if a <= s <= b)  # noqa: E731
        self.scale = layout.build_scale(groups, weight, _LEFT, _RIGHT)
        self.marks: list[_Mark] = []
        for item in self.items:
            x0, x1 = self.scale.x(item.bounds[0]), self.scale.x(item.bounds[3])
            if x1 - x0 < 2 and item.bounds[0] != item.bounds[3]:
                x0, x1 = (x0 + x1) / 2 - 1, (x0 + x1) / 2 + 1
            cx = (x0 + (self.scale.x(item.bounds[1]) if item.open else x1)) / 2
            self.marks += [_Mark(item, self.lane_of[k], x0, x1, cx, t) for k, _, t in item.lanes]
        lanes: dict[tuple[int, bool], list[int]] = defaultdict(list)
        for k, mark in enumerate(self.marks):
            lanes[(mark.lane, mark.item.symbol is not None)].append(k)
        for (_, symbols), ks in lanes.items():  # symbols that would touch are pushed right
            if symbols:
                ks.sort(key=lambda k: (self.marks[k].cx, self.marks[k].item.entry))
                for before, k in itertools.pairwise(ks):
                    cx = max(self.marks[k].cx, self.marks[before].cx + 11.0)
                    self.marks[k] = self.marks[k]._replace(cx=cx)
        self.spots: dict[int, tuple[int, float, str] | None] = {}
        for lane in range(len(self.lanes)):
            ks = lanes[(lane, False)] + lanes[(lane, True)]
            wanted = [self._wanted(self.marks[k]) for k in ks]
            self.spots.update(zip(ks, place_labels(wanted, LABEL_ROWS, WIDTH - 4), strict=True))

    def _wanted(self, mark: _Mark) -> tuple[float, float, str]:
        """Where a mark's label may start (from, to: a bar's may slide along it), and its text."""
        text = fit(mark.label, MAX_LABEL_CHARS)
        if mark.item.symbol is not None or mark.item.bounds[0] == mark.item.bounds[3]:
            return mark.cx - 3, mark.cx - 3, text
        x = max(mark.x0, _LEFT) + 1
        return x, max(x, mark.x1 - 60), text

    def _y(self, lane: int) -> float:
        """The top of a lane's band of marks."""
        return self.top + lane * LANE_HEIGHT + 6

    def render(self, title: str) -> str:
        self._legend(54.0)
        axis = self.legend_bottom + 22 + 13 * len(self.zones)
        self.top = axis + 10
        self._layout()
        bottom = self.top + len(self.lanes) * LANE_HEIGHT
        self._lanes()
        self._axis(self.legend_bottom, axis, bottom)
        boxes = self._entries()
        height = self._not_placed(self._findings(boxes, bottom + 24)) + 10
        where = f"times in {self.zones[0]}, UTC beneath" if self.zones[0] else "times in UTC"
        subtitle = (
            f"{len(self.items)} entries drawn in {len(self.lanes)} lanes · {where} · zigzags are"
            " axis breaks (gaps not to scale) · hover for details"
        )
        size = f'width="{WIDTH:.1f}" height="{height:.1f}" viewBox="0 0 {WIDTH:.1f} {height:.1f}"'
        font = f'font-family="DejaVu Sans, Verdana, sans-serif" font-size="{layout.FONT_SIZE}"'
        svg = f'<svg xmlns="http://www.w3.org/2000/svg" {size} {font}>'
        head = ['<?xml version="1.0" encoding="UTF-8"?>', svg, "<defs>", _el("style", _CSS)]
        for kind, colour in sorted(_COLOURS.items()):
            head.append(
                f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7"'
                f' markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/>'
                "</marker>"
            )
        for (colour, stops), gid in self.gradients.items():  # in the order of first use
            head.append(f'<linearGradient id="{gid}" x1="0" y1="0" x2="1" y2="0">')
            head += [
                _el("stop", offset=f"{o:.4f}", stop_color=colour, stop_opacity=a) for o, a in stops
            ]
            head.append("</linearGradient>")
        head += ["</defs>", _el("rect", width=WIDTH, height=height, fill="#ffffff")]
        head += [_el("text", title, x=10, y=24, font_size=17, font_weight="bold")]
        head += [_el("text", subtitle, class_="sub", x=10, y=40)]
        return "\n".join([*head, *self.out, "</svg>", ""])

    def _fill(self, colour: str, stops: Sequence[tuple[float, float]]) -> str:
        key = (colour, tuple((round(o, 4), a) for o, a in stops))
        return f"url(#{self.gradients.setdefault(key, f'fade-{len(self.gradients) + 1}')})"

    def _legend(self, top: float) -> None:
        keys = [k for k in _COLOURS if k != "meeting"] + [*_SYMBOLS[:3], "soft", "tick", "open"]
        texts = {"call": "call / meeting", "actor": "lifespan", "soft": "uncertain bounds"}
        texts |= {"tick": "exact instant", "open": "open end", "definite": "finding"}
        texts |= {"possible": "possible finding"}
        self.out.append('<g class="legend">')
        x, y = 10.0, top
        for key in [*keys, "definite", "possible"]:
            text = texts.get(key, key)
            if x + 38 + text_width(text) > WIDTH - 10:
                x, y = 10.0, y + 16
            kind = "claim" if key in _SYMBOLS else key if key in _COLOURS else "tenure"
            self.out.append(_group(None, class_=f"k-{kind}" + " possible" * (key == "possible")))
            if key in _SYMBOLS:
                self.out.append(_symbol(key, x + 9, y))
            elif key in ("definite", "possible"):
                self.out.append(_el("rect", class_="halo", x=x, y=y - 6, width=18, height=12, rx=3))
            elif key in ("tick", "open"):
                d = f"M{x + 9:.1f},{y - 6:.1f} v12" if key == "tick" else f"M{x:.1f},{y:.1f} h17"
                end = "url(#arrow-tenure)" if key == "open" else None
                self.out.append(
                    _el("path", class_="open-end" if end else "instant", d=d, marker_end=end)
                )
            else:
                fill = self._fill("#2d3748", [(0, 0.1), (0.4, 1), (0.6, 1), (1, 0.1)])
                self.out.append(
                    _el(
                        "rect",
                        x=x,
                        y=y - 4,
                        width=18,
                        height=8,
                        fill=fill if key == "soft" else None,
                    )
                )
            self.out += [_el("text", text, x=x + 24, y=y + 4), "</g>"]
            x += 38 + text_width(text)
        self.out.append("</g>")
        self.legend_bottom = y + 10

    def _axis(self, top: float, axis: float, bottom: float) -> None:
        out, rows = self.out, [top + 26 + 13 * r for r in range(len(self.zones))]
        out.append('<g class="time-axis">')
        for row, zone in zip(rows, self.zones, strict=True):
            out.append(
                _el("text", zone or "UTC", class_="zone", data_zone=zone or "UTC", x=_COLUMN, y=row)
            )
        for piece in self.scale.pieces:
            if piece.is_break:
                x, gap = (piece.x0 + piece.x1) / 2, piece.end - piece.start
                zig = " ".join(
                    f"L{x + 3 - 6 * (k % 2):.1f},{axis + 6 * k:.1f}"
                    for k in range(1, int((bottom - axis) // 6) + 1)
                )
                note = f"a gap from {piece.start:%Y-%m-%d %H:%M} to {piece.end:%Y-%m-%d %H:%M} UTC"
                out += [
                    _group(note, class_="axis-break", data_seconds=int(gap.total_seconds())),
                    _el(
                        "rect",
                        class_="band",
                        x=piece.x0 + 6,
                        y=axis,
                        width=piece.x1 - piece.x0 - 12,
                        height=bottom - axis,
                    ),
                    _el("path", class_="zigzag", d=f"M{x:.1f},{axis:.1f} {zig}"),
                    _el("text", layout.gap_label(gap), class_="gap", x=x, y=top + 12),
                    "</g>",
                ]
                continue
            out.append(_el("path", class_="axis", d=f"M{piece.x0:.1f},{axis:.1f} H{piece.x1:.1f}"))
            for tick in ticks(self.scale, piece, self.zones):
                d = f"M{tick.x:.1f},{axis - (5 if tick.labels else 2):.1f} V{bottom:.1f}"
                out.append(_el("path", class_="grid" if tick.labels else "minor", d=d))
                for r, text in enumerate(tick.labels):
                    out.append(
                        _el("text", text, class_="tick utc" if r else "tick", x=tick.x, y=rows[r])
                    )
        out.append("</g>")

    def _lanes(self) -> None:
        self.out.append('<g class="lanes">')
        for lane, (key, name) in enumerate(zip(self.lanes, self.names, strict=True)):
            y = self._y(lane) - 6
            self.out += [
                _group(name, class_="lane", data_lane=lane, data_key=key),
                _el(
                    "rect",
                    class_="odd" if lane % 2 else "even",
                    x=0,
                    y=y,
                    width=WIDTH,
                    height=LANE_HEIGHT,
                ),
                _el("text", fit(name, int(186 // (CHAR_WIDTH * 1.1))), x=8, y=y + 14, font_size=11),
                "</g>",
            ]
        self.out.append("</g>")

    def _entries(self) -> dict[str, list[tuple[float, float, float, float]]]:
        """Draw every item; return the boxes of each entry's marks, for the findings' halos."""
        boxes: dict[str, list[tuple[float, float, float, float]]] = defaultdict(list)
        per_item: dict[str, list[int]] = defaultdict(list)
        for k, mark in enumerate(self.marks):
            per_item[mark.item.entry].append(k)
        links: dict[int, list[tuple[float, int, int]]] = defaultdict(list)  # by x // 4: x, lanes
        self.out.append('<g class="entries">')
        for item in self.items:
            placed = None if item.placed == "own" else item.placed
            self.out.append(
                _group(
                    item.tooltip,
                    id=svg_id(item.entry),
                    class_=f"entry k-{item.kind}",
                    data_entry=item.entry,
                    data_kind=item.kind,
                    data_placed=placed,
                )
            )
            ks = per_item[item.entry]
            if item.kind in ("call", "meeting", "mediation") and len(ks) > 1:
                lanes = sorted(self.marks[k].lane for k in ks)
                x = self.marks[ks[0]].cx
                while any(
                    abs(x - lx) < 4 and lo <= lanes[-1] and lanes[0] <= hi
                    for near in (-1, 0, 1)
                    for lx, lo, hi in links[int(x // 4) + near]
                ):
                    x += 4
                links[int(x // 4)].append((x, lanes[0], lanes[-1]))
                ys = [self._y(lane) + _BAR / 2 for lane in lanes]
                self.out.append(_el("path", class_="link", d=f"M{x:.1f},{ys[0]:.1f} V{ys[-1]:.1f}"))
                self.out += [_el("circle", cx=x, cy=y, r=2.5) for y in ys]
            for k in ks:
                mark, spot = self.marks[k], self.spots.get(k)
                boxes[item.entry].append(self._mark(mark))
                if spot is not None:
                    y = self._y(mark.lane) + 26 + 10 * spot[0]
                    self.out.append(
                        _el("text", spot[2], class_="label", data_lane=mark.lane, x=spot[1], y=y)
                    )
            self.out.append("</g>")
        self.out.append("</g>")
        return boxes

    def _mark(self, mark: _Mark) -> tuple[float, float, float, float]:
        item, y, x0, x1, out = mark.item, self._y(mark.lane), mark.x0, mark.x1, self.out
        if item.symbol is not None:
            if x1 - x0 > 1:
                fill = self._soft(mark)
                out.append(
                    _el("rect", class_="range", x=x0, y=y + 3, width=x1 - x0, height=4.0, fill=fill)
                )
            out.append(_symbol(item.symbol, mark.cx, y + _BAR / 2))
            return (mark.cx - 6, y - 1, mark.cx + 6, y + _BAR + 1)
        height = _BACKGROUND.get(item.kind, _BAR)
        top = y + (_BAR - height) / 2
        if x1 - x0 > 0.5:
            out.append(
                _el("rect", x=x0, y=top, width=x1 - x0, height=height, fill=self._soft(mark))
            )
            box = (x0 - 1, top - 1, max(x1, x0 + 6) + 1, top + height + 1)
        else:  # an exact instant, or the exact start of an open end
            out.append(_el("path", class_="instant", d=f"M{x0:.1f},{y - 3:.1f} v{_BAR + 6:.1f}"))
            box = (x0 - 3, y - 3, x0 + 3, y + _BAR + 3)
        if item.open:
            arrow = f"url(#arrow-{item.kind if item.kind in _COLOURS else 'source'})"
            d = f"M{x1:.1f},{y + _BAR / 2:.1f} H{_RIGHT + 14:.1f}"
            out.append(_el("path", class_="open-end", d=d, marker_end=arrow))
        return box

    def _soft(self, mark: _Mark) -> str | None:
        """A bar's fill: its kind's colour (None), or a gradient fading over its uncertain ends."""
        width = max(mark.x1 - mark.x0, 1e-9)
        a, b = (
            min(max((self.scale.x(t) - mark.x0) / width, 0.0), 1.0) for t in mark.item.bounds[1:3]
        )
        a, b = ((a + b) / 2, (a + b) / 2) if a > b else (a, b)
        if a < 0.005 and b > 0.995:
            return None
        end = 1.0 if b > 0.995 else 0.4 if mark.item.open else 0.1
        stops = [(0.0, 0.1 if a >= 0.005 else 1.0), (a, 1.0), (b, 1.0), (1.0, end)]
        return self._fill(_COLOURS.get(mark.item.kind, "#2d3748"), stops)

    def _findings(
        self, boxes: dict[str, list[tuple[float, float, float, float]]], y: float
    ) -> float:
        if self.findings:
            self.out.append(_el("text", "Findings", class_="h", x=10, y=y))
        rings: Counter[tuple[float, float]] = Counter()
        for number, finding in enumerate(self.findings, 1):
            self.out.append(
                _group(
                    finding.explanation,
                    class_=f"finding {finding.certainty}",
                    data_kind=finding.kind,
                    data_certainty=finding.certainty,
                    data_entries=" ".join(finding.entries),
                )
            )
            ids = [self.latest.get(entry, entry) for entry in finding.entries]
            for x0, y0, x1, y1 in (box for entry in ids for box in boxes.get(entry, [])):
                pad = 1.5 + 1.5 * min(rings[(x0, y0)], 2)
                rings[(x0, y0)] += 1
                self.out.append(
                    _el(
                        "rect",
                        class_="halo",
                        x=x0 - pad,
                        y=y0 - pad,
                        width=x1 - x0 + 2 * pad,
                        height=y1 - y0 + 2 * pad,
                        rx=4.0,
                    )
                )
            y += 14
            text = f"F{number} · {finding.kind} ({finding.certainty}): {', '.join(finding.entries)}"
            self.out += [_el("text", fit(text, int((WIDTH - 40) // CHAR_WIDTH)), x=20, y=y), "</g>"]
        return y + 24

    def _not_placed(self, y: float) -> float:
        ids = " ".join(entry.id for entry in self.undrawn)
        self.out.append(_group(ids or None, class_="not-placed", data_entries=ids))
        self.out.append(_el("text", "Not placed", class_="h", x=10, y=y))
        eventful = [entry.id for entry in self.undrawn if entry.kind in _EVENTFUL]
        lines = ["No time of their own, no dated source or subject: " + ", ".join(eventful)]
        counts = Counter(entry.kind for entry in self.undrawn if entry.kind not in _EVENTFUL)
        parts = (
            f"{n} {kind.replace('_', ' ')}{'s' * (n > 1)}" for kind, n in sorted(counts.items())
        )
        lines += [f"Without an event time (not drawn): {', '.join(parts)}"]
        lines = [line for line, keep in zip(lines, (eventful, counts), strict=True) if keep]
        for line in lines or ["Every entry is drawn."]:
            y += 14
            self.out.append(_el("text", fit(line, int((WIDTH - 40) // CHAR_WIDTH)), x=20, y=y))
        self.out.append("</g>")
        return y
