"""numpy's ways to memory without ctypes, `__class__` assignment, numpy's override protocols on
a returned object, and results that compute themselves later (forty-sixth round, sandbox46).

numpy built an array over any memory an object names (the forty-seventh round closed that door in
the child): `as_strided` past an array's end read or wrote pages nobody mapped, and the process
died of SIGSEGV; the view is now numpy's constructor over the array's own memory, which refuses
it (ValueError in the case); a custom buffer too small for its offset is numpy's own TypeError;
the inputs' shared buffer, reached through `.base` and written with `np.frombuffer`, changes
later cases' inputs, which the code then computes on (the values are judged in the app, from its
own copy) and the in-place check names. Each held; a right answer is graded next in the same pool.
"""

from __future__ import annotations

import pytest

from engine.checkers import get_checker
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.helpers import run_adversarial

SIGMOID = get_checker("nn.activations.sigmoid")

PAST_THE_END = {
    "read": "big = as_strided(x, shape=(1 << 40,), strides=(8,))\n    big.sum()",
    "write": "near = as_strided(x.reshape(-1), shape=(1 << 36,), strides=(8,))\n    near[x.size:] = 0",
}


@pytest.mark.parametrize("how", list(PAST_THE_END))
def test_as_strided_past_an_arrays_end_is_numpys_error_in_its_case(
    pool: WorkerPool, how: str
) -> None:
    # it was a SIGSEGV in case 1 until the forty-seventh round: the child's as_strided now
    # builds its view with numpy's constructor over the array's own memory, which checks it
    source = (
        "from numpy.lib.stride_tricks import as_strided\n\n\n"
        f"def double(x):\n    {PAST_THE_END[how]}\n    return 2 * x\n"
    )
    run_adversarial(
        pool,
        source,
        Status.ERROR,
        "case 1: ValueError: strides is incompatible with shape of requested array and size of buffer",
    )


def test_a_buffer_too_small_for_its_offset_is_numpys_error_in_the_case(pool: WorkerPool) -> None:
    source = (
        "import numpy as np\n\n\ndef double(x):\n"
        '    return np.ndarray(x.shape, dtype=x.dtype, buffer=b"\\0" * 64, offset=1 << 20)\n'
    )
    run_adversarial(
        pool, source, Status.ERROR, "case 1: TypeError: buffer is too small for requested array"
    )


THROUGH_THE_SHARED_BUFFER = """import numpy as np


def sigmoid(z):
    out = 0.5 * (1 + np.tanh(0.5 * z))
    root = z
    while isinstance(root, np.ndarray) and root.base is not None:
        root = root.base
    np.frombuffer(root, dtype=np.uint8)[:] = 0  # every case's inputs, this one's included
    return out
"""


def test_the_inputs_shared_buffer_written_with_frombuffer_is_named(pool: WorkerPool) -> None:
    run_adversarial(
        pool,
        THROUGH_THE_SHARED_BUFFER,
        Status.FAILED,
        "your code changed its input z in place",
        checker=SIGMOID,
    )


# an input made an ndarray subclass whose tobytes hides the change: ndarray's __class__
# cannot be assigned, and the check reads the bytes with ndarray's own method anyway
CLASS_ASSIGNED = """import numpy as np


class Hides(np.ndarray):
    def tobytes(self, *args, **kwargs):
        return b""


def sigmoid(z):
    try:
        z.__class__ = Hides
    except TypeError:
        pass
    out = 0.5 * (1 + np.tanh(0.5 * z))
    z[...] = 0
    return out
"""


def test_class_assignment_on_an_input_hides_no_change(pool: WorkerPool) -> None:
    run_adversarial(
        pool,
        CLASS_ASSIGNED,
        Status.FAILED,
        "your code changed its input z in place",
        checker=SIGMOID,
    )


MODULE_CLASS = """import sys
import types


class Answers(types.ModuleType):
    def __getattribute__(self, name):
        return lambda x: 2 * x  # every name a right double, asked through the module


sys.modules["submission"].__class__ = Answers


def double(x):
    return x
"""


def test_the_modules_class_assigned_does_not_answer_for_the_file(pool: WorkerPool) -> None:
    """The grader reads the file's functions from its namespace, never through the module."""
    run_adversarial(pool, MODULE_CLASS, Status.FAILED, "wrong values")


OVERRIDES = {
    "a-plain-object": """import numpy as np


class Liar:
    def __array_ufunc__(self, *args, **kwargs):
        return True

    def __array_function__(self, *args, **kwargs):
        return True

    def __array__(self, dtype=None, copy=None):
        return np.zeros(3)


def double(x):
    return Liar()
""",
    "an-ndarray-subclass": """import numpy as np


class Liar(np.ndarray):
    def __array_ufunc__(self, *args, **kwargs):
        return True

    def __array_function__(self, *args, **kwargs):
        return True


def double(x):
    return (3 * x).view(Liar)
""",
}


@pytest.mark.parametrize("kind", list(OVERRIDES))
def test_numpys_override_protocols_on_a_returned_object_are_refused(
    pool: WorkerPool, kind: str
) -> None:
    """An object whose every ufunc and array function says True would equal anything in a
    comparison that went through numpy: the child sends exact types only."""
    run_adversarial(pool, OVERRIDES[kind], Status.INVALID, "invalid return: the returned value")


LAZY = {
    "a-generator-that-exits-later": (
        "def double(x):\n    def later():\n        yield 2 * x\n        raise SystemExit(0)\n\n"
        "    return later()\n",
        "got a generator",
    ),
    "a-map": ("def double(x):\n    return map(lambda v: 2 * v, x)\n", "got a map"),
    "a-generator-that-writes-the-input-when-closed": (
        "def double(x):\n    def later():\n        try:\n            yield 1\n        finally:\n"
        "            x[...] = 0\n\n    gen = later()\n    next(gen)\n    return 2 * x, gen\n",
        "item [1]: got a generator",
    ),
}


@pytest.mark.parametrize("kind", list(LAZY))
def test_a_result_that_computes_itself_later_is_refused(pool: WorkerPool, kind: str) -> None:
    source, words = LAZY[kind]
    run_adversarial(pool, source, Status.INVALID, words)
