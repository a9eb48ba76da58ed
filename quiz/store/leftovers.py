"""The hidden temporary databases `build_new` makes, and the sweep of those a crash left.

`drillbit import-progress` into a home without a database builds it under a hidden name
beside it, `.drillbit.db.new-PID-TOKEN` (`quiz.store.staged`). Ctrl-C, `kill` and a
closed terminal remove it on the way out; SIGKILL, a crash or a power cut cannot, and
left it (130 MB for a heavy user's history) until the next `import-progress`, which
only removed it an hour after its last write. Every open of the store now sweeps them
(`clear_leftovers`, called by `Store.open`), at once and safely:

- the builder holds an exclusive `flock` on its temporary file from the moment it
  creates it until its name is gone (`claim`). The kernel drops the lock when the
  process ends however it ends, so a file whose lock can be taken belongs to no running
  build, whichever PID namespace (a container sharing the home) it was started from;
- `flock`, not `fcntl`'s byte-range locks: SQLite holds those on the same file, and
  closing any descriptor of a file drops all of a process's byte-range locks on it;
  a `flock` belongs to its own descriptor and is independent of them (on Linux);
- a file whose lock is free is removed only when the PID in its name is not a running
  process that started before the file was last written (one that may be its builder,
  run by a drillbit from before these locks, which took none): a PID reused by a later
  process does not keep a leftover for good;
- a temporary database `Store.open` found damaged is moved aside (`….corrupt-<stamp>`,
  its sidecars after it) and a fresh one is built under its name: the moved file is the
  claimed one and keeps its lock, so while that lock is held nothing of the build is
  removed, the fresh file and the sidecars on their way included (the twenty-second
  round judged those by the PID alone, which another PID namespace does not see);
- where locks cannot be taken (a file system without them), the old rule stands: the
  PID is not running and the file has not been written for `LEFTOVER_QUIET_SECONDS`.

Everything here is best effort: a leftover that cannot be judged or removed is kept,
and nothing here raises.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import secrets
import stat
import time
from pathlib import Path

from quiz.store.recovery import MOVED_ASIDE, SIDECARS

NEW_PREFIX = ".{name}.new-"
"""The temporary file's name before its process id and random part
(`.drillbit.db.new-4242-3f9a…`)."""
LEFTOVER_QUIET_SECONDS = 3600.0
"""Where no lock can be taken: how long a temporary database of a process that is gone
must have been left unwritten before it is removed as a crash's leftover."""
SIDECAR_SUFFIXES = (*SIDECARS, "-journal")
"""The files SQLite keeps beside a database: its write-ahead log and shared memory, and
the rollback journal."""
_START_SLACK_SECONDS = 2.0
"""A process counts as started after a file's last write only by more than this: the
kernel's start time and a file's change time are read from different clocks."""


def checked_path(path: Path, kind: str = "checked") -> Path:
    """Where the stamp of the database file's last passed check of this kind is kept (beside
    it): "checked" for the open's, "intact" for the full integrity check's."""
    return path.with_name(f".{path.name}-{kind}")


def staged_files(staged: Path) -> tuple[Path, ...]:
    """The temporary database's companions (its sidecars and checked stamp), then itself:
    removed in this order, an interrupted removal leaves the file a later sweep finds."""
    return (
        *(staged.with_name(staged.name + suffix) for suffix in SIDECAR_SUFFIXES),
        checked_path(staged),
        staged,
    )


def remove_staged(staged: Path) -> None:
    """The temporary database, its sidecars and its checked stamp, whichever exist."""
    for path in staged_files(staged):
        with contextlib.suppress(OSError):
            path.unlink()


class Claim:
    """A new, empty temporary file for a database to be built for `target`, locked until
    `release` (called once its name is removed, or given to the finished database)."""

    def __init__(self, path: Path, handle: int) -> None:
        self.path = path
        self._handle = handle

    @classmethod
    def take(cls, target: Path) -> Claim:
        """Create and lock the file. It is created with its final name, then locked: a
        sweep that took its lock in between (and may have removed it) is noticed, and
        another name is taken. OSError when the file cannot be created."""
        prefix = NEW_PREFIX.format(name=target.name)
        for _ in range(8):
            path = target.with_name(f"{prefix}{os.getpid()}-{secrets.token_hex(8)}")
            handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
            if _lock(handle) is not False and _same_file(path, handle):
                return cls(path, handle)
            os.close(handle)  # a sweep has it: it removes it, or a later one does
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(target))

    def release(self) -> None:
        """Drop the lock (closing the file)."""
        os.close(self._handle)


def clear_leftovers(target: Path) -> None:
    """Remove the temporary databases crashed builds left beside `target` (see the module),
    then their companions whose database is gone: sidecars, checked stamps and the copies
    `Store.open` moved aside (`….corrupt-<stamp>`) when it found one damaged."""
    found = _listed(target)
    if not found:
        return
    held = _held_builds(target, found)
    for name, pid, staged, _ in found:
        if name == staged and staged not in held:
            _sweep(target.with_name(name), pid)
    found = _listed(target)  # listed again: what the sweep removed, what moved meanwhile
    present = {name for name, *_ in found}
    held = _held_builds(target, found)  # after listing: a copy moved aside since is seen
    for name, pid, staged, rest in found:
        # made after their database and removed before it (`staged_files`): one whose
        # database is gone belongs to a build that has ended, is removing it, or is
        # moving it aside (`Store.open` found it damaged): the build's lock tells which
        if rest and staged not in present and staged not in held:
            _sweep_orphan(target.with_name(name), pid)


def _listed(target: Path) -> list[tuple[str, int, str, str]]:
    """The temporary databases and their companions beside `target`: for each its name,
    the PID in it, its database's name (`.drillbit.db.new-PID-TOKEN`) and what follows
    that (empty for the database itself)."""
    prefix = NEW_PREFIX.format(name=target.name)
    stamp_prefix = "." + prefix  # the checked stamp: `..drillbit.db.new-PID-TOKEN-checked`
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    found: list[tuple[str, int, str, str]] = []
    for name in names:
        if name.startswith(stamp_prefix):
            pid, base, rest = _parts(name.removeprefix(stamp_prefix))
        elif name.startswith(prefix):
            pid, base, rest = _parts(name.removeprefix(prefix))
        else:
            continue
        if pid is not None:
            found.append((name, pid, prefix + base, rest))
    return found


def _held_builds(target: Path, found: list[tuple[str, int, str, str]]) -> set[str]:
    """The temporary databases (`.drillbit.db.new-PID-TOKEN`) whose build holds its lock on
    a copy `Store.open` moved aside (`….corrupt-<stamp>`), named by the database's name.

    The claimed file keeps its lock under its new name: while it is moved aside (its
    sidecars follow it one by one) and while a fresh database is built in its place (a
    new file, which no lock guards), the build is alive exactly when that copy's lock is
    held, whichever PID namespace it runs in. Everything of such a build is kept.
    """
    held: set[str] = set()
    for name, _, staged, rest in found:
        if (
            staged not in held
            and name.startswith(staged)
            and rest.startswith(MOVED_ASIDE)
            and not rest.endswith(SIDECAR_SUFFIXES)
            and _lock_held(target.with_name(name))
        ):
            held.add(staged)
    return held


def _lock_held(path: Path) -> bool:
    """Whether a process holds its lock on the regular file at `path` (False when the file
    is gone, is not a regular file, or this file system has no such locks)."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        return stat.S_ISREG(os.fstat(handle).st_mode) and _lock(handle) is False
    finally:
        os.close(handle)  # drops the lock when it was taken


def _parts(tail: str) -> tuple[int | None, str, str]:
    """`PID-TOKEN…` split as (PID, `PID-TOKEN`, what follows the token); PID None when
    the name is not a temporary database's (or its companion's)."""
    pid, dash, rest = tail.partition("-")
    token = rest[:16]
    if not (pid.isdigit() and dash and len(token) == 16 and _hex(token)):
        return None, "", ""
    return int(pid), f"{pid}-{token}", rest[16:]


def _hex(text: str) -> bool:
    return all(char in "0123456789abcdef" for char in text)


def _sweep(staged: Path, pid: int) -> None:
    """Remove a temporary database and its companions when no build can be writing it."""
    try:
        handle = os.open(staged, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return
    try:
        found = os.fstat(handle)
        if not stat.S_ISREG(found.st_mode):
            return
        locked = _lock(handle)
        if locked is False:
            return  # a build is writing it
        if locked is None and not _quiet(staged, found.st_mtime):
            return  # no lock to go by: only an old, unwritten file of a gone process
        if _may_be_its_builder(pid, found.st_mtime):
            return
        if _same_file(staged, handle):
            remove_staged(staged)
    finally:
        os.close(handle)  # drops the lock


def _sweep_orphan(path: Path, pid: int) -> None:
    """Remove a companion file whose temporary database is gone, unless its builder may
    still be removing it."""
    try:
        found = os.lstat(path)
    except OSError:
        return
    if stat.S_ISREG(found.st_mode) and not _may_be_its_builder(pid, found.st_mtime):
        with contextlib.suppress(OSError):
            path.unlink()


def _lock(handle: int) -> bool | None:
    """Take an exclusive lock on the open file without waiting: True when taken, False
    when another holds it, None when this file system has no such locks."""
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as error:
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        return None
    return True


def _same_file(path: Path, handle: int) -> bool:
    """Whether `path` still names the file open as `handle`."""
    try:
        named, held = os.stat(path, follow_symlinks=False), os.fstat(handle)
    except OSError:
        return False
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _quiet(staged: Path, written: float) -> bool:
    """Whether the temporary database and its log have not been written for a while."""
    latest = written
    try:
        latest = max(latest, staged.with_name(staged.name + SIDECARS[0]).stat().st_mtime)
    except FileNotFoundError:
        pass
    except OSError:
        return False
    return latest < time.time() - LEFTOVER_QUIET_SECONDS


def _may_be_its_builder(pid: int, written: float) -> bool:
    """Whether process `pid` may be the one that wrote a file last changed at `written`:
    it runs (this process included) and did not start after that (True when its start
    cannot be read: the file is kept)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: it runs
        pass
    started = _start_time(pid)
    return started is None or started <= written + _START_SLACK_SECONDS


def process_start(pid: int) -> int | None:
    """The start time of process `pid` in clock ticks since boot (`/proc/PID/stat`'s 22nd
    field, `starttime`), or None when there is no such process (or no `/proc`)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rpartition(b")")[2].split()  # the name may hold spaces
        return int(fields[19])  # fields[0] is field 3, `state`
    except (OSError, ValueError, IndexError):
        return None


def _start_time(pid: int) -> float | None:
    """When process `pid` started (seconds since the epoch), from /proc; None elsewhere."""
    ticks = process_start(pid)
    if ticks is None:
        return None
    try:
        with open("/proc/stat", "rb") as handle:
            boot = next(int(line.split()[1]) for line in handle if line.startswith(b"btime "))
    except (OSError, ValueError, IndexError, StopIteration):
        return None
    return boot + ticks / os.sysconf("SC_CLK_TCK")
