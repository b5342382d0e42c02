"""The contradiction check: claims that assert and deny the same thing."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Iterator

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
    of it too. One dispute, one finding: the denials that contradict the same entries (of one
    record, or of one proposition) give one **definite** contradiction naming all of them and
    all they contradict: the claims certainly conflict, whatever the times. The same actor
    denying what it had asserted is reported too, as a retraction (or, where others assert it
    as well, as taking it back). What each denial contradicts is worked out once per record or
    proposition denied, so a thousand denials of a thousand assertions cost two thousand, not a
    million: O(n + k) for k entries named in the findings.
    """
    context = context_for(ledger)
    asserting, denials = _index(context)
    for subject, assertions, denied in _disputes(context, asserting, denials):
        yield _finding(context, subject, assertions, denied)


_Words = tuple[str, str]
"""A proposition's key (``("key", k)``) or normalised words (``("words", w)``)."""


def _index(
    context: CheckContext,
) -> tuple[dict[_Words, list[Entry]], list[tuple[Entry, _Words | None, _Words | None]]]:
    """The claims asserting each proposition, by key and by words; the denials, with theirs.

    An assertion with a key meets a denial without one by its words, and the other way round.
    """
    asserting: dict[_Words, list[Entry]] = defaultdict(list)
    denials: list[tuple[Entry, _Words | None, _Words | None]] = []
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
    return asserting, denials


def _disputes(
    context: CheckContext,
    asserting: dict[_Words, list[Entry]],
    denials: list[tuple[Entry, _Words | None, _Words | None]],
) -> list[tuple[Entry | None, list[Entry], list[Entry]]]:
    """Each dispute: the record denied (or None), what asserts it, and the denials of it.

    What a denial contradicts is worked out once per query (the record denied; a key with the
    words its no-key assertions share; the words alone), and the denials that contradict the
    very same entries are one dispute.
    """
    queries: dict[object, tuple[Entry | None, list[Entry], int]] = {}
    keyless: dict[_Words, list[Entry]] = {}  # assertions of the words with no key
    disputes: dict[tuple[str | None, tuple[str, ...]], int] = {}
    found: list[tuple[Entry | None, list[Entry], list[Entry]]] = []
    for entry, key, words in denials:
        record = entry.record
        assert isinstance(record, Claim)
        subject: Entry | None = None
        extra: list[Entry] = []
        if record.about is not None:
            subject = context.current(record.about)
            if subject is None:
                continue
            query: object = subject.id
        elif key is None:
            query = words
        else:
            if words is not None:
                known_extra = keyless.get(words)
                if known_extra is None:
                    claims = asserting.get(words, [])
                    known_extra = keyless[words] = [c for c in claims if _key_of(c) is None]
                extra = known_extra
            query = (key, words if extra else None)  # two keys decide alone
        known = queries.get(query)
        if known is None:
            if subject is not None:
                assertions = _assertions_of(context, subject)
            elif key is None:
                assertions = list(asserting.get(words, [])) if words is not None else []
            else:
                assertions = list(dict.fromkeys((*asserting.get(key, []), *extra)))
            ids = (None if subject is None else subject.id, tuple(a.id for a in assertions))
            number = disputes.setdefault(ids, len(found))
            if number == len(found):
                found.append((subject, assertions, []))
            known = queries[query] = (subject, assertions, number)
        if known[1]:
            found[known[2]][2].append(entry)
    return [dispute for dispute in found if dispute[2]]


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
    context: CheckContext, subject: Entry | None, assertions: list[Entry], denials: list[Entry]
) -> Finding:
    """One finding for one dispute: everything that asserts what is denied, and the denials.

    A denier's own assertions are told in their order: said before its denial, the denial takes
    them back (a retraction); said after all of its denials, they take the denial back.
    """
    words = context.words
    index = context.ledger.index
    deniers: dict[str, list[Entry]] = {}
    for denial in denials:
        denier = context.asserter(denial)
        assert denier is not None
        deniers.setdefault(denier, []).append(denial)
    last_denial = {who: max(index(d.id) for d in theirs) for who, theirs in deniers.items()}
    said: list[tuple[str, str]] = []
    since: dict[str, list[str]] = {}  # what each denier said after all of its denials
    for assertion in assertions:
        asserter = context.asserter(assertion)
        assert asserter is not None
        if assertion is subject and not isinstance(subject.record, Claim | Report):
            what = f"gave {words.describe(assertion)} as fact"
        else:
            what = f"{_what(context, assertion)} in {words.describe(assertion)}"
        if asserter in last_denial and index(assertion.id) > last_denial[asserter]:
            since.setdefault(asserter, []).append(what)
        else:
            said.append((asserter, what))
    asserting = {assertion.id for assertion in assertions}
    for denier, theirs in deniers.items():  # taken back by telling another readout of it
        later = [context.withdrawn.get(denial.id) for denial in theirs]
        last = later[-1]
        if denier not in since and all(later) and last is not None and last.id not in asserting:
            told = f"{_since(last)} in {words.describe(last)}"
            about = getattr(last.record, "about", None)
            current = None if about is None else context.current(about)
            if current is not None:
                told += f" about {words.describe(current)}"
            since[denier] = [told]
    shown = [i for i, (who, _) in enumerate(said) if who not in deniers]
    if subject is not None and said and assertions[(shown or [0])[0]] is not subject:
        first = (shown or [0])[0]  # say what "it" is, once
        said[first] = (said[first][0], f"{said[first][1]} about {words.describe(subject)}")
    tellers = {who for who, _ in said}
    sources = " and ".join(dict.fromkeys(words.sources(e) for e in (*assertions, *denials)))
    answered = _answered(context, subject, denials) if subject is not None else ""
    if len(deniers) == 1 and not shown and not since:  # one actor taking back what it said
        explanation = (
            f"{'; '.join(_by_teller(context, said))}, then denied it in "
            f"{_denied(context, denials)}{answered}: a retraction ({sources})."
        )
    else:
        others = "; ".join(_by_teller(context, [said[i] for i in shown] if shown else said))
        denied = "; ".join(
            f"{words.name(denier)} denies it in {_denied(context, theirs)}"
            + (", taking back what it had said itself" if denier in tellers else "")
            + (
                f", but has since {' and '.join(since[denier])}, taking back its denial"
                if denier in since
                else ""
            )
            for denier, theirs in deniers.items()
        )
        if not others:  # every assertion came from a denier, after its denial
            it = words.describe(subject) if subject is not None else "it"
            explanation = (
                f"{denied.replace(' denies it in', f' denied {it} in', 1)}{answered}. Known "
                f"from {sources}."
            )
        else:
            explanation = (
                f"{others}; {denied}{answered}. Known from {sources}. The ledger keeps both sides."
            )
    entries = (*((subject.id,) if subject is not None else ()), *(a.id for a in assertions))
    entries = tuple(dict.fromkeys((*entries, *(denial.id for denial in denials))))
    return Finding(FindingKind.CONTRADICTION, "definite", entries, explanation)


def _denied(context: CheckContext, denials: list[Entry]) -> str:
    """Denials in words: ``'d1' (a claim) ('false') and 'd2' (a claim)``."""
    return " and ".join(f"{context.words.describe(d)}{_words(d)}" for d in denials)


def _answered(context: CheckContext, subject: Entry, denials: list[Entry]) -> str:
    """Words saying that denials answered an earlier version of the record, if they did.

    A record corrected after it was denied may no longer say what was denied (an attribution
    withdrawn, a time moved): the finding names the version each denial answered, the one
    current when the denial was recorded, so a reader can compare them. The record's versions
    are read once, and each denial's found by a binary search: a chain of thousands of
    corrections denied thousands of times costs no more than reading it once.
    """
    ledger = context.ledger
    here = ledger.index(subject.id)
    early = [d for d in denials if ledger.index(d.id) < here]
    if not early:
        return ""  # every denial was made of the record as it stands now
    versions = ledger.history(subject.id)
    places = [ledger.index(version.id) for version in versions]
    answered: dict[str, list[Entry]] = {}
    for denial in early:
        at = bisect.bisect_left(places, ledger.index(denial.id)) - 1
        if at >= 0:
            answered.setdefault(versions[at].id, []).append(denial)
    words = context.words
    said = "; ".join(
        f"{'that denial' if len(denials) == 1 else _and(repr(d.id) for d in theirs)} answered "
        f"{words.describe(ledger[version])}"
        for version, theirs in answered.items()
    )
    return f"; {said}, which {words.describe(subject)} has corrected since" if said else ""


def _and(items: Iterable[str]) -> str:
    listed = list(items)
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]


def _by_teller(context: CheckContext, said: list[tuple[str, str]]) -> list[str]:
    """What each teller said, one clause a teller in the order they first speak.

    ``[("armenia", "said it"), ("azerbaijan", "denied it"), ("armenia", "reported it")]`` is
    ``["Armenia said it and reported it", "Azerbaijan denied it"]``.
    """
    grouped: dict[str, list[str]] = {}
    for teller, what in said:
        grouped.setdefault(teller, []).append(what)
    return [f"{context.words.name(t)} {' and '.join(whats)}" for t, whats in grouped.items()]


def _since(entry: Entry) -> str:
    """How a denier said since that the event took place: a claim, a report, or its own readout."""
    record = entry.record
    if isinstance(record, Report):
        return "reported it"
    return "asserted it" if isinstance(record, Claim) else "told it"


def _what(context: CheckContext, entry: Entry) -> str:
    record = entry.record
    if isinstance(record, Report):
        return "reported it"
    assert isinstance(record, Claim)
    verb = "accused" if record.stance is Stance.ACCUSES else "asserted"
    if record.stance is Stance.ACCUSES and record.accused:
        verb = f"accused {context.words.name(record.accused)}"
    said = record.proposition or record.words  # in its own words, where no proposition
    if said:
        return f"{verb} ({said.strip()!r})"
    if record.key is not None and record.about is None:
        return f"{verb} {record.key!r}"  # say what "it" is: the proposition's key
    return f"{verb} of it" if record.stance is Stance.ACCUSES and record.accused else f"{verb} it"


def _words(entry: Entry) -> str:
    """A denial's own words in brackets; or else, met by a key, the proposition it states.

    A denial met by its proposition's words states what the assertion said, which is shown.
    """
    record = entry.record
    said = getattr(record, "words", None)
    if not said and getattr(record, "key", None) is not None:
        said = getattr(record, "proposition", None)
    return f" ({said.strip()!r})" if said else ""
