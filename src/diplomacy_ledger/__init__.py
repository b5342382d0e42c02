"""diplomacy-ledger: an honest, typed ledger of diplomatic contacts.

Times are never naive: a :class:`When` is a moment known to lie between two UTC bounds, with the
zone and precision it was stated in; a :class:`Span` is something that lasted. Order between
imprecise times is three-valued (:class:`Truth`). :func:`resolve_phrase` reads the vague phrases
of reports ("the early hours of Tuesday") against a report's date and zone.
"""

from diplomacy_ledger._calendar import Precision
from diplomacy_ledger._errors import (
    InvalidTimeError,
    LedgerError,
    NaiveDatetimeError,
    RepeatedTimeError,
    SkippedTimeError,
    TimeParseError,
    UnknownPhraseError,
    UnknownZoneError,
)
from diplomacy_ledger._order import Allen, Order, PointInterval, Truth
from diplomacy_ledger._phrases import DayParts, DecadeParts, Tense, resolve_phrase
from diplomacy_ledger._span import Span
from diplomacy_ledger._when import When
from diplomacy_ledger._zones import Disambiguation, available_zones, resolve_zone

__all__ = [
    "Allen",
    "DayParts",
    "DecadeParts",
    "Disambiguation",
    "InvalidTimeError",
    "LedgerError",
    "NaiveDatetimeError",
    "Order",
    "PointInterval",
    "Precision",
    "RepeatedTimeError",
    "SkippedTimeError",
    "Span",
    "Tense",
    "TimeParseError",
    "Truth",
    "UnknownPhraseError",
    "UnknownZoneError",
    "When",
    "__version__",
    "available_zones",
    "resolve_phrase",
    "resolve_zone",
]

__version__ = "0.1.0.dev0"
