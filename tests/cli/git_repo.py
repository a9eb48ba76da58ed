"""Git in a throwaway repository, with none of the machine's or the user's git settings:
the lint hook's tests commit, delete and stage cards as a user's repository would."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import PROCESS_TIMEOUT_SECONDS


def git(repo: Path, *args: str) -> str:
    """Run `git args` in `repo` as a fixed test author; its stdout (a failure raises)."""
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
        env={"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "PATH": "/usr/bin:/bin"},
    )
    return done.stdout
