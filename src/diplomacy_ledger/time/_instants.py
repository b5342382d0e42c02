"""The UTC line: its two ends, and instants as whole microseconds since the Unix epoch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Final

__all__ = ["EPOCH", "UTC_MAX", "UTC_MIN", "utc_micros"]

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
