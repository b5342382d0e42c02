"""The file format: one ledger entry per JSON line, strict both ways, through a private converter.

Line format, schema version 1 (the docs page "Files and stores" is the specification)::

    {"v": 1, "id": "...", "recorded_at": "2022-09-13T02:30:00Z", "kind": "call",
     "record": {...}, "supersedes": "...", "tzdb": "2025b"}

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
import types
import typing
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, Final, NamedTuple

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from diplomacy_ledger._calendar import Precision
from diplomacy_ledger._entry import Entry
from diplomacy_ledger._errors import LedgerError, NaiveDatetimeError
from diplomacy_ledger._kinds import KIND_NAMES
from diplomacy_ledger._span import Span
from diplomacy_ledger._when import When
from diplomacy_ledger._zones import tzdb_version

__all__ = [
    "SCHEMA_VERSION",
    "FormatError",
    "decode_entry",
    "encode_entry",
    "make_converter",
]

SCHEMA_VERSION: Final = 1
"""The schema version this library writes, and the newest it reads."""

KINDS_BY_NAME: Final = {name: cls for cls, name in KIND_NAMES.items()}
_LINE_KEYS: Final = frozenset(
    {"v", "id", "recorded_at", "kind", "record", "supersedes", "tzdb", "batch"}
)
_REQUIRED_LINE_KEYS_IN_ORDER: Final = ("v", "id", "recorded_at", "kind", "record")
_REQUIRED_LINE_KEYS: Final = frozenset(_REQUIRED_LINE_KEYS_IN_ORDER)
_WHEN_KEYS: Final = frozenset({"type", "earliest", "latest", "precision", "zone", "text", "wall"})
_SPAN_KEYS: Final = frozenset({"type", "start", "end", "ongoing_as_of"})
# Required keys, in the order a message lists the missing ones.
_WHEN_REQUIRED: Final = dict.fromkeys(("earliest", "latest", "precision"))
_SPAN_REQUIRED: Final = dict.fromkeys(("start",))
_SEP: Final = "\x00"
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")


class Line(NamedTuple):
    """A decoded line: the entry, the tz database it was written with, its place in a batch."""

    entry: Entry
    tzdb: str | None
    batch: tuple[int, int] | None
    """(index, size) when the line is one of a batch of entries written together."""


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


class FormatError(LedgerError, ValueError):
    """A line that is not a valid entry of this format; ``where`` says the file, line and field."""


class _FieldError(LedgerError, ValueError):
    """Raised inside a hook; ``where`` is the sub-field, joined to the cattrs path later."""


# -- primitives --------------------------------------------------------------------------------


def _strict(kind: type, name: str) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise _FieldError(f"expected {name}, got {_shown(value)}"[:200])
        return value

    return structure


_SHORT: Final = 64


def _structure_str(value: Any, _: Any) -> str:
    """A string, strictly; short ones (ids, names, zones) interned.

    A ledger repeats each id in every record that points at it: one shared copy per id saves
    about a quarter of a loaded ledger's memory.
    """
    if type(value) is not str:
        raise _FieldError(f"expected a string, got {_shown(value)}"[:200])
    return sys.intern(value) if len(value) <= _SHORT else value


def _is_optional_str(kind: Any) -> bool:
    return typing.get_origin(kind) in (typing.Union, types.UnionType) and set(
        typing.get_args(kind)
    ) == {str, type(None)}


def _structure_optional_str(value: Any, _: Any) -> str | None:
    return None if value is None else _structure_str(value, _)


def _structure_float(value: Any, _: Any) -> float:
    if type(value) not in (int, float):
        raise _FieldError(f"expected a number, got {_shown(value)}"[:200])
    return float(value)


def _shown(value: object) -> str:
    return "null" if value is None else f"{_json_type(value)} {value!r}"


def _json_type(value: object) -> str:
    names = {str: "a string", bool: "a boolean", int: "an integer", float: "a number"}
    names |= {list: "a list", dict: "an object", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _enum_hook(kind: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    choices = ", ".join(str(member.value) for member in kind)

    def structure(value: Any, _: Any) -> enum.Enum:
        if type(value) is not str or value not in kind._value2member_map_:
            raise _FieldError(f"expected one of {choices}, got {value!r}"[:200])
        return kind(value)

    return structure


def _is_homogeneous_tuple(kind: Any) -> bool:
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(kind: Any) -> Callable[[Any, Any], Any]:
        item = typing.get_args(kind)[0]
        inner = converter.get_structure_hook(item)
        if not converter.detailed_validation:  # the first try: no notes, the first error stops

            def quick(value: Any, _: Any) -> tuple[Any, ...]:
                if type(value) is not list:
                    raise _FieldError(f"expected a list, got {_json_type(value)}")
                return tuple([inner(element, item) for element in value])

            return quick

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _FieldError(f"expected a list, got {_json_type(value)}")
            result, problems = [], []
            for index, element in enumerate(value):
                try:
                    result.append(inner(element, item))
                except Exception as error:
                    error.__notes__ = [
                        *getattr(error, "__notes__", []),
                        cattrs.errors.IterableValidationNote(
                            f"Structuring {kind} @ index {index}", index, item
                        ),
                    ]
                    problems.append(error)
            if problems:
                raise cattrs.errors.IterableValidationError(
                    f"While structuring {kind!r}", problems, kind
                )
            return tuple(result)

        return structure

    return factory


# -- instants, When and Span ---------------------------------------------------------------------


def format_instant(moment: datetime) -> str:
    """An aware datetime as ISO 8601 in UTC with ``Z`` (microseconds only when present)."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"


def parse_instant(value: Any, field: str) -> datetime:
    """An ISO 8601 string with an offset, as an aware UTC datetime; a naive one is refused."""
    if type(value) is not str:
        raise _FieldError(f"expected an ISO 8601 string, got {_json_type(value)}", where=field)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _FieldError(f"not an ISO 8601 date-time: {value!r}", where=field) from None
    if moment.tzinfo is None:
        raise NaiveDatetimeError(f"naive datetime {value!r} (no offset)", where=field)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise _FieldError(f"{value!r} is outside the range of dates in UTC", where=field) from None


def _unstructure_when(when: When) -> dict[str, Any]:
    data: dict[str, Any] = {
        "type": "when",
        "earliest": format_instant(when.earliest),
        "latest": format_instant(when.latest),
        "precision": when.precision.value,
    }
    if when.zone is not None:
        data["zone"] = when.zone
    if when.text is not None:
        data["text"] = when.text
    if when.wall is not None:
        data["wall"] = when.wall.isoformat()
    return data


def _structure_when(value: Any, _: Any = None) -> When:
    _check_object(value, "when", _WHEN_KEYS, _WHEN_REQUIRED)
    precision = value["precision"]
    if type(precision) is not str or precision not in Precision._value2member_map_:
        choices = ", ".join(p.value for p in Precision)
        raise _FieldError(f"expected one of {choices}, got {precision!r}", where="precision")
    zone, text, wall = value.get("zone"), value.get("text"), value.get("wall")
    for name, field_value in (("zone", zone), ("text", text), ("wall", wall)):
        if field_value is not None and type(field_value) is not str:
            raise _FieldError(f"expected a string, got {_json_type(field_value)}", where=name)
    earliest, latest = value["earliest"], value["latest"]
    if type(earliest) is str and type(latest) is str:
        zone = None if zone is None else sys.intern(zone)
        return _when_from_text(earliest, latest, precision, zone, text, wall)
    return _when_from_parts(earliest, latest, precision, zone, text, wall)


def _when_from_parts(  # noqa: PLR0917 - the fields of a When
    earliest: Any, latest: Any, precision: str, zone: str | None, text: str | None, wall: str | None
) -> When:
    wall_time = None
    if wall is not None:
        try:
            wall_time = datetime.fromisoformat(wall)
        except ValueError:
            raise _FieldError(f"not an ISO 8601 wall time: {wall!r}", where="wall") from None
        if wall_time.tzinfo is not None:
            raise _FieldError("a wall time has no offset", where="wall")
    start = parse_instant(earliest, "earliest")
    end = start if latest == earliest else parse_instant(latest, "latest")
    return When(start, end, Precision(precision), zone, text=text, wall=wall_time)


# Whens recur (the same day in the same zone, a source's date on each of its claims) and are
# immutable: equal lines share one When, built and checked once. Ledgers come in rough time
# order, so a modest cache catches most repeats; errors are never cached.
_when_from_text: Final = functools.lru_cache(maxsize=16_384)(_when_from_parts)
_CACHES: Final[list[Any]] = [_when_from_text]


def forget_shared() -> None:
    """Drop the caches of shared Whens and participants.

    A loader calls it when a file is done: what was shared stays shared, and the caches' keys
    stop taking memory.
    """
    for cache in _CACHES:
        cache.cache_clear()


def _unstructure_span(span: Span) -> dict[str, Any]:
    data: dict[str, Any] = {"type": "span", "start": _unstructure_when(span.start)}
    if span.end is not None:
        data["end"] = _unstructure_when(span.end)
    if span.ongoing_as_of is not None:
        data["ongoing_as_of"] = _unstructure_when(span.ongoing_as_of)
    return data


def _structure_span(value: Any, _: Any = None) -> Span:
    _check_object(value, "span", _SPAN_KEYS, _SPAN_REQUIRED)
    parts: dict[str, When | None] = {}
    if value["start"] is None:
        raise _FieldError("expected a when object, got null", where="start")
    for name in ("start", "end", "ongoing_as_of"):
        part = value.get(name)
        try:
            parts[name] = None if part is None else _structure_when(part)
        except LedgerError as error:
            error.where = f"{name}.{error.where}" if error.where else name
            raise
    start = parts["start"]
    if start is None:  # pragma: no cover - refused above
        raise _FieldError("expected a when object, got null", where="start")
    return Span(start, parts["end"], ongoing_as_of=parts["ongoing_as_of"])


def _structure_moment(value: Any, _: Any = None) -> When | Span:
    if type(value) is dict and value.get("type") == "span":
        return _structure_span(value)
    return _structure_when(value)


def _check_object(value: Any, tag: str, allowed: frozenset[str], required: dict[str, None]) -> None:
    if type(value) is not dict:
        raise _FieldError(f"expected an object ({tag}), got {_json_type(value)}")
    if value.get("type") != tag:
        raise _FieldError(f'expected "type": {tag!r}, got {value.get("type")!r}')
    if not value.keys() <= allowed:
        raise _FieldError(f"unknown keys {sorted(set(value) - allowed)}")
    if not value.keys() >= required.keys():
        raise _FieldError(f"missing keys {[key for key in required if key not in value]}")


def _is_time_union(kind: Any) -> bool:
    if typing.get_origin(kind) not in (typing.Union, types.UnionType):
        return False
    members = set(typing.get_args(kind))
    return bool(members & {When, Span}) and members <= {When, Span, type(None)}


def _time_union_hook(kind: Any) -> Callable[[Any, Any], Any]:
    members = set(typing.get_args(kind))
    optional = type(None) in members
    both = When in members and Span in members
    single = _structure_moment if both else _structure_when if When in members else _structure_span

    def structure(value: Any, _: Any) -> Any:
        if value is None and optional:
            return None
        return single(value)

    return structure


# -- the converter -------------------------------------------------------------------------------


def make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """A new strict converter for every record type (never the global one).

    No coercion (``1`` is not ``"1"``), unknown keys refused, defaults left out when writing.
    ``detailed=False`` stops at the first error without saying where: faster, for the first try.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook_func(_is_optional_str, _structure_optional_str)
    for kind, name in ((int, "an integer"), (bool, "a boolean")):
        converter.register_structure_hook(kind, _strict(kind, name))
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook_factory(
        lambda kind: isinstance(kind, type) and issubclass(kind, enum.Enum), _enum_hook
    )
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook(converter))
    converter.register_structure_hook_factory(_is_time_union, _time_union_hook)
    converter.register_structure_hook(When, _structure_when)
    converter.register_structure_hook(Span, _structure_span)
    converter.register_unstructure_hook(When, _unstructure_when)
    converter.register_unstructure_hook(Span, _unstructure_span)
    converter.register_structure_hook_factory(_is_fixed_tuple, _fixed_tuple_hook(converter))
    for cls in (*_nested_classes(), *KIND_NAMES):  # nested first: records use their hooks
        structure = _object_only(make_dict_structure_fn(cls, converter))
        if cls.__name__ == "Participant":
            structure = _shared(structure, cls)
        converter.register_structure_hook(cls, structure)
        converter.register_unstructure_hook(
            cls, make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)
        )
    return converter


def _object_only(structure: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def checked(value: Any, kind: Any) -> Any:
        if type(value) is not dict:
            raise _FieldError(f"expected an object, got {_shown(value)}"[:200])
        return structure(value, kind)

    return checked


def _shared(structure: Callable[[Any, Any], Any], cls: type) -> Callable[[Any, Any], Any]:
    """Equal objects of a small immutable class become one shared instance.

    An actor in an office takes part in many calls: each pair is built and checked once, and
    stored once.
    """

    @functools.lru_cache(maxsize=4096)
    def build(items: tuple[tuple[str, Any], ...]) -> Any:
        return structure(dict(items), cls)

    _CACHES.append(build)

    def shared(value: Any, kind: Any) -> Any:
        if type(value) is dict and all(type(item) is str for item in value.values()):
            return build(tuple(value.items()))  # keys kept: an unknown key is still refused
        return structure(value, kind)

    return shared


def _is_fixed_tuple(kind: Any) -> bool:
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and bool(args) and Ellipsis not in args


def _fixed_tuple_hook(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(kind: Any) -> Callable[[Any, Any], Any]:
        items = typing.get_args(kind)
        hooks = [converter.get_structure_hook(item) for item in items]

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list or len(value) != len(items):
                raise _FieldError(f"expected a list of {len(items)}, got {_shown(value)}"[:200])
            return tuple(hook(v, t) for hook, v, t in zip(hooks, value, items, strict=True))

        return structure

    return factory


def _nested_classes() -> tuple[type, ...]:
    from diplomacy_ledger._provenance import Provenance  # noqa: PLC0415
    from diplomacy_ledger._records import Participant  # noqa: PLC0415

    return (Provenance, Participant)


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


@functools.cache
def _quick_converter() -> cattrs.Converter:
    return make_converter(detailed=False)


_DECODER: Final = json.JSONDecoder(object_pairs_hook=_no_repeated_keys)


# -- lines ---------------------------------------------------------------------------------------


def encode_entry(
    entry: Entry, *, tzdb: str | None = None, batch: tuple[int, int] | None = None
) -> str:
    """One entry as one line of JSON (no newline); ``batch`` is its (index, size) in a batch."""
    line: dict[str, Any] = {
        "v": SCHEMA_VERSION,
        "id": entry.id,
        "recorded_at": format_instant(entry.recorded_at),
        "kind": entry.kind,
        "record": _converter().unstructure(entry.record),
    }
    if entry.supersedes is not None:
        line["supersedes"] = entry.supersedes
    line["tzdb"] = tzdb or tzdb_version()
    if batch is not None:
        line["batch"] = {"index": batch[0], "size": batch[1]}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


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
        raise FormatError(f"expected a JSON object, got {_json_type(data)}", where=where)
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
    return Line(entry, data.get("tzdb"), _batch(data.get("batch"), where))


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
            raise FormatError(f"{key}: expected a string, got {_json_type(value)}", where=where)
    if data["kind"] not in KINDS_BY_NAME:
        raise FormatError(
            f"kind: unknown kind {data['kind']!r}; kinds are {sorted(KINDS_BY_NAME)}", where=where
        )
    if type(data["record"]) is not dict:
        raise FormatError(
            f"record: expected an object, got {_json_type(data['record'])}", where=where
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
    messages = []
    for line in cattrs.transform_error(error, path="$.record", format_exception=_format_exception):
        text, _, path = line.rpartition(" @ ")
        sub, _, message = text.partition(_SEP)
        full = path.removeprefix("$.") + (f".{sub}" if sub else "")
        messages.append(f"{full}: {message}")
    return messages


def _message(error: LedgerError, prefix: str) -> str:
    steps = [step for step in (error.where or "").split(".") if step and not step[0].isupper()]
    where = f"{prefix}{'.'.join(steps)}" if steps else prefix.rstrip(".")
    return f"{where}: {error.message}" if where else error.message


def unstructure_record(record: attrs.AttrsInstance) -> dict[str, Any]:
    """A record as the plain dict the file format writes."""
    result = _converter().unstructure(record)
    assert isinstance(result, dict)
    return result
