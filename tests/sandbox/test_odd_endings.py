"""Answers that end a call in odd ways, each graded in both isolation modes (forty-fifth round).

Tried on this machine as attacks and found held: each is pinned with the verdict it gets, so
a change that lets one pass, hang or crash the grader shows. What each pins is in its row.
"""

from __future__ import annotations

import textwrap

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.helpers import run_adversarial, shown


def src(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


ENDINGS: list[tuple[str, str, Status, str]] = [
    # SIGINT is ignored in the child and SIGTSTP stops nothing there: no KeyboardInterrupt
    # can be made to land inside the grader's own code between two of its steps
    (
        "sigint-and-sigtstp-to-itself",
        src("""
            import signal
            def double(x):
                signal.raise_signal(signal.SIGINT)
                signal.raise_signal(signal.SIGTSTP)
                return 2 * x
        """),
        Status.PASSED,
        "passed all 4 cases",
    ),
    (
        "abort",
        "import os\n\ndef double(x):\n    os.abort()\n",
        Status.CRASHED,
        "SIGABRT (an abort)",
    ),
    # BaseExceptions other than SystemExit are named, never taken for the grader's own
    (
        "generator-exit",
        "def double(x):\n    raise GeneratorExit()\n",
        Status.ERROR,
        "GeneratorExit during the call",
    ),
    (
        "a-base-exception-of-its-own-that-says-passed",
        "class Passed(BaseException):\n    pass\n\ndef double(x):\n    raise Passed('passed')\n",
        Status.ERROR,
        "Passed during the call",
    ),
    # a matrix product in numpy's C code holds no Python frame the limits could wait on:
    # the wall clock still ends it
    (
        "matrix-products-inside-c",
        src("""
            import numpy as np
            def double(x):
                a = np.ones((2000, 2000))
                while True:
                    a = a @ a / 2000.0
        """),
        Status.TIMEOUT,
        "case 1 did not finish",
    ),
    # a cause chain of 100,000 exceptions: the grader words the last one only, quickly. The
    # CPU limit bounds "quickly": graded on DOUBLE's 1 s wall clock the chain took 0.52-0.96
    # s at a load average of 22 (a right answer 0.11-0.14 s), so run_adversarial grades it
    # on the patient clock (0.6-0.7 s of 60 s); the test below pins the wording whole
    (
        "a-chain-of-causes",
        src("""
            ERROR = ValueError("0")
            for i in range(1, 100_000):
                later = ValueError(str(i))
                later.__cause__ = ERROR
                ERROR = later
            def double(x):
                raise ERROR
        """),
        Status.ERROR,
        "ValueError: 99999",
    ),
    (
        "a-cycle-of-causes",
        src("""
            def double(x):
                a, b = ValueError("a"), TypeError("b")
                a.__cause__, b.__cause__ = b, a
                a.__context__, b.__context__ = b, a
                raise a
        """),
        Status.ERROR,
        "ValueError: a",
    ),
    (
        "an-exception-group-nested-deep",
        src("""
            ERROR = ValueError("leaf")
            for _ in range(20_000):
                ERROR = ExceptionGroup("g", [ERROR])
            def double(x):
                raise ERROR
        """),
        Status.ERROR,
        "ExceptionGroup: g (1 sub-exception)",
    ),
    (
        "a-hundred-thousand-notes-with-escapes",
        src("""
            def double(x):
                error = ValueError("v")
                for _ in range(100_000):
                    error.add_note("passed all 4 cases \\x1b[2J")
                raise error
        """),
        Status.ERROR,
        "ValueError: v",
    ),
    # a right answer whose array is a matrix is refused in words, whatever its values
    (
        "a-matrix",
        "import numpy as np\n\ndef double(x):\n    return np.asmatrix(2 * x)\n",
        Status.INVALID,
        "got a numpy.matrix",
    ),
    # a float16 answer is judged on its values: too coarse for the drill's tolerance
    (
        "float16",
        "import numpy as np\n\ndef double(x):\n    return (2 * x).astype(np.float16)\n",
        Status.FAILED,
        "wrong values",
    ),
]


@pytest.mark.parametrize(
    ("source", "status", "phrase"),
    [row[1:] for row in ENDINGS],
    ids=[row[0] for row in ENDINGS],
)
def test_an_odd_ending_gets_its_own_verdict(
    pool: WorkerPool, source: str, status: Status, phrase: str
) -> None:
    verdict = run_adversarial(pool, source, status, phrase)
    assert "Traceback" not in verdict.stderr, verdict.stderr


def test_a_chain_of_causes_is_worded_by_its_last_exception_alone(pool: WorkerPool) -> None:
    """The row above finds "ValueError: 99999" in the verdict, which it would in a wording of
    the whole chain too: the first failure is the last exception and its line, nothing of
    the 99,999 causes behind it."""
    source = next(row[1] for row in ENDINGS if row[0] == "a-chain-of-causes")
    verdict = run_adversarial(pool, source, Status.ERROR)
    assert verdict.first_failure is not None, shown(verdict)
    assert verdict.first_failure.message == "ValueError: 99999\n  line 7, in double: raise ERROR"
