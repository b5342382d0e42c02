"""Sphinx configuration.

Built by ``.ci/run`` with ``sphinx-build -W --keep-going -n``: every warning is an error and
every cross-reference must resolve. There is no network in CI, hence no intersphinx.
"""

import importlib.metadata
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

project = "diplomacy-ledger"
author = "diplomacy-ledger developers"
copyright = "diplomacy-ledger developers"
release = importlib.metadata.version("diplomacy-ledger")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]

# -- Cross-references -----------------------------------------------------------------------------

nitpicky = True
# Without intersphinx, names from other packages cannot resolve. Ignore those, and only those: a
# reference into this package that does not resolve is still an error.
_EXTERNAL_MODULES = (
    "attr",
    "attrs",
    "cattrs",
    "collections",
    "contextlib",
    "dateutil",
    "datetime",
    "decimal",
    "enum",
    "hypothesis",
    "os",
    "pathlib",
    "re",
    "types",
    "typing_extensions",
    "whenever",
    "zoneinfo",
)
nitpick_ignore_regex = [(r"py:.*", rf"({'|'.join(_EXTERNAL_MODULES)})(\..+)?")]
# Sphinx writes an alias inside a union (``Certainty | Truth``) as a forward reference it cannot
# link, though the alias itself is documented (``autodata`` in api.md).
nitpick_ignore = [
    ("py:class", "TypeAliasForwardRef"),
    *(("py:class", f"'diplomacy_ledger.{alias}'") for alias in ("Certainty", "Tense")),
]

# -- MyST -----------------------------------------------------------------------------------------

# tests/test_doc_examples_counted.py reads this list to parse the documents the way Sphinx does.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc --------------------------------------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_preserve_defaults = True
# Show type aliases by their public name, not expanded (works because the modules use
# `from __future__ import annotations`). Each alias also needs an `autodata` entry in api.md.
_ALIASES = ("Disambiguation", "Tense", "Certainty")
autodoc_type_aliases = {alias: f"diplomacy_ledger.{alias}" for alias in _ALIASES}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# -- HTML -----------------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"diplomacy-ledger {release}"


def _public_bases(bases: list[type]) -> list[type]:
    """Replace private base classes by their own bases, which readers can look up."""
    public: list[type] = []
    for base in bases:
        for candidate in _public_bases(list(base.__bases__)) if _is_private(base) else [base]:
            if candidate not in public:
                public.append(candidate)
    return public


def _is_private(cls: type) -> bool:
    return cls.__name__.startswith("_") and not cls.__name__.startswith("__")


def _hide_private_bases(
    app: Sphinx, name: str, obj: object, options: object, bases: list[type]
) -> None:
    bases[:] = _public_bases(bases)


def _draw_the_seed_timeline(app: Sphinx) -> None:
    """Draw the seed article's timeline for the landing page, fresh at every build."""
    from diplomacy_ledger import check, timeline_svg  # noqa: PLC0415
    from diplomacy_ledger.examples import seed_ledger  # noqa: PLC0415

    ledger = seed_ledger()
    svg = timeline_svg(
        ledger, check(ledger), zone="Asia/Yerevan", title="The seed article, checked"
    )
    target = Path(app.srcdir) / "_generated" / "seed-timeline.svg"
    target.parent.mkdir(exist_ok=True)
    target.write_text(svg, encoding="utf-8")


def _draw_the_contact_calendar(app: Sphinx) -> None:
    """Draw the calendar of the contacts page from the ledger its first code block builds."""
    from diplomacy_ledger import contact_calendar_svg  # noqa: PLC0415

    page = (Path(app.srcdir) / "contacts.md").read_text(encoding="utf-8")
    marker = "<!-- the contacts ledger"
    block = page[page.index(marker) :].split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {}
    exec(block, namespace)  # our own docs page: the same code its test runs
    svg = contact_calendar_svg(
        namespace["ledger"], "biden", zone="Asia/Shanghai", title="Biden's contacts, Beijing"
    )
    target = Path(app.srcdir) / "_generated" / "contacts-calendar.svg"
    target.parent.mkdir(exist_ok=True)
    target.write_text(svg, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("autodoc-process-bases", _hide_private_bases)
    app.connect("builder-inited", _draw_the_seed_timeline)
    app.connect("builder-inited", _draw_the_contact_calendar)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
