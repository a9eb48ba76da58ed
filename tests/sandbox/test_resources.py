"""Resources a submission could exhaust: /dev/shm, the work dir's disk, threads; and what outlives a run."""

from __future__ import annotations

import glob
import os
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import SandboxConfig, WorkerPool
from engine.sandbox.bwrap import SHM_SIZE
from engine.sandbox.worker import DISK_QUOTA, WORKDIR_PREFIX, sweep_stale_workdirs
from engine.verdict import Status
from tests.conftest import REPO
from tests.sandbox.conftest import BWRAP
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import DOUBLE, LIVE_POOLS, run_adversarial, shown

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
    if not BWRAP.active:
        pytest.skip(f"bubblewrap is not usable here: {BWRAP.reason}")
    with WorkerPool(SandboxConfig(bwrap=True, audit_hooks=False)) as p:
        LIVE_POOLS.append(p)
        yield p


def test_dev_shm_is_bounded_under_bwrap(hookless_bwrap_pool: WorkerPool) -> None:
    verdict = grade(DOUBLE, FILL_SHM, pool=hookless_bwrap_pool)
    assert verdict.passed, shown(verdict)
    # each case prints how many MiB it could write: bounded by the tmpfs's size
    written = [int(line.split()[1]) for line in verdict.stdout.splitlines() if "written" in line]
    assert written and max(written) <= SHM_SIZE // MiB, verdict.stdout


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
    source = textwrap.dedent("""
        import threading, time
        def double(x):
            while True:
                threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
    """)
    run_adversarial(pool, source, Status.ERROR, "thread")


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])  # noqa: S607 - any short-lived process
    proc.wait()
    return proc.pid


def test_work_dirs_of_dead_parents_are_swept(tmp_path: Path) -> None:
    root = Path(tempfile.gettempdir())
    dead = root / f"{WORKDIR_PREFIX}{_dead_pid()}-sweeptest"
    (dead / "sub").mkdir(parents=True)
    (dead / "sub" / "big.bin").write_bytes(b"\0" * 1024)
    alive = root / f"{WORKDIR_PREFIX}1-sweeptest"  # pid 1 is always alive
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
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    pid = int(result.stdout.split()[-1])
    left = glob.glob(os.path.join(tempfile.gettempdir(), f"{WORKDIR_PREFIX}{pid}-*"))
    assert left == []
