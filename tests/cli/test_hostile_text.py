"""Hostile text in a ledger (escapes, CR, newlines, bidi overrides, huge names) reaches no
terminal raw: every text report escapes and cuts it; JSON output keeps it exact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplomacy_ledger import Actor, ActorKind, Claim, Provenance, Stance, dump_jsonl
from diplomacy_ledger.__main__ import main
from diplomacy_ledger.cli._common import terminal
from diplomacy_ledger.io import rechain_lines
from tests.contacts._ledgers import T, at, call, cast

# A name is one line: it may hold a bidi override (right-to-left text needs format characters)
# but no control character. Free text (a proposition, a quote) may hold newlines and CR.
NAME = "Evil\u202eevil\u200f" + "x" * 10_000
HOSTILE = "Evil\r\nforged finding\u202eevil\u2028" + "x" * 10_000


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    ledger = cast()
    ledger.append(Actor(NAME, ActorKind.PERSON), id="evil", recorded_at=T)
    call(ledger, "c", ("evil", "putin"), at(0, 0))
    said = Claim("evil", Stance.ASSERTS, Provenance("article"), key="k", proposition=HOSTILE)
    ledger.append(said, id="k1", recorded_at=T)
    denied = Claim("putin", Stance.DENIES, Provenance("article"), key="k")
    ledger.append(denied, id="k2", recorded_at=T)
    path = tmp_path / "hostile.jsonl"
    dump_jsonl(ledger, path)
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["timeline"],
        ["contacts"],
        ["contacts", "--actor", "evil"],
        ["diff", "--as-of", "2000-01-01T00:00Z", "--as-of", "2030-01-01T00:00Z"],
    ],
    ids=" ".join,
)
def test_text_reports_escape_and_cut_what_the_ledger_holds(
    hostile: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    main([argv[0], str(hostile), *argv[1:]])
    out = capsys.readouterr().out
    for raw in ("\x1b", "\r", "\u202e", "\u2028"):
        assert raw not in out
    assert "forged finding" not in {line.strip() for line in out.splitlines()}
    assert max(len(line) for line in out.splitlines()) <= 2_100
    if argv[0] != "timeline":  # the timeline names no actor in text
        assert "Evil\\u202eevil" in out  # shown, escaped


def test_json_output_keeps_the_text_exact(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", str(hostile), "--format", "json"])
    [finding] = json.loads(capsys.readouterr().out)
    assert NAME[:100] in finding["explanation"]  # the claimant, exactly as written


def test_a_file_with_a_control_character_in_a_name_is_refused_and_the_error_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An escape sequence in a name is no name: the file is refused, and the message that
    echoes the value shows it escaped."""
    ledger = cast()
    ledger.append(Actor("Evil Name", ActorKind.PERSON), id="evil", recorded_at=T)
    path = tmp_path / "evil.jsonl"
    dump_jsonl(ledger, path)
    text = path.read_text(encoding="utf-8").replace("Evil Name", "Evil\\u001b[2J Name")
    path.write_text("".join(line + "\n" for line in rechain_lines(text.splitlines())))
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "record.name: expected one line of text" in err
    assert "\\x1b" in err


def test_printable_text_passes_unchanged_and_only_length_is_cut() -> None:
    assert terminal("Nikol Pashinyan — Ереван, 02:30") == "Nikol Pashinyan — Ереван, 02:30"
    assert terminal("a" * 300, 10) == "a" * 9 + "…"
    assert terminal("tab\there") == "tab\\there"
