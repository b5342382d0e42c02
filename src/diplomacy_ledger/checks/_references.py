"""Dangling references: ids a record points at that no entry holds.

A :class:`Ledger` refuses them at append, so a ledger never holds one; a file can. Loaders that
keep going past them report them with :func:`dangling_references`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from diplomacy_ledger.model import Entry, Finding, FindingKind, references

__all__ = ["dangling_references"]


def dangling_references(entries: Iterable[Entry]) -> Iterator[Finding]:
    """A **definite** finding for every reference to an id that no entry in ``entries`` has.

    References may point forwards or backwards in ``entries``; ``supersedes`` counts too.
    """
    listed = list(entries)
    known = {entry.id for entry in listed}
    for entry in listed:
        pointed = [(ref.path, ref.id) for ref in references(entry.record)]
        if entry.supersedes is not None:
            pointed.append(("supersedes", entry.supersedes))
        for path, target in pointed:
            if target not in known:
                yield Finding(
                    FindingKind.DANGLING_REFERENCE,
                    "definite",
                    (entry.id,),
                    f"entry {entry.id!r} ({entry.kind}) points at {target!r} in {path}, "
                    "but no entry has that id.",
                )
