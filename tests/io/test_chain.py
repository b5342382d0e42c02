"""The digest chain: a file's history cannot be edited without the chain saying where."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplomacy_ledger import (
    Actor,
    ActorKind,
    ChainError,
    Ledger,
    Source,
    dumps_jsonl,
    load_jsonl,
    read_jsonl,
    rechain_lines,
    verify_file,
)
from diplomacy_ledger.__main__ import main
from diplomacy_ledger.examples import seed_ledger
from diplomacy_ledger.io import JsonlStore, SqliteStore
from diplomacy_ledger.strategies import ledgers

T0 = datetime(2022, 9, 13, 2, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_the_digests_are_the_documented_sha256_chain() -> None:
    """Worked out here from the format's words alone: SHA-256 of the digest before (64 zeros
    for the first line), a newline, and the line without its ``,"digest":...`` part."""
    previous = "0" * 64
    for line in dumps_jsonl(seed_ledger()).splitlines():
        data = json.loads(line)
        digest = data.pop("digest")
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        assert line == body[:-1] + f',"digest":"{digest}"}}'
        assert digest == hashlib.sha256(f"{previous}\n{body}".encode()).hexdigest()
        previous = digest


def test_an_intact_file_verifies_and_gives_its_head(tmp_path: Path) -> None:
    lines = dumps_jsonl(seed_ledger()).splitlines()
    found = verify_file(write(tmp_path / "seed.jsonl", lines))
    assert (found.status, found.ok, found.entries, found.chained, found.unchained) == (
        "intact", True, 61, 61, 0,
    )  # fmt: skip
    assert found.head == json.loads(lines[-1])["digest"]
    assert found.breaks == ()


# -- every kind of edit is found, at its line ---------------------------------------------------


def _edit(lines: list[str], index: int) -> list[str]:
    """The line at ``index`` with its id changed and its digest kept, as a hand edit does."""
    data = json.loads(lines[index])
    data["id"] += "x"
    edited = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return [*lines[:index], edited, *lines[index + 1 :]]


EDITS = ("edit", "delete", "insert", "resealed edit")


def _tamper(lines: list[str], index: int, how: str) -> tuple[list[str], int]:
    """The lines changed one way at ``index``, and the (1-based) line the chain must break at.

    An edited line no longer matches its digest; after a removed line, the next one does not
    follow the line before it; a copy put in does not follow the line before it; an edited line
    given a new digest matches it, but the line after it no longer follows it.
    """
    if how == "edit":
        return _edit(lines, index), index + 1
    if how == "delete":
        return [*lines[:index], *lines[index + 1 :]], index + 1
    if how == "insert":
        return [*lines[: index + 1], lines[index], *lines[index + 1 :]], index + 2
    resealed = rechain_lines(_edit(lines, index))[: index + 1] + lines[index + 1 :]
    return resealed, index + 2


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(min_size=3, max_size=8), st.sampled_from(EDITS), st.data())
def test_any_edit_breaks_the_chain_once_at_its_line(
    tmp_path_factory: pytest.TempPathFactory, ledger: Ledger, how: str, data: st.DataObject
) -> None:
    lines = dumps_jsonl(ledger).splitlines()
    # Removing the last line, or resealing it, changes only the head: see the --head tests.
    last = len(lines) - (2 if how in ("delete", "resealed edit") else 1)
    index = data.draw(st.integers(0, last), label="index")
    tampered, line = _tamper(lines, index, how)
    text = "".join(item + "\n" for item in tampered)
    with pytest.raises(ChainError) as refused:
        read_jsonl(text, name="t.jsonl")
    assert str(refused.value).startswith(f"t.jsonl:{line}: ")
    path = write(tmp_path_factory.mktemp("chain") / "t.jsonl", tampered)
    found = verify_file(path)
    assert (found.status, found.ok, found.broken) == ("broken", False, 1)  # one change, one break
    assert found.breaks[0].line == line
    with pytest.raises(ChainError, match=f"t.jsonl:{line}: "):
        JsonlStore(path, readonly=True)


# -- old files, and files that grow from them -----------------------------------------------------


def _format_1(lines: list[str]) -> list[str]:
    old = []
    for line in lines:
        data = json.loads(line)
        del data["digest"]
        data["v"] = 1
        old.append(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return old


def test_an_old_file_loads_is_unchained_and_a_store_chains_it(tmp_path: Path) -> None:
    ledger = seed_ledger()
    old = _format_1(dumps_jsonl(ledger).splitlines())
    path = write(tmp_path / "old.jsonl", old)
    assert load_jsonl(path).ledger == ledger  # old files read as before
    found = verify_file(path)
    assert (found.status, found.ok, found.unchained, found.chained) == ("unchained", False, 61, 0)
    with JsonlStore(path) as store:
        store.append(Source(title="later"), id="later", recorded_at=at(600))
    found = verify_file(path)
    assert (found.status, found.ok, found.unchained, found.chained) == ("intact", True, 61, 1)
    # The first digest covers the unchained lines before it: editing one of them is found.
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace('"name":"', '"name":"X', 1)
    write(path, lines)
    broken = verify_file(path)
    assert [item.line for item in broken.breaks] == [62]
    with pytest.raises(ChainError, match=r"old\.jsonl:62: entry 'later'"):
        load_jsonl(path)


def test_a_kept_head_shows_a_file_cut_back_or_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    with JsonlStore(path) as store:
        for n in range(5):
            store.append(Source(title=f"t{n}"), id=f"s{n}", recorded_at=at(n))
    head = verify_file(path).head
    with JsonlStore(path) as store:
        store.append(Source(title="more"), id="more", recorded_at=at(9))
    grown = verify_file(path, head=head)
    assert (grown.ok, grown.head_at) == (True, 5)  # the history kept is still all there
    lines = path.read_text(encoding="utf-8").splitlines()
    write(path, lines[:4])  # cut back: the chain is intact, but the head is gone
    cut = verify_file(path, head=head)
    assert (cut.status, cut.ok, cut.head_at) == ("intact", False, None)
    write(path, rechain_lines([lines[0].replace('"t0"', '"T0"'), *lines[1:]]))  # rewritten whole
    rewritten = verify_file(path, head=head)
    assert (rewritten.status, rewritten.ok, rewritten.head_at) == ("intact", False, None)


# -- the SQLite store -----------------------------------------------------------------------------


def _sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            connection.execute(statement)
    finally:
        connection.close()


def _triggers(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [
            row[0]
            for row in connection.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
        ]
    finally:
        connection.close()


@pytest.mark.parametrize("how", ["edit", "delete"])
def test_a_row_edited_behind_the_stores_back_is_found(tmp_path: Path, how: str) -> None:
    """The triggers dropped and put back, a row edited or removed: the chain says which."""
    path = tmp_path / "ledger.sqlite"
    with SqliteStore(path) as store:
        for n in range(4):
            store.append(Actor(f"State {n}", ActorKind.STATE), id=f"s{n}", recorded_at=at(n))
    triggers = _triggers(path)
    names = [sql.split()[2] for sql in triggers]
    change = (
        "UPDATE entries SET line = replace(line, 'State 1', 'State One') WHERE id = 's1'"
        if how == "edit"
        else "DELETE FROM entries WHERE id = 's1'"
    )
    _sql(path, *(f"DROP TRIGGER {name}" for name in names), change, *triggers)
    with pytest.raises(
        ChainError, match=r"row 2: entry 's1'" if how == "edit" else r"row 3: entry 's2'"
    ):
        SqliteStore(path, readonly=True)
    found = verify_file(path)
    assert (found.status, found.broken) == ("broken", 1)
    assert found.breaks[0].line == (2 if how == "edit" else 3)


# -- the command ----------------------------------------------------------------------------------


def test_verify_says_intact_broken_or_unchained_by_its_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = dumps_jsonl(seed_ledger()).splitlines()
    path = write(tmp_path / "seed.jsonl", lines)
    assert main(["verify", str(path)]) == 0
    out = capsys.readouterr().out
    assert "intact: 61 entries" in out
    head = json.loads(lines[-1])["digest"]
    assert f"head {head}" in out
    assert main(["verify", str(path), "--head", head]) == 0
    assert main(["verify", str(path), "--head", "a" * 64]) == 1
    assert "is not on the chain" in capsys.readouterr().out
    write(path, [*lines[:10], *lines[11:]])
    assert main(["verify", str(path), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["status"], report["broken"]) == ("broken", 1)
    assert report["breaks"][0]["line"] == 11
    assert report["breaks"][0]["id"] == json.loads(lines[11])["id"]
    write(path, _format_1(lines))
    assert main(["verify", str(path)]) == 1
    assert "unchained" in capsys.readouterr().out
    assert main(["verify", str(path), "--head", "not-hex"]) == 2
    assert main(["verify", str(tmp_path / "missing.jsonl")]) == 2
    assert "missing.jsonl" in capsys.readouterr().err
