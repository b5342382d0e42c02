"""Whole ledgers: valid ones, as untidy as real ones, and consistent ones that pass every check."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from hypothesis import strategies as st

from diplomacy_ledger import Ledger
from diplomacy_ledger.strategies._args import check_id_prefix, check_size, shown_arguments
from diplomacy_ledger.strategies._cast import cast, finish, pad
from diplomacy_ledger.strategies._conflict import conflict, fighting_states, mediation
from diplomacy_ledger.strategies._stories import claims, contact, statement, voices_of
from diplomacy_ledger.strategies._world import World

__all__ = ["build_world", "consistent_ledgers", "ledgers"]

DEFAULT_MAX_SIZE = 40


def build_world(
    draw: st.DrawFn, *, consistent: bool, min_size: int, max_size: int, id_prefix: str = ""
) -> World:
    """Draw a cast, then stories until the drawn number of entries is reached."""
    budget = draw(st.integers(min_value=min_size, max_value=max_size))
    world = World(draw, consistent=consistent, budget=budget, id_prefix=id_prefix)
    cast(world)
    while world.room() >= 2 and _story(world):
        pass
    finish(world)
    pad(world, min_size)
    return world


_STORIES: Final[dict[str, Callable[[World], None]]] = {
    "call": lambda w: contact(w, meeting=False),
    "meeting": lambda w: contact(w, meeting=True),
    "conflict": conflict,
    "statement": statement,
    "claims": claims,
    "mediation": mediation,
}


def _story(w: World) -> bool:
    """Tell one story that fits; False when none does."""
    voices = len(voices_of(w))
    feasible = {
        "call": voices >= 2,
        "meeting": voices >= 2,
        "conflict": len(fighting_states(w)) >= 2,
        "statement": voices >= 1,
        "claims": voices >= 2,
        "mediation": voices >= 3,
    }
    if w.room() < 2:
        return False
    # Calls and meetings are what a ledger of diplomatic contacts mostly holds.
    weighted = (
        "call",
        "meeting",
        "conflict",
        "call",
        "claims",
        "statement",
        "meeting",
        "mediation",
    )
    kinds = [kind for kind in weighted if feasible[kind]]
    if not kinds:
        return False
    kind = w.draw(st.sampled_from(kinds))
    w.begin_story()
    _STORIES[kind](w)
    return True


def ledgers(
    *, min_size: int = 0, max_size: int = DEFAULT_MAX_SIZE, id_prefix: str = ""
) -> st.SearchStrategy[Ledger]:
    """Valid :class:`~diplomacy_ledger.Ledger` values. Requires hypothesis.

    Each holds between ``min_size`` and ``max_size`` entries. Every id starts with
    ``id_prefix``: two ledgers drawn with different prefixes (``"a-"``, ``"b-"``) share no id,
    so merging them can be tested.
    Every reference resolves and every time is valid, and the ledger is as untidy as real ones
    are: times that overlap, claims and the denials that contradict them, people named in
    offices they may not have held, fighting after a ceasefire, wall times that clocks skipped.
    It loads, checks and round-trips through JSON Lines, but :func:`~diplomacy_ledger.check`
    may report anything. For a ledger on which no check finds anything, use
    :func:`consistent_ledgers`.
    """
    check_size(min_size, max_size)
    check_id_prefix(id_prefix)

    @st.composite
    def ledgers(draw: st.DrawFn, /, **shown: object) -> Ledger:
        world = build_world(
            draw,
            consistent=False,
            min_size=min_size,
            max_size=max_size,
            id_prefix=id_prefix,
        )
        return world.ledger

    return ledgers(**shown_arguments(min_size=min_size, max_size=max_size, id_prefix=id_prefix))


def consistent_ledgers(
    *, min_size: int = 0, max_size: int = DEFAULT_MAX_SIZE, id_prefix: str = ""
) -> st.SearchStrategy[Ledger]:
    """Ledgers on which every built-in check finds nothing, by construction. Requires hypothesis.

    Events follow one another on the timeline, each source is published after what it reports,
    people are named only in offices they held throughout, fighting between the parties of a
    ceasefire ended before it took effect, and no one denies what another asserts. The ledgers
    still hold claims (that no one contradicts), denials (of what no one asserted), readouts,
    reports, corrections and retractions, in every precision and many zones. ``id_prefix`` as
    for :func:`ledgers`.
    """
    check_size(min_size, max_size)
    check_id_prefix(id_prefix)

    @st.composite
    def consistent_ledgers(draw: st.DrawFn, /, **shown: object) -> Ledger:
        world = build_world(
            draw,
            consistent=True,
            min_size=min_size,
            max_size=max_size,
            id_prefix=id_prefix,
        )
        return world.ledger

    return consistent_ledgers(
        **shown_arguments(min_size=min_size, max_size=max_size, id_prefix=id_prefix)
    )
