"""Planting defects: helpers, and planters for double bookings, ceasefire violations, wall times.

Each planter adds records after a consistent ledger's last event and returns the findings
``check`` must report, worked out from how the records were built.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Final, NamedTuple

import attrs
from hypothesis import strategies as st

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Ceasefire,
    Certainty,
    Claim,
    Finding,
    FindingKind,
    Hostility,
    Meeting,
    Precision,
    Provenance,
    SameEvent,
    Source,
    Span,
    Stance,
    Statement,
    Status,
    When,
)
from diplomacy_ledger.checks import is_stay
from diplomacy_ledger.strategies._local import wall_times
from diplomacy_ledger.strategies._texts import ORGANIZATIONS
from diplomacy_ledger.strategies._times import clock_when, lengths
from diplomacy_ledger.strategies._world import StateCast, World
from diplomacy_ledger.strategies._zones import SCAN_END, SCAN_START

__all__ = [
    "ExpectedFinding",
    "Planted",
    "certainty",
    "clock",
    "fresh_voice",
    "partner",
    "person",
    "plant_ceasefire_violation",
    "plant_double_booking",
    "plant_unresolved_local_time",
    "quiet_denial",
]

CLOCKS: Final = (Precision.MINUTE, Precision.SECOND, Precision.HOUR)
# Wall times the clocks skipped or repeated, resolved by a policy: a time kept as "either" of
# two instants is not an unresolved one (the checks read it as both).
_RESOLVED_BY_POLICY: Final = wall_times(
    zones=None,
    min_value=SCAN_START,
    max_value=SCAN_END - timedelta(days=1),
    unresolved=True,
    either=False,
)


class ExpectedFinding(NamedTuple):
    """A finding a check must report: its kind, certainty and entries (not its explanation).

    A tuple, so it compares equal to ``(finding.kind, finding.certainty, finding.entries)``.
    """

    kind: str
    certainty: Certainty
    entries: tuple[str, ...]

    @classmethod
    def of(cls, finding: Finding) -> ExpectedFinding:
        """The kind, certainty and entries of a :class:`~diplomacy_ledger.Finding`."""
        return cls(finding.kind, finding.certainty, finding.entries)


Planted = tuple[list[ExpectedFinding], str]


def certainty(disputed: bool) -> Certainty:
    """Possible when the defect rests on a disputed record, else definite."""
    return "possible" if disputed else "definite"


def fresh_voice(w: World) -> str:
    """An actor with no lifespan, not yet in the ledger: an organization or a monitoring group."""
    for name, short in ORGANIZATIONS:
        if w.free((name, short)):
            actor = Actor(name, ActorKind.INTERNATIONAL_ORGANIZATION, (short,))
            return w.add_actor(actor, "organization")
    number = len(w.ledger) + 1
    return w.add_actor(Actor(f"Monitoring group {number}", ActorKind.COLLECTIVE), "group")


def person(w: World) -> str:
    """A person from the ledger, or a new one."""
    if w.persons and w.coin():
        return w.pick(w.persons)
    return w.fresh_person()


def partner(w: World, *avoid: str) -> str:
    """Someone else to take part: an actor from the ledger, or a new state."""
    known = [a for a in (*w.persons, *(s.speaker for s in w.states)) if a not in avoid]
    if known and w.coin():
        return w.pick(known)
    return w.fresh_state().id


def quiet_denial(w: World, about: str, source: str) -> str:
    """A denial of a record no one asserts: it makes the record disputed, and nothing else."""
    denier = fresh_voice(w)
    return w.add(Claim(denier, Stance.DENIES, Provenance(source), about=about), "claim")


def clock(w: World, zone: str | None) -> When:
    """An exact instant after everything so far."""
    return w.after(zone, w.pick(CLOCKS))


def plant_double_booking(w: World) -> Planted:
    """Two calls with one person, and different others, that overlap for every placement."""
    who = person(w)
    first = partner(w, who)
    second = partner(w, who, first)
    return _overlapping_calls(w, who, first, second, FindingKind.DOUBLE_BOOKING)


def plant_possibly_same_event(w: World) -> Planted:
    """Two unlinked calls of the very same people that overlap for every placement."""
    who = person(w)
    other = partner(w, who)
    return _overlapping_calls(w, who, other, other, FindingKind.POSSIBLY_SAME_EVENT)


def _overlapping_calls(w: World, who: str, first: str, second: str, kind: str) -> Planted:
    draw = w.draw
    zone = w.zone(who)
    shape = w.pick(("same instant", "instant inside", "overlapping spans"))
    windows = st.sampled_from((*CLOCKS, Precision.SPAN))
    a_time: When | Span
    b_time: When | Span
    if shape == "same instant":
        a_time = clock(w, zone)
        b_time = a_time.to_zone(w.zone(who))
    elif shape == "instant inside":
        start = w.after(zone, draw(windows))
        b_time = clock(w, zone)
        a_time = Span(start, w.after(zone, draw(windows)))
    else:
        a_start = w.after(zone)
        b_start = w.after(zone, draw(windows))
        ends = (w.after(zone), w.after(zone))
        a_end, b_end = ends if w.coin() else ends[::-1]
        a_time, b_time = Span(a_start, a_end), Span(b_start, b_end)
    source = w.source_for_story(zone)
    if kind == FindingKind.POSSIBLY_SAME_EVENT and is_stay(a_time) != is_stay(b_time):
        b_time = a_time  # the same people during a stay of theirs: a part of it, no finding
    stay = kind == FindingKind.DOUBLE_BOOKING and (is_stay(a_time) or is_stay(b_time))
    if stay:  # a stay leaves time for calls: only being in person elsewhere clashes
        places = [w.fresh_place(zone or "UTC", ()) for _ in range(2)]
        meeting = Meeting.summit((who, first), a_time, Provenance(source), place=places[0])
        a = w.add(meeting, "meeting")
        other = Meeting.summit((second, who), b_time, Provenance(source), place=places[1])
        b = w.add(other, "meeting")
    else:
        a = w.add(Call((who, first), a_time, Provenance(source)), "call")
        record: Call | Meeting = Call((second, who), b_time, Provenance(source))
        if kind == FindingKind.DOUBLE_BOOKING and w.coin():  # or a summit, no host
            record = Meeting.summit((second, who), b_time, Provenance(source))
        b = w.add(record, "meeting" if isinstance(record, Meeting) else "call")
    if w.coin():  # a call called off at the same time takes no one's time
        w.add(Call((who, first), a_time, Provenance(source), status=Status.CANCELLED), "call")
    disputed = w.coin()  # drawn last, so that dropping the denial leaves the rest as it was
    if disputed:
        quiet_denial(w, w.pick((a, b)), source)
    if kind == FindingKind.POSSIBLY_SAME_EVENT:
        found = ExpectedFinding(kind, "possible", (a, b))
        return [found], f"two calls of the same people that overlap ({shape})"
    if stay:  # whoever attends a stay need not be there throughout
        found = ExpectedFinding(kind, "possible", (a, b))
        return [found], f"two meetings with {who} in person at two places, one a stay ({shape})"
    found = ExpectedFinding(kind, certainty(disputed), (a, b))
    return [found], f"two calls with {who} that overlap ({shape})"


def plant_ceasefire_violation(w: World) -> Planted:
    """Fighting between the parties after a ceasefire took effect, within its scope.

    By one party against the other, against the other with no attacker named, or "between"
    them; the ceasefire perhaps only planned, told by two agreeing linked readouts, or local,
    with the fighting at a place it covers.
    """
    draw = w.draw
    blocked = w.ongoing | w.open_ceasefire_parties
    usable = [s for s in w.states if s.id not in blocked and (s.army or s.id) not in blocked]
    if len(usable) >= 2 and w.coin():
        one, two = draw(st.lists(st.sampled_from(usable), min_size=2, max_size=2, unique=True))
    else:
        one, two = w.fresh_state(), w.fresh_state()
    zone = w.zone(one.id, two.id)
    fighters, sides = _fighting_sides(w, one, two)
    attributed = fighters == "attributed"
    status = w.pick((Status.OCCURRED, Status.OCCURRED, Status.PLANNED))
    told_twice = w.coin()
    local = w.coin()
    timing, effective, span, until = _violation_times(w, zone)
    sources = w.pick(("one source", "vouched twice"))
    denied_ceasefire = w.coin()
    source = w.source_for_story(zone)
    via = (fresh_voice(w),) if w.coin() else ()
    scope = (w.fresh_place(zone or "UTC", (two.id,)),) if local else ()
    truce = Ceasefire(
        (one.id, two.id), effective, Provenance(source), until=until, status=status, places=scope
    )
    ceasefire = w.add(truce, "ceasefire")
    truces = [ceasefire]
    if told_twice:  # the other side's readout, agreeing: one ceasefire, one finding
        truces.append(w.add(attrs.evolve(truce, parties=(two.id, one.id)), "ceasefire"))
        w.add(SameEvent(tuple(truces)), "same-event")
    fight = w.add(Hostility(span, Provenance(source, via), places=scope, **sides), "hostility")
    if sources == "vouched twice":  # an independent account: another actor, another source
        other = w.fresh_source()
        w.add(Claim(fresh_voice(w), Stance.ASSERTS, Provenance(other), about=fight), "claim")
    if denied_ceasefire:
        quiet_denial(w, ceasefire, source)
    # One account is not corroboration; fighting by no one named is no party's violation, nor
    # is fighting between the parties; a plan is not known to have taken effect.
    doubtful = denied_ceasefire or sources == "one source" or not attributed
    doubtful = doubtful or status is Status.PLANNED
    definite = timing == "after it took effect" and not doubtful
    found = ExpectedFinding(
        FindingKind.CEASEFIRE_VIOLATION, certainty(not definite), (*truces, fight)
    )
    how = f"{sources}, {fighters}, {status.value}" + (", told twice" if told_twice else "")
    return [found], f"fighting {timing} ({how}{', local' if local else ''})"


def _fighting_sides(w: World, one: StateCast, two: StateCast) -> tuple[str, dict[str, Any]]:
    """Who fought, as a Hostility's fields: one side against the other, or between them."""
    fighters = w.pick(("attributed", "unattributed", "between"))
    attacker = (one.army or one.id) if fighters == "attributed" else None
    target = w.pick((two.id, two.army or two.id))
    if fighters == "between":
        return fighters, {"between": (one.army or one.id, target)}
    return fighters, {"attacker": attacker, "target": target}


def _violation_times(w: World, zone: str | None) -> tuple[str, When, Span, When | None]:
    """When a ceasefire took effect and the fighting that went (or may have gone) on after it.

    And perhaps the ceasefire's end, after the fighting began: it began while the ceasefire
    held.
    """
    timing = w.pick(("after it took effect", "may have gone on after"))
    effective: When
    if timing == "after it took effect":
        effective = w.after(zone)
        start = w.after(zone)
        shape = w.pick(("closed", "open", "ongoing"))
        span = w.span_from(start, zone, shape=shape, after_all=True)
    else:
        start = w.after(zone)
        effective = clock(w, zone)
        # The fighting ended some time in a window around the moment the ceasefire took effect.
        end = When.between(start.latest, clock(w, zone))
        span = Span(start, end)
    until = w.after(zone) if w.coin() else None
    return timing, effective, span, until


def plant_unresolved_local_time(w: World) -> Planted:
    """A record holding a wall time that its zone's clocks skipped or repeated."""
    draw = w.draw
    local = draw(_RESOLVED_BY_POLICY)
    when = local.when
    shape = w.pick(("source", "statement", "call", "meeting", "ceasefire"))
    if shape == "source":
        id = w.add(Source("A dated dispatch", published=when), "source")
        return [ExpectedFinding(FindingKind.UNRESOLVED_LOCAL_TIME, "definite", (id,))], shape
    source = w.fresh_source()  # no publication time: the wall time may lie anywhere
    record: Statement | Call | Meeting | Ceasefire
    moment: When | Span = when
    if w.coin():
        later = clock_when(when.latest + draw(lengths(max_days=2)), local.zone, Precision.MINUTE)
        moment = Span(when, later)
    if shape == "statement":
        record = Statement(fresh_voice(w), Provenance(source), when=moment)
    elif shape == "call":
        record = Call((fresh_voice(w), w.fresh_state().id), moment, Provenance(source))
    elif shape == "meeting":
        record = Meeting(fresh_voice(w), (w.fresh_state().id,), moment, Provenance(source))
    else:
        record = Ceasefire((w.fresh_state().id, w.fresh_state().id), when, Provenance(source))
    id = w.add(record, shape)
    return [
        ExpectedFinding(FindingKind.UNRESOLVED_LOCAL_TIME, "definite", (id,))
    ], f"{shape}: {local.status}"
