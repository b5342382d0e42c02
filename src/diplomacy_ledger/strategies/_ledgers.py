"""Whole ledgers: valid ones, as untidy as real ones, and consistent ones that pass every check."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from diplomacy_ledger import Ledger, Precision, Record
from diplomacy_ledger.strategies._args import (
    check_id_prefix,
    check_size,
    checked_actors,
    checked_kinds,
    checked_mix,
    precision_choices,
    shown_arguments,
    zone_choices,
)
from diplomacy_ledger.strategies._cast import finish, pad, room_for, voices_of
from diplomacy_ledger.strategies._conflict import conflict, fighting_states, mediation
from diplomacy_ledger.strategies._stories import claims, contact, statement
from diplomacy_ledger.strategies._world import Knobs, World

Zones = st.SearchStrategy[str | None] | Sequence[str | None] | None
Precisions = st.SearchStrategy[Precision | str] | Sequence[Precision | str] | None

__all__ = ["build_world", "consistent_ledgers", "ledgers"]

DEFAULT_MAX_SIZE: Final = 40


# Whether to tell one more story: one time in six, no. Drawn as an index, so that the shrinker
# ends the ledger early by setting one to zero.
_MORE: Final = st.sampled_from((False, True, True, True, True, True))
# Below ``min_size``, stories go on unless two draws in a row are zero: nearly always in a
# random draw, never in the simplest one, which fills the ledger with places instead (a long
# simplest example fails Hypothesis's large_base_example health check).
_FILLING: Final = st.integers(0, 255)
# How many stories are drawn each inside the one before (see :func:`_stories`) before a new
# chain of them begins: deep enough for every ledger of the default size, shallow enough to
# keep far from Python's recursion limit in ledgers of hundreds of entries.
_NESTED: Final = 24


def build_world(
    draw: st.DrawFn,
    *,
    consistent: bool,
    min_size: int,
    max_size: int,
    id_prefix: str = "",
    knobs: Knobs | None = None,
) -> World:
    """Stories, each told after a drawn "one more?", until one is refused or no room is left.

    The cast grows as the stories need it; while the ledger is shorter than ``min_size``, stories
    are nearly always told, and places fill what is left of it.
    """
    world = World(draw, consistent=consistent, budget=max_size, id_prefix=id_prefix, knobs=knobs)
    while world.together(lambda: _stories(world, min_size, _NESTED), kind="stories"):
        pass
    finish(world)
    pad(world, min_size)
    return world


def _stories(w: World, min_size: int, depth: int) -> bool:
    """A story and, drawn inside it, the stories after it: True if ``depth`` ran out first.

    Each story is drawn inside the one before, so that the shrinker, which can replace a part of
    an example by a smaller part of the same kind inside it, deletes a story (or a run of them)
    in one step: it replaces the stories from this one on by the stories from a later one on.
    Stories drawn one after the other could only be deleted a few choices at a time, which a
    story of dozens of choices never is: shrunk examples kept stories of all-simplest choices.
    """
    if w.room() < 2:
        return False
    if len(w.ledger) + w.reserved < min_size:
        if not w.draw(_FILLING) and not w.draw(_FILLING):
            return False
    elif not w.draw(_MORE):
        return False
    if not w.together(lambda: _story(w), kind="story"):
        return False
    if depth <= 1:
        return True
    return w.together(lambda: _stories(w, min_size, depth - 1), kind="stories")


# Calls and meetings are what a ledger of diplomatic contacts mostly holds. The stories are in
# the order of the fewest entries they need (a statement and a claim three: an actor, a source
# and the record; a call, a meeting or fighting four; a mediation five), so that a story shrinks
# toward the smallest one that still fails.
_WEIGHTED: Final = (
    "statement",
    "claims",
    "call",
    "meeting",
    "call",
    "conflict",
    "meeting",
    "mediation",
)
_KINDS: Final = st.sampled_from(_WEIGHTED)
_NEEDS: Final = {
    "call": 2,
    "meeting": 2,
    "conflict": 2,
    "statement": 1,
    "claims": 1,
    "mediation": 3,
}
# The record each story is about, for ``kinds=``; the stories to tell when the drawn one is left
# out or does not fit, those needing the fewest new actors first.
_MAIN_KIND: Final = {
    "call": "call",
    "meeting": "meeting",
    "conflict": "hostility",
    "statement": "statement",
    "claims": "claim",
    "mediation": "mediation",
}
_FALLBACKS: Final = ("statement", "claims", "call", "meeting", "conflict", "mediation")
STORY_KINDS: Final = frozenset(_MAIN_KIND.values())
_STORIES: Final[dict[str, Callable[[World], None]]] = {
    "call": lambda w: contact(w, meeting=False),
    "meeting": lambda w: contact(w, meeting=True),
    "conflict": conflict,
    "statement": statement,
    "claims": claims,
    "mediation": mediation,
}


# What each story needs of the cast, as said when ``actors=`` cannot give it.
_WHO: Final = {
    "call": "takes two actors",
    "meeting": "takes two actors",
    "conflict": "takes two states, and actors given by name are people",
    "statement": "takes one actor",
    "claims": "takes one actor",
    "mediation": "takes three actors",
}


def _tellable(story: str, cap: int, names: tuple[str, ...]) -> bool:
    """Whether ``story`` can be told with at most ``cap`` actors (the people ``names``, if any)."""
    if story == "conflict" and names:
        return False
    return _NEEDS[story] <= cap


def _story(w: World) -> bool:
    """Tell one story; one needing fewer new actors when the drawn one does not fit.

    False when no story fits in the room left. Its choices are one part of the example, which
    the shrinker may set to its simplest: the story needing the fewest entries.
    """
    kind = w.draw(_KINDS)
    for candidate in (kind, *_FALLBACKS):
        if not w.allows(_MAIN_KIND[candidate]):
            continue
        conflict = candidate == "conflict"
        known = len(fighting_states(w)) if conflict else len(voices_of(w))
        if room_for(w, _NEEDS[candidate], known, states=conflict):
            w.begin_story()
            _STORIES[candidate](w)
            return True
    return False


def _knobs(kinds: object, zones: object, precisions: object, actors: object, mix: object) -> Knobs:
    """The user's knobs, checked: bad values raise InvalidArgument now, bad draws when drawn."""
    allowed = checked_kinds(kinds)
    if allowed is not None and not allowed & STORY_KINDS:
        raise InvalidArgument(
            f"kinds={sorted(allowed)!r} names no record a story is about: add one of "
            f"{sorted(STORY_KINDS)}"
        )
    cap, names = checked_actors(actors)
    if allowed is not None and cap is not None:
        asked = [story for story, kind in _MAIN_KIND.items() if kind in allowed]
        if not [story for story in asked if _tellable(story, cap, names)]:
            needs = ", ".join(f"a {_MAIN_KIND[story]} {_WHO[story]}" for story in asked)
            raise InvalidArgument(
                f"actors={actors!r} and kinds={sorted(allowed)!r}: no ledger can hold any of "
                f"the kinds asked for ({needs})"
            )
    return Knobs(
        kinds=allowed,
        zones=zone_choices(zones),
        precisions=precision_choices(precisions),
        max_voices=cap,
        names=names,
        mix=checked_mix(mix),
    )


def _ledgers(
    name: str,
    shown: dict[str, object],
    *,
    consistent: bool,
    min_size: int,
    max_size: int,
    id_prefix: str,
    kinds: Collection[str | type[Record]] | None,
    zones: Zones,
    precisions: Precisions,
    actors: int | Sequence[str] | None,
    mix: Mapping[str, float] | None,
) -> st.SearchStrategy[Ledger]:
    """The strategy behind :func:`ledgers` and :func:`consistent_ledgers`.

    ``name`` and the arguments the user gave (``shown``) are what its repr shows.
    """
    check_size(min_size, max_size)
    check_id_prefix(id_prefix)
    knobs = _knobs(kinds, zones, precisions, actors, mix)

    def draw_ledger(draw: st.DrawFn, /, **shown: object) -> Ledger:
        world = build_world(
            draw,
            consistent=consistent,
            min_size=min_size,
            max_size=max_size,
            id_prefix=id_prefix,
            knobs=knobs,
        )
        return world.ledger

    draw_ledger.__name__ = draw_ledger.__qualname__ = name  # what the strategy's repr shows
    return st.composite(draw_ledger)(**shown)


def ledgers(
    *,
    min_size: int = 0,
    max_size: int = DEFAULT_MAX_SIZE,
    id_prefix: str = "",
    kinds: Collection[str | type[Record]] | None = None,
    zones: Zones = None,
    precisions: Precisions = None,
    actors: int | Sequence[str] | None = None,
    mix: Mapping[str, float] | None = None,
) -> st.SearchStrategy[Ledger]:
    """Valid :class:`~diplomacy_ledger.Ledger` values. Requires hypothesis.

    Each holds between ``min_size`` and ``max_size`` entries. Every id starts with
    ``id_prefix``, and every name the strategy makes up ends with a word made from it
    (``Anna Abelyan (b)`` for ``"b-"``): two ledgers drawn with different prefixes (``"a-"``,
    ``"b-"``) share no id and no name, so merging them can be tested. Names given in
    ``actors`` are kept as given.
    Every reference resolves and every time is valid, and the ledger is as untidy as real ones
    are: times that overlap, claims and the denials that contradict them, people named in
    offices they may not have held, fighting after a ceasefire, wall times that clocks skipped.
    It loads, checks and round-trips through JSON Lines, but :func:`~diplomacy_ledger.check`
    may report anything. For a ledger on which no check finds anything, use
    :func:`consistent_ledgers`.

    The content can be narrowed, for a test that is about some of it:

    - ``kinds``: the record kinds the ledger may hold, by name (``"call"``) or class (``Call``):
      the stories told are those about one of them (calls, meetings, fighting, statements,
      claims, mediations), and what comes of them keeps to them too. The actors and sources
      every record needs are always there; places (or sources) fill a ledger up to ``min_size``.
    - ``zones``: the zones event times are stated in: a list of IANA keys, fixed offsets or
      None (no zone), or a strategy of them.
    - ``precisions``: the precisions of event times (and of sources' publication): a list of
      :class:`~diplomacy_ledger.Precision` members or their names, or a strategy of them.
      Lifespans and tenures keep theirs (years and days).
    - ``actors``: how many actors may speak and take part (people, states, organizations), or
      a list of names: the people who do (states then take no part: no fighting is told).
    - ``mix``: the share (0 to 1) of stories whose record is ``"disputed"`` (denied),
      ``"retracted"`` (told twice, the duplicate retracted) or ``"corrected"`` (superseded by a
      narrower time), where the story allows it: ``mix={"disputed": 0.5}``. Each share is drawn
      so that it shrinks away.

    A bad value raises :class:`hypothesis.errors.InvalidArgument` when the strategy is made,
    as do ``actors`` and ``kinds`` that leave no story to tell (two actors, and only
    mediations, which take three); a bad value drawn from a user's strategy raises it when
    drawn.
    """
    return _ledgers(
        "ledgers",
        shown_arguments(
            min_size=min_size, max_size=max_size, id_prefix=id_prefix, kinds=kinds,
            zones=zones, precisions=precisions, actors=actors, mix=mix,
        ),
        consistent=False,
        min_size=min_size, max_size=max_size, id_prefix=id_prefix, kinds=kinds,
        zones=zones, precisions=precisions, actors=actors, mix=mix,
    )  # fmt: skip


def consistent_ledgers(
    *,
    min_size: int = 0,
    max_size: int = DEFAULT_MAX_SIZE,
    id_prefix: str = "",
    kinds: Collection[str | type[Record]] | None = None,
    zones: Zones = None,
    precisions: Precisions = None,
    actors: int | Sequence[str] | None = None,
    mix: Mapping[str, float] | None = None,
) -> st.SearchStrategy[Ledger]:
    """Ledgers on which every built-in check finds nothing, by construction. Requires hypothesis.

    Events follow one another on the timeline, each source is published after what it reports,
    people are named only in offices they held throughout, fighting between the parties of a
    ceasefire ended before it took effect, and no one denies what another asserts. The ledgers
    still hold claims (that no one contradicts), denials (of what no one asserted), readouts,
    reports, corrections and retractions, in every precision and many zones. ``id_prefix``,
    ``kinds``, ``zones``, ``precisions``, ``actors`` and ``mix`` as for :func:`ledgers`.
    """
    return _ledgers(
        "consistent_ledgers",
        shown_arguments(
            min_size=min_size, max_size=max_size, id_prefix=id_prefix, kinds=kinds,
            zones=zones, precisions=precisions, actors=actors, mix=mix,
        ),
        consistent=True,
        min_size=min_size, max_size=max_size, id_prefix=id_prefix, kinds=kinds,
        zones=zones, precisions=precisions, actors=actors, mix=mix,
    )  # fmt: skip
