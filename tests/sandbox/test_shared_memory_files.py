"""What a submission writes to the host's /dev/shm: kept out under bubblewrap and Landlock, left
behind with seccomp alone (a limit the README states, shown here).

With seccomp alone the child has the user's rights over every file: /dev/shm is one more
folder it can write, as are /tmp and the home. The grader removes only the work dir it made:
it cannot tell the child's files from those the user's other programs (a browser, a sound
server) make there meanwhile, so it removes none. The pools run without the audit hooks,
which refuse such a write in plain words first.
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


def test_a_file_written_to_dev_shm_stays_only_with_seccomp_alone(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    mode, pool = mode_pool
    target = Path("/dev/shm") / f"drillbit-test-{uuid.uuid4().hex}"
    source = textwrap.dedent(f"""
        def double(x):
            with open({str(target)!r}, "w") as f:
                f.write("left by a submission")
            return 2 * x
    """)
    try:
        if mode == "seccomp-alone":
            run_adversarial(pool, source, Status.PASSED, None, checker=PATIENT)
            assert target.read_text() == "left by a submission"
        elif mode == "landlock":
            run_adversarial(pool, source, Status.ERROR, "Permission denied", checker=PATIENT)
            assert not target.exists()
        else:  # bubblewrap: the child's /dev/shm is its own 16 MiB tmpfs, gone with it
            run_adversarial(pool, source, Status.PASSED, None, checker=PATIENT)
            assert not target.exists()
    finally:
        target.unlink(missing_ok=True)
