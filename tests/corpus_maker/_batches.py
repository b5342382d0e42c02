"""Batch markers that are malformed, out of order, interrupted or incomplete."""

from __future__ import annotations

from tests.corpus_maker._base import SEED, TRAILER, Json, add, dump, seed


def add_batches() -> None:
    armenia = SEED["armenia"]

    def batched(id: str, index: Json, size: Json, **change: Json) -> str:
        line = seed(id)
        line.update(change)
        line["batch"] = {"index": index, "size": size}
        return dump(line)

    add(
        "batch-incomplete-at-end",
        "batch",
        "the last batch has 2 of its 3 lines",
        [armenia, batched("sotk", 0, 3), batched("vardenis", 1, 3)],
        error_line=2,
        skipped=(2, 3),
    )
    add(
        "batch-ends-early",
        "batch",
        "a batch interrupted by a lone line",
        [
            armenia,
            batched("sotk", 0, 3),
            batched("vardenis", 1, 3),
            TRAILER,
            batched("artanish", 2, 3),
        ],
        error_line=4,
        skipped=(2, 3, 5),
    )
    add(
        "batch-out-of-order",
        "batch",
        "a batch's second line before its first",
        [armenia, batched("vardenis", 1, 2), batched("sotk", 0, 2), TRAILER],
        error_line=2,
        skipped=(2, 3),
    )
    add(
        "batch-restarts-before-complete",
        "batch",
        "a new batch starts before the last one ended",
        [
            armenia,
            batched("sotk", 0, 3),
            batched("vardenis", 1, 3),
            batched("artanish", 0, 2),
            batched("goris", 1, 2),
            TRAILER,
        ],
        error_line=4,
        skipped=(2, 3),
    )
    add(
        "batch-size-changes",
        "batch",
        "a batch's lines disagree on its size",
        [
            armenia,
            batched("sotk", 0, 3),
            batched("vardenis", 1, 2),
            batched("artanish", 2, 3),
            TRAILER,
        ],
        error_line=3,
        skipped=(2, 3, 4),
    )
    add(
        "batch-bad-line-inside",
        "batch",
        "a batch whose second line has a naive time",
        [
            armenia,
            batched("sotk", 0, 3),
            batched("vardenis", 1, 3, recorded_at="2022-09-13T02:00:00"),
            batched("artanish", 2, 3),
            TRAILER,
        ],
        error_line=3,
        skipped=(2, 3, 4),
    )
    dangling = seed("vardenis")
    dangling["record"]["states"] = ["armenia-x"]
    dangling["batch"] = {"index": 1, "size": 3}
    add(
        "batch-dangling-reference-inside",
        "batch",
        "a batch whose second entry names an unknown state: none of it loads",
        [armenia, batched("sotk", 0, 3), dump(dangling), batched("artanish", 2, 3), TRAILER],
        error_line=2,
        skipped=(2, 3, 4),
    )
    duplicate = batched("sotk", 1, 2)
    add(
        "batch-duplicate-id-inside",
        "batch",
        "a batch holding the same entry twice",
        [armenia, batched("sotk", 0, 2), duplicate, TRAILER],
        error_line=2,
        skipped=(2, 3),
    )
    torn_line = batched("vardenis", 1, 2)
    add(
        "batch-torn-last-line",
        "batch",
        "a batch whose last line was cut short by a crash",
        [armenia, batched("sotk", 0, 2), torn_line[: len(torn_line) // 2]],
        error_line=3,
        skipped=(2, 3),
        final_newline=False,
    )
    add(
        "batch-huge-size",
        "batch",
        "a batch of 10**18 lines that never completes",
        [armenia, batched("sotk", 0, 10**18), TRAILER],
        error_line=3,
        skipped=(2,),
    )
    shapes: list[tuple[str, Json, str]] = [
        ("index-equals-size", {"index": 3, "size": 3}, "index 3 of a batch of 3"),
        ("index-negative", {"index": -1, "size": 3}, "index -1"),
        ("size-zero", {"index": 0, "size": 0}, "a batch of 0 lines"),
        ("index-missing", {"size": 3}, "no index"),
        ("size-missing", {"index": 0}, "no size"),
        ("index-boolean", {"index": False, "size": 2}, "index false"),
        ("index-float", {"index": 0.0, "size": 2}, "index 0.0"),
        ("index-string", {"index": "0", "size": "2"}, 'index "0"'),
        ("as-list", [0, 2], "batch as a list [0, 2]"),
        ("as-string", "0/2", 'batch as the string "0/2"'),
        ("as-true", True, "batch: true"),
        ("empty-object", {}, "batch: {}"),
    ]
    for name, value, defect in shapes:
        line = seed("sotk")
        line["batch"] = value
        add(
            f"batch-{name}",
            "batch",
            defect,
            [armenia, dump(line), TRAILER],
            error_line=2,
            skipped=(2,),
        )
