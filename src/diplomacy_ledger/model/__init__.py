"""The model: what a ledger records, and what a check reports.

Ids and names, actors, offices, places, sources and provenance, records, the registry of record
kinds and what each holds, event codes, entries and findings. Built on time only.
"""

from typing import TYPE_CHECKING

from diplomacy_ledger._exports import lazy_exports
from diplomacy_ledger.model._actors import Actor, ActorKind
from diplomacy_ledger.model._entry import (
    Clock,
    Entry,
    record_time,
    system_clock,
)
from diplomacy_ledger.model._findings import Finding, FindingKind
from diplomacy_ledger.model._ids import check_id, normalise_name, shown
from diplomacy_ledger.model._kinds import KIND_NAMES, Record, kind_of
from diplomacy_ledger.model._offices import Office, Tenure
from diplomacy_ledger.model._places import Place
from diplomacy_ledger.model._plan import (
    Reference,
    Target,
    named_actors,
    nested_classes,
    participants,
    plan_of,
    reference_targets,
    references,
    status_of,
    time_bounds,
    whens_in,
)
from diplomacy_ledger.model._provenance import Provenance, Source
from diplomacy_ledger.model._records import (
    Agreement,
    Call,
    Ceasefire,
    Claim,
    Hostility,
    Mediation,
    Medium,
    Meeting,
    Participant,
    Report,
    Retraction,
    SameEvent,
    Stance,
    Statement,
    Status,
)

if TYPE_CHECKING:  # loaded on first use
    from diplomacy_ledger.model._codes import (
        CAMEO_LABELS,
        PLOVER_FOR_CAMEO,
        PLOVER_MODES,
        EventCode,
        event_code,
        event_codes,
    )

if not TYPE_CHECKING:  # type checkers see the imports above, and only those
    __getattr__, __dir__ = lazy_exports(
        globals(),
        {
            "_codes": (
                "CAMEO_LABELS",
                "PLOVER_FOR_CAMEO",
                "PLOVER_MODES",
                "EventCode",
                "event_code",
                "event_codes",
            ),
        },
    )

__all__ = [
    "CAMEO_LABELS",
    "KIND_NAMES",
    "PLOVER_FOR_CAMEO",
    "PLOVER_MODES",
    "Actor",
    "ActorKind",
    "Agreement",
    "Call",
    "Ceasefire",
    "Claim",
    "Clock",
    "Entry",
    "EventCode",
    "Finding",
    "FindingKind",
    "Hostility",
    "Mediation",
    "Medium",
    "Meeting",
    "Office",
    "Participant",
    "Place",
    "Provenance",
    "Record",
    "Reference",
    "Report",
    "Retraction",
    "SameEvent",
    "Source",
    "Stance",
    "Statement",
    "Status",
    "Target",
    "Tenure",
    "check_id",
    "event_code",
    "event_codes",
    "kind_of",
    "named_actors",
    "nested_classes",
    "normalise_name",
    "participants",
    "plan_of",
    "record_time",
    "reference_targets",
    "references",
    "shown",
    "status_of",
    "system_clock",
    "time_bounds",
    "whens_in",
]
