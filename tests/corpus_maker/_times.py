"""Times: naive datetimes, zones that are not IANA keys, and malformed When and Span objects."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from tests.corpus_maker._base import (
    DELETE,
    Json,
    Path_,
    bad_value,
    dump,
    get,
    one_bad_line,
    put,
    seed,
    slug,
)

# Every place a When sits in the seed: (entry, path to the When).
WHENS: Final[list[tuple[str, Path_]]] = [
    ("source-article", ("record", "published")),
    ("armenia", ("record", "lifespan", "start")),
    ("armenia", ("record", "lifespan", "ongoing_as_of")),
    ("tenure-pashinyan-2018", ("record", "span", "start")),
    ("tenure-pashinyan-2018", ("record", "span", "end")),
    ("tenure-pashinyan-2021", ("record", "span", "ongoing_as_of")),
    ("hostility-shelling", ("record", "span", "start")),
    ("hostility-shelling-ongoing", ("record", "span", "ongoing_as_of")),
    ("call-pashinyan-putin", ("record", "when")),
    ("statement-pashinyan-to-putin", ("record", "when")),
    ("mediation-russia-2022", ("record", "when")),
    ("ceasefire-2022", ("record", "effective")),
    ("ceasefire-1994", ("record", "effective")),
    ("hostility-first-war", ("record", "span", "end")),
    ("hostility-mining", ("record", "span", "start")),
    ("hostility-2020", ("record", "span", "end")),
]


def add_naive() -> None:
    bad_value(
        "naive-recorded-at",
        "naive-datetime",
        "recorded_at without an offset",
        "russia",
        ("recorded_at",),
        "2022-09-13T02:00:00",
    )
    bad_value(
        "naive-recorded-at-date-only",
        "naive-datetime",
        "recorded_at as a bare date",
        "russia",
        ("recorded_at",),
        "2022-09-13",
    )
    bad_value(
        "naive-recorded-at-space-separator",
        "naive-datetime",
        "recorded_at as '2022-09-13 02:00:00', no offset",
        "russia",
        ("recorded_at",),
        "2022-09-13 02:00:00",
    )
    for id, path in WHENS:
        kind = seed(id)["kind"]
        for bound in ("earliest", "latest"):
            value = get(seed(id), (*path, bound))
            assert value.endswith("Z"), value
            where = slug(path).replace(".", "-")
            bad_value(
                f"naive-{id}-{where}-{bound}",
                "naive-datetime",
                f"{kind} {slug(path)}.{bound} without an offset",
                id,
                (*path, bound),
                value[:-1],
            )


INSTANT_FORMS: Final[list[tuple[str, str, str]]] = [
    ("space-separator", "2022-09-13 02:00:00Z", "a space instead of T"),
    ("basic-format", "20220913T020000Z", "ISO 8601 basic format, without separators"),
    ("week-date", "2022-W37-2T02:00:00Z", "an ISO week date"),
    ("ordinal-date", "2022-256T02:00:00Z", "an ISO ordinal date"),
    ("offset-without-colon", "2022-09-13T06:00:00+0400", "an offset written +0400"),
    ("hour-only-offset", "2022-09-13T06:00:00+04", "an offset of hours only"),
    ("no-seconds", "2022-09-13T02:00Z", "no seconds"),
    ("lower-case", "2022-09-13t02:00:00z", "t and z in lower case"),
    ("seven-digit-fraction", "2022-09-13T02:00:00.1234567Z", "a fraction finer than microseconds"),
]
"""Instants in ISO 8601 forms the format does not document (it reads RFC 3339 only)."""


def add_instant_forms() -> None:
    for name, value, defect in INSTANT_FORMS:
        bad_value(
            f"instant-recorded-at-{name}",
            "instant-form",
            f"recorded_at with {defect}",
            "russia",
            ("recorded_at",),
            value,
        )
    id, path = WHENS[0]
    bad_value(
        f"instant-{id}-earliest-space-separator",
        "instant-form",
        f"a When's earliest bound with a space instead of T ({id})",
        id,
        (*path, "earliest"),
        get(seed(id), (*path, "earliest")).replace("T", " "),
    )


ZONES: Final[list[tuple[str, str, str]]] = [
    ("abbreviation-edt", "EDT", "the abbreviation EDT"),
    ("abbreviation-ist", "IST", "the abbreviation IST (India, Israel or Ireland?)"),
    ("abbreviation-amt", "AMT", "the abbreviation AMT (Armenia Time, or Amazon Time?)"),
    ("posix-utc-plus-3", "UTC+3", "the POSIX TZ string UTC+3 (three hours behind UTC)"),
    ("posix-gmt-minus-4", "GMT-4", "the POSIX TZ string GMT-4"),
    ("posix-full-rule", "EST5EDT,M3.2.0,M11.1.0", "a full POSIX TZ rule"),
    ("empty", "", "the empty string (dateutil's machine zone)"),
    ("unknown-key", "Mars/Olympus_Mons", "a key the tz database does not have"),
    ("wrong-case", "asia/yerevan", "the right key in the wrong case"),
    ("file-path", "/etc/localtime", "a file path"),
    ("relative-path", "../../etc/passwd", "a relative path"),
    ("localtime", "localtime", "the machine's own zone file"),
    ("unknown-offset", "-00:00", "-00:00, RFC 3339's unknown offset"),
    ("offset-out-of-range", "+25:00", "an offset of 25 hours"),
    ("offset-without-colon", "+0400", "an offset written +0400"),
    ("leading-space", " Asia/Yerevan", "a key with a leading space"),
    ("windows-name", "Caucasus Standard Time", "a Windows zone name"),
]


def add_zones() -> None:
    targets = [
        ("sotk", ("record", "zone")),
        ("call-pashinyan-putin", ("record", "when", "zone")),
        ("source-article", ("record", "published", "zone")),
        ("hostility-shelling", ("record", "span", "start", "zone")),
    ]
    for index, (label, zone, defect) in enumerate(ZONES):
        id, path = targets[index % len(targets)]
        where = slug(path).replace(".", "-")
        bad_value(f"zone-{label}", "zone", f"{seed(id)['kind']} {where}: {defect}", id, path, zone)
    bad_value(
        "zone-place-abbreviation-edt",
        "zone",
        "place zone EDT",
        "yerevan",
        ("record", "zone"),
        "EDT",
    )
    bad_value(
        "zone-wall-time-zone-unknown",
        "zone",
        "a wall time's zone is unknown",
        "ceasefire-2022",
        ("record", "effective", "zone"),
        "Asia/Erevan",
    )
    bad_value(
        "zone-wall-time-zone-missing",
        "zone",
        "a wall time without a zone",
        "ceasefire-2022",
        ("record", "effective", "zone"),
        DELETE,
    )


def add_when_defects() -> None:
    call, path = "call-pashinyan-putin", ("record", "when")
    ceasefire, effective = "ceasefire-2022", ("record", "effective")
    article, published = "source-article", ("record", "published")

    def when_case(
        name: str, defect: str, id: str, at: Path_, change: Callable[[Json], Json]
    ) -> None:
        line = seed(id)
        put(line, at, change(get(line, at)))
        one_bad_line(f"when-{name}", "when", defect, id, dump(line))

    def setting(key: str, value: Json) -> Callable[[Json], Json]:
        def change(when: Json) -> Json:
            if value is DELETE:
                del when[key]
            else:
                when[key] = value
            return when

        return change

    when_case("type-missing", 'a When without "type"', call, path, setting("type", DELETE))
    when_case("type-span", 'a When tagged "span"', ceasefire, effective, setting("type", "span"))
    when_case("type-capitalised", 'a When tagged "When"', call, path, setting("type", "When"))
    when_case("type-null", '"type": null', call, path, setting("type", None))
    when_case("type-integer", '"type": 1', call, path, setting("type", 1))
    when_case(
        "type-python-class",
        '"type": "diplomacy_ledger.When"',
        call,
        path,
        setting("type", "diplomacy_ledger.When"),
    )
    when_case("missing-earliest", "no earliest bound", call, path, setting("earliest", DELETE))
    when_case("missing-latest", "no latest bound", call, path, setting("latest", DELETE))
    when_case("missing-precision", "no precision", call, path, setting("precision", DELETE))
    when_case("precision-unknown", 'precision "days"', call, path, setting("precision", "days"))
    when_case("precision-upper-case", 'precision "SPAN"', call, path, setting("precision", "SPAN"))
    when_case("precision-empty", 'precision ""', call, path, setting("precision", ""))
    when_case(
        "bounds-out-of-order",
        "earliest after latest",
        call,
        path,
        lambda w: {**w, "earliest": w["latest"], "latest": w["earliest"]},
    )
    when_case(
        "day-bounds-not-a-whole-day",
        'a "day" When one hour short of its day',
        article,
        published,
        setting("latest", "2022-09-13T18:59:59.999999Z"),
    )
    when_case(
        "day-bounds-in-another-zone",
        'a "day" When whose bounds are a UTC day, zone Yerevan',
        article,
        published,
        lambda w: {
            **w,
            "earliest": "2022-09-13T00:00:00Z",
            "latest": "2022-09-13T23:59:59.999999Z",
        },
    )
    when_case(
        "day-precision-exact-instant",
        'a "day" When that is one instant',
        article,
        published,
        setting("latest", "2022-09-12T20:00:00Z"),
    )
    when_case(
        "month-precision-day-bounds",
        'a "month" When with one day\'s bounds',
        article,
        published,
        setting("precision", "month"),
    )
    when_case(
        "year-precision-day-bounds",
        'a "year" When with one day\'s bounds',
        article,
        published,
        setting("precision", "year"),
    )
    when_case(
        "minute-precision-with-seconds",
        'a "minute" instant at 22:30:17',
        ceasefire,
        effective,
        lambda w: {
            **w,
            "earliest": "2022-09-12T22:30:17Z",
            "latest": "2022-09-12T22:30:17Z",
            "wall": "2022-09-13T02:30:17",
        },
    )
    when_case(
        "minute-precision-not-an-instant",
        'a "minute" When spanning an hour',
        ceasefire,
        effective,
        setting("latest", "2022-09-12T23:30:00Z"),
    )
    when_case(
        "wall-with-offset",
        "a wall time with an offset",
        ceasefire,
        effective,
        setting("wall", "2022-09-13T02:30:00+04:00"),
    )
    when_case(
        "wall-on-a-day",
        "a wall time on a day-precision When",
        article,
        published,
        setting("wall", "2022-09-13T00:00:00"),
    )
    when_case(
        "wall-not-iso",
        "a wall time in words",
        ceasefire,
        effective,
        setting("wall", "half past two"),
    )
    when_case(
        "wall-without-zone-on-utc-instant",
        "a wall time on a When with no zone",
        "armenia",
        ("record", "lifespan", "ongoing_as_of"),
        setting("wall", "2022-09-13T06:00:00"),
    )
    when_case("earliest-not-iso", "earliest in words", call, path, setting("earliest", "yesterday"))
    when_case(
        "earliest-invalid-date",
        "earliest on 30 February",
        call,
        path,
        setting("earliest", "2022-02-30T00:00:00Z"),
    )
    when_case(
        "earliest-leap-second",
        "earliest at 23:59:60",
        call,
        path,
        setting("earliest", "2016-12-31T23:59:60Z"),
    )
    when_case(
        "earliest-year-zero",
        "earliest in year 0",
        call,
        path,
        setting("earliest", "0000-01-01T00:00:00Z"),
    )
    when_case(
        "earliest-before-year-one-after-offset",
        "earliest that is before year 1 in UTC",
        call,
        path,
        setting("earliest", "0001-01-01T00:30:00+01:00"),
    )
    when_case(
        "latest-after-year-9999-in-utc",
        "latest that is after year 9999 in UTC",
        call,
        path,
        setting("latest", "9999-12-31T23:30:00-01:00"),
    )
    when_case(
        "earliest-empty-string", "earliest is the empty string", call, path, setting("earliest", "")
    )
    when_case(
        "earliest-rfc-2822",
        "earliest in RFC 2822 form",
        call,
        path,
        setting("earliest", "Mon, 12 Sep 2022 20:00:00 +0000"),
    )
    when_case(
        "span-where-when-required",
        "a ceasefire's effective time given as a Span",
        ceasefire,
        effective,
        lambda w: {"type": "span", "start": w},
    )
    when_case(
        "string-instead-of-when-object",
        "a When written as an ISO string",
        call,
        path,
        lambda w: "2022-09-13T02:30+04:00[Asia/Yerevan]",
    )


def add_span_defects() -> None:
    tenure, span = "tenure-pashinyan-2018", ("record", "span")
    hostility = "hostility-shelling"

    def span_case(name: str, defect: str, id: str, change: Callable[[Json], Json]) -> None:
        line = seed(id)
        path = ("record", "lifespan") if id == "armenia" else span
        put(line, path, change(get(line, path)))
        one_bad_line(f"span-{name}", "span", defect, id, dump(line))

    def without(key: str) -> Callable[[Json], Json]:
        return lambda s: {k: v for k, v in s.items() if k != key}

    span_case("type-missing", 'a Span without "type"', tenure, without("type"))
    span_case("type-when", 'a Span tagged "when"', tenure, lambda s: {**s, "type": "when"})
    span_case(
        "type-unknown", 'a Span tagged "interval"', tenure, lambda s: {**s, "type": "interval"}
    )
    span_case("missing-start", "a Span with no start", tenure, without("start"))
    span_case("start-null", "a Span whose start is null", tenure, lambda s: {**s, "start": None})
    span_case(
        "end-and-ongoing",
        "a Span with both an end and ongoing_as_of",
        tenure,
        lambda s: {**s, "ongoing_as_of": s["end"]},
    )
    span_case(
        "cannot-last-end-before-start",
        "a Span that ends before it starts",
        tenure,
        lambda s: {**s, "start": s["end"], "end": s["start"]},
    )
    span_case(
        "cannot-last-end-equals-start",
        "a Span whose exact end is its exact start",
        hostility,
        lambda s: {**s, "end": s["start"]},
    )
    span_case(
        "ongoing-before-start",
        "ongoing as of a moment before it starts",
        "armenia",
        lambda s: {
            **s,
            "ongoing_as_of": {
                **s["ongoing_as_of"],
                "earliest": "1980-01-01T00:00:00Z",
                "latest": "1980-01-01T00:00:00Z",
            },
        },
    )
    span_case(
        "when-where-span-required",
        "a hostility whose span is a When",
        hostility,
        lambda s: s["start"],
    )
    span_case(
        "end-is-a-span",
        "a Span whose end is itself a Span",
        tenure,
        lambda s: {**s, "end": {"type": "span", "start": s["end"]}},
    )
    ceasefire = seed("ceasefire-2020")
    ceasefire["record"]["until"] = {**ceasefire["record"]["effective"], "text": None}
    del ceasefire["record"]["until"]["text"]
    del ceasefire["record"]["until"]["wall"]
    one_bad_line(
        "span-ceasefire-until-equals-effective",
        "span",
        "a ceasefire in force until the instant it took effect",
        "ceasefire-2020",
        dump(ceasefire),
    )
