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


def test_the_generated_ledger_loads_and_its_planted_defects_are_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The benchmarks time the checks on what the generator planted: a planted defect the checks
    # no longer find (a rule changed) would make the timings measure something else. Above
    # 20,000 entries, since the digest chain must run through the whole file.
    import json  # noqa: PLC0415

    from benchmarks import generate  # noqa: PLC0415

    from diplomacy_ledger import check, load_jsonl  # noqa: PLC0415

    monkeypatch.setattr(generate, "DATA_DIR", tmp_path)
    path = generate.ensure_dataset(25_000, "uniform", quiet=True)
    planted = json.loads(path.with_suffix(".meta.json").read_text("utf-8"))["planted"]
    found = [finding.kind for finding in check(load_jsonl(path).ledger)]
    assert planted
    for kind, count in planted.items():
        assert found.count(kind) >= count, kind
