"""Zone names: only IANA keys and fixed offsets; everything else is refused with a reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomacy_ledger import (
    LedgerError,
    UnknownZoneError,
    When,
    allow_legacy_zones,
    available_zones,
    canonical_zone,
    resolve_zone,
)
from diplomacy_ledger.time._zones import _database_keys, validate_zone


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


# -- legacy keys named like abbreviations -------------------------------------------------------

NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("zone", "offset"),
    [
        # The offset each key stands for in winter, from the tzdb's own documentation.
        ("EST", "-05:00"),
        ("MST", "-07:00"),
        ("HST", "-10:00"),
        ("CET", "+01:00"),
        ("EET", "+02:00"),
        ("WET", "+00:00"),
        ("MET", "+01:00"),
        ("EST5EDT", "-05:00"),
        ("CST6CDT", "-06:00"),
        ("MST7MDT", "-07:00"),
        ("PST8PDT", "-08:00"),
        ("Etc/GMT+5", "-05:00"),  # the sign is inverted: five hours behind UTC
        ("Etc/GMT-14", "+14:00"),
    ],
)
def test_legacy_keys_are_refused_naming_the_offset(zone: str, offset: str) -> None:
    if zone not in _database_keys():  # pragma: no cover - every tzdb since 1990s has them
        pytest.skip(f"{zone} is not in this machine's time zone database")
    with pytest.raises(UnknownZoneError, match="legacy") as caught:
        validate_zone(zone)
    message = str(caught.value)
    assert repr(offset) in message
    assert "legacy=True" in message
    assert "allow_legacy_zones" in message
    assert caught.value.zone == zone
    with pytest.raises(UnknownZoneError, match="legacy"):
        When.local("2022-07-01 12:00", zone=zone)
    assert zone not in available_zones()  # every listed key is accepted
    assert validate_zone(zone, legacy=True) == zone
    assert resolve_zone(zone, legacy=True) == zone


def test_the_inverted_sign_is_said() -> None:
    with pytest.raises(UnknownZoneError, match=r"inverted.*-05:00.*behind"):
        validate_zone("Etc/GMT+5")


@pytest.mark.parametrize(
    "zone", ["UTC", "GMT", "Etc/GMT", "Etc/GMT0", "PRC", "ROK", "NZ", "GB", "Japan", "Etc/UTC"]
)
def test_keys_that_only_look_short_are_accepted(zone: str) -> None:
    # UTC under any name is the same everywhere; PRC, ROK, NZ are country names, not abbreviations.
    assert validate_zone(zone) == zone


def test_est_in_july_is_an_hour_off_new_york() -> None:
    # Why the key is refused: what a user means by EST is New York's clocks.
    with allow_legacy_zones("EST"):
        est = When.local("2022-07-01 12:00", zone="EST")
    new_york = datetime(2022, 7, 1, 12, tzinfo=NEW_YORK).astimezone(UTC)
    assert est.earliest - new_york == timedelta(hours=1)
    assert est.zone == "EST"  # kept as written, not mapped to another zone


def test_the_opt_in_is_per_key_and_per_block() -> None:
    with allow_legacy_zones("CET"):
        assert When.day("2022-09-13", zone="CET").zone == "CET"
        with pytest.raises(UnknownZoneError, match="'EST' is a legacy key"):
            When.day("2022-09-13", zone="EST")
    with allow_legacy_zones():  # every legacy key
        assert validate_zone("EST") == "EST"
        inside = When.day("2022-09-13", zone="MET")
    with pytest.raises(UnknownZoneError, match="legacy"):
        validate_zone("CET")
    # A When built inside keeps working outside.
    assert str(inside) == "2022-09-13[MET]"
    assert inside.local_bounds()[0].utcoffset() == timedelta(hours=2)
    with pytest.raises(UnknownZoneError), allow_legacy_zones("Mars/Olympus_Mons"):
        pass  # pragma: no cover


# -- backward-compatible names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Europe/Kiev", "Europe/Kyiv"),
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("US/Eastern", "America/New_York"),
        ("Asia/Katmandu", "Asia/Kathmandu"),
    ],
)
def test_backward_names_are_one_zone(old: str, new: str) -> None:
    assert canonical_zone(old) == new
    wall = "2022-09-13 02:30"
    written = When.local(wall, zone=old)
    assert written == When.local(wall, zone=new)
    assert hash(written) == hash(When.local(wall, zone=new))
    assert written.zone == new
    assert written.text == old  # what was written is kept
    assert When.local(wall, zone=old, text="02:30 local time").text == "02:30 local time"
    parsed = When.parse(f"2022-09-13[{old}]")
    assert parsed == When.day("2022-09-13", zone=new)
    assert parsed.text == f"2022-09-13[{old}]"
    assert When(written.earliest, written.latest, written.precision, old) == written
    assert When.parse(f"2022-09-13T02:30[{old}]", zone=new) == written


def test_canonical_names_stay() -> None:
    for zone in ("Asia/Yerevan", "Europe/Oslo", "Atlantic/Reykjavik", "UTC", "+04:00"):
        assert canonical_zone(zone) == zone  # Oslo is Norway's zone in zone.tab, merged or not
    assert canonical_zone("Etc/UTC") == "UTC"
    assert When.day("2022-09-13", zone="Europe/Oslo").zone == "Europe/Oslo"


@given(st.sampled_from(sorted(available_zones())))
def test_a_renamed_zone_has_the_rules_of_its_new_name(zone: str) -> None:
    new = canonical_zone(zone)
    assert new in available_zones()
    assert canonical_zone(new) == new
    old_rules, new_rules = ZoneInfo(zone), ZoneInfo(new)
    for year in (1975, 1995, 2010, 2022):
        for month in (1, 7):
            moment = datetime(year, month, 1, tzinfo=UTC)
            assert moment.astimezone(old_rules).utcoffset() == (
                moment.astimezone(new_rules).utcoffset()
            )
