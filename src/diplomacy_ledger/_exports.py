"""Names a package loads on first use (PEP 562): the one form every ``__init__.py`` here uses.

A package lists, per submodule, the names it offers but does not import up front; the hooks this
returns import that submodule the first time one of its names is asked for, and keep the value,
so ``import diplomacy_ledger`` stays cheap and ``from diplomacy_ledger import check`` still works.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    namespace: MutableMapping[str, Any], table: Mapping[str, Iterable[str]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of the package whose globals are ``namespace``.

    ``table`` maps a submodule (relative to the package, such as ``"checks"`` or ``"_phrases"``)
    to the names it provides. Each name is in one submodule only.
    """
    package = namespace["__name__"]
    homes: dict[str, str] = {}
    for module, names in table.items():
        for name in names:
            if name in homes:  # pragma: no cover - a mistake in the table, caught on import
                raise AssertionError(f"{name} is listed under {homes[name]} and {module}")
            homes[name] = module

    def __getattr__(name: str) -> Any:  # noqa: N807 - the PEP 562 hook
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home}"), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807 - the PEP 562 hook
        return sorted({*namespace, *namespace.get("__all__", ()), *homes})

    return __getattr__, __dir__
