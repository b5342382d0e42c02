"""Hypothesis's setup hook: register strategies for the library's public types with ``from_type``.

Named by the ``hypothesis`` entry point in ``pyproject.toml``, it runs when Hypothesis is
imported. It registers functions, not strategies, so nothing is built until ``from_type`` asks;
and it never raises, since an error here would break ``import hypothesis`` in every project that
has this package installed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["_hypothesis_setup_hook"]

# Public type name -> the strategy function in diplomacy_ledger.strategies that builds it.
_STRATEGIES = {
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


def _lazy(function: str) -> Callable[[type], Any]:
    def resolve(_: type) -> Any:
        strategies = importlib.import_module("diplomacy_ledger.strategies")
        return getattr(strategies, function)()

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register a strategy function for each public type; never raise."""
    try:
        from hypothesis import strategies as st  # noqa: PLC0415

        library = importlib.import_module("diplomacy_ledger")
        for name, function in _STRATEGIES.items():
            st.register_type_strategy(getattr(library, name), _lazy(function))
    except Exception:
        return
