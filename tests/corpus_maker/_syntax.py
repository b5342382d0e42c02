"""Lines that are not one well-formed JSON object of a known version: syntax, numbers, nesting."""

from __future__ import annotations

import json

from tests.corpus_maker._base import SEED, changed, dump, one_bad_line, seed


def add_json_syntax() -> None:
    russia = SEED["russia"]
    cases = {
        "blank-line-between-entries": ("an empty line between entries", ""),
        "whitespace-line-between-entries": ("a line of spaces between entries", "    "),
        "json-array-instead-of-object": ("a JSON array holding the entry", f"[{russia}]"),
        "json-string-instead-of-object": ("a JSON string", json.dumps(russia)),
        "json-number-instead-of-object": ("a JSON number", "1"),
        "json-null-instead-of-object": ("JSON null", "null"),
        "json-true-instead-of-object": ("JSON true", "true"),
        "two-objects-on-one-line": ("two entries on one line", russia + SEED["france"]),
        "trailing-comma": ("a trailing comma before the closing brace", russia[:-1] + ",}"),
        "single-quoted-keys": (
            "a Python dict literal with single quotes",
            russia.replace('"', "'"),
        ),
        "unquoted-keys": (
            "JavaScript-style unquoted keys",
            russia.replace('"v":', "v:").replace('"id":', "id:"),
        ),
        "comment-line-slashes": ("a // comment line", "// the entries below are checked"),
        "comment-line-hash": ("a # comment line", "# entries"),
        "trailing-garbage": ("text after the closing brace", russia + " extra"),
        "leading-zero-number": ("a version written 01", russia.replace('"v":1', '"v":01')),
        "plus-sign-number": ("a version written +1", russia.replace('"v":1', '"v":+1')),
        "hex-number": ("a version written 0x1", russia.replace('"v":1', '"v":0x1')),
        "control-character-in-string": (
            "a raw tab inside a string",
            russia.replace("Russia", "Rus\tsia"),
        ),
        "unterminated-string": ("a string never closed", russia.replace('"Russia"', '"Russia')),
        "bad-escape": ("an invalid escape \\x41", russia.replace("Russia", "Ru\\x41ssia")),
        "form-feed-separator": (
            "a form feed (not JSON whitespace) before the entry",
            "\f" + russia,
        ),
        "missing-colon": ("a key without its colon", russia.replace('"v":1', '"v" 1')),
        "python-true-literal": (
            "Python's True instead of true",
            SEED["tenure-pashinyan-acting-2021"].replace('"acting":true', '"acting":True'),
        ),
    }
    for name, (defect, line) in cases.items():
        target = "tenure-pashinyan-acting-2021" if name == "python-true-literal" else "russia"
        one_bad_line(name, "json-syntax", defect, target, line)


def add_numbers() -> None:
    russia = SEED["russia"]
    sotk = seed("sotk")
    for label, literal in (
        ("nan", "NaN"),
        ("infinity", "Infinity"),
        ("minus-infinity", "-Infinity"),
        ("1e999", "1e999"),
        ("minus-1e999", "-1e999"),
        ("5000-digits", "9" * 5000),
    ):
        one_bad_line(
            f"version-{label}",
            "numbers",
            f"the schema version is {literal[:12]}",
            "russia",
            russia.replace('"v":1', f'"v":{literal}'),
        )
        sotk["record"]["coordinates"] = [40.1, 45.6]
        line = dump(sotk).replace("40.1", literal)
        one_bad_line(
            f"coordinates-{label}", "numbers", f"a latitude of {literal[:12]}", "sotk", line
        )
    sotk["record"]["coordinates"] = [91.0, 45.6]
    one_bad_line("coordinates-latitude-out-of-range", "numbers", "latitude 91", "sotk", dump(sotk))
    sotk["record"]["coordinates"] = [40.1, 180.5]
    one_bad_line(
        "coordinates-longitude-out-of-range", "numbers", "longitude 180.5", "sotk", dump(sotk)
    )
    sotk["record"]["coordinates"] = [40.1, 45.6, 1900.0]
    one_bad_line(
        "coordinates-three-numbers",
        "numbers",
        "latitude, longitude and altitude",
        "sotk",
        dump(sotk),
    )
    sotk["record"]["coordinates"] = [40.1]
    one_bad_line("coordinates-one-number", "numbers", "only a latitude", "sotk", dump(sotk))
    sotk["record"]["coordinates"] = [True, False]
    one_bad_line("coordinates-booleans", "numbers", "booleans as coordinates", "sotk", dump(sotk))
    big = "1" + "0" * 5000
    one_bad_line(
        "batch-size-5000-digits",
        "numbers",
        "a batch size of 10**5000",
        "russia",
        russia[:-1] + f',"batch":{{"index":0,"size":{big}}}}}',
    )


def add_nesting() -> None:
    one_bad_line(
        "nested-100k-brackets", "nesting", "100,000 opening brackets", "russia", "[" * 100_000
    )
    one_bad_line(
        "nested-20k-closed-brackets",
        "nesting",
        "20,000 nested, closed brackets",
        "russia",
        "[" * 10_000 + "]" * 10_000,
    )
    one_bad_line(
        "nested-5k-objects",
        "nesting",
        '5,000 nested {"a": objects',
        "russia",
        '{"a":' * 5_000 + "1" + "}" * 5_000,
    )
    deep = "[" * 10_000 + "]" * 10_000
    one_bad_line(
        "nested-brackets-in-record-field",
        "nesting",
        "10,000 nested brackets as an actor's description",
        "russia",
        SEED["russia"].replace('"iso3":"RUS"', f'"iso3":"RUS","description":{deep}'),
    )
    one_bad_line(
        "nested-brackets-as-via",
        "nesting",
        "provenance.via nested 900 deep (deep, yet within the parser's limit)",
        "claim-invasion-reports",
        changed(
            "claim-invasion-reports",
            ("record", "provenance", "via"),
            json.loads("[" * 900 + "]" * 900),
        ),
    )


def add_versions() -> None:
    russia = seed("russia")
    for label, value, defect in (
        ("3", 3, "a newer schema version (3)"),
        ("99", 99, "schema version 99"),
        ("0", 0, "schema version 0, which never existed"),
        ("minus-1", -1, "schema version -1"),
        ("string", "1", 'the version as a string ("1")'),
        ("float", 1.0, "the version as 1.0"),
        ("true", True, "the version as true"),
        ("null", None, "the version as null"),
        ("list", [1], "the version as [1]"),
        ("object", {"major": 1}, "the version as an object"),
    ):
        one_bad_line(
            f"version-{label}", "schema-version", defect, "russia", dump({**russia, "v": value})
        )
    newer = {**russia, "v": 3, "id": "russia", "successor_field": {"anything": True}}
    one_bad_line(
        "version-3-with-new-fields",
        "schema-version",
        "a version-3 line with a field this version does not know",
        "russia",
        dump(newer),
    )
