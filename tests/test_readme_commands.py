"""The README's test command is the one CI runs, character for character."""

from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
SHELL_LANGUAGES = frozenset({"bash", "console", "shell"})


def readme_commands() -> list[str]:
    """The command lines in the README's shell blocks, without a leading ``$`` prompt."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for token in MarkdownIt("commonmark").parse(text):
        if token.type == "fence" and token.info.strip() in SHELL_LANGUAGES:
            for line in token.content.splitlines():
                command = line.strip().removeprefix("$ ")
                if command and not command.startswith("#"):
                    commands.append(command)
    return commands


def ci_commands() -> list[str]:
    """The command lines of ``.ci/run``, without comments and blank lines."""
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    stripped = (line.strip() for line in text.splitlines())
    return [line for line in stripped if line and not line.startswith("#")]


def readme_test_command() -> str:
    runs_pytest = [command for command in readme_commands() if "pytest" in command]
    assert len(runs_pytest) == 1, f"README.md must show one test command, found {runs_pytest}"
    return runs_pytest[0]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    assert readme_test_command() in ci_commands()


def test_the_test_command_is_the_last_thing_ci_runs() -> None:
    # Its exit status is then the script's: a failure, or pytest's 5 for "no tests collected",
    # fails CI even though `set -e` ignores failures inside an `a && b && c` list.
    assert ci_commands()[-1] == readme_test_command()


def test_ci_fails_on_errors_and_uses_the_ci_hypothesis_profile() -> None:
    commands = ci_commands()
    assert "set -euo pipefail" in commands
    profile = commands.index("export HYPOTHESIS_PROFILE=ci")
    assert profile < commands.index(readme_test_command())
