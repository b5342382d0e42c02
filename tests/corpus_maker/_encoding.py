"""Defects below JSON: lines cut short, bytes that are not UTF-8 text, files damaged as a whole."""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from tests.corpus_maker._base import SEED, TRAILER, add, context, dump, one_bad_line, seed


def torn(name: str, defect: str, id: str, cut: Callable[[str], int]) -> None:
    """Seed line ``id`` cut short at ``cut(line)`` characters: the last line of the file."""
    whole = SEED[id]
    lines: list[str | bytes] = [*context(id), whole[: cut(whole)]]
    add(
        name,
        "truncated",
        defect,
        lines,
        error_line=len(lines),
        skipped=(len(lines),),
        final_newline=False,
    )


def add_truncated() -> None:
    call = "call-pashinyan-putin"
    torn(
        "torn-final-line-half",
        "the last line stops halfway (a crash mid-write)",
        call,
        lambda s: len(s) // 2,
    )
    torn(
        "torn-final-line-after-brace", "the last line is only its opening brace", call, lambda s: 1
    )
    torn("torn-final-line-mid-key", "cut inside a key", call, lambda s: s.index('"recorded_at') + 5)
    torn(
        "torn-final-line-after-colon",
        "cut after a key's colon",
        call,
        lambda s: s.index('"kind":') + 7,
    )
    torn(
        "torn-final-line-mid-string",
        "cut inside a string value",
        call,
        lambda s: s.index("Pashinyan told") + 4,
    )
    torn("torn-final-line-mid-number", "cut inside the version number", call, lambda s: 5)
    torn(
        "torn-final-line-last-brace-missing",
        "only the final closing brace is missing",
        call,
        lambda s: len(s) - 1,
    )
    torn(
        "torn-final-line-mid-datetime",
        "cut inside recorded_at",
        call,
        lambda s: s.index('"recorded_at":"') + 20,
    )
    # Cut inside a \u escape: the same entry written with ASCII escapes.
    escaped = json.dumps(seed(call), ensure_ascii=True, separators=(",", ":"))
    at = escaped.index("\\u201c")
    lines: list[str | bytes] = [*context(call), escaped[: at + 4]]
    add(
        "torn-final-line-mid-escape",
        "truncated",
        "cut inside a \\u escape (\\u20)",
        lines,
        error_line=len(lines),
        skipped=(len(lines),),
        final_newline=False,
    )
    lines = [*context(call), escaped[: at + 1]]
    add(
        "torn-final-line-after-backslash",
        "truncated",
        "cut right after a backslash",
        lines,
        error_line=len(lines),
        skipped=(len(lines),),
        final_newline=False,
    )
    # Cut inside a multi-byte UTF-8 character (the opening quote “ is three bytes).
    raw = SEED[call].encode("utf-8")
    at = raw.index("“".encode())
    lines = [*context(call), raw[: at + 2]]
    add(
        "torn-final-line-mid-utf8-character",
        "truncated",
        "cut between the bytes of one UTF-8 character",
        lines,
        error_line=len(lines),
        skipped=(len(lines),),
        final_newline=False,
    )
    # A line cut short by a crash, then appended to again: the torn line is not the last one.
    whole = SEED[call]
    one_bad_line(
        "torn-line-then-more-lines",
        "truncated",
        "a torn line followed by later, valid lines",
        call,
        whole[: len(whole) // 3],
    )
    one_bad_line(
        "torn-line-mid-string-then-more",
        "truncated",
        "a line cut inside a string, followed by a valid line",
        call,
        whole[: whole.index("“") + 3],
    )


def add_encoding() -> None:
    source = SEED["source-public-record"]
    one_bad_line(
        "non-utf8-byte-in-string",
        "encoding",
        "a 0xFF byte inside a string",
        "source-public-record",
        source.encode().replace(b"summary", b"summ\xffry"),
    )
    latin = seed("armenia")
    latin["record"]["description"] = "Ind\u00e9pendante depuis 1991."
    one_bad_line(
        "latin-1-encoded-line",
        "encoding",
        "a line written in Latin-1, not UTF-8",
        "armenia",
        dump(latin).encode("latin-1"),
    )
    one_bad_line(
        "overlong-utf8",
        "encoding",
        "an overlong UTF-8 sequence (0xC0 0xAF)",
        "source-public-record",
        source.encode().replace(b"(seed", b"\xc0\xaf(seed"),
    )
    one_bad_line(
        "utf8-encoded-surrogate",
        "encoding",
        "a UTF-16 surrogate encoded as UTF-8 bytes (0xED 0xA0 0x80)",
        "source-public-record",
        source.encode().replace(b"(seed", b"\xed\xa0\x80(seed"),
    )
    one_bad_line(
        "nul-bytes-line",
        "encoding",
        "a line of NUL bytes (a preallocated, unwritten block)",
        "russia",
        b"\x00" * 64,
    )
    one_bad_line(
        "utf8-bom-mid-file",
        "encoding",
        "a UTF-8 byte order mark starting a later line",
        "russia",
        b"\xef\xbb\xbf" + SEED["russia"].encode(),
    )
    add(
        "utf8-bom-first-line",
        "encoding",
        "a UTF-8 byte order mark at the start of the file",
        [b"\xef\xbb\xbf" + SEED["russia"].encode(), TRAILER],
        error_line=1,
        skipped=(1,),
    )
    text = SEED["russia"] + "\n" + TRAILER + "\n"
    for codec, label in (("utf-16", "utf-16-with-bom"), ("utf-16-be", "utf-16-be-no-bom")):
        data = text.encode(codec)
        count = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
        lines: list[str | bytes] = [data]
        add(
            label,
            "encoding",
            f"the whole file in {codec.upper()}",
            lines,
            error_line=1,
            skipped=tuple(range(1, count + 1)),
            final_newline=False,
        )
    garbage = random.Random(20220913).randbytes(4096)
    count = garbage.count(b"\n") + (0 if garbage.endswith(b"\n") else 1)
    add(
        "binary-garbage",
        "encoding",
        "4 KiB of random bytes",
        [garbage],
        error_line=1,
        skipped=tuple(range(1, count + 1)),
        final_newline=False,
    )
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    add(
        "png-header",
        "encoding",
        "the first bytes of a PNG image",
        [png],
        error_line=1,
        skipped=(1, 2, 3),
        final_newline=False,
    )
    gzip = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + SEED["russia"].encode()[:40]
    add(
        "gzip-compressed",
        "encoding",
        "a gzip header: a compressed file read as text",
        [gzip],
        error_line=1,
        skipped=(1,),
        final_newline=False,
    )


def add_whole_file() -> None:
    add("empty-file", "whole-file", "an empty file (0 bytes)", [], error_line=None, skipped=None)
    add(
        "only-blank-lines",
        "whole-file",
        "three empty lines",
        ["", "", ""],
        error_line=1,
        skipped=(1, 2, 3),
    )
    add(
        "only-whitespace-lines",
        "whole-file",
        "lines of spaces and tabs",
        ["  ", "\t", " \t "],
        error_line=1,
        skipped=(1, 2, 3),
    )
    add(
        "single-newline",
        "whole-file",
        "one newline and nothing else",
        [""],
        error_line=1,
        skipped=(1,),
    )
    pretty = json.dumps(seed("russia"), ensure_ascii=False, indent=2).splitlines()
    add(
        "pretty-printed-json",
        "whole-file",
        "one entry pretty-printed over several lines",
        list(pretty),
        error_line=1,
        skipped=tuple(range(1, len(pretty) + 1)),
    )
    array = "[" + ",".join([SEED["russia"], SEED["france"]]) + "]"
    add(
        "json-array-of-entries",
        "whole-file",
        "a JSON array of entries on one line",
        [array],
        error_line=1,
        skipped=(1,),
    )
    add(
        "cr-line-endings",
        "whole-file",
        "lines ended by a bare CR (old Mac), so one long line",
        [SEED["russia"] + "\r" + SEED["france"] + "\r"],
        error_line=1,
        skipped=(1,),
    )
