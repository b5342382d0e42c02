"""Dangling references (``checks/_references.py``), found in a list of entries."""

from __future__ import annotations

from diplomacy_ledger import Call, Entry, Provenance, Source, dangling_references
from tests.checks._helpers import EARLY_HOURS, T


def test_dangling_references_in_a_list_of_entries() -> None:
    entries = [
        Entry("article", T, Source()),
        Entry("c", T, Call(["pashinyan", "putin"], EARLY_HOURS, Provenance("article"))),
        Entry(
            "c2", T, Call(["pashinyan", "putin"], EARLY_HOURS, Provenance("ghost")), supersedes="c0"
        ),
    ]
    kinds = [(f.kind, f.entries, f.certainty) for f in dangling_references(entries)]
    assert (
        kinds
        == [("dangling_reference", ("c",), "definite")] * 2
        + [("dangling_reference", ("c2",), "definite")] * 4
    )
