"""How a value of the library is written as Python: the one rule every public class's repr uses.

A repr here is source code that rebuilds an equal value from the public names (after
``from diplomacy_ledger import *``), short enough to read in a failing test's output and to paste
into a new one: a record names only the fields that differ from their defaults, required fields
come first and unnamed, an enum member is ``Status.PLANNED`` rather than ``<Status.PLANNED:
'planned'>``, and times are written as the text that builds them (``When.parse('2022-09-13')``).
"""

from __future__ import annotations

import enum
from typing import Any, TypeVar

import attrs

__all__ = ["attrs_repr", "enum_repr", "python_repr", "shown"]


def shown(value: object, limit: int = 80) -> str:
    """``repr(value)``, cut to ``limit`` characters: an error never echoes a whole huge value.

    >>> shown("x" * 100, limit=10)
    "'xxxxxxxx…"
    """
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def enum_repr(member: enum.Enum) -> str:
    """``Precision.DAY``: the member as it is written in code; flags as ``Allen.B | Allen.M``."""
    name = type(member).__name__
    if isinstance(member, enum.Flag) and (member.name is None or "|" in member.name):
        return " | ".join(f"{name}.{part.name}" for part in member) or f"{name}(0)"
    return f"{name}.{member.name}"


def _default(field: attrs.Attribute[Any], instance: object) -> object:
    """The value ``field`` takes when it is not passed, or ``attrs.NOTHING``."""
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory(instance) if default.takes_self else default.factory()
    return default


def attrs_repr(instance: Any) -> str:
    """``Call(participants, when, medium=Medium.VIDEO)``: an attrs instance as Python.

    Fields at their default value are left out. The leading required fields are written by
    position, in their declared order; every field after the first one left out or given by
    keyword is written by keyword, so the call means the same to the constructor.
    """
    cls = type(instance)
    parts: list[str] = []
    by_position = True
    for field in attrs.fields(cls):
        if not field.init:
            continue
        value = getattr(instance, field.name)
        default = _default(field, instance)
        if default is not attrs.NOTHING and _same(value, default):
            by_position = False
            continue
        if by_position and default is attrs.NOTHING and not field.kw_only:
            parts.append(repr(value))
        else:
            by_position = False
            parts.append(f"{field.alias}={value!r}")
    return f"{cls.__name__}({', '.join(parts)})"


def _same(value: object, default: object) -> bool:
    """Whether ``value`` is the default: equal, and of the same type (``0`` is not ``False``)."""
    return type(value) is type(default) and bool(value == default)


_Class = TypeVar("_Class", bound=type)


def python_repr(cls: _Class) -> _Class:
    """Give an attrs class or an enum the repr this module writes (a class decorator)."""
    if issubclass(cls, enum.Enum):
        cls.__repr__ = enum_repr  # type: ignore[method-assign, assignment]
    elif attrs.has(cls):
        cls.__repr__ = attrs_repr  # type: ignore[method-assign]
    else:  # pragma: no cover - a mistake in the library, caught on import
        raise TypeError(f"{cls.__name__} is neither an attrs class nor an enum")
    return cls
