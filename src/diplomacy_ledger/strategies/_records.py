"""Strategies for single records of every type, and for ledger entries.

Each record is valid on its own (ids well-formed, times aware and able to last, participants
distinct), but the ids it points at are drawn from the strategies given (any valid id by default),
so a lone record does not resolve its references: for that, draw whole ledgers.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import Any, Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from diplomacy_ledger import (
    Actor,
    Agreement,
    Call,
    Ceasefire,
    Claim,
    Entry,
    Hostility,
    Ledger,
    Mediation,
    Medium,
    Meeting,
    Office,
    Participant,
    Place,
    Precision,
    Record,
    Report,
    Retraction,
    SameEvent,
    Source,
    Span,
    Stance,
    Statement,
    Status,
    When,
)
from diplomacy_ledger.strategies._args import (
    check_strategy,
    checked_kinds,
    named,
    precision_choices,
    shown_arguments,
    zone_choices,
)
from diplomacy_ledger.strategies._texts import (
    CHANNELS,
    MEANS,
    PROPOSITIONS,
    SUMMARIES,
    TOWNS,
    WORDS,
    id_strings,
    texts,
)
from diplomacy_ledger.strategies._times import (
    PRECISIONS,
    instants,
    lengths,
    spans,
    when_near,
    whens,
)
from diplomacy_ledger.strategies._values import (
    Ids,
    Times,
    actors,
    default_spans,
    default_whens,
    given_ids,
    id_tuples,
    ids_or_default,
    maybe,
    offices,
    participant_tuples,
    participants,
    places,
    provenances,
    sources,
    tenures,
    times_or_default,
)

__all__ = [
    "agreements",
    "calls",
    "ceasefires",
    "claims",
    "entries",
    "hostilities",
    "mediations",
    "meetings",
    "records",
    "records_for",
    "reports",
    "retractions",
    "same_events",
    "statements",
]


# Most records tell what happened; plans and cancellations are drawn often enough to matter.
_STATUSES: Final = st.sampled_from(
    (Status.OCCURRED, Status.OCCURRED, Status.PLANNED, Status.CANCELLED)
)


def calls(
    *,
    actor_ids: Ids = None,
    office_ids: Ids = None,
    source_ids: Ids = None,
    times: Times = None,
) -> st.SearchStrategy[Call]:
    """:class:`~diplomacy_ledger.Call` values. Requires hypothesis.

    Two to four distinct participants (actor ids from ``actor_ids``, which must be able to give
    two distinct ids; each perhaps named in an office from ``office_ids``), a When or Span from
    ``times``, a provenance, a medium, an initiator among the participants or none.
    """
    refs, office_refs = (
        ids_or_default(actor_ids, "actor_ids"),
        ids_or_default(office_ids, "office_ids"),
    )
    time_strategy = times_or_default(times)
    provenance = provenances(source_ids=source_ids, actor_ids=actor_ids)

    @st.composite
    def calls(draw: st.DrawFn, /, **shown: object) -> Call:
        people = draw(participant_tuples(refs, office_refs, 2))
        initiator = draw(maybe(st.sampled_from([p.actor for p in people])))
        return Call(
            people,
            draw(time_strategy),
            draw(provenance),
            medium=draw(st.sampled_from((Medium.PHONE, Medium.VIDEO, Medium.WRITTEN))),
            initiator=initiator,
            summary=draw(maybe(texts(SUMMARIES))),
            status=draw(_STATUSES),
        )

    return calls(
        **shown_arguments(
            actor_ids=actor_ids, office_ids=office_ids, source_ids=source_ids, times=times
        )
    )


def meetings(
    *,
    actor_ids: Ids = None,
    office_ids: Ids = None,
    place_ids: Ids = None,
    source_ids: Ids = None,
    times: Times = None,
) -> st.SearchStrategy[Meeting]:
    """:class:`~diplomacy_ledger.Meeting` values. Requires hypothesis.

    A host and one to three visitors, all distinct, at a place (an id) or none; or, one time in
    four, a meeting with no host and two to four participants (a summit).
    """
    refs, office_refs = (
        ids_or_default(actor_ids, "actor_ids"),
        ids_or_default(office_ids, "office_ids"),
    )
    places_ = maybe(ids_or_default(place_ids, "place_ids"))
    time_strategy = times_or_default(times)
    provenance = provenances(source_ids=source_ids, actor_ids=actor_ids)

    @st.composite
    def meetings(draw: st.DrawFn, /, **shown: object) -> Meeting:
        first, *visitors = draw(participant_tuples(refs, office_refs, 2))
        host: Participant | None = first
        if draw(st.integers(0, 3)) == 0:
            host, visitors = None, [first, *visitors]
        return Meeting(
            host,
            tuple(visitors),
            draw(time_strategy),
            draw(provenance),
            place=draw(places_),
            medium=draw(st.sampled_from(Medium)),
            summary=draw(maybe(texts(SUMMARIES))),
            status=draw(_STATUSES),
        )

    return meetings(
        **shown_arguments(
            actor_ids=actor_ids,
            office_ids=office_ids,
            place_ids=place_ids,
            source_ids=source_ids,
            times=times,
        )
    )


def statements(
    *,
    actor_ids: Ids = None,
    office_ids: Ids = None,
    source_ids: Ids = None,
    record_ids: Ids = None,
    agreement_ids: Ids = None,
    times: Times = None,
) -> st.SearchStrategy[Statement]:
    """:class:`~diplomacy_ledger.Statement` values. Requires hypothesis.

    A speaker, words, an audience, a channel, the call it was made during (an id from
    ``record_ids``) and, only when ``agreement_ids`` is given, perhaps the agreement it speaks of.
    """
    return named(
        st.builds(
            Statement,
            participants(actor_ids=actor_ids, office_ids=office_ids),
            provenances(source_ids=source_ids, actor_ids=actor_ids),
            when=maybe(times_or_default(times)),
            audience=st.lists(ids_or_default(actor_ids, "actor_ids"), max_size=3, unique=True).map(
                tuple
            ),
            words=maybe(texts(WORDS)),
            channel=maybe(st.sampled_from(CHANNELS)),
            during=maybe(ids_or_default(record_ids, "record_ids")),
            agreement=given_ids(agreement_ids, "agreement_ids"),
        ),
        actor_ids=actor_ids,
        office_ids=office_ids,
        source_ids=source_ids,
        record_ids=record_ids,
        agreement_ids=agreement_ids,
        times=times,
    )


def claims(
    *,
    actor_ids: Ids = None,
    office_ids: Ids = None,
    source_ids: Ids = None,
    record_ids: Ids = None,
    times: Times = None,
) -> st.SearchStrategy[Claim]:
    """:class:`~diplomacy_ledger.Claim` values. Requires hypothesis.

    Each asserts, denies or accuses, about a record (an id from ``record_ids``), a proposition
    (its words, its key, or both), or a record and a proposition; only accusations name the
    accused. Only when ``office_ids`` is given, perhaps the office the claimant spoke in.
    """
    refs, records_ = (
        ids_or_default(actor_ids, "actor_ids"),
        ids_or_default(record_ids, "record_ids"),
    )
    time_strategy = maybe(times_or_default(times))
    provenance = provenances(source_ids=source_ids, actor_ids=actor_ids)
    office_refs = given_ids(office_ids, "office_ids")

    @st.composite
    def claims(draw: st.DrawFn, /, **shown: object) -> Claim:
        stance = draw(st.sampled_from(Stance))
        shape = draw(st.sampled_from(("about", "proposition", "both", "key")))
        about = draw(records_) if shape in ("about", "both") else None
        proposition = draw(texts(PROPOSITIONS)) if shape in ("proposition", "both") else None
        key = None
        if shape == "key":
            key = draw(id_strings())
        elif shape != "about":
            key = draw(maybe(id_strings()))
        accused = draw(maybe(refs)) if stance is Stance.ACCUSES else None
        return Claim(
            draw(refs),
            stance,
            draw(provenance),
            about=about,
            proposition=proposition,
            accused=accused,
            statement=draw(maybe(records_)),
            when=draw(time_strategy),
            words=draw(maybe(texts(WORDS))),
            cameo=draw(maybe(st.sampled_from(("0231", "111", "1125", "172")))),
            key=key,
            office=draw(office_refs),
        )

    return claims(
        **shown_arguments(
            actor_ids=actor_ids,
            office_ids=office_ids,
            source_ids=source_ids,
            record_ids=record_ids,
            times=times,
        )
    )


def mediations(
    *, actor_ids: Ids = None, source_ids: Ids = None, times: Times = None
) -> st.SearchStrategy[Mediation]:
    """:class:`~diplomacy_ledger.Mediation` values. Requires hypothesis.

    Mediators and at least two parties, no actor on both sides.
    """
    refs = ids_or_default(actor_ids, "actor_ids")
    time_strategy = times_or_default(times)
    provenance = provenances(source_ids=source_ids, actor_ids=actor_ids)

    @st.composite
    def mediations(draw: st.DrawFn, /, **shown: object) -> Mediation:
        everyone = draw(st.lists(refs, min_size=3, max_size=5, unique=True))
        split = draw(st.integers(1, len(everyone) - 2))
        return Mediation(
            everyone[:split],
            everyone[split:],
            draw(time_strategy),
            draw(provenance),
            outcome=draw(maybe(texts(SUMMARIES))),
            status=draw(_STATUSES),
        )

    return mediations(**shown_arguments(actor_ids=actor_ids, source_ids=source_ids, times=times))


def ceasefires(
    *,
    actor_ids: Ids = None,
    place_ids: Ids = None,
    source_ids: Ids = None,
    record_ids: Ids = None,
    agreement_ids: Ids = None,
    whens: st.SearchStrategy[When] | None = None,
) -> st.SearchStrategy[Ceasefire]:
    """:class:`~diplomacy_ledger.Ceasefire` values. Requires hypothesis.

    Parties, the When it took effect, perhaps an end a positive length later, the mediation (an
    id from ``record_ids``) it came from, and perhaps a scope: regions, and places when
    ``place_ids`` is given. Only when ``agreement_ids`` is given, perhaps the agreement.
    """
    check_strategy(whens, "whens")
    refs = ids_or_default(actor_ids, "actor_ids")
    check_strategy(place_ids, "place_ids")
    scope: st.SearchStrategy[tuple[str, ...]] = st.just(())
    if place_ids is not None:
        scope = id_tuples(place_ids, 2)
    agreement_refs = given_ids(agreement_ids, "agreement_ids")
    effective_strategy = default_whens() if whens is None else whens
    provenance = provenances(source_ids=source_ids, actor_ids=actor_ids)
    mediations_ = maybe(ids_or_default(record_ids, "record_ids"))

    @st.composite
    def ceasefires(draw: st.DrawFn, /, **shown: object) -> Ceasefire:
        effective = draw(effective_strategy)
        until = None
        if draw(st.booleans()):
            later = effective.earliest + draw(lengths(max_days=60))
            until = when_near(draw, later, effective.zone, draw(st.sampled_from(PRECISIONS)))
        return Ceasefire(
            tuple(draw(st.lists(refs, min_size=2, max_size=3, unique=True))),
            effective,
            draw(provenance),
            until=until,
            mediation=draw(mediations_),
            terms=draw(maybe(texts(SUMMARIES))),
            status=draw(_STATUSES),
            agreement=draw(agreement_refs),
            places=draw(scope),
            regions=tuple(draw(st.lists(st.sampled_from(TOWNS), max_size=1))),
        )

    return ceasefires(
        **shown_arguments(
            actor_ids=actor_ids,
            place_ids=place_ids,
            source_ids=source_ids,
            record_ids=record_ids,
            agreement_ids=agreement_ids,
            whens=whens,
        )
    )


def agreements(
    *,
    actor_ids: Ids = None,
    office_ids: Ids = None,
    source_ids: Ids = None,
    times: Times = None,
    whens: st.SearchStrategy[When] | None = None,
) -> st.SearchStrategy[Agreement]:
    """:class:`~diplomacy_ledger.Agreement` values. Requires hypothesis.

    Two or three parties, perhaps mediators (never a party), signatories in offices (ids from
    ``office_ids``), when it was signed and when it took effect, a title, terms and a status.
    """
    check_strategy(whens, "whens")
    refs = ids_or_default(actor_ids, "actor_ids")
    office_refs = ids_or_default(office_ids, "office_ids")
    signed_strategy = maybe(times_or_default(times))
    effective_strategy = maybe(default_whens() if whens is None else whens)
    provenance = provenances(source_ids=source_ids, actor_ids=actor_ids)

    @st.composite
    def agreements(draw: st.DrawFn, /, **shown: object) -> Agreement:
        everyone = draw(st.lists(refs, min_size=2, max_size=5, unique=True))
        split = draw(st.integers(2, min(3, len(everyone))))
        signatories = draw(st.one_of(st.just(()), participant_tuples(refs, office_refs, 1)))
        return Agreement(
            tuple(everyone[:split]),
            draw(provenance),
            title=draw(maybe(texts(SUMMARIES))),
            signatories=signatories,
            mediators=tuple(everyone[split:]),
            signed=draw(signed_strategy),
            effective=draw(effective_strategy),
            terms=draw(maybe(texts(SUMMARIES))),
            status=draw(_STATUSES),
        )

    return agreements(
        **shown_arguments(
            actor_ids=actor_ids,
            office_ids=office_ids,
            source_ids=source_ids,
            times=times,
            whens=whens,
        )
    )


def hostilities(
    *,
    actor_ids: Ids = None,
    place_ids: Ids = None,
    source_ids: Ids = None,
    spans: st.SearchStrategy[Span] | None = None,
) -> st.SearchStrategy[Hostility]:
    """:class:`~diplomacy_ledger.Hostility` values. Requires hypothesis.

    A Span (often open: "reportedly ongoing"), an attacker and a target (distinct, either may be
    unknown) or, one time in four, two or three sides fighting with no attacker named; places
    and means.
    """
    check_strategy(spans, "spans")
    refs = ids_or_default(actor_ids, "actor_ids")
    span_strategy = default_spans() if spans is None else spans
    provenance = provenances(source_ids=source_ids, actor_ids=actor_ids)
    place_lists = id_tuples(ids_or_default(place_ids, "place_ids"), 2)

    @st.composite
    def hostilities(draw: st.DrawFn, /, **shown: object) -> Hostility:
        sides = draw(st.lists(refs, min_size=2, max_size=3, unique=True))
        between = draw(st.integers(0, 3)) == 0
        return Hostility(
            draw(span_strategy),
            draw(provenance),
            attacker=sides[0] if not between and draw(st.booleans()) else None,
            target=sides[1] if not between and draw(st.booleans()) else None,
            between=tuple(sides) if between else (),
            places=draw(place_lists),
            means=tuple(draw(st.lists(st.sampled_from(MEANS), max_size=3, unique=True))),
            description=draw(maybe(texts(SUMMARIES))),
        )

    return hostilities(
        **shown_arguments(
            actor_ids=actor_ids, place_ids=place_ids, source_ids=source_ids, spans=spans
        )
    )


def reports(
    *,
    actor_ids: Ids = None,
    source_ids: Ids = None,
    record_ids: Ids = None,
    times: Times = None,
) -> st.SearchStrategy[Report]:
    """:class:`~diplomacy_ledger.Report` values. Requires hypothesis.

    A reporter, the record (an id) it reports, a provenance and perhaps a time.
    """
    return named(
        st.builds(
            Report,
            ids_or_default(actor_ids, "actor_ids"),
            ids_or_default(record_ids, "record_ids"),
            provenances(source_ids=source_ids, actor_ids=actor_ids),
            when=maybe(times_or_default(times)),
        ),
        actor_ids=actor_ids,
        source_ids=source_ids,
        record_ids=record_ids,
        times=times,
    )


def same_events(*, record_ids: Ids = None) -> st.SearchStrategy[SameEvent]:
    """:class:`~diplomacy_ledger.SameEvent` links. Requires hypothesis.

    Two or three distinct ids from ``record_ids``, and perhaps a note.
    """
    return named(
        st.builds(
            SameEvent,
            st.lists(
                ids_or_default(record_ids, "record_ids"), min_size=2, max_size=3, unique=True
            ).map(tuple),
            note=maybe(texts(SUMMARIES)),
        ),
        record_ids=record_ids,
    )


def retractions(*, record_ids: Ids = None) -> st.SearchStrategy[Retraction]:
    """:class:`~diplomacy_ledger.Retraction` values. Requires hypothesis.

    The id withdrawn (from ``record_ids``), and perhaps a reason.
    """
    return named(
        st.builds(
            Retraction,
            ids_or_default(record_ids, "record_ids"),
            maybe(st.sampled_from(("duplicate entry", "wrong date", "misattributed"))),
        ),
        record_ids=record_ids,
    )


def records(
    *,
    actor_ids: Ids = None,
    office_ids: Ids = None,
    place_ids: Ids = None,
    source_ids: Ids = None,
    record_ids: Ids = None,
    agreement_ids: Ids = None,
    kinds: Collection[str | type[Record]] | None = None,
    zones: st.SearchStrategy[str | None] | Sequence[str | None] | None = None,
    precisions: st.SearchStrategy[Precision | str] | Sequence[Precision | str] | None = None,
) -> st.SearchStrategy[Record]:
    """A record of any of the sixteen kinds, from the strategies above. Requires hypothesis.

    ``kinds`` keeps to some kinds, by name (``"call"``) or class (``Call``). ``zones`` and
    ``precisions`` (lists, or strategies, as for :func:`~diplomacy_ledger.strategies.ledgers`)
    set the zones and precisions of the events' times (calls, meetings, statements, claims,
    mediations, ceasefires, agreements, hostilities, reports); the lifespans, tenures and
    publication dates of the cast keep every precision and zone.
    """
    allowed = checked_kinds(kinds)
    zone_strategy = zone_choices(zones)
    precision_strategy = precision_choices(precisions)
    times: dict[str, Any] = {}
    whens_: dict[str, Any] = {}
    spans_: dict[str, Any] = {}
    if zone_strategy is not None or precision_strategy is not None:
        when_strategy = whens(zones=zone_strategy, precisions=precision_strategy)
        span_strategy = spans(zones=zone_strategy, precisions=precision_strategy, open_ends=False)
        times = {"times": st.one_of(when_strategy, span_strategy)}
        whens_ = {"whens": when_strategy}
        spans_ = {"spans": spans(zones=zone_strategy, precisions=precision_strategy)}
    refs: dict[str, Any] = {"actor_ids": actor_ids, "source_ids": source_ids}
    linked: dict[str, Any] = {"record_ids": record_ids, "agreement_ids": agreement_ids}
    by_kind: dict[str, st.SearchStrategy[Any]] = {
        "call": calls(office_ids=office_ids, **refs, **times),
        "meeting": meetings(office_ids=office_ids, place_ids=place_ids, **refs, **times),
        "statement": statements(office_ids=office_ids, **linked, **refs, **times),
        "claim": claims(office_ids=office_ids, record_ids=record_ids, **refs, **times),
        "mediation": mediations(**refs, **times),
        "ceasefire": ceasefires(place_ids=place_ids, **linked, **refs, **whens_),
        "agreement": agreements(office_ids=office_ids, **refs, **times, **whens_),
        "hostility": hostilities(place_ids=place_ids, **refs, **spans_),
        "report": reports(record_ids=record_ids, **refs, **times),
        "same_event": same_events(record_ids=record_ids),
        "retraction": retractions(record_ids=record_ids),
        "actor": actors(**refs),
        "office": offices(**refs),
        "tenure": tenures(office_ids=office_ids, **refs),
        "place": places(**refs),
        "source": sources(actor_ids=actor_ids),
    }
    chosen = [s for kind, s in by_kind.items() if allowed is None or kind in allowed]
    return named(
        st.one_of(chosen),
        actor_ids=actor_ids,
        office_ids=office_ids,
        place_ids=place_ids,
        source_ids=source_ids,
        record_ids=record_ids,
        agreement_ids=agreement_ids,
        kinds=kinds,
        zones=zones,
        precisions=precisions,
    )


def records_for(
    ledger: Ledger, *, kinds: Collection[str | type[Record]] | None = None
) -> st.SearchStrategy[Record]:
    """Records that fit ``ledger``: each id they point at is its current entry of that kind.

    Requires hypothesis. So that "append to this ledger" is testable:
    ``ledger.append(record, id=..., ...)`` takes each drawn record (give it a fresh id and a
    record time at or after the ledger's last).
    Kinds whose references the ledger cannot give (a call needs two actors and a source) are
    not drawn; nor are actors and places, whose names could clash with the ledger's. ``kinds``
    keeps to some kinds, as for :func:`records`. A ledger that cannot give any of the kinds
    asked for is an :class:`~hypothesis.errors.InvalidArgument`.
    """
    if not isinstance(ledger, Ledger):
        raise InvalidArgument(f"ledger={ledger!r} must be a Ledger")
    allowed = checked_kinds(kinds)
    shown = _Described(f"<a ledger of {len(ledger)} entries>")  # not the whole ledger's repr
    return named(_records_for(ledger, allowed), ledger=shown, kinds=kinds)


class _Described:
    """A value shown by a description, in a strategy's repr."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _records_for(ledger: Ledger, allowed: frozenset[str] | None) -> st.SearchStrategy[Record]:
    current = list(ledger.entries())
    actor_list = [e.id for e in current if isinstance(e.record, Actor)]
    people = [
        e.id for e in current if isinstance(e.record, Actor) and e.record.kind.value == "person"
    ]
    of = {
        "office": [e.id for e in current if isinstance(e.record, Office)],
        "place": [e.id for e in current if isinstance(e.record, Place)],
        "source": [e.id for e in current if isinstance(e.record, Source)],
        "agreement": [e.id for e in current if isinstance(e.record, Agreement)],
    }
    retractable = [e.id for e in current if not isinstance(e.record, Retraction)]
    contacts = [e.id for e in current if isinstance(e.record, Call | Meeting)]

    def pool(ids_: list[str]) -> st.SearchStrategy[str]:
        return st.sampled_from(ids_) if ids_ else st.nothing()

    a, o, p, s = pool(actor_list), pool(of["office"]), pool(of["place"]), pool(of["source"])
    r, g = pool(retractable), pool(of["agreement"])
    actors_, sources_ = len(actor_list), len(of["source"])
    refs: dict[str, Any] = {"actor_ids": a, "source_ids": s}
    given_: dict[str, st.SearchStrategy[Any] | None] = {}
    if of["agreement"]:
        given_["agreement_ids"] = g
    by_kind: dict[str, tuple[bool, st.SearchStrategy[Any]]] = {
        "call": (actors_ >= 2 and sources_ >= 1, calls(office_ids=o, **refs)),
        "meeting": (
            actors_ >= 2 and sources_ >= 1,
            meetings(office_ids=o, place_ids=p, **refs),
        ),
        "statement": (
            actors_ >= 1 and sources_ >= 1,
            statements(office_ids=o, record_ids=r, **refs, **given_),
        ),
        "claim": (
            actors_ >= 1 and sources_ >= 1,
            claims(office_ids=o if of["office"] else None, record_ids=r, **refs),
        ),
        "mediation": (actors_ >= 3 and sources_ >= 1, mediations(**refs)),
        "ceasefire": (
            actors_ >= 2 and sources_ >= 1,
            ceasefires(place_ids=p, record_ids=r, **refs, **given_),
        ),
        "agreement": (actors_ >= 2 and sources_ >= 1, agreements(office_ids=o, **refs)),
        "hostility": (actors_ >= 2 and sources_ >= 1, hostilities(place_ids=p, **refs)),
        "report": (actors_ >= 1 and sources_ >= 1, reports(record_ids=r, **refs)),
        "same_event": (len(contacts) >= 2, same_events(record_ids=pool(contacts))),
        "retraction": (bool(retractable), retractions(record_ids=r)),
        "office": (True, offices(actor_ids=a, source_ids=s)),
        "tenure": (
            bool(people) and bool(of["office"]),
            tenures(actor_ids=pool(people), office_ids=o, source_ids=s),
        ),
        "source": (True, sources(actor_ids=a)),
    }
    chosen = [
        strategy
        for kind, (fits, strategy) in by_kind.items()
        if fits and (allowed is None or kind in allowed)
    ]
    if not chosen:
        raise InvalidArgument(
            f"the ledger ({len(ledger)} entries) cannot give the references of any of the "
            f"kinds {sorted(allowed or by_kind)}"
        )
    return st.one_of(chosen)


def entries(
    *,
    records: st.SearchStrategy[Record] | None = None,
    entry_ids: Ids = None,
    min_value: datetime = datetime(2000, 1, 1, tzinfo=UTC),
    max_value: datetime = datetime(2030, 1, 1, tzinfo=UTC),
) -> st.SearchStrategy[Entry]:
    """:class:`~diplomacy_ledger.Entry` values. Requires hypothesis.

    An id, a record time between ``min_value`` and ``max_value``, and a record (any kind by
    default).
    """
    check_strategy(records, "records")
    record_strategy = _all_records() if records is None else records
    return named(
        st.builds(
            Entry,
            ids_or_default(entry_ids, "entry_ids"),
            instants(min_value=min_value, max_value=max_value),
            record_strategy,
        ),
        records=records,
        entry_ids=entry_ids,
        min_value=min_value,
        max_value=max_value,
    )


def _all_records() -> st.SearchStrategy[Record]:
    return records()
