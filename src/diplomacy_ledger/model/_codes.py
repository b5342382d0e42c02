"""CAMEO and PLOVER codes for records, for exporting the ledger as event data.

:func:`event_code` gives a record's primary code, :func:`event_codes` every code that applies
(a visit is 042 from the visitor's side and 043 from the host's). Catalogue records, links,
retractions and reports give none: CAMEO codes a reported event, not its reporter. A claim is
coded by what it is about, found through ``lookup``.

- CAMEO: Philip A. Schrodt, *CAMEO: Conflict and Mediation Event Observations Event and Actor
  Codebook*, version 1.1b3, March 2012, Event Data Project, Pennsylvania State University,
  http://eventdata.psu.edu/ (now http://eventdata.parusanalytics.com/data.dir/cameo.html).
  Labels are the names in its chapter 6, "CAMEO Event Codes".
- PLOVER: Open Event Data Alliance, *PLOVER: Political Language Ontology for Verifiable Event
  Records*, DRAFT version 2.0, https://github.com/openeventdata/PLOVER, ``PLOVER_MANUAL.tex`` at
  commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f (4 February 2024, "replace incorrect DEMAND
  refs with REQUEST"). Events follow ``CAMEO2PLOVER-2021.txt`` of that commit (CAMEO 01 and 02
  are dropped: a denial of responsibility, CAMEO 016, has no PLOVER event, as the manual's
  "might be considered REJECT" is an option it recommends to no one); modes follow the
  manual's mode tables, which replaced DEMAND with REQUEST and gave ASSAULT its ``aerial`` and
  ``drone`` modes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final, Self

import attrs

from diplomacy_ledger._errors import InvalidValueError
from diplomacy_ledger._repr import python_repr
from diplomacy_ledger.model._actors import Actor, ActorKind
from diplomacy_ledger.model._kinds import Record
from diplomacy_ledger.model._offices import Office
from diplomacy_ledger.model._records import (
    Call,
    Ceasefire,
    Claim,
    Hostility,
    Mediation,
    Medium,
    Meeting,
    Participant,
    Report,
    Stance,
    Statement,
)

__all__ = ["CAMEO_LABELS", "PLOVER_FOR_CAMEO", "PLOVER_MODES", "EventCode", "Lookup"]
__all__ += ["event_code", "event_codes"]

Lookup = Callable[[str], Record | None]
"""Returns the current record of a ledger entry id, or None if there is none."""

# code: (CAMEO 1.1b3 label, PLOVER 2.0 event, PLOVER 2.0 default mode)
_TABLE: Final[dict[str, tuple[str, str | None, str | None]]] = {
    "010": ("Make statement, not specified below", None, None),
    "011": ("Decline comment", None, None),
    "012": ("Make pessimistic comment", None, None),
    "013": ("Make optimistic comment", None, None),
    "014": ("Consider policy option", None, None),
    "015": ("Acknowledge or claim responsibility", None, None),
    "016": ("Deny responsibility", None, None),
    "017": ("Engage in symbolic act", None, None),
    "018": ("Make empathetic comment", None, None),
    "019": ("Express accord", None, None),
    "0256": ("Appeal for de-escalation of military engagement", None, None),
    "040": ("Consult, not specified below", "CONSULT", None),
    "041": ("Discuss by telephone", "CONSULT", "phone"),
    "042": ("Make a visit", "CONSULT", "visit"),
    "043": ("Host a visit", "CONSULT", "visit"),
    "044": ('Meet at a "third" location', "CONSULT", "third-party"),
    "045": ("Mediate", "CONSULT", None),
    "046": ("Engage in negotiation", "CONSULT", None),
    "0871": ("Declare truce, ceasefire", "RETREAT", "ceasefire"),
    "1056": ("Demand de-escalation of military engagement", "REQUEST", "yield"),
    "110": ("Disapprove, not specified below", "ACCUSE", "disapprove"),
    "111": ("Criticize or denounce", "ACCUSE", "disapprove"),
    "112": ("Accuse, not specified below", "ACCUSE", "allege"),
    "1121": ("Accuse of crime, corruption", "ACCUSE", "allege"),
    "1122": ("Accuse of human rights abuses", "ACCUSE", "allege"),
    "1123": ("Accuse of aggression", "ACCUSE", "allege"),
    "1124": ("Accuse of war crimes", "ACCUSE", "allege"),
    "1125": ("Accuse of espionage, treason", "ACCUSE", "allege"),
    "120": ("Reject, not specified below", "REJECT", None),
    "1246": ("Refuse to de-escalate military engagement", "REJECT", "yield"),
    "190": ("Use conventional military force, not specified below", "ASSAULT", None),
    "193": ("Fight with small arms and light weapons", "ASSAULT", "firearms"),
    "194": ("Fight with artillery and tanks", "ASSAULT", "heavy-weapons"),
    "195": ("Employ aerial weapons, not specified below", "ASSAULT", None),
    "1951": ("Employ precision-guided aerial munitions", "ASSAULT", None),
    "1952": ("Employ remotely piloted aerial munitions", "ASSAULT", None),
    "196": ("Violate ceasefire", "ASSAULT", None),
}

CAMEO_LABELS: Final[Mapping[str, str]] = MappingProxyType({k: v[0] for k, v in _TABLE.items()})
"""The CAMEO codes this library emits or accepts, with their codebook names."""

PLOVER_FOR_CAMEO: Final[Mapping[str, tuple[str | None, str | None]]] = MappingProxyType(
    {code: (event, mode) for code, (_, event, mode) in _TABLE.items()}
)
"""The PLOVER (event, default mode) of each CAMEO code; (None, None) where PLOVER has none."""

_MODES: Final = {
    "CONSULT": "visit third-party multilateral phone",
    "RETREAT": "withdraw release disarm ceasefire access resign",
    "REQUEST": "assist change yield meet",
    "ACCUSE": "disapprove investigate allege",
    "REJECT": "assist change yield meet",
    "ASSAULT": "abduct beat torture sexual targeted destroy primitive firearms explosives "
    "suicide-attack aerial drone heavy-weapons crowd-control unconventional",
}
PLOVER_MODES: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {event: frozenset(modes.split()) for event, modes in _MODES.items()}
)
"""The PLOVER 2.0 events this library uses, each with every mode the manual defines for it."""


def _ids(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@python_repr
@attrs.frozen
class EventCode:
    """A record's code in CAMEO and in PLOVER, with CAMEO's source and target actors.

    ``reciprocal`` means CAMEO also codes the event with source and target swapped (a call is
    two 041 events). ``plover_event`` is None where PLOVER has no equivalent (CAMEO's
    statements), ``plover_mode`` where it has no mode for the case. ``note`` says why, where the
    choice is not obvious. Build one with :meth:`of`, which fills in the labels.

    >>> EventCode.of("041", source=["pashinyan"], target=["putin"], reciprocal=True).plover_mode
    'phone'
    """

    cameo: str
    cameo_label: str
    plover_event: str | None
    plover_mode: str | None
    source: tuple[str, ...] = attrs.field(default=(), converter=_ids, kw_only=True)
    target: tuple[str, ...] = attrs.field(default=(), converter=_ids, kw_only=True)
    reciprocal: bool = attrs.field(default=False, kw_only=True)
    note: str | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        label, event, _ = _entry(self.cameo)
        if (self.cameo_label, self.plover_event) != (label, event):
            raise InvalidValueError(
                f"CAMEO 1.1b3 {self.cameo} is {label!r}, PLOVER {event}: "
                f"not {self.cameo_label!r}, {self.plover_event}",
                where="EventCode",
            )
        modes = PLOVER_MODES.get(event or "", frozenset())
        if self.plover_mode is not None and self.plover_mode not in modes:
            raise InvalidValueError(
                f"{self.plover_mode!r} is not a PLOVER 2.0 mode of {event}",
                where="EventCode.plover_mode",
            )

    @classmethod
    def of(
        cls,
        cameo: str,
        *,
        source: Iterable[str] = (),
        target: Iterable[str] = (),
        reciprocal: bool = False,
        note: str | None = None,
    ) -> Self:
        """The code ``cameo`` with its label and PLOVER equivalent from the tables."""
        entry = _entry(cameo)
        return cls(cameo, *entry, source=source, target=target, reciprocal=reciprocal, note=note)


def _entry(cameo: str, where: str = "EventCode.cameo") -> tuple[str, str | None, str | None]:
    if cameo not in _TABLE:
        raise InvalidValueError(
            f"{cameo!r} is not one of the CAMEO 1.1b3 event codes this library knows: "
            f"{', '.join(_TABLE)}",
            where=where,
        )
    return _TABLE[cameo]


_NOTHING: Final[Lookup] = dict[str, Record]().get


def event_code(record: Record, *, lookup: Lookup = _NOTHING) -> EventCode | None:
    """The primary CAMEO/PLOVER code of ``record``, or None if it is not an event.

    ``lookup`` returns the current record of an entry id (a ledger's, or ``dict.get``): a claim
    is coded by what it is about, and actors' ``part_of`` tell whose side an accusation is on.
    """
    codes = event_codes(record, lookup=lookup)
    return codes[0] if codes else None


def event_codes(record: Record, *, lookup: Lookup = _NOTHING) -> tuple[EventCode, ...]:
    """Every code that applies to ``record``, the primary one first; empty if not an event."""
    if isinstance(record, Call):
        first = record.initiator or record.actors[0]
        rest = [actor for actor in record.actors if actor != first]
        return (_consult(record.medium, [first], rest),)
    if isinstance(record, Meeting):
        if record.host is None:
            return (_hostless(record, lookup),)
        visitors, host = [visitor.actor for visitor in record.visitors], [record.host.actor]
        if record.medium is not Medium.IN_PERSON:
            return (_consult(record.medium, visitors, host),)
        return (
            EventCode.of("042", source=visitors, target=host),
            EventCode.of("043", source=host, target=visitors),
        )
    if isinstance(record, Mediation):
        note = "PLOVER has no mediator role: its CONSULT lists mediators and parties alike"
        return (EventCode.of("045", source=record.mediators, target=record.parties, note=note),)
    if isinstance(record, Ceasefire):
        if record.declared_by:  # declared by some alone, toward the others: not reciprocal
            others = [party for party in record.parties if party not in record.declared_by]
            return (EventCode.of("0871", source=record.declared_by, target=others),)
        parties = record.parties
        return (EventCode.of("0871", source=parties[:1], target=parties[1:], reciprocal=True),)
    if isinstance(record, Hostility):
        return _hostility(record)
    if isinstance(record, Claim):
        return (_claim(record, lookup),)
    if isinstance(record, Statement):
        return (EventCode.of("010", source=[record.speaker.actor], target=record.audience),)
    return ()


def _consult(medium: Medium, source: list[str], target: list[str]) -> EventCode:
    """041 by phone, else CAMEO's residual 040; PLOVER "phone" covers other remote media."""
    if medium is Medium.PHONE:
        return EventCode.of("041", source=source, target=target, reciprocal=True)
    note = f"CAMEO has no code for a {medium.value.replace('_', ' ')} consultation without a host"
    code = EventCode.of("040", source=source, target=target, reciprocal=True, note=note)
    return attrs.evolve(code, plover_mode="phone") if medium is Medium.VIDEO else code


def _hostless(meeting: Meeting, lookup: Lookup) -> EventCode:
    """A meeting no one hosted: remote, at a third location (two sides), or multilateral (more).

    Two sides are two people, or two delegations: everyone named in an office whose
    jurisdiction is one of two states (or part of one), or an actor part of one. A leader with
    aides whose side is not recorded may be a third side: multilateral.
    """
    first, *rest = meeting.actors
    if meeting.medium is not Medium.IN_PERSON:
        return _consult(meeting.medium, [first], rest)
    if len(rest) == 1:
        note = "no host is recorded: coded as a meeting at a third location"
        return EventCode.of("044", source=[first], target=rest, reciprocal=True, note=note)
    sides = [_side(participant, lookup) for participant in meeting.participants]
    known = [side for side in sides if side is not None]
    if len(known) == len(sides) and len(set(known)) == 2:
        one = [actor for actor, side in zip(meeting.actors, sides, strict=True) if side == known[0]]
        other = [actor for actor in meeting.actors if actor not in one]
        note = "no host is recorded; two sides, with their delegations: a third location"
        return EventCode.of("044", source=one, target=other, reciprocal=True, note=note)
    note = f"a meeting of {len(meeting.actors)} with no host: PLOVER's multilateral mode"
    code = EventCode.of("040", source=[first], target=rest, reciprocal=True, note=note)
    return attrs.evolve(code, plover_mode="multilateral")


_HEAVY, _FIREARMS, _MINES = "heavy-weapons", "firearms", "explosives"
_DRONE, _AIR = "drone", "aerial"
_WEAPONS: Final[tuple[tuple[str, dict[str, str | None]], ...]] = (
    # CAMEO code and the words for its weapons (singular), each with its PLOVER ASSAULT mode,
    # highest precedence first. CAMEO: 1952 over 1951; aerial (195) over "other" weapons; 194
    # over small arms. 195 over 194 is this library's reading: the codebook does not say.
    # PLOVER 2.0: "drone" is unmanned aerial vehicles, "aerial" manned ones; an airstrike or a
    # precision-guided munition may come from either, so it has no mode.
    ("1952", dict.fromkeys(["drone", "uav", "unmanned aerial", "remotely piloted"], _DRONE)),
    ("1951", dict.fromkeys(["precision guided"])),
    ("195", dict.fromkeys(["airstrike", "air strike", "air raid", "aerial"])),  # by whom?
    ("195", dict.fromkeys(["aircraft", "bomber", "warplane", "helicopter", "gunship"], _AIR)),
    ("194", dict.fromkeys(["artillery", "tank", "howitzer", "rocket", "cannon"], _HEAVY)),
    ("194", dict.fromkeys(["warship", "missile launcher", "heavy weapon"], _HEAVY)),
    ("193", dict.fromkeys(["small arm", "firearm", "rifle", "machine gun", "pistol"], _FIREARMS)),
    ("193", dict.fromkeys(["revolver", "carbine", "gunfire"], _FIREARMS)),
    ("193", dict.fromkeys(["light weapon", "mortar", "grenade"])),
    # CAMEO names no mines, but a minefield explosion is among its 193 examples. PLOVER's
    # "explosives" mode is "any explosive not incorporated in a heavy weapon: mines, IEDS, ...".
    ("193", dict.fromkeys(["mine", "landmine", "minefield", "mining"], _MINES)),
)
_ORDER: Final[tuple[str, ...]] = ("1952", "1951", "195", "194", "193")


def _words(text: str) -> str:
    """Lower-case words, plurals made singular, padded with spaces for whole-word matching."""
    words = re.findall(r"[a-z0-9]+", text.casefold())
    words = [w[:-1] if len(w) > 3 and w[-1] == "s" and w[-2] != "s" else w for w in words]
    return f" {' '.join(words)} "


def _hostility(record: Hostility) -> tuple[EventCode, ...]:
    found: dict[str, str | None] = {}
    unknown: list[str] = []
    for means in record.means:
        text, matched = _words(means), False
        for code, words in _WEAPONS:
            for word, mode in words.items():
                if f" {word} " in text:
                    text, matched = text.replace(f" {word} ", " "), True
                    if found.get(code) is None:
                        found[code] = mode
        if not matched:
            unknown.append(means)
    codes = [code for code in _ORDER if code in found] or ["190"]
    modes = [found[code] for code in codes if found.get(code) is not None]
    mode = modes[0] if modes else None
    notes = [f"means not recognised: {', '.join(unknown)}"] if unknown else []
    source, target = _some(record.attacker), _some(record.target)
    if record.between:  # two-sided: PLOVER lists every side as an actor, and no recipient
        source, target = list(record.between), []
        notes.append("fighting between sides, no attacker named: every side is an actor")
    note = "; ".join(notes) or None
    return tuple(
        attrs.evolve(
            EventCode.of(
                code, source=source, target=target, reciprocal=bool(record.between), note=note
            ),
            plover_mode=mode,
        )
        for code in codes
    )


def _claim(claim: Claim, lookup: Lookup) -> EventCode:
    source, accused = [claim.claimant], _some(claim.accused)
    if claim.cameo is not None:
        _entry(claim.cameo, where="Claim.cameo")
        return EventCode.of(claim.cameo, source=source, target=accused, note="Claim.cameo")
    subject = _resolve(claim.about, lookup)
    if claim.stance is Stance.ACCUSES:
        code = "1123" if isinstance(subject, Hostility) else "112"
        return EventCode.of(code, source=source, target=accused)
    if claim.stance is Stance.DENIES:
        if isinstance(subject, Claim) and subject.claimant == claim.claimant:
            return EventCode.of("015", source=source, note="retracts its own claim")
        charge = _charge(subject, lookup)
        if charge is not None and _same_side(claim.claimant, charge[0], lookup):
            return EventCode.of("016", source=source, target=charge[1:])
        note = "what it denies charges no one on the claimant's side: 010, not 016"
        if subject is None:
            note = "the ledger holds no charge it could be denying: 010, not 016"
        return EventCode.of("010", source=source, note=note)
    charge = _charge(subject, lookup)
    if charge is not None and _same_side(claim.claimant, charge[0], lookup):
        return EventCode.of("015", source=source, note="asserts its own side's attack")
    return EventCode.of("010", source=source)


def _some(actor: str | None) -> list[str]:
    return [] if actor is None else [actor]


def _resolve(entry_id: str | None, lookup: Lookup) -> Record | None:
    """The record an id names, following reports to what they report."""
    seen: set[str] = set()
    record = None
    while entry_id is not None and entry_id not in seen:
        seen.add(entry_id)
        record = lookup(entry_id)
        entry_id = record.about if isinstance(record, Report) else None
    return record


def _charge(subject: Record | None, lookup: Lookup) -> tuple[str, ...] | None:
    """(who is charged, who charges them, if known) when ``subject`` blames someone."""
    if isinstance(subject, Hostility) and subject.attacker is not None:
        return (subject.attacker,)
    if isinstance(subject, Claim) and subject.stance is not Stance.DENIES:
        if subject.accused is not None:
            return (subject.accused, subject.claimant)
        event = _resolve(subject.about, lookup)
        if isinstance(event, Hostility) and event.attacker is not None:
            return (event.attacker, subject.claimant)
    return None


def _chain(actor: str, lookup: Lookup) -> Iterator[str]:
    """The actor, then what it is part of, and so on (a ministry, its government, its state)."""
    seen: set[str] = set()
    current: str | None = actor
    while current is not None and current not in seen:
        seen.add(current)
        yield current
        record = lookup(current)
        current = record.part_of if isinstance(record, Actor) else None


def _side(participant: Participant, lookup: Lookup) -> str | None:
    """Whose side a participant is on: its office's jurisdiction, or what it is part of.

    The outermost of the chain (a ministry's state). None for a person named in no office.
    """
    office = lookup(participant.office) if participant.office is not None else None
    if isinstance(office, Office) and office.jurisdiction is not None:
        return list(_chain(office.jurisdiction, lookup))[-1]
    record = lookup(participant.actor)
    if isinstance(record, Actor) and record.part_of is not None:
        return list(_chain(participant.actor, lookup))[-1]
    if isinstance(record, Actor) and record.kind is ActorKind.STATE:
        return participant.actor
    return None


def _same_side(one: str, other: str, lookup: Lookup) -> bool:
    """Whether one actor is the other or part of it (a government of its state), or vice versa."""
    return other in _chain(one, lookup) or one in _chain(other, lookup)
