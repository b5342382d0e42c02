"""The command line: ``diplomacy-ledger`` and its subcommands."""

from diplomacy_ledger.cli._main import main

__all__ = [
    "main",
]
