"""Every public value's repr is Python that rebuilds it: pasteable from a failing test's output."""

from __future__ import annotations

import enum
import itertools
import re
import zoneinfo
from datetime import UTC, datetime
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplomacy_ledger
import diplomacy_ledger.strategies as ds
from diplomacy_ledger import (
    KIND_NAMES,
    Actor,
    ActorKind,
    Allen,
    Entry,
    Ledger,
    Precision,
    Span,
    Status,
    WallPolicy,
    When,
    allow_legacy_zones,
    check,
    contact_counts,
    contact_events,
    contact_graph,
    contacts_of,
    examples,
    importers,
    last_contact,
    legacy_zone_reason,
)

# What a user pastes into: the public names, and the datetime class for the rare value needing it.
NAMESPACE: dict[str, Any] = {
    "datetime": datetime,
    **{name: getattr(diplomacy_ledger, name) for name in diplomacy_ledger.__all__},
    **{name: getattr(ds, name) for name in ds.__all__},
    **{name: getattr(importers, name) for name in importers.__all__},
}

# A reader of a failing test's output should never meet these.
_OPAQUE = re.compile(r"<[A-Za-z_][\w.]*(?::| object at| \d)")


def rebuilt(value: object) -> object:
    return eval(repr(value), dict(NAMESPACE))


def assert_pasteable(value: object) -> None:
    text = repr(value)
    again = rebuilt(value)
    assert again == value, text
    assert repr(again) == text  # nothing equality ignores (words, wall times) was lost
    assert not _OPAQUE.search(text), text


PUBLIC_VALUES = {
    "whens": ds.whens(),
    "spans": ds.spans(),
    "actors": ds.actors(),
    "offices": ds.offices(),
    "tenures": ds.tenures(),
    "places": ds.places(),
    "sources": ds.sources(),
    "provenances": ds.provenances(),
    "participants": ds.participants(),
    "records": ds.records(),
    "entries": ds.entries(),
    "findings": ds.findings(),
    "local_times": ds.local_times(),
}


@pytest.mark.parametrize("name", sorted(PUBLIC_VALUES))
@given(data=st.data())
def test_the_repr_of_a_drawn_value_rebuilds_it(name: str, data: st.DataObject) -> None:
    assert_pasteable(data.draw(PUBLIC_VALUES[name]))


@pytest.mark.parametrize("kind", sorted(KIND_NAMES.values()))
@given(data=st.data())
def test_the_repr_of_a_record_of_each_kind_rebuilds_it(kind: str, data: st.DataObject) -> None:
    # Each kind drawn on its own: records() draws one of sixteen, a few times each in a run.
    assert_pasteable(data.draw(ds.records(kinds=[kind])))


# Windows, fixed offsets, no zone, wall times, spans open and ongoing, and "either" times.
@given(
    st.one_of(
        ds.whens(zones=ds.fixed_offsets()),
        ds.whens(zones=st.none()),
        ds.whens(precisions=st.just(Precision.SPAN)),
        ds.spans(),
        ds.local_times(unresolved=True).map(lambda local: local.when),
    )
)
def test_the_repr_of_every_shape_of_time_rebuilds_it(time: When | Span) -> None:
    assert_pasteable(time)


LEGACY = sorted(key for key in zoneinfo.available_timezones() if legacy_zone_reason(key))


@st.composite
def legacy_whens(draw: st.DrawFn) -> When:
    """Whens in a legacy key (EST, CET, Etc/GMT+5), made with the opt-in that keeps them."""
    zone = draw(st.sampled_from(LEGACY))
    moment = draw(ds.instants(min_value=datetime(1980, 1, 1, tzinfo=UTC)))
    wall = moment.astimezone(zoneinfo.ZoneInfo(zone)).replace(tzinfo=None, second=0, microsecond=0)
    shape = draw(st.sampled_from(["wall", "either", "day", "instant"]))
    with allow_legacy_zones(zone):
        if shape == "day":
            return When.day(wall.date(), zone=zone)
        if shape == "instant":
            return When.instant(moment, zone=zone)
        policy: WallPolicy = "either" if shape == "either" else "earlier"
        return When.local(f"{wall:%Y-%m-%d %H:%M}", zone=zone, disambiguation=policy)


@given(legacy_whens())
def test_a_when_in_a_legacy_zone_kept_by_the_opt_in_pastes_back_with_it(when: When) -> None:
    text = repr(when)  # outside the block: a repr never raises (it did for wall times)
    with allow_legacy_zones():  # pasted where it was made: inside the opt-in
        assert_pasteable(when)
        assert repr(rebuilt(when)) == text


@given(ledger=ds.ledgers(max_size=12, mix={"retracted": 0.5, "corrected": 0.5, "disputed": 0.5}))
def test_the_repr_of_a_ledger_with_corrections_and_retractions_rebuilds_it(ledger: Ledger) -> None:
    assert_pasteable(ledger)
    for finding in check(ledger):  # the findings the checks report, explanations and all
        assert_pasteable(finding)


def test_a_contact_at_a_wall_time_the_clocks_showed_twice_pastes_back() -> None:
    # CI drew it: a call at 02:00 on the night Paris fell back, recorded as either of its two
    # instants. The contact's parts are the two instants, written as text the constructor takes.
    source = Entry(
        "source-1", "2000-01-01T00:00:00Z", examples.seed_ledger().record("source-article")
    )
    ledger = Ledger(
        [
            Entry("state-1", "2000-01-01T00:00:00Z", Actor("Armenia", ActorKind.STATE)),
            Entry("state-2", "2000-01-01T00:00:00Z", Actor("France", ActorKind.STATE)),
            source,
            Entry(
                "call-1",
                "2000-01-01T00:00:00Z",
                diplomacy_ledger.Call(
                    ["state-1", "state-2"],
                    When.local("1999-10-31 02:00", zone="Europe/Paris", disambiguation="either"),
                    diplomacy_ledger.Provenance("source-1"),
                ),
            ),
        ]
    )
    [contact] = contact_events(ledger)
    assert len(contact.parts) == 2
    assert_pasteable(contact)


@given(ledger=ds.ledgers(kinds=["call", "meeting"], actors=3, min_size=6, max_size=14))
def test_contacts_and_what_is_asked_of_them_paste_back(ledger: Ledger) -> None:
    contacts = contact_events(ledger)
    for contact in contacts:
        assert_pasteable(contact)
    actors = sorted({actor for contact in contacts for actor in contact.participants})
    for first, second in itertools.pairwise(actors):
        assert_pasteable(last_contact(ledger, first, second))
        for match in contacts_of(ledger, first):
            assert_pasteable(match)
    assert_pasteable(contact_graph(ledger))
    for per in ("day", "week", "month"):
        assert_pasteable(contact_counts(ledger, per=per, zone="Asia/Kathmandu"))


@given(
    st.builds(
        diplomacy_ledger.ImportReport,
        st.sampled_from(sorted(importers.FORMATS)),
        st.lists(st.sampled_from(["events.csv", "2024 export.tsv", "ä'b\"c.json"])).map(tuple),
        rows_read=st.integers(0, 10**6),
        records=st.integers(0, 10**6),
        skipped=st.dictionaries(st.text(max_size=20), st.integers(1, 99), max_size=3),
        actors_created=st.lists(ds.ids(), max_size=3).map(tuple),
        bad_rows=st.lists(
            st.builds(
                importers.BadRow,
                st.just("events.csv"),
                st.integers(2, 99),
                st.sampled_from(["date", "actor1"]),
                st.text(max_size=10),
                st.text(max_size=30),
            ),
            max_size=2,
        ).map(tuple),
    )
)
def test_an_import_report_of_any_import_pastes_back(report: diplomacy_ledger.ImportReport) -> None:
    assert_pasteable(report)


@given(ledger=ds.ledgers(min_size=10, max_size=10))
def test_the_repr_of_a_ten_entry_ledger_is_short_enough_to_read(ledger: Ledger) -> None:
    # One entry a line, each at most five lines of a 100-column terminal: the record's fields
    # that differ from their defaults, times as the text that makes them.
    lines = repr(ledger).splitlines()
    assert len(lines) == 12
    assert max(len(line) for line in lines) <= 500, max(lines, key=len)


@given(ledger=ds.ledgers(max_size=12))
def test_the_repr_of_a_ledger_rebuilds_it_one_entry_per_line(ledger: Ledger) -> None:
    assert_pasteable(ledger)
    text = repr(ledger)
    assert "datetime" not in text  # record times and event times are written as text
    lines = text.splitlines()
    if len(ledger):
        assert len(lines) == len(ledger) + 2  # "Ledger([", one line per entry, "])"
        assert [line.startswith("    Entry(") for line in lines[1:-1]] == [True] * len(ledger)
    else:
        assert text == "Ledger()"


@given(defect=ds.ledgers_with_defect(max_size=6))
def test_the_repr_of_a_planted_defect_rebuilds_it(defect: ds.LedgerDefect) -> None:
    assert_pasteable(defect)


def test_the_seed_ledger_pastes_back_entry_for_entry() -> None:
    ledger = examples.seed_ledger()
    again = rebuilt(ledger)
    assert isinstance(again, Ledger)
    assert again == ledger
    assert [repr(entry) for entry in again] == [repr(entry) for entry in ledger]


def test_an_import_report_pastes_back() -> None:
    report = diplomacy_ledger.ImportReport(
        "acled", ("a.csv",), rows_read=3, records=2, skipped={"no counterpart: Protests": 1}
    )
    assert repr(report) == (
        "ImportReport('acled', ('a.csv',), rows_read=3, records=2, "
        "skipped={'no counterpart: Protests': 1})"
    )
    assert_pasteable(report)


def test_a_record_names_only_what_differs_from_its_defaults() -> None:
    assert repr(Actor("Armenia", ActorKind.STATE)) == "Actor('Armenia', ActorKind.STATE)"
    assert (
        repr(Actor("Armenia", ActorKind.STATE, iso3="ARM"))
        == "Actor('Armenia', ActorKind.STATE, iso3='ARM')"
    )


def test_an_entry_writes_its_record_time_as_rfc_3339_text() -> None:
    entry = Entry(
        "armenia",
        datetime(2022, 9, 13, 2, tzinfo=UTC),
        Actor("Armenia", ActorKind.STATE),
        supersedes="armenia-0",
    )
    assert repr(entry) == (
        "Entry('armenia', '2022-09-13T02:00:00Z', Actor('Armenia', ActorKind.STATE), "
        "supersedes='armenia-0')"
    )
    assert Entry("a", "2022-09-13T06:00:00+04:00", entry.record).recorded_at == entry.recorded_at


def test_a_record_time_as_text_is_as_strict_as_in_files() -> None:
    actor = Actor("Armenia", ActorKind.STATE)
    with pytest.raises(diplomacy_ledger.NaiveDatetimeError, match=r"Entry\.recorded_at"):
        Entry("a", "2022-09-13T02:00:00", actor)
    with pytest.raises(diplomacy_ledger.TimeParseError, match="RFC 3339"):
        Entry("a", "13 September 2022", actor)
    ledger = Ledger()
    with pytest.raises(diplomacy_ledger.NaiveDatetimeError, match="recorded_at"):
        ledger.append(actor, id="a", recorded_at="2022-09-13 02:00")
    assert len(ledger) == 0


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (
            When.local("2022-09-13 02:30", zone="Asia/Yerevan"),
            "When.local('2022-09-13 02:30', zone='Asia/Yerevan')",
        ),
        (When.day("2022-09-13", zone="Asia/Yerevan"), "When.parse('2022-09-13[Asia/Yerevan]')"),
        (When.year(1994, text="in 1994"), "When.parse('1994', text='in 1994')"),
        # Skipped and repeated wall times keep the wall time and the choice made.
        (
            When.local("2022-03-27 02:30", zone="Europe/Paris", disambiguation="later"),
            "When.local('2022-03-27 02:30', zone='Europe/Paris', disambiguation='later')",
        ),
        (
            When.local("2022-10-30 02:30", zone="Europe/Paris", disambiguation="earlier"),
            "When.local('2022-10-30 02:30', zone='Europe/Paris', disambiguation='earlier')",
        ),
        (
            When.local("2022-10-30 02", zone="Europe/Paris", disambiguation="later"),
            "When.local('2022-10-30 02', zone='Europe/Paris', disambiguation='later')",
        ),
        # A renamed zone keeps the name as written.
        (
            When.parse("2022-09-13T02:30+03:00[Europe/Kiev]"),
            (
                "When.parse('2022-09-13T02:30+03:00[Europe/Kyiv]', "
                "text='2022-09-13T02:30+03:00[Europe/Kiev]')"
            ),
        ),
    ],
)
def test_a_when_is_written_as_the_call_that_makes_it(when: When, expected: str) -> None:
    assert repr(when) == expected
    assert_pasteable(when)


WALL = datetime.fromisoformat("2022-03-27T01:00")  # a wall time: naive on purpose


def test_a_wall_time_todays_rules_do_not_give_is_written_field_by_field() -> None:
    # As loaded from a file written when the zone's rules put 01:00 at this instant.
    when = attrs.evolve(When.local("2022-03-27 03:30", zone="Europe/Paris"), wall=WALL)
    assert repr(when).startswith("When(datetime.fromisoformat('2022-03-27T01:30:00+00:00')")
    again = rebuilt(when)
    assert isinstance(again, When)
    assert again == when
    assert again.wall == WALL


def test_when_parse_still_reads_its_text_by_the_old_keyword() -> None:
    assert When.parse(text="2020-09") == When.parse("2020-09")
    assert When.parse(text="2020-09").text is None


def test_a_span_names_its_open_end() -> None:
    span = Span(When.day("2022-09-13"), ongoing_as_of=When.day("2022-09-14"))
    assert repr(span) == ("Span(When.parse('2022-09-13'), ongoing_as_of=When.parse('2022-09-14'))")


def public_enums() -> list[type[enum.Enum]]:
    found = [getattr(diplomacy_ledger, name) for name in diplomacy_ledger.__all__]
    return [kind for kind in found if isinstance(kind, type) and issubclass(kind, enum.Enum)]


@pytest.mark.parametrize("kind", public_enums(), ids=lambda kind: kind.__name__)
def test_every_member_of_a_public_enum_is_written_by_name(kind: type[enum.Enum]) -> None:
    for member in kind:
        assert repr(member) == f"{kind.__name__}.{member.name}"
        assert rebuilt(member) is member


def test_flags_are_written_as_the_members_they_join() -> None:
    assert repr(Allen.BEFORE | Allen.MEETS) == "Allen.BEFORE | Allen.MEETS"
    assert rebuilt(Allen.BEFORE | Allen.MEETS) == Allen.BEFORE | Allen.MEETS
    assert repr(Allen(0)) == "Allen(0)"
    assert rebuilt((Allen.BEFORE | Allen.MEETS, Precision.DAY, Status.CANCELLED)) == (
        Allen.BEFORE | Allen.MEETS,
        Precision.DAY,
        Status.CANCELLED,
    )
