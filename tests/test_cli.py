"""The command line: output on the seed article, and exit statuses."""

from __future__ import annotations

import subprocess
import sys

import pytest

from diplomacy_ledger import __version__
from diplomacy_ledger.__main__ import main


def test_resolve_seed_prints_the_articles_times_in_utc_and_local(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["resolve", "--seed"]) == 0
    out = capsys.readouterr().out
    blocks = {block.splitlines()[0]: block for block in out.split("\n\n")[1:]}
    ceasefire = blocks["'02:30 local time'"]
    assert "UTC            2022-09-12T22:30+00:00" in ceasefire
    assert "Europe/Moscow  2022-09-13T01:30+03:00" in ceasefire
    assert "Europe/Paris   2022-09-13T00:30+02:00" in ceasefire
    midnight = blocks["'midnight'"]
    assert "UTC            2022-09-12T20:00+00:00" in midnight
    early = blocks["'early hours of Tuesday'"]
    assert "Europe/Paris   2022-09-12T22:00+02:00 … 2022-09-13T03:59:59+02:00" in early
    assert set(blocks) >= {"'over the weekend'", "'September 2020'", "'early 1990s'"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["resolve", "someday", "--anchor", "2022-09-13", "--zone", "Asia/Yerevan"], "someday"),
        (["resolve", "noon", "--anchor", "2022-09-13", "--zone", "EDT"], "abbreviation"),
        (["resolve", "noon", "--anchor", "2022-09-13T02:30", "--zone", "Asia/Yerevan"], "offset"),
        (["resolve", "noon"], "--anchor"),
    ],
)
def test_bad_input_exits_2_with_a_message_and_no_traceback(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_bad_arguments_exit_2() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["no-such-command"])
    assert caught.value.code == 2


def test_module_entry_point_and_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "diplomacy_ledger", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"diplomacy-ledger {__version__}"
