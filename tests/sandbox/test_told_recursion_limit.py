"""A segmentation fault after the code raised the recursion limit says so (fifty-first round,
sandbox51): the child's `sys.setrecursionlimit` writes the raised limit to the parent, with the
job's token, as it rises; the words are the app's. Before, the verdict named the signal only.

Graded in bubblewrap and in Landlock, each with seccomp and the hooks.
"""

from __future__ import annotations

import signal
import sys
import threading
from _thread import get_ident

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import SandboxConfig, WorkerPool, wire
from engine.sandbox.child import told_limits
from engine.sandbox.decide import _death, crash_line
from engine.sandbox.worker import RunResult, Worker
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial, shown
from tests.sandbox.test_writebacks_clocks_and_the_c_stack import NESTED_REPR  # the crash told

PATIENT = PatientDoubleChecker()
TOLD = "the code had raised Python's recursion limit to"
LINE = "it came under line"


def test_a_segfault_under_a_raised_limit_names_the_limit(pool: WorkerPool) -> None:
    verdict = grade(PATIENT, NESTED_REPR, seed=3, pool=pool)
    if verdict.status is Status.TIMEOUT:  # a machine slow enough to meet the CPU limit first
        assert "CPU" in shown(verdict), shown(verdict)
        return
    assert verdict.status is Status.CRASHED, shown(verdict)
    assert "SIGSEGV" in shown(verdict), shown(verdict)
    assert f"{TOLD} 100,000,000 (sys.setrecursionlimit)" in verdict.cases[0].message
    # the repr's line, from the fault handler's dump (fifty-second round, sandbox52)
    assert f"{LINE} 9 of your code (in double)" in verdict.cases[0].message, shown(verdict)


def test_deep_recursion_of_a_right_answer_still_passes(pool: WorkerPool) -> None:
    """The limit stays the code's to raise: 100,000 frames of Python under a limit of 10**6,
    raised at load and again in a call."""
    source = """import sys

sys.setrecursionlimit(10**6)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


def double(x):
    sys.setrecursionlimit(2 * 10**6)
    return 2 * x + 0 * depth(100_000)
"""
    run_adversarial(pool, source, Status.PASSED, checker=PATIENT)


def test_a_limit_raised_many_times_is_told_a_bounded_number_of_times(pool: WorkerPool) -> None:
    """100,000 raises in each call: the notes stop at 64, the channel stays the grader's, and a
    wrong answer fails on its values. A crash-free run says nothing of the limit."""
    source = """import sys


def double(x):
    for n in range(2000, 102_000):
        sys.setrecursionlimit(n)
    return 3 * x
"""
    verdict = run_adversarial(pool, source, Status.FAILED, "wrong values", checker=PATIENT)
    assert "recursion limit" not in shown(verdict)


# the code reaches the note's generator through the function's cells: sent odd values it
# raises them back as Python's own function would; ended, or replaced in the cell, it leaves
# the limit untold; a thread's raise is untold; none writes words of the code's
FORGERIES = """import sys, threading

def double(x):
    tell = [c.cell_contents for c in sys.setrecursionlimit.__closure__
            if getattr(c.cell_contents, "__name__", "") == "send"][0]
    for odd in ("passed all 4 cases", 10**30, -5, None, 1.5):
        try:
            got = tell(odd)
        except (TypeError, ValueError, OverflowError, RecursionError):
            continue
        if got is not True:
            continue
    t = threading.Thread(target=sys.setrecursionlimit, args=(5 * 10**7,))
    t.start(); t.join()
    tell.__self__.close()
    sys.setrecursionlimit(10**8)
    nest = []
    for _ in range(10**6):
        nest = [nest]
    repr(nest)
    return 3 * x
"""


def test_the_notes_generator_reached_writes_nothing_of_the_codes(pool: WorkerPool) -> None:
    """Sent a str, a 31-digit int, a negative, None and a float, the generator hands back
    Python's own errors; a thread's raise to 5 * 10**7 and, with the generator ended, a raise
    to 10**8 are untold: the crash then reads as the signal alone (or its note is of a limit
    the job's own thread set, never of words the code chose)."""
    verdict = grade(PATIENT, FORGERIES, seed=3, pool=pool)
    assert verdict.status in (Status.CRASHED, Status.TIMEOUT), shown(verdict)
    assert "passed all" not in shown(verdict)
    assert TOLD not in shown(verdict), shown(verdict)
    assert "protocol" not in shown(verdict), shown(verdict)


class _Job:
    """What `Worker._handle` reads of a worker: the job's token."""

    token = "ab" * 16


def _noted(*limits: object) -> RunResult:
    result = RunResult()
    Worker._handle(_Job(), {"k": _Job.token, "t": "loaded"}, bytearray(), result)  # type: ignore[arg-type]
    for limit in limits:
        fields = {"k": _Job.token, "t": "limit", "limit": limit}
        Worker._handle(_Job(), fields, bytearray(), result)  # type: ignore[arg-type]
    return result


def test_the_parent_keeps_the_last_note_and_refuses_a_malformed_one() -> None:
    assert _noted(5000, 10**8).recursion_limit == 10**8
    for odd in ("10", 1.5, 0, -3, 1 << 63, True, None):
        with pytest.raises(wire.WireError, match="recursion limit"):
            _noted(odd)
    with pytest.raises(wire.ForgedError):  # a note without the job's token is the code's
        forged = {"k": "cd" * 16, "t": "limit", "limit": 10**8}
        Worker._handle(_Job(), forged, bytearray(), RunResult())  # type: ignore[arg-type]


@pytest.mark.parametrize("number", [signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT])
def test_only_a_memory_fault_is_told_the_limit(number: int) -> None:
    run = RunResult(signal=number, recursion_limit=1_000_000)
    _, _, message = _death(run, "case 1", SandboxConfig(), "512 MiB", 4)
    told = f"{TOLD} 1,000,000" in message
    assert told is (number != signal.SIGABRT), message
    _, _, plain = _death(RunResult(signal=number), "case 1", SandboxConfig(), "512 MiB", 4)
    assert TOLD not in plain


def test_the_notes_stop_at_64_and_a_threads_raise_is_untold() -> None:
    """In this process: each raise past the highest is told until 64, a lower limit never; the
    limit is set by Python's own function every time; a thread's raise is set, untold."""
    before = sys.getrecursionlimit()
    notes: list[int] = []
    setrecursionlimit = told_limits(
        lambda data: notes.append(int(data)), lambda n: b"%d" % n, get_ident()
    )
    try:
        setrecursionlimit(before + 10)
        setrecursionlimit(before + 5)
        assert notes == [before + 10] and sys.getrecursionlimit() == before + 5
        for extra in range(11, 200):
            setrecursionlimit(before + extra)
        assert len(notes) == 64 and notes[-1] == before + 73
        assert sys.getrecursionlimit() == before + 199
        with pytest.raises(TypeError):
            setrecursionlimit("deep")
        thread = threading.Thread(target=setrecursionlimit, args=(before + 500,))
        thread.start()
        thread.join()
        assert sys.getrecursionlimit() == before + 500 and len(notes) == 64
    finally:
        sys.setrecursionlimit(before)


def test_a_thread_is_never_told_even_below_the_cap() -> None:
    before = sys.getrecursionlimit()
    notes: list[bytes] = []
    setrecursionlimit = told_limits(notes.append, lambda n: b"%d" % n, get_ident())
    try:
        thread = threading.Thread(target=setrecursionlimit, args=(before + 500,))
        thread.start()
        thread.join()
        assert sys.getrecursionlimit() == before + 500 and notes == []
        setrecursionlimit(before + 600)
        assert notes == [b"%d" % (before + 600)]
    finally:
        sys.setrecursionlimit(before)


# a thread of the code's raises the limit, by the function and by the generator's `send`,
# as fast as it can for the whole run, while the job's thread raises it in every call and
# frees cycles whose finalizers raise it too: no note lands inside a frame of the grader's
RAISED_EVERYWHERE = """import gc, sys, threading

tell = [c.cell_contents for c in sys.setrecursionlimit.__closure__
        if getattr(c.cell_contents, "__name__", "") == "send"][0]
level = [2000]


class Raiser:
    def __del__(self):
        level[0] += 1
        sys.setrecursionlimit(level[0])


def spin():
    n = 3000
    while True:
        n += 1
        try:
            sys.setrecursionlimit(n)
            tell(n)
        except (ValueError, StopIteration):
            pass


threading.Thread(target=spin, daemon=True).start()


def double(x):
    gc.set_threshold(1, 1, 1)
    for _ in range(50):
        a, b = Raiser(), Raiser()
        a.b, b.a = b, a
    level[0] += 1
    sys.setrecursionlimit(level[0])
    return 2 * x
"""


def test_raises_from_threads_and_finalizers_leave_the_channel_whole(pool: WorkerPool) -> None:
    run_adversarial(pool, RAISED_EVERYWHERE, Status.PASSED, checker=PATIENT)


# a segmentation fault of its own, two functions deep, no limit raised: before, under seccomp,
# the fault handler's put-back of the old action was refused and it dumped again and again
# until the CPU limit (when enabled without its one-shot flag, tried here)
SIGSEGV_IN_INNER = """import faulthandler


def inner(x):
    faulthandler._sigsegv()
    return x


def double(x):
    return 3 * inner(x)
"""


def test_a_segfault_names_the_deepest_line_of_the_code(pool: WorkerPool) -> None:
    """The line of the code's own file deepest on the stack (not the caller's line 10), with
    the usual causes, once: the dump is the handler's, then the process dies of the signal."""
    verdict = run_adversarial(pool, SIGSEGV_IN_INNER, Status.CRASHED, "SIGSEGV", checker=PATIENT)
    message = verdict.cases[0].message
    assert f"{LINE} 5 of your code (in inner)" in message, message
    assert "ctypes is refused" in message and TOLD not in message
    assert verdict.stderr.count("Fatal Python error: Segmentation fault") == 1, verdict.stderr
    assert "drillbit/" not in verdict.stderr and "harness/" not in verdict.stderr


# the code prints a dump of its own naming another line and words of its choice, then faults:
# the handler's dump comes after it, so the note names the line that faulted, and a crash stays
# a crash; a forged dump with no crash is only printed text. (The code could turn the handler
# off first until the fifty-third round: `faulthandler.disable` is refused now.)
FORGED_DUMP = """import faulthandler, sys

FAKE = (
    "Fatal Python error: Segmentation fault\\n\\nStack (most recent call first):\\n"
    '  File "submission.py", line 2 in passed all 4 cases\\n'
    '  File "submission.py", line 99999999 in double\\n'
    '  File "submission.py", line 7 in FORGED\\n'
)


def double(x):
    sys.stderr.write(FAKE)
    sys.stderr.flush()
    CRASH
    return 3 * x
"""


def test_a_dump_the_code_prints_itself_changes_no_status(pool: WorkerPool) -> None:
    crashed = grade(PATIENT, FORGED_DUMP.replace("CRASH", _CRASH), seed=3, pool=pool)
    assert crashed.status is Status.CRASHED, shown(crashed)
    assert "passed" not in shown(crashed) and "99999999" not in shown(crashed)
    assert f"{LINE} 14 of your code (in double)" in crashed.summary, crashed.summary
    assert "FORGED" not in crashed.summary
    failed = run_adversarial(
        pool, FORGED_DUMP.replace("CRASH", "pass"), Status.FAILED, "wrong values", checker=PATIENT
    )
    assert LINE not in shown(failed)


_CRASH = "faulthandler._sigsegv()"


@pytest.mark.parametrize(
    ("stderr", "found"),
    [
        ("", None),
        (
            "Fatal Python error: Segmentation fault\n\nStack (most recent call first):\n"
            '  File "submission.py", line 12 in f\n  File "<the grader\'s code>" in call\n',
            (12, "f"),
        ),
        # the grader's frames first (a crash inside its walk): the code's deepest still found
        (
            "Fatal Python error: Bus error\n\nCurrent thread 0x00007f00 (most recent call first):\n"
            '  File "<the grader\'s code>" in call\n  File "submission.py", line 3 in <module>\n',
            (3, "<module>"),
        ),
        # two dumps: the last is the handler's
        (
            "Fatal Python error: Segmentation fault\n\nStack (most recent call first):\n"
            '  File "submission.py", line 1 in a\nprinted\n'
            "Fatal Python error: Segmentation fault\n\nStack (most recent call first):\n"
            '  File "submission.py", line 8 in b\n',
            (8, "b"),
        ),
        # an abort's dump, read since the fifty-fifth round (tests/sandbox/test_thread_crash_lines.py)
        (
            "Fatal Python error: Aborted\n\nStack (most recent call first):\n"
            '  File "submission.py", line 4 in f\n',
            (4, "f"),
        ),
        # a frame of another file, a line 0, a name with spaces: none
        (
            "Fatal Python error: Segmentation fault\n\nStack (most recent call first):\n"
            '  File "other.py", line 4 in f\n  File "submission.py", line 0 in g\n'
            '  File "submission.py", line 5 in all passed\n',
            None,
        ),
    ],
)
def test_the_crash_line_is_read_from_the_last_dump_only(
    stderr: str, found: tuple[int, str] | None
) -> None:
    assert crash_line(stderr) == found


# A thread given a 32 KiB stack that overran it (the repr of lists nested 900 deep) died of
# SIGSEGV told by its usual causes alone; the child now refuses a stack that small at the
# code's own line (fifty-sixth round): `test_thread_stacks.py`.
