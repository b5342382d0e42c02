"""The ledger: append-only, bitemporal, refusing bad appends without changing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Agreement,
    AliasConflictError,
    BadReferenceError,
    Call,
    Ceasefire,
    Claim,
    DuplicateIdError,
    Entry,
    Hostility,
    InvalidIdError,
    Ledger,
    LedgerError,
    NaiveDatetimeError,
    Office,
    Participant,
    Place,
    Provenance,
    RecordTimeError,
    Report,
    Retraction,
    Source,
    Span,
    Stance,
    Statement,
    Tenure,
    Truth,
    UnknownEntryError,
    When,
)

T0 = datetime(2022, 9, 13, 2, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def src() -> Provenance:
    return Provenance("article")


NIGHT = When.between(
    When.local("2022-09-13 00:00", zone="Asia/Yerevan"),
    When.local("2022-09-13 05:59:59.999999", zone="Asia/Yerevan"),
)


@pytest.fixture
def ledger() -> Ledger:
    book = Ledger()
    book.append(Actor("Armenia", ActorKind.STATE, iso3="ARM"), id="armenia", recorded_at=at(0))
    book.append(
        Actor(
            "Government of Armenia",
            ActorKind.GOVERNMENT,
            aliases=("Yerevan", "the government in Yerevan"),
            part_of="armenia",
        ),
        id="armenia-gov",
        recorded_at=at(0),
    )
    book.append(Actor("Nikol Pashinyan", ActorKind.PERSON), id="pashinyan", recorded_at=at(0))
    book.append(Actor("Vladimir Putin", ActorKind.PERSON), id="putin", recorded_at=at(0))
    book.append(Actor("Emmanuel Macron", ActorKind.PERSON), id="macron", recorded_at=at(0))
    book.append(
        Office("Prime Minister of Armenia", jurisdiction="armenia"), id="pm", recorded_at=at(0)
    )
    book.append(
        Place("Kapan", zone="Asia/Yerevan", states=("armenia",)), id="kapan", recorded_at=at(0)
    )
    book.append(
        Source(published=When.day("2022-09-13", zone="Asia/Yerevan")),
        id="article",
        recorded_at=at(0),
    )
    return book


def call(*people: str, when: When = NIGHT) -> Call:
    return Call(people, when, Provenance("article", via=("armenia-gov",)))


def snapshot(book: Ledger) -> list[Entry]:
    return list(book)


class TestAppend:
    def test_entries_keep_their_record_time_and_order(self, ledger: Ledger) -> None:
        entry = ledger.append(call("pashinyan", "putin"), id="c1", recorded_at=at(60))
        assert ledger["c1"] is entry
        assert entry.kind == "call"
        assert entry.recorded_at == at(60)
        assert list(ledger)[-1] == entry
        assert ledger.last_recorded == at(60)

    @pytest.mark.parametrize(
        ("record", "message"),
        [
            (call("pashinyan", "nobody"), "participants\\[1\\].actor: unknown actor 'nobody'"),
            (call("pashinyan", "kapan"), "'kapan' is a place, not an actor"),
            (Call(("pashinyan", "putin"), NIGHT, Provenance("nope")), "provenance.source"),
            (Call(("pashinyan", "putin"), NIGHT, Provenance("pashinyan")), "not a source"),
            (Claim("armenia-gov", Stance.DENIES, src(), about="ghost"), "about: unknown entry"),
            (Tenure("armenia", "pm", Span(When.year(2018))), "not a person"),
            (Hostility(Span(When.year(2020)), src(), places=("karabakh",)), "places\\[0\\]"),
            (Retraction("ghost"), "unknown entry 'ghost'"),
            (
                Ceasefire(("armenia", "armenia-gov"), NIGHT, src(), agreement="pm"),
                "agreement: 'pm' is an office, not an agreement",
            ),
            (Statement("putin", src(), agreement="ghost"), "agreement: unknown agreement"),
        ],
    )
    def test_bad_references_are_refused_and_change_nothing(
        self, ledger: Ledger, record: object, message: str
    ) -> None:
        before = snapshot(ledger)
        with pytest.raises(BadReferenceError, match=message):
            ledger.append(record, id="new", recorded_at=at(60))  # type: ignore[arg-type]
        assert snapshot(ledger) == before
        assert "new" not in ledger

    def test_duplicate_ids_are_refused(self, ledger: Ledger) -> None:
        before = snapshot(ledger)
        with pytest.raises(DuplicateIdError, match="already holds an entry 'putin'"):
            ledger.append(Actor("Another", ActorKind.PERSON), id="putin", recorded_at=at(60))
        assert snapshot(ledger) == before

    def test_bad_ids_are_refused(self, ledger: Ledger) -> None:
        with pytest.raises(InvalidIdError):
            ledger.append(Actor("X", ActorKind.PERSON), id="has space", recorded_at=at(60))
        with pytest.raises(InvalidIdError, match=r"participant 1: Participant\.actor"):
            Call(("pashinyan", ""), NIGHT, src())

    def test_record_times_never_go_backwards(self, ledger: Ledger) -> None:
        ledger.append(call("pashinyan", "putin"), id="c1", recorded_at=at(60))
        with pytest.raises(RecordTimeError, match="never go backwards"):
            ledger.append(call("pashinyan", "macron"), id="c2", recorded_at=at(30))
        ledger.append(call("pashinyan", "macron"), id="c2", recorded_at=at(60))  # equal is fine

    def test_naive_record_times_are_refused(self, ledger: Ledger) -> None:
        with pytest.raises(NaiveDatetimeError, match="recorded_at"):
            ledger.append(call("pashinyan", "putin"), id="c1", recorded_at=datetime(2022, 9, 13))  # noqa: DTZ001

    def test_no_clock_is_read_unless_given(self, ledger: Ledger) -> None:
        with pytest.raises(RecordTimeError, match="never reads the machine's clock"):
            ledger.append(call("pashinyan", "putin"), id="c1")
        ticks = iter([at(61), at(62)])
        clocked = Ledger(list(ledger), clock=lambda: next(ticks))
        assert clocked.append(call("pashinyan", "putin"), id="c1").recorded_at == at(61)
        naive = Ledger(clock=lambda: datetime(2022, 9, 13))  # noqa: DTZ001
        with pytest.raises(NaiveDatetimeError, match="clock"):
            naive.append(Actor("X", ActorKind.STATE), id="x")


def test_an_agreement_is_mentioned_by_the_ceasefire_and_statement_pointing_at_it(
    ledger: Ledger,
) -> None:
    trilateral = Agreement(("armenia", "armenia-gov"), src(), signatories=("pashinyan",))
    ledger.append(trilateral, id="deal", recorded_at=at(60))
    truce = Ceasefire(("armenia", "armenia-gov"), NIGHT, src(), agreement="deal")
    ledger.append(truce, id="truce", recorded_at=at(60))
    said = Statement("pashinyan", src(), agreement="deal")
    ledger.append(said, id="said", recorded_at=at(60))
    assert [entry.id for entry in ledger.mentioning("deal")] == ["truce", "said"]
    assert [entry.id for entry in ledger.by_actor("pashinyan")][-2:] == ["deal", "said"]


class TestBatches:
    def test_a_batch_is_all_or_nothing(self, ledger: Ledger) -> None:
        before = snapshot(ledger)
        with pytest.raises(BadReferenceError), ledger.batch() as batch:
            batch.append(call("pashinyan", "putin"), id="c1", recorded_at=at(60))
            batch.append(Report("armenia-gov", "c1", src()), id="r1", recorded_at=at(60))
            batch.append(call("pashinyan", "nobody"), id="c2", recorded_at=at(60))
        assert snapshot(ledger) == before
        assert ledger.by_actor("putin") == []

    def test_an_exception_in_the_block_commits_nothing(self, ledger: Ledger) -> None:
        before = snapshot(ledger)
        with pytest.raises(RuntimeError), ledger.batch() as batch:
            batch.append(call("pashinyan", "putin"), id="c1", recorded_at=at(60))
            raise RuntimeError
        assert snapshot(ledger) == before

    def test_entries_in_a_batch_may_refer_to_each_other(self, ledger: Ledger) -> None:
        with ledger.batch() as batch:
            batch.append(call("pashinyan", "putin"), id="c1", recorded_at=at(60))
            batch.append(Report("armenia-gov", "c1", src()), id="r1", recorded_at=at(61))
        assert [entry.id for entry in ledger.mentioning("c1")] == ["r1"]

    def test_an_alias_conflict_rolls_back_earlier_names_in_the_batch(self, ledger: Ledger) -> None:
        with pytest.raises(AliasConflictError), ledger.batch() as batch:
            batch.append(Actor("Kremlin", ActorKind.GOVERNMENT), id="kremlin", recorded_at=at(60))
            batch.append(
                Actor("Yerevan Two", ActorKind.STATE, aliases=("yerevan",)),
                id="y2",
                recorded_at=at(60),
            )
        with pytest.raises(UnknownEntryError):
            ledger.resolve_actor("Kremlin")


class TestCorrections:
    def test_a_correction_is_a_new_entry_and_history_keeps_both(self, ledger: Ledger) -> None:
        first = ledger.append(call("pashinyan", "putin"), id="c1", recorded_at=at(60))
        fixed = call("pashinyan", "putin", when=When.local("2022-09-13 01:00", zone="Asia/Yerevan"))
        second = ledger.append(fixed, id="c1-v2", recorded_at=at(90), supersedes="c1")
        assert ledger["c1"] == first  # never changed
        assert ledger.current("c1") == second
        assert ledger.current("c1-v2") == second
        assert ledger.history("c1") == ledger.history("c1-v2") == (first, second)
        assert [entry.id for entry in ledger.by_kind("call")] == ["c1-v2"]
        assert ledger.as_of(at(60)).current("c1") == first

    def test_only_the_latest_version_can_be_corrected_by_the_same_kind(
        self, ledger: Ledger
    ) -> None:
        ledger.append(call("pashinyan", "putin"), id="c1", recorded_at=at(60))
        ledger.append(call("pashinyan", "putin"), id="c1-v2", recorded_at=at(61), supersedes="c1")
        with pytest.raises(BadReferenceError, match="already corrected by 'c1-v2'"):
            ledger.append(
                call("pashinyan", "putin"), id="c1-v3", recorded_at=at(62), supersedes="c1"
            )
        with pytest.raises(BadReferenceError, match="cannot correct a call"):
            ledger.append(
                Actor("X", ActorKind.STATE), id="x", recorded_at=at(62), supersedes="c1-v2"
            )

    def test_a_retraction_withdraws_the_whole_chain(self, ledger: Ledger) -> None:
        ledger.append(call("pashinyan", "putin"), id="c1", recorded_at=at(60))
        ledger.append(call("pashinyan", "putin"), id="c1-v2", recorded_at=at(61), supersedes="c1")
        withdrawal = ledger.append(
            Retraction("c1", "duplicate of another call"), id="w1", recorded_at=at(62)
        )
        assert ledger.current("c1") is None
        assert ledger.history("c1")[-1] == withdrawal
        assert "c1" in ledger
        assert len(ledger.history("c1")) == 3
        assert ledger.by_kind("call") == []
        with pytest.raises(UnknownEntryError, match="retracted"):
            ledger.record("c1-v2")
        with pytest.raises(BadReferenceError, match="was retracted"):
            ledger.append(Retraction("c1-v2"), id="w2", recorded_at=at(63))
        with pytest.raises(BadReferenceError, match="was retracted"):
            ledger.append(Report("armenia-gov", "c1", src()), id="r1", recorded_at=at(63))
        assert ledger.as_of(at(61)).current("c1") is not None

    def test_correcting_an_actor_frees_its_old_aliases(self, ledger: Ledger) -> None:
        renamed = Actor(
            "Government of Armenia", ActorKind.GOVERNMENT, aliases=("Yerevan",), part_of="armenia"
        )
        ledger.append(renamed, id="armenia-gov-v2", recorded_at=at(60), supersedes="armenia-gov")
        assert ledger.resolve_actor("Yerevan") == "armenia-gov"
        with pytest.raises(UnknownEntryError):
            ledger.resolve_actor("the government in Yerevan")
        assert ledger.actor("armenia-gov") == renamed


class TestNames:
    @pytest.mark.parametrize(
        "name",
        [
            "Yerevan",
            "yerevan",
            "the government in Yerevan",
            "Government in  YEREVAN.",
            "armenia-gov",
        ],
    )
    def test_aliases_resolve_after_normalising(self, ledger: Ledger, name: str) -> None:
        assert ledger.resolve_actor(name) == "armenia-gov"

    def test_unknown_names_raise(self, ledger: Ledger) -> None:
        with pytest.raises(UnknownEntryError, match="no actor is called 'Baku'") as caught:
            ledger.resolve_actor("Baku")
        assert isinstance(caught.value, KeyError)
        assert isinstance(caught.value, LedgerError)

    def test_one_alias_never_names_two_actors(self, ledger: Ledger) -> None:
        with pytest.raises(AliasConflictError, match="already names 'armenia-gov'"):
            ledger.append(
                Actor(
                    "Yerevan city hall",
                    ActorKind.GOVERNMENT_BODY,
                    aliases=("Government-in-Yerevan",),
                ),
                id="city",
                recorded_at=at(60),
            )

    def test_places_have_their_own_names(self, ledger: Ledger) -> None:
        ledger.append(
            Place("Yerevan", zone="Asia/Yerevan", states=("armenia",)),
            id="yerevan",
            recorded_at=at(60),
        )
        assert ledger.resolve_place("yerevan") == "yerevan"
        assert ledger.resolve_actor("yerevan") == "armenia-gov"

    def test_lineage(self, ledger: Ledger) -> None:
        assert ledger.lineage("Yerevan") == ("armenia-gov", "armenia")
        assert ledger.lineage("pashinyan") == ("pashinyan",)


class TestQueries:
    @pytest.fixture
    def night(self, ledger: Ledger) -> Ledger:
        ledger.append(
            Tenure(
                "pashinyan",
                "pm",
                Span.ongoing(When.day("2018-05-08", zone="Asia/Yerevan"), as_of=at(60)),
            ),
            id="pm-pashinyan",
            recorded_at=at(60),
        )
        ledger.append(
            Call(
                (Participant("pashinyan", "pm"), Participant("putin")),
                NIGHT,
                Provenance("article", via=("armenia-gov",)),
            ),
            id="c-putin",
            recorded_at=at(60),
        )
        ledger.append(call("pashinyan", "macron"), id="c-macron", recorded_at=at(60))
        ledger.append(
            Hostility(
                Span(When.local("2022-09-13 00:00", zone="Asia/Yerevan")), src(), places=("kapan",)
            ),
            id="shelling",
            recorded_at=at(61),
        )
        ledger.append(Report("armenia-gov", "shelling", src()), id="r-shelling", recorded_at=at(62))
        return ledger

    def test_by_actor_kind_place_source_and_mentions(self, night: Ledger) -> None:
        assert [e.id for e in night.by_actor("Nikol Pashinyan")] == [
            "pm-pashinyan",
            "c-putin",
            "c-macron",
        ]
        assert [e.id for e in night.by_kind(Call)] == ["c-putin", "c-macron"]
        assert [e.id for e in night.by_place("Kapan")] == ["shelling"]
        assert [e.id for e in night.by_source("the government in Yerevan")] == [
            "c-putin",
            "c-macron",
        ]
        assert len(night.by_source("article")) == 4
        assert [e.id for e in night.mentioning("shelling")] == ["r-shelling"]
        assert [e.id for e in night.by_office("pm")] == ["pm-pashinyan", "c-putin"]
        assert [e.id for e in night.calls_between("putin", "pashinyan")] == ["c-putin"]
        assert night.calls_between("putin", "macron") == []
        with pytest.raises(LedgerError, match="unknown kind"):
            night.by_kind("phone")

    def test_within_a_window(self, night: Ledger) -> None:
        monday_utc = When.day("2022-09-12", zone="UTC")
        possibly = [e.id for e in night.within(monday_utc)]
        # Ordered by earliest bound, then latest: the calls end before the article's day does.
        assert possibly == ["pm-pashinyan", "c-putin", "c-macron", "article", "shelling"]
        # The calls may have been after midnight UTC; only nothing definitely lies in Monday UTC.
        assert night.within(monday_utc, certainty="definitely") == []
        tuesday = When.day("2022-09-13", zone="Asia/Yerevan")
        assert [e.id for e in night.within(tuesday, certainty="definitely")] == [
            "c-putin",
            "c-macron",
            "article",  # published on Tuesday, Yerevan time: definitely within it
        ]

    def test_office_holders_three_valued(self, night: Ledger) -> None:
        holders = night.holders("pm", NIGHT)
        assert [(entry.id, truth) for entry, truth in holders] == [
            ("pm-pashinyan", Truth.DEFINITELY)
        ]
        before = When.day("2018-05-08", zone="UTC")
        assert [truth for _, truth in night.holders("pm", before)] == [Truth.POSSIBLY]
        assert night.offices_of("pashinyan", When.year(2010)) == []

    def test_as_of_shows_what_was_known(self, night: Ledger) -> None:
        earlier = night.as_of(at(60))
        assert "shelling" not in earlier
        assert "c-putin" in earlier
        assert earlier.by_place("Kapan") == []
        assert night.as_of(at(-1)) == Ledger()
        assert night.as_of(at(1000)) == night

    def test_lookups(self, night: Ledger) -> None:
        with pytest.raises(UnknownEntryError):
            night["ghost"]
        assert night.get("ghost") is None
        assert isinstance(night.get("c-putin"), Call)
        with pytest.raises(UnknownEntryError):
            night.history("ghost")


def iter_ids(entries: Iterator[Entry] | list[Entry]) -> list[str]:
    return [entry.id for entry in entries]
