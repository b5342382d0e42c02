"""The office-not-held check: someone named in an office their tenures say they did not hold."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Final

import attrs

from diplomacy_ledger.checks._context import CheckContext, context_for
from diplomacy_ledger.checks._wording import time_text
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import (
    Entry,
    Finding,
    FindingKind,
    Tenure,
    participants,
    plan_of,
    time_bounds,
)
from diplomacy_ledger.time import UTC_MAX, Certainty, Span

__all__ = ["UnrecordedTenure", "offices_not_held", "unrecorded_tenures"]

_TICK: Final = timedelta(microseconds=1)


def _merge(intervals: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    merged: list[tuple[datetime, datetime]] = []
    for low, high in sorted(intervals):
        if merged and low <= merged[-1][1] + _TICK:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def offices_not_held(ledger: Ledger) -> Iterator[Finding]:
    """A record names someone in an office that their own recorded tenures say they did not hold.

    Calls, meetings and statements name participants in offices; a claim its claimant's office
    (a spokesperson's); an agreement its signatories'.

    Open world: the evidence is the person's recorded tenures of that office. With none recorded
    the answer is unknown and nothing is reported (:func:`unrecorded_tenures` lists those pairs).
    A tenure whose end is unknown (open, or ongoing as of a time) may go on after any later
    record: only a recorded start or end bounds it. **definite** when no placement of the times
    puts the record inside a tenure; **possible** when some placements fall before a recorded
    start or after a recorded end; at most possible when the record is disputed or its time was
    chosen by a policy. Readouts of one event (SameEvent) give one finding naming them all.
    Several tenures count together (acting, then appointed). O(n).
    """
    context = context_for(ledger)
    tenures = _tenures(context)
    cores = {key: _cores(held) for key, held in tenures.items()}
    found: dict[tuple[str, str, str], list[tuple[Entry, Certainty | None]]] = defaultdict(list)
    for entry in _naming_offices(context):
        named = [p for p in participants(entry.record) if p.office is not None]
        bounds = time_bounds(entry.record)
        if bounds is None or not named:
            continue
        for person, office in dict.fromkeys(
            (context.root[p.actor], context.root[p.office]) for p in named if p.office
        ):
            held = tenures.get((person, office))
            if held is None:  # nothing recorded: unknown, not a finding
                continue
            certainty = _not_held(held, cores[(person, office)], bounds)
            if certainty is None and entry.id not in context.linked:
                continue  # held then, and told once
            if context.set_aside(entry):
                continue  # a plan named them in the offices they held when it was made
            found[(context.event_key(entry), person, office)].append((entry, certainty))
    for (_, person, office), cases in found.items():
        if any(certainty is not None for _, certainty in cases):
            yield _office_finding(context, person, office, tenures[(person, office)], cases)


def _naming_offices(context: CheckContext) -> Iterator[Entry]:
    """The current entries of every kind that can name someone in an office, kind by kind.

    Calls, meetings, statements, claims (the claimant's office), agreements (signatories): the
    kinds whose plan holds participants or an actor's office.
    """
    for kind, entries in context.by_type().items():
        plan = plan_of(kind)
        if plan.participants or plan.offices:
            yield from entries


def _office_finding(
    context: CheckContext,
    person: str,
    office: str,
    held: list[Tenure],
    cases: list[tuple[Entry, Certainty | None]],
) -> Finding:
    """One finding for one event: every readout that names the person in the office.

    A readout whose time is within the tenure (``None``) is another account of the event's
    time: by it, the office was held, so the finding is at most possible.
    """
    entries = [entry for entry, _ in cases]
    doubts = [
        *(d for entry in entries for d in context.doubts(entry)),
        *context.status_doubts(entries[0]),
        *(d for entry in entries for d in context.policy_choices(entry)),
        *(
            f"by {context.words.describe(entry)}, its time was within their tenure"
            for entry, certainty in cases
            if certainty is None
        ),
    ]
    cases = [(entry, certainty) for entry, certainty in cases if certainty is not None]
    doubts = list(dict.fromkeys(doubts))
    outside = all(certainty == "definite" for _, certainty in cases)  # for every placement
    first = cases[0][0]  # a readout by which the office was not held
    readouts = " and ".join(context.words.describe(entry) for entry, _ in cases)
    spans = "; ".join(time_text(tenure.span) for tenure in held)
    known = "; ".join(dict.fromkeys(map(context.words.sources, entries)))
    return Finding(
        FindingKind.OFFICE_NOT_HELD,
        "definite" if outside and not doubts else "possible",
        tuple(entry.id for entry in entries),
        f"{readouts} {'name' if len(cases) > 1 else 'names'} {context.words.name(person)} as "
        f"{context.words.name(office)} {time_text(first.record.time)}, but "
        f"{'no placement of' if outside else 'not every placement of'} "
        f"the times puts them in that office (their recorded tenures: {spans}). Known from "
        f"{known}." + (f" At most possible: {'; '.join(doubts)}." if doubts else ""),
    )


def _tenures(context: CheckContext) -> dict[tuple[str, str], list[Tenure]]:
    """Each (person, office) with a recorded tenure, and the tenures: the evidence there is."""
    tenures: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
    for entry in context.of_type(Tenure):
        assert isinstance(entry.record, Tenure)
        key = (context.root[entry.record.person], context.root[entry.record.office])
        tenures[key].append(entry.record)
    return dict(tenures)


@attrs.frozen
class UnrecordedTenure:
    """A person named in an office with no tenure of theirs in it recorded, and who names them."""

    person: str
    office: str
    entries: tuple[str, ...]


def unrecorded_tenures(ledger: Ledger) -> list[UnrecordedTenure]:
    """The (person, office) pairs that current records name but no tenure records, in order.

    The "office not held" check says nothing about these (no evidence is not evidence of
    absence); recording the tenures lets it. Ids are the first versions of the person and office.

    >>> from diplomacy_ledger.examples import seed_ledger
    >>> unrecorded_tenures(seed_ledger())
    []
    """
    context = context_for(ledger)
    tenures = _tenures(context)
    named: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entry in context.entries:
        for participant in participants(entry.record):
            if participant.office is not None:
                key = (context.root[participant.actor], context.root[participant.office])
                if key not in tenures and entry.id not in named[key]:
                    named[key].append(entry.id)
    return [UnrecordedTenure(p, o, tuple(ids)) for (p, o), ids in named.items() if ids]


def _cores(held: list[Tenure]) -> list[tuple[datetime, datetime]]:
    """When the tenures surely held the office, merged: for every placement of their ends.

    An unknown end is no evidence that the tenure ended: the core runs on without end.
    """
    return _merge(
        [
            (tenure.span.start.latest, _known_end(tenure.span)[0])
            for tenure in held
            if tenure.span.start.latest <= _known_end(tenure.span)[0]
        ]
    )


def _known_end(span: Span) -> tuple[datetime, datetime]:
    """The earliest and latest end a record says; without end for an unknown or ongoing end."""
    return span.end_bounds if span.end is not None else (UTC_MAX, UTC_MAX)


def _not_held(
    held: list[Tenure], cores: list[tuple[datetime, datetime]], bounds: tuple[datetime, datetime]
) -> Certainty | None:
    low, high = bounds
    if any(core_low <= low and high <= core_high for core_low, core_high in cores):
        return None  # held for every placement, or not refuted by any recorded bound
    if not any(
        tenure.span.start.earliest <= high and _known_end(tenure.span)[1] >= low for tenure in held
    ):
        return "definite"
    return "possible"
