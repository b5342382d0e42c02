"""What every corpus file is made of: the seed's lines, paths into a line, and the helpers
that add a case (:class:`Case`) to :data:`CASES`.

Each :class:`Case` says what a loader must do with its file:

- ``error_line``: the line that ``load_jsonl(path)`` must name (``name.jsonl:<line>``) in its
  :class:`~diplomacy_ledger.LedgerError`; None for a defect of the whole file.
- ``skipped``: the lines that ``load_jsonl(path, skip_bad_lines=True)`` must list as skipped (every
  other line loads); None when even that must raise (a defect of the whole file).
- ``field``: for a damaged field, its path, which the error must name.

Most files are built from the seed ledger's own lines: the lines the damaged entry needs (the
actors, places, sources and entries it points at, transitively), then the damaged line, then a
valid line that needs nothing (a later source), which shows that a loader told to skip bad lines
goes on after the bad one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from diplomacy_ledger.examples import seed_ledger
from diplomacy_ledger.io._jsonl import dumps_jsonl
from diplomacy_ledger.model import references

CORPUS: Final = Path(__file__).resolve().parent.parent / "corpus"
TZDB: Final = "2025b"
"""The tz database version written on every line, whatever the machine has."""

Json = Any
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Case:
    """One malformed file and what a loader must do with it."""

    name: str
    category: str
    defect: str
    data: bytes
    error_line: int | None
    skipped: tuple[int, ...] | None
    field: str | None = None
    """The field the error must name (``record.when.earliest``), where the file damages one."""

    @property
    def whole_file(self) -> bool:
        """True when even ``skip_bad_lines=True`` refuses the file."""
        return self.skipped is None


# -- the seed's lines ----------------------------------------------------------------------------


def dump(value: Json) -> str:
    """A line as the library writes it (compact, UTF-8, keys in order)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _seed() -> tuple[list[str], dict[str, set[str]]]:
    """The seed's lines in format 1, without digests: a damaged line is about that line alone.

    (Format 2 chains each line to the one before; the chain's own defects are in ``_chain``.)
    """
    text = dumps_jsonl(seed_ledger())
    lines = []
    for line in text.splitlines():
        data = json.loads(line)
        assert dump(data) == line, "the generator must rewrite a line byte for byte"
        data["tzdb"] = TZDB
        del data["digest"]
        data["v"] = 1
        lines.append(dump(data))
    needs: dict[str, set[str]] = {}
    for entry in seed_ledger():
        direct = {ref.id for ref in references(entry.record)}
        if entry.supersedes is not None:
            direct.add(entry.supersedes)
        needs[entry.id] = direct
    return lines, needs


SEED_LINES, _NEEDS = _seed()
SEED: Final = {json.loads(line)["id"]: line for line in SEED_LINES}
ORDER: Final = {id: index for index, id in enumerate(SEED)}
TRAILER: Final = dump(
    {
        "v": 1,
        "id": "source-later-note",
        "recorded_at": "2022-09-13T07:00:00Z",
        "kind": "source",
        "record": {"title": "A later note: a valid line after the damaged one"},
        "tzdb": TZDB,
    }
)
"""A valid line that needs nothing, recorded after every seed line."""


def seed(id: str) -> Json:
    """A fresh copy of the seed line ``id``, parsed."""
    return json.loads(SEED[id])


def context(*ids: str) -> list[str]:
    """The seed lines that ``ids`` need, transitively, in the seed's order (``ids`` left out)."""
    found: set[str] = set()
    pending = [need for id in ids for need in _NEEDS[id]]
    while pending:
        id = pending.pop()
        if id not in found:
            found.add(id)
            pending.extend(_NEEDS[id])
    return [SEED[id] for id in sorted(found - set(ids), key=ORDER.__getitem__)]


# -- paths into a line ---------------------------------------------------------------------------

DELETE: Final = object()


def get(value: Json, path: Path_) -> Json:
    for key in path:
        value = value[key]
    return value


def put(value: Json, path: Path_, new: Json) -> Json:
    """``value`` with the item at ``path`` replaced by ``new`` (or removed, for DELETE)."""
    parent = get(value, path[:-1])
    if new is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return value


def changed(id: str, path: Path_, new: Json) -> str:
    return dump(put(seed(id), path, new))


# -- the cases -----------------------------------------------------------------------------------

CASES: list[Case] = []


def add(
    name: str,
    category: str,
    defect: str,
    lines: Sequence[str | bytes],
    *,
    error_line: int | None,
    skipped: tuple[int, ...] | None,
    final_newline: bool = True,
    field: str | None = None,
) -> None:
    parts = [line.encode("utf-8") if isinstance(line, str) else line for line in lines]
    data = b"\n".join(parts) + (b"\n" if final_newline and parts else b"")
    file = f"bad-{name}.jsonl"
    assert all(case.name != file for case in CASES), file
    CASES.append(Case(file, category, defect, data, error_line, skipped, field))


def one_bad_line(
    name: str,
    category: str,
    defect: str,
    id: str,
    bad: str | bytes,
    *,
    trailer: bool = True,
    field: str | None = None,
) -> None:
    """The lines seed entry ``id`` needs, then ``bad`` in its place, then the trailer."""
    lines: list[str | bytes] = [*context(id), bad]
    line = len(lines)
    if trailer:
        lines.append(TRAILER)
    add(name, category, defect, lines, error_line=line, skipped=(line,), field=field)


FIELD_CATEGORIES: Final = frozenset(
    {"wrong-type", "naive-datetime", "instant-form", "zone", "missing-key"}
)
"""Categories whose files damage one field, which the error must name."""


def field_name(path: Path_) -> str:
    """``("record", "participants", 0, "actor")`` as ``record.participants[0].actor``."""
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)[1:]


def bad_value(  # noqa: PLR0917 - one call per file, read as a row of a table
    name: str, category: str, defect: str, id: str, path: Path_, new: Json
) -> None:
    """Seed entry ``id`` with the value at ``path`` replaced by ``new`` (DELETE removes it)."""
    removed_elsewhere = new is DELETE and (len(path) == 1 or category == "zone")
    named = category in FIELD_CATEGORIES and not removed_elsewhere
    field = field_name(path) if named else None
    one_bad_line(name, category, defect, id, changed(id, path, new), field=field)


def slug(path: Path_) -> str:
    """``("record", "when", "zone")`` as ``when.zone``: a path as file names and defects give it."""
    return ".".join(str(part) for part in path).replace("record.", "", 1)


def union(first: list[str], second: list[str]) -> list[str]:
    """The seed lines in ``first`` or ``second``, once each, in the seed's order."""
    known = set(first) | set(second)
    return [line for line in SEED_LINES if line in known]


def entry_line(id: str, recorded_at: str, kind: str, record: Json) -> str:
    """A new line of the current schema version, as the library would write it."""
    return dump(
        {"v": 1, "id": id, "recorded_at": recorded_at, "kind": kind, "record": record, "tzdb": TZDB}
    )
