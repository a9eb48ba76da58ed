"""Removing a folder a sandbox child could write, whatever it left there.

Shared by the work dirs (`worker`) and the bytecode caches (`pycache`, which `worker`
imports, so this lives apart from both).
"""

from __future__ import annotations

import contextlib
import os
import stat

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
"""A folder opened as itself: never through a link, never inherited by a child."""
_PATH_FLAGS = os.O_PATH | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
"""A folder pinned as itself without reading it: opens even at mode 0, never through a link."""


def _own_folder(name: str, dir_fd: int | None = None) -> None:
    """Give a folder back to its owner (0o700) without ever following a link.

    `os.chmod` by name follows a link, and an lstat before it proves nothing once the name
    can change in between: a link planted there would hand its target (any file of ours) mode
    0o700. The folder is pinned by an O_PATH|O_NOFOLLOW|O_DIRECTORY descriptor (a link or a
    file fails to open) and changed through /proc/self/fd, which names that very inode and is
    not a lookup by name; fchmod itself refuses an O_PATH descriptor, and a plain open needs
    the read bit a child may have taken away. Nothing is done when it cannot be pinned.
    """
    try:
        fd = os.open(name, _PATH_FLAGS, dir_fd=dir_fd)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.chmod(f"/proc/self/fd/{fd}", stat.S_IRWXU)
    finally:
        os.close(fd)


REMOVE_PASSES = 3
"""Walks of a folder before it is left for the next sweep. A folder is writable while it is
removed (its owner's mode given back, so its entries can go), and a child with seccomp alone,
which has its user's rights, wrote into one it found then, after the walk had listed it: the
folder was not empty, and the work dir stayed in the temp dir until the next drillbit's sweep
(seen on this machine, in a test grading beside a removal). Each further pass removes what
was added during the one before."""


def remove_tree(path: str) -> None:
    """Remove a work dir whatever its child (or another) left in it, in up to REMOVE_PASSES
    walks: see `_remove_once`."""
    for _ in range(REMOVE_PASSES):
        _remove_once(path)
        if not os.path.lexists(path):
            return


def _remove_once(path: str) -> None:
    """Remove a work dir whatever its child left in it: folders chmod'ed to 0, or nested
    deeper than a path can name, included.

    `shutil.rmtree` recurses once per level and joins paths: a nest of a few thousand
    folders (made with `mkdir(dir_fd=...)`, one level at a time) raised RecursionError past
    1,000 levels and ENAMETOOLONG past 4,096 bytes of path, and the work dir stayed in the
    temp dir for good, its files with it. Here each folder found is moved up to the work
    dir's top level first (by descriptor, with a name of ours), so no path grows and nothing
    recurses; then every entry is removed. A folder is given back to its owner through a
    descriptor that never follows a link (`_own_folder`), so a link swapped in for it by any
    process still running is neither followed nor left behind.
    """
    _own_folder(path)
    try:
        top = os.open(path, _DIR_FLAGS)
    except OSError:
        return
    try:
        pending: list[str | None] = [None]  # None: the top itself, else a folder in it
        moved = 0
        while pending:
            name = pending.pop()
            try:
                fd = top if name is None else os.open(name, _DIR_FLAGS, dir_fd=top)
            except OSError:
                continue
            try:
                with os.scandir(fd) as entries:
                    found = [(e.name, e.is_dir(follow_symlinks=False)) for e in entries]
                for entry, is_dir in found:
                    with contextlib.suppress(OSError):
                        if not is_dir:
                            os.unlink(entry, dir_fd=fd)
                            continue
                        _own_folder(entry, fd)  # a folder, opened without following a link
                        if name is not None:
                            while True:  # a name the top does not hold yet
                                moved += 1
                                target = f".drillbit-removing-{moved}"
                                try:
                                    os.lstat(target, dir_fd=top)
                                except FileNotFoundError:
                                    break
                            os.rename(entry, target, src_dir_fd=fd, dst_dir_fd=top)
                            entry = target
                        pending.append(entry)
            except OSError:
                pass
            finally:
                if fd != top:
                    os.close(fd)
        with os.scandir(top) as entries:  # each folder is empty and at the top by now
            for leftover in [e.name for e in entries]:
                with contextlib.suppress(OSError):
                    try:
                        os.rmdir(leftover, dir_fd=top)
                    except NotADirectoryError:  # listed as a folder, since swapped for a link
                        os.unlink(leftover, dir_fd=top)
    except OSError:
        pass
    finally:
        os.close(top)
    with contextlib.suppress(OSError):
        os.rmdir(path)
