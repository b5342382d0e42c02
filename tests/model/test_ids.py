"""Ids and names: the one form in which names, aliases and propositions are compared."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diplomacy_ledger import normalise_name
from diplomacy_ledger.model._ids import _normalise_unicode


@given(
    st.lists(
        st.one_of(
            st.characters(max_codepoint=127),
            st.sampled_from(["the ", " The-", "a/b", "_", "é", "—", "!"]),
        ),
        max_size=20,
    ).map("".join)
)
def test_the_ascii_fast_path_folds_as_the_unicode_one_does(text: str) -> None:
    # Propositions and names are compared in this form; most are ASCII and take the fast path.
    assert normalise_name(text) == _normalise_unicode(text)


def test_case_dashes_punctuation_and_a_leading_the_do_not_matter() -> None:
    forms = ["Nagorno Karabakh", "Nagorno-Karabakh", "the nagorno–karabakh", "  NAGORNO  karabakh."]
    assert {normalise_name(form) for form in forms} == {"nagorno karabakh"}
