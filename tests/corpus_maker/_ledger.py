"""Lines that parse but break the ledger's rules: ids, record times, aliases, kinds, invariants."""

from __future__ import annotations

from tests.corpus_maker._base import (
    SEED,
    TRAILER,
    Json,
    Path_,
    add,
    bad_value,
    changed,
    context,
    dump,
    entry_line,
    one_bad_line,
    seed,
    union,
)


def add_ledger_rules() -> None:
    russia = SEED["russia"]
    bad_value(
        "recorded-at-before-year-one-in-utc",
        "ledger",
        "a record time that is before year 1 once converted to UTC",
        "russia",
        ("recorded_at",),
        "0001-01-01T00:30:00+01:00",
    )
    one_bad_line(
        "lone-surrogate-escape-in-text",
        "encoding",
        "a name holding a lone UTF-16 surrogate (\\ud800): no UTF-8 file can hold it",
        "russia",
        russia.replace('"name":"Russia"', '"name":"Russia\\ud800"'),
    )
    one_bad_line(
        "duplicate-key-in-line",
        "json-syntax",
        'one line with "id" twice: which one counts depends on the reader',
        "russia",
        russia[:-1] + ',"id":"russia-federation"}',
    )
    one_bad_line(
        "duplicate-key-in-record",
        "json-syntax",
        'a record with "name" twice',
        "russia",
        russia.replace('"name":"Russia"', '"name":"Russia","name":"Soviet Union"'),
    )
    add(
        "duplicate-id-same-line",
        "ledger",
        "the same line twice",
        [russia, russia, TRAILER],
        error_line=2,
        skipped=(2,),
    )
    other = seed("sotk")
    other["id"] = "russia"
    add(
        "duplicate-id-other-kind",
        "ledger",
        "a place reusing an actor's id",
        [SEED["armenia"], russia, dump(other), TRAILER],
        error_line=3,
        skipped=(3,),
    )
    backwards = seed("france")
    backwards["recorded_at"] = "2022-09-13T01:59:59Z"
    add(
        "record-time-backwards",
        "ledger",
        "a record time one second before the previous one",
        [russia, dump(backwards), TRAILER],
        error_line=2,
        skipped=(2,),
    )
    backwards["recorded_at"] = "2022-09-13T05:59:00+04:00"
    add(
        "record-time-backwards-other-offset",
        "ledger",
        "an earlier record time written with another offset",
        [russia, dump(backwards), TRAILER],
        error_line=2,
        skipped=(2,),
    )
    # (file, the entry that has the name already, the entry that takes it, field, value, defect)
    conflicts: list[tuple[str, str, str, Path_, Json, str]] = [
        (
            "alias-conflict-actor",
            "armenia-government",
            "turkey",
            ("record", "aliases"),
            ["Yerevan"],
            "an actor alias that already names Armenia's government",
        ),
        (
            "alias-conflict-normalised",
            "armenia-government",
            "turkey",
            ("record", "aliases"),
            ["THE-Government in yerevan"],
            "an alias equal to another actor's once case, hyphens and 'the' are ignored",
        ),
        (
            "alias-conflict-name",
            "armenia",
            "turkey",
            ("record", "name"),
            "Armenia",
            "an actor named like another actor",
        ),
        (
            "alias-conflict-place",
            "yerevan",
            "baku",
            ("record", "aliases"),
            ["Yerevan"],
            "a place alias that names another place",
        ),
    ]
    for name, owner, id, field, value, defect in conflicts:
        first = union(context(id), [SEED[owner], *context(owner)])
        line = changed(id, field, value)
        add(
            name,
            "ledger",
            defect,
            [*first, line, TRAILER],
            error_line=len(first) + 1,
            skipped=(len(first) + 1,),
        )
    invariants: list[tuple[str, str, Path_, Json, str]] = [
        (
            "call-one-participant",
            "call-pashinyan-putin",
            ("record", "participants"),
            [{"actor": "pashinyan"}],
            "a call with one participant",
        ),
        (
            "call-same-actor-twice",
            "call-pashinyan-putin",
            ("record", "participants"),
            [{"actor": "pashinyan"}, {"actor": "pashinyan"}],
            "a call of Pashinyan with himself",
        ),
        (
            "call-initiator-not-participant",
            "call-pashinyan-putin",
            ("record", "initiator"),
            "armenia",
            "a call initiated by someone not on it",
        ),
        (
            "call-participant-string",
            "call-pashinyan-putin",
            ("record", "participants"),
            ["pashinyan", "putin"],
            "participants as bare ids, not objects",
        ),
        (
            "claim-accused-by-assertion",
            "claim-defense-ministry-shelling",
            ("record", "accused"),
            "azerbaijan",
            "an accused named by a claim that only asserts",
        ),
        (
            "mediation-mediator-is-party",
            "mediation-russia-2022",
            ("record", "parties"),
            ["armenia", "russia"],
            "a mediator who is also a party",
        ),
        (
            "mediation-one-party",
            "mediation-russia-2022",
            ("record", "parties"),
            ["armenia"],
            "a mediation with one party",
        ),
        (
            "ids-repeated-in-list",
            "ceasefire-2022",
            ("record", "parties"),
            ["armenia", "armenia"],
            "the same party twice",
        ),
        (
            "actor-iso3-on-a-government",
            "armenia-government",
            ("record", "iso3"),
            "ARM",
            "an ISO 3166 code on a government",
        ),
        ("actor-iso3-lower-case", "russia", ("record", "iso3"), "rus", "iso3 in lower case"),
        (
            "actor-wikidata-malformed",
            "russia",
            ("record", "wikidata"),
            "159",
            "a Wikidata id without its Q",
        ),
        ("actor-kind-unknown", "russia", ("record", "kind"), "empire", "an unknown actor kind"),
        ("actor-name-empty", "russia", ("record", "name"), "", "an empty name"),
        ("actor-name-blank", "russia", ("record", "name"), "   ", "a name of spaces"),
        (
            "actor-alias-without-letters",
            "russia",
            ("record", "aliases"),
            ["—"],
            "an alias with no letters or digits",
        ),
        (
            "actor-aliases-as-string",
            "russia",
            ("record", "aliases"),
            "Moscow",
            "aliases as one string, not a list",
        ),
        (
            "medium-unknown",
            "call-pashinyan-putin",
            ("record", "medium"),
            "telegram",
            "an unknown medium",
        ),
        (
            "stance-unknown",
            "claim-defense-ministry-shelling",
            ("record", "stance"),
            "doubts",
            "an unknown stance",
        ),
        (
            "stance-upper-case",
            "claim-defense-ministry-shelling",
            ("record", "stance"),
            "ASSERTS",
            "a stance in capitals",
        ),
        ("summary-empty", "call-pashinyan-putin", ("record", "summary"), "", "an empty summary"),
    ]
    for name, id, field, value, defect in invariants:
        bad_value(name, "ledger", defect, id, field, value)
    blank = entry_line(
        "retraction-1", "2022-09-13T06:30:00Z", "retraction", {"entry": "russia", "reason": " "}
    )
    add(
        "retraction-reason-blank",
        "ledger",
        "a retraction whose reason is blank",
        [SEED["russia"], blank, TRAILER],
        error_line=2,
        skipped=(2,),
    )
    ids = [
        ("id-empty", "", "an empty id"),
        ("id-with-space", "russia federation", "an id with a space"),
        ("id-too-long", "r" * 201, "an id of 201 characters"),
        ("id-leading-hyphen", "-russia", "an id starting with a hyphen"),
        ("id-cyrillic", "россия", "an id in Cyrillic"),
        ("id-newline-escape", "russia\n", "an id ending with a newline (escaped)"),
    ]
    for name, value, defect in ids:
        bad_value(name, "ledger", defect, "russia", ("id",), value)
    bad_value(
        "id-invalid-in-participant-office",
        "ledger",
        "a participant's office id with a space",
        "call-pashinyan-putin",
        ("record", "participants", 0, "office"),
        "pm armenia",
    )
    bad_value("kind-unknown", "ledger", 'kind "treaty"', "russia", ("kind",), "treaty")
    bad_value("kind-capitalised", "ledger", 'kind "Actor"', "russia", ("kind",), "Actor")
    bad_value(
        "kind-class-name",
        "ledger",
        'kind "diplomacy_ledger.Actor"',
        "russia",
        ("kind",),
        "diplomacy_ledger.Actor",
    )
    bad_value(
        "kind-mismatch",
        "ledger",
        'an actor record under kind "place"',
        "russia",
        ("kind",),
        "place",
    )
    bad_value(
        "kind-mismatch-call-as-meeting",
        "ledger",
        'a call under kind "meeting"',
        "call-pashinyan-putin",
        ("kind",),
        "meeting",
    )
    meeting = seed("call-pashinyan-putin")
    record = meeting["record"]
    meeting["kind"] = "meeting"
    meeting["record"] = {
        "host": record["participants"][0],
        "visitors": [record["participants"][0]],
        "when": record["when"],
        "provenance": record["provenance"],
    }
    one_bad_line(
        "meeting-host-among-visitors",
        "ledger",
        "a host who is also a visitor",
        "call-pashinyan-putin",
        dump(meeting),
    )
    same = entry_line(
        "same-1", "2022-09-13T06:30:00Z", "same_event", {"entries": ["call-pashinyan-putin"]}
    )
    lines = [*context("call-pashinyan-putin"), SEED["call-pashinyan-putin"]]
    add(
        "same-event-one-entry",
        "ledger",
        "a same_event link with one entry",
        [*lines, same, TRAILER],
        error_line=len(lines) + 1,
        skipped=(len(lines) + 1,),
    )
