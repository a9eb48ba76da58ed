"""The fault handler's descriptor, kept (fifty-fourth round, sandbox54).

Python's fault handler writes the dump that names the code's line on descriptor 2, the
stderr the parent reads. Code that closed it, or put another file there, before crashing
lost the dump: the fault was told by its signal alone. The seccomp filter now refuses
closing descriptor 2 (`close`, and `close_range` from 0 to 2, after which Python closes one
descriptor at a time) and replacing it (`dup2`, `dup3`), so the dump comes and the line is
named. Where no filter runs, a fault with no dump says why the line may be missing.
"""

from __future__ import annotations

import signal

import pytest

from engine.sandbox import WorkerPool
from engine.sandbox.config import SandboxConfig
from engine.sandbox.decide import _death
from engine.sandbox.worker import RunResult
from engine.verdict import Status
from tests.sandbox.helpers import run_adversarial, shown

# each tries to take descriptor 2 away, says on stdout what it got, then faults on line 14
CLOSING = {
    "os.close(2)": "os.close(2)",
    "os.dup2 of /dev/null over 2": "os.dup2(os.open('/dev/null', os.O_WRONLY), 2)",
    "os.closerange(2, 3)": "os.closerange(2, 3)",
    "a FileIO of 2 closed": "io.FileIO(2, 'w', closefd=True).close()",
}

SOURCE = """import faulthandler, io, os


def take():
    try:
        TAKE
    except OSError as exc:
        print("refused:", type(exc).__name__, exc.errno, flush=True)
    os.write(1, b"taken\\n")


def double(x):
    take()
    faulthandler._sigsegv()
    return 2 * x
"""


@pytest.mark.parametrize("way", list(CLOSING))
def test_descriptor_2_cannot_be_taken_from_the_fault_handler(pool: WorkerPool, way: str) -> None:
    """Before, each way lost the dump in both modes: "killed by SIGSEGV" and no line."""
    source = SOURCE.replace("TAKE", CLOSING[way])
    verdict = run_adversarial(pool, source, Status.CRASHED, "SIGSEGV")
    assert "it came under line 14 of your code (in double)" in shown(verdict), shown(verdict)
    # Python's closerange passes over a descriptor it cannot close: nothing raised there
    refused = "closerange" not in way
    assert ("refused: PermissionError 1" in verdict.stdout) is refused, verdict.stdout
    assert "taken" in verdict.stdout


def test_a_fault_with_no_dump_says_why_the_line_is_missing(
    no_seccomp_pool: tuple[str, WorkerPool],
) -> None:
    """Without the filter nothing in the kernel keeps descriptor 2: the code closes it, and the
    verdict says the dump did not come, and what takes it away, instead of nothing."""
    _, pool = no_seccomp_pool
    verdict = run_adversarial(pool, SOURCE.replace("TAKE", "os.close(2)"), Status.CRASHED)
    said = shown(verdict)
    assert "SIGSEGV" in said and "it came under line" not in said, said
    assert "Python's fault handler printed no dump" in said, said
    assert "closed or replaced descriptor 2" in said, said


def test_the_missing_dump_is_said_only_where_nothing_kept_descriptor_2() -> None:
    """In-process: the note comes for a segmentation fault or bus error with the handler set,
    no dump and no filter; not under the filter (a thread's fault, told already), not without
    the handler, not for another signal, and not when the dump came."""

    def said(**fields: object) -> str:
        run = RunResult(**fields)  # type: ignore[arg-type]
        return _death(run, "case 1", SandboxConfig(), "256 MiB", 4)[2]

    missing = "Python's fault handler printed no dump, so the line is not known"
    for number in (signal.SIGSEGV, signal.SIGBUS):
        assert missing in said(signal=number, fault_handler=True)
    assert missing not in said(signal=signal.SIGSEGV, fault_handler=True, seccomp=True)
    assert missing not in said(signal=signal.SIGSEGV)
    assert missing not in said(signal=signal.SIGABRT, fault_handler=True)
    dump = (
        "Fatal Python error: Segmentation fault\n\nCurrent thread 0x00007f (most recent call"
        ' first):\n  File "submission.py", line 14 in double\n'
    )
    told = said(signal=signal.SIGSEGV, fault_handler=True, stderr=dump)
    assert missing not in told and "it came under line 14 of your code (in double)" in told
