"""Run every benchmark workload, each peer side by side on the same data, and print the table.

``python benchmarks/run.py`` runs at the default size (100,000 entries; under 10 minutes on two
cores); ``python benchmarks/run.py --size 1000000`` is the full run. ``--markdown FILE`` also
writes the table as Markdown. See README.md beside this file for what each workload measures.

Every peer's answers are asserted equal to ours before its time counts. A peer too slow to run in
full is run on a random part of the queries (or timed at sampled steps) within a time budget and
its total extrapolated; the table marks it ``~``.
"""

from __future__ import annotations

import argparse
import collections
import gc
import importlib.util
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import SKEWED_ACTOR, ensure_dataset, read_meta
from benchmarks.peers import scan, sql_checks, sql_contacts, stn
from diplomacy_ledger import BUILTIN_CHECKS, Ledger, __version__, check, load_jsonl
from diplomacy_ledger.checks._context import _LastContext
from diplomacy_ledger.contacts._contact import _Cache as _ContactCache
from diplomacy_ledger.io import encode_entry

T = TypeVar("T")
HERE = Path(__file__).resolve().parent


@dataclass
class Row:
    """One line of the table: our time, a peer's, and the goal for peer ÷ ours."""

    workload: str
    size: int
    variant: str
    ours: float
    peer: str
    theirs: float | None
    goal: float | None = None  # peer ÷ ours must be at least this (None: shown for scale)
    strict: bool = False  # the goal is "more than" rather than "at least"
    note: str = ""
    extrapolated: bool = False

    @property
    def speedup(self) -> float | None:
        return None if self.theirs is None else self.theirs / self.ours

    def verdict(self) -> str:
        speedup = self.speedup
        if self.goal is None or speedup is None:
            return "—"
        met = speedup > self.goal if self.strict else speedup >= self.goal
        if met:
            return "met"
        return f"missed: {self.goal / speedup:.1f}× too slow"


@dataclass
class Measure:
    """A value with a goal that is not a time ratio (memory, import, growth)."""

    what: str
    value: float
    unit: str
    limit: float
    note: str = ""

    def verdict(self) -> str:
        if self.value <= self.limit:
            return "met"
        over = self.value / self.limit
        if over < 1.01:  # "1.00×" would hide that it was missed
            return f"missed by {100 * (over - 1):.1f} %"
        return f"missed by {over:.2f}×"


def timed(function: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def _reset_check_cache() -> None:
    _LastContext.ledger = _LastContext.key = _LastContext.context = None


def _reset_contact_cache() -> None:
    _ContactCache.ledger = _ContactCache.key = _ContactCache.ordered = _ContactCache.keys = None
    _ContactCache.contacts, _ContactCache.by_actor, _ContactCache.memo = (), {}, {}
    _ContactCache.indexes = []


def ids(entries: Sequence[Any]) -> list[str]:
    return [entry.id for entry in entries]


# -- W1 --------------------------------------------------------------------------------------------


def _paused(function: Callable[[], T]) -> Callable[[], T]:
    """``function`` run with the cyclic GC paused, as ``load_jsonl`` runs itself."""

    def run() -> T:
        gc.disable()
        try:
            return function()
        finally:
            gc.enable()

    return run


def w1_load(path: Path, size: int, variant: str, rows: list[Row]) -> Ledger:
    """W1: each peer first, in a clean heap, then ours.

    A ledger already in memory would slow the peers' garbage collection, which is not theirs to
    pay. Peers run twice: as a user would write them (cyclic GC on) and with the GC paused as
    ``load_jsonl`` pauses it; the goals are judged on the paused runs, the stricter comparison.
    """
    from benchmarks.peers.pydantic_models import LINE, dump_line  # noqa: PLC0415

    json_module = json

    def bare() -> list[Any]:
        return [json_module.loads(line) for line in path.read_bytes().splitlines()]

    def validated() -> list[Any]:
        return [LINE.validate_json(line) for line in path.read_bytes().splitlines()]

    times: dict[str, float] = {}
    for name, function in (("json", bare), ("pydantic", validated)):
        for paused in (False, True):
            gc.collect()
            say(f"W1 {size:,} ({variant}): {name}{', GC paused' if paused else ''}")
            seconds, parsed = timed(_paused(function) if paused else function)
            times[f"{name}{' paused' if paused else ''}"] = seconds
            if name == "pydantic" and paused:
                stride = 1 if size <= 200_000 else 10
                dumped = [dump_line(parsed[index]) for index in range(0, size, stride)]
            del parsed
    gc.collect()

    say(f"W1 load {size:,} ({variant}): ours (load_jsonl, fully validated)")
    ours, result = timed(lambda: load_jsonl(path))
    ledger = result.ledger
    assert len(ledger) == size, "the generated ledger did not load whole"
    assert not result.findings, "the generated ledger has findings at load"
    entries = list(ledger)
    for number, index in enumerate(range(0, size, stride)):
        expected = json_module.loads(encode_entry(entries[index], tzdb="the same"))
        dumped[number]["tzdb"] = expected["tzdb"]
        assert dumped[number] == expected, f"pydantic and ours differ on line {index + 1}"
    del dumped
    checked = f"{'every' if stride == 1 else f'every {stride}th'} line checked equal to ours"
    for name, label, goal, strict in (
        ("json", "json.loads (bare)", 1 / 1.5, False),
        ("pydantic", "pydantic v2 strict", 1.0, True),
    ):
        rows.append(
            Row("W1 load", size, variant, ours, f"{label}, GC on", times[name], note="as written")
        )
        note = checked if name == "pydantic" else ""
        rows.append(
            Row(
                "W1 load",
                size,
                variant,
                ours,
                f"{label}, GC paused",
                times[f"{name} paused"],
                goal,
                strict,
                note,
            )
        )
    return ledger


# -- W2 --------------------------------------------------------------------------------------------


def _our_checks(ledger: Ledger, only: Sequence[str] | None) -> tuple[float, list[Any]]:
    _reset_check_cache()
    seconds, findings = timed(lambda: check(ledger, only=only))
    _reset_check_cache()
    return seconds, findings


def w2_checks(path: Path, ledger: Ledger, size: int, variant: str, rows: list[Row]) -> float:
    say(f"W2 checks {size:,} ({variant}): ours, every built-in check")
    every, findings = _our_checks(ledger, None)
    counts = collections.Counter(f.kind for f in findings)
    say(f"   {len(findings):,} findings: {dict(sorted(counts.items()))}")
    say("W2: ours, the three checks the SQL peers implement")
    three, ours_findings = _our_checks(ledger, sql_checks.CHECKS)
    ours = collections.Counter((f.kind, f.certainty, f.entries) for f in ours_findings)
    rows.append(
        Row(
            f"W2 all {len(BUILTIN_CHECKS)} checks",
            size,
            variant,
            every,
            "(ours alone)",
            None,
            note=f"{len(findings):,} findings",
        )
    )
    for name, connect, ingest, run, reset in (
        (
            "DuckDB SQL",
            sql_checks.duckdb_connect,
            sql_checks.duckdb_ingest,
            sql_checks.duckdb_checks,
            sql_checks.duckdb_reset,
        ),
        (
            "SQLite SQL + indexes",
            sql_checks.sqlite_connect,
            sql_checks.sqlite_ingest,
            sql_checks.sqlite_checks,
            sql_checks.sqlite_reset,
        ),
    ):
        say(f"W2: {name}: ingest")
        connection = connect()
        ingest_time, _ = timed(lambda: ingest(connection, path))  # noqa: B023
        say(f"W2: {name}: the three checks")
        query_time, theirs = timed(lambda: run(connection))  # noqa: B023
        reset(connection)
        found = collections.Counter(theirs)
        assert found == ours, f"{name} and ours differ: {sql_checks.describe(theirs)}"
        goal = 1.0 if name.startswith("DuckDB") else 20.0
        rows.append(
            Row(
                "W2 3 checks",
                size,
                variant,
                three,
                name,
                query_time,
                goal,
                note=f"ingest {ingest_time:.1f} s not counted; "
                f"{sum(found.values()):,} findings equal",
            )
        )
        connection.close()
    return every


def w2_naive(rows: list[Row]) -> None:
    from benchmarks.peers.naive import naive_checks  # noqa: PLC0415

    path = ensure_dataset(10_000, "uniform")
    ledger = load_jsonl(path).ledger
    say("W2 at 10,000 (uniform): naive pairwise Python loops, for scale")
    three, ours_findings = _our_checks(ledger, sql_checks.CHECKS)
    seconds, theirs = timed(lambda: naive_checks(ledger))
    ours = collections.Counter((f.kind, f.certainty, f.entries) for f in ours_findings)
    assert collections.Counter(theirs) == ours, "the naive loops and ours differ"
    rows.append(Row("W2 3 checks", 10_000, "uniform", three, "naive pairwise Python", seconds))


# -- W3 --------------------------------------------------------------------------------------------


def _sampled(
    answer: Callable[[scan.Query], list[Any]],
    queries: Sequence[scan.Query],
    expected: Sequence[list[str]],
    budget: float,
    keep: Callable[[scan.Query], bool] = lambda _: True,
) -> tuple[float, int, int]:
    """Run queries in order (they are shuffled) until the budget is spent; (time, done, total)."""
    chosen = [index for index, query in enumerate(queries) if keep(query)]
    spent, done = 0.0, 0
    for index in chosen:
        started = time.perf_counter()
        found = answer(queries[index])
        spent += time.perf_counter() - started
        assert ids(found) == expected[index], f"query {index} answered differently"
        done += 1
        if spent > budget:
            break
    return spent, done, len(chosen)


# -- W5 --------------------------------------------------------------------------------------------


def w5_contacts(path: Path, ledger: Ledger, size: int, variant: str, rows: list[Row]) -> None:
    """Contacts per local day for every actor, and the contact graph, against DuckDB SQL.

    Two comparisons of like with like: our counts as returned (runs of equal counts, each row
    made when read) against DuckDB's result as Arrow columns; and every row of ours made (a
    list of rows per actor) against DuckDB's rows fetched as Python tuples. Each is timed in
    turn, after a full collection, best of three rounds up to 100,000 entries (one above).
    """
    zone = sql_contacts.ZONE
    say(f"W5 contacts {size:,} ({variant}): ours, per day in {zone} for every actor, and the graph")
    _reset_contact_cache()
    answers = sql_contacts.our_answers(sql_contacts.ours(ledger))
    buckets, pairs = len(answers[0]), len(answers[1])
    columns_too = importlib.util.find_spec("pyarrow") is not None
    best: dict[str, tuple[float, float]] = {}  # wall-clock seconds, and CPU seconds then
    ingest = 0.0

    def cpu_timed(function: Callable[[], T]) -> tuple[float, float, T]:
        cpu = time.process_time()
        seconds, result = timed(function)
        return seconds, time.process_time() - cpu, result

    def ours(function: Callable[[Any], Any]) -> tuple[float, float]:
        _reset_contact_cache()
        gc.collect()
        seconds, cpu, found = cpu_timed(partial(function, ledger))
        assert sql_contacts.our_answers(found) == answers
        return seconds, cpu

    def duckdb(columns: bool) -> tuple[float, float]:
        nonlocal ingest
        connection = sql_checks.duckdb_connect()
        ingest, _ = timed(partial(sql_contacts.duckdb_contacts_ingest, connection, path))
        gc.collect()
        seconds, cpu, theirs = cpu_timed(
            partial(sql_contacts.duckdb_contacts, connection, columns=columns)
        )
        assert sql_contacts.duckdb_answers(theirs) == answers, "DuckDB and ours differ"
        connection.close()
        return seconds, cpu

    runs: list[tuple[str, Callable[[], tuple[float, float]]]] = [
        ("ours", lambda: ours(sql_contacts.ours)),
        ("ours, every row", lambda: ours(sql_contacts.ours_every_row)),
        ("DuckDB, rows", lambda: duckdb(False)),
    ]
    if columns_too:
        runs.append(("DuckDB, Arrow", lambda: duckdb(True)))
    rounds = 3 if size <= 100_000 else 1
    for round in range(rounds):
        for name, run in runs:
            say(f"W5 round {round + 1} of {rounds}: {name}")
            measured = run()
            best[name] = min(best.get(name, measured), measured)
    for mine, peer, label, peer_name in (
        ("ours", "DuckDB, Arrow", "rows made on reading", "DuckDB SQL, Arrow"),
        ("ours, every row", "DuckDB, rows", "every row made", "DuckDB SQL, rows"),
    ):
        if peer not in best:
            continue
        rows.append(
            Row(
                f"W5 contacts per day + graph ({label})",
                size,
                variant,
                best[mine][0],
                peer_name,
                best[peer][0],
                1.0,
                note=f"best of {rounds}; CPU s: ours {best[mine][1]:.2f}, DuckDB "
                f"{best[peer][1]:.2f} (its threads summed); ingest {ingest:.1f} s not counted; "
                f"{buckets:,} actor-days and {pairs:,} pairs equal",
            )
        )


def w3_queries(ledger: Ledger, size: int, variant: str, budget: float, rows: list[Row]) -> None:
    actors = ids(ledger.by_kind("actor"))
    queries = scan.make_queries(actors, heavy_actor=SKEWED_ACTOR if variant == "skewed" else None)
    windows = [q for q in queries if q.actor is None]
    say(f"W3 {len(queries):,} queries on {size:,} ({variant}): ours")
    ledger._time_index = None  # built on the first window query; timed apart
    build, _ = timed(ledger._time_index_built)
    answers: list[list[str]] = []
    window_time = actor_time = 0.0
    for query in queries:
        seconds, found = timed(lambda: scan.ours(ledger, query))  # noqa: B023
        if query.actor is None:
            window_time += seconds
        else:
            actor_time += seconds
        answers.append(ids(found))
    results = sum(len(a) for a in answers)
    say(f"   {results:,} results; index built in {build:.2f} s")
    say("W3: linear scan")
    linear_build, linear = timed(lambda: scan.LinearScan(ledger))
    for label, keep, ours_time in (
        ("windows", lambda q: q.actor is None, window_time),
        ("actors", lambda q: q.actor is not None, actor_time),
    ):
        spent, done, total = _sampled(linear.answer, queries, answers, budget / 2, keep)
        estimate = spent * total / done
        rows.append(
            Row(
                f"W3 {total:,} {label}",
                size,
                variant,
                ours_time,
                "linear scan",
                estimate,
                100.0,
                extrapolated=done < total,
                note=f"{done:,} of {total:,} queries run" if done < total else "",
            )
        )
    del linear
    say("W3: intervaltree")
    tree_build, tree = timed(lambda: scan.TreePeer(ledger))
    spent, done, total = _sampled(tree.answer, queries, answers, budget, lambda q: q.actor is None)
    rows.append(
        Row(
            f"W3 {len(windows):,} windows",
            size,
            variant,
            window_time,
            "intervaltree",
            spent * total / done,
            1.0,
            True,
            extrapolated=done < total,
            note=(f"{done:,} of {total:,} run; " if done < total else "")
            + f"builds: ours {build:.1f} s, tree {tree_build:.1f} s, scan {linear_build:.1f} s",
        )
    )


# -- W4 --------------------------------------------------------------------------------------------


def w4_network(count: int, per_event: int, samples: int, rows: list[Row]) -> None:
    constraints = stn.make_constraints(count, per_event=per_event)
    events = count // per_event
    say(f"W4 {count:,} constraints over {events:,} events: ours (incremental, with explanations)")
    ours, answers = stn.run_ours(constraints)
    refused = sum(not a.ok for a in answers)
    say(f"   {refused:,} refused; networkx at {samples} sampled steps")
    estimate, timed_steps, explained = stn.networkx_peer(constraints, answers, samples=samples)
    rows.append(
        Row(
            f"W4 STN {count:,} adds",
            events * 2 + 1,
            "points",
            ours,
            "networkx negative cycle",
            estimate,
            1.0,
            True,
            extrapolated=True,
            note=f"{timed_steps} steps timed, {explained} conflicts explained; {refused:,} refused",
        )
    )


# -- memory, import --------------------------------------------------------------------------------


def memory(path: Path, size: int) -> Measure:
    say(f"Memory: load {size:,} in a process of its own")
    output = subprocess.run(
        [sys.executable, str(HERE / "memory.py"), str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    data = json.loads(output)
    # VmHWM is this process's own high-water mark (reset at exec); ru_maxrss is inherited from
    # the parent across exec, so after the parent generated a larger ledger it reported the
    # parent's peak: use it only where /proc is missing.
    peak = data["vmhwm_kib"] or data["peak_kib"]
    per_entry = (peak - data["baseline_kib"]) / size
    retained = (data["after_kib"] - data["baseline_kib"]) / size
    return Measure(
        f"peak RSS per entry at {size:,}",
        per_entry,
        "KiB",
        1.0,
        f"peak {peak / 1024:,.0f} MiB, {data['baseline_kib'] / 1024:,.0f} MiB before loading "
        f"(file {data['file_bytes'] / 2**20:,.0f} MiB, read line by line); "
        f"{retained:.2f} KiB/entry still resident after loading",
    )


def import_time(runs: int) -> tuple[Measure, bool]:
    say(
        f"import diplomacy_ledger vs import attrs, cattrs, dateutil.tz: {runs} fresh processes each"
    )
    code = (
        "import sys, time; t = time.perf_counter(); import {}; "
        "print(time.perf_counter() - t, 'hypothesis' in sys.modules)"
    )
    ours_times: list[float] = []
    base_times: list[float] = []
    hypothesis = False
    for _ in range(runs):
        for module, into in (
            ("diplomacy_ledger", ours_times),
            ("attrs, cattrs, dateutil.tz", base_times),
        ):
            out = subprocess.run(
                [sys.executable, "-c", code.format(module)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
            into.append(float(out[0]))
            if module == "diplomacy_ledger":
                hypothesis = hypothesis or out[1] == "True"
    ours, base = statistics.median(ours_times), statistics.median(base_times)
    return (
        Measure(
            "import time ÷ attrs+cattrs+dateutil.tz",
            ours / base,
            "×",
            1.5,
            f"median of {runs}: {ours * 1000:.0f} ms vs {base * 1000:.0f} ms; hypothesis imported: "
            f"{'YES' if hypothesis else 'no'}",
        ),
        hypothesis,
    )


# -- the table -------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:  # pragma: no cover - not Linux
        pass
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": model,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "os": platform.platform(),
        "diplomacy-ledger": __version__,
    }


def _seconds(value: float | None, extrapolated: bool = False) -> str:
    if value is None:
        return "—"
    return f"{'~' if extrapolated else ''}{value:,.2f} s"


def table(rows: list[Row], measures: list[Measure], info: dict[str, str]) -> str:
    lines = [
        " · ".join(f"{key}: {value}" for key, value in info.items()),
        "",
        (
            "| workload | entries | variant | ours | peer | peer time | peer ÷ ours | goal "
            "| verdict | notes |"
        ),
        "|---|---:|---|---:|---|---:|---:|---|---|---|",
    ]
    for row in rows:
        speedup = row.speedup
        goal = "—"
        if row.goal is not None:
            goal = f"{'>' if row.strict else '≥'} {row.goal:.2f}×"
        lines.append(
            f"| {row.workload} | {row.size:,} | {row.variant} | {_seconds(row.ours)} | {row.peer} "
            f"| {_seconds(row.theirs, row.extrapolated)} "
            f"| {'—' if speedup is None else f'{speedup:,.2f}×'} | {goal} | {row.verdict()} "
            f"| {row.note} |"
        )
    lines += ["", "| measure | value | goal | verdict | notes |", "|---|---:|---|---|---|"]
    for measure in measures:
        lines.append(
            f"| {measure.what} | {measure.value:,.2f} {measure.unit} | ≤ {measure.limit:g} "
            f"{measure.unit} | {measure.verdict()} | {measure.note} |"
        )
    return "\n".join(lines)


def run_variant(
    size: int,
    variant: str,
    *,
    wanted: set[str],
    budget: float,
    rows: list[Row],
    measures: list[Measure],
) -> None:
    """W1 (uniform only), W2 and W3 on one variant of the ledger of this size."""
    smaller = size // 10
    path = ensure_dataset(size, variant)
    meta = read_meta(size, variant)
    megabytes = int(str(meta["bytes"])) / 2**20
    say(f"{variant} {size:,}: {megabytes:,.0f} MiB, kinds {meta['kinds']}")
    if variant == "uniform" and "W1" in wanted:
        ledger = w1_load(path, size, variant, rows)
    else:
        say(f"loading {size:,} ({variant})")
        ledger = load_jsonl(path).ledger
    if "W2" in wanted:
        every = w2_checks(path, ledger, size, variant, rows)
        if variant == "uniform" and smaller >= 10_000:
            small = load_jsonl(ensure_dataset(smaller, "uniform")).ledger
            small_time, _ = _our_checks(small, None)
            del small
            measures.append(
                Measure(
                    f"W2 growth {smaller:,} → {size:,} (all checks)",
                    math.log(every / small_time, size / smaller),
                    "(n^x)",
                    1.15,
                    f"{small_time:.2f} s → {every:.2f} s",
                )
            )
    if "W3" in wanted:
        w3_queries(ledger, size, variant, budget, rows)
    if "W5" in wanted:
        w5_contacts(path, ledger, size, variant, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="entries (default 100000)")
    parser.add_argument(
        "--budget", type=float, default=40.0, help="seconds per sampled peer (default 40)"
    )
    parser.add_argument("--constraints", type=int, default=10_000, help="W4 constraints")
    parser.add_argument(
        "--per-event", type=int, default=40, help="W4 constraints per event (default 40)"
    )
    parser.add_argument("--import-runs", type=int, default=15)
    parser.add_argument("--no-naive", action="store_true", help="skip the naive loops at 10k")
    parser.add_argument(
        "--variants", nargs="+", default=["uniform", "skewed"], choices=["uniform", "skewed"]
    )
    parser.add_argument("--only", nargs="*", default=None, help="W1 W2 W3 W4 W5 memory import")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    arguments = parser.parse_args(argv)
    size = arguments.size
    wanted = set(arguments.only or ("W1", "W2", "W3", "W4", "W5", "memory", "import"))
    started = time.perf_counter()
    info = machine()
    say(" · ".join(f"{key}: {value}" for key, value in info.items()))
    rows: list[Row] = []
    measures: list[Measure] = []

    smaller = size // 10
    for variant in arguments.variants:
        ensure_dataset(size, variant)
    if smaller >= 10_000:
        ensure_dataset(smaller, "uniform")
    ensure_dataset(10_000, "uniform")
    if "memory" in wanted:  # first, while this process is small (ru_maxrss survives exec)
        for needed in sorted({smaller, size}):
            if needed >= 10_000:
                measures.append(memory(ensure_dataset(needed, "uniform"), needed))
    for variant in arguments.variants:
        run_variant(
            size, variant, wanted=wanted, budget=arguments.budget, rows=rows, measures=measures
        )
    if "W2" in wanted and not arguments.no_naive:
        w2_naive(rows)
    if "W4" in wanted:
        w4_network(arguments.constraints, arguments.per_event, 40, rows)
    if "import" in wanted:
        measure, _ = import_time(arguments.import_runs)
        measures.append(measure)
    info["run"] = f"{time.perf_counter() - started:,.0f} s"
    text = table(rows, measures, info)
    print()
    print(text)
    if arguments.markdown is not None:
        arguments.markdown.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
