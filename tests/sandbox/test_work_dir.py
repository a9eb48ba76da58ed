"""The host work dir (no bubblewrap): its disk quota holds and it is removed, whatever the child made,
and a sweep of crashed runs' dirs never takes a live one (nor do two sweeps take the same).

A child makes folders one level at a time from a descriptor (`mkdir(dir_fd=...)`), so no
path limit stops it: `shutil.rmtree` recursed once per level (RecursionError past 1,000
levels) and joined paths (ENAMETOOLONG past 4,096 bytes), so such a work dir stayed in the
temp dir for good; the quota's walk skipped what it could not reach, so files beneath were
never counted, and walked every level by path (2,000 levels cost the parent seconds). And `fallocate(FALLOC_FL_KEEP_SIZE)` allocated blocks past a file's end,
which RLIMIT_FSIZE does not count: one call could take the disk's free space. The pools run
without the audit hooks: what is tested is the grader and the kernel layers.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import stat
import subprocess
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import SandboxConfig, WorkerPool, staging, worker
from engine.sandbox.config import ENGINE_DIR
from engine.sandbox.pycache import process_alive
from engine.sandbox.tree import remove_tree
from engine.sandbox.worker import (
    CLAIMED,
    QUOTA_DEPTH,
    QUOTA_ENTRIES,
    WORKDIR_PREFIX,
    make_workdir,
    sweep_stale_workdirs,
    workdir_usage,
)
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import LIVE_POOLS, run_adversarial, shown

T = TypeVar("T")
PATIENT = PatientDoubleChecker()
"""A 60 s wall clock: the quota, not the deadline, must end the run."""
LONG = "d" * 250
"""A folder name that takes 20 levels (within QUOTA_DEPTH) to pass a path's 4,096 bytes."""


def _nest(top: Path, levels: int, name: str = "d") -> int:
    """`levels` folders named `name`, each in the last, made from descriptors; the deepest's fd."""
    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    for _ in range(levels):
        os.mkdir(name, dir_fd=fd)
        deeper = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd = deeper
    return fd


@pytest.fixture
def work(tmp_path: Path) -> Iterator[Path]:
    """An empty folder, removed afterwards by GNU rm (which neither recurses nor joins paths):
    pytest's own clean-up of tmp_path recurses as rmtree does, and a nest left there broke
    every later pytest run's exit."""
    path = tmp_path / "work"
    path.mkdir()
    yield path
    subprocess.run(["rm", "-rf", "--", str(path)], check=False)  # noqa: S607


def test_a_nest_deeper_than_recursion_and_paths_is_removed(work: Path) -> None:
    fd = _nest(work, 3000)
    os.close(os.open("file", os.O_CREAT | os.O_WRONLY, 0o600, dir_fd=fd))
    os.close(fd)
    (work / "top-file").write_bytes(b"x")
    remove_tree(str(work))
    assert not work.exists()


def test_the_quota_walk_does_not_skip_what_it_cannot_reach(work: Path) -> None:
    """Beneath 4,096 bytes of path nothing could be listed: it was left out of the count."""
    os.close(_nest(work, 20, LONG))
    _, entries = workdir_usage(str(work))
    assert entries > QUOTA_ENTRIES


def test_the_quota_walk_stops_at_its_depth(work: Path) -> None:
    """Each level cost the walk a lookup per level above it, at every check: past QUOTA_DEPTH
    the work dir counts as over the quota, before the walk goes on."""
    os.close(_nest(work, QUOTA_DEPTH + 1))
    _, entries = workdir_usage(str(work))
    assert entries > QUOTA_ENTRIES


@pytest.fixture(scope="module", params=["landlock", "seccomp-alone"])
def host_dir_pool(request: pytest.FixtureRequest) -> Iterator[WorkerPool]:
    """The two modes whose work dir is on the host's disk, without the audit hooks."""
    config = SandboxConfig(bwrap=False, landlock=request.param == "landlock", audit_hooks=False)
    with WorkerPool(config) as pool:
        LIVE_POOLS.append(pool)
        yield pool


NEST = """
import os, time

def double(x):
    fd = os.open(".", os.O_RDONLY | os.O_DIRECTORY)
    for _ in range({levels}):
        os.mkdir({name!r}, dir_fd=fd)
        deeper = os.open({name!r}, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd = deeper
{then}
"""
FILL_AND_WAIT = """
    for i in range(100):  # 100 MiB, past the 64 MiB quota
        f = os.open(str(i), os.O_CREAT | os.O_WRONLY, 0o600, dir_fd=fd)
        os.posix_fallocate(f, 0, 1 << 20)
        os.close(f)
    time.sleep(30)
"""


def test_files_beneath_a_nest_past_path_max_count_against_the_quota(
    host_dir_pool: WorkerPool,
) -> None:
    """They were never counted (the run timed out with 100 MiB on the disk) and, 2,100
    levels deep, never removed; `run_adversarial` checks that no work dir is left."""
    source = NEST.format(levels=20, name=LONG, then=FILL_AND_WAIT)
    run_adversarial(host_dir_pool, source, Status.CRASHED, "work directory", checker=PATIENT)


def test_a_deep_nest_ends_the_run_at_once(host_dir_pool: WorkerPool) -> None:
    """2,000 levels within a path's length: every check of the quota took the parent about
    0.35 s of CPU, and a 9 s deadline ended the run after 16 s. Past rmtree's recursion too:
    `run_adversarial` checks that the work dir is removed, and CRASHED (not TIMEOUT) that
    the quota's check, not the deadline, ended it."""
    source = NEST.format(levels=2000, name="d", then="    time.sleep(30)")
    run_adversarial(host_dir_pool, source, Status.CRASHED, "nested too deep", checker=PATIENT)


def test_no_blocks_past_a_files_end(mode_pool: tuple[str, WorkerPool]) -> None:
    """FALLOC_FL_KEEP_SIZE is refused; posix_fallocate (mode 0, bounded by RLIMIT_FSIZE) works."""
    _, pool = mode_pool
    source = textwrap.dedent("""
        import ctypes, os

        def double(x):
            fd = os.open("blocks", os.O_CREAT | os.O_WRONLY, 0o600)
            os.posix_fallocate(fd, 0, 4096)
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.fallocate(fd, 1, ctypes.c_long(0), ctypes.c_long(200 << 20)) != 0:
                raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
            return 2 * x
    """)
    run_adversarial(pool, source, Status.ERROR, "Operation not permitted", checker=PATIENT)


def _gone_pid() -> int:
    proc = subprocess.Popen(["true"])  # noqa: S607 - any short-lived process
    proc.wait()
    return proc.pid


@pytest.fixture
def temp_root(tmp_path: Path) -> Path:
    """A temp dir of the test's own, passed to the sweep: sweeps here cannot touch another
    run's work dirs. Not set as `tempfile`'s: the session's warm pools refill from threads of
    this process, and one made its work dir here (the dir was then left over, one run in a
    few under load)."""
    root = tmp_path / "tmp"
    root.mkdir()
    return root


def _leftover(root: Path, name: str) -> Path:
    path = root / name
    (path / "sub").mkdir(parents=True)
    (path / "sub" / "file").write_bytes(b"x" * 100)
    return path


def test_a_locked_work_dir_is_kept_whatever_the_pid_in_its_name(temp_root: Path) -> None:
    """A drillbit in another PID namespace (a container sharing the temp dir) names its dir
    with a pid this one sees as gone: the dir it was using was removed under it. Its lock
    now keeps it; once the lock is gone, it is swept."""
    path = _leftover(temp_root, f"{WORKDIR_PREFIX}{_gone_pid()}-elsewhere")
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        assert sweep_stale_workdirs(str(temp_root)) == 0
        assert (path / "sub" / "file").exists()
    finally:
        os.close(fd)
    assert sweep_stale_workdirs(str(temp_root)) == 1
    assert os.listdir(temp_root) == []


def test_a_sweep_while_a_dir_is_made_or_removed_takes_nothing(
    temp_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sweep runs (as from another PID namespace, where this pid looks gone) at every step
    of making and removing a dir: the dir is built and locked before it is in the temp dir,
    and the private folders are locked, so it takes nothing until the removal is done."""
    real_alive = process_alive
    monkeypatch.setattr(worker, "process_alive", lambda pid: pid != os.getpid() and real_alive(pid))
    root = str(temp_root)
    steps: list[str] = []

    mine = threading.current_thread()  # the warm pools' threads make and remove theirs too

    def sweep(name: str) -> None:
        if threading.current_thread() is not mine:
            return
        steps.append(name)
        assert sweep_stale_workdirs(root) == 0, name

    monkeypatch.setattr(staging, "_pause", sweep)
    path, fd, own = make_workdir(root=root)
    try:
        assert os.path.isdir(own) and os.listdir(root) == [os.path.basename(path)]
        staging.remove_privately(path, fd, f"{WORKDIR_PREFIX}{os.getpid()}-")
    finally:
        os.close(fd)
    assert steps == [
        "private",
        "made",
        "moving in",
        "moved in",
        "private",
        "moving out",
        "moved out",
    ]
    assert os.listdir(root) == []


def _without_capabilities(work: Callable[[], T]) -> T:
    """`work` run in a thread that holds no capability, as a sandbox child of this user does:
    capabilities are per thread, and a test run as root would pass every mode otherwise."""
    result: list[T] = []
    failed: list[BaseException] = []

    def run() -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        header = (ctypes.c_uint32 * 2)(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this thread
        if libc.capset(header, (ctypes.c_uint32 * 6)()) != 0:
            failed.append(OSError(ctypes.get_errno(), "capset"))
            return
        try:
            result.append(work())
        except BaseException as error:  # noqa: BLE001 - raised again in the test's thread
            failed.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failed:
        raise failed[0]
    return result[0]


PLANTED = "planted-beside"


def _plant_everywhere(root: str) -> tuple[list[str], list[str]]:
    """What a child graded beside does with seccomp alone: a file in every folder of the temp
    dir named as a work dir (by its name, listed or not) and in every folder beneath it that
    can be listed. The folders written in: those it listed, and those it named blind."""
    listed: list[str] = []
    blind: list[str] = []
    for name in os.listdir(root):
        if not name.startswith(WORKDIR_PREFIX):
            continue
        top = os.path.join(root, name)
        walked = [f for f, _, _ in os.walk(top)]  # nothing when the top cannot be listed
        for folder in dict.fromkeys([top, *walked]):
            try:
                with open(os.path.join(folder, PLANTED), "w") as f:
                    f.write("x")
            except OSError:
                continue
            (listed if folder in walked else blind).append(folder)
    return listed, blind


def test_a_dir_is_never_writable_where_a_child_finds_it(
    temp_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With seccomp alone a child graded beside lists the temp dir: a work dir was writable
    there while it was made (between its `mkdir` and its modes) and while it was removed
    (its owner's mode given back), and a file was planted in it. At each step now, a process
    without capabilities finds nothing it can write: both happen in a private folder."""
    root = str(temp_root)
    planted: list[tuple[str, tuple[list[str], list[str]]]] = []
    mine = threading.current_thread()  # the warm pools' threads make and remove theirs too

    def plant(name: str) -> None:
        if threading.current_thread() is not mine:
            return
        planted.append((name, _without_capabilities(lambda: _plant_everywhere(root))))

    monkeypatch.setattr(staging, "_pause", plant)
    path, fd, own = make_workdir(root=root)
    try:
        assert os.path.isdir(own)
        staging.remove_privately(path, fd, f"{WORKDIR_PREFIX}{os.getpid()}-")
    finally:
        os.close(fd)
    steps = ["private", "made", "moving in", "moved in", "private", "moving out", "moved out"]
    assert [name for name, _ in planted] == steps
    # nothing it listed; by name only a private folder itself, which holds no one's files
    private = f"{WORKDIR_PREFIX}{os.getpid()}-{staging.PRIVATE}"
    assert all(listed == [] for _, (listed, _) in planted), planted
    assert all(
        os.path.basename(f).startswith(private) for _, (_, blind) in planted for f in blind
    ), planted
    assert os.listdir(root) == []
    # the attacker can write: a folder of the temp dir named as a work dir, not private, gets one
    (temp_root / f"{WORKDIR_PREFIX}open").mkdir(mode=0o700)
    assert _without_capabilities(lambda: _plant_everywhere(root)) == (
        [str(temp_root / f"{WORKDIR_PREFIX}open")],
        [],
    )


def test_a_stale_private_folder_is_swept_and_a_live_one_kept(temp_root: Path) -> None:
    """A private folder (0o300) can be opened only once its owner gives the read bit back:
    a dead process's is swept, one whose lock is held (another PID namespace) is kept as it was."""
    root = str(temp_root)
    with staging.private_folder(root, f"{WORKDIR_PREFIX}{_gone_pid()}-") as (path, _):
        assert _without_capabilities(lambda: sweep_stale_workdirs(root)) == 0
        assert stat.S_IMODE(os.stat(path).st_mode) == staging.STAGING_MODE
    stale = temp_root / f"{WORKDIR_PREFIX}{_gone_pid()}-stale"
    stale.mkdir(mode=0o700)
    (stale / "junk").write_bytes(b"x")
    stale.chmod(staging.STAGING_MODE)
    assert _without_capabilities(lambda: sweep_stale_workdirs(root)) == 1
    assert os.listdir(root) == []


def test_two_sweeps_never_remove_the_same_dir(
    temp_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second sweep runs while the first removes a leftover: it leaves that one alone."""
    path = _leftover(temp_root, f"{WORKDIR_PREFIX}{_gone_pid()}-stale")
    inner: list[int] = []

    def remove_with_a_second_sweep(target: str) -> None:
        if not inner and os.path.dirname(target) == str(temp_root):
            inner.append(sweep_stale_workdirs(str(temp_root)))
        remove_tree(target)

    monkeypatch.setattr(worker, "remove_tree", remove_with_a_second_sweep)
    assert sweep_stale_workdirs(str(temp_root)) == 1
    assert inner == [0]
    assert not path.exists() and os.listdir(temp_root) == []


def test_a_dir_claimed_by_a_sweep_that_died_is_swept(temp_root: Path) -> None:
    _leftover(temp_root, f"{WORKDIR_PREFIX}{CLAIMED}0123456789abcdef")
    assert sweep_stale_workdirs(str(temp_root)) == 1
    assert os.listdir(temp_root) == []


def test_a_link_swapped_in_for_a_folder_is_never_followed(
    work: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the listing that says "folder" and the chmod that gives it back, the folder is
    replaced by a link to a file of ours: the link's target keeps its mode, the tree still goes."""
    target = tmp_path / "precious"
    target.write_bytes(b"keep")
    target.chmod(0o400)
    (work / "sub").mkdir()
    (work / "sub" / "inner").mkdir()
    real_scandir = os.scandir

    class Swapped:
        def __init__(self, where: int | str) -> None:
            with real_scandir(where) as entries:
                self.found = list(entries)  # d_type is read now: "sub" is a folder
            if any(e.name == "sub" for e in self.found):
                subprocess.run(["rm", "-rf", "--", str(work / "sub")], check=True)  # noqa: S607
                (work / "sub").symlink_to(target)

        def __enter__(self) -> list[os.DirEntry[str]]:
            return self.found

        def __exit__(self, *exc: object) -> None:
            return None

    monkeypatch.setattr(os, "scandir", Swapped)
    remove_tree(str(work))
    monkeypatch.undo()
    assert target.stat().st_mode & 0o777 == 0o400
    assert target.read_bytes() == b"keep"
    assert not work.exists()


GLOBS = """
import glob
from pathlib import Path

Path("notes").mkdir()
for name in ("a.txt", "b.txt", "notes/c.txt"):
    Path(name).write_text(name)
FOUND = {{"here": sorted(glob.glob("*.txt")), "deep": sorted(glob.glob("**/*.txt", recursive=True))}}
try:
    FOUND["grader"] = glob.glob({grader!r} + "/*.py")
except PermissionError as exc:
    FOUND["grader"] = str(exc).split(" (")[0]

def double(x):
    raise RuntimeError("found " + repr(FOUND))
"""


def test_glob_works_in_the_work_dir(pool: WorkerPool) -> None:
    """`glob.glob` in a drill was refused as "paths must be plain str or bytes": the audit
    hook took its `recursive` flag, a bool, for a second path. It lists the work dir now, and
    a pattern over the grader's files is still refused (or finds nothing, under bubblewrap)."""
    source = GLOBS.format(grader=str(ENGINE_DIR / "checkers"))
    message = shown(grade(PATIENT, source, seed=1, pool=pool))
    assert "'here': ['a.txt', 'b.txt']" in message, message
    assert "'deep': ['a.txt', 'b.txt', 'notes/c.txt']" in message, message
    refused = "'grader': \"drillbit sandbox: reading the grader's files\""
    unseen = "'grader': []"  # under bubblewrap they are not mounted at all
    assert (unseen if pool.config.bwrap else refused) in message, message


def test_a_file_written_into_a_folder_while_it_is_removed_is_removed_too(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder is writable while it is removed, and with seccomp alone a child found another
    work dir then and wrote into it after the walk had listed it: the folder was not empty, and
    the whole work dir stayed in the temp dir. The file is planted here just before the first
    `rmdir` of a folder in the work dir, as that child did; the next walk removes it."""
    (work / "hidden" / "inner").mkdir(parents=True)
    real_rmdir = os.rmdir
    planted: list[str] = []

    def rmdir_after_a_plant(name: str, *, dir_fd: int | None = None) -> None:
        if dir_fd is not None and not planted:
            os.close(os.open(f"{name}/planted", os.O_CREAT | os.O_WRONLY, 0o600, dir_fd=dir_fd))
            planted.append(name)
        real_rmdir(name, dir_fd=dir_fd)

    monkeypatch.setattr(os, "rmdir", rmdir_after_a_plant)
    remove_tree(str(work))
    monkeypatch.undo()
    assert planted  # the plant happened, inside the walk
    assert not work.exists()
