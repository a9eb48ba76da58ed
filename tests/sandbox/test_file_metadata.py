"""A file's extended attributes cannot be read by path: seccomp refuses it in every mode,
with ENOTSUP, and a file copied in the work dir with shutil is copied.

Landlock rules opening, reading and writing files, not `getxattr`/`listxattr` by path, and
the attributes hold data: a browser records where each download came from in
user.xdg.origin.url. Under Landlock a submission read it from any file of the user's (the
audit hooks let it through: the file is not the grader's). What Landlock still leaves open,
a path's existence, size, times and a link's target (`stat`, `readlink`), the README says.
The pools run without the audit hooks: what is tested is the kernel's refusal.

The refusal was EPERM, which `shutil.copy2` (and `copystat`, `copytree`) does not pass over
as it does ENOTSUP ("this file system has none"), and `shutil.copy`/`copy2` then changed the
copy's mode and times, which seccomp refuses everywhere: copying a scratch file failed with
"Operation not permitted". The copy now keeps its data and leaves the mode and times.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from engine.sandbox import WorkerPool
from engine.sandbox.bwrap import SANDBOX_SITE
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial

PATIENT = PatientDoubleChecker()
"""A 60 s wall clock: what is tested is the kernel's refusal, not the deadline."""
URL = b"https://example.com/a-private-download"


@pytest.fixture
def downloaded(tmp_path: Path) -> Path:
    """A file of the user's with the attribute a browser gives a download."""
    path = tmp_path / "statement.pdf"
    path.write_bytes(b"%PDF")
    os.setxattr(path, "user.xdg.origin.url", URL)
    return path


@pytest.mark.parametrize(
    "call",
    [
        "os.getxattr(T, 'user.xdg.origin.url')",
        "os.listxattr(T)",
        "os.listxattr(T, follow_symlinks=False)",
    ],
)
def test_no_extended_attribute_is_read_by_path(
    mode_pool: tuple[str, WorkerPool], downloaded: Path, call: str
) -> None:
    """Under bubblewrap no file of the user's is there: numpy's own is asked instead."""
    mode, pool = mode_pool
    target = f"{SANDBOX_SITE}/numpy/__init__.py" if mode == "bwrap" else str(downloaded)
    source = textwrap.dedent(f"""
        import os

        def double(x):
            T = {target!r}
            raise ValueError({call})
    """)
    verdict = run_adversarial(
        pool, source, Status.ERROR, "Operation not supported", checker=PATIENT
    )
    assert URL.decode() not in verdict.model_dump_json()


COPIES = """
import os, shutil

def double(x):
    with open("a.txt", "w") as f:
        f.write("scratch")
    os.makedirs("tree", exist_ok=True)
    with open("tree/b.txt", "w") as f:
        f.write("leaf")
    shutil.copy("a.txt", "copy.txt")
    shutil.copy2("a.txt", "copy2.txt")
    shutil.copytree("tree", "tree2", dirs_exist_ok=True)
    shutil.copystat("a.txt", "copy.txt")
    shutil.copymode("a.txt", "copy.txt")
    got = [open(p).read() for p in ("copy.txt", "copy2.txt", "tree2/b.txt")]
    if got != ["scratch", "scratch", "leaf"]:
        raise ValueError(got)
    try:
        os.chmod("copy.txt", 0o600)
    except PermissionError:
        return 2 * x
    raise ValueError("chmod was not refused")
"""


def test_shutil_copies_a_file_in_every_mode(mode_pool: tuple[str, WorkerPool]) -> None:
    """The kernel layers alone (no audit hooks): copy, copy2, copytree, copystat and copymode
    work, and a chmod of the submission's own is still refused."""
    _, pool = mode_pool
    run_adversarial(pool, COPIES, Status.PASSED)


def test_shutil_copies_a_file_with_the_audit_hooks(pool: WorkerPool) -> None:
    """The audit hooks refuse chmod and utime before the kernel does, with a PermissionError
    of their own: the copy passes over that refusal as well."""
    run_adversarial(pool, COPIES, Status.PASSED)


WHAT_STAT_AND_READLINK_TELL = """
import os

def double(x):
    try:
        st = os.stat({secret!r})
        told = f"size={{st.st_size}} mtime={{int(st.st_mtime)}} link={{os.readlink({link!r})}}"
    except OSError as exc:
        raise ValueError(f"hidden: {{type(exc).__name__}}") from None
    try:
        with open({secret!r}, "rb") as f:
            f.read()
        told += " opened"
    except PermissionError:
        told += " refused"
    raise ValueError(told)
"""


def test_what_stat_and_readlink_still_tell_in_each_mode(
    mode_pool: tuple[str, WorkerPool], tmp_path: Path
) -> None:
    """The limit the README states: Landlock cannot refuse `stat` or `readlink`, so a file of
    the user's that the code may not open still shows its size and times, and a link its
    target outside the granted tree; under bubblewrap the path is not there at all; with
    seccomp alone the file opens as well."""
    mode, pool = mode_pool
    secret = tmp_path / "private" / "salary.csv"
    secret.parent.mkdir()
    secret.write_bytes(b"1" * 12345)
    os.utime(secret, (1_600_000_000, 1_600_000_000))
    link = secret.parent / "link"
    link.symlink_to("/home/someone/elsewhere/target-name")
    source = WHAT_STAT_AND_READLINK_TELL.format(secret=str(secret), link=str(link))
    verdict = run_adversarial(pool, source, Status.ERROR, checker=PATIENT)
    told = "size=12345 mtime=1600000000 link=/home/someone/elsewhere/target-name"
    expected = {
        "bwrap": "hidden: FileNotFoundError",
        "landlock": f"{told} refused",
        "seccomp-alone": f"{told} opened",
    }[mode]
    assert expected in verdict.model_dump_json()
