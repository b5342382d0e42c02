"""What every check needs to know about a ledger, computed once per run, and how to explain it."""

from __future__ import annotations

import weakref
from collections import defaultdict
from datetime import datetime
from typing import Final

from diplomacy_ledger._actors import Actor
from diplomacy_ledger._entry import Entry
from diplomacy_ledger._ledger import Ledger
from diplomacy_ledger._offices import Office
from diplomacy_ledger._places import Place
from diplomacy_ledger._provenance import Source
from diplomacy_ledger._records import Claim, Hostility, Report, Stance
from diplomacy_ledger._span import Span
from diplomacy_ledger._when import When

__all__ = ["CheckContext", "context_for"]

_FOREVER_YEAR: Final = 9999


class CheckContext:
    """A ledger's current entries, who disputes what, and helpers to write explanations."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.entries: list[Entry] = list(ledger.entries())
        self.root: dict[str, str] = {entry.id: ledger.origin(entry.id) for entry in ledger}
        self.current_of: dict[str, Entry] = {self.root[e.id]: e for e in self.entries}
        self.position: dict[str, int] = {e.id: n for n, e in enumerate(self.entries)}
        self.denials: dict[str, list[Entry]] = defaultdict(list)
        self.about: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            record = entry.record
            if isinstance(record, Claim | Report) and record.about is not None:
                target = self.root[record.about]
                self.about[target].append(entry)
                if isinstance(record, Claim) and record.stance is Stance.DENIES:
                    self.denials[target].append(entry)
        self._lineage: dict[str, frozenset[str]] = {}

    # -- actors and disputes -------------------------------------------------------------------

    def lineage(self, actor: str) -> frozenset[str]:
        """The actor's root id and everything it is part of."""
        root = self.root.get(actor, actor)
        found = self._lineage.get(root)
        if found is None:
            found = frozenset(self.ledger.lineage(root))
            self._lineage[root] = found
        return found

    def asserter(self, entry: Entry) -> str | None:
        """Who a record rests on.

        A claim's claimant, a report's reporter, else the innermost actor of its attribution chain.
        """
        record = entry.record
        if isinstance(record, Claim):
            return self.root[record.claimant]
        if isinstance(record, Report):
            return self.root[record.reporter]
        provenance = getattr(record, "provenance", None)
        if provenance is not None and provenance.via:
            return self.root[provenance.via[-1]]
        return None

    def disputed(self, entry: Entry) -> list[Entry]:
        """Denials of the record by someone other than the actor it rests on."""
        target = self.root[entry.id]
        mine = self.asserter(entry)
        return [d for d in self.denials.get(target, ()) if self._claimant(d) != mine]

    def attribution_doubts(self, entry: Entry) -> list[str]:
        """Why a hostility, or who began it, is not established; empty when it is.

        It is in doubt when someone denies it, when a claim about it accuses someone other than
        its attacker, or when its attacker rests on a single source: the record's own attribution
        and the claims and reports about it that agree must come from two different actors.
        """
        record = entry.record
        assert isinstance(record, Hostility)
        doubts = [f"{self.describe(d)} denies it" for d in self.disputed(entry)]
        attackers = self.lineage(record.attacker) if record.attacker else frozenset()
        vouchers = {self.asserter(entry) or getattr(record.provenance, "source", None)}
        for other in self.about.get(self.root[entry.id], ()):
            claim = other.record
            if isinstance(claim, Claim) and claim.stance is Stance.ACCUSES and claim.accused:
                if self.lineage(claim.accused) & attackers:
                    vouchers.add(self.asserter(other))
                else:
                    doubts.append(
                        f"{self.describe(other)} says {self.name(claim.accused)} began it"
                    )
            elif isinstance(claim, Report) or (
                isinstance(claim, Claim) and claim.stance is Stance.ASSERTS
            ):
                vouchers.add(self.asserter(other))
        if record.attacker and len(vouchers - {None}) < 2:
            doubts.append(f"who began it rests on one source ({self.sources(entry)})")
        return doubts

    def _claimant(self, entry: Entry) -> str:
        record = entry.record
        assert isinstance(record, Claim)
        return self.root[record.claimant]

    # -- words -------------------------------------------------------------------------------

    def name(self, id: str) -> str:
        """An actor's or place's name, or the id of anything else."""
        entry = self.current_of.get(self.root.get(id, id))
        if entry is not None and isinstance(entry.record, Actor | Place):
            return entry.record.name
        if entry is not None and isinstance(entry.record, Office):
            return entry.record.title
        return id

    def describe(self, entry: Entry) -> str:
        """``'call-x' (a call)``: an entry's id and kind, for explanations."""
        return f"{entry.id!r} (a {entry.kind.replace('_', ' ')})"

    def sources(self, entry: Entry) -> str:
        """How the record is known, in words: its source and attribution chain."""
        provenance = getattr(entry.record, "provenance", None)
        if provenance is None:
            return "no source given"
        source = self.ledger.get(provenance.source)
        title = source.title if isinstance(source, Source) and source.title else provenance.source
        chain = ", via ".join(self.name(actor) for actor in provenance.via)
        return f"source {title!r}" + (f", via {chain}" if chain else "")


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
    utc = _bounds_text(moment.earliest, moment.latest, "UTC")
    if local_zone is None or local_zone == "UTC":
        return utc
    early, late = moment.local_bounds(local_zone)
    return f"{utc} ({_bounds_text(early, late, local_zone)})"


def _bounds_text(earliest: datetime, latest: datetime, zone: str) -> str:
    if earliest == latest:
        return f"{earliest:%Y-%m-%d %H:%M} {zone}"
    if latest.year == _FOREVER_YEAR:
        return f"{earliest:%Y-%m-%d %H:%M} {zone} or later"
    return f"between {earliest:%Y-%m-%d %H:%M} and {latest:%Y-%m-%d %H:%M} {zone}"


class _LastContext:
    """A one-slot cache: the checks of one run share the context of the ledger they check."""

    ledger: weakref.ref[Ledger] | None = None
    key: tuple[int, object] | None = None
    context: CheckContext | None = None


def context_for(ledger: Ledger) -> CheckContext:
    """The context for ``ledger`` in its current state, built once and reused by every check."""
    key = (len(ledger), ledger.last_recorded)
    cached = _LastContext
    if (
        cached.context is not None
        and cached.ledger is not None
        and cached.ledger() is ledger
        and cached.key == key
    ):
        return cached.context
    context = CheckContext(ledger)
    cached.ledger, cached.key, cached.context = weakref.ref(ledger), key, context
    return context
