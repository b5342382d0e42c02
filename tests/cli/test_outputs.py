"""Every file a subcommand writes: never over an existing file without --force, never over its
input, never through a link, atomically, and every refusal an exit 2 naming the path."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from diplomacy_ledger import dump_jsonl
from diplomacy_ledger.__main__ import main
from diplomacy_ledger.examples import seed_ledger

# Each writer: the command line that writes ``out`` from the ledger at ``ledger``, and whether
# it takes --force (a store is never overwritten: it would mix two ledgers).
WRITERS: dict[str, tuple[Callable[[Path, Path], list[str]], bool]] = {
    "timeline --svg": (lambda ledger, out: ["timeline", str(ledger), "--svg", str(out)], True),
    "convert --plover": (
        lambda ledger, out: ["convert", str(ledger), str(out), "--plover"],
        True,
    ),
    "convert to JSON Lines": (lambda ledger, out: ["convert", str(ledger), str(out)], False),
    "contacts --graph": (
        lambda ledger, out: ["contacts", str(ledger), "--graph", str(out)],
        True,
    ),
    "example": (lambda ledger, out: ["example", str(out)], True),
}
SUFFIX = {"contacts --graph": ".json", "timeline --svg": ".svg"}


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    path = tmp_path / "seed.jsonl"
    dump_jsonl(seed_ledger(), path)
    return path


def target(folder: Path, writer: str) -> Path:
    return folder / f"out{SUFFIX.get(writer, '.jsonl')}"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(argv)
    return status, capsys.readouterr().err


@pytest.mark.parametrize("writer", WRITERS)
def test_an_existing_file_is_kept_unless_forced(
    writer: str, ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv, forced = WRITERS[writer]
    out = target(tmp_path, writer)
    out.write_text("keep me")
    status, err = run(argv(ledger, out), capsys)
    assert status == 2
    assert str(out) in err
    assert out.read_text() == "keep me"
    if forced:
        assert run([*argv(ledger, out), "--force"], capsys)[0] == 0
        assert out.read_text() != "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({ledger.name, out.name})


@pytest.mark.parametrize("writer", [w for w in WRITERS if w != "example"])
def test_the_input_is_never_the_output(
    writer: str, ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv, _ = WRITERS[writer]
    before = ledger.read_bytes()
    assert run([*argv(ledger, ledger), "--force"], capsys)[0] == 2
    assert ledger.read_bytes() == before


@pytest.mark.parametrize("writer", WRITERS)
def test_links_folders_and_missing_folders_are_refused(
    writer: str, ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv, _ = WRITERS[writer]
    elsewhere = tmp_path / "elsewhere"
    dangling = target(tmp_path, writer)
    dangling.symlink_to(elsewhere)  # a dangling link: writing through it would create elsewhere
    assert run(argv(ledger, dangling), capsys)[0] == 2
    assert not elsewhere.exists()
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert run(argv(ledger, folder), capsys)[0] == 2
    missing = tmp_path / "no-such-folder" / target(tmp_path, writer).name
    status, err = run(argv(ledger, missing), capsys)
    assert status == 2
    assert "no-such-folder" in err
    assert "Traceback" not in err
    assert not missing.parent.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_a_clear_error_and_leaves_nothing(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        status, err = run(["timeline", str(ledger), "--svg", str(folder / "t.svg")], capsys)
        assert status == 2
        assert "t.svg" in err or "read-only" in err
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)
