"""Fields of the wrong JSON type, for fields of every kind of record ("wrong-type" files)."""

from __future__ import annotations

from typing import Final

from tests.corpus_maker._base import Json, Path_, bad_value, seed, slug

# Sample values of each JSON type, for "wrong type" files.
SAMPLES: Final[dict[str, Json]] = {
    "string": "armenia",
    "integer": 42,
    "number": 4.5,
    "boolean": True,
    "null": None,
    "list": ["armenia"],
    "object": {"id": "armenia"},
}
EVERY: Final = frozenset(SAMPLES)

# (seed entry, path, JSON types it accepts, how many wrong types to write: 0 for all of them)
FIELDS: Final[list[tuple[str, Path_, frozenset[str], int]]] = [
    ("russia", ("id",), frozenset({"string"}), 0),
    ("russia", ("recorded_at",), frozenset({"string"}), 0),
    ("russia", ("kind",), frozenset({"string"}), 0),
    ("russia", ("record",), frozenset({"object"}), 0),
    ("russia", ("tzdb",), frozenset({"string", "null"}), 3),
    ("hostility-shelling-ongoing", ("supersedes",), frozenset({"string", "null"}), 3),
    ("call-pashinyan-putin", ("record", "participants"), frozenset({"list"}), 0),
    ("call-pashinyan-putin", ("record", "participants", 0), frozenset({"object"}), 3),
    ("call-pashinyan-putin", ("record", "participants", 0, "actor"), frozenset({"string"}), 0),
    (
        "call-pashinyan-putin",
        ("record", "participants", 1, "office"),
        frozenset({"string", "null"}),
        3,
    ),
    ("call-pashinyan-putin", ("record", "when"), frozenset({"object"}), 3),
    ("call-pashinyan-putin", ("record", "when", "earliest"), frozenset({"string"}), 0),
    ("call-pashinyan-putin", ("record", "when", "latest"), frozenset({"string"}), 2),
    ("call-pashinyan-putin", ("record", "when", "precision"), frozenset({"string"}), 0),
    ("call-pashinyan-putin", ("record", "when", "zone"), frozenset({"string", "null"}), 0),
    ("call-pashinyan-putin", ("record", "when", "text"), frozenset({"string", "null"}), 2),
    ("call-pashinyan-putin", ("record", "medium"), frozenset({"string"}), 0),
    ("call-pashinyan-putin", ("record", "summary"), frozenset({"string", "null"}), 2),
    ("call-pashinyan-putin", ("record", "provenance"), frozenset({"object"}), 2),
    ("call-pashinyan-putin", ("record", "provenance", "source"), frozenset({"string"}), 2),
    ("call-pashinyan-putin", ("record", "provenance", "via"), frozenset({"list"}), 0),
    ("call-pashinyan-putin", ("record", "provenance", "via", 0), frozenset({"string"}), 2),
    ("call-pashinyan-putin", ("record", "provenance", "quote"), frozenset({"string", "null"}), 2),
    ("ceasefire-2022", ("record", "effective", "wall"), frozenset({"string", "null"}), 2),
    ("ceasefire-2022", ("record", "parties"), frozenset({"list"}), 2),
    ("ceasefire-2022", ("record", "mediation"), frozenset({"string", "null"}), 2),
    ("claim-azerbaijan-armenia-started", ("record", "stance"), frozenset({"string"}), 0),
    ("claim-azerbaijan-armenia-started", ("record", "claimant"), frozenset({"string"}), 2),
    ("claim-azerbaijan-armenia-started", ("record", "accused"), frozenset({"string", "null"}), 2),
    ("sotk", ("record", "zone"), frozenset({"string"}), 0),
    ("sotk", ("record", "states"), frozenset({"list"}), 2),
    ("sotk", ("record", "states", 0), frozenset({"string"}), 2),
    ("sotk", ("record", "name"), frozenset({"string"}), 2),
    ("nagorno-karabakh", ("record", "aliases"), frozenset({"list"}), 2),
    ("armenia", ("record", "kind"), frozenset({"string"}), 2),
    ("armenia", ("record", "lifespan"), frozenset({"object", "null"}), 2),
    ("armenia", ("record", "wikidata"), frozenset({"string", "null"}), 2),
    ("armenia-government", ("record", "aliases", 0), frozenset({"string"}), 2),
    ("armenia-government", ("record", "part_of"), frozenset({"string", "null"}), 2),
    ("pm-armenia", ("record", "title"), frozenset({"string"}), 2),
    ("tenure-pashinyan-acting-2021", ("record", "acting"), frozenset({"boolean"}), 0),
    ("tenure-pashinyan-acting-2021", ("record", "span"), frozenset({"object"}), 2),
    ("tenure-pashinyan-acting-2021", ("record", "span", "end"), frozenset({"object", "null"}), 2),
    ("mediation-russia-2022", ("record", "mediators"), frozenset({"list"}), 2),
    ("mediation-russia-2022", ("record", "mediators", 0), frozenset({"string"}), 2),
    ("hostility-shelling", ("record", "places"), frozenset({"list"}), 2),
    ("hostility-shelling", ("record", "means", 0), frozenset({"string"}), 2),
    ("report-armenian-media-ceasefire", ("record", "about"), frozenset({"string"}), 2),
    ("statement-pashinyan-to-putin", ("record", "speaker"), frozenset({"object"}), 2),
    ("statement-pashinyan-to-putin", ("record", "audience"), frozenset({"list"}), 2),
    ("source-article", ("record", "published"), frozenset({"object", "null"}), 2),
    ("source-article", ("record", "language"), frozenset({"string", "null"}), 2),
]


def add_wrong_types() -> None:
    turn = 0
    for id, path, accepted, count in FIELDS:
        wrong = [kind for kind in SAMPLES if kind not in accepted]
        if count:
            start = turn % len(wrong)
            wrong = (wrong[start:] + wrong[:start])[:count]
            turn += 1
        kind_name = "line" if path[0] != "record" else seed(id)["kind"]
        for kind in wrong:
            where = slug(path)
            bad_value(
                f"type-{kind_name}-{where.replace('.', '-')}-{kind}",
                "wrong-type",
                f"{kind_name} {where} is {'an' if kind[0] in 'aeiou' else 'a'} {kind}",
                id,
                path,
                SAMPLES[kind],
            )
    # Numbers where strings belong in the place most likely to get one: an epoch timestamp.
    bad_value(
        "type-recorded-at-epoch-seconds",
        "wrong-type",
        "recorded_at as Unix seconds",
        "russia",
        ("recorded_at",),
        1663034400,
    )
    bad_value(
        "type-when-earliest-epoch-millis",
        "wrong-type",
        "when.earliest as Unix ms",
        "call-pashinyan-putin",
        ("record", "when", "earliest"),
        1663012800000,
    )
