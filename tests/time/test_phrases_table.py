"""The tables of phrase forms in docs/time.md are true: every row is read and checked.

The bounds in the tables are written by hand, on Yerevan's clocks, from calendar facts (13 September
2022 was a Tuesday; Yerevan was on UTC+4, Moscow on UTC+3); here they become instants through
the standard library's ``zoneinfo``, not through the code under test.
"""

import re
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from diplomacy_ledger import PhraseKind, Tense, When, read_phrase

DOC = Path(__file__).resolve().parents[2] / "docs" / "time.md"
YEREVAN = ZoneInfo("Asia/Yerevan")
ANCHOR = When.day("2022-09-13", zone="Asia/Yerevan")  # a Tuesday
ROW = re.compile(
    r"^\| `(?P<phrase>[^`]+)` \| `(?P<kind>[A-Z]+)` \| (?P<a>[^|]+) \| (?P<b>[^|]+) \|$"
)
TENSE_ROW = re.compile(
    r"^\| `(?P<phrase>[^`]+)` \| (?P<none>[^|]+) \| (?P<past>[^|]+) \| (?P<future>[^|]+) \|$"
)


def table(marker: str) -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    return text.split(f"<!-- {marker}:", 1)[1].split("\n\n", 1)[0].splitlines()


def rows() -> list[tuple[str, str, str, str]]:
    found = [
        (m["phrase"], m["kind"], m["a"].strip(), m["b"].strip())
        for line in table("phrase table")
        if (m := ROW.match(line))
    ]
    assert len(found) >= 70  # the table was found and read
    return found


def tense_rows() -> list[tuple[str, Tense | None, str]]:
    found: list[tuple[str, Tense | None, str]] = []
    for line in table("tense table"):
        m = TENSE_ROW.match(line)
        if m is not None and m["phrase"] != "phrase":
            found += [
                (m["phrase"], None, m["none"].strip()),
                (m["phrase"], "past", m["past"].strip()),
                (m["phrase"], "future", m["future"].strip()),
            ]
    assert len(found) >= 3 * 15
    return found


def instant(wall: str) -> datetime:
    return datetime.fromisoformat(wall).replace(tzinfo=YEREVAN).astimezone(UTC)


@pytest.mark.parametrize(("phrase", "kind", "earliest", "latest"), rows())
def test_each_row_of_the_phrase_table(phrase: str, kind: str, earliest: str, latest: str) -> None:
    reading = read_phrase(phrase, anchor=ANCHOR, zone="Asia/Yerevan", tense="past")
    assert reading.kind is PhraseKind[kind]
    assert (reading.named.earliest, reading.named.latest) == (instant(earliest), instant(latest))


@pytest.mark.parametrize(("phrase", "tense", "dates"), tense_rows())
def test_each_cell_of_the_tense_table(phrase: str, tense: Tense | None, dates: str) -> None:
    if dates == "refused":
        with pytest.raises(ValueError, match=re.escape(phrase)):
            read_phrase(phrase, anchor=ANCHOR, zone="Asia/Yerevan", tense=tense)
        return
    first, _, last = dates.partition(" to ")
    named = read_phrase(phrase, anchor=ANCHOR, zone="Asia/Yerevan", tense=tense).named
    shown = (named.earliest.astimezone(YEREVAN).date(), named.latest.astimezone(YEREVAN).date())
    assert shown == (date.fromisoformat(first), date.fromisoformat(last or first))
