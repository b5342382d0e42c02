"""Pictures: the layout of a timeline, and its drawing as SVG."""

from diplomacy_ledger.render._svg import timeline_svg

__all__ = [
    "timeline_svg",
]
