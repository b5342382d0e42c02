"""The digest chain that makes a ledger file tamper-evident, as in git and transparency logs.

From format version 2 each line ends with ``"digest"``: the SHA-256, in hex, of the digest
before it, a newline, and the line as written without its digest (the text up to ``,"digest"``
and the closing brace). The first line's digest before it is :data:`GENESIS`. A line of format 1
carries no digest; the chain still runs through it (its digest is worked out, not written), so
the first digest written covers every entry before it. Changing, removing or putting in any
entry, or any digest, breaks the chain at the first entry after the change; only the head (the
last digest) moves when entries are added. Keep the head somewhere else (``verify`` prints it)
to notice a file cut back or rewritten whole.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from typing import Final

import attrs

__all__ = [
    "CHAINED_VERSION",
    "GENESIS",
    "Chain",
    "digest_of",
    "rechain_lines",
    "seal",
    "sealed_digest",
]

GENESIS: Final = "0" * 64
"""The digest "before" the first entry of every ledger."""

CHAINED_VERSION: Final = 2
"""The line format that brought the digest chain."""

_SUFFIX: Final = re.compile(rb',"digest":"([0-9a-f]{64})"\}\Z')
_SUFFIX_SIZE: Final = len(',"digest":"') + 64 + len('"}')


def _link(previous: str, body: bytes) -> str:
    return hashlib.sha256(previous.encode("ascii") + b"\n" + body).hexdigest()


def seal(body: str, previous: str) -> str:
    """The line ``body`` (a JSON object, no digest) with its digest after ``previous`` added."""
    digest = _link(previous, body.encode("utf-8"))
    return f'{body[:-1]},"digest":"{digest}"}}'


def sealed_digest(line: str) -> str:
    """The digest a line made by :func:`seal` ends with."""
    return line[-_SUFFIX_SIZE + len(',"digest":"') : -2]


def rechain_lines(lines: Iterable[str]) -> list[str]:
    """Ledger lines (format 1 or 2, any JSON spacing) as format 2 lines, digests worked out anew.

    For tools that write ledger files themselves, or edit them on purpose: the lines chain
    again, from the first line's 64 zeros, and the file gets a new head. That is also all someone
    rewriting history needs to do, which is why a head kept elsewhere is what proves a file
    unchanged (``diplomacy-ledger verify --head``). A line that is not a JSON object is kept as
    it is, outside the chain.
    """
    previous, chained = GENESIS, []
    for line in lines:
        try:
            data = json.loads(line)
        except ValueError:
            data = None
        if type(data) is not dict:
            chained.append(line)
            continue
        data.pop("digest", None)
        data["v"] = CHAINED_VERSION
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        chained.append(seal(body, previous))
        previous = sealed_digest(chained[-1])
    return chained


def digest_of(line: str | bytes) -> str | None:
    """The digest a line ends with, or None for a line that carries none (format 1)."""
    raw = line.encode("utf-8") if isinstance(line, str) else line
    found = _SUFFIX.search(raw)
    return None if found is None else found.group(1).decode("ascii")


@attrs.define
class Chain:
    """Follows the digest chain along a ledger's lines, in order.

    ``head`` is the digest of the last line followed (written or worked out); ``chained`` how
    many lines carried a digest, ``unchained`` how many did not.
    """

    head: str = GENESIS
    chained: int = 0
    unchained: int = 0
    # After a break, the next line may follow either the broken line's digest (that line was
    # edited) or the digest before it (that line was put in): each change is one break.
    after_break: str | None = None
    # After a line whose digest cannot be read (itself a break), the next line cannot be
    # checked against it: the chain resumes from that next line's digest.
    resume: bool = False

    @property
    def lines(self) -> int:
        """How many lines were followed."""
        return self.chained + self.unchained

    def follow(self, raw: bytes) -> str | None:
        """Take the next line (without its newline); say what is wrong with it, if anything.

        Every line that does not follow the one before it is a break; the chain goes on from
        it, so one edited, removed or added line is one break, not every line after it. A line
        whose digest cannot be read is a break, and the line after it cannot be checked
        against it: the chain resumes there.
        """
        if raw.endswith(b"\r"):  # a file that passed through a Windows editor: the same text
            raw = raw[:-1]
        found = _SUFFIX.search(raw)
        if found is None:
            self.unchained += 1
            if self.chained > 0:
                self.resume = True
                return (
                    "this line carries no digest, but lines before it do: a line of format 1 "
                    "cannot follow lines of format 2, so it was put in or had its digest removed"
                )
            self.head = _link(self.head, raw)
            return None
        self.chained += 1
        digest = found.group(1).decode("ascii")
        body = raw[:-_SUFFIX_SIZE] + b"}"
        previous, self.after_break = self.after_break, None
        resume, self.resume = self.resume, False
        if (
            resume
            or digest == _link(self.head, body)
            or (previous is not None and digest == _link(previous, body))
        ):
            self.head = digest
            return None
        self.head, self.after_break = digest, self.head
        return (
            "the line does not match the digest chain: it, or the line before it, was "
            "changed, or lines between them were removed or put in"
        )

    def copy(self) -> Chain:
        """A chain at the same place, to follow further without moving this one."""
        return attrs.evolve(self)
