"""The JSON Lines format: round trips, schema versions, errors that say where, and findings."""

from __future__ import annotations

import builtins
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import pytest

from diplomacy_ledger import SCHEMA_VERSION, FormatError, Ledger, LedgerError, When
from diplomacy_ledger.examples import CEASEFIRE_REPORTED, seed_ledger
from diplomacy_ledger.io._chain import rechain_lines
from diplomacy_ledger.io._jsonl import dump_jsonl, dumps_jsonl, load_jsonl, read_jsonl
from diplomacy_ledger.io._jsonl_store import JsonlStore
from diplomacy_ledger.io._lines import decode_entry, encode_entry
from diplomacy_ledger.time._zones import tzdb_version
from tests.make_corpus import SEED, context

ROOT: Final = Path(__file__).resolve().parent.parent.parent
DOCS_SEED: Final = ROOT / "docs" / "examples" / "seed.jsonl"
LINE_KEYS: Final = (
    "v", "id", "recorded_at", "kind", "record", "supersedes", "tzdb", "batch", "digest"
)  # fmt: skip


@pytest.fixture(scope="module")
def seed() -> Ledger:
    return seed_ledger()


def without_tzdb(text: str) -> list[dict[str, Any]]:
    """The lines without the tz database version, and so without the digests that cover it."""
    lines = [json.loads(line) for line in text.splitlines()]
    for line in lines:
        del line["tzdb"]
        line.pop("digest", None)
    return lines


# -- round trips -----------------------------------------------------------------------------------


def test_the_seed_ledger_reads_back_equal_from_a_file(tmp_path: Path, seed: Ledger) -> None:
    path = tmp_path / "ledger.jsonl"
    dump_jsonl(seed, path)
    result = load_jsonl(path)
    assert result.ledger == seed
    # Equality of When leaves out its words and wall time; the text compares them too.
    assert dumps_jsonl(result.ledger) == dumps_jsonl(seed) == path.read_text(encoding="utf-8")
    assert (result.skipped, result.rejected, result.findings) == ((), (), ())


def test_the_documented_example_file_is_the_seed_ledger(seed: Ledger) -> None:
    result = load_jsonl(DOCS_SEED)
    assert result.ledger == seed
    # The tz database the file was written with is the writer's; it is not compared.
    assert without_tzdb(DOCS_SEED.read_text(encoding="utf-8")) == without_tzdb(dumps_jsonl(seed))
    assert (result.skipped, result.rejected) == ((), ())


def test_dumping_replaces_the_file_in_one_step_and_leaves_no_temporary_file(
    tmp_path: Path, seed: Ledger
) -> None:
    path = tmp_path / "ledger.jsonl"
    path.write_text("old contents\n", encoding="utf-8")
    dump_jsonl(seed, path)
    assert [p.name for p in tmp_path.iterdir()] == ["ledger.jsonl"]
    assert load_jsonl(path).ledger == seed


def test_text_and_bytes_read_alike(seed: Ledger) -> None:
    text = dumps_jsonl(seed)
    assert read_jsonl(text).ledger == read_jsonl(text.encode("utf-8")).ledger == seed


def test_a_last_line_without_its_newline_is_a_write_cut_short(seed: Ledger, tmp_path: Path) -> None:
    # One rule for both readers: a line ends with its newline (docs/files.md), so a last line
    # without one is not loaded, even whole: load_jsonl refuses it, JsonlStore reports damage.
    text = dumps_jsonl(seed).removesuffix("\n")
    with pytest.raises(LedgerError, match=r":61: the last line has no newline: a write was cut"):
        read_jsonl(text)
    skipped = read_jsonl(text, skip_bad_lines=True)
    assert len(skipped.ledger) == len(seed) - 1
    assert [line.line for line in skipped.skipped] == [61]
    path = tmp_path / "ledger.jsonl"
    path.write_text(text, encoding="utf-8")
    with JsonlStore(path, readonly=True) as store:
        assert store.ledger() == skipped.ledger
        assert "no newline" in store.damage[0].reason


def test_crlf_line_endings_load(seed: Ledger) -> None:
    """A file that passed through a Windows editor: CR is JSON whitespace."""
    assert read_jsonl(dumps_jsonl(seed).replace("\n", "\r\n")).ledger == seed


def test_an_empty_file_loads_only_when_allowed() -> None:
    assert len(read_jsonl(b"", allow_empty=True).ledger) == 0
    with pytest.raises(LedgerError, match=r"^ledger\.jsonl: empty file"):
        read_jsonl(b"", name="ledger.jsonl")


def test_a_missing_file_is_a_ledger_error(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match=r"nope\.jsonl: cannot read the file"):
        load_jsonl(tmp_path / "nope.jsonl")


def test_references_is_strict_or_report() -> None:
    with pytest.raises(LedgerError, match="'strict' or 'report'"):
        read_jsonl(SEED["russia"], references="lenient")  # type: ignore[arg-type]


# -- the line ------------------------------------------------------------------------------------


def test_a_line_is_compact_json_with_its_keys_in_the_documented_order(seed: Ledger) -> None:
    for entry in seed:
        line = encode_entry(entry, tzdb="2025b")
        data = json.loads(line)
        assert list(data) == [key for key in LINE_KEYS if key in data]
        assert data["v"] == SCHEMA_VERSION == 2
        assert data["tzdb"] == "2025b"
        assert data["kind"] == entry.kind
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z", data["recorded_at"])
        assert line == json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        assert "\n" not in line
        assert decode_entry(line).entry == entry


def test_a_line_records_the_tz_database_it_was_written_with(seed: Ledger) -> None:
    entry = next(iter(seed))
    assert json.loads(encode_entry(entry))["tzdb"] == tzdb_version()
    assert decode_entry(encode_entry(entry, tzdb="2016a")).tzdb == "2016a"


def times_in(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        if value.get("type") == "when":
            yield value["earliest"]
            yield value["latest"]
        for item in value.values():
            yield from times_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from times_in(item)


def test_every_instant_is_written_in_utc_with_z(seed: Ledger) -> None:
    found = [t for line in dumps_jsonl(seed).splitlines() for t in times_in(json.loads(line))]
    assert len(found) > 50
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z", t) for t in found)


def test_batch_markers_load_as_one_batch(seed: Ledger) -> None:
    entries = list(seed)
    lines = rechain_lines(
        encode_entry(entry, batch=(index, len(entries))) for index, entry in enumerate(entries)
    )
    assert read_jsonl("".join(line + "\n" for line in lines)).ledger == seed
    assert decode_entry(encode_entry(entries[0], batch=(0, 2))).batch == (0, 2)


# -- versions ------------------------------------------------------------------------------------


def test_a_newer_schema_version_is_refused_with_a_message_saying_to_upgrade() -> None:
    line = json.loads(SEED["russia"])
    line["v"] = SCHEMA_VERSION + 1
    with pytest.raises(FormatError) as raised:
        read_jsonl(json.dumps(line) + "\n", name="ledger.jsonl")
    assert str(raised.value) == (
        "ledger.jsonl:1: v: written with schema version 3, newer than this library reads (2); "
        "upgrade diplomacy-ledger to read it"
    )


@pytest.mark.parametrize("version", [0, -1, "1", 1.0, True, None])
def test_an_older_or_malformed_schema_version_is_refused_never_misread(version: object) -> None:
    line = json.loads(SEED["russia"])
    line["v"] = version
    with pytest.raises(FormatError, match=r"^ledger\.jsonl:1: v: "):
        read_jsonl(json.dumps(line) + "\n", name="ledger.jsonl")


# -- errors say where ----------------------------------------------------------------------------


def test_an_error_names_the_file_the_line_and_the_field(tmp_path: Path) -> None:
    call = json.loads(SEED["call-pashinyan-putin"])
    call["record"]["when"]["earliest"] = "2022-09-13T00:00:00"
    lines = [*context("call-pashinyan-putin"), json.dumps(call, ensure_ascii=False)]
    path = tmp_path / "ledger.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LedgerError) as raised:
        load_jsonl(path)
    assert str(raised.value) == (
        f"ledger.jsonl:{len(lines)}: record.when.earliest: naive datetime "
        "'2022-09-13T00:00:00' (no offset)"
    )


def test_skipping_bad_lines_reports_each_with_its_line(tmp_path: Path) -> None:
    lines = [SEED["russia"], "{not json", SEED["france"], SEED["russia"]]
    path = tmp_path / "ledger.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load_jsonl(path, skip_bad_lines=True)
    assert [entry.id for entry in result.ledger] == ["russia", "france"]
    assert [(s.line, s.text) for s in result.skipped] == [(2, "{not json"), (4, SEED["russia"])]
    assert result.skipped[0].error.startswith("ledger.jsonl:2: not a JSON line")
    assert result.skipped[1].error.startswith("ledger.jsonl:4: entry 'russia': the ledger already")


# -- the tz database -----------------------------------------------------------------------------


def test_a_wall_time_the_current_rules_put_elsewhere_is_a_finding_not_an_error() -> None:
    """Written when Yerevan's rules put 02:30 an hour later: the instant is kept, and flagged."""
    line = json.loads(SEED[CEASEFIRE_REPORTED])
    effective = line["record"]["effective"]
    assert effective["wall"] == "2022-09-13T02:30:00"
    effective["earliest"] = effective["latest"] = "2022-09-12T21:30:00Z"
    line["tzdb"] = "2016a"
    text = "\n".join([*context(CEASEFIRE_REPORTED), json.dumps(line, ensure_ascii=False)]) + "\n"
    result = read_jsonl(text, name="ledger.jsonl")
    record = result.ledger[CEASEFIRE_REPORTED].record
    assert record.time.start.earliest.isoformat() == "2022-09-12T21:30:00+00:00"  # type: ignore[union-attr]
    [finding] = result.findings
    assert finding.kind == "zone_rules_changed"
    assert finding.entries == (CEASEFIRE_REPORTED,)
    assert finding.explanation.startswith(
        f"ledger.jsonl:{len(context(CEASEFIRE_REPORTED)) + 1}: 2022-09-13 02:30:00 in "
        "Asia/Yerevan was recorded as 2022-09-12T21:30:00+00:00 with tz database 2016a"
    )


def test_wall_times_that_still_match_give_no_finding(seed: Ledger) -> None:
    assert read_jsonl(dumps_jsonl(seed)).findings == ()
    assert When.local("2022-09-13 02:30", zone="Asia/Yerevan").wall is not None


# -- loading runs no code ------------------------------------------------------------------------

PAYLOADS: Final = (
    "__import__('os').system('touch {sentinel}')",
    "cos\nsystem\n(S'touch {sentinel}'\ntR.",
    "!!python/object/apply:os.system ['touch {sentinel}']",
    "{{{{ ''.__class__.__mro__[1].__subclasses__() }}}}",
)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_code_in_a_file_is_data_never_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, payload: str
) -> None:
    sentinel = tmp_path / "pwned"
    text = payload.format(sentinel=sentinel)
    compiled: list[str] = []
    real_eval, real_exec, real_compile = builtins.eval, builtins.exec, builtins.compile

    def spy(real: Any) -> Any:
        def wrapper(source: Any, *args: Any, **kwargs: Any) -> Any:
            compiled.append(source if isinstance(source, str) else repr(source))
            return real(source, *args, **kwargs)

        return wrapper

    monkeypatch.setattr(builtins, "eval", spy(real_eval))
    monkeypatch.setattr(builtins, "exec", spy(real_exec))
    monkeypatch.setattr(builtins, "compile", spy(real_compile))
    monkeypatch.setattr(os, "system", lambda command: pytest.fail(f"os.system({command!r})"))
    line = json.loads(SEED["russia"])
    line["record"]["description"] = text
    data = json.dumps(line, ensure_ascii=False) + "\n"
    loaded = read_jsonl(data).ledger["russia"].record
    assert loaded.description == text  # type: ignore[union-attr]
    line["kind"] = text
    with pytest.raises(FormatError, match="unknown kind"):
        read_jsonl(json.dumps(line) + "\n")
    with pytest.raises(FormatError, match="not a JSON line"):
        read_jsonl(text + "\n")
    assert not sentinel.exists()
    assert not [source for source in compiled if str(sentinel) in source]


def test_a_failed_load_leaves_no_half_built_ledger_behind(seed: Ledger) -> None:
    import gc  # noqa: PLC0415 - this test alone looks at the collector

    text = dumps_jsonl(seed) + '{"v": 1, "id": "broken"}\n'
    before = sum(isinstance(thing, Ledger) for thing in gc.get_objects())
    gc.disable()  # a caller that pauses the collector itself: the load must still clean up
    try:
        for _ in range(3):
            with pytest.raises(LedgerError, match="missing keys"):
                read_jsonl(text)
        after = sum(isinstance(thing, Ledger) for thing in gc.get_objects())
    finally:
        gc.enable()
    assert after == before


def test_a_huge_bad_line_gives_a_short_error_naming_the_first_problems(seed: Ledger) -> None:
    lines = dumps_jsonl(seed).splitlines()
    call = next(json.loads(line) for line in lines if '"kind":"call"' in line)
    call["id"] = "huge"
    call["record"]["participants"] = [{"actor": 5}] * 100_000  # a 1.4 MB line of bad elements
    with pytest.raises(LedgerError) as caught:
        read_jsonl("\n".join([*lines, json.dumps(call)]) + "\n")
    message = str(caught.value)
    assert "record.participants[0].actor: expected a string" in message
    assert "record.participants[9].actor" in message
    assert "record.participants[10].actor" not in message
    assert "may hold more" in message
    assert len(message) < 2_000
