"""Waiting for another writer's lock: how long a store waits, and a bounded ``flock``."""

from __future__ import annotations

import fcntl
import math
import time
from typing import Final

from diplomacy_ledger._errors import StoreError

__all__ = ["DEFAULT_TIMEOUT", "check_timeout", "flock_within"]

DEFAULT_TIMEOUT: Final = 60.0
"""Seconds a store waits for another connection's or process's lock before a StoreError."""

_FIRST_PAUSE: Final = 0.001
_LONGEST_PAUSE: Final = 0.05


def check_timeout(timeout: object) -> float:
    """``timeout`` as seconds, refusing what is not a number of seconds, 0 or more."""
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, int | float)
        or math.isnan(timeout)
        or timeout < 0
    ):
        raise StoreError(f"timeout is a number of seconds, 0 or more, not {timeout!r}")
    return float(timeout)


def flock_within(fd: int, *, exclusive: bool, timeout: float, where: str) -> None:
    """Take ``flock`` on ``fd`` (shared or exclusive), waiting at most ``timeout`` seconds.

    ``flock`` itself can only wait for ever or not at all, so it is tried without waiting,
    with pauses growing to 50 ms between tries. Gives up with a StoreError naming ``where``.
    """
    operation = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
    deadline = time.monotonic() + timeout
    pause = _FIRST_PAUSE
    while True:
        try:
            fcntl.flock(fd, operation)
            return
        except BlockingIOError:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            time.sleep(min(pause, left))
            pause = min(pause * 2, _LONGEST_PAUSE)
    holder = "a writer" if not exclusive else "another reader or writer"
    raise StoreError(
        f"{holder} holds the file locked; waited {timeout:g} s (timeout=); try again when it "
        "is done",
        where=where,
    )
