"""Zone names: only IANA keys and fixed offsets; everything else is refused with a reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomacy_ledger import LedgerError, UnknownZoneError, When, available_zones, resolve_zone
from diplomacy_ledger.time._zones import validate_zone


@pytest.mark.parametrize(
    "zone",
    ["Asia/Yerevan", "Asia/Baku", "Europe/Moscow", "Europe/Paris", "UTC", "+04:00", "-09:30"],
)
def test_accepted(zone: str) -> None:
    assert validate_zone(zone) == zone


@pytest.mark.parametrize(
    ("zone", "reason"),
    [
        ("", "empty string"),
        ("UTC+3", "invert the sign"),
        ("GMT-4", "invert the sign"),
        ("EDT", "abbreviation"),
        ("IST", "abbreviation"),
        ("/etc/localtime", "file path"),
        ("../../etc/passwd", "file path"),
        ("localtime", "not an IANA time zone key"),
        ("posixrules", "not an IANA time zone key"),
        ("europe/paris", "did you mean 'Europe/Paris'"),
        ("Mars/Olympus_Mons", "not an IANA time zone key"),
        ("−04:00", "typographic minus"),
        ("+24:00", "not an IANA time zone key"),
        ("-00:00", "unknown local offset"),
    ],
)
def test_refused_with_a_reason(zone: str, reason: str) -> None:
    with pytest.raises(UnknownZoneError, match=reason) as caught:
        validate_zone(zone)
    assert caught.value.zone == zone
    assert isinstance(caught.value, LedgerError)
    assert isinstance(caught.value, ValueError)


def test_refused_everywhere_a_zone_is_taken() -> None:
    with pytest.raises(UnknownZoneError, match="EDT"):
        When.local("2022-09-13 02:30", zone="EDT")
    with pytest.raises(UnknownZoneError, match="UTC\\+3"):
        When.day("2022-09-13", zone="UTC+3")
    with pytest.raises(UnknownZoneError):
        When.instant(datetime(2022, 9, 13, tzinfo=UTC), zone="")
    with pytest.raises(UnknownZoneError):
        When.local("2022-09-13 02:30", zone="Asia/Yerevan").to_zone("Yerevan")
    with pytest.raises(UnknownZoneError, match="string"):
        validate_zone(4)


def test_abbreviations_only_through_the_callers_own_map() -> None:
    assert resolve_zone("EDT", aliases={"EDT": "America/New_York"}) == "America/New_York"
    assert resolve_zone("Europe/Paris", aliases={"EDT": "America/New_York"}) == "Europe/Paris"
    with pytest.raises(UnknownZoneError, match="abbreviation"):
        resolve_zone("EDT")
    with pytest.raises(UnknownZoneError, match="zone alias 'EDT'"):
        resolve_zone("EDT", aliases={"EDT": "Eastern"})


def test_the_list_is_the_iana_database() -> None:
    zones = available_zones()
    assert {"Asia/Yerevan", "Pacific/Apia", "Australia/Lord_Howe", "UTC"} <= zones
    assert "localtime" not in zones
    assert "" not in zones


@given(st.sampled_from(sorted(available_zones())))
def test_every_listed_zone_has_rules(zone: str) -> None:
    when = When.instant(datetime(2022, 9, 12, 22, 30, tzinfo=UTC), zone=zone)
    local, _ = when.local_bounds()
    assert local.utcoffset() is not None


def test_fixed_offsets_from_datetime_tzinfo() -> None:
    plus_four = timezone(timedelta(hours=4))
    assert When.instant(datetime(2022, 9, 13, 2, 30, tzinfo=plus_four)).zone == "+04:00"
    assert When.instant(datetime(2022, 9, 13, tzinfo=UTC)).zone is None
