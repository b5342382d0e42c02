"""SVG elements as text: attributes escaped, floats with one decimal, XML-forbidden text gone.

Shared by every picture (the timeline, the contact calendar), so that each escapes alike.
"""

from __future__ import annotations

import html

from diplomacy_ledger.render._layout import clean

__all__ = ["element", "group"]


def element(tag: str, text: str | None = None, /, **attrs: object) -> str:
    """An element: ``text`` escaped, floats with one decimal, ``class_`` and ``a_b`` as ``a-b``."""
    pairs = "".join(
        f' {key.rstrip("_").replace("_", "-")}="'
        + (f"{value:.1f}" if isinstance(value, float) else html.escape(clean(str(value))))
        + '"'
        for key, value in attrs.items()
        if value is not None
    )
    if text is None:
        return f"<{tag}{pairs}/>"
    return f"<{tag}{pairs}>{html.escape(clean(text), quote=False)}</{tag}>"


def group(title: str | None, /, **attrs: object) -> str:
    """The start of a group, with its tooltip."""
    return element("g", **attrs)[:-2] + ">" + ("" if title is None else element("title", title))
