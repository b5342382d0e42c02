"""The last contact between two actors: definitely one, or the set that possibly is.

With vague times the last contact is often not one call but a set: a call "on Tuesday" and one
"on Tuesday afternoon" may each have been the later. The answer is the contact that is the last
for every placement of the times, if there is one, and every contact that is the last for some.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

import attrs

from diplomacy_ledger.contacts._contact import Contact, contacts_with
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.time import UTC_MAX, Certainty, When, to_utc

__all__ = ["LastContact", "last_contact"]

_TICK: Final = timedelta(microseconds=1)


@attrs.frozen
class LastContact:
    """The answer to "when did they last speak?".

    ``definite`` is the contact that was the last for every placement of the times (None when
    the times do not settle it, or there was no contact); ``possible`` every contact that was the
    last for some placement, in time order (the definite one, alone, when there is one).
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

    ``a`` and ``b`` are ids, names or aliases. ``before``: the latest contact that began before
    that moment (a When, or an aware datetime); to ask as of what the ledger knew at a record
    time, ask ``ledger.as_of(...)``. Planned and called-off events are no contacts; readouts of
    one event are one contact.

    A contact *c* is the last for some placement when it may have begun before ``before`` and
    no other contact surely began after it and surely before ``before``; it is the last for
    every placement when it surely began before ``before`` and every other contact surely began
    before it or surely not before ``before``. A tie (two contacts that may have begun at the
    same instant) makes neither the definite last. O(k log k) for the k contacts between them.
    """
    first, second = ledger.resolve_actor(a), ledger.resolve_actor(b)
    moment = None
    if before is not None:
        moment = (
            before if isinstance(before, When) else When.instant(to_utc(before, where="before"))
        )
    t_low, t_high = (moment.earliest, moment.latest) if moment else (UTC_MAX, UTC_MAX)
    candidates = [
        c
        for c in contacts_with(ledger, first)
        if c.involves(second) and (moment is None or c.start.earliest < t_high)
    ]
    possible = tuple(c for c in candidates if _possibly_last(c, candidates, moment))
    definite = next((c for c in possible if _surely_last(c, candidates, t_low, t_high)), None)
    return LastContact(definite, (definite,) if definite else possible, moment)


def _possibly_last(c: Contact, others: list[Contact], moment: When | None) -> bool:
    """Whether some placement puts ``c`` before the moment and no other contact between them.

    Placing the moment at *t* and ``c`` as late as it can be before *t*, at *x*, another contact
    *d* stands in the way only if it must fall in (*x*, *t*): it surely begins after *x* and
    surely before *t*. A later *t* lets *x* be later but catches more; the moments worth trying
    are the latest the moment can be, and the latest starts of the others within its bounds
    (at *t* equal to one, that contact may begin with the moment, so not before it).
    """
    rest = [d for d in others if d is not c]
    if moment is None:
        return all(d.start.earliest <= c.start.latest for d in rest)
    trials = {moment.latest} | {
        d.start.latest for d in rest if moment.earliest <= d.start.latest <= moment.latest
    }
    for t in trials:
        x = min(c.start.latest, t - _TICK)
        if x < c.start.earliest:
            continue
        if all(d.start.earliest <= x or d.start.latest >= t for d in rest):
            return True
    return False


def _surely_last(c: Contact, others: list[Contact], t_low: datetime, t_high: datetime) -> bool:
    """Whether ``c`` surely began before the moment, and no other contact may fall between.

    Between: at ``c``'s instant or after it, and before the moment.
    """
    if c.start.latest >= t_low:
        return False
    return all(
        d is c or not (d.start.earliest < t_high and d.start.latest >= c.start.earliest)
        for d in others
    )
