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

import calendar
import enum
import functools
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
from diplomacy_ledger._repr import python_repr
from diplomacy_ledger.time._calendar import EARTH_EAST, EARTH_WEST, Precision, period_bounds
from diplomacy_ledger.time._instants import UTC_MAX, UTC_MIN
from diplomacy_ledger.time._phrase_forms import (
    ABSOLUTE,
    COUNTS,
    FILLER,
    FORMS,
    MONTHS,
    NAMED_CLOCKS,
    NAMED_ZONES,
    ONE_SIDED,
    QUOTES,
    SHIFTS,
    UNDERSTOOD,
    WEEKDAYS,
    ZONE_SUFFIX,
)
from diplomacy_ledger.time._phrase_widths import (
    DEFAULT_DAY_PARTS,
    DEFAULT_DECADE_PARTS,
    DEFAULT_WIDTHS,
    DayParts,
    DecadeParts,
    PhraseWidths,
)
from diplomacy_ledger.time._when import Span, When
from diplomacy_ledger.time._zones import (
    WallPolicy,
    available_zones,
    canonical_zone,
    first_instant_at_or_after,
    last_instant_before,
    validate_zone,
    zone_tzinfo,
)

__all__ = [
    "DEFAULT_DAY_PARTS",
    "DEFAULT_DECADE_PARTS",
    "DEFAULT_WIDTHS",
    "DayParts",
    "DecadeParts",
    "PhraseKind",
    "PhraseReading",
    "PhraseWidths",
    "Tense",
    "read_phrase",
    "resolve_phrase",
]

_ONE_MICROSECOND: Final = timedelta(microseconds=1)
_MAX_ANCHOR_DATES: Final = 4000  # about eleven years: every date is read, so keep it bounded

Tense = Literal["past", "future"]


_Reading = Callable[[date], When]  # a relative phrase: what it names on one anchor date


@python_repr
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


@python_repr
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
    PhraseKind.BY
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
    disambiguation: WallPolicy
    day_parts: DayParts
    decade_parts: DecadeParts
    widths: PhraseWidths = DEFAULT_WIDTHS

    def unknown(self, why: str = "") -> UnknownPhraseError:
        return UnknownPhraseError(
            f"unknown time phrase {self.phrase!r}{why}; understood forms: {UNDERSTOOD}",
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
        if word in SHIFTS:
            return anchor_day + timedelta(days=SHIFTS[word])
        back = (anchor_day.weekday() - WEEKDAYS.index(word)) % 7
        if self.tense == "past":
            return anchor_day - timedelta(days=back)
        return anchor_day + timedelta(days=(7 - back) % 7)

    def clock(self, match: re.Match[str], day: date) -> When:
        self.whole_day(day)
        if match["clock"] in NAMED_CLOCKS:
            hour, minute = NAMED_CLOCKS[match["clock"]]
        elif match["h24"] is not None:
            hour, minute = int(match["h24"]), int(match["m24"])
        else:
            hour, minute = int(match["h12"]) % 12, int(match["m12"] or 0)
            hour += 12 if match["half"] == "p" else 0
        if hour == 24:  # 24:00 is the midnight that ends the day
            day, hour = day + timedelta(days=1), 0
        wall = f"{day.isoformat()} {hour:02d}:{minute:02d}"
        return When.local(
            wall, zone=self.zone, disambiguation=self.disambiguation, text=self.phrase
        )

    def near(self, match: re.Match[str], day: date) -> When:
        """Around, or shortly after or before, a clock time: widths of elapsed time."""
        instant = self.clock(match, day).earliest
        near = match["near"]
        if near in {"around", "about"}:
            width = self.widths.around
            earliest, latest = instant - width, instant + width
        elif near == "shortly after":
            earliest, latest = instant + _ONE_MICROSECOND, instant + self.widths.shortly
        else:
            earliest, latest = instant - self.widths.shortly, instant - _ONE_MICROSECOND
        return When(earliest, latest, Precision.SPAN, self.zone, text=self.phrase)

    def days(self, first: date, last: date) -> When:
        """From the start of ``first`` to the end of ``last``, local dates."""
        start = datetime.combine(first, time())
        return self.window(start, datetime.combine(last + timedelta(days=1), time()))

    def closest(
        self, anchor_day: date, period: Callable[[int], tuple[date, date]]
    ) -> tuple[date, date]:
        """A yearless period (``period(year)`` gives its dates) nearest the anchor date.

        The latest that began on or before it (past), or the earliest that ends on or after it
        (future), within eight years (29 February).
        """
        step = -1 if self.tense == "past" else 1
        for year in range(anchor_day.year, anchor_day.year + 9 * step, step):
            try:
                first, last = period(year)
            except ValueError:
                continue  # 29 February in a common year
            if (first <= anchor_day) if step < 0 else (last >= anchor_day):
                return first, last
        raise self.unknown(": no such date near the anchor")

    def weekend(self, anchor_day: date, last: bool, this: bool = False) -> When:
        weekday = anchor_day.weekday()
        if this:  # the weekend of the anchor's week, Monday to Sunday
            saturday = anchor_day + timedelta(days=5 - weekday)
            return self.days(saturday, saturday + timedelta(days=1))
        if self.tense == "past" or last or weekday >= 5:
            saturday = anchor_day - timedelta(days=(weekday - 5) % 7)
        else:
            saturday = anchor_day + timedelta(days=5 - weekday)
        monday = saturday + timedelta(days=2)
        if last and weekday >= 5:  # said during a weekend: this one or the one before
            saturday -= timedelta(days=7)
        return self.window(datetime.combine(saturday, time()), datetime.combine(monday, time()))


def _normalise(phrase: str) -> str:
    text = " ".join(phrase.translate(QUOTES).casefold().split())
    text = text.strip('" ').rstrip(",;").rstrip("'")
    if text.startswith("'") and not text[1:2].isdigit():  # keep the apostrophe of '90s
        text = text[1:]
    text = text[:-1] if text.endswith(".") and not text.endswith("m.") else text
    return FILLER.sub("", text)


def _valid_clock(match: re.Match[str]) -> bool:
    if match["h24"] is not None:
        hour, minute = int(match["h24"]), int(match["m24"])
        return (hour <= 23 and minute <= 59) or (hour, minute) == (24, 0)
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
    month = MONTHS.index(match["month"][:3]) // 3 + 1
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
    if form == "weekend":
        last, this = match["last"] is not None, match["this"] is not None
        return lambda day: ctx.weekend(day, last, this)
    return _more(form, match, ctx)


def _month_of(match: re.Match[str], group: str = "month") -> int:
    return MONTHS.index(match[group][:3]) // 3 + 1


def _more(form: str, match: re.Match[str], ctx: _Context) -> _Reading:
    """The forms of reports beyond days and their parts: weeks, days ago, yearless dates, ..."""
    if form == "near_clock":
        return lambda day: ctx.near(match, day)
    if form == "week":
        which = match["which"]

        def week(day: date) -> When:
            monday = day - timedelta(days=day.weekday())
            if which == "last":
                return ctx.days(monday - timedelta(days=7), monday - timedelta(days=1))
            if which == "this":
                return ctx.days(monday, monday + timedelta(days=6))
            return ctx.days(monday, day)  # earlier this week: Monday to the anchor date

        return week
    if form == "last_period":
        if match["unit"] == "year":
            return lambda day: When.year(day.year - 1, zone=ctx.zone, text=ctx.phrase)

        def last_month(day: date) -> When:
            previous = day.replace(day=1) - timedelta(days=1)
            return When.month(previous.year, previous.month, zone=ctx.zone, text=ctx.phrase)

        return last_month
    if form == "ago":
        count = COUNTS.get(match["count"]) or int(match["count"])
        if count == 0:
            raise ctx.unknown(": '0 days ago' is today; say today")
        return lambda day: ctx.whole_day(day - timedelta(days=count))
    if form == "day_before":
        back = 2 if match["two"] else 1
        return lambda day: ctx.whole_day(day - timedelta(days=back))
    if form == "early_late":
        return lambda day: ctx.part(ctx.target(match["day"], day), match["which"])
    if form == "overnight":
        back = 1 if ctx.tense == "past" else 0
        return lambda day: ctx.part(day - timedelta(days=back), "night")
    if form in {"night_of", "dated_weekday", "dm", "md", "month_part"}:
        return _yearless(form, match, ctx)
    if form == "short_decade":
        return lambda day: _short_decade(match, ctx, day)
    raise ctx.unknown(  # "sun": dawn, dusk
        f": {match['sun']} depends on the place's latitude and longitude and the date, which "
        "a zone does not give; write the window you mean (e.g. 'early hours of Tuesday')"
    )


def _yearless(form: str, match: re.Match[str], ctx: _Context) -> _Reading:
    """A date or part of a month with or without its year (without: the closest, per tense)."""
    if form == "month_part":
        month = _month_of(match)
        first_day, last_day = getattr(ctx.widths, f"{match['part']}_month")

        def period(year: int) -> tuple[date, date]:
            length = calendar.monthrange(year, month)[1]
            return date(year, month, min(first_day, length)), date(
                year, month, min(last_day, length)
            )

    else:
        second = form == "dated_weekday" and match["month2"] is not None
        month = _month_of(match, "month2" if second else "month")
        number = int(match["day2"] if second else match["day"])

        def period(year: int) -> tuple[date, date]:
            day = date(year, month, number)
            return day, day

    def reading(anchor_day: date) -> When:
        year = match.groupdict().get("year")
        if year is not None:
            if int(year) == 0:
                raise ctx.unknown(": there is no year 0")
            try:
                first, last = period(int(year))
            except ValueError as error:
                raise ctx.unknown(f": {error}") from None
        else:
            first, last = ctx.closest(anchor_day, period)
        if form == "night_of":
            if (first + timedelta(days=1)).day != int(match["day2"]):
                raise ctx.unknown(": a night runs from one date to the next")
            return ctx.part(first, "night")
        if form == "dated_weekday" and first.weekday() != WEEKDAYS.index(match["weekday"]):
            raise ctx.unknown(
                f": {first:%d %B %Y} was a {WEEKDAYS[first.weekday()].title()}, "
                f"not a {match['weekday'].title()}"
            )
        return ctx.whole_day(first) if first == last else ctx.days(first, last)

    return reading


def _short_decade(match: re.Match[str], ctx: _Context, anchor_day: date) -> When:
    """The '90s: the latest such decade ended before the anchor's year (or the next to come)."""
    tens = int(match["tens"]) * 10
    current = anchor_day.year - anchor_day.year % 100 + tens
    if current <= anchor_day.year <= current + 9:
        raise ctx.unknown(
            f": said in {anchor_day.year}, the '{tens:02d}s may be this decade or one a century "
            "away; write the century"
        )
    if ctx.tense == "past":
        start = current if current + 9 < anchor_day.year else current - 100
    else:
        start = current if current > anchor_day.year else current + 100
    first, last = getattr(ctx.decade_parts, match["part"] or "", (0, 9))
    earliest, _ = period_bounds(Precision.YEAR, date(start + first, 1, 1), ctx.zone)
    _, latest = period_bounds(Precision.YEAR, date(start + last, 1, 1), ctx.zone)
    return When(earliest, latest, Precision.SPAN, ctx.zone, text=ctx.phrase)


def _year_part(match: re.Match[str], ctx: _Context) -> When:
    year = int(match["year"])
    if year == 0:
        raise ctx.unknown(": there is no year 0")
    first, last = getattr(ctx.widths, f"{match['part']}_year")
    end = date(year, last, calendar.monthrange(year, last)[1])
    return ctx.days(date(year, first, 1), end)


@functools.cache
def _cities() -> dict[str, frozenset[str]]:
    """The zones named after each city (the last part of the key, in lower case)."""
    cities: dict[str, set[str]] = {}
    for key in available_zones():
        if "/" in key:
            city = key.rsplit("/", 1)[1].replace("_", " ").casefold()
            cities.setdefault(city, set()).add(canonical_zone(key))
    return {city: frozenset(zones) for city, zones in cities.items()}


def _named_zone(match: re.Match[str], ctx: _Context) -> str:
    """The zone of '02:30 Yerevan time', '12:00 GMT': one IANA zone named after the city."""
    if match["abbr"]:
        return NAMED_ZONES[match["abbr"]]
    city = match["city"]
    zones = _cities().get(city, frozenset())
    if len(zones) != 1:
        found = f"zones {sorted(zones)}" if zones else "no IANA zone"
        raise ctx.unknown(f": {found} named after {city!r}; pass zone= and say 'local time'")
    (zone,) = zones
    return zone


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
    disambiguation: WallPolicy = "raise",
    day_parts: DayParts = DEFAULT_DAY_PARTS,
    decade_parts: DecadeParts = DEFAULT_DECADE_PARTS,
    widths: PhraseWidths = DEFAULT_WIDTHS,
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
      years ``decade_parts`` gives. ``the 2000s`` (decade or century?) and ``the 90s`` (ages?)
      are refused. ``the '90s``, ``the early '90s``: the latest such decade that ended before
      the anchor's year (``tense="future"``: the next to begin after it); said within such a
      decade (``the '20s`` in 2022) it is refused.
    - ``last week``, ``this week``, ``earlier this week``: the ISO week (Monday to Sunday) before
      the anchor date's, the anchor date's, and its Monday to the anchor date.
      ``last month``, ``last year``: the calendar month or year before the anchor date's.
    - ``two days ago``, ``3 days ago`` (one to ten in words, or digits): that whole day. ``the day
      before``, ``the previous day``: the day before the anchor date (pass the day the report
      speaks of as the anchor); ``the day before yesterday``.
    - ``early Tuesday``, ``early on Tuesday``, ``late Monday``: the ``early`` (00:00–09:00) and
      ``late`` (18:00–24:00) parts of ``day_parts``. ``overnight``: the night that began the day
      before the anchor date (``tense="future"``: on it). ``the night of 12 to 13 September``
      (also ``12-13``, with or without a year): the night beginning on the 12th.
    - ``this weekend``: the Saturday and Sunday of the anchor date's week, whatever the tense;
      ``the past weekend``: as ``last weekend``.
    - ``13 September``, ``September 13``, ``Tuesday, 13 September``: a date without its year is the
      latest on or before the anchor date (``tense="future"``: the first on or after it). A
      weekday with a date (``Tuesday, 13 September 2022``) must be that date's weekday.
    - ``early``/``mid``/``late September`` [``2022``]: the days ``widths`` gives (1–10, 11–20,
      21–end), without a year the latest that began on or before the anchor date (future: the
      first that ends on or after it). ``early``/``mid``/``late 2020``: the months ``widths``
      gives (January–April, May–August, September–December).
    - ``2.30am`` (a dot in 12-hour times), ``24:00`` (the midnight that ends the day), ``02:30
      Yerevan time`` (the one IANA zone named after the city; refused if none or several),
      ``12:00 GMT``, ``02:30 UTC``: the clock is read in that zone, on the anchor's date in
      ``zone``. ``around 02:30`` (or ``about``): ``widths.around`` (15 minutes) either side;
      ``shortly after midnight``, ``shortly before noon``: within ``widths.shortly`` (30 minutes)
      after or before, the instant itself excluded.
    - ``dawn``, ``dusk``, ``sunrise``, ``sunset``, ``daybreak``, ``nightfall``, ``first light``
      are refused: they depend on where, which a zone does not say.

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
        widths=widths,
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
    disambiguation: WallPolicy = "raise",
    day_parts: DayParts = DEFAULT_DAY_PARTS,
    decade_parts: DecadeParts = DEFAULT_DECADE_PARTS,
    widths: PhraseWidths = DEFAULT_WIDTHS,
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
    (PhraseKind.SINCE, '1994[Asia/Yerevan] – (ongoing as of 2022-09-13[Asia/Yerevan])')
    >>> after = read_phrase("after midnight", anchor=report, zone="Asia/Yerevan").when
    >>> after.earliest.isoformat(), after.latest == UTC_MAX
    ('2022-09-12T20:00:00.000001+00:00', True)
    """
    validate_zone(zone, where="resolve_phrase")
    if tense not in get_args(Tense):
        raise InvalidValueError(f"tense must be 'past' or 'future', not {tense!r}")
    if disambiguation not in get_args(WallPolicy):
        raise InvalidValueError(f"disambiguation must be one of {get_args(WallPolicy)}")
    ctx = _Context(phrase, zone, tense, disambiguation, day_parts, decade_parts, widths)
    text = _normalise(phrase)
    kind = PhraseKind.AT
    bound = ONE_SIDED.match(text)
    if bound is not None:
        kind = _KIND_OF_WORD[bound["word"]]
        text = FILLER.sub("", bound["rest"])
        if ONE_SIDED.match(text):
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
    dates_zone = ctx.zone  # the zone of the report's dates, even for '02:30 Moscow time'
    suffix = ZONE_SUFFIX.fullmatch(text)
    if (
        suffix is not None
        and suffix["city"] != "local"
        and not any(pattern.fullmatch(text) for pattern in FORMS.values())
    ):
        rest = suffix["rest"]
        if FORMS["clock"].fullmatch(rest) or FORMS["near_clock"].fullmatch(rest):
            ctx = attrs.evolve(ctx, zone=_named_zone(suffix, ctx))
            text = rest
    phrase, zone = ctx.phrase, ctx.zone
    form, match = next(
        ((name, found) for name, pattern in FORMS.items() if (found := pattern.fullmatch(text))),
        ("", None),
    )
    if match is None or (form in {"clock", "near_clock"} and not _valid_clock(match)):
        raise ctx.unknown()
    try:
        if form == "year_part":
            return _year_part(match, ctx)
        if form in ABSOLUTE:
            return _absolute(form, match, ctx)
        reading = _relative(form, match, ctx)
        results = {reading(day) for day in _anchor_dates(anchor, dates_zone)}
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
