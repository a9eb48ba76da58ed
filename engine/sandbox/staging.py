"""A private folder in the temp dir: where a host work dir is built and where it is removed.

With seccomp alone a child has its user's rights over every file and can list the temp dir, so
it can write any folder there whose mode lets its owner write. A work dir is such a folder
while its parts are made (before their modes are set) and while they are removed (their
owner's mode given back so their entries can go): done in the temp dir, a child graded beside
found it by its prefix and wrote into it. Here both happen inside a folder of mode 0o300
(its owner may add and enter, not list), under a name of 128 random bits: without a
capability no process can list the folder, so none finds the work dir in it. The work dir is
moved between this folder and the temp dir at mode 0o200 (a folder moves to another parent
only with its write bit, which updates its `..`), without the search bit nothing can enter
it by: it is never writable where a child can find it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
from collections.abc import Callable, Iterator

from engine.sandbox.tree import remove_tree

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
"""A folder opened as itself: never through a link, never inherited by a child."""
STAGING_MODE = stat.S_IWUSR | stat.S_IXUSR
"""The private folder: entries can be made and reached by name in it, never listed."""
MOVING_MODE = stat.S_IWUSR
"""A work dir on its way in or out of the temp dir: movable, and nothing can enter it."""

PRIVATE = "private-"
"""Follows the prefix in a private folder's name. Its owner may add to it, so a child may too,
by a name it picks: what it adds there reaches no work dir and is removed with the folder."""
_pause: Callable[[str], None] | None = None
"""Tests only: called at each step of making and removing (its name given), to stage what a
child graded beside would do at that moment."""


def step(name: str) -> None:
    """A point where a child graded beside may act; see `_pause`."""
    if _pause is not None:
        _pause(name)


@contextlib.contextmanager
def private_folder(root: str, prefix: str) -> Iterator[tuple[str, int]]:
    """A folder of mode 0o300 in `root` named `<prefix>private-…`, its path and a descriptor holding a
    shared lock on it (a sweep in another PID namespace, which takes the pid in the name as
    gone, leaves a locked folder alone); removed on leaving, with whatever is left in it.

    It is made at 0o500 (its lock needs a descriptor opened for reading), empty and closed to
    writes, then set to 0o300: `mkdtemp`'s 0o700 let a child that listed it in that moment
    write into it (seen once in 20 runs of test_other_processes.py's work-dir test, under load).
    """
    path = os.path.join(root, f"{prefix}{PRIVATE}{os.urandom(16).hex()}")
    os.mkdir(path, stat.S_IRUSR | stat.S_IXUSR)
    fd = os.open(path, _DIR_FLAGS)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        step("private")
        os.fchmod(fd, STAGING_MODE)
        yield path, fd
    finally:
        try:
            os.rmdir(path)
        except OSError:  # not empty: a failed step's work dir, or what a child added
            remove_tree(path)
        os.close(fd)


def move_in(folder: int, name: str, staging: int, root: str) -> None:
    """Move the finished work dir `name` (held open by `folder`) from the private folder
    (`staging`) to `root` under the same name, then make it readable, not writable."""
    os.fchmod(folder, MOVING_MODE)
    step("moving in")
    root_fd = os.open(root, _DIR_FLAGS)
    try:
        os.rename(name, name, src_dir_fd=staging, dst_dir_fd=root_fd)
    finally:
        os.close(root_fd)
    step("moved in")
    os.fchmod(folder, stat.S_IRUSR | stat.S_IXUSR)


def remove_privately(path: str, folder: int, prefix: str) -> None:
    """Remove the work dir at `path` (held open by `folder`) inside a private folder: it is
    made unenterable, moved there and removed there. When it is not where `path` says or
    cannot be moved, it is removed where it is, as before."""
    root = os.path.dirname(path)
    try:
        held, named = os.fstat(folder), os.lstat(path)
    except OSError:
        return
    if (held.st_dev, held.st_ino) != (named.st_dev, named.st_ino):
        remove_tree(path)
        return
    try:
        with private_folder(root, prefix) as (_, staging):
            grave = os.urandom(16).hex()
            os.fchmod(folder, MOVING_MODE)
            step("moving out")
            os.rename(path, grave, dst_dir_fd=staging)
            step("moved out")
            # through the private folder's descriptor: a link swapped in for its name leads
            # nowhere else
            remove_tree(f"/proc/self/fd/{staging}/{grave}")
    except OSError:  # no private folder could be made (a full disk), or the move was refused
        remove_tree(path)
