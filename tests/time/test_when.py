"""When: constructors, text forms, equality and errors, on hand-computed facts."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from diplomacy_ledger import (
    InvalidTimeError,
    LedgerError,
    NaiveDatetimeError,
    Precision,
    RepeatedTimeError,
    SkippedTimeError,
    Span,
    TimeParseError,
    Truth,
    UnknownZoneError,
    When,
)


def utc(  # noqa: PLR0917 - mirrors datetime()
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, micro: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=UTC)


END = timedelta(microseconds=1)


class TestSeedFacts:
    """../shared/seed/README.md: Yerevan UTC+4, Moscow UTC+3, Paris UTC+2 on 13 Sep 2022."""

    def test_midnight_starting_tuesday_in_yerevan_is_monday_evening_utc(self) -> None:
        midnight = When.local("2022-09-13 00:00", zone="Asia/Yerevan")
        assert midnight.earliest == midnight.latest == utc(2022, 9, 12, 20, 0)
        assert midnight.precision is Precision.MINUTE

    def test_ceasefire_0230_yerevan_in_utc_moscow_and_paris(self) -> None:
        ceasefire = When.local("2022-09-13 02:30", zone="Asia/Yerevan")
        assert ceasefire.earliest == utc(2022, 9, 12, 22, 30)
        moscow, _ = ceasefire.local_bounds("Europe/Moscow")
        paris, _ = ceasefire.local_bounds("Europe/Paris")
        assert (moscow.hour, moscow.minute, moscow.day) == (1, 30, 13)
        assert (paris.hour, paris.minute, paris.day) == (0, 30, 13)

    def test_a_yerevan_day_seen_from_paris_starts_the_evening_before(self) -> None:
        tuesday = When.day("2022-09-13", zone="Asia/Yerevan")
        assert tuesday.earliest == utc(2022, 9, 12, 20, 0)
        assert tuesday.latest == utc(2022, 9, 13, 20, 0) - END
        start, _ = tuesday.local_bounds("Europe/Paris")
        assert start.date() == date(2022, 9, 12)  # Monday evening in Paris
        assert start.hour == 22

    def test_history_at_month_and_year_precision(self) -> None:
        campaign = When.parse("2020-09")  # no zone: September 2020 somewhere on Earth
        assert campaign.earliest == utc(2020, 8, 31, 10, 0)  # 1 Sep 00:00 at UTC+14
        assert campaign.latest == utc(2020, 10, 1, 12, 0) - END  # 1 Oct 00:00 at UTC-12
        independence = When.year(1991, zone="Asia/Yerevan")
        yerevan = zoneinfo.ZoneInfo("Asia/Yerevan")  # independent of dateutil's reading
        assert independence.earliest == datetime(1991, 1, 1, tzinfo=yerevan).astimezone(UTC)
        assert independence.latest == datetime(1992, 1, 1, tzinfo=yerevan).astimezone(UTC) - END


class TestText:
    @pytest.mark.parametrize(
        ("text", "earliest", "latest", "precision", "zone"),
        [
            (
                "2022-09-13T02:30+04:00[Asia/Yerevan]",
                utc(2022, 9, 12, 22, 30),
                utc(2022, 9, 12, 22, 30),
                Precision.MINUTE,
                "Asia/Yerevan",
            ),
            (
                "2022-09-12T22:30:15.5Z",
                utc(2022, 9, 12, 22, 30, 15, 500000),
                utc(2022, 9, 12, 22, 30, 15, 500000),
                Precision.SECOND,
                None,
            ),
            (
                "2022-09-13T02:30+04:00",
                utc(2022, 9, 12, 22, 30),
                utc(2022, 9, 12, 22, 30),
                Precision.MINUTE,
                "+04:00",
            ),
            (
                "2022-09-13T02[Asia/Yerevan]",
                utc(2022, 9, 12, 22),
                utc(2022, 9, 12, 22),
                Precision.HOUR,
                "Asia/Yerevan",
            ),
            (
                "2022-09-13[Asia/Yerevan]",
                utc(2022, 9, 12, 20),
                utc(2022, 9, 13, 20) - END,
                Precision.DAY,
                "Asia/Yerevan",
            ),
            ("1992", utc(1991, 12, 31, 10), utc(1993, 1, 1, 12) - END, Precision.YEAR, None),
            (
                "2022-09-12T22:30Z[Asia/Yerevan]",
                utc(2022, 9, 12, 22, 30),
                utc(2022, 9, 12, 22, 30),
                Precision.MINUTE,
                "Asia/Yerevan",
            ),
            (
                "2022-09-12T22:30-00:00",
                utc(2022, 9, 12, 22, 30),
                utc(2022, 9, 12, 22, 30),
                Precision.MINUTE,
                None,
            ),
            (
                "2022-09-10[Asia/Baku]/2022-09-11[Asia/Baku]",
                utc(2022, 9, 9, 20),
                utc(2022, 9, 11, 20) - END,
                Precision.SPAN,
                "Asia/Baku",
            ),
            (
                "2022-09-13T02:30+04:00[Asia/Yerevan][u-ca=gregory]",
                utc(2022, 9, 12, 22, 30),
                utc(2022, 9, 12, 22, 30),
                Precision.MINUTE,
                "Asia/Yerevan",
            ),
        ],
    )
    def test_parse(
        self,
        text: str,
        earliest: datetime,
        latest: datetime,
        precision: Precision,
        zone: str | None,
    ) -> None:
        when = When.parse(text)
        assert (when.earliest, when.latest, when.precision, when.zone) == (
            earliest,
            latest,
            precision,
            zone,
        )
        assert When.parse(str(when)) == when

    @pytest.mark.parametrize(
        ("when", "text"),
        [
            (
                When.local("2022-09-13 02:30", zone="Asia/Yerevan"),
                "2022-09-13T02:30+04:00[Asia/Yerevan]",
            ),
            (When.instant(utc(2022, 9, 12, 22, 30)), "2022-09-12T22:30:00Z"),
            (When.day("2022-09-13"), "2022-09-13"),
            (When.month(2020, 9, zone="Europe/Moscow"), "2020-09[Europe/Moscow]"),
            (When.year(1994), "1994"),
            (
                When.instant(
                    datetime(2022, 9, 13, 0, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))
                ),
                "2022-09-13T00:30:00+02:00[Europe/Paris]",
            ),
            (
                When.instant(datetime(2022, 9, 13, 2, 30, tzinfo=timezone(timedelta(hours=4)))),
                "2022-09-13T02:30:00+04:00",
            ),
        ],
    )
    def test_str(self, when: When, text: str) -> None:
        assert str(when) == text

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("2022-09-13T02:30", "When.local"),
            ("2022-09-13 02:30", "When.local"),
            ("13/09/2022", "expected ISO 8601"),
            ("2022-02-30", "day is out of range"),
            ("2022-09-13T24:00Z", "24:00"),
            ("2022-09-13T23:59:60Z", "leap second"),
            ("2022-09-13T02:30:00.1234567Z", "microsecond"),
            ("2022-09-13T02:30+05:00[Asia/Yerevan]", "does not match"),
            ("2022-09-13T02:30[Asia/Yerevan][Europe/Paris]", "more than one"),
            ("2022-09-13T02:30Z[u-ca=hebrew]", "Gregorian"),
            ("2022-09-13T02:30Z[!x-foo=bar]", "critical"),
            ("2022-09-14/2022-09-13", "ends before it starts"),
            ("2022-09-13/", "window"),
            ("", "expected ISO 8601"),
            ("Tuesday", "expected ISO 8601"),
        ],
    )
    def test_refused(self, text: str, message: str) -> None:
        with pytest.raises(TimeParseError, match=message) as caught:
            When.parse(text)
        assert isinstance(caught.value, LedgerError)
        assert isinstance(caught.value, ValueError)

    def test_unknown_zone_in_brackets(self) -> None:
        with pytest.raises(UnknownZoneError, match="Mars/Olympus"):
            When.parse("2022-09-13T02:30Z[Mars/Olympus]")

    def test_fraction_with_trailing_zeros_is_exact(self) -> None:
        assert When.parse("2022-09-13T02:30:00.1234560Z").earliest.microsecond == 123456

    def test_non_critical_unknown_tags_are_ignored(self) -> None:
        assert When.parse("2022-09-13T02:30Z[x-foo=bar]") == When.parse("2022-09-13T02:30Z")

    def test_zone_argument_applies_to_dates_and_wall_times(self) -> None:
        september = When.parse("2020-09", zone="Asia/Baku")
        assert september.earliest == utc(2020, 8, 31, 20)
        assert september.latest == utc(2020, 9, 30, 20) - END
        assert When.parse("2022-09-13T02:30", zone="Asia/Yerevan").earliest == utc(
            2022, 9, 12, 22, 30
        )
        with pytest.raises(TimeParseError, match="names zone"):
            When.parse("2022-09-13[Asia/Baku]", zone="Asia/Yerevan")


class TestLocalTimes:
    def test_paris_spring_gap(self) -> None:
        wall = "2022-03-27 02:30"
        with pytest.raises(SkippedTimeError, match="did not exist in Europe/Paris") as caught:
            When.local(wall, zone="Europe/Paris")
        assert isinstance(caught.value, LedgerError)
        assert isinstance(caught.value, ValueError)
        earlier = When.local(wall, zone="Europe/Paris", disambiguation="earlier")
        later = When.local(wall, zone="Europe/Paris", disambiguation="later")
        compatible = When.local(wall, zone="Europe/Paris", disambiguation="compatible")
        assert str(earlier) == "2022-03-27T01:30+01:00[Europe/Paris]"
        assert str(later) == str(compatible) == "2022-03-27T03:30+02:00[Europe/Paris]"

    def test_paris_autumn_fold(self) -> None:
        wall = "2022-10-30 02:30"
        with pytest.raises(RepeatedTimeError, match="happened twice"):
            When.local(wall, zone="Europe/Paris")
        earlier = When.local(wall, zone="Europe/Paris", disambiguation="earlier")
        later = When.local(wall, zone="Europe/Paris", disambiguation="later")
        compatible = When.local(wall, zone="Europe/Paris", disambiguation="compatible")
        assert earlier.earliest == compatible.earliest == utc(2022, 10, 30, 0, 30)
        assert later.earliest == utc(2022, 10, 30, 1, 30)
        # Same wall clock, different instants: never equal, and both survive a round trip.
        assert earlier != later
        assert len({earlier, later}) == 2
        assert When.parse(str(later)) == later
        assert str(earlier) == "2022-10-30T02:30+02:00[Europe/Paris]"
        assert str(later) == "2022-10-30T02:30+01:00[Europe/Paris]"

    def test_apia_skipped_a_whole_day(self) -> None:
        with pytest.raises(SkippedTimeError, match="whole day 2011-12-30"):
            When.day("2011-12-30", zone="Pacific/Apia")
        with pytest.raises(SkippedTimeError):
            When.local("2011-12-30 12:00", zone="Pacific/Apia")
        earlier = When.local("2011-12-30 12:00", zone="Pacific/Apia", disambiguation="earlier")
        later = When.local("2011-12-30 12:00", zone="Pacific/Apia", disambiguation="later")
        assert str(earlier) == "2011-12-29T12:00-10:00[Pacific/Apia]"
        assert str(later) == "2011-12-31T12:00+14:00[Pacific/Apia]"
        thursday = When.day("2011-12-29", zone="Pacific/Apia")
        saturday = When.day("2011-12-31", zone="Pacific/Apia")
        assert thursday.latest + END == saturday.earliest  # Friday never happened

    def test_lord_howe_half_hour_shift(self) -> None:
        wall = "2022-10-02 02:15"  # clocks went 02:00 -> 02:30 (+10:30 -> +11:00)
        with pytest.raises(SkippedTimeError):
            When.local(wall, zone="Australia/Lord_Howe")
        earlier = When.local(wall, zone="Australia/Lord_Howe", disambiguation="earlier")
        later = When.local(wall, zone="Australia/Lord_Howe", disambiguation="later")
        assert str(earlier) == "2022-10-02T01:45+10:30[Australia/Lord_Howe]"
        assert str(later) == "2022-10-02T02:45+11:00[Australia/Lord_Howe]"

    def test_day_with_a_gap_is_23_hours_and_with_a_fold_25(self) -> None:
        spring = When.day("2022-03-27", zone="Europe/Paris")
        autumn = When.day("2022-10-30", zone="Europe/Paris")
        assert spring.latest - spring.earliest + END == timedelta(hours=23)
        assert autumn.latest - autumn.earliest + END == timedelta(hours=25)

    def test_naive_datetime_wall_time(self) -> None:
        when = When.local(datetime(2022, 9, 13, 2, 30), zone="Asia/Yerevan")  # noqa: DTZ001
        assert when.earliest == utc(2022, 9, 12, 22, 30)
        assert when.precision is Precision.SECOND

    def test_local_refuses_aware_and_zoned_text(self) -> None:
        with pytest.raises(InvalidTimeError, match=r"When\.instant"):
            When.local(utc(2022, 9, 13), zone="Asia/Yerevan")
        with pytest.raises(TimeParseError, match="no offset or zone"):
            When.local("2022-09-13T02:30+04:00", zone="Asia/Yerevan")
        with pytest.raises(TimeParseError, match=r"When\.day"):
            When.local("2022-09-13", zone="Asia/Yerevan")
        with pytest.raises(ValueError, match="disambiguation must be one of"):
            When.local("2022-09-13 02:30", zone="Asia/Yerevan", disambiguation="nearest")  # type: ignore[arg-type]


class TestInvariants:
    def test_naive_datetimes_are_refused_everywhere(self) -> None:
        naive = datetime(2022, 9, 13, 2, 30)  # noqa: DTZ001
        with pytest.raises(NaiveDatetimeError, match=r"When\.instant"):
            When.instant(naive)
        with pytest.raises(NaiveDatetimeError, match=r"When\.earliest"):
            When(naive, naive, Precision.SECOND)
        with pytest.raises(NaiveDatetimeError):
            When.between(naive, naive)
        with pytest.raises(NaiveDatetimeError):
            Span(naive)

    def test_bounds_out_of_order(self) -> None:
        with pytest.raises(InvalidTimeError, match="after latest"):
            When(utc(2022, 9, 13), utc(2022, 9, 12), Precision.SPAN)

    def test_precision_must_match_bounds(self) -> None:
        with pytest.raises(InvalidTimeError, match="exact instant"):
            When(utc(2022, 9, 12), utc(2022, 9, 13), Precision.MINUTE)
        with pytest.raises(InvalidTimeError, match="not a whole minute"):
            When(utc(2022, 9, 12, 0, 0, 1), utc(2022, 9, 12, 0, 0, 1), Precision.MINUTE)
        with pytest.raises(InvalidTimeError, match="not the whole day"):
            When(utc(2022, 9, 12), utc(2022, 9, 13), Precision.DAY, "Asia/Yerevan")

    def test_words_are_kept_but_not_compared(self) -> None:
        a = When.local("2022-09-13 02:30", zone="Asia/Yerevan", text="02:30 local time")
        b = When.local("2022-09-13 02:30", zone="Asia/Yerevan")
        assert a.text == "02:30 local time"
        assert a == b
        assert hash(a) == hash(b)

    def test_zone_and_precision_are_compared(self) -> None:
        yerevan = When.local("2022-09-13 02:30", zone="Asia/Yerevan")
        baku = When.local("2022-09-13 02:30", zone="Asia/Baku")
        assert yerevan.earliest == baku.earliest
        assert yerevan != baku  # a lost zone is caught
        assert yerevan != yerevan.to_zone(None)

    def test_to_zone_keeps_instants_and_widens_calendar_periods(self) -> None:
        two = When.parse("2022-09-13T02[Asia/Yerevan]")
        kathmandu = two.to_zone("Asia/Kathmandu")
        assert kathmandu.earliest == two.earliest
        assert kathmandu.precision is Precision.MINUTE  # 03:45 there
        assert str(kathmandu) == "2022-09-13T03:45+05:45[Asia/Kathmandu]"
        day = When.day("2022-09-13", zone="Asia/Yerevan").to_zone("Europe/Paris")
        assert day.precision is Precision.SPAN
        assert (day.earliest, day.latest) == (utc(2022, 9, 12, 20), utc(2022, 9, 13, 20) - END)

    def test_between_takes_the_outer_bounds(self) -> None:
        saturday = When.day("2022-09-10", zone="Asia/Baku")
        sunday = When.day("2022-09-11", zone="Asia/Baku")
        weekend = When.between(saturday, sunday, text="over the weekend")
        assert (weekend.earliest, weekend.latest) == (saturday.earliest, sunday.latest)
        assert weekend.zone == "Asia/Baku"
        assert weekend.precision is Precision.SPAN
        with pytest.raises(InvalidTimeError, match="cannot end"):
            When.between(sunday, saturday)

    def test_the_ends_of_the_calendar_are_clamped(self) -> None:
        first = When.year(1)
        assert first.earliest == datetime.min.replace(tzinfo=UTC)
        last = When.year(9999, zone="Asia/Yerevan")
        assert last.latest == datetime.max.replace(tzinfo=UTC)
        assert When.parse(str(first)) == first
        assert When.parse(str(last)) == last
        with pytest.raises(InvalidTimeError, match="not a year"):
            When.year(10000)
        with pytest.raises(InvalidTimeError, match="not a month"):
            When.month(2020, 13)

    def test_span_must_be_able_to_last(self) -> None:
        moment = When.local("2022-09-13 02:30", zone="Asia/Yerevan")
        with pytest.raises(InvalidTimeError, match="cannot last"):
            Span(moment, moment)
        with pytest.raises(InvalidTimeError, match="not both"):
            Span(moment, When.day("2022-09-14"), ongoing_as_of=When.day("2022-09-13"))
        with pytest.raises(InvalidTimeError, match="before it starts"):
            Span.ongoing(moment, as_of=When.parse("2022-09-01[Asia/Yerevan]"))
        # Imprecise ends may overlap, as long as some placement lets the span last.
        day = When.day("2022-09-13", zone="Asia/Yerevan")
        assert Span(day, day).end == day


def test_old_local_mean_time_offsets_with_seconds_round_trip() -> None:
    # Paris kept Paris Mean Time (+00:09:21) until 1911: local clocks showed 00:09:21 at 00:00 UTC.
    moment = When.between(utc(1911, 1, 1), utc(1911, 1, 1), zone="Europe/Paris")
    assert str(moment) == (
        "1911-01-01T00:09:21+00:09:21[Europe/Paris]/1911-01-01T00:09:21+00:09:21[Europe/Paris]"
    )
    assert When.parse(str(moment)) == moment


def test_local_times_remember_their_wall_clock_reading() -> None:
    gap = When.local("2022-03-27 02:30", zone="Europe/Paris", disambiguation="later")
    assert gap.wall == datetime(2022, 3, 27, 2, 30)  # noqa: DTZ001 - a wall reading
    assert str(gap) == "2022-03-27T03:30+02:00[Europe/Paris]"  # the instant it resolved to
    assert When.parse("2022-09-13T02:30[Asia/Yerevan]").wall == datetime(2022, 9, 13, 2, 30)  # noqa: DTZ001
    assert When.parse("2022-09-13T02:30+04:00[Asia/Yerevan]").wall is None
    # The reading is kept, not compared: the same instant stated two ways is one When.
    assert gap == When.parse("2022-03-27T03:30+02:00[Europe/Paris]")
    with pytest.raises(InvalidTimeError, match="wall time"):
        When(utc(2022, 9, 12), utc(2022, 9, 12), Precision.SECOND, None, wall=datetime(2022, 9, 12))  # noqa: DTZ001


def test_a_wall_time_moved_off_the_minute_by_an_old_offset_keeps_its_seconds() -> None:
    # Amsterdam's summer time went from +01:19:32 to +01:20 on 1 July 1937: the 28 seconds from
    # 00:00:00 to 00:00:28 were skipped, so "compatible" gives 00:00:28, not a whole minute.
    when = When.local("1937-07-01 00:00", zone="Europe/Amsterdam", disambiguation="compatible")
    assert when.earliest == utc(1937, 6, 30, 22, 40, 28)
    assert when.precision is Precision.SECOND
    assert str(when) == "1937-07-01T00:00:28+01:20[Europe/Amsterdam]"


def test_consecutive_days_overlap_in_a_fold_at_midnight() -> None:
    # America/St_Johns set its clocks back from 00:01 to 23:01 on 7 November 2010: midnight
    # starting the 7th happened twice, so the 6th ended after the 7th began.
    rules = zoneinfo.ZoneInfo("America/St_Johns")
    seventh_begins = datetime(2010, 11, 7, tzinfo=rules).astimezone(UTC)
    sixth_ends = datetime(2010, 11, 7, fold=1, tzinfo=rules).astimezone(UTC) - timedelta(
        microseconds=1
    )
    assert sixth_ends - seventh_begins > timedelta(minutes=59)
    saturday = When.day("2010-11-06", zone="America/St_Johns")
    sunday = When.day("2010-11-07", zone="America/St_Johns")
    assert (saturday.latest, sunday.earliest) == (sixth_ends, seventh_begins)
    assert saturday.before(sunday) is Truth.POSSIBLY
    # Elsewhere on the same dates they do not overlap.
    assert (
        When.day("2010-11-06", zone="Asia/Yerevan").before(
            When.day("2010-11-07", zone="Asia/Yerevan")
        )
        is Truth.DEFINITELY
    )
