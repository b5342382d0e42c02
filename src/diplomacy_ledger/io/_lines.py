"""The file format: one ledger entry per JSON line, strict both ways, through a private converter.

Line format, schema version 2 (the docs page "Files and stores" is the specification)::

    {"v": 2, "id": "...", "recorded_at": "2022-09-13T02:30:00Z", "kind": "call",
     "record": {...}, "supersedes": "...", "tzdb": "2025b", "digest": "<64 hex digits>"}

The digest chains each line to the one before it (see ``_chain``). Version 1 lines, the same
without a digest, are still read.

Times are ISO 8601 strings in UTC (``Z``), so DuckDB, Spark or BigQuery read them as they are; a
When also keeps its precision, its zone's IANA key, its words and its wall-clock reading. Union
members are tagged with stable names (``"kind"`` for records, ``"type"`` for When and Span):
renaming a class never changes the format. Unknown keys are refused and nothing is coerced.
"""

from __future__ import annotations

import enum
import functools
import json
import re
import sys
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final, NamedTuple

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from diplomacy_ledger._errors import FieldError, FormatError, LedgerError
from diplomacy_ledger.io._chain import CHAINED_VERSION, GENESIS, seal, sealed_digest
from diplomacy_ledger.io._values import (
    MAX_PROBLEMS,
    enum_hook,
    format_utc_instant,
    is_homogeneous_tuple,
    is_optional_str,
    is_time_union,
    json_type,
    parse_instant,
    shared_instances,
    shown,
    strict_type,
    structure_float,
    structure_optional_str,
    structure_span,
    structure_str,
    structure_when,
    time_union_hook,
    tuple_hook,
    unstructure_span,
    unstructure_when,
)
from diplomacy_ledger.model import KIND_NAMES, Entry, Participant, nested_classes
from diplomacy_ledger.time import Span, When, tzdb_version

__all__ = [
    "SCHEMA_VERSION",
    "FormatError",
    "decode_entry",
    "encode_chained",
    "encode_entry",
    "make_converter",
]

SCHEMA_VERSION: Final = CHAINED_VERSION
"""The schema version this library writes, and the newest it reads (1 is read too).

Version 2 added the digest chain; a version 1 line is the same without its ``"digest"``."""

KINDS_BY_NAME: Final = {name: cls for cls, name in KIND_NAMES.items()}
_LINE_KEYS: Final = frozenset(
    {"v", "id", "recorded_at", "kind", "record", "supersedes", "tzdb", "batch", "digest"}
)
_REQUIRED_LINE_KEYS_IN_ORDER: Final = ("v", "id", "recorded_at", "kind", "record")
_REQUIRED_LINE_KEYS: Final = frozenset(_REQUIRED_LINE_KEYS_IN_ORDER)
_SEP: Final = "\x00"
_HEX_DIGEST: Final = re.compile("[0-9a-f]{64}")
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")


class Line(NamedTuple):
    """A decoded line: the entry, the tz database it was written with, its place in a batch."""

    entry: Entry
    tzdb: str | None
    batch: tuple[int, int] | None
    """(index, size) when the line is one of a batch of entries written together."""
    digest: str | None = None
    """The line's digest in the chain; None on a line of format 1."""


class _RepeatedKeyError(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON objects with a key twice are refused: readers disagree on which one wins."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RepeatedKeyError(key)
            seen.add(key)
    return result


# -- the converter -------------------------------------------------------------------------------


def make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """A new strict converter for every record type (never the global one).

    No coercion (``1`` is not ``"1"``), unknown keys refused, defaults left out when writing.
    ``detailed=False`` stops at the first error without saying where: faster, for the first try.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    converter.register_structure_hook(str, structure_str)
    converter.register_structure_hook_func(is_optional_str, structure_optional_str)
    for kind, name in ((int, "an integer"), (bool, "a boolean")):
        converter.register_structure_hook(kind, strict_type(kind, name))
    converter.register_structure_hook(float, structure_float)
    converter.register_structure_hook_factory(
        lambda kind: isinstance(kind, type) and issubclass(kind, enum.Enum), enum_hook
    )
    converter.register_structure_hook_factory(is_homogeneous_tuple, tuple_hook(converter))
    converter.register_structure_hook_factory(is_time_union, time_union_hook)
    converter.register_structure_hook(When, structure_when)
    converter.register_structure_hook(Span, structure_span)
    converter.register_unstructure_hook(When, unstructure_when)
    converter.register_unstructure_hook(Span, unstructure_span)
    converter.register_structure_hook_factory(_is_fixed_tuple, _fixed_tuple_hook(converter))
    nested = dict.fromkeys(held for kind in KIND_NAMES for held in nested_classes(kind))
    for cls in (*nested, *KIND_NAMES):  # nested first: records use their hooks
        structure = _object_only(make_dict_structure_fn(cls, converter))
        if cls is Participant:
            structure = shared_instances(structure, cls)
        converter.register_structure_hook(cls, structure)
        converter.register_unstructure_hook(
            cls, make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)
        )
    return converter


def _object_only(structure: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def checked(value: Any, kind: Any) -> Any:
        if type(value) is not dict:
            raise FieldError(f"expected an object, got {shown(value)}"[:200])
        return structure(value, kind)

    return checked


def _is_fixed_tuple(kind: Any) -> bool:
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and bool(args) and Ellipsis not in args


def _fixed_tuple_hook(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(kind: Any) -> Callable[[Any, Any], Any]:
        items = typing.get_args(kind)
        hooks = [converter.get_structure_hook(item) for item in items]

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list or len(value) != len(items):
                raise FieldError(f"expected a list of {len(items)}, got {shown(value)}"[:200])
            return tuple(hook(v, t) for hook, v, t in zip(hooks, value, items, strict=True))

        return structure

    return factory


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


@functools.cache
def _quick_converter() -> cattrs.Converter:
    return make_converter(detailed=False)


_DECODER: Final = json.JSONDecoder(object_pairs_hook=_no_repeated_keys)


# -- lines ---------------------------------------------------------------------------------------


def encode_entry(
    entry: Entry,
    *,
    tzdb: str | None = None,
    batch: tuple[int, int] | None = None,
    previous: str = GENESIS,
) -> str:
    """One entry as one line of JSON (no newline); ``batch`` is its (index, size) in a batch.

    The line ends with its digest, chained to ``previous``: the digest of the line before it in
    its file (the last 64 hex digits of that line), or 64 zeros for a first line.
    """
    line: dict[str, Any] = {
        "v": SCHEMA_VERSION,
        "id": entry.id,
        "recorded_at": format_utc_instant(entry.recorded_at),
        "kind": entry.kind,
        "record": _converter().unstructure(entry.record),
    }
    if entry.supersedes is not None:
        line["supersedes"] = entry.supersedes
    line["tzdb"] = tzdb or tzdb_version()
    if batch is not None:
        line["batch"] = {"index": batch[0], "size": batch[1]}
    body = json.dumps(line, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return seal(body, previous)


def encode_chained(
    entries: list[Entry], *, previous: str, tzdb: str, batch: bool = False
) -> tuple[list[str], str]:
    """Entries as lines chained on from ``previous``, and the digest of the last (the new head).

    With ``batch``, and more than one entry, each line carries its place in the batch.
    """
    lines = []
    size = len(entries)
    for index, entry in enumerate(entries):
        marker = (index, size) if batch and size > 1 else None
        lines.append(encode_entry(entry, tzdb=tzdb, batch=marker, previous=previous))
        previous = sealed_digest(lines[-1])
    return lines, previous


def decode_entry(text: str | bytes, *, where: str | None = None) -> Line:
    """Read one line into an Entry, with the tz database version it was written with.

    Raises :class:`FormatError` saying the field at fault: ``record.when.earliest: naive ...``.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise FormatError(f"not UTF-8 (byte {error.start})", where=where) from None
    try:
        data = _DECODER.decode(text)
        if _SURROGATE_ESCAPE.search(text):
            json.dumps(data, ensure_ascii=False).encode("utf-8")  # a lone surrogate cannot be
    except UnicodeEncodeError:
        raise FormatError(
            "a string holds a lone surrogate (\\ud800-\\udfff)", where=where
        ) from None
    except _RepeatedKeyError as error:
        raise FormatError(
            f"the key {error.key!r} appears twice in one object", where=where
        ) from None
    except RecursionError:
        raise FormatError("JSON nested too deeply", where=where) from None
    except (ValueError, TypeError) as error:  # JSONDecodeError, UnicodeDecodeError
        reason = "a number with too many digits" if "digits" in str(error) else str(error)
        raise FormatError(f"not a JSON line: {reason}", where=where) from None
    if type(data) is not dict:
        raise FormatError(f"expected a JSON object, got {json_type(data)}", where=where)
    _check_line(data, where)
    cls = KINDS_BY_NAME[data["kind"]]
    try:
        try:
            record = _quick_converter().structure(data["record"], cls)
        except Exception:  # read again, slowly, to say where and why
            record = _converter().structure(data["record"], cls)
        recorded_at = parse_instant(data["recorded_at"], "recorded_at")
        supersedes = data.get("supersedes")
        entry = Entry(
            sys.intern(data["id"]),
            recorded_at,
            record,
            supersedes=None if supersedes is None else sys.intern(supersedes),
        )
    except cattrs.BaseValidationError as error:
        raise FormatError("; ".join(_messages(error)), where=where) from None
    except LedgerError as error:
        raise FormatError(_message(error, ""), where=where) from None
    batch = _batch(data.get("batch"), where)
    _check_digest(data, text, where)  # after the record: a field's error says more
    return Line(entry, data.get("tzdb"), batch, data.get("digest"))


def _check_digest(data: Mapping[str, Any], text: str, where: str | None) -> None:
    """A line of format 2 ends with its digest, as written; one of format 1 has none."""
    digest = data.get("digest")
    if data["v"] == 1:
        if "digest" in data:
            raise FormatError("digest: a line of format 1 carries no digest", where=where)
        return
    if digest is None:
        raise FormatError(f"missing keys ['digest'] (format {data['v']})", where=where)
    if (
        type(digest) is not str
        or _HEX_DIGEST.fullmatch(digest) is None
        or not text.rstrip("\r").endswith(f',"digest":"{digest}"}}')
    ):
        raise FormatError(
            'digest: expected 64 lowercase hex digits, written last: ,"digest":"..."}',
            where=where,
        )


def _batch(value: Any, where: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    if (
        type(value) is not dict
        or set(value) != {"index", "size"}
        or type(value["index"]) is not int
        or type(value["size"]) is not int
        or not 0 <= value["index"] < value["size"]
    ):
        raise FormatError(
            f'batch: expected {{"index": i, "size": n}} with 0 <= i < n, got {value!r}',
            where=where,
        )
    return value["index"], value["size"]


def _check_line(data: Mapping[str, Any], where: str | None) -> None:
    if not data.keys() <= _LINE_KEYS:
        raise FormatError(f"unknown keys {sorted(set(data) - _LINE_KEYS)}", where=where)
    if not data.keys() >= _REQUIRED_LINE_KEYS:
        missing = [key for key in _REQUIRED_LINE_KEYS_IN_ORDER if key not in data]
        raise FormatError(f"missing keys {missing}", where=where)
    version = data["v"]
    if type(version) is not int:
        raise FormatError(f"v: expected an integer schema version, got {version!r}", where=where)
    if version > SCHEMA_VERSION:
        raise FormatError(
            f"v: written with schema version {version}, newer than this library reads "
            f"({SCHEMA_VERSION}); upgrade diplomacy-ledger to read it",
            where=where,
        )
    if version < 1:
        raise FormatError(f"v: no schema version {version} exists", where=where)
    for key in ("id", "kind", "supersedes", "tzdb"):
        value = data.get(key)
        if (value is not None or key in ("id", "kind")) and type(value) is not str:
            raise FormatError(f"{key}: expected a string, got {json_type(value)}", where=where)
    if data["kind"] not in KINDS_BY_NAME:
        raise FormatError(
            f"kind: unknown kind {data['kind']!r}; kinds are {sorted(KINDS_BY_NAME)}", where=where
        )
    if type(data["record"]) is not dict:
        raise FormatError(
            f"record: expected an object, got {json_type(data['record'])}", where=where
        )


def _format_exception(error: BaseException, kind: type | None) -> str:
    if isinstance(error, LedgerError):
        # "start.When.zone" -> "start.zone": class names are not steps of the path.
        steps = [step for step in (error.where or "").split(".") if step and not step[0].isupper()]
        return f"{'.'.join(steps)}{_SEP}{error.message}"
    if isinstance(error, cattrs.errors.ForbiddenExtraKeysError):
        return f"{_SEP}unknown keys {sorted(error.extra_fields)}"
    if isinstance(error, KeyError):
        return f"{_SEP}required field missing"
    return f"{_SEP}{cattrs.v.format_exception(error, kind)}"


def _messages(error: cattrs.BaseValidationError) -> list[str]:
    """The first few problems, each with its field path; how many more there were, if any."""
    messages = []
    lines = cattrs.transform_error(error, path="$.record", format_exception=_format_exception)
    for line in lines[:MAX_PROBLEMS]:
        text, _, path = line.rpartition(" @ ")
        sub, _, message = text.partition(_SEP)
        full = path.removeprefix("$.") + (f".{sub}" if sub else "")
        messages.append(f"{full}: {message[:300]}")
    if len(lines) > MAX_PROBLEMS:
        messages.append(f"and {len(lines) - MAX_PROBLEMS} more problems")
    if any(len(problem.exceptions) >= MAX_PROBLEMS for problem in _groups(error)):
        messages.append(f"(a list's first {MAX_PROBLEMS} bad elements are named; it may hold more)")
    return messages


def _groups(error: BaseException) -> Iterator[cattrs.errors.IterableValidationError]:
    """Every list-of-problems group inside ``error``."""
    if isinstance(error, cattrs.errors.IterableValidationError):
        yield error
    for inner in getattr(error, "exceptions", ()):
        yield from _groups(inner)


def _message(error: LedgerError, prefix: str) -> str:
    steps = [step for step in (error.where or "").split(".") if step and not step[0].isupper()]
    where = f"{prefix}{'.'.join(steps)}" if steps else prefix.rstrip(".")
    return f"{where}: {error.message}" if where else error.message


def unstructure_record(record: attrs.AttrsInstance) -> dict[str, Any]:
    """A record as the plain dict the file format writes."""
    result = _converter().unstructure(record)
    assert isinstance(result, dict)
    return result
