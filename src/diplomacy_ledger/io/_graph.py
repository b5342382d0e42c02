"""The contact graph as GraphML and as node-link JSON, with no dependency beyond the stdlib.

GraphML (http://graphml.graphdrawing.org/) is read by Gephi, yEd, Cytoscape and
``networkx.read_graphml``; node-link JSON is the shape of ``networkx.node_link_data`` (with
``"links"``) and of d3's force layouts. Both carry every node's name and kind, and every edge's
contact counts as a range (``definite``, ``possible``), first and last bound (UTC, ISO 8601),
media and contact ids, and the window asked about.

GraphML names nodes by XML name tokens: letters, digits and ``_.:-``. An actor id holding ``/``
or ``@`` is written with each such character as ``_xHHHH_`` (its code point, as .NET's
``XmlConvert`` does; an ``_`` that would read as the start of one becomes ``_x005F_``), and
every node also carries its id as it is, in ``actor``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any, Final

from diplomacy_ledger.contacts import ContactGraph

__all__ = ["graph_graphml", "graph_node_link", "graphml_id"]

_NS: Final = "http://graphml.graphdrawing.org/xmlns"
_NODE_KEYS: Final = (("actor", "string"), ("name", "string"), ("kind", "string"))
_EDGE_KEYS: Final = (
    ("definite", "int"),
    ("possible", "int"),
    ("first", "string"),
    ("last", "string"),
    ("media", "string"),
    ("contacts", "string"),
)


_UNSAFE: Final = re.compile(r"[/@]|_(?=x[0-9A-Fa-f]{4}_)")


def _utc(moment: Any) -> str:
    return str(moment.isoformat().replace("+00:00", "Z"))


def graphml_id(actor: str) -> str:
    """The GraphML node id (an XML name token) an actor id is written as."""
    if "/" not in actor and "@" not in actor and "_x" not in actor:
        return actor
    return _UNSAFE.sub(lambda found: f"_x{ord(found.group()):04X}_", actor)


def graph_node_link(graph: ContactGraph) -> dict[str, Any]:
    """The graph as a JSON-ready node-link dict (``networkx.node_link_graph(..., edges="links")``).

    Media and contact ids are lists; ``graph.window`` is the window asked about, as text (a
    When as :meth:`When.parse <diplomacy_ledger.When.parse>` reads it; a Span as its start and
    end joined by " – "), or null. Node ids are actor ids as they are.
    """
    return {
        "directed": False,
        "multigraph": False,
        "graph": {"window": None if graph.window is None else str(graph.window)},
        "nodes": [{"id": n.id, "name": n.name, "kind": n.kind} for n in graph.nodes],
        "links": [
            {
                "source": e.source,
                "target": e.target,
                "definite": e.definite,
                "possible": e.possible,
                "first": _utc(e.first),
                "last": _utc(e.last),
                "media": list(e.media),
                "contacts": list(e.contacts),
            }
            for e in graph.edges
        ],
    }


def graph_graphml(graph: ContactGraph) -> str:
    """The graph as a GraphML document (undirected). Media and contact ids are space-separated.

    The window asked about, if any, is the graph's ``window`` (as text); node ids are actor ids
    as XML name tokens (see the module documentation), the ids as they are in ``actor``.
    """
    ET.register_namespace("", _NS)
    root = ET.Element(f"{{{_NS}}}graphml")
    ET.SubElement(
        root,
        f"{{{_NS}}}key",
        id="window",
        attrib={"for": "graph", "attr.name": "window", "attr.type": "string"},
    )
    for name, kind in _NODE_KEYS:
        ET.SubElement(
            root,
            f"{{{_NS}}}key",
            id=name,
            attrib={"for": "node", "attr.name": name, "attr.type": kind},
        )
    for name, kind in _EDGE_KEYS:
        ET.SubElement(
            root,
            f"{{{_NS}}}key",
            id=name,
            attrib={"for": "edge", "attr.name": name, "attr.type": kind},
        )
    body = ET.SubElement(root, f"{{{_NS}}}graph", id="contacts", edgedefault="undirected")
    if graph.window is not None:
        ET.SubElement(body, f"{{{_NS}}}data", key="window").text = str(graph.window)
    for node in graph.nodes:
        element = ET.SubElement(body, f"{{{_NS}}}node", id=graphml_id(node.id))
        for name, value in (("actor", node.id), ("name", node.name), ("kind", node.kind)):
            ET.SubElement(element, f"{{{_NS}}}data", key=name).text = value
    for edge in graph.edges:
        element = ET.SubElement(
            body,
            f"{{{_NS}}}edge",
            source=graphml_id(edge.source),
            target=graphml_id(edge.target),
        )
        values = (
            str(edge.definite),
            str(edge.possible),
            _utc(edge.first),
            _utc(edge.last),
            " ".join(edge.media),
            " ".join(edge.contacts),
        )
        for (name, _), value in zip(_EDGE_KEYS, values, strict=True):
            ET.SubElement(element, f"{{{_NS}}}data", key=name).text = value
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
