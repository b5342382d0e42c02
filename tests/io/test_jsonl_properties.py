"""Property tests for the file format: any bytes, any one broken field, any ledger.

Reading never raises anything but a :class:`LedgerError`; whatever it does load writes back and
reads back equal; and every ledger the library can hold (every kind of record, Whens of every
precision, zones, wall times, words, open and ongoing Spans) survives a file unchanged.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from diplomacy_ledger import (
    KIND_NAMES,
    Actor,
    ActorKind,
    Agreement,
    Call,
    Ceasefire,
    Claim,
    Disambiguation,
    Hostility,
    Ledger,
    LedgerError,
    Mediation,
    Medium,
    Meeting,
    Office,
    Participant,
    Place,
    Precision,
    Provenance,
    Report,
    Retraction,
    SameEvent,
    Source,
    Span,
    Stance,
    Statement,
    Status,
    Tenure,
    When,
)
from diplomacy_ledger.io._jsonl import LoadResult, dumps_jsonl, read_jsonl
from tests._times import INTERESTING_ZONES, whens
from tests.make_corpus import DELETE, SEED, context, get

START: Final = datetime(2022, 9, 13, tzinfo=UTC)
SEED_IDS: Final = sorted(SEED)


def assert_round_trips(result: LoadResult) -> None:
    """What was loaded writes back, and reads back equal, words and wall times included."""
    text = dumps_jsonl(result.ledger)
    again = read_jsonl(text.encode("utf-8"))
    assert again.ledger == result.ledger
    assert dumps_jsonl(again.ledger) == text


def read_or_refuse(data: bytes, *, line: int | None = None) -> LoadResult | None:
    """Load ``data``; a LedgerError is a refusal, anything else fails the test.

    A refusal must name the file, and ``line`` when given.
    """
    refusal: LedgerError | None = None
    try:
        return read_jsonl(data, name="fuzz.jsonl")
    except LedgerError as error:
        refusal = error
    where = "fuzz.jsonl" if line is None else f"fuzz.jsonl:{line}"
    assert re.match(rf"{re.escape(where)}(?!\d)", str(refusal)), refusal
    return None


# -- any bytes -------------------------------------------------------------------------------------


@given(st.binary(max_size=2000))
def test_arbitrary_bytes_load_or_raise_a_ledger_error(data: bytes) -> None:
    result = read_or_refuse(data)
    if result is not None:
        assert_round_trips(result)


@given(st.lists(st.sampled_from([SEED["russia"], SEED["france"]]) | st.text(), max_size=6))
def test_valid_lines_mixed_with_any_text_load_or_raise_a_ledger_error(lines: list[str]) -> None:
    result = read_or_refuse("\n".join(lines).encode("utf-8", "surrogatepass"))
    if result is not None:
        assert_round_trips(result)
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    skipped = read_jsonl(data, skip_bad_lines=True, allow_empty=True)
    assert {entry.id for entry in skipped.ledger} <= {"russia", "france"}


# -- one broken field ----------------------------------------------------------------------------

SCALARS: Final = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(),
    st.text(max_size=30),
)
MEANINGFUL: Final = st.one_of(
    st.sampled_from(SEED_IDS),
    st.sampled_from(["when", "span", *KIND_NAMES.values(), *(p.value for p in Precision)]),
    st.sampled_from([*INTERESTING_ZONES, "+04:00", "EDT", "UTC+3", "", "-00:00"]),
    st.sampled_from([m.value for m in Medium] + [s.value for s in Stance]),
    st.tuples(
        st.datetimes(datetime(2, 1, 1), datetime(9998, 12, 31)),  # noqa: DTZ001 - wall times
        st.none() | st.just(UTC) | st.timezones(),
    ).map(lambda pair: pair[0].replace(tzinfo=pair[1]).isoformat()),
)
JSON_VALUES: Final = st.recursive(
    st.one_of(SCALARS, MEANINGFUL),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=8,
)


def paths(value: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every path into a parsed line, the line itself included."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(paths(item, (*prefix, index)))
    return found


@dataclass
class Broken:
    id: str
    path: tuple[str | int, ...]
    change: str
    line: str


@st.composite
def broken_lines(draw: st.DrawFn) -> Broken:
    """A seed line with one value replaced, one key removed, or one unknown key added."""
    id = draw(st.sampled_from(SEED_IDS))
    data = json.loads(SEED[id])
    path = draw(st.sampled_from(paths(data)))
    target = get(data, path)
    changes = ["replace"] if path else []
    changes += ["delete"] if path and isinstance(get(data, path[:-1]), dict) else []
    changes += ["add key"] if isinstance(target, dict) else []
    assume(changes)
    change = draw(st.sampled_from(changes))
    if change == "add key":
        target[draw(st.text(max_size=12))] = draw(JSON_VALUES)
    else:
        parent = get(data, path[:-1])
        value = DELETE if change == "delete" else draw(JSON_VALUES)
        if value is DELETE:
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
    return Broken(id, path, change, json.dumps(data, ensure_ascii=False))


@given(broken_lines())
def test_one_broken_field_loads_or_raises_a_ledger_error_naming_its_line(broken: Broken) -> None:
    lines = [*context(broken.id), broken.line]
    data = "\n".join(lines).encode("utf-8")
    result = read_or_refuse(data, line=len(lines))
    if result is not None:
        assert len(result.ledger) == len(lines)
        assert_round_trips(result)
    skipped = read_jsonl(data, name="fuzz.jsonl", skip_bad_lines=True)
    assert [s.line for s in skipped.skipped] in ([], [len(lines)])
    assert len(skipped.ledger) + len(skipped.skipped) == len(lines)


# -- any ledger ----------------------------------------------------------------------------------

# Free text holds any characters but control ones, newlines, tabs and CR excepted; one-line text
# (names, titles, labels) no line breaks either: the model refuses the rest, as files do.
WORDS: Final = st.text(
    st.characters(exclude_categories=("Cc", "Cs")) | st.sampled_from("\n\t\r"),
    min_size=1,
    max_size=12,
).filter(str.strip)
MAYBE_WORDS: Final = st.none() | WORDS
LINE: Final = st.text(
    st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=12
).filter(str.strip)
MAYBE_LINE: Final = st.none() | LINE
ZONES: Final = st.sampled_from(INTERESTING_ZONES)
POLICIES: Final[tuple[Disambiguation, ...]] = ("earlier", "later", "compatible")


@st.composite
def worded_whens(draw: st.DrawFn) -> When:
    """Whens of every precision, some with words, some stated as a local wall time."""
    if draw(st.booleans()):
        when = draw(whens())
    else:
        wall = draw(st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2099, 12, 30)))  # noqa: DTZ001
        zone = draw(ZONES)
        policy = draw(st.sampled_from(POLICIES))
        if draw(st.booleans()):
            when = When.local(wall, zone=zone, disambiguation=policy)
        else:
            when = When.local(f"{wall:%Y-%m-%d %H:%M}", zone=zone, disambiguation=policy)
    return attrs.evolve(when, text=draw(MAYBE_WORDS))


@st.composite
def later_whens(draw: st.DrawFn, after: When) -> When:
    """A When that ends more than two hours after ``after`` ends: an instant, a day, a wall time."""
    gap = st.timedeltas(min_value=timedelta(hours=2), max_value=timedelta(days=400))
    moment = after.latest + draw(gap)
    zone = draw(st.none() | ZONES)
    kind = draw(st.sampled_from(["instant", "day", "local"]))
    try:
        if kind == "instant" or (kind == "local" and zone is None):
            when = When.instant(moment, zone=zone)
        elif kind == "day":
            local = When.instant(moment, zone=zone).local_bounds()[0]
            when = When.day(local.date(), zone=zone)
        else:
            assert zone is not None
            wall = When.instant(moment, zone=zone).local_bounds()[0].replace(tzinfo=None)
            when = When.local(wall, zone=zone, disambiguation="compatible")
    except LedgerError:  # past the supported range
        assume(False)
        raise
    return attrs.evolve(when, text=draw(MAYBE_WORDS))


@st.composite
def spans(draw: st.DrawFn) -> Span:
    """Spans closed, open (end unknown), or ongoing as of a later moment."""
    start = draw(worded_whens())
    shape = draw(st.sampled_from(["closed", "open", "ongoing"]))
    if shape == "open":
        return Span(start)
    later = draw(later_whens(start))
    return Span(start, later) if shape == "closed" else Span.ongoing(start, as_of=later)


def moments(draw: st.DrawFn) -> When | Span:
    return draw(st.one_of(worded_whens(), spans()))


@dataclass
class Built:
    ledger: Ledger


@st.composite
def ledgers(draw: st.DrawFn) -> Built:
    """A ledger holding every kind of record, with drawn times, words, zones and options."""
    ledger = Ledger()
    clock = START

    def add(record: Any, id: str, supersedes: str | None = None) -> None:
        nonlocal clock
        clock += timedelta(seconds=draw(st.integers(0, 3600)))
        ledger.append(record, id=id, recorded_at=clock, supersedes=supersedes)

    def provenance() -> Provenance:
        via = draw(st.sampled_from([(), ("p1",), ("g0", "a1")]))
        return Provenance("src", via, quote=draw(MAYBE_WORDS))

    maybe_when = st.none() | worded_whens()
    add(
        Source(
            draw(MAYBE_LINE),
            url=draw(MAYBE_LINE),
            published=draw(maybe_when),
            retrieved=draw(maybe_when),
            language=draw(MAYBE_LINE),
        ),
        "src",
    )
    iso3 = st.text(string.ascii_uppercase, min_size=3, max_size=3)
    for index in range(2):
        state = Actor(
            f"State {index}",
            ActorKind.STATE,
            (f"Country {index}",),
            lifespan=draw(st.none() | spans()),
            wikidata=f"Q{index + 1}",
            iso3=draw(st.none() | iso3),
            description=draw(MAYBE_WORDS),
        )
        add(state, f"a{index}")
    add(Actor("Government 0", ActorKind.GOVERNMENT, ("Capital 0",), part_of="a0"), "g0")
    for index in range(2):
        person = Actor(
            f"Person {index}",
            ActorKind.PERSON,
            affiliation="a0",
            provenance=Provenance("src", ("g0",)),
        )
        add(person, f"p{index}")
    add(Source("Corrected later", outlet="a1"), "src2")
    coordinates = st.tuples(st.floats(-90, 90), st.floats(-180, 180))
    place = Place(
        "Place 0",
        zone=draw(st.sampled_from([*INTERESTING_ZONES, "+04:00", "-09:30"])),
        states=("a0", "a1"),
        aliases=("Town 0",),
        region=draw(MAYBE_LINE),
        coordinates=draw(st.none() | coordinates),
    )
    add(place, "pl0")
    add(Office("Office 0", jurisdiction="a0", description=draw(MAYBE_WORDS)), "o0")
    tenure = Tenure("p0", "o0", draw(spans()), acting=draw(st.booleans()), provenance=provenance())
    add(tenure, "t0")
    office = draw(st.sampled_from([None, "o0"]))
    call = Call(
        [Participant("p0", office=office), Participant("p1")],
        moments(draw),
        provenance(),
        medium=draw(st.sampled_from(Medium)),
        initiator=draw(st.sampled_from([None, "p0", "p1"])),
        summary=draw(MAYBE_WORDS),
    )
    add(call, "c0")
    hosted = draw(st.booleans())
    meeting = Meeting(
        Participant("p1") if hosted else None,
        [Participant("p0", office=office), *([] if hosted else [Participant("p1")])],
        moments(draw),
        provenance(),
        place=draw(st.sampled_from([None, "pl0"])),
        medium=draw(st.sampled_from(Medium)),
        summary=draw(MAYBE_WORDS),
    )
    add(meeting, "m0")
    statement = Statement(
        Participant("p0", office=office),
        provenance(),
        when=draw(st.none() | st.one_of(worded_whens(), spans())),
        audience=("p1",),
        words=draw(MAYBE_WORDS),
        channel=draw(MAYBE_LINE),
        during="c0",
    )
    add(statement, "s0")
    stance = draw(st.sampled_from(Stance))
    claim = Claim(
        "a0",
        stance,
        provenance(),
        about=draw(st.sampled_from([None, "c0"])),
        proposition=draw(WORDS),
        accused="a1" if stance is Stance.ACCUSES else None,
        statement="s0",
        when=draw(maybe_when),
        words=draw(MAYBE_WORDS),
        cameo=draw(st.none() | st.sampled_from(["013", "0214"])),
        office=draw(st.sampled_from([None, "o0"])),
    )
    add(claim, "k0")
    mediation = Mediation(("g0",), ("a0", "a1"), moments(draw), provenance(), outcome="Talks.")
    add(mediation, "med0")
    agreement = Agreement(
        ("a0", "a1"),
        provenance(),
        title=draw(MAYBE_LINE),
        signatories=draw(st.sampled_from([(), (Participant("p0", office=office),)])),
        mediators=draw(st.sampled_from([(), ("g0",)])),
        signed=draw(st.none() | st.one_of(worded_whens(), spans())),
        effective=draw(st.none() | worded_whens()),
        terms=draw(MAYBE_WORDS),
        status=draw(st.sampled_from(Status)),
    )
    add(agreement, "ag0")
    add(Statement(Participant("p1"), provenance(), agreement="ag0"), "s1")
    effective = draw(worded_whens())
    until = draw(st.none() | later_whens(effective))
    ceasefire = Ceasefire(
        ("a0", "a1"),
        effective,
        provenance(),
        until=until,
        mediation="med0",
        terms=draw(MAYBE_WORDS),
        agreement=draw(st.sampled_from([None, "ag0"])),
        places=draw(st.sampled_from([(), ("pl0",)])),
        regions=tuple(draw(st.lists(LINE, max_size=1))),
    )
    add(ceasefire, "cf0")
    sides: list[dict[str, Any]] = [
        {"attacker": "a0", "target": "a1"},
        {"attacker": "a0"},
        {"target": "a1"},
        {"between": ("a0", "a1")},
        {},
    ]
    hostility = Hostility(
        draw(spans()),
        provenance(),
        **draw(st.sampled_from(sides)),
        places=draw(st.sampled_from([(), ("pl0",)])),
        means=tuple(draw(st.lists(LINE, max_size=2))),
        description=draw(MAYBE_WORDS),
    )
    add(hostility, "h0")
    add(Report("a1", "c0", provenance(), when=draw(maybe_when)), "r0")
    add(SameEvent(("c0", "m0"), note=draw(MAYBE_WORDS)), "se0")
    add(attrs.evolve(call, summary=draw(WORDS)), "c1", supersedes="c0")
    add(Retraction("r0", draw(MAYBE_WORDS)), "w0")
    return Built(ledger)


@given(ledgers())
def test_any_ledger_reads_back_equal_from_its_file(built: Built) -> None:
    ledger = built.ledger
    assert {entry.kind for entry in ledger} == set(KIND_NAMES.values())
    text = dumps_jsonl(ledger)
    result = read_jsonl(text.encode("utf-8"))
    assert result.ledger == ledger
    assert dumps_jsonl(result.ledger) == text
    assert (result.skipped, result.rejected, result.findings) == ((), (), ())
    for original, loaded in zip(ledger, result.ledger, strict=True):
        assert attrs.asdict(original.record) == attrs.asdict(loaded.record)
