"""The ledger's files read as they are by DuckDB: no converter between the library and SQL."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC
from pathlib import Path
from typing import Final

import duckdb
import pytest

from diplomacy_ledger import Call, Ledger, When
from diplomacy_ledger.examples import seed_ledger
from diplomacy_ledger.io._jsonl import dump_jsonl

ROOT: Final = Path(__file__).resolve().parent.parent.parent
COLUMNS: Final = (
    "{v: 'INTEGER', id: 'VARCHAR', recorded_at: '%s', kind: 'VARCHAR', record: 'JSON', "
    "supersedes: 'VARCHAR', tzdb: 'VARCHAR', batch: 'JSON'}"
)


def entries(recorded_at: str = "TIMESTAMPTZ") -> str:
    """The ledger file as a DuckDB relation, with every column's type given (none guessed)."""
    columns = COLUMNS % recorded_at
    return f"read_json($path, format = 'newline_delimited', columns = {columns})"


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return seed_ledger()


@pytest.fixture
def path(tmp_path: Path, ledger: Ledger) -> str:
    file = tmp_path / "seed.jsonl"
    dump_jsonl(ledger, file)
    return str(file)


@pytest.fixture
def db() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    return connection


def test_entries_by_kind_are_the_ledgers(
    db: duckdb.DuckDBPyConnection, path: str, ledger: Ledger
) -> None:
    query = f"SELECT kind, count(*) FROM {entries()} GROUP BY kind"
    counts = dict(db.execute(query, {"path": path}).fetchall())
    assert counts == Counter(entry.kind for entry in ledger)


def test_record_times_read_as_timestamps_are_the_ledgers(
    db: duckdb.DuckDBPyConnection, path: str, ledger: Ledger
) -> None:
    times = [entry.recorded_at for entry in ledger]
    query = f"SELECT min(recorded_at), max(recorded_at) FROM {entries('TIMESTAMP')}"
    low, high = db.execute(query, {"path": path}).fetchone() or (None, None)
    assert (low, high) == (min(times).replace(tzinfo=None), max(times).replace(tzinfo=None))
    query = f"SELECT min(recorded_at), max(recorded_at) FROM {entries()}"
    assert db.execute(query, {"path": path}).fetchone() == (min(times), max(times))


def test_every_line_has_the_schema_version_and_the_tz_database(
    db: duckdb.DuckDBPyConnection, path: str, ledger: Ledger
) -> None:
    query = f"SELECT DISTINCT v, tzdb IS NOT NULL FROM {entries()}"
    assert db.execute(query, {"path": path}).fetchall() == [(2, True)]
    query = f"SELECT id, supersedes FROM {entries()} WHERE supersedes IS NOT NULL"
    corrections = [(e.id, e.supersedes) for e in ledger if e.supersedes is not None]
    assert db.execute(query, {"path": path}).fetchall() == corrections


def test_when_bounds_and_zones_read_from_the_record_json(
    db: duckdb.DuckDBPyConnection, path: str, ledger: Ledger
) -> None:
    query = f"""
        SELECT id, record ->> '$.when.zone',
               CAST(record ->> '$.when.earliest' AS TIMESTAMPTZ),
               CAST(record ->> '$.when.latest' AS TIMESTAMPTZ)
        FROM {entries()} WHERE kind = 'call' ORDER BY id
    """
    expected = []
    for entry in sorted(ledger.by_kind("call"), key=lambda entry: entry.id):
        assert isinstance(entry.record, Call)
        when = entry.record.when
        assert isinstance(when, When)
        expected.append((entry.id, when.zone, when.earliest, when.latest))
    found = db.execute(query, {"path": path}).fetchall()
    assert [(i, z, a.astimezone(UTC), b.astimezone(UTC)) for i, z, a, b in found] == expected


def test_the_statements_on_the_files_page_run_and_agree_with_the_ledger(ledger: Ledger) -> None:
    """docs/files.md shows DuckDB statements on docs/examples/seed.jsonl: run them as shown."""
    page = (ROOT / "docs" / "files.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```text\n(SET TimeZone.*?)```", page, re.DOTALL)
    example = ROOT / "docs" / "examples" / "seed.jsonl"
    script = block.replace("'docs/examples/seed.jsonl'", f"'{example.as_posix()}'")
    statements = [s for s in script.split(";\n") if s.strip()]
    assert len(statements) == 4
    db = duckdb.connect()
    results = [db.execute(statement).fetchall() for statement in statements]
    counts = Counter(entry.kind for entry in ledger)
    assert results[2] == sorted(counts.items())
    calls = []
    for entry in ledger.by_kind("call"):
        assert isinstance(entry.record, Call)
        when = entry.record.when
        assert isinstance(when, When)
        calls.append((entry.id, when.earliest, when.latest, when.zone))
    assert sorted(results[3]) == sorted(calls)
