"""What the Hypothesis setup hook costs a project that imports Hypothesis: goal under 5 ms.

Hypothesis runs every installed plugin's hook on ``import hypothesis``, in projects that never
touch this library too. Each measurement runs in a fresh interpreter (imports are cached within
one), several times; the table gives the median and the spread.

    python benchmarks/hook.py [--runs 25] [--markdown FILE]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

# Each script prints one number: milliseconds spent in the part it measures.
HOOK = """
import time, importlib.metadata
(entry,) = [e for e in importlib.metadata.entry_points(group="hypothesis")
            if e.name == "diplomacy_ledger"]
import hypothesis  # with HYPOTHESIS_NO_PLUGINS set, so the hook has not run yet
start = time.perf_counter()
entry.load()()
print((time.perf_counter() - start) * 1000)
"""
IMPORT_HYPOTHESIS = """
import time
start = time.perf_counter()
import hypothesis
print((time.perf_counter() - start) * 1000)
"""
IMPORT_LIBRARY = """
import time
start = time.perf_counter()
import diplomacy_ledger
print((time.perf_counter() - start) * 1000)
"""
REGISTER_ON_IMPORT = """
import time, hypothesis  # the hook has run: it watches for the library
start = time.perf_counter()
import diplomacy_ledger  # registers the types as it loads
print((time.perf_counter() - start) * 1000)
"""


def measure(script: str, runs: int, *, plugins: bool = True) -> list[float]:
    env = dict(os.environ)
    env.pop("HYPOTHESIS_NO_PLUGINS", None)
    if not plugins:
        env["HYPOTHESIS_NO_PLUGINS"] = "1"
    times = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
        )
        times.append(float(done.stdout.strip().splitlines()[-1]))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25)
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args()
    rows = [
        ("the hook itself: load and run it (library not imported)", HOOK, False, "< 5 ms"),
        ("`import hypothesis`, every plugin's hook run", IMPORT_HYPOTHESIS, True, ""),
        ("`import hypothesis`, no plugins (HYPOTHESIS_NO_PLUGINS)", IMPORT_HYPOTHESIS, False, ""),
        ("`import diplomacy_ledger`, Hypothesis not loaded", IMPORT_LIBRARY, True, ""),
        ("`import diplomacy_ledger` after Hypothesis (registers)", REGISTER_ON_IMPORT, True, ""),
    ]
    lines = [
        "| measured | median | min | max | goal | verdict |",
        "|---|---:|---:|---:|---|---|",
    ]
    for label, script, plugins, goal in rows:
        times = measure(script, args.runs, plugins=plugins)
        median = statistics.median(times)
        verdict = ("met" if median < 5 else "missed") if goal else "—"
        lines.append(
            f"| {label} | {median:.2f} ms | {min(times):.2f} ms | {max(times):.2f} ms | "
            f"{goal or '—'} | {verdict} |"
        )
        print(lines[-1], file=sys.stderr)
    table = "\n".join(lines)
    print(f"{args.runs} fresh interpreters each, Python {sys.version.split()[0]}\n\n{table}")
    if args.markdown:
        args.markdown.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
