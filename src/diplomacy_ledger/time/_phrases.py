"""Imprecise time phrases from reports ("the early hours of Tuesday") resolved into a When.

:func:`resolve_phrase` reads a phrase against the report's publication time (the *anchor*, itself
often a whole day) and the zone whose "local time" it speaks of; its documentation lists every
form and rule. Four principles:

- It never guesses. A phrase it does not know raises :class:`UnknownPhraseError`, listing the
  forms it knows; so does one that could mean two things ("the 2000s": a decade or a century?),
  and one whose meaning depends on a tense the caller did not give ("until Friday" said on a
  Tuesday: the Friday before, or the one after?).
- It never picks one date for a vague anchor. Each possible local date of the anchor is a reading;
  differing readings give the window that covers them all.
- It never moves a time to another day. A day the zone skipped, or a wall time it skipped or
  repeated (unless a ``disambiguation`` is chosen), raises.
- Every width is written down: :class:`DayParts` (early hours 00:00–06:00, morning
  06:00–12:00, afternoon 12:00–18:00, evening 18:00–24:00, night 18:00–06:00),
  :class:`DecadeParts` (early years 0–4, mid 3–7, late 6–9: the words are vague, so they
  overlap) and :class:`PhraseWidths` (parts of weeks, months and years; "around"; "ago").

>>> report = When.day("2022-09-13", zone="Asia/Yerevan")  # a Tuesday
>>> str(resolve_phrase("midnight", anchor=report, zone="Asia/Yerevan"))
'2022-09-13T00:00+04:00[Asia/Yerevan]'
>>> str(resolve_phrase("in the early hours of Tuesday", anchor=report, zone="Asia/Yerevan"))
'2022-09-13T00:00+04:00[Asia/Yerevan]/2022-09-13T05:59:59.999999+04:00[Asia/Yerevan]'
>>> str(resolve_phrase("over the weekend", anchor=report, zone="Asia/Baku", tense="past"))
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
import unicodedata
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
from diplomacy_ledger._repr import python_repr, shown
from diplomacy_ledger.time._calendar import EARTH_EAST, EARTH_WEST, Precision, period_bounds
from diplomacy_ledger.time._instants import UTC_MAX, UTC_MIN
from diplomacy_ledger.time._iso import foreign_digit
from diplomacy_ledger.time._phrase_forms import (
    ABSOLUTE,
    COUNTS,
    DAY_FORMS,
    FILLER,
    FORMS,
    MONTHS,
    NAMED_CLOCKS,
    NAMED_ZONES,
    ONE_SIDED,
    OPEN_ENDED,
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
_MAX_PHRASE: Final = 200  # characters, after white space is collapsed

Tense = Literal["past", "future"]
"""Whether the sentence around a phrase speaks of the past or the future (see ``tense=``)."""


_Reading = Callable[[date], When]  # a relative phrase: what it names on one anchor date
_DateOf = Callable[[date], date]  # a day phrase: the date it names from one anchor date


class _TenseNeededError(Exception):
    """A reading asked for the tense, which the caller did not give (caught by read_phrase)."""


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
                f"{shown(self.named.text)} names a Span ({self.kind.value} {self.named}), not a "
                "When: read .value or .span"
            )
        return self.value

    @property
    def span(self) -> Span:
        """The value as a Span; raises :class:`InvalidTimeError` for a When."""
        if not isinstance(self.value, Span):
            raise InvalidTimeError(
                f"{shown(self.named.text)} names a When ({self.kind.value}), not a Span: read .when"
            )
        return self.value


def _add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months; a day past the month's end is its last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise OverflowError("outside the calendar")
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _dated(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


@attrs.frozen
class _Context:
    phrase: str
    zone: str
    tense: Tense | None
    disambiguation: WallPolicy
    day_parts: DayParts
    decade_parts: DecadeParts
    widths: PhraseWidths
    anchor: When

    def unknown(self, why: str = "") -> UnknownPhraseError:
        """A phrase that is no known form (``why`` says more): the forms known are listed."""
        return UnknownPhraseError(
            f"unknown time phrase {shown(self.phrase)}{why}; understood forms: {UNDERSTOOD}",
            text=self.phrase,
        )

    def refused(self, why: str) -> UnknownPhraseError:
        """A phrase read but refused: it could mean more than one time, or none it can state."""
        return UnknownPhraseError(f"time phrase {shown(self.phrase)}: {why}", text=self.phrase)

    def past(self) -> bool:
        """Whether the phrase is in the past tense; asks the caller (raises) when not given."""
        if self.tense is None:
            raise _TenseNeededError
        return self.tense == "past"

    def whole_day(self, day: date) -> When:
        return When.day(day, zone=self.zone, text=self.phrase)

    def window(self, start: datetime, end: datetime) -> When:
        """From the first instant clocks showed ``start`` to the last before they showed ``end``."""
        earliest = first_instant_at_or_after(start, self.zone)
        latest = last_instant_before(end, self.zone)
        if latest < earliest:
            raise SkippedTimeError(
                f"{shown(self.phrase)}: the zone skipped all of {start.isoformat(' ')} to "
                f"{end.isoformat(' ')}",
                wall=start.isoformat(" "),
                zone=self.zone,
            )
        return When(earliest, latest, Precision.SPAN, self.zone, text=self.phrase)

    def part(self, day: date, name: str) -> When:
        self.whole_day(day)  # raises SkippedTimeError if the zone skipped the day itself
        name = "early hours" if name == "small hours" else name
        bounds: tuple[time, time] = getattr(self.day_parts, name.replace(" ", "_"))
        start, end = bounds
        end_day = day if end > start else day + timedelta(days=1)
        return self.window(datetime.combine(day, start), datetime.combine(end_day, end))

    def target(self, word: str, anchor_day: date) -> date:
        """The date a day word (weekday, yesterday, today, tomorrow) names from ``anchor_day``.

        A weekday is the anchor date itself if it has that name, whatever the tense; else the
        most recent before it (past) or the next after it (future).
        """
        if word in SHIFTS:
            return anchor_day + timedelta(days=SHIFTS[word])
        back = (anchor_day.weekday() - WEEKDAYS.index(word)) % 7
        if back == 0:
            return anchor_day
        if self.past():
            return anchor_day - timedelta(days=back)
        return anchor_day + timedelta(days=7 - back)

    def last_next(self, which: str, weekday: str, anchor_day: date) -> date:
        """The day "last Thursday" or "next Thursday" names: the nearest, strictly before or after.

        Unless that day is in the anchor date's own ISO week (Monday to Sunday): then the words
        may mean it or the one a week further ("last Thursday" said on a Friday: yesterday, or
        the Thursday of last week?), and the phrase is refused.
        """
        number = WEEKDAYS.index(weekday)
        monday = anchor_day - timedelta(days=anchor_day.weekday())
        if which == "last":
            found = anchor_day - timedelta(days=(anchor_day.weekday() - number) % 7 or 7)
            other, own_week = found - timedelta(days=7), found >= monday
        else:
            found = anchor_day + timedelta(days=(number - anchor_day.weekday()) % 7 or 7)
            other, own_week = found + timedelta(days=7), found <= monday + timedelta(days=6)
        if own_week:
            raise self.refused(
                f"said on {_dated(anchor_day)}, '{which} {weekday}' may be {_dated(found)} (the "
                f"nearest, in the same week) or {_dated(other)} (the one of the "
                f"{'week before' if which == 'last' else 'week after'}); write the date, or the "
                "weekday alone with a tense"
            )
        return found

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
        """Around, or shortly after or before, a clock time: widths of elapsed time.

        A wall time read as either of two instants (``disambiguation="either"``) is near either:
        the window runs from near the first to near the second.
        """
        read = self.clock(match, day)
        near = match["near"]
        if near in {"around", "about"}:
            earliest, latest = read.earliest - self.widths.around, read.latest + self.widths.around
        elif near == "shortly after":
            earliest = read.earliest + _ONE_MICROSECOND
            latest = read.latest + self.widths.shortly
        else:
            earliest = read.earliest - self.widths.shortly
            latest = read.latest - _ONE_MICROSECOND
        return When(earliest, latest, Precision.SPAN, self.zone, text=self.phrase)

    def days(self, first: date, last: date) -> When:
        """From the start of ``first`` to the end of ``last``, local dates."""
        start = datetime.combine(first, time())
        return self.window(start, datetime.combine(last + timedelta(days=1), time()))

    def clipped(self, first: date, last: date, side: str) -> When:
        """The dates ``first`` to ``last``, cut at the anchor: before it ends, or after it begins.

        "Earlier today" ends when the anchor (the report's time) ends, "later this week" begins
        when it begins; for a whole-day anchor, at the end or start of ``anchor_day``.
        """
        period = self.days(first, last)
        earliest, latest = period.earliest, period.latest
        if side == "earlier":
            latest = min(latest, self.anchor.latest)
        else:
            earliest = max(earliest, self.anchor.earliest)
        if latest < earliest:  # pragma: no cover - the anchor date holds part of the anchor
            raise InvalidTimeError(f"{shown(self.phrase)}: nothing of the period is {side}")
        return When(earliest, latest, Precision.SPAN, self.zone, text=self.phrase)

    def closest(
        self, anchor_day: date, period: Callable[[int], tuple[date, date]]
    ) -> tuple[date, date]:
        """A yearless period (``period(year)`` gives its dates) nearest the anchor date.

        The anchor year's, if it holds the anchor date (whatever the tense); else the latest that
        began on or before it (past), or the earliest that ends on or after it (future), within
        eight years (29 February).
        """
        try:
            first, last = period(anchor_day.year)
        except ValueError:
            pass
        else:
            if first <= anchor_day <= last:
                return first, last
        step = -1 if self.past() else 1
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
        if last or weekday >= 5 or self.past():
            saturday = anchor_day - timedelta(days=(weekday - 5) % 7)
        else:
            saturday = anchor_day + timedelta(days=5 - weekday)
        monday = saturday + timedelta(days=2)
        if last and weekday >= 5:  # said during a weekend: this one or the one before
            saturday -= timedelta(days=7)
        return self.window(datetime.combine(saturday, time()), datetime.combine(monday, time()))

    def day_of(self, form: str, match: re.Match[str]) -> date | _DateOf:
        """The date a day form names: fixed (``13 September 2022``) or from each anchor date."""
        if form == "day":
            word = match["day"]
            return lambda day: self.target(word, day)
        if form == "last_next":
            which, weekday = match["which"], match["weekday"]
            return lambda day: self.last_next(which, weekday, day)
        if form == "day_before":
            back = timedelta(days=2 if match["two"] else 1)
            return lambda day: day - back
        dated = _dated_period(form, match, self)
        if isinstance(dated, tuple):
            return dated[0]
        return lambda day: dated(day)[0]


def _on(day_of: date | _DateOf, make: Callable[[date], When]) -> When | _Reading:
    """What ``make`` gives for the date ``day_of`` names: at once, or for each anchor date."""
    if isinstance(day_of, date):
        return make(day_of)
    return lambda day: make(day_of(day))


def _normalise(ctx: _Context) -> str:
    """The phrase as the forms see it (see resolve_phrase); refuses what no form can hold."""
    text = " ".join(ctx.phrase.translate(QUOTES).split())  # any Unicode space is one space
    if len(text) > _MAX_PHRASE:
        raise ctx.refused(
            f"it is {len(text)} characters long; a time phrase is at most {_MAX_PHRASE}"
        )
    for char in text:
        if not char.isascii() or not char.isprintable():
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            raise ctx.refused(
                foreign_digit(char)
                or f"{char!r} ({name}) is in no phrase form; phrases are read in plain English"
            )
    text = text.lower()
    previous = None
    while text != previous:  # surrounding quotes and trailing punctuation
        previous = text
        text = text.strip('" ').rstrip(",;:!'").rstrip()
        if text.startswith("'") and not text[1:2].isdigit():  # keep the apostrophe of '90s
            text = text[1:]
    if text.endswith("?"):
        raise ctx.refused("a question mark says the writer is not sure of it; state what is known")
    text = text[:-1] if text.endswith(".") and not text.endswith("m.") else text
    return FILLER.sub("", text)


def _valid_clock(match: re.Match[str]) -> bool:
    if match["h24"] is not None:
        hour, minute = int(match["h24"]), int(match["m24"])
        return (hour <= 23 and minute <= 59) or (hour, minute) == (24, 0)
    if match["h12"] is not None:
        return 1 <= int(match["h12"]) <= 12 and int(match["m12"] or 0) <= 59
    return True


def _find(text: str, forms: tuple[str, ...] = tuple(FORMS)) -> tuple[str, re.Match[str]] | None:
    """The first of ``forms`` that matches all of ``text``, its day parts being days."""
    for form in forms:
        match = FORMS[form].fullmatch(text)
        if match is None or (form in {"clock", "near_clock"} and not _valid_clock(match)):
            continue
        groups = match.groupdict()
        if all(
            _day(groups[key]) is not None for key in ("rest", "before", "after") if groups.get(key)
        ):
            return form, match
    return None


_DAY_ORDER: Final = tuple(form for form in FORMS if form in DAY_FORMS)
_MORNING_PARTS: Final = frozenset({"early hours", "small hours", "morning"})


def _day(text: str) -> tuple[str, re.Match[str]] | None:
    """The day form ``text`` is ("Tuesday", "13 September", "the day before"), if any."""
    return _find(FILLER.sub("", text), _DAY_ORDER)


def _absolute(form: str, match: re.Match[str], ctx: _Context) -> When:
    """A phrase that names its own month, year or (part of a) decade."""
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
    if form == "month":
        return When.month(year, _month_of(match), zone=ctx.zone, text=ctx.phrase)
    first, last = getattr(ctx.widths, f"{match['part']}_year")  # year_part: early 2020
    end = date(year, last, calendar.monthrange(year, last)[1])
    return ctx.days(date(year, first, 1), end)


def _reading(form: str, match: re.Match[str], ctx: _Context) -> When | _Reading:
    """What a phrase names: a When, or for a relative phrase the function from an anchor date."""
    if form in ABSOLUTE and form not in DAY_FORMS:
        return _absolute(form, match, ctx)
    if form in DAY_FORMS:
        return _on(ctx.day_of(form, match), ctx.whole_day)
    if form == "clock":
        if match["before"] and match["after"]:
            raise ctx.unknown(": a clock time on two days")
        found = _day(match["before"] or match["after"] or "today")
        assert found is not None  # _find checked it
        return _on(ctx.day_of(*found), lambda day: ctx.clock(match, day))
    if form in {"part_of", "day_part", "early_late"}:
        found = _day(match["rest"])
        assert found is not None  # _find checked it
        part = match["part"] if form != "early_late" else match["which"]
        if match.groupdict().get("morning") and part not in _MORNING_PARTS:
            raise ctx.unknown(f": the {part} of a morning")
        return _on(ctx.day_of(*found), lambda day: ctx.part(day, part))
    if form == "this":
        night = match["night"]
        word = "yesterday" if night == "last night" else "today"
        part = "night" if night else match["part"]
        return lambda day: ctx.part(ctx.target(word, day), part)
    if form == "weekend":
        last, this = match["last"] is not None, match["this"] is not None
        return lambda day: ctx.weekend(day, last, this)
    if form == "near_clock":
        return lambda day: ctx.near(match, day)
    if form == "overnight":
        if match["rest"] is not None:  # overnight into Tuesday: the night that ended on it
            found = _day(match["rest"])
            assert found is not None  # _find checked it
            day_of = ctx.day_of(*found)
            return _on(day_of, lambda day: ctx.part(day - timedelta(days=1), "night"))
        back = 1 if ctx.past() else 0
        return lambda day: ctx.part(day - timedelta(days=back), "night")
    if form in {"period", "period_part"}:
        return _period(match, ctx)
    if form in {"ago", "trailing", "today_side"}:
        return _elapsed(form, match, ctx)
    if form in {"night_of", "days_dm", "days_md", "month_part"}:
        return _on_dates(form, match, ctx)
    if form == "short_decade":
        return lambda day: _short_decade(match, ctx, day)
    if form == "open_ended":
        raise ctx.unknown(f": '{match['open']}' is open-ended: {OPEN_ENDED}")
    raise ctx.unknown(  # "sun": dawn, dusk
        f": {match['sun']} depends on the place's latitude and longitude and the date, which "
        "a zone does not give; write the window you mean (e.g. 'early hours of Tuesday')"
    )


def _month_of(match: re.Match[str], group: str = "month") -> int:
    return MONTHS.index(match[group][:3]) // 3 + 1


def _period(match: re.Match[str], ctx: _Context) -> _Reading:
    """Last, this or next week, month or year, or their earlier, later, early, mid or late part."""
    which, unit, part = match["which"], match["unit"], match.groupdict().get("part")
    shift = {"last": -1, "next": 1}.get(which, 0)

    def reading(day: date) -> When:
        if unit == "week":
            first = day - timedelta(days=day.weekday() - 7 * shift)
            last = first + timedelta(days=6)
        elif unit == "month":
            first = _add_months(day.replace(day=1), shift)
            last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        else:
            first, last = date(day.year + shift, 1, 1), date(day.year + shift, 12, 31)
        if which in {"earlier this", "later this"}:
            side = which.split()[0]
            start, end = (first, day) if side == "earlier" else (day, last)
            return ctx.clipped(start, end, side)
        if part is not None:
            low, high = getattr(ctx.widths, f"{part}_{unit}")
            if unit == "week":
                return ctx.days(first + timedelta(days=low - 1), first + timedelta(days=high - 1))
            if unit == "month":
                return ctx.days(
                    first.replace(day=min(low, last.day)), first.replace(day=min(high, last.day))
                )
            end = date(first.year, high, calendar.monthrange(first.year, high)[1])
            return ctx.days(date(first.year, low, 1), end)
        if unit == "month":
            return When.month(first.year, first.month, zone=ctx.zone, text=ctx.phrase)
        if unit == "year":
            return When.year(first.year, zone=ctx.zone, text=ctx.phrase)
        return ctx.days(first, last)

    return reading


def _count(match: re.Match[str], ctx: _Context) -> int:
    written = match["count"]
    count = 1 if written is None else COUNTS.get(written) or int(written)
    if count == 0:
        raise ctx.unknown(f": '{match[0]}' is no time ago; say today or now")
    return count


def _elapsed(form: str, match: re.Match[str], ctx: _Context) -> When | _Reading:
    """Time counted back from the anchor: N days ago, the past N hours, earlier or later today."""
    if form == "today_side":
        side = match["which"]
        return lambda day: ctx.clipped(day, day, side)
    count, unit = _count(match, ctx), match["unit"]
    if form == "trailing":
        return _trailing(count, unit, ctx)
    widths = ctx.widths
    if unit == "day":
        return lambda day: ctx.whole_day(day - timedelta(days=count))
    if unit == "week":

        def weeks(day: date) -> When:
            centre = day - timedelta(days=7 * count)
            spread = timedelta(days=widths.weeks_ago)
            return ctx.days(centre - spread, centre + spread)

        return weeks
    if unit == "month":

        def months(day: date) -> When:
            centre = _add_months(day, -count)
            spread = timedelta(days=widths.months_ago)
            return ctx.days(centre - spread, centre + spread)

        return months

    def years(day: date) -> When:
        centre = _add_months(day, -12 * count)
        first = _add_months(centre, -widths.years_ago)
        return ctx.days(first, _add_months(centre, widths.years_ago))

    return years


def _trailing(count: int, unit: str, ctx: _Context) -> When:
    """The past N hours (elapsed) or days, weeks, months, years (on the zone's calendar).

    From the anchor's start moved back that far to the anchor's end. A zone-less anchor of
    whole dates is read on those dates as written (see :func:`_stated_dates`).
    """
    stated = _stated_dates(ctx.anchor)
    if stated is not None:
        first_day, last_day = stated
        start = first_instant_at_or_after(datetime.combine(first_day, time()), ctx.zone)
        end = last_instant_before(datetime.combine(last_day + timedelta(days=1), time()), ctx.zone)
    else:
        start, end = ctx.anchor.earliest, ctx.anchor.latest
    if unit == "hour":
        earliest = start - timedelta(hours=count)
    else:
        wall = start.astimezone(zone_tzinfo(ctx.zone)).replace(tzinfo=None)
        if unit in {"day", "week"}:
            wall -= timedelta(days=count * (7 if unit == "week" else 1))
        else:
            moved = _add_months(wall.date(), -count * (12 if unit == "year" else 1))
            wall = datetime.combine(moved, wall.time())
        earliest = first_instant_at_or_after(wall, ctx.zone)
    return When(earliest, end, Precision.SPAN, ctx.zone, text=ctx.phrase)


def _dated_period(
    form: str, match: re.Match[str], ctx: _Context
) -> tuple[date, date] | Callable[[date], tuple[date, date]]:
    """The dates a calendar phrase names: fixed if it has a year, else the closest per tense.

    For dates (``13 September``), days of a month (``13-14 September``), the night of two dates
    and a part of a month (``late September``).
    """
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
        until = int(match["day2"]) if form in {"days_dm", "days_md"} else number
        night = form == "night_of"  # the night's dates: the one it begins on, the next
        if until <= number and form in {"days_dm", "days_md"}:
            raise ctx.unknown(": a range of days runs from an earlier date to a later one")

        def period(year: int) -> tuple[date, date]:
            first = date(year, month, number)
            return first, first + timedelta(days=1) if night else date(year, month, until)

    def checked(first: date, last: date) -> tuple[date, date]:
        if form == "night_of" and (first + timedelta(days=1)).day != int(match["day2"]):
            raise ctx.unknown(": a night runs from one date to the next")
        if form == "dated_weekday" and first.weekday() != WEEKDAYS.index(match["weekday"]):
            raise ctx.unknown(
                f": {first:%d %B %Y} was a {WEEKDAYS[first.weekday()].title()}, "
                f"not a {match['weekday'].title()}"
            )
        return first, last

    year = match.groupdict().get("year")
    if year is not None:
        if int(year) == 0:
            raise ctx.unknown(": there is no year 0")
        try:
            return checked(*period(int(year)))
        except ValueError as error:
            raise ctx.unknown(f": {error}") from None
    return lambda day: checked(*ctx.closest(day, period))


def _on_dates(form: str, match: re.Match[str], ctx: _Context) -> When | _Reading:
    dated = _dated_period(form, match, ctx)

    def make(dates: tuple[date, date]) -> When:
        first, last = dates
        if form == "night_of":
            return ctx.part(first, "night")
        return ctx.days(first, last)

    if isinstance(dated, tuple):
        return make(dated)
    return lambda day: make(dated(day))


def _short_decade(match: re.Match[str], ctx: _Context, anchor_day: date) -> When:
    """The '90s: the latest such decade ended before the anchor's year (or the next to come)."""
    tens = int(match["tens"]) * 10
    current = anchor_day.year - anchor_day.year % 100 + tens
    if current <= anchor_day.year <= current + 9:
        raise ctx.unknown(
            f": said in {anchor_day.year}, the '{tens:02d}s may be this decade or one a century "
            "away; write the century"
        )
    if ctx.past():
        start = current if current + 9 < anchor_day.year else current - 100
    else:
        start = current if current > anchor_day.year else current + 100
    first, last = getattr(ctx.decade_parts, match["part"] or "", (0, 9))
    earliest, _ = period_bounds(Precision.YEAR, date(start + first, 1, 1), ctx.zone)
    _, latest = period_bounds(Precision.YEAR, date(start + last, 1, 1), ctx.zone)
    return When(earliest, latest, Precision.SPAN, ctx.zone, text=ctx.phrase)


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
    tense: Tense | None = None,
    disambiguation: WallPolicy = "raise",
    day_parts: DayParts = DEFAULT_DAY_PARTS,
    decade_parts: DecadeParts = DEFAULT_DECADE_PARTS,
    widths: PhraseWidths = DEFAULT_WIDTHS,
) -> When:
    """The When a report's time ``phrase`` names, read against the report's time ``anchor``.

    ``zone`` is the IANA zone (or ``"+HH:MM"`` offset) whose clocks the phrase uses. The result
    keeps ``phrase`` as its ``text``. Case does not matter, runs of white space (any Unicode
    space) count as one, typographic quotes, apostrophes and dashes count as plain ones,
    surrounding quotes and trailing ``,;:!.`` are dropped, and leading filler words (``at``,
    ``on``, ``in``, ``from``, ``during``, ``over``, ``the``, and runs such as ``in the``) are
    dropped. Any other character outside ASCII (digits of other scripts, letters that only
    look like ASCII ones, invisible characters) is refused, as is a phrase of more than 200
    characters or one ending in a question mark.

    **Tense.** ``tense`` says whether the sentence speaks of the past or the future. Without it
    (``None``, the default), a phrase that means different times in the two ("Friday" said on a
    Tuesday: the 9th or the 16th? "until Friday": "the truce holds until Friday" is the 16th,
    "fighting went on until Friday" the 9th) raises :class:`UnknownPhraseError` naming both
    readings; one that means the same in both ("Tuesday" said on a Tuesday, "13 September"
    said on the 13th, "last week", "two days ago") is read. ``since T`` is always read in the
    past: it began before the report.

    One-sided phrases are bounds, not filler (see :func:`read_phrase`): ``by T``, ``before T`` and
    ``after T`` return a one-sided When (``by 1994`` ends with 1994 and has no start), and
    ``since T`` and ``until T``, which name a Span, raise :class:`UnknownPhraseError`. The forms:

    - ``midnight``: 00:00 at the *start* of the day (some writers mean the midnight that ends it;
      "midnight on Tuesday" is read as the one that begins Tuesday). ``noon``, ``midday``: 12:00.
    - ``02:30``, ``02:30 local time``, ``2:30 a.m.``, ``2 pm``: that wall time, an exact instant
      to the minute, read with ``disambiguation`` (default: a skipped or repeated time raises).
    - A clock time may name its day (any *day* form below): ``midnight on Tuesday``, ``Tuesday
      at 02:30``, ``noon yesterday``, ``02:30 on 13 September``; without one it is on the anchor
      date.
    - A *day*: a weekday (``Tuesday``): the whole day, the anchor date if it is a Tuesday, else
      the most recent before it (past) or the next after it (future). ``yesterday``, ``today``,
      ``tomorrow``: the whole day before, of, or after the anchor date. ``the day before``,
      ``the previous day``: the day before the anchor date (pass the day the report speaks of as
      the anchor); ``the day before yesterday``. ``last Thursday``, ``next Thursday``: the
      nearest Thursday strictly before or after the anchor date, when it lies in the week (Monday
      to Sunday) before or after the anchor's; when it lies in the anchor's own week ("last
      Thursday" said on a Friday: yesterday, or the Thursday before?) it is refused. A date:
      ``13 September``, ``September 13``, ``Tuesday, 13 September`` (with or without a year; a
      weekday with a date must be that date's weekday).
    - ``early hours of Tuesday``, ``the small hours of Tuesday``, ``Tuesday morning``,
      ``afternoon of yesterday``, ``the morning of September 13``, ``evening``, ``night`` of any
      *day*; ``this morning``/``afternoon``/``evening`` (the anchor date); ``tonight`` (the
      night beginning on the anchor date); ``last night`` (the night beginning the day before):
      from the first instant the clocks showed the part's start to the last instant (to the
      microsecond) before they showed its end; widths from ``day_parts`` ("small hours" are the
      early hours). A bare ``morning``, ``early hours`` or ``in the small hours`` is refused:
      the anchor date's, or the next day's? ``early Tuesday``, ``early on 13 September``,
      ``late Monday``: the ``early`` (00:00–09:00) and ``late`` (18:00–24:00) parts.
    - ``overnight``: the night that began the day before the anchor date (future: on it);
      ``overnight into Tuesday``: the night that ended on the morning of that *day*. ``the
      early hours of Tuesday morning``: the early hours of Tuesday.
      ``the night of 12 to 13 September`` (also ``12-13``, ``12/13``, with or without a year):
      the night beginning on the 12th.
    - ``the weekend``, ``at the weekend``, ``over the weekend``: Saturday 00:00 to the end of
      Sunday, the anchor's own weekend on a Saturday or Sunday, else the latest before the
      anchor date (past) or the next after it (future). ``last weekend``, ``the past weekend``,
      ``this past weekend`` are past; said on a Saturday or Sunday they may mean that weekend or
      the one before, so they cover both. ``this weekend``: the Saturday and Sunday of the
      anchor date's week.
    - ``September 2020``, ``13 September 2022``, ``September 13, 2022``, ``2020`` (also ``Sept.``
      and ``13th``): the whole month, day or year in ``zone``. ``13-14 September [2022]``,
      ``September 13-14``, ``13 to 14 September``, ``between 13 and 14 September``: the days
      from the first to the second. A date or range without its year is the one that holds the
      anchor date, else the latest on or before it (past) or the first on or after it (future).
    - ``early``/``mid``/``late September`` [``2022``]: the days ``widths`` gives (1–10, 11–20,
      21–end), without a year as a date without its year. ``early``/``mid``/``late 2020``: the
      months ``widths`` gives (January–April, May–August, September–December).
    - ``the 1990s``, ``1990's``: the decade; ``early``/``mid``/``late 1990s``, ``mid-1990s``: the
      years ``decade_parts`` gives. ``the 2000s`` (decade or century?) and ``the 90s`` (ages?)
      are refused. ``the '90s``, ``the early '90s``: the latest such decade that ended before
      the anchor's year (future: the next to begin after it); said within such a decade (``the
      '20s`` in 2022) it is refused.
    - ``last``/``this``/``next week``, ``month``, ``year``: the ISO week (Monday to Sunday),
      calendar month or year before the anchor date's, the anchor date's, or the one after.
      ``earlier this week``/``month``/``year``: from its start to the end of the anchor (the end
      of the anchor date, or the anchor instant if the anchor is one); ``later this
      week``/``month``/``year``: from the start of the anchor to the period's end. ``earlier
      today``, ``later today``: the same for the anchor date. ``early``/``mid``/``late last``
      (``this``, ``next``) ``week``/``month``/``year``: the days or months ``widths`` gives
      (weeks: Monday–Wednesday, Tuesday–Thursday, Thursday–Sunday).
    - ``two days ago``, ``3 days ago`` (one to twenty, or thirty, in words, ``a``, or digits):
      that whole day. ``a week ago``, ``three weeks ago``: the days from ``widths.weeks_ago`` (3)
      before to 3 after the date that many weeks back; ``two months ago``: from
      ``widths.months_ago`` (15) days before to 15 after the same date two months back; ``a
      year ago``: from ``widths.years_ago`` (6) months before to 6 after the same date a year
      back. ``a few days ago`` and the like are refused: how many?
    - ``the past 24 hours``, ``the last week``, ``the past three months``, ``the past year``:
      from the start of the anchor moved back that far (hours as elapsed time, the rest on the
      zone's calendar) to the end of the anchor. ("The last week" is the seven days up to the
      report; "last week", without "the", the calendar week before.)
    - ``2.30am`` (a dot in 12-hour times), ``24:00`` (the midnight that ends the day), ``02:30
      Yerevan time`` (the one IANA zone named after the city; refused if none or several),
      ``12:00 GMT``, ``02:30 UTC``: the clock is read in that zone, on the anchor's date in
      ``zone``. ``around 02:30`` (or ``about``): ``widths.around`` (15 minutes) either side;
      ``shortly after midnight``, ``shortly before noon``: within ``widths.shortly`` (30 minutes)
      after or before, the instant itself excluded. A wall time read as either of its two
      instants (``disambiguation="either"``) gives the window from near the first to near the
      second.
    - ``dawn``, ``dusk``, ``sunrise``, ``sunset``, ``daybreak``, ``nightfall``, ``first light``
      are refused: they depend on where, which a zone does not say. So are open-ended phrases,
      ``in the coming days``, ``in the days ahead``, ``soon``, ``recently``, ``in recent
      weeks``, ``the past few days``: nothing says how far ahead or back they reach. For
      something that will happen after the report, write ``after today`` (a one-sided When).

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
    >>> resolve_phrase("Saturday", anchor=tuesday, zone="Asia/Yerevan")
    Traceback (most recent call last):
    ...
    diplomacy_ledger.UnknownPhraseError: time phrase 'Saturday': it depends on the tense, ...
    >>> str(resolve_phrase("the early 1990s", anchor=tuesday, zone="Asia/Yerevan"))
    '1990-01-01T00:00+04:00[Asia/Yerevan]/1994-12-31T23:59:59.999999+03:00[Asia/Yerevan]'
    >>> days = When.between(tuesday, When.day("2022-09-14", zone="Asia/Yerevan"))
    >>> str(resolve_phrase("yesterday", anchor=days, zone="Asia/Yerevan"))
    '2022-09-12T00:00+04:00[Asia/Yerevan]/2022-09-13T23:59:59.999999+04:00[Asia/Yerevan]'
    >>> apia = When.day("2011-12-31", zone="Pacific/Apia")  # Samoa skipped Friday the 30th
    >>> resolve_phrase("Friday", anchor=apia, zone="Pacific/Apia", tense="past")
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
            f"{shown(phrase)} names a Span ({reading.kind.value} {reading.named}), not a When; "
            "read it with read_phrase(...).value",
            text=phrase,
        )
    return reading.when


def read_phrase(
    phrase: str,
    *,
    anchor: When,
    zone: str,
    tense: Tense | None = None,
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
    anchor ends, and reads ``T`` in the past whatever the tense; the other bound words leave the
    tense to ``tense`` (deadlines are often future: "until Friday" said on a Tuesday is refused
    without one). Two bound words ("since before 1994") are refused.

    >>> report = When.day("2022-09-13", zone="Asia/Yerevan")
    >>> since = read_phrase("since 1994", anchor=report, zone="Asia/Yerevan")
    >>> since.kind, str(since.value)
    (PhraseKind.SINCE, '1994[Asia/Yerevan] – (ongoing as of 2022-09-13[Asia/Yerevan])')
    >>> after = read_phrase("after midnight", anchor=report, zone="Asia/Yerevan").when
    >>> after.earliest.isoformat(), after.latest == UTC_MAX
    ('2022-09-12T20:00:00.000001+00:00', True)
    >>> until = read_phrase("until Friday", anchor=report, zone="Asia/Yerevan", tense="future")
    >>> str(until.span.end)
    '2022-09-16[Asia/Yerevan]'
    """
    if not isinstance(phrase, str):
        raise UnknownPhraseError(
            f"a time phrase is text, not {type(phrase).__name__}", text=shown(phrase)
        )
    if not isinstance(anchor, When):
        raise InvalidValueError(
            f"anchor must be a When (the report's time, e.g. When.day(...) or When.instant(...)), "
            f"not {type(anchor).__name__}",
            where="resolve_phrase",
        )
    validate_zone(zone, where="resolve_phrase")
    if tense is not None and tense not in get_args(Tense):
        raise InvalidValueError(f"tense must be 'past', 'future' or None, not {shown(tense)}")
    if disambiguation not in get_args(WallPolicy):
        raise InvalidValueError(f"disambiguation must be one of {get_args(WallPolicy)}")
    ctx = _Context(
        phrase, zone, tense, disambiguation, day_parts, decade_parts, widths, anchor=anchor
    )
    text = _normalise(ctx)
    kind = PhraseKind.AT
    bound = ONE_SIDED.match(text)
    if bound is not None:
        kind = _KIND_OF_WORD[bound["word"]]
        text = FILLER.sub("", bound["rest"])
        if ONE_SIDED.match(text):
            raise ctx.unknown(": one bound word at most")
        if kind is PhraseKind.SINCE and tense is None:
            ctx = attrs.evolve(ctx, tense="past")  # since: it began before the report
    if not text:
        raise ctx.unknown(": an empty phrase names no time")
    try:
        named = _named(text, anchor, ctx)
    except _TenseNeededError:
        past = _named(text, anchor, attrs.evolve(ctx, tense="past"))
        future = _named(text, anchor, attrs.evolve(ctx, tense="future"))
        if past != future:
            raise ctx.refused(
                f"it depends on the tense, which was not given: in the past it is {past}, in "
                f"the future {future}; pass tense='past' or tense='future'"
            ) from None
        named = past
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
            raise InvalidTimeError(f"{shown(words)}: nothing is before the start of the calendar")
        return When(UTC_MIN, named.earliest - _ONE_MICROSECOND, Precision.SPAN, zone, text=words)
    if kind is PhraseKind.AFTER:
        if named.latest == UTC_MAX:
            raise InvalidTimeError(f"{shown(words)}: nothing is after the end of the calendar")
        return When(named.latest + _ONE_MICROSECOND, UTC_MAX, Precision.SPAN, zone, text=words)
    if kind is PhraseKind.SINCE:
        if named.earliest > anchor.latest:
            raise InvalidTimeError(
                f"{shown(words)}: {named} begins after the anchor {anchor} ends, so nothing can "
                "have lasted since then as of it"
            )
        return Span(named, ongoing_as_of=anchor)
    start = When(UTC_MIN, named.latest, Precision.SPAN, zone, text=words)
    return Span(start, named)


def _named(text: str, anchor: When, ctx: _Context) -> When:
    """The When a phrase without a bound word names (``text`` is normalised)."""
    dates_zone = ctx.zone  # the zone of the report's dates, even for '02:30 Moscow time'
    found = _find(text)
    suffix = ZONE_SUFFIX.fullmatch(text) if found is None else None
    if suffix is not None and suffix["city"] != "local":
        rest = _find(suffix["rest"], ("clock", "near_clock"))
        if rest is not None:
            ctx = attrs.evolve(ctx, zone=_named_zone(suffix, ctx))
            found = rest
    if found is None:
        raise ctx.unknown()
    form, match = found
    phrase, zone = ctx.phrase, ctx.zone
    try:
        reading = _reading(form, match, ctx)
        if isinstance(reading, When):
            return reading
        results = {reading(day) for day in _anchor_dates(anchor, dates_zone)}
    except LedgerError as error:
        if not isinstance(error, UnknownPhraseError):
            error.at(f"resolve_phrase({shown(phrase)})")
        raise
    except (OverflowError, ValueError):  # a date before year 1 or after 9999
        raise InvalidTimeError(f"{shown(phrase)} falls outside the supported calendar") from None
    if len(results) == 1:
        return results.pop()
    earliest = min(result.earliest for result in results)
    latest = max(result.latest for result in results)
    return When(earliest, latest, Precision.SPAN, zone, text=phrase)
