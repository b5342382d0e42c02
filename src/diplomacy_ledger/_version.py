"""The version of diplomacy-ledger."""

__version__ = "0.1.0.dev0"
