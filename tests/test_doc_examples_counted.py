"""No code example in the documentation goes unexecuted.

The documents are parsed twice, independently: with MyST's Markdown parser, configured as in
``docs/conf.py`` (what readers see), and with the Sybil that the root ``conftest.py`` uses to run
the examples (what is tested). Every code block must be written as a ``python`` block, which Sybil
runs, or carry a language from ``NON_PYTHON_LANGUAGES``; each ``python`` block must be one that
Sybil runs, and Sybil must run nothing else. Skip directives are forbidden.
"""

import re
import runpy
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
from sybil import Sybil
from sybil.evaluators.skip import Skipper

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

#: Code blocks in these languages are shown, not run. Anything else must be ``python``.
NON_PYTHON_LANGUAGES = frozenset(
    {
        "bash",
        "console",
        "shell",
        "text",
        "json",
        "jsonl",
        "toml",
        "ini",
        "svg",
        "xml",
        "sql",
        "none",
    }
)
#: MyST directives whose argument is the block's language (all of them collected by Sybil).
CODE_DIRECTIVES = frozenset({"code-block", "sourcecode", "code", "code-cell"})
#: MyST directives whose body is neither Markdown nor code.
OPAQUE_DIRECTIVES = frozenset({"toctree", "include", "math"})
#: reStructuredText that shows code, inside ``{eval-rst}``, which Sybil does not read.
RST_CODE = re.compile(
    r"^\s*(>>>|\.\. (code-block|code|sourcecode|doctest|testcode|literalinclude)::)", re.MULTILINE
)
#: Sybil's own invisible code blocks, in HTML or ``%`` comments: hidden from readers, but run.
INVISIBLE_CODE = re.compile(
    r"^[ \t]*(?:<!--+\s*(?:;\s*)?|%[ \t]*)(?:invisible-)?code(?:-block)?:?[ \t]*(?P<language>\S*)",
    re.MULTILINE,
)
DIRECTIVE_INFO = re.compile(r"\{(?P<name>[^}]+)\}\s*(?P<arguments>.*)")


@dataclass(frozen=True)
class Block:
    """A code block as a reader sees it; lines are 1-based, ``end`` is exclusive."""

    start: int
    end: int
    language: str
    kind: str
    has_prompt: bool = False


@dataclass
class Scan:
    """What MyST's parser finds in one document."""

    blocks: list[Block]
    problems: list[tuple[int, str]]
    includes: list[str]


def myst_parser() -> MarkdownIt:
    """A Markdown parser with the MyST extensions that ``docs/conf.py`` enables."""
    conf = runpy.run_path(str(DOCS / "conf.py"))
    config = MdParserConfig(enable_extensions=set(conf["myst_enable_extensions"]))
    return create_md_parser(config, RendererHTML)


def scan(text: str, md: MarkdownIt, first_line: int = 1) -> Scan:
    """Find every code block in ``text``, a Markdown document or directive body."""
    result = Scan(blocks=[], problems=[], includes=[])
    for token in md.parse(text):
        if token.map is None:
            continue
        start = first_line + token.map[0]
        end = first_line + token.map[1]
        if token.type == "code_block":
            result.blocks.append(Block(start, end, "", "indented code block"))
        elif token.type in {"fence", "colon_fence"}:
            _scan_fence(token, start, end, md, result)
        elif token.type in {"html_block", "myst_line_comment"}:
            # Sybil runs these; a reader never sees them. Count them like any block.
            for match in INVISIBLE_CODE.finditer(token.content):
                line = start + token.content.count("\n", 0, match.start())
                language = match.group("language")
                result.blocks.append(Block(line, end, language, "invisible code block"))
    return result


def _scan_fence(token: Token, start: int, end: int, md: MarkdownIt, result: Scan) -> None:
    kind, info, content = token.type, token.info.strip(), token.content
    directive = DIRECTIVE_INFO.fullmatch(info)
    if directive is None:
        if kind == "colon_fence":
            result.problems.append((start, f"colon fence without a directive: {info!r}"))
        else:
            language = info.split(maxsplit=1)[0] if info else ""
            if language == "python" and info != "python":
                # Sybil runs a fence only if its info string is exactly ``python``.
                result.problems.append((start, f"never run: Sybil runs ```python, not ```{info}"))
                return
            prompt = ">>>" in content
            result.blocks.append(Block(start, end, language, "fenced code block", prompt))
        return
    name, arguments = directive.group("name"), directive.group("arguments").strip()
    if name in CODE_DIRECTIVES or name == "doctest":
        language = "python" if name == "doctest" else arguments
        if kind == "colon_fence":
            # Sybil reads backtick and tilde fences only.
            result.problems.append((start, f"{{{name}}} in a colon fence is never run; use ```"))
        prompt = ">>>" in content
        result.blocks.append(Block(start, end, language, f"{{{name}}} directive", prompt))
    elif name == "eval-rst":
        if match := RST_CODE.search(content):
            line = start + 1 + content.count("\n", 0, match.start())
            result.problems.append((line, "code in {eval-rst} is never run; use a python block"))
    elif name == "literalinclude":
        result.problems.append((start, "{literalinclude} shows code that is never run"))
    elif name == "include":
        result.includes.append(arguments)
    elif name not in OPAQUE_DIRECTIVES:
        # Admonitions and the like hold Markdown, which may hold code blocks.
        inner = scan(content, md, first_line=start + 1)
        result.blocks.extend(inner.blocks)
        result.problems.extend(inner.problems)
        result.includes.extend(inner.includes)


def uncounted(path: Path, sybil: Sybil, md: MarkdownIt) -> Iterator[str]:
    """Describe, as ``file:line: problem``, each block shown but not run, or run but not shown."""
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    found = scan(path.read_text(encoding="utf-8"), md)
    problems = list(found.problems)
    python_blocks = []
    for block in found.blocks:
        if block.language == "python":
            python_blocks.append(block)
        elif block.language in NON_PYTHON_LANGUAGES:
            if block.has_prompt:
                problems.append((block.start, f"{block.language} block with a >>> prompt"))
        else:
            language = block.language or "(none)"
            advice = f"make it python, which runs, or one of {sorted(NON_PYTHON_LANGUAGES)}"
            problems.append((block.start, f"{block.kind} in language {language!r}: {advice}"))
    run: set[Block] = set()
    for example in sybil.parse(path).examples():
        if isinstance(example.region.evaluator, Skipper):
            problems.append((example.line, "skip directive: every example must run"))
            continue
        owner = next((b for b in python_blocks if b.start <= example.line < b.end), None)
        if owner is None:
            problems.append((example.line, "Sybil runs code here that is not a python block"))
        else:
            run.add(owner)
    problems.extend(
        (block.start, f"python {block.kind} is never run by Sybil")
        for block in python_blocks
        if block not in run
    )
    for line, problem in sorted(problems):
        yield f"{name}:{line}: {problem}"


def documents() -> list[Path]:
    """The Markdown documents Sybil must cover: the README and the Sphinx sources."""
    build = DOCS / "_build"
    pages = sorted(p for p in DOCS.rglob("*.md") if not p.is_relative_to(build))
    return [ROOT / "README.md", *pages]


@pytest.fixture(scope="module")
def md() -> MarkdownIt:
    return myst_parser()


@pytest.mark.parametrize("path", documents(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_code_block_is_run_or_declared_not_python(
    path: Path, markdown_sybil: Sybil, md: MarkdownIt
) -> None:
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing"
    problems = list(uncounted(path, markdown_sybil, md))
    assert not problems, "\n".join(problems)


def test_the_documents_are_collected_by_sybil(markdown_sybil: Sybil) -> None:
    for path in documents():
        assert markdown_sybil.should_parse(path), path


def test_included_documents_hold_no_python(md: MarkdownIt) -> None:
    """Files pulled in with ``{include}`` are shown in the docs but not collected by Sybil."""
    collected = set(documents())
    for path in documents():
        if not path.is_file():
            continue
        for target in scan(path.read_text(encoding="utf-8"), md).includes:
            included = (path.parent / target).resolve()
            assert included.is_file(), f"{path.relative_to(ROOT)} includes missing {target}"
            if included in collected:
                continue
            found = scan(included.read_text(encoding="utf-8"), md)
            bad = [b for b in found.blocks if b.language not in NON_PYTHON_LANGUAGES]
            assert not bad, f"{included.relative_to(ROOT)}:{bad[0].start}: code that never runs"
            assert not found.problems, found.problems


# The checker itself.

GOOD = """\
# Good

```python
x = 1
```

```python
>>> x + 1
2
>>> x + 2
3
```

```{code-block} python
:caption: also run
assert x == 1
```

```{doctest}
>>> x
1
```

````{note}
```python
y = x
```
````

<!-- invisible-code-block: python
assert y == 1
-->

```bash
pip install diplomacy-ledger
```

```{eval-rst}
.. automodule:: json
```
"""

BAD = """\
# Bad

```py
a = 1
```

```
import os
```

    indented = True

```python title="x.py"
b = 2
```

<!-- skip: next -->

```python
c = 3
```

:::{code-block} python
d = 4
:::

```{eval-rst}
.. code-block:: python

   e = 5
```

```text
>>> f = 6
```
"""


def test_checker_accepts_run_and_declared_blocks(
    tmp_path: Path, markdown_sybil: Sybil, md: MarkdownIt
) -> None:
    path = tmp_path / "good.md"
    path.write_text(GOOD, encoding="utf-8")
    assert list(uncounted(path, markdown_sybil, md)) == []
    python = [b for b in scan(GOOD, md).blocks if b.language == "python"]
    assert [b.start for b in python] == [3, 7, 14, 19, 25, 30]


def test_checker_names_every_unrun_block(
    tmp_path: Path, markdown_sybil: Sybil, md: MarkdownIt
) -> None:
    path = tmp_path / "bad.md"
    path.write_text(BAD, encoding="utf-8")
    lines = [int(problem.split(":")[1]) for problem in uncounted(path, markdown_sybil, md)]
    assert lines == [3, 7, 11, 13, 17, 23, 23, 28, 33], list(uncounted(path, markdown_sybil, md))
