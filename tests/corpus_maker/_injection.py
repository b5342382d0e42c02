"""Lines that look like code (pickle, Python, YAML tags, class paths): data to refuse, never run."""

from __future__ import annotations

from tests.corpus_maker._base import SEED, TRAILER, add, dump, one_bad_line, seed


def add_injection() -> None:
    pickle_payload = b"cos\nsystem\n(S'touch /tmp/diplomacy-ledger-pwned'\ntR."
    add(
        "injection-pickle-payload",
        "injection",
        "a pickle that would run a shell command",
        [SEED["russia"], pickle_payload, TRAILER],
        error_line=2,
        skipped=(2, 3, 4, 5),
    )
    for name, line, defect in (
        (
            "python-expression",
            "__import__('os').system('touch /tmp/diplomacy-ledger-pwned')",
            "a Python expression",
        ),
        (
            "yaml-python-tag",
            '!!python/object/apply:os.system ["touch /tmp/pwned"]',
            "a YAML tag that some loaders execute",
        ),
        (
            "kind-expression",
            SEED["russia"].replace('"kind":"actor"', '"kind":"__import__(\'os\').getcwd()"'),
            "a kind that is a Python expression",
        ),
        (
            "type-is-a-class-path",
            SEED["source-article"].replace('"type":"when"', '"type":"builtins.eval"'),
            "a When type naming builtins.eval",
        ),
        (
            "jsonpickle-tag",
            dump({**seed("russia"), "record": {"py/object": "os.system"}}),
            "a jsonpickle py/object tag",
        ),
    ):
        target = "source-article" if name == "type-is-a-class-path" else "russia"
        one_bad_line(f"injection-{name}", "injection", defect, target, line)
