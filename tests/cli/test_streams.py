"""Ledgers read from standard input (``-``) and from pipes and FIFOs, as streams."""

from __future__ import annotations

import io
import json
import os
import threading
from pathlib import Path

import pytest

from diplomacy_ledger import LedgerError, dumps_jsonl, load_jsonl
from diplomacy_ledger.__main__ import main
from diplomacy_ledger.examples import seed_ledger


def test_a_dash_reads_the_ledger_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = dumps_jsonl(seed_ledger()).encode("utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["check", "-", "--exit-zero"]) == 0
    assert capsys.readouterr().out.startswith("-: 61 entries, 7 findings")


def test_an_empty_standard_input_is_an_empty_ledger_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert main(["contacts", "-"]) == 2
    assert "<stdin>: empty file" in capsys.readouterr().err


@pytest.mark.parametrize("content", ["seed", "nothing"])
def test_a_fifo_is_read_as_a_stream_not_by_its_size(tmp_path: Path, content: str) -> None:
    fifo = tmp_path / "ledger.jsonl"
    os.mkfifo(fifo)
    data = dumps_jsonl(seed_ledger()).encode("utf-8") if content == "seed" else b""

    def write() -> None:
        with fifo.open("wb") as pipe:
            pipe.write(data)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        if content == "seed":
            assert len(load_jsonl(fifo).ledger) == 61  # its size is 0: it was read anyway
        else:
            with pytest.raises(LedgerError, match="empty file"):
                load_jsonl(fifo)
    finally:
        writer.join(timeout=10)


def test_a_dash_writes_to_standard_output_where_an_output_stands_alone(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["example", "-"]) == 0
    text = capsys.readouterr().out
    assert text == dumps_jsonl(seed_ledger())  # the file itself, no status line mixed in
    assert not (tmp_path / "-").exists()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["convert", "-", "-"]) == 0
    assert capsys.readouterr().out == text
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["convert", "-", "-", "--plover"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {record["id"] for record in records} >= {"call-pashinyan-putin"}
    # The timeline's listing is its standard output: an SVG there would be mixed into it.
    path = tmp_path / "seed.jsonl"
    path.write_text(text, encoding="utf-8")
    assert main(["timeline", str(path), "--svg", "-"]) == 2
    assert "--svg -" in capsys.readouterr().err
    assert not (tmp_path / "-").exists()
