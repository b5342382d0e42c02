"""The GDELT importer against DuckDB's ``read_csv`` of the same file: rows per second, memory.

``python benchmarks/importers.py --rows 1000000`` writes a synthetic GDELT 2.0 events file
(61 tab-separated columns, no header, seeded) to ``benchmarks/data/`` unless it is there, then
in a fresh process each:

- ours: ``import_gdelt`` into a new ledger (every row mapped, actors reconciled, the ledger's
  append rules checked), with the resident set before and after and the peak (``VmHWM``);
- DuckDB: ``CREATE TABLE events AS SELECT * FROM read_csv(...)`` with the 61 columns typed as the
  codebook types them (no mapping, no checks: the floor a columnar loader sets).

It prints one JSON object and a Markdown table: rows per second for each, the ratio, and the
memory per row (resident after minus before, and the peak, divided by the rows). The two do
different work; the ratio says what the honesty costs, not who is better.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
SEED = 15

# GDELT 2.0 events: the 61 columns in the codebook's order, with DuckDB types.
COLUMNS = (
    ("GLOBALEVENTID", "BIGINT"), ("SQLDATE", "INTEGER"), ("MonthYear", "INTEGER"),
    ("Year", "INTEGER"), ("FractionDate", "DOUBLE"),
    *((f"Actor1{n}", "VARCHAR") for n in ("Code", "Name", "CountryCode", "KnownGroupCode",
      "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    *((f"Actor2{n}", "VARCHAR") for n in ("Code", "Name", "CountryCode", "KnownGroupCode",
      "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    ("IsRootEvent", "INTEGER"), ("EventCode", "VARCHAR"), ("EventBaseCode", "VARCHAR"),
    ("EventRootCode", "VARCHAR"), ("QuadClass", "INTEGER"), ("GoldsteinScale", "DOUBLE"),
    ("NumMentions", "INTEGER"), ("NumSources", "INTEGER"), ("NumArticles", "INTEGER"),
    ("AvgTone", "DOUBLE"),
    *(
        (f"{who}Geo_{n}", kind)
        for who in ("Actor1", "Actor2", "Action")
        for n, kind in (("Type", "INTEGER"), ("FullName", "VARCHAR"), ("CountryCode", "VARCHAR"),
                        ("ADM1Code", "VARCHAR"), ("ADM2Code", "VARCHAR"), ("Lat", "DOUBLE"),
                        ("Long", "DOUBLE"), ("FeatureID", "VARCHAR"))
    ),
    ("DATEADDED", "BIGINT"), ("SOURCEURL", "VARCHAR"),
)  # fmt: skip
assert len(COLUMNS) == 61

# CAMEO codes the importer maps (most rows) and some it skips, weighted like news: consultations
# and verbal conflict most, fighting less.
CODES = (
    ("041", 20), ("042", 10), ("043", 10), ("044", 5), ("112", 10), ("1123", 5), ("111", 5),
    ("016", 3), ("0871", 2), ("190", 5), ("193", 3), ("194", 3), ("195", 2), ("051", 10),
    ("036", 7),
)  # fmt: skip
COUNTRIES = (
    "ARM", "AZE", "RUS", "FRA", "DEU", "USA", "CHN", "IND", "BRA", "TUR", "IRN", "UKR", "GBR",
    "JPN", "KOR", "ZAF", "NGA", "EGY", "SAU", "ISR", "PAK", "AFG", "IRQ", "SYR", "MEX", "CAN",
)  # fmt: skip
ROLES = ("", "GOV", "MIL", "GOV", "")


def generate(path: Path, rows: int) -> None:
    """Write ``rows`` synthetic GDELT event rows to ``path`` (deterministic)."""
    rng = random.Random(SEED)
    codes, weights = zip(*CODES, strict=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as file:
        for n in range(rows):
            row = [""] * 61
            day = 20150101 + (n * 7919) % 28 + 100 * ((n // 28) % 12)
            first, second = rng.sample(COUNTRIES, 2)
            role1, role2 = rng.choice(ROLES), rng.choice(ROLES)
            code = rng.choices(codes, weights)[0]
            row[0], row[1], row[2], row[3] = str(10**9 + n), str(day), str(day // 100), "2015"
            row[4] = f"{2015 + (day % 10000) / 1232:.4f}"
            row[5], row[6], row[12] = first + role1, f"COUNTRY {first}", role1
            row[7] = first
            row[15], row[16], row[22] = second + role2, f"COUNTRY {second}", role2
            row[17] = second
            row[25], row[26], row[27], row[28] = "1", code, code[:3], code[:2]
            row[29], row[30] = "1", f"{rng.uniform(-10, 10):.1f}"
            row[31], row[32], row[33] = str(rng.randint(1, 50)), "1", str(rng.randint(1, 50))
            row[34] = f"{rng.uniform(-10, 10):.6f}"
            row[51], row[52], row[53] = "1", f"Place {first}", first[:2]
            row[56], row[57] = f"{rng.uniform(-60, 60):.4f}", f"{rng.uniform(-180, 180):.4f}"
            row[59] = f"{day}{rng.randint(0, 23):02d}{rng.choice((0, 15, 30, 45)):02d}00"
            row[60] = f"https://example.org/{n}"
            file.write("\t".join(row) + "\n")


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return 0  # pragma: no cover - not Linux


def ours(path: Path) -> dict[str, object]:
    """Import the file into a new ledger; the time, entries and memory."""
    import gc  # noqa: PLC0415
    from datetime import UTC, datetime  # noqa: PLC0415

    from diplomacy_ledger.importers import import_gdelt  # noqa: PLC0415

    gc.collect()
    before = _status_kib("VmRSS")
    start = time.perf_counter()
    ledger, report = import_gdelt(path, recorded_at=datetime(2025, 1, 1, tzinfo=UTC))
    seconds = time.perf_counter() - start
    gc.collect()
    return {
        "seconds": seconds,
        "rows": report.rows_read,
        "records": report.records,
        "entries": len(ledger),
        "skipped": report.skipped_rows,
        "baseline_kib": before,
        "after_kib": _status_kib("VmRSS"),
        "vmhwm_kib": _status_kib("VmHWM"),
    }


def duck(path: Path) -> dict[str, object]:
    """DuckDB's ``read_csv`` of the same file into a table of the same columns."""
    import duckdb  # noqa: PLC0415 - the bench extra

    columns = ", ".join(f"'{name}': '{kind}'" for name, kind in COLUMNS)
    connection = duckdb.connect()
    start = time.perf_counter()
    connection.execute(
        f"CREATE TABLE events AS SELECT * FROM read_csv('{path}', delim='\\t', header=false, "
        f"quote='', escape='', columns={{{columns}}})"
    )
    (rows,) = connection.execute("SELECT count(*) FROM events").fetchone()  # type: ignore[misc]
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows": rows, "vmhwm_kib": _status_kib("VmHWM")}


def _child(which: str, path: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", which, str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, object] = json.loads(out)
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--child", nargs=2, metavar=("WHICH", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        which, path = args.child
        print(json.dumps((ours if which == "ours" else duck)(Path(path))))
        return 0
    path = DATA / f"gdelt-{args.rows}-{SEED}.export.CSV"
    if not path.exists():
        generate(path, args.rows)
    mine, theirs = _child("ours", path), _child("duckdb", path)
    rows = int(mine["rows"])  # type: ignore[call-overload]
    resident = int(mine["after_kib"]) - int(mine["baseline_kib"])  # type: ignore[call-overload]
    summary = {
        "rows": rows,
        "file_mib": round(path.stat().st_size / 2**20, 1),
        "ours_rows_per_s": round(rows / float(mine["seconds"])),  # type: ignore[arg-type]
        "duckdb_rows_per_s": round(rows / float(theirs["seconds"])),  # type: ignore[arg-type]
        "duckdb_over_ours": round(float(mine["seconds"]) / float(theirs["seconds"]), 1),  # type: ignore[arg-type]
        "ours_kib_per_row_resident": round(resident / rows, 2),
        "ours_kib_per_row_peak": round(int(mine["vmhwm_kib"]) / rows, 2),  # type: ignore[call-overload]
        "duckdb_kib_per_row_peak": round(int(theirs["vmhwm_kib"]) / rows, 2),  # type: ignore[call-overload]
        "ours": mine,
        "duckdb": theirs,
    }
    print(json.dumps(summary, indent=2))
    print()
    print("| rows | ours | DuckDB read_csv | DuckDB ÷ ours (time) | ours KiB/row resident, peak |")
    print("|---:|---:|---:|---:|---:|")
    print(
        f"| {rows:,} | {summary['ours_rows_per_s']:,} rows/s | "
        f"{summary['duckdb_rows_per_s']:,} rows/s | {summary['duckdb_over_ours']}× | "
        f"{summary['ours_kib_per_row_resident']}, {summary['ours_kib_per_row_peak']} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
