"""The phrase forms that ``resolve_phrase`` reads: their words and the patterns that match them.

Anything that matches none of these is refused, never guessed (``UNDERSTOOD`` lists them for the
error message).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "ABSOLUTE",
    "COUNTS",
    "FILLER",
    "FORMS",
    "MONTHS",
    "NAMED_CLOCKS",
    "NAMED_ZONES",
    "ONE_SIDED",
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
    "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
NAMED_ZONES: Final = {"gmt": "UTC", "utc": "UTC", "z": "UTC"}
ZONE_SUFFIX: Final = re.compile(
    r"(?P<rest>.+?) (?:(?P<abbr>gmt|utc|z)|(?P<city>[a-z][a-z' .-]*?) time)"
)
NAMED_CLOCKS: Final = {"midnight": (0, 0), "noon": (12, 0), "midday": (12, 0)}

_DAY: Final = rf"(?:{'|'.join(WEEKDAYS)}|{'|'.join(SHIFTS)})"
_PART: Final = r"(?:early hours|morning|afternoon|evening|night)"
_MONTH: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_CLOCK: Final = (
    r"(?:midnight|noon|midday"
    r"|(?P<h24>\d{1,2}):(?P<m24>\d{2})"
    r"|(?P<h12>\d{1,2})(?:[:.](?P<m12>\d{2}))? ?(?P<half>[ap])\.?m\.?)"
)
FILLER: Final = re.compile(r"^(?:(?:at|on|in|from|during|the) )+")
ONE_SIDED: Final = re.compile(
    r"^(?P<word>by|no later than|not later than|before|after|until|till|up until|since) "
    r"(?P<rest>.+)"
)
QUOTES: Final = str.maketrans("‘’‛“”‐‑", "'''\"\"--")
_DATE: Final = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR: Final = r"(?P<year>\d{4})"

FORMS: Final = {
    "clock": re.compile(
        rf"(?:(?P<before>{_DAY}),? (?:at )?)?(?P<clock>{_CLOCK})(?: \(?local time\)?)?"
        rf"(?:,? (?:on )?(?P<after>{_DAY}))?"
    ),
    "day": re.compile(rf"(?P<day>{_DAY})"),
    "part_of": re.compile(rf"(?P<part>{_PART}) of (?P<day>{_DAY})"),
    "day_part": re.compile(rf"(?P<day>{_DAY}) (?P<part>{_PART})"),
    "this": re.compile(r"this (?P<part>morning|afternoon|evening)|(?P<night>tonight|last night)"),
    "weekend": re.compile(r"(?:(?P<last>last |past )|(?P<this>this ))?(?:over (?:the )?)?weekend"),
    "year": re.compile(_YEAR),
    "month": re.compile(rf"(?P<month>{_MONTH}) (?:of )?{_YEAR}"),
    "dmy": re.compile(rf"{_DATE} (?:of )?(?P<month>{_MONTH}),? {_YEAR}"),
    "mdy": re.compile(rf"(?P<month>{_MONTH}) {_DATE},? {_YEAR}"),
    "decade": re.compile(r"(?:(?P<part>early|mid|late)[ -])?(?P<decade>\d{3}0)'?s"),
    "short_decade": re.compile(r"(?:(?P<part>early|mid|late)[ -])?'(?P<tens>\d)0s"),
    "week": re.compile(r"(?P<which>last|this|earlier this) week"),
    "last_period": re.compile(r"last (?P<unit>month|year)"),
    "ago": re.compile(rf"(?P<count>\d{{1,3}}|{'|'.join(COUNTS)}) days? ago"),
    "day_before": re.compile(r"(?P<two>day before yesterday)|day before|previous day"),
    "early_late": re.compile(rf"(?P<which>early|late) (?:on )?(?P<day>{_DAY})"),
    "overnight": re.compile(r"overnight"),
    "night_of": re.compile(
        rf"night of {_DATE}(?: to | and | ?[-–] ?)(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?"
        rf"(?P<month>{_MONTH})(?:,? {_YEAR})?"
    ),
    "dated_weekday": re.compile(
        rf"(?P<weekday>{'|'.join(WEEKDAYS)}),? (?:(?:the )?{_DATE} (?:of )?(?P<month>{_MONTH})"
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
}
ABSOLUTE: Final = frozenset({"year", "month", "dmy", "mdy", "decade", "year_part"})
UNDERSTOOD: Final = (
    "midnight, noon, HH:MM, 24:00, H[:MM] a.m./p.m. (2.30am), each optionally with '[on] <day>' "
    "and 'local time', '<city> time', 'GMT' or 'UTC'; around/about/shortly after/shortly before "
    "<clock>; a weekday, yesterday, today, tomorrow, N days ago, the day before, the previous "
    "day; early hours/morning/afternoon/evening/night of <day> or <day> morning (etc.), early "
    "[on] <day>, late <day>, this morning/afternoon/evening, tonight, last night, overnight, the "
    "night of 12 to 13 September [2022]; (over/at) the weekend, this weekend, last/the past "
    "weekend; this week, last week, earlier this week, last month, last year; September 2020, "
    "13 September [2022], September 13[, 2022], Tuesday, 13 September [2022]; early/mid/late "
    "September [2022]; 2020, early/mid/late 2020; the 1990s, early/mid/late 1990s, the '90s; "
    "each may follow one of by, no later than, before, after, until, till, since"
)
