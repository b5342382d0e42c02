"""The file format's values: strings, numbers, lists, instants, When and Span, read strictly.

The structure hooks the converter in :mod:`diplomacy_ledger.io._lines` is built from. Nothing is
coerced (``1`` is not ``"1"``); a bad value raises an error naming its field. Equal Whens read
while loading are built once and shared (see :func:`forget_shared`).
"""

from __future__ import annotations

import enum
import functools
import sys
import types
import typing
import weakref
from collections.abc import Callable
from datetime import datetime
from typing import Any, Final

import cattrs

from diplomacy_ledger._errors import FieldError, LedgerError, TimeParseError
from diplomacy_ledger.time import (
    Precision,
    Span,
    When,
    format_utc_instant,
    parse_utc_instant,
)

__all__ = [
    "MAX_PROBLEMS",
    "forget_shared",
    "format_utc_instant",
    "parse_instant",
]

_WHEN_KEYS: Final = frozenset(
    {"type", "earliest", "latest", "precision", "zone", "text", "wall", "either"}
)
_SPAN_KEYS: Final = frozenset({"type", "start", "end", "ongoing_as_of"})
# Required keys, in the order a message lists the missing ones.
_WHEN_REQUIRED: Final = dict.fromkeys(("earliest", "latest", "precision"))
_SPAN_REQUIRED: Final = dict.fromkeys(("start",))


# -- primitives --------------------------------------------------------------------------------


def strict_type(kind: type, name: str) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise FieldError(f"expected {name}, got {shown(value)}"[:200])
        return value

    return structure


_SHORT: Final = 64


def structure_str(value: Any, _: Any) -> str:
    """A string, strictly; short ones (ids, names, zones) interned.

    A ledger repeats each id in every record that points at it: one shared copy per id saves
    about a quarter of a loaded ledger's memory.
    """
    if type(value) is not str:
        raise FieldError(f"expected a string, got {shown(value)}"[:200])
    return sys.intern(value) if len(value) <= _SHORT else value


def is_optional_str(kind: Any) -> bool:
    return typing.get_origin(kind) in (typing.Union, types.UnionType) and set(
        typing.get_args(kind)
    ) == {str, type(None)}


def structure_optional_str(value: Any, _: Any) -> str | None:
    return None if value is None else structure_str(value, _)


def structure_float(value: Any, _: Any) -> float:
    if type(value) not in (int, float):
        raise FieldError(f"expected a number, got {shown(value)}"[:200])
    return float(value)


def shown(value: object) -> str:
    return "null" if value is None else f"{json_type(value)} {value!r}"


def json_type(value: object) -> str:
    names = {str: "a string", bool: "a boolean", int: "an integer", float: "a number"}
    names |= {list: "a list", dict: "an object", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def enum_hook(kind: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    choices = ", ".join(str(member.value) for member in kind)

    def structure(value: Any, _: Any) -> enum.Enum:
        if type(value) is not str or value not in kind._value2member_map_:
            raise FieldError(f"expected one of {choices}, got {value!r}"[:200])
        return kind(value)

    return structure


MAX_PROBLEMS: Final = 10
"""How many bad elements of one list the detailed pass names before it stops looking."""


def is_homogeneous_tuple(kind: Any) -> bool:
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def tuple_hook(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(kind: Any) -> Callable[[Any, Any], Any]:
        item = typing.get_args(kind)[0]
        inner = converter.get_structure_hook(item)
        if not converter.detailed_validation:  # the first try: no notes, the first error stops

            def quick(value: Any, _: Any) -> tuple[Any, ...]:
                if type(value) is not list:
                    raise FieldError(f"expected a list, got {json_type(value)}")
                return tuple([inner(element, item) for element in value])

            return quick

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise FieldError(f"expected a list, got {json_type(value)}")
            result: list[Any] = []
            problems: list[Exception] = []
            for index, element in enumerate(value):
                if len(problems) == MAX_PROBLEMS:  # enough to say what is wrong: stop looking
                    break
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


def parse_instant(value: Any, field: str) -> datetime:
    """An RFC 3339 date-time with an offset, as an aware UTC datetime; a naive one is refused."""
    if type(value) is not str:
        raise FieldError(f"expected an ISO 8601 string, got {json_type(value)}", where=field)
    try:
        return parse_utc_instant(value, where=field)
    except TimeParseError as error:
        raise FieldError(error.message, where=field) from None


def unstructure_when(when: When) -> dict[str, Any]:
    data: dict[str, Any] = {
        "type": "when",
        "earliest": format_utc_instant(when.earliest),
        "latest": format_utc_instant(when.latest),
        "precision": when.precision.value,
    }
    if when.zone is not None:
        data["zone"] = when.zone
    if when.text is not None:
        data["text"] = when.text
    if when.wall is not None:
        data["wall"] = when.wall.isoformat()
    if when.either:
        data["either"] = True
    return data


def structure_when(value: Any, _: Any = None) -> When:
    _check_object(value, "when", _WHEN_KEYS, _WHEN_REQUIRED)
    precision = value["precision"]
    if type(precision) is not str or precision not in Precision._value2member_map_:
        choices = ", ".join(p.value for p in Precision)
        raise FieldError(f"expected one of {choices}, got {precision!r}", where="precision")
    zone, text, wall = value.get("zone"), value.get("text"), value.get("wall")
    for name, field_value in (("zone", zone), ("text", text), ("wall", wall)):
        if field_value is not None and type(field_value) is not str:
            raise FieldError(f"expected a string, got {json_type(field_value)}", where=name)
    earliest, latest = value["earliest"], value["latest"]
    if "either" in value:
        if value["either"] is not True:
            raise FieldError(
                f"expected true (or no key), got {json_type(value['either'])}", where="either"
            )
        return _when_from_parts(earliest, latest, precision, zone, text, wall, either=True)
    if type(earliest) is str and type(latest) is str:
        zone = None if zone is None else sys.intern(zone)
        return _when_from_text(earliest, latest, precision, zone, text, wall)
    return _when_from_parts(earliest, latest, precision, zone, text, wall)


def _when_from_parts(  # noqa: PLR0917 - the fields of a When
    earliest: Any,
    latest: Any,
    precision: str,
    zone: str | None,
    text: str | None,
    wall: str | None,
    *,
    either: bool = False,
) -> When:
    wall_time = None
    if wall is not None:
        try:
            wall_time = datetime.fromisoformat(wall)
        except ValueError:
            raise FieldError(f"not an ISO 8601 wall time: {wall!r}", where="wall") from None
        if wall_time.tzinfo is not None:
            raise FieldError("a wall time has no offset", where="wall")
    start = parse_instant(earliest, "earliest")
    end = start if latest == earliest else parse_instant(latest, "latest")
    return When(start, end, Precision(precision), zone, text=text, wall=wall_time, either=either)


# Whens recur (the same day in the same zone, a source's date on each of its claims) and are
# immutable: equal lines share one When, built and checked once. Ledgers come in rough time
# order, so a modest cache catches most repeats; errors are never cached.
_when_from_text: Final = functools.lru_cache(maxsize=16_384)(_when_from_parts)
# Every cache of shared objects, so that a loader can empty them all; weakly held, so that a
# converter that is dropped takes its caches with it.
_SHARED_CACHES: Final[weakref.WeakSet[Any]] = weakref.WeakSet([_when_from_text])


def forget_shared() -> None:
    """Drop the caches of shared Whens and participants.

    A loader calls it when a file is done: what was shared stays shared, and the caches' keys
    stop taking memory.
    """
    for cache in _SHARED_CACHES:
        cache.cache_clear()


def unstructure_span(span: Span) -> dict[str, Any]:
    data: dict[str, Any] = {"type": "span", "start": unstructure_when(span.start)}
    if span.end is not None:
        data["end"] = unstructure_when(span.end)
    if span.ongoing_as_of is not None:
        data["ongoing_as_of"] = unstructure_when(span.ongoing_as_of)
    return data


def structure_span(value: Any, _: Any = None) -> Span:
    _check_object(value, "span", _SPAN_KEYS, _SPAN_REQUIRED)
    parts: dict[str, When | None] = {}
    if value["start"] is None:
        raise FieldError("expected a when object, got null", where="start")
    for name in ("start", "end", "ongoing_as_of"):
        part = value.get(name)
        try:
            parts[name] = None if part is None else structure_when(part)
        except LedgerError as error:
            error.where = f"{name}.{error.where}" if error.where else name
            raise
    start = parts["start"]
    if start is None:  # pragma: no cover - refused above
        raise FieldError("expected a when object, got null", where="start")
    return Span(start, parts["end"], ongoing_as_of=parts["ongoing_as_of"])


def _structure_moment(value: Any, _: Any = None) -> When | Span:
    if type(value) is dict and value.get("type") == "span":
        return structure_span(value)
    return structure_when(value)


def _check_object(value: Any, tag: str, allowed: frozenset[str], required: dict[str, None]) -> None:
    if type(value) is not dict:
        raise FieldError(f"expected an object ({tag}), got {json_type(value)}")
    if value.get("type") != tag:
        raise FieldError(f'expected "type": {tag!r}, got {value.get("type")!r}')
    if not value.keys() <= allowed:
        raise FieldError(f"unknown keys {sorted(set(value) - allowed)}")
    if not value.keys() >= required.keys():
        raise FieldError(f"missing keys {[key for key in required if key not in value]}")


def is_time_union(kind: Any) -> bool:
    if typing.get_origin(kind) not in (typing.Union, types.UnionType):
        return False
    members = set(typing.get_args(kind))
    return bool(members & {When, Span}) and members <= {When, Span, type(None)}


def time_union_hook(kind: Any) -> Callable[[Any, Any], Any]:
    members = set(typing.get_args(kind))
    optional = type(None) in members
    both = When in members and Span in members
    single = _structure_moment if both else structure_when if When in members else structure_span

    def structure(value: Any, _: Any) -> Any:
        if value is None and optional:
            return None
        return single(value)

    return structure


def shared_instances(structure: Callable[[Any, Any], Any], cls: type) -> Callable[[Any, Any], Any]:
    """Equal objects of a small immutable class become one shared instance.

    An actor in an office takes part in many calls: each pair is built and checked once, and
    stored once.
    """

    @functools.lru_cache(maxsize=4096)
    def build(items: tuple[tuple[str, Any], ...]) -> Any:
        return structure(dict(items), cls)

    _SHARED_CACHES.add(build)

    def shared(value: Any, kind: Any) -> Any:
        if type(value) is dict and all(type(item) is str for item in value.values()):
            return build(tuple(value.items()))  # keys kept: an unknown key is still refused
        return structure(value, kind)

    return shared
