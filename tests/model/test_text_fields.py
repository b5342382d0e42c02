"""Which text may hold what: a name is one line; free text may hold newlines, never controls."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from diplomacy_ledger import (
    Actor,
    ActorKind,
    InvalidValueError,
    LedgerError,
    Office,
    Place,
    Provenance,
    Source,
)

ONE_LINE: dict[str, Callable[[str], object]] = {
    "Actor.name": lambda value: Actor(value, ActorKind.PERSON),
    "Actor.aliases": lambda value: Actor("A", ActorKind.PERSON, aliases=[value]),
    "Office.title": Office,
    "Place.name": lambda value: Place(value, zone="Asia/Yerevan"),
    "Source.title": lambda value: Source(title=value),
    "Source.url": lambda value: Source(title="t", url=value),
}
FREE: dict[str, Callable[[str], object]] = {
    "Provenance.quote": lambda value: Provenance("article", quote=value),
    "Actor.description": lambda value: Actor("A", ActorKind.PERSON, description=value),
}


@pytest.mark.parametrize("field", ONE_LINE)
@pytest.mark.parametrize(
    "bad", ["a\nb", "a\rb", "a\tb", "Evil\x1b[2J", "a\x00", "a\u2028b", "a\u2029b", "a\x85b"]
)
def test_one_line_text_refuses_line_breaks_and_control_characters(field: str, bad: str) -> None:
    with pytest.raises(InvalidValueError, match="expected one line of text") as refused:
        ONE_LINE[field](bad)
    assert isinstance(refused.value, LedgerError)
    assert isinstance(refused.value, ValueError)
    assert field in str(refused.value)


@pytest.mark.parametrize("field", ONE_LINE)
@pytest.mark.parametrize("good", ["Նիկոլ Փաշինյան", "محمد\u200f", "A\u202eB", "a b"])
def test_one_line_text_keeps_any_script_and_format_characters(field: str, good: str) -> None:
    ONE_LINE[field](good)  # right-to-left names need format characters: they are text


@pytest.mark.parametrize("field", FREE)
def test_free_text_may_hold_paragraphs_but_no_control_characters(field: str) -> None:
    FREE[field]("First paragraph.\n\nSecond,\twith a tab.\r\nThird.")
    for bad in ("a\x1b[2J", "a\x07", "a\x00", "a\x7f", "a\x9b"):
        with pytest.raises(InvalidValueError, match="expected text, got the control character"):
            FREE[field](bad)


def test_a_refused_value_is_echoed_cut_short() -> None:
    with pytest.raises(InvalidValueError) as refused:
        Actor("x" * 10_000 + "\n", ActorKind.PERSON)
    assert len(str(refused.value)) < 300
