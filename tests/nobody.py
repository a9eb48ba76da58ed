"""What a user who is not root is told: as root (CI, this machine) a folder closed to others
is open to the tests, so a test of "permission denied" asks a forked child that has given
up root for `nobody`."""

from __future__ import annotations

import os
from collections.abc import Callable

NOBODY = 65534
"""The uid and gid of `nobody` on Debian and Ubuntu."""


def as_someone_else(told: Callable[[], list[str]]) -> list[str]:
    """`told()` as a user that is not root: this process, or a forked child as `nobody`
    whose lines reach the parent through a pipe."""
    if os.geteuid() != 0:
        return told()
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's lines reach the parent through the pipe
        try:
            os.close(reading)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            os.write(writing, "\n".join(told()).encode())
        finally:
            os._exit(0)
    os.close(writing)
    with os.fdopen(reading, encoding="utf-8") as pipe:
        lines = pipe.read().splitlines()
    os.waitpid(child, 0)
    return lines
