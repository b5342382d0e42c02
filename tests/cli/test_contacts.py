"""``diplomacy-ledger contacts``: every option, its output, and its exit statuses."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Entry,
    Provenance,
    Retraction,
    SameEvent,
    When,
    dump_jsonl,
    dumps_jsonl,
    rechain_lines,
)
from diplomacy_ledger.__main__ import main
from diplomacy_ledger.io import encode_entry
from tests.contacts import _february_2022 as february_2022
from tests.contacts._ledgers import T, at, call, cast
from tests.episodes import biden_xi_2021, minsk_2015


@pytest.fixture
def summit(tmp_path: Path) -> Path:
    path = tmp_path / "minsk.jsonl"
    dump_jsonl(minsk_2015.ledger(), path)
    return path


@pytest.fixture
def virtual(tmp_path: Path) -> Path:
    path = tmp_path / "biden-xi.jsonl"
    dump_jsonl(biden_xi_2021.ledger(), path)
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_every_contact_once_per_event(virtual: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["contacts", str(virtual)], capsys)
    assert status == 0
    assert out.splitlines()[0] == "1 contact"  # two readouts, one meeting
    assert "Joe Biden, Xi Jinping" in out


def test_between_names_the_last_contact(virtual: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["contacts", str(virtual), "--between", "Joe Biden", "xi"], capsys)
    assert status == 0
    assert "last contact between Joe Biden and Xi Jinping: us-readout (definite)" in out
    status, out, _ = run(
        ["contacts", str(virtual), "--between", "biden", "xi", "--format", "json"], capsys
    )
    data = json.loads(out)
    assert data["last"] == {
        "certainty": "definite",
        "definite": "us-readout",
        "possible": ["us-readout"],
    }
    assert data["contacts"][0]["entries"] == ["us-readout", "china-readout"]


def test_per_day_in_two_zones_disagrees_on_the_date(
    virtual: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    days = {}
    for zone in ("America/New_York", "Asia/Shanghai"):
        argv = ["contacts", str(virtual), "--actor", "biden", "--per", "day", "--zone", zone]
        status, out, _ = run([*argv, "--format", "csv"], capsys)
        assert status == 0
        [row] = list(csv.DictReader(io.StringIO(out)))
        days[zone] = (row["bucket"], row["definite"], row["possible"])
    assert days == {
        "America/New_York": ("2021-11-15", "1", "1"),
        "Asia/Shanghai": ("2021-11-16", "1", "1"),
    }
    status, out, _ = run(
        ["contacts", str(virtual), "--per", "month", "--zone", "UTC", "--format", "json"], capsys
    )
    assert json.loads(out) == [
        {
            "bucket": "2021-11",
            "first_day": "2021-11-01",
            "last_day": "2021-11-30",
            "definite": 1,
            "possible": 1,
        }
    ]
    status, out, _ = run(["contacts", str(virtual), "--per", "week", "--zone", "UTC"], capsys)
    assert "2021-W46" in out


def test_graph_files_and_their_refusals(
    summit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graphml, node_link = tmp_path / "g.graphml", tmp_path / "g.json"
    assert run(["contacts", str(summit), "--graph", str(graphml)], capsys)[0] == 0
    root = ET.parse(graphml).getroot()
    assert len(root.findall(".//{http://graphml.graphdrawing.org/xmlns}edge")) == 6
    assert (
        run(["contacts", str(summit), "--graph", str(node_link), "--format", "json"], capsys)[0]
        == 0
    )
    assert len(json.loads(node_link.read_text())["links"]) == 6
    before = graphml.read_bytes()
    status, out, err = run(["contacts", str(summit), "--graph", str(graphml)], capsys)
    assert (status, out) == (2, "")  # refused before any output
    assert "exists; pass --force" in err
    assert graphml.read_bytes() == before
    assert run(["contacts", str(summit), "--graph", str(graphml), "--force"], capsys)[0] == 0
    for wrong in (summit, tmp_path / "g.png"):  # never the input, nor a format it cannot write
        status, _, err = run(["contacts", str(summit), "--graph", str(wrong), "--force"], capsys)
        assert status == 2
        assert ".graphml or a .json" in err
    assert summit.read_text().startswith("{")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--per", "day"], "give --zone too"),
        (["--per", "day", "--zone", "Mars/Olympus"], "Mars/Olympus"),
        (["--between", "putin", "merkel", "--per", "day", "--zone", "UTC"], "not a pair"),
        (["--actor", "nobody"], "nobody"),
    ],
)
def test_bad_input_exits_2_without_a_traceback(
    summit: Path, extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(["contacts", str(summit), *extra], capsys)
    assert status == 2
    assert message in err
    assert "Traceback" not in err
    assert out == ""


def test_a_missing_file_and_a_bad_option_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["contacts", str(tmp_path / "none.jsonl")], capsys)[0] == 2
    with pytest.raises(SystemExit) as caught:
        main(["contacts", str(tmp_path / "none.jsonl"), "--per", "year"])
    assert caught.value.code == 2


def test_names_with_control_characters_are_escaped_for_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = cast()
    ledger.append(Actor("Evil\u202e Name", ActorKind.PERSON), id="evil", recorded_at=T)
    call(ledger, "c", ("evil", "putin"), at(0, 0))
    path = tmp_path / "evil.jsonl"
    dump_jsonl(ledger, path)
    status, out, _ = run(["contacts", str(path), "--as-of", "2030-01-01T00:00Z"], capsys)
    assert status == 0
    assert "\u202e" not in out
    assert "Evil\\u202e Name" in out


@pytest.fixture
def week(tmp_path: Path) -> Path:
    path = tmp_path / "february-2022.jsonl"
    dump_jsonl(february_2022.ledger(), path)
    return path


def test_between_in_csv_says_which_contact_is_or_may_be_the_last(
    week: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["contacts", str(week), "--between", "Macron", "Putin", "--format", "csv"]
    status, out, _ = run(argv, capsys)
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(row["id"], row["last"]) for row in rows] == [
        ("macron-putin-2", ""),
        ("macron-putin-1", ""),
        ("putin-macron-21", ""),
        ("macron-putin-24", "definite"),
    ]
    status, out, _ = run([*argv, "--as-of", "2022-02-25", "--zone", "Europe/Moscow"], capsys)
    assert "(between 2022-02-21 00:00 and 2022-02-21 23:59 Europe/Moscow)" in out


def test_a_pair_that_is_one_actor_is_refused(
    week: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(["contacts", str(week), "--between", "Putin", "putin"], capsys)
    assert (status, out) == (2, "")
    assert "one actor" in err


def test_the_graph_is_of_the_contacts_listed(
    week: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "graph.json"
    argv = ["contacts", str(week), "--actor", "Zelensky", "--graph", str(out_path)]
    status, out, _ = run(argv, capsys)
    assert status == 0
    assert out.splitlines()[-1].startswith("wrote the contact graph (3 actors, 2 pairs)")
    links = json.loads(out_path.read_text())["links"]
    assert sorted((link["source"], link["target"]) for link in links) == [
        ("biden", "zelensky"),
        ("macron", "zelensky"),
    ]
    argv = ["contacts", str(week), "--between", "Biden", "Macron", "--graph", str(out_path)]
    status, out, _ = run([*argv, "--force"], capsys)
    assert status == 0
    assert "(7 actors, 21 pairs)" in out  # their call, and the G7 meeting they were both in
    status, out, _ = run(["contacts", str(week), "--graph", str(tmp_path / "g.graphml")], capsys)
    assert "(9 actors, 25 pairs)" in out


def test_entries_kept_out_for_broken_references_are_counted_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = cast()
    call(ledger, "c", ("pashinyan", "putin"), at(0, 0))
    lines = dumps_jsonl(ledger).splitlines()
    broken = Entry("d", T, Call(("pashinyan", "nobody"), at(1, 1), Provenance("article")))
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join(rechain_lines([*lines, encode_entry(broken)])) + "\n")
    status, out, err = run(["contacts", str(path)], capsys)
    assert status == 0
    assert out.splitlines()[0] == "1 contact"
    assert "1 entries kept out for broken references" in err


def test_a_retracted_actor_is_shown_by_its_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = cast()
    call(ledger, "c", ("pashinyan", "putin"), at(0, 0))
    ledger.append(Retraction("putin"), id="r", recorded_at=T)
    path = tmp_path / "retracted.jsonl"
    dump_jsonl(ledger, path)
    status, out, _ = run(["contacts", str(path)], capsys)
    assert status == 0
    assert "Pashinyan, putin" in out


def test_long_names_are_cut_in_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = cast()
    ledger.append(Actor("N" * 500, ActorKind.PERSON), id="long", recorded_at=T)
    call(ledger, "c", ("long", "putin"), at(0, 0))
    path = tmp_path / "long.jsonl"
    dump_jsonl(ledger, path)
    status, out, _ = run(["contacts", str(path), "--between", "long", "putin"], capsys)
    assert status == 0
    assert "N" * 500 not in out
    assert all(len(line) < 300 for line in out.splitlines())


def test_readouts_that_disagree_are_shown_apart_not_as_the_days_between(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = cast()
    call(ledger, "ours", ("pashinyan", "putin"), When.day("2022-09-10", zone="Asia/Yerevan"))
    call(ledger, "theirs", ("putin", "pashinyan"), When.day("2022-09-14", zone="Europe/Moscow"))
    ledger.append(SameEvent(("ours", "theirs")), id="link", recorded_at=T)
    path = tmp_path / "apart.jsonl"
    dump_jsonl(ledger, path)
    status, out, _ = run(["contacts", str(path), "--zone", "UTC"], capsys)
    assert status == 0
    assert (
        "one of: between 2022-09-09 20:00 and 2022-09-10 19:59 UTC; "
        "between 2022-09-13 21:00 and 2022-09-14 20:59 UTC"
    ) in out


def test_a_pair_and_an_actor_at_once_or_a_bad_record_time_exit_2(
    summit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["contacts", str(summit), "--between", "putin", "merkel", "--actor", "putin"])
    assert caught.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
    status, out, err = run(["contacts", str(summit), "--as-of", "yesterday"], capsys)
    assert (status, out) == (2, "")
    assert "cannot read 'yesterday' as a time" in err
