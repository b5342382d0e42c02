"""``python -m tests.corpus_maker``: rewrite ``tests/corpus/``."""

from tests.corpus_maker import main

if __name__ == "__main__":
    main()
