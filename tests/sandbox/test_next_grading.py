"""What a submission changes in its worker never reaches the next grading (the thirty-seventh
round's check of the warm pool).

Each warm worker grades one submission and exits; the next comes from a fresh interpreter, and
the app judges every case in its own process from the returned values. A submission that
replaced numpy's comparisons, `builtins`, `sys.modules['numpy']` and the `json` the child
writes with, and left a `numpy.py` and a `sitecustomize.py` in its home, its temp dir and its
work dir (where the modes let it write), passed nothing for the wrong answer graded next in the
same pool, in every mode.
"""

from __future__ import annotations

import textwrap

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientSigmoid
from tests.sandbox.helpers import DOUBLE, GOOD, shown

POISONER = textwrap.dedent("""
    import builtins, json, os, sys, tempfile
    import numpy as np

    np.allclose = np.array_equal = lambda *args, **kwargs: True
    np.isclose = lambda a, b, *args, **kwargs: np.ones(np.shape(a), dtype=bool)
    builtins.abs = lambda value: 0
    json.dumps = lambda *args, **kwargs: '{"t": "result", "passed": true}'
    sys.modules["numpy"] = type(sys)("numpy")
    PLANTED = "import builtins\\nbuiltins.PLANTED = True\\n"
    for folder in {os.path.expanduser("~"), tempfile.gettempdir(), os.getcwd()}:
        for name in ("numpy.py", "sitecustomize.py", "usercustomize.py"):
            try:
                with open(os.path.join(folder, name), "w") as file:
                    file.write(PLANTED)
            except OSError:
                pass

    def double(x):
        return 2 * x
""")

WRONG = "import builtins\n\n\ndef double(x):\n    return 2 * x + getattr(builtins, 'PLANTED', 1)\n"
"""Off by one everywhere, unless a planted module ran in its worker (then off by True, as wrong)."""


def test_a_poisoned_worker_changes_nothing_for_the_next_submission(pool: WorkerPool) -> None:
    first = grade(DOUBLE, POISONER, seed=2, pool=pool)
    assert first.status is Status.PASSED, shown(first)  # its own answer is right
    wrong = grade(DOUBLE, WRONG, seed=2, pool=pool)
    assert wrong.status is Status.FAILED, shown(wrong)
    right = grade(DOUBLE, GOOD, seed=2, pool=pool)
    assert right.status is Status.PASSED, shown(right)


NUMPY_STATE_POISONER = textwrap.dedent("""
    import numpy as np

    np.seterr(all="ignore")
    np.seterrcall(None)
    np.set_printoptions(threshold=3, precision=1, formatter={"float": lambda v: "0.5"})
    np.random.seed(0)

    def sigmoid(z):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
""")
NAIVE_SIGMOID = "import numpy as np\n\n\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"


def test_numpy_state_one_answer_sets_is_not_the_next_answers(pool: WorkerPool) -> None:
    # the thirty-ninth round: numpy's error state (ignore every event), print options and
    # random state are the process's globals; graded next in the same pool, a naive sigmoid
    # still fails on its overflow
    sigmoid = PatientSigmoid()
    first = grade(sigmoid, NUMPY_STATE_POISONER, seed=2, pool=pool)
    assert first.status is Status.PASSED, shown(first)
    naive = grade(sigmoid, NAIVE_SIGMOID, seed=2, pool=pool)
    assert naive.status is Status.FAILED, shown(naive)
    assert "overflow" in shown(naive), shown(naive)
