"""Every public name the package offered before the layers had folders still works.

The lists are the promise made to users (the ``__all__`` of 0.1.0.dev0 and of its strategies), kept
here by hand on purpose: a name that disappears or moves must make this test fail.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

PROMISED = (
    "BUILTIN_CHECKS", "KIND_NAMES", "SCHEMA_VERSION", "Actor", "ActorKind", "AliasConflictError",
    "Allen", "AllenConflict", "AllenConstraint", "AllenNetwork", "BadReferenceError", "Batch",
    "Call", "Ceasefire", "Certainty", "Check", "Checker", "Claim", "Clock", "Damage", "DayParts",
    "DecadeParts", "Disambiguation", "DuplicateIdError", "Entry", "EventCode", "Finding",
    "FormatError", "Hostility", "InvalidIdError", "InvalidTimeError", "InvalidValueError",
    "JsonlStore", "Ledger", "LedgerError", "LoadResult", "Mediation", "Medium", "Meeting",
    "NaiveDatetimeError", "NegativeCycle", "Office", "Order", "Participant", "Place",
    "PointInterval", "Precision", "Propagation", "Provenance", "Record", "RecordTimeError",
    "References", "RepeatedTimeError", "Report", "Retraction", "SameEvent",
    "SimpleTemporalNetwork", "SkippedLine", "SkippedTimeError", "Source", "Span", "SqliteBatch",
    "SqliteStore", "Stance", "Statement", "Store", "StoreError", "TemporalConstraint", "Tense",
    "Tenure", "TimeParseError", "Truth", "UnknownEntryError", "UnknownPhraseError",
    "UnknownZoneError", "When", "__version__", "available_zones", "check", "compose_allen",
    "copy_entries", "dangling_references", "dump_jsonl", "dumps_jsonl", "event_code",
    "event_codes", "kind_of", "load_jsonl", "normalise_name", "open_store", "plover_records",
    "read_jsonl", "resolve_phrase", "resolve_zone", "system_clock", "timeline_svg",
)  # fmt: skip

PROMISED_STRATEGIES = (
    "LEDGER_DEFECTS", "PAYLOAD_DEFECTS", "BrokenLine", "ExpectedFinding", "LedgerDefect",
    "LocalTime", "PayloadDefect", "actors", "broken_jsonl_lines", "calls", "ceasefires", "claims",
    "consistent_ledgers", "entries", "fixed_offsets", "hostilities", "ids", "instants",
    "jsonl_lines", "ledgers", "ledgers_with_defect", "local_times", "mediations", "meetings",
    "offices", "participants", "payloads_with_defect", "places", "provenances", "records",
    "reports", "retractions", "same_events", "sources", "spans", "statements", "tenures", "whens",
    "zones",
)  # fmt: skip

PROMISED_EXAMPLES = ("seed_ledger", "SEED_ZONE", "SOURCE_ARTICLE", "PUBLISHED")


@pytest.mark.parametrize("name", PROMISED)
def test_every_promised_name_imports(name: str) -> None:
    library = importlib.import_module("diplomacy_ledger")
    assert name in library.__all__
    assert getattr(library, name) is not None
    exec(f"from diplomacy_ledger import {name}", {})  # the form users write


def test_every_promised_strategy_imports() -> None:
    strategies = importlib.import_module("diplomacy_ledger.strategies")
    assert set(PROMISED_STRATEGIES) <= set(strategies.__all__)
    for name in PROMISED_STRATEGIES:
        assert callable(getattr(strategies, name)) or name.isupper()


def test_the_examples_module_keeps_its_names() -> None:
    examples = importlib.import_module("diplomacy_ledger.examples")
    for name in PROMISED_EXAMPLES:
        assert hasattr(examples, name), name


@pytest.mark.parametrize("name", [n for n in PROMISED if n.endswith("Error")])
def test_errors_say_the_public_module(name: str) -> None:
    # Tracebacks and the docs name the package, not a private module.
    value = getattr(importlib.import_module("diplomacy_ledger"), name)
    if isinstance(value, type):
        assert value.__module__ == "diplomacy_ledger", value.__module__


def test_the_command_line_entry_point_still_resolves() -> None:
    from importlib.metadata import entry_points  # noqa: PLC0415

    (script,) = entry_points(group="console_scripts", name="diplomacy-ledger")
    assert callable(script.load())
    done = subprocess.run(
        [sys.executable, "-m", "diplomacy_ledger", "--version"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_the_version_is_written_once() -> None:
    # The build reads the version from _version.py (pyproject.toml says so); nothing repeats it.
    from importlib.metadata import version  # noqa: PLC0415

    import diplomacy_ledger  # noqa: PLC0415

    assert version("diplomacy-ledger") == diplomacy_ledger.__version__
    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text()
    assert diplomacy_ledger.__version__ not in pyproject
    assert 'dynamic = ["version"]' in pyproject
