"""The cast of a drawn ledger (states, people, offices, places, sources), and its tenures.

The cast is drawn lazily: a story that needs a voice or a state takes one already in the ledger
or adds a new one, so every actor is there because a story names it (or it belongs to a state
that is), and a shrinking test loses actors with the stories that named them. Current holders'
tenures are written last, once the timeline is known, so that (in consistent mode) they cover
all of it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from hypothesis import strategies as st

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Office,
    Span,
    Tenure,
)
from diplomacy_ledger.strategies._texts import ORGANIZATIONS, STATES
from diplomacy_ledger.strategies._texts import StateFacts as Facts
from diplomacy_ledger.strategies._world import StateCast, World

__all__ = [
    "finish",
    "new_state",
    "new_voice",
    "pad",
    "room_for",
    "states",
    "voices",
    "voices_of",
]

_ROLES: Final = ("President", "Prime Minister", "Foreign Minister")


def voices_of(w: World) -> list[str]:
    """Who speaks and takes part: people, governments (or states), organizations."""
    return [*w.persons, *(state.speaker for state in w.states), *w.organizations]


def voices(w: World, count: int, *, keep: int = 2, avoid: Collection[str] = ()) -> list[str]:
    """``count`` distinct voices: each one already in the ledger, or new.

    The cast grows as the stories need it, so that an actor no story names is never drawn, and a
    shrinking test loses the actors with the stories. A new actor is added only while the room
    left keeps ``keep`` entries for the story and one for each voice still to choose; the story
    must have checked that ``count`` new ones would fit (see :func:`room_for`).
    """
    chosen: list[str] = []
    for left in range(count - 1, -1, -1):
        known = [voice for voice in voices_of(w) if voice not in chosen and voice not in avoid]
        roomy = w.room() - 1 >= keep + left and w.voices_left() > left
        if known and (not roomy or not w.coin()):
            chosen.append(w.pick(known))
        else:
            chosen.append(new_voice(w, keep=keep + left, spare=left))
    return chosen


def room_for(w: World, count: int, known: int, keep: int = 2, *, states: bool = False) -> bool:
    """Whether a story needing ``count`` distinct voices (``known`` of them there) fits.

    With ``states``, the voices are states, which actors given by name (``actors=[...]``) are
    not.
    """
    needed = max(0, count - known)
    if states and w.knobs.names and needed:
        return False
    return w.room() >= keep + needed and needed <= w.voices_left()


def new_voice(w: World, *, keep: int, spare: int = 0) -> str:
    """A new actor who can speak: a person, a state (its government, if it has one), or an IGO.

    ``spare`` voices are left under the user's ``actors=`` cap for the story's other roles.
    """
    kind = w.pick(("person", "state", "organization"))
    if w.knobs.names:
        return w.fresh_person()
    if kind == "state" and _free_states(w):
        return new_state(w, keep=keep, spare=spare).speaker
    if kind == "organization":
        for name, short in ORGANIZATIONS:
            if w.free((name, short)):
                actor = Actor(name, ActorKind.INTERNATIONAL_ORGANIZATION, (short,))
                id = w.add_actor(actor, "organization")
                w.organizations.append(id)
                return id
    return w.fresh_person()


def _free_states(w: World) -> list[Facts]:
    return [facts for facts in STATES if w.free((facts.name, facts.official))]


def states(w: World, count: int, usable: list[StateCast], *, keep: int = 2) -> list[StateCast]:
    """``count`` distinct states among ``usable`` ones, or new ones (as :func:`voices`)."""
    chosen: list[StateCast] = []
    for left in range(count - 1, -1, -1):
        known = [state for state in usable if state not in chosen]
        roomy = w.room() - 1 >= keep + left and w.voices_left() > left and not w.knobs.names
        if known and (not roomy or not w.coin()):
            chosen.append(w.pick(known))
        else:
            chosen.append(new_state(w, keep=keep + left, spare=left))
    return chosen


def new_state(w: World, *, keep: int, spare: int = 0) -> StateCast:
    """A new state, and what the room left allows of its offices, places and parts.

    ``keep`` entries are left for what the story still needs, and ``spare`` voices under the
    user's ``actors=`` cap for the story's other roles (an office's new holder is a voice too).
    """
    draw = w.draw
    free = _free_states(w)
    state = w.add_state(w.pick(free)) if free else w.fresh_state()
    for role in draw(st.lists(st.sampled_from(_ROLES), max_size=2, unique=True)):
        if w.room() - 3 >= keep and w.allows("office", "tenure"):  # the office, a tenure or two
            _add_office(w, state, role, keep=keep, spare=spare)
    for _ in range(draw(st.integers(0, 2))):
        if w.room() - 1 >= keep and w.allows("place"):
            state.places.append(w.fresh_place(state.facts.zone, (state.id,)))
    others = [other for other in w.states if other is not state]
    if others and w.room() - 1 >= keep and w.rare(4) and w.allows("place"):  # two states claim
        other = w.pick(others)
        disputed = w.fresh_place(state.facts.zone, (state.id, other.id))
        state.places.append(disputed)
        other.places.append(disputed)
    parts = st.lists(st.sampled_from(("government", "army", "media")), max_size=3, unique=True)
    for part in draw(parts):
        if w.room() - 1 >= keep:
            _add_part(w, state, part)
    return state


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


def _add_office(w: World, state: StateCast, role: str, *, keep: int, spare: int) -> None:
    """An office of ``state``, perhaps its current holder, perhaps one from before the timeline.

    The current holder is someone who holds no office yet, or a new person.
    """
    office = w.add(Office(f"{role} of {state.facts.name}", jurisdiction=state.id), "office")
    w.offices.append(office)
    w.zone_of[office] = state.facts.zone
    if w.coin():
        free = [person for person in w.persons if not w.holds[person]]
        if free and w.coin():
            holder = w.pick(free)
        elif w.room() - 2 >= keep and w.voices_left() > spare:
            holder = w.fresh_person()
        else:
            holder = None
        if holder is not None:
            w.holds[holder].append(office)
            w.tenures.append((holder, office, True))
            w.reserved += 1
    others = [person for person in w.persons if office not in w.holds[person]]
    if others and w.room() - 1 >= keep and w.coin():
        w.tenures.append((w.pick(others), office, False))
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
            shape = w.pick(("ongoing", "closed"))
            span = w.span_from(start, zone, shape=shape, after_all=True)
        else:
            end = w.day_before_base(zone, draw(st.integers(2, 4000)))
            start = w.day_before_base(zone, (w.base.date() - end.earliest.date()).days + 400)
            span = Span(start, end)
        acting = w.coin()
        w.add(Tenure(person, office, span, acting=acting), "tenure")


def pad(w: World, min_size: int) -> None:
    """Places (or sources, if ``kinds=`` leaves places out) until the ledger holds ``min_size``."""
    zone = w.states[0].facts.zone if w.states else "UTC"
    while len(w.ledger) < min_size:
        if w.allows("place"):
            w.fresh_place(zone, ())
        else:
            w.fresh_source()
