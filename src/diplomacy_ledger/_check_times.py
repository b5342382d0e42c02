"""Checks on times: anachronisms, skipped or repeated local times, and readouts that disagree."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from diplomacy_ledger._actors import Actor
from diplomacy_ledger._check_context import CheckContext, context_for, time_text
from diplomacy_ledger._entry import Entry
from diplomacy_ledger._findings import Certainty, Finding
from diplomacy_ledger._kinds import references, time_bounds, whens_in
from diplomacy_ledger._ledger import Ledger
from diplomacy_ledger._provenance import Provenance, Source
from diplomacy_ledger._records import Call, Ceasefire, Claim, Meeting, Report, SameEvent, Stance
from diplomacy_ledger._zones import local_status

__all__ = ["anachronisms", "readout_mismatches", "unresolved_local_times"]


def anachronisms(ledger: Ledger) -> Iterator[Finding]:
    """Records that speak of something before it could have happened.

    Reported only when no placement of the times avoids it: **definite**, or **possible** when a
    record it rests on is disputed:

    - a report, or a claim asserting or accusing, made before the event it is about began;
    - a record dated before an actor it names existed, or after the actor ceased to exist;
    - an event that began after the source that tells of it was published (ceasefires are
      left out: they are often announced for a later time).

    O(n) over the entries and the ids they name.
    """
    context = context_for(ledger)
    for entry in context.entries:
        record = entry.record
        bounds = time_bounds(record)
        if bounds is None:
            continue
        yield from _before_its_subject(context, entry, bounds)
        yield from _outside_lifespans(context, entry, bounds)
        yield from _after_publication(context, entry, bounds)


def _certainty(context: CheckContext, *entries: Entry) -> Certainty:
    return "possible" if any(context.disputed(entry) for entry in entries) else "definite"


def _before_its_subject(
    context: CheckContext, entry: Entry, bounds: tuple[datetime, datetime]
) -> Iterator[Finding]:
    record = entry.record
    if not isinstance(record, Report | Claim) or record.about is None:
        return
    if isinstance(record, Claim) and record.stance is Stance.DENIES:
        return
    subject = context.current_of.get(context.root[record.about])
    subject_bounds = time_bounds(subject.record) if subject is not None else None
    if subject is None or subject_bounds is None or not bounds[1] < subject_bounds[0]:
        return
    yield Finding(
        "anachronism",
        _certainty(context, entry),
        (entry.id, subject.id),
        f"{context.describe(entry)} {time_text(record.time)} speaks of "
        f"{context.describe(subject)} as having happened, but that began "
        f"{time_text(subject.record.time)}.",
    )


def _outside_lifespans(
    context: CheckContext, entry: Entry, bounds: tuple[datetime, datetime]
) -> Iterator[Finding]:
    if isinstance(entry.record, Actor):
        return
    named = {
        context.root[ref.id]
        for ref in references(entry.record)
        if ref.kind == "actor" and not ref.path.startswith("provenance.")
    }
    for actor_id in sorted(named):
        actor_entry = context.current_of.get(actor_id)
        if actor_entry is None or not isinstance(actor_entry.record, Actor):
            continue
        life = actor_entry.record.lifespan
        if life is None:
            continue
        if bounds[1] < life.start.earliest:
            when = f"before it existed (from {time_text(life.start)})"
        elif life.end is not None and bounds[0] > life.end.latest:
            when = f"after it ceased to exist ({time_text(life.end)})"
        else:
            continue
        yield Finding(
            "anachronism",
            _certainty(context, entry),
            (entry.id, actor_entry.id),
            f"{context.describe(entry)} {time_text(entry.record.time)} names "
            f"{context.name(actor_id)} {when}.",
        )


def _after_publication(
    context: CheckContext, entry: Entry, bounds: tuple[datetime, datetime]
) -> Iterator[Finding]:
    provenance = getattr(entry.record, "provenance", None)
    if not isinstance(provenance, Provenance) or isinstance(entry.record, Ceasefire):
        return
    source = context.ledger.get(provenance.source)
    if not isinstance(source, Source) or source.published is None:
        return
    if bounds[0] > source.published.latest:
        yield Finding(
            "anachronism",
            _certainty(context, entry),
            (entry.id, provenance.source),
            f"{context.describe(entry)} began {time_text(entry.record.time)}, after its source "
            f"{provenance.source!r} was published ({time_text(source.published)}).",
        )


def unresolved_local_times(ledger: Ledger) -> Iterator[Finding]:
    """Local wall times that were skipped or repeated in their zone and resolved by a policy.

    Always **definite**: the wall time did not exist, or existed twice, on that zone's clocks, so
    the instant recorded is a choice someone made. O(n).
    """
    context = context_for(ledger)
    for entry in context.entries:
        for when in whens_in(entry.record):
            if when.wall is None or when.zone is None:
                continue
            status = local_status(when.wall, when.zone)
            if status == "ok":
                continue
            what = "did not exist" if status == "skipped" else "happened twice"
            yield Finding(
                "unresolved_local_time",
                "definite",
                (entry.id,),
                f"{context.describe(entry)}: the wall time {when.wall.isoformat(sep=' ')} "
                f"{what} in {when.zone}; it was resolved by a policy to {time_text(when)}"
                + (f" (the words: {when.text!r})" if when.text else "")
                + ".",
            )


def readout_mismatches(ledger: Ledger) -> Iterator[Finding]:
    """Records linked as one event (:class:`SameEvent`) that disagree beyond their uncertainty.

    Reported when their participants differ, or their times cannot coincide for any placement:
    **definite**, or **possible** when one of them is disputed. Agreeing on the instant is
    agreeing: a call in the early hours of Tuesday in Yerevan is on Monday evening in Paris, and
    that is no mismatch. O(size of the links).
    """
    context = context_for(ledger)
    for link in context.entries:
        if not isinstance(link.record, SameEvent):
            continue
        linked = [context.current_of.get(context.root[i]) for i in link.record.entries]
        records = [entry for entry in linked if entry is not None]
        for index, first in enumerate(records):
            for second in records[index + 1 :]:
                problem = _mismatch(context, first, second)
                if problem:
                    yield Finding(
                        "readout_mismatch",
                        _certainty(context, first, second),
                        (link.id, first.id, second.id),
                        f"{context.describe(first)} and {context.describe(second)} are linked as "
                        f"one event by {context.describe(link)}, but {problem}.",
                    )


def _mismatch(context: CheckContext, first: Entry, second: Entry) -> str | None:
    a, b = first.record, second.record
    if isinstance(a, Call | Meeting) and isinstance(b, Call | Meeting):
        left = {context.root[x] for x in a.actors}
        right = {context.root[x] for x in b.actors}
        if left != right:
            names = [", ".join(sorted(context.name(x) for x in side)) for side in (left, right)]
            return f"their participants differ ({names[0]} / {names[1]})"
    bounds_a, bounds_b = time_bounds(a), time_bounds(b)
    if bounds_a and bounds_b and (bounds_a[1] < bounds_b[0] or bounds_b[1] < bounds_a[0]):
        return f"their times cannot coincide ({time_text(a.time)} / {time_text(b.time)})"
    return None
