"""EDTF (ISO 8601-2 Extended Date/Time Format), levels 0 and 1, to and from When and Span.

EDTF has no time zone: a date means a calendar day, month or year with no place. Reading one,
the day is that day in ``zone`` when one is given, else the day somewhere on Earth (UTC+14 to
UTC−12), never UTC's day. Writing one, a When's own zone is not carried: its local date is
written, and reading it back needs the zone again. Unspecified digits (``201X``) are a When
between the first and last years, months or days they allow. Qualifiers (``?``, ``~``, ``%``)
say a date is uncertain or approximate without saying by how much, so no bounds can hold them:
they are refused unless the caller asks to keep the date's bounds as written. An interval whose
start is open or unknown (``../1985``, ``/1985``) is a Span that began at an unknown time no
later than its end, as "until 1985" is; such a Span is written ``/1985``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Final, Literal

import attrs

from diplomacy_ledger._errors import InvalidValueError, LedgerError, TimeParseError
from diplomacy_ledger._repr import shown
from diplomacy_ledger.time._calendar import EARTH_EAST, EARTH_WEST, Precision, period_bounds
from diplomacy_ledger.time._instants import UTC_MIN
from diplomacy_ledger.time._iso import foreign_digit
from diplomacy_ledger.time._when import Span, When
from diplomacy_ledger.time._zones import WallPolicy, validate_zone, zone_tzinfo

__all__ = ["Qualifiers", "from_edtf", "to_edtf"]

Qualifiers = Literal["refuse", "keep"]
"""What :func:`from_edtf` does with ``?``, ``~`` and ``%``: refuse them, or keep the bounds as
written (the qualifier stays in the When's ``text``)."""

_DATE: Final = re.compile(
    r"(?P<year>-?\d{3}[\dX]|\d{2}XX)(?:-(?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX))?)?"
    r"(?P<qualifier>[?~%])?",
    re.ASCII,
)
_DATE_TIME: Final = re.compile(
    r"(?P<date>\d{4}-\d\d-\d\d)T(?P<time>\d\d:\d\d:\d\d)(?P<offset>Z|[+-]\d\d(?::?\d\d)?)?",
    re.ASCII,
)


def _fail(text: str, reason: str) -> TimeParseError:
    return TimeParseError(f"not an EDTF date of level 0 or 1: {shown(text)}: {reason}", text=text)


def from_edtf(
    text: str,
    *,
    zone: str | None = None,
    qualifiers: Qualifiers = "refuse",
    disambiguation: WallPolicy = "raise",
) -> When | Span:
    """The When (a date, a date-time) or Span (an interval) an EDTF string states.

    ``zone`` is where a date's days are counted (none: anywhere on Earth). A date-time without
    an offset needs ``zone``, and is read with ``disambiguation`` where the zone's clocks skipped
    or repeated it (by default it raises). ``201X``, ``19XX``, ``2004-XX`` and ``1985-04-XX``
    widen to every value their digits allow. An interval's end may be open (``1985/..``: going
    on, an end not known) or unknown (``1985/``); a start open or unknown (``../1985``,
    ``/1985``) is a start at an unknown time no later than the end's last moment (as in "until
    1985"). Seasons (21-24) and years of more than four digits (``Y``) are refused.

    >>> str(from_edtf("2022-09-13", zone="Asia/Yerevan"))
    '2022-09-13[Asia/Yerevan]'
    >>> decade = from_edtf("201X")
    >>> decade.earliest.year, decade.latest.year
    (2009, 2020)
    """
    if not isinstance(text, str):
        raise TimeParseError(f"expected an EDTF string, got {shown(text)}", text=repr(text))
    if zone is not None:
        validate_zone(zone, where="from_edtf")
    if qualifiers not in ("refuse", "keep"):
        raise InvalidValueError(f"qualifiers is 'refuse' or 'keep', not {qualifiers!r}")
    reading = _Reading(text, zone, qualifiers, disambiguation)
    if "/" in text:
        return _interval(reading)
    return _single(text, reading)


@attrs.frozen
class _Reading:
    """What one call of from_edtf reads, and how."""

    text: str
    zone: str | None
    qualifiers: Qualifiers
    disambiguation: WallPolicy


def _interval(reading: _Reading) -> Span:
    text = reading.text
    first, _, second = text.partition("/")
    if "/" in second:
        raise _fail(text, "an interval has one '/'")
    if first in ("", "..") and second in ("", ".."):
        raise _fail(text, "an interval needs one of its ends")
    if first in ("", ".."):  # began at an unknown time, no later than the end's last moment
        end = _single(second, reading)
        start = When(UTC_MIN, end.latest, Precision.SPAN, end.zone, text=first or None)
        return _span(text, start, end, ongoing=None)
    start = _single(first, reading)
    if second == "..":  # open: still going on, as far as the record says
        return _span(text, start, None, ongoing=start)
    if second == "":
        return _span(text, start, None, ongoing=None)
    end = _single(second, reading)
    return _span(text, start, end, ongoing=None)


def _span(text: str, start: When, end: When | None, *, ongoing: When | None) -> Span:
    try:
        return Span(start, end, ongoing_as_of=ongoing)
    except LedgerError as error:
        raise _fail(text, error.message) from None


def _single(part: str, reading: _Reading) -> When:
    text, zone, qualifiers = reading.text, reading.zone, reading.qualifiers
    timed = _DATE_TIME.fullmatch(part)
    if timed is not None:
        return _date_time(timed, part, reading)
    found = _DATE.fullmatch(part)
    if found is None:
        raise _fail(
            text,
            foreign_digit(part)
            or f"{shown(part)} is no date of the form YYYY, YYYY-MM, YYYY-MM-DD",
        )
    if found["qualifier"] and qualifiers == "refuse":
        raise _fail(
            text,
            f"{found['qualifier']!r} says the date is uncertain or approximate without saying "
            "by how much; pass qualifiers='keep' to keep the bounds as written",
        )
    year, month, day = found["year"], found["month"], found["day"]
    if year.startswith("-"):
        raise _fail(text, "years before 1 are out of this library's range")
    if month is not None and month != "XX" and not 1 <= int(month) <= 12:
        reason = "seasons (21-24) are not read" if 21 <= int(month) <= 24 else "no such month"
        raise _fail(text, reason)
    if "X" in year and month is not None:
        raise _fail(text, "a month or day of a year with unspecified digits")
    if month == "XX" and day is not None and day != "XX":
        raise _fail(text, "a day of an unspecified month")
    try:
        when = _when(year, month, day, zone, part)
    except LedgerError as error:
        raise _fail(text, error.message) from None
    return when


def _when(year: str, month: str | None, day: str | None, zone: str | None, text: str) -> When:
    if "X" in year:
        width = 10 ** year.count("X")
        first = int(year.replace("X", "0"))
        if first == 0:
            raise InvalidValueError("years before 1 are out of this library's range")
        return When.between(
            When.year(first, zone=zone), When.year(first + width - 1, zone=zone), text=text
        )
    if month is None or month == "XX":
        return When.year(int(year), zone=zone, text=text)
    if day is None or day == "XX":
        return When.month(int(year), int(month), zone=zone, text=text)
    try:
        moment = date(int(year), int(month), int(day))
    except ValueError as error:
        raise InvalidValueError(f"no such date: {error}") from None
    return When.day(moment, zone=zone, text=text)


def _date_time(found: re.Match[str], part: str, reading: _Reading) -> When:
    text, zone = reading.text, reading.zone
    try:
        wall = datetime.fromisoformat(f"{found['date']}T{found['time']}")
    except ValueError as error:
        raise _fail(text, f"no such date and time: {error}") from None
    offset = found["offset"]
    try:
        if offset is None:
            if zone is None:
                raise _fail(text, "a date-time without an offset needs zone=")
            return When.local(wall, zone=zone, text=part, disambiguation=reading.disambiguation)
        aware = datetime.fromisoformat(f"{found['date']}T{found['time']}{offset}")
        return When.instant(aware.astimezone(UTC), zone=zone, text=part)
    except TimeParseError:
        raise
    except LedgerError as error:
        raise _fail(text, error.message) from None


def to_edtf(value: When | Span) -> str:
    """The EDTF (level 0 or 1) that states ``value``'s bounds, and no narrower ones.

    A day, month or year is written as its date on its zone's clocks (the zone is not written:
    EDTF has none), an exact instant as a UTC date-time, whole decades and centuries with
    unspecified digits (``201X``), a Span as an interval (``../..`` ends for an end still going
    on, an empty one for an unknown end). Bounds no EDTF value of these levels states (13 to 15
    September; an instant with a fraction of a second) raise :class:`InvalidValueError`.

    >>> to_edtf(When.day("2022-09-13", zone="Asia/Yerevan"))
    '2022-09-13'
    """
    if isinstance(value, Span):
        if value.end is not None and _starts_unknown(value.start, value.end):
            open_start = ".." if value.start.text == ".." else ""
            return f"{open_start}/{to_edtf(value.end)}"
        start = to_edtf(value.start)
        if value.end is not None:
            return f"{start}/{to_edtf(value.end)}"
        return f"{start}/.." if value.ongoing_as_of is not None else f"{start}/"
    if not isinstance(value, When):
        raise InvalidValueError(f"expected a When or a Span, got {type(value).__name__}")
    if value.either:
        raise InvalidValueError(
            "one of two instants is an EDTF set ([a,b], level 2); levels 0 and 1 cannot state it"
        )
    if value.earliest == value.latest:
        if value.earliest.microsecond:
            raise InvalidValueError("EDTF writes no fraction of a second")
        return value.earliest.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for precision in (Precision.DAY, Precision.MONTH, Precision.YEAR):
        first = _period_start(value, precision)
        if first is not None:
            return _date_text(first, precision)
    years = _whole_years(value)
    if years is not None:
        low, high = years
        for digits, width in ((1, 10), (2, 100)):
            if low % width == 0 and high == low + width - 1 and low > 0:
                return f"{str(low)[:-digits]}{'X' * digits}"
    raise InvalidValueError(
        f"no EDTF date of level 0 or 1 states the bounds {value.earliest.isoformat()} to "
        f"{value.latest.isoformat()}"
    )


def _starts_unknown(start: When, end: When) -> bool:
    """Whether ``start`` is any time no later than ``end``'s last moment (``/1985``)."""
    return start.earliest == UTC_MIN and start.latest == end.latest and not start.either


def _local_date(moment: datetime, zone: str | None, *, last: bool = False) -> date:
    """The date ``moment`` falls on in ``zone``.

    With no zone: on the clocks where a day begins first (UTC+14), or for the last instant of a
    period, where it ends last (UTC-12).
    """
    if zone is None:
        return (moment + (EARTH_WEST if last else EARTH_EAST)).date()
    return moment.astimezone(zone_tzinfo(zone)).date()


def _period_start(value: When, precision: Precision) -> date | None:
    day = _local_date(value.earliest, value.zone)
    first = {
        Precision.DAY: day,
        Precision.MONTH: day.replace(day=1),
        Precision.YEAR: day.replace(month=1, day=1),
    }[precision]
    try:
        bounds = period_bounds(precision, first, value.zone)
    except LedgerError:
        return None
    return first if bounds == (value.earliest, value.latest) else None


def _whole_years(value: When) -> tuple[int, int] | None:
    first = _local_date(value.earliest, value.zone).replace(month=1, day=1)
    last = _local_date(value.latest, value.zone, last=True)
    try:
        early = period_bounds(Precision.YEAR, first, value.zone)[0]
        late = period_bounds(Precision.YEAR, last.replace(month=1, day=1), value.zone)[1]
    except LedgerError:
        return None
    if (early, late) != (value.earliest, value.latest):
        return None
    return first.year, last.year


def _date_text(first: date, precision: Precision) -> str:
    if precision is Precision.YEAR:
        return f"{first.year:04d}"
    if precision is Precision.MONTH:
        return f"{first.year:04d}-{first.month:02d}"
    return first.isoformat()
