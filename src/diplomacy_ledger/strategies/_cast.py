"""The cast of a drawn ledger (states, people, offices, places, sources), and its tenures.

Current holders' tenures are written last, once the timeline is known, so that (in consistent
mode) they cover all of it.
"""

from __future__ import annotations

from typing import Final

from hypothesis import strategies as st

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Office,
    Precision,
    Source,
    Span,
    Tenure,
)
from diplomacy_ledger.strategies._texts import (
    FIRST_NAMES,
    HEADLINES,
    LAST_NAMES,
    ORGANIZATIONS,
    STATES,
)
from diplomacy_ledger.strategies._world import StateCast, World

__all__ = ["cast", "finish", "pad"]

_ROLES: Final = ("President", "Prime Minister", "Foreign Minister")


def cast(w: World) -> None:
    """The cast: states, people, offices and their holders, places, governments, armies, media.

    Then organizations and standing sources. The cast takes at most half of the entries, so that
    the stories have room.
    """
    draw = w.draw
    count = draw(st.integers(0, 4))
    states = draw(st.lists(st.sampled_from(STATES), min_size=count, max_size=count, unique=True))
    for facts in states:
        if _fits(w):
            w.add_state(facts)
    count = draw(st.integers(0, 5))
    for last in draw(
        st.lists(st.sampled_from(LAST_NAMES), min_size=count, max_size=count, unique=True)
    ):
        if _fits(w):
            w.add_person(draw(st.sampled_from(FIRST_NAMES)), last)
    for state in list(w.states):
        for role in draw(st.lists(st.sampled_from(_ROLES), max_size=2, unique=True)):
            if _fits(w, 2):
                _add_office(w, state, role)
    _places(w)
    for state in list(w.states):
        parts = ("government", "army", "media")
        for part in draw(st.lists(st.sampled_from(parts), max_size=3, unique=True)):
            if _fits(w):
                _add_part(w, state, part)
    for name, short in draw(st.lists(st.sampled_from(ORGANIZATIONS), max_size=2, unique=True)):
        if _fits(w):
            actor = Actor(name, ActorKind.INTERNATIONAL_ORGANIZATION, (short,))
            w.organizations.append(w.add_actor(actor, "organization"))
    for _ in range(draw(st.integers(0, 2))):
        if _fits(w):
            w.sources.append(_standing_source(w))


def _places(w: World) -> None:
    """Places in each state, and perhaps one that two states claim."""
    draw = w.draw
    for state in list(w.states):
        for _ in range(draw(st.integers(0, 2))):
            if _fits(w):
                state.places.append(w.fresh_place(state.facts.zone, (state.id,)))
    if len(w.states) >= 2 and _fits(w) and w.coin():
        first, second = draw(
            st.lists(st.sampled_from(w.states), min_size=2, max_size=2, unique=True)
        )
        disputed = w.fresh_place(first.facts.zone, (first.id, second.id))
        first.places.append(disputed)
        second.places.append(disputed)


def _fits(w: World, entries: int = 1) -> bool:
    """Whether the cast may grow by ``entries``: it keeps to half the ledger, four at least."""
    return w.room() >= entries and len(w.ledger) + w.reserved + entries <= max(4, w.budget // 2)


def _add_part(w: World, state: StateCast, part: str) -> None:
    facts = state.facts
    if part == "government":
        aliases = (facts.capital,) if facts.capital else ()
        actor = Actor(
            f"Government of {facts.name}", ActorKind.GOVERNMENT, aliases, part_of=state.id
        )
    elif part == "army":
        actor = Actor(f"{facts.demonym} armed forces", ActorKind.ARMED_FORCES, part_of=state.id)
    else:
        actor = Actor(f"{facts.demonym} media", ActorKind.MEDIA, affiliation=state.id)
    if not w.free((actor.name, *actor.aliases)):
        return
    id = w.add_actor(actor, part)
    setattr(state, part, id)
    w.zone_of[id] = facts.zone


def _standing_source(w: World) -> str:
    draw = w.draw
    media = [state.media for state in w.states if state.media]
    outlet = draw(st.one_of(st.none(), st.sampled_from(media))) if media else None
    published = None
    if not w.consistent and draw(st.booleans()):
        published = w.after(None, Precision.DAY)
    number = len(w.ledger) + 1
    source = Source(
        draw(st.sampled_from(HEADLINES)),
        outlet=outlet,
        url=f"https://wire.example/{number}",
        published=published,
        language=draw(st.sampled_from(("en", "ru", "fr"))),
    )
    return w.add(source, "source")


def _add_office(w: World, state: StateCast, role: str) -> None:
    draw = w.draw
    office = w.add(Office(f"{role} of {state.facts.name}", jurisdiction=state.id), "office")
    w.offices.append(office)
    w.zone_of[office] = state.facts.zone
    free = [person for person in w.persons if not w.holds[person]]
    if free and w.coin():
        holder = draw(st.sampled_from(free))
        w.holds[holder].append(office)
        w.tenures.append((holder, office, True))
        w.reserved += 1
    others = [person for person in w.persons if office not in w.holds[person]]
    if others and w.room() >= 1 and draw(st.booleans()):
        w.tenures.append((draw(st.sampled_from(others)), office, False))
        w.reserved += 1


def finish(w: World) -> None:
    """The tenures: current holders for the whole timeline, former ones before it began."""
    draw = w.draw
    w.tick()
    for person, office, current in w.tenures:
        w.reserved -= 1
        zone = w.zone_of.get(office)
        if current:
            start = w.day_before_base(zone, draw(st.integers(2, 4000)))
            shape = draw(st.sampled_from(("ongoing", "closed")))
            span = w.span_from(start, zone, shape=shape, after_all=True)
        else:
            end = w.day_before_base(zone, draw(st.integers(2, 4000)))
            start = w.day_before_base(zone, (w.base.date() - end.earliest.date()).days + 400)
            span = Span(start, end)
        acting = draw(st.booleans())
        w.add(Tenure(person, office, span, acting=acting), "tenure")


def pad(w: World, min_size: int) -> None:
    """Places, until the ledger holds ``min_size`` entries."""
    zone = w.states[0].facts.zone if w.states else "UTC"
    while len(w.ledger) < min_size:
        w.fresh_place(zone, ())
