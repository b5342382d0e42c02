"""Running consistency checks: the built-in ones, and any the caller registers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Final

from diplomacy_ledger._errors import LedgerError
from diplomacy_ledger._gc import gc_paused
from diplomacy_ledger.checks._ceasefires import ceasefire_violations
from diplomacy_ledger.checks._claims import contradictions
from diplomacy_ledger.checks._people import (
    double_bookings,
    offices_not_held,
    possibly_same_events,
)
from diplomacy_ledger.checks._readouts import readout_mismatches
from diplomacy_ledger.checks._times import anachronisms, unresolved_local_times
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import Finding, FindingKind

__all__ = ["BUILTIN_CHECKS", "Check", "Checker", "check"]

Check = Callable[[Ledger], Iterable[Finding]]
"""A check: a function from a ledger to the findings it has about it."""

BUILTIN_CHECKS: Final[Mapping[str, Check]] = MappingProxyType(
    {
        FindingKind.CONTRADICTION.value: contradictions,
        FindingKind.OFFICE_NOT_HELD.value: offices_not_held,
        FindingKind.DOUBLE_BOOKING.value: double_bookings,
        FindingKind.POSSIBLY_SAME_EVENT.value: possibly_same_events,
        FindingKind.CEASEFIRE_VIOLATION.value: ceasefire_violations,
        FindingKind.ANACHRONISM.value: anachronisms,
        FindingKind.UNRESOLVED_LOCAL_TIME.value: unresolved_local_times,
        FindingKind.READOUT_MISMATCH.value: readout_mismatches,
    }
)
"""The checks :func:`check` runs, by name. Dangling references are found by loaders
(:func:`~diplomacy_ledger.dangling_references`): a ledger refuses them at append."""


class Checker:
    """A set of named checks to run together: the built-ins, plus your own.

    >>> from diplomacy_ledger import Finding, Ledger
    >>> def no_empty_ledgers(ledger):
    ...     if len(ledger) == 0:
    ...         yield Finding("empty", "definite", (), "the ledger holds nothing")
    >>> checker = Checker()
    >>> checker.register("empty", no_empty_ledgers)
    >>> [finding.kind for finding in checker.run(Ledger())]
    ['empty']
    """

    def __init__(self, checks: Mapping[str, Check] = BUILTIN_CHECKS) -> None:
        self._checks: dict[str, Check] = dict(checks)

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the checks, in the order they run."""
        return tuple(self._checks)

    def register(self, name: str, check: Check) -> None:
        """Add a check under a new name."""
        if name in self._checks:
            raise LedgerError(f"a check named {name!r} is already registered")
        if not callable(check):
            raise LedgerError(f"check {name!r} is not callable")
        self._checks[name] = check

    def run(self, ledger: Ledger, *, only: Iterable[str] | None = None) -> list[Finding]:
        """Run the checks (or ``only`` the named ones) and return the findings, sorted.

        The cyclic garbage collector is paused while they run (and resumed after, if it ran).
        """
        names = list(self._checks) if only is None else list(only)
        unknown = [name for name in names if name not in self._checks]
        if unknown:
            raise LedgerError(f"unknown checks {unknown}; known: {list(self._checks)}")
        findings: list[Finding] = []
        with gc_paused():  # the checks allocate much and free little: collecting finds nothing
            for name in names:
                findings.extend(self._checks[name](ledger))
            return sorted(set(findings), key=_order)


def _order(finding: Finding) -> tuple[str, str, tuple[str, ...]]:
    """How findings sort (as their own ordering does, without its per-comparison cost)."""
    return finding.kind, finding.certainty, finding.entries


def check(
    ledger: Ledger,
    *,
    only: Iterable[str] | None = None,
    extra: Mapping[str, Check] | None = None,
) -> list[Finding]:
    """Run every built-in check on ``ledger`` and return the findings, sorted.

    ``only`` selects checks by name (see :data:`BUILTIN_CHECKS`); ``extra`` adds your own
    checks, each a function from a :class:`Ledger` to findings. Python's cyclic garbage
    collector is paused while the checks run (process-wide) and put back as it was afterwards.
    """
    checker = Checker()
    for name, function in (extra or {}).items():
        checker.register(name, function)
    return checker.run(ledger, only=only)
