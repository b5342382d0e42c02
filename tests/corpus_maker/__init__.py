"""Write ``tests/corpus/``: malformed ledger files, each a few valid lines and one defect.

Run ``python -m tests.make_corpus`` (or ``python -m tests.corpus_maker``) from the repository root
to regenerate the folder; the output depends only on this package and on the seed ledger
(:func:`diplomacy_ledger.examples.seed_ledger`), never on the machine: the ``tzdb`` value of
every line is fixed, and nothing random is unseeded. ``tests/test_corpus.py`` checks that the
committed files are exactly what this writes.

Each module adds the cases of one kind of defect; :mod:`tests.corpus_maker._base` holds the seed's
lines, :class:`Case` and the helpers that add one, and explains what a case promises.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from tests.corpus_maker._base import CASES, CORPUS, DELETE, SEED, Case, context, get
from tests.corpus_maker._batches import add_batches
from tests.corpus_maker._chain import add_chain
from tests.corpus_maker._encoding import add_encoding, add_truncated, add_whole_file
from tests.corpus_maker._injection import add_injection
from tests.corpus_maker._keys import add_missing_keys, add_unknown_keys
from tests.corpus_maker._ledger import add_ledger_rules
from tests.corpus_maker._readme import CATEGORIES, readme
from tests.corpus_maker._references import add_references
from tests.corpus_maker._syntax import add_json_syntax, add_nesting, add_numbers, add_versions
from tests.corpus_maker._times import (
    add_instant_forms,
    add_naive,
    add_span_defects,
    add_when_defects,
    add_zones,
)
from tests.corpus_maker._types import add_wrong_types

__all__ = [
    "CATEGORIES",
    "CORPUS",
    "DELETE",
    "SEED",
    "Case",
    "build",
    "context",
    "files",
    "get",
    "main",
    "readme",
    "write",
]


def build() -> list[Case]:
    """Every case, in a stable order."""
    CASES.clear()
    for part in (
        add_truncated,
        add_encoding,
        add_whole_file,
        add_json_syntax,
        add_numbers,
        add_nesting,
        add_versions,
        add_wrong_types,
        add_naive,
        add_instant_forms,
        add_zones,
        add_when_defects,
        add_span_defects,
        add_unknown_keys,
        add_missing_keys,
        add_references,
        add_ledger_rules,
        add_batches,
        add_injection,
        add_chain,
    ):
        part()
    return sorted(CASES, key=lambda case: case.name)


def write(folder: Path = CORPUS) -> list[Case]:
    """(Re)write the corpus folder: every case's file, the README, and nothing else."""
    cases = build()
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {case.name for case in cases} | {"README.md"}
    for stale in folder.iterdir():
        if stale.name not in wanted:
            stale.unlink()
    for case in cases:
        (folder / case.name).write_bytes(case.data)
    (folder / "README.md").write_text(readme(cases), encoding="utf-8", newline="\n")
    return cases


def files(cases: list[Case]) -> Iterator[tuple[str, bytes]]:
    """Every file the corpus folder must hold, with its bytes."""
    for case in cases:
        yield case.name, case.data
    yield "README.md", readme(cases).encode("utf-8")


def main() -> None:
    """Rewrite the corpus folder and say how many files it holds."""
    written = write()
    print(f"wrote {len(written)} files to {CORPUS}", file=sys.stderr)
