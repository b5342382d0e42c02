"""Strategies for the values records are made of: actors, offices, places, sources, provenance.

Each value is valid on its own, but the ids it points at are drawn from the strategies given (any
valid id by default).
"""

from __future__ import annotations

import functools
from typing import Any, Final, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Finding,
    FindingKind,
    Office,
    Participant,
    Place,
    Provenance,
    Source,
    Span,
    Tenure,
    When,
)
from diplomacy_ledger.strategies._args import check_strategy, checked_ids, named, shown_arguments
from diplomacy_ledger.strategies._texts import (
    FIRST_NAMES,
    HEADLINES,
    LAST_NAMES,
    ORGANIZATIONS,
    STATES,
    SUMMARIES,
    TOWNS,
    WORDS,
    id_strings,
    texts,
)
from diplomacy_ledger.strategies._times import (
    spans,
    whens,
)
from diplomacy_ledger.strategies._zones import zone_keys

__all__ = [
    "Ids",
    "Times",
    "actors",
    "default_spans",
    "default_whens",
    "findings",
    "id_tuples",
    "ids_or_default",
    "maybe",
    "offices",
    "participant_tuples",
    "participants",
    "places",
    "provenances",
    "sources",
    "tenures",
    "times_or_default",
]

T = TypeVar("T")
Ids = st.SearchStrategy[str] | None
Times = st.SearchStrategy[When | Span] | None


def ids_or_default(value: Ids, name: str) -> st.SearchStrategy[str]:
    check_strategy(value, name)
    return id_strings() if value is None else checked_ids(value, name)


def maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """None or a value of ``strategy``, built once per strategy: building per draw is slow."""
    return _maybe(strategy)


@functools.lru_cache(maxsize=512)
def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def id_tuples(ids: st.SearchStrategy[str], max_size: int) -> st.SearchStrategy[tuple[str, ...]]:
    """Up to ``max_size`` distinct ids from ``ids``; none when ``ids`` can draw none.

    ``records_for`` passes ``st.nothing()`` for a kind its ledger lacks.
    """
    if ids.is_empty:
        return st.just(())
    return st.lists(ids, max_size=max_size, unique=True).map(tuple)


def given_ids(value: Ids, name: str) -> st.SearchStrategy[str | None]:
    """An optional reference: an id from ``value`` or None; always None when no ids are given.

    For references a record may leave out, so that records drawn with some ids of a ledger
    (``record_ids=``, ``actor_ids=``) still fit it: a reference is only drawn from ids given.
    """
    check_strategy(value, name)
    return st.none() if value is None else maybe(value)


def times_or_default(value: Times, name: str = "times") -> st.SearchStrategy[When | Span]:
    check_strategy(value, name)
    if value is not None:
        return value
    return _default_times()


@functools.cache
def _default_times() -> st.SearchStrategy[When | Span]:
    return st.one_of(whens(), spans(open_ends=False))


def provenances(*, source_ids: Ids = None, actor_ids: Ids = None) -> st.SearchStrategy[Provenance]:
    """:class:`~diplomacy_ledger.Provenance` values. Requires hypothesis.

    A source id, and an attribution chain of distinct actor ids, outermost first (often empty).
    """
    return named(_provenances(source_ids, actor_ids), source_ids=source_ids, actor_ids=actor_ids)


@functools.lru_cache(maxsize=256)
def _provenances(source_ids: Ids, actor_ids: Ids) -> st.SearchStrategy[Provenance]:
    via = id_tuples(ids_or_default(actor_ids, "actor_ids"), 3)
    quote = maybe(texts(WORDS))
    return st.builds(Provenance, ids_or_default(source_ids, "source_ids"), via, quote=quote)


def sources(
    *, actor_ids: Ids = None, whens: st.SearchStrategy[When] | None = None
) -> st.SearchStrategy[Source]:
    """:class:`~diplomacy_ledger.Source` documents. Requires hypothesis.

    Title, outlet (an actor id), url, when it was published and retrieved (from ``whens``),
    language: each may be unknown (None).
    """
    check_strategy(whens, "whens")
    times = default_whens() if whens is None else whens
    return named(
        st.builds(
            Source,
            maybe(texts(HEADLINES)),
            outlet=maybe(ids_or_default(actor_ids, "actor_ids")),
            url=maybe(st.integers(0, 10**6).map(lambda n: f"https://news.example/articles/{n}")),
            published=maybe(times),
            retrieved=maybe(times),
            language=maybe(st.sampled_from(("en", "hy", "az", "ru", "fr"))),
        ),
        actor_ids=actor_ids,
        whens=whens,
    )


@functools.cache
def default_whens() -> st.SearchStrategy[When]:
    return whens()


_ISO3: Final = st.from_regex(r"[A-Z]{3}", fullmatch=True)


@functools.cache
def _names(kind: ActorKind) -> st.SearchStrategy[tuple[str, tuple[str, ...]]]:
    return _name(kind)


@st.composite
def _name(draw: st.DrawFn, kind: ActorKind) -> tuple[str, tuple[str, ...]]:
    state = draw(st.sampled_from(STATES))
    if kind is ActorKind.STATE:
        return state.name, (state.official,)
    if kind is ActorKind.PERSON:
        last = draw(st.sampled_from(LAST_NAMES))
        return f"{draw(st.sampled_from(FIRST_NAMES))} {last}", (last,)
    if kind is ActorKind.INTERNATIONAL_ORGANIZATION:
        name, short = draw(st.sampled_from(ORGANIZATIONS))
        return name, (short,)
    names = {
        ActorKind.GOVERNMENT: (f"Government of {state.name}", (state.capital,)),
        ActorKind.GOVERNMENT_BODY: (f"{state.demonym} Ministry of Foreign Affairs", ()),
        ActorKind.ARMED_FORCES: (f"{state.demonym} armed forces", ()),
        ActorKind.MEDIA: (f"{state.demonym} media", ()),
        ActorKind.COLLECTIVE: (f"{state.demonym} officials", ()),
    }
    return names[kind]


def actors(
    *,
    kinds: st.SearchStrategy[ActorKind] | None = None,
    actor_ids: Ids = None,
    source_ids: Ids = None,
) -> st.SearchStrategy[Actor]:
    """:class:`~diplomacy_ledger.Actor` values with realistic names and aliases for their kind.

    Requires hypothesis. ``part_of`` and ``affiliation`` are drawn from ``actor_ids``; only
    states get an ISO 3166 code; a lifespan, if any, is a valid :class:`~diplomacy_ledger.Span`.
    """
    check_strategy(kinds, "kinds")
    kind_strategy = st.sampled_from(ActorKind) if kinds is None else kinds
    refs = ids_or_default(actor_ids, "actor_ids")
    provenance = maybe(provenances(source_ids=source_ids, actor_ids=actor_ids))
    lifespans = maybe(default_spans())

    @st.composite
    def actors(draw: st.DrawFn, /, **shown: object) -> Actor:
        kind = draw(kind_strategy)
        name, aliases = draw(_names(kind))
        name = draw(texts((name,)))
        iso3 = None
        if kind is ActorKind.STATE and draw(st.booleans()):
            iso3 = draw(_ISO3)
        return Actor(
            name,
            kind,
            aliases,
            part_of=draw(maybe(refs)),
            lifespan=draw(lifespans),
            wikidata=draw(maybe(st.integers(1, 10**8).map(lambda n: f"Q{n}"))),
            iso3=iso3,
            description=draw(maybe(texts(SUMMARIES))),
            affiliation=draw(maybe(refs)),
            provenance=draw(provenance),
        )

    return actors(**shown_arguments(kinds=kinds, actor_ids=actor_ids, source_ids=source_ids))


def offices(*, actor_ids: Ids = None, source_ids: Ids = None) -> st.SearchStrategy[Office]:
    """:class:`~diplomacy_ledger.Office` values. Requires hypothesis.

    A title ("Prime Minister of Armenia"); the jurisdiction is drawn from ``actor_ids``, or there
    is none.
    """
    titles = st.builds(
        lambda role, state: f"{role} of {state.name}",
        st.sampled_from(("President", "Prime Minister", "Foreign Minister")),
        st.sampled_from(STATES),
    )
    return named(
        st.builds(
            Office,
            titles,
            jurisdiction=maybe(ids_or_default(actor_ids, "actor_ids")),
            description=maybe(texts(SUMMARIES)),
            provenance=maybe(provenances(source_ids=source_ids, actor_ids=actor_ids)),
        ),
        actor_ids=actor_ids,
        source_ids=source_ids,
    )


def tenures(
    *,
    actor_ids: Ids = None,
    office_ids: Ids = None,
    spans: st.SearchStrategy[Span] | None = None,
    source_ids: Ids = None,
) -> st.SearchStrategy[Tenure]:
    """:class:`~diplomacy_ledger.Tenure` values. Requires hypothesis.

    A person id, an office id, a Span (from ``spans``; often open or ongoing), acting or not.
    """
    check_strategy(spans, "spans")
    return named(
        st.builds(
            Tenure,
            ids_or_default(actor_ids, "actor_ids"),
            ids_or_default(office_ids, "office_ids"),
            default_spans() if spans is None else spans,
            acting=st.booleans(),
            provenance=maybe(provenances(source_ids=source_ids, actor_ids=actor_ids)),
        ),
        actor_ids=actor_ids,
        office_ids=office_ids,
        spans=spans,
        source_ids=source_ids,
    )


@functools.cache
def default_spans() -> st.SearchStrategy[Span]:
    return spans()


def places(
    *, zones: st.SearchStrategy[str] | None = None, actor_ids: Ids = None, source_ids: Ids = None
) -> st.SearchStrategy[Place]:
    """:class:`~diplomacy_ledger.Place` values. Requires hypothesis.

    A zone (from ``zones``), the states it lies in (two when disputed), aliases, coordinates.
    """
    check_strategy(zones, "zones")
    coordinates = st.tuples(
        st.floats(min_value=-90, max_value=90), st.floats(min_value=-180, max_value=180)
    )
    return named(
        st.builds(
            Place,
            st.sampled_from(TOWNS + tuple(state.capital for state in STATES)),
            zone=_zone_keys() if zones is None else zones,
            states=st.lists(ids_or_default(actor_ids, "actor_ids"), max_size=2, unique=True).map(
                tuple
            ),
            aliases=st.lists(st.sampled_from(TOWNS), max_size=2, unique=True).map(tuple),
            region=maybe(st.sampled_from(TOWNS)),
            coordinates=maybe(coordinates),
            description=maybe(texts(SUMMARIES)),
            provenance=maybe(provenances(source_ids=source_ids, actor_ids=actor_ids)),
        ),
        zones=zones,
        actor_ids=actor_ids,
        source_ids=source_ids,
    )


@functools.cache
def _zone_keys() -> st.SearchStrategy[str]:
    return zone_keys(fixed_offsets=True)


def participants(
    *, actor_ids: Ids = None, office_ids: Ids = None
) -> st.SearchStrategy[Participant]:
    """:class:`~diplomacy_ledger.Participant` values. Requires hypothesis.

    An actor id from ``actor_ids``, and sometimes an office id from ``office_ids``.
    """
    return named(
        st.builds(
            Participant,
            ids_or_default(actor_ids, "actor_ids"),
            maybe(ids_or_default(office_ids, "office_ids")),
        ),
        actor_ids=actor_ids,
        office_ids=office_ids,
    )


@st.composite
def participant_tuples(
    draw: st.DrawFn, actor_ids: st.SearchStrategy[str], offices: st.SearchStrategy[str], least: int
) -> tuple[Participant, ...]:
    try:
        chosen = draw(st.lists(actor_ids, min_size=least, max_size=least + 2, unique=True))
    except InvalidArgument as error:  # Hypothesis's words name no knob of ours
        needs = f"actor_ids must be able to draw {least} distinct ids"
        raise InvalidArgument(f"{needs}: {error}") from error
    return tuple(Participant(actor, draw(maybe(offices))) for actor in chosen)


def findings(*, entry_ids: Ids = None) -> st.SearchStrategy[Finding]:
    """Findings as the checks make them: a kind, a certainty, the entries, an explanation.

    Requires hypothesis. ``entry_ids`` draws the entries' ids (any valid ids by default).
    """
    return named(
        st.builds(
            Finding,
            st.sampled_from([kind.value for kind in FindingKind]),
            st.sampled_from(("definite", "possible")),
            st.lists(ids_or_default(entry_ids, "entry_ids"), min_size=1, max_size=3, unique=True),
            texts(SUMMARIES),
        ),
        entry_ids=entry_ids,
    )
