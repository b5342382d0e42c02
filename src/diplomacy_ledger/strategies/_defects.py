"""Consistent ledgers with one defect planted in them, and exactly what the checks must report.

A defect is planted after a consistent ledger's last event, in records of its own (which may name
the ledger's actors, sources, events or claims), so that nothing else changes: ``check`` must
report the expected findings and nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Final

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Agreement,
    Call,
    Ceasefire,
    Certainty,
    Claim,
    Entry,
    Finding,
    FindingKind,
    Ledger,
    Meeting,
    Office,
    Participant,
    Provenance,
    Report,
    SameEvent,
    Span,
    Stance,
    Statement,
    Tenure,
    When,
    normalise_name,
)
from diplomacy_ledger._repr import python_repr
from diplomacy_ledger.strategies._args import check_choice, check_size, shown_arguments
from diplomacy_ledger.strategies._ledgers import build_world
from diplomacy_ledger.strategies._plant import (
    CLOCKS,
    ExpectedFinding,
    Planted,
    certainty,
    clock,
    fresh_voice,
    partner,
    person,
    plant_ceasefire_violation,
    plant_double_booking,
    plant_possibly_same_event,
    plant_unresolved_local_time,
    quiet_denial,
)
from diplomacy_ledger.strategies._stories import new_proposition
from diplomacy_ledger.strategies._times import clock_when, reach
from diplomacy_ledger.strategies._world import World

__all__ = ["LEDGER_DEFECTS", "LedgerDefect", "ledgers_with_defect"]

LEDGER_DEFECTS: Final = (
    FindingKind.CONTRADICTION.value,
    FindingKind.OFFICE_NOT_HELD.value,
    FindingKind.DOUBLE_BOOKING.value,
    FindingKind.POSSIBLY_SAME_EVENT.value,
    FindingKind.CEASEFIRE_VIOLATION.value,
    FindingKind.ANACHRONISM.value,
    FindingKind.UNRESOLVED_LOCAL_TIME.value,
    FindingKind.READOUT_MISMATCH.value,
)
"""The defects planted in ledgers: the finding kinds of the built-in checks."""


@python_repr
@attrs.frozen(unsafe_hash=False)
class LedgerDefect:
    """A ledger with one planted defect, and the findings a check must report on it.

    ``expected`` is sorted as :func:`~diplomacy_ledger.check` sorts its findings; a defect can
    be reported more than once (a double booking, once for each person on both calls).
    ``planted`` lists the ids of the entries added to plant it; ``description`` says how.
    """

    kind: str
    ledger: Ledger
    expected: tuple[ExpectedFinding, ...]
    planted: tuple[str, ...]
    description: str

    def matches(self, findings: Iterable[Finding]) -> bool:
        """Whether ``findings`` are exactly the expected ones (explanations aside)."""
        return [ExpectedFinding.of(f) for f in findings] == list(self.expected)


def ledgers_with_defect(
    kind: str | st.SearchStrategy[str] | None = None, *, min_size: int = 0, max_size: int = 20
) -> st.SearchStrategy[LedgerDefect]:
    """A consistent ledger with one defect planted in it, as a :class:`LedgerDefect`.

    Requires hypothesis. ``kind`` is one of
    :data:`~diplomacy_ledger.strategies.LEDGER_DEFECTS` (the finding kinds of the built-in
    checks), a strategy of them, or None to draw one. The consistent ledger the defect is
    planted in has between ``min_size`` and ``max_size`` entries; planting adds a few more.
    ``check(defect.ledger)`` reports exactly ``defect.expected``: the kind, the certainty
    (``"possible"`` when the defect rests on a record the ledger disputes, or holds for some
    placements of the times only) and the entries. Dangling references and duplicate ids cannot
    be planted in a Ledger, which refuses them: see :func:`payloads_with_defect`.
    """
    if isinstance(kind, str) and kind in ("dangling_reference", "duplicate_id"):
        raise InvalidArgument(
            f"a Ledger refuses a {kind} at append: draw it with payloads_with_defect({kind!r})"
        )
    if kind is not None:
        check_choice(kind, "kind", LEDGER_DEFECTS)
    check_size(min_size, max_size)
    kinds: st.SearchStrategy[str]
    if kind is None:
        kinds = st.sampled_from(LEDGER_DEFECTS)
    elif isinstance(kind, str):
        kinds = st.just(kind)
    else:
        kinds = kind

    @st.composite
    def ledgers_with_defect(draw: st.DrawFn, /, **shown: object) -> LedgerDefect:
        chosen = draw(kinds)
        if chosen not in _PLANTERS:
            raise InvalidArgument(f"kind drew {chosen!r}, not one of {list(LEDGER_DEFECTS)}")
        world = build_world(draw, consistent=True, min_size=min_size, max_size=max_size)
        before = len(world.ledger)
        world.budget = before + 1000
        world.begin_story()
        expected, description = _PLANTERS[chosen](world)
        planted = tuple(entry.id for entry in list(world.ledger)[before:])
        return LedgerDefect(chosen, world.ledger, tuple(sorted(expected)), planted, description)

    return ledgers_with_defect(**shown_arguments(min_size=min_size, max_size=max_size, kind=kind))


def _variant(text: str) -> str:
    """The same proposition written differently: case, spacing, punctuation."""
    variant = text.upper().replace(" ", "  ") + "."
    assert normalise_name(variant) == normalise_name(text)
    return variant


def plant_contradiction(w: World) -> Planted:
    """A denial of something an actor (another one, or the same one) asserts."""
    shapes = [
        "denied claim",
        "same proposition",
        "same key, other words",
        "event known through someone",
        "reported event",
    ]
    if w.asserting_claims:
        shapes.append("claim in the ledger")
    shape = w.pick(shapes)
    zone = w.zone()
    if shape == "claim in the ledger":
        subject = w.pick(w.asserting_claims)
        source = w.source_for_story(zone)
        denier = fresh_voice(w)
        denial = w.add(Claim(denier, Stance.DENIES, Provenance(source), about=subject), "claim")
        return [ExpectedFinding(FindingKind.CONTRADICTION, "definite", (subject, denial))], shape
    if shape == "same key, other words":  # each side in its own words, one proposition
        source = w.source_for_story(zone)
        key = w.new_id("proposition")
        said = Claim(fresh_voice(w), Stance.ASSERTS, Provenance(source), key=key)
        claim = w.add(attrs.evolve(said, proposition=new_proposition(w)), "claim")
        denial_record = Claim(
            fresh_voice(w), Stance.DENIES, Provenance(source), key=key, words="completely false"
        )
        denial = w.add(denial_record, "claim")
        return [ExpectedFinding(FindingKind.CONTRADICTION, "definite", (claim, denial))], shape
    if shape in ("denied claim", "same proposition"):
        source = w.source_for_story(zone)
        claimant = fresh_voice(w)
        denier = fresh_voice(w) if w.coin() else claimant  # the same one: a retraction
        proposition = new_proposition(w)
        stance = w.pick((Stance.ASSERTS, Stance.ACCUSES))
        claim = w.add(Claim(claimant, stance, Provenance(source), proposition=proposition), "claim")
        if shape == "denied claim":
            denial_record = Claim(denier, Stance.DENIES, Provenance(source), about=claim)
        else:
            variant = _variant(proposition)
            denial_record = Claim(denier, Stance.DENIES, Provenance(source), proposition=variant)
        denial = w.add(denial_record, "claim")
        return [ExpectedFinding(FindingKind.CONTRADICTION, "definite", (claim, denial))], shape
    time = w.event_time(zone)
    report_when = w.after(zone) if w.coin() else None
    source = w.source_for_story(zone)
    who = partner(w)
    other = partner(w, who)
    via = (fresh_voice(w),) if shape == "event known through someone" else ()
    event = w.add(Call((who, other), time, Provenance(source, via)), "call")
    entries = [event]
    if shape == "reported event":
        report = Report(fresh_voice(w), event, Provenance(source), when=report_when)
        entries.append(w.add(report, "report"))
    denier = via[0] if via and w.coin() else fresh_voice(w)
    denial = w.add(Claim(denier, Stance.DENIES, Provenance(source), about=event), "claim")
    return [ExpectedFinding(FindingKind.CONTRADICTION, "definite", (*entries, denial))], shape


def plant_office_not_held(w: World) -> Planted:
    """A record naming someone in an office they did not hold at its time."""
    who = person(w)
    held = {office for holder, office, _ in w.tenures if holder == who}
    offices = [office for office in w.offices if office not in held]
    if offices and w.coin():
        office = w.pick(offices)
    else:
        jurisdiction = w.states[0].id if w.states and w.coin() else None
        office = w.add(Office("Special Envoy", jurisdiction=jurisdiction), "office")
    zone = w.zone(who)
    # Open world: without a recorded tenure of theirs in that office there is no finding, so
    # every shape records one, and the record's time falls outside what it says.
    how = w.pick(("tenure began later", "tenure ended", "straddles its end"))
    found: Certainty = "definite"
    time: When | Span
    if how == "tenure began later":
        time = w.event_time(zone)
        tenure = Span(w.after(zone), w.after(zone))
    elif how == "tenure ended":
        tenure = Span(w.after(zone), w.after(zone))
        time = w.event_time(zone)
    else:
        start, inside = clock(w, zone), clock(w, zone)
        tenure = Span(start, clock(w, zone))
        time = When.between(inside, clock(w, zone))
        found = "possible"  # some placements put the record inside the tenure
    disputed = w.coin()
    source = w.source_for_story(zone)
    w.add(Tenure(who, office, tenure), "tenure")
    named = Participant(who, office)
    shapes = ("statement", "call", "meeting", "summit", "claim", "agreement")
    shape = w.pick(shapes)
    record: Statement | Call | Meeting | Claim | Agreement
    if shape == "statement":
        record = Statement(named, Provenance(source), when=time)
    elif shape == "call":
        record = Call((named, partner(w, who)), time, Provenance(source))
    elif shape == "meeting":
        record = Meeting(partner(w, who), (named,), time, Provenance(source))
    elif shape == "summit":
        record = Meeting.summit((named, partner(w, who)), time, Provenance(source))
    elif shape == "claim":  # the claimant speaking in the office
        key = w.new_id("proposition")
        record = Claim(who, Stance.ASSERTS, Provenance(source), key=key, office=office, when=time)
    else:  # a signatory in the office
        parties = (w.fresh_state().id, w.fresh_state().id)
        record = Agreement(parties, Provenance(source), signatories=(named,), signed=time)
    id = w.add(record, shape)
    if disputed and shape != "claim":  # denying a claim would plant a contradiction too
        quiet_denial(w, id, source)
        found = "possible"
    return [ExpectedFinding(FindingKind.OFFICE_NOT_HELD, found, (id,))], f"{shape}: {how}"


def plant_anachronism(w: World) -> Planted:
    """A record that speaks of something before it could have happened.

    A report before its event, a record outside an actor's lifespan, or an event after its
    source was published.
    """
    draw = w.draw
    shapes = ("report before its event", "before the actor existed", "after the actor ceased",
              "after its source was published")  # fmt: skip
    shape = w.pick(shapes)
    zone = w.zone()
    disputed = w.coin()
    if shape == "report before its event":
        time = w.event_time(zone)
        source = w.fresh_source()  # no publication time: the report may come first
        if w.events and w.coin():
            subject = w.pick(w.events)
        else:
            who = partner(w)
            subject = w.add(Call((who, partner(w, who)), time, Provenance(source)), "call")
        bounds = reach(w.ledger.record(subject).time)
        assert bounds is not None
        gap = timedelta(hours=draw(st.integers(2, 24 * 60)))
        when = clock_when(bounds[0] - gap, zone, w.pick(CLOCKS))
        report = Report(fresh_voice(w), subject, Provenance(source), when=when)
        id = w.add(report, "report")
        # Never disputed: a report stands for what it says, so denying it would also plant a
        # contradiction with its reporter, and a planted ledger holds exactly one defect.
        return [ExpectedFinding(FindingKind.ANACHRONISM, "definite", (id, subject))], shape
    if shape == "after its source was published":
        published = w.after(zone)
        time = w.event_time(zone)
        source = w.fresh_source(published=published)
        who = partner(w)
        id = w.add(Call((who, partner(w, who)), time, Provenance(source)), "call")
        if disputed:
            quiet_denial(w, id, w.fresh_source())
        return [ExpectedFinding(FindingKind.ANACHRONISM, certainty(disputed), (id, source))], shape
    if shape == "before the actor existed":
        time = w.event_time(zone)
        lifespan = Span(w.after(zone))
    else:
        lifespan = Span(When.year(w.base.year - 50), w.after(zone))
        time = w.event_time(zone)
    name = f"Transitional Council {len(w.ledger) + 1}"
    council = w.add_actor(Actor(name, ActorKind.GOVERNMENT, lifespan=lifespan), "council")
    source = w.fresh_source()
    id = w.add(Call((council, partner(w, council)), time, Provenance(source)), "call")
    if disputed:
        quiet_denial(w, id, source)
    return [ExpectedFinding(FindingKind.ANACHRONISM, certainty(disputed), (id, council))], shape


def plant_readout_mismatch(w: World) -> Planted:
    """Records linked as one event that disagree on who took part, or on when."""
    shapes = ["participants differ", "times cannot coincide", "three readouts"]
    shapes += ["ceasefire parties differ", "agreement parties differ"]
    if w.contacts:
        shapes.append("a call in the ledger")
    shape = w.pick(shapes)
    zone = w.zone()
    disputed = w.coin()
    if shape in ("ceasefire parties differ", "agreement parties differ"):
        return _parties_differ(w, shape, disputed)
    if shape == "a call in the ledger":
        known = w.pick(w.contacts)
        time = w.event_time(zone)
        source = w.source_for_story(zone)
        other = w.add(Call(tuple(sorted(known.actors)), time, Provenance(source)), "call")
        if disputed:
            quiet_denial(w, other, source)
        w.add(SameEvent((known.id, other)), "same-event")
        # One finding for the event: every link and readout of it (``known`` may already be
        # one of two readouts). Definite unless the disagreement rests only on disputed ones.
        links, readouts = _event_of(w, other)
        doubted = {w.ledger.origin(c.id) for c in w.contacts if c.disputed}
        agreeing = [r for r in readouts if r != other and w.ledger.origin(r) not in doubted]
        found = certainty(disputed or not agreeing)
        return [ExpectedFinding(FindingKind.READOUT_MISMATCH, found, (*links, *readouts))], shape
    who = person(w)
    first = partner(w, who)
    second = partner(w, who, first)
    time = w.event_time(zone)
    apart = shape == "times cannot coincide"
    later = w.event_time(zone) if apart else w.coarsen(time, w.zone(who))
    third = w.coarsen(time, w.zone(who)) if shape == "three readouts" else None
    source = w.source_for_story(zone)
    a = w.add(Call((who, first), time, Provenance(source)), "call")
    b = w.add(Call((first, who) if apart else (who, second), later, Provenance(source)), "call")
    members = [a, b]
    if third is not None:
        members.append(w.add(Call((first, who), third, Provenance(source)), "call"))
    if disputed:
        quiet_denial(w, b, source)
    link = w.add(SameEvent(tuple(members)), "same-event")
    # One event, one finding: the third agrees with the first, not with the second.
    mismatch = ExpectedFinding(FindingKind.READOUT_MISMATCH, certainty(disputed), (link, *members))
    return [mismatch], shape


def _event_of(w: World, readout: str) -> tuple[list[str], list[str]]:
    """The links and the readouts of the event ``readout`` belongs to, each in order recorded.

    The links that join it, directly or through other readouts, by first versions (a link may
    name a record corrected since); each readout as its current version, retracted ones left out.
    """
    origin = w.ledger.origin
    links = [e for e in w.ledger.by_kind(SameEvent) if isinstance(e.record, SameEvent)]
    members, joined = {origin(readout)}, []
    while True:
        more = [e for e in links if e not in joined and members & {origin(i) for i in _linked(e)}]
        if not more:
            break
        for link in more:
            joined.append(link)
            members.update(origin(i) for i in _linked(link))
    order = w.ledger.index
    current = [w.ledger.current(id) for id in members]
    return (
        [e.id for e in sorted(joined, key=lambda e: order(e.id))],
        sorted((e.id for e in current if e is not None), key=order),
    )


def _linked(link: Entry) -> tuple[str, ...]:
    assert isinstance(link.record, SameEvent)
    return link.record.entries


def _parties_differ(w: World, shape: str, disputed: bool) -> Planted:
    """Two readouts of a ceasefire, or of an agreement, that name other parties.

    New states only: a ceasefire between states of the ledger could meet its fighting.
    """
    one, two, three = (w.fresh_state().id for _ in range(3))
    zone = w.zone(one, two)
    first: Ceasefire | Agreement
    if shape == "ceasefire parties differ":
        effective = w.after(zone)
        first = Ceasefire((one, two), effective, Provenance(w.source_for_story(zone)))
    else:
        signed = w.event_time(zone)
        first = Agreement((one, two), Provenance(w.source_for_story(zone)), signed=signed)
    second = attrs.evolve(first, parties=(one, three))
    prefix = "ceasefire" if shape == "ceasefire parties differ" else "agreement"
    a, b = w.add(first, prefix), w.add(second, prefix)
    if disputed:
        quiet_denial(w, b, first.provenance.source)
    link = w.add(SameEvent((a, b)), "same-event")
    return [ExpectedFinding(FindingKind.READOUT_MISMATCH, certainty(disputed), (link, a, b))], shape


_PLANTERS: Final[dict[str, Callable[[World], Planted]]] = {
    FindingKind.CONTRADICTION: plant_contradiction,
    FindingKind.OFFICE_NOT_HELD: plant_office_not_held,
    FindingKind.DOUBLE_BOOKING: plant_double_booking,
    FindingKind.POSSIBLY_SAME_EVENT: plant_possibly_same_event,
    FindingKind.CEASEFIRE_VIOLATION: plant_ceasefire_violation,
    FindingKind.ANACHRONISM: plant_anachronism,
    FindingKind.UNRESOLVED_LOCAL_TIME: plant_unresolved_local_time,
    FindingKind.READOUT_MISMATCH: plant_readout_mismatch,
}
