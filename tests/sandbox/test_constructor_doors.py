"""Attacks of the forty-eighth round: numpy's constructor, and objects that answer for themselves
(sandbox48).

numpy's `ndarray(shape, dtype, buffer, offset, strides)` checked its view in 64 bits and let go
of the buffer: strides whose extent wrapped past 2**64, an offset or a size that wrapped past
2**63, and a bytearray (or `array.array`) resized under the array it made each reached memory
nobody handed the code. The child now points ndarray's `tp_new` at CPython's slot function and
puts a sealed, checked `__new__` in its dict (`vet_array_constructor` in
`engine/sandbox/child.py`): every door below failed before it or was made, and is refused now in
numpy's words, in bubblewrap and Landlock with seccomp and the hooks; answers that build arrays
through the constructor in numpy's ordinary ways still pass.
"""

from __future__ import annotations

import textwrap

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.helpers import DOUBLE, GOOD, run_adversarial, shown

# the forty-seventh round's wrapping strides: 2**k + 1 rows of stride d over a 64-byte buffer,
# where 2**k * d wraps to 0, so row 1 is the eight bytes d on (here the bytearray's own header)
WRAP = """
def _wrap(make):
    import numpy as np
    buf = bytearray(64)
    start = np.frombuffer(buf, np.uint8).__array_interface__["data"][0]
    target = id(buf)
    offset = (target - start) % 32
    d = target - start - offset
    rows = (1 << (64 - ((d & -d).bit_length() - 1))) + 1
    return make((rows, 8), np.uint8, buf, offset, (d, 1))
"""

DOORS: dict[str, tuple[str, str]] = {}

# numpy's constructor let go of the buffer it was handed: the bytearray grew, its old block
# was freed under the view, and glibc's free-list pointers were written there (SIGSEGV before)
DOORS["bytearray-resized-under-constructor"] = (
    """import numpy as np
def double(x):
    held = bytearray(4096)
    view = np.ndarray((512,), np.float64, buffer=held)
    held.extend(bytes(1 << 20))  # the old block freed, the view still on it
    view[:8] = np.frombuffer(b"A" * 64, dtype=np.float64)
    for _ in range(8):
        np.empty(512)
    return 2 * x
""",
    "BufferError: Existing exports of data: object cannot be re-sized",
)

# the same with an `array.array` (it passed before: the write landed in freed memory unseen)
DOORS["array-module-grown-under-constructor"] = (
    """import array
import numpy as np
def double(x):
    held = array.array("d", bytes(4096))
    view = np.ndarray((512,), np.float64, buffer=held)
    held.extend(array.array("d", bytes(1 << 20)))
    view[:8] = np.frombuffer(b"A" * 64, dtype=np.float64)
    return 2 * x
""",
    "BufferError: cannot resize an array that is exporting buffers",
)

# the same through a memoryview the code released first (SIGABRT before)
DOORS["memoryview-released-then-resized"] = (
    """import numpy as np
def double(x):
    held = bytearray(4096)
    door = memoryview(held)
    view = np.ndarray((512,), np.float64, buffer=door)
    door.release()
    held.extend(bytes(1 << 20))
    view[:8] = np.frombuffer(b"A" * 64, dtype=np.float64)
    return 2 * x
""",
    "BufferError: Existing exports of data: object cannot be re-sized",
)

# an offset numpy's size check adds in 64 bits: it wrapped negative (SIGSEGV before)
DOORS["a-huge-offset-into-a-buffer"] = (
    """import numpy as np
def double(x):
    buf = bytearray(64)
    far = np.ndarray((1,), np.uint8, buffer=buf, offset=(1 << 63) - 1)
    far[0] = 1
    return 2 * x
""",
    "TypeError: buffer is too small for requested array",
)

# a negative offset, which numpy took without strides: the view began before the buffer (here
# the allocator's header of a 1 MiB block, read; any address below it was as reachable)
DOORS["a-negative-offset"] = (
    """import numpy as np
def double(x):
    buf = bytearray(1 << 20)
    before = np.ndarray((2,), np.int64, buffer=buf, offset=-16)
    return 2 * x + 0 * before.sum()
""",
    "ValueError: offset must be non-negative and no greater than buffer length (1048576)",
)

# 2**60 - 1 float64s over 64 bytes from offset 8: offset plus size wraps past 2**63, no strides
# needed (made before: an array over all the memory above the buffer)
DOORS["a-shape-whose-size-wraps"] = (
    """import numpy as np
def double(x):
    buf = bytearray(64)
    far = np.ndarray(((1 << 60) - 1,), np.float64, buffer=buf, offset=8)
    far[1 << 40] = 1.0
    return 2 * x
""",
    "TypeError: buffer is too small for requested array",
)

# the forty-seventh round's wrapping strides through `type.__call__`
DOORS["wrap-through-type-call"] = (
    WRAP
    + """
def double(x):
    import numpy as np
    _wrap(lambda *a: type.__call__(np.ndarray, *a))
    return 3 * x
""",
    "strides is incompatible with shape of requested array and size of buffer",
)

# the same through `ndarray.__new__`
DOORS["wrap-through-dunder-new"] = (
    WRAP
    + """
def double(x):
    import numpy as np
    _wrap(lambda *a: np.ndarray.__new__(np.ndarray, *a))
    return 3 * x
""",
    "strides is incompatible with shape of requested array and size of buffer",
)

# the same through a subclass without a `__new__` of its own
DOORS["wrap-through-plain-subclass"] = (
    WRAP
    + """
import numpy as np
class Plain(np.ndarray):
    pass
def double(x):
    _wrap(Plain)
    return 3 * x
""",
    "strides is incompatible with shape of requested array and size of buffer",
)

# the same through every subclass `__subclasses__` lists (the child's private one is not listed)
DOORS["wrap-through-every-subclass"] = (
    WRAP
    + """
import numpy as np
def double(x):
    pending, refused = [np.ndarray], []
    while pending:
        kind = pending.pop()
        pending.extend(type.__subclasses__(kind))
        try:
            made = _wrap(lambda *a: type.__call__(kind, *a))
        except Exception:
            refused.append(kind.__name__)
            continue
        if made.shape[0] > 8:  # a matrix takes the shape as its data
            return 3 * x
    raise ValueError("refused for " + ", ".join(sorted(refused)))
""",
    "ValueError: refused for ",
)

# the same sent straight to the generator behind the checked `__new__`, found in its defaults
DOORS["wrap-through-the-sealed-generator"] = (
    WRAP
    + """
import numpy as np
def double(x):
    calls = np.ndarray.__dict__["__new__"].__func__.__kwdefaults__["_calls"]
    def make(*a):
        one = next(calls)
        next(one)
        ok, value = one.send(((np.ndarray, *a), {}))
        if not ok:
            raise value
        return value
    _wrap(make)
    return 3 * x
""",
    "strides is incompatible with shape of requested array and size of buffer",
)

HELD: dict[str, tuple[str, str]] = {}

# an `__index__` that says 1 to the check and 2**40 after: asked once, its second answer is checked
HELD["an-index-that-answers-twice"] = (
    """import numpy as np
class Sly:
    asked = 0
    def __index__(self):
        Sly.asked += 1
        return 1 if Sly.asked == 1 else 1 << 40
def double(x):
    buf = bytearray(64)
    far = np.ndarray((Sly(),), np.uint8, buffer=buf, strides=(Sly(),))
    far[0] = 1
    return 2 * x
""",
    "strides is incompatible with shape of requested array and size of buffer",
)

# `type.__setattr__(np.ndarray, '__new__', ...)`
HELD["the-constructor-put-back"] = (
    """import numpy as np
def double(x):
    type.__setattr__(np.ndarray, "__new__", object.__new__)
    return 2 * x
""",
    "cannot set '__new__' attribute of immutable type",
)

# the checked `__new__`'s defaults emptied
HELD["the-constructor-defaults-rewritten"] = (
    """import numpy as np
def double(x):
    np.ndarray.__dict__["__new__"].__func__.__kwdefaults__ = {}
    return 2 * x
""",
    "rewriting functions is not allowed in a drill",
)

# numpy's type dict reached by `gc.get_referents` to put the original back
HELD["numpys-type-dict-through-gc"] = (
    """import gc
import numpy as np
def double(x):
    gc.get_referents(np.ndarray.__dict__)[0]["__new__"] = None
    return 2 * x
""",
    "inspecting the grader's objects is not allowed in a drill",
)

# a bytes object's memory through `np.frombuffer(memoryview(...))` made writeable
HELD["bytes-memory-made-writeable"] = (
    """import numpy as np
SECRET = b"\\x00" * 64
def double(x):
    view = np.frombuffer(memoryview(SECRET), np.uint8)
    view.setflags(write=True)
    view[:] = 1
    return 2 * x
""",
    "cannot set WRITEABLE flag to True of this array",
)

# a bytes object's memory through the constructor, written
HELD["bytes-through-the-constructor-written"] = (
    """import numpy as np
SECRET = b"\\x00" * 64
def double(x):
    view = np.ndarray((64,), np.uint8, buffer=SECRET)
    view[0] = 1
    return 2 * x
""",
    "assignment destination is read-only",
)

# `np.ctypeslib.as_array` on an address
HELD["ctypeslib-as-array"] = (
    """import numpy as np
def double(x):
    return np.ctypeslib.as_array(id(x), shape=(4,)) * 0 + 2 * x
""",
    "ctypes is not available",
)

# a sub-array dtype of a megabyte, stride 0, over 64 bytes (numpy's own check held it)
HELD["a-subarray-dtype-past-the-buffer"] = (
    """import numpy as np
def double(x):
    buf = bytearray(64)
    far = np.ndarray((2,), np.dtype((np.uint8, (1 << 20,))), buffer=buf, strides=(0,))
    far[0][-1] = 1
    return 2 * x
""",
    "strides is incompatible with shape of requested array and size of buffer",
)

REFUSED_RETURNS: dict[str, tuple[str, str]] = {}

REFUSED_RETURNS["a-generator-returned"] = (
    """import numpy as np
def double(x):
    return (2 * v for v in x)
""",
    "got a generator",
)

REFUSED_RETURNS["array-ufunc-subclass-returned"] = (
    """import numpy as np
class Agree(np.ndarray):
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return np.zeros(()) == 0
    def __array_function__(self, func, types, args, kwargs):
        return True
def double(x):
    return (3 * x).view(Agree)
""",
    "got a submission.Agree, a subclass of numpy.ndarray",
)

REFUSED_RETURNS["duck-array-returned"] = (
    """import numpy as np
class Duck:
    def __init__(self, value):
        self.value = value
    def __array__(self, dtype=None, copy=None):
        return 2 * self.value
    shape = property(lambda self: self.value.shape)
    dtype = property(lambda self: self.value.dtype)
def double(x):
    return Duck(x)
""",
    "got a submission.Duck; only numpy arrays",
)

RIGHT: dict[str, str] = {}

RIGHT["over-a-bytearray"] = """import numpy as np
def double(x):
    held = bytearray((2 * x).tobytes())
    return np.ndarray(x.shape, x.dtype, buffer=held).copy()
"""

RIGHT["reversed-through-offset-and-strides"] = """import numpy as np
def double(x):
    flat = (2 * x).ravel()[::-1].copy()
    n = flat.size
    back = np.ndarray((n,), flat.dtype, buffer=flat, offset=8 * (n - 1), strides=(-8,))
    return back.reshape(x.shape)
"""

RIGHT["over-a-fortran-buffer"] = """import numpy as np
def double(x):
    both = np.asfortranarray(2 * x)
    return np.ndarray(x.shape, x.dtype, buffer=both, order="F")
"""

RIGHT["strides-without-a-buffer"] = """import numpy as np
def double(x):
    out = np.ndarray(x.shape, x.dtype, strides=x.strides)
    out[...] = 2 * x
    return out
"""

RIGHT["through-matrix-and-recarray"] = """import numpy as np
def double(x):
    m = np.asarray(np.matrix(x.reshape(1, -1)) * 2).reshape(x.shape)
    r = np.rec.fromarrays([m.ravel()], names="v")
    return np.array(r.v).reshape(x.shape)
"""

RIGHT["a-subclass-of-its-own"] = """import numpy as np
class Tagged(np.ndarray):
    def __new__(cls, values):
        made = super().__new__(cls, values.shape, values.dtype)
        made[...] = values
        return made
    def __array_finalize__(self, obj):
        self.tag = getattr(obj, "tag", "new")
def double(x):
    return np.asarray(Tagged(2 * x)).copy()
"""

RIGHT["a-pickled-round-trip"] = """import pickle
import numpy as np
def double(x):
    return pickle.loads(pickle.dumps(2 * x))
"""
# a broadcast view made writeable: every element is the one element under it
RIGHT["a-broadcast-view-written"] = """import numpy as np
def double(x):
    base = np.zeros(1)
    wide = np.broadcast_to(base, (1 << 20,))
    wide.setflags(write=True)
    wide[(1 << 20) - 1] = 2.0
    return base[0] * x
"""

# `object.__new__` of an ndarray subclass (or of ndarray): numpy's own `tp_new` made it
# CPython's "not safe", but once ndarray's was the slot function CPython's check walked past it
# to `object` and let it through, an array with no dtype (a SIGSEGV of the case before the
# forty-ninth round); now the walk stops at the guard under ndarray (`_hollow_guard`)
HOLLOW: dict[str, str] = {
    "subclass": """import numpy as np
class Empty(np.ndarray):
    pass
def double(x):
    hollow = object.__new__(Empty)
    hollow[()] = 1.0
    return 2 * x
""",
    "ndarray-itself": """import numpy as np
def double(x):
    return object.__new__(np.ndarray) + 2 * x
""",
    "copyreg-reconstructor": """import copyreg
import numpy as np
class Empty(np.ndarray):
    pass
def double(x):
    return copyreg._reconstructor(Empty, object, None) + 2 * x
""",
    "super-past-ndarray": """import numpy as np
class Empty(np.ndarray):
    pass
def double(x):
    return super(np.ndarray, Empty).__new__(Empty) + 2 * x
""",
    "own-new-is-objects": """import numpy as np
class Empty(np.ndarray):
    __new__ = object.__new__
def double(x):
    return Empty() + 2 * x
""",
    "grandchild-without-init-subclass": """import numpy as np
class Sub(np.ndarray):
    def __init_subclass__(cls, **kw):
        pass
class Grand(Sub):
    pass
def double(x):
    return object.__new__(Grand) + 2 * x
""",
}

# the guard itself, reached as `np.ndarray.__base__`: immutable, and no base for a class
GUARD_TAMPERED = {
    "given-a-new": (
        """import numpy as np
def double(x):
    np.ndarray.__base__.__new__ = staticmethod(lambda cls: None)
    return 2 * x
""",
        "cannot set '__new__' attribute of immutable type 'numpy.ndarray'",
    ),
    "subclassed": (
        """import numpy as np
class Under(np.ndarray.__base__):
    pass
def double(x):
    return 2 * x
""",
        "type 'numpy.ndarray' is not an acceptable base type",
    ),
}


@pytest.mark.parametrize("door", list(DOORS))
def test_the_constructors_doors_are_refused_in_numpys_words(pool: WorkerPool, door: str) -> None:
    source, words = DOORS[door]
    run_adversarial(pool, textwrap.dedent(source), Status.ERROR, words)


@pytest.mark.parametrize("attack", list(HELD))
def test_what_the_round_tried_beside_it_is_refused(pool: WorkerPool, attack: str) -> None:
    source, words = HELD[attack]
    run_adversarial(pool, textwrap.dedent(source), Status.ERROR, words)


@pytest.mark.parametrize("attack", list(REFUSED_RETURNS))
def test_returns_that_answer_for_themselves_are_invalid(pool: WorkerPool, attack: str) -> None:
    source, words = REFUSED_RETURNS[attack]
    run_adversarial(pool, textwrap.dedent(source), Status.INVALID, words)


@pytest.mark.parametrize("answer", list(RIGHT))
def test_right_answers_built_through_the_constructor_still_pass(
    pool: WorkerPool, answer: str
) -> None:
    verdict = grade(DOUBLE, textwrap.dedent(RIGHT[answer]), seed=3, pool=pool)
    assert verdict.passed, shown(verdict)


@pytest.mark.parametrize("attack", list(HOLLOW))
def test_an_array_with_no_dtype_is_refused(pool: WorkerPool, attack: str) -> None:
    """`object.__new__` of ndarray or a subclass, however reached, is CPython's own refusal
    (the SIGSEGV of the case before); the next grading passes."""
    run_adversarial(pool, HOLLOW[attack], Status.ERROR, "is not safe, use numpy.ndarray.__new__()")
    assert grade(DOUBLE, GOOD, pool=pool).passed


GUARD_TAMPERED["returned"] = (
    """import numpy as np
def double(x):
    return [np.ndarray.__base__(2), 2 * x]
""",
    "got a numpy.ndarray_new_guard, a number type the grader does not take",
)


@pytest.mark.parametrize("attack", list(GUARD_TAMPERED))
def test_the_guard_under_ndarray_cannot_be_changed(pool: WorkerPool, attack: str) -> None:
    source, words = GUARD_TAMPERED[attack]
    status = Status.INVALID if attack == "returned" else Status.ERROR
    run_adversarial(pool, source, status, words)
