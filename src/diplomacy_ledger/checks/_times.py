"""Checks on times: anachronisms, skipped or repeated local times, and readouts that disagree."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Final

from diplomacy_ledger.checks._context import CheckContext, context_for
from diplomacy_ledger.checks._wording import time_text
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import (
    Actor,
    Agreement,
    Call,
    Ceasefire,
    Claim,
    Entry,
    Finding,
    FindingKind,
    Hostility,
    Mediation,
    Meeting,
    Participant,
    Provenance,
    Report,
    SameEvent,
    Source,
    Stance,
    Statement,
    Status,
    named_actors,
    plan_of,
    time_bounds,
    whens_in,
)
from diplomacy_ledger.time import UTC_MAX, Certainty, Span, When, local_status

__all__ = ["anachronisms", "readout_mismatches", "unresolved_local_times"]


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
            continue
        yield from _before_its_subject(context, entry, bounds)
        if (born is not None and bounds[1] < born) or (gone is not None and bounds[0] > gone):
            yield from _outside_lifespans(context, entry, bounds, lives)
        yield from _after_publication(context, entry, bounds, published)


def _life(entry: Entry) -> Span:
    record = entry.record
    assert isinstance(record, Actor)
    assert record.lifespan is not None
    return record.lifespan


def _certainty(context: CheckContext, *entries: Entry) -> Certainty:
    """Possible when a record it rests on is disputed, or its time is a policy's choice."""
    doubted = any(context.disputed(entry) or context.policy_choices(entry) for entry in entries)
    return "possible" if doubted else "definite"


def _doubts(context: CheckContext, entry: Entry) -> str:
    """The words that say why a finding is at most possible for its time, if any."""
    choices = context.policy_choices(entry)
    return f" At most possible: {'; '.join(choices)}." if choices else ""


def _before_its_subject(
    context: CheckContext, entry: Entry, bounds: tuple[datetime, datetime]
) -> Iterator[Finding]:
    record = entry.record
    if not isinstance(record, Report | Claim) or record.about is None:
        return
    if isinstance(record, Claim) and record.stance is Stance.DENIES:
        return
    subject = context.current(record.about)
    if subject is not None and context.status(subject) is not Status.OCCURRED:
        return  # speaking of a plan before its time is no anachronism
    subject_bounds = time_bounds(subject.record) if subject is not None else None
    if subject is None or subject_bounds is None or not bounds[1] < subject_bounds[0]:
        return
    yield Finding(
        FindingKind.ANACHRONISM,
        _certainty(context, entry),
        (entry.id, subject.id),
        f"{context.words.describe(entry)} {time_text(record.time)} speaks of "
        f"{context.words.describe(subject)} as having happened, but that began "
        f"{time_text(subject.record.time)}." + _doubts(context, entry),
    )


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
    if provenance.source in published:
        when = published[provenance.source]
    else:
        source = context.ledger.get(provenance.source)
        when = source.published if isinstance(source, Source) else None
        published[provenance.source] = when
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
    the instant recorded is a choice someone made. O(n).
    """
    context = context_for(ledger)
    statuses: dict[tuple[datetime, str], str] = {}
    for entry, when in _walls(context):
        assert when.wall is not None
        assert when.zone is not None
        key = (when.wall, when.zone)
        status = statuses.get(key)
        if status is None:
            status = statuses[key] = local_status(when.wall, when.zone)
        if status == "ok" or (when.either and status == "repeated"):
            continue  # an "either" time was not resolved: it is kept as the two instants
        what = "did not exist" if status == "skipped" else "happened twice"
        yield Finding(
            FindingKind.UNRESOLVED_LOCAL_TIME,
            "definite",
            (entry.id,),
            f"{context.words.describe(entry)}: the wall time {when.wall.isoformat(sep=' ')} "
            f"{what} in {when.zone}; it was resolved by a policy to {time_text(when)}"
            + (f" (the words: {when.text!r})" if when.text else "")
            + ".",
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


def readout_mismatches(ledger: Ledger) -> Iterator[Finding]:
    """Records linked as one event (:class:`SameEvent`) that disagree beyond their uncertainty.

    Every kind that can be linked is compared, field by field where both readouts say something
    (what one leaves out is no disagreement): who took part (a call's or meeting's participants,
    a mediation's mediators and parties, a ceasefire's parties, a hostility's attacker and
    target or the sides it was between, a statement's speaker, an agreement's parties and
    mediators), a meeting's place, an agreement's time of effect, and the times: two moments, or
    the starts of two spans, that cannot coincide for any placement; two ends both recorded that
    cannot coincide. A ceasefire's scope is not compared: one readout may name more places. An
    open or "ongoing" end is unknown, not infinitely late, and is not compared. **definite**, or
    **possible** when one of them is disputed or a time was chosen by a policy. Each pair of
    readouts is reported once, however many links join them. O(size of the links).
    """
    context = context_for(ledger)
    seen: set[tuple[str, str]] = set()
    for link in context.of_type(SameEvent):
        assert isinstance(link.record, SameEvent)
        linked = [context.current(i) for i in link.record.entries]
        records = [entry for entry in linked if entry is not None]
        for index, first in enumerate(records):
            for second in records[index + 1 :]:
                if (first.id, second.id) in seen:
                    continue
                seen.add((first.id, second.id))
                problems = _mismatches(context, first, second)
                if not problems:
                    continue
                doubts = context.policy_choices(first) + context.policy_choices(second)
                certainty = "possible" if doubts else _certainty(context, first, second)
                yield Finding(
                    FindingKind.READOUT_MISMATCH,
                    certainty,
                    (link.id, first.id, second.id),
                    f"{context.words.describe(first)} and {context.words.describe(second)} "
                    f"are linked as one event by {context.words.describe(link)}, "
                    f"but {'; and '.join(problems)}"
                    + "".join(f"; {doubt}" for doubt in doubts)
                    + ".",
                )


_WHO: Final[dict[type, tuple[str, ...]]] = {
    Call: ("actors",),
    Meeting: ("actors",),
    Mediation: ("mediators", "parties"),
    Ceasefire: ("parties",),
    Hostility: ("attacker", "target"),
    Statement: ("speaker",),
    Agreement: ("parties", "mediators"),
}
"""Who took part in each kind of event that readouts tell, by the attribute that says it."""


def _mismatches(context: CheckContext, first: Entry, second: Entry) -> list[str]:
    a, b = first.record, second.record
    problems: list[str] = []
    calls = isinstance(a, Call | Meeting) and isinstance(b, Call | Meeting)
    for name in _WHO.get(type(a), ()) if calls or type(a) is type(b) else ():
        left, right = _who(context, a, name), _who(context, b, name)
        if left and right and left != right:
            shown = [
                ", ".join(sorted(context.words.name(x) for x in side)) for side in (left, right)
            ]
            what = "participants" if name == "actors" else name
            problems.append(f"their {what} differ ({shown[0]} / {shown[1]})")
    if isinstance(a, Hostility) and isinstance(b, Hostility):
        problems += _sides_differ(context, a, b)
    effects = [r.effective for r in (a, b) if isinstance(r, Agreement) and r.effective]
    if len(effects) == 2 and _apart(effects[0], effects[1]):
        problems.append(
            f"they take effect at times that cannot coincide ({time_text(effects[0])} / "
            f"{time_text(effects[1])})"
        )
    places = [r.place for r in (a, b) if isinstance(r, Meeting) and r.place is not None]
    if len(places) == 2 and context.root[places[0]] != context.root[places[1]]:
        problems.append(f"their places differ ({' / '.join(map(context.words.name, places))})")
    ta, tb = getattr(a, "time", None), getattr(b, "time", None)
    if ta is not None and tb is not None and _apart(ta, tb):
        problems.append(f"their times cannot coincide ({time_text(ta)} / {time_text(tb)})")
    return problems


def _sides_differ(context: CheckContext, a: Hostility, b: Hostility) -> list[str]:
    """Who fought, where two tellings of fighting name it differently.

    A telling names every side when it says "between" or names both attacker and target; one
    that names every side disagrees with another that names every side otherwise, or that names
    someone among neither of them. Attacker against attacker and target against target are
    compared with the other participants.
    """
    named = [frozenset(context.root[s] for s in h.sides) for h in (a, b)]
    whole = [bool(h.between) or (h.attacker is not None and h.target is not None) for h in (a, b)]
    if not any(whole) or not all(named):
        return []
    if all(whole) and named[0] == named[1]:
        return []
    if not all(whole) and (named[1] <= named[0] if whole[0] else named[0] <= named[1]):
        return []
    if not (a.between or b.between):  # attacker and target: compared as participants are
        return []
    shown = [", ".join(sorted(context.words.name(x) for x in side)) for side in named]
    return [f"the sides they name differ ({shown[0]} / {shown[1]})"]


def _who(context: CheckContext, record: object, name: str) -> frozenset[str]:
    value = getattr(record, name)
    if value is None:
        return frozenset()
    if isinstance(value, Participant):
        value = (value.actor,)
    elif isinstance(value, str):
        value = (value,)
    return frozenset(context.root[actor] for actor in value)


def _apart(a: When | Span, b: When | Span) -> bool:
    """Whether two readouts' times cannot be one event's for any placement.

    Moments and starts are compared, and ends only where both are recorded: an unknown end is
    not an infinitely late one. A moment told against a span must fall between its start and
    its end (any time after the start, if the end is unknown).
    """
    if isinstance(a, Span) and isinstance(b, Span):
        if _disjoint(a.start_bounds, b.start_bounds):
            return True
        return a.end is not None and b.end is not None and _disjoint(a.end_bounds, b.end_bounds)
    if isinstance(a, When) and isinstance(b, When):
        return _disjoint((a.earliest, a.latest), (b.earliest, b.latest))
    moment, span = (a, b) if isinstance(a, When) else (b, a)
    assert isinstance(moment, When)
    assert isinstance(span, Span)
    reach = (span.start.earliest, span.end_bounds[1] if span.end is not None else UTC_MAX)
    return _disjoint((moment.earliest, moment.latest), reach)


def _disjoint(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> bool:
    return a[1] < b[0] or b[1] < a[0]
