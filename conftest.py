"""Execute the documentation's examples as tests, with Sybil.

- Markdown (``README.md``, ``docs/**/*.md``, MyST): every fenced block whose language is exactly
  ``python`` runs, in order, with one namespace per document; a block that starts with ``>>>`` is
  checked as a doctest. ```` ```{code-block} python ```` and ```` ```{doctest} ```` run too.
- Python sources under ``src/``: every ``>>>`` example in a docstring runs as a doctest, in the
  namespace of its module.

``tests/test_doc_examples_counted.py`` checks, through the ``markdown_sybil`` fixture below, that
every code block in the Markdown documents is either one of these executed examples or in an
explicit list of non-Python languages, and that nothing is skipped.
"""

from doctest import ELLIPSIS

import pytest
from sybil import Sybil
from sybil.parsers import myst, rest

DOCTEST_OPTIONFLAGS = ELLIPSIS

# Sphinx's output copies the sources; never collect them.
collect_ignore = ["docs/_build"]

MARKDOWN_SYBIL = Sybil(
    parsers=[
        myst.PythonCodeBlockParser(doctest_optionflags=DOCTEST_OPTIONFLAGS),
        myst.DocTestDirectiveParser(optionflags=DOCTEST_OPTIONFLAGS),
        # Recognised so that tests/test_doc_examples_counted.py can forbid it.
        myst.SkipParser(),
    ],
    patterns=["*.md"],
    name="markdown",
)

DOCSTRING_SYBIL = Sybil(
    parsers=[
        rest.DocTestParser(optionflags=DOCTEST_OPTIONFLAGS),
        rest.SkipParser(),
    ],
    path="src",
    patterns=["*.py"],
    name="docstrings",
)

pytest_collect_file = (MARKDOWN_SYBIL + DOCSTRING_SYBIL).pytest()


@pytest.fixture(scope="session")
def markdown_sybil() -> Sybil:
    """The Sybil that collects the Markdown documents, to inspect what it finds."""
    return MARKDOWN_SYBIL
