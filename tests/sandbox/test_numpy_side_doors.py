"""numpy's own ways to the machine, and calls that reach past the drill (forty-second round).

numpy has doors of its own to what the sandbox refuses: `numpy.ctypeslib` (ctypes),
`numpy.f2py` (a compiler, run as a program), `np.load` of a pickle (any callable, run as the
file loads) and `np.memmap`/`np.load(mmap_mode=...)` (mmap). Each was tried as a right answer
that also went through the door, in every mode: each is refused, with the words of the layer
it reaches, and nothing is left outside the work dir. `os.sync` (every file system's pending
writes, the machine's, not the drill's) ran about 200 times a second in every mode; it now
refuses in plain words, and seccomp refuses the call (which reports no error, so only the words
can be seen from Python).
"""

from __future__ import annotations

import textwrap
import uuid
from pathlib import Path

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import CaseStatus, Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial

PATIENT = PatientDoubleChecker()


def _once(body: str, target: Path) -> str:
    """A double that runs `body` on its first call, with `TARGET` naming `target`."""
    return (
        f"import os\nimport numpy as np\n\nTARGET = {str(target)!r}\ndone = []\n\n\n"
        "def double(x):\n    if not done:\n        done.append(True)\n"
        f"{textwrap.indent(textwrap.dedent(body), ' ' * 8)}\n    return 2 * x\n"
    )


DOORS = {
    "ctypeslib": (
        """
        import numpy.ctypeslib
        libc = numpy.ctypeslib.load_library("libc.so.6", "/lib/x86_64-linux-gnu")
        libc.system(f"touch {TARGET}".encode())
        """,
        "ctypes is not available",
    ),
    "f2py": (
        """
        import numpy.f2py
        numpy.f2py.run_main(["-c", "-m", "planted", "planted.f90"])
        """,
        "No module named 'subprocess': the sandbox does not provide it",
    ),
    "np-load-pickle": (
        """
        class Planted:
            def __reduce__(self):
                return (os.system, (f"touch {TARGET}",))

        np.save("planted.npy", np.array([Planted()], dtype=object), allow_pickle=True)
        np.load("planted.npy", allow_pickle=True)
        """,
        "starting processes is not allowed in a drill",
    ),
    "np-load-mmap": (
        """
        np.save("mapped.npy", np.zeros(4))
        np.load("mapped.npy", mmap_mode="r+")
        """,
        "No module named 'mmap': the sandbox does not provide it",
    ),
    "memmap": (
        """
        np.memmap(TARGET, dtype="u1", mode="w+", shape=(16,))
        """,
        "No module named 'mmap': the sandbox does not provide it",
    ),
    "os-sync": (
        """
        os.sync()
        """,
        "flushing the machine's disks (os.sync) is not allowed",
    ),
}


@pytest.mark.parametrize("door", sorted(DOORS))
def test_numpys_doors_to_what_the_sandbox_refuses_stay_shut(
    door: str, pool: WorkerPool, tmp_path: Path
) -> None:
    target = tmp_path / f"planted-{door}"
    body, phrase = DOORS[door]
    run_adversarial(pool, _once(body, target), Status.ERROR, phrase, checker=PATIENT)
    assert not target.exists()


def test_a_module_planted_in_sys_modules_under_the_graders_name_changes_nothing(
    pool: WorkerPool,
) -> None:
    # the checker runs in the app: a module the code puts in its own sys.modules as
    # `engine.checks`, whose `close` passes anything, reaches no comparison, and the
    # grader's own package stays out of reach by its name
    source = textwrap.dedent("""
        import sys, types

        fake = types.ModuleType("engine.checks")
        fake.close = lambda *args, **kwargs: None
        sys.modules["engine"] = types.ModuleType("engine")
        sys.modules["engine.checks"] = fake

        def double(x):
            return 2 * x + 1
    """)
    verdict = run_adversarial(pool, source, Status.FAILED, checker=PATIENT)
    assert all(case.status is not CaseStatus.PASSED for case in verdict.cases), verdict.summary


NUMPYS_OWN_FILES = {
    "tofile": "np.arange(3.0).tofile(TARGET)",
    "savetxt": "np.savetxt(TARGET, np.arange(3.0))",
    "save": "np.save(TARGET, np.arange(3.0))",
}


@pytest.mark.parametrize("writer", sorted(NUMPYS_OWN_FILES))
def test_numpys_file_writers_keep_to_the_work_dir(writer: str, pool: WorkerPool) -> None:
    # numpy's C code opens a path it is given through Python's `open`, whose audit event the
    # hooks judge: outside the work dir each is refused by them, in both modes (under
    # bubblewrap /tmp is the work dir, so the target is in /dev/shm, which both modes have)
    target = Path("/dev/shm") / f"drillbit-test-{writer}-{uuid.uuid4().hex}.npy"
    try:
        source = _once(NUMPYS_OWN_FILES[writer], target)
        run_adversarial(
            pool, source, Status.ERROR, "writing outside the work directory", checker=PATIENT
        )
        assert not target.exists()
    finally:
        target.unlink(missing_ok=True)
