"""Contacts per local day, week or month, in the zone asked for, each count a range.

A contact every placement of whose start falls in a bucket counts there for certain; one that
only may fall in it counts as possible there, and in every other bucket it may fall in. A call
"early on Tuesday" in Yerevan is on Tuesday in Yerevan for certain, and on Monday or Tuesday in
Paris: definite in no Paris day, possible in both. So, summed over the buckets, the definite
counts never exceed the number of contacts, and every contact is definite in at most one bucket
and possible in at least one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime
from typing import NamedTuple

from diplomacy_ledger._gc import gc_paused
from diplomacy_ledger.contacts._contact import (
    Contact,
    contact_events,
    contact_memo,
    contacts_with,
)
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.time import (
    Per,
    bucket_of_ordinal,
    bucket_ordinal,
    check_per,
    local_date,
    skipped_days,
    validate_zone,
)

__all__ = ["ContactCount", "contact_counts", "contact_counts_by_actor"]


class ContactCount(NamedTuple):
    """The contacts in one calendar bucket: at least ``definite``, at most ``possible``.

    A named tuple: counts of a year of days for hundreds of actors are many of them.
    """

    bucket: str
    first_day: date
    last_day: date
    definite: int
    possible: int


def contact_counts(
    ledger: Ledger, actor: str | None = None, *, per: Per = "day", zone: str
) -> list[ContactCount]:
    """Contacts per local ``per`` (``"day"``, ``"week"``: ISO, Monday to Sunday, ``"month"``).

    ``actor`` (an id, name or alias) counts that actor's contacts; None counts every contact,
    each once however many took part. ``zone`` is the calendar counted on (an IANA key or a
    fixed offset; ``"UTC"`` when that is what you want): it is required, since the day of a
    contact depends on it. Buckets follow the zone's calendar (23- and 25-hour days; a day the
    zone skipped is no bucket). Only buckets with a possible contact are listed, in order.
    A contact is counted in the bucket where it began (its ``start``). The buckets of each
    contact are worked out once per ledger state, zone and size, so counting every actor in
    turn costs O(n + b) in all, for the b buckets the contacts' starts may fall in.
    """
    validate_zone(zone, where="zone")
    check_per(per)
    with gc_paused():  # many small objects, no cycles: the collector would only cost time
        return _counts(ledger, actor, per, zone)


def contact_counts_by_actor(
    ledger: Ledger, *, per: Per = "day", zone: str
) -> dict[str, list[ContactCount]]:
    """:func:`contact_counts` for every actor in a contact, in one call: first-version id → counts.

    The same counts as asking for each actor in turn, worked out with the cyclic garbage
    collector paused throughout (a year of days for hundreds of actors is many small objects).
    """
    validate_zone(zone, where="zone")
    check_per(per)
    with gc_paused():
        actors = dict.fromkeys(a for c in contact_events(ledger) for a in c.participants)
        return {actor: _counts(ledger, actor, per, zone) for actor in actors}


def _counts(ledger: Ledger, actor: str | None, per: Per, zone: str) -> list[ContactCount]:
    if actor is None:
        contacts: Iterable[Contact] = contact_events(ledger)
    else:
        contacts = contacts_with(ledger, ledger.resolve_actor(actor))
    spans = _spans(ledger, zone, per)
    skipped = skipped_days(zone) if per == "day" else frozenset()
    definite: Counter[int] = Counter()
    possible: Counter[int] = Counter()
    sure: list[int] = []
    for contact in contacts:
        low, high = spans[contact.entries]
        if low == high:
            sure.append(low)
        elif skipped and any(low < day < high for day in skipped):
            possible.update(day for day in range(low, high + 1) if day not in skipped)
        else:
            possible.update(range(low, high + 1))  # counted in C, a bucket at a time
    definite.update(sure)
    possible.update(sure)
    lookup, make, sure_of = bucket_of_ordinal, tuple.__new__, definite.get
    return [
        make(ContactCount, (*lookup(ordinal, per), sure_of(ordinal, 0), count))
        for ordinal, count in sorted(possible.items())
    ]


def _spans(ledger: Ledger, zone: str, per: Per) -> dict[tuple[str, ...], tuple[int, int]]:
    """For each contact (by its readouts), the first and last bucket its start may fall in.

    Local dates are worked out once per distinct instant: many contacts share a bound (a day
    in one zone begins at the same instant for all of them).
    """
    memo = contact_memo(ledger)
    key = ("buckets", zone, per)
    cached = memo.get(key)
    if isinstance(cached, dict):
        return cached
    found: dict[tuple[str, ...], tuple[int, int]] = {}
    ordinals: dict[datetime, int] = {}
    for contact in contact_events(ledger):
        pair = []
        for moment in (contact.start.earliest, contact.start.latest):
            ordinal = ordinals.get(moment)
            if ordinal is None:
                ordinal = ordinals[moment] = bucket_ordinal(local_date(moment, zone), per)
            pair.append(ordinal)
        found[contact.entries] = (pair[0], pair[1])
    memo[key] = found
    return found
