"""Hypothesis's setup hook for diplomacy-ledger: strategies for ``st.from_type`` at no cost.

The ``hypothesis`` entry point in ``pyproject.toml`` names :func:`_hypothesis_setup_hook`, which
Hypothesis runs on ``import hypothesis`` in every project where this package is installed, most
of which never touch the library. So this module stands outside the package (importing anything
in ``diplomacy_ledger`` would run its ``__init__``) and imports nothing but the standard library.

The types are registered when both are loaded: at once if ``diplomacy_ledger`` already is, else
the moment it is imported (a finder on ``sys.meta_path`` that watches for that one name). Each
type is registered with a function, so no strategy is built until ``from_type`` asks. Nothing
here raises: an error would break ``import hypothesis`` for everyone.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any, Final

__all__ = ["STRATEGIES", "register"]

_LIBRARY: Final = "diplomacy_ledger"

STRATEGIES: Final = {
    "When": "whens",
    "Span": "spans",
    "Actor": "actors",
    "Office": "offices",
    "Tenure": "tenures",
    "Place": "places",
    "Source": "sources",
    "Provenance": "provenances",
    "Participant": "participants",
    "Call": "calls",
    "Meeting": "meetings",
    "Statement": "statements",
    "Claim": "claims",
    "Mediation": "mediations",
    "Ceasefire": "ceasefires",
    "Hostility": "hostilities",
    "Agreement": "agreements",
    "Report": "reports",
    "SameEvent": "same_events",
    "Retraction": "retractions",
    "Entry": "entries",
    "Ledger": "ledgers",
    "Finding": "findings",
}
"""Public type name -> the function in ``diplomacy_ledger.strategies`` that builds its values."""


def _lazy(function: str) -> Callable[[type], Any]:
    def resolve(_: type) -> Any:
        strategies = importlib.import_module(f"{_LIBRARY}.strategies")
        return getattr(strategies, function)()

    return resolve


def register() -> bool:
    """Register a strategy function for each public type; True when done. Never raises."""
    try:
        from hypothesis import strategies as st  # noqa: PLC0415 - Hypothesis is loaded by now

        library = sys.modules[_LIBRARY]
        for name, function in STRATEGIES.items():
            st.register_type_strategy(getattr(library, name), _lazy(function))
    except Exception:  # never break the user's imports
        return False
    return True


class _RegisterOnImport(importlib.abc.MetaPathFinder):
    """Finds nothing itself: it wraps the real loader of ``diplomacy_ledger`` to register after.

    It stays on ``sys.meta_path`` until the library has been loaded: a probe such as
    ``importlib.util.find_spec("diplomacy_ledger")`` (is it installed?) finds a spec that is
    never executed, and the import that follows must still be watched.
    """

    def __init__(self) -> None:
        self._looking = False  # asking the other finders: do not answer ourselves

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != _LIBRARY or self._looking:
            return None
        self._looking = True
        try:
            spec = importlib.util.find_spec(fullname)
        finally:
            self._looking = False
        loader = None if spec is None else spec.loader
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            if self in sys.meta_path:
                sys.meta_path.remove(self)  # loaded: nothing more to watch
            register()

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _hypothesis_setup_hook() -> None:
    """Register now if the library is loaded, else when it is imported; never raise."""
    try:
        if _LIBRARY in sys.modules:
            register()
        elif not any(isinstance(finder, _RegisterOnImport) for finder in sys.meta_path):
            sys.meta_path.insert(0, _RegisterOnImport())
    except Exception:  # pragma: no cover - never break import hypothesis
        return
