"""Actors: who does and says things — people, states, governments, media, and the unnamed."""

from __future__ import annotations

import enum
import re
from typing import Any, Final

import attrs

from diplomacy_ledger._errors import InvalidValueError
from diplomacy_ledger._repr import python_repr
from diplomacy_ledger.model._ids import (
    line,
    lines,
    normalise_name,
    optional_text,
    str_tuple,
    valid_id,
)
from diplomacy_ledger.model._provenance import Provenance
from diplomacy_ledger.time import Span

__all__ = ["Actor", "ActorKind"]

_QID: Final = re.compile(r"^Q[1-9][0-9]*$")
_ISO3: Final = re.compile(r"^[A-Z]{3}$")


@python_repr
class ActorKind(enum.Enum):
    """What sort of actor this is."""

    PERSON = "person"
    STATE = "state"
    GOVERNMENT = "government"
    GOVERNMENT_BODY = "government_body"
    """A ministry, an agency, a presidential office."""
    ARMED_FORCES = "armed_forces"
    MEDIA = "media"
    """A media outlet, or "the media" of a country taken together."""
    INTERNATIONAL_ORGANIZATION = "international_organization"
    COLLECTIVE = "collective"
    """A collective or unattributed actor, such as "Armenian saboteurs" or unsourced "reports"."""


def _qid(instance: object, attribute: Any, value: Any) -> None:
    if value is not None and not (isinstance(value, str) and _QID.match(value)):
        raise InvalidValueError(
            f"{value!r} is not a Wikidata id (Q followed by digits)", where="Actor.wikidata"
        )


def _iso3(instance: Actor, attribute: Any, value: Any) -> None:
    if value is None:
        return
    if not (isinstance(value, str) and _ISO3.match(value)):
        raise InvalidValueError(
            f"{value!r} is not an ISO 3166 alpha-3 code (three capital letters)",
            where="Actor.iso3",
        )
    if instance.kind is not ActorKind.STATE:
        raise InvalidValueError("only a state has an ISO 3166 code", where="Actor.iso3")


def _aliases(instance: Actor, attribute: Any, value: Any) -> None:
    lines(instance, attribute, value)
    seen: dict[str, str] = {}
    for alias in (instance.name, *instance.aliases):
        key = normalise_name(alias)
        if not key:
            raise InvalidValueError(f"{alias!r} has no letters or digits", where="Actor.aliases")
        seen.setdefault(key, alias)


@python_repr
@attrs.frozen
class Actor:
    """Someone who acts or speaks. Its id is the id of the ledger entry that records it.

    ``aliases`` are the other names and metonyms that refer to it ("Yerevan", "the government in
    Yerevan"); the ledger resolves them after normalising case, hyphens, spacing and punctuation,
    and refuses an alias that already names another actor. ``part_of`` links a ministry to its
    government and a government to its state. ``affiliation`` says whose an actor is without
    making it part of that (Armenian media are Armenian, not the Armenian state). ``lifespan``
    says when it existed (a state from its independence), where that matters. ``provenance`` cites
    where the facts about the actor come from.

    >>> armenia = Actor("Armenia", ActorKind.STATE, iso3="ARM", wikidata="Q399")
    >>> armenia.names
    ('armenia',)
    """

    name: str = attrs.field(validator=line)
    kind: ActorKind = attrs.field(validator=attrs.validators.instance_of(ActorKind))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=str_tuple, validator=_aliases)
    part_of: str | None = attrs.field(
        default=None, validator=valid_id, metadata={"ref": "actor"}, kw_only=True
    )
    lifespan: Span | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(Span)),
        kw_only=True,
    )
    wikidata: str | None = attrs.field(default=None, validator=_qid, kw_only=True)
    iso3: str | None = attrs.field(default=None, validator=_iso3, kw_only=True)
    description: str | None = attrs.field(default=None, validator=optional_text, kw_only=True)
    affiliation: str | None = attrs.field(
        default=None, validator=valid_id, metadata={"ref": "actor"}, kw_only=True
    )
    provenance: Provenance | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(Provenance)),
        kw_only=True,
    )

    @property
    def time(self) -> Span | None:
        """When the actor existed, if recorded."""
        return self.lifespan

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias, normalised, without repeats."""
        return tuple(dict.fromkeys(normalise_name(n) for n in (self.name, *self.aliases)))
