"""The seed article's ledger, checked: exactly the findings the docs list, each for its reason."""

from __future__ import annotations

from diplomacy_ledger import check
from diplomacy_ledger import examples as seed


def test_the_seed_ledger_yields_exactly_the_documented_findings() -> None:
    findings = {(f.kind, f.certainty, f.entries) for f in check(seed.seed_ledger())}
    assert findings == {
        # Azerbaijan's claim (known only through Yerevan) that Armenia started the shelling,
        # and Yerevan's "completely false".
        ("contradiction", "definite", (seed.CLAIM_ARMENIA_STARTED, seed.CLAIM_STARTED_DENIAL)),
        # Armenian media's report of the Russian-mediated 02:30 ceasefire, and Azerbaijan's denial.
        (
            "contradiction",
            "definite",
            (seed.CEASEFIRE_REPORTED, seed.REPORT_CEASEFIRE, seed.CLAIM_CEASEFIRE_DENIAL),
        ),
        # The unattributed reports of a "full-scale invasion", and Baku's "false".
        ("contradiction", "definite", (seed.CLAIM_INVASION_REPORTS, seed.CLAIM_INVASION_DENIAL)),
        # The fighting, reportedly ongoing at publication, may have gone on past 02:30; the
        # ceasefire is denied and who began the fighting is disputed: possible.
        (
            "ceasefire_violation",
            "possible",
            (seed.CEASEFIRE_REPORTED, seed.HOSTILITY_SHELLING_ONGOING),
        ),
        # The same shelling after the November 2020 and May 1994 ceasefires: it certainly came
        # after them, but Azerbaijan says Armenia began it, so the attacker is disputed.
        ("ceasefire_violation", "possible", (seed.CEASEFIRE_2020, seed.HOSTILITY_SHELLING_ONGOING)),
        ("ceasefire_violation", "possible", (seed.CEASEFIRE_1994, seed.HOSTILITY_SHELLING_ONGOING)),
        # The 2020 campaign came after the 1994 ceasefire, which the notes give no end; that
        # Baku launched it rests on one source, so it is possible, not definite.
        ("ceasefire_violation", "possible", (seed.CEASEFIRE_1994, seed.HOSTILITY_2020)),
    }


def test_what_the_seed_ledger_must_not_report() -> None:
    kinds = {f.kind for f in check(seed.seed_ledger())}
    # Pashinyan's two calls share one vague window: no double booking. Every leader held their
    # office during the calls. No record speaks of something before it could have happened. No
    # readouts disagree (the calls are Monday evening in Paris and Tuesday in Yerevan, one
    # instant). No wall time was skipped or repeated.
    assert kinds.isdisjoint(
        {
            "double_booking",
            "office_not_held",
            "anachronism",
            "readout_mismatch",
            "unresolved_local_time",
        }
    )


def test_before_the_denial_was_recorded_the_ceasefire_was_not_yet_disputed() -> None:
    ledger = seed.seed_ledger()
    before = ledger.as_of(seed.RECORDED_CEASEFIRE_REPORT)
    findings = {(f.kind, f.entries) for f in check(before)}
    assert (
        "contradiction",
        (seed.CEASEFIRE_REPORTED, seed.REPORT_CEASEFIRE, seed.CLAIM_CEASEFIRE_DENIAL),
    ) not in findings
    after = {(f.kind, f.entries) for f in check(ledger.as_of(seed.RECORDED_CEASEFIRE_DENIAL))}
    assert (
        "contradiction",
        (seed.CEASEFIRE_REPORTED, seed.REPORT_CEASEFIRE, seed.CLAIM_CEASEFIRE_DENIAL),
    ) in after
