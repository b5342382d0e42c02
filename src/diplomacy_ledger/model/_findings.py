"""Findings: what a consistency check reports, as data."""

from __future__ import annotations

import enum
from typing import Any, get_args

import attrs

from diplomacy_ledger._errors import InvalidValueError
from diplomacy_ledger._repr import python_repr
from diplomacy_ledger.model._ids import (
    line,
    str_tuple,
    text,
    valid_ids,
)
from diplomacy_ledger.time import Certainty

__all__ = ["Finding", "FindingKind"]


@python_repr
class FindingKind(enum.StrEnum):
    """The kinds of finding the library's own checks and loaders report, by their stable names.

    Each member is its name as a string (``FindingKind.CONTRADICTION == "contradiction"``), and
    a :class:`Finding` keeps the plain string, so kinds compare, sort, select
    (``check(only=...)``) and serialise as strings; a check of your own may use any other.
    """

    CONTRADICTION = "contradiction"
    OFFICE_NOT_HELD = "office_not_held"
    DOUBLE_BOOKING = "double_booking"
    POSSIBLY_SAME_EVENT = "possibly_same_event"
    CEASEFIRE_VIOLATION = "ceasefire_violation"
    ANACHRONISM = "anachronism"
    UNRESOLVED_LOCAL_TIME = "unresolved_local_time"
    READOUT_MISMATCH = "readout_mismatch"
    DANGLING_REFERENCE = "dangling_reference"
    ZONE_RULES_CHANGED = "zone_rules_changed"


def _certainty(instance: object, attribute: Any, value: Any) -> None:
    if value not in get_args(Certainty):
        raise InvalidValueError(f"certainty is 'definite' or 'possible', not {value!r}")


@python_repr
@attrs.frozen(order=True)
class Finding:
    """A problem a check found: its kind, how certain it is, the entries involved, and why.

    Findings sort by kind, then certainty (definite first), then entries, so a list of them has
    one order however the checks ran.
    """

    kind: str = attrs.field(converter=str, validator=line)
    certainty: Certainty = attrs.field(validator=_certainty)
    entries: tuple[str, ...] = attrs.field(converter=str_tuple, validator=valid_ids)
    explanation: str = attrs.field(validator=text, order=False)

    @property
    def definite(self) -> bool:
        """True when the finding is definite."""
        return self.certainty == "definite"

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict: kind, certainty, entries (a list) and explanation."""
        return {
            "kind": self.kind,
            "certainty": self.certainty,
            "entries": list(self.entries),
            "explanation": self.explanation,
        }
