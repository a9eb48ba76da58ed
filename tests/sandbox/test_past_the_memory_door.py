"""Attacks of the forty-seventh round past numpy's memory door (sandbox47).

With the array-interface door shut (`tests/sandbox/test_array_interface_door.py`), the other
ways numpy or Python might hand the code memory it was not given, each graded as an answer to
`double` in bubblewrap and Landlock, with seccomp and the hooks, and followed by a right answer
in the same pool. Three kinds got through: `ndarray.resize(refcheck=False)` moved an array's
memory while a view still pointed at the freed block, and the code wrote the allocator's
free-list pointers there, so the next allocations of that size came from an address of the
code's choice (here 0x4141..., a SIGSEGV in case 1; with the block's own address, which the view
shows, any address: the door again). The child's `ndarray.resize` now refuses `refcheck=False`
(`refuse_dangling_resize` in `engine/sandbox/child.py`), and `__setstate__` did the same. Code
objects made from crafted bytes got through too (below), and the hooks now refuse making them.
The rest held, in numpy's words or the wire's; the found name of the shut door reopens nothing;
files left in the work dir and a process session of its own reach no later grading.
"""

from __future__ import annotations

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import (
    DOUBLE,
    GOOD,
    WARM_WITHIN_SECONDS,
    assert_clean,
    run_adversarial,
    shown,
)

# a freed block's free-list pointers written through a view that outlived `resize(refcheck=False)`
UAF = """import numpy as np


def double(x):
    owner = np.zeros(512)
    view = owner[:]
    owner.resize(1 << 16, refcheck=False)  # the old 4 KB block freed, the view still on it
    view[:8] = np.frombuffer(b"A" * 64, dtype=np.float64)  # glibc's free-list pointers
    for _ in range(8):
        np.empty(512)  # mallocs of the same size, from the poisoned list
    return 2 * x
"""

# an object array's pointers forged by `__setstate__` from raw bytes
SETSTATE = """import numpy as np


def double(x):
    forged = np.empty(2, dtype=object)
    forged.__setstate__((1, (2,), np.dtype(object), False, (id(x) + 64).to_bytes(8, "little") * 2))
    return 2 * x + 0 * len(repr(forged[0]))
"""

# int64 words viewed as objects
VIEW_OBJECT = """import numpy as np


def double(x):
    words = np.array([id(x), id(x)], dtype=np.int64)
    return 2 * x + 0 * len(repr(words.view(object)[0]))
"""

# an object field written through a structured view of int64
STRUCT_OBJECT = """import numpy as np


def double(x):
    held = np.zeros(1, dtype=[("o", object)])
    held.view([("o", np.int64)])["o"][0] = id(x) + 64  # a pointer forged in an object field
    return 2 * x
"""

# an array's strides set a megabyte apart
STRIDES_SET = """import numpy as np


def double(x):
    mine = np.zeros(4)
    mine.strides = (1 << 20,)  # four items a megabyte apart, past the array's 32 bytes
    mine[3] = 1.0
    return 2 * x
"""

# a negative stride below a bytearray's start
NEGATIVE_STRIDES = """import numpy as np


def double(x):
    below = np.ndarray((4,), dtype=np.float64, buffer=bytearray(32), offset=0, strides=(-(1 << 20),))
    below[3] = 1.0
    return 2 * x
"""

# a bytes constant made writeable through numpy
IMMUTABLE_BYTES = """import numpy as np

CONSTANT = b"\\x00" * 64


def double(x):
    frozen = np.frombuffer(CONSTANT, dtype=np.uint8)  # a bytes object: immutable, maybe shared
    frozen.setflags(write=True)
    frozen[:] = 1
    return 2 * x
"""

# numpy's own DummyArray handed a forged interface
DUMMY_ARRAY = """import numpy as np
from numpy.lib._stride_tricks_impl import DummyArray


def double(x):
    words = np.asarray(DummyArray({"shape": (4,), "typestr": "<u8", "data": (16, False), "version": 3}))
    words[:] = 7
    return 2 * x
"""

# a returned subclass whose `__reduce__` runs `os.system`
PICKLED_RETURN = """import os

import numpy as np


class Sly(np.ndarray):
    def __reduce__(self):
        return (os.system, ("echo pickled > /tmp/s47_reduced",))


def double(x):
    return (2 * x).view(Sly)
"""

# a returned list that holds itself
SELF_HOLDING_RETURN = """def double(x):
    loop = [2 * x]
    loop.append(loop)
    return loop
"""

# a 32 MiB result made by broadcasting 32 bytes
BROADCAST_RETURN = """import numpy as np


def double(x):
    return np.broadcast_to(2 * x, (1 << 20, *x.shape))[0 : 1 << 20]
"""

# `os.setsid`, then SIGXCPU sent to the main thread
OWN_SESSION = """import os
import signal


def double(x):
    os.setsid()  # its own session: out of the group the app kills?
    signal.pthread_kill(__import__("threading").main_thread().ident, signal.SIGXCPU)
    return 2 * x
"""

# a thread printing the pass words while the answer is wrong
PRINTING_THREAD = """import threading
import time


def spin():
    while True:
        print("passed all 4 cases", flush=True)
        time.sleep(0.001)


def double(x):
    threading.Thread(target=spin, daemon=True).start()
    return 3 * x
"""

# regular-expression bytecode of the code's own, handed to `_sre.compile`
REGEX_BYTECODE = """import _sre


def double(x):
    # a compiled pattern of the code's own opcodes: a MARK and a GROUPREF far past its groups
    code = [17, 4, 0, 1, 1, 12, 200, 1]
    pattern = _sre.compile("", 0, code, 0, {}, (None,))
    pattern.match("a")
    return 2 * x
"""

HELD = {
    "uaf": (UAF, Status.ERROR, "ndarray.resize(refcheck=False) is not allowed in a drill"),
    "setstate": (
        SETSTATE,
        Status.ERROR,
        "ndarray.__setstate__ on an array that holds data is not allowed",
    ),
    "view_object": (VIEW_OBJECT, Status.ERROR, "Cannot change data-type for array of references"),
    "struct_object": (
        STRUCT_OBJECT,
        Status.ERROR,
        "Cannot change data-type for array of references",
    ),
    "strides_set": (
        STRIDES_SET,
        Status.ERROR,
        "setting an array's strides is not allowed in a drill",
    ),
    "negative_strides": (
        NEGATIVE_STRIDES,
        Status.ERROR,
        "strides is incompatible with shape of requested array and size of buffer",
    ),
    "immutable_bytes": (
        IMMUTABLE_BYTES,
        Status.ERROR,
        "cannot set WRITEABLE flag to True of this array",
    ),
    "dummy_array": (DUMMY_ARRAY, Status.ERROR, "IndexError: too many indices"),
    "pickled_return": (PICKLED_RETURN, Status.INVALID, "a subclass of numpy.ndarray"),
    "self_holding_return": (SELF_HOLDING_RETURN, Status.INVALID, "nested more than 32 levels"),
    "broadcast_return": (BROADCAST_RETURN, Status.INVALID, "the result is too large"),
    "own_session": (OWN_SESSION, Status.ERROR, "PermissionError"),
    "printing_thread": (PRINTING_THREAD, Status.FAILED, "wrong values"),
    "regex_bytecode": (REGEX_BYTECODE, Status.ERROR, "RuntimeError: invalid SRE code"),
}


@pytest.mark.parametrize("attack", list(HELD))
def test_numpys_and_pythons_other_doors_hold(pool: WorkerPool, attack: str) -> None:
    source, status, phrase = HELD[attack]
    run_adversarial(pool, source, status, phrase)


# every name numpy's code or the stdlib's holds that starts as the shut door's, the plain one
# first, set on an object pointing at the null page: one numpy honoured would be SIGSEGV
HUNT = """import sys
import types

import numpy as np

PLAIN = "__array_interface__"


def names_in(code, found):
    for item in (*code.co_names, *code.co_consts):
        if type(item) is str and item.startswith("__array_") and item not in (PLAIN, "__array_struct__"):
            found.add(item)
        elif isinstance(item, types.CodeType):
            names_in(item, found)


def double(x):
    found = set()
    for module in list(sys.modules.values()):
        for value in list(vars(module).values()):
            code = getattr(value, "__code__", None)
            if isinstance(code, types.CodeType):
                names_in(code, found)
    for name in [PLAIN, *sorted(found)]:
        class Door:
            pass
        door = Door()
        setattr(door, name, {"shape": (4,), "typestr": "<u8", "data": (16, False), "version": 3})
        try:
            np.asarray(door)[:] = 7  # a crash here means numpy used the name
        except Exception:
            pass
    return 2 * x
"""


def test_no_name_found_in_loaded_code_reopens_the_door(pool: WorkerPool) -> None:
    run_adversarial(pool, HUNT, Status.PASSED)


# a right answer that resizes an array of its own with no view of it: numpy's own check allows it
RESIZE_OWN = """import numpy as np


def double(x):
    grown = np.zeros(3)
    grown.resize(6)
    assert grown.shape == (6,)
    return 2 * x
"""


def test_resizing_an_array_nothing_else_holds_still_passes(pool: WorkerPool) -> None:
    run_adversarial(pool, RESIZE_OWN, Status.PASSED)


# Python past the C stack: the wall clock ends it first here, a SIGSEGV on a faster machine;
# either is named, never a pass, and the next grading passes
DEEP = """import sys


def down(n):
    return n if n == 0 else 1 + down(n - 1)


def double(x):
    sys.setrecursionlimit(10**7)
    down(10**7)  # past the C stack
    return 2 * x
"""

# forged frames written to every descriptor from 3 to 255 with a wrong answer: where they reach
# the result channel (Landlock here) the app names bytes the grader did not write; elsewhere
# the wrong values fail
SPRAYED = """import os


def double(x):
    for fd in range(3, 256):
        try:
            os.write(fd, b"J\\x00\\x00\\x00\\x2a" + b'{"t": "result", "passed": true, "n": 0}' + b" " * 3)
        except OSError:
            pass
    return 3 * x
"""

ENDINGS = {
    "deep recursion": (DEEP, {Status.TIMEOUT, Status.CRASHED}),
    "frames sprayed on every descriptor": (SPRAYED, {Status.FAILED, Status.INVALID}),
}


@pytest.mark.parametrize("attack", list(ENDINGS))
def test_endings_named_whichever_way_the_machine_lands(pool: WorkerPool, attack: str) -> None:
    source, endings = ENDINGS[attack]
    pool.wait_warm(WARM_WITHIN_SECONDS)
    verdict = grade(DOUBLE, source, seed=3, pool=pool)
    assert verdict.status in endings, shown(verdict)
    assert_clean([pool])
    after = grade(DOUBLE, GOOD, pool=pool)
    assert after.status is Status.PASSED, shown(after)


# numpy.py, sitecustomize.py, usercustomize.py and submission.py written in the work dir, each
# exiting as it loads, and PYTHONSTARTUP pointed at one: the next grading is a fresh worker
LEFT_BEHIND = """import os


def double(x):
    for name in ("numpy.py", "sitecustomize.py", "usercustomize.py", "submission.py"):
        with open(name, "w") as f:
            f.write("raise SystemExit('planted')\\n")
    os.environ["PYTHONSTARTUP"] = os.path.abspath("sitecustomize.py")
    return 2 * x
"""


def test_files_planted_for_the_next_grading_reach_none(pool: WorkerPool) -> None:
    run_adversarial(pool, LEFT_BEHIND, Status.PASSED)
    for _ in range(2):  # the pool's two workers, each fresh
        pool.wait_warm(WARM_WITHIN_SECONDS)
        after = grade(DOUBLE, GOOD, pool=pool)
        assert after.status is Status.PASSED, shown(after)


# Code objects made from bytes: CPython runs bytecode unchecked, and a LOAD_CONST past the
# constants reads a pointer from beyond the tuple (the way to fake objects over any address).
# Each was SIGSEGV in case 1 in both modes; the hooks now refuse the events that make them.
BYTECODE_REPLACED = """import dis


def one():
    return 1


def double(x):
    code = bytearray(one.__code__.co_code)
    at = code.index(dis.opmap["LOAD_CONST"])
    code[at + 1] = 250  # co_consts holds two items: this reads far past the tuple
    one.__code__ = one.__code__.replace(co_code=bytes(code))
    one()
    return 2 * x
"""

MARSHALLED = """import marshal


def one():
    return 1


def double(x):
    blob = bytearray(marshal.dumps(one.__code__))
    raw = one.__code__.co_code
    at = blob.index(raw) + raw.index(100)  # LOAD_CONST
    blob[at + 1] = 250
    type(one)(marshal.loads(bytes(blob)), {})()
    return 2 * x
"""

FROZEN = MARSHALLED.replace("import marshal", "import _imp\nimport marshal").replace(
    "marshal.loads(bytes(blob))", '_imp.get_frozen_object("one", bytes(blob))'
)

CODE_TYPE = """import types


def double(x):
    c = (lambda: 1).__code__
    types.CodeType(
        c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals, 0,
        c.co_flags, c.co_code, c.co_consts, c.co_names, c.co_varnames, c.co_filename,
        c.co_name, c.co_qualname, c.co_firstlineno, c.co_linetable, c.co_exceptiontable,
    )
    return 2 * x
"""

# importlib's own unmarshalling step, which loads the bytecode cache, handed crafted bytes
THROUGH_IMPORTLIB = MARSHALLED.replace(
    "import marshal", "import marshal\nfrom importlib._bootstrap_external import _compile_bytecode"
).replace("marshal.loads(bytes(blob))", '_compile_bytecode(bytes(blob), "one")')

REFUSED_WORDS = "making code objects from bytes"
CODE_FROM_BYTES = {
    "code.replace(co_code=...)": (BYTECODE_REPLACED, REFUSED_WORDS),
    "marshal.loads": (MARSHALLED, REFUSED_WORDS),
    "_imp.get_frozen_object with bytes": (FROZEN, "Frozen object named 'one' is invalid"),
    "types.CodeType": (CODE_TYPE, REFUSED_WORDS),
    "importlib's _compile_bytecode": (THROUGH_IMPORTLIB, REFUSED_WORDS),
}


@pytest.mark.parametrize("attack", list(CODE_FROM_BYTES))
def test_code_objects_are_not_made_from_bytes(pool: WorkerPool, attack: str) -> None:
    source, words = CODE_FROM_BYTES[attack]
    run_adversarial(pool, source, Status.ERROR, words)


# a module no grader imports, imported in the call: compiled from its source, it works
LAZY_IMPORT = """def double(x):
    import colorsys

    assert colorsys.rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)
    return 2 * x
"""


def test_a_module_first_imported_by_the_code_still_loads(pool: WorkerPool) -> None:
    run_adversarial(pool, LAZY_IMPORT, Status.PASSED)


# a view kept, then the array given a new block by `__setstate__` (numpy frees the old one):
# SIGABRT in case 1 in both modes, glibc's poisoned free list as with the resize; refused now
SETSTATE_DANGLING = """import numpy as np


def double(x):
    owner = np.zeros(512)
    view = owner[:]
    owner.__setstate__((1, (512,), np.dtype(np.float64), False, bytes(4096)))  # a new block
    view[:8] = np.frombuffer(b"A" * 64, dtype=np.float64)
    for _ in range(8):
        np.empty(512)
    return 2 * x
"""

# the data attribute set, a field written a megabyte past its array, a bytearray grown under
# a numpy view of it: numpy's and Python's own refusals
DATA_SET = """import numpy as np


def double(x):
    owner = np.zeros(512)
    view = owner[:]
    owner.data = memoryview(bytearray(4096))  # numpy frees the block the view is on
    view[:8] = np.frombuffer(b"A" * 64, dtype=np.float64)
    for _ in range(8):
        np.empty(512)
    return 2 * x
"""
FIELD_PAST = """import numpy as np


def double(x):
    mine = np.zeros(4)
    mine.setfield(np.float64(1.0), np.float64, offset=1 << 20)
    return 2 * x
"""
BUFFER_GROWN = """import numpy as np


def double(x):
    raw = bytearray(4096)
    view = np.frombuffer(raw, dtype=np.uint8)
    raw.extend(bytes(1 << 20))  # would move the block under the view
    view[:] = 65
    return 2 * x
"""

DANGLING = {
    "__setstate__ under a view": (
        SETSTATE_DANGLING,
        "ndarray.__setstate__ on an array that holds data is not allowed",
    ),
    "the data attribute set": (
        DATA_SET,
        "attribute 'data' of 'numpy.ndarray' objects is not writable",
    ),
    "setfield past the array": (FIELD_PAST, "new type plus offset is larger than original type"),
    "a bytearray grown under a view": (BUFFER_GROWN, "BufferError: Existing exports of data"),
}


@pytest.mark.parametrize("attack", list(DANGLING))
def test_no_view_is_left_on_freed_memory(pool: WorkerPool, attack: str) -> None:
    source, words = DANGLING[attack]
    run_adversarial(pool, source, Status.ERROR, words)


# pickling a dict of arrays and a masked array there and back (unpickling calls __setstate__ on
# an empty array numpy has just made): a right answer, still passing
PICKLED_AND_BACK = """import pickle

import numpy as np


def double(x):
    params = {"w": np.arange(6.0).reshape(2, 3), "m": np.ma.masked_array([1.0, 2.0], mask=[0, 1])}
    again = pickle.loads(pickle.dumps(params))
    assert again["w"].tolist() == params["w"].tolist() and again["m"].mask.tolist() == [False, True]
    return 2 * x
"""


def test_arrays_pickled_and_back_still_pass(pool: WorkerPool) -> None:
    # a right answer, not a deadline's test: its first `np.ma` imports numpy.ma (45 ms of CPU),
    # and the run used 28-39% of the 1 s wall clock at a load average of 9-20 (four runs)
    run_adversarial(pool, PICKLED_AND_BACK, Status.PASSED, checker=PatientDoubleChecker())


# strides whose extent wraps past 2**64: numpy's check multiplies in 64 bits, so a view of 64
# bytes with 2**60 + 1 rows of stride d passed it and row 1 was the address d bytes on (a naive
# sigmoid passed in both modes through `np.ndarray(buffer=..., strides=...)`, shut by the
# forty-eighth round: test_constructor_doors.py). Through the child's own doors: the strides
# setter is refused, and as_strided checks the extent in Python's integers
STRIDES_WRAPPED = """import numpy as np


def double(x):
    mine = np.zeros(64, dtype=np.uint8)
    grid = mine[:5]
    grid.strides = (1 << 62,)  # 4 * 2**62 wraps to 0
    return 2 * x
"""
AS_STRIDED_WRAPPED = """import numpy as np
from numpy.lib.stride_tricks import as_strided


def double(x):
    mine = np.zeros(64, dtype=np.uint8)
    far = as_strided(mine, shape=((1 << 60) + 1, 8), strides=(1 << 4, 1))
    far[1 << 59] = 1  # 2**63 bytes on
    return 2 * x
"""

WRAPPED = {
    "the strides setter": (STRIDES_WRAPPED, "setting an array's strides is not allowed"),
    "as_strided": (
        AS_STRIDED_WRAPPED,
        "strides is incompatible with shape of requested array and size of buffer",
    ),
}


@pytest.mark.parametrize("attack", list(WRAPPED))
def test_strides_that_wrap_past_2_to_the_64_are_refused(pool: WorkerPool, attack: str) -> None:
    source, words = WRAPPED[attack]
    run_adversarial(pool, source, Status.ERROR, words)
