"""Exports of contacts and events (``io/_graph.py``, ``io/_tables.py``, ``io/_outputs.py``)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import networkx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_ledger import (
    EVENT_COLUMNS,
    Actor,
    ActorKind,
    Medium,
    SameEvent,
    Span,
    Status,
    StoreError,
    When,
    contact_graph,
    event_rows,
    events_arrow,
    events_csv,
    events_dataframe,
    graph_graphml,
    graph_node_link,
)
from diplomacy_ledger.io import write_output
from tests.contacts._ledgers import PEOPLE, T, at, call, cast
from tests.episodes import biden_xi_2021, minsk_2015

NS = "{http://graphml.graphdrawing.org/xmlns}"


def test_graphml_parses_and_says_what_the_graph_says() -> None:
    graph = contact_graph(minsk_2015.ledger())
    root = ET.fromstring(graph_graphml(graph))
    keys = {key.get("id"): (key.get("for"), key.get("attr.type")) for key in root.iter(f"{NS}key")}
    assert keys["definite"] == ("edge", "int")
    assert keys["name"] == ("node", "string")
    [body] = root.iter(f"{NS}graph")
    assert body.get("edgedefault") == "undirected"
    names = {
        node.get("id"): next(d.text for d in node if d.get("key") == "name")
        for node in body.iter(f"{NS}node")
    }
    assert names["merkel"] == "Angela Merkel"
    edges = list(body.iter(f"{NS}edge"))
    assert len(edges) == 6  # four leaders at one summit: every pair once
    data = {d.get("key"): d.text for d in edges[0]}
    assert (data["definite"], data["possible"], data["media"]) == ("1", "1", "in_person")
    assert data["first"] == "2015-02-10T21:00:00Z"  # 11 February began at 00:00 in Minsk


def test_graphml_and_node_link_read_back_into_networkx_alike() -> None:
    graph = contact_graph(minsk_2015.ledger())
    from_xml = networkx.read_graphml(io.BytesIO(graph_graphml(graph).encode("utf-8")))
    data = json.loads(json.dumps(graph_node_link(graph)))
    from_json = networkx.node_link_graph(data, edges="links")
    for read in (from_xml, from_json):
        assert sorted(read.nodes) == sorted(node.id for node in graph.nodes)
        assert read.number_of_edges() == len(graph.edges)
        assert read.edges["merkel", "putin"]["possible"] == 1
        assert read.nodes["hollande"]["name"] == "François Hollande"


def test_hostile_names_are_escaped_in_graphml() -> None:
    ledger = cast()
    ledger.append(Actor('<b>&"x"</b>', ActorKind.PERSON), id="odd", recorded_at=T)
    call(ledger, "c", ("odd", "putin"), at(0, 0))
    text = graph_graphml(contact_graph(ledger))
    read = networkx.read_graphml(io.BytesIO(text.encode("utf-8")))
    assert read.nodes["odd"]["name"] == '<b>&"x"</b>'


def test_one_row_per_event_with_local_dates_in_the_zone_asked_for() -> None:
    ledger = biden_xi_2021.ledger()
    [row] = [r for r in event_rows(ledger, zone="America/New_York") if r["kind"] == "call"]
    assert row["ids"] == ["us-readout", "china-readout"]
    assert row["participants"] == ["biden", "xi"]
    assert row["earliest"] == datetime(2021, 11, 15, 16, tzinfo=UTC)  # where the readouts agree
    assert (row["local_first"], row["local_last"]) == (date(2021, 11, 15), date(2021, 11, 15))
    [beijing] = [r for r in event_rows(ledger, zone="Asia/Shanghai") if r["kind"] == "call"]
    assert (beijing["local_first"], beijing["local_last"]) == (date(2021, 11, 16),) * 2


def test_an_open_end_is_no_end_of_time_in_the_table() -> None:
    rows = {r["kind"]: r for r in event_rows(minsk_2015.ledger(), zone="Europe/Kyiv")}
    assert rows["ceasefire"]["latest"] is None
    assert rows["ceasefire"]["local_last"] is None
    assert rows["hostility"]["local_last"] == date(2015, 2, 18)


def test_csv_pandas_and_arrow_hold_the_same_rows() -> None:
    ledger = minsk_2015.ledger()
    rows = event_rows(ledger, zone="Europe/Kyiv")
    parsed = list(csv.DictReader(io.StringIO(events_csv(ledger, zone="Europe/Kyiv"))))
    assert tuple(parsed[0]) == EVENT_COLUMNS
    assert [r["ids"] for r in parsed] == [";".join(r["ids"]) for r in rows]
    assert parsed[2]["latest"] == ""  # the ceasefire's open end
    frame = events_dataframe(ledger, zone="Europe/Kyiv")
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert str(frame["earliest"].dt.tz) == "UTC"
    table = events_arrow(ledger, zone="Europe/Kyiv")
    assert table.column_names == list(EVENT_COLUMNS)
    assert table.to_pylist()[3]["participants"] == rows[3]["participants"]
    assert str(table.schema.field("earliest").type) == "timestamp[us, tz=UTC]"


def test_outputs_refuse_an_existing_file_an_input_and_a_link(tmp_path: Path) -> None:
    target = tmp_path / "graph.json"
    write_output(target, "{}")
    assert target.read_text() == "{}"
    with pytest.raises(StoreError, match="exists; pass --force"):
        write_output(target, "[]")
    write_output(target, "[]", force=True)
    assert target.read_text() == "[]"
    with pytest.raises(StoreError, match="is an input"):
        write_output(target, "x", force=True, inputs=[target])
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "nowhere.json")
    with pytest.raises(StoreError, match="symbolic link"):
        write_output(link, "x", force=True)
    with pytest.raises(StoreError, match="there is no folder"):
        write_output(tmp_path / "missing" / "x.json", "x")
    assert sorted(os.listdir(tmp_path)) == ["graph.json", "link.json"]  # no temporary left


def test_a_failed_write_is_a_store_error_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)  # the disk fills while the file is written
    target = tmp_path / "graph.graphml"
    with pytest.raises(StoreError, match="No space left on device") as caught:
        write_output(target, "<graphml/>")
    assert str(target) in str(caught.value)
    assert list(tmp_path.iterdir()) == []  # neither the target nor a temporary file


# An XML name token (NMTOKEN): what GraphML's schema asks of node ids, edge ends and key ids.
NAME_TOKEN = re.compile(r"[A-Za-z0-9_.:\-\u00B7\u00C0-\uFFFD]+")


def well_formed_graphml(text: str) -> ET.Element:
    """The document, after checking what GraphML's schema asks and networkx does not check.

    Keys come first and have token ids, each data element names a key declared for its element,
    node ids are unique tokens, and every edge joins two of them.
    """
    root = ET.fromstring(text)
    assert root.tag == f"{NS}graphml"
    children = [child.tag for child in root]
    assert children == [f"{NS}key"] * (len(children) - 1) + [f"{NS}graph"]
    declared = {key.get("id"): key.get("for") for key in root.iter(f"{NS}key")}
    assert all(NAME_TOKEN.fullmatch(str(id)) for id in declared)
    [body] = root.iter(f"{NS}graph")
    nodes = [node.get("id", "") for node in body.iter(f"{NS}node")]
    assert len(set(nodes)) == len(nodes)
    assert all(NAME_TOKEN.fullmatch(id) for id in nodes)
    for edge in body.iter(f"{NS}edge"):
        assert edge.get("source") in nodes
        assert edge.get("target") in nodes
    for owner in (body, *body):
        kind = owner.tag.removeprefix(NS)
        for data in owner.findall(f"{NS}data"):
            assert declared[data.get("key")] == kind
    return root


def test_actor_ids_that_are_no_xml_names_are_written_as_names_and_kept_as_they_are() -> None:
    ledger = cast()
    for id in ("un/sg", "envoy@un", "odd_x0040_id"):
        ledger.append(Actor(id.upper(), ActorKind.PERSON), id=id, recorded_at=T)
    call(ledger, "c", ("un/sg", "envoy@un", "odd_x0040_id"), at(0, 0))
    call(ledger, "d", ("un/sg", "putin"), at(2, 2))
    graph = contact_graph(ledger, window=Span(at(0, 0), at(1, 1)))
    text = graph_graphml(graph)
    root = well_formed_graphml(text)
    [body] = root.iter(f"{NS}graph")
    ids = [node.get("id") for node in body.iter(f"{NS}node")]
    assert ids == ["envoy_x0040_un", "odd_x005F_x0040_id", "un_x002F_sg"]
    read = networkx.read_graphml(io.StringIO(text))
    assert read.graph["window"] == str(graph.window)
    back = networkx.relabel_nodes(read, {n: read.nodes[n]["actor"] for n in read.nodes})
    assert sorted(back.nodes) == ["envoy@un", "odd_x0040_id", "un/sg"]
    assert sorted(back.edges) == sorted(graph.to_networkx().edges)
    assert back.edges["un/sg", "envoy@un"]["contacts"] == "c"
    linked = networkx.node_link_graph(json.loads(json.dumps(graph_node_link(graph))), edges="links")
    assert sorted(linked.nodes) == sorted(back.nodes)
    assert linked.graph["window"] == str(graph.window)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(PEOPLE), min_size=2, max_size=4, unique=True),
            st.integers(0, 30),
            st.integers(0, 8),
            st.sampled_from(list(Medium)),
        ),
        max_size=8,
    )
)
def test_both_exports_say_what_the_graph_says(
    drawn: list[tuple[list[str], int, int, Medium]],
) -> None:
    ledger = cast()
    for number, (people, low, length, medium) in enumerate(drawn):
        call(ledger, f"c{number}", tuple(people), at(low, low + length), medium=medium)
    graph = contact_graph(ledger, window=Span(at(4, 4), at(20, 20)))
    expected = graph.to_networkx()
    for attributes in expected.edges.values():
        attributes["media"] = " ".join(attributes["media"])
        attributes["contacts"] = " ".join(attributes["contacts"])
        for end in ("first", "last"):
            attributes[end] = attributes[end].replace("+00:00", "Z")
    text = graph_graphml(graph)
    well_formed_graphml(text)
    read = networkx.read_graphml(io.StringIO(text))
    assert dict(read.nodes(data=True)) == {
        node.id: {"actor": node.id, "name": node.name, "kind": node.kind} for node in graph.nodes
    }
    assert {frozenset(e): d for *e, d in read.edges(data=True)} == {
        frozenset(e): d for *e, d in expected.edges(data=True)
    }
    data = graph_node_link(graph)
    assert json.loads(json.dumps(data)) == data
    linked = networkx.node_link_graph(data, edges="links")
    assert {frozenset(e): d["possible"] for *e, d in linked.edges(data=True)} == {
        frozenset((e.source, e.target)): e.possible for e in graph.edges
    }


def test_a_row_is_placed_by_the_readouts_that_say_the_event_took_place() -> None:
    ledger = cast()
    call(
        ledger,
        "announced",
        ("pashinyan", "putin", "macron"),
        When.day("2022-09-12", zone="UTC"),
        status=Status.PLANNED,
    )
    call(ledger, "held", ("putin", "pashinyan"), When.day("2022-09-14", zone="UTC"))
    ledger.append(SameEvent(("announced", "held")), id="link", recorded_at=T)
    [row] = event_rows(ledger, zone="UTC")
    assert row["ids"] == ["announced", "held"]
    assert row["status"] == "planned;occurred"
    assert row["participants"] == ["putin", "pashinyan"]
    assert (row["local_first"], row["local_last"]) == (date(2022, 9, 14), date(2022, 9, 14))
