"""The ``diplomacy-ledger`` command line (also ``python -m diplomacy_ledger``).

Exit status: 0 success and no findings, 1 findings, 2 the input could not be read or the
arguments are wrong (the message on stderr, no traceback), 3 an internal error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Final, NoReturn

from diplomacy_ledger import __version__
from diplomacy_ledger._check_context import time_text
from diplomacy_ledger._checks import BUILTIN_CHECKS, check
from diplomacy_ledger._errors import LedgerError
from diplomacy_ledger._findings import Finding
from diplomacy_ledger._jsonl import LoadResult, dump_jsonl, load_jsonl
from diplomacy_ledger._ledger import Ledger
from diplomacy_ledger._phrases import resolve_phrase
from diplomacy_ledger._when import When
from diplomacy_ledger._zones import to_utc, validate_zone

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_BAD_INPUT: Final = 2
EXIT_INTERNAL: Final = 3

SEED_ANCHOR: Final = "2022-09-13[Asia/Yerevan]"
SEED_ZONE: Final = "Asia/Yerevan"
SEED_PHRASES: Final = (
    "midnight",
    "early hours of Tuesday",
    "02:30 local time",
    "over the weekend",
    "September 2020",
    "early 1990s",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="diplomacy-ledger",
        description="An honest ledger of diplomatic contacts: time zones, imprecision, claims.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    checking = commands.add_parser(
        "check",
        help="check a ledger file for consistency",
        description=(
            "Run the consistency checks on a ledger file and report the findings, grouped by "
            "kind. Exit status 0: no findings; 1: findings; 2: the file could not be read."
        ),
    )
    checking.add_argument("path", type=Path, help="a JSON Lines ledger file")
    checking.add_argument("--zone", help="also show times on this zone's clocks (IANA key)")
    checking.add_argument("--format", choices=("text", "json"), default="text")
    checking.add_argument("--as-of", help="check the ledger as known at this record time (ISO)")
    checking.add_argument(
        "--only", action="append", choices=sorted(BUILTIN_CHECKS), help="run only these checks"
    )
    checking.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings"
    )

    example = commands.add_parser(
        "example",
        help="write the seed article's ledger to a file",
        description="Write the ledger of the project's founding article, to try everything on.",
    )
    example.add_argument("path", type=Path, nargs="?", default=Path("seed.jsonl"))
    example.add_argument("--force", action="store_true", help="overwrite an existing file")

    resolve = commands.add_parser(
        "resolve",
        help="resolve time phrases from a report against its publication time",
        description=(
            "Resolve imprecise time phrases ('early hours of Tuesday', '02:30 local time') "
            "against the report's publication time, and show their bounds in UTC and in local "
            "time. With --seed, the phrases of the seed article (13 September 2022, Yerevan)."
        ),
    )
    resolve.add_argument("phrases", nargs="*", help="phrases to resolve")
    resolve.add_argument("--anchor", help="publication time, e.g. '2022-09-13[Asia/Yerevan]'")
    resolve.add_argument("--zone", help="IANA zone that 'local time' refers to")
    resolve.add_argument(
        "--tense",
        choices=("past", "future"),
        default="past",
        help="weekday names look back or ahead",
    )
    resolve.add_argument(
        "--show-zone",
        action="append",
        default=[],
        metavar="ZONE",
        help="also show the bounds on this zone's clocks (repeatable)",
    )
    resolve.add_argument(
        "--seed", action="store_true", help="use the seed article's anchor, zone and phrases"
    )
    return parser


# -- check -----------------------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    zone = validate_zone(args.zone, where="--zone") if args.zone else None
    loaded = load_jsonl(args.path, references="report")
    ledger = loaded.ledger
    if args.as_of:
        moment = When.parse(args.as_of)
        ledger = ledger.as_of(to_utc(moment.latest))
    findings = sorted(set(check(ledger, only=args.only)) | set(loaded.findings))
    if args.format == "json":
        print(json.dumps([finding.to_dict() for finding in findings], indent=2, ensure_ascii=False))
    else:
        _report(args.path, loaded, ledger, findings, zone)
    return EXIT_OK if args.exit_zero or not findings else EXIT_FINDINGS


def _report(
    path: Path, loaded: LoadResult, ledger: Ledger, findings: list[Finding], zone: str | None
) -> None:
    print(f"{path}: {len(ledger)} entries, {len(findings)} findings")
    if loaded.rejected:
        print(f"  {len(loaded.rejected)} entries kept out for broken references")
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[finding.kind].append(finding)
    for kind, group in grouped.items():
        print(f"\n{kind.replace('_', ' ')} ({len(group)})")
        for finding in group:
            print(f"  [{finding.certainty}] {', '.join(finding.entries)}")
            print(f"    {finding.explanation}")
            for entry_id in finding.entries:
                record = ledger.get(entry_id)
                moment = getattr(record, "time", None)
                if isinstance(moment, When) or hasattr(moment, "start"):
                    print(f"    {entry_id}: {time_text(moment, zone)}")


# -- example and resolve -----------------------------------------------------------------------


def _example(args: argparse.Namespace) -> int:
    from diplomacy_ledger.examples import seed_ledger  # noqa: PLC0415 - builds on demand

    path: Path = args.path
    if path.exists() and not args.force:
        raise LedgerError(f"{path} exists; pass --force to overwrite it")
    dump_jsonl(seed_ledger(), path)
    print(f"wrote the seed article's ledger to {path}; try: diplomacy-ledger check {path}")
    return EXIT_OK


def _resolve(args: argparse.Namespace) -> int:
    if args.seed:
        anchor_text = args.anchor or SEED_ANCHOR
        zone = args.zone or SEED_ZONE
        phrases = list(args.phrases) or list(SEED_PHRASES)
        shown = list(args.show_zone) or ["Europe/Moscow", "Europe/Paris"]
    else:
        if not args.anchor or not args.zone or not args.phrases:
            raise LedgerError("give phrases, --anchor and --zone (or --seed)", where="resolve")
        anchor_text, zone, phrases, shown = args.anchor, args.zone, args.phrases, args.show_zone
    anchor = When.parse(anchor_text)
    validate_zone(zone, where="--zone")
    for other in shown:
        validate_zone(other, where="--show-zone")
    # Resolve every phrase before printing anything: a bad one fails the whole run.
    resolved = [
        (phrase, resolve_phrase(phrase, anchor=anchor, zone=zone, tense=args.tense))
        for phrase in phrases
    ]
    print(f"anchor: {anchor}   local time: {zone}")
    for phrase, when in resolved:
        print(f"\n{phrase!r}\n  {when}  ({when.precision.value})")
        print(f"  UTC            {_bounds(when, None)}")
        for other in (zone, *shown):
            print(f"  {other:<14} {_bounds(when, other)}")
    return EXIT_OK


def _bounds(when: When, zone: str | None) -> str:
    earliest, latest = when.local_bounds(zone) if zone else (when.earliest, when.latest)
    if when.is_exact:
        return earliest.isoformat(timespec="minutes")
    return f"{earliest.isoformat(timespec='minutes')} … {latest.isoformat(timespec='seconds')}"


_COMMANDS: Final = {"check": _check, "example": _example, "resolve": _resolve}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except LedgerError as error:
        print(f"diplomacy-ledger: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:
        print(f"diplomacy-ledger: internal error: {error!r}", file=sys.stderr)
        return EXIT_INTERNAL
