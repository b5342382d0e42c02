"""The Hypothesis entry point: ``st.from_type`` knows the public types, at no cost to projects
that import Hypothesis without using this library."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest
from hypothesis import strategies as st

import _diplomacy_ledger_hypothesis as hook
import diplomacy_ledger as dl
from tests.strategies._subprocess import run


def test_the_hook_under_test_is_the_one_in_this_tree() -> None:
    # The wheel copies the module to the top of site-packages, in editable installs too: after
    # an edit of src/_diplomacy_ledger_hypothesis.py, these tests would test the old copy.
    source = Path(__file__).parents[2] / "src" / "_diplomacy_ledger_hypothesis.py"
    assert Path(hook.__file__).read_bytes() == source.read_bytes(), (
        f"{hook.__file__} is not {source}: reinstall the package (pip install -e .)"
    )


def test_the_entry_point_is_installed() -> None:
    found = {e.name: e.value for e in importlib.metadata.entry_points(group="hypothesis")}
    assert found.get("diplomacy_ledger") == "_diplomacy_ledger_hypothesis:_hypothesis_setup_hook"


def test_importing_hypothesis_imports_nothing_of_the_library(tmp_path: Path) -> None:
    # What makes the hook cheap (benchmarks/hook.py measures it): it loads no module of ours.
    script = """
        import sys
        before = set(sys.modules)
        import hypothesis
        ours = sorted(m for m in set(sys.modules) - before if "diplomacy_ledger" in m)
        print(ours)
    """
    assert run(script, tmp_path).strip() == "['_diplomacy_ledger_hypothesis']"


FROM_TYPE = """
    import sys
    import hypothesis  # runs the setup hook of every installed plugin

    assert "_diplomacy_ledger_hypothesis" in sys.modules, "the hook did not run"
    assert not [m for m in sys.modules if m.startswith("diplomacy_ledger")], "the hook is not lazy"

    import re
    from datetime import datetime, timezone
    from hypothesis import given, settings, strategies as st
    import diplomacy_ledger as dl
    from diplomacy_ledger.io._lines import decode_entry, encode_entry

    ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:@/-]{0,199}$")
    T = datetime(2022, 9, 13, tzinfo=timezone.utc)
    A, B = dl.Participant("a"), dl.Participant("b")

    def aware(when):
        assert when.earliest.tzinfo is not None and when.latest.tzinfo is not None

    def valid(value):
        if isinstance(value, dl.When):
            aware(value)
            assert dl.When.parse(str(value)) == value
        elif isinstance(value, dl.Span):
            for when in (value.start, value.end, value.ongoing_as_of):
                if when is not None:
                    aware(when)
            valid(dl.Hostility(value, dl.Provenance("s")))
        elif isinstance(value, dl.Provenance):
            valid(dl.Call((A, B), dl.When.instant(T), value))
        elif isinstance(value, dl.Participant):
            assert ID.match(value.actor)
            valid(dl.Call((value, A if value.actor != "a" else B), dl.When.instant(T),
                          dl.Provenance("s")))
        elif isinstance(value, dl.Entry):
            assert decode_entry(encode_entry(value)).entry == value
        elif isinstance(value, dl.Finding):
            assert dl.Finding(**value.to_dict()) == value
        elif isinstance(value, dl.Ledger):
            text = dl.dumps_jsonl(value)
            assert dl.read_jsonl(text, allow_empty=True).ledger == value
        else:
            if isinstance(value, dl.Call):
                assert len(set(value.actors)) == len(value.actors) >= 2
                assert all(ID.match(actor) for actor in value.actors)
            line = encode_entry(dl.Entry("x", T, value))
            assert decode_entry(line).entry.record == value

    TYPES = [
        dl.When, dl.Span, dl.Provenance, dl.Participant, dl.Actor, dl.Office, dl.Tenure,
        dl.Place, dl.Source, dl.Call, dl.Meeting, dl.Statement, dl.Claim, dl.Mediation,
        dl.Ceasefire, dl.Hostility, dl.Report, dl.SameEvent, dl.Retraction, dl.Entry, dl.Ledger,
        dl.Agreement, dl.Finding,
    ]
    seen = {}
    for kind in TYPES:
        @settings(max_examples=12, database=None, deadline=None)
        @given(st.from_type(kind))
        def check(value):
            assert type(value) is kind
            valid(value)
            seen[kind.__name__] = seen.get(kind.__name__, 0) + 1
        check()
    print(sorted(seen))
"""


def test_from_type_gives_valid_values_of_every_public_type(tmp_path: Path) -> None:
    # Hypothesis first, the library after: registered when the library is imported.
    names = [
        "Actor", "Agreement", "Call", "Ceasefire", "Claim", "Entry", "Finding", "Hostility",
        "Ledger", "Mediation", "Meeting", "Office", "Participant", "Place", "Provenance",
        "Report", "Retraction", "SameEvent", "Source", "Span", "Statement", "Tenure", "When",
    ]  # fmt: skip
    assert run(FROM_TYPE, tmp_path).strip() == repr(names)


def test_from_type_works_when_the_library_was_imported_first(tmp_path: Path) -> None:
    script = """
        import sys
        import diplomacy_ledger as dl
        import hypothesis
        from hypothesis import strategies as st
        # Registered, not inferred: Hypothesis's own guess would build empty ledgers only.
        big = hypothesis.find(st.from_type(dl.Ledger), lambda ledger: len(ledger) >= 5)
        print(type(big).__name__, len(big) >= 5)
        print([type(f).__name__ for f in sys.meta_path if "Register" in type(f).__name__])
    """
    assert run(script, tmp_path).splitlines() == ["Ledger True", "[]"]


def test_the_watch_on_imports_ends_once_the_library_is_loaded(tmp_path: Path) -> None:
    script = """
        import sys
        import hypothesis
        watching = [type(f).__name__ for f in sys.meta_path if "Register" in type(f).__name__]
        import json, diplomacy_ledger.time
        after = [type(f).__name__ for f in sys.meta_path if "Register" in type(f).__name__]
        from hypothesis import strategies as st
        print(watching, after, type(st.from_type(diplomacy_ledger.Ledger).example()).__name__)
    """
    assert run(script, tmp_path).strip() == "['_RegisterOnImport'] [] Ledger"


def test_the_setup_hook_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("a failing registration")

    monkeypatch.setattr(st, "register_type_strategy", broken)
    assert hook.register() is False
    hook._hypothesis_setup_hook()  # no exception
    monkeypatch.undo()
    assert hook.register() is True  # and again: registering twice is harmless
    assert "ledgers(" in repr(st.from_type(dl.Ledger))


def test_every_registered_name_is_a_public_type_with_a_strategy() -> None:
    from diplomacy_ledger import strategies  # noqa: PLC0415

    for name, function in hook.STRATEGIES.items():
        assert name in dl.__all__
        assert function in strategies.__all__


def test_a_probe_for_the_library_before_its_import_does_not_lose_the_registration(
    tmp_path: Path,
) -> None:
    # "Is it installed?" checks look for the module without importing it; the import after
    # must still register the types, or from_type would fill a When from its annotations.
    script = """
        import importlib.util, sys
        import hypothesis
        assert importlib.util.find_spec("diplomacy_ledger") is not None
        assert importlib.util.find_spec("diplomacy_ledger") is not None
        import diplomacy_ledger as dl
        from hypothesis import strategies as st
        # Registered, not inferred: Hypothesis's own guess would build empty ledgers only.
        big = hypothesis.find(st.from_type(dl.Ledger), lambda ledger: len(ledger) >= 5)
        print(len(big) >= 5)
        print([type(f).__name__ for f in sys.meta_path if "Register" in type(f).__name__])
    """
    assert run(script, tmp_path).splitlines() == ["True", "[]"]
