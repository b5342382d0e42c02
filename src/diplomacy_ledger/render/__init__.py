"""Pictures: the layout of a timeline and its drawing as SVG, and the contact calendar.

Built on the contacts, the ledger and the model.
"""

from diplomacy_ledger.render._calendar import contact_calendar_svg
from diplomacy_ledger.render._svg import timeline_svg

__all__ = [
    "contact_calendar_svg",
    "timeline_svg",
]
