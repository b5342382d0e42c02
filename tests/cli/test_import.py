"""The ``import`` subcommand: stores created, reports, exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplomacy_ledger import open_store
from diplomacy_ledger.__main__ import main

FIXTURES = Path(__file__).parents[1] / "importers" / "fixtures"


@pytest.mark.parametrize("suffix", [".jsonl", ".sqlite"])
def test_a_clean_import_creates_the_store_and_exits_zero(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / f"ledger{suffix}"
    args = ["import", "contacts-csv", str(FIXTURES / "contacts.csv"), "--into", str(store)]
    assert main([*args, "--recorded-at", "2024-01-01T00:00Z"]) == 0
    out, err = capsys.readouterr()
    assert "5 rows read; 5 records" in out
    assert err == ""  # no progress when stderr is not a terminal
    with open_store(store, readonly=True) as opened:
        size = len(opened.ledger())
        assert "contacts:c1" in opened.ledger()
    assert main([*args, "--recorded-at", "2024-01-02T00:00Z"]) == 0  # again: nothing added
    assert "0 records, 0 corrections, 0 retractions, 5 unchanged" in capsys.readouterr().out
    with open_store(store, readonly=True) as opened:
        assert len(opened.ledger()) == size


def test_skipped_rows_exit_one_and_the_json_report_counts_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "acled.sqlite"
    files = [str(FIXTURES / "acled_release1.csv"), str(FIXTURES / "acled_release2.csv")]
    assert main(["import", "acled", *files, "--into", str(store), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [f["records"] for f in report["files"]] == [4, 1]
    assert report["total"]["corrections"] == 1
    assert report["total"]["skipped"] == {
        "no counterpart: Protests / Peaceful protest": 2,
        "no counterpart: Strategic developments / Arrests": 2,
    }
    with open_store(store, readonly=True) as opened:
        assert len(opened.ledger().history("acled:ARM9001")) == 2


def test_a_bad_row_exits_two_names_its_place_and_imports_nothing_of_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "ledger.jsonl"
    bad = FIXTURES / "contacts_bad.csv"
    args = ["import", "contacts-csv", str(bad), "--into", str(store)]
    assert main([*args, "--recorded-at", "2024-01-01T00:00Z"]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:3: date:" in err
    with open_store(store, readonly=True) as opened:
        assert len(opened.ledger()) == 0
    assert main([*args, "--recorded-at", "2024-01-01T00:00Z", "--skip-bad-rows"]) == 1
    out = capsys.readouterr().out
    assert "skipped 1: unknown phrase" in out
    assert "skipped 1: bad mode" in out


def test_an_unknown_format_or_store_name_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(
            [
                "import",
                "no-such-format",
                str(FIXTURES / "contacts.csv"),
                "--into",
                str(tmp_path / "a.jsonl"),
            ]
        )
    assert raised.value.code == 2
    wrong = [
        "import",
        "acled",
        str(FIXTURES / "acled_release1.csv"),
        "--into",
        str(tmp_path / "a.txt"),
    ]
    assert main(wrong) == 2
    assert "cannot tell the format" in capsys.readouterr().err
