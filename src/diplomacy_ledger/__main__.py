"""The ``diplomacy-ledger`` command line (also ``python -m diplomacy_ledger``).

Exit status: 0 success, 2 bad input or arguments (the message on stderr, no traceback),
3 an internal error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Final, NoReturn

from diplomacy_ledger import LedgerError, When, __version__
from diplomacy_ledger._phrases import resolve_phrase
from diplomacy_ledger._zones import validate_zone

__all__ = ["main"]

EXIT_OK: Final = 0
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "resolve":
            return _resolve(args)
        raise AssertionError(f"unhandled command {args.command}")  # pragma: no cover
    except LedgerError as error:
        print(f"diplomacy-ledger: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:
        print(f"diplomacy-ledger: internal error: {error!r}", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
