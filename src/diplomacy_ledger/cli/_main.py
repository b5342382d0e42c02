"""The ``diplomacy-ledger`` command line (also ``python -m diplomacy_ledger``).

Exit status: 0 success and no findings, 1 findings, 2 the input could not be read or the
arguments are wrong (the message on stderr, no traceback), 3 an internal error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from diplomacy_ledger._errors import LedgerError
from diplomacy_ledger._version import __version__
from diplomacy_ledger.checks import BUILTIN_CHECKS, check, context_for, time_text
from diplomacy_ledger.cli import _contacts, _import, _verify
from diplomacy_ledger.cli._common import (
    EXIT_BAD_INPUT,
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXPLANATION,
    Parser,
    as_of,
    is_stdout,
    load,
    terminal,
)
from diplomacy_ledger.io import (
    LoadResult,
    check_output,
    copy_entries,
    dumps_jsonl,
    plover_records,
    write_output,
)
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import Finding, time_bounds
from diplomacy_ledger.time import Tense, When, resolve_phrase, validate_zone

__all__ = ["main"]

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


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="diplomacy-ledger",
        description="An honest ledger of diplomatic contacts: time zones, imprecision, claims.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    checking = commands.add_parser(
        "check",
        help="check a ledger file for consistency",
        description=(
            "Run the consistency checks on a ledger file and report the findings, grouped by "
            "kind. Exit status 0: no findings; 1: findings; 2: the file could not be read."
        ),
    )
    checking.add_argument("path", type=Path, help="a ledger file (.jsonl or .sqlite)")
    checking.add_argument("--zone", help="also show times on this zone's clocks (IANA key)")
    checking.add_argument("--format", choices=("text", "json"), default="text")
    checking.add_argument("--as-of", help="check the ledger as known at this record time (ISO)")
    checking.add_argument(
        "--only", action="append", choices=sorted(BUILTIN_CHECKS), help="run only these checks"
    )
    checking.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings"
    )

    timeline = commands.add_parser(
        "timeline",
        help="list a ledger's entries in time order, with their sources and findings",
        description=(
            "The entries in time order, each with its bounds in UTC and local time, its "
            "sources, and the findings that touch it. --svg also draws the picture."
        ),
    )
    timeline.add_argument("path", type=Path, help="a ledger file (.jsonl or .sqlite)")
    timeline.add_argument("--zone", help="show times on this zone's clocks too (IANA key)")
    timeline.add_argument("--as-of", help="the ledger as known at this record time (ISO)")
    timeline.add_argument("--svg", type=Path, metavar="FILE", help="write the timeline as SVG")
    timeline.add_argument("--force", action="store_true", help="overwrite an existing --svg file")
    timeline.add_argument("--lanes", choices=("actor", "place"), default="actor")

    diff = commands.add_parser(
        "diff",
        help="which findings appeared, went away or changed between two record times",
        description=(
            "Check the ledger as known at two record times and show which findings appeared "
            "and which went away: what the later news changed."
        ),
    )
    diff.add_argument("path", type=Path, help="a ledger file (.jsonl or .sqlite)")
    diff.add_argument(
        "--as-of", action="append", required=True, metavar="TIME", help="give it twice"
    )
    diff.add_argument("--format", choices=("text", "json"), default="text")

    convert = commands.add_parser(
        "convert",
        help="convert a ledger between JSON Lines and SQLite, or export PLOVER records",
        description=(
            "Copy every entry, unchanged and in order, from SRC to a new file DST; the formats "
            "come from the names (.jsonl or .sqlite). With --plover, write PLOVER-style JSON "
            "event records instead (event, mode, actors, recipients, time bounds, source, CAMEO)."
        ),
    )
    convert.add_argument("source", type=Path, metavar="SRC")
    convert.add_argument("target", type=Path, metavar="DST")
    convert.add_argument("--plover", action="store_true", help="export PLOVER-style JSON records")
    convert.add_argument("--force", action="store_true", help="overwrite an existing --plover file")

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
        help="the sentence speaks of the past or the future; without it, a phrase whose "
        "reading depends on it ('by Friday' said on a Tuesday) is refused (--seed: past)",
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
    resolve.add_argument(
        "--disambiguation",
        choices=("raise", "earlier", "later", "compatible", "either"),
        default="raise",
        help="a wall time clocks skipped or showed twice: refuse it (default), pick one, or "
        "keep both instants of a repeated one (either)",
    )
    _contacts.add_parser(commands)
    _verify.add_parser(commands)
    _import.add_parser(commands)
    return parser


# -- check -----------------------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    zone = validate_zone(args.zone, where="--zone") if args.zone else None
    loaded = load(args.path)
    ledger = as_of(loaded.ledger, args.as_of)
    findings = sorted(set(check(ledger, only=args.only)) | set(loaded.findings))
    if args.format == "json":
        print(json.dumps([finding.to_dict() for finding in findings], indent=2, ensure_ascii=False))
    else:
        _report(args.path, loaded, ledger, findings, zone)
    return EXIT_OK if args.exit_zero or not findings else EXIT_FINDINGS


def _report(
    path: Path, loaded: LoadResult, ledger: Ledger, findings: list[Finding], zone: str | None
) -> None:
    print(f"{terminal(str(path))}: {len(ledger)} entries, {len(findings)} findings")
    if loaded.rejected:
        print(f"  {len(loaded.rejected)} entries kept out for broken references")
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[finding.kind].append(finding)
    for kind, group in grouped.items():
        print(f"\n{kind.replace('_', ' ')} ({len(group)})")
        for finding in group:
            print(f"  [{finding.certainty}] {terminal(', '.join(finding.entries))}")
            print(f"    {terminal(finding.explanation, EXPLANATION)}")
            for entry_id in finding.entries:
                record = ledger.get(entry_id)
                moment = getattr(record, "time", None)
                if isinstance(moment, When) or hasattr(moment, "start"):
                    print(f"    {terminal(entry_id)}: {time_text(moment, zone)}")


# -- timeline and diff -------------------------------------------------------------------------


def _timeline(args: argparse.Namespace) -> int:
    zone = validate_zone(args.zone, where="--zone") if args.zone else None
    if args.svg is not None:  # refused before the work, never over the input
        if is_stdout(args.svg):
            raise LedgerError(
                "--svg -: the timeline's listing goes to standard output; write the SVG to a file"
            )
        check_output(args.svg, force=args.force, inputs=[args.path])
    loaded = load(args.path)
    ledger = as_of(loaded.ledger, args.as_of)
    findings = sorted(set(check(ledger)) | set(loaded.findings))
    touching: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        for entry_id in finding.entries:
            touching[entry_id].append(finding)
    context = context_for(ledger)
    timed = [(bounds, entry) for entry in ledger.entries() if (bounds := time_bounds(entry.record))]
    for _, entry in sorted(timed, key=lambda item: (item[0], item[1].id)):
        print(f"{time_text(entry.record.time, zone)}\n  {entry.kind} {terminal(entry.id)}")
        if getattr(entry.record, "provenance", None) is not None:
            print(f"  {terminal(context.words.sources(entry), EXPLANATION)}")
        for finding in touching.get(entry.id, []):
            kind = finding.kind.replace("_", " ")
            print(f"  ! {kind} ({finding.certainty}): {terminal(', '.join(finding.entries))}")
    untimed = [entry.id for entry in ledger.entries() if time_bounds(entry.record) is None]
    print(f"\n{len(timed)} entries in time order; {len(untimed)} without a time of their own")
    if args.svg is not None:
        from diplomacy_ledger.render import timeline_svg  # noqa: PLC0415 - only when asked

        svg = timeline_svg(ledger, findings, zone=zone, lanes=args.lanes, title=args.path.name)
        write_output(args.svg, svg, force=args.force, inputs=[args.path])
        print(f"wrote {terminal(str(args.svg))}")
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    if len(args.as_of) != 2:
        raise LedgerError("give --as-of exactly twice: the earlier and the later record time")
    ledger = load(args.path).ledger
    before, after = (
        {(f.kind, f.entries): f for f in check(as_of(ledger, moment))} for moment in args.as_of
    )
    appeared = [after[key] for key in sorted(after.keys() - before.keys())]
    gone = [before[key] for key in sorted(before.keys() - after.keys())]
    changed = [
        after[key] for key in sorted(after.keys() & before.keys()) if after[key] != before[key]
    ]
    if args.format == "json":
        groups = {"appeared": appeared, "gone": gone, "changed": changed}
        print(
            json.dumps(
                {name: [f.to_dict() for f in group] for name, group in groups.items()},
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    print(f"between {args.as_of[0]} and {args.as_of[1]}:")
    for label, group in (("appeared", appeared), ("went away", gone), ("changed", changed)):
        print(f"\n{label} ({len(group)})")
        for finding in group:
            print(f"  [{finding.certainty}] {finding.kind}: {terminal(', '.join(finding.entries))}")
            print(f"    {terminal(finding.explanation, EXPLANATION)}")
    return EXIT_OK


def _convert(args: argparse.Namespace) -> int:
    # A store is never overwritten (it would mix two ledgers); PLOVER records only with --force.
    if not is_stdout(args.target):
        check_output(args.target, force=args.plover and args.force, inputs=[args.source])
    ledger = load(args.source, references="strict").ledger
    if is_stdout(args.target):  # `-`: JSON Lines, or PLOVER records, on standard output
        if args.plover:
            sys.stdout.write(
                json.dumps(plover_records(ledger), indent=2, ensure_ascii=False) + "\n"
            )
        else:
            sys.stdout.write(dumps_jsonl(ledger))
        return EXIT_OK
    if args.plover:
        records = plover_records(ledger)
        text = json.dumps(records, indent=2, ensure_ascii=False) + "\n"
        write_output(args.target, text, force=args.force, inputs=[args.source])
        print(f"wrote {len(records)} PLOVER records to {terminal(str(args.target))}")
        return EXIT_OK
    count = copy_entries(ledger, args.target)
    print(
        f"copied {count} entries from {terminal(str(args.source))} to {terminal(str(args.target))}"
    )
    return EXIT_OK


# -- example and resolve -----------------------------------------------------------------------


def _example(args: argparse.Namespace) -> int:
    from diplomacy_ledger.examples import seed_ledger  # noqa: PLC0415 - builds on demand

    path: Path = args.path
    if is_stdout(path):
        sys.stdout.write(dumps_jsonl(seed_ledger()))
        return EXIT_OK
    check_output(path, force=args.force)
    write_output(path, dumps_jsonl(seed_ledger()), force=args.force)
    shown = terminal(str(path))
    print(f"wrote the seed article's ledger to {shown}; try: diplomacy-ledger check {shown}")
    return EXIT_OK


def _resolve(args: argparse.Namespace) -> int:
    if args.seed:
        anchor_text = args.anchor or SEED_ANCHOR
        zone = args.zone or SEED_ZONE
        phrases = list(args.phrases) or list(SEED_PHRASES)
        shown = list(args.show_zone) or ["Europe/Moscow", "Europe/Paris"]
        tense: Tense | None = args.tense or "past"  # the article reports what happened
    else:
        if not args.anchor or not args.zone or not args.phrases:
            raise LedgerError("give phrases, --anchor and --zone (or --seed)", where="resolve")
        anchor_text, zone, phrases, shown = args.anchor, args.zone, args.phrases, args.show_zone
        tense = args.tense
    anchor = When.parse(anchor_text)
    validate_zone(zone, where="--zone")
    for other in shown:
        validate_zone(other, where="--show-zone")
    # Resolve every phrase before printing anything: a bad one fails the whole run.
    resolved = [
        (
            phrase,
            resolve_phrase(
                phrase,
                anchor=anchor,
                zone=zone,
                tense=tense,
                disambiguation=args.disambiguation,
            ),
        )
        for phrase in phrases
    ]
    print(f"anchor: {anchor}   local time: {zone}")
    for phrase, when in resolved:
        print(f"\n{terminal(repr(phrase))}\n  {when}  ({when.precision.value})")
        print(f"  UTC            {_bounds(when, None)}")
        for other in (zone, *shown):
            print(f"  {other:<14} {_bounds(when, other)}")
    return EXIT_OK


def _bounds(when: When, zone: str | None) -> str:
    earliest, latest = when.local_bounds(zone) if zone else (when.earliest, when.latest)
    if when.is_exact:
        return earliest.isoformat(timespec="minutes")
    if when.either:  # two instants, not the window between them
        return f"{earliest.isoformat(timespec='minutes')} or {latest.isoformat(timespec='minutes')}"
    return f"{earliest.isoformat(timespec='minutes')} … {latest.isoformat(timespec='seconds')}"


_COMMANDS: Final = {
    "check": _check,
    "timeline": _timeline,
    "diff": _diff,
    "convert": _convert,
    "example": _example,
    "resolve": _resolve,
    "contacts": _contacts.run,
    "verify": _verify.run,
    "import": _import.run,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except LedgerError as error:
        print(f"diplomacy-ledger: error: {terminal(str(error), EXPLANATION)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:
        print(f"diplomacy-ledger: internal error: {error!r}", file=sys.stderr)
        return EXIT_INTERNAL
