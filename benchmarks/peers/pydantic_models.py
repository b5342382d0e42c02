"""Pydantic v2 models of the JSON Lines format, for the W1 peer.

They mirror the line format of the docs page "Files and stores": a line is an object with the
schema version, id, record time, kind and record; records are a union tagged by the line's
``"kind"``; When and Span are a union tagged by ``"type"``. Strict mode (no coercion) and
``extra="forbid"`` (unknown keys refused), as the library's own loader. What pydantic cannot do
is what a ledger does besides: check references between entries, record-time order, aliases.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, NaiveDatetime, TypeAdapter

__all__ = ["LINE", "dump_line"]


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


Precision = Literal["year", "month", "day", "hour", "minute", "second", "span"]


class WhenModel(_Model):
    type: Literal["when"]
    earliest: AwareDatetime
    latest: AwareDatetime
    precision: Precision
    zone: str | None = None
    text: str | None = None
    wall: NaiveDatetime | None = None


class SpanModel(_Model):
    type: Literal["span"]
    start: WhenModel
    end: WhenModel | None = None
    ongoing_as_of: WhenModel | None = None


Moment = Annotated[WhenModel | SpanModel, Field(discriminator="type")]


class ParticipantModel(_Model):
    actor: str
    office: str | None = None


class ProvenanceModel(_Model):
    source: str
    via: list[str] = []
    quote: str | None = None


class ActorRecord(_Model):
    name: str
    kind: Literal[
        "person",
        "state",
        "government",
        "government_body",
        "armed_forces",
        "media",
        "international_organization",
        "collective",
    ]
    aliases: list[str] = []
    part_of: str | None = None
    lifespan: SpanModel | None = None
    wikidata: str | None = None
    iso3: str | None = None
    description: str | None = None
    affiliation: str | None = None
    provenance: ProvenanceModel | None = None


class OfficeRecord(_Model):
    title: str
    jurisdiction: str | None = None
    description: str | None = None
    provenance: ProvenanceModel | None = None


class TenureRecord(_Model):
    person: str
    office: str
    span: SpanModel
    acting: bool = False
    provenance: ProvenanceModel | None = None


class PlaceRecord(_Model):
    name: str
    zone: str
    states: list[str] = []
    aliases: list[str] = []
    region: str | None = None
    coordinates: tuple[float, float] | None = None
    description: str | None = None
    provenance: ProvenanceModel | None = None


class SourceRecord(_Model):
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: WhenModel | None = None
    retrieved: WhenModel | None = None
    language: str | None = None


Medium = Literal["phone", "video", "in_person", "written"]


class CallRecord(_Model):
    participants: list[ParticipantModel]
    when: Moment
    provenance: ProvenanceModel
    medium: Medium = "phone"
    initiator: str | None = None
    summary: str | None = None


class MeetingRecord(_Model):
    host: ParticipantModel
    visitors: list[ParticipantModel]
    when: Moment
    provenance: ProvenanceModel
    place: str | None = None
    medium: Medium = "in_person"
    summary: str | None = None


class StatementRecord(_Model):
    speaker: ParticipantModel
    provenance: ProvenanceModel
    when: Moment | None = None
    audience: list[str] = []
    words: str | None = None
    channel: str | None = None
    during: str | None = None


class ClaimRecord(_Model):
    claimant: str
    stance: Literal["asserts", "denies", "accuses"]
    provenance: ProvenanceModel
    about: str | None = None
    proposition: str | None = None
    accused: str | None = None
    statement: str | None = None
    when: Moment | None = None
    words: str | None = None
    cameo: str | None = None


class MediationRecord(_Model):
    mediators: list[str]
    parties: list[str]
    when: Moment
    provenance: ProvenanceModel
    outcome: str | None = None


class CeasefireRecord(_Model):
    parties: list[str]
    effective: WhenModel
    provenance: ProvenanceModel
    until: WhenModel | None = None
    mediation: str | None = None
    terms: str | None = None


class HostilityRecord(_Model):
    span: SpanModel
    provenance: ProvenanceModel
    attacker: str | None = None
    target: str | None = None
    places: list[str] = []
    means: list[str] = []
    description: str | None = None


class ReportRecord(_Model):
    reporter: str
    about: str
    provenance: ProvenanceModel
    when: Moment | None = None


class SameEventRecord(_Model):
    entries: list[str]
    note: str | None = None


class RetractionRecord(_Model):
    entry: str
    reason: str | None = None


class BatchModel(_Model):
    index: int
    size: int


class _Line(_Model):
    v: int
    id: str
    recorded_at: AwareDatetime
    supersedes: str | None = None
    tzdb: str | None = None
    batch: BatchModel | None = None


class ActorLine(_Line):
    kind: Literal["actor"]
    record: ActorRecord


class OfficeLine(_Line):
    kind: Literal["office"]
    record: OfficeRecord


class TenureLine(_Line):
    kind: Literal["tenure"]
    record: TenureRecord


class PlaceLine(_Line):
    kind: Literal["place"]
    record: PlaceRecord


class SourceLine(_Line):
    kind: Literal["source"]
    record: SourceRecord


class CallLine(_Line):
    kind: Literal["call"]
    record: CallRecord


class MeetingLine(_Line):
    kind: Literal["meeting"]
    record: MeetingRecord


class StatementLine(_Line):
    kind: Literal["statement"]
    record: StatementRecord


class ClaimLine(_Line):
    kind: Literal["claim"]
    record: ClaimRecord


class MediationLine(_Line):
    kind: Literal["mediation"]
    record: MediationRecord


class CeasefireLine(_Line):
    kind: Literal["ceasefire"]
    record: CeasefireRecord


class HostilityLine(_Line):
    kind: Literal["hostility"]
    record: HostilityRecord


class ReportLine(_Line):
    kind: Literal["report"]
    record: ReportRecord


class SameEventLine(_Line):
    kind: Literal["same_event"]
    record: SameEventRecord


class RetractionLine(_Line):
    kind: Literal["retraction"]
    record: RetractionRecord


Line = Annotated[
    ActorLine
    | OfficeLine
    | TenureLine
    | PlaceLine
    | SourceLine
    | CallLine
    | MeetingLine
    | StatementLine
    | ClaimLine
    | MediationLine
    | CeasefireLine
    | HostilityLine
    | ReportLine
    | SameEventLine
    | RetractionLine,
    Field(discriminator="kind"),
]

LINE: TypeAdapter[Any] = TypeAdapter(Line)
"""``LINE.validate_json(line)``: one line, validated strictly."""


def dump_line(model: Any) -> dict[str, Any]:
    """A validated line back as the plain JSON object the library writes (defaults left out)."""
    data = model.model_dump(mode="json", exclude_defaults=True)
    assert isinstance(data, dict)
    return data
