"""Realistic synthetic ledgers, seeded and deterministic, written as JSON Lines and cached.

``python benchmarks/generate.py --size 100000 [--variant skewed]`` writes
``benchmarks/data/ledger-<variant>-<size>-g<version>.jsonl`` (and a ``.meta.json`` beside it)
unless it is already there. The cache key is (size, variant, :data:`GENERATOR_VERSION`): bump the
version whenever the output would change.

What a ledger holds, in the order a ledger compiled over time would hold it:

- a catalogue: states, each with a government (with metonym aliases), ministries, armed forces,
  media and an insurgent collective; places in the state's zones (about 70 IANA zones in all);
  offices (head of state, head of government, foreign minister) and their tenures, a succession
  of people from 1985 to now with day-precision ends (some acting); a few special envoys;
- events, roughly in time order from 1990 to mid-2025 (each a few weeks of jitter off its place):
  calls and meetings between office holders (participants named in their office when the time
  lies wholly within the tenure), statements made during calls, claims that assert, accuse or
  deny (about events, about other claims, or about propositions written with different case and
  punctuation), reports by media, mediations, ceasefires, hostilities (some "reportedly ongoing",
  most of those corrected later with an end), second readouts of calls linked as one event,
  corrections and retractions; and the sources they are known from (monthly articles);
- times of every precision: exact spans and minute instants (with and without the local wall
  time), days, parts of days ("in the early hours"), months and years, in many zones.

Conflicts run on a timeline per pair of states: wars alternate with truces. Ceasefire records
name a truce (start, and its end except for the last truce); hostilities fall in the wars, with a
planted few inside truces (ceasefire violations). Exact-time calls are given free hour slots per
person, with a planted few put in a slot already taken (double bookings). A handful of wrong
offices, anachronisms, skipped local times and readout mismatches are planted too.

The **skewed** variant adds nothing new but makes one special envoy a participant, speaker,
mediator or claimant in about half of all entries.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import random
import sys
import time
import zoneinfo
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Final

from diplomacy_ledger import (
    Actor,
    ActorKind,
    Call,
    Ceasefire,
    Claim,
    Entry,
    Hostility,
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
    Tenure,
    When,
    available_zones,
)
from diplomacy_ledger.io import encode_entry

__all__ = [
    "DATA_DIR",
    "GENERATOR_VERSION",
    "VARIANTS",
    "dataset_path",
    "ensure_dataset",
    "generate_entries",
    "read_meta",
]

GENERATOR_VERSION: Final = 2
VARIANTS: Final = ("uniform", "skewed")
DATA_DIR: Final = Path(__file__).resolve().parent / "data"
SKEWED_ACTOR: Final = "person-envoy-0"

_EPOCH: Final = datetime(1990, 1, 1, tzinfo=UTC)
_END: Final = datetime(2025, 6, 1, tzinfo=UTC)
_TENURES_FROM: Final = date(1985, 1, 1)
_RECORDED: Final = datetime(2025, 7, 1, tzinfo=UTC)
_RANGE_SECONDS: Final = (_END - _EPOCH).total_seconds()
_HOUR: Final = timedelta(hours=1)
_DAY: Final = timedelta(days=1)
_TICK: Final = timedelta(microseconds=1)

_ZONE_CANDIDATES: Final = (
    "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome",
    "Europe/Warsaw", "Europe/Kyiv", "Europe/Moscow", "Europe/Istanbul", "Europe/Athens",
    "Europe/Helsinki", "Europe/Stockholm", "Europe/Lisbon", "Europe/Bucharest", "Europe/Minsk",
    "Asia/Yerevan", "Asia/Baku", "Asia/Tbilisi", "Asia/Tehran", "Asia/Baghdad", "Asia/Riyadh",
    "Asia/Dubai", "Asia/Kabul", "Asia/Karachi", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Dhaka",
    "Asia/Yangon", "Asia/Bangkok", "Asia/Jakarta", "Asia/Shanghai", "Asia/Seoul", "Asia/Tokyo",
    "Asia/Manila", "Asia/Tashkent", "Asia/Almaty", "Asia/Jerusalem", "Asia/Beirut",
    "Asia/Damascus", "Asia/Amman", "Asia/Pyongyang", "Asia/Taipei", "Asia/Ho_Chi_Minh",
    "Africa/Cairo", "Africa/Lagos", "Africa/Nairobi", "Africa/Johannesburg", "Africa/Khartoum",
    "Africa/Addis_Ababa", "Africa/Casablanca", "Africa/Algiers", "Africa/Tripoli",
    "Africa/Kinshasa", "Africa/Dakar", "America/New_York", "America/Chicago", "America/Denver",
    "America/Los_Angeles", "America/Mexico_City", "America/Bogota", "America/Caracas",
    "America/Lima", "America/Sao_Paulo", "America/Argentina/Buenos_Aires", "America/Santiago",
    "America/Havana", "Australia/Sydney", "Australia/Adelaide", "Pacific/Auckland",
    "Pacific/Chatham", "Atlantic/Reykjavik",
)  # fmt: skip
_DAY_PARTS: Final = (
    ("in the early hours", 0, 6),
    ("in the morning", 6, 12),
    ("in the afternoon", 12, 18),
    ("in the evening", 18, 24),
)
_PROPOSITIONS: Final = (
    "the shelling was started by {a}",
    "{a} opened fire on border positions",
    "a full-scale invasion by {a} is under way",
    "{a} violated the ceasefire",
    "civilians were killed in the strike by {a}",
    "{a} mined roads on the other side of the border",
    "{a} agreed to withdraw its troops",
    "{a} shot down a drone",
    "the talks in the capital of {a} have failed",
    "{a} is moving heavy weapons to the front",
)
_QUOTES: Final = (
    "The ministry said the “provocative, aggressive actions” began at dawn and continue.",
    "In a phone call the two leaders discussed the situation on the border.",
    "Officials stressed the importance of an adequate response from the international community.",
    "The claims are “completely false”, a spokesperson told reporters.",
    "Local media reported that the mediator had secured a truce from midnight.",
    "The government in the capital said talks would continue next week.",
    "Witnesses described heavy artillery fire through the night.",
)
_MEANS: Final = ("artillery", "drones", "small arms", "mortars", "mining", "air strikes")


def dataset_path(size: int, variant: str) -> Path:
    """Where the cached ledger of this size and variant lives."""
    return DATA_DIR / f"ledger-{variant}-{size}-g{GENERATOR_VERSION}.jsonl"


def read_meta(size: int, variant: str) -> dict[str, object]:
    """The metadata written beside a cached ledger (counts by kind, planted defects, ...)."""
    path = dataset_path(size, variant).with_suffix(".meta.json")
    data = json.loads(path.read_text())
    assert isinstance(data, dict)
    return data


def ensure_dataset(size: int, variant: str = "uniform", *, quiet: bool = False) -> Path:
    """The path of the cached ledger, generating it first if it is not there yet."""
    path = dataset_path(size, variant)
    meta = path.with_suffix(".meta.json")
    if path.exists() and meta.exists():
        return path
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    generator = _Generator(size, variant)
    temporary = path.with_suffix(f".tmp{os.getpid()}")
    written = 0
    previous = "0" * 64  # the digest chain runs through the whole file, from 64 zeros
    with temporary.open("w", encoding="utf-8") as file:
        chunk: list[str] = []
        for entry in generator.entries():
            line = encode_entry(entry, previous=previous)
            previous = line[-66:-2]  # the line ends with its digest: ,"digest":"<64 hex>"}
            chunk.append(line + "\n")
            if len(chunk) == 20_000:
                file.write("".join(chunk))
                written += len(chunk)
                chunk = []
                if not quiet:
                    print(f"\r  generating {variant} {size:,}: {written:,}", end="", flush=True)
        file.write("".join(chunk))
        written += len(chunk)
    assert written == size, (written, size)
    os.replace(temporary, path)
    seconds = time.perf_counter() - started
    info = {
        "size": size,
        "variant": variant,
        "generator_version": GENERATOR_VERSION,
        "seconds": round(seconds, 1),
        "bytes": path.stat().st_size,
        "kinds": dict(sorted(generator.kinds.items())),
        "planted": dict(sorted(generator.planted.items())),
        "skewed_actor": SKEWED_ACTOR if variant == "skewed" else None,
    }
    meta.write_text(json.dumps(info, indent=2) + "\n")
    if not quiet:
        print(f"\r  generated {variant} {size:,} entries in {seconds:.1f} s ({path.name})")
    return path


def generate_entries(size: int, variant: str = "uniform") -> Iterator[Entry]:
    """The entries of the ledger of this size and variant (the same on every call)."""
    return _Generator(size, variant).entries()


# -- the generator -------------------------------------------------------------------------------


@dataclass
class _Tenure:
    person: str
    office: str
    core: tuple[datetime, datetime]  # (start.latest, end.earliest): surely in office between


@dataclass
class _State:
    index: int
    id: str
    zone: str
    government: str
    defense: str
    foreign: str
    forces: str
    media: str
    insurgents: str
    places: list[str] = field(default_factory=list)
    offices: dict[str, str] = field(default_factory=dict)  # role -> office id
    dyad: int | None = None


@dataclass
class _Dyad:
    """Two states whose conflict alternates between wars and truces."""

    a: _State
    b: _State
    wars: list[tuple[datetime, datetime]]  # [start, end) of each war
    truces: list[tuple[datetime, datetime | None]]  # after each war; the last has no end
    number: int


@dataclass(frozen=True)
class _Recent:
    id: str
    bounds: tuple[datetime, datetime]  # earliest start, latest finite bound
    asserter: str | None = None
    actors: tuple[str, ...] = ()
    time: When | Span | None = None


class _Generator:
    def __init__(self, size: int, variant: str) -> None:
        if variant not in VARIANTS:
            raise ValueError(f"variant is one of {VARIANTS}, not {variant!r}")
        if size < 5000:
            raise ValueError("a benchmark ledger holds at least 5000 entries")
        self.size, self.variant = size, variant
        self.rng = random.Random(f"diplomacy-ledger-bench/{GENERATOR_VERSION}/{variant}/{size}")
        known = available_zones()
        self.zones: list[str] = [zone for zone in _ZONE_CANDIDATES if zone in known]
        self.zone_info: dict[str, zoneinfo.ZoneInfo] = {
            zone: zoneinfo.ZoneInfo(zone) for zone in self.zones
        }
        self.count = 0
        self.kinds: dict[str, int] = {}
        self.planted: dict[str, int] = {}
        self.states: list[_State] = []
        self.dyads: list[_Dyad] = []
        self.tenures: dict[str, list[_Tenure]] = {}  # office -> tenures by start
        self.tenure_starts: dict[str, list[datetime]] = {}
        self.envoys: list[str] = []
        self.wrong_offices: set[Participant] = set()  # planted: named in an office they had left
        self.slots: dict[str, set[int]] = {}
        self.slot_calls: dict[tuple[str, int], tuple[str, When | Span]] = {}
        self.days: dict[tuple[date, str | None], When] = {}
        self.months: dict[tuple[int, int], When] = {}
        self.years: dict[int, When] = {}
        self.parts: dict[tuple[date, str, int], When] = {}
        self.sources: dict[tuple[int, int], str] = {}
        self.provenances: dict[tuple[str, tuple[str, ...]], Provenance] = {}
        self.source_slots = max(1, size // 10_000)
        self.recent_calls: deque[_Recent] = deque(maxlen=500)
        self.recent_events: deque[_Recent] = deque(maxlen=2000)
        self.recent_assertions: deque[_Recent] = deque(maxlen=2000)
        self.recent_statements: deque[_Recent] = deque(maxlen=500)
        self.recent_propositions: deque[str] = deque(maxlen=300)
        self.ongoing: deque[tuple[str, Hostility]] = deque(maxlen=5000)
        self.retracted: set[str] = set()
        self.superseded: set[str] = set()
        self.pending: list[Entry] = []
        self.serial = 0
        self.now = _EPOCH
        self.public_record = Provenance("source-public-record")
        self.mediations: dict[tuple[int, int], str] = {}

    # -- output ---------------------------------------------------------------------------------

    def emit(self, record: object, prefix: str, *, supersedes: str | None = None) -> str:
        self.serial += 1
        entry_id = f"{prefix}-{self.serial:07d}"
        recorded = _RECORDED + timedelta(seconds=self.count + len(self.pending))
        entry = Entry(entry_id, recorded, record, supersedes=supersedes)  # type: ignore[arg-type]
        self.pending.append(entry)
        return entry_id

    def entries(self) -> Iterator[Entry]:
        self.catalogue()
        yield from self._drain()
        steps = (
            (self.call, 27),
            (self.meeting, 5),
            (self.statement, 16),
            (self.claim_asserting, 12),
            (self.claim_denying, 9),
            (self.report, 5),
            (self.mediation, 3),
            (self.ceasefire, 1.5),
            (self.hostility, 9),
            (self.readout, 1.5),
            (self.correction, 0.5),
            (self.retraction, 0.2),
        )
        actions = [action for action, _ in steps]
        weights = [weight for _, weight in steps]
        total_events = self.size - self.count
        first = self.count
        while self.count < self.size:
            progress = (self.count - first) / total_events
            self.now = _EPOCH + timedelta(seconds=_RANGE_SECONDS * progress)
            (action,) = self.rng.choices(actions, weights)
            action()
            yield from self._drain()

    def _drain(self) -> Iterator[Entry]:
        for entry in self.pending:
            if self.count >= self.size:
                break
            self.count += 1
            self.kinds[entry.kind] = self.kinds.get(entry.kind, 0) + 1
            yield entry
        self.pending = []

    def plant(self, what: str) -> None:
        self.planted[what] = self.planted.get(what, 0) + 1

    # -- times ----------------------------------------------------------------------------------

    def moment(self) -> datetime:
        """A time near the current point of the timeline (a few weeks either way)."""
        jitter = timedelta(seconds=self.rng.uniform(-30, 30) * 86_400)
        return min(max(self.now + jitter, _EPOCH + _DAY), _END - _DAY)

    def day(self, day: date, zone: str | None) -> When:
        key = (day, zone)
        found = self.days.get(key)
        if found is None:
            found = self.days[key] = When.day(day, zone=zone)
        return found

    def month(self, year: int, month: int) -> When:
        found = self.months.get((year, month))
        if found is None:
            found = self.months[(year, month)] = When.month(year, month)
        return found

    def year(self, year: int) -> When:
        found = self.years.get(year)
        if found is None:
            found = self.years[year] = When.year(year)
        return found

    def part(self, day: date, zone: str, index: int) -> When:
        key = (day, zone, index)
        found = self.parts.get(key)
        if found is None:
            words, first, last = _DAY_PARTS[index]
            info = self.zone_info[zone]
            start = datetime(day.year, day.month, day.day, first, tzinfo=info).astimezone(UTC)
            end_day = day + timedelta(days=1) if last == 24 else day
            end_hour = 0 if last == 24 else last
            end = datetime(end_day.year, end_day.month, end_day.day, end_hour, tzinfo=info)
            found = When(start, end.astimezone(UTC) - _TICK, Precision.SPAN, zone, text=words)
            self.parts[key] = found
        return found

    def local_day(self, moment: datetime, zone: str) -> date:
        return moment.astimezone(self.zone_info[zone]).date()

    def instant(self, wall: datetime, zone: str, *, keep_wall: bool) -> When:
        """A minute-precision instant at ``wall`` in ``zone``, moved off any gap or fold."""
        info = self.zone_info[zone]
        for _ in range(8):
            moment = wall.replace(tzinfo=info)
            folded = wall.replace(tzinfo=info, fold=1)
            instant = moment.astimezone(UTC)
            back = instant.astimezone(info).replace(tzinfo=None)
            if back == wall and moment.utcoffset() == folded.utcoffset():
                return When(
                    instant,
                    instant,
                    Precision.MINUTE,
                    zone,
                    wall=wall if keep_wall else None,
                )
            wall += 3 * _HOUR
        raise AssertionError(f"no clean wall time near {wall} in {zone}")  # pragma: no cover

    def vague(self, moment: datetime, zone: str) -> When:
        """A When around ``moment`` at a coarse precision: day, part of a day, month or year."""
        roll = self.rng.random()
        local = moment.astimezone(self.zone_info[zone])
        if roll < 0.55:
            return self.day(local.date(), zone if roll < 0.5 else None)
        if roll < 0.80:
            return self.part(local.date(), zone, min(local.hour // 6, 3))
        if roll < 0.95:
            return self.month(local.year, local.month)
        return self.year(local.year)

    def event_time(
        self, moment: datetime, zone: str, people: tuple[str, ...]
    ) -> tuple[When | Span, int | None]:
        """A call's or meeting's time: an exact span or instant in a free hour slot, or vague."""
        roll = self.rng.random()
        if roll >= 0.45 or not people:
            return self.vague(moment, zone), None
        slot = self.free_slot(moment, people)
        start_utc = _EPOCH + slot * _HOUR + timedelta(minutes=self.rng.randrange(0, 6))
        wall = start_utc.astimezone(self.zone_info[zone]).replace(tzinfo=None, second=0)
        start = self.instant(wall, zone, keep_wall=self.rng.random() < 0.5)
        if start.earliest - _EPOCH >= (slot + 1) * _HOUR - timedelta(minutes=55):
            return self.vague(moment, zone), None  # moved off a gap: keep out of the slots
        if roll < 0.35:
            minutes = self.rng.randrange(15, 50)
            end = When(
                start.earliest + timedelta(minutes=minutes),
                start.earliest + timedelta(minutes=minutes),
                Precision.MINUTE,
                zone,
            )
            return Span(start, end), slot
        return start, slot

    def free_slot(self, moment: datetime, people: tuple[str, ...]) -> int:
        base = int((moment - _EPOCH).total_seconds() // 3600)
        for attempt in range(200):
            slot = base + self.rng.randrange(-24 * 20, 24 * 20) * (1 + attempt // 50)
            if slot > 0 and all(slot not in self.slots.get(p, ()) for p in people):
                return slot
        raise AssertionError("no free slot")  # pragma: no cover

    def take_slot(self, slot: int, people: tuple[str, ...], call: str, time_: When | Span) -> None:
        for person in people:
            self.slots.setdefault(person, set()).add(slot)
            self.slot_calls[(person, slot)] = (call, time_)

    # -- sources and provenance ------------------------------------------------------------------

    def source_for(self, latest: datetime) -> str:
        """A monthly article published after ``latest`` (so nothing is newer than its source)."""
        clamped = min(latest, _END)
        month = (clamped.year - 1990) * 12 + clamped.month  # the month after the latest bound
        key = (month, self.rng.randrange(self.source_slots))
        found = self.sources.get(key)
        if found is None:
            state = self.rng.choice(self.states)
            year, month_index = divmod(month, 12)
            published = self.day(date(1990 + year, month_index + 1, 1), state.zone)
            record = Source(
                f"Article {len(self.sources) + 1}: the conflict this month",
                outlet=state.media,
                url=f"https://news.example/{1990 + year}/{month_index + 1}/{key[1]}",
                published=published,
                language=self.rng.choice(("en", "fr", "ru", "ar", "es", "hy")),
            )
            found = self.sources[key] = self.emit(record, "source")
        return found

    def provenance(self, latest: datetime, *via: str, quote: bool = False) -> Provenance:
        source = self.source_for(latest)
        if quote:
            return Provenance(source, via, quote=self.rng.choice(_QUOTES))
        key = (source, via)
        found = self.provenances.get(key)
        if found is None:
            found = self.provenances[key] = Provenance(source, via)
        return found

    # -- catalogue ------------------------------------------------------------------------------

    def catalogue(self) -> None:
        self.pending.append(
            Entry("source-public-record", _RECORDED, Source("A summary of the public record"))
        )
        count = min(195, max(20, self.size // 5000))
        for index in range(count):
            self.state(index)
        for index in range(3):
            envoy = f"person-envoy-{index}"
            self.pending.append(
                Entry(
                    envoy,
                    _RECORDED,
                    Actor(f"Special Envoy {index}", ActorKind.PERSON, (f"Envoy {index}",)),
                )
            )
            self.envoys.append(envoy)
        order = list(self.states)
        self.rng.shuffle(order)
        for a, b in zip(order[0::2], order[1::2], strict=False):
            if len(self.dyads) >= len(self.states) // 3:
                break
            self.dyad(a, b)

    def state(self, index: int) -> None:
        zone = self.zones[index % len(self.zones)]
        sid = f"state-{index:03d}"
        name = f"State {index}"
        state = _State(
            index,
            sid,
            zone,
            f"{sid}-government",
            f"{sid}-defense",
            f"{sid}-foreign",
            f"{sid}-forces",
            f"{sid}-media",
            f"{sid}-insurgents",
        )
        self.states.append(state)
        known = When.instant(_RECORDED)
        founded = self.day(date(1950 + index % 41, 1 + index % 12, 1 + index % 28), zone)
        actors = [
            (sid, Actor(name, ActorKind.STATE, lifespan=Span.ongoing(founded, as_of=known))),
            (
                state.government,
                Actor(
                    f"Government of {name}",
                    ActorKind.GOVERNMENT,
                    (f"Capital {index}", f"the government in Capital {index}"),
                    part_of=sid,
                ),
            ),
            (
                state.defense,
                Actor(
                    f"Defense Ministry of {name}",
                    ActorKind.GOVERNMENT_BODY,
                    (f"{name} defense ministry",),
                    part_of=state.government,
                ),
            ),
            (
                state.foreign,
                Actor(
                    f"Foreign Ministry of {name}",
                    ActorKind.GOVERNMENT_BODY,
                    part_of=state.government,
                ),
            ),
            (
                state.forces,
                Actor(f"Armed forces of {name}", ActorKind.ARMED_FORCES, part_of=sid),
            ),
            (state.media, Actor(f"Media of {name}", ActorKind.MEDIA, affiliation=sid)),
            (
                state.insurgents,
                Actor(
                    f"Insurgents in {name}",
                    ActorKind.COLLECTIVE,
                    description="An armed group the state's government calls saboteurs.",
                ),
            ),
        ]
        for actor_id, actor in actors:
            self.pending.append(Entry(actor_id, _RECORDED, actor))
        places = min(25, max(5, self.size // 20_000))
        for number in range(places):
            place_zone = zone if number % 4 else self.zones[(index + number) % len(self.zones)]
            place_id = f"{sid}-place-{number:02d}"
            region = f"Region {number % 5}"
            place = Place(
                f"Town {index}-{number}",
                zone=place_zone,
                states=(sid,),
                region=region,
                coordinates=(
                    round(self.rng.uniform(-60, 70), 3),
                    round(self.rng.uniform(-180, 180), 3),
                ),
            )
            self.pending.append(Entry(place_id, _RECORDED, place))
            state.places.append(place_id)
        for role, title in (
            ("head", f"President of {name}"),
            ("government", f"Prime Minister of {name}"),
            ("foreign", f"Foreign Minister of {name}"),
        ):
            office_id = f"{sid}-office-{role}"
            self.pending.append(Entry(office_id, _RECORDED, Office(title, jurisdiction=sid)))
            state.offices[role] = office_id
            self.succession(state, role, office_id)

    def succession(self, state: _State, role: str, office: str) -> None:
        """People holding ``office`` one after another from 1985, the last still in office."""
        start = _TENURES_FROM + timedelta(days=self.rng.randrange(0, 700))
        number = 0
        tenures: list[_Tenure] = []
        record_provenance = self.public_record
        while True:
            length = timedelta(days=self.rng.randrange(500, 3000))
            end: date | None = start + length
            assert end is not None
            if end >= _RECORDED.date() - timedelta(days=60):
                end = None
            person = f"{office}-holder-{number:02d}"
            number += 1
            self.pending.append(
                Entry(
                    person,
                    _RECORDED,
                    Actor(f"{state.id} {role} holder {number}", ActorKind.PERSON),
                )
            )
            first = self.day(start, state.zone)
            if end is None:
                span = Span.ongoing(first, as_of=When.instant(_RECORDED))
                core = (first.latest, _RECORDED)
            else:
                last = self.day(end, state.zone)
                span = Span(first, last)
                core = (first.latest, last.earliest)
            acting = self.rng.random() < 0.05
            tenure = Tenure(person, office, span, acting=acting, provenance=record_provenance)
            self.pending.append(Entry(f"{person}-tenure", _RECORDED, tenure))
            tenures.append(_Tenure(person, office, core))
            if end is None:
                break
            start = end
        self.tenures[office] = tenures
        self.tenure_starts[office] = [tenure.core[0] for tenure in tenures]

    def dyad(self, a: _State, b: _State) -> None:
        wars: list[tuple[datetime, datetime]] = []
        truces: list[tuple[datetime, datetime | None]] = []
        moment = _EPOCH + timedelta(days=self.rng.randrange(0, 200))
        while moment < _END:
            war_end = moment + timedelta(days=self.rng.randrange(45, 200))
            wars.append((moment, war_end))
            truce_end = war_end + timedelta(days=self.rng.randrange(40, 330))
            truces.append((war_end, truce_end))
            moment = truce_end
        truces[-1] = (truces[-1][0], None)
        wars[-1] = (wars[-1][0], min(wars[-1][1], _END - 30 * _DAY))
        index = len(self.dyads)
        self.dyads.append(_Dyad(a, b, wars, truces, index))
        a.dyad = b.dyad = index

    # -- who and when ---------------------------------------------------------------------------

    def skewed(self, share: float) -> bool:
        return self.variant == "skewed" and self.rng.random() < share

    def holder(
        self, state: _State, role: str, bounds: tuple[datetime, datetime]
    ) -> Participant | None:
        """The holder of the state's office at that time, named in the office when surely so."""
        office = state.offices[role]
        position = bisect.bisect_right(self.tenure_starts[office], bounds[0]) - 1
        if position < 0:
            return None
        tenure = self.tenures[office][position]
        if not (tenure.core[0] <= bounds[0] and bounds[1] <= tenure.core[1]):
            return Participant(tenure.person)
        if position > 0 and self.rng.random() < 0.0005:
            # The holder before, named in the office they had left (their tenure ended on the
            # day this one began, before these bounds): a recorded end, so a definite finding.
            # Naming someone in an office with no tenure of theirs recorded is no finding (an
            # open world), so that is not planted.
            self.plant("office_not_held")
            former = Participant(self.tenures[office][position - 1].person, office=office)
            self.wrong_offices.add(former)
            return former
        return Participant(tenure.person, office=office)

    def two_states(self) -> tuple[_State, _State]:
        a, b = self.rng.sample(self.states, 2)
        return a, b

    def role(self) -> str:
        return self.rng.choices(("head", "government", "foreign"), (3, 2, 5))[0]

    def people_at(self, moment: datetime) -> tuple[list[_State], list[Participant]]:
        """Two or three office holders of different states (or an envoy and holders)."""
        states = list(self.two_states())
        if self.rng.random() < 0.1:
            third = self.rng.choice(self.states)
            if third not in states:
                states.append(third)
        bounds = (moment - 3 * _DAY, moment + 3 * _DAY)
        people: list[Participant] = []
        for state in states:
            found = self.holder(state, self.role(), bounds)
            if found is not None and found.actor not in {p.actor for p in people}:
                people.append(found)
        if self.skewed(0.85) or (self.variant == "uniform" and self.rng.random() < 0.02):
            envoy = SKEWED_ACTOR if self.variant == "skewed" else self.rng.choice(self.envoys)
            people = [Participant(envoy), *people[:1]]
        return states, people

    # -- events ---------------------------------------------------------------------------------

    def call(self) -> None:
        moment = self.moment()
        states, people = self.people_at(moment)
        if len(people) < 2:
            return
        zone = states[0].zone
        actors = tuple(p.actor for p in people)
        time_, slot = self.event_time(moment, zone, actors)
        if slot is not None and self.rng.random() < 0.001:
            taken = self.taken_slot(actors)
            if taken is not None:
                slot, time_ = taken
                self.plant("double_booking")
        people = self.offices_for(states, people, time_)
        summary = "They discussed the situation on the border." if self.rng.random() < 0.5 else None
        medium = Medium.VIDEO if self.rng.random() < 0.1 else Medium.PHONE
        call = Call(
            people,
            time_,
            self.provenance(_latest(time_), states[0].government, quote=self.rng.random() < 0.3),
            medium=medium,
            initiator=people[0].actor if self.rng.random() < 0.3 else None,
            summary=summary,
        )
        call_id = self.emit(call, "call")
        if slot is not None:
            self.take_slot(slot, actors, call_id, time_)
        recent = _Recent(call_id, _bounds(time_), states[0].government, actors, time_)
        self.recent_calls.append(recent)
        self.recent_events.append(recent)

    def offices_for(
        self, states: list[_State], people: list[Participant], time_: When | Span
    ) -> list[Participant]:
        """Keep a participant's office only if the time lies wholly within the tenure."""
        bounds = _bounds(time_)
        kept = []
        for person in people:
            if person.office is None or person in self.wrong_offices:
                kept.append(person)  # a planted wrong office stays wrong
                continue
            tenures = self.tenures[person.office]
            own = [t for t in tenures if t.person == person.actor]
            if any(t.core[0] <= bounds[0] and bounds[1] <= t.core[1] for t in own):
                kept.append(person)
            elif own:
                kept.append(Participant(person.actor))
            else:
                kept.append(person)  # a planted wrong office stays wrong
        return kept

    def taken_slot(self, actors: tuple[str, ...]) -> tuple[int, When | Span] | None:
        for person in actors:
            slots = self.slots.get(person)
            if slots:
                slot = next(iter(slots))
                return slot, self.slot_calls[(person, slot)][1]
        return None

    def meeting(self) -> None:
        moment = self.moment()
        states, people = self.people_at(moment)
        if len(people) < 2:
            return
        host_state = states[0]
        actors = tuple(p.actor for p in people)
        time_, slot = self.event_time(moment, host_state.zone, actors)
        people = self.offices_for(states, people, time_)
        meeting = Meeting(
            people[0],
            people[1:],
            time_,
            self.provenance(_latest(time_), host_state.government),
            place=host_state.places[0],
            summary="A visit with talks on the peace process.",
        )
        meeting_id = self.emit(meeting, "meeting")
        if slot is not None:
            self.take_slot(slot, actors, meeting_id, time_)
        self.recent_events.append(
            _Recent(meeting_id, _bounds(time_), host_state.government, actors, time_)
        )

    def statement(self) -> None:
        if not self.recent_calls:
            return self.call()
        call = self.rng.choice(self.recent_calls)
        if call.id in self.retracted:
            return None
        speaker = call.actors[0]
        audience = tuple(a for a in call.actors[1:] if a != speaker)
        statement = Statement(
            Participant(speaker),
            self.provenance(call.bounds[1], call.asserter or self.states[0].government),
            when=call.time,
            audience=audience,
            words=self.rng.choice(_QUOTES),
            channel="phone call",
            during=call.id,
        )
        statement_id = self.emit(statement, "statement")
        self.recent_statements.append(
            _Recent(statement_id, call.bounds, speaker, (speaker,), call.time)
        )
        return None

    def claimant(self, state: _State) -> str:
        if self.skewed(0.3):
            return SKEWED_ACTOR
        return self.rng.choice((state.government, state.defense, state.foreign, state.media))

    def claim_asserting(self) -> None:
        state = self.rng.choice(self.states)
        claimant = self.claimant(state)
        accuses = self.rng.random() < 0.4
        about: _Recent | None = None
        if self.recent_events and self.rng.random() < 0.6:
            about = self.rng.choice(self.recent_events)
            if about.id in self.retracted:
                about = None
        other = self.rng.choice(self.states)
        proposition = self.proposition(other)
        if about is None:
            moment = self.moment()
            when: When | Span | None = self.vague(moment, state.zone)
            latest = _latest(when) if when is not None else moment
        else:
            latest = about.bounds[1] + 2 * _DAY
            when = self.day(self.local_day(latest, state.zone), state.zone)
            if self.rng.random() < 0.0005:
                when = self.day(self.local_day(about.bounds[0] - 5 * _DAY, state.zone), state.zone)
                self.plant("anachronism")
            if self.rng.random() < 0.3:
                when = None
        statement = None
        if self.recent_statements and self.rng.random() < 0.1:
            candidate = self.rng.choice(self.recent_statements)
            if candidate.id not in self.retracted:
                statement = candidate.id
        accused = None
        if accuses:
            accused = self.rng.choice((other.forces, other.insurgents, other.id))
        claim = Claim(
            claimant,
            Stance.ACCUSES if accuses else Stance.ASSERTS,
            self.provenance(latest, claimant, quote=self.rng.random() < 0.2),
            about=about.id if about else None,
            proposition=proposition if about is None or self.rng.random() < 0.5 else None,
            accused=accused,
            statement=statement,
            when=when,
            words=self.rng.choice(_QUOTES) if self.rng.random() < 0.3 else None,
        )
        claim_id = self.emit(claim, "claim")
        bounds = (
            _bounds(when) if when is not None else (about.bounds if about else (latest, latest))
        )
        self.recent_assertions.append(_Recent(claim_id, bounds, claimant))

    def proposition(self, state: _State) -> str:
        if self.recent_propositions and self.rng.random() < 0.3:
            return _variant(self.rng, self.rng.choice(self.recent_propositions))
        text = self.rng.choice(_PROPOSITIONS).format(a=f"State {state.index}")
        text = f"{text[0].upper()}{text[1:]} on {self.moment().date().isoformat()}."
        self.recent_propositions.append(text)
        return text

    def claim_denying(self) -> None:
        state = self.rng.choice(self.states)
        claimant = self.claimant(state)
        roll = self.rng.random()
        about: _Recent | None = None
        proposition = None
        if roll < 0.55 and self.recent_assertions:
            about = self.rng.choice(self.recent_assertions)
        elif roll < 0.85 and self.recent_events:
            about = self.rng.choice(self.recent_events)
        elif self.recent_propositions:
            proposition = _variant(self.rng, self.rng.choice(self.recent_propositions))
        if about is not None and about.id in self.retracted:
            return
        if about is None and proposition is None:
            return
        latest = about.bounds[1] + 3 * _DAY if about else self.moment()
        claim = Claim(
            claimant,
            Stance.DENIES,
            self.provenance(latest, claimant),
            about=about.id if about else None,
            proposition=proposition,
            when=self.day(self.local_day(latest, state.zone), state.zone)
            if self.rng.random() < 0.6
            else None,
            words="completely false" if self.rng.random() < 0.5 else None,
        )
        self.emit(claim, "claim")

    def report(self) -> None:
        if not self.recent_events:
            return
        about = self.rng.choice(self.recent_events)
        if about.id in self.retracted:
            return
        state = self.rng.choice(self.states)
        latest = about.bounds[1] + _DAY
        report = Report(
            state.media,
            about.id,
            self.provenance(latest, state.media),
            when=self.day(self.local_day(latest, state.zone), state.zone),
        )
        self.emit(report, "report")

    def truce_near(self, dyad: _Dyad, moment: datetime) -> int:
        starts = [start for start, _ in dyad.truces]
        position = bisect.bisect_left(starts, moment)
        return min(max(position, 0), len(starts) - 1)

    def truce_start(self, dyad: _Dyad, index: int) -> When:
        start, _ = dyad.truces[index]
        zone = dyad.a.zone
        wall = start.astimezone(self.zone_info[zone]).replace(tzinfo=None, second=0, microsecond=0)
        if self.rng.random() < 0.7:
            return self.instant(wall, zone, keep_wall=True)
        return self.day(wall.date(), zone)

    def mediation(self) -> Mediation | None:
        if not self.dyads:
            return None
        dyad = self.rng.choice(self.dyads)
        index = self.truce_near(dyad, self.moment())
        start, _ = dyad.truces[index]
        mediators: tuple[str, ...]
        if self.skewed(0.9) or self.rng.random() < 0.3:
            mediators = (SKEWED_ACTOR if self.variant == "skewed" else self.envoys[0],)
        else:
            third = self.rng.choice(self.states)
            if third in (dyad.a, dyad.b):
                return None
            mediators = (third.id,)
        when = self.day(self.local_day(start - 2 * _DAY, dyad.a.zone), dyad.a.zone)
        mediation = Mediation(
            mediators,
            (dyad.a.id, dyad.b.id),
            when,
            self.provenance(when.latest, dyad.a.media),
            outcome="A ceasefire from the next day.",
        )
        mediation_id = self.emit(mediation, "mediation")
        self.mediations[(dyad.number, index)] = mediation_id
        self.recent_events.append(_Recent(mediation_id, _bounds(when), dyad.a.media))
        return mediation

    def ceasefire(self) -> None:
        if not self.dyads:
            return
        dyad = self.rng.choice(self.dyads)
        index = self.truce_near(dyad, self.moment())
        _, end = dyad.truces[index]
        effective = self.truce_start(dyad, index)
        until = None
        if end is not None:
            zone = dyad.b.zone
            wall = end.astimezone(self.zone_info[zone]).replace(
                tzinfo=None, second=0, microsecond=0
            )
            until = self.instant(wall, zone, keep_wall=False)
        parties = (dyad.a.id, dyad.b.id) if self.rng.random() < 0.5 else (dyad.b.id, dyad.a.id)
        ceasefire = Ceasefire(
            parties,
            effective,
            self.provenance(effective.latest, dyad.a.media, quote=True),
            until=until,
            mediation=self.mediations.get((dyad.number, index)),
            terms="Troops stay on their current lines." if self.rng.random() < 0.5 else None,
        )
        ceasefire_id = self.emit(ceasefire, "ceasefire")
        self.recent_events.append(_Recent(ceasefire_id, _bounds(effective), dyad.a.media))

    def hostility(self) -> None:
        if not self.dyads:
            return
        dyad = self.rng.choice(self.dyads)
        moment = self.moment()
        violation = self.rng.random() < 0.003
        if violation:
            index = self.truce_near(dyad, moment)
            low, high = dyad.truces[index]
            high = high or low + timedelta(days=60)
            self.plant("ceasefire_violation")
        else:
            starts = [start for start, _ in dyad.wars]
            position = max(0, bisect.bisect_right(starts, moment) - 1)
            low, high = dyad.wars[position]
        low, high = low + 3 * _DAY, high - 3 * _DAY
        if high - low < 4 * _DAY:
            return
        attacker_state, target_state = (
            (dyad.a, dyad.b) if self.rng.random() < 0.5 else (dyad.b, dyad.a)
        )
        begin = low + (high - low) * self.rng.random() * 0.9
        finish = min(begin + timedelta(hours=self.rng.randrange(2, 24 * 14)), high)
        zone = target_state.zone
        start, end = self.hostility_ends(begin, finish, zone)
        ongoing = self.rng.random() < 0.03 and not violation
        if ongoing:
            as_of = self.day(self.local_day(start.latest + 2 * _DAY, zone), zone)
            span = Span(start, ongoing_as_of=as_of)
        else:
            span = Span(start, end)
        roll = self.rng.random()
        attacker: str | None = attacker_state.forces
        if roll < 0.1:
            attacker = None
        elif roll < 0.18:
            attacker = target_state.insurgents
        via = (target_state.government,) if self.rng.random() < 0.7 else (target_state.media,)
        places = tuple(self.rng.sample(target_state.places, self.rng.randrange(1, 4)))
        hostility = Hostility(
            span,
            self.provenance(_latest(span), *via, quote=self.rng.random() < 0.3),
            attacker=attacker,
            target=target_state.id,
            places=places,
            means=tuple(self.rng.sample(_MEANS, self.rng.randrange(1, 3))),
            description="Shelling of positions along the line of contact."
            if self.rng.random() < 0.5
            else None,
        )
        hostility_id = self.emit(hostility, "hostility")
        self.recent_events.append(_Recent(hostility_id, _bounds(span), via[-1]))
        if ongoing:
            self.ongoing.append((hostility_id, hostility))

    def hostility_ends(self, begin: datetime, finish: datetime, zone: str) -> tuple[When, When]:
        roll = self.rng.random()
        info = self.zone_info[zone]
        if roll < 0.5:
            first = self.day(begin.astimezone(info).date(), zone)
            last_day = finish.astimezone(info).date()
            if self.day(last_day, zone).latest <= first.earliest:
                last_day = first.earliest.astimezone(info).date() + timedelta(days=1)
            return first, self.day(last_day, zone)
        if roll < 0.85:
            wall = begin.astimezone(info).replace(tzinfo=None, second=0, microsecond=0)
            start = self.instant(wall, zone, keep_wall=self.rng.random() < 0.5)
            end_wall = finish.astimezone(info).replace(tzinfo=None, second=0, microsecond=0)
            end = self.instant(end_wall, zone, keep_wall=False)
            if end.latest <= start.earliest:
                end = self.instant(wall + 6 * _HOUR, zone, keep_wall=False)
            return start, end
        day = begin.astimezone(info).date()
        start = self.part(day, zone, self.rng.randrange(4))
        end = self.day(finish.astimezone(info).date() + timedelta(days=1), zone)
        return start, end

    def readout(self) -> None:
        """The other side's readout of a recent call, and the link saying they are one event."""
        if not self.recent_calls:
            return
        call = self.rng.choice(self.recent_calls)
        if call.id in self.retracted or call.time is None:
            return
        people = [Participant(actor) for actor in call.actors]
        time_: When | Span = call.time
        if self.rng.random() < 0.5:
            zone = self.rng.choice(self.states).zone
            time_ = self.day(self.local_day(call.bounds[0], zone), zone)
            if time_.latest < call.bounds[1]:
                time_ = When.between(time_, self.day(self.local_day(call.bounds[1], zone), zone))
        if self.rng.random() < 0.02:
            # One readout names someone else in one participant's place (a readout naming
            # fewer, or more, people agrees with the other: it leaves some out).
            self.plant("readout_mismatch")
            other = self.rng.choice(self.envoys[1:])
            if other not in call.actors:
                people[-1] = Participant(other)
        readout = Call(
            people[::-1],
            time_,
            self.provenance(_latest(time_), self.rng.choice(self.states).media),
            summary="The other side's readout of the call.",
        )
        readout_id = self.emit(readout, "call")
        self.emit(SameEvent((call.id, readout_id), note="Each side's readout."), "same")

    def correction(self) -> None:
        """A "reportedly ongoing" hostility corrected: the fighting ended."""
        if not self.ongoing:
            return
        old_id, old = self.ongoing.popleft()
        if old_id in self.retracted or old_id in self.superseded:
            return
        assert old.span.ongoing_as_of is not None
        zone = old.span.ongoing_as_of.zone or self.zones[0]
        end = self.day(self.local_day(old.span.ongoing_as_of.latest + 3 * _DAY, zone), zone)
        new = Hostility(
            Span(old.span.start, end),
            old.provenance,
            attacker=old.attacker,
            target=old.target,
            places=old.places,
            means=old.means,
            description="The fighting ended three days later.",
        )
        self.emit(new, "hostility", supersedes=old_id)
        self.superseded.add(old_id)

    def retraction(self) -> None:
        """The recorder withdraws an old statement (not one anything recent points at)."""
        if len(self.recent_statements) < 100:
            return
        target = self.recent_statements.popleft()
        if target.id in self.retracted:
            return
        self.retracted.add(target.id)
        self.emit(Retraction(target.id, "Entered twice by mistake."), "retraction")


def _bounds(moment: When | Span) -> tuple[datetime, datetime]:
    """The earliest and the latest *finite* bound (an open end counts as its "ongoing as of")."""
    if isinstance(moment, When):
        return moment.earliest, moment.latest
    return moment.start.earliest, _latest(moment)


def _latest(moment: When | Span) -> datetime:
    if isinstance(moment, When):
        return moment.latest
    if moment.end is not None:
        return moment.end.latest
    if moment.ongoing_as_of is not None:
        return moment.ongoing_as_of.latest
    return moment.start.latest


def _variant(rng: random.Random, text: str) -> str:
    """The same proposition written differently: case, a leading "the", punctuation, dashes."""
    roll = rng.random()
    if roll < 0.25:
        return text.lower()
    if roll < 0.5:
        return text.upper().rstrip(".") + "!"
    if roll < 0.75:
        return f"  {text.replace(' ', '  ')}"
    return text.replace(" ", "-", 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, action="append", help="entries (repeatable)")
    parser.add_argument("--variant", choices=(*VARIANTS, "both"), default="uniform")
    arguments = parser.parse_args(argv)
    variants = VARIANTS if arguments.variant == "both" else (arguments.variant,)
    for size in arguments.size or [10_000, 100_000]:
        for variant in variants:
            ensure_dataset(size, variant)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
