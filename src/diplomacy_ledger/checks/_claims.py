"""The contradiction check: claims that assert and deny the same thing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from diplomacy_ledger.checks._context import CheckContext, context_for
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.model import (
    Claim,
    Entry,
    Finding,
    FindingKind,
    Report,
    Stance,
    normalise_name,
)

__all__ = ["contradictions"]

_ASSERTING = (Stance.ASSERTS, Stance.ACCUSES)


def contradictions(ledger: Ledger) -> Iterator[Finding]:
    """Claims that assert (or accuse, or report) something and claims that deny it.

    A denial is about a record (an event, a report, another claim) or about a proposition, named
    by a key or given as text. Its counterparts are what asserts that record: the claim itself
    when the record is an asserting claim, reports of the record, and claims asserting it; for a
    proposition, the claims asserting the same key, or, where either has no key, the same words
    (normalised); an event told through an attribution chain is asserted by the innermost actor
    of it too. Each denial gives one **definite** contradiction naming all it contradicts: the
    claims certainly conflict, whatever the times. The same actor denying what it had asserted
    is reported too, as a retraction (or, where others assert it as well, as taking it back).
    Runs in O(n + k) for k entries named in the findings.
    """
    context = context_for(ledger)
    # Claims asserting a proposition, under its key and under its words (normalised); an
    # assertion with a key meets a denial without one by its words, and the other way round.
    asserting: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    denials: list[tuple[Entry, tuple[str, str] | None, tuple[str, str] | None]] = []
    normalised: dict[str, str] = {}
    for entry in context.of_type(Claim):
        record = entry.record
        assert isinstance(record, Claim)
        key = words = None
        if record.about is None:
            if record.key is not None:
                key = ("key", record.key)
            if record.proposition:
                text = normalised.get(record.proposition)
                if text is None:
                    text = normalised[record.proposition] = normalise_name(record.proposition)
                words = ("words", text)
            if record.stance in _ASSERTING:
                if key is not None:
                    asserting[key].append(entry)
                if words is not None:
                    asserting[words].append(entry)
        if record.stance is Stance.DENIES:
            denials.append((entry, key, words))
    said: dict[str, list[Entry]] = {}  # what asserts each denied record
    for entry, key, words in denials:
        record = entry.record
        assert isinstance(record, Claim)
        if record.about is not None:
            subject = context.current(record.about)
            if subject is None:
                continue
            assertions = said.get(subject.id)
            if assertions is None:
                assertions = said[subject.id] = _assertions_of(context, subject)
            if assertions:
                yield _finding(context, subject, assertions, entry)
        else:
            by_key = asserting.get(key, []) if key is not None else []
            by_words = [
                claim
                for claim in (asserting.get(words, []) if words is not None else [])
                if key is None or _key_of(claim) is None  # two keys decide alone
            ]
            assertions = list(dict.fromkeys((*by_key, *by_words)))
            if assertions:
                yield _finding(context, None, assertions, entry)


def _key_of(entry: Entry) -> str | None:
    record = entry.record
    assert isinstance(record, Claim)
    return record.key


def _assertions_of(context: CheckContext, subject: Entry) -> list[Entry]:
    record = subject.record
    found = []
    if (isinstance(record, Claim) and record.stance in _ASSERTING) or isinstance(record, Report):
        found.append(subject)  # an asserting claim, or a report, stands for what it says
    for other in context.about.get(context.root[subject.id], ()):
        claim = other.record
        if isinstance(claim, Report) or (isinstance(claim, Claim) and claim.stance in _ASSERTING):
            found.append(other)
    if not isinstance(record, Claim | Report) and context.asserter(subject):
        found.insert(0, subject)  # an event known through its attribution chain: its teller's
    return found


def _finding(
    context: CheckContext, subject: Entry | None, assertions: list[Entry], denial: Entry
) -> Finding:
    """One finding for one denial: everything that asserts what it denies, and the denial."""
    words = context.words
    denier = context.asserter(denial)
    assert denier is not None
    said: list[tuple[str, str]] = []
    for assertion in assertions:
        asserter = context.asserter(assertion)
        assert asserter is not None
        if assertion is subject and not isinstance(subject.record, Claim | Report):
            what = f"gave {words.describe(assertion)} as fact"
        else:
            what = f"{_what(context, assertion)} in {words.describe(assertion)}"
        said.append((asserter, what))
    shown = [i for i, (who, _) in enumerate(said) if who != denier] or list(range(len(said)))
    if subject is not None and assertions[shown[0]] is not subject:  # say what "it" is, once
        first = shown[0]
        said[first] = (said[first][0], f"{said[first][1]} about {words.describe(subject)}")
    own = _by_teller(context, [(a, what) for a, what in said if a == denier])
    sources = " and ".join(dict.fromkeys(words.sources(e) for e in (*assertions, denial)))
    answered = _answered(context, subject, denial) if subject is not None else ""
    if own and len(own) == len({a for a, _ in said}):
        explanation = (
            f"{'; '.join(own)}, then denied it in {words.describe(denial)}{_words(denial)}"
            f"{answered}: a retraction ({sources})."
        )
    else:
        others = "; ".join(_by_teller(context, [(a, w) for a, w in said if a != denier]))
        taken_back = ", taking back what it had said itself" if own else ""
        explanation = (
            f"{others}; {words.name(denier)} denies it in {words.describe(denial)}"
            f"{_words(denial)}{taken_back}{answered}. Known from {sources}. The ledger keeps "
            "both sides."
        )
    entries = (*((subject.id,) if subject is not None else ()), *(a.id for a in assertions))
    entries = tuple(dict.fromkeys((*entries, denial.id)))
    return Finding(FindingKind.CONTRADICTION, "definite", entries, explanation)


def _answered(context: CheckContext, subject: Entry, denial: Entry) -> str:
    """Words saying that the denial answered an earlier version of the record, if it did.

    A record corrected after it was denied may no longer say what was denied (an attribution
    withdrawn, a time moved): the finding names the version the denial answered, the one
    current when the denial was recorded, so a reader can compare the two.
    """
    ledger = context.ledger
    made = ledger.index(denial.id)
    if ledger.index(subject.id) < made:
        return ""  # the record as it stands now was known when it was denied
    earlier = [v for v in ledger.history(subject.id) if ledger.index(v.id) < made]
    if not earlier:
        return ""
    words = context.words
    return (
        f"; that denial answered {words.describe(earlier[-1])}, which "
        f"{words.describe(subject)} has corrected since"
    )


def _by_teller(context: CheckContext, said: list[tuple[str, str]]) -> list[str]:
    """What each teller said, one clause a teller in the order they first speak.

    ``[("armenia", "said it"), ("azerbaijan", "denied it"), ("armenia", "reported it")]`` is
    ``["Armenia said it and reported it", "Azerbaijan denied it"]``.
    """
    grouped: dict[str, list[str]] = {}
    for teller, what in said:
        grouped.setdefault(teller, []).append(what)
    return [f"{context.words.name(t)} {' and '.join(whats)}" for t, whats in grouped.items()]


def _what(context: CheckContext, entry: Entry) -> str:
    record = entry.record
    if isinstance(record, Report):
        return "reported it"
    assert isinstance(record, Claim)
    verb = "accused" if record.stance is Stance.ACCUSES else "asserted"
    if record.stance is Stance.ACCUSES and record.accused:
        verb = f"accused {context.words.name(record.accused)}"
    if record.proposition:
        return f"{verb} ({record.proposition.strip()!r})"
    return f"{verb} of it" if record.stance is Stance.ACCUSES and record.accused else f"{verb} it"


def _words(entry: Entry) -> str:
    record = entry.record
    words = getattr(record, "words", None)
    return f" ({words!r})" if words else ""
