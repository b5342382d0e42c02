"""The malformed-file corpus: every file is refused cleanly, and skipping keeps the good lines.

``tests/corpus/`` is written by ``tests/make_corpus.py`` (``python -m tests.make_corpus``); each
:class:`~tests.make_corpus.Case` says which line the error must name and which lines a loader
that skips bad lines must skip.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Final

import pytest

from diplomacy_ledger import BadReferenceError, LedgerError
from diplomacy_ledger.io._jsonl import load_jsonl
from diplomacy_ledger.io._lines import decode_entry
from tests.make_corpus import CATEGORIES, CORPUS, Case, build, files

ROOT: Final = Path(__file__).resolve().parent.parent
CASES: Final = build()

KNOWN_BUGS: Final[dict[str, str]] = {}
"""Files the library loads or fails on wrongly today: each test on them is a strict xfail."""

REASONS: Final[dict[str, str]] = {
    "truncated": r"not a JSON line|not UTF-8",
    "encoding": r"not UTF-8|not a JSON line|surrogate",
    "whole-file": r"empty file|not a JSON line|expected a JSON object",
    "json-syntax": r"not a JSON line|expected a JSON object|duplicate|twice",
    "numbers": r"\bv: expected an integer|coordinates|too many digits",
    "nesting": r"nested too deeply|expected a string",
    "schema-version": r"\bv: (expected an integer|no schema version|written with schema version)"
    r"|unknown keys \['successor_field'\]",
    "wrong-type": r"expected|unknown kind|unknown error",
    "naive-datetime": r"naive datetime",
    "instant-form": r"not an RFC 3339 date-time",
    "zone": r"zone|wall",
    "when": r"record\.",
    "span": r"record\.",
    "unknown-key": r"unknown keys|batch: expected",
    "missing-key": r"missing keys|required field missing|a claim is about",
    "reference": r"unknown|was retracted|already corrected|cannot|is not a|, not a",
    "ledger": r".",
    "batch": r"batch|entry 'sotk'|entry 'vardenis'|not a JSON line",
    "injection": r"not a JSON line|unknown kind|unknown keys|expected \"type\"",
    "chain": r"digest chain|carries no digest|digest: |missing keys \['digest'\]",
}
"""What the message of each category's error must say (besides the file and line)."""

WHOLE_FILE: Final = frozenset({"bad-empty-file.jsonl"})
"""Files refused even when bad lines are skipped: there is no line to skip."""


def params() -> list[object]:
    return [
        pytest.param(
            case,
            id=case.name,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[case.name])]
            if case.name in KNOWN_BUGS
            else [],
        )
        for case in CASES
    ]


def lines_of(data: bytes) -> list[bytes]:
    """The file's lines as a loader numbers them: split on LF, no empty line after the last LF."""
    lines = data.split(b"\n")
    if data.endswith(b"\n") or not data:
        lines.pop()
    return lines


@pytest.mark.parametrize("case", params())
def test_refused_with_a_ledger_error_naming_the_file_and_line(case: Case) -> None:
    path = CORPUS / case.name
    with pytest.raises(LedgerError) as raised:
        load_jsonl(path)
    message = str(raised.value)
    assert case.name in message
    if case.error_line is not None:
        assert re.search(rf"{re.escape(case.name)}:{case.error_line}(?!\d)", message), message
    assert re.search(REASONS[case.category], message), message
    if case.field is not None:
        # A When inside a Span is named "record.span.start: earliest" (or "...: When.zone")
        # today, not "record.span.start.earliest": accept both until the paths agree.
        parts = [re.escape(part) for part in case.field.split(".")]
        assert re.search(r"(\.|: (When\.)?)".join(parts) + ":", message), message
    if case.category == "reference":
        assert isinstance(raised.value, BadReferenceError), message
    torn = not case.data.endswith(b"\n") and case.error_line == len(lines_of(case.data))
    assert ("the last line has no newline" in message) == torn, message


@pytest.mark.parametrize("case", params())
def test_skipping_bad_lines_loads_every_good_line_and_lists_every_bad_one(case: Case) -> None:
    path = CORPUS / case.name
    if case.whole_file:
        with pytest.raises(LedgerError, match=re.escape(case.name)):
            load_jsonl(path, skip_bad_lines=True)
        return
    assert case.skipped is not None
    result = load_jsonl(path, skip_bad_lines=True)
    lines = lines_of(path.read_bytes())
    assert sorted(skipped.line for skipped in result.skipped) == sorted(case.skipped)
    assert len(result.ledger) + len(result.skipped) == len(lines)
    assert not result.rejected
    for skipped in result.skipped:
        assert case.name in skipped.error
        assert skipped.text == lines[skipped.line - 1].decode("utf-8", "replace")
    good = [line for number, line in enumerate(lines, 1) if number not in case.skipped]
    expected = [decode_entry(line).entry for line in good]
    assert list(result.ledger) == expected


@pytest.mark.parametrize(
    "case",
    [case for case in CASES if case.name.startswith("bad-ref-dangling-")],
    ids=lambda case: case.name,
)
def test_reporting_references_keeps_a_dangling_entry_out_and_says_why(case: Case) -> None:
    path = CORPUS / case.name
    result = load_jsonl(path, references="report")
    lines = lines_of(path.read_bytes())
    assert case.error_line is not None
    bad = json.loads(lines[case.error_line - 1])
    assert [entry.id for entry in result.rejected] == [bad["id"]]
    assert bad["id"] not in result.ledger
    assert len(result.ledger) + len(result.rejected) == len(lines)
    assert [f.entries for f in result.findings if f.kind == "dangling_reference"] == [(bad["id"],)]


def test_the_corpus_holds_at_least_200_files_in_every_category() -> None:
    names = sorted(path.name for path in CORPUS.glob("*.jsonl"))
    assert len(names) >= 200
    assert all(name.startswith("bad-") for name in names)
    counts = Counter(case.category for case in CASES)
    assert set(counts) == set(CATEGORIES)
    assert min(counts.values()) >= 5, counts


def test_the_known_bugs_and_whole_file_defects_are_corpus_files() -> None:
    names = {case.name for case in CASES}
    assert set(KNOWN_BUGS) <= names
    assert {case.name for case in CASES if case.whole_file} == WHOLE_FILE


def test_the_committed_corpus_is_exactly_what_make_corpus_writes() -> None:
    expected = dict(files(CASES))
    found = {path.name: path.read_bytes() for path in CORPUS.iterdir()}
    advice = "regenerate it: python -m tests.make_corpus"
    assert sorted(found) == sorted(expected), advice
    changed = [name for name in expected if found[name] != expected[name]]
    assert not changed, f"{changed[:5]} differ; {advice}"


def test_make_corpus_writes_the_same_bytes_in_a_fresh_process(tmp_path: Path) -> None:
    """Another hash seed, another process: the same files (no set or dict order leaks out)."""
    script = "import sys; from pathlib import Path; from tests.make_corpus import write; "
    script += "write(Path(sys.argv[1]))"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, env=env, check=True)
    written = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    assert written == dict(files(CASES))
