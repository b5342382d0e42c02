"""``python -m tests.make_corpus``: rewrite ``tests/corpus/``.

The generator is the package :mod:`tests.corpus_maker` (one module per kind of defect); this module
keeps the command, and the names other tests import from here, working.
"""

from tests.corpus_maker import (
    CATEGORIES,
    CORPUS,
    DELETE,
    SEED,
    Case,
    build,
    context,
    files,
    get,
    main,
    readme,
    write,
)

__all__ = [
    "CATEGORIES",
    "CORPUS",
    "DELETE",
    "SEED",
    "Case",
    "build",
    "context",
    "files",
    "get",
    "main",
    "readme",
    "write",
]

if __name__ == "__main__":
    main()
