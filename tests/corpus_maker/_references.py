"""References the file cannot resolve, and corrections and retractions that break the rules."""

from __future__ import annotations

from typing import Final

from tests.corpus_maker._base import (
    SEED,
    TRAILER,
    Path_,
    add,
    changed,
    context,
    dump,
    entry_line,
    seed,
    union,
)

_EXISTING: Final = frozenset(
    {
        "wrong-kind-actor-is-place",
        "wrong-kind-office-is-actor",
        "wrong-kind-source-is-actor",
        "wrong-kind-place-is-actor",
        "tenure-person-is-a-state",
    }
)


def add_references() -> None:
    call = "call-pashinyan-putin"
    refs: list[tuple[str, str, Path_, str, str]] = [
        ("actor", call, ("record", "participants", 1, "actor"), "nobody", "an unknown actor"),
        ("place", "hostility-shelling", ("record", "places", 0), "atlantis", "an unknown place"),
        (
            "office",
            call,
            ("record", "participants", 0, "office"),
            "pm-atlantis",
            "an unknown office",
        ),
        ("source", call, ("record", "provenance", "source"), "source-missing", "an unknown source"),
        ("via-actor", call, ("record", "provenance", "via", 0), "nobody", "an unknown relay"),
        (
            "claim-about",
            "claim-armenia-denies-started",
            ("record", "about"),
            "claim-missing",
            "a claim about an unknown entry",
        ),
        (
            "statement-during",
            "statement-pashinyan-to-putin",
            ("record", "during"),
            "call-missing",
            "a statement during an unknown call",
        ),
        (
            "report-about",
            "report-armenian-media-ceasefire",
            ("record", "about"),
            "ceasefire-x",
            "a report about an unknown entry",
        ),
        (
            "ceasefire-mediation",
            "ceasefire-2022",
            ("record", "mediation"),
            "mediation-x",
            "a ceasefire through an unknown mediation",
        ),
        (
            "supersedes",
            "hostility-shelling-ongoing",
            ("supersedes",),
            "hostility-x",
            "a correction of an unknown entry",
        ),
        (
            "actor-part-of",
            "armenia-government",
            ("record", "part_of"),
            "armenia-x",
            "part of an unknown actor",
        ),
        ("place-states", "sotk", ("record", "states", 0), "armenia-x", "in an unknown state"),
        (
            "office-jurisdiction",
            "pm-armenia",
            ("record", "jurisdiction"),
            "armenia-x",
            "an office of an unknown state",
        ),
        (
            "mediation-mediators",
            "mediation-russia-2022",
            ("record", "mediators", 0),
            "russia-x",
            "an unknown mediator",
        ),
        (
            "tenure-person",
            "tenure-pashinyan-2018",
            ("record", "person"),
            "pashinyan-x",
            "a tenure of an unknown person",
        ),
        (
            "forward",
            "statement-pashinyan-to-putin",
            ("record", "during"),
            "call-pashinyan-macron",
            "a statement during a call recorded later in the file",
        ),
        (
            "self",
            "claim-armenia-denies-started",
            ("record", "about"),
            "claim-armenia-denies-started",
            "a claim about itself",
        ),
        (
            "wrong-kind-actor-is-place",
            call,
            ("record", "participants", 1, "actor"),
            "sotk",
            "a participant that is a place",
        ),
        (
            "wrong-kind-office-is-actor",
            "tenure-pashinyan-2018",
            ("record", "office"),
            "armenia",
            "a tenure of an actor, not an office",
        ),
        (
            "wrong-kind-source-is-actor",
            call,
            ("record", "provenance", "source"),
            "armenia",
            "a provenance whose source is an actor",
        ),
        (
            "wrong-kind-place-is-actor",
            "hostility-shelling",
            ("record", "places", 0),
            "armenia",
            "a hostility at an actor",
        ),
        (
            "tenure-person-is-a-state",
            "tenure-pashinyan-2018",
            ("record", "person"),
            "armenia",
            "a tenure held by a state",
        ),
    ]
    for label, id, path, target, defect in refs:
        line = changed(id, path, target)
        before = context(id)
        after: list[str] = []
        if label.startswith("wrong-kind") or label == "tenure-person-is-a-state":
            before = union(before, [SEED[target], *context(target)])
        elif label == "forward":
            before = union(before, context(target))
            after = [SEED[target]]
        bad = len(before) + 1
        name = f"ref-{label}" if label in _EXISTING else f"ref-dangling-{label}"
        add(
            name,
            "reference",
            defect,
            [*before, line, *after, TRAILER],
            error_line=bad,
            skipped=(bad,),
        )
    # Corrections and retractions.
    shelling, ongoing = "hostility-shelling", "hostility-shelling-ongoing"
    base = context(ongoing)
    twice = seed(ongoing)
    twice["id"], twice["recorded_at"] = "hostility-shelling-again", "2022-09-13T05:45:00Z"
    lines = [*base, SEED[ongoing], dump(twice), TRAILER]
    add(
        "ref-supersedes-already-corrected",
        "reference",
        "a second correction of an entry already corrected",
        lines,
        error_line=len(base) + 2,
        skipped=(len(base) + 2,),
    )
    other = seed("claim-defense-ministry-shelling")
    other["supersedes"], other["recorded_at"] = shelling, "2022-09-13T02:20:00Z"
    other["id"] = "claim-correcting-a-hostility"
    lines = union([*context(shelling), SEED[shelling]], context("claim-defense-ministry-shelling"))
    lines.append(dump(other))
    add(
        "ref-supersedes-other-kind",
        "reference",
        "a claim that corrects a hostility",
        [*lines, TRAILER],
        error_line=len(lines),
        skipped=(len(lines),),
    )
    retract = entry_line(
        "retraction-1",
        "2022-09-13T06:30:00Z",
        "retraction",
        {"entry": "russia", "reason": "Duplicate."},
    )
    retract2 = entry_line("retraction-2", "2022-09-13T06:40:00Z", "retraction", {"entry": "russia"})
    lines = [SEED["russia"], retract, retract2, TRAILER]
    add(
        "ref-retracted-twice",
        "reference",
        "an entry retracted twice",
        lines,
        error_line=3,
        skipped=(3,),
    )
    retract_retraction = entry_line(
        "retraction-2", "2022-09-13T06:40:00Z", "retraction", {"entry": "retraction-1"}
    )
    lines = [SEED["russia"], retract, retract_retraction, TRAILER]
    add(
        "ref-retraction-of-retraction",
        "reference",
        "a retraction of a retraction",
        lines,
        error_line=3,
        skipped=(3,),
    )
    unknown = entry_line("retraction-1", "2022-09-13T06:30:00Z", "retraction", {"entry": "nothing"})
    add(
        "ref-dangling-retraction",
        "reference",
        "a retraction of an unknown entry",
        [SEED["russia"], unknown, TRAILER],
        error_line=2,
        skipped=(2,),
    )
    government = seed("russia-government")
    government["recorded_at"] = "2022-09-13T06:45:00Z"
    lines = [SEED["russia"], retract, dump(government), TRAILER]
    add(
        "ref-to-retracted-entry",
        "reference",
        "an actor part of a retracted actor",
        lines,
        error_line=3,
        skipped=(3,),
    )
    correction = seed("russia")
    correction.update(id="russia-v2", recorded_at="2022-09-13T06:45:00Z", supersedes="russia")
    lines = [SEED["russia"], retract, dump(correction), TRAILER]
    add(
        "ref-correction-of-retracted-entry",
        "reference",
        "a correction of a retracted entry",
        lines,
        error_line=3,
        skipped=(3,),
    )
    same = entry_line(
        "same-1",
        "2022-09-13T06:30:00Z",
        "same_event",
        {"entries": ["call-pashinyan-putin", "call-x"]},
    )
    lines = [*context(call), SEED[call], same, TRAILER]
    add(
        "ref-dangling-same-event",
        "reference",
        "a same_event link to an unknown entry",
        lines,
        error_line=len(lines) - 1,
        skipped=(len(lines) - 1,),
    )
