"""Write ``tests/corpus/``: malformed ledger files, each a few valid lines and one defect.

Run ``python -m tests.make_corpus`` from the repository root to regenerate the folder; the output
depends only on this file and on the seed ledger (:func:`diplomacy_ledger.examples.seed_ledger`),
never on the machine: the ``tzdb`` value of every line is fixed, and nothing random is unseeded.
``tests/test_corpus.py`` checks that the committed files are exactly what this writes.

Each :class:`Case` says what a loader must do with its file:

- ``error_line``: the line that ``load_jsonl(path)`` must name (``name.jsonl:<line>``) in its
  :class:`~diplomacy_ledger.LedgerError`; None for a defect of the whole file.
- ``skipped``: the lines that ``load_jsonl(path, skip_bad_lines=True)`` must list as skipped (every
  other line loads); None when even that must raise (a defect of the whole file).
- ``field``: for a damaged field, its path, which the error must name.

Most files are built from the seed ledger's own lines: the lines the damaged entry needs (the
actors, places, sources and entries it points at, transitively), then the damaged line, then a
valid line that needs nothing (a later source), which shows that a loader told to skip bad lines
goes on after the bad one.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from diplomacy_ledger._jsonl import dumps_jsonl
from diplomacy_ledger._kinds import references
from diplomacy_ledger.examples import seed_ledger

CORPUS: Final = Path(__file__).resolve().parent / "corpus"
TZDB: Final = "2025b"
"""The tz database version written on every line, whatever the machine has."""

Json = Any
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Case:
    """One malformed file and what a loader must do with it."""

    name: str
    category: str
    defect: str
    data: bytes
    error_line: int | None
    skipped: tuple[int, ...] | None
    field: str | None = None
    """The field the error must name (``record.when.earliest``), where the file damages one."""

    @property
    def whole_file(self) -> bool:
        """True when even ``skip_bad_lines=True`` refuses the file."""
        return self.skipped is None


# -- the seed's lines ----------------------------------------------------------------------------


def dump(value: Json) -> str:
    """A line as the library writes it (compact, UTF-8, keys in order)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _seed() -> tuple[list[str], dict[str, set[str]]]:
    text = dumps_jsonl(seed_ledger())
    lines = []
    for line in text.splitlines():
        data = json.loads(line)
        assert dump(data) == line, "the generator must rewrite a line byte for byte"
        data["tzdb"] = TZDB
        lines.append(dump(data))
    needs: dict[str, set[str]] = {}
    for entry in seed_ledger():
        direct = {ref.id for ref in references(entry.record)}
        if entry.supersedes is not None:
            direct.add(entry.supersedes)
        needs[entry.id] = direct
    return lines, needs


SEED_LINES, _NEEDS = _seed()
SEED: Final = {json.loads(line)["id"]: line for line in SEED_LINES}
ORDER: Final = {id: index for index, id in enumerate(SEED)}
TRAILER: Final = dump(
    {
        "v": 1,
        "id": "source-later-note",
        "recorded_at": "2022-09-13T07:00:00Z",
        "kind": "source",
        "record": {"title": "A later note: a valid line after the damaged one"},
        "tzdb": TZDB,
    }
)
"""A valid line that needs nothing, recorded after every seed line."""


def seed(id: str) -> Json:
    """A fresh copy of the seed line ``id``, parsed."""
    return json.loads(SEED[id])


def context(*ids: str) -> list[str]:
    """The seed lines that ``ids`` need, transitively, in the seed's order (``ids`` left out)."""
    found: set[str] = set()
    pending = [need for id in ids for need in _NEEDS[id]]
    while pending:
        id = pending.pop()
        if id not in found:
            found.add(id)
            pending.extend(_NEEDS[id])
    return [SEED[id] for id in sorted(found - set(ids), key=ORDER.__getitem__)]


# -- paths into a line ---------------------------------------------------------------------------

DELETE: Final = object()


def get(value: Json, path: Path_) -> Json:
    for key in path:
        value = value[key]
    return value


def put(value: Json, path: Path_, new: Json) -> Json:
    """``value`` with the item at ``path`` replaced by ``new`` (or removed, for DELETE)."""
    parent = get(value, path[:-1])
    if new is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return value


def changed(id: str, path: Path_, new: Json) -> str:
    return dump(put(seed(id), path, new))


# -- the cases -----------------------------------------------------------------------------------

CASES: list[Case] = []


def add(
    name: str,
    category: str,
    defect: str,
    lines: Sequence[str | bytes],
    *,
    error_line: int | None,
    skipped: tuple[int, ...] | None,
    final_newline: bool = True,
    field: str | None = None,
) -> None:
    parts = [line.encode("utf-8") if isinstance(line, str) else line for line in lines]
    data = b"\n".join(parts) + (b"\n" if final_newline and parts else b"")
    file = f"bad-{name}.jsonl"
    assert all(case.name != file for case in CASES), file
    CASES.append(Case(file, category, defect, data, error_line, skipped, field))


def one_bad_line(
    name: str,
    category: str,
    defect: str,
    id: str,
    bad: str | bytes,
    *,
    trailer: bool = True,
    field: str | None = None,
) -> None:
    """The lines seed entry ``id`` needs, then ``bad`` in its place, then the trailer."""
    lines: list[str | bytes] = [*context(id), bad]
    line = len(lines)
    if trailer:
        lines.append(TRAILER)
    add(name, category, defect, lines, error_line=line, skipped=(line,), field=field)


FIELD_CATEGORIES: Final = frozenset({"wrong-type", "naive-datetime", "zone", "missing-key"})
"""Categories whose files damage one field, which the error must name."""


def field_name(path: Path_) -> str:
    """``("record", "participants", 0, "actor")`` as ``record.participants[0].actor``."""
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)[1:]


def bad_value(  # noqa: PLR0917 - one call per file, read as a row of a table
    name: str, category: str, defect: str, id: str, path: Path_, new: Json
) -> None:
    """Seed entry ``id`` with the value at ``path`` replaced by ``new`` (DELETE removes it)."""
    removed_elsewhere = new is DELETE and (len(path) == 1 or category == "zone")
    named = category in FIELD_CATEGORIES and not removed_elsewhere
    field = field_name(path) if named else None
    one_bad_line(name, category, defect, id, changed(id, path, new), field=field)


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


def _truncated() -> None:
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


def _encoding() -> None:
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


def _whole_file() -> None:
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


def _json_syntax() -> None:
    russia = SEED["russia"]
    cases = {
        "blank-line-between-entries": ("an empty line between entries", ""),
        "whitespace-line-between-entries": ("a line of spaces between entries", "    "),
        "json-array-instead-of-object": ("a JSON array holding the entry", f"[{russia}]"),
        "json-string-instead-of-object": ("a JSON string", json.dumps(russia)),
        "json-number-instead-of-object": ("a JSON number", "1"),
        "json-null-instead-of-object": ("JSON null", "null"),
        "json-true-instead-of-object": ("JSON true", "true"),
        "two-objects-on-one-line": ("two entries on one line", russia + SEED["france"]),
        "trailing-comma": ("a trailing comma before the closing brace", russia[:-1] + ",}"),
        "single-quoted-keys": (
            "a Python dict literal with single quotes",
            russia.replace('"', "'"),
        ),
        "unquoted-keys": (
            "JavaScript-style unquoted keys",
            russia.replace('"v":', "v:").replace('"id":', "id:"),
        ),
        "comment-line-slashes": ("a // comment line", "// the entries below are checked"),
        "comment-line-hash": ("a # comment line", "# entries"),
        "trailing-garbage": ("text after the closing brace", russia + " extra"),
        "leading-zero-number": ("a version written 01", russia.replace('"v":1', '"v":01')),
        "plus-sign-number": ("a version written +1", russia.replace('"v":1', '"v":+1')),
        "hex-number": ("a version written 0x1", russia.replace('"v":1', '"v":0x1')),
        "control-character-in-string": (
            "a raw tab inside a string",
            russia.replace("Russia", "Rus\tsia"),
        ),
        "unterminated-string": ("a string never closed", russia.replace('"Russia"', '"Russia')),
        "bad-escape": ("an invalid escape \\x41", russia.replace("Russia", "Ru\\x41ssia")),
        "form-feed-separator": (
            "a form feed (not JSON whitespace) before the entry",
            "\f" + russia,
        ),
        "missing-colon": ("a key without its colon", russia.replace('"v":1', '"v" 1')),
        "python-true-literal": (
            "Python's True instead of true",
            SEED["tenure-pashinyan-acting-2021"].replace('"acting":true', '"acting":True'),
        ),
    }
    for name, (defect, line) in cases.items():
        target = "tenure-pashinyan-acting-2021" if name == "python-true-literal" else "russia"
        one_bad_line(name, "json-syntax", defect, target, line)


def _numbers() -> None:
    russia = SEED["russia"]
    sotk = seed("sotk")
    for label, literal in (
        ("nan", "NaN"),
        ("infinity", "Infinity"),
        ("minus-infinity", "-Infinity"),
        ("1e999", "1e999"),
        ("minus-1e999", "-1e999"),
        ("5000-digits", "9" * 5000),
    ):
        one_bad_line(
            f"version-{label}",
            "numbers",
            f"the schema version is {literal[:12]}",
            "russia",
            russia.replace('"v":1', f'"v":{literal}'),
        )
        sotk["record"]["coordinates"] = [40.1, 45.6]
        line = dump(sotk).replace("40.1", literal)
        one_bad_line(
            f"coordinates-{label}", "numbers", f"a latitude of {literal[:12]}", "sotk", line
        )
    sotk["record"]["coordinates"] = [91.0, 45.6]
    one_bad_line("coordinates-latitude-out-of-range", "numbers", "latitude 91", "sotk", dump(sotk))
    sotk["record"]["coordinates"] = [40.1, 180.5]
    one_bad_line(
        "coordinates-longitude-out-of-range", "numbers", "longitude 180.5", "sotk", dump(sotk)
    )
    sotk["record"]["coordinates"] = [40.1, 45.6, 1900.0]
    one_bad_line(
        "coordinates-three-numbers",
        "numbers",
        "latitude, longitude and altitude",
        "sotk",
        dump(sotk),
    )
    sotk["record"]["coordinates"] = [40.1]
    one_bad_line("coordinates-one-number", "numbers", "only a latitude", "sotk", dump(sotk))
    sotk["record"]["coordinates"] = [True, False]
    one_bad_line("coordinates-booleans", "numbers", "booleans as coordinates", "sotk", dump(sotk))
    big = "1" + "0" * 5000
    one_bad_line(
        "batch-size-5000-digits",
        "numbers",
        "a batch size of 10**5000",
        "russia",
        russia[:-1] + f',"batch":{{"index":0,"size":{big}}}}}',
    )


def _nesting() -> None:
    one_bad_line(
        "nested-100k-brackets", "nesting", "100,000 opening brackets", "russia", "[" * 100_000
    )
    one_bad_line(
        "nested-20k-closed-brackets",
        "nesting",
        "20,000 nested, closed brackets",
        "russia",
        "[" * 10_000 + "]" * 10_000,
    )
    one_bad_line(
        "nested-5k-objects",
        "nesting",
        '5,000 nested {"a": objects',
        "russia",
        '{"a":' * 5_000 + "1" + "}" * 5_000,
    )
    deep = "[" * 10_000 + "]" * 10_000
    one_bad_line(
        "nested-brackets-in-record-field",
        "nesting",
        "10,000 nested brackets as an actor's description",
        "russia",
        SEED["russia"].replace('"iso3":"RUS"', f'"iso3":"RUS","description":{deep}'),
    )
    one_bad_line(
        "nested-brackets-as-via",
        "nesting",
        "provenance.via nested 900 deep (deep, yet within the parser's limit)",
        "claim-invasion-reports",
        changed(
            "claim-invasion-reports",
            ("record", "provenance", "via"),
            json.loads("[" * 900 + "]" * 900),
        ),
    )


def _versions() -> None:
    russia = seed("russia")
    for label, value, defect in (
        ("2", 2, "a newer schema version (2)"),
        ("99", 99, "schema version 99"),
        ("0", 0, "schema version 0, which never existed"),
        ("minus-1", -1, "schema version -1"),
        ("string", "1", 'the version as a string ("1")'),
        ("float", 1.0, "the version as 1.0"),
        ("true", True, "the version as true"),
        ("null", None, "the version as null"),
        ("list", [1], "the version as [1]"),
        ("object", {"major": 1}, "the version as an object"),
    ):
        one_bad_line(
            f"version-{label}", "schema-version", defect, "russia", dump({**russia, "v": value})
        )
    newer = {**russia, "v": 2, "id": "russia", "successor_field": {"anything": True}}
    one_bad_line(
        "version-2-with-new-fields",
        "schema-version",
        "a version-2 line with a field this version does not know",
        "russia",
        dump(newer),
    )


# Sample values of each JSON type, for "wrong type" files.
SAMPLES: Final[dict[str, Json]] = {
    "string": "armenia",
    "integer": 42,
    "number": 4.5,
    "boolean": True,
    "null": None,
    "list": ["armenia"],
    "object": {"id": "armenia"},
}
EVERY: Final = frozenset(SAMPLES)

# (seed entry, path, JSON types it accepts, how many wrong types to write: 0 for all of them)
FIELDS: Final[list[tuple[str, Path_, frozenset[str], int]]] = [
    ("russia", ("id",), frozenset({"string"}), 0),
    ("russia", ("recorded_at",), frozenset({"string"}), 0),
    ("russia", ("kind",), frozenset({"string"}), 0),
    ("russia", ("record",), frozenset({"object"}), 0),
    ("russia", ("tzdb",), frozenset({"string", "null"}), 3),
    ("hostility-shelling-ongoing", ("supersedes",), frozenset({"string", "null"}), 3),
    ("call-pashinyan-putin", ("record", "participants"), frozenset({"list"}), 0),
    ("call-pashinyan-putin", ("record", "participants", 0), frozenset({"object"}), 3),
    ("call-pashinyan-putin", ("record", "participants", 0, "actor"), frozenset({"string"}), 0),
    (
        "call-pashinyan-putin",
        ("record", "participants", 1, "office"),
        frozenset({"string", "null"}),
        3,
    ),
    ("call-pashinyan-putin", ("record", "when"), frozenset({"object"}), 3),
    ("call-pashinyan-putin", ("record", "when", "earliest"), frozenset({"string"}), 0),
    ("call-pashinyan-putin", ("record", "when", "latest"), frozenset({"string"}), 2),
    ("call-pashinyan-putin", ("record", "when", "precision"), frozenset({"string"}), 0),
    ("call-pashinyan-putin", ("record", "when", "zone"), frozenset({"string", "null"}), 0),
    ("call-pashinyan-putin", ("record", "when", "text"), frozenset({"string", "null"}), 2),
    ("call-pashinyan-putin", ("record", "medium"), frozenset({"string"}), 0),
    ("call-pashinyan-putin", ("record", "summary"), frozenset({"string", "null"}), 2),
    ("call-pashinyan-putin", ("record", "provenance"), frozenset({"object"}), 2),
    ("call-pashinyan-putin", ("record", "provenance", "source"), frozenset({"string"}), 2),
    ("call-pashinyan-putin", ("record", "provenance", "via"), frozenset({"list"}), 0),
    ("call-pashinyan-putin", ("record", "provenance", "via", 0), frozenset({"string"}), 2),
    ("call-pashinyan-putin", ("record", "provenance", "quote"), frozenset({"string", "null"}), 2),
    ("ceasefire-2022", ("record", "effective", "wall"), frozenset({"string", "null"}), 2),
    ("ceasefire-2022", ("record", "parties"), frozenset({"list"}), 2),
    ("ceasefire-2022", ("record", "mediation"), frozenset({"string", "null"}), 2),
    ("claim-azerbaijan-armenia-started", ("record", "stance"), frozenset({"string"}), 0),
    ("claim-azerbaijan-armenia-started", ("record", "claimant"), frozenset({"string"}), 2),
    ("claim-azerbaijan-armenia-started", ("record", "accused"), frozenset({"string", "null"}), 2),
    ("sotk", ("record", "zone"), frozenset({"string"}), 0),
    ("sotk", ("record", "states"), frozenset({"list"}), 2),
    ("sotk", ("record", "states", 0), frozenset({"string"}), 2),
    ("sotk", ("record", "name"), frozenset({"string"}), 2),
    ("nagorno-karabakh", ("record", "aliases"), frozenset({"list"}), 2),
    ("armenia", ("record", "kind"), frozenset({"string"}), 2),
    ("armenia", ("record", "lifespan"), frozenset({"object", "null"}), 2),
    ("armenia", ("record", "wikidata"), frozenset({"string", "null"}), 2),
    ("armenia-government", ("record", "aliases", 0), frozenset({"string"}), 2),
    ("armenia-government", ("record", "part_of"), frozenset({"string", "null"}), 2),
    ("pm-armenia", ("record", "title"), frozenset({"string"}), 2),
    ("tenure-pashinyan-acting-2021", ("record", "acting"), frozenset({"boolean"}), 0),
    ("tenure-pashinyan-acting-2021", ("record", "span"), frozenset({"object"}), 2),
    ("tenure-pashinyan-acting-2021", ("record", "span", "end"), frozenset({"object", "null"}), 2),
    ("mediation-russia-2022", ("record", "mediators"), frozenset({"list"}), 2),
    ("mediation-russia-2022", ("record", "mediators", 0), frozenset({"string"}), 2),
    ("hostility-shelling", ("record", "places"), frozenset({"list"}), 2),
    ("hostility-shelling", ("record", "means", 0), frozenset({"string"}), 2),
    ("report-armenian-media-ceasefire", ("record", "about"), frozenset({"string"}), 2),
    ("statement-pashinyan-to-putin", ("record", "speaker"), frozenset({"object"}), 2),
    ("statement-pashinyan-to-putin", ("record", "audience"), frozenset({"list"}), 2),
    ("source-article", ("record", "published"), frozenset({"object", "null"}), 2),
    ("source-article", ("record", "language"), frozenset({"string", "null"}), 2),
]


def _slug(path: Path_) -> str:
    return ".".join(str(part) for part in path).replace("record.", "", 1)


def _wrong_types() -> None:
    turn = 0
    for id, path, accepted, count in FIELDS:
        wrong = [kind for kind in SAMPLES if kind not in accepted]
        if count:
            start = turn % len(wrong)
            wrong = (wrong[start:] + wrong[:start])[:count]
            turn += 1
        kind_name = "line" if path[0] != "record" else seed(id)["kind"]
        for kind in wrong:
            where = _slug(path)
            bad_value(
                f"type-{kind_name}-{where.replace('.', '-')}-{kind}",
                "wrong-type",
                f"{kind_name} {where} is {'an' if kind[0] in 'aeiou' else 'a'} {kind}",
                id,
                path,
                SAMPLES[kind],
            )
    # Numbers where strings belong in the place most likely to get one: an epoch timestamp.
    bad_value(
        "type-recorded-at-epoch-seconds",
        "wrong-type",
        "recorded_at as Unix seconds",
        "russia",
        ("recorded_at",),
        1663034400,
    )
    bad_value(
        "type-when-earliest-epoch-millis",
        "wrong-type",
        "when.earliest as Unix ms",
        "call-pashinyan-putin",
        ("record", "when", "earliest"),
        1663012800000,
    )


# Every place a When sits in the seed: (entry, path to the When).
WHENS: Final[list[tuple[str, Path_]]] = [
    ("source-article", ("record", "published")),
    ("armenia", ("record", "lifespan", "start")),
    ("armenia", ("record", "lifespan", "ongoing_as_of")),
    ("tenure-pashinyan-2018", ("record", "span", "start")),
    ("tenure-pashinyan-2018", ("record", "span", "end")),
    ("tenure-pashinyan-2021", ("record", "span", "ongoing_as_of")),
    ("hostility-shelling", ("record", "span", "start")),
    ("hostility-shelling-ongoing", ("record", "span", "ongoing_as_of")),
    ("call-pashinyan-putin", ("record", "when")),
    ("statement-pashinyan-to-putin", ("record", "when")),
    ("mediation-russia-2022", ("record", "when")),
    ("ceasefire-2022", ("record", "effective")),
    ("ceasefire-1994", ("record", "effective")),
    ("hostility-first-war", ("record", "span", "end")),
    ("hostility-mining", ("record", "span", "start")),
    ("hostility-2020", ("record", "span", "end")),
]


def _naive() -> None:
    bad_value(
        "naive-recorded-at",
        "naive-datetime",
        "recorded_at without an offset",
        "russia",
        ("recorded_at",),
        "2022-09-13T02:00:00",
    )
    bad_value(
        "naive-recorded-at-date-only",
        "naive-datetime",
        "recorded_at as a bare date",
        "russia",
        ("recorded_at",),
        "2022-09-13",
    )
    bad_value(
        "naive-recorded-at-space-separator",
        "naive-datetime",
        "recorded_at as '2022-09-13 02:00:00', no offset",
        "russia",
        ("recorded_at",),
        "2022-09-13 02:00:00",
    )
    for id, path in WHENS:
        kind = seed(id)["kind"]
        for bound in ("earliest", "latest"):
            value = get(seed(id), (*path, bound))
            assert value.endswith("Z"), value
            where = _slug(path).replace(".", "-")
            bad_value(
                f"naive-{id}-{where}-{bound}",
                "naive-datetime",
                f"{kind} {_slug(path)}.{bound} without an offset",
                id,
                (*path, bound),
                value[:-1],
            )


ZONES: Final[list[tuple[str, str, str]]] = [
    ("abbreviation-edt", "EDT", "the abbreviation EDT"),
    ("abbreviation-ist", "IST", "the abbreviation IST (India, Israel or Ireland?)"),
    ("abbreviation-amt", "AMT", "the abbreviation AMT (Armenia Time, or Amazon Time?)"),
    ("posix-utc-plus-3", "UTC+3", "the POSIX TZ string UTC+3 (three hours behind UTC)"),
    ("posix-gmt-minus-4", "GMT-4", "the POSIX TZ string GMT-4"),
    ("posix-full-rule", "EST5EDT,M3.2.0,M11.1.0", "a full POSIX TZ rule"),
    ("empty", "", "the empty string (dateutil's machine zone)"),
    ("unknown-key", "Mars/Olympus_Mons", "a key the tz database does not have"),
    ("wrong-case", "asia/yerevan", "the right key in the wrong case"),
    ("file-path", "/etc/localtime", "a file path"),
    ("relative-path", "../../etc/passwd", "a relative path"),
    ("localtime", "localtime", "the machine's own zone file"),
    ("unknown-offset", "-00:00", "-00:00, RFC 3339's unknown offset"),
    ("offset-out-of-range", "+25:00", "an offset of 25 hours"),
    ("offset-without-colon", "+0400", "an offset written +0400"),
    ("leading-space", " Asia/Yerevan", "a key with a leading space"),
    ("windows-name", "Caucasus Standard Time", "a Windows zone name"),
]


def _zones() -> None:
    targets = [
        ("sotk", ("record", "zone")),
        ("call-pashinyan-putin", ("record", "when", "zone")),
        ("source-article", ("record", "published", "zone")),
        ("hostility-shelling", ("record", "span", "start", "zone")),
    ]
    for index, (label, zone, defect) in enumerate(ZONES):
        id, path = targets[index % len(targets)]
        where = _slug(path).replace(".", "-")
        bad_value(f"zone-{label}", "zone", f"{seed(id)['kind']} {where}: {defect}", id, path, zone)
    bad_value(
        "zone-place-abbreviation-edt",
        "zone",
        "place zone EDT",
        "yerevan",
        ("record", "zone"),
        "EDT",
    )
    bad_value(
        "zone-wall-time-zone-unknown",
        "zone",
        "a wall time's zone is unknown",
        "ceasefire-2022",
        ("record", "effective", "zone"),
        "Asia/Erevan",
    )
    bad_value(
        "zone-wall-time-zone-missing",
        "zone",
        "a wall time without a zone",
        "ceasefire-2022",
        ("record", "effective", "zone"),
        DELETE,
    )


def _when_defects() -> None:
    call, path = "call-pashinyan-putin", ("record", "when")
    ceasefire, effective = "ceasefire-2022", ("record", "effective")
    article, published = "source-article", ("record", "published")

    def when_case(
        name: str, defect: str, id: str, at: Path_, change: Callable[[Json], Json]
    ) -> None:
        line = seed(id)
        put(line, at, change(get(line, at)))
        one_bad_line(f"when-{name}", "when", defect, id, dump(line))

    def setting(key: str, value: Json) -> Callable[[Json], Json]:
        def change(when: Json) -> Json:
            if value is DELETE:
                del when[key]
            else:
                when[key] = value
            return when

        return change

    when_case("type-missing", 'a When without "type"', call, path, setting("type", DELETE))
    when_case("type-span", 'a When tagged "span"', ceasefire, effective, setting("type", "span"))
    when_case("type-capitalised", 'a When tagged "When"', call, path, setting("type", "When"))
    when_case("type-null", '"type": null', call, path, setting("type", None))
    when_case("type-integer", '"type": 1', call, path, setting("type", 1))
    when_case(
        "type-python-class",
        '"type": "diplomacy_ledger.When"',
        call,
        path,
        setting("type", "diplomacy_ledger.When"),
    )
    when_case("missing-earliest", "no earliest bound", call, path, setting("earliest", DELETE))
    when_case("missing-latest", "no latest bound", call, path, setting("latest", DELETE))
    when_case("missing-precision", "no precision", call, path, setting("precision", DELETE))
    when_case("precision-unknown", 'precision "days"', call, path, setting("precision", "days"))
    when_case("precision-upper-case", 'precision "SPAN"', call, path, setting("precision", "SPAN"))
    when_case("precision-empty", 'precision ""', call, path, setting("precision", ""))
    when_case(
        "bounds-out-of-order",
        "earliest after latest",
        call,
        path,
        lambda w: {**w, "earliest": w["latest"], "latest": w["earliest"]},
    )
    when_case(
        "day-bounds-not-a-whole-day",
        'a "day" When one hour short of its day',
        article,
        published,
        setting("latest", "2022-09-13T18:59:59.999999Z"),
    )
    when_case(
        "day-bounds-in-another-zone",
        'a "day" When whose bounds are a UTC day, zone Yerevan',
        article,
        published,
        lambda w: {
            **w,
            "earliest": "2022-09-13T00:00:00Z",
            "latest": "2022-09-13T23:59:59.999999Z",
        },
    )
    when_case(
        "day-precision-exact-instant",
        'a "day" When that is one instant',
        article,
        published,
        setting("latest", "2022-09-12T20:00:00Z"),
    )
    when_case(
        "month-precision-day-bounds",
        'a "month" When with one day\'s bounds',
        article,
        published,
        setting("precision", "month"),
    )
    when_case(
        "year-precision-day-bounds",
        'a "year" When with one day\'s bounds',
        article,
        published,
        setting("precision", "year"),
    )
    when_case(
        "minute-precision-with-seconds",
        'a "minute" instant at 22:30:17',
        ceasefire,
        effective,
        lambda w: {
            **w,
            "earliest": "2022-09-12T22:30:17Z",
            "latest": "2022-09-12T22:30:17Z",
            "wall": "2022-09-13T02:30:17",
        },
    )
    when_case(
        "minute-precision-not-an-instant",
        'a "minute" When spanning an hour',
        ceasefire,
        effective,
        setting("latest", "2022-09-12T23:30:00Z"),
    )
    when_case(
        "wall-with-offset",
        "a wall time with an offset",
        ceasefire,
        effective,
        setting("wall", "2022-09-13T02:30:00+04:00"),
    )
    when_case(
        "wall-on-a-day",
        "a wall time on a day-precision When",
        article,
        published,
        setting("wall", "2022-09-13T00:00:00"),
    )
    when_case(
        "wall-not-iso",
        "a wall time in words",
        ceasefire,
        effective,
        setting("wall", "half past two"),
    )
    when_case(
        "wall-without-zone-on-utc-instant",
        "a wall time on a When with no zone",
        "armenia",
        ("record", "lifespan", "ongoing_as_of"),
        setting("wall", "2022-09-13T06:00:00"),
    )
    when_case("earliest-not-iso", "earliest in words", call, path, setting("earliest", "yesterday"))
    when_case(
        "earliest-invalid-date",
        "earliest on 30 February",
        call,
        path,
        setting("earliest", "2022-02-30T00:00:00Z"),
    )
    when_case(
        "earliest-leap-second",
        "earliest at 23:59:60",
        call,
        path,
        setting("earliest", "2016-12-31T23:59:60Z"),
    )
    when_case(
        "earliest-year-zero",
        "earliest in year 0",
        call,
        path,
        setting("earliest", "0000-01-01T00:00:00Z"),
    )
    when_case(
        "earliest-before-year-one-after-offset",
        "earliest that is before year 1 in UTC",
        call,
        path,
        setting("earliest", "0001-01-01T00:30:00+01:00"),
    )
    when_case(
        "latest-after-year-9999-in-utc",
        "latest that is after year 9999 in UTC",
        call,
        path,
        setting("latest", "9999-12-31T23:30:00-01:00"),
    )
    when_case(
        "earliest-empty-string", "earliest is the empty string", call, path, setting("earliest", "")
    )
    when_case(
        "earliest-rfc-2822",
        "earliest in RFC 2822 form",
        call,
        path,
        setting("earliest", "Mon, 12 Sep 2022 20:00:00 +0000"),
    )
    when_case(
        "span-where-when-required",
        "a ceasefire's effective time given as a Span",
        ceasefire,
        effective,
        lambda w: {"type": "span", "start": w},
    )
    when_case(
        "string-instead-of-when-object",
        "a When written as an ISO string",
        call,
        path,
        lambda w: "2022-09-13T02:30+04:00[Asia/Yerevan]",
    )


def _span_defects() -> None:
    tenure, span = "tenure-pashinyan-2018", ("record", "span")
    hostility = "hostility-shelling"

    def span_case(name: str, defect: str, id: str, change: Callable[[Json], Json]) -> None:
        line = seed(id)
        path = ("record", "lifespan") if id == "armenia" else span
        put(line, path, change(get(line, path)))
        one_bad_line(f"span-{name}", "span", defect, id, dump(line))

    def without(key: str) -> Callable[[Json], Json]:
        return lambda s: {k: v for k, v in s.items() if k != key}

    span_case("type-missing", 'a Span without "type"', tenure, without("type"))
    span_case("type-when", 'a Span tagged "when"', tenure, lambda s: {**s, "type": "when"})
    span_case(
        "type-unknown", 'a Span tagged "interval"', tenure, lambda s: {**s, "type": "interval"}
    )
    span_case("missing-start", "a Span with no start", tenure, without("start"))
    span_case("start-null", "a Span whose start is null", tenure, lambda s: {**s, "start": None})
    span_case(
        "end-and-ongoing",
        "a Span with both an end and ongoing_as_of",
        tenure,
        lambda s: {**s, "ongoing_as_of": s["end"]},
    )
    span_case(
        "cannot-last-end-before-start",
        "a Span that ends before it starts",
        tenure,
        lambda s: {**s, "start": s["end"], "end": s["start"]},
    )
    span_case(
        "cannot-last-end-equals-start",
        "a Span whose exact end is its exact start",
        hostility,
        lambda s: {**s, "end": s["start"]},
    )
    span_case(
        "ongoing-before-start",
        "ongoing as of a moment before it starts",
        "armenia",
        lambda s: {
            **s,
            "ongoing_as_of": {
                **s["ongoing_as_of"],
                "earliest": "1980-01-01T00:00:00Z",
                "latest": "1980-01-01T00:00:00Z",
            },
        },
    )
    span_case(
        "when-where-span-required",
        "a hostility whose span is a When",
        hostility,
        lambda s: s["start"],
    )
    span_case(
        "end-is-a-span",
        "a Span whose end is itself a Span",
        tenure,
        lambda s: {**s, "end": {"type": "span", "start": s["end"]}},
    )
    ceasefire = seed("ceasefire-2020")
    ceasefire["record"]["until"] = {**ceasefire["record"]["effective"], "text": None}
    del ceasefire["record"]["until"]["text"]
    del ceasefire["record"]["until"]["wall"]
    one_bad_line(
        "span-ceasefire-until-equals-effective",
        "span",
        "a ceasefire in force until the instant it took effect",
        "ceasefire-2020",
        dump(ceasefire),
    )


UNKNOWN_KEYS: Final[list[tuple[str, str, Path_]]] = [
    ("line", "russia", ()),
    ("line-capitalised-kind", "russia", ()),
    ("record", "call-pashinyan-putin", ("record",)),
    ("record-dunder-class", "russia", ("record",)),
    ("provenance", "call-pashinyan-putin", ("record", "provenance")),
    ("participant", "call-pashinyan-putin", ("record", "participants", 0)),
    ("statement-speaker", "statement-pashinyan-to-putin", ("record", "speaker")),
    ("when", "call-pashinyan-putin", ("record", "when")),
    ("span", "hostility-shelling", ("record", "span")),
    ("span-start", "hostility-shelling", ("record", "span", "start")),
    ("actor-lifespan", "armenia", ("record", "lifespan")),
    ("source-published", "source-article", ("record", "published")),
    ("tenure", "tenure-pashinyan-2018", ("record",)),
    ("place", "sotk", ("record",)),
]


def _unknown_keys() -> None:
    for label, id, path in UNKNOWN_KEYS:
        line = seed(id)
        key = {"line-capitalised-kind": "Kind", "record-dunder-class": "__class__"}.get(
            label, "confidence"
        )
        get(line, path)[key] = "os.system" if key == "__class__" else 0.9
        where = _slug(path) or "the line"
        one_bad_line(
            f"unknown-key-{label}",
            "unknown-key",
            f"an unknown key {key!r} in {where}",
            id,
            dump(line),
        )
    line = seed("russia")
    line["batch"] = {"index": 0, "size": 1, "checksum": "abc"}
    one_bad_line(
        "unknown-key-batch", "unknown-key", "an unknown key in batch", "russia", dump(line)
    )
    line = seed("russia")
    line["record"]["population"] = 144_000_000
    one_bad_line(
        "unknown-key-actor", "unknown-key", "an unknown key in an actor", "russia", dump(line)
    )
    line = seed("call-pashinyan-putin")
    line["record"]["When"] = line["record"].pop("when")
    one_bad_line(
        "unknown-key-wrong-case-field",
        "unknown-key",
        'a field written "When"',
        "call-pashinyan-putin",
        dump(line),
    )


MISSING: Final[list[tuple[str, Path_]]] = [
    ("russia", ("v",)),
    ("russia", ("id",)),
    ("russia", ("recorded_at",)),
    ("russia", ("kind",)),
    ("russia", ("record",)),
    ("call-pashinyan-putin", ("record", "participants")),
    ("call-pashinyan-putin", ("record", "when")),
    ("call-pashinyan-putin", ("record", "provenance")),
    ("call-pashinyan-putin", ("record", "participants", 0, "actor")),
    ("call-pashinyan-putin", ("record", "provenance", "source")),
    ("russia", ("record", "name")),
    ("russia", ("record", "kind")),
    ("sotk", ("record", "zone")),
    ("sotk", ("record", "name")),
    ("pm-armenia", ("record", "title")),
    ("tenure-pashinyan-2018", ("record", "person")),
    ("tenure-pashinyan-2018", ("record", "office")),
    ("tenure-pashinyan-2018", ("record", "span")),
    ("claim-azerbaijan-armenia-started", ("record", "claimant")),
    ("claim-azerbaijan-armenia-started", ("record", "stance")),
    ("mediation-russia-2022", ("record", "parties")),
    ("ceasefire-2022", ("record", "effective")),
    ("hostility-shelling", ("record", "span")),
    ("report-armenian-media-ceasefire", ("record", "about")),
    ("report-armenian-media-ceasefire", ("record", "reporter")),
    ("statement-pashinyan-to-putin", ("record", "speaker")),
]


def _missing_keys() -> None:
    for id, path in MISSING:
        where = _slug(path)
        kind = "line" if path[0] != "record" else seed(id)["kind"]
        bad_value(
            f"missing-{kind}-{where.replace('.', '-')}",
            "missing-key",
            f"{kind} without {where}",
            id,
            path,
            DELETE,
        )
    claim = seed("claim-azerbaijan-armenia-started")
    del claim["record"]["about"], claim["record"]["proposition"]
    one_bad_line(
        "missing-claim-about-and-proposition",
        "missing-key",
        "a claim about nothing (neither about nor proposition)",
        "claim-azerbaijan-armenia-started",
        dump(claim),
    )


def _references() -> None:
    call = "call-pashinyan-putin"
    refs: list[tuple[str, str, Path_, str, str]] = [
        ("actor", call, ("record", "participants", 1, "actor"), "nobody", "an unknown actor"),
        ("place", "hostility-shelling", ("record", "places", 0), "atlantis", "an unknown place"),
        (
            "office",
            call,
            ("record", "participants", 0, "office"),
            "pm-atlantis",
            "an unknown office",
        ),
        ("source", call, ("record", "provenance", "source"), "source-missing", "an unknown source"),
        ("via-actor", call, ("record", "provenance", "via", 0), "nobody", "an unknown relay"),
        (
            "claim-about",
            "claim-armenia-denies-started",
            ("record", "about"),
            "claim-missing",
            "a claim about an unknown entry",
        ),
        (
            "statement-during",
            "statement-pashinyan-to-putin",
            ("record", "during"),
            "call-missing",
            "a statement during an unknown call",
        ),
        (
            "report-about",
            "report-armenian-media-ceasefire",
            ("record", "about"),
            "ceasefire-x",
            "a report about an unknown entry",
        ),
        (
            "ceasefire-mediation",
            "ceasefire-2022",
            ("record", "mediation"),
            "mediation-x",
            "a ceasefire through an unknown mediation",
        ),
        (
            "supersedes",
            "hostility-shelling-ongoing",
            ("supersedes",),
            "hostility-x",
            "a correction of an unknown entry",
        ),
        (
            "actor-part-of",
            "armenia-government",
            ("record", "part_of"),
            "armenia-x",
            "part of an unknown actor",
        ),
        ("place-states", "sotk", ("record", "states", 0), "armenia-x", "in an unknown state"),
        (
            "office-jurisdiction",
            "pm-armenia",
            ("record", "jurisdiction"),
            "armenia-x",
            "an office of an unknown state",
        ),
        (
            "mediation-mediators",
            "mediation-russia-2022",
            ("record", "mediators", 0),
            "russia-x",
            "an unknown mediator",
        ),
        (
            "tenure-person",
            "tenure-pashinyan-2018",
            ("record", "person"),
            "pashinyan-x",
            "a tenure of an unknown person",
        ),
        (
            "forward",
            "statement-pashinyan-to-putin",
            ("record", "during"),
            "call-pashinyan-macron",
            "a statement during a call recorded later in the file",
        ),
        (
            "self",
            "claim-armenia-denies-started",
            ("record", "about"),
            "claim-armenia-denies-started",
            "a claim about itself",
        ),
        (
            "wrong-kind-actor-is-place",
            call,
            ("record", "participants", 1, "actor"),
            "sotk",
            "a participant that is a place",
        ),
        (
            "wrong-kind-office-is-actor",
            "tenure-pashinyan-2018",
            ("record", "office"),
            "armenia",
            "a tenure of an actor, not an office",
        ),
        (
            "wrong-kind-source-is-actor",
            call,
            ("record", "provenance", "source"),
            "armenia",
            "a provenance whose source is an actor",
        ),
        (
            "wrong-kind-place-is-actor",
            "hostility-shelling",
            ("record", "places", 0),
            "armenia",
            "a hostility at an actor",
        ),
        (
            "tenure-person-is-a-state",
            "tenure-pashinyan-2018",
            ("record", "person"),
            "armenia",
            "a tenure held by a state",
        ),
    ]
    for label, id, path, target, defect in refs:
        line = changed(id, path, target)
        before = context(id)
        after: list[str] = []
        if label.startswith("wrong-kind") or label == "tenure-person-is-a-state":
            before = _union(before, [SEED[target], *context(target)])
        elif label == "forward":
            before = _union(before, context(target))
            after = [SEED[target]]
        bad = len(before) + 1
        name = f"ref-{label}" if label in _EXISTING else f"ref-dangling-{label}"
        add(
            name,
            "reference",
            defect,
            [*before, line, *after, TRAILER],
            error_line=bad,
            skipped=(bad,),
        )
    # Corrections and retractions.
    shelling, ongoing = "hostility-shelling", "hostility-shelling-ongoing"
    base = context(ongoing)
    twice = seed(ongoing)
    twice["id"], twice["recorded_at"] = "hostility-shelling-again", "2022-09-13T05:45:00Z"
    lines = [*base, SEED[ongoing], dump(twice), TRAILER]
    add(
        "ref-supersedes-already-corrected",
        "reference",
        "a second correction of an entry already corrected",
        lines,
        error_line=len(base) + 2,
        skipped=(len(base) + 2,),
    )
    other = seed("claim-defense-ministry-shelling")
    other["supersedes"], other["recorded_at"] = shelling, "2022-09-13T02:20:00Z"
    other["id"] = "claim-correcting-a-hostility"
    lines = _union([*context(shelling), SEED[shelling]], context("claim-defense-ministry-shelling"))
    lines.append(dump(other))
    add(
        "ref-supersedes-other-kind",
        "reference",
        "a claim that corrects a hostility",
        [*lines, TRAILER],
        error_line=len(lines),
        skipped=(len(lines),),
    )
    retract = _line(
        "retraction-1",
        "2022-09-13T06:30:00Z",
        "retraction",
        {"entry": "russia", "reason": "Duplicate."},
    )
    retract2 = _line("retraction-2", "2022-09-13T06:40:00Z", "retraction", {"entry": "russia"})
    lines = [SEED["russia"], retract, retract2, TRAILER]
    add(
        "ref-retracted-twice",
        "reference",
        "an entry retracted twice",
        lines,
        error_line=3,
        skipped=(3,),
    )
    retract_retraction = _line(
        "retraction-2", "2022-09-13T06:40:00Z", "retraction", {"entry": "retraction-1"}
    )
    lines = [SEED["russia"], retract, retract_retraction, TRAILER]
    add(
        "ref-retraction-of-retraction",
        "reference",
        "a retraction of a retraction",
        lines,
        error_line=3,
        skipped=(3,),
    )
    unknown = _line("retraction-1", "2022-09-13T06:30:00Z", "retraction", {"entry": "nothing"})
    add(
        "ref-dangling-retraction",
        "reference",
        "a retraction of an unknown entry",
        [SEED["russia"], unknown, TRAILER],
        error_line=2,
        skipped=(2,),
    )
    government = seed("russia-government")
    government["recorded_at"] = "2022-09-13T06:45:00Z"
    lines = [SEED["russia"], retract, dump(government), TRAILER]
    add(
        "ref-to-retracted-entry",
        "reference",
        "an actor part of a retracted actor",
        lines,
        error_line=3,
        skipped=(3,),
    )
    correction = seed("russia")
    correction.update(id="russia-v2", recorded_at="2022-09-13T06:45:00Z", supersedes="russia")
    lines = [SEED["russia"], retract, dump(correction), TRAILER]
    add(
        "ref-correction-of-retracted-entry",
        "reference",
        "a correction of a retracted entry",
        lines,
        error_line=3,
        skipped=(3,),
    )
    same = _line(
        "same-1",
        "2022-09-13T06:30:00Z",
        "same_event",
        {"entries": ["call-pashinyan-putin", "call-x"]},
    )
    lines = [*context(call), SEED[call], same, TRAILER]
    add(
        "ref-dangling-same-event",
        "reference",
        "a same_event link to an unknown entry",
        lines,
        error_line=len(lines) - 1,
        skipped=(len(lines) - 1,),
    )


_EXISTING: Final = frozenset(
    {
        "wrong-kind-actor-is-place",
        "wrong-kind-office-is-actor",
        "wrong-kind-source-is-actor",
        "wrong-kind-place-is-actor",
        "tenure-person-is-a-state",
    }
)


def _union(first: list[str], second: list[str]) -> list[str]:
    known = set(first) | set(second)
    return [line for line in SEED_LINES if line in known]


def _line(id: str, recorded_at: str, kind: str, record: Json) -> str:
    return dump(
        {"v": 1, "id": id, "recorded_at": recorded_at, "kind": kind, "record": record, "tzdb": TZDB}
    )


def _ledger_rules() -> None:
    russia = SEED["russia"]
    bad_value(
        "recorded-at-before-year-one-in-utc",
        "ledger",
        "a record time that is before year 1 once converted to UTC",
        "russia",
        ("recorded_at",),
        "0001-01-01T00:30:00+01:00",
    )
    one_bad_line(
        "lone-surrogate-escape-in-text",
        "encoding",
        "a name holding a lone UTF-16 surrogate (\\ud800): no UTF-8 file can hold it",
        "russia",
        russia.replace('"name":"Russia"', '"name":"Russia\\ud800"'),
    )
    one_bad_line(
        "duplicate-key-in-line",
        "json-syntax",
        'one line with "id" twice: which one counts depends on the reader',
        "russia",
        russia[:-1] + ',"id":"russia-federation"}',
    )
    one_bad_line(
        "duplicate-key-in-record",
        "json-syntax",
        'a record with "name" twice',
        "russia",
        russia.replace('"name":"Russia"', '"name":"Russia","name":"Soviet Union"'),
    )
    add(
        "duplicate-id-same-line",
        "ledger",
        "the same line twice",
        [russia, russia, TRAILER],
        error_line=2,
        skipped=(2,),
    )
    other = seed("sotk")
    other["id"] = "russia"
    add(
        "duplicate-id-other-kind",
        "ledger",
        "a place reusing an actor's id",
        [SEED["armenia"], russia, dump(other), TRAILER],
        error_line=3,
        skipped=(3,),
    )
    backwards = seed("france")
    backwards["recorded_at"] = "2022-09-13T01:59:59Z"
    add(
        "record-time-backwards",
        "ledger",
        "a record time one second before the previous one",
        [russia, dump(backwards), TRAILER],
        error_line=2,
        skipped=(2,),
    )
    backwards["recorded_at"] = "2022-09-13T05:59:00+04:00"
    add(
        "record-time-backwards-other-offset",
        "ledger",
        "an earlier record time written with another offset",
        [russia, dump(backwards), TRAILER],
        error_line=2,
        skipped=(2,),
    )
    # (file, the entry that has the name already, the entry that takes it, field, value, defect)
    conflicts: list[tuple[str, str, str, Path_, Json, str]] = [
        (
            "alias-conflict-actor",
            "armenia-government",
            "turkey",
            ("record", "aliases"),
            ["Yerevan"],
            "an actor alias that already names Armenia's government",
        ),
        (
            "alias-conflict-normalised",
            "armenia-government",
            "turkey",
            ("record", "aliases"),
            ["THE-Government in yerevan"],
            "an alias equal to another actor's once case, hyphens and 'the' are ignored",
        ),
        (
            "alias-conflict-name",
            "armenia",
            "turkey",
            ("record", "name"),
            "Armenia",
            "an actor named like another actor",
        ),
        (
            "alias-conflict-place",
            "yerevan",
            "baku",
            ("record", "aliases"),
            ["Yerevan"],
            "a place alias that names another place",
        ),
    ]
    for name, owner, id, field, value, defect in conflicts:
        first = _union(context(id), [SEED[owner], *context(owner)])
        line = changed(id, field, value)
        add(
            name,
            "ledger",
            defect,
            [*first, line, TRAILER],
            error_line=len(first) + 1,
            skipped=(len(first) + 1,),
        )
    invariants: list[tuple[str, str, Path_, Json, str]] = [
        (
            "call-one-participant",
            "call-pashinyan-putin",
            ("record", "participants"),
            [{"actor": "pashinyan"}],
            "a call with one participant",
        ),
        (
            "call-same-actor-twice",
            "call-pashinyan-putin",
            ("record", "participants"),
            [{"actor": "pashinyan"}, {"actor": "pashinyan"}],
            "a call of Pashinyan with himself",
        ),
        (
            "call-initiator-not-participant",
            "call-pashinyan-putin",
            ("record", "initiator"),
            "armenia",
            "a call initiated by someone not on it",
        ),
        (
            "call-participant-string",
            "call-pashinyan-putin",
            ("record", "participants"),
            ["pashinyan", "putin"],
            "participants as bare ids, not objects",
        ),
        (
            "claim-accused-by-assertion",
            "claim-defense-ministry-shelling",
            ("record", "accused"),
            "azerbaijan",
            "an accused named by a claim that only asserts",
        ),
        (
            "mediation-mediator-is-party",
            "mediation-russia-2022",
            ("record", "parties"),
            ["armenia", "russia"],
            "a mediator who is also a party",
        ),
        (
            "mediation-one-party",
            "mediation-russia-2022",
            ("record", "parties"),
            ["armenia"],
            "a mediation with one party",
        ),
        (
            "ids-repeated-in-list",
            "ceasefire-2022",
            ("record", "parties"),
            ["armenia", "armenia"],
            "the same party twice",
        ),
        (
            "actor-iso3-on-a-government",
            "armenia-government",
            ("record", "iso3"),
            "ARM",
            "an ISO 3166 code on a government",
        ),
        ("actor-iso3-lower-case", "russia", ("record", "iso3"), "rus", "iso3 in lower case"),
        (
            "actor-wikidata-malformed",
            "russia",
            ("record", "wikidata"),
            "159",
            "a Wikidata id without its Q",
        ),
        ("actor-kind-unknown", "russia", ("record", "kind"), "empire", "an unknown actor kind"),
        ("actor-name-empty", "russia", ("record", "name"), "", "an empty name"),
        ("actor-name-blank", "russia", ("record", "name"), "   ", "a name of spaces"),
        (
            "actor-alias-without-letters",
            "russia",
            ("record", "aliases"),
            ["—"],
            "an alias with no letters or digits",
        ),
        (
            "actor-aliases-as-string",
            "russia",
            ("record", "aliases"),
            "Moscow",
            "aliases as one string, not a list",
        ),
        (
            "medium-unknown",
            "call-pashinyan-putin",
            ("record", "medium"),
            "telegram",
            "an unknown medium",
        ),
        (
            "stance-unknown",
            "claim-defense-ministry-shelling",
            ("record", "stance"),
            "doubts",
            "an unknown stance",
        ),
        (
            "stance-upper-case",
            "claim-defense-ministry-shelling",
            ("record", "stance"),
            "ASSERTS",
            "a stance in capitals",
        ),
        ("summary-empty", "call-pashinyan-putin", ("record", "summary"), "", "an empty summary"),
    ]
    for name, id, field, value, defect in invariants:
        bad_value(name, "ledger", defect, id, field, value)
    blank = _line(
        "retraction-1", "2022-09-13T06:30:00Z", "retraction", {"entry": "russia", "reason": " "}
    )
    add(
        "retraction-reason-blank",
        "ledger",
        "a retraction whose reason is blank",
        [SEED["russia"], blank, TRAILER],
        error_line=2,
        skipped=(2,),
    )
    ids = [
        ("id-empty", "", "an empty id"),
        ("id-with-space", "russia federation", "an id with a space"),
        ("id-too-long", "r" * 201, "an id of 201 characters"),
        ("id-leading-hyphen", "-russia", "an id starting with a hyphen"),
        ("id-cyrillic", "россия", "an id in Cyrillic"),
        ("id-newline-escape", "russia\n", "an id ending with a newline (escaped)"),
    ]
    for name, value, defect in ids:
        bad_value(name, "ledger", defect, "russia", ("id",), value)
    bad_value(
        "id-invalid-in-participant-office",
        "ledger",
        "a participant's office id with a space",
        "call-pashinyan-putin",
        ("record", "participants", 0, "office"),
        "pm armenia",
    )
    bad_value("kind-unknown", "ledger", 'kind "treaty"', "russia", ("kind",), "treaty")
    bad_value("kind-capitalised", "ledger", 'kind "Actor"', "russia", ("kind",), "Actor")
    bad_value(
        "kind-class-name",
        "ledger",
        'kind "diplomacy_ledger.Actor"',
        "russia",
        ("kind",),
        "diplomacy_ledger.Actor",
    )
    bad_value(
        "kind-mismatch",
        "ledger",
        'an actor record under kind "place"',
        "russia",
        ("kind",),
        "place",
    )
    bad_value(
        "kind-mismatch-call-as-meeting",
        "ledger",
        'a call under kind "meeting"',
        "call-pashinyan-putin",
        ("kind",),
        "meeting",
    )
    meeting = seed("call-pashinyan-putin")
    record = meeting["record"]
    meeting["kind"] = "meeting"
    meeting["record"] = {
        "host": record["participants"][0],
        "visitors": [record["participants"][0]],
        "when": record["when"],
        "provenance": record["provenance"],
    }
    one_bad_line(
        "meeting-host-among-visitors",
        "ledger",
        "a host who is also a visitor",
        "call-pashinyan-putin",
        dump(meeting),
    )
    same = _line(
        "same-1", "2022-09-13T06:30:00Z", "same_event", {"entries": ["call-pashinyan-putin"]}
    )
    lines = [*context("call-pashinyan-putin"), SEED["call-pashinyan-putin"]]
    add(
        "same-event-one-entry",
        "ledger",
        "a same_event link with one entry",
        [*lines, same, TRAILER],
        error_line=len(lines) + 1,
        skipped=(len(lines) + 1,),
    )


def _batches() -> None:
    armenia = SEED["armenia"]

    def batched(id: str, index: Json, size: Json, **change: Json) -> str:
        line = seed(id)
        line.update(change)
        line["batch"] = {"index": index, "size": size}
        return dump(line)

    add(
        "batch-incomplete-at-end",
        "batch",
        "the last batch has 2 of its 3 lines",
        [armenia, batched("sotk", 0, 3), batched("vardenis", 1, 3)],
        error_line=2,
        skipped=(2, 3),
    )
    add(
        "batch-ends-early",
        "batch",
        "a batch interrupted by a lone line",
        [
            armenia,
            batched("sotk", 0, 3),
            batched("vardenis", 1, 3),
            TRAILER,
            batched("artanish", 2, 3),
        ],
        error_line=4,
        skipped=(2, 3, 5),
    )
    add(
        "batch-out-of-order",
        "batch",
        "a batch's second line before its first",
        [armenia, batched("vardenis", 1, 2), batched("sotk", 0, 2), TRAILER],
        error_line=2,
        skipped=(2, 3),
    )
    add(
        "batch-restarts-before-complete",
        "batch",
        "a new batch starts before the last one ended",
        [
            armenia,
            batched("sotk", 0, 3),
            batched("vardenis", 1, 3),
            batched("artanish", 0, 2),
            batched("goris", 1, 2),
            TRAILER,
        ],
        error_line=4,
        skipped=(2, 3),
    )
    add(
        "batch-size-changes",
        "batch",
        "a batch's lines disagree on its size",
        [
            armenia,
            batched("sotk", 0, 3),
            batched("vardenis", 1, 2),
            batched("artanish", 2, 3),
            TRAILER,
        ],
        error_line=3,
        skipped=(2, 3, 4),
    )
    add(
        "batch-bad-line-inside",
        "batch",
        "a batch whose second line has a naive time",
        [
            armenia,
            batched("sotk", 0, 3),
            batched("vardenis", 1, 3, recorded_at="2022-09-13T02:00:00"),
            batched("artanish", 2, 3),
            TRAILER,
        ],
        error_line=3,
        skipped=(2, 3, 4),
    )
    dangling = seed("vardenis")
    dangling["record"]["states"] = ["armenia-x"]
    dangling["batch"] = {"index": 1, "size": 3}
    add(
        "batch-dangling-reference-inside",
        "batch",
        "a batch whose second entry names an unknown state: none of it loads",
        [armenia, batched("sotk", 0, 3), dump(dangling), batched("artanish", 2, 3), TRAILER],
        error_line=2,
        skipped=(2, 3, 4),
    )
    duplicate = batched("sotk", 1, 2)
    add(
        "batch-duplicate-id-inside",
        "batch",
        "a batch holding the same entry twice",
        [armenia, batched("sotk", 0, 2), duplicate, TRAILER],
        error_line=2,
        skipped=(2, 3),
    )
    torn_line = batched("vardenis", 1, 2)
    add(
        "batch-torn-last-line",
        "batch",
        "a batch whose last line was cut short by a crash",
        [armenia, batched("sotk", 0, 2), torn_line[: len(torn_line) // 2]],
        error_line=3,
        skipped=(2, 3),
        final_newline=False,
    )
    add(
        "batch-huge-size",
        "batch",
        "a batch of 10**18 lines that never completes",
        [armenia, batched("sotk", 0, 10**18), TRAILER],
        error_line=3,
        skipped=(2,),
    )
    shapes: list[tuple[str, Json, str]] = [
        ("index-equals-size", {"index": 3, "size": 3}, "index 3 of a batch of 3"),
        ("index-negative", {"index": -1, "size": 3}, "index -1"),
        ("size-zero", {"index": 0, "size": 0}, "a batch of 0 lines"),
        ("index-missing", {"size": 3}, "no index"),
        ("size-missing", {"index": 0}, "no size"),
        ("index-boolean", {"index": False, "size": 2}, "index false"),
        ("index-float", {"index": 0.0, "size": 2}, "index 0.0"),
        ("index-string", {"index": "0", "size": "2"}, 'index "0"'),
        ("as-list", [0, 2], "batch as a list [0, 2]"),
        ("as-string", "0/2", 'batch as the string "0/2"'),
        ("as-true", True, "batch: true"),
        ("empty-object", {}, "batch: {}"),
    ]
    for name, value, defect in shapes:
        line = seed("sotk")
        line["batch"] = value
        add(
            f"batch-{name}",
            "batch",
            defect,
            [armenia, dump(line), TRAILER],
            error_line=2,
            skipped=(2,),
        )


def _injection() -> None:
    pickle_payload = b"cos\nsystem\n(S'touch /tmp/diplomacy-ledger-pwned'\ntR."
    add(
        "injection-pickle-payload",
        "injection",
        "a pickle that would run a shell command",
        [SEED["russia"], pickle_payload, TRAILER],
        error_line=2,
        skipped=(2, 3, 4, 5),
    )
    for name, line, defect in (
        (
            "python-expression",
            "__import__('os').system('touch /tmp/diplomacy-ledger-pwned')",
            "a Python expression",
        ),
        (
            "yaml-python-tag",
            '!!python/object/apply:os.system ["touch /tmp/pwned"]',
            "a YAML tag that some loaders execute",
        ),
        (
            "kind-expression",
            SEED["russia"].replace('"kind":"actor"', '"kind":"__import__(\'os\').getcwd()"'),
            "a kind that is a Python expression",
        ),
        (
            "type-is-a-class-path",
            SEED["source-article"].replace('"type":"when"', '"type":"builtins.eval"'),
            "a When type naming builtins.eval",
        ),
        (
            "jsonpickle-tag",
            dump({**seed("russia"), "record": {"py/object": "os.system"}}),
            "a jsonpickle py/object tag",
        ),
    ):
        target = "source-article" if name == "type-is-a-class-path" else "russia"
        one_bad_line(f"injection-{name}", "injection", defect, target, line)


def build() -> list[Case]:
    """Every case, in a stable order."""
    CASES.clear()
    for part in (
        _truncated,
        _encoding,
        _whole_file,
        _json_syntax,
        _numbers,
        _nesting,
        _versions,
        _wrong_types,
        _naive,
        _zones,
        _when_defects,
        _span_defects,
        _unknown_keys,
        _missing_keys,
        _references,
        _ledger_rules,
        _batches,
        _injection,
    ):
        part()
    return sorted(CASES, key=lambda case: case.name)


CATEGORIES: Final = {
    "truncated": "Lines cut short: a torn last line (no newline), cut inside a key, a string, an "
    "escape or a UTF-8 character; torn lines followed by more lines.",
    "encoding": "Bytes that are not UTF-8 text: stray bytes, Latin-1, overlong sequences, encoded "
    "surrogates (raw, or escaped as \\ud800), NUL blocks, byte order marks, UTF-16 files, random "
    "bytes, images, gzip.",
    "whole-file": "Defects of the whole file: empty, blank, pretty-printed, one JSON array, CR "
    "line endings.",
    "json-syntax": "Lines that are not one JSON object: arrays, scalars, two objects, trailing "
    "commas, single quotes, comments, bad literals and escapes, a key given twice.",
    "numbers": "NaN, Infinity, 1e999, 5,000-digit integers, coordinates out of range or of the "
    "wrong shape.",
    "nesting": "JSON nested 5,000 to 100,000 deep (past the parser's recursion limit), and 900 "
    "deep (within it).",
    "schema-version": "Versions newer than this library reads, 0 and below, and versions of the "
    'wrong type ("1", 1.0, true, null).',
    "wrong-type": "A field of the wrong JSON type, for fields of every kind of record: ids, "
    "times, participants, When bounds, precision, zone, medium, stance, provenance, lists.",
    "naive-datetime": "recorded_at and both bounds of every When in the seed without an offset.",
    "zone": "Zone names that are not IANA keys or +HH:MM offsets: abbreviations, POSIX TZ "
    "strings, empty, paths, wrong case, -00:00.",
    "when": 'When objects with a wrong or missing "type", missing keys, bounds out of order, a '
    "precision its bounds do not have, bad wall times, invalid or out-of-range dates.",
    "span": "Span objects with a wrong or missing type, no start, both an end and ongoing_as_of, "
    "or that cannot last.",
    "unknown-key": "An unknown key at every level: the line, records, provenance, participants, "
    "When, Span, batch.",
    "missing-key": "A required key left out, at every level.",
    "reference": "References to actors, places, offices, sources and entries the file does not "
    "hold (or holds later, or of the wrong kind), corrections and retractions that break "
    "the rules.",
    "ledger": "Lines that parse but break the ledger's rules: duplicate ids, record time going "
    "backwards or out of range, alias conflicts, invalid ids, kinds, enums and record invariants.",
    "batch": "Batch markers that are malformed, out of order, interrupted or incomplete, and "
    "batches holding a bad entry.",
    "injection": "Lines that look like code (pickle, Python, YAML tags, class paths): data to be "
    "refused, never run.",
}


def readme(cases: list[Case]) -> str:
    """The corpus's README: what the files are, how they were made, and one row per file."""
    counts = dict.fromkeys(CATEGORIES, 0)
    for case in cases:
        counts[case.category] += 1
    rows = "\n".join(
        f"| `{case.name}` | {case.category} | "
        f"{'whole file' if case.error_line is None else case.error_line} | "
        f"{case.defect.replace('|', '/')} |"
        for case in cases
    )
    categories = "\n".join(
        f"| {category} | {counts[category]} | {text} |" for category, text in CATEGORIES.items()
    )
    return f"""# Malformed ledger files

Generated by `python -m tests.make_corpus` (do not edit by hand); `tests/test_corpus.py`
checks that the files here are exactly what it writes.

Each file is a small ledger file in the JSON Lines format of `docs/files.md`: most hold the valid
lines of the seed ledger that one entry needs (the actors, places, sources and entries it points
at), then that entry damaged in one way, then a valid line that needs nothing. A few are damaged
as a whole (an empty file, a UTF-16 file, random bytes). The `tzdb` of every line is fixed to
`{TZDB}`, so the files do not depend on the machine that wrote them.

For every file, `tests/test_corpus.py` checks that:

- `load_jsonl(path)` raises a `LedgerError`, never another exception, whose message names the
  file and the line below; nothing is loaded;
- `load_jsonl(path, skip_bad_lines=True)` loads every good line and lists every bad one, so that
  the ledger's entries and the skipped lines add up to the lines of the file (only the empty file
  is refused in this mode too).

A file the library does not yet refuse as it should is listed, with the reason, in `KNOWN_BUGS`
in `tests/test_corpus.py`: its tests are expected to fail until the library is fixed.

{len(cases)} files:

| category | files | what is wrong |
| --- | --- | --- |
{categories}

| file | category | line named | defect |
| --- | --- | --- | --- |
{rows}
"""


def write(folder: Path = CORPUS) -> list[Case]:
    """(Re)write the corpus folder: every case's file, the README, and nothing else."""
    cases = build()
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {case.name for case in cases} | {"README.md"}
    for stale in folder.iterdir():
        if stale.name not in wanted:
            stale.unlink()
    for case in cases:
        (folder / case.name).write_bytes(case.data)
    (folder / "README.md").write_text(readme(cases), encoding="utf-8", newline="\n")
    return cases


def files(cases: list[Case]) -> Iterator[tuple[str, bytes]]:
    """Every file the corpus folder must hold, with its bytes."""
    for case in cases:
        yield case.name, case.data
    yield "README.md", readme(cases).encode("utf-8")


if __name__ == "__main__":
    written = write()
    print(f"wrote {len(written)} files to {CORPUS}", file=sys.stderr)
