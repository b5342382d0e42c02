"""Argument checks shared by the public strategies: bad arguments raise ``InvalidArgument``."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

__all__ = [
    "check_bool",
    "check_choice",
    "check_instant",
    "check_length",
    "check_range",
    "check_size",
    "check_strategy",
]


def check_strategy(value: object, name: str, *, optional: bool = True) -> None:
    """``value`` must be a strategy (or None, when ``optional``)."""
    if value is None and optional:
        return
    if not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(f"{name}={value!r} must be a Hypothesis strategy")


def check_bool(value: object, name: str, *, optional: bool = False) -> None:
    """``value`` must be True or False (or None, when ``optional``)."""
    if value is None and optional:
        return
    if not isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be a bool")


def check_instant(value: object, name: str) -> datetime:
    """``value`` must be an aware datetime; a naive one is refused, as everywhere in the library."""
    if not isinstance(value, datetime):
        raise InvalidArgument(f"{name}={value!r} must be an aware datetime")
    if value.utcoffset() is None:
        raise InvalidArgument(
            f"{name}={value!r} is naive: pass an aware datetime (tzinfo=timezone.utc)"
        )
    return value


def check_range(
    min_value: datetime, max_value: datetime, *, lowest: datetime, highest: datetime
) -> None:
    """Both bounds aware, in order, and within [lowest, highest]."""
    check_instant(min_value, "min_value")
    check_instant(max_value, "max_value")
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value!r} is after max_value={max_value!r}")
    if min_value < lowest or max_value > highest:
        raise InvalidArgument(
            f"min_value and max_value must lie between {lowest.isoformat()} and "
            f"{highest.isoformat()}, got {min_value.isoformat()} and {max_value.isoformat()}"
        )


def check_size(min_size: object, max_size: object, *, lowest: int = 0) -> None:
    """Integer sizes, ``lowest <= min_size <= max_size``."""
    for name, value in (("min_size", min_size), ("max_size", max_size)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidArgument(f"{name}={value!r} must be an integer")
        if value < lowest:
            raise InvalidArgument(f"{name}={value!r} must be at least {lowest}")
    assert isinstance(min_size, int)
    assert isinstance(max_size, int)
    if min_size > max_size:
        raise InvalidArgument(f"min_size={min_size!r} is larger than max_size={max_size!r}")


def check_length(value: object, name: str) -> timedelta:
    """A positive timedelta."""
    if not isinstance(value, timedelta) or value <= timedelta(0):
        raise InvalidArgument(f"{name}={value!r} must be a positive timedelta")
    return value


def check_choice(value: Any, name: str, choices: Collection[str]) -> None:
    """A str among ``choices``, or a strategy (whose values are checked when drawn)."""
    if isinstance(value, st.SearchStrategy):
        return
    if not isinstance(value, str) or value not in choices:
        raise InvalidArgument(
            f"{name}={value!r} must be one of {sorted(choices)} or a strategy of them"
        )
