"""The last contact (``contacts/_last.py``), held to a brute force over every placement."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_ledger import (
    Call,
    InvalidValueError,
    LedgerError,
    NaiveDatetimeError,
    Provenance,
    SameEvent,
    Status,
    contact_events,
    last_contact,
)
from tests.contacts._ledgers import (
    BASE,
    STEP,
    Readout,
    T,
    at,
    call,
    cast,
    in_doubt,
    ledger_of,
    ledger_of_events,
    placements,
)


def test_one_contact_surely_last_or_several_that_may_be() -> None:
    ledger = ledger_of(
        [
            (("pashinyan", "putin"), (0, 0)),
            (("putin", "pashinyan"), (4, 8)),  # some time between 4 and 8 steps
            (("pashinyan", "putin"), (6, 6)),  # may be before or after the vague one
            (("pashinyan", "macron"), (20, 20)),  # not with Putin
        ]
    )
    found = last_contact(ledger, "Pashinyan", "Putin")
    assert found.definite is None
    assert [c.id for c in found.possible] == ["c1", "c2"]
    assert found.certainty == "possible"
    earlier = last_contact(ledger, "pashinyan", "putin", before=at(3, 3))
    assert earlier.definite is not None
    assert earlier.definite.id == "c0"
    assert earlier.certainty == "definite"
    assert last_contact(ledger, "macron", "putin").certainty is None


def test_readouts_of_one_call_are_one_contact_and_plans_none() -> None:
    ledger = cast()
    call(ledger, "ours", ("pashinyan", "putin"), at(0, 2))
    call(ledger, "theirs", ("putin", "pashinyan"), at(1, 3))
    ledger.append(SameEvent(("ours", "theirs")), id="link", recorded_at=T)
    call(ledger, "next", ("pashinyan", "putin"), at(9, 9), status=Status.PLANNED)
    found = last_contact(ledger, "pashinyan", "putin")
    assert found.definite is not None
    assert found.definite.entries == ("ours", "theirs")


def test_a_tie_is_no_definite_last() -> None:
    ledger = ledger_of([(("pashinyan", "putin"), (2, 2)), (("putin", "pashinyan"), (2, 2))])
    found = last_contact(ledger, "pashinyan", "putin")
    assert (found.definite, [c.id for c in found.possible]) == (None, ["c0", "c1"])


def test_before_takes_an_aware_datetime_and_refuses_a_naive_one() -> None:
    ledger = ledger_of([(("pashinyan", "putin"), (0, 0)), (("pashinyan", "putin"), (5, 5))])
    found = last_contact(ledger, "pashinyan", "putin", before=BASE + 3 * STEP)
    assert found.definite is not None
    assert found.definite.id == "c0"
    with pytest.raises(NaiveDatetimeError):
        last_contact(ledger, "pashinyan", "putin", before=datetime(2022, 9, 13))  # noqa: DTZ001
    with pytest.raises(LedgerError):
        last_contact(ledger, "pashinyan", "nobody")


def brute_force(
    windows: list[tuple[int, int]], before: tuple[int, int] | None
) -> tuple[int | None, set[int]]:
    """Which contact is last for every placement, and which for some, by enumeration.

    Every start and the moment take each grid point of their bounds; a contact is before the
    moment when strictly earlier; the last are the latest of those before it (ties: all of them).
    """
    ranges = [range(low, high + 1) for low, high in windows]
    moments = range(before[0], before[1] + 1) if before else [10**9]
    always: set[int] | None = None
    ever: set[int] = set()
    for placement in itertools.product(*ranges):
        for moment in moments:
            earlier = [i for i, x in enumerate(placement) if x < moment]
            latest = max((placement[i] for i in earlier), default=None)
            last = {i for i in earlier if placement[i] == latest}
            ever |= last
            unique = last if len(last) == 1 else set()
            always = unique if always is None else always & unique
    definite = next(iter(always)) if always else None
    return definite, ever


windows = st.lists(
    st.tuples(st.integers(0, 6), st.integers(0, 3)).map(lambda t: (t[0], t[0] + t[1])),
    min_size=1,
    max_size=4,
)


@settings(max_examples=300)
@given(windows, st.none() | st.tuples(st.integers(0, 8), st.integers(0, 2)))
def test_the_last_contact_is_what_every_or_some_placement_says(
    windows: list[tuple[int, int]], before: tuple[int, int] | None
) -> None:
    moment = None if before is None else (before[0], before[0] + before[1])
    ledger = ledger_of([(("pashinyan", "putin"), window) for window in windows])
    found = last_contact(
        ledger, "pashinyan", "putin", before=None if moment is None else at(*moment)
    )
    definite, possible = brute_force(windows, moment)
    assert (None if found.definite is None else int(found.definite.id[1:])) == definite
    expected = {definite} if definite is not None else possible
    assert {int(c.id[1:]) for c in found.possible} == expected
    # Definite implies possible; no contact means no answer at all.
    assert found.definite is None or found.definite in found.possible
    assert (found.certainty is None) == (not found.possible)


def brute_force_sets(
    allowed: list[set[int]], before: tuple[int, int] | None, doubted: list[bool] | None = None
) -> tuple[int | None, set[int]]:
    """As :func:`brute_force`, each contact placed at every step its readouts allow.

    A contact in doubt (``doubted``) is tried as having taken place and as not.
    """
    moments = range(before[0], before[1] + 1) if before else [10**9]
    always: set[int] | None = None
    ever: set[int] = set()
    absent = -1  # a contact in doubt that did not take place
    steps = [
        sorted(s) + ([absent] if doubted and doubted[i] else []) for i, s in enumerate(allowed)
    ]
    for placement in itertools.product(*steps):
        for moment in moments:
            earlier = [i for i, x in enumerate(placement) if x != absent and x < moment]
            latest = max((placement[i] for i in earlier), default=None)
            last = {i for i in earlier if placement[i] == latest}
            ever |= last
            unique = last if len(last) == 1 else set()
            always = unique if always is None else always & unique
    return (next(iter(always)) if always else None), ever


told = st.lists(
    st.tuples(
        st.integers(0, 8),
        st.integers(0, 2),
        st.sampled_from([Status.OCCURRED] * 3 + [Status.PLANNED, Status.CANCELLED]),
    ).map(lambda t: (t[0], t[0] + t[1], t[2])),
    min_size=1,
    max_size=2,
)


@settings(max_examples=300)
@given(
    st.lists(told, min_size=1, max_size=4),
    st.none() | st.tuples(st.integers(0, 10), st.integers(0, 2)),
)
def test_the_last_of_events_told_by_several_readouts_is_what_their_placements_say(
    events: list[list[Readout]], before: tuple[int, int] | None
) -> None:
    moment = None if before is None else (before[0], before[0] + before[1])
    ledger = ledger_of_events([(("pashinyan", "putin"), readouts) for readouts in events])
    kept = [(n, placements(readouts), in_doubt(readouts)) for n, readouts in enumerate(events)]
    numbers = [n for n, steps, _ in kept if steps is not None]
    definite, possible = brute_force_sets(
        [s for _, s, _ in kept if s is not None],
        moment,
        [doubt for _, s, doubt in kept if s is not None],
    )
    found = last_contact(
        ledger, "pashinyan", "putin", before=None if moment is None else at(*moment)
    )
    number = {c: int(c.id[1:]) for c in found.possible}
    assert (None if found.definite is None else number[found.definite]) == (
        None if definite is None else numbers[definite]
    )
    expected = {numbers[definite]} if definite is not None else {numbers[i] for i in possible}
    assert set(number.values()) == expected


def test_the_last_contact_is_between_two_actors_asked_as_known_at_a_record_time() -> None:
    ledger = ledger_of([(("pashinyan", "putin"), (0, 0))])
    later = Call(("putin", "pashinyan"), at(9, 9), Provenance("article"))
    ledger.append(later, id="later", recorded_at=T + timedelta(days=1))
    with pytest.raises(InvalidValueError, match="one actor"):
        last_contact(ledger, "pashinyan", "Pashinyan")
    with pytest.raises(InvalidValueError, match="before is a When"):
        last_contact(ledger, "pashinyan", "putin", before="2022-09-13")  # type: ignore[arg-type]
    now = last_contact(ledger, "pashinyan", "putin")
    then = last_contact(ledger.as_of(T), "pashinyan", "putin")
    assert (now.definite, then.definite) == (contact_events(ledger)[-1], contact_events(ledger)[0])
