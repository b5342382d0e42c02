"""Benchmarks of diplomacy-ledger against its peers (see README.md beside this file)."""
