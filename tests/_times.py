"""Hypothesis strategies for the time model's own tests (the public ones come later)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Final

from hypothesis import strategies as st

from diplomacy_ledger import Precision, Span, When, available_zones

# Zones whose rules make trouble: DST, 30-minute DST, skipped days, abolished DST, odd offsets.
INTERESTING_ZONES: Final = (
    "Europe/Paris",
    "America/New_York",
    "Australia/Lord_Howe",
    "Pacific/Apia",
    "Asia/Yerevan",
    "Asia/Baku",
    "Europe/Moscow",
    "America/Sao_Paulo",
    "Asia/Kathmandu",
    "Africa/Casablanca",
    "America/Santiago",
    "Pacific/Kiritimati",
    "UTC",
)
ALL_ZONES: Final = tuple(sorted(available_zones()))


def zone_keys() -> st.SearchStrategy[str]:
    """IANA keys, biased toward the interesting ones."""
    return st.one_of(st.sampled_from(INTERESTING_ZONES), st.sampled_from(ALL_ZONES))


def zones_or_none() -> st.SearchStrategy[str | None]:
    offsets = st.builds(
        lambda sign, h, m: f"{sign if h or m else '+'}{h:02d}:{m:02d}",
        st.sampled_from("+-"),
        st.integers(0, 14),
        st.sampled_from([0, 30, 45]),
    )
    return st.one_of(st.none(), zone_keys(), offsets)


def instants(
    min_value: datetime = datetime(1900, 1, 1, tzinfo=UTC),
    max_value: datetime = datetime(2100, 1, 1, tzinfo=UTC),
) -> st.SearchStrategy[datetime]:
    """Aware UTC datetimes, shrinking toward 2000-01-01."""
    return st.datetimes(
        min_value=min_value.replace(tzinfo=None),
        max_value=max_value.replace(tzinfo=None),
        timezones=st.just(UTC),
    )


@st.composite
def whens(draw: st.DrawFn, *, calendar: bool = True) -> When:
    """Valid Whens of every precision, in every kind of zone."""
    zone = draw(zones_or_none())
    kinds = ["instant", "span"] + (["day", "month", "year"] if calendar else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "instant":
        moment = draw(instants())
        return When.instant(moment, zone=zone)
    if kind == "span":
        start = draw(instants())
        width = draw(st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=400)))
        return When.between(start, start + width, zone=zone)
    day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
    if zone == "Pacific/Apia" and day == date(2011, 12, 30):
        day = date(2011, 12, 29)  # the skipped day has no bounds; tested separately
    if kind == "day":
        return When.day(day, zone=zone)
    if kind == "month":
        return When.month(day.year, day.month, zone=zone)
    return When.year(day.year, zone=zone)


@st.composite
def point_bounds(draw: st.DrawFn) -> When:
    """Small-integer-minute Whens, exact or imprecise, for exhaustive order checks."""
    low = draw(st.integers(0, 4))
    high = draw(st.integers(low, 4))
    base = datetime(2000, 1, 1, tzinfo=UTC)
    start, end = base + timedelta(minutes=low), base + timedelta(minutes=high)
    if low == high:
        return When.instant(start, precision=Precision.MINUTE)
    return When.between(start, end)


@st.composite
def small_spans(draw: st.DrawFn) -> Span:
    """Spans whose ends lie on small integer minutes, possibly imprecise."""
    start = draw(point_bounds())
    base = datetime(2000, 1, 1, tzinfo=UTC)
    low = draw(st.integers(int((start.earliest - base).total_seconds() // 60) + 1, 6))
    high = draw(st.integers(low, 6))
    end_start, end_end = base + timedelta(minutes=low), base + timedelta(minutes=high)
    end = (
        When.instant(end_start, precision=Precision.MINUTE)
        if low == high
        else When.between(end_start, end_end)
    )
    return Span(start, end)
