"""`Span`: something that lasted, from a start When to an end When (or an open end)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final, Self

import attrs

from diplomacy_ledger._errors import InvalidTimeError
from diplomacy_ledger._order import Allen, PointInterval, Truth, allen_of, point_interval_of
from diplomacy_ledger._when import When

__all__ = ["Span"]

_FOREVER: Final = datetime.max.replace(tzinfo=UTC)


def _as_when(value: When | datetime) -> When:
    return value if isinstance(value, When) else When.instant(value)


def _as_optional_when(value: When | datetime | None) -> When | None:
    return None if value is None else _as_when(value)


@attrs.frozen
class Span:
    """Something that lasted: it began at ``start`` and ended at ``end``.

    The end may be unknown (``end=None``), or known only to be later than a moment: the fighting
    "reportedly ongoing" at the time of the report is ``Span(start, ongoing_as_of=report_time)``.
    Office tenures, hostilities, ceasefires and mediations are Spans.

    A Span must be able to last: some placement of its ends inside their bounds must put the start
    strictly before the end.

    >>> shelling = Span(
    ...     When.local("2022-09-13 00:00", zone="Asia/Yerevan"),
    ...     ongoing_as_of=When.day("2022-09-13", zone="Asia/Yerevan"),
    ... )
    >>> shelling.is_open
    True
    """

    start: When = attrs.field(converter=_as_when)
    end: When | None = attrs.field(default=None, converter=_as_optional_when)
    ongoing_as_of: When | None = attrs.field(
        default=None, converter=_as_optional_when, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.ongoing_as_of is not None:
            raise InvalidTimeError(
                "a Span has either an end or an 'ongoing as of' time, not both", where="Span"
            )
        if self.end is not None and not self.end.latest > self.start.earliest:
            raise InvalidTimeError(
                f"the span cannot last: it ends ({self.end}) no later than it starts "
                f"({self.start}); use a When for a single moment",
                where="Span.end",
            )
        if self.ongoing_as_of is not None and self.ongoing_as_of.latest < self.start.earliest:
            raise InvalidTimeError(
                f"it cannot be ongoing as of {self.ongoing_as_of}, before it starts ({self.start})",
                where="Span.ongoing_as_of",
            )

    @classmethod
    def ongoing(cls, start: When | datetime, *, as_of: When | datetime) -> Self:
        """A Span that had not ended yet at ``as_of`` (its end is later, but unknown)."""
        return cls(start, ongoing_as_of=as_of)

    def __str__(self) -> str:
        if self.end is not None:
            return f"{self.start} – {self.end}"
        if self.ongoing_as_of is not None:
            return f"{self.start} – (ongoing as of {self.ongoing_as_of})"
        return f"{self.start} – (end unknown)"

    @property
    def is_open(self) -> bool:
        """True when the end is not known (unknown, or only known to be after a moment)."""
        return self.end is None

    @property
    def is_exact(self) -> bool:
        """True when both ends are exact instants."""
        return self.end is not None and self.start.is_exact and self.end.is_exact

    @property
    def start_bounds(self) -> tuple[datetime, datetime]:
        """Earliest and latest possible start."""
        return self.start.earliest, self.start.latest

    @property
    def end_bounds(self) -> tuple[datetime, datetime]:
        """Earliest and latest possible end; an open end runs to the end of ``datetime``."""
        if self.end is not None:
            return self.end.earliest, self.end.latest
        if self.ongoing_as_of is not None:
            return self.ongoing_as_of.earliest, _FOREVER
        return self.start.earliest, _FOREVER

    def allen(self, other: Span) -> Allen:
        """The set of Allen relations from this Span to ``other`` that some placement allows.

        >>> a = Span(When.parse("2022-09-12T20:00Z"), When.parse("2022-09-13T06:00Z"))
        >>> b = Span(When.parse("2022-09-12T22:30Z"), When.parse("2022-09-14"))
        >>> a.allen(b)
        <Allen.OVERLAPS: 4>
        """
        return allen_of(self.start_bounds, self.end_bounds, other.start_bounds, other.end_bounds)

    def locate(self, when: When) -> PointInterval:
        """The set of places ``when`` may take relative to this Span (before … after)."""
        return point_interval_of((when.earliest, when.latest), self.start_bounds, self.end_bounds)

    def contains(self, when: When) -> Truth:
        """Whether ``when`` falls within this Span, its ends included."""
        return when.within(self)
