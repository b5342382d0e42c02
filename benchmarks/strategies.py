"""Examples per second of each public strategy, as a downstream test draws them.

``python benchmarks/strategies.py`` draws examples of every public strategy of
:mod:`diplomacy_ledger.strategies` (generation only: no shrinking, no example database) for about
``--seconds`` each (default 3), in ``--streams`` seeded streams, and prints a Markdown table of
examples per second. ``--markdown FILE`` writes it too.
"""

from __future__ import annotations

import argparse
import contextlib
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from diplomacy_ledger import __version__
from diplomacy_ledger import strategies as s

STRATEGIES: dict[str, Callable[[], st.SearchStrategy[Any]]] = {
    "zones()": s.zones,
    "fixed_offsets()": s.fixed_offsets,
    "instants()": s.instants,
    "whens()": s.whens,
    "spans()": s.spans,
    "local_times()": s.local_times,
    "ids()": s.ids,
    "actors()": s.actors,
    "places()": s.places,
    "sources()": s.sources,
    "calls()": s.calls,
    "meetings()": s.meetings,
    "claims()": s.claims,
    "hostilities()": s.hostilities,
    "ceasefires()": s.ceasefires,
    "records()": s.records,
    "entries()": s.entries,
    "findings()": s.findings,
    "ledgers()": s.ledgers,
    "consistent_ledgers()": s.consistent_ledgers,
    "ledgers(min_size=300, max_size=400)": lambda: s.ledgers(min_size=300, max_size=400),
    "ledgers_with_defect()": s.ledgers_with_defect,
    "jsonl_lines()": s.jsonl_lines,
    "broken_jsonl_lines()": s.broken_jsonl_lines,
    "payloads_with_defect()": s.payloads_with_defect,
}


def rate(make: Callable[[], st.SearchStrategy[Any]], seconds: float, streams: int) -> float:
    """Examples per second over ``streams`` seeded runs of about ``seconds / streams`` each."""
    drawn = 0
    spent = 0.0
    count = [0]
    deadline = [0.0]

    def test(value: object) -> None:
        count[0] += 1
        if time.perf_counter() > deadline[0]:
            raise _EnoughError

    for stream in range(streams):
        strategy = make()
        count[0] = 0

        run = seed(stream)(
            settings(
                max_examples=100_000,
                database=None,
                deadline=None,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
            )(given(strategy)(test))
        )
        start = time.perf_counter()
        deadline[0] = start + seconds / streams
        with contextlib.suppress(_EnoughError):
            run()
        spent += time.perf_counter() - start
        drawn += count[0]
    return drawn / spent


class _EnoughError(Exception):
    """Stops a stream when its time is up."""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--streams", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--markdown", type=Path, default=None)
    args = parser.parse_args(argv)
    lines = ["| strategy | examples/s |", "|---|---:|"]
    for name, make in STRATEGIES.items():
        if args.only is not None and not any(part in name for part in args.only):
            continue
        value = rate(make, args.seconds, args.streams)
        print(f"{name}: {value:.1f}/s", file=sys.stderr, flush=True)
        lines.append(f"| `{name}` | {value:,.0f} |")
    header = (
        f"date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC · python {platform.python_version()} · "
        f"diplomacy-ledger {__version__} · about {args.seconds:g} s per strategy, "
        f"{args.streams} seeded streams"
    )
    text = header + "\n\n" + "\n".join(lines) + "\n"
    print(text)
    if args.markdown is not None:
        args.markdown.write_text(text)


if __name__ == "__main__":
    main()
