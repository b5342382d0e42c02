"""``python -m diplomacy_ledger``: the command line (see :mod:`diplomacy_ledger._cli`)."""

import sys

from diplomacy_ledger._cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
