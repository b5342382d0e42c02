"""Reading the files: UTF-8 lines, JSON documents, tables with a header line, bad rows named.

Every reader goes through :func:`text_lines`, so that an empty, binary or UTF-16 file is refused
whole, a line is split at line feeds only, and a row that is not UTF-8 is a bad row naming its
line and column, never a failure of the whole file.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, BinaryIO, Final, NoReturn

import attrs

from diplomacy_ledger._errors import FormatError
from diplomacy_ledger.importers._session import Session

__all__ = [
    "NOT_UTF8",
    "BadLine",
    "around_undecoded",
    "bare",
    "check_utf8",
    "json_document",
    "json_line",
    "read_table",
    "text_lines",
    "undecoded",
]

_SURROGATE: Final = re.compile("[\udc80-\udcff]")  # a byte that was not UTF-8, kept to name it
_HEAD: Final = 4096


def _open_binary(session: Session) -> BinaryIO:
    """The file opened to read bytes, refused if it is empty or not text.

    An empty file (nothing but white space) is no file of any format: a download cut short, or
    the wrong file. A NUL byte in the first bytes means a binary file (a spreadsheet, an image)
    or text saved as UTF-16, which no reader here takes.
    """
    try:
        file = session.path.open("rb")
    except OSError as error:
        raise FormatError(
            f"cannot read the file: {error.strerror or error}", where=session.file
        ) from None
    head = file.read(_HEAD)
    if len(head) < _HEAD and not head.removeprefix(codecs.BOM_UTF8).strip():
        file.close()
        raise FormatError("the file is empty", where=f"{session.file}:1")
    nul = head.find(b"\x00")
    if nul >= 0:
        file.close()
        utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        raise FormatError(
            f"not a text file: a NUL byte at byte {nul + 1}"
            + ("; it is UTF-16 text: save it as UTF-8" if utf16 else " (a binary file?)"),
            where=f"{session.file}:1",
        )
    file.seek(0)
    return file


def text_lines(session: Session) -> Iterator[str]:
    """The file's lines, read one at a time: split at line feeds only, decoded as UTF-8.

    A line keeps its ending (LF, or CRLF); a carriage return alone is a character of the line,
    never a line end, as every format read here ends its lines with LF or CRLF. A byte-order mark
    opening the file is dropped. Bytes that are not UTF-8 are kept as lone
    surrogates (``surrogateescape``), so that the row holding them is refused by
    :func:`check_utf8`, naming its line and column, rather than the whole file failing.
    """
    with _open_binary(session) as file:
        first = True
        for raw in file:
            yield (raw.removeprefix(codecs.BOM_UTF8) if first else raw).decode(
                "utf-8", "surrogateescape"
            )
            first = False


def undecoded(text: str) -> int | None:
    """Where in ``text`` the first byte that was not UTF-8 is (see text_lines); None if none."""
    found = _SURROGATE.search(text)
    return None if found is None else found.start()


def json_document(session: Session, text: str, first_line: int) -> Any:
    """``text``, a whole JSON document beginning on ``first_line``, decoded; else a FormatError."""
    bad = undecoded(text)
    if bad is not None:
        line = first_line + text.count("\n", 0, bad)
        raise FormatError("not UTF-8 text: save the file as UTF-8", where=f"{session.file}:{line}")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"not JSON: {error.msg}", where=f"{session.file}:{first_line - 1 + error.lineno}"
        ) from None
    except RecursionError:
        raise FormatError("JSON nested too deep", where=f"{session.file}:{first_line}") from None


@attrs.frozen
class BadLine:
    """A line that is not a value: why (``message``, ``reason``) and what it holds (``value``)."""

    message: str
    reason: str
    value: object

    def fail(self, session: Session) -> NoReturn:
        """Raise it as the current row's error."""
        session.fail("line", self.value, self.message, reason=self.reason)


def json_line(text: str) -> Any:
    """One line of JSON Lines decoded, or a :class:`BadLine` (not UTF-8, or not JSON)."""
    if undecoded(text) is not None:
        return BadLine(NOT_UTF8, "not UTF-8", around_undecoded(text))
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        return BadLine(f"not JSON: {error.msg}", "bad JSON", text.strip())


def around_undecoded(text: str) -> bytes:
    """The bytes of ``text`` around its first byte that was not UTF-8: what an error shows."""
    at = undecoded(text) or 0
    return text[max(0, at - 24) : at + 24].encode("utf-8", "surrogateescape")


NOT_UTF8: Final = "not UTF-8 text (saved as Latin-1 or Windows-1252?): save the file as UTF-8"


def check_utf8(session: Session, column: str, value: str) -> None:
    """Refuse the current row if ``value`` holds bytes that were not UTF-8 (see text_lines).

    The value shown is the bytes around the first such byte, so that the error shows it.
    """
    if _SURROGATE.search(value) is not None:
        session.fail(column, around_undecoded(value), NOT_UTF8, reason="not UTF-8")


def bare(line: str) -> str:
    """A line without its ending: the line feed and a carriage return before it."""
    line = line.removesuffix("\n")
    return line.removesuffix("\r")


@attrs.frozen
class _BadRow:
    column: str
    value: object
    message: str
    reason: str


Each = Callable[[Session, dict[str, str]], None]


def read_table(
    session: Session,
    required: Sequence[str],
    each: Each,
    *,
    what: str,
    tabs: bool = False,
    known: Sequence[str] | None = None,
    missing: frozenset[str] = frozenset({""}),
) -> None:
    """Read a file with a header line, calling ``each`` on every row, in the row's context.

    Comma-separated with the csv module's quoting (a quoted cell may hold commas, tabs and line
    breaks), or, if ``tabs``, tab-separated with no quoting at all (a ``"`` is a character of its
    cell and never joins lines). The header must name every ``required`` column, each column
    once (and, given ``known``, no other): else a :class:`FormatError` saying the file is not
    ``what``. A row whose cells do not match the header's columns one for one, or that is not
    UTF-8, is a bad row, named by the line it starts on. Cells are stripped of surrounding
    white space, and a cell in ``missing`` is empty.
    """
    rows = _tab_rows(session) if tabs else _csv_rows(session)
    header: list[str] | None = None
    for line, cells in rows:
        if header is None:
            header = _header(session, cells, required, what=what, known=known)
            continue
        with session.row(line):
            if isinstance(cells, _BadRow):
                session.fail(cells.column, cells.value, cells.message, reason=cells.reason)
            if len(cells) != len(header):
                _wrong_width(session, line, cells, len(header))
            values = {}
            for name, cell in zip(header, cells, strict=True):
                check_utf8(session, name, cell)
                text = cell.strip()
                values[name] = "" if text in missing else text
            each(session, values)
    if header is None:
        raise FormatError(f"not {what}: no header line", where=f"{session.file}:1")


def _header(
    session: Session,
    cells: list[str] | _BadRow,
    required: Sequence[str],
    *,
    what: str,
    known: Sequence[str] | None,
) -> list[str]:
    where = f"{session.file}:1"
    if isinstance(cells, _BadRow) or _SURROGATE.search("".join(cells)):
        raise FormatError(f"not {what}: the header line is not UTF-8 text", where=where)
    header = [cell.strip() for cell in cells]
    twice = sorted({name for name in header if header.count(name) > 1})
    if twice:
        raise FormatError(f"columns named twice in the header: {twice}", where=where)
    missing = [name for name in required if name not in header]
    unknown = [name for name in header if known is not None and name not in known]
    if missing or unknown:
        problems = [f"unknown columns {unknown}"] * bool(unknown)
        problems += [f"missing columns {missing}"] * bool(missing)
        columns = f"; the columns are {', '.join(known)}" if known is not None else ""
        raise FormatError(f"not {what}: {'; '.join(problems)}{columns}"[:600], where=where)
    return header


def _wrong_width(session: Session, line: int, cells: list[str], width: int) -> NoReturn:
    spans = ",".join(cells).rstrip("\r\n").count("\n")
    hint = f"; the row runs on to line {line + spans}: a quote left open?" if spans else ""
    session.fail(
        "row",
        ",".join(cells),
        f"expected {width} cells, one per column of the header, got {len(cells)}{hint}",
        reason="wrong number of columns",
    )


def _tab_rows(session: Session) -> Iterator[tuple[int, list[str] | _BadRow]]:
    """The rows of a tab-separated file with no quoting: one line a row, blank lines skipped."""
    for number, line in enumerate(text_lines(session), start=1):
        text = bare(line)
        if text.strip():
            yield number, text.split("\t")


def _csv_rows(session: Session) -> Iterator[tuple[int, list[str] | _BadRow]]:
    """The rows of a comma-separated file, each with the line it starts on; blank lines skipped.

    The csv module's own errors (a field longer than its limit: a quote never closed; a carriage
    return alone in an unquoted cell) are bad rows, and reading goes on after them.
    """
    reader = csv.reader(text_lines(session))
    done = 0
    while True:
        start = done + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            done = reader.line_num
            lines = f"line {start}" if done <= start else f"lines {start} to {done}"
            yield start, _BadRow("row", lines, f"not CSV: {error}", "bad CSV")
            continue
        done = reader.line_num
        if row and any(cell.strip() for cell in row):
            yield start, row
