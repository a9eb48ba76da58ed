"""Verdicts forged through numpy's own types, shapes that broadcast, settings left for the
next grading, and time spent at import or on one case (forty-sixth round, sandbox46b).

Each attack is an answer to `double` (or the sigmoid drill, which checks its input is kept)
and is followed by a right answer graded in the same pool, whatever its own verdict was.
The values are judged in the app from what the wire carries, so an object, structured or
record dtype, a subclass with its own `__eq__` or `__array_priority__`, a masked array
hiding wrong values under its mask, a list or tuple of rows are refused in words; a 0-d
array, an (n, m, 1) or a flat array, or an empty one fail on their shape; NaN with a payload
and `inf - inf` fail as non-finite; rebinding numpy's, math's or the builtins' comparisons
in the child judges nothing. All held on this machine; a timeout after a slow import
said the limit was for the cases alone, and now says what loading took of it.
"""

from __future__ import annotations

import re

import pytest

from engine.checkers import get_checker
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.verdict import CaseStatus, Status
from tests.sandbox.helpers import DOUBLE, GOOD, WARM_WITHIN_SECONDS, run_adversarial, shown

SIGMOID = get_checker("nn.activations.sigmoid")
HEAD = "import numpy as np\n\n\n"


def _attack_then_right(
    pool: WorkerPool, source: str, status: Status, phrase: str, **kwargs: object
) -> None:
    """The attack's verdict, then a right answer passing in the same pool."""
    run_adversarial(pool, source, status, phrase, **kwargs)  # type: ignore[arg-type]
    pool.wait_warm(WARM_WITHIN_SECONDS)
    after = grade(DOUBLE, GOOD, seed=5, pool=pool)
    assert after.status is Status.PASSED, shown(after)


FORGED = {
    "object-dtype-of-a-float-subclass-equal-to-all": (
        "class F(float):\n    def __eq__(self, other):\n        return True\n\n"
        "    __hash__ = float.__hash__\n\n\n"
        "def double(x):\n"
        "    return np.array([F(0.0) for v in x.ravel()], dtype=object).reshape(x.shape)\n",
        Status.INVALID,
        "an array of dtype object is not accepted",
    ),
    "structured-dtype": (
        "def double(x):\n    out = np.zeros(x.shape, dtype=[('a', 'f8')])\n"
        "    out['a'] = 2 * x\n    return out\n",
        Status.INVALID,
        "an array of dtype [('a', '<f8')] is not accepted",
    ),
    "record-array": (
        "def double(x):\n    return np.rec.fromarrays([2 * x], names='a')\n",
        Status.INVALID,
        "got a numpy.rec.recarray, a subclass of numpy.ndarray",
    ),
    "array-priority-subclass-equal-to-all": (
        "class P(np.ndarray):\n    __array_priority__ = 1e9\n\n"
        "    def __eq__(self, other):\n        return np.ones(np.shape(other), bool)\n\n\n"
        "def double(x):\n    return np.zeros_like(x).view(P)\n",
        Status.INVALID,
        "got a submission.P, a subclass of numpy.ndarray",
    ),
    "masked-array-hiding-wrong-values": (
        "def double(x):\n    return np.ma.masked_array(np.zeros_like(x), mask=True)\n",
        Status.INVALID,
        "got a numpy.ma.MaskedArray",
    ),
    "a-python-float": (
        "def double(x):\n    return float(2 * x.ravel()[0])\n",
        Status.INVALID,
        "expected an array, got float",
    ),
    "a-0-d-array": (
        "def double(x):\n    return np.array(2 * x.ravel()[0])\n",
        Status.FAILED,
        "wrong shape: expected (4, 1), got ()",
    ),
    "an-extra-axis-that-broadcasts": (
        "def double(x):\n    return (2 * x)[..., None]\n",
        Status.FAILED,
        "wrong shape: expected (4, 1), got (4, 1, 1)",
    ),
    "flattened": (
        "def double(x):\n    return (2 * x).reshape(-1)\n",
        Status.FAILED,
        "wrong shape: expected (4, 1), got (4,)",
    ),
    "empty": (
        "def double(x):\n    return np.zeros((0,))\n",
        Status.FAILED,
        "wrong shape: expected (4, 1), got (0,)",
    ),
    "a-list-of-rows": (
        "def double(x):\n    return list(2 * x)\n",
        Status.INVALID,
        "expected an array, got list",
    ),
    "nested-lists": (
        "def double(x):\n    return (2 * x).tolist()\n",
        Status.INVALID,
        "expected an array, got list",
    ),
    "a-tuple-of-rows": (
        "def double(x):\n    return tuple(2 * x)\n",
        Status.INVALID,
        "expected an array, got tuple",
    ),
    "nan-with-a-payload": (
        "def double(x):\n"
        "    return np.full_like(x, np.uint64(0x7FF8000000000001).view(np.float64))\n",
        Status.FAILED,
        "the result contains NaN or inf",
    ),
    "inf-minus-inf": (
        "def double(x):\n    return 2 * x + (np.inf - np.inf)\n",
        Status.FAILED,
        "the result contains NaN or inf",
    ),
    "negative-zero-everywhere": (
        "def double(x):\n    return np.where(x == x, -0.0, 0.0)\n",
        Status.FAILED,
        "wrong values",
    ),
    "bits-viewed-as-uint64": (
        "def double(x):\n    return (2 * x).view(np.uint64)\n",
        Status.FAILED,
        "wrong values",
    ),
    "bits-viewed-as-datetime64": (
        "def double(x):\n    return (2 * x).view('M8[ns]')\n",
        Status.INVALID,
        "an array of dtype datetime64[ns] is not accepted",
    ),
    "right-values-as-strings": (
        "def double(x):\n    return (2 * x).astype(str)\n",
        Status.INVALID,
        "an array of dtype <U32 is not accepted",
    ),
    "booleans-all-true": (
        "def double(x):\n    return np.ones(x.shape, dtype=bool)\n",
        Status.FAILED,
        "wrong values",
    ),
    "thirty-extra-axes": (
        "def double(x):\n    return (2 * x).reshape(x.shape + (1,) * 30)\n",
        Status.FAILED,
        "wrong shape: expected (4, 1), got (4, 1, 1,",
    ),
}

RIGHT_WRITTEN_OTHERWISE = {
    "big-endian": "return (2 * x).astype('>f8')",
    "fortran-order": "return np.asfortranarray(2 * x)",
    "a-read-only-broadcast-view": "return np.broadcast_to(2 * x, x.shape)",
    "negative-strides": "return (2 * x[::-1, ::-1])[::-1, ::-1]",
    "over-a-bytearray": (
        "return np.frombuffer(bytearray((2 * x).tobytes()), dtype=np.float64).reshape(x.shape)"
    ),
}


@pytest.mark.parametrize("name", list(RIGHT_WRITTEN_OTHERWISE))
def test_a_right_array_in_numpys_other_layouts_passes(pool: WorkerPool, name: str) -> None:
    """The forgeries' refusals do not refuse a right answer laid out another way."""
    source = HEAD + f"def double(x):\n    {RIGHT_WRITTEN_OTHERWISE[name]}\n"
    _attack_then_right(pool, source, Status.PASSED, "passed all 4 cases")


@pytest.mark.parametrize("name", list(FORGED))
def test_a_value_forged_through_numpy_is_refused_or_fails(pool: WorkerPool, name: str) -> None:
    source, status, phrase = FORGED[name]
    _attack_then_right(pool, HEAD + source, status, phrase)


def test_the_input_changed_and_returned_as_a_read_only_view_is_named(pool: WorkerPool) -> None:
    source = HEAD + (
        "def sigmoid(z):\n    z[...] = 0.5 * (1 + np.tanh(0.5 * z))\n"
        "    view = z.view()\n    view.flags.writeable = False\n    return view\n"
    )
    _attack_then_right(
        pool, source, Status.FAILED, "your code changed its input z in place", checker=SIGMOID
    )


REBOUND = """import builtins
import math

import numpy as np

builtins.len = lambda value: 0
builtins.isinstance = lambda value, kind: True
builtins.sum = lambda *args: 0
builtins.round = lambda *args: 0
builtins.abs = lambda value: 0
builtins.min = builtins.max = lambda *args, **kwargs: 0
math.isclose = lambda *args, **kwargs: True
np.isclose = lambda *args, **kwargs: True
np.allclose = lambda *args, **kwargs: True


def double(x):
    return 3 * x
"""

SPOOFED_LIMITS = """import sys
import types

import numpy as np

sys.float_info = types.SimpleNamespace(epsilon=1.0, max=1.0, min=1.0, dig=1)
np.finfo = lambda *args: types.SimpleNamespace(eps=1.0, tiny=1.0, max=1.0, resolution=1.0)


def double(x):
    return 2 * x * (1 + 1e-3)
"""


@pytest.mark.parametrize("source", [REBOUND, SPOOFED_LIMITS], ids=["comparisons", "limits"])
def test_rebinding_the_childs_comparisons_judges_nothing(pool: WorkerPool, source: str) -> None:
    _attack_then_right(pool, source, Status.FAILED, "wrong values")


UNSETTLING = """import builtins
import decimal
import locale

import numpy as np

decimal.getcontext().prec = 1
try:
    locale.setlocale(locale.LC_ALL, "C.UTF-8")
except locale.Error:
    pass
np.random.seed(0)
np.set_printoptions(precision=1)
np.seterr(all="ignore")
builtins.repr = lambda value: "x"
builtins.type = lambda *args: int
builtins.getattr = lambda *args: None


def double(x):
    return 2 * x
"""


def test_a_right_answer_that_unsettles_the_process_passes_and_leaves_nothing(
    pool: WorkerPool,
) -> None:
    """The grader's own steps in the child do not go through what the code rebinds."""
    _attack_then_right(pool, UNSETTLING, Status.PASSED, "passed all 4 cases")


def test_a_case_that_never_ends_is_named_and_the_earlier_ones_do_not_hide_it(
    pool: WorkerPool,
) -> None:
    source = HEAD + "def double(x):\n    if x.size >= 9:\n        while True:\n            pass\n"
    source += "    return 2 * x\n"
    _attack_then_right(pool, source, Status.TIMEOUT, "case 4 did not finish within 1 s")


def test_an_import_that_spends_the_time_limit_is_named_as_loading(pool: WorkerPool) -> None:
    source = (
        "import time\n\nimport numpy as np\n\n"
        "while True:\n    time.process_time()\n\n\n"
        "def double(x):\n    return 2 * x\n"
    )
    _attack_then_right(pool, source, Status.TIMEOUT, "loading your code did not finish")


SLOW_TO_LOAD = """import time

import numpy as np

time.sleep(0.4)


def double(x):
    time.sleep(0.2)
    return 2 * x
"""
"""Loads in 0.4 s, then 0.2 s a case: past the 1 s limit in a case whatever the load. It slept
0.7 s at load, and loading took 0.81 s at `-n 3` beside another run: one stall more and the
limit came while loading, where the test wants it in a case."""


def test_a_timeout_after_a_slow_import_says_what_loading_took(pool: WorkerPool) -> None:
    """The wall clock runs from the job's start: an import that took 0.7 s left 0.3 s for the
    cases, and "the 1 s are for all 4 cases together" sent its author hunting a slow case."""
    verdict = run_adversarial(pool, SLOW_TO_LOAD, Status.TIMEOUT, "did not finish within 1 s")
    timed = next(c for c in verdict.cases if c.status is CaseStatus.TIMEOUT)
    assert timed.name.startswith("case "), shown(verdict)
    assert "(loading your code and all 4 cases together)" in timed.message, timed.message
    took = re.search(r"loading your code took (\d+\.\d\d) s of them", timed.message)
    assert took is not None, timed.message
    assert 0.4 <= float(took.group(1)) <= 1.0, timed.message
    assert "for loading your code and all 4 cases together" in verdict.summary, verdict.summary
