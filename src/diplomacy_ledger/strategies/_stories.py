"""The stories a drawn ledger tells about its cast: calls, meetings, statements, claims.

Each story is one episode: an event, the readouts and reports of it, what was said about it, the
article it comes from. In consistent mode a story keeps to the rules in :mod:`._world`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Final, NamedTuple, TypeVar

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
from diplomacy_ledger.strategies._cast import room_for, voices, voices_of
from diplomacy_ledger.strategies._texts import (
    CHANNELS,
    PROPOSITIONS,
    SUMMARIES,
    WORDS,
)
from diplomacy_ledger.strategies._times import clock_when, when_near
from diplomacy_ledger.strategies._world import Contact, SourcePlan, World

T = TypeVar("T")

__all__ = [
    "Lead",
    "Parts",
    "another_voice",
    "claims",
    "contact",
    "lead_part",
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
    """``actor``, perhaps named in an office: one it holds, or (untidy) any office."""
    stray = not w.consistent and w.rare(5)
    office = w.choose(w.offices)
    if stray and office is not None:
        return Participant(actor, office)
    named = w.coin()
    held = w.choose(w.holds.get(actor) or [])
    if named and held is not None:
        return Participant(actor, held)
    return Participant(actor)


def via_chain(w: World, known: list[str]) -> tuple[str, ...]:
    """Who a story is known through: none, or one or two actors already in the ledger."""
    return w.some(known)


class Parts:
    """Which optional parts a story has, each decided right before its own choices are drawn.

    So that the shrinker drops a part in one step: once its choice says "no", the part's
    choices just after it are unused, and the shrinker deletes them with it. ``keep`` entries
    are kept for what the story has anyway (its own record and its source); a part is had only
    if it is wanted (a coin, or the share ``mix=`` gives it), may be had at all (``can``), fits
    in the room left (``cost`` entries), and its records (``kinds``) are among the user's
    ``kinds=``. The choice is drawn whatever ``can`` says, so that the choices after it keep
    their places.
    """

    def __init__(self, w: World, *, keep: int = 2) -> None:
        self.w = w
        self.left = w.room() - keep

    def want(
        self, name: str, *, cost: int = 1, kinds: tuple[str, ...] = (), can: bool = True
    ) -> bool:
        """Whether the story has the part ``name`` (one with no choices of its own)."""
        w = self.w
        wanted = w.wants(_MIXED.get(name))
        had = wanted and can and self.left >= cost and w.allows(*kinds)
        if had:
            self.left -= cost
        return had

    def part(
        self,
        name: str,
        task: Callable[[], T],
        *,
        cost: int = 1,
        kinds: tuple[str, ...] = (),
        can: bool = True,
    ) -> T | None:
        """The part ``name`` as ``task`` draws it, or None if the story does not have it.

        The choice to have it and ``task``'s choices are drawn as one part of the example.
        """
        return self.w.together(
            lambda: task() if self.want(name, cost=cost, kinds=kinds, can=can) else None
        )


Later = Callable[[str, str], None]
"""A part of a story, drawn: it appends its entries, given the story's record and source ids."""


@attrs.define
class _Drawn:
    """A call or meeting story's parts, drawn before its source."""

    later: list[Later]
    parts: Parts
    denied: bool = False
    refined: When | None = None
    duplicate: bool = False
    cancelled: bool = False


def contact(w: World, *, meeting: bool) -> None:
    """A call or a meeting, and what came of it.

    Perhaps a third participant, another side's readout, a statement, a report, a claim, a
    quiet denial, a correction, a duplicate entry that is then retracted, a call at the same
    time that was called off (it takes no one's time), or another talk planned for later
    (announced by the story's source, before its time: no anachronism). Each part is drawn
    right after the choice to have it; the parts whose times the source reports come before
    the source, the talk planned after it.
    """
    lead = lead_part(w, keep=3)
    zone, time = lead.zone, lead.time
    chosen = [lead.voice, *voices(w, 1, avoid=(lead.voice,))]
    named = [w.together(functools.partial(_participant, w, actor)) for actor in chosen]
    for actor, person in w.together(lambda: _third(w, chosen)):  # now and then, a third
        chosen.append(actor)
        named.append(person)
    people = tuple(named)
    via = via_chain(w, voices_of(w))
    drawn = _contact_parts(w, chosen, people, zone, time, quiet=not (w.consistent and via))
    source = w.cite(lead.source, zone)
    record = _contact_record(w, people, time, w.provenance(source, via), meeting=meeting)
    prefix = "meeting" if meeting else "call"
    main = w.add(record, prefix)
    if drawn.duplicate:
        copy = w.add(record, prefix)
        w.add(Retraction(copy, "duplicate entry"), "retraction")
    for part in drawn.later:
        part(main, source)
    current = main
    if drawn.refined is not None:
        current = w.add(attrs.evolve(record, when=drawn.refined), prefix, supersedes=main)
        time = drawn.refined
    w.contacts.append(Contact(current, frozenset(chosen), time, drawn.denied))
    if not drawn.denied:
        w.events.append(current)
    if drawn.cancelled:  # same people, same time, called off: no double booking, no twin
        w.add(Call(people, time, w.provenance(source), status=Status.CANCELLED), "call")
    planned = drawn.parts.part("planned", lambda: w.after(zone), kinds=("call",))
    if planned is not None:  # "they agreed to talk again": after all, told by this source
        w.add(Call(people, planned, w.provenance(source), status=Status.PLANNED), "call")
    if not w.consistent:  # now and then, a source and a call at the most
        w.together(lambda: _untidy_twin(w, record, chosen, time, prefix))


class Lead(NamedTuple):
    """What statements, claims, calls and meetings draw first, each the same way.

    Who speaks or takes part first, the zone, the time of the record (a statement or a claim
    leaves it out if ``untimed``, and keeps only the start of a Span) and the choices of the
    source the story cites (cited at its end, once every time it reports is known). Drawn the
    same way in all four, so that the shrinker can turn one into another (a call into a
    statement, which needs one entry fewer) and keep these: a bug in a call's time, or in its
    source's, then shrinks to a statement with that time or source.
    """

    voice: str
    zone: str | None
    time: When | Span
    untimed: bool
    source: SourcePlan

    @property
    def when(self) -> When | None:
        """The time, as a statement or a claim has it."""
        if self.untimed:
            return None
        return self.time if isinstance(self.time, When) else self.time.start


def lead_part(w: World, *, keep: int = 2) -> Lead:
    """The first voice, the zone and the time (see :class:`Lead`).

    ``keep`` entries are left for the rest of the story when a new voice is drawn.
    """
    [voice] = voices(w, 1, keep=keep)
    zone = w.zone(voice)
    untimed, zone, time = w.together(lambda: _lead_time(w, zone))
    return Lead(voice, zone, time, untimed, w.plan_source())


def _lead_time(w: World, zone: str | None) -> tuple[bool, str | None, When | Span]:
    """The time of a story's record in ``zone``; now and then a day with no zone instead.

    And whether a statement or a claim leaves it out.
    """
    untimed = w.coin()
    if w.knobs.zones is None and w.knobs.precisions is None and w.rare(8):
        return untimed, None, w.after(None, Precision.DAY)  # as event datasets give them
    return untimed, zone, w.event_time(zone)


def _third(w: World, chosen: list[str]) -> list[tuple[str, Participant]]:
    """One time in three, a third participant (if one fits), as it takes part."""
    return [(actor, _participant(w, actor)) for actor in another_voice(w, chosen)]


def another_voice(w: World, chosen: list[str], odds: int = 3) -> list[str]:
    """One time in ``odds``, one more voice (if one fits): a third participant, or a fourth."""
    if not w.rare(odds):
        return []
    known = len([voice for voice in voices_of(w) if voice not in chosen])
    return voices(w, 1, avoid=chosen) if room_for(w, 1, known) else []


def _contact_parts(
    w: World,
    chosen: list[str],
    people: tuple[Participant, ...],
    zone: str | None,
    time: When | Span,
    *,
    quiet: bool,
) -> _Drawn:
    """The parts of a call or meeting story that come before its source, each drawn in turn.

    ``quiet``: whether a denial may be drawn (in consistent mode, a denial of what someone
    asserts would be a contradiction).
    """
    drawn = _Drawn([], Parts(w))
    parts, later = drawn.parts, drawn.later
    readout = parts.part(
        "readout", lambda: _readout(w, chosen, people, time), cost=2, kinds=("same_event",)
    )
    said = parts.part("statement", lambda: _statement_during(w, people, time), kinds=("statement",))
    report = parts.part("report", lambda: _follower(w, zone, report=True), kinds=("report",))
    claim = parts.part("claim", lambda: _follower(w, zone, Stance.ASSERTS), kinds=("claim",))
    quiet = quiet and not (w.consistent and (report or claim))
    denial = parts.part(
        "denial", lambda: _follower(w, zone, Stance.DENIES), kinds=("claim",), can=quiet
    )
    drawn.denied = denial is not None
    later.extend(part for part in (readout, said, report, claim, denial) if part is not None)
    if isinstance(time, When) and not time.is_exact:
        drawn.refined = parts.part("correction", lambda: _refined(w, time))
    else:
        parts.want("correction")  # the choice is drawn all the same: the choices after keep place
    drawn.duplicate = parts.want("duplicate", cost=2, kinds=("retraction",))
    drawn.cancelled = parts.want("cancelled", kinds=("call",))
    return drawn


def _refined(w: World, time: When) -> When | None:
    """A narrower time inside ``time``, as a correction gives it (None if there is none)."""
    middle = time.earliest + (time.latest - time.earliest) // 2
    if w.knobs.precisions is None:
        refined = clock_when(middle, time.zone, Precision.SECOND)
    else:  # as precise as asked, inside the first time
        refined = when_near(w.draw, middle, time.zone, w.event_precision())
    if time.earliest <= refined.earliest and refined.latest <= time.latest and refined != time:
        return refined
    return None


@functools.cache
def _orders(count: int) -> st.SearchStrategy[list[int]]:
    """The orders of ``count`` participants: built once per count."""
    return st.permutations(range(count))


def _readout(
    w: World, chosen: list[str], people: tuple[Participant, ...], time: When | Span
) -> Later:
    """The other side's readout of the same call or meeting, linked to it as one event."""
    other_zone = w.zone(*chosen)
    told = w.coarsen(time, other_zone) if w.consistent else w.event_time(other_zone)
    order: list[int] = w.draw(_orders(len(people)))
    via = via_chain(w, voices_of(w))
    as_meeting = w.coin()

    def add(main: str, source: str) -> None:
        listed = [people[i] for i in order]
        provenance = w.provenance(source, via)
        readout: Call | Meeting
        meeting = isinstance(w.ledger.get(main), Meeting)
        if meeting and (as_meeting or not w.allows("call")):
            readout = Meeting(listed[0], tuple(listed[1:]), told, provenance)
        else:
            readout = Call(tuple(listed), told, provenance)
        other = w.add(readout, "meeting" if isinstance(readout, Meeting) else "call")
        w.add(SameEvent((main, other), note="each side's readout"), "same-event")
        w.contacts.append(Contact(other, frozenset(chosen), told))

    return add


def _statement_during(w: World, people: tuple[Participant, ...], time: When | Span) -> Later:
    """A statement by the first participant during the call or meeting."""
    timed = w.coin()
    words = w.pick(WORDS)
    channel = w.pick(CHANNELS)

    def add(main: str, source: str) -> None:
        statement = Statement(
            people[0], w.provenance(source), when=time if timed else None,
            audience=tuple(p.actor for p in people[1:]), words=words, channel=channel,
            during=main,
        )  # fmt: skip
        w.statements.append(w.add(statement, "statement"))

    return add


def _follower(
    w: World, zone: str | None, stance: Stance = Stance.ASSERTS, *, report: bool = False
) -> Later:
    """Someone reports the call or meeting, claims it took place, or (quietly) denies it."""
    who = w.choose(voices_of(w))
    when = None
    if stance is not Stance.DENIES:
        when = w.together(lambda: w.after(zone) if w.coin() else None)

    def add(main: str, source: str) -> None:
        assert who is not None  # the story's own voices are known
        provenance = w.provenance(source)
        if report:
            w.add(Report(who, main, provenance, when=when), "report")
        elif stance is Stance.DENIES:
            words = "Completely false."
            w.add(Claim(who, stance, provenance, about=main, words=words), "claim")
            w.denied.add(main)
            return
        else:
            w.add(Claim(who, stance, provenance, about=main, when=when), "claim")
        w.followers[main] += 1

    return add


def _contact_record(
    w: World,
    people: tuple[Participant, ...],
    time: When | Span,
    provenance: Provenance,
    *,
    meeting: bool,
) -> Call | Meeting:
    summary = w.maybe_pick(SUMMARIES)
    if meeting:
        place = w.maybe_choose(w.places)
        medium = w.pick((Medium.IN_PERSON, Medium.IN_PERSON, Medium.VIDEO))
        host = None if w.rare(4) else people[0]  # a summit: no host
        visitors = people if host is None else people[1:]
        return Meeting(
            host, visitors, time, provenance, place=place, medium=medium, summary=summary
        )
    initiator = people[0].actor if w.coin() else None
    medium = w.pick(_CALL_MEDIA)
    return Call(people, time, provenance, medium=medium, initiator=initiator, summary=summary)


def _untidy_twin(
    w: World, record: Call | Meeting, chosen: list[str], time: When | Span, prefix: str
) -> None:
    """What untidy ledgers hold beside a call, one time in six.

    The same call told again by another source and never linked to it, or one of its people on
    another call at the same time.
    """
    if not w.rare(6) or w.room() < 2:
        return
    source = w.source_for_story(w.zone(*chosen))
    provenance = w.provenance(source, via_chain(w, voices_of(w)))
    told_again = w.coin()
    other = w.choose([voice for voice in voices_of(w) if voice not in chosen])
    if w.room() < 1:
        return
    if told_again:
        w.add(attrs.evolve(record, provenance=provenance), prefix)
        return
    if other is None:
        return
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
    lead = lead_part(w)
    speaker, zone, when = lead.voice, lead.zone, lead.when
    known = voices_of(w)
    audience = w.some([voice for voice in known if voice != speaker])
    during = w.maybe_choose([c.id for c in w.contacts])
    source = w.cite(lead.source, zone)
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
    place = w.choose(where) or "the border"
    for number in range(1, 1000):
        text = f"{base} near {place}" + (f" ({number})" if number > 1 else "")
        if normalise_name(text) not in w.propositions:
            w.propositions.add(normalise_name(text))
            return text
    raise AssertionError("ran out of propositions")  # pragma: no cover


def claims(w: World) -> None:
    """A claim, perhaps an agreeing one, and perhaps a denial (quiet, in consistent mode).

    The agreeing claim and the denial are each drawn right after the choice to have them.
    """
    lead = lead_part(w)
    claimant, zone, when = lead.voice, lead.zone, lead.when
    known = voices_of(w)
    stance = w.pick((Stance.ASSERTS, Stance.ACCUSES))
    accused = w.choose([voice for voice in known if voice != claimant])
    proposition = new_proposition(w)
    said_in = w.maybe_choose(w.statements)
    words = w.pick(WORDS)
    via = via_chain(w, known)
    parts = Parts(w)
    agreeing = parts.part("agree", lambda: w.choose(known))
    # In consistent mode the denial is of something nobody asserted.
    denying = parts.part(
        "deny", lambda: (w.choose(known), new_proposition(w) if w.consistent else None)
    )
    denier, denied = denying or (None, None)
    source = w.cite(lead.source, zone)
    claim = Claim(
        claimant, stance, w.provenance(source, via), proposition=proposition,
        accused=accused if stance is Stance.ACCUSES else None, when=when, statement=said_in,
        words=words,
    )  # fmt: skip
    id = w.add(claim, "claim")
    if agreeing is not None and w.room() >= 1:
        w.add(Claim(agreeing, Stance.ASSERTS, w.provenance(source), about=id), "claim")
        w.followers[id] += 1
    if denier is not None and w.room() >= 1:
        if denied is not None:
            said = Claim(denier, Stance.DENIES, w.provenance(source), proposition=denied)
        else:
            said = Claim(
                denier, Stance.DENIES, w.provenance(source), about=id, words="Completely false."
            )
        w.add(said, "claim")
    if not w.followers[id]:
        w.asserting_claims.append(id)
