"""Stories of war and peace: fighting, mediation, agreements, ceasefires.

In consistent mode, fighting between the parties of a ceasefire ends before the ceasefire takes
effect, begins after it ended, or takes place outside the places it covers; fighting still going
on keeps its parties out of later truces.
"""

from __future__ import annotations

from typing import Final

from hypothesis import strategies as st

from diplomacy_ledger import (
    Agreement,
    Ceasefire,
    Claim,
    Hostility,
    Mediation,
    Participant,
    Report,
    SameEvent,
    Span,
    Stance,
    Statement,
    Status,
    When,
)
from diplomacy_ledger.strategies._cast import room_for, states, voices, voices_of
from diplomacy_ledger.strategies._stories import Parts, another_voice, lead_part, via_chain
from diplomacy_ledger.strategies._texts import (
    MEANS,
    SUMMARIES,
)
from diplomacy_ledger.strategies._world import StateCast, World

__all__ = ["conflict", "fighting_states", "mediation"]

_OUTCOMES: Final = ("fighting", "ceasefire", "ceasefire that ended", "renewed fighting")
_STATUSES: Final = (Status.OCCURRED, Status.OCCURRED, Status.PLANNED, Status.CANCELLED)
_AGREED: Final = st.integers(0, 2)  # a ceasefire set out in an agreement, two times in three
Sides = dict[str, str | tuple[str, ...] | None]
"""Who fought, as the keyword fields of a Hostility: attacker and target, or between."""
Mediated = tuple[str, When | Span]
"""A mediation after the fighting: the mediator and its time."""


_MEANS: Final = st.lists(st.sampled_from(MEANS), max_size=2, unique=True)
_SHAPES: Final = ("closed", "open", "ongoing")


def mediation(w: World) -> None:
    """Mediators working between parties; between two states, perhaps a ceasefire comes of it.

    The mediator, the zone, the time and the source are drawn first, as a statement's, a
    claim's, a call's and a meeting's are (see ``Lead``), then the parties.
    """
    lead = lead_part(w, keep=4)  # two parties, the mediation and its source
    mediator, zone, time = lead.voice, lead.zone, lead.time
    # Between two states: the states, the mediation, its source and what came of it.
    pair = w.coin()
    between_states = pair and w.room() >= 6 and room_for(w, 2, 0, keep=4, states=True)
    parties: list[str] = []
    if between_states:
        usable = [side for side in fighting_states(w) if mediator not in (side.id, side.speaker)]
        parties = [side.id for side in states(w, 2, usable, keep=4)]
        everyone = [mediator, *parties]
    else:
        everyone = [mediator, *voices(w, 2, avoid=(mediator,))]
        everyone += w.together(lambda: another_voice(w, everyone))  # a fourth, now and then
    voices_known = voices_of(w)
    effective = until = None
    if w.coin() and between_states and w.allows("ceasefire"):
        effective = w.after(zone)
        until = w.span_from(effective, zone, after_all=True).end if w.coin() else None
    source = w.cite(lead.source, zone)
    record = Mediation(
        everyone[:1], everyone[1:], time, w.provenance(source, via_chain(w, voices_known)),
        outcome=w.maybe_pick(SUMMARIES),
    )  # fmt: skip
    mediation_id = w.add(record, "mediation")
    w.events.append(mediation_id)
    agreed = w.coin()  # the ceasefire, or the mediation, set out in an agreement
    if effective is not None:
        agreement = None
        if agreed and w.room() >= 2 and w.allows("agreement"):
            agreement = _agreement(
                w, (parties[0], parties[1]), mediator=everyone[0], signed=time,
                effective=effective, source=source,
            )  # fmt: skip
        ceasefire = Ceasefire(
            tuple(everyone[1:]),
            effective,
            w.provenance(source),
            until=until,
            mediation=mediation_id,
            agreement=agreement,
        )
        w.events.append(w.add(ceasefire, "ceasefire"))
        if until is None:
            w.open_ceasefire_parties.update(everyone[1:])
    elif agreed and between_states and w.room() >= 1 and w.allows("agreement"):
        _agreement(
            w, (parties[0], parties[1]), mediator=everyone[0], signed=time,
            effective=None, source=source,
        )  # fmt: skip


def fighting_states(w: World) -> list[StateCast]:
    if not w.consistent:
        return list(w.states)
    blocked = w.ongoing | w.open_ceasefire_parties
    return [s for s in w.states if s.id not in blocked and (s.army or s.id) not in blocked]


def conflict(w: World) -> None:
    """Fighting between two states.

    Perhaps a mediation and a ceasefire, renewed fighting after the ceasefire ends, and
    accusations, reports, and (quiet) denials of the fighting. Each part is drawn right after
    the choice to have it.
    """
    a, b = states(w, 2, fighting_states(w))
    known = voices_of(w)
    attacker = None if w.coin() else a.army or a.id
    target = w.pick((b.id, b.army or b.id, None))
    if attacker is None and target is None:
        target = b.id
    sides: Sides = {"attacker": attacker, "target": target}
    if w.rare(4):  # clashes "between" them, no attacker named
        sides = {"between": (a.army or a.id, b.id)}
    zone = w.zone(a.id, b.id)
    via = via_chain(w, known)
    mediators = [v for v in known if v not in {a.id, b.id, a.speaker, b.speaker}]
    outcome = w.pick(_OUTCOMES)
    if w.room() < 4:
        outcome = "fighting"
    ceasefire = outcome != "fighting" and w.allows("ceasefire")
    shape = w.pick(_SHAPES)
    if w.consistent and ceasefire:
        shape = "closed"
    span = w.span_from(w.after(zone), zone, shape=shape)
    parts = Parts(w, keep=3 if ceasefire else 2)  # the fighting, its source, the ceasefire
    mediation = parts.part(
        "mediation", lambda: _mediated(w, mediators, zone), kinds=("mediation",),
        can=ceasefire and bool(mediators),
    )  # fmt: skip
    accused = parts.want("accuse", kinds=("claim",))
    reporter = parts.part("report", lambda: w.choose(voices_of(w)), kinds=("report",))
    quiet = not (w.consistent and (via or accused or reporter is not None))
    denied = parts.want("deny", kinds=("claim",), can=quiet)
    effective = w.after(zone) if ceasefire else None
    until = None
    if effective is not None and outcome in ("ceasefire that ended", "renewed fighting"):
        until = w.span_from(effective, zone, after_all=True).end
    renewed = None
    if outcome == "renewed fighting":
        renewed = w.span_from(w.after(zone), zone, shape=w.pick(_SHAPES))
    source = w.source_for_story(zone)
    fight = Hostility(
        span,
        w.provenance(source, via),
        places=w.some(a.places + b.places),
        means=tuple(w.draw(_MEANS)),
        **sides,  # type: ignore[arg-type]
    )
    fight_id = w.add(fight, "hostility")
    _note_fighting(w, span, fight.sides)
    _reactions(w, fight_id, (a, b), source, (accused, reporter, denied))
    times = (effective, until, renewed)
    _truce(w, (a, b), sides, source=source, via=via, mediation=mediation, times=times)


def _mediated(w: World, mediators: list[str], zone: str | None) -> Mediated:
    """A mediator and the time of a mediation after the fighting."""
    mediator = w.choose(mediators)
    assert mediator is not None  # there are mediators
    return mediator, w.event_time(zone)


def _truce(
    w: World,
    sides: tuple[StateCast, StateCast],
    fighters: Sides,
    *,
    source: str,
    via: tuple[str, ...],
    mediation: Mediated | None,
    times: tuple[When | None, When | None, Span | None],
) -> None:
    """A mediation, an agreement and a ceasefire after the fighting, and renewed fighting.

    The ceasefire may be told twice (two agreeing readouts, linked), be only planned or called
    off, set out in an agreement (signed when the mediation took place, announced by a party),
    and cover one place only, with fighting elsewhere after it took effect.
    """
    effective, until, renewed = times
    parties = (sides[0].id, sides[1].id)
    mediation_id = None
    mediator = mediation_time = None
    if mediation is not None:
        mediator, mediation_time = mediation
        record = Mediation((mediator,), parties, mediation_time, w.provenance(source))
        mediation_id = w.add(record, "mediation")
    if effective is None:
        _renewed(w, renewed, fighters, source=source, via=via)
        return
    agreement = None
    if w.draw(_AGREED) and w.room() >= 3 and w.allows("agreement"):
        agreement = _agreement(
            w, parties, mediator=mediator, signed=mediation_time, effective=effective, source=source
        )
        if w.coin() and w.room() >= 3 and w.allows("statement"):  # a party announces it
            speaker = sides[0].speaker
            w.add(Statement(speaker, w.provenance(source), agreement=agreement), "statement")
    local = w.rare(3) and w.room() >= 4 and bool(sides[0].places)
    ceasefire = Ceasefire(
        parties,
        effective,
        w.provenance(source),
        until=until,
        mediation=mediation_id,
        agreement=agreement,
        status=w.pick(_STATUSES),
        places=sides[0].places[:1] if local else (),
    )
    truce = w.add(ceasefire, "ceasefire")
    if ceasefire.status is Status.OCCURRED:  # events are what took place: a plan is none
        w.events.append(truce)
    # The other side's readout, agreeing, if it leaves room for the fighting elsewhere (a place,
    # a source and the fighting) that a local truce needs: a ledger drawn with max_size=21 held 23.
    elsewhere = 3 if local else 0
    if w.rare(3) and w.room() >= 2 + elsewhere and w.allows("same_event"):
        told = Ceasefire(parties[::-1], effective, w.provenance(source), until=until,
                         status=ceasefire.status, places=ceasefire.places)  # fmt: skip
        w.add(SameEvent((truce, w.add(told, "ceasefire")), note="each side's readout"), "link")
    if until is None:
        w.open_ceasefire_parties.update(parties)
    if local:
        _elsewhere(w, sides, fighters, via)
    _renewed(w, renewed, fighters, source=source, via=via)


def _agreement(
    w: World,
    parties: tuple[str, str],
    *,
    mediator: str | None,
    signed: When | Span | None,
    effective: When | None,
    source: str,
) -> str:
    """The agreement a ceasefire sets out: its parties, perhaps a signatory in an office."""
    signatories: tuple[Participant, ...] = ()
    signed_by = w.coin()  # someone in an office they hold throughout
    who = w.choose(sorted(person for person, held in w.holds.items() if held))
    office = w.choose(w.holds[who] if who is not None else [])
    if signed_by and who is not None and office is not None:
        signatories = (Participant(who, office),)
    record = Agreement(
        parties,
        w.provenance(source),
        title=w.pick(("Joint statement", "Ceasefire agreement", "Protocol")),
        signatories=signatories,
        mediators=(mediator,) if mediator is not None else (),
        signed=signed,
        effective=effective,
    )
    return w.add(record, "agreement")


def _elsewhere(
    w: World, sides: tuple[StateCast, StateCast], fighters: Sides, via: tuple[str, ...]
) -> None:
    """Fighting after a local ceasefire took effect, at a place it does not cover."""
    zone = w.zone(sides[0].id, sides[1].id)
    span = w.span_from(w.after(zone), zone)
    there = w.fresh_place(zone or "UTC", (sides[1].id,))
    source = w.source_for_story(zone)  # after the fighting: no anachronism
    record = Hostility(span, w.provenance(source, via), places=(there,), **fighters)  # type: ignore[arg-type]
    w.add(record, "hostility")


def _renewed(
    w: World, renewed: Span | None, fighters: Sides, *, source: str, via: tuple[str, ...]
) -> None:
    if renewed is not None and w.room() >= 1:
        again = Hostility(renewed, w.provenance(source, via), **fighters)  # type: ignore[arg-type]
        w.add(again, "hostility")
        _note_fighting(w, renewed, again.sides)


def _reactions(
    w: World,
    fight: str,
    sides: tuple[StateCast, StateCast],
    source: str,
    parts: tuple[bool, str | None, bool],
) -> None:
    """The target accuses, someone reports the fighting, or the attacker denies it.

    In consistent mode only fighting no one else asserts is denied.
    """
    attacker_side, target_side = sides
    accused, reporter, denied = parts
    if accused:
        accusation = Claim(
            target_side.speaker,
            Stance.ACCUSES,
            w.provenance(source),
            about=fight,
            accused=attacker_side.id,
        )
        w.add(accusation, "claim")
        w.followers[fight] += 1
    if reporter is not None:
        w.add(Report(reporter, fight, w.provenance(source)), "report")
        w.followers[fight] += 1
    if denied:
        denial = Claim(attacker_side.speaker, Stance.DENIES, w.provenance(source), about=fight)
        w.add(denial, "claim")
        w.denied.add(fight)
    else:
        w.events.append(fight)


def _note_fighting(w: World, span: Span, actors: tuple[str, ...]) -> None:
    if span.is_open:
        for actor in actors:
            w.ongoing.update(w.lineage(actor))
