"""W2 for scale: the three SQL checks as naive pairwise Python loops over the public API.

Every pair of calls, every denial against every entry, every ceasefire against every hostility:
what one writes first. It is run at 10,000 entries only, and its findings must equal the
library's, which also checks the library's sweeps against a plain definition.
"""

from __future__ import annotations

from typing import Final

from benchmarks.peers.sql_checks import group_contradictions
from diplomacy_ledger import (
    Allen,
    Call,
    Ceasefire,
    Claim,
    Entry,
    Hostility,
    Ledger,
    Meeting,
    PointInterval,
    Report,
    SameEvent,
    Span,
    Stance,
    Truth,
    When,
    normalise_name,
)
from diplomacy_ledger.model import time_bounds

__all__ = ["naive_checks"]

Finding = tuple[str, str, tuple[str, ...]]
_APART: Final = Allen.BEFORE | Allen.MEETS | Allen.MET_BY | Allen.AFTER
_ASSERTING: Final = (Stance.ASSERTS, Stance.ACCUSES)


def _clash(a: When | Span, b: When | Span) -> bool:
    if isinstance(a, Span) and isinstance(b, Span):
        return a.allen(b).holds(_APART) is Truth.NOT
    if isinstance(a, When) and isinstance(b, When):
        return a.same(b) is Truth.DEFINITELY
    point, span = (a, b) if isinstance(a, When) else (b, a)
    assert isinstance(point, When)
    assert isinstance(span, Span)
    return span.locate(point).holds(PointInterval.DURING) is Truth.DEFINITELY


class _Naive:
    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.entries = list(ledger.entries())

    def root(self, id: str) -> str:
        return self.ledger.origin(id)

    def asserter(self, entry: Entry) -> str | None:
        record = entry.record
        if isinstance(record, Claim):
            return self.root(record.claimant)
        if isinstance(record, Report):
            return self.root(record.reporter)
        provenance = getattr(record, "provenance", None)
        if provenance is not None and provenance.via:
            return self.root(provenance.via[-1])
        return None

    def disputed(self, entry: Entry) -> bool:
        mine = self.asserter(entry)
        target = self.root(entry.id)
        for other in self.entries:
            record = other.record
            if (
                isinstance(record, Claim)
                and record.stance is Stance.DENIES
                and record.about is not None
                and self.root(record.about) == target
                and self.root(record.claimant) != mine
            ):
                return True
        return False

    def about(self, target: str) -> list[Entry]:
        return [
            e
            for e in self.entries
            if isinstance(e.record, Claim | Report)
            and e.record.about is not None
            and self.root(e.record.about) == target
        ]

    def lineage(self, actor: str) -> set[str]:
        return set(self.ledger.lineage(self.root(actor)))

    # -- double booking --------------------------------------------------------------------------

    def double_bookings(self) -> list[Finding]:
        found: list[Finding] = []
        events = [e for e in self.entries if isinstance(e.record, Call | Meeting)]
        links = [
            set(map(self.root, e.record.entries))
            for e in self.entries
            if isinstance(e.record, SameEvent)
        ]
        for index, first in enumerate(events):
            for second in events[index + 1 :]:
                a, b = first.record, second.record
                assert isinstance(a, Call | Meeting)
                assert isinstance(b, Call | Meeting)
                shared = {self.root(x) for x in a.actors} & {self.root(x) for x in b.actors}
                people = [p for p in shared if self._is_person(p)]
                if not people or not _clash(a.time, b.time):
                    continue
                pair = {self.root(first.id), self.root(second.id)}
                if any(pair <= link for link in links):
                    continue
                disputed = self.disputed(first) or self.disputed(second)
                certainty = "possible" if disputed else "definite"
                found += [("double_booking", certainty, (first.id, second.id))] * len(people)
        return found

    def _is_person(self, actor: str) -> bool:
        record = self.ledger.record(actor)
        return getattr(record, "kind", None) is not None and record.kind.value == "person"  # type: ignore[union-attr]

    # -- contradiction ---------------------------------------------------------------------------

    def contradictions(self) -> list[Finding]:
        rows: list[tuple[str | None, str, str, int, int]] = []
        place = {entry.id: number for number, entry in enumerate(self.entries)}
        for denial in self.entries:
            record = denial.record
            if not (isinstance(record, Claim) and record.stance is Stance.DENIES):
                continue
            if record.about is not None:
                subject = self.ledger.current(record.about)
                if subject is None:
                    continue
                assertions = []
                if isinstance(subject.record, Claim) and subject.record.stance in _ASSERTING:
                    assertions.append(subject)
                for other in self.about(self.root(subject.id)):
                    claim = other.record
                    if isinstance(claim, Report) or (
                        isinstance(claim, Claim) and claim.stance in _ASSERTING
                    ):
                        assertions.append(other)
                if (
                    not assertions
                    and not isinstance(subject.record, Claim | Report)
                    and self.asserter(subject)
                ):
                    assertions.append(subject)
                for assertion in assertions:
                    row = (
                        subject.id,
                        assertion.id,
                        denial.id,
                        place[assertion.id],
                        place[denial.id],
                    )
                    rows.append(row)
            elif record.proposition:
                words = normalise_name(record.proposition)
                for other in self.entries:
                    claim = other.record
                    if (
                        isinstance(claim, Claim)
                        and claim.about is None
                        and claim.proposition
                        and claim.stance in _ASSERTING
                        and normalise_name(claim.proposition) == words
                    ):
                        rows.append((None, other.id, denial.id, place[other.id], place[denial.id]))
        return group_contradictions(rows)

    # -- ceasefire violation ---------------------------------------------------------------------

    def ceasefire_violations(self) -> list[Finding]:
        found: list[Finding] = []
        hostilities = [e for e in self.entries if isinstance(e.record, Hostility)]
        for ceasefire in self.entries:
            record = ceasefire.record
            if not isinstance(record, Ceasefire):
                continue
            parties = {self.root(p) for p in record.parties}
            for fight in hostilities:
                hostility = fight.record
                assert isinstance(hostility, Hostility)
                actor = hostility.attacker or hostility.target
                if actor is None or not self.lineage(actor) & parties:
                    continue
                bounds = time_bounds(hostility)
                assert bounds is not None
                if bounds[1] <= record.effective.earliest:
                    continue
                if (
                    record.until is not None
                    and hostility.span.start.earliest >= record.until.latest
                ):
                    continue
                surely = hostility.span.end_bounds[0] > record.effective.latest and (
                    record.until is None or hostility.span.start.latest < record.until.earliest
                )
                doubtful = self.disputed(ceasefire) or self._doubtful(fight)
                certainty = "definite" if surely and not doubtful else "possible"
                found.append(("ceasefire_violation", certainty, (ceasefire.id, fight.id)))
        return found

    def _doubtful(self, fight: Entry) -> bool:
        record = fight.record
        assert isinstance(record, Hostility)
        if self.disputed(fight):
            return True
        attackers = self.lineage(record.attacker) if record.attacker else set()
        vouchers: set[str | None] = {self.asserter(fight) or record.provenance.source}
        for other in self.about(self.root(fight.id)):
            claim = other.record
            if isinstance(claim, Claim) and claim.stance is Stance.ACCUSES and claim.accused:
                if not self.lineage(claim.accused) & attackers:
                    return True
                vouchers.add(self.asserter(other))
            elif isinstance(claim, Report) or (
                isinstance(claim, Claim) and claim.stance is Stance.ASSERTS
            ):
                vouchers.add(self.asserter(other))
        return bool(record.attacker) and len(vouchers - {None}) < 2


def naive_checks(ledger: Ledger) -> list[Finding]:
    """Double booking, contradiction and ceasefire violation, by nested loops."""
    naive = _Naive(ledger)
    return naive.double_bookings() + naive.contradictions() + naive.ceasefire_violations()
