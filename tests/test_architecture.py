"""The layout shows the architecture: one folder a layer, imports pointing one way, no cycles.

The order of the layers is the one line of arrows in ``docs/architecture.md``; the layers are the
folders found under ``src/diplomacy_ledger``. Nothing here lists modules by hand.
"""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "diplomacy_ledger"
MODULES = sorted(PACKAGE.rglob("*.py"))
FOLDERS = sorted(path.parent.name for path in PACKAGE.glob("*/__init__.py"))
TOP = {"strategies"}  # on top of the public face, like users' code
FACE = {"__init__", "examples", "__main__"}


def documented_order() -> list[str]:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    (line,) = [line for line in text.splitlines() if "←" in line and not line.startswith("<!--")]
    return re.findall(r"[a-z]+", line)


LAYERS = documented_order()


def unit_of(path: Path) -> str:
    """The folder a module is in, or the module's own name for those at the package root."""
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imports(path: Path) -> list[tuple[str, list[str]]]:
    """The package's modules a file imports at run time, with the names it takes from each."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            node.body = []  # for type checkers only
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] == "diplomacy_ledger":
                found.append((node.module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            found += [(a.name, []) for a in node.names if a.name.startswith("diplomacy_ledger")]
    return found


def units_imported(path: Path) -> set[str]:
    units = set()
    for module, names in imports(path):
        parts = module.split(".")
        if len(parts) > 1:
            units.add(parts[1])
        else:  # from diplomacy_ledger import X: a submodule, or a name of the face
            units |= {name if (PACKAGE / f"{name}.py").exists() or name in FOLDERS else "__init__"
                      for name in names}  # fmt: skip
    return units


FOUNDATION = {
    path.stem
    for path in PACKAGE.glob("_*.py")
    if path.stem not in FACE and not units_imported(path)
}


def rank(unit: str) -> int:
    """Foundation modules first, then the layers in the documented order, the face, the top.

    The command line is the last layer and also runs the worked example, so it ranks with the
    top: its own imports are checked like any other's, and nothing below may import it.
    """
    if unit in FOUNDATION:
        return 0
    if unit in LAYERS:
        return 1 + LAYERS.index(unit)
    if unit == "__init__":
        return 1 + len(LAYERS)
    if unit == "examples":  # the worked example, built on the face
        return 2 + len(LAYERS)
    return 100  # cli, __main__ and strategies: nothing imports them but their own parts


def test_every_folder_is_a_documented_layer() -> None:
    assert set(FOLDERS) - TOP == set(LAYERS), "docs/architecture.md names the layers in order"


def test_the_root_holds_only_the_face_and_the_foundation() -> None:
    at_root = {path.stem for path in PACKAGE.glob("*.py")}
    assert at_root - FACE == FOUNDATION, "a module at the root imports nothing of the package"
    assert {"_errors", "_version", "_exports"} <= FOUNDATION


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_imports_point_down(path: Path) -> None:
    own = unit_of(path)
    for unit in units_imported(path) - {own}:
        if own == "cli":
            assert unit != "strategies", "the command line does not need Hypothesis"
            continue
        assert rank(unit) < rank(own) or own in TOP | {"__main__"}, f"{own} imports {unit}"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_layers_meet_through_their_packages(path: Path) -> None:
    # Another layer's modules are its own business: import what its __init__ offers.
    own = unit_of(path)
    for module, _ in imports(path):
        parts = module.split(".")
        if len(parts) > 2 and parts[1] != own:
            pytest.fail(f"{path.name} imports {module}; import from diplomacy_ledger.{parts[1]}")


def test_no_cycles_between_modules() -> None:
    def name(path: Path) -> str:
        return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(
            ".__init__"
        )

    known = {name(path) for path in MODULES}
    graph: dict[str, set[str]] = {}
    for path in MODULES:
        targets = set()
        for module, names in imports(path):
            # a name taken from a package is a dependency on the package and on its module
            targets |= {f"{module}.{n}" for n in names if f"{module}.{n}" in known} or {module}
        graph[name(path)] = {t for t in targets if t in known} - {name(path)}
    # a package depends on its __init__'s imports; its modules depend on the package only
    # through what they name, so skip the edge from a module to its own package
    for source, targets in graph.items():
        targets -= {t for t in targets if source.startswith(t + ".")}
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


def test_the_package_imports_lightly_and_every_public_name_resolves() -> None:
    # Checks, files, stores and pictures load on first use: importing the package must not pull
    # in cattrs, the checks or the files, and every name in __all__ must still resolve.
    code = (
        "import sys, diplomacy_ledger as d\n"
        "heavy = [m for m in ('cattrs', 'diplomacy_ledger.checks', 'diplomacy_ledger.io',"
        " 'diplomacy_ledger.contacts', 'diplomacy_ledger.render',"
        " 'diplomacy_ledger.time._phrases', 'hypothesis') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "missing = [name for name in d.__all__ if getattr(d, name, None) is None]\n"
        "assert not missing, missing\n"
        "optional = [m for m in ('networkx', 'pandas', 'pyarrow') if m in sys.modules]\n"
        "assert not optional, optional  # the extras load only when an export asks for them\n"
        "from diplomacy_ledger.checks import check\n"
        "assert d.check is check\n"
        "assert set(d.__all__) <= set(dir(d))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


LAZY_PACKAGES = sorted(
    path for path in PACKAGE.rglob("__init__.py") if "lazy_exports(" in path.read_text("utf-8")
)


@pytest.mark.parametrize("path", LAZY_PACKAGES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_what_loads_on_first_use_is_what_type_checkers_see(path: Path) -> None:
    # A package spells each lazily loaded name twice: in its table, and under TYPE_CHECKING.
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typed: set[str] = set()
    tabled: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom):
                    typed |= {alias.asname or alias.name for alias in statement.names}
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "lazy_exports":
            table = node.args[1]
            if isinstance(table, ast.Name):  # the table is a module-level constant
                table = _constant(tree, table.id)
            for names in ast.literal_eval(table).values():
                tabled |= set(names)
    assert typed == tabled, (sorted(typed - tabled), sorted(tabled - typed))
    module = importlib.import_module(".".join(path.relative_to(PACKAGE.parent).parent.parts))
    assert all(getattr(module, name, None) is not None for name in tabled)


def _constant(tree: ast.Module, name: str) -> ast.expr:
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == name:
            assert node.value is not None
            return node.value
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == name:
            return node.value
    raise AssertionError(f"no module-level {name}")


@pytest.mark.parametrize("layer", LAYERS)
def test_the_architecture_page_names_every_module_of_a_layer(layer: str) -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    (row,) = [line for line in text.splitlines() if line.startswith(f"| `{layer}` |")]
    for path in sorted((PACKAGE / layer).glob("_[!_]*.py")):
        assert f"`{path.stem}`" in row, f"docs/architecture.md does not say what {path} holds"
