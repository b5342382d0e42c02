"""check() and Checker (``checks/_check.py``): selection, registration, and sorted findings."""

from __future__ import annotations

from datetime import timedelta

import pytest

from diplomacy_ledger import (
    BUILTIN_CHECKS,
    Call,
    Checker,
    Claim,
    Finding,
    Ledger,
    LedgerError,
    Participant,
    Stance,
    When,
    check,
)
from tests.checks._helpers import T, add, src


def test_user_checks_and_selection(base: Ledger) -> None:
    def too_few(ledger: Ledger) -> list[Finding]:
        return (
            [Finding("small", "possible", (), "fewer than 100 entries")]
            if len(ledger) < 100
            else []
        )

    assert [f.kind for f in check(base, extra={"small": too_few})] == ["small"]
    assert check(base, only=["contradiction"]) == []
    with pytest.raises(LedgerError, match="unknown checks"):
        check(base, only=["nope"])
    checker = Checker()
    with pytest.raises(LedgerError, match="already registered"):
        checker.register("contradiction", too_few)
    assert set(checker.names) == set(BUILTIN_CHECKS)


def test_findings_are_sorted_and_serialisable(base: Ledger) -> None:
    add(base, "a", Claim("media", Stance.ASSERTS, src(), proposition="x"))
    add(base, "d", Claim("aze-gov", Stance.DENIES, src(), about="a"))
    add(base, "c", Call([Participant("pashinyan", "pm"), "putin"], When.year(2000), src()))
    findings = check(base)
    assert [f.kind for f in findings] == ["contradiction", "office_not_held"]
    assert findings == sorted(findings)
    assert findings[0].to_dict()["entries"] == ["a", "d"]
    with pytest.raises(ValueError, match="certainty"):
        Finding("x", "certain", (), "y")  # type: ignore[arg-type]
    assert base.as_of(T - timedelta(seconds=1)) == Ledger()
