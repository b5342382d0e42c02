"""Places: where things happened, with the time zone their local time refers to."""

from __future__ import annotations

import math
from typing import Any

import attrs

from diplomacy_ledger._errors import InvalidValueError
from diplomacy_ledger._repr import python_repr
from diplomacy_ledger.model._ids import (
    line,
    lines,
    optional_line,
    optional_text,
    str_tuple,
    valid_ids,
)
from diplomacy_ledger.model._provenance import Provenance
from diplomacy_ledger.time import validate_zone

__all__ = ["Place"]


def _zone(instance: object, attribute: Any, value: Any) -> None:
    validate_zone(value, where="Place.zone")


def _coordinates(instance: object, attribute: Any, value: Any) -> None:
    if value is None:
        return
    if not (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        and all(math.isfinite(v) for v in value)
        and -90 <= value[0] <= 90
        and -180 <= value[1] <= 180
    ):
        raise InvalidValueError(
            f"coordinates must be (latitude, longitude) in degrees, got {value!r}",
            where="Place.coordinates",
        )


def _as_floats(value: Any) -> Any:
    """Whole-number degrees become floats, so (40, 45) is stored and written as (40.0, 45.0)."""
    if isinstance(value, tuple | list) and all(type(v) in (int, float) for v in value):
        return tuple(float(v) for v in value)
    return value


@python_repr
@attrs.frozen
class Place:
    """A named place, the state or states it lies in, and its IANA time zone.

    "Local time" in a record about this place means this zone. ``states`` lists the actor ids of
    the state it lies in, or of every state that claims it when it is disputed.

    >>> Place("Kapan", zone="Asia/Yerevan", states=("armenia",), region="Syunik").zone
    'Asia/Yerevan'
    """

    name: str = attrs.field(validator=line)
    zone: str = attrs.field(validator=_zone, kw_only=True)
    states: tuple[str, ...] = attrs.field(
        default=(),
        converter=str_tuple,
        validator=valid_ids,
        metadata={"ref": "actor"},
        kw_only=True,
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=lines, kw_only=True
    )
    region: str | None = attrs.field(default=None, validator=optional_line, kw_only=True)
    coordinates: tuple[float, float] | None = attrs.field(
        default=None, converter=_as_floats, validator=_coordinates, kw_only=True
    )
    description: str | None = attrs.field(default=None, validator=optional_text, kw_only=True)
    provenance: Provenance | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(Provenance)),
        kw_only=True,
    )

    @property
    def time(self) -> None:
        """A place has no time of its own."""
        return None

    @property
    def disputed(self) -> bool:
        """True when more than one state claims the place."""
        return len(self.states) > 1
