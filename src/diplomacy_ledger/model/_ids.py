"""Identifiers and names: what an entry id may look like, and how names are compared."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any, Final

from diplomacy_ledger._errors import InvalidIdError, InvalidValueError
from diplomacy_ledger._repr import shown

__all__ = [
    "check_id",
    "line",
    "lines",
    "normalise_name",
    "optional_line",
    "optional_text",
    "shown",
    "str_tuple",
    "text",
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


# One-line text (names, titles, labels) holds no control character and no line or paragraph
# separator; free text (descriptions, quotes, summaries, notes) may hold newlines, tabs and
# carriage returns, but no other control character (no escape, bell or NUL). Either way the
# text outputs escape what a terminal would act on; these rules keep data that no report of a
# name could show on one line, or that is no text at all, out of the ledger.
_NOT_IN_A_LINE: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NOT_IN_TEXT: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _check_text(instance: object, attribute: Any, value: Any, one_line: bool) -> None:
    where = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(f"expected non-empty text, got {shown(value)}", where=where)
    found = (_NOT_IN_A_LINE if one_line else _NOT_IN_TEXT).search(value)
    if found is not None:
        kind = "one line of text" if one_line else "text"
        raise InvalidValueError(
            f"expected {kind}, got the control character {found.group()!r} at {found.start()} "
            f"in {shown(value)}",
            where=where,
        )


def line(instance: object, attribute: Any, value: Any) -> None:
    """Attrs validator: one line of text with something in it (a name, a title, a label)."""
    _check_text(instance, attribute, value, one_line=True)


def optional_line(instance: object, attribute: Any, value: Any) -> None:
    """Attrs validator: None or one line of text with something in it."""
    if value is not None:
        _check_text(instance, attribute, value, one_line=True)


def lines(instance: object, attribute: Any, value: Any) -> None:
    """Attrs validator: a tuple of one-line texts (aliases, regions)."""
    if not isinstance(value, tuple):
        where = f"{type(instance).__name__}.{attribute.name}"
        raise InvalidValueError(f"expected a tuple of strings, got {shown(value)}", where=where)
    for item in value:
        _check_text(instance, attribute, item, one_line=True)


def text(instance: object, attribute: Any, value: Any) -> None:
    """Attrs validator: free text with something in it; it may hold newlines and tabs."""
    _check_text(instance, attribute, value, one_line=False)


def optional_text(instance: object, attribute: Any, value: Any) -> None:
    """Attrs validator: None or free text with something in it."""
    if value is not None:
        _check_text(instance, attribute, value, one_line=False)


def str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """Attrs converter: any iterable of strings to a tuple; a lone string is refused, not split."""
    if isinstance(values, str):
        raise InvalidValueError(f"expected a sequence of strings, not the string {values!r}")
    return tuple(values)
