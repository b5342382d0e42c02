"""Hostile and messy files, for every importer: what an analyst's real downloads look like.

Each test states the rule a user relies on (a BOM or CRLF changes nothing; a file that is not the
format is refused whole; a bad row is named by its line and column and loses nothing else; a `"`
in a tab-separated file is a character; the same file twice adds nothing; strict mode leaves the
ledger or store as it was), and checks it on every format it applies to.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from diplomacy_ledger import (
    FormatError,
    ImportRowError,
    Ledger,
    LedgerError,
    Place,
    When,
    import_file,
    open_store,
)
from diplomacy_ledger.importers import BadRow, ImportReport

FIXTURES = Path(__file__).parent / "fixtures"
T0 = datetime(2024, 1, 1, tzinfo=UTC)
T1 = datetime(2024, 1, 2, tzinfo=UTC)

# Each format, a clean file of it, and a word in one of its rows' names to spoil.
CLEAN = {
    "contacts-csv": (FIXTURES / "contacts.csv", b"Orlova"),
    "acled": (FIXTURES / "acled_release1.csv", b"Synthetic Village"),
    "plover": (FIXTURES / "plover.jsonl", b"Synthetic Brigade A"),
    "polecat": (FIXTURES / "polecat.tsv", b"Unidentified gunmen"),
    "gdelt": (FIXTURES / "gdelt.export.CSV", b"AZERBAIJAN"),
    "gdelt-mentions": (FIXTURES / "gdelt.mentions.CSV", b"example.net"),
    "icews": (FIXTURES / "icews.tab", b"Synthetic Militia"),
    "wikidata": (FIXTURES / "wikidata_dump.json", b"Envoy of Synthetica"),
}
HEADED = ["contacts-csv", "acled", "polecat", "icews"]
TABS = ["polecat", "gdelt", "icews"]


def run(
    format: str, path: Path, *, into: object = None, skip: bool = False, at: datetime = T0
) -> tuple[Ledger, ImportReport]:
    options: dict[str, object] = {"skip_bad_rows": skip}
    if not format.startswith("acled"):
        options["recorded_at"] = at
    if format == "gdelt-mentions" and into is None:
        into, _ = import_file(
            FIXTURES / "gdelt.export.CSV", format="gdelt", skip_bad_rows=True, recorded_at=T0
        )
    return import_file(path, format=format, into=into, **options)  # type: ignore[arg-type]


def written(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def summary(report: ImportReport) -> tuple[object, ...]:
    return (
        report.rows_read,
        report.records,
        report.unchanged,
        dict(report.skipped),
        report.actors_created,
    )


@pytest.mark.parametrize("format", sorted(CLEAN))
@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda data: b"\xef\xbb\xbf" + data, id="bom"),
        pytest.param(lambda data: data.replace(b"\n", b"\r\n"), id="crlf"),
        pytest.param(lambda data: b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"), id="bom+crlf"),
        pytest.param(lambda data: data.rstrip(b"\n"), id="no final newline"),
    ],
)
def test_a_byte_order_mark_or_crlf_line_ends_change_nothing(
    tmp_path: Path, format: str, spoil: Callable[[bytes], bytes]
) -> None:
    clean, _ = CLEAN[format]
    plain_ledger, plain = run(format, clean, skip=True)
    path = written(tmp_path, clean.name, spoil(clean.read_bytes()))
    ledger, report = run(format, path, skip=True)
    assert summary(report) == summary(plain)
    assert [entry.record for entry in ledger] == [entry.record for entry in plain_ledger]


@pytest.mark.parametrize("format", sorted(CLEAN))
@pytest.mark.parametrize(
    "data", [b"", b"\n\n  \n", b"\xef\xbb\xbf"], ids=["0 bytes", "blank", "bom"]
)
def test_an_empty_file_is_refused_as_no_file_of_the_format(
    tmp_path: Path, format: str, data: bytes
) -> None:
    path = written(tmp_path, "empty", data)
    with pytest.raises(FormatError, match="the file is empty"):
        run(format, path, skip=True)


@pytest.mark.parametrize("format", HEADED)
def test_a_file_of_only_its_header_imports_nothing(tmp_path: Path, format: str) -> None:
    clean, _ = CLEAN[format]
    header = clean.read_bytes().split(b"\n")[0] + b"\n"
    ledger, report = run(format, written(tmp_path, "header", header))
    assert (report.rows_read, len(ledger)) == (0, 0)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


@pytest.mark.parametrize("format", sorted(CLEAN))
def test_a_binary_file_is_refused_whole(tmp_path: Path, format: str) -> None:
    with pytest.raises(FormatError, match="not a text file") as raised:
        run(format, written(tmp_path, "picture.png", PNG), skip=True)
    assert raised.value.where == f"{tmp_path / 'picture.png'}:1"


def test_a_spreadsheet_saved_as_utf16_is_refused_with_the_fix(tmp_path: Path) -> None:
    text = (FIXTURES / "contacts.csv").read_text("utf-8")
    path = written(tmp_path, "utf16.csv", text.encode("utf-16"))
    with pytest.raises(FormatError, match="UTF-16 text: save it as UTF-8"):
        run("contacts-csv", path, skip=True)


@pytest.mark.parametrize(
    ("format", "other"),
    [
        ("contacts-csv", FIXTURES / "plover.jsonl"),
        ("acled", FIXTURES / "wikidata.json"),
        ("icews", FIXTURES / "acled_release1.csv"),
        ("polecat", FIXTURES / "icews.tab"),
        ("gdelt", FIXTURES / "plover.jsonl"),
        ("gdelt", FIXTURES / "gdelt.mentions.CSV"),
        ("gdelt-mentions", FIXTURES / "gdelt.export.CSV"),
        ("wikidata", FIXTURES / "acled_release1.csv"),
        ("wikidata", FIXTURES / "plover.jsonl"),
    ],
)
def test_a_file_of_another_format_is_refused_whole_even_when_skipping_bad_rows(
    format: str, other: Path
) -> None:
    with pytest.raises(FormatError):
        run(format, other, skip=True)


def test_a_missing_file_is_bad_input_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="cannot read the file"):
        run("acled", tmp_path / "nowhere.csv")


@pytest.mark.parametrize("format", sorted(CLEAN))
def test_latin1_bytes_make_a_bad_row_named_by_line_and_the_rest_imports(
    tmp_path: Path, format: str
) -> None:
    clean, word = CLEAN[format]
    data = clean.read_bytes()
    spoilt = word[:3] + b"\xe9" + word[4:]  # é in Latin-1: not UTF-8
    line = data[: data.index(word)].count(b"\n") + 1
    path = written(tmp_path, clean.name, data.replace(word, spoilt, 1))
    ledger = Ledger()
    with pytest.raises(ImportRowError) as raised:
        run(format, path, into=ledger)
    assert (raised.value.line, raised.value.reason) == (line, "not UTF-8")
    assert b"\xe9" in repr(raised.value.value).encode() or "\\xe9" in str(raised.value)
    assert len(ledger) == 0
    _, report = run(format, path, skip=True)
    assert report.skipped["not UTF-8"] == 1
    (bad,) = [row for row in report.bad_rows if row.reason == "not UTF-8"]
    assert bad.line == line


@pytest.mark.parametrize("format", TABS)
def test_a_quote_in_a_tab_separated_file_is_a_character_and_swallows_no_line(
    tmp_path: Path, format: str
) -> None:
    clean, word = CLEAN[format]
    _, plain = run(format, clean, skip=True)
    quoted = b'"' + word  # an opening quote that never closes
    path = written(tmp_path, clean.name, clean.read_bytes().replace(word, quoted, 1))
    ledger, report = run(format, path, skip=True)
    assert report.rows_read == plain.rows_read
    assert report.records == plain.records
    names = {getattr(entry.record, "name", None) for entry in ledger}
    assert f'"{word.decode()}' in names


@pytest.mark.parametrize("format", TABS)
def test_a_carriage_return_alone_is_no_line_end_in_a_tab_separated_file(
    tmp_path: Path, format: str
) -> None:
    clean, word = CLEAN[format]
    _, plain = run(format, clean, skip=True)
    spoilt = word[:3] + b"\r" + word[3:]
    path = written(tmp_path, clean.name, clean.read_bytes().replace(word, spoilt, 1))
    _, report = run(format, path, skip=True)
    assert report.rows_read == plain.rows_read  # the row is not cut in two
    data = clean.read_bytes()
    line = data[: data.index(word)].count(b"\n") + 1
    (bad,) = [row for row in report.bad_rows if row.line == line]
    assert "\\r" in bad.message  # the name is refused, the character shown escaped


def test_a_quoted_csv_cell_may_hold_commas_tabs_and_line_breaks(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        "quoted.csv",
        b"id,participants,date,zone,summary\n"
        b'q1,"Delegate Orlova; Delegate Brandt",2022-09-13,Asia/Yerevan,"first line,\n'
        b'\tsecond line"\n'
        b"q2,Delegate Orlova; Delegate Brandt,2022-09-99,Asia/Yerevan,\n",
    )
    ledger = Ledger()
    with pytest.raises(ImportRowError) as raised:
        run("contacts-csv", path, into=ledger)
    assert (raised.value.line, raised.value.column) == (4, "date")  # the line q2 starts on
    imported, report = run("contacts-csv", path, skip=True)
    assert imported.record("contacts:q1").summary == "first line,\n\tsecond line"  # type: ignore[union-attr]
    assert [(row.line, row.reason) for row in report.bad_rows] == [(4, "bad date")]


def test_a_csv_row_with_a_quote_left_open_is_named_by_its_first_line(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        "open.csv",
        b"id,participants,date,zone\n"
        b'o1,"Delegate Orlova; Delegate Brandt,2022-09-13,Asia/Yerevan\n'
        b"o2,Delegate Orlova; Delegate Brandt,2022-09-14,Asia/Yerevan\n",
    )
    with pytest.raises(ImportRowError) as raised:
        run("contacts-csv", path)
    assert (raised.value.line, raised.value.reason) == (2, "wrong number of columns")
    assert "runs on to line 3: a quote left open?" in str(raised.value)


def test_a_name_with_a_line_break_is_refused_naming_its_row(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        "names.csv",
        b'id,participants,date,zone\nn1,"Delegate\nOrlova; Delegate Brandt",2022-09-13,UTC\n',
    )
    with pytest.raises(ImportRowError) as raised:
        run("contacts-csv", path)
    assert (raised.value.line, raised.value.column) == (2, "participants")
    assert "one line of text" in str(raised.value)


def cut_row(format: str, data: bytes, change: Callable[[list[bytes]], list[bytes]]) -> bytes:
    """``data`` with the cells of its first data row changed by ``change``."""
    lines = data.split(b"\n")
    index = 0 if format in {"gdelt", "gdelt-mentions"} else 1
    separator = b"\t" if format in {*TABS, "gdelt-mentions"} else b","
    lines[index] = separator.join(change(lines[index].split(separator)))
    return b"\n".join(lines)


@pytest.mark.parametrize("format", [*HEADED, "gdelt", "gdelt-mentions"])
@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda cells: cells[:-2], id="too few"),
        pytest.param(lambda cells: [*cells, b"extra"], id="too many"),
    ],
)
def test_a_row_with_too_few_or_too_many_cells_is_a_bad_row(
    tmp_path: Path, format: str, change: Callable[[list[bytes]], list[bytes]]
) -> None:
    clean, _ = CLEAN[format]
    data = cut_row(format, clean.read_bytes(), change)
    if format in {"gdelt", "gdelt-mentions"}:  # the first row says what a file is: spoil row 2
        lines = data.split(b"\n")
        lines[0], lines[1] = lines[1], lines[0]
        data = b"\n".join(lines)
    path = written(tmp_path, clean.name, data)
    with pytest.raises(ImportRowError) as raised:
        run(format, path)
    assert (raised.value.line, raised.value.reason) == (2, "wrong number of columns")


@pytest.mark.parametrize("format", ["contacts-csv", "acled", "polecat", "icews", "gdelt"])
def test_an_echoed_value_is_cut_short_and_its_control_characters_escaped(
    tmp_path: Path, format: str
) -> None:
    clean, word = CLEAN[format]
    hostile = b"\x1b[2J\x07" + b"X" * 20_000
    data = clean.read_bytes()
    if format in {"contacts-csv", "acled"}:
        hostile = b'"' + hostile + b'"'
    path = written(tmp_path, clean.name, data.replace(word, hostile, 1))
    with pytest.raises(LedgerError) as raised:
        run(format, path)
    text = str(raised.value)
    assert len(text) < 1000
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "\\x1b" in text


DATES = ["2023-02-29", "0000-00-00", "2023-13-01", "20231301", "2023-02-30"]


@pytest.mark.parametrize("bad", DATES)
@pytest.mark.parametrize(
    ("format", "good"),
    [
        ("contacts-csv", b"2022-09-13"),
        ("acled", b"2022-09-13"),
        ("polecat", b"2023-01-03"),
        ("icews", b"2018-05-08"),
        ("plover", b"2022-09-13"),
    ],
)
def test_an_impossible_date_is_a_bad_row_never_a_guess(
    tmp_path: Path, format: str, good: bytes, bad: str
) -> None:
    clean, _ = CLEAN[format]
    path = written(tmp_path, clean.name, clean.read_bytes().replace(good, bad.encode(), 1))
    with pytest.raises(ImportRowError) as raised:
        run(format, path)
    assert raised.value.reason == "bad date"
    assert raised.value.value == bad


@pytest.mark.parametrize("bad", ["20230229", "00000000", "20231301"])
def test_an_impossible_gdelt_day_is_a_bad_row(tmp_path: Path, bad: str) -> None:
    clean, _ = CLEAN["gdelt"]
    lines = clean.read_text("utf-8").splitlines()
    cells = lines[0].split("\t")
    cells[1:4] = [bad, bad[:6], bad[:4]]
    path = written(tmp_path, "bad.CSV", ("\t".join(cells) + "\n").encode())
    with pytest.raises(ImportRowError) as raised:
        run("gdelt", path)
    assert (raised.value.column, raised.value.reason) == ("SQLDATE", "bad date")


@pytest.mark.parametrize("precision", ["0", "4", "", "1.0", "-1", "one"])
def test_an_acled_time_precision_outside_one_to_three_is_a_bad_row(
    tmp_path: Path, precision: str
) -> None:
    clean, _ = CLEAN["acled"]
    path = written(
        tmp_path,
        "acled.csv",
        clean.read_bytes().replace(b",2022,1,", f",2022,{precision},".encode(), 1),
    )
    with pytest.raises(ImportRowError) as raised:
        run("acled", path)
    assert (raised.value.line, raised.value.column) == (2, "time_precision")
    assert raised.value.reason == "bad time precision"


def gdelt_row(**changes: str) -> bytes:
    cells = (FIXTURES / "gdelt.export.CSV").read_text("utf-8").splitlines()[0].split("\t")
    columns = {"SQLDATE": 1, "MonthYear": 2, "Year": 3, "DATEADDED": 59}
    for name, value in changes.items():
        cells[columns[name]] = value
    return ("\t".join(cells) + "\n").encode()


def test_a_gdelt_event_dated_after_gdelt_added_it_is_a_bad_row(tmp_path: Path) -> None:
    # SQLDATE 13 September 2022 begins, on Kiritimati's clocks (UTC+14), at 10:00 UTC on the
    # 12th: added at 09:59 UTC on the 12th, it was reported before it could have happened.
    late = written(tmp_path, "late.CSV", gdelt_row(DATEADDED="20220912095900"))
    with pytest.raises(ImportRowError) as raised:
        run("gdelt", late)
    assert (raised.value.column, raised.value.reason) == ("SQLDATE", "dated after it was added")
    # added at 10:00 UTC on the 12th, it may be the 13th somewhere already: imported
    early = written(tmp_path, "early.CSV", gdelt_row(DATEADDED="20220912100000"))
    _, report = run("gdelt", early)
    assert report.records == 1
    # an event GDELT found years after it happened is no contradiction
    old = written(
        tmp_path, "old.CSV", gdelt_row(SQLDATE="20041126", MonthYear="200411", Year="2004")
    )
    assert run("gdelt", old)[1].records == 1


def test_a_gdelt_month_or_year_disagreeing_with_sqldate_is_a_bad_row(tmp_path: Path) -> None:
    path = written(tmp_path, "shifted.CSV", gdelt_row(MonthYear="202210"))
    with pytest.raises(ImportRowError) as raised:
        run("gdelt", path)
    assert raised.value.reason == "dates disagree"


def test_a_wikidata_tenure_ending_before_it_starts_is_a_bad_row(tmp_path: Path) -> None:
    dump = (FIXTURES / "wikidata_dump.json").read_text("utf-8")
    entity = json.loads(dump.splitlines()[2].rstrip(","))
    statement = entity["claims"]["P39"][0]
    statement["qualifiers"]["P580"][0]["datavalue"]["value"]["precision"] = 11
    statement["qualifiers"]["P582"][0]["datavalue"]["value"]["time"] = "+2010-05-07T00:00:00Z"
    path = written(tmp_path, "ends.json", f"[\n{json.dumps(entity)}\n]\n".encode())
    with pytest.raises(ImportRowError) as raised:
        run("wikidata", path)
    assert (raised.value.line, raised.value.reason) == (2, "bad tenure")
    assert "ends (2010-05-07) no later than it starts (2012-05-07)" in str(raised.value)


@pytest.mark.parametrize(
    "value",
    [
        {"id": "Q1", "claims": {"P39": "not a list"}},
        {"id": "Q1", "claims": {"P39": [{"mainsnak": {"datavalue": "x"}, "qualifiers": []}]}},
        {
            "id": "Q1",
            "claims": {
                "P39": [
                    {
                        "mainsnak": {
                            "snaktype": "value",
                            "datavalue": {"value": {"id": "Q2"}},
                        },
                        "qualifiers": {"P580": {"snaktype": "value"}},
                    }
                ]
            },
        },
        {
            "id": "Q1",
            "claims": {
                "P39": [
                    {
                        "mainsnak": {"snaktype": "value", "datavalue": {"value": {"id": "Q2"}}},
                        "qualifiers": {"P580": [{"snaktype": "value", "datavalue": [1]}]},
                        "references": [{"snaks": {"P854": "x", "P248": 3}, "hash": {}}],
                    }
                ]
            },
        },
    ],
    ids=["claims not a list", "qualifiers a list", "snaks not a list", "datavalue a list"],
)
def test_wikidata_json_of_an_unexpected_shape_is_a_bad_row_never_a_crash(
    tmp_path: Path, value: object
) -> None:
    path = written(tmp_path, "odd.json", f"[\n{json.dumps(value)}\n]\n".encode())
    _, report = run("wikidata", path, skip=True)
    assert report.rows_read == 1
    assert report.skipped_rows == 1


@pytest.mark.parametrize(
    ("format", "path", "row", "other"),
    [
        (
            "contacts-csv",
            "dup.csv",
            b"d1,Delegate Orlova; Delegate Brandt,2022-09-13,UTC\n",
            b"d1,Delegate Orlova; Delegate Brandt,2022-09-14,UTC\n",
        ),
        (
            "plover",
            "dup.jsonl",
            (
                b'{"id": "D1", "date": "2022-09-13", "actor": ["ARM"], "recipient": ["AZE"], '
                b'"event": ["ACCUSE"]}\n'
            ),
            (
                b'{"id": "D1", "date": "2022-09-14", "actor": ["ARM"], "recipient": ["AZE"], '
                b'"event": ["ACCUSE"]}\n'
            ),
        ),
    ],
)
def test_an_id_twice_in_one_file_with_other_contents_is_refused_naming_the_first(
    tmp_path: Path, format: str, path: str, row: bytes, other: bytes
) -> None:
    header = b"id,participants,date,zone\n" if format == "contacts-csv" else b""
    first = 2 if header else 1
    file = written(tmp_path, path, header + row + other)
    with pytest.raises(ImportRowError) as raised:
        run(format, file)
    assert (raised.value.line, raised.value.reason) == (first + 1, "duplicate id")
    assert f"the id is on line {first} already" in str(raised.value)
    # the same row again is the same row: unchanged
    again = written(tmp_path, "again-" + path, header + row + row)
    _, report = run(format, again)
    assert (report.records, report.unchanged) == (1, 1)
    # into a ledger already holding the id: the first row corrects it, the second is refused,
    # and with skip_bad_rows the import goes through (it once broke the batch)
    ledger, _ = run(format, written(tmp_path, "base-" + path, header + row))
    changed = written(tmp_path, "changed-" + path, header + other + row)
    _, report = run(format, changed, into=ledger, skip=True, at=T1)
    assert (report.corrections, report.skipped) == (1, {"duplicate id": 1})


@pytest.mark.parametrize("format", sorted(CLEAN))
@pytest.mark.parametrize("suffix", [".jsonl", ".sqlite"])
def test_the_same_file_twice_into_a_store_adds_nothing(
    tmp_path: Path, format: str, suffix: str
) -> None:
    store = tmp_path / f"ledger{suffix}"
    clean, _ = CLEAN[format]
    if format == "gdelt-mentions":
        run("gdelt", FIXTURES / "gdelt.export.CSV", into=store, skip=True)
    _, first = run(format, clean, into=store, skip=True)
    with open_store(store, readonly=True) as opened:
        before = list(opened.ledger())
    _, second = run(format, clean, into=store, skip=True, at=T1)
    with open_store(store, readonly=True) as opened:
        assert list(opened.ledger()) == before
    assert second.records == second.corrections == second.retractions == 0
    assert second.actors_created == ()
    assert second.unchanged == first.records + first.corrections + first.unchanged


def store_state(store: Path) -> object:
    if store.suffix == ".jsonl":
        return store.read_bytes()
    with sqlite3.connect(store) as connection:
        return connection.execute("select * from entries order by rowid").fetchall()


@pytest.mark.parametrize("format", sorted(CLEAN))
@pytest.mark.parametrize("suffix", [".jsonl", ".sqlite"])
def test_a_bad_row_in_strict_mode_leaves_the_store_as_it_was(
    tmp_path: Path, format: str, suffix: str
) -> None:
    store = tmp_path / f"ledger{suffix}"
    with open_store(store) as opened:
        opened.append(Place("Somewhere", zone="UTC"), id="somewhere", recorded_at=T0)
    clean, word = CLEAN[format]
    data = clean.read_bytes()
    spoilt = written(tmp_path, clean.name, data.replace(word, word[:3] + b"\xff", 1))
    if format == "gdelt-mentions":
        run("gdelt", FIXTURES / "gdelt.export.CSV", into=store, skip=True)
    before = store_state(store)
    with pytest.raises(ImportRowError):
        run(format, spoilt, into=store, at=T1)
    assert store_state(store) == before


def test_skipping_bad_rows_on_the_command_line_names_each_and_exits_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from diplomacy_ledger.__main__ import main  # noqa: PLC0415

    store = tmp_path / "ledger.sqlite"
    icews = FIXTURES / "icews.tab"
    args = ["import", "icews", str(icews), "--into", str(store), "--skip-bad-rows"]
    assert main([*args, "--recorded-at", "2024-01-01T00:00Z"]) == 1
    out = capsys.readouterr().out
    assert f"bad row {icews}:7: Event Date: expected a date" in out
    assert main([*args, "--recorded-at", "2024-01-02T00:00Z", "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["files"][0]["bad_rows"] == [
        BadRow(
            str(icews),
            7,
            "Event Date",
            "bad date",
            "expected a date YYYY-MM-DD (or M/D/YYYY) (got '2018-02-30')",
        ).to_dict()
    ]


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("country", "day", "earliest", "latest"),
    [
        # New York (UTC-5 in January) begins the day; Honolulu and Adak (UTC-10) end it
        ("US", "2022-01-05", "2022-01-05T05:00", "2022-01-06T09:59:59.999999"),
        # Kamchatka (UTC+12) to Kaliningrad (UTC+2)
        ("RU", "2022-09-13", "2022-09-12T12:00", "2022-09-13T21:59:59.999999"),
        # Kazakhstan in 2022: Almaty and Qostanay (UTC+6) to Aqtobe, Oral and the west (UTC+5)
        ("KZ", "2022-09-13", "2022-09-12T18:00", "2022-09-13T18:59:59.999999"),
        # Brazil in January 2023: Noronha (UTC-2) to Rio Branco and Eirunepe (UTC-5)
        ("BR", "2023-01-05", "2023-01-05T02:00", "2023-01-06T04:59:59.999999"),
        # one zone: Armenia (UTC+4)
        ("AM", "2022-09-13", "2022-09-12T20:00", "2022-09-13T19:59:59.999999"),
    ],
)
def test_a_day_in_a_country_is_the_union_of_its_zones_days_never_utc_midnight(
    tmp_path: Path, country: str, day: str, earliest: str, latest: str
) -> None:
    path = written(
        tmp_path,
        "day.csv",
        f"id,participants,date,country\nc,Delegate Orlova; B,{day},{country}\n".encode(),
    )
    ledger, _ = run("contacts-csv", path)
    when = ledger.record("contacts:c").when  # type: ignore[union-attr]
    assert isinstance(when, When)
    assert (when.earliest, when.latest) == (utc(earliest), utc(latest))


def test_a_country_by_its_alpha3_code_has_the_same_zones(tmp_path: Path) -> None:
    two = written(tmp_path, "two.csv", b"id,participants,date,country\nc,A; B,2022-01-05,US\n")
    three = written(tmp_path, "three.csv", b"id,participants,date,country\nc,A; B,2022-01-05,USA\n")
    first = run("contacts-csv", two)[0].record("contacts:c").when  # type: ignore[union-attr]
    second = run("contacts-csv", three)[0].record("contacts:c").when  # type: ignore[union-attr]
    assert isinstance(first, When)
    assert isinstance(second, When)
    assert (first.earliest, first.latest) == (second.earliest, second.latest)
    assert first.latest - first.earliest > timedelta(hours=28)  # the union, not one zone's day


def test_an_unknown_country_is_refused_in_a_spreadsheet_and_anywhere_on_earth_in_a_dataset(
    tmp_path: Path,
) -> None:
    typed = written(tmp_path, "typo.csv", b"id,participants,date,country\nc,A; B,2022-01-05,XQ\n")
    with pytest.raises(ImportRowError) as raised:
        run("contacts-csv", typed)
    assert (raised.value.column, raised.value.reason) == ("country", "unknown country")
    # a dataset's own country names are its vocabulary: one the time zone database does not
    # know makes that day anywhere on Earth (UTC+14 to UTC-12), never a guessed zone
    clean, _ = CLEAN["acled"]
    data = clean.read_bytes().replace(b",Armenia,Gegharkunik,", b",Atlantis,Gegharkunik,", 1)
    ledger, _ = run("acled", written(tmp_path, "atlantis.csv", data))
    start = ledger.record("acled:ARM9001").span.start  # type: ignore[union-attr]
    assert (start.earliest, start.latest) == (
        utc("2022-09-12T10:00"),
        utc("2022-09-14T11:59:59.999999"),
    )


def test_icews_writes_a_missing_country_na_which_is_not_namibia(tmp_path: Path) -> None:
    lines = (FIXTURES / "icews.tab").read_text("utf-8").splitlines()
    cells = lines[4].split("\t")  # a fight in Armenia
    cells[-3:] = ["NA", "NA", "NA"]  # Country, Latitude, Longitude missing
    path = written(tmp_path, "na.tab", f"{lines[0]}\n{chr(9).join(cells)}\n".encode())
    ledger, _ = run("icews", path)
    start = ledger.record("icews:9002:2018-05-09").span.start  # type: ignore[union-attr]
    assert (start.earliest, start.latest) == (  # anywhere on Earth, not Namibia's UTC+2
        utc("2018-05-08T10:00"),
        utc("2018-05-10T11:59:59.999999"),
    )


def test_an_icews_release_dated_month_first_reads_as_written(tmp_path: Path) -> None:
    lines = (FIXTURES / "icews.tab").read_text("utf-8").splitlines()
    row = lines[3].replace("2018-05-09", "5/9/2018")
    ledger, _ = run("icews", written(tmp_path, "us.tab", f"{lines[0]}\n{row}\n".encode()))
    call = ledger.record("icews:9001:2018-05-09")  # the same id as the ISO-dated row's
    assert call.when.text == "5/9/2018"  # type: ignore[union-attr]


def repeated_gdelt(path: Path, rows: int) -> Path:
    cells = (FIXTURES / "gdelt.export.CSV").read_text("utf-8").splitlines()[0].split("\t")
    cells[60] = "https://example.org/" + "a" * 4000  # a long row: 4 KB a line
    line = ("\t".join(cells) + "\n").encode()
    path.write_bytes(line * rows)
    return path


def repeated_contacts(path: Path, rows: int) -> Path:
    row = f"r1,Delegate Orlova; Delegate Brandt,2022-09-13,UTC,{'a' * 2000}\n".encode()
    path.write_bytes(b"id,participants,date,zone,summary\n" + row * rows)
    return path


def repeated_plover(path: Path, rows: int) -> Path:
    record = {
        "id": "R1",
        "date": "2022-09-13",
        "actor": ["ARM"],
        "recipient": ["AZE"],
        "event": ["ACCUSE"],
        "event_text": ["a" * 4000],
    }
    path.write_bytes((json.dumps(record) + "\n").encode() * rows)
    return path


@pytest.mark.parametrize(
    ("format", "make"),
    [("gdelt", repeated_gdelt), ("contacts-csv", repeated_contacts), ("plover", repeated_plover)],
)
def test_memory_is_bounded_by_the_ledger_not_by_the_file(
    tmp_path: Path, format: str, make: Callable[[Path, int], Path]
) -> None:
    # One row repeated: the ledger gets one event whatever the file's length, so an importer
    # that streams peaks alike on 200 rows and on 4,000 (8 MB); one that held the file would
    # peak 8 MB higher. Measured by tracemalloc (allocations, not time: deterministic).
    import tracemalloc  # noqa: PLC0415

    peaks = []
    for rows in (100, 2000):
        path = make(tmp_path / f"{rows}.txt", rows)
        tracemalloc.start()
        try:
            _, report = run(format, path)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
        assert (report.records, report.unchanged) == (1, rows - 1)
    assert peaks[1] - peaks[0] < 1_000_000, peaks


def test_progress_goes_to_a_terminals_stderr_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys  # noqa: PLC0415

    from diplomacy_ledger.__main__ import main  # noqa: PLC0415
    from diplomacy_ledger.importers import _session  # noqa: PLC0415

    monkeypatch.setattr(_session, "PROGRESS_EVERY", 2)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    path = repeated_gdelt(tmp_path / "rows.CSV", 5)
    store = tmp_path / "ledger.jsonl"
    assert main(["import", "gdelt", str(path), "--into", str(store)]) == 0
    out, err = capsys.readouterr()
    assert "importing" not in out
    assert f"\rimporting {path}: 2 rows\rimporting {path}: 4 rows\n" == err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert main(["import", "gdelt", str(path), "--into", str(store)]) == 0
    assert capsys.readouterr().err == ""
