"""A thread's crash, told with the code's line (fifty-fifth round, sandbox55).

A segmentation fault in a thread of the code's named its line already (the fault handler
dumps the faulting thread's stack). Two endings did not: an abort (`os.abort()`, SIGABRT),
whose dump names the line but was read only for SIGSEGV and SIGBUS, and an uncaught
exception, which ends the thread alone and left a verdict (wrong values) that said nothing
of it, though Python's `threading.excepthook` printed the line on stderr.
"""

from __future__ import annotations

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.sandbox.decide import thread_exception
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import WARM_WITHIN_SECONDS, run_adversarial, shown

PATIENT = PatientDoubleChecker()

IN_A_THREAD = """import os, threading


def boom():
    STOP


def double(x):
    thread = threading.Thread(target=boom)
    thread.start()
    thread.join()
    return RESULT
"""


def source(stop: str, result: str = "2 * x") -> str:
    return IN_A_THREAD.replace("STOP", stop).replace("RESULT", result)


@pytest.mark.parametrize("where", ["a thread", "the main thread"])
def test_an_abort_names_the_line_it_came_under(pool: WorkerPool, where: str) -> None:
    """Before: "killed by SIGABRT (an abort)" and no line, in both modes."""
    code = source("os.abort()")
    if where == "the main thread":
        code = code.replace("thread.join()", "thread.join()\n    boom()")
    verdict = run_adversarial(pool, code, Status.CRASHED, "SIGABRT")
    assert "it came under line 5 of your code (in boom)" in shown(verdict), shown(verdict)


def test_a_thread_s_uncaught_exception_is_named_with_its_line(pool: WorkerPool) -> None:
    """Before: "wrong values (max abs error ...)" and nothing of the thread's ValueError."""
    verdict = run_adversarial(
        pool, source("raise ValueError('no data')", "x"), Status.FAILED, "wrong values"
    )
    assert (
        "a thread your code started stopped on ValueError under line 5 of your code (in boom)"
        in verdict.summary
    ), shown(verdict)


def test_a_passing_answer_gets_no_word_of_its_thread(pool: WorkerPool) -> None:
    pool.wait_warm(WARM_WITHIN_SECONDS)
    verdict = grade(PATIENT, source("raise ValueError('no data')"), seed=3, pool=pool)
    assert verdict.status is Status.PASSED, shown(verdict)
    assert "thread" not in verdict.summary
    assert "ValueError" in verdict.stderr  # Python printed it: the note's source was there


def test_only_a_traceback_through_the_code_s_file_names_a_line() -> None:
    head = "Exception in thread Thread-1 (run):\nTraceback (most recent call last):\n"
    theirs = '  File "/usr/lib/python3.11/threading.py", line 1045, in _bootstrap_inner\n'
    ours = '  File "submission.py", line 12, in work\n    work()\n'
    deeper = '  File "submission.py", line 3, in step\n'
    assert thread_exception(head + theirs + "KeyError: 3\n") is None
    assert thread_exception(head + theirs + ours + deeper + "KeyError: 3\n") == (
        "KeyError",
        3,
        "step",
    )
    # the first thread's, after output the code left without a newline
    second = head.replace("Thread-1", "Thread-2") + ours + "OSError\n"
    found = thread_exception("partial" + head + ours + "ZeroDivisionError: x\n" + second)
    assert found == ("ZeroDivisionError", 12, "work")
    assert thread_exception("") is None


WAITING = """import queue, threading


def work(out):
    out.put(1 / 0)


def double(x):
    out = queue.Queue()
    threading.Thread(target=work, args=(out,)).start()
    return out.get() * x
"""


def test_a_wait_for_a_thread_that_died_names_where_it_died(pool: WorkerPool) -> None:
    """The main thread waits on a queue its dead thread never fills: a timeout that said
    nothing of the thread's ZeroDivisionError before."""
    verdict = run_adversarial(pool, WAITING, Status.TIMEOUT, "(wall clock")
    assert (
        "a thread your code started stopped on ZeroDivisionError under line 5 of your code"
        " (in work)" in verdict.summary
    ), shown(verdict)
