"""What the subcommands share: exit statuses, the parser, loading a ledger, terminal text."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path
from typing import Final, NoReturn

from diplomacy_ledger._errors import LedgerError
from diplomacy_ledger.io import (
    SQLITE_SUFFIXES,
    LoadResult,
    References,
    SqliteStore,
    load_jsonl,
    read_jsonl,
)
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.time import When, to_utc

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXPLANATION",
    "Parser",
    "as_of",
    "is_stdout",
    "load",
    "terminal",
]

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_BAD_INPUT: Final = 2
EXIT_INTERNAL: Final = 3

EXPLANATION: Final = 2000
"""How much of an explanation or message a text output shows: a finding names every entry."""


class Parser(argparse.ArgumentParser):
    """Usage errors exit with the bad-input status, 2, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def load(path: Path, *, references: References = "report") -> LoadResult:
    """Load a ledger file (JSON Lines or SQLite), with progress on stderr when it is a terminal.

    Broken references in a JSON Lines file are findings here (``references="report"``), not a
    refusal; an SQLite store never holds any. ``-`` is standard input, read as JSON Lines; a pipe
    or FIFO is read as a stream.
    """
    if str(path) == "-":
        return read_jsonl(sys.stdin.buffer.read(), name="<stdin>", references=references)
    if path.suffix.lower() in SQLITE_SUFFIXES:
        if not path.exists():
            raise LedgerError("no such file", where=str(path))
        with SqliteStore(path, readonly=True) as store:
            return LoadResult(store.ledger())
    if not sys.stderr.isatty():
        return load_jsonl(path, references=references)

    def report(done: int, total: int) -> None:
        print(f"\rreading {path}: {100 * done // max(total, 1)}%", end="", file=sys.stderr)

    loaded = load_jsonl(path, references=references, progress=report)
    print(file=sys.stderr)
    return loaded


def is_stdout(path: Path) -> bool:
    """Whether an output path is ``-``: standard output."""
    return str(path) == "-"


def as_of(ledger: Ledger, text: str | None) -> Ledger:
    """The ledger as known at the record time ``text`` (ISO 8601), or all of it."""
    if not text:
        return ledger
    return ledger.as_of(to_utc(When.parse(text).latest))


def terminal(text: str, limit: int = 200) -> str:
    r"""Text from a ledger made safe for a terminal: control characters escaped, cut to ``limit``.

    A name in a file can hold escape sequences that would move the cursor or rewrite the
    screen, a newline or carriage return that would forge a line of the report, or a bidi
    override that would reorder what follows: every control and format character (Unicode
    categories Cc, Cf, Cs, Co, Cn) and line or paragraph separator is shown as its Python
    escape instead (``\x1b``, ``\n``, ``\u202e``). Longer text ends in ``…``. JSON output is
    exact and does not pass through here.
    """
    if not text.isprintable():  # the rare case: look at each character
        text = "".join(
            ch.encode("unicode_escape").decode("ascii")
            if unicodedata.category(ch)[0] == "C" or unicodedata.category(ch) in ("Zl", "Zp")
            else ch
            for ch in text
        )
    return text if len(text) <= limit else text[: limit - 1] + "…"
