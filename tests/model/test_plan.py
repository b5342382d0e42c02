"""The plan of a record class: what its fields hold, read from the fields themselves.

A class the library has never seen is planned like its own records, so a new record kind or
field needs no list kept in step anywhere.
"""

from __future__ import annotations

from datetime import UTC, datetime

import attrs

from diplomacy_ledger import Call, Participant, Provenance, Span, When
from diplomacy_ledger.model import (
    named_actors,
    nested_classes,
    participants,
    plan_of,
    reference_targets,
    references,
    whens_in,
)

T = When.instant(datetime(2022, 9, 13, tzinfo=UTC))


@attrs.frozen
class Summit:  # a record kind the library does not know
    chair: Participant
    guests: tuple[Participant, ...]
    venue: str | None = attrs.field(metadata={"ref": "place"})
    opened: When | Span
    closed: When | None
    provenance: Provenance
    observers: tuple[str, ...] = attrs.field(default=(), metadata={"ref": "actor"})
    note: str | None = None


SUMMIT = Summit(
    Participant("macron", office="president-france"),
    (Participant("pashinyan"), Participant("aliyev")),
    "prague",
    Span(T, None),
    None,
    Provenance("article", via=("wire",)),
    observers=("michel",),
)


def test_a_new_class_is_planned_from_its_fields() -> None:
    plan = plan_of(Summit)
    assert plan.refs == (
        ("chair", None, False),
        ("guests", None, False),
        ("venue", "place", False),
        ("provenance", None, True),
        ("observers", "actor", False),
    )
    assert plan.times == ("opened", "closed")
    assert plan.participants == ("chair", "guests")
    assert set(nested_classes(Summit)) == {Participant, Provenance}


def test_what_a_new_class_holds_is_found_like_a_known_one() -> None:
    assert [(ref.path, ref.kind, ref.id) for ref in references(SUMMIT)] == [
        ("chair.actor", "actor", "macron"),
        ("chair.office", "office", "president-france"),
        ("guests[0].actor", "actor", "pashinyan"),
        ("guests[1].actor", "actor", "aliyev"),
        ("venue", "place", "prague"),
        ("provenance.source", "source", "article"),
        ("provenance.via[0]", "actor", "wire"),
        ("observers[0]", "actor", "michel"),
    ]
    assert ("actor", "wire", True) in reference_targets(SUMMIT)  # relayed it: provenance
    assert list(named_actors(SUMMIT)) == ["macron", "pashinyan", "aliyev", "michel"]
    assert [p.actor for p in participants(SUMMIT)] == ["macron", "pashinyan", "aliyev"]
    assert list(whens_in(SUMMIT)) == [T]


def test_the_library_records_are_planned_the_same_way() -> None:
    call = Call(("putin", "pashinyan"), T, Provenance("article"), initiator="pashinyan")
    assert [p.actor for p in participants(call)] == ["putin", "pashinyan"]
    assert list(named_actors(call)) == ["putin", "pashinyan", "pashinyan"]  # in field order
    assert plan_of(Call).times == ("when",)
