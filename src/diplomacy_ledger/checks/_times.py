"""Checks on times: anachronisms, and local times that were skipped or repeated."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from diplomacy_ledger.checks._context import CheckContext, context_for
from diplomacy_ledger.checks._wording import time_text
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import (
    Actor,
    Ceasefire,
    Claim,
    Entry,
    Finding,
    FindingKind,
    Provenance,
    Report,
    Source,
    Stance,
    Status,
    named_actors,
    plan_of,
    time_bounds,
    whens_in,
)
from diplomacy_ledger.time import Certainty, Span, When, local_status

__all__ = ["anachronisms", "unresolved_local_times"]


def anachronisms(ledger: Ledger) -> Iterator[Finding]:
    """Records that speak of something before it could have happened.

    Reported only when no placement of the times avoids it: **definite**, or **possible** when a
    record it rests on is disputed:

    - a report, or a claim asserting or accusing, made before the event it is about began;
    - a record dated before an actor it names existed, or after the actor ceased to exist;
    - an event that began after the source that tells of it was published (ceasefires are
      left out: they are often announced for a later time; so are planned and cancelled events).

    A report or claim about a planned or cancelled event speaks of a plan, not of something that
    happened: it is never early.

    O(n) over the entries and the ids they name.
    """
    context = context_for(ledger)
    lives = {
        context.root[entry.id]: entry
        for entry in context.of_type(Actor)
        if isinstance(entry.record, Actor) and entry.record.lifespan is not None
    }
    # Only a record dated before the last actor began, or after the first one ended, can name
    # an actor out of its time: the others need not be looked into.
    born = max((_life(entry).start.earliest for entry in lives.values()), default=None)
    ends = [_life(entry).end for entry in lives.values()]
    gone = min((end.latest for end in ends if end is not None), default=None)
    published: dict[str, When | None] = {}
    for entry in context.entries:
        record = entry.record
        bounds = time_bounds(record)
        if bounds is None:
            if isinstance(record, Report | Claim) and record.about is not None:
                # Undated: it was said by the time its source was published, at the latest.
                yield from _before_its_subject(context, entry, None, published)
            continue
        yield from _before_its_subject(context, entry, bounds, published)
        if (born is not None and bounds[1] < born) or (gone is not None and bounds[0] > gone):
            yield from _outside_lifespans(context, entry, bounds, lives)
        yield from _after_publication(context, entry, bounds, published)


def _life(entry: Entry) -> Span:
    record = entry.record
    assert isinstance(record, Actor)
    assert record.lifespan is not None
    return record.lifespan


def _certainty(context: CheckContext, *entries: Entry) -> Certainty:
    """Possible when a record it rests on is disputed or taken back, or its time a policy's."""
    doubted = any(context.doubts(entry) or context.policy_choices(entry) for entry in entries)
    return "possible" if doubted else "definite"


def _doubts(context: CheckContext, entry: Entry) -> str:
    """The words that say why a finding is at most possible, if it is."""
    doubts = context.doubts(entry) + context.policy_choices(entry)
    return f" At most possible: {'; '.join(doubts)}." if doubts else ""


def _before_its_subject(
    context: CheckContext,
    entry: Entry,
    bounds: tuple[datetime, datetime] | None,
    published: dict[str, When | None],
) -> Iterator[Finding]:
    """A report or asserting claim made before the event it speaks of began.

    ``bounds`` are its own time; without one (None), it was made by the time its source was
    published, at the latest (a premature article told as past what had not happened yet).
    """
    record = entry.record
    if not isinstance(record, Report | Claim) or record.about is None:
        return
    if isinstance(record, Claim) and record.stance is Stance.DENIES:
        return
    subject = context.current(record.about)
    if subject is not None and context.status(subject) is not Status.OCCURRED:
        return  # speaking of a plan (the record it is about) before its time is no anachronism
    subject_bounds = time_bounds(subject.record) if subject is not None else None
    if subject is None or subject_bounds is None:
        return
    when = None
    if bounds is None:
        when = _published(context, record.provenance, published)
        if when is None:
            return
        bounds = (when.earliest, when.latest)
    if not bounds[1] < subject_bounds[0]:
        return
    said = (
        time_text(record.time)
        if when is None
        else f"(in source {record.provenance.source!r}, published {time_text(when)})"
    )
    yield Finding(
        FindingKind.ANACHRONISM,
        _certainty(context, entry),
        (entry.id, subject.id),
        f"{context.words.describe(entry)} {said} speaks of "
        f"{context.words.describe(subject)} as having happened, but that began "
        f"{time_text(subject.record.time)}." + _doubts(context, entry),
    )


def _published(
    context: CheckContext, provenance: Provenance, published: dict[str, When | None]
) -> When | None:
    """When the source was published, as it now stands (remembered by source id).

    A corrected date counts; a retracted source dates nothing.
    """
    if provenance.source in published:
        return published[provenance.source]
    current = context.current(provenance.source)
    source = None if current is None else current.record
    when = source.published if isinstance(source, Source) else None
    published[provenance.source] = when
    return when


def _outside_lifespans(
    context: CheckContext,
    entry: Entry,
    bounds: tuple[datetime, datetime],
    lives: dict[str, Entry],
) -> Iterator[Finding]:
    """The record named an actor (``lives``: the actors whose lifespan is known) out of its time."""
    if isinstance(entry.record, Actor):
        return
    named = {context.root[actor] for actor in named_actors(entry.record)}
    for actor_id in sorted(named & lives.keys()):
        actor_entry = lives[actor_id]
        life = _life(actor_entry)
        if bounds[1] < life.start.earliest:
            when = f"before it existed (from {time_text(life.start)})"
        elif life.end is not None and bounds[0] > life.end.latest:
            when = f"after it ceased to exist ({time_text(life.end)})"
        else:
            continue
        yield Finding(
            FindingKind.ANACHRONISM,
            _certainty(context, entry),
            (entry.id, actor_entry.id),
            f"{context.words.describe(entry)} {time_text(entry.record.time)} names "
            f"{context.words.name(actor_id)} {when}." + _doubts(context, entry),
        )


def _after_publication(
    context: CheckContext,
    entry: Entry,
    bounds: tuple[datetime, datetime],
    published: dict[str, When | None],
) -> Iterator[Finding]:
    """The event began after its source was published (``published``: remembered by source)."""
    provenance = getattr(entry.record, "provenance", None)
    if not isinstance(provenance, Provenance) or isinstance(entry.record, Ceasefire):
        return
    if context.status(entry) is not Status.OCCURRED:
        return  # a source announces what is planned for later, or what was called off
    when = _published(context, provenance, published)
    if when is not None and bounds[0] > when.latest:
        yield Finding(
            FindingKind.ANACHRONISM,
            _certainty(context, entry),
            (entry.id, provenance.source),
            f"{context.words.describe(entry)} began {time_text(entry.record.time)}, after its "
            f"source {provenance.source!r} was published ({time_text(when)})."
            + _doubts(context, entry),
        )


def unresolved_local_times(ledger: Ledger) -> Iterator[Finding]:
    """Local wall times that were skipped or repeated in their zone and resolved by a policy.

    Always **definite**: the wall time did not exist, or existed twice, on that zone's clocks, so
    the instant recorded is a choice someone made. One finding per record, naming each such wall
    time in it (a span from 01:20 to 01:50 on the night clocks go back is one problem). O(n).
    """
    context = context_for(ledger)
    statuses: dict[tuple[datetime, str], str] = {}
    found: list[str] = []
    current: Entry | None = None
    for entry, when in _walls(context):  # each record's wall times come together
        if entry is not current:
            if current is not None and found:
                yield _unresolved(context, current, found)
            current, found = entry, []
        assert when.wall is not None
        assert when.zone is not None
        key = (when.wall, when.zone)
        status = statuses.get(key)
        if status is None:
            status = statuses[key] = local_status(when.wall, when.zone)
        if status == "ok" or (when.either and status == "repeated"):
            continue  # an "either" time was not resolved: it is kept as the two instants
        what = "did not exist" if status == "skipped" else "happened twice"
        found.append(
            f"the wall time {when.wall.isoformat(sep=' ')} {what} in {when.zone}; it was "
            f"resolved by a policy to {time_text(when)}"
            + (f" (the words: {when.text!r})" if when.text else "")
        )
    if current is not None and found:
        yield _unresolved(context, current, found)


def _unresolved(context: CheckContext, entry: Entry, found: list[str]) -> Finding:
    return Finding(
        FindingKind.UNRESOLVED_LOCAL_TIME,
        "definite",
        (entry.id,),
        f"{context.words.describe(entry)}: {'; and '.join(dict.fromkeys(found))}.",
    )


def _walls(context: CheckContext) -> Iterator[tuple[Entry, When]]:
    """Each When read off a wall clock in a zone, with its entry.

    Kind by kind, visiting only the fields whose type can hold a When.
    """
    for kind, entries in context.by_type().items():
        plan = plan_of(kind)
        fields = plan.times + plan.nested_times
        for entry in entries if fields else ():
            record = entry.record
            for name in fields:
                value = getattr(record, name)
                if type(value) is When:
                    if value.wall is not None and value.zone is not None:
                        yield entry, value
                elif value is not None:
                    for when in whens_in(value):
                        if when.wall is not None and when.zone is not None:
                            yield entry, when
