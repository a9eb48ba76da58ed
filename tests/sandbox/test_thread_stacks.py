"""A thread's stack overflow, told (fifty-sixth round, sandbox56).

A thread of the code's has no alternate signal stack, so a stack overflow there died of
SIGSEGV with no fault dump and no line: a 32 KiB `threading.stack_size` and the repr of lists
nested 900 deep. Every thread in the child now has 8 MiB at least (`floor_thread_stacks`):
Python's recursion limit is met first, and the thread stops on a RecursionError whose line is
named. A smaller size is refused in plain words at the code's own line. What still overflows
(the limit raised far past the stack) is said to be a thread's stack overflow.
"""

from __future__ import annotations

import signal

import pytest

from engine.sandbox import SandboxConfig, WorkerPool
from engine.sandbox.child import THREAD_STACK, _vetted_stack_size
from engine.sandbox.decide import _death
from engine.sandbox.worker import RunResult
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial, shown

PATIENT = PatientDoubleChecker()

IN_A_THREAD = """import sys, threading


def nested_repr():
    nest = []
    for _ in range(DEPTH):
        nest = [nest]
    repr(nest)


def double(x):
    SETUP
    worker = threading.Thread(target=nested_repr)
    worker.start()
    worker.join()
    return 2 * x
"""


def source(setup: str, depth: int) -> str:
    return IN_A_THREAD.replace("SETUP", setup).replace("DEPTH", str(depth))


def test_a_small_thread_stack_is_refused_at_the_code_s_line(pool: WorkerPool) -> None:
    """Before: SIGSEGV in case 1 and no line, in both modes (the thread's 32 KiB overran)."""
    verdict = run_adversarial(
        pool, source("threading.stack_size(32 * 1024)", 900), Status.ERROR, "line 12"
    )
    said = shown(verdict)
    assert "a thread's stack of 32,768 bytes (threading.stack_size)" in said, said
    assert "SIGSEGV" not in said


FRESH_THREAD = (
    "import _imp, importlib.util; _imp.create_builtin(importlib.util.find_spec('_thread'))"
    ".stack_size(32 * 1024)"
)


@pytest.mark.parametrize(
    ("setup", "phrase"),
    [
        ("import _thread; _thread.stack_size(32 * 1024)", "a thread's stack of 32,768 bytes"),
        (
            "import importlib; importlib.reload(threading).stack_size(32 * 1024)",
            "a thread's stack of 32,768 bytes",
        ),
        (FRESH_THREAD, "making a second copy of the _thread module is not allowed"),
    ],
    ids=["_thread's", "a reloaded threading's", "a fresh _thread's"],
)
def test_other_ways_to_a_small_stack_are_refused(pool: WorkerPool, setup: str, phrase: str) -> None:
    verdict = run_adversarial(pool, source(setup, 900), Status.ERROR, phrase)
    assert "line 12" in shown(verdict), shown(verdict)


def test_deep_c_recursion_in_a_thread_names_its_line(pool: WorkerPool) -> None:
    """The default stack holds Python's limit: the thread stops on RecursionError, named."""
    verdict = run_adversarial(pool, source("pass", 5000), Status.PASSED)
    assert "RecursionError" in verdict.stderr, shown(verdict)
    asked = source("threading.stack_size(0)", 5000).replace("return 2 * x", "return x")
    verdict = run_adversarial(pool, asked, Status.FAILED, "wrong values")
    assert (
        "a thread your code started stopped on RecursionError under line 8 of your code"
        " (in nested_repr)" in verdict.summary
    ), shown(verdict)


def test_a_thread_s_overflow_past_a_raised_limit_is_named_a_thread_s(pool: WorkerPool) -> None:
    """The limit raised far past what 8 MiB holds: the thread still dies of SIGSEGV with no
    dump, and the verdict says where that comes from instead of the usual causes alone."""
    code = source("sys.setrecursionlimit(10**8)", 300_000)
    verdict = run_adversarial(pool, code, Status.CRASHED, "SIGSEGV", checker=PATIENT)
    said = shown(verdict)
    if pool.config.seccomp:
        assert "most likely a stack overflow in a thread your code started" in said, said
    assert "it came under line" not in said, said


def test_the_same_recursion_in_the_main_thread_is_unchanged(pool: WorkerPool) -> None:
    """The main thread's RecursionError, as before (its overflow past a raised limit, named by
    the fault handler's dump, is `test_told_recursion_limit.py`'s first test)."""
    code = source("pass", 5000).replace(
        "    worker.start()\n    worker.join()\n", "    nested_repr()\n"
    )
    verdict = run_adversarial(pool, code, Status.ERROR, "RecursionError")
    assert "line 8" in shown(verdict) and "thread" not in verdict.summary, shown(verdict)


def test_the_sizes_the_code_may_ask() -> None:
    assert _vetted_stack_size() == ()  # asks the size
    assert _vetted_stack_size(0) == (THREAD_STACK,)
    assert _vetted_stack_size(THREAD_STACK * 2) == (THREAD_STACK * 2,)
    assert _vetted_stack_size(-1) == (-1,)  # Python's own ValueError
    with pytest.raises(ValueError, match="the least is 8,388,608"):
        _vetted_stack_size(THREAD_STACK - 1)
    with pytest.raises(TypeError, match="an int"):
        _vetted_stack_size(1.5)


def test_the_thread_words_come_only_under_the_filter_without_a_dump() -> None:
    def said(**fields: object) -> str:
        run = RunResult(**fields)  # type: ignore[arg-type]
        return _death(run, "case 1", SandboxConfig(), "256 MiB", 4)[2]

    thread = "most likely a stack overflow in a thread your code started"
    assert thread in said(signal=signal.SIGSEGV, fault_handler=True, seccomp=True)
    assert thread in said(signal=signal.SIGBUS, fault_handler=True, seccomp=True)
    assert thread not in said(signal=signal.SIGSEGV, fault_handler=True)
    assert thread not in said(signal=signal.SIGSEGV, seccomp=True)
    assert thread not in said(signal=signal.SIGABRT, fault_handler=True, seccomp=True)
    dump = (
        "Fatal Python error: Segmentation fault\n\nCurrent thread 0x00007f (most recent call"
        ' first):\n  File "submission.py", line 8 in nested_repr\n'
    )
    told = said(signal=signal.SIGSEGV, fault_handler=True, seccomp=True, stderr=dump)
    assert thread not in told and "line 8 of your code" in told
