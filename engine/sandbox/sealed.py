"""Files no sandbox child can change: stamped at birth, sealed, checked by descriptor.

A child with seccomp alone is the user to the kernel. A .pyc it rewrites loses `STAMP_NS`
(seccomp refuses it utime, and any write sets the time to now); a file or folder without a
write bit stays so (it holds no capability that passes a mode, and seccomp refuses chmod).
So the bytecode cache (`pycache`) writes every .pyc already stamped and without write bits
(`write_stamped`), takes the write bits from its folders (`seal`) before it is published,
and hands out only a tree that `intact_at` finds so, through the descriptor it is handed by.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

STAMP_NS = 315_532_800 * 1_000_000_000
"""Every .pyc's modification time (1980-01-01): a child under seccomp cannot set a time
(utime is refused), and any write it makes to a file sets the time to now."""
UNREAD_NS = (2**31 - 1) * 1_000_000_000
"""Every sealed file's and folder's access time (2038-01-19, which every file system stores): a
time after its modification and change times that is not over a day old is one the kernel's
`relatime` never moves on a read. Stamped 1980 like the mtime, a .pyc's access time moved to
now on its first read (a child under Landlock reads the cache by the tree's descriptor), and
stayed: one grading marked which files it had read (`numpy/f2py`), and a later one, in another
drillbit, read the marks by `os.stat` (forty-fourth round). On a `strictatime` mount every read
still moves it; `intact_at` does not look at it."""
SEALED_FILE_MODE = 0o444
SEALED_FOLDER_MODE = 0o555
"""No write bit on a sealed file or folder: a child holds no capability that passes a mode,
and seccomp refuses it chmod."""
FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
"""A folder opened as itself: never through a link, never inherited by a child."""


def intact_at(tree: int) -> bool:
    """Whether the tree open at descriptor `tree` is as its builder sealed it: folders and files
    only (no link, whose target anyone may change), none writable by its owner, every file
    still carrying `STAMP_NS`. Walked by descriptor, so what is checked is what is handed out."""
    pending = [os.dup(tree)]
    try:
        while pending:
            folder = pending.pop()
            try:
                if os.fstat(folder).st_mode & 0o222:
                    return False
                with os.scandir(folder) as entries:
                    found = [(e.name, e.stat(follow_symlinks=False)) for e in entries]
                for name, info in found:
                    if stat.S_ISDIR(info.st_mode):
                        pending.append(os.open(name, FOLDER_FLAGS, dir_fd=folder))
                    elif not stat.S_ISREG(info.st_mode) or info.st_mode & 0o222:
                        return False
                    elif info.st_mtime_ns != STAMP_NS:
                        return False
            except OSError:
                return False
            finally:
                os.close(folder)
    finally:
        for folder in pending:
            os.close(folder)
    return True


def write_stamped(target: Path, data: bytes, mode: int) -> None:
    """Write a new .pyc that carries `STAMP_NS`, stamped before any other process can name it.

    Stamped by name after the write, a file could be rewritten in between by a child that
    lists the build (it is the user to the kernel) and then carry the stamp with its code.
    An O_TMPFILE file has no name until it is linked in, already stamped; where the file
    system has no O_TMPFILE, the file is made with O_EXCL and stamped through its descriptor.
    """
    mode &= SEALED_FILE_MODE  # sealed from its birth: no write bit for anyone
    tmpfile = getattr(os, "O_TMPFILE", 0)
    folder = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fd = -1
        if tmpfile and sys.platform.startswith("linux"):
            with contextlib.suppress(OSError):
                fd = os.open(".", tmpfile | os.O_WRONLY | os.O_CLOEXEC, mode, dir_fd=folder)
        named = fd < 0
        if named:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
            fd = os.open(target.name, flags, mode, dir_fd=folder)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.utime(fd, ns=(UNREAD_NS, STAMP_NS))
            if not named:  # linkat(AT_SYMLINK_FOLLOW): the dir fd makes os.link use linkat
                os.link(f"/proc/self/fd/{fd}", target.name, dst_dir_fd=folder)
        finally:
            os.close(fd)
    finally:
        os.close(folder)


def seal(tree: Path) -> None:
    """Take the write bits from every folder of the tree (its files are born without them):
    no sandbox child can then write, add, rename or remove anything in it, nor give a bit back.
    Each folder's access time is set to `UNREAD_NS`, as its files' are.
    By descriptor, never through a link: a child may write in the caches' root during a build."""
    pending = [os.open(tree, FOLDER_FLAGS)]
    try:
        while pending:
            folder = pending.pop()
            try:
                os.fchmod(folder, SEALED_FOLDER_MODE)
                # listing a folder moves its access time as reading a file does
                os.utime(folder, ns=(UNREAD_NS, os.fstat(folder).st_mtime_ns))
                with os.scandir(folder) as entries:
                    names = [e.name for e in entries if e.is_dir(follow_symlinks=False)]
                for name in names:
                    with contextlib.suppress(OSError):  # swapped for a link: `intact` refuses it
                        pending.append(os.open(name, FOLDER_FLAGS, dir_fd=folder))
            finally:
                os.close(folder)
    finally:
        for folder in pending:
            os.close(folder)
