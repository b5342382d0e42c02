"""Defects of the digest chain (format 2): lines edited, removed, put in, moved, unchained."""

from __future__ import annotations

import json

from diplomacy_ledger.io._chain import rechain_lines
from tests.corpus_maker._base import SEED_LINES, add, dump, seed

# The first lines of the seed hold no reference to a later line: any prefix loads.
_PREFIX = 8


def _chained() -> list[str]:
    return rechain_lines(SEED_LINES[:_PREFIX])


def _edit(line: str, **record: object) -> str:
    """``line`` with record fields changed and its digest kept, as a hand edit leaves it."""
    data = json.loads(line)
    data["record"].update(record)
    return dump(data)


def add_chain() -> None:
    lines = _chained()
    russia = next(n for n, line in enumerate(lines) if json.loads(line)["id"] == "russia")
    edited = [*lines]
    edited[russia] = _edit(lines[russia], aliases=["Russian Empire"])
    add(
        "chain-edited-line",
        "chain",
        "a line edited by hand, its digest left as it was",
        edited,
        error_line=russia + 1,
        skipped=(russia + 1,),
    )
    resealed = rechain_lines(edited)
    resealed[russia + 1 :] = lines[russia + 1 :]
    add(
        "chain-edited-and-resealed",
        "chain",
        "a line edited and given a new digest, the lines after it left as they were",
        resealed,
        error_line=russia + 2,
        skipped=(russia + 2,),
    )
    removed = [*lines[:russia], *lines[russia + 1 :]]
    add(
        "chain-line-removed",
        "chain",
        "a line removed from the middle (the entries after it need nothing from it)",
        removed,
        error_line=russia + 1,
        skipped=(russia + 1,),
    )
    stranger = rechain_lines([dump({**seed("source-article"), "id": "source-stranger"})])[0]
    put_in = [*lines[: russia + 1], stranger, *lines[russia + 1 :]]
    add(
        "chain-line-put-in",
        "chain",
        "a valid line of another file put in, with its own digest",
        put_in,
        error_line=russia + 2,
        skipped=(russia + 2,),
    )
    unchained = [*lines[: russia + 1], dump({**seed("source-article"), "id": "source-old"})]
    add(
        "chain-unchained-line-after-chained",
        "chain",
        "a line of format 1 (no digest) after lines of format 2",
        [*unchained, *lines[russia + 1 :]],
        error_line=russia + 2,
        skipped=(russia + 2,),
    )
    swapped = [*lines]
    swapped[russia], swapped[russia + 1] = swapped[russia + 1], swapped[russia]
    add(
        "chain-lines-swapped",
        "chain",
        "two neighbouring lines swapped",
        swapped,
        # The first of the two does not follow the line before; the second follows that one's
        # predecessor (so it is no break of its own); the line after them follows neither.
        error_line=russia + 1,
        skipped=(russia + 1, russia + 3),
    )
    for name, defect, change in (
        ("upper-case", "a digest in upper case", str.upper),
        ("short", "a digest of 63 hex digits", lambda digest: digest[:-1]),
    ):
        bad = [*lines]
        data = json.loads(bad[russia])
        data["digest"] = change(data["digest"])
        bad[russia] = dump(data)
        add(
            f"chain-digest-{name}",
            "chain",
            defect,
            bad,
            error_line=russia + 1,
            skipped=(russia + 1,),
        )
    moved = [*lines]
    data = json.loads(moved[russia])
    digest = data.pop("digest")
    moved[russia] = dump({"digest": digest, **data})
    add(
        "chain-digest-not-last",
        "chain",
        "the digest written first instead of last",
        moved,
        error_line=russia + 1,
        skipped=(russia + 1,),
    )
    missing = [*lines]
    data = json.loads(missing[russia])
    del data["digest"]
    data["v"] = 2
    missing[russia] = dump(data)
    add(
        "chain-format-2-without-digest",
        "chain",
        "a line of format 2 without its digest",
        missing,
        error_line=russia + 1,
        skipped=(russia + 1,),
    )
    old = [*lines]
    data = json.loads(old[russia])
    data["v"] = 1
    old[russia] = dump(data)
    add(
        "chain-format-1-with-digest",
        "chain",
        "a line of format 1 that carries a digest",
        old,
        error_line=russia + 1,
        skipped=(russia + 1,),
    )
