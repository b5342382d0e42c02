"""The timeline picture: a self-contained, deterministic SVG of the seed ledger and larger ones."""

from __future__ import annotations

import itertools
import random
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import UTC, datetime, timedelta

import pytest

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Claim,
    Finding,
    Hostility,
    Ledger,
    LedgerError,
    Place,
    Provenance,
    Report,
    Source,
    Span,
    Stance,
    Statement,
    UnknownZoneError,
    When,
    check,
)
from diplomacy_ledger.examples import (
    CALL_PUTIN,
    CEASEFIRE_REPORTED,
    CLAIM_SHELLING,
    HOSTILITY_2020,
    HOSTILITY_MINING,
    HOSTILITY_SHELLING,
    HOSTILITY_SHELLING_ONGOING,
    seed_ledger,
)
from diplomacy_ledger.render._layout import MIN_CLUSTER_POINTS, clusters, gap_label, place_labels
from diplomacy_ledger.render._svg import CHAR_WIDTH, LANE_HEIGHT, WIDTH, svg_id, timeline_svg

NS = "{http://www.w3.org/2000/svg}"
T = datetime(2022, 9, 13, 6, 0, tzinfo=UTC)
PLACEABLE = (Claim, Report, Statement)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def by_id(root: ET.Element) -> dict[str, ET.Element]:
    return {element.get("id", ""): element for element in root.iter() if element.get("id")}


def groups(root: ET.Element, cls: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{NS}g") if cls in g.get("class", "").split()]


def title(element: ET.Element) -> str:
    found = element.find(f"{NS}title")
    assert found is not None, element.attrib
    return found.text or ""


@pytest.fixture(scope="module")
def seed() -> Ledger:
    return seed_ledger()


@pytest.fixture(scope="module")
def findings(seed: Ledger) -> list[Finding]:
    return check(seed)


@pytest.fixture(scope="module")
def seed_svg(seed: Ledger, findings: list[Finding]) -> str:
    return timeline_svg(seed, findings, title="The seed article")


def test_the_seed_picture_is_a_self_contained_svg(seed_svg: str) -> None:
    root = parse(seed_svg)
    assert root.tag == f"{NS}svg"
    assert root.get("viewBox", "").startswith("0 0 ")
    for element in root.iter():
        assert element.tag.removeprefix(NS) not in ("script", "image", "foreignObject", "a")
        for name, value in element.attrib.items():
            assert "href" not in name, (element.tag, name)
            assert "http" not in value or name == "xmlns", (element.tag, name, value)
    assert "@import" not in seed_svg
    assert "url(http" not in seed_svg
    assert "The seed article" in seed_svg


def expected_drawn(ledger: Ledger) -> set[str]:
    """Entries with a time, and claims, reports and statements whose source has a date."""
    drawn = set()
    for entry in ledger.entries():
        record = entry.record
        if record.time is not None:
            drawn.add(entry.id)
        elif isinstance(record, PLACEABLE):
            source = ledger.record(record.provenance.source)
            assert isinstance(source, Source)
            if source.published is not None:
                drawn.add(entry.id)
    return drawn


def test_every_entry_with_a_time_is_drawn_and_the_rest_are_listed(
    seed: Ledger, seed_svg: str
) -> None:
    root = parse(seed_svg)
    elements = by_id(root)
    drawn = expected_drawn(seed)
    assert len(drawn) == 30
    for entry in seed.entries():
        if entry.id in drawn:
            element = elements[svg_id(entry.id)]
            assert element.get("data-kind") == entry.kind
            assert element.get("data-entry") == entry.id
            assert entry.id in title(element)
    (note,) = groups(root, "not-placed")
    listed = set(note.get("data-entries", "").split())
    assert listed == {entry.id for entry in seed.entries()} - drawn
    assert {e.get("data-entry") for e in groups(root, "entry")} == drawn
    assert "15 actors" in "".join(note.itertext())


def test_claims_without_a_time_stand_at_their_sources_publication(seed_svg: str) -> None:
    elements = by_id(parse(seed_svg))
    claim = elements[svg_id(CLAIM_SHELLING)]
    assert claim.get("data-placed") == "source"
    assert "placed at its source's publication" in title(claim)
    assert claim.find(f"{NS}circle") is not None  # asserts: a dot


def test_claim_placement_falls_back_to_the_subject_then_to_the_note() -> None:
    ledger = Ledger()
    at = T
    ledger.append(Source("undated"), id="undated", recorded_at=at)
    ledger.append(Source("dated", published=When.day("2022-09-14")), id="dated", recorded_at=at)
    for id in ("a", "b"):
        ledger.append(Actor(id.upper(), ActorKind.STATE), id=id, recorded_at=at)
    call = Call(("a", "b"), When.parse("2022-09-12T20:00Z"), Provenance("undated"))
    ledger.append(call, id="call", recorded_at=at)
    about = Claim("a", Stance.DENIES, Provenance("undated"), about="call")
    ledger.append(about, id="about-call", recorded_at=at)
    lost = Claim("b", Stance.ASSERTS, Provenance("undated"), proposition="Something.")
    ledger.append(lost, id="lost", recorded_at=at)
    dated = Claim("b", Stance.ACCUSES, Provenance("dated"), proposition="Else.", accused="a")
    ledger.append(dated, id="dated-claim", recorded_at=at)
    ledger.append(Report("a", "lost", Provenance("undated")), id="report-lost", recorded_at=at)
    root = parse(timeline_svg(ledger))
    elements = by_id(root)
    assert elements[svg_id("about-call")].get("data-placed") == "subject"
    assert elements[svg_id("dated-claim")].get("data-placed") == "source"
    assert elements[svg_id("call")].get("data-placed") is None
    assert svg_id("lost") not in elements
    assert svg_id("report-lost") not in elements
    (note,) = groups(root, "not-placed")
    text = "".join(note.itertext())
    assert "lost, report-lost" in text
    assert {"lost", "report-lost", "undated", "a", "b"} == set(note.get("data-entries", "").split())


def test_every_finding_is_drawn_with_its_explanation(
    seed_svg: str, findings: list[Finding]
) -> None:
    root = parse(seed_svg)
    drawn = groups(root, "finding")
    assert len(drawn) == len(findings) == 7
    for finding, group in zip(findings, drawn, strict=True):
        assert group.get("data-entries") == " ".join(finding.entries)
        assert group.get("data-kind") == finding.kind
        assert title(group) == finding.explanation
        assert (finding.certainty == "possible") == ("possible" in group.get("class", ""))
        halos = [r for r in group.iter(f"{NS}rect") if r.get("class") == "halo"]
        assert len(halos) >= len(finding.entries)  # every entry is drawn, on one lane or more


def test_a_finding_naming_an_old_version_highlights_the_current_one(seed: Ledger) -> None:
    finding = Finding("test", "definite", (HOSTILITY_SHELLING,), "the shelling, as first recorded")
    root = parse(timeline_svg(seed, [finding]))
    (group,) = groups(root, "finding")
    assert [r for r in group.iter(f"{NS}rect") if r.get("class") == "halo"]


def test_the_same_input_gives_the_same_bytes(seed_svg: str, findings: list[Finding]) -> None:
    again = seed_ledger()
    assert timeline_svg(again, check(again), title="The seed article") == seed_svg
    paris = timeline_svg(again, zone="Europe/Paris", lanes="place")
    assert timeline_svg(seed_ledger(), zone="Europe/Paris", lanes="place") == paris
    assert not re.search(r"0x[0-9a-f]{6,}", seed_svg)  # no ids from memory addresses


def test_lanes_are_actors_in_order_of_first_appearance(seed_svg: str) -> None:
    lanes = groups(parse(seed_svg), "lane")
    names = [title(lane) for lane in lanes]
    assert names[:2] == ["Azerbaijan", "Armenia"]  # independence: 30 August, 21 September 1991
    assert names[-1] == "(no actor named)"  # the first war names no actor
    assert "Nikol Pashinyan" in names
    assert len(names) == len(set(names))


def test_lanes_by_place(seed: Ledger) -> None:
    root = parse(timeline_svg(seed, lanes="place"))
    names = [title(lane) for lane in groups(root, "lane")]
    assert names[0] == "Nagorno-Karabakh"  # the first war
    assert {"Sotk", "Kapan", "Ishkhanasar"} <= set(names)
    assert names[-1] == "(no place named)"
    assert {e.get("data-entry") for e in groups(root, "entry")} == expected_drawn(seed)
    shelling = by_id(root)[svg_id(HOSTILITY_SHELLING_ONGOING)]
    assert len({label.get("data-lane") for label in shelling.iter(f"{NS}text")}) >= 2


def test_long_lane_names_are_cut_with_the_full_name_in_a_tooltip(seed_svg: str) -> None:
    for lane in groups(parse(seed_svg), "lane"):
        shown = "".join(lane.find(f"{NS}text").itertext())  # type: ignore[union-attr]
        if shown.endswith("…"):
            assert title(lane).startswith(shown[:-1])
            assert len(title(lane)) > len(shown)


def test_the_axis_is_labelled_in_the_zone_with_utc_beneath(seed: Ledger) -> None:
    root = parse(timeline_svg(seed, zone="Europe/Paris"))
    zones = [t for t in root.iter(f"{NS}text") if t.get("class") == "zone"]
    assert [t.text for t in zones] == ["Europe/Paris", "UTC"]
    assert float(zones[0].get("y", 0)) < float(zones[1].get("y", 0))
    ticks = [t for t in root.iter(f"{NS}text") if t.get("class") in ("tick", "tick utc")]
    local = [t for t in ticks if t.get("class") == "tick"]
    utc = [t for t in ticks if t.get("class") == "tick utc"]
    assert local
    assert len(local) == len(utc)
    # Local midnight of 13 September in Paris is 22:00 UTC on the 12th; each row names the date
    # where it changes, and the year on its first label.
    pairs = [(a.text or "", b.text or "") for a, b in zip(local, utc, strict=True)]
    assert ("09-13", "22:00") in pairs
    assert ("12:00", "09-13 10:00") in pairs
    assert any(a.startswith("2022-09-") and b.startswith("2022-09-") for a, b in pairs)
    default = parse(timeline_svg(seed))
    assert [t.text for t in default.iter(f"{NS}text") if t.get("class") == "zone"] == ["UTC"]


def test_the_seed_axis_breaks_across_the_years(seed_svg: str) -> None:
    breaks = groups(parse(seed_svg), "axis-break")
    assert breaks
    labels = ["".join(b.itertext()) for b in breaks]
    assert any("year" in label for label in labels), labels
    for piece in breaks:
        label = piece.find(f"{NS}text")
        assert label is not None
        assert "".join(label.itertext()).startswith("≈ ")


def test_soft_ends_open_ends_and_instants(seed_svg: str) -> None:
    root = parse(seed_svg)
    elements = by_id(root)
    gradients = {g.get("id"): g for g in root.iter(f"{NS}linearGradient")}

    def fills(entry: str) -> list[str]:
        return [r.get("fill", "") for r in elements[svg_id(entry)].iter(f"{NS}rect")]

    (mining,) = set(fills(HOSTILITY_MINING))  # drawn on two lanes, the same bar
    stops = [float(s.get("stop-opacity", 1)) for s in gradients[mining[5:-1]]]
    assert max(stops[0], stops[-1]) < 0.5  # faded at both ends
    assert max(stops) == 1

    def open_ends(entry: str) -> list[ET.Element]:
        paths = elements[svg_id(entry)].iter(f"{NS}path")
        return [p for p in paths if p.get("class") == "open-end"]

    assert all(p.get("marker-end") for p in open_ends(HOSTILITY_SHELLING_ONGOING))
    assert len(open_ends(HOSTILITY_SHELLING_ONGOING)) == 2  # attacker and target
    assert not open_ends(HOSTILITY_2020)  # a known end
    ceasefire = elements[svg_id(CEASEFIRE_REPORTED)]  # an exact start: a tick, then an open end
    assert [p.get("class") for p in ceasefire.iter(f"{NS}path")].count("instant") == 2
    call = elements[svg_id(CALL_PUTIN)]
    links = [p for p in call.iter(f"{NS}path") if p.get("class") == "link"]
    assert len(links) == 1  # the call joins Pashinyan's lane and Putin's


def test_every_coordinate_is_on_the_page(seed_svg: str) -> None:
    root = parse(seed_svg)
    height = float(root.get("height", 0))
    for element in root.iter():
        for name in ("x", "cx", "x1", "x2", "width"):
            if name in element.attrib:
                assert 0 <= float(element.attrib[name]) <= WIDTH, element.attrib
        for name in ("y", "cy"):
            if name in element.attrib:
                assert 0 <= float(element.attrib[name]) <= height, element.attrib


def generated_ledger(size: int = 300) -> Ledger:
    """A big ledger: 24 actors, 4 places, calls and claims over years and one busy week."""
    rng = random.Random(7)
    ledger = Ledger()
    ledger.append(Source("wire", published=When.day("2024-03-05")), id="wire", recorded_at=T)
    ledger.append(Source("notes"), id="notes", recorded_at=T)
    actors = [f"actor-{n:02d}" for n in range(24)]
    for n, id in enumerate(actors):
        name = f"Minister of Foreign Affairs of Country {n}" if n % 5 == 0 else f"Country {n}"
        ledger.append(Actor(name, ActorKind.STATE), id=id, recorded_at=T)
    places = [f"place-{n}" for n in range(4)]
    for id in places:
        ledger.append(Place(id.title(), zone="Europe/Paris"), id=id, recorded_at=T)
    busy = datetime(2024, 3, 1, tzinfo=UTC)
    recorded: list[str] = []
    for n in range(size - len(ledger)):
        if rng.random() < 0.15:
            moment = datetime(rng.randint(1995, 2020), rng.randint(1, 12), 1, tzinfo=UTC)
        else:
            moment = busy + timedelta(minutes=rng.randint(0, 7 * 24 * 60))
        exact = When.instant(moment)
        vague = When.between(moment, moment + timedelta(hours=rng.randint(1, 30)))
        a, b = rng.sample(actors, 2)
        kind = n % 4
        if kind == 0:
            record: Call | Claim | Hostility = Call(
                (a, b), exact if rng.random() < 0.5 else vague, Provenance("notes")
            )
        elif kind == 1 and recorded:
            record = Claim(
                a,
                rng.choice(list(Stance)),
                Provenance(rng.choice(["wire", "notes"])),
                about=rng.choice(recorded),
                accused=None,
            )
        elif kind == 2:
            end = vague if rng.random() < 0.5 else None
            closed = end is not None and end.latest > exact.earliest
            span = Span(exact, end) if closed else Span(exact)
            record = Hostility(span, Provenance("notes"), attacker=a, places=(rng.choice(places),))
        else:
            said = f"Claim number {n}."
            record = Claim(a, Stance.ASSERTS, Provenance("notes"), proposition=said, when=vague)
        id = f"e-{n:03d}"
        ledger.append(record, id=id, recorded_at=T)
        recorded.append(id)
    return ledger


def label_rows(root: ET.Element) -> dict[tuple[str, str], list[tuple[float, float, str]]]:
    rows: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for text in root.iter(f"{NS}text"):
        if text.get("class") == "label":
            x, content = float(text.get("x", 0)), text.text or ""
            rows[(text.get("data-lane", ""), text.get("y", ""))].append(
                (x, x + len(content) * CHAR_WIDTH, content)
            )
    return rows


@pytest.mark.parametrize("lanes", ["actor", "place"])
def test_a_few_hundred_entries_stay_legible(lanes: str) -> None:
    ledger = generated_ledger()
    assert len(ledger) == 300
    svg = timeline_svg(ledger, check(ledger), lanes=lanes, zone="Asia/Tokyo")  # type: ignore[arg-type]
    root = parse(svg)
    assert len(groups(root, "entry")) > 200
    rows = label_rows(root)
    assert rows
    for (lane, _), labels in rows.items():
        labels.sort()
        for (_, end, first), (start, _, second) in itertools.pairwise(labels):
            assert end <= start, (lane, first, second)
        assert all(end <= WIDTH for _, end, _ in labels)
    lanes_drawn = groups(root, "lane")
    assert float(root.get("height", 0)) >= len(lanes_drawn) * LANE_HEIGHT


def test_ids_are_escaped_and_text_is_escaped() -> None:
    assert svg_id("call-1") == "entry-call-1"
    ids = ["a:b", "a/b", "a@b", "a_b", "a_3ab", "a.b"]
    escaped = [svg_id(id) for id in ids]
    assert len(set(escaped)) == len(ids)
    assert all(re.fullmatch(r"entry-[A-Za-z0-9.\-_]+", e) for e in escaped)
    ledger = Ledger()
    ledger.append(Source("s"), id="s", recorded_at=T)
    ledger.append(Actor('<Tom & "Jerry">', ActorKind.PERSON), id="tom", recorded_at=T)
    ledger.append(Actor("A’s ministry", ActorKind.GOVERNMENT_BODY), id="x:y/z@w", recorded_at=T)
    call = Call(("tom", "x:y/z@w"), When.parse("2022-09-13T02:30Z"), Provenance("s"))
    ledger.append(call, id="call:1/2", recorded_at=T)
    root = parse(timeline_svg(ledger, title="<&>"))
    assert by_id(root)["entry-call_3a1_2f2"].get("data-entry") == "call:1/2"
    assert '<Tom & "Jerry">' in [title(lane) for lane in groups(root, "lane")]


def test_extreme_and_open_times_do_not_break_the_scale() -> None:
    ledger = Ledger()
    ledger.append(Source("s"), id="s", recorded_at=T)
    ledger.append(Actor("A", ActorKind.STATE), id="a", recorded_at=T)
    ledger.append(Actor("B", ActorKind.STATE), id="b", recorded_at=T)
    earliest = When.year(1)
    fight = Hostility(Span(earliest), Provenance("s"), attacker="a")
    ledger.append(fight, id="forever", recorded_at=T)
    last = Hostility(Span(When.year(9998), When.year(9999)), Provenance("s"), attacker="b")
    ledger.append(last, id="far", recorded_at=T)
    call = Call(("a", "b"), When.parse("2022-09-13T02:30Z"), Provenance("s"))
    ledger.append(call, id="call", recorded_at=T)
    root = parse(timeline_svg(ledger, zone="Pacific/Kiritimati"))
    for element in root.iter():
        for name in ("x", "width"):
            if name in element.attrib:
                assert 0 <= float(element.attrib[name]) <= WIDTH
    assert len(groups(root, "axis-break")) == 1  # years 1 and 2022 are too sparse to part
    assert svg_id("call") in by_id(root)


def test_small_cases() -> None:
    empty = parse(timeline_svg(Ledger()))
    assert not groups(empty, "entry")
    assert "Every entry is drawn." in "".join(empty.itertext())
    one = Ledger()
    one.append(Source("s", published=When.parse("2022-09-13T02:30Z")), id="s", recorded_at=T)
    root = parse(timeline_svg(one))
    assert groups(root, "entry")
    assert [t.text for t in root.iter(f"{NS}text") if t.get("class") == "tick"]


def test_bad_arguments() -> None:
    with pytest.raises(LedgerError):
        timeline_svg(Ledger(), lanes="office")  # type: ignore[arg-type]
    with pytest.raises(UnknownZoneError):
        timeline_svg(Ledger(), zone="Mars/Olympus_Mons")


def test_clusters_break_only_between_dense_stretches() -> None:
    night = [datetime(2022, 9, 12, 20, tzinfo=UTC) + timedelta(hours=h) for h in (0, 2, 3, 6)]
    years = [datetime(y, 5, 7, tzinfo=UTC) for y in (2000, 2008, 2012, 2017, 2018)]
    groups_ = clusters([*years, *night])
    assert [(a.year, b.year) for a, b in groups_] == [(2000, 2018), (2022, 2022)]
    sparse = [datetime(1990, 1, 1, tzinfo=UTC), datetime(2022, 1, 1, tzinfo=UTC), *night]
    assert len(clusters(sparse)) == 1  # fewer than MIN_CLUSTER_POINTS on one side
    assert MIN_CLUSTER_POINTS == 3
    forever = datetime.max.replace(tzinfo=UTC)
    assert clusters([forever]) == []
    assert gap_label(timedelta(days=365.25 * 28)) == "≈ 28 years"
    assert gap_label(timedelta(hours=5)) == "≈ 5 hours"


def test_labels_on_a_row_never_overlap() -> None:
    wanted = [(0.0, 0.0, "x" * 10), (10.0, 10.0, "y" * 10), (20.0, 200.0, "z" * 10)]
    placed = place_labels(wanted, 2, 1000.0)
    assert placed[0] == (0, 0.0, "x" * 10)
    assert placed[1] == (1, 10.0, "y" * 10)
    assert placed[2] is not None
    assert placed[2][0] == 0
    assert placed[2][1] >= 10 * CHAR_WIDTH + CHAR_WIDTH  # slid right along its bar
    assert place_labels([(0.0, 0.0, "a"), (1.0, 1.0, "b"), (2.0, 2.0, "c")], 2, 100.0)[2] is None


def test_agreements_and_fighting_between_sides_get_a_lane_for_everyone_in_them() -> None:
    from tests.episodes import minsk_2015  # noqa: PLC0415 - an episode, not a fixture

    root = parse(timeline_svg(minsk_2015.ledger()))
    names = {title(lane) for lane in groups(root, "lane")}
    # Both sides of the fighting at Debaltseve, and the package's signatories and parties.
    assert {"Ukraine's armed forces", "Separatist forces of Donetsk and Luhansk"} <= names
    assert {"Heidi Tagliavini", "Leonid Kuchma", "Ukraine", "Russia"} <= names
    fighting = by_id(root)[svg_id("debaltseve-fighting")]
    assert len({bar.get("y") for bar in fighting.iter(f"{NS}rect")}) == 2  # a bar in each lane
