"""The widths of vague words, documented and overridable.

Parts of a day, of a decade, of a week, a month or a year; how far "around" and "shortly" reach;
how wide "three weeks ago", "two months ago" and "a year ago" are.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time, timedelta
from typing import Any, Final

import attrs

from diplomacy_ledger._errors import InvalidTimeError
from diplomacy_ledger._repr import python_repr

__all__ = [
    "DEFAULT_DAY_PARTS",
    "DEFAULT_DECADE_PARTS",
    "DEFAULT_WIDTHS",
    "DayParts",
    "DecadeParts",
    "PhraseWidths",
]


def _check_part(
    instance: object, attribute: attrs.Attribute[tuple[time, time]], value: object
) -> None:
    if not (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(end, time) and end.tzinfo is None for end in value)
    ):
        raise InvalidTimeError(
            f"DayParts.{attribute.name} must be a (start, end) pair of naive datetime.time "
            f"values, not {value!r}"
        )


@python_repr
@attrs.frozen
class DayParts:
    """How long each part of a day lasts, as half-open ``(start, end)`` wall-clock times.

    An ``end`` at or before ``start`` is on the next day, so ``(time(18), time(0))`` is 18:00 to
    midnight and ``(time(18), time(6))`` runs overnight. Override any part:

    >>> DayParts(early_hours=(time(0), time(5))).early_hours
    (datetime.time(0, 0), datetime.time(5, 0))
    """

    early_hours: tuple[time, time] = attrs.field(default=(time(0), time(6)), validator=_check_part)
    morning: tuple[time, time] = attrs.field(default=(time(6), time(12)), validator=_check_part)
    afternoon: tuple[time, time] = attrs.field(default=(time(12), time(18)), validator=_check_part)
    evening: tuple[time, time] = attrs.field(default=(time(18), time(0)), validator=_check_part)
    night: tuple[time, time] = attrs.field(default=(time(18), time(6)), validator=_check_part)
    early: tuple[time, time] = attrs.field(default=(time(0), time(9)), validator=_check_part)
    """The part of "early Tuesday" and "early on Tuesday", from midnight to before work."""
    late: tuple[time, time] = attrs.field(default=(time(18), time(0)), validator=_check_part)
    """The part of "late Monday", the evening to midnight."""


def _check_years(
    instance: object, attribute: attrs.Attribute[tuple[int, int]], value: object
) -> None:
    if not (
        isinstance(value, tuple)
        and len(value) == 2
        and all(type(year) is int for year in value)
        and 0 <= value[0] <= value[1] <= 9
    ):
        raise InvalidTimeError(
            f"DecadeParts.{attribute.name} must be a (first, last) pair of year offsets with "
            f"0 <= first <= last <= 9, not {value!r}"
        )


@python_repr
@attrs.frozen
class DecadeParts:
    """Which years of a decade "early", "mid" and "late" cover: inclusive offsets from 0 to 9.

    >>> DecadeParts(early=(0, 3)).early
    (0, 3)
    """

    early: tuple[int, int] = attrs.field(default=(0, 4), validator=_check_years)
    mid: tuple[int, int] = attrs.field(default=(3, 7), validator=_check_years)
    late: tuple[int, int] = attrs.field(default=(6, 9), validator=_check_years)


def _check_range(low: int, high: int) -> Callable[[object, Any, object], None]:
    def check(instance: object, attribute: Any, value: object) -> None:
        if not (
            isinstance(value, tuple)
            and len(value) == 2
            and all(type(end) is int for end in value)
            and low <= value[0] <= value[1] <= high
        ):
            raise InvalidTimeError(
                f"PhraseWidths.{attribute.name} must be a (first, last) pair with "
                f"{low} <= first <= last <= {high}, not {value!r}"
            )

    return check


def _check_count(low: int, high: int) -> Callable[[object, Any, object], None]:
    def check(instance: object, attribute: Any, value: object) -> None:
        if not (type(value) is int and low <= value <= high):
            raise InvalidTimeError(
                f"PhraseWidths.{attribute.name} must be a whole number from {low} to {high}, "
                f"not {value!r}"
            )

    return check


def _check_width(instance: object, attribute: Any, value: object) -> None:
    if not (isinstance(value, timedelta) and timedelta(0) < value <= timedelta(hours=12)):
        raise InvalidTimeError(
            f"PhraseWidths.{attribute.name} must be a timedelta above zero and at most 12 hours, "
            f"not {value!r}"
        )


@python_repr
@attrs.frozen
class PhraseWidths:
    """How wide the vague words of phrases are, where no calendar says it. Override any.

    - ``early_month``, ``mid_month``, ``late_month``: the days (inclusive, 1 to 31; past the
      month's end means its last day) of "early September", "mid-September", "late September".
    - ``early_year``, ``mid_year``, ``late_year``: the months (inclusive, 1 to 12) of
      "early 2020", "mid-2020", "late 2020".
    - ``early_week``, ``mid_week``, ``late_week``: the days (inclusive, 1 = Monday to 7 =
      Sunday) of "early last week", "mid-next week", "late this week" (Monday to Wednesday,
      Tuesday to Thursday, Thursday to Sunday).
    - ``around``: "around 02:30" is from ``around`` before to ``around`` after (15 minutes).
    - ``shortly``: "shortly after midnight" is the ``shortly`` after it (30 minutes), and
      "shortly before" the ``shortly`` before.
    - ``weeks_ago``: "three weeks ago" is the days from ``weeks_ago`` days before to
      ``weeks_ago`` days after the date 21 days before the report's (3: a week, centred).
    - ``months_ago``: "two months ago" is the days from ``months_ago`` days before to
      ``months_ago`` days after the same date two months before (15: a month, centred; the
      31st of a shorter month is its last day).
    - ``years_ago``: "a year ago" is the days from ``years_ago`` months before to
      ``years_ago`` months after the same date a year before (6: a year, centred).

    >>> PhraseWidths(around=timedelta(minutes=5)).around
    datetime.timedelta(seconds=300)
    """

    early_month: tuple[int, int] = attrs.field(default=(1, 10), validator=_check_range(1, 31))
    mid_month: tuple[int, int] = attrs.field(default=(11, 20), validator=_check_range(1, 31))
    late_month: tuple[int, int] = attrs.field(default=(21, 31), validator=_check_range(1, 31))
    early_year: tuple[int, int] = attrs.field(default=(1, 4), validator=_check_range(1, 12))
    mid_year: tuple[int, int] = attrs.field(default=(5, 8), validator=_check_range(1, 12))
    late_year: tuple[int, int] = attrs.field(default=(9, 12), validator=_check_range(1, 12))
    around: timedelta = attrs.field(default=timedelta(minutes=15), validator=_check_width)
    shortly: timedelta = attrs.field(default=timedelta(minutes=30), validator=_check_width)
    early_week: tuple[int, int] = attrs.field(default=(1, 3), validator=_check_range(1, 7))
    mid_week: tuple[int, int] = attrs.field(default=(2, 4), validator=_check_range(1, 7))
    late_week: tuple[int, int] = attrs.field(default=(4, 7), validator=_check_range(1, 7))
    weeks_ago: int = attrs.field(default=3, validator=_check_count(0, 14))
    months_ago: int = attrs.field(default=15, validator=_check_count(0, 45))
    years_ago: int = attrs.field(default=6, validator=_check_count(0, 24))


DEFAULT_DAY_PARTS: Final = DayParts()
DEFAULT_DECADE_PARTS: Final = DecadeParts()
DEFAULT_WIDTHS: Final = PhraseWidths()
