"""Records: what happened (calls, meetings, hostilities, …) and what was said about it.

Every record is an immutable attrs class. A record never carries its own id: the ledger entry that
holds it does, and other records point at it by that id. Fields that hold ids say what they point
at in their metadata (``ref``), so the ledger can check every reference at append.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs

from diplomacy_ledger._errors import InvalidValueError, LedgerError
from diplomacy_ledger._repr import python_repr
from diplomacy_ledger.model._ids import (
    lines,
    optional_line,
    optional_text,
    str_tuple,
    valid_id,
    valid_ids,
)
from diplomacy_ledger.model._provenance import Provenance
from diplomacy_ledger.time import Span, When

__all__ = [
    "Agreement",
    "Call",
    "Ceasefire",
    "Claim",
    "Hostility",
    "Mediation",
    "Medium",
    "Meeting",
    "Participant",
    "Report",
    "Retraction",
    "SameEvent",
    "Stance",
    "Statement",
    "Status",
]

ACTOR: Final = {"ref": "actor"}
PLACE: Final = {"ref": "place"}
OFFICE: Final = {"ref": "office"}
SOURCE: Final = {"ref": "source"}
ENTRY: Final = {"ref": "entry"}
AGREEMENT: Final = {"ref": "agreement"}

_provenance = attrs.validators.instance_of(Provenance)
_moment = attrs.validators.instance_of((When, Span))
_optional_moment = attrs.validators.optional(_moment)


def _at_least(count: int) -> Callable[[object, Any, Any], None]:
    def check(instance: object, attribute: Any, value: Any) -> None:
        if not isinstance(value, tuple) or len(value) < count:
            raise InvalidValueError(
                f"needs at least {count}, got {value!r}",
                where=f"{type(instance).__name__}.{attribute.name}",
            )

    return check


@python_repr
class Medium(enum.Enum):
    """How a call or meeting took place."""

    PHONE = "phone"
    VIDEO = "video"
    IN_PERSON = "in_person"
    WRITTEN = "written"


@python_repr
class Status(enum.Enum):
    """Whether an event took place, or was only planned, or was called off.

    Reports speak of plans ("the DGMOs will talk again on 12 May", "a ceasefire that would start
    at 02:30") and of cancellations ("the visit was called off") as often as of what happened. A
    record is ``OCCURRED`` unless it says otherwise. A planned event is not known to have taken
    place (nor not to have): a plan whose time has passed is unknown, not a finding. A cancelled
    one did not take place: it is no contact, no double booking and no ceasefire in force.
    """

    OCCURRED = "occurred"
    PLANNED = "planned"
    CANCELLED = "cancelled"


@python_repr
class Stance(enum.Enum):
    """What a claim does with what it is about."""

    ASSERTS = "asserts"
    DENIES = "denies"
    ACCUSES = "accuses"


@python_repr
@attrs.frozen
class Participant:
    """An actor taking part, and the office the record names them in, if it names one.

    "Armenian Prime Minister Nikol Pashinyan" is ``Participant("pashinyan", office="pm-armenia")``;
    the office is what the "office not held" check compares with the tenures.
    """

    actor: str = attrs.field(validator=valid_id, metadata=ACTOR)
    office: str | None = attrs.field(default=None, validator=valid_id, metadata=OFFICE)


def _participant(value: Participant | str) -> Participant:
    return value if isinstance(value, Participant) else Participant(value)


def _participants(values: object) -> tuple[Participant, ...]:
    if isinstance(values, str) or not hasattr(values, "__iter__"):
        raise InvalidValueError(f"expected a sequence of participants, got {values!r}")
    participants = []
    for index, value in enumerate(values):
        try:
            participants.append(_participant(value))
        except LedgerError as error:
            raise error.at(f"participant {index}") from None
    return tuple(participants)


def _distinct_actors(
    instance: object,
    attribute: Any,
    value: Any,
) -> None:
    actors = [participant.actor for participant in value]
    if len(set(actors)) != len(actors):
        raise InvalidValueError(
            f"an actor appears twice among {actors}",
            where=f"{type(instance).__name__}.{attribute.name}",
        )


@python_repr
@attrs.frozen
class Call:
    """A call between two or more participants (by phone, unless ``medium`` says otherwise).

    ``when`` is a :class:`When` (the moment, often imprecise) or a :class:`Span` when its start and
    end are known.
    """

    participants: tuple[Participant, ...] = attrs.field(
        converter=_participants, validator=[_at_least(2), _distinct_actors]
    )
    when: When | Span = attrs.field(validator=_moment)
    provenance: Provenance = attrs.field(validator=_provenance)
    medium: Medium = attrs.field(
        default=Medium.PHONE, validator=attrs.validators.instance_of(Medium), kw_only=True
    )
    initiator: str | None = attrs.field(
        default=None, validator=valid_id, metadata=ACTOR, kw_only=True
    )
    summary: str | None = attrs.field(default=None, validator=optional_text, kw_only=True)
    status: Status = attrs.field(
        default=Status.OCCURRED, validator=attrs.validators.instance_of(Status), kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if self.initiator is not None and self.initiator not in self.actors:
            raise InvalidValueError(
                f"the initiator {self.initiator!r} is not a participant", where="Call.initiator"
            )

    @property
    def actors(self) -> tuple[str, ...]:
        """The participants' actor ids."""
        return tuple(participant.actor for participant in self.participants)

    @property
    def time(self) -> When | Span:
        """When the call took place."""
        return self.when


def _optional_participant(value: Participant | str | None) -> Participant | None:
    return None if value is None else _participant(value)


@python_repr
@attrs.frozen
class Meeting:
    """A meeting or visit: a host receives visitors, at a place; or a meeting with no host.

    A summit of equals, or talks no one is said to have hosted, has ``host=None`` and its
    participants as ``visitors`` (at least two); :meth:`summit` builds one. ``medium`` says
    whether it met in person (the default), by video or by phone.
    """

    host: Participant | None = attrs.field(converter=_optional_participant)
    visitors: tuple[Participant, ...] = attrs.field(
        converter=_participants, validator=[_at_least(1), _distinct_actors]
    )
    when: When | Span = attrs.field(validator=_moment)
    provenance: Provenance = attrs.field(validator=_provenance)
    place: str | None = attrs.field(default=None, validator=valid_id, metadata=PLACE, kw_only=True)
    medium: Medium = attrs.field(
        default=Medium.IN_PERSON, validator=attrs.validators.instance_of(Medium), kw_only=True
    )
    summary: str | None = attrs.field(default=None, validator=optional_text, kw_only=True)
    status: Status = attrs.field(
        default=Status.OCCURRED, validator=attrs.validators.instance_of(Status), kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if self.host is None:
            if len(self.visitors) < 2:
                raise InvalidValueError(
                    "a meeting with no host needs at least two participants",
                    where="Meeting.visitors",
                )
        elif self.host.actor in {visitor.actor for visitor in self.visitors}:
            raise InvalidValueError("the host is also among the visitors", where="Meeting.visitors")

    @classmethod
    def summit(
        cls,
        participants: Iterable[Participant | str],
        when: When | Span,
        provenance: Provenance,
        **fields: Any,
    ) -> Meeting:
        """A meeting with no host: a summit, or talks at a venue no participant hosted.

        ``fields`` are the keyword fields of a meeting (``place``, ``medium``, ``summary``,
        ``status``).
        """
        return cls(None, tuple(participants), when, provenance, **fields)

    @property
    def participants(self) -> tuple[Participant, ...]:
        """The host, if there is one, then the visitors."""
        return self.visitors if self.host is None else (self.host, *self.visitors)

    @property
    def actors(self) -> tuple[str, ...]:
        """The host's (if any) and the visitors' actor ids."""
        return tuple(participant.actor for participant in self.participants)

    @property
    def time(self) -> When | Span:
        """When the meeting took place."""
        return self.when


@python_repr
@attrs.frozen
class Statement:
    """Something an actor said: its words, to whom, through which channel, during which call.

    ``speaker`` names the office they spoke in, if the record names one (a spokesperson of a
    ministry); ``agreement`` the :class:`Agreement` the statement announces or speaks of.
    """

    speaker: Participant = attrs.field(converter=_participant)
    provenance: Provenance = attrs.field(validator=_provenance)
    when: When | Span | None = attrs.field(default=None, validator=_optional_moment, kw_only=True)
    audience: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=valid_ids, metadata=ACTOR, kw_only=True
    )
    words: str | None = attrs.field(default=None, validator=optional_text, kw_only=True)
    channel: str | None = attrs.field(default=None, validator=optional_line, kw_only=True)
    during: str | None = attrs.field(default=None, validator=valid_id, metadata=ENTRY, kw_only=True)
    agreement: str | None = attrs.field(
        default=None, validator=valid_id, metadata=AGREEMENT, kw_only=True
    )

    @property
    def time(self) -> When | Span | None:
        """When it was said, if known."""
        return self.when


@python_repr
@attrs.frozen
class Claim:
    """A claim made by an actor: it asserts, denies or accuses.

    It is about a record in the ledger (``about``: an event, or another claim — "Azerbaijani claims
    … were completely false"), or about a ``proposition`` given as text, or both. ``key`` names the
    proposition by an id of the user's choosing (``"armenia-began-shelling"``), so that claims in
    different words ("Armenia started it", "we did not start it") meet: claims with keys meet by
    key, and otherwise by their words, normalised. ``accused`` names
    who an accusation accuses. ``statement`` is the statement the claim was made in, if recorded.
    ``cameo`` overrides the CAMEO code the library would derive, when the analyst knows better.
    ``office`` is the office the claimant spoke in, if the record names one ("the foreign
    ministry's spokeswoman"): the "office not held" check compares it with their tenures.
    """

    claimant: str = attrs.field(validator=valid_id, metadata=ACTOR)
    stance: Stance = attrs.field(validator=attrs.validators.instance_of(Stance))
    provenance: Provenance = attrs.field(validator=_provenance)
    about: str | None = attrs.field(default=None, validator=valid_id, metadata=ENTRY, kw_only=True)
    proposition: str | None = attrs.field(default=None, validator=optional_text, kw_only=True)
    accused: str | None = attrs.field(
        default=None, validator=valid_id, metadata=ACTOR, kw_only=True
    )
    statement: str | None = attrs.field(
        default=None, validator=valid_id, metadata=ENTRY, kw_only=True
    )
    when: When | Span | None = attrs.field(default=None, validator=_optional_moment, kw_only=True)
    words: str | None = attrs.field(default=None, validator=optional_text, kw_only=True)
    cameo: str | None = attrs.field(default=None, validator=optional_line, kw_only=True)
    key: str | None = attrs.field(default=None, validator=valid_id, kw_only=True)
    office: str | None = attrs.field(
        default=None, validator=valid_id, metadata={"ref": "office", "of": "claimant"}, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if self.about is None and self.proposition is None and self.key is None:
            raise InvalidValueError(
                "a claim is about a record (about=) or a proposition (proposition= or key=)",
                where="Claim",
            )
        if self.accused is not None and self.stance is not Stance.ACCUSES:
            raise InvalidValueError("only an accusation names the accused", where="Claim.accused")

    @property
    def time(self) -> When | Span | None:
        """When the claim was made, if known."""
        return self.when


@python_repr
@attrs.frozen
class Mediation:
    """Mediators working between parties, with an outcome.

    The outcome is text, or a :class:`Ceasefire` that names this mediation.
    """

    mediators: tuple[str, ...] = attrs.field(
        converter=str_tuple, validator=[_at_least(1), valid_ids], metadata=ACTOR
    )
    parties: tuple[str, ...] = attrs.field(
        converter=str_tuple, validator=[_at_least(2), valid_ids], metadata=ACTOR
    )
    when: When | Span = attrs.field(validator=_moment)
    provenance: Provenance = attrs.field(validator=_provenance)
    outcome: str | None = attrs.field(default=None, validator=optional_text, kw_only=True)
    status: Status = attrs.field(
        default=Status.OCCURRED, validator=attrs.validators.instance_of(Status), kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if set(self.mediators) & set(self.parties):
            raise InvalidValueError("a mediator cannot be a party", where="Mediation.mediators")

    @property
    def time(self) -> When | Span:
        """When the mediation took place."""
        return self.when


@python_repr
@attrs.frozen
class Ceasefire:
    """A ceasefire between parties, effective from a moment, perhaps agreed through a mediation.

    ``agreement`` is the :class:`Agreement` that sets it out, if recorded. Its scope is
    everywhere unless ``places`` (place ids) or ``regions`` (region names, matched against the
    places' ``region``) say otherwise: a local truce in one town is not broken by fighting in
    another.

    ``declared_by`` names the parties that declared it when not all of them agreed to it: a
    unilateral truce ("Russia declares an Easter truce") names the sides of the war as its
    ``parties`` and the one that declared it here. Only the declarers are bound: fighting by
    another party does not break it. Empty (the default), every party agreed.
    """

    parties: tuple[str, ...] = attrs.field(
        converter=str_tuple, validator=[_at_least(2), valid_ids], metadata=ACTOR
    )
    effective: When = attrs.field(validator=attrs.validators.instance_of(When))
    provenance: Provenance = attrs.field(validator=_provenance)
    until: When | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(When)),
        kw_only=True,
    )
    mediation: str | None = attrs.field(
        default=None, validator=valid_id, metadata=ENTRY, kw_only=True
    )
    terms: str | None = attrs.field(default=None, validator=optional_text, kw_only=True)
    status: Status = attrs.field(
        default=Status.OCCURRED, validator=attrs.validators.instance_of(Status), kw_only=True
    )
    agreement: str | None = attrs.field(
        default=None, validator=valid_id, metadata=AGREEMENT, kw_only=True
    )
    places: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=valid_ids, metadata=PLACE, kw_only=True
    )
    regions: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=lines, kw_only=True
    )
    declared_by: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=valid_ids, metadata=ACTOR, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if not set(self.declared_by) <= set(self.parties):
            raise InvalidValueError(
                f"the ceasefire is declared by {list(self.declared_by)}, not all among its "
                f"parties {list(self.parties)}",
                where="Ceasefire.declared_by",
            )
        if self.until is not None and not self.until.latest > self.effective.earliest:
            raise InvalidValueError(
                f"the ceasefire would end ({self.until}) no later than it takes effect "
                f"({self.effective})",
                where="Ceasefire.until",
            )

    @property
    def time(self) -> Span:
        """In force from ``effective`` until ``until`` (or an unknown end)."""
        return Span(self.effective, self.until)

    @property
    def local(self) -> bool:
        """Whether the ceasefire covers only some places or regions."""
        return bool(self.places or self.regions)

    @property
    def bound(self) -> tuple[str, ...]:
        """Which parties it binds, those that declared it, or every party if all agreed."""
        return self.declared_by or self.parties


@python_repr
@attrs.frozen
class Hostility:
    """Fighting: an attacker (if attributed), a target, places, means, and how long it lasted.

    ``span`` may be open: ``Span.ongoing(start, as_of=report_time)`` for fighting "reportedly
    ongoing". ``attacker=None`` is fighting nobody is named for. Clashes "between A and B", where
    no one is named as the attacker (each side blames the other, or the report does not say),
    name their sides in ``between`` (two or more) and neither attacker nor target.
    """

    span: Span = attrs.field(validator=attrs.validators.instance_of(Span))
    provenance: Provenance = attrs.field(validator=_provenance)
    attacker: str | None = attrs.field(
        default=None, validator=valid_id, metadata=ACTOR, kw_only=True
    )
    target: str | None = attrs.field(default=None, validator=valid_id, metadata=ACTOR, kw_only=True)
    places: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=valid_ids, metadata=PLACE, kw_only=True
    )
    means: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=lines, kw_only=True
    )
    description: str | None = attrs.field(default=None, validator=optional_text, kw_only=True)
    between: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=valid_ids, metadata=ACTOR, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if not self.between:
            return
        if len(self.between) < 2:  # valid_ids refuses a side named twice
            raise InvalidValueError(
                f"fighting between sides names two or more sides, got {self.between!r}",
                where="Hostility.between",
            )
        if self.attacker is not None or self.target is not None:
            raise InvalidValueError(
                "fighting between sides names no attacker or target; with an attacker, "
                "name the target instead",
                where="Hostility.between",
            )

    @property
    def sides(self) -> tuple[str, ...]:
        """The sides that fought as named, ``between`` or else the attacker and the target."""
        if self.between:
            return self.between
        return tuple(actor for actor in (self.attacker, self.target) if actor is not None)

    @property
    def time(self) -> Span:
        """How long the fighting lasted."""
        return self.span


@python_repr
@attrs.frozen
class Agreement:
    """A signed or announced document: parties, signatories, mediators, when signed and in force.

    ``parties`` are those it binds (two or more); ``signatories`` who signed, each in the office
    the record names (the "office not held" check compares them with their tenures);
    ``mediators`` those who brokered, guaranteed or witnessed it without being bound by it.
    ``signed`` is when it was signed or announced, ``effective`` when it took effect, if said.
    ``status`` is ``PLANNED`` for an agreement announced but not yet signed, ``CANCELLED`` for
    one called off. Ceasefires and statements point at it with their ``agreement`` field.
    """

    parties: tuple[str, ...] = attrs.field(
        converter=str_tuple, validator=[_at_least(2), valid_ids], metadata=ACTOR
    )
    provenance: Provenance = attrs.field(validator=_provenance)
    title: str | None = attrs.field(default=None, validator=optional_line, kw_only=True)
    signatories: tuple[Participant, ...] = attrs.field(
        default=(), converter=_participants, validator=_distinct_actors, kw_only=True
    )
    mediators: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=valid_ids, metadata=ACTOR, kw_only=True
    )
    signed: When | Span | None = attrs.field(default=None, validator=_optional_moment, kw_only=True)
    effective: When | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(When)),
        kw_only=True,
    )
    terms: str | None = attrs.field(default=None, validator=optional_text, kw_only=True)
    status: Status = attrs.field(
        default=Status.OCCURRED, validator=attrs.validators.instance_of(Status), kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if set(self.mediators) & set(self.parties):
            raise InvalidValueError("a mediator cannot be a party", where="Agreement.mediators")

    @property
    def time(self) -> When | Span | None:
        """When it was signed or announced, if known."""
        return self.signed


@python_repr
@attrs.frozen
class Report:
    """An actor reported a record ("Armenian media reported that Russia had mediated …")."""

    reporter: str = attrs.field(validator=valid_id, metadata=ACTOR)
    about: str = attrs.field(validator=valid_id, metadata=ENTRY)
    provenance: Provenance = attrs.field(validator=_provenance)
    when: When | Span | None = attrs.field(default=None, validator=_optional_moment, kw_only=True)

    @property
    def time(self) -> When | Span | None:
        """When the report was made, if known."""
        return self.when


@python_repr
@attrs.frozen
class SameEvent:
    """Two or more records describe one event (each side's readout of one call)."""

    entries: tuple[str, ...] = attrs.field(
        converter=str_tuple, validator=[_at_least(2), valid_ids], metadata=ENTRY
    )
    note: str | None = attrs.field(default=None, validator=optional_text, kw_only=True)

    @property
    def time(self) -> None:
        """A link has no time of its own."""
        return None


@python_repr
@attrs.frozen
class Retraction:
    """The recorder withdraws an entry (a data error). It is not a claim by an actor.

    An actor taking back what it said is a :class:`Claim` with ``Stance.DENIES`` by the same actor.
    """

    entry: str = attrs.field(validator=valid_id, metadata=ENTRY)
    reason: str | None = attrs.field(default=None, validator=optional_text)

    @property
    def time(self) -> None:
        """A retraction has no event time."""
        return None
