"""Provenance: the document a record comes from, and who said it to whom."""

from __future__ import annotations

import attrs

from diplomacy_ledger._repr import python_repr
from diplomacy_ledger.model._ids import (
    optional_line,
    optional_text,
    str_tuple,
    valid_id,
    valid_ids,
)
from diplomacy_ledger.time import When

__all__ = ["Provenance", "Source"]

_optional_when = attrs.validators.optional(attrs.validators.instance_of(When))


@python_repr
@attrs.frozen
class Source:
    """A document records come from: an article, a readout, a press release.

    What is unknown stays None: the seed article has no outlet, url or time of publication, and
    its publication is an imprecise :class:`When` (a day), not a made-up instant.
    """

    title: str | None = attrs.field(default=None, validator=optional_line)
    outlet: str | None = attrs.field(
        default=None, validator=valid_id, metadata={"ref": "actor"}, kw_only=True
    )
    url: str | None = attrs.field(default=None, validator=optional_line, kw_only=True)
    published: When | None = attrs.field(default=None, validator=_optional_when, kw_only=True)
    retrieved: When | None = attrs.field(default=None, validator=_optional_when, kw_only=True)
    language: str | None = attrs.field(default=None, validator=optional_line, kw_only=True)

    @property
    def time(self) -> When | None:
        """When it was published, if known."""
        return self.published


@python_repr
@attrs.frozen
class Provenance:
    """How a record is known: which source, and through whom.

    ``via`` is the attribution chain, outermost first: in "Armenian media reported that Russia had
    mediated a ceasefire", the article (the ``source``) relays Armenian media, so
    ``via=("armenian-media",)``. "Azerbaijani claims ... were 'completely false', Yerevan added"
    puts Azerbaijan's claim in the ledger with ``via=("armenia-government",)``: it is known only
    through Yerevan. ``quote`` holds the source's own words for the record.
    """

    source: str = attrs.field(validator=valid_id, metadata={"ref": "source"})
    via: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=valid_ids, metadata={"ref": "actor"}
    )
    quote: str | None = attrs.field(default=None, validator=optional_text, kw_only=True)
