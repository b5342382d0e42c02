"""Serialized payloads: valid JSON Lines, lines with one field broken, files with one defect.

Dangling references and duplicate ids cannot be planted in a :class:`~diplomacy_ledger.Ledger`
(it refuses them at append), so they are planted in the lines of a file, for loaders to find.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Iterator
from typing import Any, Final, NamedTuple

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from diplomacy_ledger import Entry, FindingKind, Ledger, Retraction, dumps_jsonl
from diplomacy_ledger.io import rechain_lines
from diplomacy_ledger.model import KIND_NAMES, nested_classes, plan_of
from diplomacy_ledger.strategies._args import (
    check_choice,
    check_size,
    check_strategy,
    named,
    shown_arguments,
)
from diplomacy_ledger.strategies._ledgers import ledgers
from diplomacy_ledger.strategies._plant import ExpectedFinding
from diplomacy_ledger.strategies._records import entries

__all__ = [
    "PAYLOAD_DEFECTS",
    "BrokenLine",
    "PayloadDefect",
    "broken_jsonl_lines",
    "jsonl_lines",
    "payloads_with_defect",
    "references_in",
]

PAYLOAD_DEFECTS: Final = ("dangling_reference", "duplicate_id")
"""The defects planted in serialized payloads: a Ledger refuses them at append."""


def _reference_fields() -> tuple[frozenset[str], frozenset[str]]:
    """The keys whose string values, and those whose list items, are ids, in the file format.

    Read from the record plans (the one answer to "which fields are references"), so a record
    field added to the model is planted and followed here without being listed again.
    """
    single: set[str] = set()
    many: set[str] = set()
    seen: set[type] = set()
    pending: list[type] = list(KIND_NAMES)
    while pending:
        cls = pending.pop()
        if cls in seen:
            continue
        seen.add(cls)
        pending.extend(nested_classes(cls))
        for name, kind, _ in plan_of(cls).refs:
            if kind is not None:
                (many if _holds_tuple(cls, name) else single).add(name)
    return frozenset(single), frozenset(many)


def _holds_tuple(cls: type, name: str) -> bool:
    hint = typing.get_type_hints(cls)[name]
    return typing.get_origin(hint) is tuple or any(
        typing.get_origin(argument) is tuple for argument in typing.get_args(hint)
    )


_REFERENCE_KEYS, _REFERENCE_LISTS = _reference_fields()

_ENUM_KEYS: Final = frozenset({"medium", "stance"})
_Path = tuple[str | int, ...]


def jsonl_lines(*, entries: st.SearchStrategy[Entry] | None = None) -> st.SearchStrategy[str]:
    """Single valid lines of the JSON Lines format (no newline), one entry each.

    Requires hypothesis. Each line decodes on its own; the ids its record points at are drawn
    freely, so a list of these lines need not load as a ledger (draw :func:`ledgers` and write
    them with :func:`~diplomacy_ledger.dumps_jsonl` for that).
    """
    check_strategy(entries, "entries")
    source = _entries() if entries is None else entries
    return named(source.map(lambda entry: dumps_jsonl([entry]).rstrip("\n")), entries=entries)


def _entries() -> st.SearchStrategy[Entry]:
    return entries()


class BrokenLine(NamedTuple):
    """A line with one field broken.

    ``field`` is the field's path as errors name it (``"record.when.earliest"``), ``problem``
    says what is wrong with it, ``original`` is the valid line it was made from.
    """

    line: str
    field: str
    problem: str
    original: str


def _path_text(path: _Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _walk(value: Any, path: _Path = ()) -> Iterator[tuple[_Path, Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))


def _breakages(data: dict[str, Any]) -> list[tuple[_Path, str, str, Any]]:
    """Every way to break one field: (path, field as reported, problem, new value or a marker)."""
    found: list[tuple[_Path, str, str, Any]] = [
        (("v",), "v", "a schema version newer than this library reads", 99),
        (("recorded_at",), "recorded_at", "a naive datetime", data["recorded_at"].rstrip("Z")),
        (("kind",), "kind", "an unknown kind", "phone_call"),
        (("id",), "id", "an id with a space in it", "not an id"),
        (("record", "unexpected"), "record", "an unknown key", 1),
    ]
    for path, value in _walk(data["record"], ("record",)):
        key = path[-1]
        parent_key = path[-2] if len(path) > 1 else None
        text = _path_text(path)
        if isinstance(value, dict) and value.get("type") == "when":
            found.append(((*path, "earliest"), f"{text}.earliest", "a naive datetime",
                          value["earliest"].rstrip("Z")))  # fmt: skip
            found.append(
                ((*path, "precision"), f"{text}.precision", "an unknown precision", "week")
            )
            found.append(((*path, "zone"), f"{text}.zone", "a zone abbreviation", "EDT"))
            found.append(((*path, "latest"), text, "bounds out of order", "0001-01-01T00:00:00Z"))
        elif isinstance(value, str) and (
            key in _REFERENCE_KEYS or (isinstance(key, int) and parent_key in _REFERENCE_LISTS)
        ):
            found.append((path, text, "an id with a space in it", "not an id"))
            found.append((path, text, "a number where an id belongs", 5))
        elif isinstance(value, str) and key in _ENUM_KEYS:
            found.append((path, text, "an unknown value", "telepathy"))
    return found


def broken_jsonl_lines(
    *, lines: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[BrokenLine]:
    """Valid lines with exactly one field broken, as :class:`BrokenLine` values.

    Requires hypothesis. The breakages: a naive datetime, bounds out of order, an unknown
    precision, a zone abbreviation, an id that is not an id (or a number where one belongs), an
    unknown enum value, an unknown key, an unknown kind, a too-new schema version. Loading the
    line must fail with a :class:`~diplomacy_ledger.FormatError` whose message names ``field``.
    ``lines`` are the valid lines to break (:func:`jsonl_lines` by default).
    """
    check_strategy(lines, "lines")
    source = jsonl_lines() if lines is None else lines

    @st.composite
    def broken_jsonl_lines(draw: st.DrawFn, /, **shown: object) -> BrokenLine:
        original = draw(source)
        data = json.loads(original)
        path, field, problem, value = draw(st.sampled_from(_breakages(data)))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = value
        line = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return BrokenLine(line, field, problem, original)

    return broken_jsonl_lines(**shown_arguments(lines=lines))


def references_in(line: dict[str, Any]) -> Iterator[tuple[_Path, str]]:
    """The ids a decoded line points at (its record's references, and ``supersedes``)."""
    if isinstance(line.get("supersedes"), str):
        yield ("supersedes",), line["supersedes"]
    for path, value in _walk(line["record"], ("record",)):
        key = path[-1]
        parent_key = path[-2] if len(path) > 1 else None
        if isinstance(value, str) and (
            key in _REFERENCE_KEYS or (isinstance(key, int) and parent_key in _REFERENCE_LISTS)
        ):
            yield path, value


def _breakable(line: dict[str, Any]) -> list[_Path]:
    """References that can point elsewhere without breaking the record itself.

    A call's initiator must stay one of its participants, so neither is rewritten.
    """
    initiator = line["record"].get("initiator")
    return [
        path
        for path, target in references_in(line)
        if path[-1] != "initiator" and not (path[-1] == "actor" and target == initiator)
    ]


@attrs.frozen(eq=False)
class PayloadDefect:
    """The lines of a ledger file with one defect planted in them.

    ``ledger`` is the valid ledger the lines came from. ``line`` is the (1-based) number of the
    line at fault. For a ``dangling_reference``, ``read_jsonl(text, references="report")`` keeps
    the entries in ``expected`` out of the ledger and reports exactly those findings, in file
    order (the first is the entry whose reference was broken; the rest point at it, directly or
    not), and a strict read raises :class:`~diplomacy_ledger.BadReferenceError` at ``line``. For
    a ``duplicate_id``, a read raises :class:`~diplomacy_ledger.DuplicateIdError` at ``line``,
    and ``skip_bad_lines=True`` skips that line alone and loads ``ledger``.
    """

    kind: str
    lines: tuple[str, ...]
    expected: tuple[ExpectedFinding, ...]
    line: int
    ledger: Ledger

    @property
    def text(self) -> str:
        """The lines as the text of a file, each ending with a newline."""
        return "".join(line + "\n" for line in self.lines)


def payloads_with_defect(
    kind: str | st.SearchStrategy[str] | None = None, *, min_size: int = 1, max_size: int = 20
) -> st.SearchStrategy[PayloadDefect]:
    """The lines of a valid ledger file with one defect planted, as a :class:`PayloadDefect`.

    Requires hypothesis. ``kind`` is ``"dangling_reference"`` (one reference rewritten to an id
    no line has) or ``"duplicate_id"`` (a line repeating an earlier line's id: a copy of it, or
    another record), a strategy of them, or None to draw one. The ledger the lines come from is
    drawn by :func:`ledgers` with ``min_size`` and ``max_size``.
    """
    if kind is not None:
        check_choice(kind, "kind", PAYLOAD_DEFECTS)
    check_size(min_size, max_size, lowest=1)
    kinds: st.SearchStrategy[str]
    if kind is None:
        kinds = st.sampled_from(PAYLOAD_DEFECTS)
    elif isinstance(kind, str):
        kinds = st.just(kind)
    else:
        kinds = kind
    sources = ledgers(min_size=min_size, max_size=max_size)

    @st.composite
    def payloads_with_defect(draw: st.DrawFn, /, **shown: object) -> PayloadDefect:
        chosen = draw(kinds)
        if chosen not in PAYLOAD_DEFECTS:
            raise InvalidArgument(f"kind drew {chosen!r}, not one of {list(PAYLOAD_DEFECTS)}")
        ledger = draw(sources)
        lines = dumps_jsonl(ledger).splitlines()
        if chosen == "duplicate_id":
            return _duplicate(draw, ledger, lines)
        return _dangling(draw, ledger, lines)

    return payloads_with_defect(**shown_arguments(min_size=min_size, max_size=max_size, kind=kind))


def _duplicate(draw: st.DrawFn, ledger: Ledger, lines: list[str]) -> PayloadDefect:
    index = draw(st.integers(0, len(lines) - 1))
    id = json.loads(lines[index])["id"]
    copy = json.loads(lines[draw(st.integers(0, len(lines) - 1))])
    copy["id"] = id
    copy.pop("supersedes", None)
    duplicate = json.dumps(copy, ensure_ascii=False, separators=(",", ":"))
    at = draw(st.integers(index + 1, len(lines)))
    planted = rechain_lines([*lines[:at], duplicate, *lines[at:]])
    found = ExpectedFinding("duplicate_id", "definite", (id,))
    return PayloadDefect("duplicate_id", tuple(planted), (found,), at + 1, ledger)


def _dangling(draw: st.DrawFn, ledger: Ledger, lines: list[str]) -> PayloadDefect:
    decoded = [json.loads(line) for line in lines]
    known = {line["id"] for line in decoded}
    missing = next(f"missing-{n}" for n in range(len(known) + 1) if f"missing-{n}" not in known)
    pointing = [n for n, line in enumerate(decoded) if _breakable(line)]
    if not pointing or draw(st.booleans()):
        last = list(ledger)[-1]
        fresh = next(
            f"retraction-{n}" for n in range(len(known) + 1) if f"retraction-{n}" not in known
        )
        entry = Entry(fresh, last.recorded_at, Retraction(missing, "wrong entry"))
        decoded.append(json.loads(dumps_jsonl([entry])))
        broken = len(decoded) - 1
    else:
        broken = draw(st.sampled_from(pointing))
        path = draw(st.sampled_from(_breakable(decoded[broken])))
        parent: Any = decoded[broken]
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = missing
    rejected = {decoded[broken]["id"]}
    found = [ExpectedFinding(FindingKind.DANGLING_REFERENCE, "definite", (decoded[broken]["id"],))]
    for line in decoded[broken + 1 :]:
        if any(target in rejected for _, target in references_in(line)):
            rejected.add(line["id"])
            found.append(ExpectedFinding(FindingKind.DANGLING_REFERENCE, "definite", (line["id"],)))
    planted = tuple(
        rechain_lines(
            json.dumps(line, ensure_ascii=False, separators=(",", ":")) for line in decoded
        )
    )
    return PayloadDefect("dangling_reference", planted, tuple(found), broken + 1, ledger)
