"""The W5 peer: contacts per local day for every actor, and the contact graph, in DuckDB SQL.

Read from the JSON Lines file itself (with explicit columns), as a database user would, and
computed as the library defines them (``docs/contacts.md``): current calls and meetings; the
records linked by SameEvent, through chains of links (a recursive query), are one contact; a
contact took place when a readout says it occurred, and is in doubt (possible only) when another
says it was called off at a time it may have been held (at another time, it was put off) or a
claim denies one that says it occurred; the
readouts that say it occurred place it and name who took part: it began where their starts
overlap, or, where they cannot all hold, within one of them; per actor and local day of the
zone, a contact whose start surely falls on the day counts in ``definite`` and ``possible``, one
that only may counts in ``possible`` on every day it may fall on. The graph: every pair of a
contact's participants, the number of contacts, the earliest start and the latest.

The zone used has no skipped days (the library leaves those out; a SQL calendar would need a
table of them).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Final

from benchmarks.peers.sql_checks import DUCKDB_COLUMNS, DUCKDB_LINKS, current_sql

__all__ = [
    "ZONE",
    "duckdb_answers",
    "duckdb_contacts",
    "duckdb_contacts_ingest",
    "our_answers",
    "ours",
    "ours_every_row",
]

ZONE: Final = "Europe/Paris"

Counts = dict[tuple[str, date], tuple[int, int]]
Edges = dict[tuple[str, str], tuple[int, int, int, int]]


def duckdb_contacts_ingest(connection: Any, path: Path) -> None:
    """Flatten what the contacts need: entries, calls and meetings, participants, links."""
    us = "epoch_us(CAST({} AS TIMESTAMPTZ))"
    start = "CASE WHEN r->'when'->>'type' = 'span' THEN {s} ELSE {w} END"
    statements = [
        "SET TimeZone = 'UTC'",
        f"""CREATE TABLE raw AS SELECT row_number() OVER () AS pos, *
            FROM read_json('{path}', format = 'newline_delimited', columns = {DUCKDB_COLUMNS},
                           maximum_object_size = 16777216)""",
        "CREATE TABLE entries AS SELECT pos, id, kind, supersedes FROM raw",
        f"""CREATE TABLE cm AS
            WITH m AS (SELECT id, kind, record AS r FROM raw WHERE kind IN ('call', 'meeting'))
            SELECT id, coalesce(r->>'status', 'occurred') AS status,
                   {
            start.format(
                s=us.format("r->'when'->'start'->>'earliest'"),
                w=us.format("r->'when'->>'earliest'"),
            )
        } AS se,
                   {
            start.format(
                s=us.format("r->'when'->'start'->>'latest'"), w=us.format("r->'when'->>'latest'")
            )
        } AS sl,
                   coalesce({us.format("r->'when'->'end'->>'latest'")}, {
            start.format(
                s=us.format("r->'when'->'start'->>'latest'"), w=us.format("r->'when'->>'latest'")
            )
        }) AS el,
                   coalesce(r->>'medium', CASE kind WHEN 'call' THEN 'phone'
                                                    ELSE 'in_person' END) AS medium
            FROM m""",
        """CREATE TABLE people AS
           SELECT id, unnest(json_extract_string(record, '$.participants[*].actor')) AS actor
           FROM raw WHERE kind = 'call'
           UNION ALL
           SELECT id, record->'host'->>'actor' FROM raw
           WHERE kind = 'meeting' AND record->'host'->>'actor' IS NOT NULL
           UNION ALL
           SELECT id, unnest(json_extract_string(record, '$.visitors[*].actor'))
           FROM raw WHERE kind = 'meeting'""",
        """CREATE TABLE denials AS
           SELECT id, record->>'about' AS about FROM raw
           WHERE kind = 'claim' AND record->>'stance' = 'denies'
             AND record->>'about' IS NOT NULL""",
        *DUCKDB_LINKS,
    ]
    for statement in statements:
        connection.execute(statement)


_CONTACTS: Final = [
    # The links' members, by first version; chains of links are one event.
    """CREATE TEMP TABLE members AS
       SELECT s.id AS link, ro.root AS member
       FROM same_event s JOIN cur l ON l.id = s.id JOIN roots ro ON ro.id = s.entry""",
    """CREATE TEMP TABLE link_edges AS
       SELECT DISTINCT a.member AS a, b.member AS b
       FROM members a JOIN members b ON a.link = b.link AND a.member <> b.member""",
    """CREATE TEMP TABLE component AS
       WITH RECURSIVE reach(node, root) AS (
         SELECT DISTINCT member, member FROM members
         UNION
         SELECT e.b, r.root FROM reach r JOIN link_edges e ON e.a = r.node)
       SELECT node, min(root) AS event FROM reach GROUP BY node""",
    """CREATE TEMP TABLE denied AS
       SELECT DISTINCT ro.root FROM denials d JOIN cur c ON c.id = d.id
       JOIN roots ro ON ro.id = d.about""",
    """CREATE TEMP TABLE readouts AS
       SELECT c.pos, c.id, coalesce(k.event, c.root) AS event, m.status, m.se, m.sl, m.el,
              m.medium, c.root IN (SELECT root FROM denied) AS denied
       FROM cur c JOIN cm m ON m.id = c.id LEFT JOIN component k ON k.node = c.root""",
    # Called off at a time it may have been held: in doubt (called off at another, put off).
    """CREATE TEMP TABLE called_off AS
       SELECT DISTINCT c.event FROM readouts c JOIN readouts o
         ON o.event = c.event AND c.status = 'cancelled' AND o.status = 'occurred'
        AND c.se <= o.el AND o.se <= c.el""",
    """CREATE TEMP TABLE contacts AS
       WITH g AS (
         SELECT event, arg_min(id, pos) AS first,
                bool_or(status = 'occurred') AS occurred,
                bool_or(status = 'occurred' AND denied)
                  OR event IN (SELECT event FROM called_off) AS doubted,
                max(se) FILTER (WHERE status = 'occurred') AS lo_i,
                min(sl) FILTER (WHERE status = 'occurred') AS hi_i,
                min(se) FILTER (WHERE status = 'occurred') AS lo_u,
                max(sl) FILTER (WHERE status = 'occurred') AS hi_u
         FROM readouts GROUP BY event)
       SELECT event, first, doubted, lo_i <= hi_i AS agree,
              CASE WHEN lo_i <= hi_i THEN lo_i ELSE lo_u END AS lo,
              CASE WHEN lo_i <= hi_i THEN hi_i ELSE hi_u END AS hi
       FROM g WHERE occurred""",
    # Where it may have begun: one interval where the readouts agree, else each one's start.
    """CREATE TEMP TABLE parts AS
       SELECT event, lo, hi FROM contacts WHERE agree
       UNION ALL
       SELECT r.event, r.se, r.sl FROM readouts r JOIN contacts c ON c.event = r.event
       WHERE NOT c.agree AND r.status = 'occurred'""",
    """CREATE TEMP TABLE contact_people AS
       SELECT DISTINCT r.event, ro.root AS actor
       FROM readouts r JOIN people p ON p.id = r.id JOIN roots ro ON ro.id = p.actor
       WHERE r.status = 'occurred' AND r.event IN (SELECT event FROM contacts)""",
]


def duckdb_contacts(connection: Any, *, columns: bool = False) -> tuple[Any, Any]:
    """The rows: per (actor, local day) [definite, possible]; per pair, count, first, last.

    As Python tuples (``fetchall``), or with ``columns`` as two Arrow tables (DuckDB's columnar
    result, no Python object per row; needs pyarrow).
    """
    for statement in [*current_sql(), *_CONTACTS]:
        if not statement.startswith("CREATE INDEX"):
            connection.execute(statement)
    local = f"timezone('{ZONE}', make_timestamp({{}})::TIMESTAMPTZ)::DATE"
    days = f"""WITH d AS (SELECT p.event, {local.format("p.lo")} AS d_lo,
                              {local.format("p.hi")} AS d_hi, c.agree, c.doubted
                       FROM parts p JOIN contacts c ON c.event = p.event),
                 spread AS (
                   SELECT event, d_lo AS day, NOT doubted AS sure FROM d
                   WHERE agree AND d_lo = d_hi
                   UNION ALL
                   SELECT event, unnest(generate_series(d_lo, d_hi, INTERVAL 1 DAY))::DATE,
                          false FROM d WHERE agree AND d_lo <> d_hi),
                 apart AS (
                   SELECT DISTINCT event, doubted,
                          unnest(generate_series(d_lo, d_hi, INTERVAL 1 DAY))::DATE AS day
                   FROM d WHERE NOT agree),
                 placed AS (
                   SELECT event, day, sure FROM spread
                   UNION ALL
                   SELECT event, day, count(*) OVER (PARTITION BY event) = 1 AND NOT doubted
                   FROM apart)
            SELECT p.actor, placed.day, sum(CASE WHEN sure THEN 1 ELSE 0 END), count(*)
            FROM placed JOIN contact_people p ON p.event = placed.event
            GROUP BY p.actor, placed.day"""
    pairs = """SELECT a.actor, b.actor, count(*) FILTER (WHERE NOT c.doubted), count(*),
                  min(c.lo), max(c.hi)
           FROM contact_people a JOIN contact_people b ON a.event = b.event AND a.actor < b.actor
           JOIN contacts c ON c.event = a.event
           GROUP BY a.actor, b.actor"""
    if columns:
        return connection.sql(days).to_arrow_table(), connection.sql(pairs).to_arrow_table()
    return connection.execute(days).fetchall(), connection.execute(pairs).fetchall()


def duckdb_answers(rows: tuple[Any, Any]) -> tuple[Counts, Edges]:
    """DuckDB's rows (or Arrow tables) as the answers compared."""
    days, pairs = (_tuples(table) for table in rows)
    counts: Counts = {(actor, day): (int(d), int(p)) for actor, day, d, p in days}
    edges: Edges = {
        (a, b): (int(sure), int(n), int(lo), int(hi)) for a, b, sure, n, lo, hi in pairs
    }
    return counts, edges


def _tuples(table: Any) -> list[Any]:
    if hasattr(table, "columns"):  # an Arrow table
        return list(zip(*(column.to_pylist() for column in table.columns), strict=True))
    return list(table)


def ours(ledger: Any) -> tuple[dict[str, Any], Any]:
    """The library's answers: the counts for every actor in contact, and contact_graph.

    The counts are :class:`~diplomacy_ledger.ContactCounts`, whose rows are made when read.
    """
    from diplomacy_ledger import contact_counts_by_actor, contact_graph  # noqa: PLC0415

    return contact_counts_by_actor(ledger, per="day", zone=ZONE), contact_graph(ledger)


def ours_every_row(ledger: Any) -> tuple[dict[str, Any], Any]:
    """:func:`ours`, with every row of the counts made (a list per actor), as fetchall makes."""
    per_actor, graph = ours(ledger)
    return {actor: list(counts) for actor, counts in per_actor.items()}, graph


def our_answers(result: tuple[dict[str, Any], Any]) -> tuple[Counts, Edges]:
    """The library's answers as the answers compared."""
    from diplomacy_ledger.time import utc_micros  # noqa: PLC0415

    per_actor, graph = result
    counts: Counts = {
        (actor, bucket.first_day): (bucket.definite, bucket.possible)
        for actor, buckets in per_actor.items()
        for bucket in buckets
    }
    edges: Edges = {
        (e.source, e.target): (e.definite, e.possible, utc_micros(e.first), utc_micros(e.last))
        for e in graph.edges
    }
    return counts, edges
