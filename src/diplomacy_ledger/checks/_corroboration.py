"""Corroboration, defined once: which accounts vouch for a record, and when two are independent.

An *account* is one telling of something: who it rests on (see :meth:`CheckContext.asserter`; a
record with no attribution chain rests on its source) and the source it came through. A source
vouches only for what it states: a record for all it says, a report that a record's event
happened for the event only, a claim accusing someone for who began it. Two accounts are
independent when they rest on different actors and come through different sources. What rests
on fewer than two independent accounts, or on the accused party's adversary alone, is at most
possible; and missing information never raises certainty: fighting with no attacker named,
or "between" sides with none named as the attacker, establishes no party's violation. An event's
readouts count together; what an actor has taken back (denied after telling it) is no account.
"""

from __future__ import annotations

from collections.abc import Iterable

from diplomacy_ledger.checks._context import CheckContext
from diplomacy_ledger.model import Claim, Entry, Hostility, Report, Stance

__all__ = [
    "Account",
    "account_of",
    "attackers_named",
    "hostility_doubts",
    "independent",
    "same_side",
]

Account = tuple[str, str]
"""Who an account rests on, and the source it came through (ids of first versions)."""


def account_of(context: CheckContext, entry: Entry) -> Account:
    """The account a record gives: who it rests on and its source."""
    provenance = getattr(entry.record, "provenance", None)
    source = "" if provenance is None else context.root[provenance.source]
    who = context.asserter(entry)
    return (who if who is not None else f"source {source}", source)


def independent(accounts: Iterable[Account]) -> bool:
    """Whether two of the accounts rest on different actors and come through different sources.

    No two do exactly when they all rest on one actor or all come through one source (accounts
    that pairwise share an actor or a source form a star), so one pass decides it: O(k).
    """
    whos: set[str] = set()
    sources: set[str] = set()
    for who, source in accounts:
        whos.add(who)
        sources.add(source)
    return len(whos) > 1 and len(sources) > 1


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


def attackers_named(context: CheckContext, readouts: tuple[Entry, ...]) -> list[tuple[str, Entry]]:
    """Who is named as the attacker, each with the entry that names them.

    The event's readouts, where they name one; where none does, the accusations about them
    (a claim accusing someone of the fighting names who began it).
    """
    found = []
    for readout in readouts:
        told = readout.record
        assert isinstance(told, Hostility)
        if told.attacker is not None:
            found.append((told.attacker, readout))
    if found:
        return found
    for readout in readouts:
        for other in context.about.get(context.root[readout.id], ()):
            claim = other.record
            if _accuses(claim) and not context.taken_back(other):
                assert isinstance(claim, Claim)
                assert claim.accused is not None
                found.append((claim.accused, other))
    return found


def same_side(context: CheckContext, one: str, other: str) -> bool:
    """Whether two actors are on one line (Azerbaijan's armed forces and Azerbaijan)."""
    return bool(context.lineage(one) & context.lineage(other))


def _accuses(record: object) -> bool:
    return isinstance(record, Claim) and record.stance is Stance.ACCUSES and bool(record.accused)


class _Accounts:
    """The accounts that the fighting happened, and those of who began it, with their entries."""

    def __init__(self) -> None:
        self.happened: list[Account] = []
        self.began: list[Account] = []
        self.vouching: list[Entry] = []  # the entries who began it rests on

    def add(self, context: CheckContext, entry: Entry, *, began: bool) -> None:
        self.happened.append(account_of(context, entry))
        if began:
            self.began.append(account_of(context, entry))
            self.vouching.append(entry)


def _hostility_doubts(context: CheckContext, readouts: tuple[Entry, ...]) -> list[str]:
    words = context.words
    named = attackers_named(context, readouts)
    attacker, first = named[0] if named else (None, None)
    attackers = context.lineage(attacker) if attacker else frozenset()
    doubts = [doubt for readout in readouts for doubt in context.doubts(readout)]
    others = [
        (who, entry)
        for who, entry in named
        if attacker is not None and not same_side(context, who, attacker)
    ]
    if others and attacker is not None and first is not None:
        names = "; ".join(
            f"{words.name(who)} in {words.describe(entry)}" for who, entry in [named[0], *others]
        )
        doubts.append(f"the accounts name different attackers ({names})")
    by_record = first is not None and isinstance(first.record, Hostility)
    accounts = _Accounts()
    for readout in readouts:
        told = readout.record
        assert isinstance(told, Hostility)
        attributed = bool(told.attacker and context.lineage(told.attacker) & attackers)
        if not context.taken_back(readout):  # what its teller took back is no account
            accounts.add(context, readout, began=attributed)
        for other in context.about.get(context.root[readout.id], ()):
            claim = other.record
            if context.taken_back(other):
                continue
            if _accuses(claim):
                assert isinstance(claim, Claim)
                assert claim.accused is not None
                accused = context.lineage(claim.accused) & attackers
                accounts.add(context, other, began=bool(accused))
                if not accused and by_record:  # someone else is said to have begun it
                    doubts.append(
                        f"{words.describe(other)} says {words.name(claim.accused)} began it"
                    )
            elif isinstance(claim, Claim) and claim.stance is Stance.ASSERTS:
                accounts.add(context, other, began=attributed)  # the record, all it says
            elif isinstance(claim, Report):
                accounts.add(context, other, began=False)  # that it happened, no more
    return doubts + _unestablished(context, readouts, attacker, accounts)


def _unestablished(
    context: CheckContext, readouts: tuple[Entry, ...], attacker: str | None, accounts: _Accounts
) -> list[str]:
    """Why the fighting, or who began it, is not established by the accounts."""
    words = context.words

    def sources(entries: Iterable[Entry]) -> str:
        return "; ".join(dict.fromkeys(words.sources(entry) for entry in entries))

    fights = [r.record for r in readouts if isinstance(r.record, Hostility)]
    doubts = []
    if not independent(accounts.happened):
        doubts.append(f"the fighting rests on one account ({sources(readouts)})")
    sides = next((fight.between for fight in fights if fight.between), ())
    target = next((fight.target for fight in fights if fight.target), None)
    if attacker is None and sides:
        names = " and ".join(words.name(side) for side in sides)
        doubts.append(
            f"the fighting between {names} names no attacker, so no one side is known to have "
            "broken it"
        )
    elif attacker is None:
        doubts.append("no one is named as having fought, so no party is known to have broken it")
    else:
        attacked = context.sides(target) if target is not None else frozenset()
        one_sided = bool(attacked and accounts.began) and all(
            not who.startswith("source ") and context.sides(who) & attacked
            for who, _ in accounts.began
        )
        side = f"{words.name(target)}'s side alone" if target is not None else ""
        if not independent(accounts.began):
            also = f", and on {side}" if one_sided else ""
            doubts.append(
                f"who began it rests on one account ({sources(accounts.vouching or readouts)})"
                f"{also}"
            )
        elif one_sided:
            doubts.append(f"who began it rests on {side}")
    return doubts
