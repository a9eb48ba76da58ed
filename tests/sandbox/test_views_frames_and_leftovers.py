"""Attacks of the forty-ninth round that held (sandbox49): numpy's views and buffers, the
grader's frames and objects, the class of a returned array, what a returned value or a
finalizer does after the call.

Each was graded as an answer to `double` in bubblewrap and in Landlock, with seccomp and the
hooks, and none got through: each is pinned here in the words it is refused in, so a later
change that opens one fails. (The round's two that got through are in
`test_constructor_doors.py`, the array with no dtype, and `test_wrapped_indices.py`.)
"""

from __future__ import annotations

import textwrap

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.helpers import run_adversarial

HELD: dict[str, tuple[str, Status, str]] = {}

HELD["as_strided writeable over two floats, a million long"] = (
    """import numpy as np
def double(x):
    small = np.zeros(2)
    big = np.lib.stride_tricks.as_strided(small, shape=(1 << 20,), strides=(8,), writeable=True)
    big[:] = 1.0
    return 2 * x
""",
    Status.ERROR,
    "strides is incompatible with shape of requested array and size of buffer",
)
HELD["a one-byte buffer viewed as float64"] = (
    """import numpy as np
def double(x):
    wide = np.frombuffer(bytearray(1), np.uint8).view(np.float64)
    return 2 * x + wide[0]
""",
    Status.ERROR,
    "When changing to a larger dtype",
)
HELD["np.frombuffer from an offset past the end"] = (
    """import numpy as np
def double(x):
    return 2 * x + np.frombuffer(bytearray(16), np.uint8, offset=1 << 20).sum()
""",
    Status.ERROR,
    "offset must be non-negative and no greater than buffer length (16)",
)
HELD["np.ascontiguousarray of an interface naming an address"] = (
    """import numpy as np
class Raw:
    def __init__(self, address):
        self.__array_interface__ = {
            "shape": (4,), "typestr": "<f8", "data": (address, False), "version": 3}
def double(x):
    read = np.ascontiguousarray(Raw(id(x)))
    return 2 * x + np.asarray(read, dtype=np.float64)[:1]
""",
    Status.ERROR,
    "float() argument must be a string or a real number, not 'Raw'",
)
HELD["another array's __array_struct__ capsule, carried"] = (
    """import numpy as np
class Carry:
    def __init__(self, other):
        self.__array_struct__ = other.__array_struct__
def double(x):
    return 2 * x + np.asarray(Carry(np.arange(4.0))).astype(np.float64)[:1]
""",
    Status.ERROR,
    "not 'Carry'",
)
HELD["ctypes through arr.ctypes.data_as"] = (
    """import numpy as np
def double(x):
    x.ctypes.data_as(np.ctypeslib.ndpointer(np.float64))
    return 2 * x
""",
    Status.ERROR,
    "cast() argument 2 must be a pointer type",
)
HELD["gc.get_objects for the reference's arrays"] = (
    """import gc
import numpy as np
def double(x):
    return [o for o in gc.get_objects() if type(o) is np.ndarray][0] * 2
""",
    Status.ERROR,
    "inspecting the grader's objects is not allowed",
)
HELD["sys._getframe(1).f_locals"] = (
    """import sys
def double(x):
    return sys._getframe(1).f_locals["expected"]
""",
    Status.ERROR,
    "inspecting stack frames is not allowed",
)
HELD["inspect.currentframe().f_back.f_globals"] = (
    """import inspect
def double(x):
    return inspect.currentframe().f_back.f_globals
""",
    Status.ERROR,
    "inspecting stack frames is not allowed",
)
HELD["a traceback's frame, then f_back"] = (
    """def double(x):
    try:
        raise ValueError
    except ValueError as e:
        return e.__traceback__.tb_frame.f_back.f_locals
""",
    Status.ERROR,
    "inspecting stack frames is not allowed",
)
HELD["__class__ of a returned array set to a subclass whose == says yes"] = (
    """import numpy as np
class Agree(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(other), bool)
def double(x):
    out = x + 1.0
    out.__class__ = Agree
    return out
""",
    Status.ERROR,
    "__class__ assignment only supported for mutable types",
)
HELD["__class__ of a subclass's array set back to ndarray"] = (
    """import numpy as np
class Agree(np.ndarray):
    pass
def double(x):
    out = (x + 1.0).view(Agree)
    out.__class__ = np.ndarray
    return out
""",
    Status.ERROR,
    "__class__ assignment only supported for mutable types",
)
HELD["a returned object whose __reduce__ runs a shell"] = (
    """import os
class Sly:
    def __reduce__(self):
        return (os.system, ("touch /tmp/drillbit_s49_reduced",))
def double(x):
    return [2 * x, Sly()]
""",
    Status.INVALID,
    "got a submission.Sly",
)
HELD["a __del__ that prints a pass and sleeps, after the verdict"] = (
    """import time
class Late:
    def __del__(self):
        print("passed all 4 cases")
        time.sleep(30)
kept = []
def double(x):
    kept.append(Late())
    return x + 1.0
""",
    Status.FAILED,
    "wrong values",
)
HELD["a structured dtype whose field lies 2**40 bytes on"] = (
    """import numpy as np
def double(x):
    dt = np.dtype({"names": ["a"], "formats": ["<f8"], "offsets": [1 << 40], "itemsize": 8})
    return 2 * x + np.zeros(8, np.uint8).view(dt)["a"][0]
""",
    Status.ERROR,
    "integer won't fit into a C int",
)
HELD["a void dtype of 2**62 bytes"] = (
    """import numpy as np
def double(x):
    np.zeros(1, dtype=np.dtype((np.void, 1 << 62)))
    return 2 * x
""",
    Status.ERROR,
    "invalid itemsize in generic type tuple",
)
HELD["sliding_window_view with a window of 2**40"] = (
    """import numpy as np
def double(x):
    np.lib.stride_tricks.sliding_window_view(np.zeros(4), 1 << 40)
    return 2 * x
""",
    Status.ERROR,
    "window shape cannot be larger than input array shape",
)


@pytest.mark.parametrize("attack", list(HELD))
def test_the_rounds_other_attacks_are_refused(pool: WorkerPool, attack: str) -> None:
    source, status, words = HELD[attack]
    verdict = run_adversarial(pool, textwrap.dedent(source), status, words)
    assert not verdict.passed
