"""Writing an output file safely: never over an existing file unless asked, never over an input.

The bytes go to a temporary file in the target's folder, are flushed to disk, and replace the
target in one step: a crash or a full disk leaves the old file or none, never half of one, and
never an empty file. Every failure is a :class:`~diplomacy_ledger.StoreError` naming the path.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from diplomacy_ledger._errors import StoreError

__all__ = ["check_output", "write_output"]


def check_output(
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Raise unless ``path`` may be written (see :func:`write_output`); before doing the work."""
    target = Path(path)
    where = str(target)
    if target.is_symlink():
        raise StoreError("is a symbolic link; write to a plain file", where=where)
    if target.is_dir():
        raise StoreError("is a folder", where=where)
    for source in inputs:
        try:
            same = target.exists() and os.path.samefile(target, source)
        except OSError:
            same = False
        if same or target.resolve() == Path(source).resolve():
            raise StoreError("is an input; write to another file", where=where)
    if target.exists() and not force:
        raise StoreError("exists; pass --force to overwrite it", where=where)
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise StoreError(f"there is no folder {folder}", where=where)
    return target


def write_output(
    path: str | os.PathLike[str],
    data: str | bytes,
    *,
    force: bool = False,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Write ``data`` (text is written as UTF-8) to ``path`` atomically; return the path.

    Refused: an existing target without ``force``, a target that is one of ``inputs`` (the same
    file under any name), a symbolic link, a folder, or a target in a folder that does not
    exist.
    """
    target = check_output(path, force=force, inputs=inputs)
    where = str(target)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path()
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise StoreError(f"cannot write in {folder}: {error.strerror}", where=where) from None
    try:
        os.chmod(temporary, 0o644)
        with os.fdopen(handle, "wb") as file:
            file.write(payload)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise StoreError(f"cannot write: {error.strerror}", where=where) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
