"""The contact questions on a real week (``_february_2022.py``), answered as its docstring says."""

from __future__ import annotations

import io
import json

import networkx

from diplomacy_ledger import (
    When,
    contact_counts,
    contact_events,
    contact_graph,
    contacts_of,
    graph_graphml,
    graph_node_link,
    last_contact,
)
from tests.contacts._february_2022 import KYIV, PARIS, WASHINGTON, ledger


def rows(actor: str, zone: str, per: str = "day") -> list[tuple[str, int, int]]:
    found = contact_counts(ledger(), actor, per=per, zone=zone)  # type: ignore[arg-type]
    return [(c.bucket, c.definite, c.possible) for c in found]


def test_ten_contacts_the_cancelled_meeting_none_and_readouts_once() -> None:
    contacts = contact_events(ledger())
    assert len(contacts) == 10
    assert all("blinken" not in c.participants for c in contacts)
    by_id = {c.id: c for c in contacts}
    assert by_id["macron-biden-fr"].entries == ("macron-biden-fr", "macron-biden-us")
    assert by_id["biden-zelensky-us"].entries == ("biden-zelensky-us", "biden-zelensky-ua")
    # The announcement is among the meeting's readouts, not a second meeting.
    assert by_id["g7-announced"].entries == ("g7-announced", "g7")
    assert by_id["g7-announced"].kind == "meeting"


def test_macron_and_putin_last_spoke_on_the_24th_and_before_the_21st_it_is_open() -> None:
    found = last_contact(ledger(), "Macron", "Putin")
    assert found.certainty == "definite"
    assert found.definite is not None
    assert found.definite.id == "macron-putin-24"
    before = last_contact(
        ledger(), "macron", "Vladimir Putin", before=When.day("2022-02-21", zone=PARIS)
    )
    assert before.certainty == "possible"
    assert {c.id for c in before.possible} == {
        "macron-putin-1",
        "macron-putin-2",
        "putin-macron-21",
    }
    assert last_contact(ledger(), "Blinken", "Lavrov").certainty is None


def test_bidens_days_in_washington_and_in_kyiv() -> None:
    assert rows("Biden", WASHINGTON) == [
        ("2022-02-20", 1, 1),
        ("2022-02-21", 1, 1),
        ("2022-02-23", 0, 2),
        ("2022-02-24", 0, 2),
    ]
    assert rows("biden", KYIV) == [
        ("2022-02-20", 0, 1),
        ("2022-02-21", 0, 2),
        ("2022-02-22", 0, 1),
        ("2022-02-24", 1, 2),
        ("2022-02-25", 0, 1),
    ]
    assert rows("biden", KYIV, per="week") == [("2022-W07", 0, 1), ("2022-W08", 3, 4)]
    assert rows("biden", WASHINGTON, per="week") == [("2022-W07", 1, 1), ("2022-W08", 3, 3)]


def test_the_graph_and_its_exports_read_back() -> None:
    graph = contact_graph(ledger())
    assert len(graph.nodes) == 9
    assert len(graph.edges) == 25
    edges = {(e.source, e.target): e for e in graph.edges}
    assert edges["macron", "putin"][2:4] == (4, 4)
    assert edges["biden", "macron"].media == ("phone", "video")
    for read in (
        networkx.read_graphml(io.StringIO(graph_graphml(graph))),
        networkx.node_link_graph(json.loads(json.dumps(graph_node_link(graph))), edges="links"),
    ):
        assert read.number_of_nodes() == 9
        assert read.number_of_edges() == 25
        assert read.edges["macron", "putin"]["definite"] == 4
    sunday = contact_graph(ledger(), window=When.day("2022-02-20", zone=PARIS))
    assert {(e.source, e.target): (e.definite, e.possible) for e in sunday.edges} == {
        ("biden", "macron"): (1, 1),
        ("macron", "putin"): (2, 3),  # the Kremlin's 21st may have begun on the 20th in Paris
        ("macron", "zelensky"): (1, 1),
        ("putin", "scholz"): (0, 1),
    }


def test_a_state_is_not_its_leader() -> None:
    assert contacts_of(ledger(), "Russian Federation") == []
    assert len(contacts_of(ledger(), "Putin")) == 5
