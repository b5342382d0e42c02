"""Argument checks shared by the public strategies: bad arguments raise ``InvalidArgument``."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Collection, Mapping
from datetime import datetime, timedelta
from typing import Any, Final, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from diplomacy_ledger import KIND_NAMES, LedgerError, Precision, normalise_name
from diplomacy_ledger.model import check_id
from diplomacy_ledger.time import validate_zone

__all__ = [
    "check_bool",
    "check_choice",
    "check_id_prefix",
    "check_instant",
    "check_length",
    "check_range",
    "check_size",
    "check_strategy",
    "checked_actors",
    "checked_ids",
    "checked_kinds",
    "checked_mix",
    "checked_precisions",
    "checked_zones",
    "named",
    "precision_choices",
    "shown_arguments",
    "zone_choices",
]


def check_strategy(value: object, name: str, *, optional: bool = True) -> None:
    """``value`` must be a strategy (or None, when ``optional``)."""
    if value is None and optional:
        return
    if not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(f"{name}={value!r} must be a Hypothesis strategy")


def check_bool(value: object, name: str, *, optional: bool = False) -> None:
    """``value`` must be True or False (or None, when ``optional``)."""
    if value is None and optional:
        return
    if not isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be a bool")


def check_instant(value: object, name: str) -> datetime:
    """``value`` must be an aware datetime; a naive one is refused, as everywhere in the library."""
    if not isinstance(value, datetime):
        raise InvalidArgument(f"{name}={value!r} must be an aware datetime")
    if value.utcoffset() is None:
        raise InvalidArgument(
            f"{name}={value!r} is naive: pass an aware datetime (tzinfo=timezone.utc)"
        )
    return value


def check_range(
    min_value: datetime, max_value: datetime, *, lowest: datetime, highest: datetime
) -> None:
    """Both bounds aware, in order, and within [lowest, highest]."""
    check_instant(min_value, "min_value")
    check_instant(max_value, "max_value")
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value!r} is after max_value={max_value!r}")
    if min_value < lowest or max_value > highest:
        raise InvalidArgument(
            f"min_value and max_value must lie between {lowest.isoformat()} and "
            f"{highest.isoformat()}, got {min_value.isoformat()} and {max_value.isoformat()}"
        )


def check_size(min_size: object, max_size: object, *, lowest: int = 0) -> None:
    """Integer sizes, ``lowest <= min_size <= max_size``."""
    for name, value in (("min_size", min_size), ("max_size", max_size)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidArgument(f"{name}={value!r} must be an integer")
        if value < lowest:
            raise InvalidArgument(f"{name}={value!r} must be at least {lowest}")
    assert isinstance(min_size, int)
    assert isinstance(max_size, int)
    if min_size > max_size:
        raise InvalidArgument(f"min_size={min_size!r} is larger than max_size={max_size!r}")


def check_length(value: object, name: str) -> timedelta:
    """A positive timedelta."""
    if not isinstance(value, timedelta) or value <= timedelta(0):
        raise InvalidArgument(f"{name}={value!r} must be a positive timedelta")
    return value


def check_choice(value: Any, name: str, choices: Collection[str]) -> None:
    """A str among ``choices``, or a strategy (whose values are checked when drawn)."""
    if isinstance(value, st.SearchStrategy):
        return
    if not isinstance(value, str) or value not in choices:
        raise InvalidArgument(
            f"{name}={value!r} must be one of {sorted(choices)} or a strategy of them"
        )


T = TypeVar("T")


def _drawn(strategy: st.SearchStrategy[Any], name: str, check: Callable[[Any], T]) -> Any:
    """``strategy``, each value it draws checked: a bad one raises InvalidArgument naming ``name``.

    A user's strategy that draws what the library refuses is a bad argument, said as Hypothesis
    says it, not a LookupError or a KeyError from deep inside a draw. ``check`` returns the
    value to use (a precision's name becomes the precision).
    """

    def checked(value: Any) -> T:
        try:
            return check(value)
        except (LedgerError, TypeError, ValueError) as error:
            raise InvalidArgument(f"{name} drew {value!r}, which is refused: {error}") from None

    return strategy.map(checked)


def checked_zones(strategy: st.SearchStrategy[str | None], name: str = "zones") -> Any:
    """Zones drawn by a user's strategy: IANA keys, fixed offsets or None."""

    def check(value: str | None) -> str | None:
        if value is not None:
            validate_zone(value, where=name)
        return value

    return _drawn(strategy, name, check)


def _precision(value: object) -> Precision:
    """A member of :class:`Precision`, or its name (``"day"``) as a member; else ValueError."""
    if isinstance(value, Precision):
        return value
    if isinstance(value, str):
        try:
            return Precision(value)
        except ValueError:
            pass
    raise ValueError(
        f"expected a precision: one of {[p.value for p in Precision]} or a member of "
        f"Precision, got {value!r}"
    )


def checked_precisions(
    strategy: st.SearchStrategy[Precision | str], name: str = "precisions"
) -> Any:
    """Precisions drawn by a user's strategy: members of :class:`Precision` or their names."""
    return _drawn(strategy, name, _precision)


def checked_ids(strategy: st.SearchStrategy[str], name: str) -> Any:
    """Ids drawn by a user's strategy: valid entry ids."""

    def check(value: str) -> str:
        return check_id(value, where=name)

    return _drawn(strategy, name, check)


def shown_arguments(**arguments: object) -> dict[str, object]:
    """The arguments a user gave a public strategy, for its repr: ``whens(zones=just('EDT'))``.

    Called in the public strategy function, which passes them on to the composite that draws
    the values (named as the function, and ignoring them): Hypothesis shows a composite's
    arguments in its repr, so a failing test names the strategy as it was called. Arguments
    equal to the function's defaults are left out.
    """
    return _shown(sys._getframe(1), arguments)  # the public function's frame


def named(strategy: st.SearchStrategy[T], **arguments: object) -> st.SearchStrategy[T]:
    """``strategy``, shown as the public function that made it was called: ``statements()``.

    Called in that function, as :func:`shown_arguments` is: a strategy built with
    ``st.builds`` or ``st.one_of`` would show everything it is made of, a screenful for
    ``records()``. It draws exactly what ``strategy`` draws.
    """
    caller = sys._getframe(1)
    return _showing(caller.f_code.co_name, strategy)(**_shown(caller, arguments))


def _showing(name: str, strategy: st.SearchStrategy[T]) -> Callable[..., st.SearchStrategy[T]]:
    def drawn(draw: st.DrawFn, /, **shown: object) -> T:
        return draw(strategy)

    drawn.__name__ = drawn.__qualname__ = name
    return st.composite(drawn)


def _shown(caller: Any, arguments: dict[str, object]) -> dict[str, object]:
    function = caller.f_globals.get(caller.f_code.co_name)  # its module holds it by name
    defaults: dict[str, object] = {}
    if callable(function):
        defaults = {
            name: parameter.default
            for name, parameter in inspect.signature(function).parameters.items()
        }
    return {
        name: value
        for name, value in arguments.items()
        if value is not None and not (name in defaults and defaults[name] == value)
    }


def check_id_prefix(value: object) -> None:
    """A prefix that keeps ids valid.

    Empty, or letters, digits and ``_.:@/-`` from a letter or digit, short enough to leave room
    for the id after it.
    """
    if not isinstance(value, str):
        raise InvalidArgument(f"id_prefix={value!r} must be a string")
    if value:
        try:
            check_id(f"{value}x", where="id_prefix")
        except LedgerError:
            raise InvalidArgument(
                f"id_prefix={value!r} would make invalid ids: use letters, digits and "
                "_ . : @ / -, starting with a letter or digit"
            ) from None
        if len(value) > 100:
            raise InvalidArgument(f"id_prefix is {len(value)} characters; at most 100")


def checked_kinds(value: object, name: str = "kinds") -> frozenset[str] | None:
    """Record kinds given by name (``"call"``) or class (``Call``), as their names."""
    if value is None:
        return None
    if isinstance(value, str | type) or not isinstance(value, Collection):
        raise InvalidArgument(
            f"{name}={value!r} must be a collection of record kinds, such as ['call', 'claim']"
        )
    known = {kind_name: kind_name for kind_name in KIND_NAMES.values()}
    found = set()
    for item in value:
        kind = KIND_NAMES.get(item) if isinstance(item, type) else known.get(item)
        if kind is None:
            raise InvalidArgument(
                f"{name} holds {item!r}, which is not a record kind: use one of "
                f"{sorted(known)} or their classes"
            )
        found.add(kind)
    if not found:
        raise InvalidArgument(f"{name}={value!r} is empty: name at least one record kind")
    return frozenset(found)


def zone_choices(value: object, name: str = "zones") -> Any:
    """A strategy of zones (each drawn value checked), or a list of zones checked now."""
    if value is None:
        return None
    if isinstance(value, st.SearchStrategy):
        return checked_zones(value, name)
    if isinstance(value, str) or not isinstance(value, Collection) or not value:
        raise InvalidArgument(
            f"{name}={value!r} must be a strategy of zones or a non-empty list of them, such "
            "as ['Asia/Kolkata', 'UTC']"
        )
    for zone in value:
        if zone is not None:
            try:
                validate_zone(zone, where=name)
            except (LedgerError, TypeError, ValueError) as error:
                raise InvalidArgument(f"{name} holds {zone!r}, which is refused: {error}") from None
    return st.sampled_from(tuple(value))


def precision_choices(value: object, name: str = "precisions") -> Any:
    """A strategy of precisions (each drawn value checked), or a list of them (or their names)."""
    if value is None:
        return None
    if isinstance(value, st.SearchStrategy):
        return checked_precisions(value, name)
    if isinstance(value, str) or not isinstance(value, Collection) or not value:
        raise InvalidArgument(
            f"{name}={value!r} must be a strategy of precisions or a non-empty list of them, "
            "such as [Precision.DAY, 'minute']"
        )
    found = []
    for item in value:
        try:
            found.append(_precision(item))
        except ValueError:
            raise InvalidArgument(
                f"{name} holds {item!r}, which is not a precision: use one of "
                f"{[p.value for p in Precision]}"
            ) from None
    return st.sampled_from(tuple(found))


def checked_actors(value: object, name: str = "actors") -> tuple[int | None, tuple[str, ...]]:
    """How many actors may speak and take part (a number), or their names (people)."""
    if value is None:
        return None, ()
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 1:
            raise InvalidArgument(f"{name}={value!r} must be at least 1")
        return value, ()
    if isinstance(value, str) or not isinstance(value, Collection) or not value:
        raise InvalidArgument(
            f"{name}={value!r} must be a number of actors or a non-empty list of their names"
        )
    names = tuple(value)
    keys = []
    for item in names:
        if not isinstance(item, str) or not item.strip():
            raise InvalidArgument(f"{name} holds {item!r}: each name must be a non-empty string")
        keys.append(normalise_name(item))
    if len(set(keys)) != len(keys):
        raise InvalidArgument(f"{name}={value!r} holds a name twice (once normalised)")
    return len(names), names


MIXED: Final = ("corrected", "disputed", "retracted")


def checked_mix(value: object, name: str = "mix") -> tuple[tuple[str, int], ...]:
    """Shares of stories disputed, retracted or corrected, from 0 to 1, as whole percents."""
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        raise InvalidArgument(
            f"{name}={value!r} must be a mapping such as {{'disputed': 0.3, 'retracted': 0.1}}"
        )
    found = []
    for key, share in value.items():
        if key not in MIXED:
            raise InvalidArgument(f"{name} holds {key!r}: use {list(MIXED)}")
        if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
            raise InvalidArgument(f"{name}[{key!r}]={share!r} must be a share from 0 to 1")
        found.append((key, round(share * 100)))
    return tuple(sorted(found))
