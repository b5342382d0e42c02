"""Time: zones, calendars, ISO 8601 / RFC 9557 text, order, When and Span, phrases, networks.

The lowest layer: it imports nothing of the package but the errors. Other layers import from
this package, never from its modules; phrases and the Allen and STN networks load on first use.
"""

from typing import TYPE_CHECKING

from diplomacy_ledger._exports import lazy_exports
from diplomacy_ledger.time._buckets import (
    Bucket,
    Per,
    bucket_of,
    bucket_of_ordinal,
    bucket_ordinal,
    buckets_between,
    check_per,
    day_exists,
    local_date,
    local_ordinals,
    skipped_days,
)
from diplomacy_ledger.time._calendar import Precision
from diplomacy_ledger.time._edtf import Qualifiers, from_edtf, to_edtf
from diplomacy_ledger.time._instants import (
    EPOCH,
    UTC_MAX,
    UTC_MIN,
    format_utc_instant,
    parse_utc_instant,
    utc_micros,
)
from diplomacy_ledger.time._order import (
    Allen,
    Certainty,
    Order,
    PointInterval,
    Truth,
)
from diplomacy_ledger.time._when import Span, When, start_of, window_bounds
from diplomacy_ledger.time._zones import (
    Disambiguation,
    WallPolicy,
    allow_legacy_zones,
    available_zones,
    canonical_zone,
    country_zones,
    first_instant_at_or_after,
    legacy_zone_reason,
    local_candidates,
    local_status,
    resolve_zone,
    to_utc,
    tzdb_version,
    validate_zone,
    zone_tzinfo,
)

if TYPE_CHECKING:  # loaded on first use
    from diplomacy_ledger.time._allen import (
        AllenConflict,
        AllenConstraint,
        AllenNetwork,
        compose_allen,
    )
    from diplomacy_ledger.time._phrases import (
        DayParts,
        DecadeParts,
        PhraseKind,
        PhraseReading,
        PhraseWidths,
        Tense,
        read_phrase,
        resolve_phrase,
    )
    from diplomacy_ledger.time._stn import (
        NegativeCycle,
        Propagation,
        SimpleTemporalNetwork,
        TemporalConstraint,
    )

if not TYPE_CHECKING:  # type checkers see the imports above, and only those
    __getattr__, __dir__ = lazy_exports(
        globals(),
        {
            "_allen": (
                "AllenConflict",
                "AllenConstraint",
                "AllenNetwork",
                "compose_allen",
            ),
            "_phrases": (
                "DayParts",
                "DecadeParts",
                "PhraseKind",
                "PhraseReading",
                "PhraseWidths",
                "Tense",
                "read_phrase",
                "resolve_phrase",
            ),
            "_stn": (
                "NegativeCycle",
                "Propagation",
                "SimpleTemporalNetwork",
                "TemporalConstraint",
            ),
        },
    )

__all__ = [
    "EPOCH",
    "UTC_MAX",
    "UTC_MIN",
    "Allen",
    "AllenConflict",
    "AllenConstraint",
    "AllenNetwork",
    "Bucket",
    "Certainty",
    "DayParts",
    "DecadeParts",
    "Disambiguation",
    "NegativeCycle",
    "Order",
    "Per",
    "PhraseKind",
    "PhraseReading",
    "PhraseWidths",
    "PointInterval",
    "Precision",
    "Propagation",
    "Qualifiers",
    "SimpleTemporalNetwork",
    "Span",
    "TemporalConstraint",
    "Tense",
    "Truth",
    "WallPolicy",
    "When",
    "allow_legacy_zones",
    "available_zones",
    "bucket_of",
    "bucket_of_ordinal",
    "bucket_ordinal",
    "buckets_between",
    "canonical_zone",
    "check_per",
    "compose_allen",
    "country_zones",
    "day_exists",
    "first_instant_at_or_after",
    "format_utc_instant",
    "from_edtf",
    "legacy_zone_reason",
    "local_candidates",
    "local_date",
    "local_ordinals",
    "local_status",
    "parse_utc_instant",
    "read_phrase",
    "resolve_phrase",
    "resolve_zone",
    "skipped_days",
    "start_of",
    "to_edtf",
    "to_utc",
    "tzdb_version",
    "utc_micros",
    "validate_zone",
    "window_bounds",
    "zone_tzinfo",
]
