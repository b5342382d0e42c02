"""The public time strategies give valid values, shrink toward simple ones, and agree with whenever.

``local_times`` is checked against an independent implementation of the same semantics: the
*whenever* library says whether the wall time was skipped or repeated, and which instant each
disambiguation policy gives.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from whenever import PlainDateTime, RepeatedTime, SkippedTime

from diplomacy_ledger import Precision, Span, When, available_zones
from diplomacy_ledger.model import whens_in
from diplomacy_ledger.strategies import (
    LocalTime,
    fixed_offsets,
    instants,
    ledgers,
    local_times,
    spans,
    whens,
    zones,
)

LOW = datetime(1950, 1, 1, tzinfo=UTC)
HIGH = datetime(2050, 1, 1, tzinfo=UTC)


@given(instants(min_value=LOW, max_value=HIGH))
def test_instants_are_aware_utc_and_in_range(moment: datetime) -> None:
    assert moment.tzinfo is UTC
    assert LOW <= moment <= HIGH


@given(zones(), fixed_offsets())
def test_zones_are_iana_keys_and_offsets_are_accepted(zone: str, offset: str) -> None:
    assert zone in available_zones()
    assert When.instant(datetime(2000, 1, 1, tzinfo=UTC), zone=offset).zone == offset


@given(whens(min_value=LOW, max_value=HIGH))
def test_whens_are_valid_and_read_back_from_their_text(when: When) -> None:
    assert when.earliest.tzinfo is UTC
    assert when.latest.tzinfo is UTC
    assert when.earliest <= when.latest
    assert when.precision.is_clock == when.is_exact
    assert when.latest >= LOW
    assert when.earliest <= HIGH + timedelta(hours=1)  # a clock reading rounded up
    assert When.parse(str(when)) == when


@given(whens(precisions=st.just(Precision.MONTH), zones=st.just("Asia/Yerevan")))
def test_whens_keep_to_the_precision_and_zone_asked_for(when: When) -> None:
    assert (when.precision, when.zone) == (Precision.MONTH, "Asia/Yerevan")


@given(spans())
def test_spans_can_last(span: Span) -> None:
    if span.end is not None:
        assert span.end.latest > span.start.earliest
    if span.ongoing_as_of is not None:
        assert span.ongoing_as_of.latest >= span.start.earliest


@given(spans(open_ends=False))
def test_spans_without_open_ends_are_closed(span: Span) -> None:
    assert span.end is not None


def _whenever(local: LocalTime) -> tuple[str, datetime]:
    wall = local.wall
    plain = PlainDateTime(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second)
    try:
        plain.assume_tz(local.zone, disambiguation="raise")
        status = "ok"
    except SkippedTime:
        status = "skipped"
    except RepeatedTime:
        status = "repeated"
    policy = local.disambiguation
    if policy == "either":  # whenever has no such policy: the earlier instant, then the later
        policy = "earlier"
    instant = plain.assume_tz(local.zone, disambiguation=policy).to_instant().to_stdlib()
    return status, instant


def _later(local: LocalTime) -> datetime:
    wall = local.wall
    plain = PlainDateTime(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second)
    return plain.assume_tz(local.zone, disambiguation="later").to_instant().to_stdlib()


@given(local_times())
def test_local_times_are_resolved_as_whenever_resolves_them(local: LocalTime) -> None:
    status, instant = _whenever(local)
    assert local.status == status
    assert local.when.earliest == instant
    assert local.when.either == (local.disambiguation == "either")
    if local.when.either:  # one of the two instants the clocks showed the wall time at
        assert local.status == "repeated"
        assert local.when.latest == _later(local)
    assert local.when.wall == local.wall
    assert local.when.zone == local.zone
    assert (local.disambiguation == "raise") <= (local.status == "ok")


@given(local_times(unresolved=True))
def test_unresolved_local_times_were_skipped_or_repeated(local: LocalTime) -> None:
    assert _whenever(local)[0] in ("skipped", "repeated")


@given(local_times(unresolved=False, zones=st.sampled_from(["Europe/Paris", "UTC"])))
def test_resolved_local_times_happened_once(local: LocalTime) -> None:
    assert _whenever(local)[0] == "ok"


def test_local_times_find_every_kind_of_change() -> None:
    """The 30-minute shift, the skipped days, and an abolished summer time are all found."""
    for zone, wanted in [
        ("Australia/Lord_Howe", lambda t: t.when.earliest.year == 2000),
        ("Pacific/Apia", lambda t: t.wall.date().isoformat() == "2011-12-30"),
        ("Pacific/Kwajalein", lambda t: t.wall.date().isoformat() == "1993-08-21"),
        ("Asia/Yerevan", lambda t: t.wall.year == 2011),
    ]:
        found = find(local_times(zones=st.just(zone), unresolved=True), wanted)
        assert found.status in ("skipped", "repeated")


def test_a_repeated_wall_time_may_be_kept_as_either_of_its_instants() -> None:
    """When.local(..., disambiguation="either") is a shape downstream code must handle (a clock
    reading whose earliest and latest differ); the strategies drew it nowhere."""
    local = find(local_times(unresolved=True), lambda t: t.when.either)
    assert local.status == "repeated"
    assert local.when.latest > local.when.earliest
    assert find(ledgers(), lambda ledger: any(w.either for e in ledger for w in whens_in(e.record)))


def test_examples_shrink_toward_utc_and_2000() -> None:
    y2k = datetime(2000, 1, 1, tzinfo=UTC)
    assert find(zones(), lambda _: True) == "UTC"
    assert find(instants(), lambda _: True) == y2k
    assert find(whens(), lambda _: True) == When.instant(y2k)
    assert find(spans(), lambda _: True) == Span(When.instant(y2k))


@pytest.mark.parametrize(
    "make",
    [
        lambda: instants(min_value=datetime(2000, 1, 1)),  # noqa: DTZ001 - naive on purpose
        lambda: instants(min_value=HIGH, max_value=LOW),
        lambda: instants(max_value=datetime(9999, 12, 31, tzinfo=UTC)),
        lambda: whens(zones="UTC"),  # type: ignore[arg-type]
        lambda: whens(precisions=Precision.DAY),  # type: ignore[arg-type]
        lambda: spans(open_ends="yes"),  # type: ignore[arg-type]
        lambda: zones(fixed_offsets=1),  # type: ignore[arg-type]
        lambda: local_times(unresolved="yes"),  # type: ignore[arg-type]
        lambda: local_times(min_value=datetime(1800, 1, 1, tzinfo=UTC)),
        lambda: local_times(zones=["UTC"]),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_are_refused(make: object) -> None:
    assert callable(make)
    with pytest.raises(InvalidArgument):
        make()


def _offsets_clocks_showed() -> set[str]:
    """Offsets some zone showed since 1970, sampled with zoneinfo twice a month to 2030."""
    import zoneinfo  # noqa: PLC0415 - this test alone needs it

    found: set[str] = set()
    moments = [
        datetime(year, month, day, tzinfo=UTC)
        for year in range(1970, 2031)
        for month in range(1, 13)
        for day in (1, 15)
    ]
    for key in zoneinfo.available_timezones():
        rules = zoneinfo.ZoneInfo(key)
        for moment in moments:
            offset = moment.astimezone(rules).utcoffset()
            assert offset is not None
            minutes = int(offset.total_seconds()) // 60
            sign = "-" if minutes < 0 else "+"
            found.add(f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}")
    return found


def test_fixed_offsets_are_mostly_offsets_clocks_really_showed() -> None:
    """``-10:15`` was two thirds of the draws; offsets no zone ever used are now rare."""
    real = _offsets_clocks_showed()
    assert {"+05:45", "-09:30", "+05:30", "+00:00"} <= real
    assert "-10:15" not in real
    drawn: list[str] = []

    # A default run's worth: Hypothesis draws each distinct value once, so a long run ends up
    # covering every quarter hour whatever the weights; what matters is what a test sees first.
    @settings(max_examples=100, database=None, derandomize=True, phases=[Phase.generate])
    @given(fixed_offsets())
    def draw(offset: str) -> None:
        drawn.append(offset)

    draw()
    share = sum(offset in real for offset in drawn) / len(drawn)
    assert share >= 0.75, f"only {share:.0%} of drawn offsets were ever shown by a clock"
    assert "-00:00" not in drawn


def test_from_type_builds_findings() -> None:
    from diplomacy_ledger import Finding, FindingKind  # noqa: PLC0415

    seen: list[Finding] = []

    @settings(max_examples=50, database=None)
    @given(st.from_type(Finding))
    def draw(finding: Finding) -> None:
        assert finding.kind in {kind.value for kind in FindingKind}
        assert finding.certainty in ("definite", "possible")
        assert finding.entries
        seen.append(finding)

    draw()
    assert len(seen) == 50
