"""Hostile text in a ledger (escapes, CR, newlines, bidi overrides, huge names) reaches no
terminal raw: every text report escapes and cuts it; JSON output keeps it exact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplomacy_ledger import Actor, ActorKind, Claim, Provenance, Stance, dump_jsonl
from diplomacy_ledger.__main__ import main
from diplomacy_ledger.cli._common import terminal
from tests.contacts._ledgers import T, at, call, cast

HOSTILE = "Evil\x1b[2J\r\nforged finding\u202eevil\u2028" + "x" * 10_000


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    ledger = cast()
    ledger.append(Actor(HOSTILE, ActorKind.PERSON), id="evil", recorded_at=T)
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
        assert "\\x1b[2J" in out  # shown, escaped


def test_json_output_keeps_the_text_exact(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", str(hostile), "--format", "json"])
    [finding] = json.loads(capsys.readouterr().out)
    assert HOSTILE[:100] in finding["explanation"]


def test_printable_text_passes_unchanged_and_only_length_is_cut() -> None:
    assert terminal("Nikol Pashinyan — Ереван, 02:30") == "Nikol Pashinyan — Ереван, 02:30"
    assert terminal("a" * 300, 10) == "a" * 9 + "…"
    assert terminal("tab\there") == "tab\\there"
