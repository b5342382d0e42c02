"""Contacts: calls and meetings as events, and the questions a contact analyst asks of them.

Built on the ledger, the model and time: the last contact between two actors, an actor's
contacts, counts per local day, week or month as ranges, and the contact graph.
"""

from diplomacy_ledger.contacts._contact import (
    Contact,
    ContactMatch,
    contact_events,
    contacts_of,
    contacts_with,
)
from diplomacy_ledger.contacts._counts import (
    ContactCount,
    ContactCounts,
    contact_counts,
    contact_counts_by_actor,
)
from diplomacy_ledger.contacts._graph import (
    ContactEdge,
    ContactGraph,
    ContactNode,
    contact_graph,
)
from diplomacy_ledger.contacts._last import LastContact, last_contact

__all__ = [
    "Contact",
    "ContactCount",
    "ContactCounts",
    "ContactEdge",
    "ContactGraph",
    "ContactMatch",
    "ContactNode",
    "LastContact",
    "contact_counts",
    "contact_counts_by_actor",
    "contact_events",
    "contact_graph",
    "contacts_of",
    "contacts_with",
    "last_contact",
]
