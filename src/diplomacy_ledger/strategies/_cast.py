"""The cast of a drawn ledger (states, people, offices, places, sources), and its tenures.

The cast is drawn lazily: a story that needs a voice or a state takes one already in the ledger
or adds a new one, so every actor is there because a story names it (or it belongs to a state
that is), and a shrinking test loses actors with the stories that named them. Current holders'
tenures are written last, once the timeline is known, so that (in consistent mode) they cover
all of it.
"""

from __future__ import annotations

import functools
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
from diplomacy_ledger.strategies._world import StateCast, TenurePlan, World, index_of

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
_PLACES: Final = st.integers(0, 2)
_PARTS: Final = st.lists(st.sampled_from(("government", "army", "media")), max_size=3, unique=True)
_DAYS_BEFORE: Final = st.integers(2, 4000)
_TENURE_SHAPES: Final = ("ongoing", "closed")


def voices_of(w: World) -> list[str]:
    """Who speaks and takes part: people, governments (or states), organizations."""
    return [*w.persons, *(state.speaker for state in w.states), *w.organizations]


def voices(w: World, count: int, *, keep: int = 2, avoid: Collection[str] = ()) -> list[str]:
    """``count`` distinct voices: each one already in the ledger, or new.

    The cast grows as the stories need it, so that an actor no story names is never drawn, and a
    shrinking test loses the actors with the stories. A new actor is added only while the room
    left keeps ``keep`` entries for the story and one for each voice still to choose; the story
    must have checked that ``count`` new ones would fit (see :func:`room_for`).

    Each voice is drawn as the same two choices, whatever the ledger holds (which known voice,
    and whether a new one instead), then what a new one needs: so a new voice shrinks to a known
    one by dropping the choices right after, and a story drawn after a deleted one (whose voices
    are gone) still draws its voices from the same choices, as the simplest new people.
    """
    chosen: list[str] = []
    for left in range(count - 1, -1, -1):
        voice = functools.partial(_voice, w, chosen, avoid, keep=keep + left, spare=left)
        chosen.append(w.together(voice))
    return chosen


def _voice(w: World, chosen: list[str], avoid: Collection[str], *, keep: int, spare: int) -> str:
    """One voice (see :func:`voices`), not among ``chosen`` or ``avoid``."""
    known = w.choose([v for v in voices_of(w) if v not in chosen and v not in avoid])
    new = w.coin()
    roomy = w.room() - 1 >= keep and w.voices_left() > spare
    if known is not None and (not roomy or not new):
        return known
    if not new:  # none to take: the simplest new voice, with no choices of its own
        return w.fresh_person(drawn=False)
    return new_voice(w, keep=keep, spare=spare)


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
        state = functools.partial(_state, w, chosen, usable, keep=keep + left, spare=left)
        chosen.append(w.together(state))
    return chosen


def _state(
    w: World, chosen: list[StateCast], usable: list[StateCast], *, keep: int, spare: int
) -> StateCast:
    """One state (see :func:`states`), not among ``chosen``."""
    known = w.choose([state for state in usable if state not in chosen])
    new = w.coin()
    roomy = w.room() - 1 >= keep and w.voices_left() > spare and not w.knobs.names
    if known is not None and (not roomy or not new):
        return known
    if not new:  # none to take: the simplest new state, with no choices of its own
        return w.fresh_state()
    return new_state(w, keep=keep, spare=spare)


def new_state(w: World, *, keep: int, spare: int = 0) -> StateCast:
    """A new state, and what the room left allows of its offices, places and parts.

    ``keep`` entries are left for what the story still needs, and ``spare`` voices under the
    user's ``actors=`` cap for the story's other roles (an office's new holder is a voice too).
    Each office is drawn after its own "one more?", with its holders and their tenures' choices,
    so that the shrinker drops an office and all that comes of it in one step.
    """
    draw = w.draw
    # Which state, by its place in the list of all of them (the next free one if it is taken),
    # so that it stays the same state when the shrinker deletes a story that added others.
    first = w.draw(index_of(len(STATES)))
    free = [f for f in (*STATES[first:], *STATES[:first]) if w.free((f.name, f.official))]
    state = w.add_state(free[0]) if free else w.fresh_state()
    roles = list(_ROLES)
    for _ in range(2):
        w.together(lambda: _maybe_office(w, state, roles, keep=keep, spare=spare))
    for _ in range(draw(_PLACES)):
        if w.room() - 1 >= keep and w.allows("place"):
            state.places.append(w.fresh_place(state.facts.zone, (state.id,)))
    shared = w.rare(4)  # a place two states claim
    other = w.choose([other for other in w.states if other is not state])
    if other is not None and shared and w.room() - 1 >= keep and w.allows("place"):
        disputed = w.fresh_place(state.facts.zone, (state.id, other.id))
        state.places.append(disputed)
        other.places.append(disputed)
    for part in draw(_PARTS):
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


def _maybe_office(w: World, state: StateCast, roles: list[str], *, keep: int, spare: int) -> None:
    """Perhaps an office of ``state`` in one of ``roles`` (which loses it), and its holders."""
    if not w.coin():
        return
    role = roles.pop(w.draw(index_of(len(roles))))
    if w.room() - 3 >= keep and w.allows("office", "tenure"):  # the office, a tenure or two
        _add_office(w, state, role, keep=keep, spare=spare)


def _add_office(w: World, state: StateCast, role: str, *, keep: int, spare: int) -> None:
    """An office of ``state``, perhaps its current holder, perhaps one from before the timeline.

    The current holder is someone who holds no office yet, or a new person. Each tenure's
    choices are drawn here, right after the choice to have it; :func:`finish` writes it.
    """
    office = w.add(Office(f"{role} of {state.facts.name}", jurisdiction=state.id), "office")
    w.offices.append(office)
    w.zone_of[office] = state.facts.zone
    w.together(lambda: _current_holder(w, office, keep=keep, spare=spare))
    w.together(lambda: _former_holder(w, office, keep=keep))


def _current_holder(w: World, office: str, *, keep: int, spare: int) -> None:
    """Perhaps the office's current holder: someone who holds no office yet, or a new person."""
    if not w.coin():
        return
    reuse = w.coin()
    free = w.choose([person for person in w.persons if not w.holds[person]])
    holder: str | None
    if reuse and free is not None:
        holder = free
    elif w.room() - 2 >= keep and w.voices_left() > spare:
        holder = w.fresh_person(drawn=not reuse)  # none to reuse: the simplest new one
    else:
        holder = None
    if holder is not None:
        w.holds[holder].append(office)
        w.tenures.append((holder, office, _current(w)))
        w.reserved += 1


def _former_holder(w: World, office: str, *, keep: int) -> None:
    """Perhaps someone already in the ledger who held the office before the timeline."""
    if not w.coin():
        return
    former = w.choose([person for person in w.persons if office not in w.holds[person]])
    plan = TenurePlan(False, w.draw(_DAYS_BEFORE), w.coin())  # drawn even if none is left
    if former is not None and w.room() - 1 >= keep:
        w.tenures.append((former, office, plan))
        w.reserved += 1


def _current(w: World) -> TenurePlan:
    """A current holder's tenure: begun before the timeline, ongoing or ended after it."""
    days = w.draw(_DAYS_BEFORE)
    shape = w.pick(_TENURE_SHAPES)
    end = w.end_plan()
    return TenurePlan(True, days, w.coin(), shape, end)


def finish(w: World) -> None:
    """The tenures: current holders for the whole timeline, former ones before it began.

    Their choices were drawn with their offices; only the record time moves on here.
    """
    w.tick()
    for person, office, plan in w.tenures:
        w.reserved -= 1
        zone = w.zone_of.get(office)
        if plan.current and plan.end is not None:
            start = w.day_before_base(zone, plan.days)
            span = w.span_by(start, zone, plan.end, shape=plan.shape, after_all=True)
        else:
            end = w.day_before_base(zone, plan.days)
            start = w.day_before_base(zone, (w.base.date() - end.earliest.date()).days + 400)
            span = Span(start, end)
        w.add(Tenure(person, office, span, acting=plan.acting), "tenure")


def pad(w: World, min_size: int) -> None:
    """Places (or sources, if ``kinds=`` leaves places out) until the ledger holds ``min_size``."""
    zone = w.states[0].facts.zone if w.states else "UTC"
    while len(w.ledger) < min_size:
        if w.allows("place"):
            w.fresh_place(zone, ())
        else:
            w.fresh_source()
