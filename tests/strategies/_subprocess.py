"""Running a script in a fresh interpreter: what is imported at start-up is what it measures."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def run(script: str, tmp_path: Path, **env: str) -> str:
    """Run ``script`` in a fresh interpreter (in ``tmp_path``) and return what it printed."""
    environment = {"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0", **env}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env=environment,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
