"""How the checks word their explanations: entries, names, sources and times, in words.

Kept apart from the indexes the checks search (:mod:`diplomacy_ledger.checks._context`): a
finding's explanation is written only once the finding is found, and each name, source title
and attribution chain is worked out once per run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Final

from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import Actor, Entry, Office, Place, Source
from diplomacy_ledger.time import Span, When, local_status

__all__ = ["Wording", "time_text"]

_FOREVER_YEAR: Final = 9999


class Wording:
    """The words for a ledger's entries, remembered as they are asked for."""

    def __init__(self, ledger: Ledger, current: Callable[[str], Entry | None]) -> None:
        self.ledger = ledger
        self._current = current
        self._names: dict[str, str] = {}
        self._titles: dict[str, str] = {}  # "source 'title'", by source id
        self._chains: dict[tuple[str, ...], str] = {}  # ", via A, via B", by attribution chain

    def name(self, id: str) -> str:
        """An actor's or place's name, or the id of anything else."""
        found = self._names.get(id)
        if found is None:
            entry = self._current(id)
            found = id
            if entry is not None and isinstance(entry.record, Actor | Place):
                found = entry.record.name
            elif entry is not None and isinstance(entry.record, Office):
                found = entry.record.title
            self._names[id] = found
        return found

    def describe(self, entry: Entry) -> str:
        """``'call-x' (a call)``, ``'deal' (an agreement)``: an entry's id and kind, in words."""
        kind = entry.kind.replace("_", " ")
        return f"{entry.id!r} ({'an' if kind[0] in 'aeiou' else 'a'} {kind})"

    def describe_event(self, readouts: Sequence[Entry]) -> str:
        """One event in words: ``'call-x' (a call)``, or ``the call told in 'call-x' and 'call-y'``.

        Readouts of different kinds are described one by one.
        """
        if len(readouts) == 1:
            return self.describe(readouts[0])
        kinds = {entry.kind for entry in readouts}
        ids = " and ".join(repr(entry.id) for entry in readouts)
        if len(kinds) == 1:
            return f"the {readouts[0].kind.replace('_', ' ')} told in {ids}"
        return "the event told in " + " and ".join(self.describe(entry) for entry in readouts)

    def sources(self, entry: Entry) -> str:
        """How the record is known, in words: its source and attribution chain."""
        provenance = getattr(entry.record, "provenance", None)
        if provenance is None:
            return "no source given"
        title = self._titles.get(provenance.source)
        if title is None:  # the source as it now stands: a corrected title, or withdrawn
            current = self._current(provenance.source)
            source = None if current is None else current.record
            words = (
                source.title if isinstance(source, Source) and source.title else provenance.source
            )
            withdrawn = " (withdrawn from the ledger)" if current is None else ""
            title = self._titles[provenance.source] = f"source {words!r}{withdrawn}"
        if not provenance.via:
            return title
        chain = self._chains.get(provenance.via)
        if chain is None:
            names = ", via ".join(self.name(actor) for actor in provenance.via)
            chain = self._chains[provenance.via] = f", via {names}"
        return title + chain


def time_text(moment: When | Span | None, zone: str | None = None) -> str:
    """A time in UTC and on local clocks (its own zone, or ``zone``)."""
    if moment is None:
        return "at an unknown time"
    if isinstance(moment, Span):
        end = (
            time_text(moment.end, zone)
            if moment.end is not None
            else f"still going as of {time_text(moment.ongoing_as_of, zone)}"
            if moment.ongoing_as_of is not None
            else "an unknown end"
        )
        return f"from {time_text(moment.start, zone)} to {end}"
    local_zone = zone or moment.zone
    if moment.either:
        return _either_text(moment, local_zone)
    utc = _bounds_text(moment.earliest, moment.latest, "UTC")
    if local_zone is None or local_zone == "UTC":
        return utc
    early, late = moment.local_bounds(local_zone)
    return f"{utc} ({_bounds_text(early, late, local_zone)})"


def _either_text(moment: When, zone: str | None) -> str:
    """A wall time the clocks showed twice, recorded as either: the two instants, not a window."""
    first, second = moment.earliest, moment.latest
    later = f"{second:%H:%M}" if second.date() == first.date() else _clock(second, "UTC")
    utc = f"either {_clock(first, 'UTC')} or {later} UTC"
    if zone is None or zone == "UTC":
        return utc
    early, late = moment.local_bounds(zone)
    return f"{utc} ({_clock(early, zone)} or {_clock(late, zone)[11:]} {zone})"


def _clock(moment: datetime, zone: str) -> str:
    """A moment on a clock, with its offset where the clock showed that time twice.

    In a fold (clocks set back) a wall time alone is ambiguous: a call from 01:50 to 01:10 is
    unreadable without the offsets, so they are shown there, and only there.
    """
    shown = f"{moment:%Y-%m-%d %H:%M}"
    if zone != "UTC" and local_status(moment.replace(tzinfo=None), zone) == "repeated":
        offset = moment.strftime("%z")
        shown += f"{offset[:3]}:{offset[3:]}"  # 01:50+01:00, as ISO 8601 writes it
    return shown


def _bounds_text(earliest: datetime, latest: datetime, zone: str) -> str:
    if earliest == latest:
        return f"{_clock(earliest, zone)} {zone}"
    if latest.year == _FOREVER_YEAR:
        return f"{_clock(earliest, zone)} {zone} or later"
    return f"between {_clock(earliest, zone)} and {_clock(latest, zone)} {zone}"
