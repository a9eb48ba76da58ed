"""Resources a submission could exhaust: /dev/shm, the work dir's disk, threads; and what outlives a run."""

from __future__ import annotations

import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import SandboxConfig, WorkerPool
from engine.sandbox.bwrap import SHM_SIZE
from engine.sandbox.worker import (
    CHILD_MARKER,
    DISK_QUOTA,
    HIDDEN,
    WORKDIR_PREFIX,
    sweep_stale_workdirs,
)
from engine.verdict import Status
from tests.conftest import PROCESS_TIMEOUT_SECONDS, REPO
from tests.sandbox.conftest import skip_unless_bwrap_for
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import (
    LIVE_POOLS,
    _proc_table,
    run_adversarial,
    shown,
    syscall_number,
)

MiB = 1 << 20

FILL_SHM = textwrap.dedent("""
    import os
    def double(x):
        written = 0
        block = b"\\0" * (1 << 20)
        try:
            for i in range(400):
                with open(f"/dev/shm/fill-{i}", "wb") as f:
                    f.write(block)
                written += 1
        except OSError:
            pass
        print("written", written)
        return 2 * x
""")


@pytest.fixture(scope="module")
def hookless_bwrap_pool() -> Iterator[WorkerPool]:
    """bubblewrap without the audit hooks (they would refuse a write to /dev/shm first)."""
    skip_unless_bwrap_for("bwrap")
    with WorkerPool(SandboxConfig(bwrap=True, audit_hooks=False)) as p:
        LIVE_POOLS.append(p)
        yield p


FILLER = PatientDoubleChecker()
"""A 60 s wall clock: writing 96 MiB took longer than the usual 1 s at load 15 on 2 cores (the
home's test ended as a timeout once); what is tested is the tmpfs's size, not the clock."""


def test_dev_shm_is_bounded_under_bwrap(hookless_bwrap_pool: WorkerPool) -> None:
    verdict = grade(FILLER, FILL_SHM, pool=hookless_bwrap_pool)
    assert verdict.passed, shown(verdict)
    # each case prints how many MiB it could write: bounded by the tmpfs's size
    written = [int(line.split()[1]) for line in verdict.stdout.splitlines() if "written" in line]
    assert written and max(written) <= SHM_SIZE // MiB, verdict.stdout


def test_the_home_is_a_bounded_tmpfs_under_bwrap(hookless_bwrap_pool: WorkerPool) -> None:
    """The README's "a 96 MiB tmpfs home": files of 1 MiB (the file-size limit) written into
    the work dir until the disk is full stop at its size, not at the host's free space."""
    verdict = grade(FILLER, FILL_SHM.replace("/dev/shm/fill-", "fill-"), pool=hookless_bwrap_pool)
    assert verdict.passed, shown(verdict)
    written = [int(line.split()[1]) for line in verdict.stdout.splitlines() if "written" in line]
    # the first case fills it (less what the child itself keeps there); the others find it full
    assert written and 80 <= max(written) <= 96, verdict.stdout


OPEN_FILES = textwrap.dedent("""
    import os
    def double(x):
        open("one", "w").close()
        held = [os.open("one", os.O_RDONLY) for _ in range(200)]
        return 2 * x
""")


def test_open_files_stop_at_the_limit(pool: WorkerPool) -> None:
    """The README's rlimit on open files (64): a submission that keeps opening fails with
    the kernel's own error, in every mode."""
    run_adversarial(pool, OPEN_FILES, Status.ERROR, "Too many open files")


WRITE_LOOP = textwrap.dedent("""
    def double(x):
        block = b"\\0" * (1 << 20)
        i = 0
        while True:
            with open(f"chunk-{i}", "wb") as f:
                f.write(block)
            i += 1
""")


def test_a_file_writing_loop_is_killed_at_the_quota_without_bwrap() -> None:
    with WorkerPool(SandboxConfig(bwrap=False)) as pool:
        verdict = run_adversarial(
            pool, WRITE_LOOP, Status.CRASHED, "work directory", checker=PatientDoubleChecker()
        )
    assert f"{DISK_QUOTA // MiB} MiB" in shown(verdict)


def test_a_thread_bomb_ends_in_an_error(pool: WorkerPool) -> None:
    """Threads are allowed, but each one's stack counts against the child's address space
    (RLIMIT_AS, 512 MiB): the bomb's next thread is refused, whenever that comes. The
    phrase is the refusal's own words ("thread" alone is in the code line the verdict
    quotes, so it held whatever the error was)."""
    source = textwrap.dedent("""
        import threading, time
        def double(x):
            while True:
                threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
    """)
    run_adversarial(pool, source, Status.ERROR, "RuntimeError: can't start new thread")


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])  # noqa: S607 - any short-lived process
    proc.wait()
    return proc.pid


def test_work_dirs_of_dead_parents_are_swept(tmp_path: Path) -> None:
    root = Path(tempfile.gettempdir())
    dead = root / f"{WORKDIR_PREFIX}{_dead_pid()}-sweeptest"
    (dead / "sub").mkdir(parents=True)
    (dead / "sub" / "big.bin").write_bytes(b"\0" * 1024)
    # this process is alive, and no other test run makes or removes a dir of its pid (pid 1's
    # dir was shared: a run on the same machine removed it between another's mkdir and check)
    alive = root / f"{WORKDIR_PREFIX}{os.getpid()}-sweeptest"
    alive.mkdir(exist_ok=True)
    try:
        sweep_stale_workdirs()
        assert not dead.exists()
        assert alive.exists()
    finally:
        for d in (dead, alive):
            if d.exists():
                os.system(f"rm -rf {d}")  # noqa: S605 - test cleanup of our own dirs


EXIT_RIGHT_AFTER = """
import os, sys
from engine.sandbox import SandboxConfig, WorkerPool
from engine.grade_sandboxed import grade
from tests.sandbox.helpers import DOUBLE, GOOD
pool = WorkerPool(SandboxConfig(bwrap=False))
for _ in range(3):
    assert grade(DOUBLE, GOOD, pool=pool).passed
pool.close()
print(os.getpid())
"""


def test_nothing_is_left_when_the_app_exits_right_after_a_grading() -> None:
    """The reaper is joined at exit: the work dirs it was removing are gone too."""
    result = subprocess.run(
        [sys.executable, "-c", EXIT_RIGHT_AFTER],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=PROCESS_TIMEOUT_SECONDS,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    pid = int(result.stdout.split()[-1])
    left = glob.glob(os.path.join(tempfile.gettempdir(), f"{WORKDIR_PREFIX}{pid}-*"))
    assert left == []


LOCKED_DIRS = textwrap.dedent("""
    import os, time
    def double(x):
        if not os.path.exists("d"):
            os.makedirs("d/e")
            open("d/e/f", "wb").close()
            os.chmod("d/e", 0)
            os.chmod("d", 0o100)
            time.sleep(STAY)
        return 2 * x
""")
GRADE_AND_LIST = textwrap.dedent("""
    import glob, os, sys, tempfile
    from engine.grade_sandboxed import grade
    from engine.sandbox import SandboxConfig, WorkerPool
    from engine.sandbox.worker import WORKDIR_PREFIX, _reaper
    from tests.sandbox.drills import PatientDoubleChecker
    from engine.sandbox import worker
    landlock, watched = sys.argv[2] == "landlock", sys.argv[3] == "watched"
    if not watched:
        worker.QUOTA_PERIOD_S = 3600.0  # the quota walk looks once, before the child locks
    config = SandboxConfig(bwrap=False, landlock=landlock, seccomp=False, audit_hooks=False)
    with WorkerPool(config) as pool:
        verdict = grade(PatientDoubleChecker(), sys.argv[1], pool=pool)
    _reaper.flush()
    print(verdict.status.value, verdict.summary.replace("\\n", " "))
    print(*glob.glob(os.path.join(tempfile.gettempdir(), f"{WORKDIR_PREFIX}{os.getpid()}-*")))
""")


def _without_privileges() -> list[str]:
    """A command prefix that takes root's power over file modes away (nothing when not root)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root without setpriv: file modes would not bind the grader")
    return [setpriv, "--bounding-set=-all", "--inh-caps=-all", "--"]


def _grade_locked(mode: str, *, stay: float, watched: bool) -> tuple[str, list[str]]:
    """Grade LOCKED_DIRS (locking, then sleeping `stay` s) without root's power over modes, in
    a process of its own; its verdict's first line and the work dirs it left behind."""
    run = subprocess.run(
        [
            *_without_privileges(),
            sys.executable,
            "-c",
            GRADE_AND_LIST,
            LOCKED_DIRS.replace("STAY", repr(stay)),
            mode,
            "watched" if watched else "unwatched",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
        check=False,
    )
    verdict, _, left = run.stdout.strip().partition("\n")
    for path in left.split():  # this test's own leftovers (root can remove them)
        shutil.rmtree(path, ignore_errors=True)
    assert run.returncode == 0, run.stderr[-2000:]
    return verdict, left.split()


@pytest.mark.parametrize("mode", ["landlock", "no-kernel-layer"])
def test_directories_the_submission_locked_are_removed(mode: str) -> None:
    """A submission may chmod its own work dir's folders to 0: the grader, not root on a user's
    machine, could neither list nor empty them, and left them in the temp dir for good.

    Only with the audit hooks bypassed and no seccomp, which both refuse chmod
    (tests/sandbox/test_lasting_changes.py): on macOS, or where libseccomp is missing;
    Landlock alone leaves it to the work dir. The quota walk looks only before the child
    runs: it kills a child whose folders it cannot list (the next test), and whether one of
    its looks fell between the chmod and the child's exit made one run in eight crash."""
    verdict, left = _grade_locked(mode, stay=0, watched=False)
    assert verdict.partition(" ")[0] == "passed", verdict
    assert left == []


@pytest.mark.parametrize("mode", ["landlock", "no-kernel-layer"])
def test_folders_the_quota_walk_cannot_list_end_the_run(mode: str) -> None:
    """A folder the grader cannot list may hold anything: a child that locks its folders and
    goes on running is killed on the walk's next look, as over the quota, and the locked
    folders are removed with the work dir."""
    verdict, left = _grade_locked(mode, stay=3600, watched=True)
    assert verdict.startswith("crashed"), verdict
    assert "too closed for the grader to measure" in verdict, verdict
    assert left == []


ORPHANED_APP = textwrap.dedent("""
    import sys
    from engine.grade_sandboxed import grade
    from engine.sandbox import SandboxConfig, WorkerPool
    from tests.sandbox.drills import CpuBoundDoubleChecker
    SLEEPER = "import time\\n\\ndef double(x):\\n    open('running', 'w').close()\\n    time.sleep(3600)\\n"
    pool = WorkerPool(SandboxConfig(bwrap=False, landlock=sys.argv[1] == "landlock"))
    grade(CpuBoundDoubleChecker(), SLEEPER, pool=pool)
""")


def _marked(app_pid: int) -> list[int]:
    marker = f"{CHILD_MARKER}:{app_pid}"
    return [pid for pid, (_, cmd) in _proc_table().items() if marker in cmd]


def _within(seconds: float, done: Callable[[], object]) -> bool:
    """Whether `done()` turns true within `seconds` (a ceiling for a busy machine, not a measure)."""
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.parametrize("mode", ["landlock", "seccomp-alone"])
def test_a_running_submission_dies_with_the_app(mode: str) -> None:
    """Without bubblewrap's --die-with-parent, a submission sleeping when the app was killed (a
    crash, the OOM killer, SIGKILL) lived on for good: nothing was left to enforce its clock."""
    app = subprocess.Popen([sys.executable, "-c", ORPHANED_APP, mode], cwd=REPO)
    workdirs = os.path.join(tempfile.gettempdir(), f"{WORKDIR_PREFIX}{app.pid}-*")
    try:
        assert _within(
            120, lambda: glob.glob(f"{workdirs}/{HIDDEN}/*/running") or app.poll() is not None
        )
        assert app.poll() is None, "the app ended before its submission ran"
    finally:
        app.kill()
        app.wait()
    try:
        assert _within(30, lambda: not _marked(app.pid)), "the submission outlived the app"
    finally:
        for pid in _marked(app.pid):
            os.kill(pid, signal.SIGKILL)
        for path in glob.glob(workdirs):
            shutil.rmtree(path, ignore_errors=True)


def test_posix_timers_stop_at_the_queued_signals_limit(mode_pool: tuple[str, WorkerPool]) -> None:
    """Queued signals and POSIX timers are counted per user: at the system's default limit a
    child made about 96,000 timers, the user's whole share, and the user's other programs
    could make none (nor queue a real-time signal) until it was killed."""
    _, pool = mode_pool
    source = textwrap.dedent(f"""
        import ctypes

        def double(x):
            libc = ctypes.CDLL(None, use_errno=True)
            timer = ctypes.c_int()  # no event of its own (SIGALRM), the only kind seccomp allows
            made = 0
            while made < 100_000 and libc.syscall(
                {syscall_number("timer_create")}, 1, None, ctypes.byref(timer)
            ) == 0:
                made += 1
            raise ValueError(f"made {{made}} timers")
    """)
    verdict = run_adversarial(pool, source, Status.ERROR, checker=PatientDoubleChecker())
    made = int(shown(verdict).split("made ")[1].split(" timers")[0])
    assert made <= SandboxConfig().queued_signals  # the user's other queued signals count too


def test_no_real_time_or_raised_priority(mode_pool: tuple[str, WorkerPool]) -> None:
    """A user allowed real-time scheduling (an audio group's `rtprio`) would let a busy loop
    under SCHED_FIFO hold a core until the CPU limit. The child's limits are 0 whatever the
    user's: this machine's hard limits are 0 already, so the kernel's refusal alone would pass
    here; the read-back limits and the verdict's list are what the child set."""
    _, pool = mode_pool
    source = textwrap.dedent("""
        import os, resource

        def double(x):
            limits = [resource.getrlimit(resource.RLIMIT_RTPRIO), resource.getrlimit(resource.RLIMIT_NICE)]
            try:
                os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(1))
            except PermissionError:
                raise ValueError(f"refused; limits {limits}")
            raise ValueError(f"real-time granted; limits {limits}")
    """)
    verdict = run_adversarial(pool, source, Status.ERROR, checker=PatientDoubleChecker())
    assert "refused; limits [(0, 0), (0, 0)]" in shown(verdict)
    (rlimits,) = [layer for layer in verdict.isolation if layer.startswith("rlimits:")]
    assert "real-time priority 0" in rlimits and "priority ceiling 0" in rlimits
    assert "NOT verified" not in rlimits


UNLINKED_WHILE_OPEN = textwrap.dedent("""
    import os

    def double(x):
        held, written = [], 0
        try:
            while True:
                fd = os.open(f"gone-{len(held)}", os.O_CREAT | os.O_RDWR, 0o600)
                held.append(fd)
                os.unlink(f"gone-{len(held) - 1}")  # no longer in the dir the parent measures
                written += os.write(fd, b"\\0" * (1 << 20))
        except OSError as exc:
            opened = exc.strerror
        try:
            os.write(held[0], b"\\0")
            more = "written"
        except OSError as exc:
            more = exc.strerror
        raise ValueError(f"{written >> 20} MiB in {len(held)} files ({opened}); one byte more: {more}")
""")


def test_files_unlinked_while_open_stay_within_the_limits(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    """The README's bound on what the work dir's quota cannot see: a file unlinked while held open
    is in no folder the parent measures, but the open-files and file-size limits keep such
    files to 64 of 1 MiB. bubblewrap's 96 MiB tmpfs would hold more; the same limits bind there
    first, so every mode is held to them."""
    _, pool = mode_pool
    verdict = run_adversarial(
        pool,
        UNLINKED_WHILE_OPEN,
        Status.ERROR,
        "Too many open files",
        checker=PatientDoubleChecker(),
    )
    found = re.search(r"(\d+) MiB in (\d+) files .*one byte more: File too large", shown(verdict))
    assert found is not None, shown(verdict)
    assert int(found[1]) == int(found[2]) <= SandboxConfig().open_files
