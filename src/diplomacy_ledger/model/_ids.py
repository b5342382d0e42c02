"""Identifiers and names: what an entry id may look like, and how names are compared."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any, Final

from diplomacy_ledger._errors import InvalidIdError, InvalidValueError

__all__ = [
    "check_id",
    "normalise_name",
    "optional_text",
    "str_tuple",
    "text",
    "texts",
    "valid_id",
    "valid_ids",
]

_ID: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:@/-]{0,199}$")
_DASHES: Final = dict.fromkeys(map(ord, "-‐‑‒–—―_/"), " ")
_ARTICLES: Final = ("the ",)
# The same folding for ASCII text, in C-speed string methods: dashes, underscores and slashes
# become spaces, other punctuation goes.
_ASCII_PUNCTUATION: Final = {
    code: " " if chr(code) in "-_/" else None
    for code in range(128)
    if not (chr(code).isalnum() or chr(code).isspace())
}


def check_id(value: object, *, where: str) -> str:
    """Return ``value`` if it is a valid id: 1–200 characters of letters, digits and ``_.:@/-``."""
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise InvalidIdError(
            f"{value!r} is not a valid id: use 1-200 letters, digits and _ . : @ / -, "
            "starting with a letter or digit",
            where=where,
        )
    return value


def normalise_name(text: str) -> str:
    """The form in which names and aliases are compared.

    Case, hyphens and dashes, spacing, punctuation and a leading "the" do not matter: "Nagorno
    Karabakh", "Nagorno-Karabakh" and "the nagorno–karabakh" are one name.

    >>> normalise_name("  The Nagorno-Karabakh ")
    'nagorno karabakh'
    """
    if text.isascii():  # most names and propositions: the same result, several times faster
        words = " ".join(text.lower().translate(_ASCII_PUNCTUATION).split())
        return words[4:] if words.startswith("the ") else words
    return _normalise_unicode(text)


def _normalise_unicode(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_DASHES)
    kept = "".join(
        char for char in folded if char.isalnum() or char.isspace()
    )  # drops . , ' " ’ “ ” ( ) and the like
    words = " ".join(kept.split())
    for article in _ARTICLES:
        if words.startswith(article):
            words = words[len(article) :]
    return words


def valid_id(instance: object, attribute: Any, value: Any) -> None:
    """Attrs validator: an id, or None where the field is optional (its default is None)."""
    if value is not None or attribute.default is not None:
        check_id(value, where=f"{type(instance).__name__}.{attribute.name}")


def valid_ids(instance: object, attribute: Any, value: Any) -> None:
    """Attrs validator: a tuple of distinct ids."""
    where = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, tuple):
        raise InvalidIdError(f"expected a tuple of ids, got {type(value).__name__}", where=where)
    for index, item in enumerate(value):
        check_id(item, where=f"{where}[{index}]")
    if len(set(value)) != len(value):
        raise InvalidIdError(f"the same id appears twice in {value!r}", where=where)


def text(instance: object, attribute: Any, value: Any) -> None:
    """Attrs validator: a string with something in it."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(
            f"expected non-empty text, got {value!r}",
            where=f"{type(instance).__name__}.{attribute.name}",
        )


def optional_text(instance: object, attribute: Any, value: Any) -> None:
    """Attrs validator: None or a string with something in it."""
    if value is not None:
        text(instance, attribute, value)


def texts(instance: object, attribute: Any, value: Any) -> None:
    """Attrs validator: a tuple of non-empty strings."""
    where = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, tuple) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InvalidValueError(
            f"expected a tuple of non-empty strings, got {value!r}", where=where
        )


def str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """Attrs converter: any iterable of strings to a tuple; a lone string is refused, not split."""
    if isinstance(values, str):
        raise InvalidValueError(f"expected a sequence of strings, not the string {values!r}")
    return tuple(values)
