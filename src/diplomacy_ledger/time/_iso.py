"""Reading and writing times as text: ISO 8601, RFC 3339 and RFC 9557, with reduced precision.

The forms, each read back by :meth:`When.parse <diplomacy_ledger.When.parse>` exactly as written:

============================================  =============================================
``2022-09-13T02:30+04:00[Asia/Yerevan]``      an instant, stated to the minute, in a zone
``2022-09-12T22:30:15.5Z``                    an instant in UTC with no local zone
``2022-09-13T02:30+04:00``                    an instant at a fixed offset (zone ``"+04:00"``)
``2022-09-13T02[Asia/Yerevan]``               a local wall time in a zone (hour precision)
``2022-09-13[Asia/Yerevan]``                  a whole day in a zone
``2020-09``, ``1992``                         a month or year *somewhere on Earth* (no zone)
``A/B``                                       a vague window from A's start to B's end
============================================  =============================================

RFC 9557 brackets only follow full date-times; putting one after a date, month or year is this
library's extension. Clock times without seconds (``02:30``) are ISO 8601 reduced precision, which
strict RFC 3339 readers do not accept.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, timedelta
from typing import Final, NamedTuple

from diplomacy_ledger._errors import InvalidTimeError, TimeParseError
from diplomacy_ledger._repr import shown as cut
from diplomacy_ledger.time._calendar import (
    Precision,
    is_whole_period,
    period_bounds,
    period_label,
    period_start,
)
from diplomacy_ledger.time._zones import (
    Disambiguation,
    canonical_zone,
    resolve_local,
    validate_zone,
    zone_tzinfo,
)

__all__ = ["Parsed", "foreign_digit", "format_when", "parse_when"]


_SINGLE: Final = re.compile(
    r"""
    (?P<year>\d{4})
    (?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?
    (?:[Tt\x20]
        (?P<hour>\d{2})
        (?::(?P<minute>\d{2})
            (?::(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?
        )?
        (?P<offset>[Zz]|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?
    )?
    (?P<suffix>(?:\[[^\[\]]*\])*)
    """,
    re.VERBOSE | re.ASCII,
)
_OFFSET: Final = re.compile(
    r"(?P<sign>[+-])(?P<h>\d{2})(?::?(?P<m>\d{2})(?::?(?P<s>\d{2}))?)?", re.ASCII
)
_TAG: Final = re.compile(
    r"(?P<critical>!?)(?P<key>[a-z_][a-z0-9_-]*)=(?P<value>[A-Za-z0-9-]+)", re.ASCII
)
_CALENDARS: Final = frozenset({"gregory", "iso8601"})


class Parsed(NamedTuple):
    """The parts of a parsed time, before they become a When."""

    earliest: datetime
    latest: datetime
    precision: Precision
    zone: str | None
    wall: datetime | None = None
    """The local wall time, when the text gave one without an offset (resolved through the zone)."""


def foreign_digit(text: str) -> str | None:
    """Why ``text`` cannot be read as written: a decimal digit other than ASCII 0-9; else None.

    ISO 8601, RFC 3339 and EDTF write digits as ASCII, and so do the phrases read here. Other
    scripts' digits (Arabic-Indic, fullwidth, mathematical bold) are refused, not translated: in
    right-to-left text they can be shown in another order than they are read, and a number that
    looks like 2022 must not be read as something else.

    >>> foreign_digit("２０２２")
    "'２' (FULLWIDTH DIGIT TWO) is not an ASCII digit; write digits as 0-9"
    """
    for char in text:
        if char.isdecimal() and not char.isascii():
            name = unicodedata.name(char, "a decimal digit")
            return f"{char!r} ({name}) is not an ASCII digit; write digits as 0-9"
    return None


def _fail(text: str, why: str) -> TimeParseError:
    return TimeParseError(f"cannot read {cut(text)} as a time: {why}", text=text)


def _split_window(text: str) -> list[str]:
    """Split ``A/B`` on a slash outside brackets (zone keys contain slashes)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "/" and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _suffix_zone(text: str, suffix: str) -> str | None:
    """The zone named in RFC 9557 brackets, after checking any tags."""
    zone: str | None = None
    for body in re.findall(r"\[([^\[\]]*)\]", suffix):
        tag = _TAG.fullmatch(body)
        if tag is not None:
            if tag["key"] == "u-ca" and tag["value"] not in _CALENDARS:
                raise _fail(text, f"only the Gregorian calendar is supported, not {tag['value']!r}")
            if tag["critical"] and tag["key"] != "u-ca":
                raise _fail(text, f"unknown critical tag [{body}]")
            continue
        name = body.removeprefix("!")
        if zone is not None:
            raise _fail(text, "more than one time zone in brackets")
        zone = validate_zone(name, where=f"in {cut(text)}")
    return zone


def _offset(text: str, raw: str) -> timedelta | None:
    """The offset written in the text; None for ``Z`` and ``-00:00`` (UTC, local offset unknown)."""
    if raw in ("Z", "z"):
        return None
    match = _OFFSET.fullmatch(raw)
    if match is None:  # pragma: no cover - the outer pattern only lets offsets through
        raise _fail(text, f"bad offset {raw!r}")
    hours, minutes, seconds = int(match["h"]), int(match["m"] or 0), int(match["s"] or 0)
    if hours > 23 or minutes > 59 or seconds > 59:
        raise _fail(text, f"offset {raw} is out of range")
    size = timedelta(hours=hours, minutes=minutes, seconds=seconds)
    if match["sign"] == "-":
        if not size:
            return None  # RFC 3339: -00:00 means UTC with the local offset unknown
        return -size
    return size


def format_offset(offset: timedelta) -> str:
    """``+04:00``, ``-03:30``, or ``+00:09:21`` for offsets with seconds (old local mean time)."""
    sign = "-" if offset < timedelta(0) else "+"
    seconds = abs(int(offset.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    return f"{text}:{seconds:02d}" if seconds else text


def _clock(text: str, match: re.Match[str]) -> tuple[Precision, int, int, int, int]:
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    second = int(match["second"] or 0)
    fraction = match["fraction"] or ""
    if hour == 24:
        raise _fail(text, "24:00 is not accepted; write 00:00 of the next day")
    if hour > 23 or minute > 59:
        raise _fail(text, "hour or minute out of range")
    if second == 60:
        raise _fail(text, "leap seconds (:60) cannot be represented; use :59.999999")
    if second > 59:
        raise _fail(text, "second out of range")
    if len(fraction) > 6 and fraction[6:].strip("0"):
        raise _fail(text, "fractions of a second finer than a microsecond are not kept")
    microsecond = int((fraction + "000000")[:6])
    if match["second"] is not None:
        precision = Precision.SECOND
    elif match["minute"] is not None:
        precision = Precision.MINUTE
    else:
        precision = Precision.HOUR
    return precision, hour, minute, second, microsecond


def _parse_single(
    text: str, *, zone: str | None, disambiguation: Disambiguation, where: str | None = None
) -> Parsed:
    match = _SINGLE.fullmatch(text.strip())
    if match is None:
        raise _fail(
            text,
            foreign_digit(text)
            or "expected ISO 8601 such as '2022-09-13T02:30+04:00[Asia/Yerevan]', "
            "'2022-09-13', '2020-09' or '1992'",
        )
    bracket_zone = _suffix_zone(text, match["suffix"])
    if (
        bracket_zone is not None
        and zone is not None
        and canonical_zone(bracket_zone) != canonical_zone(zone)
    ):
        raise _fail(text, f"it names zone {bracket_zone!r} but zone={zone!r} was passed")
    named_zone = bracket_zone or zone
    year, month, day = int(match["year"]), match["month"], match["day"]
    try:
        start = date(year, int(month or 1), int(day or 1))
    except ValueError as error:
        raise _fail(text, str(error)) from None
    if match["hour"] is None:
        precision = Precision.DAY if day else Precision.MONTH if month else Precision.YEAR
        earliest, latest = period_bounds(precision, start, named_zone)
        return Parsed(earliest, latest, precision, named_zone)
    if day is None:
        raise _fail(text, "a time of day needs a full date")
    precision, hour, minute, second, microsecond = _clock(text, match)
    wall = datetime(year, start.month, start.day, hour, minute, second, microsecond)  # noqa: DTZ001
    raw_offset = match["offset"]
    if raw_offset is None:
        if named_zone is None:
            raise _fail(
                text,
                "a time of day with no offset and no zone is ambiguous; write the offset "
                "('2022-09-13T02:30+04:00') or the zone ('2022-09-13T02:30[Asia/Yerevan]'), "
                "or use When.local(wall, zone=...)",
            )
        instant = resolve_local(wall, named_zone, disambiguation, where=where or f"in {cut(text)}")
        on_clocks = _local(instant, named_zone)
        if on_clocks is not None and (on_clocks[0].second, on_clocks[0].microsecond) != (0, 0):
            # A gap or fold of seconds (old local mean times) moved it off the whole minute.
            precision = Precision.SECOND
        return Parsed(instant, instant, precision, named_zone, wall)
    offset = _offset(text, raw_offset)
    try:
        instant = (wall - (offset or timedelta(0))).replace(tzinfo=UTC)
    except OverflowError:
        raise _fail(text, "outside the range of datetime") from None
    if offset is None:
        return Parsed(instant, instant, precision, named_zone)
    if named_zone is None:
        return Parsed(instant, instant, precision, format_offset(offset))
    actual = instant.astimezone(zone_tzinfo(named_zone)).utcoffset()
    if actual != offset:
        shown = format_offset(actual) if actual is not None else "?"
        raise _fail(
            text, f"offset {raw_offset} does not match {named_zone} at that instant ({shown})"
        )
    return Parsed(instant, instant, precision, named_zone)


def parse_when(
    text: str,
    *,
    zone: str | None = None,
    disambiguation: Disambiguation = "raise",
    where: str | None = None,
) -> Parsed:
    """Read ``text`` (see the module docs for the forms). Raises :class:`TimeParseError`."""
    if not isinstance(text, str):
        raise TimeParseError(f"expected a string, got {type(text).__name__}", text=repr(text))
    if zone is not None:
        validate_zone(zone)
    parts = _split_window(text)
    if len(parts) == 1:
        return _parse_single(text, zone=zone, disambiguation=disambiguation, where=where)
    if len(parts) != 2 or not all(parts):
        raise _fail(
            text,
            "expected ISO 8601 dates (YYYY-MM-DD); a window is written 'start/end', "
            "with one slash outside brackets",
        )
    first = _parse_single(parts[0], zone=zone, disambiguation=disambiguation)
    second = _parse_single(parts[1], zone=zone, disambiguation=disambiguation)
    if second.earliest < first.earliest:
        raise _fail(text, "the window ends before it starts")
    common = first.zone if first.zone == second.zone else None
    return Parsed(first.earliest, second.latest, Precision.SPAN, common)


def _local(moment: datetime, zone: str | None) -> tuple[datetime, str] | None:
    """The wall time and the offset text for ``moment`` in ``zone``; None if out of range."""
    if zone is None:
        return moment.replace(tzinfo=None), "Z"
    try:
        local = moment.astimezone(zone_tzinfo(zone))
    except OverflowError:
        return None
    offset = local.utcoffset() or timedelta(0)
    suffix = format_offset(offset)
    if not zone.startswith(("+", "-")):
        suffix += f"[{zone}]"
    return local.replace(tzinfo=None), suffix


def format_zoned_instant(moment: datetime, zone: str | None, precision: Precision | None) -> str:
    """An instant as RFC 9557 text, written to ``precision`` (hour, minute or second).

    With ``precision=None``, to the minute when the local clock shows a whole minute, else to the
    second (and microsecond): whatever reads back as the same instant.
    """
    shown = _local(moment, zone)
    if shown is None:  # cannot be shown on local clocks: write it in UTC, keep the zone
        wall, suffix = moment.replace(tzinfo=None), f"Z[{zone}]"
        precision = Precision.SECOND
    else:
        wall, suffix = shown
    if precision is None:
        whole_minute = wall.second == 0 and wall.microsecond == 0
        precision = Precision.MINUTE if whole_minute else Precision.SECOND
    if precision is Precision.HOUR:
        clock = f"{wall:%H}"
    elif precision is Precision.MINUTE:
        clock = f"{wall:%H:%M}"
    else:
        clock = wall.time().isoformat()
    return f"{wall.date().isoformat()}T{clock}{suffix}"


def format_when(
    earliest: datetime, latest: datetime, precision: Precision, zone: str | None
) -> str:
    """The canonical text of a When; :func:`parse_when` reads it back to the same parts."""
    if precision.is_calendar:
        start = period_start(precision, earliest, latest, zone)
        label = period_label(precision, start)
        return label if zone is None else f"{label}[{zone}]"
    if precision.is_clock:
        return format_zoned_instant(earliest, zone, precision)
    return "/".join(format_zoned_instant(bound, zone, None) for bound in (earliest, latest))


def check_shape(
    earliest: datetime, latest: datetime, precision: Precision, zone: str | None
) -> None:
    """Raise :class:`InvalidTimeError` unless the bounds are what ``precision`` says they are."""
    if earliest > latest:
        raise InvalidTimeError(
            f"earliest {earliest.isoformat()} is after latest {latest.isoformat()}"
        )
    if precision is Precision.SPAN:
        return
    if precision.is_clock:
        if earliest != latest:
            raise InvalidTimeError(
                f"a {precision.value}-precision When is an exact instant, "
                "but its earliest and latest differ"
            )
        if precision is Precision.SECOND:
            return  # any instant is a whole second, to the microsecond
        try:
            wall = earliest if zone is None else earliest.astimezone(zone_tzinfo(zone))
        except OverflowError:
            raise InvalidTimeError("instant cannot be shown on local clocks in its zone") from None
        extra: tuple[int, ...] = (wall.second, wall.microsecond)
        if precision is Precision.HOUR:
            extra = (wall.minute, *extra)
        if any(extra):
            raise InvalidTimeError(
                f"{wall.replace(tzinfo=None).isoformat()} is not a whole {precision.value} on "
                "local clocks; use a finer precision"
            )
        return
    if zone is not None and is_whole_period(precision, earliest, latest, zone):
        return
    start = period_start(precision, earliest, latest, zone)
    expected = period_bounds(precision, start, zone)
    if (earliest, latest) != expected:
        raise InvalidTimeError(
            f"bounds {earliest.isoformat()} – {latest.isoformat()} are not the whole "
            f"{precision.value} {period_label(precision, start)}"
            + (f" in {zone}" if zone else " somewhere on Earth")
        )
