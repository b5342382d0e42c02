"""The ledger: its state, the rules an append must pass, batches, events and the time index.

Built on the model and time.
"""

from diplomacy_ledger.ledger._batch import Batch
from diplomacy_ledger.ledger._events import called_off, event_groups
from diplomacy_ledger.ledger._intervals import IntervalIndex
from diplomacy_ledger.ledger._ledger import Ledger

__all__ = [
    "Batch",
    "IntervalIndex",
    "Ledger",
    "called_off",
    "event_groups",
]
