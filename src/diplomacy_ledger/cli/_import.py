"""``diplomacy-ledger import``: read datasets' files into a ledger store.

Each file is one batch, appended to the store (``.jsonl`` or ``.sqlite``, created if missing)
only when the whole file reads. Exit status 0 when every row became a record or was already
there; 1 when rows were skipped (kinds of event the ledger has no record for, or bad rows with
``--skip-bad-rows``); 2 on bad input (a bad row without ``--skip-bad-rows``, an unreadable file,
an unknown format): the files before it are imported, that one and those after it are not.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from diplomacy_ledger.cli._common import EXIT_FINDINGS, EXIT_OK, EXPLANATION, terminal
from diplomacy_ledger.importers import BAD_ROWS_LISTED, FORMATS, ImportReport, import_file
from diplomacy_ledger.io import open_store
from diplomacy_ledger.model import system_clock
from diplomacy_ledger.time import When, to_utc

__all__ = ["add_parser", "run"]


def add_parser(commands: Any) -> None:
    """Add the ``import`` subcommand to ``commands`` (the parser's subparsers)."""
    parser = commands.add_parser(
        "import",
        help="import datasets' files (contacts, ACLED, PLOVER, POLECAT, GDELT, ICEWS, Wikidata)",
        description=(
            "Read each FILE of FORMAT into the store --into (.jsonl or .sqlite, created if "
            "missing), one batch per file. Ids come from the dataset's own, so importing a file "
            "again adds nothing. Exit status 0: every row imported or already there; 1: rows "
            "skipped; 2: bad input (a bad row names its file, line and column)."
        ),
    )
    parser.add_argument("format", choices=sorted(FORMATS), help="the files' format")
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE", help="files to import")
    parser.add_argument(
        "--into", type=Path, required=True, metavar="LEDGER", help="the store (.jsonl, .sqlite)"
    )
    parser.add_argument(
        "--skip-bad-rows", action="store_true", help="count bad rows in the report, skip them"
    )
    parser.add_argument(
        "--recorded-at",
        metavar="TIME",
        help="the record time of every entry (ISO 8601 with an offset); default: now, "
        "and ACLED rows their timestamp",
    )
    parser.add_argument("--format", dest="output", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    """Run ``import``; return the exit status."""
    recorded_at = None
    if args.recorded_at:
        recorded_at = to_utc(When.parse(args.recorded_at).earliest, where="--recorded-at")
    reports: list[ImportReport] = []
    with open_store(args.into, clock=system_clock) as store:
        for path in args.files:
            options: dict[str, Any] = {"skip_bad_rows": args.skip_bad_rows}
            if not args.format.startswith("acled"):
                options["recorded_at"] = recorded_at
            shown: list[int] = []
            if sys.stderr.isatty():  # progress on a terminal only, and on stderr: never stdout
                options["progress"] = _progress(path, shown)
            try:
                _, report = import_file(path, format=args.format, into=store, **options)
            finally:
                if shown:  # end the progress line, so that what follows starts a line of its own
                    print(file=sys.stderr)
            reports.append(report)
    total = reports[0]
    for report in reports[1:]:
        total = total.merged(report)
    if args.output == "json":
        document = {"total": total.to_dict(), "files": [r.to_dict() for r in reports]}
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        for report in reports:
            _print(report)
        if len(reports) > 1:
            print("in all:")
            _print(total)
    return EXIT_FINDINGS if total.skipped_rows else EXIT_OK


def _progress(path: Path, shown: list[int]) -> Any:
    def report(rows: int) -> None:
        shown.append(rows)
        print(
            f"\rimporting {terminal(str(path))}: {rows} rows", end="", file=sys.stderr, flush=True
        )

    return report


def _print(report: ImportReport) -> None:
    files = ", ".join(terminal(f) for f in report.files)
    print(
        f"{files}: {report.rows_read} rows read; {report.records} records, "
        f"{report.corrections} corrections, {report.retractions} retractions, "
        f"{report.unchanged} unchanged, {report.skipped_rows} skipped"
    )
    for reason, count in report.skipped.items():
        print(f"  skipped {count}: {terminal(reason, EXPLANATION)}")
    for row in report.bad_rows:
        print(f"  bad row {terminal(row.where)}: {terminal(row.message, EXPLANATION)}")
    if len(report.bad_rows) == BAD_ROWS_LISTED:
        print(f"  (the first {BAD_ROWS_LISTED} bad rows; the counts above are of them all)")
    print(
        f"  actors: {len(report.actors_created)} created, {len(report.actors_matched)} matched; "
        f"{report.other_entries} sources, places and offices made"
    )
