"""Names, words and ids: realistic pools, unique after the library's name normalisation."""

from __future__ import annotations

import functools
from typing import Final, NamedTuple

from hypothesis import strategies as st

from diplomacy_ledger.strategies._args import named

__all__ = [
    "CHANNELS",
    "FIRST_NAMES",
    "HEADLINES",
    "LAST_NAMES",
    "MEANS",
    "ORGANIZATIONS",
    "PROPOSITIONS",
    "STATES",
    "SUMMARIES",
    "TOWNS",
    "WORDS",
    "StateFacts",
    "id_strings",
    "ids",
    "texts",
]


class StateFacts(NamedTuple):
    """What the strategies know of a state: names, code, capital and home zone."""

    name: str
    official: str
    iso3: str
    wikidata: str
    capital: str
    demonym: str
    zone: str


STATES: Final = (
    StateFacts(
        "Armenia", "Republic of Armenia", "ARM", "Q399", "Yerevan", "Armenian", "Asia/Yerevan"
    ),
    StateFacts(
        "Azerbaijan", "Republic of Azerbaijan", "AZE", "Q227", "Baku", "Azerbaijani", "Asia/Baku"
    ),
    StateFacts("Russia", "Russian Federation", "RUS", "Q159", "Moscow", "Russian", "Europe/Moscow"),
    StateFacts("France", "French Republic", "FRA", "Q142", "Paris", "French", "Europe/Paris"),
    StateFacts(
        "Samoa", "Independent State of Samoa", "WSM", "Q683", "Apia", "Samoan", "Pacific/Apia"
    ),
    StateFacts(
        "Marshall Islands",
        "Republic of the Marshall Islands",
        "MHL",
        "Q709",
        "Majuro",
        "Marshallese",
        "Pacific/Kwajalein",
    ),
    StateFacts(
        "Australia",
        "Commonwealth of Australia",
        "AUS",
        "Q408",
        "Canberra",
        "Australian",
        "Australia/Lord_Howe",
    ),
    StateFacts(
        "Turkey", "Republic of Turkey", "TUR", "Q43", "Ankara", "Turkish", "Europe/Istanbul"
    ),
    StateFacts(
        "Georgia", "Republic of Georgia", "GEO", "Q230", "Tbilisi", "Georgian", "Asia/Tbilisi"
    ),
    StateFacts(
        "Iran", "Islamic Republic of Iran", "IRN", "Q794", "Tehran", "Iranian", "Asia/Tehran"
    ),
    StateFacts("Lebanon", "Lebanese Republic", "LBN", "Q822", "Beirut", "Lebanese", "Asia/Beirut"),
    StateFacts("Cuba", "Republic of Cuba", "CUB", "Q241", "Havana", "Cuban", "America/Havana"),
    StateFacts(
        "Nepal",
        "Federal Democratic Republic of Nepal",
        "NPL",
        "Q837",
        "Kathmandu",
        "Nepali",
        "Asia/Kathmandu",
    ),
    StateFacts(
        "Chile", "Republic of Chile", "CHL", "Q298", "Santiago", "Chilean", "America/Santiago"
    ),
    StateFacts(
        "Morocco", "Kingdom of Morocco", "MAR", "Q1028", "Rabat", "Moroccan", "Africa/Casablanca"
    ),
    StateFacts("Ireland", "Republic of Ireland", "IRL", "Q27", "Dublin", "Irish", "Europe/Dublin"),
    StateFacts(
        "United States",
        "United States of America",
        "USA",
        "Q30",
        "Washington",
        "American",
        "America/New_York",
    ),
    StateFacts("India", "Republic of India", "IND", "Q668", "New Delhi", "Indian", "Asia/Kolkata"),
    StateFacts(
        "Brazil",
        "Federative Republic of Brazil",
        "BRA",
        "Q155",
        "Brasilia",
        "Brazilian",
        "America/Sao_Paulo",
    ),
    StateFacts(
        "Kazakhstan", "Republic of Kazakhstan", "KAZ", "Q232", "Astana", "Kazakh", "Asia/Almaty"
    ),
)
ORGANIZATIONS: Final = (
    ("United Nations", "UN"),
    ("Organization for Security and Co-operation in Europe", "OSCE"),
    ("European Union", "EU"),
    ("African Union", "AU"),
    ("International Committee of the Red Cross", "ICRC"),
)
FIRST_NAMES: Final = (
    "Anna", "Boris", "Chiara", "Daniel", "Elif", "Farid", "Gohar", "Hiro", "Ines", "Jonas",
    "Karin", "Levon", "Mira", "Nikolai", "Olga", "Pavel", "Rustam", "Sofia", "Tamar", "Vera",
)  # fmt: skip
LAST_NAMES: Final = (
    "Abelyan", "Bauer", "Castillo", "Dumont", "Ekinci", "Farzaneh", "Grigoryan", "Hashimoto",
    "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Mammadov", "Novak", "Okafor", "Petrov",
    "Quintero", "Rahimov", "Schmidt", "Takahashi", "Usmanov", "Vasquez", "Weber", "Yilmaz",
)  # fmt: skip
TOWNS: Final = (
    "Ardan", "Belovo", "Kesaran", "Dornia", "Elvan", "Farsk", "Goran", "Halvik", "Istra",
    "Jerlo", "Karsen", "Lutova", "Marsk", "Norrin", "Ostrova", "Pelan",
)  # fmt: skip
MEANS: Final = ("artillery", "mortars", "drones", "small arms", "rockets", "tanks")
CHANNELS: Final = (
    "press release",
    "televised address",
    "briefing",
    "Telegram channel",
    "interview",
)
HEADLINES: Final = (
    "Border clashes overnight",
    "Leaders hold talks by phone",
    "Ceasefire announced after mediation",
    "Ministry denies reports",
    "Shelling resumes near the border",
    "Summit ends without agreement",
)
SUMMARIES: Final = (
    "discussed the situation on the border",
    "agreed to keep in touch",
    "exchanged views on the peace process",
    "called for restraint",
    "discussed the exchange of prisoners",
)
WORDS: Final = (
    "We call for an immediate end to the hostilities.",
    "Completely false.",
    "The talks were constructive.",
    "We will respond to any provocation.",
    "Our side fully respects the agreement.",
)
PROPOSITIONS: Final = (
    "troops crossed the border",
    "civilian areas were shelled",
    "the ceasefire was violated",
    "a full-scale invasion began",
    "prisoners were exchanged",
    "drones struck a military base",
    "the border is calm",
    "reinforcements were moved to the front",
)


def ids() -> st.SearchStrategy[str]:
    """Valid entry ids. Requires hypothesis.

    Realistic slugs (``"call-3"``), and any 1-40 characters of letters, digits and ``_.:@/-``
    starting with a letter or digit.
    """
    return named(_ids())


@functools.cache
def id_strings() -> st.SearchStrategy[str]:
    """What :func:`ids` draws, for the strategies' own use (without its repr's layer)."""
    return _ids()


@functools.cache
def _ids() -> st.SearchStrategy[str]:
    slugs = st.builds(
        lambda word, number: f"{word}-{number}",
        st.sampled_from(("actor", "call", "source", "claim", "armenia", "pm", "article")),
        st.integers(min_value=0, max_value=999),
    )
    odd = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:@/-]{0,40}", fullmatch=True)
    return st.one_of(slugs, odd)


@functools.cache
def texts(pool: tuple[str, ...]) -> st.SearchStrategy[str]:
    """A phrase from ``pool``, or (rarely) any text with something printable in it (cached)."""
    letters = st.characters(codec="utf-8", categories=["L", "N"])
    rest = st.text(
        alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), max_size=40
    )
    anything = st.builds(lambda first, tail: first + tail, letters, rest)
    return st.one_of(st.sampled_from(pool), anything)
