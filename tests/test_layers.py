"""The layout shows the architecture: imports point one way, and there are no cycles.

time ← model ← ledger ← checks ← io/cli, with the strategies on top.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "diplomacy_ledger"
LAYERS: dict[str, int] = {
    # time
    "_errors": 0, "_zones": 0, "_calendar": 0, "_iso": 0, "_order": 0, "_when": 0, "_span": 0,
    "_phrases": 0,
    # model
    "_ids": 1, "_actors": 1, "_offices": 1, "_places": 1, "_provenance": 1, "_records": 1,
    "_kinds": 1, "_codes": 1, "_entry": 1, "_findings": 1,
    # ledger
    "_intervals": 2, "_append_rules": 2, "_ledger": 2,
    # checks and timeline reasoning
    "_check_context": 3, "_check_claims": 3, "_check_people": 3, "_check_ceasefires": 3,
    "_check_times": 3, "_check_references": 3, "_checks": 3, "_allen": 3, "_stn": 3,
    # files, stores, pictures, command line, the worked example
    "_format_values": 4, "_format": 4, "_jsonl": 4, "_jsonl_store": 4, "_sqlite_store": 4,
    "_stores": 4, "_plover": 4, "_svg_layout": 4, "_svg": 4, "_version": 0,
    # the package's face; the worked example built on it; the strategies and the command line
    "__init__": 5, "examples": 6, "strategies": 7, "_cli": 7, "__main__": 7,
}  # fmt: skip


def imported_modules(path: Path) -> set[str]:
    """The diplomacy_ledger modules a file imports (first component after the package)."""
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            node.body = []  # imports for type checkers only are not dependencies at run time
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module == "diplomacy_ledger":
            names = [
                f"diplomacy_ledger.{alias.name}" if alias.name in LAYERS else "diplomacy_ledger"
                for alias in node.names
            ]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "diplomacy_ledger":
                found.add(parts[1] if len(parts) > 1 else "__init__")
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return isinstance(test, ast.Name) and test.id == "TYPE_CHECKING"


def module_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    missing = {module_of(path) for path in MODULES} - set(LAYERS)
    assert not missing, f"give these modules a layer: {sorted(missing)}"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_imports_point_down(path: Path) -> None:
    own = module_of(path)
    for imported in imported_modules(path):
        if imported == own:
            continue
        assert LAYERS[imported] <= LAYERS[own], f"{own} (layer {LAYERS[own]}) imports {imported}"
        if LAYERS[own] < 5:
            assert imported != "__init__", f"{own} imports the package root"


def test_no_cycles_between_modules() -> None:
    graph: dict[str, set[str]] = {module_of(path): set() for path in MODULES}
    for path in MODULES:
        graph[module_of(path)] |= imported_modules(path) - {module_of(path)}
    visiting: set[str] = set()
    done: set[str] = set()

    def visit(node: str, trail: tuple[str, ...]) -> None:
        assert node not in visiting, f"import cycle: {' -> '.join((*trail, node))}"
        if node in done:
            return
        visiting.add(node)
        for neighbour in sorted(graph.get(node, ())):
            visit(neighbour, (*trail, node))
        visiting.discard(node)
        done.add(node)

    for module in sorted(graph):
        visit(module, ())


def test_no_module_is_too_long() -> None:
    longest = max(MODULES, key=lambda path: len(path.read_text(encoding="utf-8").splitlines()))
    assert len(longest.read_text(encoding="utf-8").splitlines()) <= 620, longest


def test_every_public_name_is_there_and_the_package_imports_lightly() -> None:
    # The package loads checks, files and stores on first use: importing it must not pull in
    # cattrs or the checks, and every name in __all__ must still resolve, to the same object as
    # the module that defines it.
    code = (
        "import sys, diplomacy_ledger as d\n"
        "heavy = [m for m in ('cattrs', 'diplomacy_ledger._checks', 'diplomacy_ledger._jsonl',"
        " 'diplomacy_ledger._svg', 'hypothesis') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "missing = [name for name in d.__all__ if getattr(d, name, None) is None]\n"
        "assert not missing, missing\n"
        "from diplomacy_ledger._checks import check\n"
        "assert d.check is check\n"
        "assert set(d.__all__) <= set(dir(d))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
