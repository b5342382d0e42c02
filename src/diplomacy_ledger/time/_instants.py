"""The UTC line: its two ends, and instants as whole microseconds since the Unix epoch."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Final

from diplomacy_ledger._errors import NaiveDatetimeError, TimeParseError

__all__ = [
    "EPOCH",
    "UTC_MAX",
    "UTC_MIN",
    "format_utc_instant",
    "parse_utc_instant",
    "utc_micros",
]

UTC_MIN: Final = datetime.min.replace(tzinfo=UTC)
"""The earliest instant a datetime can hold: an open start, or "since forever"."""
UTC_MAX: Final = datetime.max.replace(tzinfo=UTC)
"""The latest instant a datetime can hold: an open end, or "until forever"."""
EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND: Final = timedelta(microseconds=1)


def utc_micros(moment: datetime) -> int:
    """Microseconds from the Unix epoch to an aware ``moment`` (negative before 1970).

    Exact for every datetime, ``UTC_MIN`` and ``UTC_MAX`` included, as integers are; used where
    instants are indexed, sorted or stored as numbers.

    >>> utc_micros(datetime(1970, 1, 1, 0, 0, 1, tzinfo=UTC))
    1000000
    """
    return (moment - EPOCH) // _MICROSECOND


def format_utc_instant(moment: datetime) -> str:
    """An aware datetime as RFC 3339 in UTC with ``Z`` (microseconds only when present).

    >>> format_utc_instant(datetime(2022, 9, 13, 2, 0, tzinfo=UTC))
    '2022-09-13T02:00:00Z'
    """
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"


_INSTANT: Final = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?", re.ASCII
)
"""An instant as the file format documents it: RFC 3339, ``T``, seconds, at most microseconds,
and ``Z`` (as the library writes) or ``±HH:MM``. No other ISO 8601 form: no space for ``T``, no
basic format, no week or ordinal dates, no ``+0400``."""


def parse_utc_instant(text: str, *, where: str | None = None) -> datetime:
    """An RFC 3339 date-time with an offset (``2022-09-13T02:00:00Z``) as an aware UTC datetime.

    A date-time without an offset raises :class:`NaiveDatetimeError`; any other text,
    :class:`TimeParseError`. The record time of an entry is read this way.
    """
    shown = text[:80]
    form = _INSTANT.fullmatch(text)
    if form is None or form.group(1) is None:
        try:
            naive = datetime.fromisoformat(text).tzinfo is None
        except ValueError:
            naive = False
        if naive:  # no offset, whatever else is wrong: the first thing to say
            raise NaiveDatetimeError(f"naive datetime {shown!r} (no offset)", where=where)
        raise TimeParseError(
            f"not an RFC 3339 date-time such as 2022-09-13T02:30:00Z: {shown!r}",
            text=shown,
            where=where,
        )
    try:
        return datetime.fromisoformat(text).astimezone(UTC)
    except (ValueError, OverflowError):
        raise TimeParseError(
            f"not a date-time in the range of dates in UTC: {shown!r}", text=shown, where=where
        ) from None
