"""The contact graph (``contacts/_graph.py``): edges as ranges, windows, networkx."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from diplomacy_ledger import ContactEdge, LedgerError, Medium, Span, contact_graph
from tests.contacts._ledgers import BASE, STEP, at, call, cast


def test_a_call_of_three_is_three_edges_and_counts_are_ranges_in_a_window() -> None:
    ledger = cast()
    call(ledger, "a", ("pashinyan", "putin", "macron"), at(0, 0))
    call(ledger, "b", ("putin", "pashinyan"), at(3, 6), medium=Medium.VIDEO)
    whole = contact_graph(ledger)
    assert [(e.source, e.target, e.definite, e.possible) for e in whole.edges] == [
        ("macron", "pashinyan", 1, 1),
        ("macron", "putin", 1, 1),
        ("pashinyan", "putin", 2, 2),
    ]
    pair = whole.edges[-1]
    assert (pair.first, pair.last) == (BASE, BASE + 6 * STEP)
    assert (pair.media, pair.contacts) == (("phone", "video"), ("a", "b"))
    assert [(n.id, n.name, n.kind) for n in whole.nodes] == [
        ("macron", "Macron", "person"),
        ("pashinyan", "Pashinyan", "person"),
        ("putin", "Putin", "person"),
    ]
    window = contact_graph(ledger, window=Span(at(1, 1), at(4, 4)))
    assert [(e.source, e.target, e.definite, e.possible) for e in window.edges] == [
        ("pashinyan", "putin", 0, 1)  # b began at 3 to 6 steps: perhaps inside, perhaps not
    ]


def test_to_networkx_keeps_nodes_edges_and_their_attributes() -> None:
    ledger = cast()
    call(ledger, "a", ("pashinyan", "putin"), at(0, 0))
    graph = contact_graph(ledger).to_networkx()
    assert sorted(graph.nodes) == ["pashinyan", "putin"]
    assert graph.nodes["putin"]["name"] == "Putin"
    assert graph.edges["pashinyan", "putin"]["possible"] == 1
    assert graph.edges["pashinyan", "putin"]["contacts"] == ["a"]


def test_an_edge_takes_its_instants_as_rfc_3339_text_and_refuses_naive_ones() -> None:
    edge = ContactEdge("a", "b", 1, 1, "2022-09-12T20:00:00Z", "2022-09-13T02:00:00+04:00", (), ())
    assert (edge.first, edge.last) == (
        datetime(2022, 9, 12, 20, tzinfo=UTC),
        datetime(2022, 9, 12, 22, tzinfo=UTC),
    )
    with pytest.raises(LedgerError, match="naive"):
        ContactEdge("a", "b", 1, 1, datetime(2022, 9, 12, 20), edge.last, (), ())  # noqa: DTZ001
