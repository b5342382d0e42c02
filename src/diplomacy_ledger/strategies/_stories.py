"""The stories a drawn ledger tells about its cast: calls, meetings, statements, claims.

Each story is one episode: an event, the readouts and reports of it, what was said about it, the
article it comes from. In consistent mode a story keeps to the rules in :mod:`._world`.
"""

from __future__ import annotations

from typing import Final

import attrs
from hypothesis import strategies as st

from diplomacy_ledger import (
    Call,
    Claim,
    Medium,
    Meeting,
    Participant,
    Precision,
    Provenance,
    Report,
    Retraction,
    SameEvent,
    Span,
    Stance,
    Statement,
    Status,
    When,
    normalise_name,
)
from diplomacy_ledger.checks import is_stay
from diplomacy_ledger.model import participants
from diplomacy_ledger.strategies._cast import room_for, voices, voices_of
from diplomacy_ledger.strategies._texts import (
    CHANNELS,
    PROPOSITIONS,
    SUMMARIES,
    WORDS,
)
from diplomacy_ledger.strategies._times import clock_when, when_near
from diplomacy_ledger.strategies._world import Contact, World

__all__ = [
    "choose_parts",
    "claims",
    "contact",
    "new_proposition",
    "statement",
    "via_chain",
]


_CALL_MEDIA: Final = (Medium.PHONE, Medium.VIDEO, Medium.WRITTEN)
# The parts of stories that ``mix=`` sets the share of: a denial disputes the story's record, a
# duplicate entry is retracted, a correction supersedes it.
_MIXED: Final = {
    "denial": "disputed",
    "deny": "disputed",
    "duplicate": "retracted",
    "correction": "corrected",
}


def _participant(w: World, actor: str) -> Participant:
    if not w.consistent and w.offices and w.rare(5):
        return Participant(actor, w.pick(w.offices))
    held = w.holds.get(actor)
    if held and w.coin():
        return Participant(actor, w.pick(held))
    return Participant(actor)


def via_chain(w: World, known: list[str]) -> tuple[str, ...]:
    """Who a story is known through: none, or one or two actors already in the ledger."""
    if not known:
        return ()
    return tuple(w.draw(st.lists(st.sampled_from(known), max_size=2, unique=True)))


def choose_parts(
    w: World,
    names: tuple[str, ...],
    cost: dict[str, int],
    *,
    keep: int = 2,
    kinds: dict[str, tuple[str, ...]] | None = None,
) -> dict[str, bool]:
    """Which optional parts a story has, as many as fit in the room left.

    ``keep`` entries are kept for what the story has anyway: its own record and its source.
    A part whose records (``kinds``, by part) the user's ``kinds=`` leaves out is left out.
    """
    left = w.room() - keep
    chosen = {}
    needs = kinds or {}
    for name in names:
        wanted = w.wants(_MIXED.get(name))
        chosen[name] = wanted and left >= cost.get(name, 1) and w.allows(*needs.get(name, ()))
        if chosen[name]:
            left -= cost.get(name, 1)
    return chosen


def contact(w: World, *, meeting: bool) -> None:
    """A call or a meeting, and what came of it.

    Perhaps another side's readout, a statement, a report, a claim, a quiet denial, a
    correction, a duplicate entry that is then retracted, a call at the same time that was
    called off (it takes no one's time), or another talk planned for later (announced by the
    story's source, before its time: no anachronism).
    """
    count = 3 if w.rare(3) and room_for(w, 3, len(voices_of(w))) else 2
    chosen = voices(w, count)
    people = tuple(_participant(w, actor) for actor in chosen)
    zone = w.zone(*chosen)
    via = via_chain(w, voices_of(w))
    flags = choose_parts(
        w,
        (
            "readout", "statement", "report", "claim", "denial", "correction", "duplicate",
            "cancelled", "planned",
        ),
        {"readout": 2, "duplicate": 2},
        kinds={
            "readout": ("same_event",), "statement": ("statement",), "report": ("report",),
            "claim": ("claim",), "denial": ("claim",), "duplicate": ("retraction",),
            "cancelled": ("call",), "planned": ("call",),
        },
    )  # fmt: skip
    if w.consistent and (via or flags["report"] or flags["claim"]):
        flags["denial"] = False  # a denial of what someone asserts is a contradiction
    if w.knobs.zones is None and w.knobs.precisions is None and w.rare(8):
        zone = None  # a day with no zone, as event datasets give them
        time: When | Span = w.after(None, Precision.DAY)
    else:
        time = w.event_time(zone)
    readout_time = None
    if flags["readout"]:
        other_zone = w.zone(*chosen)
        readout_time = w.coarsen(time, other_zone) if w.consistent else w.event_time(other_zone)
    report_when = w.after(zone) if flags["report"] and w.coin() else None
    claim_when = w.after(zone) if flags["claim"] and w.coin() else None
    source = w.source_for_story(zone)
    record = _contact_record(w, people, time, w.provenance(source, via), meeting=meeting)
    prefix = "meeting" if meeting else "call"
    main = w.add(record, prefix)
    if flags["duplicate"]:
        duplicate = w.add(record, prefix)
        w.add(Retraction(duplicate, "duplicate entry"), "retraction")
    if readout_time is not None:
        _readout(w, record, main, readout_time, source)
    _follow_ups(w, main, record, source, flags, whens=(report_when, claim_when))
    current = main
    if flags["correction"] and isinstance(time, When) and not time.is_exact:
        middle = time.earliest + (time.latest - time.earliest) // 2
        if w.knobs.precisions is None:
            refined = clock_when(middle, time.zone, Precision.SECOND)
        else:  # as precise as asked, inside the first time
            refined = when_near(w.draw, middle, time.zone, w.event_precision())
        if time.earliest <= refined.earliest and refined.latest <= time.latest and refined != time:
            current = w.add(attrs.evolve(record, when=refined), prefix, supersedes=main)
            time = refined
    w.contacts.append(Contact(current, frozenset(chosen), time, flags["denial"]))
    if not flags["denial"]:
        w.events.append(current)
    if flags["cancelled"]:  # same people, same time, called off: no double booking, no twin
        w.add(Call(people, time, w.provenance(source), status=Status.CANCELLED), "call")
    if flags["planned"]:  # "they agreed to talk again": after everything, told by this source
        again = Call(people, w.after(zone), w.provenance(source), status=Status.PLANNED)
        w.add(again, "call")
    if not w.consistent and w.room() >= 2 and w.rare(6):
        _untidy_twin(w, record, chosen, time, prefix)  # a source and a call at the most


def _follow_ups(
    w: World,
    main: str,
    record: Call | Meeting,
    source: str,
    flags: dict[str, bool],
    *,
    whens: tuple[When | None, When | None],
) -> None:
    """What was said about a call or meeting.

    A statement during it, a report, a claim that it took place, a denial (in consistent mode,
    only of what no one asserts).
    """
    draw = w.draw
    known = voices_of(w)
    report_when, claim_when = whens
    people = tuple(participants(record))
    if flags["statement"]:
        statement = Statement(
            people[0], w.provenance(source), when=draw(st.one_of(st.none(), st.just(record.when))),
            audience=tuple(p.actor for p in people[1:]), words=w.pick(WORDS),
            channel=w.pick(CHANNELS), during=main,
        )  # fmt: skip
        w.statements.append(w.add(statement, "statement"))
    if flags["report"]:
        reporter = w.pick(known)
        w.add(Report(reporter, main, w.provenance(source), when=report_when), "report")
        w.followers[main] += 1
    if flags["claim"]:
        claimant = w.pick(known)
        claim = Claim(claimant, Stance.ASSERTS, w.provenance(source), about=main, when=claim_when)
        w.add(claim, "claim")
        w.followers[main] += 1
    if flags["denial"]:
        denier = w.pick(known)
        words = "Completely false."
        w.add(Claim(denier, Stance.DENIES, w.provenance(source), about=main, words=words), "claim")
        w.denied.add(main)


def _contact_record(
    w: World,
    people: tuple[Participant, ...],
    time: When | Span,
    provenance: Provenance,
    *,
    meeting: bool,
) -> Call | Meeting:
    draw = w.draw
    summary = w.maybe_pick(SUMMARIES)
    if meeting:
        place = w.maybe_pick(w.places) if w.places else None
        medium = w.pick((Medium.IN_PERSON, Medium.IN_PERSON, Medium.VIDEO))
        host = None if w.rare(4) else people[0]  # a summit: no host
        visitors = people if host is None else people[1:]
        return Meeting(
            host, visitors, time, provenance, place=place, medium=medium, summary=summary
        )
    initiator = draw(st.one_of(st.none(), st.just(people[0].actor)))
    medium = w.pick(_CALL_MEDIA)
    return Call(people, time, provenance, medium=medium, initiator=initiator, summary=summary)


def _readout(w: World, record: Call | Meeting, main: str, time: When | Span, source: str) -> None:
    """The other side's readout of the same call or meeting, linked to it as one event."""
    draw = w.draw
    people = participants(record)
    order = draw(st.permutations(people))
    provenance = w.provenance(source, via_chain(w, voices_of(w)))
    readout: Call | Meeting
    if isinstance(record, Meeting) and (w.coin() or not w.allows("call")):
        readout = Meeting(order[0], tuple(order[1:]), time, provenance)
    else:
        readout = Call(tuple(order), time, provenance)
    other = w.add(readout, "meeting" if isinstance(readout, Meeting) else "call")
    w.add(SameEvent((main, other), note="each side's readout"), "same-event")
    w.contacts.append(Contact(other, frozenset(record.actors), time))


def _untidy_twin(
    w: World, record: Call | Meeting, chosen: list[str], time: When | Span, prefix: str
) -> None:
    """What untidy ledgers hold beside a call, now and then.

    The same call told again by another source and never linked to it, or one of its people on
    another call at the same time.
    """
    source = w.source_for_story(w.zone(*chosen))
    provenance = w.provenance(source, via_chain(w, voices_of(w)))
    if w.room() < 1:
        return
    if w.coin():
        w.add(attrs.evolve(record, provenance=provenance), prefix)
        return
    others = [voice for voice in voices_of(w) if voice not in chosen]
    if not others:
        return
    other = w.pick(others)
    if not is_stay(time):
        if w.allows("call"):
            w.add(Call((chosen[0], other), time, provenance), "call")
        return
    # A stay (a summit of days) leaves time for calls: only being in person elsewhere clashes.
    if not isinstance(record, Meeting) or record.medium is not Medium.IN_PERSON:
        return
    elsewhere = [place for place in w.places if place != record.place]
    if record.place is not None and elsewhere and w.allows("meeting"):
        people = (chosen[0], other)
        w.add(Meeting.summit(people, time, provenance, place=w.pick(elsewhere)), "meeting")


def statement(w: World) -> None:
    """Something an actor said, perhaps during an earlier call."""
    draw = w.draw
    [speaker] = voices(w, 1)
    known = voices_of(w)
    zone = w.zone(speaker)
    when = w.event_time(zone, span=False) if w.coin() else None
    others = [voice for voice in known if voice != speaker]
    audience = (
        tuple(draw(st.lists(st.sampled_from(others), max_size=2, unique=True))) if others else ()
    )
    during = w.maybe_pick([c.id for c in w.contacts]) if w.contacts else None
    source = w.source_for_story(zone)
    record = Statement(
        _participant(w, speaker), w.provenance(source, via_chain(w, known)), when=when,
        audience=audience, words=w.pick(WORDS),
        channel=w.pick(CHANNELS), during=during,
    )  # fmt: skip
    w.statements.append(w.add(record, "statement"))


def new_proposition(w: World) -> str:
    """A proposition no claim in the ledger has used yet."""
    base = w.pick(PROPOSITIONS)
    where = [state.facts.capital for state in w.states if state.facts.capital] or ["the border"]
    place = w.pick(where)
    for number in range(1, 1000):
        text = f"{base} near {place}" + (f" ({number})" if number > 1 else "")
        if normalise_name(text) not in w.propositions:
            w.propositions.add(normalise_name(text))
            return text
    raise AssertionError("ran out of propositions")  # pragma: no cover


def claims(w: World) -> None:
    """A claim, perhaps an agreeing one, and perhaps a denial (quiet, in consistent mode)."""
    [claimant] = voices(w, 1)
    known = voices_of(w)
    zone = w.zone(claimant)
    stance = w.pick((Stance.ASSERTS, Stance.ACCUSES))
    others = [voice for voice in known if voice != claimant]
    accused = w.pick(others) if stance is Stance.ACCUSES and others else None
    when = w.after(zone) if w.coin() else None
    flags = choose_parts(w, ("agree", "deny"), {})
    source = w.source_for_story(zone)
    proposition = new_proposition(w)
    said_in = w.maybe_pick(w.statements) if w.statements else None
    claim = Claim(
        claimant, stance, w.provenance(source, via_chain(w, known)), proposition=proposition,
        accused=accused, when=when, statement=said_in, words=w.pick(WORDS),
    )  # fmt: skip
    id = w.add(claim, "claim")
    if flags["agree"] and w.room() >= 1:
        w.add(
            Claim(w.pick(known), Stance.ASSERTS, w.provenance(source), about=id),
            "claim",
        )
        w.followers[id] += 1
    if flags["deny"] and w.room() >= 1:
        denier = w.pick(known)
        if w.consistent:  # denies something nobody asserted
            denial = Claim(
                denier, Stance.DENIES, w.provenance(source), proposition=new_proposition(w)
            )
        else:
            denial = Claim(
                denier, Stance.DENIES, w.provenance(source), about=id, words="Completely false."
            )
        w.add(denial, "claim")
    if not w.followers[id]:
        w.asserting_claims.append(id)
