"""The benchmarks still import: they are run by hand, so nothing else notices when they rot.

Speed is never measured here (``benchmarks/run.py`` does that); only that every script and peer
module imports against the current package, with the peers' own extras when installed.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
MODULES = sorted(
    ".".join(path.relative_to(BENCHMARKS.parent).with_suffix("").parts)
    for path in BENCHMARKS.rglob("*.py")
    if path.name != "__init__.py"
)
EXTRAS = {"benchmarks.peers.pydantic_models": "pydantic"}  # the `bench` extra, not `test`


@pytest.mark.parametrize("name", MODULES)
def test_every_benchmark_module_imports(name: str) -> None:
    if name in EXTRAS:
        pytest.importorskip(EXTRAS[name])
    importlib.import_module(name)
