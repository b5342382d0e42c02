"""Imprecise time phrases from reports ("the early hours of Tuesday") resolved into a When.

:func:`resolve_phrase` reads a phrase against the report's publication time (the *anchor*, itself
often a whole day) and the zone whose "local time" it speaks of; its documentation lists every
form and rule. Three principles:

- It never guesses. A phrase it does not know raises :class:`UnknownPhraseError`, listing the
  forms it knows; so does one that could mean two things ("the 2000s": a decade or a century?).
- It never picks one date for a vague anchor. Each possible local date of the anchor is a reading;
  differing readings give the window that covers them all.
- It never moves a time to another day. A day the zone skipped, or a wall time it skipped or
  repeated (unless a ``disambiguation`` is chosen), raises.

Widths are explicit and overridable: :class:`DayParts` (early hours 00:00–06:00, morning
06:00–12:00, afternoon 12:00–18:00, evening 18:00–24:00, night 18:00–06:00) and
:class:`DecadeParts` (early years 0–4, mid 3–7, late 6–9: the words are vague, so they overlap).

>>> report = When.day("2022-09-13", zone="Asia/Yerevan")  # a Tuesday
>>> str(resolve_phrase("midnight", anchor=report, zone="Asia/Yerevan"))
'2022-09-13T00:00+04:00[Asia/Yerevan]'
>>> str(resolve_phrase("in the early hours of Tuesday", anchor=report, zone="Asia/Yerevan"))
'2022-09-13T00:00+04:00[Asia/Yerevan]/2022-09-13T05:59:59.999999+04:00[Asia/Yerevan]'
>>> str(resolve_phrase("over the weekend", anchor=report, zone="Asia/Baku"))
'2022-09-10T00:00+04:00[Asia/Baku]/2022-09-11T23:59:59.999999+04:00[Asia/Baku]'
>>> resolve_phrase("the 1990s ago", anchor=report, zone="Asia/Yerevan")
Traceback (most recent call last):
...
diplomacy_ledger.UnknownPhraseError: unknown time phrase 'the 1990s ago'; understood ...
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Final, Literal, get_args

import attrs

from diplomacy_ledger._errors import (
    InvalidTimeError,
    InvalidValueError,
    LedgerError,
    SkippedTimeError,
    UnknownPhraseError,
)
from diplomacy_ledger.time._calendar import EARTH_EAST, EARTH_WEST, Precision, period_bounds
from diplomacy_ledger.time._instants import UTC_MAX, UTC_MIN
from diplomacy_ledger.time._when import Span, When
from diplomacy_ledger.time._zones import (
    Disambiguation,
    first_instant_at_or_after,
    last_instant_before,
    validate_zone,
    zone_tzinfo,
)

__all__ = [
    "DEFAULT_DAY_PARTS",
    "DEFAULT_DECADE_PARTS",
    "DayParts",
    "DecadeParts",
    "PhraseKind",
    "PhraseReading",
    "Tense",
    "read_phrase",
    "resolve_phrase",
]

Tense = Literal["past", "future"]


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


@attrs.frozen
class DecadeParts:
    """Which years of a decade "early", "mid" and "late" cover: inclusive offsets from 0 to 9.

    >>> DecadeParts(early=(0, 3)).early
    (0, 3)
    """

    early: tuple[int, int] = attrs.field(default=(0, 4), validator=_check_years)
    mid: tuple[int, int] = attrs.field(default=(3, 7), validator=_check_years)
    late: tuple[int, int] = attrs.field(default=(6, 9), validator=_check_years)


DEFAULT_DAY_PARTS: Final = DayParts()
DEFAULT_DECADE_PARTS: Final = DecadeParts()

_ONE_MICROSECOND: Final = timedelta(microseconds=1)
_MAX_ANCHOR_DATES: Final = 4000  # about eleven years: every date is read, so keep it bounded
_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS: Final = "janfebmaraprmayjunjulaugsepoctnovdec"  # month n at 3 * (n - 1)
_SHIFTS: Final = {"yesterday": -1, "today": 0, "tomorrow": 1}
_NAMED_CLOCKS: Final = {"midnight": (0, 0), "noon": (12, 0), "midday": (12, 0)}

_DAY: Final = rf"(?:{'|'.join(_WEEKDAYS)}|{'|'.join(_SHIFTS)})"
_PART: Final = r"(?:early hours|morning|afternoon|evening|night)"
_MONTH: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_CLOCK: Final = (
    r"(?:midnight|noon|midday"
    r"|(?P<h24>\d{1,2}):(?P<m24>\d{2})"
    r"|(?P<h12>\d{1,2})(?::(?P<m12>\d{2}))? ?(?P<half>[ap])\.?m\.?)"
)
_FILLER: Final = re.compile(r"^(?:(?:at|on|in|from|during|the) )+")
_ONE_SIDED: Final = re.compile(
    r"^(?P<word>by|no later than|not later than|before|after|until|till|up until|since) "
    r"(?P<rest>.+)"
)
_QUOTES: Final = str.maketrans("‘’‛“”‐‑", "'''\"\"--")
_DATE: Final = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR: Final = r"(?P<year>\d{4})"

_FORMS: Final = {
    "clock": re.compile(
        rf"(?:(?P<before>{_DAY}),? (?:at )?)?(?P<clock>{_CLOCK})(?: \(?local time\)?)?"
        rf"(?:,? (?:on )?(?P<after>{_DAY}))?"
    ),
    "day": re.compile(rf"(?P<day>{_DAY})"),
    "part_of": re.compile(rf"(?P<part>{_PART}) of (?P<day>{_DAY})"),
    "day_part": re.compile(rf"(?P<day>{_DAY}) (?P<part>{_PART})"),
    "this": re.compile(r"this (?P<part>morning|afternoon|evening)|(?P<night>tonight|last night)"),
    "weekend": re.compile(r"(?P<last>last )?(?:over (?:the )?)?weekend"),
    "year": re.compile(_YEAR),
    "month": re.compile(rf"(?P<month>{_MONTH}) (?:of )?{_YEAR}"),
    "dmy": re.compile(rf"{_DATE} (?:of )?(?P<month>{_MONTH}),? {_YEAR}"),
    "mdy": re.compile(rf"(?P<month>{_MONTH}) {_DATE},? {_YEAR}"),
    "decade": re.compile(r"(?:(?P<part>early|mid|late)[ -])?(?P<decade>\d{3}0)'?s"),
}
_UNDERSTOOD: Final = (
    "midnight, noon, HH:MM [local time], H[:MM] a.m./p.m., each optionally with '[on] <day>'; "
    "a weekday, yesterday, today or tomorrow; early hours/morning/afternoon/evening/night of "
    "<day> or <day> morning (etc.), this morning/afternoon/evening, tonight, last night; "
    "(over/at) the weekend, last weekend; September 2020, 13 September 2022, September 13, 2022, "
    "2020; the 1990s, early/mid/late 1990s"
)

_Reading = Callable[[date], When]  # a relative phrase: what it names on one anchor date


class PhraseKind(enum.Enum):
    """What a phrase says about the time ``T`` it names: the time itself, or a bound.

    - ``AT``: the time is ``T`` ("on Tuesday", "in 1994").
    - ``BY``: at or before the end of ``T`` ("by 1994", "no later than Tuesday"): a When from
      the start of time to ``T``'s latest bound.
    - ``BEFORE``: strictly before ``T`` began ("before Tuesday"): a When up to the last
      microsecond before ``T``'s earliest bound.
    - ``AFTER``: strictly after ``T`` ended ("after midnight"): a When from the microsecond after
      ``T``'s latest bound to the end of time.
    - ``SINCE``: something that began in ``T`` and is ongoing as of the anchor ("since 1994"): a
      :class:`~diplomacy_ledger.Span`.
    - ``UNTIL``: something that ended in ``T`` and began at some unknown time no later than
      ``T``'s end ("until Tuesday", "till 1994"): a :class:`~diplomacy_ledger.Span`.
    """

    AT = "at"
    BY = "by"
    BEFORE = "before"
    AFTER = "after"
    SINCE = "since"
    UNTIL = "until"

    @property
    def is_span(self) -> bool:
        """True for the kinds whose value is a Span (``SINCE``, ``UNTIL``)."""
        return self in (PhraseKind.SINCE, PhraseKind.UNTIL)


_KIND_OF_WORD: Final = {
    "by": PhraseKind.BY,
    "no later than": PhraseKind.BY,
    "not later than": PhraseKind.BY,
    "before": PhraseKind.BEFORE,
    "after": PhraseKind.AFTER,
    "until": PhraseKind.UNTIL,
    "till": PhraseKind.UNTIL,
    "up until": PhraseKind.UNTIL,
    "since": PhraseKind.SINCE,
}


@attrs.frozen
class PhraseReading:
    """What :func:`read_phrase` found: the kind of phrase, the time it names, and its value.

    ``named`` is the time ``T`` the phrase speaks of ("Tuesday" in "by Tuesday"); ``value`` is
    what the phrase says happened: ``named`` itself for :attr:`PhraseKind.AT`, a one-sided
    :class:`~diplomacy_ledger.When` for ``BY``, ``BEFORE`` and ``AFTER``, a
    :class:`~diplomacy_ledger.Span` for ``SINCE`` and ``UNTIL``.

    >>> report = When.day("2022-09-13", zone="Asia/Yerevan")
    >>> reading = read_phrase("by Tuesday", anchor=report, zone="Asia/Yerevan")
    >>> reading.kind
    <PhraseKind.BY: 'by'>
    >>> reading.when.latest == reading.named.latest
    True
    """

    kind: PhraseKind
    named: When
    value: When | Span

    @property
    def when(self) -> When:
        """The value as a When; raises :class:`InvalidTimeError` for a Span (since, until)."""
        if isinstance(self.value, Span):
            raise InvalidTimeError(
                f"{self.named.text!r} names a Span ({self.kind.value} {self.named}), not a When: "
                "read .value or .span"
            )
        return self.value

    @property
    def span(self) -> Span:
        """The value as a Span; raises :class:`InvalidTimeError` for a When."""
        if not isinstance(self.value, Span):
            raise InvalidTimeError(
                f"{self.named.text!r} names a When ({self.kind.value}), not a Span: read .when"
            )
        return self.value


@attrs.frozen
class _Context:
    phrase: str
    zone: str
    tense: Tense
    disambiguation: Disambiguation
    day_parts: DayParts
    decade_parts: DecadeParts

    def unknown(self, why: str = "") -> UnknownPhraseError:
        return UnknownPhraseError(
            f"unknown time phrase {self.phrase!r}{why}; understood forms: {_UNDERSTOOD}",
            text=self.phrase,
        )

    def whole_day(self, day: date) -> When:
        return When.day(day, zone=self.zone, text=self.phrase)

    def window(self, start: datetime, end: datetime) -> When:
        """From the first instant clocks showed ``start`` to the last before they showed ``end``."""
        earliest = first_instant_at_or_after(start, self.zone)
        latest = last_instant_before(end, self.zone)
        if latest < earliest:
            raise SkippedTimeError(
                f"{self.phrase!r}: the zone skipped all of {start.isoformat(' ')} to "
                f"{end.isoformat(' ')}",
                wall=start.isoformat(" "),
                zone=self.zone,
            )
        return When(earliest, latest, Precision.SPAN, self.zone, text=self.phrase)

    def part(self, day: date, name: str) -> When:
        self.whole_day(day)  # raises SkippedTimeError if the zone skipped the day itself
        bounds: tuple[time, time] = getattr(self.day_parts, name.replace(" ", "_"))
        start, end = bounds
        end_day = day if end > start else day + timedelta(days=1)
        return self.window(datetime.combine(day, start), datetime.combine(end_day, end))

    def target(self, word: str, anchor_day: date) -> date:
        """The date a day word (weekday, yesterday, today, tomorrow) names from ``anchor_day``."""
        if word in _SHIFTS:
            return anchor_day + timedelta(days=_SHIFTS[word])
        back = (anchor_day.weekday() - _WEEKDAYS.index(word)) % 7
        if self.tense == "past":
            return anchor_day - timedelta(days=back)
        return anchor_day + timedelta(days=(7 - back) % 7)

    def clock(self, match: re.Match[str], day: date) -> When:
        self.whole_day(day)
        if match["clock"] in _NAMED_CLOCKS:
            hour, minute = _NAMED_CLOCKS[match["clock"]]
        elif match["h24"] is not None:
            hour, minute = int(match["h24"]), int(match["m24"])
        else:
            hour, minute = int(match["h12"]) % 12, int(match["m12"] or 0)
            hour += 12 if match["half"] == "p" else 0
        wall = f"{day.isoformat()} {hour:02d}:{minute:02d}"
        return When.local(
            wall, zone=self.zone, disambiguation=self.disambiguation, text=self.phrase
        )

    def weekend(self, anchor_day: date, last: bool) -> When:
        weekday = anchor_day.weekday()
        if self.tense == "past" or last or weekday >= 5:
            saturday = anchor_day - timedelta(days=(weekday - 5) % 7)
        else:
            saturday = anchor_day + timedelta(days=5 - weekday)
        monday = saturday + timedelta(days=2)
        if last and weekday >= 5:  # said during a weekend: this one or the one before
            saturday -= timedelta(days=7)
        return self.window(datetime.combine(saturday, time()), datetime.combine(monday, time()))


def _normalise(phrase: str) -> str:
    text = " ".join(phrase.translate(_QUOTES).casefold().split())
    text = text.strip("\"' ").rstrip(",;")
    text = text[:-1] if text.endswith(".") and not text.endswith("m.") else text
    return _FILLER.sub("", text)


def _valid_clock(match: re.Match[str]) -> bool:
    if match["h24"] is not None:
        return int(match["h24"]) <= 23 and int(match["m24"]) <= 59
    if match["h12"] is not None:
        return 1 <= int(match["h12"]) <= 12 and int(match["m12"] or 0) <= 59
    return True


def _absolute(form: str, match: re.Match[str], ctx: _Context) -> When:
    """A phrase that names its own date: a day, month, year or (part of a) decade."""
    if form == "decade":
        start = int(match["decade"])
        if start % 100 == 0:
            raise ctx.unknown(f": the {start}s may be the decade {start}–{start + 9} or a century")
        years: tuple[int, int] = getattr(ctx.decade_parts, match["part"] or "", (0, 9))
        first, last = years
        earliest, _ = period_bounds(Precision.YEAR, date(start + first, 1, 1), ctx.zone)
        _, latest = period_bounds(Precision.YEAR, date(start + last, 1, 1), ctx.zone)
        return When(earliest, latest, Precision.SPAN, ctx.zone, text=ctx.phrase)
    year = int(match["year"])
    if year == 0:
        raise ctx.unknown(": there is no year 0")
    if form == "year":
        return When.year(year, zone=ctx.zone, text=ctx.phrase)
    month = _MONTHS.index(match["month"][:3]) // 3 + 1
    if form == "month":
        return When.month(year, month, zone=ctx.zone, text=ctx.phrase)
    try:
        day = date(year, month, int(match["day"]))
    except ValueError as error:
        raise ctx.unknown(f": {error}") from None
    return ctx.whole_day(day)


def _relative(form: str, match: re.Match[str], ctx: _Context) -> _Reading:
    """A phrase read against an anchor date: the function from that date to the When."""
    if form == "clock":
        word = match["before"] or match["after"] or "today"
        return lambda day: ctx.clock(match, ctx.target(word, day))
    if form == "day":
        return lambda day: ctx.whole_day(ctx.target(match["day"], day))
    if form in {"part_of", "day_part"}:
        return lambda day: ctx.part(ctx.target(match["day"], day), match["part"])
    if form == "this":
        night = match["night"]
        word = "yesterday" if night == "last night" else "today"
        part = "night" if night else match["part"]
        return lambda day: ctx.part(ctx.target(word, day), part)
    last = match["last"] is not None
    return lambda day: ctx.weekend(day, last)


def _stated_dates(anchor: When) -> tuple[date, date] | None:
    """The dates a zone-less anchor names, when it is whole dates *somewhere on Earth*.

    A report dated 13 September with no zone was written on the 13th on its writer's calendar,
    whatever the zone: its "Tuesday" is read from the 13th, not from each date the 50 hours of
    "the 13th somewhere" cover in the phrase's zone (the 12th to the 14th, an 8-day window for a
    weekday that is mostly not that weekday).
    """
    if anchor.zone is not None or not (
        anchor.precision.is_calendar or anchor.precision is Precision.SPAN
    ):
        return None
    try:
        start = anchor.earliest + EARTH_EAST
        after = anchor.latest + _ONE_MICROSECOND + EARTH_WEST
    except OverflowError:
        return None
    if start.time() != time() or after.time() != time() or after.date() <= start.date():
        return None
    return start.date(), after.date() - timedelta(days=1)


def _anchor_dates(anchor: When, zone: str) -> list[date]:
    """The anchor's possible local dates in ``zone`` (or as stated, see below) that occurred.

    Every local date in ``zone`` from the anchor's earliest to its latest bound; for an anchor
    that is whole dates with no zone, those dates themselves (:func:`_stated_dates`).
    """
    rules = zone_tzinfo(zone)
    stated = _stated_dates(anchor)
    try:
        first, last = stated or (
            anchor.earliest.astimezone(rules).date(),
            anchor.latest.astimezone(rules).date(),
        )
    except OverflowError:
        raise InvalidTimeError(f"the anchor {anchor} has no end on the calendar") from None
    count = (last - first).days + 1
    if count > _MAX_ANCHOR_DATES:
        raise InvalidTimeError(
            f"the anchor {anchor} spans {count} local dates; a relative phrase can be read "
            f"against at most {_MAX_ANCHOR_DATES}"
        )
    dates = [first + timedelta(days=offset) for offset in range(count)]
    return [day for day in dates if day in (first, last) or _occurred(day, zone)]


def _occurred(day: date, zone: str) -> bool:
    try:
        period_bounds(Precision.DAY, day, zone)
    except SkippedTimeError:
        return False
    return True


def resolve_phrase(
    phrase: str,
    *,
    anchor: When,
    zone: str,
    tense: Tense = "past",
    disambiguation: Disambiguation = "raise",
    day_parts: DayParts = DEFAULT_DAY_PARTS,
    decade_parts: DecadeParts = DEFAULT_DECADE_PARTS,
) -> When:
    """The When a report's time ``phrase`` names, read against the report's time ``anchor``.

    ``zone`` is the IANA zone (or ``"+HH:MM"`` offset) whose clocks the phrase uses. The result
    keeps ``phrase`` as its ``text``. Case does not matter, runs of white space count as one,
    typographic quotes and apostrophes count as plain ones, and leading filler words (``at``,
    ``on``, ``in``, ``from``, ``during``, ``the``, and runs such as ``in the``) are dropped.
    One-sided phrases are bounds, not filler (see :func:`read_phrase`): ``by T``, ``before T`` and
    ``after T`` return a one-sided When (``by 1994`` ends with 1994 and has no start), and
    ``since T`` and ``until T``, which name a Span, raise :class:`UnknownPhraseError`. The forms:

    - ``midnight``: 00:00 at the *start* of the day (some writers mean the midnight that ends it;
      "midnight on Tuesday" is read as the one that begins Tuesday). ``noon``, ``midday``: 12:00.
    - ``02:30``, ``02:30 local time``, ``2:30 a.m.``, ``2 pm``: that wall time, an exact instant
      to the minute, read with ``disambiguation`` (default: a skipped or repeated time raises).
    - A clock time may name its day: ``midnight on Tuesday``, ``Tuesday at 02:30``, ``noon
      yesterday``; without one it is on the anchor date.
    - A weekday (``Tuesday``): the whole day, the most recent on or before the anchor date
      (``tense="past"``) or the next on or after it (``tense="future"``).
    - ``yesterday``, ``today``, ``tomorrow``: the whole day before, of, or after the anchor date.
    - ``early hours of Tuesday``, ``Tuesday morning``, ``afternoon of yesterday``, ``evening``,
      ``night``; ``this morning``/``afternoon``/``evening`` (the anchor date); ``tonight`` (the
      night beginning on the anchor date); ``last night`` (the night beginning the day before):
      from the first instant the clocks showed the part's start to the last instant (to the
      microsecond) before they showed its end; widths from ``day_parts``. A bare ``morning`` or
      ``early hours`` is refused: the anchor date's, or the next day's?
    - ``the weekend``, ``at the weekend``, ``over the weekend``: Saturday 00:00 to the end of
      Sunday, the latest weekend on or before the anchor date (its own, on a Saturday or Sunday)
      or with ``tense="future"`` the next on or after it. ``last weekend`` is always past; said
      on a Saturday or Sunday it may mean that weekend or the one before, so it covers both.
    - ``September 2020``, ``13 September 2022``, ``September 13, 2022``, ``2020`` (also ``Sept.``
      and ``13th``): the whole month, day or year in ``zone``.
    - ``the 1990s``, ``1990's``: the decade; ``early``/``mid``/``late 1990s``, ``mid-1990s``: the
      years ``decade_parts`` gives. ``the 2000s`` (decade or century?) and ``the 90s`` (which
      century?) are refused.

    The anchor's possible local dates are every date from its earliest to its latest bound on
    ``zone``'s clocks, save any date the zone skipped (at most 4000 of them). An anchor that is
    whole dates with no zone (``When.day("2022-09-13")``) is read on those dates as written: the
    writer's calendar showed them, whatever the writer's zone. A relative phrase is
    read on each: one reading is returned as it is, several give the window from the earliest to
    the latest (precision SPAN). A reading on a day the zone skipped raises
    :class:`SkippedTimeError`, as do skipped or repeated wall times under ``"raise"``.

    >>> tuesday = When.day("2022-09-13", zone="Asia/Yerevan")
    >>> str(resolve_phrase("02:30 local time", anchor=tuesday, zone="Asia/Yerevan"))
    '2022-09-13T02:30+04:00[Asia/Yerevan]'
    >>> str(resolve_phrase("Saturday", anchor=tuesday, zone="Asia/Yerevan", tense="future"))
    '2022-09-17[Asia/Yerevan]'
    >>> str(resolve_phrase("the early 1990s", anchor=tuesday, zone="Asia/Yerevan"))
    '1990-01-01T00:00+04:00[Asia/Yerevan]/1994-12-31T23:59:59.999999+03:00[Asia/Yerevan]'
    >>> days = When.between(tuesday, When.day("2022-09-14", zone="Asia/Yerevan"))
    >>> str(resolve_phrase("yesterday", anchor=days, zone="Asia/Yerevan"))
    '2022-09-12T00:00+04:00[Asia/Yerevan]/2022-09-13T23:59:59.999999+04:00[Asia/Yerevan]'
    >>> apia = When.day("2011-12-31", zone="Pacific/Apia")  # Samoa skipped Friday the 30th
    >>> resolve_phrase("Friday", anchor=apia, zone="Pacific/Apia")
    Traceback (most recent call last):
    ...
    diplomacy_ledger.SkippedTimeError: resolve_phrase('Friday'): the whole day ...
    """
    reading = read_phrase(
        phrase,
        anchor=anchor,
        zone=zone,
        tense=tense,
        disambiguation=disambiguation,
        day_parts=day_parts,
        decade_parts=decade_parts,
    )
    if reading.kind.is_span:
        raise UnknownPhraseError(
            f"{phrase!r} names a Span ({reading.kind.value} {reading.named}), not a When; "
            "read it with read_phrase(...).value",
            text=phrase,
        )
    return reading.when


def read_phrase(
    phrase: str,
    *,
    anchor: When,
    zone: str,
    tense: Tense = "past",
    disambiguation: Disambiguation = "raise",
    day_parts: DayParts = DEFAULT_DAY_PARTS,
    decade_parts: DecadeParts = DEFAULT_DECADE_PARTS,
) -> PhraseReading:
    """Read a time ``phrase`` as :func:`resolve_phrase` does, one-sided phrases included.

    A phrase may start with one bound word, ``by``, ``no later than``, ``before``, ``after``,
    ``until``, ``till``, ``up until`` or ``since``, followed by any form :func:`resolve_phrase`
    reads; the result's :class:`PhraseKind` says which, ``named`` is the time after the word and
    ``value`` what the phrase says (see :class:`PhraseKind`). Without a bound word the kind is
    ``AT`` and the value is the time named. ``since T`` needs ``T`` to begin no later than the
    anchor ends. Two bound words ("since before 1994") are refused.

    >>> report = When.day("2022-09-13", zone="Asia/Yerevan")
    >>> since = read_phrase("since 1994", anchor=report, zone="Asia/Yerevan")
    >>> since.kind, str(since.value)
    (<PhraseKind.SINCE: 'since'>, '1994[Asia/Yerevan] – (ongoing as of 2022-09-13[Asia/Yerevan])')
    >>> after = read_phrase("after midnight", anchor=report, zone="Asia/Yerevan").when
    >>> after.earliest.isoformat(), after.latest == UTC_MAX
    ('2022-09-12T20:00:00.000001+00:00', True)
    """
    validate_zone(zone, where="resolve_phrase")
    if tense not in get_args(Tense):
        raise InvalidValueError(f"tense must be 'past' or 'future', not {tense!r}")
    if disambiguation not in get_args(Disambiguation):
        raise InvalidValueError(f"disambiguation must be one of {get_args(Disambiguation)}")
    ctx = _Context(phrase, zone, tense, disambiguation, day_parts, decade_parts)
    text = _normalise(phrase)
    kind = PhraseKind.AT
    bound = _ONE_SIDED.match(text)
    if bound is not None:
        kind = _KIND_OF_WORD[bound["word"]]
        text = _FILLER.sub("", bound["rest"])
        if _ONE_SIDED.match(text):
            raise ctx.unknown(": one bound word at most")
    named = _named(text, anchor, ctx)
    return PhraseReading(kind, named, _bounded(kind, named, anchor, ctx))


def _bounded(kind: PhraseKind, named: When, anchor: When, ctx: _Context) -> When | Span:
    """What a phrase of ``kind`` says, given the time ``named`` after its bound word."""
    zone, words = named.zone, ctx.phrase
    if kind is PhraseKind.AT:
        return named
    if kind is PhraseKind.BY:
        return When(UTC_MIN, named.latest, Precision.SPAN, zone, text=words)
    if kind is PhraseKind.BEFORE:
        if named.earliest == UTC_MIN:
            raise InvalidTimeError(f"{words!r}: nothing is before the start of the calendar")
        return When(UTC_MIN, named.earliest - _ONE_MICROSECOND, Precision.SPAN, zone, text=words)
    if kind is PhraseKind.AFTER:
        if named.latest == UTC_MAX:
            raise InvalidTimeError(f"{words!r}: nothing is after the end of the calendar")
        return When(named.latest + _ONE_MICROSECOND, UTC_MAX, Precision.SPAN, zone, text=words)
    if kind is PhraseKind.SINCE:
        if named.earliest > anchor.latest:
            raise InvalidTimeError(
                f"{words!r}: {named} begins after the anchor {anchor} ends, so nothing can have "
                "lasted since then as of it"
            )
        return Span(named, ongoing_as_of=anchor)
    start = When(UTC_MIN, named.latest, Precision.SPAN, zone, text=words)
    return Span(start, named)


def _named(text: str, anchor: When, ctx: _Context) -> When:
    """The When a phrase without a bound word names (``text`` is normalised)."""
    phrase, zone = ctx.phrase, ctx.zone
    form, match = next(
        ((name, found) for name, pattern in _FORMS.items() if (found := pattern.fullmatch(text))),
        ("", None),
    )
    if match is None or (form == "clock" and not _valid_clock(match)):
        raise ctx.unknown()
    try:
        if form in {"year", "month", "dmy", "mdy", "decade"}:
            return _absolute(form, match, ctx)
        reading = _relative(form, match, ctx)
        results = {reading(day) for day in _anchor_dates(anchor, zone)}
    except OverflowError:
        raise InvalidTimeError(f"{phrase!r} falls outside the supported calendar") from None
    except LedgerError as error:
        if not isinstance(error, UnknownPhraseError):
            error.at(f"resolve_phrase({phrase!r})")
        raise
    if len(results) == 1:
        return results.pop()
    earliest = min(result.earliest for result in results)
    latest = max(result.latest for result in results)
    return When(earliest, latest, Precision.SPAN, zone, text=phrase)
