"""Calendar buckets (``time/_buckets.py``): local days, ISO weeks, months, skipped days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import dateutil.tz
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_ledger import LedgerError
from diplomacy_ledger.time import (
    Per,
    bucket_of,
    bucket_of_ordinal,
    bucket_ordinal,
    buckets_between,
    day_exists,
    local_date,
    local_ordinals,
    skipped_days,
)


def test_an_instant_falls_on_the_local_date_of_the_zone() -> None:
    moment = datetime(2022, 9, 12, 21, 30, tzinfo=UTC)
    assert bucket_of(moment, "Asia/Yerevan", "day").label == "2022-09-13"
    assert bucket_of(moment, "Europe/Paris", "day").label == "2022-09-12"
    assert bucket_of(moment, "-09:30", "day").label == "2022-09-12"


def test_iso_weeks_cross_the_year_and_months_have_their_days() -> None:
    # 1 January 2021 was a Friday: ISO week 53 of 2020, which began on 28 December.
    week = bucket_of(datetime(2021, 1, 1, 12, tzinfo=UTC), "UTC", "week")
    assert (week.label, week.first_day, week.last_day) == (
        "2020-W53",
        date(2020, 12, 28),
        date(2021, 1, 3),
    )
    february = bucket_of(datetime(2024, 2, 10, tzinfo=UTC), "UTC", "month")
    assert (february.label, february.last_day) == ("2024-02", date(2024, 2, 29))
    december = bucket_of(datetime(2022, 12, 31, tzinfo=UTC), "UTC", "month")
    assert december.last_day == date(2022, 12, 31)


@pytest.mark.parametrize("per", ["day", "week", "month"])
def test_ordinals_number_consecutive_buckets_consecutively(per: Per) -> None:
    day = date(2019, 12, 20)
    seen: list[int] = []
    while day < date(2020, 3, 10):
        ordinal = bucket_ordinal(day, per)
        bucket = bucket_of_ordinal(ordinal, per)
        assert bucket.first_day <= day <= bucket.last_day
        if not seen or seen[-1] != ordinal:
            assert not seen or ordinal == seen[-1] + 1
            seen.append(ordinal)
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("zone", "skipped"),
    [
        ("Pacific/Apia", date(2011, 12, 30)),
        ("Pacific/Fakaofo", date(2011, 12, 30)),
        ("Pacific/Kwajalein", date(1993, 8, 21)),
        ("Pacific/Kiritimati", date(1994, 12, 31)),
    ],
)
def test_the_days_a_zone_skipped_are_the_days_its_clocks_never_showed(
    zone: str, skipped: date
) -> None:
    # Held to an independent test of every day around it: whether any instant shows the date.
    around = range(skipped.toordinal() - 40, skipped.toordinal() + 40)
    never = {d for d in around if not day_exists(date.fromordinal(d), zone)}
    assert never == {skipped.toordinal()}
    assert {d for d in skipped_days(zone) if d in around} == never
    days = buckets_between(
        datetime.combine(skipped - timedelta(days=2), datetime.min.time(), UTC),
        datetime.combine(skipped + timedelta(days=2), datetime.min.time(), UTC),
        zone,
        "day",
    )
    assert skipped.isoformat() not in {bucket.label for bucket in days}


@pytest.mark.parametrize("zone", ["Europe/Paris", "America/St_Johns", "Asia/Kathmandu", "UTC"])
def test_zones_that_skipped_no_day_in_a_century(zone: str) -> None:
    assert not [d for d in skipped_days(zone) if d > date(1950, 1, 1).toordinal()]


def test_bad_buckets_are_refused() -> None:
    moment = datetime(2022, 1, 1, tzinfo=UTC)
    with pytest.raises(LedgerError):
        bucket_of(moment, "UTC", "year")  # type: ignore[arg-type]
    with pytest.raises(LedgerError):
        buckets_between(moment, moment - timedelta(days=1), "UTC", "day")
    with pytest.raises(LedgerError):
        bucket_of(moment, "EST5", "day")


BULK_ZONES = (
    "UTC",
    "+05:45",
    "-09:30",
    "Europe/Paris",
    "America/New_York",
    "Pacific/Apia",
    "Australia/Lord_Howe",
    "Africa/Casablanca",
    "Antarctica/Troll",
    "Asia/Kathmandu",
    "Europe/Dublin",
)


def _near_changes(zone: str) -> list[datetime]:
    """Instants around each change of offset and each local midnight of the zone's rules."""
    rules = dateutil.tz.gettz(zone) if "/" in zone else None
    changes = getattr(rules, "_trans_utc", ())
    found = []
    for change in changes:
        moment = datetime.fromtimestamp(change, UTC)
        for offset in (-86400, -3600, -1, 0, 1, 3600, 86400):
            found.append(moment + timedelta(seconds=offset))
            found.append(moment + timedelta(seconds=offset, microseconds=-1))
    return found


@pytest.mark.parametrize("zone", BULK_ZONES)
def test_local_ordinals_are_the_local_dates_of_each_instant_in_bulk(zone: str) -> None:
    moments = _near_changes(zone) + [
        datetime(1800, 1, 1, tzinfo=UTC) + timedelta(hours=7 * n, microseconds=n % 3 - 1)
        for n in range(1, 600_000, 97)
    ]
    moments += [
        datetime(2040, 3, 31, 0, 59, 59, 999999, tzinfo=UTC),
        datetime(9000, 1, 1, tzinfo=UTC),
    ]
    assert local_ordinals(moments, zone) == [local_date(m, zone).toordinal() for m in moments]


@settings(max_examples=300)
@given(
    st.datetimes(
        min_value=datetime(1700, 1, 1),  # noqa: DTZ001 - bounds of naive values, made aware
        max_value=datetime(2200, 1, 1),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
    st.sampled_from(BULK_ZONES),
)
def test_a_local_ordinal_is_its_local_date(moment: datetime, zone: str) -> None:
    assert local_ordinals([moment], zone) == [local_date(moment, zone).toordinal()]
