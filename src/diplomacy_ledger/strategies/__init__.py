"""Hypothesis strategies for property-based tests of code that uses diplomacy-ledger.

This module requires hypothesis (``pip install diplomacy-ledger[hypothesis]``); importing
:mod:`diplomacy_ledger` itself never imports it.

- Times: :func:`zones`, :func:`fixed_offsets`, :func:`instants`, :func:`whens`, :func:`spans`,
  and :func:`local_times` (wall times near a zone's offset changes, with their resolution).
- Values and records: :func:`ids`, :func:`actors`, :func:`offices`, :func:`tenures`,
  :func:`places`, :func:`sources`, :func:`provenances`, :func:`participants`, :func:`calls`,
  :func:`meetings`, :func:`statements`, :func:`claims`, :func:`mediations`, :func:`ceasefires`,
  :func:`agreements`, :func:`hostilities`, :func:`reports`, :func:`same_events`,
  :func:`retractions`, :func:`records` and :func:`entries`. Each is valid on its own; its
  references are not resolved. :func:`records_for` draws records whose references resolve in
  a given ledger.
- Ledgers: :func:`ledgers` (valid, as untidy as real ones), :func:`consistent_ledgers` (no check
  finds anything), :func:`ledgers_with_defect` (one planted defect, and exactly what the checks
  must report).
- Files: :func:`jsonl_lines`, :func:`broken_jsonl_lines`, :func:`payloads_with_defect`.

Everything is valid by construction (no filtering), and shrinks toward simple values: UTC,
2000-01-01, small ledgers. Installing the package also registers these strategies with
:func:`hypothesis.strategies.from_type` for the library's public types.

The submodules are imported when a name is first used, so that Hypothesis's setup hook (in this
package) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from diplomacy_ledger._exports import lazy_exports

try:
    import hypothesis  # noqa: F401 - the dependency this module needs
except ImportError as error:  # pragma: no cover - tested in a subprocess without it
    message = (
        "diplomacy_ledger.strategies requires hypothesis: "
        "pip install 'diplomacy-ledger[hypothesis]'"
    )
    raise ImportError(message) from error

if TYPE_CHECKING:
    from diplomacy_ledger.strategies._defects import (
        LEDGER_DEFECTS,
        LedgerDefect,
        ledgers_with_defect,
    )
    from diplomacy_ledger.strategies._ledgers import consistent_ledgers, ledgers
    from diplomacy_ledger.strategies._local import LocalTime, local_times
    from diplomacy_ledger.strategies._payloads import (
        PAYLOAD_DEFECTS,
        BrokenLine,
        PayloadDefect,
        broken_jsonl_lines,
        jsonl_lines,
        payloads_with_defect,
    )
    from diplomacy_ledger.strategies._plant import ExpectedFinding
    from diplomacy_ledger.strategies._records import (
        agreements,
        calls,
        ceasefires,
        claims,
        entries,
        hostilities,
        mediations,
        meetings,
        records,
        records_for,
        reports,
        retractions,
        same_events,
        statements,
    )
    from diplomacy_ledger.strategies._texts import ids
    from diplomacy_ledger.strategies._times import instants, spans, whens
    from diplomacy_ledger.strategies._values import (
        actors,
        findings,
        offices,
        participants,
        places,
        provenances,
        sources,
        tenures,
    )
    from diplomacy_ledger.strategies._zones import fixed_offsets, zones

__all__ = [
    "LEDGER_DEFECTS",
    "PAYLOAD_DEFECTS",
    "BrokenLine",
    "ExpectedFinding",
    "LedgerDefect",
    "LocalTime",
    "PayloadDefect",
    "actors",
    "agreements",
    "broken_jsonl_lines",
    "calls",
    "ceasefires",
    "claims",
    "consistent_ledgers",
    "entries",
    "findings",
    "fixed_offsets",
    "hostilities",
    "ids",
    "instants",
    "jsonl_lines",
    "ledgers",
    "ledgers_with_defect",
    "local_times",
    "mediations",
    "meetings",
    "offices",
    "participants",
    "payloads_with_defect",
    "places",
    "provenances",
    "records",
    "records_for",
    "reports",
    "retractions",
    "same_events",
    "sources",
    "spans",
    "statements",
    "tenures",
    "whens",
    "zones",
]

_LAZY: Final = {
    "_defects": ("LEDGER_DEFECTS", "LedgerDefect", "ledgers_with_defect"),
    "_ledgers": ("consistent_ledgers", "ledgers"),
    "_local": ("LocalTime", "local_times"),
    "_payloads": (
        "PAYLOAD_DEFECTS",
        "BrokenLine",
        "PayloadDefect",
        "broken_jsonl_lines",
        "jsonl_lines",
        "payloads_with_defect",
    ),
    "_plant": ("ExpectedFinding",),
    "_records": (
        "calls",
        "ceasefires",
        "claims",
        "entries",
        "agreements",
        "hostilities",
        "mediations",
        "meetings",
        "records",
        "records_for",
        "reports",
        "retractions",
        "same_events",
        "statements",
    ),
    "_texts": ("ids",),
    "_values": (
        "actors",
        "findings",
        "offices",
        "participants",
        "places",
        "provenances",
        "sources",
        "tenures",
    ),
    "_times": ("instants", "spans", "whens"),
    "_zones": ("fixed_offsets", "zones"),
}
if not TYPE_CHECKING:  # type checkers see the imports above, and only those
    __getattr__, __dir__ = lazy_exports(globals(), _LAZY)
