"""The command line: output on the seed article, and exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Ledger,
    Participant,
    Provenance,
    Source,
    Span,
    When,
    __version__,
    dump_jsonl,
)
from diplomacy_ledger.__main__ import main
from diplomacy_ledger.cli import _main as _cli
from diplomacy_ledger.io import rechain_lines


def test_resolve_seed_prints_the_articles_times_in_utc_and_local(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["resolve", "--seed"]) == 0
    out = capsys.readouterr().out
    blocks = {block.splitlines()[0]: block for block in out.split("\n\n")[1:]}
    ceasefire = blocks["'02:30 local time'"]
    assert "UTC            2022-09-12T22:30+00:00" in ceasefire
    assert "Europe/Moscow  2022-09-13T01:30+03:00" in ceasefire
    assert "Europe/Paris   2022-09-13T00:30+02:00" in ceasefire
    midnight = blocks["'midnight'"]
    assert "UTC            2022-09-12T20:00+00:00" in midnight
    early = blocks["'early hours of Tuesday'"]
    assert "Europe/Paris   2022-09-12T22:00+02:00 … 2022-09-13T03:59:59+02:00" in early
    assert set(blocks) >= {"'over the weekend'", "'September 2020'", "'early 1990s'"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["resolve", "someday", "--anchor", "2022-09-13", "--zone", "Asia/Yerevan"], "someday"),
        (["resolve", "noon", "--anchor", "2022-09-13", "--zone", "EDT"], "abbreviation"),
        (["resolve", "noon", "--anchor", "2022-09-13T02:30", "--zone", "Asia/Yerevan"], "offset"),
        (["resolve", "noon"], "--anchor"),
    ],
)
def test_bad_input_exits_2_with_a_message_and_no_traceback(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_bad_arguments_exit_2() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["no-such-command"])
    assert caught.value.code == 2


def test_module_entry_point_and_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "diplomacy_ledger", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"diplomacy-ledger {__version__}"


def test_example_then_check_reports_the_seed_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "seed.jsonl"
    assert main(["example", str(path)]) == 0
    assert path.exists()
    assert main(["example", str(path)]) == 2  # refuses to overwrite
    capsys.readouterr()
    assert main(["check", str(path), "--zone", "Europe/Paris"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: ")
    assert "contradiction (3)" in out
    assert "ceasefire violation (4)" in out
    assert "Europe/Paris" in out
    assert main(["check", str(path), "--exit-zero", "--only", "double_booking"]) == 0


def test_check_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "seed.jsonl"
    main(["example", str(path)])
    capsys.readouterr()
    assert main(["check", str(path), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert {f["kind"] for f in findings} == {"contradiction", "ceasefire_violation"}
    assert all(set(f) == {"kind", "certainty", "entries", "explanation"} for f in findings)


def test_check_as_of_before_the_denial(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "seed.jsonl"
    main(["example", str(path)])
    capsys.readouterr()
    main(["check", str(path), "--format", "json", "--as-of", "2022-09-13T04:45Z"])
    entries = [tuple(f["entries"]) for f in json.loads(capsys.readouterr().out)]
    assert ("claim-azerbaijan-armenia-started", "claim-armenia-denies-started") in entries
    assert not any("claim-azerbaijan-denies-ceasefire" in e for e in entries)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"v": 1, "id": "x"}\n', "t.jsonl:1: missing keys"),
        (b"", "empty file"),
        (b"\xff\n", "t.jsonl:1: not UTF-8"),
    ],
)
def test_check_a_bad_file_exits_2_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "t.jsonl"
    path.write_bytes(content)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_check_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope.jsonl")]) == 2
    assert "cannot read the file" in capsys.readouterr().err


def test_dangling_references_in_a_file_are_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "seed.jsonl"
    main(["example", str(path)])
    lines = path.read_text().splitlines()
    kept = [line for line in lines if '"id":"source-public-record"' not in line]
    path.write_text("".join(line + "\n" for line in kept))
    capsys.readouterr()
    assert main(["check", str(path), "--only", "contradiction"]) == 2  # a line gone: history
    assert "does not match the digest chain" in capsys.readouterr().err
    path.write_text("".join(line + "\n" for line in rechain_lines(kept)))  # a tool's own file
    assert main(["check", str(path), "--only", "contradiction"]) == 1
    out = capsys.readouterr().out
    assert "dangling reference" in out
    assert "kept out for broken references" in out


def test_timeline_lists_entries_in_time_order_with_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "seed.jsonl"
    main(["example", str(path)])
    capsys.readouterr()
    assert main(["timeline", str(path), "--zone", "Europe/Paris"]) == 0
    out = capsys.readouterr().out
    first_war = out.index("hostility hostility-first-war")
    calls = out.index("call call-pashinyan-putin")
    ceasefire = out.index("ceasefire ceasefire-2022")
    assert first_war < calls < ceasefire  # 1990s, then 20:00Z, then 22:30Z on 12 September
    assert "2022-09-12 22:00 Europe/Paris" in out  # the night began on Monday evening in Paris
    assert "! ceasefire violation (possible)" in out


def test_diff_between_two_record_times(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "seed.jsonl"
    main(["example", str(path)])
    capsys.readouterr()
    args = ["diff", str(path), "--as-of", "2022-09-13T04:45Z", "--as-of", "2022-09-13T05:00Z"]
    assert main([*args, "--format", "json"]) == 0
    change = json.loads(capsys.readouterr().out)
    # Recorded at 05:00: Azerbaijan's denial of the ceasefire Armenian media had reported.
    assert [f["entries"] for f in change["appeared"]] == [
        ["ceasefire-2022", "report-armenian-media-ceasefire", "claim-azerbaijan-denies-ceasefire"]
    ]
    assert change["gone"] == []
    # The possible violation of that ceasefire was already there; now it also rests on a denial.
    [changed] = change["changed"]
    assert changed["entries"] == ["ceasefire-2022", "hostility-shelling"]
    assert "denies the ceasefire" in changed["explanation"]
    assert main(["diff", str(path), "--as-of", "2022-09-13T05:00Z"]) == 2


def test_convert_between_formats_is_lossless(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl, sqlite, back = tmp_path / "a.jsonl", tmp_path / "a.sqlite", tmp_path / "b.jsonl"
    main(["example", str(jsonl)])
    assert main(["convert", str(jsonl), str(sqlite)]) == 0
    assert main(["convert", str(sqlite), str(back)]) == 0
    assert back.read_bytes() == jsonl.read_bytes()
    assert main(["convert", str(jsonl), str(sqlite)]) == 2  # never into an existing file
    capsys.readouterr()
    assert main(["check", str(sqlite), "--format", "json"]) == 1
    assert len(json.loads(capsys.readouterr().out)) == 7


def test_convert_to_plover_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonl, plover = tmp_path / "a.jsonl", tmp_path / "a.plover.json"
    main(["example", str(jsonl)])
    assert main(["convert", str(jsonl), str(plover), "--plover"]) == 0
    records = {record["id"]: record for record in json.loads(plover.read_text())}
    call = records["call-pashinyan-putin"]
    assert (call["event"], call["mode"], call["cameo"]) == (["CONSULT"], ["phone"], "041")
    assert [actor["entity_text"] for actor in call["actor"]] == ["Nikol Pashinyan"]
    assert [actor["entity_text"] for actor in call["recipient"]] == ["Vladimir Putin"]
    # The calls' window crosses midnight UTC: no single date is made up, and none is written.
    assert "date" not in call
    assert (call["earliest"], call["latest"]) == (
        "2022-09-12T20:00:00Z",
        "2022-09-13T01:59:59.999999Z",
    )
    assert "source-article" not in records  # not an event


@pytest.mark.parametrize(
    "command", ["check", "timeline", "diff", "convert", "example", "resolve", "import"]
)
def test_every_subcommand_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    assert f"usage: diplomacy-ledger {command}" in capsys.readouterr().out


def test_internal_errors_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setitem(_cli._COMMANDS, "resolve", broken)
    assert main(["resolve", "--seed"]) == 3
    assert "internal error" in capsys.readouterr().err


def test_resolve_refuses_a_repeated_wall_time_unless_told_which(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """01:30 in London on 30 October 2022 happened twice: at 00:30 and at 01:30 UTC."""
    argv = ["resolve", "01:30", "--anchor", "2022-10-30[Europe/London]", "--zone", "Europe/London"]
    assert main(argv) == 2
    assert "happened twice in Europe/London" in capsys.readouterr().err
    assert main([*argv, "--disambiguation", "earlier"]) == 0
    assert "UTC            2022-10-30T00:30+00:00" in capsys.readouterr().out
    assert main([*argv, "--disambiguation", "later"]) == 0
    assert "UTC            2022-10-30T01:30+00:00" in capsys.readouterr().out


def test_the_timeline_shows_offsets_where_a_fold_makes_wall_times_ambiguous(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A call from 01:50 (summer time) to 01:10 (winter time) reads only with its offsets."""

    moment = When.local("2022-10-30 01:50", zone="Europe/London", disambiguation="earlier")
    until = When.local("2022-10-30 01:10", zone="Europe/London", disambiguation="later")
    recorded = until.latest
    ledger = Ledger()
    ledger.append(Source(title="t"), id="s", recorded_at=recorded)
    for name in ("a", "b"):
        ledger.append(Actor(name.upper(), ActorKind.PERSON), id=name, recorded_at=recorded)
    call = Call((Participant("a"), Participant("b")), Span(moment, until), Provenance("s"))
    ledger.append(call, id="c", recorded_at=recorded)
    path = tmp_path / "fold.jsonl"
    dump_jsonl(ledger, path)
    assert main(["timeline", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2022-10-30 01:50+01:00 Europe/London" in out
    assert "2022-10-30 01:10+00:00 Europe/London" in out
    assert main(["timeline", str(path), "--zone", "Asia/Yerevan"]) == 0
    yerevan = capsys.readouterr().out  # no fold there: no offsets
    assert (
        "(2022-10-30 04:50 Asia/Yerevan) to 2022-10-30 01:10 UTC (2022-10-30 05:10 Asia" in yerevan
    )


def test_resolve_refuses_a_phrase_the_tense_decides_unless_given(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """'By Friday' said on Tuesday 13 September 2022: the 9th (past) or the 16th (future)."""
    argv = [
        "resolve",
        "by Friday",
        "--anchor",
        "2022-09-13[Asia/Yerevan]",
        "--zone",
        "Asia/Yerevan",
    ]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "depends on the tense" in err
    assert main([*argv, "--tense", "future"]) == 0
    assert "2022-09-16T23:59:59+04:00" in capsys.readouterr().out
    assert main([*argv, "--tense", "past"]) == 0
    assert "2022-09-09T23:59:59+04:00" in capsys.readouterr().out
