"""The phrase forms that ``resolve_phrase`` reads: their words and the patterns that match them.

Anything that matches none of these is refused, never guessed (``UNDERSTOOD`` lists them for the
error message). The patterns see a phrase after normalising (see ``resolve_phrase``): ASCII only,
lower case, one space between words, typographic quotes and dashes made plain, leading filler
words dropped. Some forms name a day inside a larger phrase ("the morning of <day>", "<day> at
02:30"): their ``rest``, ``before`` and ``after`` groups hold any text, which must itself be one
of the ``DAY_FORMS``.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "ABSOLUTE",
    "COUNTS",
    "DAY_FORMS",
    "FILLER",
    "FORMS",
    "MONTHS",
    "NAMED_CLOCKS",
    "NAMED_ZONES",
    "ONE_SIDED",
    "OPEN_ENDED",
    "QUOTES",
    "SHIFTS",
    "UNDERSTOOD",
    "WEEKDAYS",
    "ZONE_SUFFIX",
]

WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS: Final = "janfebmaraprmayjunjulaugsepoctnovdec"  # month n at 3 * (n - 1)
SHIFTS: Final = {"yesterday": -1, "today": 0, "tomorrow": 1}
COUNTS: Final = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30,
}  # fmt: skip
NAMED_ZONES: Final = {"gmt": "UTC", "utc": "UTC", "z": "UTC"}
ZONE_SUFFIX: Final = re.compile(
    r"(?P<rest>.+?) (?:(?P<abbr>gmt|utc|z)|(?P<city>[a-z][a-z' .-]*?) time)"
)
NAMED_CLOCKS: Final = {"midnight": (0, 0), "noon": (12, 0), "midday": (12, 0)}

_DAY: Final = rf"(?:{'|'.join(WEEKDAYS)}|{'|'.join(SHIFTS)})"
_WEEKDAY: Final = rf"(?:{'|'.join(WEEKDAYS)})"
_PART: Final = r"(?:early hours|small hours|morning|afternoon|evening|night)"
_MONTH: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_CLOCK: Final = (
    r"(?:midnight|noon|midday"
    r"|(?P<h24>\d{1,2}):(?P<m24>\d{2})(?! ?[ap]\.?m\b)"
    r"|(?P<h12>\d{1,2})(?:[:.](?P<m12>\d{2}))? ?(?P<half>[ap])\.?m\.?)"
)
_COUNT: Final = rf"(?P<count>\d{{1,3}}|{'|'.join(COUNTS)})"
# "the" is filler, save before "past" or "last": "the last week" is the seven days up to the
# report, "last week" the calendar week before the report's.
FILLER: Final = re.compile(r"^(?:(?:at|on|in|from|during|over|the(?! (?:past|last) )) )+")
ONE_SIDED: Final = re.compile(
    r"^(?P<word>by|no later than|not later than|before|after|until|till|up until|since) "
    r"(?P<rest>.+)"
)
# Typographic quotes and apostrophes as plain ones; hyphens, dashes and the minus sign as "-".
QUOTES: Final = str.maketrans("‘’‛“”‐‑‒–—―−﹣－", "'''\"\"---------")
_DATE: Final = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR: Final = r"(?P<year>\d{4})"
_TO: Final = r"(?: to | and | ?- ?| ?/ ?)"

FORMS: Final = {
    "clock": re.compile(
        rf"(?:(?P<before>.+?),? (?:at )?)?(?P<clock>{_CLOCK})(?: \(?local time\)?)?"
        r"(?:,? (?:on )?(?P<after>.+))?"
    ),
    "day": re.compile(rf"(?P<day>{_DAY})"),
    "last_next": re.compile(rf"(?P<which>last|next) (?P<weekday>{_WEEKDAY})"),
    # "the early hours of Tuesday morning": the morning says nothing more, and is allowed.
    "part_of": re.compile(rf"(?P<part>{_PART}) of (?P<rest>.+?)(?P<morning> morning)?"),
    "day_part": re.compile(rf"(?P<rest>.+?),? (?P<part>{_PART})"),
    "this": re.compile(r"this (?P<part>morning|afternoon|evening)|(?P<night>tonight|last night)"),
    "weekend": re.compile(
        r"(?:(?P<last>(?:the |this )?(?:last|past) )|(?P<this>this ))?(?:over (?:the )?)?weekend"
    ),
    "year": re.compile(_YEAR),
    "month": re.compile(rf"(?P<month>{_MONTH}) (?:of )?{_YEAR}"),
    "dmy": re.compile(rf"{_DATE} (?:of )?(?P<month>{_MONTH}),? {_YEAR}"),
    "mdy": re.compile(rf"(?P<month>{_MONTH}) {_DATE},? {_YEAR}"),
    "decade": re.compile(r"(?:(?P<part>early|mid|late)[ -])?(?P<decade>\d{3}0)'?s"),
    "short_decade": re.compile(r"(?:(?P<part>early|mid|late)[ -])?'(?P<tens>\d)0s"),
    "period": re.compile(
        r"(?P<which>last|this|earlier this|later this|next) (?P<unit>week|month|year)"
    ),
    "period_part": re.compile(
        r"(?P<part>early|mid|late)[ -](?P<which>last|this|next) (?P<unit>week|month|year)"
    ),
    "ago": re.compile(rf"{_COUNT} (?P<unit>day|week|month|year)s? ago"),
    "trailing": re.compile(
        rf"the (?:past|last) (?:{_COUNT} )?(?P<unit>hour|day|week|month|year)s?"
    ),
    "today_side": re.compile(r"(?P<which>earlier|later) today"),
    "day_before": re.compile(r"(?P<two>day before yesterday)|day before|previous day"),
    "early_late": re.compile(r"(?P<which>early|late) (?:on )?(?P<rest>.+)"),
    "overnight": re.compile(r"overnight(?: (?:into|to) (?P<rest>.+))?"),
    "night_of": re.compile(
        rf"night of {_DATE}{_TO}(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?"
        rf"(?P<month>{_MONTH})(?:,? {_YEAR})?"
    ),
    "days_dm": re.compile(
        rf"(?:between )?{_DATE}{_TO}(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?"
        rf"(?P<month>{_MONTH})(?:,? {_YEAR})?"
    ),
    "days_md": re.compile(
        rf"(?:between )?(?P<month>{_MONTH}) {_DATE}{_TO}(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:,? {_YEAR})?"
    ),
    "dated_weekday": re.compile(
        rf"(?P<weekday>{_WEEKDAY}),? (?:(?:the )?{_DATE} (?:of )?(?P<month>{_MONTH})"
        rf"|(?P<month2>{_MONTH}) (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)(?:,? {_YEAR})?"
    ),
    "dm": re.compile(rf"{_DATE} (?:of )?(?P<month>{_MONTH})"),
    "md": re.compile(rf"(?P<month>{_MONTH}) {_DATE}"),
    "month_part": re.compile(rf"(?P<part>early|mid|late)[ -](?P<month>{_MONTH})(?:,? {_YEAR})?"),
    "year_part": re.compile(rf"(?P<part>early|mid|late)[ -]{_YEAR}"),
    "near_clock": re.compile(
        rf"(?P<near>around|about|shortly after|shortly before) (?P<clock>{_CLOCK})"
        r"(?: \(?local time\)?)?"
    ),
    "sun": re.compile(r"(?P<sun>dawn|daybreak|sunrise|first light|dusk|sunset|nightfall)"),
    "open_ended": re.compile(
        r"(?P<open>(?:the )?(?:coming|next few|following|next several) (?:hours|days|weeks|months)"
        r"|(?:the )?(?:days|weeks|months) (?:ahead|to come)|soon|shortly"
        r"|recent (?:hours|days|weeks|months)|recently|lately"
        r"|(?:a few|a couple of|several|some|many) (?:hours|days|weeks|months|years) ago"
        r"|(?:the )?(?:past|last) (?:few|couple of|several) (?:hours|days|weeks|months|years))"
    ),
}
"""Every form, tried in this order; the first that matches (and whose day parts are days) wins."""

DAY_FORMS: Final = frozenset(
    {"day", "last_next", "dmy", "mdy", "dm", "md", "dated_weekday", "day_before"}
)
"""The forms that name one date, which may stand for the day in "the morning of <day>"."""
ABSOLUTE: Final = frozenset({"year", "month", "dmy", "mdy", "decade", "year_part"})
OPEN_ENDED: Final = (
    "it says neither how far ahead nor how far back (no width is documented for it); write "
    "a one-sided bound such as 'after <day>' or 'before <day>', or the window you mean"
)
UNDERSTOOD: Final = (
    "midnight, noon, HH:MM, 24:00, H[:MM] a.m./p.m. (2.30am), each optionally with '[on] <day>' "
    "and 'local time', '<city> time', 'GMT' or 'UTC'; around/about/shortly after/shortly before "
    "<clock>; a <day>: a weekday, last/next <weekday>, yesterday, today, tomorrow, the day "
    "before, the previous day, 13 September [2022], September 13[, 2022], Tuesday, 13 September "
    "[2022]; N days/weeks/months/years ago, the past/last [N] hours/days/weeks/months/years, "
    "earlier/later today; early hours/small hours/morning/afternoon/evening/night of <day> or "
    "<day> morning (etc.), early [on] <day>, late <day>, this morning/afternoon/evening, "
    "tonight, last night, overnight [into <day>], the night of 12 to 13 September [2022]; 13-14 "
    "September [2022]; (over/at) the weekend, this weekend, last/the past weekend; "
    "last/this/next/earlier this/later this week/month/year, early/mid/late last/this/next "
    "week/month/year; September 2020, early/mid/late September [2022]; 2020, early/mid/late "
    "2020; the 1990s, early/mid/late 1990s, the '90s; each may follow one of by, no later than, "
    "before, after, until, till, since"
)
