"""Peak resident memory of loading a ledger, in a process of its own.

``python benchmarks/memory.py PATH`` imports the library, notes the resident set, loads the file
with ``load_jsonl`` and prints one JSON object: the entries, the resident set before loading and
after (KiB), and the peak (``resource.getrusage(RUSAGE_SELF).ru_maxrss``, KiB on Linux). The
peak includes whatever loading holds at once (``load_jsonl`` reads the file line by line).

``ru_maxrss`` survives ``exec``: a child forked from a large process starts with the parent's
size as its peak, so the 10k run once reported the peak of the 100k ledger its parent had just
generated. The peak to use is ``vmhwm_kib`` (``/proc/self/status`` VmHWM, reset at ``exec``):
each size is measured in a clean process whatever its parent did. ``peak_kib`` is kept for
systems without ``/proc``.
"""

from __future__ import annotations

import gc
import json
import resource
import sys
from pathlib import Path


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return 0  # pragma: no cover - not Linux


def main(argv: list[str]) -> int:
    from diplomacy_ledger import load_jsonl  # noqa: PLC0415 - measured after the baseline

    path = Path(argv[0])
    gc.collect()
    before = _status_kib("VmRSS")
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ledger = load_jsonl(path).ledger
    gc.collect()
    after = _status_kib("VmRSS")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    high_water = _status_kib("VmHWM")
    print(
        json.dumps(
            {
                "entries": len(ledger),
                "file_bytes": path.stat().st_size,
                "baseline_kib": before,
                "baseline_peak_kib": peak_before,
                "after_kib": after,
                "peak_kib": peak,
                "vmhwm_kib": high_water,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
