"""Corroboration, defined once: which accounts vouch for a record, and when two are independent.

An *account* is one telling of something: who it rests on (see :meth:`CheckContext.asserter`; a
record with no attribution chain rests on its source) and the source it came through. A source
vouches only for what it states: a record for all it says, a report that a record's event
happened for the event only, a claim accusing someone for who began it. Two accounts are
independent when they rest on different actors and come through different sources. What rests
on fewer than two independent accounts, or on the accused party's adversary alone, is at most
possible; and missing information never raises certainty: fighting with no attacker named,
or "between" sides with none named as the attacker, establishes no party's violation.
"""

from __future__ import annotations

from collections.abc import Iterable

from diplomacy_ledger.checks._context import CheckContext
from diplomacy_ledger.model import Claim, Entry, Hostility, Report, Stance

__all__ = ["Account", "account_of", "hostility_doubts", "independent"]

Account = tuple[str, str]
"""Who an account rests on, and the source it came through (ids of first versions)."""


def account_of(context: CheckContext, entry: Entry) -> Account:
    """The account a record gives: who it rests on and its source."""
    provenance = getattr(entry.record, "provenance", None)
    source = "" if provenance is None else context.root[provenance.source]
    who = context.asserter(entry)
    return (who if who is not None else f"source {source}", source)


def independent(accounts: Iterable[Account]) -> bool:
    """Whether two of the accounts rest on different actors and come through different sources."""
    seen: list[Account] = []
    for who, source in accounts:
        if any(who != other and source != through for other, through in seen):
            return True
        seen.append((who, source))
    return False


def hostility_doubts(context: CheckContext, fight: Entry) -> list[str]:
    """Why a hostility, or who began it, is not established; empty when both are.

    Worked out once per event and context. The event's readouts (its SameEvent group), the
    reports and asserting claims about them, and claims accusing someone of them are the
    accounts.
    """
    memo = context.memo.setdefault("hostility_doubts", {})
    assert isinstance(memo, dict)
    key = context.event_key(fight)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _hostility_doubts(context, context.event(fight))
    assert isinstance(found, list)
    return found


def _hostility_doubts(context: CheckContext, readouts: tuple[Entry, ...]) -> list[str]:
    words = context.words
    record = readouts[0].record
    assert isinstance(record, Hostility)
    attackers = context.lineage(record.attacker) if record.attacker else frozenset()
    doubts = [
        f"{words.describe(denial)} denies it"
        for readout in readouts
        for denial in context.disputed(readout)
    ]
    happened: list[Account] = []
    began: list[Account] = []
    for readout in readouts:
        account = account_of(context, readout)
        happened.append(account)
        told = readout.record
        assert isinstance(told, Hostility)
        if told.attacker and context.lineage(told.attacker) & attackers:
            began.append(account)
        for other in context.about.get(context.root[readout.id], ()):
            claim = other.record
            if isinstance(claim, Claim) and claim.stance is Stance.ACCUSES and claim.accused:
                happened.append(account_of(context, other))
                if context.lineage(claim.accused) & attackers:
                    began.append(account_of(context, other))
                elif attackers:  # someone else is said to have begun what the record attributes
                    says = f"{words.describe(other)} says"
                    doubts.append(f"{says} {words.name(claim.accused)} began it")
            elif isinstance(claim, Claim) and claim.stance is Stance.ASSERTS:
                happened.append(account_of(context, other))  # the record, all it says
                began.append(account_of(context, other))
            elif isinstance(claim, Report):
                happened.append(account_of(context, other))  # that it happened, no more

    def sources() -> str:
        return "; ".join(words.sources(readout) for readout in readouts)

    if not independent(happened):
        doubts.append(f"the fighting rests on one account ({sources()})")
    if record.between:
        sides = " and ".join(words.name(side) for side in record.between)
        doubts.append(
            f"the fighting between {sides} names no attacker, so no one side is known to have "
            "broken it"
        )
    elif not record.attacker:
        doubts.append("no one is named as having fought, so no party is known to have broken it")
    elif not independent(began):
        doubts.append(f"who began it rests on one account ({sources()})")
    elif record.target:
        target = context.sides(record.target)
        if all(not who.startswith("source ") and context.sides(who) & target for who, _ in began):
            doubts.append(f"who began it rests on {words.name(record.target)}'s side alone")
    return doubts
