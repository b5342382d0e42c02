"""The W2 peers: double booking, contradiction and ceasefire violation written as SQL.

The same SQL runs on DuckDB (reading the JSON Lines file itself, with explicit columns) and on
SQLite (the lines inserted as text, taken apart with its JSON functions, with indexes). Ingest
flattens the records into plain tables, as a database user would; the checks then compute what
the library's check context computes (the first version of every entry, which entries are
current, who a record rests on, who disputes it, actors' lineage) and the findings, with their
certainty, exactly as the library defines them:

- **double booking**: one person in two current calls or meetings whose times overlap for
  every placement (the interval relations on the bounds, written out as inequalities), not
  linked as one event; possible when either record is disputed;
- **contradiction**: a denial against each record asserting what it denies (the subject
  itself, claims and reports about it, or the subject as its attribution chain asserts it), and
  proposition denials against asserting claims with the same normalised words; the denials
  that contradict the very same entries are one dispute, one finding (grouped in Python, by
  :func:`group_contradictions`);
- **ceasefire violation**: fighting by a party (through ``part_of``) that may go on after a
  ceasefire took effect and began before it ended; definite only when it surely did and nothing
  is in doubt (denials, accusations of someone else, an attacker vouched for by one actor).

Each function returns findings as ``(kind, certainty, entries)`` tuples, one per finding.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

__all__ = [
    "CHECKS",
    "DUCKDB_COLUMNS",
    "DUCKDB_LINKS",
    "Finding",
    "current_sql",
    "duckdb_connect",
    "duckdb_ingest",
    "group_contradictions",
    "run_checks",
    "sqlite_connect",
    "sqlite_ingest",
]

Finding = tuple[str, str, tuple[str, ...]]
CHECKS: Final = ("double_booking", "contradiction", "ceasefire_violation")
FOREVER_US: Final = 253_402_300_799_999_999  # 9999-12-31T23:59:59.999999Z in microseconds


# -- interval relations as SQL -------------------------------------------------------------------

Point = tuple[str, str]  # (earliest, latest) column expressions
# The weak orders of the relations the checks need (points: s1 e1 s2 e2, or p s e).
_BEFORE: Final = ((0,), (1,), (2,), (3,))
_MEETS: Final = ((0,), (1, 2), (3,))
_MET_BY: Final = ((2,), (3, 0), (1,))
_AFTER: Final = ((2,), (3,), (0,), (1,))
_POINT_OTHER: Final = (
    ((0,), (1,), (2,)),  # before
    ((0, 1), (2,)),  # starts
    ((1,), (0, 2)),  # finishes
    ((1,), (2,), (0,)),  # after
)
_POINT_DURING: Final = ((1,), (0,), (2,))


class Dialect:
    """What differs between DuckDB and SQLite in the SQL below."""

    def __init__(self, greatest: str, least: str) -> None:
        self.greatest, self.least = greatest, least

    def many(self, function: str, items: Sequence[str]) -> str:
        return items[0] if len(items) == 1 else f"{function}({', '.join(items)})"

    def feasible(self, points: Sequence[Point], order: Sequence[Sequence[int]]) -> str:
        """Whether the points can be placed in their bounds as the weak order says.

        Groups are equal, successive groups strictly increase: feasible iff each group's
        largest earliest is at most its smallest latest, and below every later group's.
        """
        lows = [self.many(self.greatest, [points[i][0] for i in group]) for group in order]
        highs = [self.many(self.least, [points[i][1] for i in group]) for group in order]
        terms = []
        for k in range(len(order)):
            if len(order[k]) > 1:
                terms.append(f"{lows[k]} <= {highs[k]}")
            terms.extend(f"{lows[k]} < {highs[j]}" for j in range(k + 1, len(order)))
        return "(" + " AND ".join(terms) + ")"

    def clash(self, a: str, b: str) -> str:
        """Two bookings overlap for every placement (touching ends do not count).

        ``a`` and ``b`` prefix the column names: ``"a."`` for ``a.ws``, ``"p_"`` for ``p_ws``.
        """
        span_a = [(f"{a}se", f"{a}sl"), (f"{a}ee", f"{a}el")]
        span_b = [(f"{b}se", f"{b}sl"), (f"{b}ee", f"{b}el")]
        both = [*span_a, *span_b]
        apart = " OR ".join(
            self.feasible(both, order) for order in (_BEFORE, _MEETS, _MET_BY, _AFTER)
        )

        def during(point: str, span: list[Point]) -> str:
            points = [(f"{point}ws", f"{point}wl"), *span]
            others = " OR ".join(self.feasible(points, order) for order in _POINT_OTHER)
            return f"({self.feasible(points, _POINT_DURING)} AND NOT ({others}))"

        return (
            f"(CASE WHEN {a}is_span = 1 AND {b}is_span = 1 THEN NOT ({apart}) "
            f"WHEN {a}is_span = 0 AND {b}is_span = 0 THEN "
            f"({a}ws = {a}wl AND {b}ws = {b}wl AND {a}ws = {b}ws) "
            f"WHEN {a}is_span = 0 THEN {during(a, span_b)} "
            f"ELSE {during(b, span_a)} END)"
        )


DUCKDB: Final = Dialect("greatest", "least")
SQLITE: Final = Dialect("max", "min")


# -- the checks (shared SQL) ---------------------------------------------------------------------


def current_sql() -> list[str]:
    """The first version of every entry (``roots``) and the current entries (``cur``)."""
    return [
        """CREATE TEMP TABLE roots AS WITH RECURSIVE r(id, root) AS (
             SELECT id, id FROM entries WHERE supersedes IS NULL
             UNION ALL
             SELECT e.id, r.root FROM entries e JOIN r ON e.supersedes = r.id)
           SELECT id, root FROM r""",
        "CREATE INDEX roots_id ON roots(id)",
        """CREATE TEMP TABLE retracted AS
           SELECT DISTINCT ro.root FROM retractions x JOIN roots ro ON ro.id = x.entry""",
        """CREATE TEMP TABLE cur AS
           SELECT e.pos, e.id, e.kind, ro.root FROM entries e JOIN roots ro ON ro.id = e.id
           WHERE e.kind <> 'retraction'
             AND NOT EXISTS (SELECT 1 FROM entries s WHERE s.supersedes = e.id)
             AND ro.root NOT IN (SELECT root FROM retracted)""",
        "CREATE INDEX cur_id ON cur(id)",
        "CREATE INDEX cur_root ON cur(root)",
    ]


def _context_sql() -> list[str]:
    """What every check needs: roots, current entries, asserters, denials, lineage."""
    return [
        *current_sql(),
        """CREATE TEMP TABLE asserter AS
           SELECT c.id,
                  CASE c.kind WHEN 'claim' THEN rc.root WHEN 'report' THEN rr.root
                       ELSE rv.root END AS who
           FROM cur c
           LEFT JOIN claims cl ON cl.id = c.id LEFT JOIN roots rc ON rc.id = cl.claimant
           LEFT JOIN reports rp ON rp.id = c.id LEFT JOIN roots rr ON rr.id = rp.reporter
           LEFT JOIN records rec ON rec.id = c.id LEFT JOIN roots rv ON rv.id = rec.via_last""",
        "CREATE INDEX asserter_id ON asserter(id)",
        """CREATE TEMP TABLE abouts AS
           SELECT c.id, rt.root AS target, 'claim' AS kind, cl.stance, ra.root AS accused,
                  rc.root AS who
           FROM cur c JOIN claims cl ON cl.id = c.id JOIN roots rt ON rt.id = cl.about
           JOIN roots rc ON rc.id = cl.claimant LEFT JOIN roots ra ON ra.id = cl.accused
           UNION ALL
           SELECT c.id, rt.root, 'report', NULL, NULL, rr.root
           FROM cur c JOIN reports rp ON rp.id = c.id JOIN roots rt ON rt.id = rp.about
           JOIN roots rr ON rr.id = rp.reporter""",
        "CREATE INDEX abouts_target ON abouts(target)",
        """CREATE TEMP TABLE disputed AS
           SELECT DISTINCT c.id FROM cur c JOIN abouts d ON d.target = c.root
           JOIN asserter a ON a.id = c.id
           WHERE d.kind = 'claim' AND d.stance = 'denies'
             AND (a.who IS NULL OR d.who <> a.who)""",
        "CREATE INDEX disputed_id ON disputed(id)",
        """CREATE TEMP TABLE actor_heads AS
           SELECT c.root, rp.root AS parent, a.kind FROM cur c JOIN actors a ON a.id = c.id
           LEFT JOIN roots rp ON rp.id = a.part_of""",
        "CREATE INDEX actor_heads_root ON actor_heads(root)",
        """CREATE TEMP TABLE lineage AS WITH RECURSIVE l(actor, member) AS (
             SELECT root, root FROM actor_heads
             UNION
             SELECT l.actor, h.parent FROM l JOIN actor_heads h ON h.root = l.member
             WHERE h.parent IS NOT NULL)
           SELECT actor, member FROM l""",
        "CREATE INDEX lineage_actor ON lineage(actor)",
        "CREATE INDEX lineage_member ON lineage(member)",
    ]


def _double_booking_sql(dialect: Dialect) -> tuple[list[str], str]:
    """Bookings of each person; candidate pairs by their reach, then the exact relations.

    A booking's reach runs from its latest start to its earliest end (loosened where the bounds
    cross, as the library does): two bookings can only overlap for every placement if one's
    latest start lies within the other's reach. That is a range join on an index, instead of
    comparing every pair of a person's bookings whose bounds merely overlap.
    """

    def columns(alias: str) -> str:
        names = ("pos", "id", "event_root", "is_span", "ws", "wl", "se", "sl", "ee", "el")
        return ", ".join(f"{alias}.{name} AS {alias}_{name}" for name in names)

    reach_low = f"CASE WHEN t.is_span = 1 THEN {dialect.least}(t.sl, t.el) ELSE t.wl END"
    reach_high = f"CASE WHEN t.is_span = 1 THEN {dialect.greatest}(t.ee, t.se) ELSE t.ws END"
    setup = [
        f"""CREATE TEMP TABLE bookings AS
            SELECT c.pos, c.id, c.root AS event_root, rp.root AS person, t.is_span,
                   t.ws, t.wl, t.se, t.sl, t.ee, t.el,
                   {reach_low} AS r_lo, {reach_high} AS r_hi
            FROM cur c JOIN participants p ON p.entry_id = c.id
            JOIN roots rp ON rp.id = p.actor
            JOIN actor_heads h ON h.root = rp.root AND h.kind = 'person'
            JOIN times t ON t.id = c.id
            WHERE c.kind IN ('call', 'meeting')""",
        "CREATE INDEX bookings_person ON bookings(person, r_lo)",
        "CREATE INDEX bookings_id ON bookings(id, person)",
        """CREATE TEMP TABLE linked AS
           SELECT DISTINCT ra.root AS a, rb.root AS b FROM cur l
           JOIN same_event x ON x.id = l.id JOIN same_event y ON y.id = l.id
           JOIN roots ra ON ra.id = x.entry JOIN roots rb ON rb.id = y.entry
           WHERE ra.root <> rb.root""",
        "CREATE INDEX linked_ab ON linked(a, b)",
        f"""CREATE TEMP TABLE pairs AS
            SELECT p.person, {columns("p")}, {columns("e")}
            FROM bookings p JOIN bookings e
              ON e.person = p.person AND e.r_lo >= p.r_lo AND e.r_lo <= p.r_hi AND e.id <> p.id
            WHERE p.r_lo <= p.r_hi""",
    ]
    query = f"""
        WITH clashes AS (
          SELECT DISTINCT k.person,
                 CASE WHEN k.p_pos < k.e_pos THEN k.p_id ELSE k.e_id END AS first,
                 CASE WHEN k.p_pos < k.e_pos THEN k.e_id ELSE k.p_id END AS second
          FROM pairs k
          WHERE {dialect.clash("k.p_", "k.e_")}
            AND NOT EXISTS (SELECT 1 FROM linked l
                            WHERE l.a = k.p_event_root AND l.b = k.e_event_root))
        SELECT c.first, c.second,
               CASE WHEN NOT EXISTS (SELECT 1 FROM disputed d WHERE d.id IN (c.first, c.second))
                    THEN 'definite' ELSE 'possible' END
        FROM clashes c
    """
    return setup, query


def _contradiction_sql() -> tuple[list[str], list[str]]:
    setup = [
        """CREATE TEMP TABLE cur_claims AS
           SELECT c.pos, c.id, c.root, cl.stance, cl.about, rt.root AS about_root, cl.prop_norm
           FROM cur c JOIN claims cl ON cl.id = c.id LEFT JOIN roots rt ON rt.id = cl.about""",
        """CREATE TEMP TABLE den_subject AS
           SELECT d.id AS denial, s.id AS subject, s.root AS sroot, s.kind AS skind
           FROM cur_claims d JOIN cur s ON s.root = d.about_root
           WHERE d.stance = 'denies' AND d.about IS NOT NULL""",
        """CREATE TEMP TABLE den_assert AS
           SELECT ds.denial, ds.subject, ds.subject AS assertion FROM den_subject ds
           JOIN claims cl ON cl.id = ds.subject WHERE cl.stance IN ('asserts', 'accuses')
           UNION ALL
           SELECT ds.denial, ds.subject, o.id FROM den_subject ds
           JOIN abouts o ON o.target = ds.sroot
           WHERE o.kind = 'report' OR o.stance IN ('asserts', 'accuses')""",
        """INSERT INTO den_assert
           SELECT ds.denial, ds.subject, ds.subject FROM den_subject ds
           JOIN asserter a ON a.id = ds.subject
           WHERE ds.skind NOT IN ('claim', 'report') AND a.who IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM den_assert x WHERE x.denial = ds.denial)""",
    ]
    queries = [
        """SELECT da.subject, da.assertion, da.denial, ca.pos, cd.pos FROM den_assert da
           JOIN cur ca ON ca.id = da.assertion JOIN cur cd ON cd.id = da.denial""",
        """SELECT NULL, a.id, d.id, a.pos, d.pos
           FROM cur_claims d JOIN cur_claims a ON a.prop_norm = d.prop_norm
           WHERE d.stance = 'denies' AND d.about IS NULL AND d.prop_norm <> ''
             AND a.about IS NULL AND a.prop_norm <> '' AND a.stance IN ('asserts', 'accuses')""",
    ]
    return setup, queries


def _ceasefire_sql() -> tuple[list[str], str]:
    setup = [
        """CREATE TEMP TABLE cf AS
           SELECT c.id, f.eff_e, f.eff_l, f.until_e, f.until_l
           FROM cur c JOIN ceasefires f ON f.id = c.id""",
        """CREATE TEMP TABLE cf_parties AS
           SELECT DISTINCT cp.id, r.root AS party FROM cf
           JOIN ceasefire_parties cp ON cp.id = cf.id JOIN roots r ON r.id = cp.party""",
        """CREATE TEMP TABLE fights AS
           SELECT c.id, l.member AS party, h.s_e, h.s_l, h.e_e, h.e_l
           FROM cur c JOIN hostilities h ON h.id = c.id
           JOIN roots ra ON ra.id = COALESCE(h.attacker, h.target)
           JOIN lineage l ON l.actor = ra.root""",
        "CREATE INDEX fights_party ON fights(party, e_l)",
        """CREATE TEMP TABLE violations AS
           SELECT DISTINCT cf.id AS ceasefire, f.id AS fight,
                  CASE WHEN f.e_e > cf.eff_l AND (cf.until_e IS NULL OR f.s_l < cf.until_e)
                       THEN 1 ELSE 0 END AS after_every
           FROM cf JOIN cf_parties p ON p.id = cf.id JOIN fights f ON f.party = p.party
           WHERE f.e_l > cf.eff_e AND (cf.until_l IS NULL OR f.s_e < cf.until_l)""",
        """CREATE TEMP TABLE fight_info AS
           SELECT DISTINCT v.fight AS id, c.root, ra.root AS attacker,
                  COALESCE(a.who, rec.source) AS own_voucher
           FROM violations v JOIN cur c ON c.id = v.fight
           JOIN hostilities h ON h.id = v.fight LEFT JOIN roots ra ON ra.id = h.attacker
           JOIN asserter a ON a.id = v.fight JOIN records rec ON rec.id = v.fight""",
        """CREATE TEMP TABLE fight_abouts AS
           SELECT f.id AS fight, o.kind, o.stance, o.accused, o.who,
                  CASE WHEN o.kind = 'claim' AND o.stance = 'accuses' AND o.accused IS NOT NULL
                        AND f.attacker IS NOT NULL
                        AND EXISTS (SELECT 1 FROM lineage la JOIN lineage lb
                                    ON la.member = lb.member
                                    WHERE la.actor = o.accused AND lb.actor = f.attacker)
                       THEN 1 ELSE 0 END AS matches
           FROM fight_info f JOIN abouts o ON o.target = f.root""",
        """CREATE TEMP TABLE vouchers AS
           SELECT id AS fight, own_voucher AS who FROM fight_info WHERE own_voucher IS NOT NULL
           UNION
           SELECT fight, who FROM fight_abouts
           WHERE matches = 1 OR kind = 'report' OR (kind = 'claim' AND stance = 'asserts')""",
        """CREATE TEMP TABLE fight_doubt AS
           SELECT f.id,
                  CASE WHEN EXISTS (SELECT 1 FROM disputed d WHERE d.id = f.id)
                         OR EXISTS (SELECT 1 FROM fight_abouts a WHERE a.fight = f.id
                                    AND a.kind = 'claim' AND a.stance = 'accuses'
                                    AND a.accused IS NOT NULL AND a.matches = 0)
                         OR (f.attacker IS NOT NULL AND
                             (SELECT COUNT(*) FROM vouchers v WHERE v.fight = f.id) < 2)
                       THEN 1 ELSE 0 END AS doubtful
           FROM fight_info f""",
    ]
    query = """
        SELECT v.ceasefire, v.fight,
               CASE WHEN v.after_every = 1 AND fd.doubtful = 0
                         AND NOT EXISTS (SELECT 1 FROM disputed d WHERE d.id = v.ceasefire)
                    THEN 'definite' ELSE 'possible' END
        FROM violations v JOIN fight_doubt fd ON fd.id = v.fight
    """
    return setup, query


def group_contradictions(
    rows: Sequence[tuple[str | None, str, str, int, int]],
) -> list[Finding]:
    """Contradictions from (subject, assertion, denial, assertion's place, denial's place) rows.

    Each denial contradicts the assertions of its rows; the denials that contradict the same
    subject and the same assertions are one finding: the subject, the assertions and the
    denials, each in the order recorded.
    """
    per_denial: dict[str, tuple[str | None, dict[str, int], int]] = {}
    for subject, assertion, denial, at, place in rows:
        per_denial.setdefault(denial, (subject, {}, place))[1][assertion] = at
    disputes: dict[tuple[str | None, frozenset[str]], tuple[dict[str, int], list[tuple[int, str]]]]
    disputes = {}
    for denial, (subject, assertions, place) in per_denial.items():
        found = disputes.setdefault((subject, frozenset(assertions)), (assertions, []))
        found[1].append((place, denial))
    findings: list[Finding] = []
    for (subject, _), (assertions, denials) in disputes.items():
        said = sorted(assertions, key=assertions.__getitem__)
        entries = (
            *(() if subject is None else (subject,)),
            *said,
            *(d for _, d in sorted(denials)),
        )
        findings.append(("contradiction", "definite", tuple(dict.fromkeys(entries))))
    return findings


def run_checks(execute: Callable[[str], list[tuple[Any, ...]]], dialect: Dialect) -> list[Finding]:
    """Run the three checks through ``execute`` (one statement at a time); all findings."""
    for statement in _context_sql():
        execute(statement)
    findings: list[Finding] = []
    setup, query = _double_booking_sql(dialect)
    for statement in setup:
        execute(statement)
    findings += [("double_booking", c, (a, b)) for a, b, c in execute(query)]
    setup, queries = _contradiction_sql()
    for statement in setup:
        execute(statement)
    rows = [row for query in queries for row in execute(query)]
    findings += group_contradictions(rows)
    setup, query = _ceasefire_sql()
    for statement in setup:
        execute(statement)
    findings += [("ceasefire_violation", c, (a, b)) for a, b, c in execute(query)]
    return findings


# -- DuckDB ----------------------------------------------------------------------------------------

DUCKDB_COLUMNS: Final = (
    "{v: 'INTEGER', id: 'VARCHAR', recorded_at: 'VARCHAR', kind: 'VARCHAR', record: 'JSON', "
    "supersedes: 'VARCHAR', tzdb: 'VARCHAR', batch: 'JSON'}"
)


def _duckdb_norm(expression: str) -> str:
    """normalise_name for ASCII text: case, dashes, punctuation, spacing, a leading "the"."""
    dashed = f"regexp_replace(lower({expression}), '[-_/]', ' ', 'g')"
    kept = f"regexp_replace({dashed}, '[^a-z0-9\\s]', '', 'g')"
    spaced = f"trim(regexp_replace({kept}, '\\s+', ' ', 'g'))"
    return f"regexp_replace({spaced}, '^the ', '')"


def duckdb_connect() -> Any:
    """A fresh in-memory DuckDB connection (two threads, the machine's cores)."""
    import duckdb  # noqa: PLC0415 - a bench-only dependency

    connection = duckdb.connect(":memory:")
    connection.execute("SET threads TO 2")
    connection.execute("SET preserve_insertion_order = true")
    return connection


def duckdb_ingest(connection: Any, path: Path) -> None:
    """Read the JSON Lines file with explicit columns and flatten the records into tables."""
    us = "epoch_us(CAST({} AS TIMESTAMPTZ))"
    statements = [
        f"""CREATE TABLE raw AS SELECT row_number() OVER () AS pos, *
            FROM read_json('{path}', format = 'newline_delimited', columns = {DUCKDB_COLUMNS},
                           maximum_object_size = 16777216)""",
        "CREATE TABLE entries AS SELECT pos, id, kind, supersedes FROM raw",
        """CREATE TABLE records AS
           SELECT id, record->'provenance'->>'source' AS source,
                  list_extract(CAST(json_extract_string(record, '$.provenance.via[*]')
                                    AS VARCHAR[]), -1) AS via_last
           FROM raw WHERE json_exists(record, '$.provenance')""",
        """CREATE TABLE actors AS
           SELECT id, record->>'kind' AS kind, record->>'part_of' AS part_of
           FROM raw WHERE kind = 'actor'""",
        """CREATE TABLE participants AS
           SELECT id AS entry_id, unnest(json_extract_string(record, '$.participants[*].actor'))
                  AS actor FROM raw WHERE kind = 'call'
           UNION ALL
           SELECT id, record->'host'->>'actor' FROM raw WHERE kind = 'meeting'
           UNION ALL
           SELECT id, unnest(json_extract_string(record, '$.visitors[*].actor'))
           FROM raw WHERE kind = 'meeting'""",
        f"""CREATE TABLE times AS
            WITH m AS (SELECT id, record->'when' AS w FROM raw WHERE kind IN ('call', 'meeting'))
            SELECT id,
                   CASE WHEN w->>'type' = 'span' THEN 1 ELSE 0 END AS is_span,
                   {us.format("w->>'earliest'")} AS ws, {us.format("w->>'latest'")} AS wl,
                   {us.format("w->'start'->>'earliest'")} AS se,
                   {us.format("w->'start'->>'latest'")} AS sl,
                   COALESCE({us.format("w->'end'->>'earliest'")},
                            {us.format("w->'ongoing_as_of'->>'earliest'")},
                            {us.format("w->'start'->>'earliest'")}) AS ee,
                   COALESCE({us.format("w->'end'->>'latest'")}, {FOREVER_US}) AS el
            FROM m""",
        f"""CREATE TABLE claims AS
            SELECT id, record->>'claimant' AS claimant, record->>'stance' AS stance,
                   record->>'about' AS about, record->>'accused' AS accused,
                   COALESCE({_duckdb_norm("record->>'proposition'")}, '') AS prop_norm
            FROM raw WHERE kind = 'claim'""",
        """CREATE TABLE reports AS
           SELECT id, record->>'reporter' AS reporter, record->>'about' AS about
           FROM raw WHERE kind = 'report'""",
        f"""CREATE TABLE hostilities AS
            WITH h AS (SELECT id, record, record->'span' AS s FROM raw WHERE kind = 'hostility')
            SELECT id, record->>'attacker' AS attacker, record->>'target' AS target,
                   {us.format("s->'start'->>'earliest'")} AS s_e,
                   {us.format("s->'start'->>'latest'")} AS s_l,
                   COALESCE({us.format("s->'end'->>'earliest'")},
                            {us.format("s->'ongoing_as_of'->>'earliest'")},
                            {us.format("s->'start'->>'earliest'")}) AS e_e,
                   COALESCE({us.format("s->'end'->>'latest'")}, {FOREVER_US}) AS e_l
            FROM h""",
        f"""CREATE TABLE ceasefires AS
            SELECT id, {us.format("record->'effective'->>'earliest'")} AS eff_e,
                   {us.format("record->'effective'->>'latest'")} AS eff_l,
                   {us.format("record->'until'->>'earliest'")} AS until_e,
                   {us.format("record->'until'->>'latest'")} AS until_l
            FROM raw WHERE kind = 'ceasefire'""",
        """CREATE TABLE ceasefire_parties AS
           SELECT id, unnest(json_extract_string(record, '$.parties[*]')) AS party
           FROM raw WHERE kind = 'ceasefire'""",
        *DUCKDB_LINKS,
    ]
    for statement in statements:
        connection.execute(statement)


DUCKDB_LINKS: Final = (
    """CREATE TABLE same_event AS
       SELECT id, unnest(json_extract_string(record, '$.entries[*]')) AS entry
       FROM raw WHERE kind = 'same_event'""",
    """CREATE TABLE retractions AS
       SELECT id, record->>'entry' AS entry FROM raw WHERE kind = 'retraction'""",
    "DROP TABLE raw",
)
"""The last statements of a DuckDB ingest: SameEvent links and retractions, then the raw table
dropped."""


def duckdb_checks(connection: Any) -> list[Finding]:
    """The three checks on an ingested DuckDB database."""

    def execute(statement: str) -> list[tuple[Any, ...]]:
        if statement.startswith("CREATE INDEX"):
            return []  # DuckDB joins by hashing; its ART indexes would only cost time here
        return list(connection.execute(statement).fetchall())

    return run_checks(execute, DUCKDB)


def duckdb_reset(connection: Any) -> None:
    """Drop the temporary tables a run of the checks made, so the next run starts afresh."""
    for (name,) in connection.execute(
        "SELECT table_name FROM duckdb_tables() WHERE temporary"
    ).fetchall():
        connection.execute(f"DROP TABLE temp.{name}")


# -- SQLite ----------------------------------------------------------------------------------------


def _sqlite_us(expression: str) -> str:
    """An ISO 8601 UTC instant as microseconds since the epoch, to the microsecond."""
    return (
        f"(unixepoch(substr({expression}, 1, 19)) * 1000000 + "
        f"CASE WHEN substr({expression}, 20, 1) = '.' "
        f"THEN CAST(substr({expression}, 21, 6) AS INTEGER) ELSE 0 END)"
    )


def _sqlite_norm(expression: str) -> str:
    """normalise_name for ASCII text, with nested replace() (SQLite has no regexp_replace)."""
    text = f"lower({expression})"
    for dash in "-_/":
        text = f"replace({text}, '{dash}', ' ')"
    for mark in ".,!?;:'\"()“”’":
        quoted = mark.replace("'", "''")
        text = f"replace({text}, '{quoted}', '')"
    for _ in range(4):
        text = f"replace({text}, '  ', ' ')"
    text = f"trim({text})"
    return f"CASE WHEN substr({text}, 1, 4) = 'the ' THEN substr({text}, 5) ELSE {text} END"


def sqlite_connect() -> sqlite3.Connection:
    """A fresh in-memory SQLite database."""
    connection = sqlite3.connect(":memory:")
    connection.execute("PRAGMA temp_store = MEMORY")
    connection.execute("PRAGMA cache_size = -1000000")
    return connection


def sqlite_ingest(connection: sqlite3.Connection, path: Path) -> None:
    """Insert the lines as text, flatten them with SQLite's JSON functions, and index them."""
    connection.execute("CREATE TABLE lines (pos INTEGER PRIMARY KEY, line TEXT)")
    with path.open(encoding="utf-8") as file:
        connection.executemany(
            "INSERT INTO lines (pos, line) VALUES (?, ?)",
            ((number, line) for number, line in enumerate(file, 1)),
        )
    us = _sqlite_us

    def moment(prefix: str) -> str:
        return f"""{us(f"json_extract(w, '{prefix}.earliest')")}"""

    statements = [
        """CREATE TABLE raw AS
           SELECT pos, json_extract(line, '$.id') AS id, json_extract(line, '$.kind') AS kind,
                  json_extract(line, '$.supersedes') AS supersedes,
                  json_extract(line, '$.record') AS record
           FROM lines""",
        "DROP TABLE lines",
        "CREATE INDEX raw_kind ON raw(kind)",
        "CREATE TABLE entries AS SELECT pos, id, kind, supersedes FROM raw",
        """CREATE TABLE records AS
           SELECT id, json_extract(record, '$.provenance.source') AS source,
                  json_extract(record, '$.provenance.via[#-1]') AS via_last
           FROM raw WHERE json_type(record, '$.provenance') IS NOT NULL""",
        """CREATE TABLE actors AS
           SELECT id, json_extract(record, '$.kind') AS kind,
                  json_extract(record, '$.part_of') AS part_of
           FROM raw WHERE kind = 'actor'""",
        """CREATE TABLE participants AS
           SELECT r.id AS entry_id, json_extract(p.value, '$.actor') AS actor
           FROM raw r, json_each(r.record, '$.participants') p WHERE r.kind = 'call'
           UNION ALL
           SELECT id, json_extract(record, '$.host.actor') FROM raw WHERE kind = 'meeting'
           UNION ALL
           SELECT r.id, json_extract(p.value, '$.actor')
           FROM raw r, json_each(r.record, '$.visitors') p WHERE r.kind = 'meeting'""",
        f"""CREATE TABLE times AS
            WITH m AS (SELECT id, json_extract(record, '$.when') AS w FROM raw
                       WHERE kind IN ('call', 'meeting'))
            SELECT id,
                   CASE WHEN json_extract(w, '$.type') = 'span' THEN 1 ELSE 0 END AS is_span,
                   {moment("$")} AS ws, {us("json_extract(w, '$.latest')")} AS wl,
                   {moment("$.start")} AS se, {us("json_extract(w, '$.start.latest')")} AS sl,
                   COALESCE({moment("$.end")}, {moment("$.ongoing_as_of")},
                            {moment("$.start")}) AS ee,
                   COALESCE({us("json_extract(w, '$.end.latest')")}, {FOREVER_US}) AS el
            FROM m""",
        f"""CREATE TABLE claims AS
            SELECT id, json_extract(record, '$.claimant') AS claimant,
                   json_extract(record, '$.stance') AS stance,
                   json_extract(record, '$.about') AS about,
                   json_extract(record, '$.accused') AS accused,
                   COALESCE({_sqlite_norm("json_extract(record, '$.proposition')")}, '')
                       AS prop_norm
            FROM raw WHERE kind = 'claim'""",
        """CREATE TABLE reports AS
           SELECT id, json_extract(record, '$.reporter') AS reporter,
                  json_extract(record, '$.about') AS about
           FROM raw WHERE kind = 'report'""",
        f"""CREATE TABLE hostilities AS
            WITH h AS (SELECT id, record, json_extract(record, '$.span') AS w FROM raw
                       WHERE kind = 'hostility')
            SELECT id, json_extract(record, '$.attacker') AS attacker,
                   json_extract(record, '$.target') AS target,
                   {moment("$.start")} AS s_e, {us("json_extract(w, '$.start.latest')")} AS s_l,
                   COALESCE({moment("$.end")}, {moment("$.ongoing_as_of")},
                            {moment("$.start")}) AS e_e,
                   COALESCE({us("json_extract(w, '$.end.latest')")}, {FOREVER_US}) AS e_l
            FROM h""",
        f"""CREATE TABLE ceasefires AS
            SELECT id, {us("json_extract(record, '$.effective.earliest')")} AS eff_e,
                   {us("json_extract(record, '$.effective.latest')")} AS eff_l,
                   {us("json_extract(record, '$.until.earliest')")} AS until_e,
                   {us("json_extract(record, '$.until.latest')")} AS until_l
            FROM raw WHERE kind = 'ceasefire'""",
        """CREATE TABLE ceasefire_parties AS
           SELECT r.id, p.value AS party FROM raw r, json_each(r.record, '$.parties') p
           WHERE r.kind = 'ceasefire'""",
        """CREATE TABLE same_event AS
           SELECT r.id, p.value AS entry FROM raw r, json_each(r.record, '$.entries') p
           WHERE r.kind = 'same_event'""",
        """CREATE TABLE retractions AS
           SELECT id, json_extract(record, '$.entry') AS entry FROM raw
           WHERE kind = 'retraction'""",
        "DROP TABLE raw",
        "CREATE UNIQUE INDEX entries_id ON entries(id)",
        "CREATE INDEX entries_supersedes ON entries(supersedes)",
        "CREATE UNIQUE INDEX records_id ON records(id)",
        "CREATE UNIQUE INDEX actors_id ON actors(id)",
        "CREATE INDEX participants_entry ON participants(entry_id)",
        "CREATE UNIQUE INDEX times_id ON times(id)",
        "CREATE UNIQUE INDEX claims_id ON claims(id)",
        "CREATE INDEX claims_prop ON claims(prop_norm)",
        "CREATE UNIQUE INDEX reports_id ON reports(id)",
        "CREATE UNIQUE INDEX hostilities_id ON hostilities(id)",
        "CREATE UNIQUE INDEX ceasefires_id ON ceasefires(id)",
        "CREATE INDEX ceasefire_parties_id ON ceasefire_parties(id)",
        "CREATE INDEX same_event_id ON same_event(id)",
        "CREATE INDEX retractions_entry ON retractions(entry)",
        "ANALYZE",
    ]
    for statement in statements:
        connection.execute(statement)
    connection.commit()


def sqlite_checks(connection: sqlite3.Connection) -> list[Finding]:
    """The three checks on an ingested SQLite database."""

    def execute(statement: str) -> list[tuple[Any, ...]]:
        return connection.execute(statement).fetchall()

    return run_checks(execute, SQLITE)


def sqlite_reset(connection: sqlite3.Connection) -> None:
    """Drop the temporary tables a run of the checks made."""
    names = connection.execute("SELECT name FROM sqlite_temp_master WHERE type = 'table'")
    for (name,) in names.fetchall():
        connection.execute(f"DROP TABLE temp.{name}")


def describe(findings: list[Finding]) -> str:
    """Counts by kind and certainty, for messages."""
    counts: dict[str, int] = {}
    for kind, certainty, _ in findings:
        key = f"{kind}/{certainty}"
        counts[key] = counts.get(key, 0) + 1
    return json.dumps(dict(sorted(counts.items())))
