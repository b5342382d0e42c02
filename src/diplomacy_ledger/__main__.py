"""``python -m diplomacy_ledger``: the command line (see :mod:`diplomacy_ledger.cli._main`)."""

import sys

from diplomacy_ledger.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
