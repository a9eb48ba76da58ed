"""POSIX shared memory by name (`_posixshmem`, multiprocessing.shared_memory's C half): refused
by the audit hooks, and kept off the host's /dev/shm by bubblewrap and Landlock (forty-first
round).

`shm_open` and `shm_unlink` reach /dev/shm through glibc, with no `open` audit event, so the
hooks' "writing outside the work directory" never saw them: a submission imported the module,
made a file there and removed one of yours by name, stopped only by the kernel layers (under
bubblewrap its own /dev/shm, under Landlock `EACCES`). The hooks now refuse the import.
"""

from __future__ import annotations

import textwrap
import uuid
from pathlib import Path

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial

PATIENT = PatientDoubleChecker()


def _shm_source(made: str, removed: str) -> str:
    """A double that makes `/dev/shm/<made>` and unlinks `/dev/shm/<removed>` by name, once."""
    return textwrap.dedent(f"""
        import os

        done = []

        def double(x):
            import _posixshmem
            if not done:  # once: a second unlink of the same name finds nothing
                fd = _posixshmem.shm_open({"/" + made!r}, os.O_CREAT | os.O_RDWR, 0o600)
                os.write(fd, b"left by a submission")
                _posixshmem.shm_unlink({"/" + removed!r})
                done.append(True)
            return 2 * x
    """)


def test_the_hooks_refuse_posix_shared_memory(pool: WorkerPool) -> None:
    made, removed = (f"drillbit-test-{uuid.uuid4().hex}" for _ in range(2))
    victim = Path("/dev/shm") / removed
    victim.write_text("yours")
    try:
        run_adversarial(
            pool,
            _shm_source(made, removed),
            Status.ERROR,
            "No module named '_posixshmem': the sandbox does not provide it",
            checker=PATIENT,
        )
        assert victim.read_text() == "yours"
        assert not (Path("/dev/shm") / made).exists()
    finally:
        victim.unlink(missing_ok=True)
        (Path("/dev/shm") / made).unlink(missing_ok=True)


def test_without_the_hooks_only_seccomp_alone_reaches_the_host_dev_shm(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    """The layer beneath the hooks, in each mode (the pools run without them)."""
    mode, pool = mode_pool
    made, removed = (f"drillbit-test-{uuid.uuid4().hex}" for _ in range(2))
    victim, planted = Path("/dev/shm") / removed, Path("/dev/shm") / made
    victim.write_text("yours")
    try:
        if mode == "seccomp-alone":  # the user's rights over every file: a limit README states
            run_adversarial(pool, _shm_source(made, removed), Status.PASSED, None, checker=PATIENT)
            assert planted.read_text() == "left by a submission" and not victim.exists()
        elif mode == "landlock":
            run_adversarial(
                pool, _shm_source(made, removed), Status.ERROR, "Permission denied", checker=PATIENT
            )
            assert victim.read_text() == "yours" and not planted.exists()
        else:  # bubblewrap: its own /dev/shm, where the file to remove is not
            run_adversarial(
                pool, _shm_source(made, removed), Status.ERROR, "No such file", checker=PATIENT
            )
            assert victim.read_text() == "yours" and not planted.exists()
    finally:
        victim.unlink(missing_ok=True)
        planted.unlink(missing_ok=True)
