"""The checks: one module per check, the context they share, the wording of their findings.

Built on the ledger, the model and time.
"""

from diplomacy_ledger.checks._bookings import STAY, is_stay
from diplomacy_ledger.checks._check import (
    BUILTIN_CHECKS,
    Check,
    Checker,
    check,
)
from diplomacy_ledger.checks._context import context_for
from diplomacy_ledger.checks._offices import UnrecordedTenure, unrecorded_tenures
from diplomacy_ledger.checks._references import dangling_references
from diplomacy_ledger.checks._wording import time_text

__all__ = [
    "BUILTIN_CHECKS",
    "STAY",
    "Check",
    "Checker",
    "UnrecordedTenure",
    "check",
    "context_for",
    "dangling_references",
    "is_stay",
    "time_text",
    "unrecorded_tenures",
]
