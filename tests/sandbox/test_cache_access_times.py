"""Marks left in the bytecode cache for a later grading, by its access times (forty-fourth round).

Under Landlock a child reads the cache through the tree's descriptor (the hooks now refuse a
path relative to it, so the drill runs without them: its imports read the cache the same way). Every .pyc was stamped
1980 for its access time as for its modification time, and `relatime` moves an access time
that is not after the modification time on the next read: a grading that read a .pyc no
import had read (`numpy/f2py`'s) moved its access time to now, for good, and a later grading,
in another drillbit too, read the mark with `os.stat`. A few such files carry any message from
one grading to the next (and tell which modules earlier gradings imported). Every sealed file
and folder now carries an access time in 2038, after its change time, which `relatime` never
moves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import SandboxConfig, WorkerPool
from engine.sandbox.sealed import UNREAD_NS
from tests.sandbox.helpers import DOUBLE, shown

MARK = """
import os, sys
import numpy

tree = int(sys.pycache_prefix.rsplit("/", 1)[1])  # Landlock: /proc/self/fd/N
site = os.path.dirname(os.path.dirname(numpy.__file__)).lstrip("/")
folder = os.path.join(site, "numpy", "f2py")
listed = os.open(folder, os.O_RDONLY | os.O_DIRECTORY, dir_fd=tree)
name = sorted(n for n in os.listdir(listed) if n.endswith(".pyc"))[0]
os.read(os.open(name, os.O_RDONLY, dir_fd=listed), 16)  # marks the file, if a read can
SEEN = (os.stat(name, dir_fd=listed).st_atime_ns, os.fstat(listed).st_atime_ns)


def double(x):
    raise RuntimeError(f"seen {SEEN}")
"""


def _is_relatime(path: Path) -> bool:
    """Whether the file system holding `path` is mounted relatime (Linux's default)."""
    best = ""
    options = ""
    with open("/proc/self/mounts", encoding="utf-8") as mounts:
        for line in mounts:
            fields = line.split()
            point = fields[1]
            if str(path).startswith(point) and len(point) >= len(best):
                best, options = point, fields[3]
    return "relatime" in options.split(",")


def test_a_read_leaves_no_mark_on_the_cache(own_pycache: Path) -> None:
    if not _is_relatime(own_pycache):
        pytest.skip("the cache's file system is not mounted relatime: every read moves atime")
    # without the hooks, which now refuse a path relative to the tree's descriptor (forty-fourth
    # round, `test_folder_descriptors.py`): an import reads the cache the same way
    with WorkerPool(SandboxConfig(bwrap=False, landlock=True, audit_hooks=False)) as pool:
        for _ in range(2):  # the second grading sees what the first left
            verdict = grade(DOUBLE, MARK, seed=1, pool=pool)
            message = shown(verdict)
            assert "seen (" in message, message
            file_time, folder_time = (
                int(part) for part in message.split("seen (", 1)[1].split(")", 1)[0].split(",")
            )
            assert (file_time, folder_time) == (UNREAD_NS, UNREAD_NS), message
