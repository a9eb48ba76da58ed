"""numpy's array-interface door, attacked and closed (forty-seventh round, sandbox47).

numpy builds an array over whatever address an object's `__array_interface__` (or
`__array_struct__`) names, and `as_strided` over whatever its strides reach: the code read and
wrote the child's memory. The values are judged in the app, so no wrong value passed; but the
flags only the child can see could be rewritten, and a naive sigmoid, whose values are right,
passed the drill that checks for overflow, in both modes: its overflow counters (found from
`np.geterrcall()`) set back after the call, through an interface or through `as_strided`. The
child now points numpy's two names for those attributes at strings no object holds, and its
`as_strided` is numpy's constructor over the array's own memory
(`close_array_interface` in `engine/sandbox/child.py`). Each attack below falls back to the
naive sigmoid where its door is shut, so it fails on the overflow (or the error of the door's
refusal) rather than passing; each passed before (but the crash and the struct, which held).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from engine.checkers import get_checker
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.helpers import GOOD, run_adversarial

SIGMOID = get_checker("nn.activations.sigmoid")
OVERFLOWED = "numpy reported overflow during the call"

NAIVE = "1 / (1 + np.exp(-z))"

COUNTERS_REWOUND = f"""import numpy as np


class At:
    def __init__(self, address, count):
        self.__array_interface__ = {{
            "shape": (count,), "typestr": "<i8", "data": (address, False), "version": 3
        }}


def sigmoid(z):
    counters = [tick.__self__ for _kind, tick in np.geterrcall().__defaults__[0]]
    cells = [np.asarray(At(id(counter), 3)) for counter in counters]
    if any(cell.dtype == object for cell in cells):
        return {NAIVE}  # the door is shut: nothing to rewind
    before = [int(cell[2]) for cell in cells]
    out = {NAIVE}
    for cell, was in zip(cells, before):
        cell[2] = was  # itertools.count's own count, where it stood before the overflow
    return out
"""

STRIDES_TO_THE_COUNTERS = f"""import numpy as np
from numpy.lib.stride_tricks import as_strided


def words_at(anchor, address, count):
    start = anchor.__array_interface__["data"][0]
    return as_strided(anchor, shape=(2, count), strides=(address - start, 8))[1]


def sigmoid(z):
    anchor = np.zeros(4, dtype=np.int64)
    counters = [tick.__self__ for _kind, tick in np.geterrcall().__defaults__[0]]
    try:
        cells = [words_at(anchor, id(counter), 3) for counter in counters]
    except ValueError:
        return {NAIVE}  # numpy's constructor refused a view past the array's memory
    before = [int(cell[2]) for cell in cells]
    out = {NAIVE}
    for cell, was in zip(cells, before):
        cell[2] = was
    return out
"""

ERRMASK_CLEARED = f"""import numpy as np
from numpy._core import _multiarray_umath as umath


class At:
    def __init__(self, address, count):
        self.__array_interface__ = {{
            "shape": (count,), "typestr": "<u8", "data": (address, False), "version": 3
        }}


def sigmoid(z):
    head = np.asarray(At(id(umath._extobj_contextvar.get()), 3))
    if head.dtype == object:
        return {NAIVE}
    struct = np.asarray(At(int(head[2]), 1))  # npy_extobj: errmask first
    was = int(struct[0])
    struct[0] = 0  # no floating-point event is reported, so the grader's callback never runs
    out = {NAIVE}
    struct[0] = was  # and the state looks untouched afterwards
    return out
"""

ATTACKS = {
    "counters rewound through __array_interface__": COUNTERS_REWOUND,
    "counters rewound through as_strided's strides": STRIDES_TO_THE_COUNTERS,
    "numpy's error mask cleared for the call": ERRMASK_CLEARED,
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_the_overflow_check_cannot_be_rewritten_through_numpys_memory_doors(
    pool: WorkerPool, attack: str
) -> None:
    run_adversarial(pool, ATTACKS[attack], Status.FAILED, OVERFLOWED, checker=SIGMOID)


# an object whose interface names address 16: written, that was SIGSEGV in case 1; numpy now
# sees an object without an interface and makes it a 0-d object array, which has no [:] to fill
NULL_PAGE = """import numpy as np


class At:
    __array_interface__ = {"shape": (4,), "typestr": "<u8", "data": (16, False), "version": 3}


def double(x):
    np.asarray(At())[:] = 7
    return 2 * x
"""


def test_an_interface_naming_the_null_page_is_no_longer_memory(pool: WorkerPool) -> None:
    run_adversarial(pool, NULL_PAGE, Status.ERROR, "case 1: IndexError: too many indices")


# a genuine array's `__array_struct__` capsule, carried by an object of the code's: the one way
# left to hand numpy a PyArrayInterface (no capsule of the code's own can be made without the
# doors above); numpy no longer looks for it either, so the object is an object, not an array
BORROWED_STRUCT = """import numpy as np


class Carrier:
    def __init__(self, array):
        self.__array_struct__ = array.__array_struct__


def double(x):
    return np.asarray(Carrier(2 * x))
"""


def test_a_borrowed_array_struct_makes_no_array(pool: WorkerPool) -> None:
    run_adversarial(
        pool, BORROWED_STRUCT, Status.INVALID, "an array of dtype object is not accepted"
    )


# numpy's own stride tricks still work inside the array's memory: windows, broadcasting by a
# zero stride, a Fortran-ordered array's view, negative strides, a read-only input's view
STRIDE_TRICKS = """import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view


def double(x):
    windows = sliding_window_view(np.arange(10.0), 3)
    assert windows.shape == (8, 3) and windows[2].tolist() == [2.0, 3.0, 4.0]
    f = np.asfortranarray(np.arange(12.0).reshape(3, 4))
    assert as_strided(f[:, 1:], shape=(2, 2), strides=(8, 24)).tolist() == [[1, 2], [5, 6]]
    backwards = as_strided(np.arange(6.0)[::-1], shape=(3,), strides=(-16,))
    assert backwards.tolist() == [5.0, 3.0, 1.0]
    repeated = as_strided(x, shape=(3, *x.shape), strides=(0, *x.strides))
    assert not repeated.flags.writeable or repeated.base is not None
    return repeated[2] * 2
"""


def test_stride_tricks_inside_an_arrays_memory_still_pass(pool: WorkerPool) -> None:
    run_adversarial(pool, STRIDE_TRICKS, Status.PASSED)
    run_adversarial(pool, GOOD, Status.PASSED)


def test_numpys_names_are_found_and_changed_on_this_machines_numpy() -> None:
    """The struct is found by its layout, not a symbol: were numpy's layout another, the child
    would leave the door as it was; this says it found and shut it here (in a process of its
    own, since the change lasts for the process)."""
    probe = (
        "import numpy as np\n"
        "from engine.sandbox import child\n"
        "slots = child._interface_slots(np)\n"
        "print(slots is not None, child.close_array_interface(np, slots))\n"
        "class Borrowed:\n"
        "    __array_interface__ = np.arange(3.0).__array_interface__\n"
        "print(np.asarray(Borrowed()).dtype)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.stdout.split() == ["True", "True", "object"], done.stderr
