"""Profile the library on W1, W2 and W3 (cProfile) and list the hotspots of each.

``python benchmarks/profiling.py [--size 100000] [--variant uniform] [--top 15]`` writes
``benchmarks/profiles/<workload>-<size>.prof`` (open with ``python -m pstats`` or snakeviz) and
prints, per workload, the functions with the largest cumulative time (as a share of the
workload's total) and their own time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import SKEWED_ACTOR, ensure_dataset
from benchmarks.peers import scan
from diplomacy_ledger import Ledger, check, load_jsonl
from diplomacy_ledger.checks._context import _LastContext

HERE = Path(__file__).resolve().parent


def profile(name: str, function: Callable[[], Any], size: int) -> tuple[pstats.Stats, Any]:
    profiler = cProfile.Profile()
    result = profiler.runcall(function)
    folder = HERE / "profiles"
    folder.mkdir(exist_ok=True)
    target = folder / f"{name}-{size}.prof"
    profiler.dump_stats(target)
    return pstats.Stats(str(target)), result


def _where(key: tuple[str, int, str]) -> str:
    filename, line, function = key
    if filename == "~":
        return function  # a builtin: "<method 'find' of 'bytes' objects>"
    path = Path(filename)
    parts = path.parts
    if "diplomacy_ledger" in parts:
        short = "/".join(parts[parts.index("diplomacy_ledger") :])
    elif "site-packages" in parts:
        short = "/".join(parts[parts.index("site-packages") + 1 :])
    else:
        short = path.name
    return f"{short}:{line} {function}"


def hotspots(stats: pstats.Stats, top: int) -> list[str]:
    """The ``top`` functions by cumulative time, skipping the profiler's own frames."""
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = max(entry[3] for entry in table.values())  # the outermost call's cumulative time
    rows = sorted(table.items(), key=lambda item: item[1][3], reverse=True)
    lines = [
        f"total {total:.2f} s",
        "| function | cumulative % | own % | calls |",
        "|---|---:|---:|---:|",
    ]
    shown = 0
    for key, (_, calls, own, cumulative, _) in rows:
        where = _where(key)
        if "profiling.py" in where or "cProfile" in where or where.startswith("<built-in method"):
            continue
        lines.append(
            f"| `{where}` | {100 * cumulative / total:.1f} | {100 * own / total:.1f} | {calls:,} |"
        )
        shown += 1
        if shown == top:
            break
    lines += ["", "By own time:", "| function | own % | calls |", "|---|---:|---:|"]
    for key, (_, calls, own, _, _) in sorted(table.items(), key=lambda i: i[1][2], reverse=True)[
        :top
    ]:
        lines.append(f"| `{_where(key)}` | {100 * own / total:.1f} | {calls:,} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--variant", default="uniform", choices=("uniform", "skewed"))
    parser.add_argument("--top", type=int, default=15)
    arguments = parser.parse_args(argv)
    size, variant = arguments.size, arguments.variant
    path = ensure_dataset(size, variant)

    stats, result = profile("W1-load", lambda: load_jsonl(path), size)
    ledger: Ledger = result.ledger
    print(f"## W1: load_jsonl, {size:,} entries ({variant})\n")
    print("\n".join(hotspots(stats, arguments.top)), "\n")

    _LastContext.ledger = _LastContext.key = _LastContext.context = None
    stats, _ = profile("W2-check", lambda: check(ledger), size)
    print(f"## W2: check (every built-in check), {size:,} entries\n")
    print("\n".join(hotspots(stats, arguments.top)), "\n")

    actors = [entry.id for entry in ledger.by_kind("actor")]
    heavy = SKEWED_ACTOR if variant == "skewed" else None
    queries = scan.make_queries(actors, heavy_actor=heavy)
    ledger._time_index = None

    def run_queries() -> int:
        return sum(len(scan.ours(ledger, query)) for query in queries)

    stats, _ = profile("W3-queries", run_queries, size)
    print(f"## W3: 10,000 window and actor queries (index build included), {size:,} entries\n")
    print("\n".join(hotspots(stats, arguments.top)), "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
