"""Keys the schema does not know, and keys it requires left out, at every level of a line."""

from __future__ import annotations

from typing import Final

from tests.corpus_maker._base import DELETE, Path_, bad_value, dump, get, one_bad_line, seed, slug

UNKNOWN_KEYS: Final[list[tuple[str, str, Path_]]] = [
    ("line", "russia", ()),
    ("line-capitalised-kind", "russia", ()),
    ("record", "call-pashinyan-putin", ("record",)),
    ("record-dunder-class", "russia", ("record",)),
    ("provenance", "call-pashinyan-putin", ("record", "provenance")),
    ("participant", "call-pashinyan-putin", ("record", "participants", 0)),
    ("statement-speaker", "statement-pashinyan-to-putin", ("record", "speaker")),
    ("when", "call-pashinyan-putin", ("record", "when")),
    ("span", "hostility-shelling", ("record", "span")),
    ("span-start", "hostility-shelling", ("record", "span", "start")),
    ("actor-lifespan", "armenia", ("record", "lifespan")),
    ("source-published", "source-article", ("record", "published")),
    ("tenure", "tenure-pashinyan-2018", ("record",)),
    ("place", "sotk", ("record",)),
]


def add_unknown_keys() -> None:
    for label, id, path in UNKNOWN_KEYS:
        line = seed(id)
        key = {"line-capitalised-kind": "Kind", "record-dunder-class": "__class__"}.get(
            label, "confidence"
        )
        get(line, path)[key] = "os.system" if key == "__class__" else 0.9
        where = slug(path) or "the line"
        one_bad_line(
            f"unknown-key-{label}",
            "unknown-key",
            f"an unknown key {key!r} in {where}",
            id,
            dump(line),
        )
    line = seed("russia")
    line["batch"] = {"index": 0, "size": 1, "checksum": "abc"}
    one_bad_line(
        "unknown-key-batch", "unknown-key", "an unknown key in batch", "russia", dump(line)
    )
    line = seed("russia")
    line["record"]["population"] = 144_000_000
    one_bad_line(
        "unknown-key-actor", "unknown-key", "an unknown key in an actor", "russia", dump(line)
    )
    line = seed("call-pashinyan-putin")
    line["record"]["When"] = line["record"].pop("when")
    one_bad_line(
        "unknown-key-wrong-case-field",
        "unknown-key",
        'a field written "When"',
        "call-pashinyan-putin",
        dump(line),
    )


MISSING: Final[list[tuple[str, Path_]]] = [
    ("russia", ("v",)),
    ("russia", ("id",)),
    ("russia", ("recorded_at",)),
    ("russia", ("kind",)),
    ("russia", ("record",)),
    ("call-pashinyan-putin", ("record", "participants")),
    ("call-pashinyan-putin", ("record", "when")),
    ("call-pashinyan-putin", ("record", "provenance")),
    ("call-pashinyan-putin", ("record", "participants", 0, "actor")),
    ("call-pashinyan-putin", ("record", "provenance", "source")),
    ("russia", ("record", "name")),
    ("russia", ("record", "kind")),
    ("sotk", ("record", "zone")),
    ("sotk", ("record", "name")),
    ("pm-armenia", ("record", "title")),
    ("tenure-pashinyan-2018", ("record", "person")),
    ("tenure-pashinyan-2018", ("record", "office")),
    ("tenure-pashinyan-2018", ("record", "span")),
    ("claim-azerbaijan-armenia-started", ("record", "claimant")),
    ("claim-azerbaijan-armenia-started", ("record", "stance")),
    ("mediation-russia-2022", ("record", "parties")),
    ("ceasefire-2022", ("record", "effective")),
    ("hostility-shelling", ("record", "span")),
    ("report-armenian-media-ceasefire", ("record", "about")),
    ("report-armenian-media-ceasefire", ("record", "reporter")),
    ("statement-pashinyan-to-putin", ("record", "speaker")),
]


def add_missing_keys() -> None:
    for id, path in MISSING:
        where = slug(path)
        kind = "line" if path[0] != "record" else seed(id)["kind"]
        bad_value(
            f"missing-{kind}-{where.replace('.', '-')}",
            "missing-key",
            f"{kind} without {where}",
            id,
            path,
            DELETE,
        )
    claim = seed("claim-azerbaijan-armenia-started")
    del claim["record"]["about"], claim["record"]["proposition"]
    one_bad_line(
        "missing-claim-about-and-proposition",
        "missing-key",
        "a claim about nothing (neither about nor proposition)",
        "claim-azerbaijan-armenia-started",
        dump(claim),
    )
