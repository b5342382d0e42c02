"""The last contact between two actors: definitely one, or the set that possibly is.

With vague times the last contact is often not one call but a set: a call "on Tuesday" and one
"on Tuesday afternoon" may each have been the later. The answer is the contact that is the last
for every placement of the times, if there is one, and every contact that is the last for some.
"""

from __future__ import annotations

import bisect
from datetime import datetime, timedelta
from typing import Final

import attrs

from diplomacy_ledger._errors import InvalidValueError
from diplomacy_ledger.contacts._contact import Contact, contacts_with
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.time import UTC_MAX, Certainty, When, to_utc

__all__ = ["LastContact", "last_contact"]

_TICK: Final = timedelta(microseconds=1)


@attrs.frozen
class LastContact:
    """The answer to "when did they last speak?".

    ``definite`` is the contact that was the last for every placement of the times and surely
    took place (None when the times do not settle it, when the last is in doubt, or there was no
    contact); ``possible`` every contact that was the last for some placement, in time order
    (the definite one, alone, when there is one). A contact in doubt (:attr:`Contact.doubts`:
    denied, or told as called off) may be the last, but never definitely, and does not stand in
    the way of an earlier one: if it did not take place, the earlier one was the last.
    ``before`` is the moment asked about, if one was.
    """

    definite: Contact | None
    possible: tuple[Contact, ...]
    before: When | None = None

    @property
    def certainty(self) -> Certainty | None:
        """Definite when one contact is surely the last; possible when several may be."""
        if self.definite is not None:
            return "definite"
        return "possible" if self.possible else None


def last_contact(
    ledger: Ledger, a: str, b: str, *, before: When | datetime | None = None
) -> LastContact:
    """The latest contact (a call or meeting, any mode) between ``a`` and ``b``, as events.

    ``a`` and ``b`` are ids, names or aliases of two different actors. ``before``: the latest
    contact that began before that moment (a When, or an aware datetime; a naive one is
    refused); to ask as of what the ledger knew at a record time, ask ``ledger.as_of(...)``.
    Planned and called-off events are no contacts; readouts of one event are one contact.

    A contact *c* is the last for some placement when it may have begun before ``before`` and
    no other contact surely began after it and surely before ``before``; it is the last for
    every placement when it surely began before ``before`` and every other contact surely began
    before it or surely not before ``before``. A tie (two contacts that may have begun at the
    same instant) makes neither the definite last. A contact whose readouts disagree began
    within one of them (:attr:`Contact.parts`), not in the gap between them. A contact in doubt
    (denied, or told as called off) counts as possibly taking place: it may be the last, and
    it stops no other from being the last. O(k log k) for the k contacts between them.
    """
    first, second = ledger.resolve_actor(a), ledger.resolve_actor(b)
    if first == second:
        raise InvalidValueError(
            f"{a!r} and {b!r} are one actor ({first!r}): a contact is between two",
            where="last_contact",
        )
    moment = None
    if before is not None:
        if not isinstance(before, When | datetime):
            raise InvalidValueError(
                f"before is a When or an aware datetime, not {type(before).__name__}",
                where="before",
            )
        moment = (
            before if isinstance(before, When) else When.instant(to_utc(before, where="before"))
        )
    t_low, t_high = (moment.earliest, moment.latest) if moment else (UTC_MAX, UTC_MAX)
    candidates = [
        c
        for c in contacts_with(ledger, first, (second,))
        if moment is None or c.start.earliest < t_high
    ]
    possible = _possibly_last(candidates, moment)
    definite = None
    if (
        len(possible) == 1
        and not possible[0].doubts
        and _surely_last(possible[0], candidates, t_low, t_high)
    ):
        definite = possible[0]  # the last for every placement is the only one for any
    return LastContact(definite, possible, moment)


def _possibly_last(contacts: list[Contact], moment: When | None) -> tuple[Contact, ...]:
    """The contacts that are the last before the moment for some placement, in time order.

    Placing the moment at *t* and a contact *c* as late as it can be before *t*, at *x*,
    another contact *d* stands in the way only if it must fall in (*x*, *t*): it surely began
    after *x* (its earliest start is later) and surely before *t* (its latest is earlier). The
    moments worth trying are the latest the moment can be, and the latest starts of the others
    within its bounds: between two of these, a later *t* stops no more contacts and lets *x* be
    later. While *t* is within a part of *c*'s start (or just after its end), *x* is just before
    *t* and nothing can stand between; past a part, *x* is that part's end, and the earliest
    moment worth trying after it stops the fewest. So each part costs a binary search over the
    moments, and the largest earliest start among the contacts surely before each moment is a
    running maximum. Only a contact that surely took place can stand in the way: one in doubt
    may not have.
    """
    sure = [c for c in contacts if not c.doubts]
    if moment is None:
        if not contacts:
            return ()
        if not sure:
            return tuple(contacts)
        latest_earliest = max(c.start.earliest for c in sure)
        return tuple(c for c in contacts if c.start.latest >= latest_earliest)
    trials = sorted(
        {moment.latest}
        | {c.start.latest for c in contacts if moment.earliest <= c.start.latest <= moment.latest}
    )
    by_latest = sorted(sure, key=lambda c: c.start.latest)
    latests = [c.start.latest for c in by_latest]
    running: list[datetime] = []  # the largest earliest start among the first i by latest
    for c in by_latest:
        running.append(max(running[-1], c.start.earliest) if running else c.start.earliest)

    def stopped(x: datetime, t: datetime) -> bool:
        """Whether a contact surely began after ``x`` and surely before ``t``."""
        surely_before = bisect.bisect_left(latests, t)
        return surely_before > 0 and running[surely_before - 1] > x

    found = []
    for c in contacts:
        for low, high in c.placements:
            at = bisect.bisect_right(trials, low)  # the first moment after the part begins
            if at == len(trials):
                break
            t = trials[at]
            if t <= high + _TICK or not stopped(high, t):
                found.append(c)
                break
    return tuple(found)


def _surely_last(c: Contact, others: list[Contact], t_low: datetime, t_high: datetime) -> bool:
    """Whether ``c`` surely began before the moment, and no other contact may fall between.

    Between: at ``c``'s earliest instant or after it, and before the moment.
    """
    if c.start.latest >= t_low:
        return False
    earliest = c.start.earliest
    return all(
        d is c or not any(low < t_high and high >= earliest for low, high in d.placements)
        for d in others
    )
