"""Findings: what a consistency check reports, as data."""

from __future__ import annotations

from typing import Any, Final, Literal

import attrs

from diplomacy_ledger._errors import InvalidValueError
from diplomacy_ledger.model._ids import str_tuple, text, valid_ids

__all__ = ["Certainty", "Finding"]

Certainty = Literal["definite", "possible"]
"""*definite*: the problem holds for every placement of the times within their bounds and rests
on no disputed record. *possible*: it holds for some placements only, or rests on a record that
the ledger itself disputes (a claim another actor denies). A check may ask more before it calls
a finding definite, and says so (a ceasefire violation needs an attacker two actors vouch for)."""

_CERTAINTIES: Final = ("definite", "possible")


def _certainty(instance: object, attribute: Any, value: Any) -> None:
    if value not in _CERTAINTIES:
        raise InvalidValueError(f"certainty is 'definite' or 'possible', not {value!r}")


@attrs.frozen(order=True)
class Finding:
    """A problem a check found: its kind, how certain it is, the entries involved, and why.

    Findings sort by kind, then certainty (definite first), then entries, so a list of them has
    one order however the checks ran.
    """

    kind: str = attrs.field(validator=text)
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
