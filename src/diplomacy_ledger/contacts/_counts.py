"""Contacts per local day, week or month, in the zone asked for, each count a range.

A contact every placement of whose start falls in a bucket counts there for certain; one that
only may fall in it counts as possible there, and in every other bucket it may fall in. A call
"early on Tuesday" in Yerevan is on Tuesday in Yerevan for certain, and on Monday or Tuesday in
Paris: definite in no Paris day, possible in both. So, summed over the buckets, the definite
counts never exceed the number of contacts, and every contact is definite in at most one bucket
and possible in at least one.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import attrs

from diplomacy_ledger.contacts._contact import contact_events, contacts_with
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.time import Per, bucket_of, buckets_between, check_per, validate_zone

__all__ = ["ContactCount", "contact_counts"]


@attrs.frozen
class ContactCount:
    """The contacts in one calendar bucket: at least ``definite``, at most ``possible``."""

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
    A contact is counted in the bucket where it began (its ``start``). O(n + b) for the b
    buckets the contacts' starts may fall in.
    """
    validate_zone(zone, where="zone")
    check_per(per)
    contacts = (
        contact_events(ledger)
        if actor is None
        else contacts_with(ledger, ledger.resolve_actor(actor))
    )
    definite: dict[str, int] = defaultdict(int)
    possible: dict[str, int] = defaultdict(int)
    days: dict[str, tuple[date, date]] = {}
    for contact in contacts:
        low, high = contact.start.earliest, contact.start.latest
        first = bucket_of(low, zone, per)
        if bucket_of(high, zone, per).label == first.label:
            definite[first.label] += 1
            possible[first.label] += 1
            days[first.label] = (first.first_day, first.last_day)
            continue
        for bucket in buckets_between(low, high, zone, per):
            possible[bucket.label] += 1
            days[bucket.label] = (bucket.first_day, bucket.last_day)
    return [
        ContactCount(label, *days[label], definite.get(label, 0), possible[label])
        for label in sorted(possible, key=lambda label: days[label][0])
    ]
