"""``diplomacy-ledger contacts``: who was in contact with whom, when, how often, as events.

Exit status 0 on success, 2 on bad input (an unreadable file, an unknown actor, a bad zone, an
output that exists), as for ``check``. Entries a file holds but that point at entries it does
not (kept out of the ledger, as ``check`` reports them) are counted on standard error.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from diplomacy_ledger._errors import LedgerError
from diplomacy_ledger.checks import time_text
from diplomacy_ledger.cli._common import EXIT_OK, as_of, load, terminal
from diplomacy_ledger.contacts import (
    Contact,
    contact_counts,
    contact_events,
    contact_graph,
    contacts_of,
    last_contact,
)
from diplomacy_ledger.io import check_output, graph_graphml, graph_node_link, write_output
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.time import When, validate_zone

__all__ = ["add_parser", "run"]

_GRAPH_SUFFIXES = (".graphml", ".json")


def add_parser(commands: Any) -> None:
    """Add the ``contacts`` subcommand to the parser's subcommands."""
    parser = commands.add_parser(
        "contacts",
        help="contacts as events: the last one between two actors, an actor's, counts per day",
        description=(
            "List contacts (calls and meetings that took place, one per event however many "
            "readouts tell it): every contact, an actor's (--actor), or two actors' with their "
            "last contact (--between). --per counts them per local day, week or month of --zone "
            "as [definite, possible] ranges. --graph also writes the graph of the contacts "
            "listed (.graphml or .json). Exit status 0: done; 2: bad input."
        ),
    )
    parser.add_argument("path", type=Path, help="a ledger file (.jsonl or .sqlite)")
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--between", nargs=2, metavar=("A", "B"), help="two actors' contacts")
    who.add_argument("--actor", metavar="A", help="one actor's contacts")
    parser.add_argument("--per", choices=("day", "week", "month"), help="count per bucket")
    parser.add_argument("--zone", help="the calendar and clocks to use (IANA key or offset)")
    parser.add_argument("--as-of", help="the ledger as known at this record time (ISO)")
    parser.add_argument(
        "--graph", type=Path, metavar="FILE", help="write the graph of the contacts listed"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing --graph file")
    parser.add_argument("--format", choices=("text", "json", "csv"), default="text")


def run(args: argparse.Namespace) -> int:
    """Run ``contacts``: check the arguments, load, answer, write the graph if asked."""
    zone = validate_zone(args.zone, where="--zone") if args.zone else None
    if args.per and zone is None:
        raise LedgerError("--per counts on a calendar: give --zone too (UTC if that is meant)")
    if args.per and args.between:
        raise LedgerError("--per counts one actor's contacts (--actor) or everyone's, not a pair's")
    if args.graph is not None and args.graph.suffix.lower() not in _GRAPH_SUFFIXES:
        raise LedgerError("--graph writes a .graphml or a .json file", where=str(args.graph))
    if args.graph is not None:  # refuse before the work, not after
        check_output(args.graph, force=args.force, inputs=[args.path])
    loaded = load(args.path)
    if loaded.rejected:
        print(
            f"diplomacy-ledger: {len(loaded.rejected)} entries kept out for broken references "
            "(`diplomacy-ledger check` names them)",
            file=sys.stderr,
        )
    ledger = as_of(loaded.ledger, args.as_of)
    if args.per:
        _counts(ledger, args, zone)
    elif args.between:
        _between(ledger, args, zone)
    else:
        if args.actor:
            matches = contacts_of(ledger, args.actor)
            rows = [_row(ledger, m.contact, zone) for m in matches]
        else:
            rows = [_row(ledger, contact, zone) for contact in contact_events(ledger)]
        _print_rows(rows, args.format, heading=_count(len(rows)))
    if args.graph is not None:
        if args.between:
            graph = contact_graph(ledger, actor=args.between[0], with_=args.between[1])
        else:
            graph = contact_graph(ledger, actor=args.actor)
        if args.graph.suffix.lower() == ".graphml":
            data = graph_graphml(graph)
        else:
            data = json.dumps(graph_node_link(graph), indent=2, ensure_ascii=False) + "\n"
        write_output(args.graph, data, force=args.force, inputs=[args.path])
        pairs = f"{len(graph.edges)} pair" + ("" if len(graph.edges) == 1 else "s")
        print(f"wrote the contact graph ({len(graph.nodes)} actors, {pairs}) "
              f"to {terminal(str(args.graph))}")  # fmt: skip
    return EXIT_OK


def _count(number: int) -> str:
    return f"{number} contact" + ("" if number == 1 else "s")


def _name(ledger: Ledger, actor: str) -> str:
    """The actor's current name; its id when its record was retracted (the contact stands)."""
    current = ledger.current(actor)
    return getattr(current.record, "name", actor) if current is not None else actor


def _row(ledger: Ledger, contact: Contact, zone: str | None) -> dict[str, Any]:
    return {
        "id": contact.id,
        "entries": list(contact.entries),
        "kind": contact.kind,
        "medium": contact.medium.value,
        "participants": [_name(ledger, actor) for actor in contact.participants],
        "earliest": contact.start.earliest.isoformat().replace("+00:00", "Z"),
        "latest": contact.start.latest.isoformat().replace("+00:00", "Z"),
        "when": _when(contact, zone),
        "sources": list(contact.sources),
    }


def _when(contact: Contact, zone: str | None) -> str:
    """When it began, in words: each readout's start where they disagree, not the span between."""
    start = contact.start
    if not contact.parts or start.either:  # time_text says "one of two instants" itself
        return time_text(start, zone)
    return "one of: " + "; ".join(
        time_text(When.between(low, high, zone=start.zone), zone) for low, high in contact.parts
    )


def _print_rows(rows: list[dict[str, Any]], form: str, *, heading: str) -> None:
    if form == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if form == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        columns = list(rows[0]) if rows else ["id"]
        writer.writerow(columns)
        for row in rows:
            writer.writerow(
                [";".join(v) if isinstance(v, list) else v for v in (row[c] for c in columns)]
            )
        print(out.getvalue(), end="")
        return
    print(heading)
    for row in rows:
        people = ", ".join(terminal(name, 80) for name in row["participants"])
        print(f"  {row['id']}  {row['kind']} ({row['medium']}): {people}")
        print(f"    {terminal(row['when'])}; from {', '.join(map(terminal, row['sources']))}")


def _between(ledger: Ledger, args: argparse.Namespace, zone: str | None) -> None:
    a, b = args.between
    found = last_contact(ledger, a, b)
    rows = [_row(ledger, m.contact, zone) for m in contacts_of(ledger, a, with_=b)]
    last = {
        "certainty": found.certainty,
        "definite": found.definite.id if found.definite else None,
        "possible": [contact.id for contact in found.possible],
    }
    if args.format == "json":
        print(json.dumps({"last": last, "contacts": rows}, indent=2, ensure_ascii=False))
        return
    if args.format == "csv":  # the answer in a column: which contacts are (or may be) the last
        definite = found.definite.id if found.definite else None
        possible = {contact.id for contact in found.possible}
        for row in rows:
            row["last"] = (
                "definite" if row["id"] == definite else "possible" if row["id"] in possible else ""
            )
        _print_rows(rows, "csv", heading="")
        return
    names = f"{terminal(_name(ledger, ledger.resolve_actor(a)))} and "
    names += terminal(_name(ledger, ledger.resolve_actor(b)))
    if found.definite is not None:
        print(f"last contact between {names}: {found.definite.id} (definite)")
    elif found.possible:
        ids = ", ".join(contact.id for contact in found.possible)
        print(f"last contact between {names}: one of {ids} (the times do not settle which)")
    else:
        print(f"no contact between {names}")
    _print_rows(rows, "text", heading=_count(len(rows)))


def _counts(ledger: Ledger, args: argparse.Namespace, zone: str | None) -> None:
    assert zone is not None
    counts = contact_counts(ledger, args.actor, per=args.per, zone=zone)
    rows = [
        {
            "bucket": c.bucket,
            "first_day": c.first_day.isoformat(),
            "last_day": c.last_day.isoformat(),
            "definite": c.definite,
            "possible": c.possible,
        }
        for c in counts
    ]
    if args.format == "json":
        print(json.dumps(rows, indent=2))
        return
    if args.format == "csv":
        _print_rows(rows, "csv", heading="")
        return
    who = terminal(_name(ledger, ledger.resolve_actor(args.actor))) if args.actor else "everyone"
    print(f"contacts of {who} per {args.per} in {zone}: [definite, possible]")
    for row in rows:
        print(f"  {row['bucket']:<12} [{row['definite']}, {row['possible']}]")
