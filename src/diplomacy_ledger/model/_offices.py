"""Offices and tenures: who held which office, from when to when."""

from __future__ import annotations

import attrs

from diplomacy_ledger._repr import python_repr
from diplomacy_ledger.model._ids import (
    line,
    optional_text,
    valid_id,
)
from diplomacy_ledger.model._provenance import Provenance
from diplomacy_ledger.time import Span

__all__ = ["Office", "Tenure"]

_provenance = attrs.validators.instance_of(Provenance)


@python_repr
@attrs.frozen
class Office:
    """A position someone holds: "Prime Minister of Armenia", "President of France".

    ``jurisdiction`` is the id of the actor (usually a state) whose office it is.

    >>> Office("President of France", jurisdiction="france").title
    'President of France'
    """

    title: str = attrs.field(validator=line)
    jurisdiction: str | None = attrs.field(
        default=None, validator=valid_id, metadata={"ref": "actor"}, kw_only=True
    )
    description: str | None = attrs.field(default=None, validator=optional_text, kw_only=True)
    provenance: Provenance | None = attrs.field(
        default=None, validator=attrs.validators.optional(_provenance), kw_only=True
    )

    @property
    def time(self) -> None:
        """An office has no time of its own; its tenures do."""
        return None


@python_repr
@attrs.frozen
class Tenure:
    """A person's time in an office: a :class:`Span` whose ends may be imprecise or open.

    An acting holder (Pashinyan between his resignation on 25 April 2021 and his re-appointment
    on 2 August 2021) is a tenure with ``acting=True``.
    """

    person: str = attrs.field(validator=valid_id, metadata={"ref": "actor"})
    office: str = attrs.field(validator=valid_id, metadata={"ref": "office"})
    span: Span = attrs.field(validator=attrs.validators.instance_of(Span))
    acting: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool), kw_only=True
    )
    provenance: Provenance | None = attrs.field(
        default=None, validator=attrs.validators.optional(_provenance), kw_only=True
    )

    @property
    def time(self) -> Span:
        """The time in office."""
        return self.span
