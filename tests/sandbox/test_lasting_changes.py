"""What a submission could change that outlives it, refused by the kernel alone, in every mode.

Landlock decides which files may be opened, read and written, not a file's mode, owner,
times, extended attributes or flags (chmod, chown, utime, setxattr, FS_IOC_SETFLAGS), nor a
truncate by path before ABI 3 (Linux 6.2); a lease on any file the child may read held
every other process's open of that file (the app's, the next worker's) until the child died;
and a child of an app running as root (containers) kept root's powers over the machine: its
clock, its name, the kernel log, every file's events (fanotify). Under bubblewrap, the
host's /dev/null is one of the files the child reaches. The pools run without the audit hooks:
what is tested is the seccomp filter (each call here is tried with harmless arguments: the
same mode, owner, times and flags the file already has).
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial, syscall_number

PATIENT = PatientDoubleChecker()
"""A 60 s wall clock: what is tested is the kernel's refusal, not the deadline."""


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A file of the user's, outside every work dir."""
    path = tmp_path / "notes.txt"
    path.write_text("the user's notes\n")
    path.chmod(0o644)
    return path


def _source(*body: str) -> str:
    """`double(x)` that runs `body` first (which raises when the kernel refuses)."""
    text = "\n".join(textwrap.dedent(piece).strip("\n") for piece in body)
    return (
        "import ctypes, fcntl, os, struct\nimport numpy\n\ndef double(x):\n"
        + textwrap.indent(text, "    ")
        + "\n    return 2 * x\n"
    )


LIBC = """
libc = ctypes.CDLL(None, use_errno=True)
def check(result):
    if result < 0:
        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
"""

METADATA: dict[str, str] = {
    "chmod": "os.chmod(T, os.stat(T).st_mode & 0o7777)",
    "chown": "os.chown(T, os.stat(T).st_uid, os.stat(T).st_gid)",
    "utime": "os.utime(T, ns=(os.stat(T).st_atime_ns, os.stat(T).st_mtime_ns))",
    "fchmod": "os.fchmod(os.open(numpy.__file__, os.O_RDONLY), os.stat(numpy.__file__).st_mode & 0o7777)",
}
"""Each changes nothing (the values the file has), but would change anything else as easily."""


@pytest.mark.parametrize("call", list(METADATA))
def test_no_file_mode_owner_or_time_changes(
    mode_pool: tuple[str, WorkerPool], victim: Path, call: str
) -> None:
    """chmod 0 of the user's files (their progress database, numpy's own files) without
    Landlock's say; under bubblewrap, of the host's /dev/null when the app runs as root."""
    mode, pool = mode_pool
    target = "/dev/null" if mode == "bwrap" else str(victim)
    before = os.stat(victim)
    source = _source(f"T = {target!r}", METADATA[call])
    run_adversarial(pool, source, Status.ERROR, "Operation not permitted", checker=PATIENT)
    after = os.stat(victim)
    assert (after.st_mode, after.st_uid, after.st_mtime_ns) == (
        before.st_mode,
        before.st_uid,
        before.st_mtime_ns,
    )


def test_no_extended_attributes_or_truncation_by_path(
    mode_pool: tuple[str, WorkerPool], victim: Path
) -> None:
    """setxattr on the user's files; truncate() by path, which Landlock covers only from ABI 3.

    Under bubblewrap no file of the user's is mounted: the target is a file the child
    writes in its own work dir, where nothing but the seccomp filter can refuse either call
    (on numpy's read-only mount the file system would, with another error)."""
    mode, pool = mode_pool
    if mode == "bwrap":
        made = "T = 'mine.txt'\nwith open(T, 'w') as f:\n    f.write('x')"
    else:
        made = f"T = {str(victim)!r}"
    xattr = _source(made, "os.setxattr(T, 'user.drillbit', b'x')")
    run_adversarial(pool, xattr, Status.ERROR, "Operation not permitted", checker=PATIENT)
    cut = _source(made, "os.truncate(T, 0)")
    run_adversarial(pool, cut, Status.ERROR, "Operation not permitted", checker=PATIENT)
    assert "user.drillbit" not in os.listxattr(victim)
    assert victim.read_text() == "the user's notes\n"


def test_no_file_flags(mode_pool: tuple[str, WorkerPool]) -> None:
    """FS_IOC_SETFLAGS on a file the child may read (numpy's): immutable when the app is
    root, noatime or nodump for its owner; Landlock covers ioctls on devices only."""
    _, pool = mode_pool
    source = _source("""
        fd = os.open(numpy.__file__, os.O_RDONLY)
        flags = fcntl.ioctl(fd, 0x80086601, bytes(8))  # FS_IOC_GETFLAGS
        fcntl.ioctl(fd, 0x40086602, flags)  # FS_IOC_SETFLAGS, the same flags
    """)
    # under bubblewrap numpy is mounted read-only: refused either way, not always with EPERM
    run_adversarial(pool, source, Status.ERROR, None, checker=PATIENT)


def test_no_lease_on_a_shared_file(mode_pool: tuple[str, WorkerPool]) -> None:
    """A write lease on numpy's __init__.py (or its cached bytecode) held every open of it by
    another process, the next worker's import and the app's own, until the child died."""
    _, pool = mode_pool
    source = _source(
        "fcntl.fcntl(os.open(numpy.__file__, os.O_RDONLY), fcntl.F_SETLEASE, fcntl.F_RDLCK)"
    )
    run_adversarial(pool, source, Status.ERROR, "Operation not permitted", checker=PATIENT)


def test_no_watch_on_the_users_folders(mode_pool: tuple[str, WorkerPool], tmp_path: Path) -> None:
    """inotify watches need no read right Landlock could refuse: they told the child the name
    of every file the user created, opened or saved in a folder while it ran."""
    mode, pool = mode_pool
    folder = "/usr" if mode == "bwrap" else str(tmp_path)
    source = _source(
        LIBC, f"check(libc.inotify_add_watch(libc.inotify_init1(0), {folder.encode()!r}, 0x120))"
    )
    run_adversarial(pool, source, Status.ERROR, "Operation not permitted", checker=PATIENT)


ROOT_POWERS: dict[str, str] = {
    "hostname": "name = os.uname().nodename.encode()\ncheck(libc.sethostname(name, len(name)))",
    # the system call itself: glibc's settimeofday(NULL, NULL) returns 0 without making it
    "clock": "libc.syscall.restype = ctypes.c_long\ncheck(libc.syscall({settimeofday}, None, None))",
    "kernel-log": "check(libc.klogctl(10, None, 0))",  # SYSLOG_ACTION_SIZE_BUFFER
    "fanotify": "check(libc.fanotify_init(0, 0))",
    # a real-time busy loop on each core starves the machine, the app included, until the
    # CPU limit: the child has no capabilities left (bubblewrap drops them, else the launcher)
    "realtime": "os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(1))",
}
"""Each harmless as called (the same name, no time given, a size asked, a group not marked)."""


@pytest.mark.parametrize("power", list(ROOT_POWERS))
def test_no_root_powers_over_the_machine(mode_pool: tuple[str, WorkerPool], power: str) -> None:
    """Shown only where the app runs as root (without root the kernel refuses anyway)."""
    _, pool = mode_pool
    source = _source(LIBC, ROOT_POWERS[power].format(settimeofday=syscall_number("settimeofday")))
    run_adversarial(pool, source, Status.ERROR, "Operation not permitted", checker=PATIENT)


@pytest.mark.parametrize("bits", [0o4755, 0o2755])
def test_no_set_user_or_group_id_file_is_created(
    mode_pool: tuple[str, WorkerPool], bits: int
) -> None:
    """chmod is refused, but open(O_CREAT) with the bit in its mode made a set-user-ID file in
    the work dir (without bubblewrap; an app run as root would have left a root one there)."""
    _, pool = mode_pool
    source = _source(f"os.close(os.open('prog', os.O_CREAT | os.O_WRONLY, {bits:#o}))")
    run_adversarial(pool, source, Status.ERROR, "Operation not permitted", checker=PATIENT)


def test_a_plain_create_still_works(mode_pool: tuple[str, WorkerPool]) -> None:
    """The filter looks at the mode's two bits only: an ordinary new file is made as before."""
    _, pool = mode_pool
    source = _source("os.close(os.open('plain', os.O_CREAT | os.O_WRONLY, 0o755))")
    run_adversarial(pool, source, Status.PASSED, checker=PATIENT)


SET_ID_BY_FOLDER_OR_MODE = """
os.umask(0)
case = "case-" + os.urandom(4).hex()  # a folder of each case's own
os.mkdir(case)
os.chdir(case)
os.mkdir("by-path", 0o6755)
top = os.open(".", os.O_RDONLY | os.O_DIRECTORY)
os.mkdir("by-dir-fd", 0o6755, dir_fd=top)  # mkdirat
made = {{name: os.stat(name).st_mode for name in ("by-path", "by-dir-fd")}}
if any(mode & 0o6000 for mode in made.values()):
    raise ValueError(f"a set-ID folder was made: {{made}}")
os.close(os.open("prog", os.O_CREAT | os.O_WRONLY, 0o755))
prog = os.open("prog", os.O_RDONLY)
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
calls = {{
    "chmod": lambda: os.chmod("prog", 0o4755),
    "fchmod": lambda: os.fchmod(prog, 0o4755),
    "fchmodat": lambda: os.chmod("prog", 0o2755, dir_fd=top),
    "fchmodat on a folder": lambda: os.chmod("by-path", 0o2755, dir_fd=top),
    "fchmodat2": lambda: libc.syscall({fchmodat2}, top, b"prog", 0o4755, 0) and (_ for _ in ()).throw(
        OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))),
}}
for name, call in calls.items():
    try:
        call()
    except PermissionError:
        continue
    except OSError as exc:
        raise ValueError(f"{{name}}: {{exc}}") from None
    raise ValueError(f"{{name}} went through: {{oct(os.stat('prog').st_mode)}}")
"""


def test_no_set_id_bit_by_a_new_folder_or_a_mode_change(mode_pool: tuple[str, WorkerPool]) -> None:
    """mkdir/mkdirat with the set-user-ID and set-group-ID bits (the kernel drops them: a
    folder gets set-group-ID only from a parent that has it, and the work dir has not), and
    chmod, fchmod, fchmodat and fchmodat2 adding them to a file or folder (seccomp refuses
    every mode change): no set-ID file or folder is left in any mode."""
    _, pool = mode_pool
    body = SET_ID_BY_FOLDER_OR_MODE.format(fchmodat2=syscall_number("fchmodat2"))
    run_adversarial(pool, _source(body), Status.PASSED, checker=PATIENT)
