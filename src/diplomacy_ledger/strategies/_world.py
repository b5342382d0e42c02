"""The state a ledger strategy builds up: the ledger, its cast, its timeline, and what it knows.

A :class:`World` appends records to a :class:`~diplomacy_ledger.Ledger` as it draws them, so that
every reference resolves by construction. In *consistent* mode it also keeps the facts that make
every built-in check come out empty: events follow one another on the timeline (each one's bounds
after all earlier ones), sources are published after what they report, people are named only in
offices whose tenures cover the whole timeline, nothing is denied that someone asserts.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Final, NamedTuple, TypeVar, cast

import attrs
from hypothesis import strategies as st

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Ledger,
    Place,
    Precision,
    Provenance,
    Record,
    SkippedTimeError,
    Source,
    Span,
    When,
    normalise_name,
)
from diplomacy_ledger.strategies._local import LocalTime, local_times
from diplomacy_ledger.strategies._texts import FIRST_NAMES, HEADLINES, LAST_NAMES, STATES, TOWNS
from diplomacy_ledger.strategies._texts import StateFacts as Facts
from diplomacy_ledger.strategies._times import (
    PRECISIONS,
    Window,
    clock_when,
    lengths,
    reach,
    when_after_shaped,
    when_near,
    window_shape,
    with_wall,
)
from diplomacy_ledger.strategies._zones import DST_ZONES, Transition, transitions, zone_keys

__all__ = [
    "BASE_MAX",
    "BASE_MIN",
    "Contact",
    "EndPlan",
    "Knobs",
    "NearPlan",
    "SourcePlan",
    "StateCast",
    "TenurePlan",
    "TimePlan",
    "WirePlan",
    "World",
    "index_of",
]

BASE_MIN: Final = datetime(1990, 1, 1, tzinfo=UTC)
BASE_MAX: Final = datetime(2030, 1, 1, tzinfo=UTC)
_TICK: Final = timedelta(microseconds=1)
# How an event's time is stated: mostly to the minute or the day, as reports do.
_EVENT_PRECISIONS: Final = (*PRECISIONS, Precision.MINUTE, Precision.DAY, Precision.SPAN)
_ZONES: Final = st.one_of(st.none(), zone_keys())
_TICKS: Final = st.integers(0, 600)
# Zones a half hour (or 45 minutes) off the hour, drawn now and then so that their local
# midnights (where a day in them begins) are in a default run.
HALF_HOUR_ZONES: Final = ("Asia/Kolkata", "Australia/Adelaide", "Asia/Kathmandu")
_MINUTES: Final = st.integers(0, 59)
_PERCENTILES: Final = st.integers(0, 99)
# An item among those earlier stories made (voices, sources, offices): always one choice, its
# value taken modulo how many there are, so that the choices after it keep their places when
# the shrinker deletes a story before it (and the items with it).
_ANY: Final = st.integers(0, 63)
_PUBLISHED: Final = st.integers(0, 3)
_STATE_AGES: Final = st.integers(2, 200)
_AGES: Final = st.integers(30, 80)
_STORY_MINUTES: Final = st.integers(0, 60 * 24 * 60)
# One time in this many, an event's time is in the hour after some zone's clocks changed (or,
# outside consistent mode, a wall time they skipped or repeated).
_NEAR_A_CHANGE: Final = 14
_WHICH_CHANGE: Final = st.integers(0, 2)


_COIN: Final = st.booleans()
T = TypeVar("T")


@functools.lru_cache(maxsize=8192)
def _key(name: str) -> str:
    """A name as the ledger compares names, remembered: the same pools are asked about often."""
    return normalise_name(name)


@functools.cache
def index_of(count: int) -> st.SearchStrategy[int]:
    """Where in a sequence of ``count`` items: built once per length."""
    return st.integers(0, count - 1)


@functools.cache
def _gaps(days: int) -> st.SearchStrategy[timedelta]:
    return st.one_of(st.just(timedelta(0)), lengths(max_days=days))


@functools.cache
def _unresolved() -> st.SearchStrategy[LocalTime]:
    return local_times(unresolved=True)


@functools.cache
def _changes(zone: str, *, fold: bool) -> tuple[Transition, ...]:
    """The changes of ``zone``'s clocks that set them back (``fold``) or forward."""
    return tuple(c for c in transitions(zone) if (c.after < c.before) == fold)


def _changes_after(moment: datetime, *, fold: bool) -> list[tuple[str, list[Transition]]]:
    """For each zone whose rules make trouble, its next few changes after ``moment``, if any."""
    found = []
    for zone in DST_ZONES:
        changes = _changes(zone, fold=fold)
        first = bisect.bisect_right([c.at for c in changes], moment)
        if first < len(changes):
            found.append((zone, list(changes[first : first + 3])))
    return found


# Letters and digits a name qualifier writes as they are; "q" starts an escape.
_PLAIN: Final = frozenset("abcdefghijklmnoprstuvwxyz0123456789")


def name_qualifier(id_prefix: str) -> str:
    """The word after every drawn name in a ledger drawn with ``id_prefix`` (empty for none).

    So that two ledgers drawn with different prefixes share no name either, and can be merged
    (a name never names two actors): ``"a-"`` gives ``Anna Abelyan (a)``, ``"b-"``
    ``Anna Abelyan (b)``. Names are compared once normalised (case, punctuation and dashes set
    aside), so the word is made of lowercase letters and digits only, one for each prefix: a
    prefix's last ``-`` is dropped (a prefix without one ends in ``q``), and every other
    character but a lowercase letter or a digit, and ``q`` itself, is written ``q`` and its two
    hex digits (``"A_"`` gives ``q41q5fq``).
    """
    if not id_prefix:
        return ""
    body, end = (id_prefix[:-1], "") if id_prefix.endswith("-") else (id_prefix, "q")
    return "".join(char if char in _PLAIN else f"q{ord(char):02x}" for char in body) + end


@attrs.define(eq=False)
class StateCast:
    """A state in the cast, and the actors that belong to it."""

    id: str
    facts: Facts
    government: str | None = None
    army: str | None = None
    media: str | None = None
    places: list[str] = attrs.Factory(list)

    @property
    def speaker(self) -> str:
        """Who speaks for the state: its government if recorded, else the state itself."""
        return self.government or self.id


@attrs.frozen
class Knobs:
    """What a user asked of the ledgers: which records, zones, precisions and actors."""

    kinds: frozenset[str] | None = None  # record kinds allowed; None: every kind
    zones: st.SearchStrategy[str | None] | None = None  # the zones of event times
    precisions: st.SearchStrategy[Precision] | None = None  # the precisions of event times
    max_voices: int | None = None  # how many actors may speak and take part
    names: tuple[str, ...] = ()  # the people who speak and take part, if given by name
    mix: tuple[tuple[str, int], ...] = ()  # percent of stories disputed, retracted, corrected


class NearPlan(NamedTuple):
    """The choices of a time near a change of some zone's clocks (see ``World.time_at``).

    A wall time they skipped or repeated (``local``), or: clocks set back (``fold``) or
    forward, which of the zones with such a change (an index, taken modulo how many there
    are), which of its next changes, and the minute after it.
    """

    local: LocalTime | None
    fold: bool = True
    zone: int = 0
    which: int = 0
    minute: int = 0


class TimePlan(NamedTuple):
    """The choices of a When after a moment (see ``World.time_at``), drawn before it is known.

    So that a source's choices can be drawn early in its story (where the same choices mean
    the same in every story) and its publication placed after the story's times.
    """

    precision: Precision
    near: NearPlan | None = None
    gap: timedelta = timedelta(0)
    window: Window = Window(days=False)
    wall: bool = False


class SourcePlan(NamedTuple):
    """The choices of the source a story cites (see ``World.cite``).

    A standing source (which one, as an index taken modulo how many there are), a wire, or a
    new article with a headline (an index into HEADLINES), published at ``published`` or not.
    """

    standing: bool
    known: int
    wire: WirePlan | None = None
    headline: int = 0
    published: TimePlan | None = None


class WirePlan(NamedTuple):
    """The choices of a wire source: its outlet (if any), headline, language, publication."""

    outlet: bool
    media: int
    headline: int
    language: str
    zone: str | None = None
    published: TimePlan | None = None


class EndPlan(NamedTuple):
    """The choices that put an end after a start: a gap, the end's precision, a window's shape.

    Drawn where the Span is decided, and used where it is written (a tenure's, once the
    timeline is known), so that the choices belong to the story that decided it.
    """

    gap: timedelta
    precision: Precision
    window: Window


class TenurePlan(NamedTuple):
    """A tenure's choices, drawn with its office: written once the timeline is known.

    A current holder's tenure began ``days`` before the timeline and (``shape``) is ongoing or
    ended after it (``end``); a former holder's ended ``days`` before it began.
    """

    current: bool
    days: int
    acting: bool
    shape: str = "closed"
    end: EndPlan | None = None


@attrs.define(eq=False)
class Contact:
    """A call or meeting: its current entry id, its actors and its time, for the defects."""

    id: str
    actors: frozenset[str]
    time: When | Span
    disputed: bool = False


# Parts of an example. Hypothesis shrinks an example by its choices and by the parts ("spans")
# they were drawn in: it sets a part's choices to their simplest all at once, and replaces a
# part by a smaller part of the same kind drawn inside it. The strategies draw each story, and
# each optional thing in it, as one part: its "one more?" or "has it?" choice first and its own
# choices right after, so that one step of the shrinker drops it and keeps the choices after it
# in place. Three kinds of parts (three labels): the chain of stories each drawn inside the one
# before, a story, and a part of one.


@st.composite
def _stories_span(draw: st.DrawFn, w: World) -> object:
    """Stories from one on: the next task of ``w``, drawn as one part of the example."""
    w.draw = draw  # the same draw the world holds: every composite is given the example's
    return w.tasks.pop()()


@st.composite
def _story_span(draw: st.DrawFn, w: World) -> object:
    """One story: the next task of ``w``, drawn as one part of the example."""
    w.draw = draw
    return w.tasks.pop()()


@st.composite
def _part_span(draw: st.DrawFn, w: World) -> object:
    """A part of a story: the next task of ``w``, drawn as one part of the example."""
    w.draw = draw
    return w.tasks.pop()()


class World:
    """A ledger under construction, with everything the strategies need to know about it."""

    def __init__(
        self,
        draw: st.DrawFn,
        *,
        consistent: bool,
        budget: int,
        id_prefix: str = "",
        knobs: Knobs | None = None,
    ) -> None:
        self.draw = draw
        self.tasks: list[Callable[[], object]] = []  # what the parts drawn next will do
        self._spans = {
            "stories": _stories_span(self),
            "story": _story_span(self),
            "part": _part_span(self),
        }
        self.knobs = knobs or Knobs()
        self.id_prefix = id_prefix
        self.qualifier = name_qualifier(id_prefix)
        self.consistent = consistent
        self.budget = budget
        self.ledger = Ledger()
        self.base: datetime = draw(
            st.datetimes(
                min_value=BASE_MIN.replace(tzinfo=None),
                max_value=BASE_MAX.replace(tzinfo=None),
                timezones=st.just(UTC),
            )
        ).replace(microsecond=0)
        self.recorded = self.base
        self.high = self.base - _TICK  # every event bound so far is at or before this
        self.story_low = self.base
        self.reserved = 0
        self._counts: Counter[str] = Counter()
        self._next_place = 0  # names of places before this one are taken
        self.actor_names: set[str] = set()
        self.place_names: set[str] = set()
        self.states: list[StateCast] = []
        self.persons: list[str] = []
        self.organizations: list[str] = []
        self.kinds: dict[str, ActorKind] = {}
        self.part_of: dict[str, str] = {}
        self.zone_of: dict[str, str] = {}
        self.holds: dict[str, list[str]] = defaultdict(list)  # person -> offices held throughout
        self.offices: list[str] = []
        self.tenures: list[tuple[str, str, TenurePlan]] = []  # (person, office, its choices)
        self.sources: list[str] = []  # sources any record may cite
        self.places: list[str] = []
        # What the defects need to know about the ledger.
        self.ongoing: set[str] = set()  # lineages with fighting that has not ended
        self.open_ceasefire_parties: set[str] = set()
        self.denied: set[str] = set()
        self.followers: Counter[str] = Counter()  # reports and asserting claims about an entry
        self.asserting_claims: list[str] = []
        self.contacts: list[Contact] = []
        self.events: list[str] = []  # undenied events with a time, for anachronisms
        self.statements: list[str] = []
        self.propositions: set[str] = set()

    # -- parts of the example -----------------------------------------------------------------

    def together(self, task: Callable[[], T], *, kind: str = "part") -> T:
        """What ``task`` draws, drawn as one part of the example (see ``_part_span``).

        ``kind``: ``"stories"``, ``"story"`` or ``"part"``, the part's label.
        """
        depth = len(self.tasks)
        self.tasks.append(task)
        try:
            return cast("T", self.draw(self._spans[kind]))
        finally:
            del self.tasks[depth:]

    # -- entries -----------------------------------------------------------------------------

    def room(self) -> int:
        """How many more entries fit, tenures still to come left aside."""
        return self.budget - len(self.ledger) - self.reserved

    def new_id(self, prefix: str) -> str:
        """A fresh id: ``call-1``, ``call-2``, … (after the world's ``id_prefix``, if any)."""
        self._counts[prefix] += 1
        return f"{self.id_prefix}{prefix}-{self._counts[prefix]}"

    def add(self, record: Record, prefix: str, *, supersedes: str | None = None) -> str:
        """Append ``record`` under a fresh id at the current record time."""
        id = self.new_id(prefix)
        self.ledger.append(record, id=id, recorded_at=self.recorded, supersedes=supersedes)
        return id

    def coin(self) -> bool:
        """Draw a boolean."""
        coin: bool = self.draw(_COIN)
        return coin

    def pick(self, options: Sequence[T]) -> T:
        """One of ``options`` (as ``sampled_from``, shrinking to the first), cheaply."""
        return options[self.draw(index_of(len(options)))]

    def maybe_pick(self, options: Sequence[T]) -> T | None:
        """None, or one of ``options``; shrinks to None."""
        if not options or not self.coin():
            return None
        return self.pick(options)

    def choose(self, options: Sequence[T]) -> T | None:
        """One of ``options``, which earlier stories made (None if none); shrinks to the first.

        Always one choice, whatever ``options`` holds, so that when the shrinker deletes a
        story, the choices after it keep their places (their meaning may change, their number
        does not): a story drawn after a deleted one is drawn again the same way.
        """
        index: int = self.draw(_ANY)
        return options[index % len(options)] if options else None

    def maybe_choose(self, options: Sequence[T]) -> T | None:
        """None, or one of ``options`` (as :meth:`choose`); shrinks to None."""
        wanted = self.coin()
        found = self.choose(options)
        return found if wanted else None

    def some(self, options: Sequence[T], most: int = 2) -> tuple[T, ...]:
        """Up to ``most`` distinct ``options`` (as :meth:`choose`, each after a "one more?")."""
        chosen: list[T] = []
        for _ in range(most):
            if not self.coin():
                break
            found = self.choose([option for option in options if option not in chosen])
            if found is not None:
                chosen.append(found)
        return tuple(chosen)

    def wants(self, part: str | None) -> bool:
        """Whether a story has an optional part: a coin, or the share ``mix=`` gives it.

        A share is drawn as a percentile that shrinks to 0, and so to leaving the part out.
        """
        percent = dict(self.knobs.mix).get(part) if part is not None else None
        if percent is None:
            return self.coin()
        drawn: int = self.draw(_PERCENTILES)
        return drawn >= 100 - percent

    def rare(self, odds: int) -> bool:
        """True one time in ``odds``; shrinks to False.

        A rare shape is then kept in a shrunk example only when the failing test needs it.
        """
        drawn: int = self.draw(index_of(odds))
        return drawn == odds - 1

    def tick(self) -> None:
        """Record time moves on (or not) between batches of entries."""
        self.recorded += timedelta(minutes=self.draw(_TICKS))

    # -- names -------------------------------------------------------------------------------

    def named(self, name: str) -> str:
        """``name`` as this ledger writes it: followed by its ``id_prefix``'s qualifier, if any."""
        return f"{name} ({self.qualifier})" if self.qualifier else name

    def free(self, names: tuple[str, ...], *, places: bool = False, given: bool = False) -> bool:
        """Whether none of ``names`` names an actor (or a place) yet.

        The names as drawn (qualified as :meth:`named` writes them); with ``given``, as the user
        gave them (``actors=[...]``), which are kept as they are.
        """
        taken = self.place_names if places else self.actor_names
        keys = [_key(name if given else self.named(name)) for name in names]
        return len(set(keys)) == len(keys) and not taken.intersection(keys)

    def add_actor(self, actor: Actor, prefix: str, *, given: bool = False) -> str:
        """Append an actor whose names are free, and remember them.

        Its names are written as :meth:`named` writes them, unless the user ``given`` them.
        """
        if self.qualifier and not given:
            actor = attrs.evolve(
                actor,
                name=self.named(actor.name),
                aliases=tuple(self.named(alias) for alias in actor.aliases),
            )
        id = self.add(actor, prefix)
        self.actor_names.update(normalise_name(n) for n in (actor.name, *actor.aliases))
        self.kinds[id] = actor.kind
        if actor.part_of is not None:
            self.part_of[id] = actor.part_of
        return id

    def lineage(self, actor: str) -> frozenset[str]:
        """The actor and what it is part of."""
        found = [actor]
        while found[-1] in self.part_of:
            found.append(self.part_of[found[-1]])
        return frozenset(found)

    def add_state(self, facts: Facts, *, lifespan: bool = True) -> StateCast:
        """A state, perhaps with a lifespan that began years before the timeline."""
        span = None
        if lifespan and self.draw(_COIN):
            span = Span(When.year(self.base.year - self.draw(_STATE_AGES)))
        actor = Actor(
            facts.name,
            ActorKind.STATE,
            (facts.official,),
            iso3=facts.iso3,
            wikidata=facts.wikidata,
            lifespan=span,
        )
        state = StateCast(self.add_actor(actor, "state"), facts)
        self.states.append(state)
        self.zone_of[state.id] = facts.zone
        return state

    def fresh_state(self) -> StateCast:
        """A state not yet in the ledger, with no recorded lifespan."""
        for facts in STATES:
            if self.free((facts.name, facts.official)):
                return self.add_state(facts, lifespan=False)
        number = self._counts["state"] + 1
        facts = Facts(
            f"State {number}", f"Republic {number}", "XXX", "Q1", f"Capital {number}",
            f"State {number}", "UTC",
        )  # fmt: skip
        return self.add_state(facts, lifespan=False)

    def add_person(self, first: str, last: str, *, drawn: bool = True) -> str:
        """A person named ``first last``, also known by the last name.

        Perhaps with a lifespan (unless ``drawn`` is False: then with no choices drawn).
        """
        lifespan = None
        if drawn and self.draw(_COIN):
            born = self.base.year - self.draw(_AGES)
            lifespan = Span(When.year(born))
        id = self.add_actor(
            Actor(f"{first} {last}", ActorKind.PERSON, (last,), lifespan=lifespan), "person"
        )
        self.persons.append(id)
        return id

    def allows(self, *kinds: str) -> bool:
        """Whether the user's ``kinds=`` lets the ledger hold records of all of ``kinds``."""
        allowed = self.knobs.kinds
        return allowed is None or allowed.issuperset(kinds)

    def voices_left(self) -> int:
        """How many more actors may speak and take part (``actors=``)."""
        cap = self.knobs.max_voices
        if cap is None:
            return 1_000_000
        return cap - len(self.persons) - len(self.states) - len(self.organizations)

    def fresh_person(self, *, drawn: bool = True) -> str:
        """A person not yet in the ledger (the next of the user's names, if given).

        With ``drawn`` False, one with no choices drawn: the simplest new voice.
        """
        for name in self.knobs.names:
            if self.free((name,), given=True):
                id = self.add_actor(Actor(name, ActorKind.PERSON), "person", given=True)
                self.persons.append(id)
                return id
        for first, last in zip(itertools.cycle(FIRST_NAMES), LAST_NAMES, strict=False):
            if self.free((f"{first} {last}", last)):
                return self.add_person(first, last, drawn=drawn)
        number = self._counts["person"] + 1
        return self.add_person("Person", f"Number {number}", drawn=drawn)

    def fresh_place(self, zone: str, states: tuple[str, ...]) -> str:
        """A place with a name not yet used (names are tried in order, from the last one used)."""
        names = itertools.chain(TOWNS, (f"Outpost {n}" for n in itertools.count(1)))
        for number, name in enumerate(names):
            if number >= self._next_place and self.free((name,), places=True):
                self._next_place = number + 1
                break
        name = self.named(name)
        self.place_names.add(normalise_name(name))
        id = self.add(Place(name, zone=zone, states=states), "place")
        self.places.append(id)
        return id

    # -- sources and provenance --------------------------------------------------------------

    def fresh_source(self, *, published: When | None = None, headline: int | None = None) -> str:
        """A source document, appended now: the ``headline``-th of HEADLINES, or a drawn one."""
        title = HEADLINES[self._headline() if headline is None else headline]
        number = self._counts["source"] + 1
        source = Source(title, url=f"https://news.example/{number}", published=published)
        return self.add(source, "source")

    def source_for_story(self, zone: str | None) -> str:
        """A source to cite: a fresh article published after everything so far, or a standing one.

        In consistent mode only a source published after every record that cites it may be
        cited, so articles belong to their story and standing sources have no publication time.
        """
        return self.together(lambda: self._source_for_story(zone))

    def _source_for_story(self, zone: str | None) -> str:
        return self.cite(self._plan_source(), zone)

    def plan_source(self) -> SourcePlan:
        """The choices of a story's source, drawn now, to :meth:`cite` at the story's end."""
        return self.together(self._plan_source)

    def _plan_source(self) -> SourcePlan:
        standing = self.coin()
        index: int = self.draw(_ANY)
        if standing:
            return SourcePlan(True, index)
        if self.rare(3):
            return SourcePlan(False, index, wire=self._plan_wire())
        published = None
        if self.draw(_PUBLISHED):
            precision = self.pick(PRECISIONS) if self.knobs.precisions is None else None
            published = self.plan_time(precision)
        return SourcePlan(False, index, headline=self._headline(), published=published)

    def cite(self, plan: SourcePlan, zone: str | None) -> str:
        """The source ``plan`` says, appended now if new (published after the times so far).

        A standing source when there is none left (its story was shrunk away) is the simplest
        new one. Draws nothing.
        """
        if plan.standing:
            if self.sources:
                return self.sources[plan.known % len(self.sources)]
            return self.fresh_source(headline=0)
        if plan.wire is not None:
            return self._wire_source(plan.wire)
        published = self.time_at(plan.published, zone) if plan.published else None
        return self.fresh_source(published=published, headline=plan.headline)

    def _headline(self) -> int:
        drawn: int = self.draw(index_of(len(HEADLINES)))
        return drawn

    def wire_source(self) -> str:
        """A source any story may cite: a wire, perhaps of a state's media.

        In consistent mode it has no publication time.
        """
        return self._wire_source(self.together(self._plan_wire))

    def _plan_wire(self) -> WirePlan:
        outlet = self.coin()
        index: int = self.draw(_ANY)
        zone = published = None
        if not self.consistent and self.coin():
            if self.knobs.zones is None and self.knobs.precisions is None:
                published = self.plan_time(Precision.DAY)
            else:
                zone = self.zone()
                published = self.plan_time()
        headline = self._headline()
        language = self.pick(("en", "ru", "fr"))
        return WirePlan(outlet, index, headline, language, zone, published)

    def _wire_source(self, plan: WirePlan) -> str:
        media = [state.media for state in self.states if state.media]
        outlet = media[plan.media % len(media)] if plan.outlet and media else None
        published = self.time_at(plan.published, plan.zone) if plan.published else None
        source = Source(
            HEADLINES[plan.headline],
            outlet=outlet,
            url=f"https://wire.example/{len(self.ledger) + 1}",
            published=published,
            language=plan.language,
        )
        id = self.add(source, "source")
        self.sources.append(id)
        return id

    def provenance(self, source: str, via: tuple[str, ...] = ()) -> Provenance:
        """A provenance citing ``source`` through ``via``."""
        return Provenance(source, via)

    # -- time --------------------------------------------------------------------------------

    def zone(self, *actors: str) -> str | None:
        """A zone for an event: an involved state's, another one, or none."""
        return self.together(lambda: self._zone(actors))

    def _zone(self, actors: tuple[str, ...]) -> str | None:
        if self.knobs.zones is not None:
            zone: str | None = self.draw(self.knobs.zones)
            return zone
        if self.rare(12):
            return self.pick(HALF_HOUR_ZONES)
        home = self.coin()
        mine = self.choose([self.zone_of[a] for a in actors if a in self.zone_of])
        drawn: str | None = self.draw(_ZONES)
        return mine if home and mine is not None else drawn

    def begin_story(self) -> None:
        """Start a new story: record time moves on, and (consistent) its times come after all."""
        self.tick()
        if self.consistent:
            self.story_low = self.high + _TICK
        else:
            self.story_low = self.base + timedelta(minutes=self.draw(_STORY_MINUTES))

    def note(self, moment: When | Span | None) -> None:
        """Remember the latest bound of a time used."""
        found = reach(moment)
        if found is not None:
            self.high = max(self.high, found[1])

    def gap(self) -> timedelta:
        """Some time between events: none, minutes, hours or days."""
        return self.draw(_gaps(20))

    def after(self, zone: str | None, precision: Precision | None = None) -> When:
        """A When after every time used so far (consistent) or around the story (otherwise).

        Instants in an IANA zone are often stated as wall times (kept in ``When.wall``). Now
        and then the When is in the hour after some zone's clocks changed (and outside
        consistent mode, a wall time they skipped or repeated), whatever ``zone`` is.
        """
        return self.together(lambda: self._after(zone, precision))

    def _after(self, zone: str | None, precision: Precision | None) -> When:
        return self.time_at(self._plan_time(precision), zone)

    def plan_time(self, precision: Precision | None = None) -> TimePlan:
        """The choices of a When after a moment, drawn now, to place with :meth:`time_at`."""
        return self.together(lambda: self._plan_time(precision))

    def _plan_time(self, precision: Precision | None) -> TimePlan:
        if precision is None:
            precision = self.event_precision()
        knobs = self.knobs
        free = knobs.zones is None and knobs.precisions is None
        near = self.together(
            lambda: self._plan_near() if free and self.rare(_NEAR_A_CHANGE) else None
        )
        if near is not None:
            return TimePlan(precision, near)
        gap = self.gap()
        window = window_shape(self.draw, precision)
        return TimePlan(precision, None, gap, window, self.draw(_COIN))

    def _plan_near(self) -> NearPlan:
        """The choices of a time near a change of some zone's clocks (see :meth:`time_at`)."""
        if not self.consistent and self.coin():
            local: LocalTime = self.draw(_unresolved())
            return NearPlan(local)
        fold = not self.coin()
        zone: int = self.draw(_ANY)
        which: int = self.draw(_WHICH_CHANGE)
        minute: int = self.draw(_MINUTES)
        return NearPlan(None, fold, zone, which, minute)

    def time_at(self, plan: TimePlan, zone: str | None) -> When:
        """The When ``plan`` says, after every time so far (consistent) or around the story.

        Instants in an IANA zone are often stated as wall times (kept in ``When.wall``). Now
        and then (``plan.near``) the When is in the hour after some zone's clocks changed, and
        outside consistent mode, a wall time they skipped or repeated, whatever ``zone`` is.
        Draws nothing.
        """
        start = self.high + _TICK if self.consistent else self.story_low
        when = self._near_a_change(plan.near, start) if plan.near is not None else None
        if when is None:
            when = when_after_shaped(start + plan.gap, zone, plan.precision, plan.window)
            if plan.wall:
                when = with_wall(when)
        self.note(when)
        return when

    def _near_a_change(self, plan: NearPlan, start: datetime) -> When | None:
        """A time in the hour after a zone's clocks changed, after ``start``; or a wall time.

        Outside consistent mode, half of them are wall times the clocks skipped or repeated,
        resolved by a policy. The others are drawn in a few steps that each shrink on their
        own: clocks set back (a fold) or forward (a gap), a zone with such a change after
        ``start``, which of its next changes, the minute after it. None if no zone has one.
        """
        if plan.local is not None:
            return plan.local.when
        found = _changes_after(start, fold=plan.fold)
        if not found:
            return None
        zone, changes = found[plan.zone % len(found)]
        change = changes[min(plan.which, len(changes) - 1)]
        width = abs(change.after - change.before) if plan.fold else timedelta(hours=1)
        moment = change.at + timedelta(minutes=plan.minute) % max(width, timedelta(minutes=1))
        return clock_when(moment, zone, Precision.MINUTE)

    def event_precision(self) -> Precision:
        """How an event's time is stated: mostly to the minute or the day (or as asked)."""
        if self.knobs.precisions is not None:
            precision: Precision = self.draw(self.knobs.precisions)
            return precision
        return self.pick(_EVENT_PRECISIONS)

    def event_time(self, zone: str | None, *, span: bool | None = None) -> When | Span:
        """The time of an event: a When of any precision, or a Span with a later end."""
        return self.together(lambda: self._event_time(zone, span))

    def _event_time(self, zone: str | None, span: bool | None) -> When | Span:
        if span is None:
            span = self.draw(_COIN)
        start = self.after(zone)
        if not span:
            return start
        return self.span_from(start, zone)

    def span_from(
        self, start: When, zone: str | None, *, shape: str = "closed", after_all: bool = False
    ) -> Span:
        """A Span from ``start``: closed, open or ongoing, its end a positive length later.

        With ``after_all`` (and in consistent mode) the end comes after every time used so far.
        """
        if shape == "open":
            return Span(start)
        return self.span_by(start, zone, self.end_plan(), shape=shape, after_all=after_all)

    def end_plan(self) -> EndPlan:
        """The choices that put an end after a start (see :meth:`span_by`)."""
        gap = self.gap()
        precision = self.event_precision()
        return EndPlan(gap, precision, window_shape(self.draw, precision))

    def span_by(
        self,
        start: When,
        zone: str | None,
        plan: EndPlan,
        *,
        shape: str = "closed",
        after_all: bool = False,
    ) -> Span:
        """:meth:`span_from` a closed or ongoing Span, its choices drawn beforehand."""
        begin = start.latest + timedelta(minutes=1) + plan.gap
        if after_all and self.consistent:
            begin = max(begin, self.high + _TICK)
        end = when_after_shaped(begin, zone, plan.precision, plan.window)
        self.note(end)
        if shape == "ongoing":
            return Span.ongoing(start, as_of=end)
        return Span(start, end)

    def day_before_base(self, zone: str | None, days: int) -> When:
        """The day ``days`` before the timeline begins (at least two, so it ends before it)."""
        day = max(self.base.date() - timedelta(days=max(2, days)), date(1, 1, 2))
        try:
            return When.day(day, zone=zone)
        except SkippedTimeError:  # Pacific/Apia skipped 30 December 2011
            return When.day(day - timedelta(days=1), zone=zone)

    def coarsen(self, moment: When | Span, zone: str | None) -> When | Span:
        """The same time as another source gives it: in another zone, or in a wider window.

        Never narrower than ``moment``, and (consistent) never reaching back before the story.
        """
        if self.knobs.precisions is not None:  # the same precision, as asked
            return moment
        low, high = reach(moment) or (self.base, self.base)
        choice = self.pick(("window", "zone", "day"))
        result: When | Span | None = None
        if choice == "zone" and isinstance(moment, When):
            result = moment.to_zone(zone)
        elif choice == "zone" and isinstance(moment, Span):
            end = moment.end.to_zone(zone) if moment.end is not None else None
            as_of = moment.ongoing_as_of
            result = Span(moment.start.to_zone(zone), end, ongoing_as_of=as_of)
        elif choice == "day":
            day = when_near(self.draw, low, zone, Precision.DAY)
            if day.earliest >= self.story_low and day.latest >= high:
                result = day
        if result is None:
            extra = self.draw(_gaps(1))
            result = When.between(low, high + extra, zone=zone)
        self.note(result)
        return result
