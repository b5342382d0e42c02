"""Honest dates: a date-only value is a local day where it happened, never UTC midnight.

The place's zone when known, else the union of the country's zones (from the tz database's
``zone.tab`` and ``iso3166.tab``, countries named by ISO code or by name), else anywhere on Earth.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Final

import attrs

from diplomacy_ledger.time import Precision, Tense, When, country_zones, resolve_phrase

__all__ = [
    "COUNTRY_CODES",
    "alpha2",
    "local_days",
    "phrase_in",
    "zones_for",
    "zones_in",
]

COUNTRY_CODES: Final = {
    "Democratic Republic of Congo": "CD",
    "Republic of Congo": "CG",
    "Ivory Coast": "CI",
    "United Kingdom": "GB",
    "South Korea": "KR",
    "North Korea": "KP",
    "Myanmar": "MM",
    "eSwatini": "SZ",
    "Russian Federation": "RU",
    "Czechia": "CZ",
    "Turkiye": "TR",
    "Türkiye": "TR",
    "Cote d'Ivoire": "CI",
    "Curacao": "CW",
    "Saint Vincent and the Grenadines": "VC",
    "Turks and Caicos Islands": "TC",
    "Democratic Republic of the Congo": "CD",
    "Republic of the Congo": "CG",
    "Cabo Verde": "CV",
    "Timor-Leste": "TL",
    "East Timor": "TL",
}
"""Country names datasets use that ``iso3166.tab`` spells otherwise, with their ISO codes.

Names differing only by "and" for "&" or "Saint" for "St" are found without this table."""
_EARTH: Final = ("+14:00", "-12:00")  # where a day begins first, and where it ends last


def zones_for(zone: str | None, country: str | None) -> tuple[str, ...]:
    """The zones a date-only value is read in: the place's zone, else every zone of the country.

    Empty when neither is known: the date is then a day somewhere on Earth.
    """
    if zone:
        return (zone,)
    if country:
        return zones_in(country)
    return ()


@functools.lru_cache(maxsize=1024)
def zones_in(country: str) -> tuple[str, ...]:
    """Every zone of ``country``; empty for a country the time zone database does not know.

    ``country`` is an ISO 3166 alpha-2 code, an alpha-3 code (as PLOVER, POLECAT and CAMEO
    write countries), or a name: as ``iso3166.tab`` writes it, as datasets spell it otherwise
    (``COUNTRY_CODES``), or with "and" for "&" and "Saint" for "St".
    """
    text = " ".join(country.split())
    text = COUNTRY_CODES.get(text, text)
    if len(text) == 3 and text.isascii() and text.isalpha() and text.isupper():
        code = alpha2(text)
        return country_zones(code) if code is not None else ()
    for name in (text, _ST.sub("St ", text.replace(" and ", " & "))):
        found = country_zones(name)
        if found:
            return found
    return ()


_ST: Final = re.compile(r"^Saint ")


def alpha2(alpha3: str) -> str | None:
    """The ISO 3166 alpha-2 code of the alpha-3 code ``alpha3``; None if it is none."""
    return _alpha3().get(alpha3)


@functools.cache
def _alpha3() -> dict[str, str]:
    table = Path(__file__).with_name("iso3166_alpha3.tab").read_text("utf-8")
    rows = (line.split("\t") for line in table.splitlines() if line and not line.startswith("#"))
    return {row[0]: row[1] for row in rows}


def local_days(first: date, last: date, zones: Sequence[str], *, text: str) -> When:
    """The days ``first`` to ``last`` (inclusive) on local clocks; never from UTC midnight.

    In one zone; in the union of several (from where the first day begins first to where the
    last ends last); or, with no zone, anywhere on Earth. A When is immutable: the same days
    in the same zones are built once (event data repeats its days row after row).
    """
    return _local_days(first, last, tuple(zones), text)


@functools.lru_cache(maxsize=4096)
def _local_days(first: date, last: date, zones: tuple[str, ...], text: str) -> When:
    if not zones:
        start, end = When.day(first, text=text), When.day(last, text=text)
    elif len(zones) == 1:
        start, end = When.day(first, zone=zones[0]), When.day(last, zone=zones[0])
    else:
        starts = [When.day(first, zone=zone) for zone in zones]
        ends = [When.day(last, zone=zone) for zone in zones]
        earliest = min(w.earliest for w in starts)
        latest = max(w.latest for w in ends)
        return When(earliest, latest, Precision.SPAN, None, text=text)
    if first == last:
        return attrs.evolve(start, text=text)
    return When.between(start, end, text=text)


def phrase_in(
    phrase: str,
    *,
    anchor: When | Callable[[str], When],
    zones: Sequence[str],
    tense: Tense | None = None,
) -> When:
    """A vague phrase read against ``anchor`` in each of ``zones``, as the union of the readings.

    With no zone, on all of Earth's clocks: where the day begins first and where it ends last.
    ``anchor`` may be a function of the zone: a report dated only by its day is read, in each
    zone, against that day in that zone ("yesterday" said on the 13th is the 12th on the same
    clocks), not against the union of the days. ``tense`` as for
    :func:`~diplomacy_ledger.resolve_phrase`: without it, words whose past and future readings
    differ are refused.
    """
    readings = [
        resolve_phrase(
            phrase, anchor=anchor(zone) if callable(anchor) else anchor, zone=zone, tense=tense
        )
        for zone in (zones or _EARTH)
    ]
    if len(readings) == 1:
        return readings[0]
    earliest = min(w.earliest for w in readings)
    latest = max(w.latest for w in readings)
    return When(earliest, latest, Precision.SPAN, None, text=phrase)
