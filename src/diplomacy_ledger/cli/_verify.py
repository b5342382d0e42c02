"""``diplomacy-ledger verify``: follow a ledger file's digest chain and name where it breaks.

Exit status 0 when the chain is intact (and holds ``--head``, if given); 1 when it is broken,
when no entry carries a digest (a file of format 1: nothing vouches for its history), or when
``--head`` is not on the chain; 2 when the file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from diplomacy_ledger._errors import LedgerError
from diplomacy_ledger.cli._common import EXIT_FINDINGS, EXIT_OK, EXPLANATION, terminal
from diplomacy_ledger.io import Verification, verify_file

__all__ = ["add_parser", "run"]

_HEX = re.compile("[0-9a-f]{64}")


def add_parser(commands: Any) -> None:
    """Add the ``verify`` subcommand to ``commands`` (the parser's subparsers)."""
    verify = commands.add_parser(
        "verify",
        help="check a ledger file's digest chain: has its history been edited?",
        description=(
            "Follow the digest chain of a ledger file (.jsonl or .sqlite) and name the first "
            "entries where it breaks. Prints the head digest: keep it elsewhere, and a later "
            "`verify --head` says whether the file still holds that history."
        ),
    )
    verify.add_argument("path", type=Path, help="a ledger file (.jsonl or .sqlite)")
    verify.add_argument("--head", help="a head digest printed by an earlier verify")
    verify.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    """Run ``verify``; return the exit status."""
    head = args.head
    if head is not None and _HEX.fullmatch(head) is None:
        raise LedgerError(
            f"--head: expected 64 lowercase hex digits, got {head[:80]!r}", where="verify"
        )
    path = Path("/dev/stdin") if str(args.path) == "-" else args.path  # POSIX, as the stores
    found = verify_file(path, head=head)
    if args.format == "json":
        print(json.dumps(_as_json(found), indent=2, ensure_ascii=False))
    else:
        _report(found)
    return EXIT_OK if found.ok else EXIT_FINDINGS


def _as_json(found: Verification) -> dict[str, Any]:
    return {
        "path": found.path,
        "status": found.status,
        "entries": found.entries,
        "chained": found.chained,
        "unchained": found.unchained,
        "head": found.head if found.chained else None,
        "broken": found.broken,
        "breaks": [
            {"line": item.line, "id": item.id, "reason": item.reason} for item in found.breaks
        ],
        "cut_short": found.cut_short,
        "asked_head": found.asked_head,
        "head_at": found.head_at,
    }


def _report(found: Verification) -> None:
    path = terminal(found.path)
    if found.status == "broken":
        print(f"{path}: broken: {found.broken} of {found.entries} entries do not follow the chain")
        for item in found.breaks:
            entry = f" (entry {terminal(item.id)})" if item.id is not None else ""
            print(f"  line {item.line}{entry}: {terminal(item.reason, EXPLANATION)}")
        if found.broken > len(found.breaks):
            print(f"  and {found.broken - len(found.breaks)} more")
    elif found.status == "unchained":
        print(
            f"{path}: unchained: none of its {found.entries} entries carries a digest (format "
            "1); nothing vouches for its history. Entries appended by this version chain it."
        )
    else:
        covered = (
            f"; the first {found.unchained}, of format 1, are covered by the digests after them"
            if found.unchained
            else ""
        )
        print(f"{path}: intact: {found.entries} entries{covered}")
        print(f"head {found.head}")
    if found.cut_short:
        print("  the last line has no newline: a write was cut short, and it is not loaded")
    if found.asked_head is not None:
        if found.head_at is not None:
            print(f"  holds head {found.asked_head[:12]}… at line {found.head_at}: unchanged")
        else:
            print(
                f"  head {found.asked_head[:12]}… is not on the chain: history before it was "
                "changed, or the file was cut back or rewritten"
            )
