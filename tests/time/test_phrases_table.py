"""The table of phrase forms in docs/time.md is true: every row is read and checked.

The bounds in the table are written by hand, on Yerevan's clocks, from calendar facts (13 September
2022 was a Tuesday; Yerevan was on UTC+4, Moscow on UTC+3); here they become instants through
the standard library's ``zoneinfo``, not through the code under test.
"""

import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from diplomacy_ledger import PhraseKind, When, read_phrase

DOC = Path(__file__).resolve().parents[2] / "docs" / "time.md"
YEREVAN = ZoneInfo("Asia/Yerevan")
ROW = re.compile(
    r"^\| `(?P<phrase>[^`]+)` \| `(?P<kind>[A-Z]+)` \| (?P<a>[^|]+) \| (?P<b>[^|]+) \|$"
)


def rows() -> list[tuple[str, str, str, str]]:
    text = DOC.read_text(encoding="utf-8")
    table = text.split("<!-- phrase table:", 1)[1].split("\n\n", 1)[0]
    found = [
        (m["phrase"], m["kind"], m["a"].strip(), m["b"].strip())
        for line in table.splitlines()
        if (m := ROW.match(line))
    ]
    assert len(found) >= 40  # the table was found and read
    return found


def instant(wall: str) -> datetime:
    return datetime.fromisoformat(wall).replace(tzinfo=YEREVAN).astimezone(UTC)


@pytest.mark.parametrize(("phrase", "kind", "earliest", "latest"), rows())
def test_each_row_of_the_phrase_table(phrase: str, kind: str, earliest: str, latest: str) -> None:
    anchor = When.day("2022-09-13", zone="Asia/Yerevan")
    reading = read_phrase(phrase, anchor=anchor, zone="Asia/Yerevan", tense="past")
    assert reading.kind is PhraseKind[kind]
    assert (reading.named.earliest, reading.named.latest) == (instant(earliest), instant(latest))
