"""Contacts per local day, week or month, in the zone asked for, each count a range.

A contact every placement of whose start falls in a bucket counts there for certain (unless it
is in doubt: denied, or told as called off); one that only may fall in it counts as possible
there, and in every other bucket it may fall in. A call
"early on Tuesday" in Yerevan is on Tuesday in Yerevan for certain, and on Monday or Tuesday in
Paris: definite in no Paris day, possible in both. So, summed over the buckets, the definite
counts never exceed the number of contacts, and every contact is definite in at most one bucket
and possible in at least one.

The counts are worked out as runs: consecutive buckets with the same counts (a contact known
only to a year is possible in 365 days, one run), found by sorting where each contact's buckets
begin and end, so the work grows with the contacts, not with the days they may fall on. The
rows, one per bucket, are made when they are read.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import accumulate, compress, repeat
from operator import add, eq, sub
from typing import Final, Literal, NamedTuple, overload

from diplomacy_ledger._errors import InvalidValueError
from diplomacy_ledger._gc import gc_paused
from diplomacy_ledger._repr import shown
from diplomacy_ledger.contacts._contact import (
    contact_list,
    contact_memo,
    contact_positions,
)
from diplomacy_ledger.ledger import Ledger
from diplomacy_ledger.time import (
    Per,
    bucket_of_ordinal,
    bucket_ordinal,
    check_per,
    local_ordinals,
    skipped_days,
    validate_zone,
)

__all__ = ["ContactCount", "ContactCounts", "contact_counts", "contact_counts_by_actor"]

_MAKE: Final = tuple.__new__


class _CountFields(NamedTuple):
    bucket: str
    first_day: date
    last_day: date
    definite: int
    possible: int


class ContactCount(_CountFields):
    """The contacts in one calendar bucket: at least ``definite``, at most ``possible``.

    A named tuple: counts of a year of days for hundreds of actors are many of them. Its days
    may be given as ISO dates, as its repr writes them:

    >>> ContactCount("2022-W37", "2022-09-12", "2022-09-18", 1, 3).first_day
    datetime.date(2022, 9, 12)
    """

    __slots__ = ()

    def __new__(  # the library makes rows with tuple.__new__, not through this
        cls, bucket: str, first_day: date | str, last_day: date | str, definite: int, possible: int
    ) -> ContactCount:
        return super().__new__(cls, bucket, _day(first_day), _day(last_day), definite, possible)

    def __repr__(self) -> str:
        first, last = self.first_day.isoformat(), self.last_day.isoformat()
        return (
            f"ContactCount({self.bucket!r}, {first!r}, {last!r}, {self.definite}, {self.possible})"
        )


def _day(value: date | str) -> date:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise InvalidValueError(
                f"not an ISO date: {shown(value)}", where="ContactCount"
            ) from None
    return value


@functools.lru_cache(maxsize=1 << 18)
def _count_row(ordinal: int, per: Per, definite: int, possible: int) -> ContactCount:
    """The row of a bucket and its counts, shared: rows are immutable.

    Counting every actor's days over years makes millions of rows but far fewer different ones,
    and each one made is an object the cyclic collector walks again and again (a named tuple
    stays tracked).
    """
    return _MAKE(ContactCount, (*bucket_of_ordinal(ordinal, per), definite, possible))


class ContactCounts(Sequence[ContactCount]):
    """The counts per bucket, in order: a read-only sequence of :class:`ContactCount`.

    It holds runs of consecutive buckets with the same counts, and makes each row when it is
    read (indexing, slicing, iterating), so that counting every actor's contacts over years of
    days does not build millions of rows no one reads; equal rows, being immutable, may be one
    object. It compares equal to any sequence of the same rows (a list of them too);
    ``list(counts)`` gives a list.
    """

    __slots__ = ("_definite", "_ends", "_last", "_per", "_possible", "_starts")

    def __init__(
        self,
        per: Literal["day", "week", "month"],
        starts: list[int],
        ends: list[int],
        definite: list[int],
        possible: list[int],
    ) -> None:
        """Runs: from bucket ``starts[i]`` to ``ends[i]`` (ordinals), each with those counts."""
        self._per = per
        self._starts, self._ends = starts, ends
        self._definite, self._possible = definite, possible
        # The index of the last row of each run, for finding the run of a row.
        lengths = map(add, map(sub, ends, starts), repeat(1))
        self._last = list(map(sub, accumulate(lengths), repeat(1)))

    @property
    def per(self) -> Literal["day", "week", "month"]:
        """Which buckets these are (``"day"``, ``"week"`` or ``"month"``)."""
        return self._per

    def __len__(self) -> int:
        return self._last[-1] + 1 if self._last else 0

    def _row(self, run: int, ordinal: int) -> ContactCount:
        return _count_row(ordinal, self._per, self._definite[run], self._possible[run])

    @overload
    def __getitem__(self, index: int) -> ContactCount: ...

    @overload
    def __getitem__(self, index: slice) -> list[ContactCount]: ...

    def __getitem__(self, index: int | slice) -> ContactCount | list[ContactCount]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        size = len(self)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("contact count index out of range")
        run = bisect.bisect_left(self._last, index)
        return self._row(run, self._ends[run] - (self._last[run] - index))

    def __iter__(self) -> Iterator[ContactCount]:
        return iter(self._rows())

    def _rows(self) -> list[ContactCount]:
        """Every row, made at once with the collector paused (they hold no cycles)."""
        per, make = self._per, _count_row
        rows: list[ContactCount] = []
        extend = rows.extend
        with gc_paused():
            for start, end, sure, maybe in zip(
                self._starts, self._ends, self._definite, self._possible, strict=True
            ):
                if start == end:
                    rows.append(make(start, per, sure, maybe))
                else:
                    extend(
                        map(make, range(start, end + 1), repeat(per), repeat(sure), repeat(maybe))
                    )
        return rows

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(map(eq, self, other))

    __hash__ = None  # type: ignore[assignment]  # a sequence compared by its rows

    @classmethod
    def of_rows(
        cls, per: Literal["day", "week", "month"], rows: Iterable[ContactCount]
    ) -> ContactCounts:
        """The counts of ``rows``: buckets of ``per``, in order (as the repr writes them).

        >>> rows = [ContactCount("2022-09-12", "2022-09-12", "2022-09-12", 0, 2),
        ...         ContactCount("2022-09-13", "2022-09-13", "2022-09-13", 0, 2)]
        >>> counts = ContactCounts.of_rows("day", rows)
        >>> counts == rows, len(counts)
        (True, 2)
        """
        starts: list[int] = []
        ends: list[int] = []
        definite: list[int] = []
        possible: list[int] = []
        for row in rows:
            ordinal = bucket_ordinal(row.first_day, per)
            if bucket_of_ordinal(ordinal, per) != row[:3] or (ends and ordinal <= ends[-1]):
                raise InvalidValueError(
                    f"not a {per} bucket after the one before: {shown(row)}",
                    where="ContactCounts.of_rows",
                )
            same = (definite[-1], possible[-1]) == (row.definite, row.possible) if ends else False
            if same and ordinal == ends[-1] + 1:
                ends[-1] = ordinal
                continue
            starts.append(ordinal)
            ends.append(ordinal)
            definite.append(row.definite)
            possible.append(row.possible)
        return cls(per, starts, ends, definite, possible)

    def __repr__(self) -> str:
        return f"ContactCounts.of_rows({self._per!r}, {list(self)!r})"


def contact_counts(
    ledger: Ledger, actor: str | None = None, *, per: Per = "day", zone: str
) -> ContactCounts:
    """Contacts per local ``per`` (``"day"``, ``"week"``: ISO, Monday to Sunday, ``"month"``).

    ``actor`` (an id, name or alias) counts that actor's contacts; None counts every contact,
    each once however many took part. An actor's contacts are those it took part in itself: a
    state's count holds the calls the state is named in, not its leaders' (ask for each person).
    ``zone`` is the calendar counted on (an IANA key or a fixed offset; ``"UTC"`` when that is
    what you want): it is required, since the day of a contact depends on it. Buckets follow the
    zone's calendar (23- and 25-hour days; a day the zone skipped is no bucket). Only buckets
    with a possible contact are listed, in order, as a :class:`ContactCounts` sequence.

    A contact is counted in the bucket where it began (its ``start``, or one of its
    :attr:`~Contact.parts`); one in doubt (:attr:`~Contact.doubts`) is possible only. The
    buckets of each contact are worked out once per ledger state, zone and size; counting is
    O(k log k) for the actor's k contacts, however many days each may fall on.
    """
    validate_zone(zone, where="zone")
    check_per(per)
    with gc_paused():  # many small objects, no cycles: the collector would only cost time
        who = None if actor is None else ledger.resolve_actor(actor)
        table = _table(ledger, zone, per)
        if who is None:
            return _counts(table, range(len(table.lows)), table.more_all, per, zone)
        positions = contact_positions(ledger).get(who, [])
        return _counts(table, positions, table.more.get(who, ()), per, zone)


def contact_counts_by_actor(
    ledger: Ledger, *, per: Per = "day", zone: str
) -> dict[str, ContactCounts]:
    """:func:`contact_counts` for every actor in a contact, in one call: first-version id → counts.

    The same counts as asking for each actor in turn; the actors in the order of their ids.
    """
    validate_zone(zone, where="zone")
    check_per(per)
    with gc_paused():
        table = _table(ledger, zone, per)
        more, positions = table.more, contact_positions(ledger)
        return {
            actor: _counts(table, positions[actor], more.get(actor, ()), per, zone)
            for actor in sorted(positions)
        }


class _Table(NamedTuple):
    """Each contact's buckets, by its place in :func:`contact_list`.

    ``lows[i]`` and ``ends[i]`` are the first bucket it may fall in and the one after its last
    (of its first part, when its start has parts that fall in buckets apart); ``sure[i]``
    whether it surely falls in one. ``more``: per actor, the (first, after last) buckets of the
    other parts of its contacts; ``more_all`` the same for every contact.
    """

    lows: list[int]
    ends: list[int]
    sure: list[bool]
    more: dict[str, list[tuple[int, int]]]
    more_all: list[tuple[int, int]]


def _table(ledger: Ledger, zone: str, per: Per) -> _Table:
    """The buckets each contact may fall in, worked out once per ledger state, zone and size."""
    memo = contact_memo(ledger)
    key = ("buckets", zone, per)
    cached = memo.get(key)
    if isinstance(cached, _Table):
        return cached
    contacts = contact_list(ledger)
    lows = _buckets(local_ordinals([c.start.earliest for c in contacts], zone), per)
    highs = _buckets(local_ordinals([c.start.latest for c in contacts], zone), per)
    sure = list(map(int.__eq__, lows, highs))
    ends = list(map(add, highs, repeat(1)))
    more: dict[str, list[tuple[int, int]]] = defaultdict(list)
    more_all: list[tuple[int, int]] = []
    for index, contact in enumerate(contacts):
        if not contact.parts or sure[index]:
            continue
        ranges = _merged(
            zip(
                _buckets(local_ordinals([low for low, _ in contact.parts], zone), per),
                _buckets(local_ordinals([high for _, high in contact.parts], zone), per),
                strict=True,
            )
        )
        (lows[index], last), *others = ranges
        ends[index] = last + 1
        for low, high in others:
            more_all.append((low, high + 1))
            for actor in contact.participants:
                more[actor].append((low, high + 1))
    if any(contact.doubts for contact in contacts):  # in doubt: possible only, wherever it falls
        sure = [s and not contact.doubts for s, contact in zip(sure, contacts, strict=True)]
    table = _Table(lows, ends, sure, dict(more), more_all)
    memo[key] = table
    return table


def _buckets(days: list[int], per: Per) -> list[int]:
    """Bucket ordinals (see :func:`~diplomacy_ledger.time.bucket_ordinal`) of day ordinals."""
    if per == "day":
        return days
    if per == "week":
        return [(day - 1) // 7 for day in days]  # date.fromordinal(1) was a Monday
    months: dict[int, int] = {}
    found = []
    for day in days:
        month = months.get(day)
        if month is None:
            moment = date.fromordinal(day)
            month = months[day] = moment.year * 12 + moment.month - 1
        found.append(month)
    return found


def _merged(ranges: Iterator[tuple[int, int]]) -> list[tuple[int, int]]:
    """Bucket ranges merged where they overlap or meet, in order."""
    found: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if found and low <= found[-1][1] + 1:
            found[-1] = (found[-1][0], max(found[-1][1], high))
        else:
            found.append((low, high))
    return found


def _counts(
    table: _Table,
    positions: Sequence[int],
    more: Sequence[tuple[int, int]],
    per: Per,
    zone: str,
) -> ContactCounts:
    """The runs of counts of the contacts at ``positions`` (and their other parts, ``more``).

    The bucket boundaries are where a contact's buckets begin or end; between two, the possible
    count is the contacts begun by then less those ended, and the definite count is that of the
    contacts sure to fall in the first bucket (a sure contact ends one bucket after it begins,
    so such a run is one bucket long).
    """
    lows = list(map(table.lows.__getitem__, positions))
    ends = list(map(table.ends.__getitem__, positions))
    sure = Counter(compress(lows, map(table.sure.__getitem__, positions)))
    if more:
        lows += [low for low, _ in more]
        ends += [end for _, end in more]
    lows.sort()
    ends.sort()
    bounds = sorted(set(lows).union(ends))
    possible = list(
        map(
            sub,
            map(bisect.bisect_right, repeat(lows), bounds),
            map(bisect.bisect_right, repeat(ends), bounds),
        )
    )
    kept = possible[:-1]  # nothing is possible from the last boundary on
    starts = list(compress(bounds, kept))
    last = list(compress(map(sub, bounds[1:], repeat(1)), kept))
    counted = list(compress(kept, kept))
    definite = list(map(sure.get, starts, repeat(0)))
    if per == "day":
        skipped = skipped_days(zone)
        if skipped:
            return ContactCounts(per, *_without(skipped, starts, last, definite, counted))
    return ContactCounts(per, starts, last, definite, counted)


def _without(
    skipped: frozenset[int],
    starts: list[int],
    ends: list[int],
    definite: list[int],
    possible: list[int],
) -> tuple[list[int], list[int], list[int], list[int]]:
    """The runs with the days a zone skipped taken out (a run around one split in two)."""
    starts, ends, definite, possible = starts[:], ends[:], definite[:], possible[:]
    for day in sorted(skipped):
        run = bisect.bisect_right(starts, day) - 1
        if run < 0 or ends[run] < day:
            continue
        start, end, sure, maybe = starts[run], ends[run], definite[run], possible[run]
        del starts[run], ends[run], definite[run], possible[run]
        for low, high in ((start, day - 1), (day + 1, end)):
            if low <= high:
                starts.insert(run, low)
                ends.insert(run, high)
                definite.insert(run, sure)
                possible.insert(run, maybe)
                run += 1
    return starts, ends, definite, possible
