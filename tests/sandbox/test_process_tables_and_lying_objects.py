"""Attacks of the fifty-second round (sandbox52): the process's tables the grader's steps may
consult after a call (the import system's finders, `sys.modules`, the codec registry, `copy`'s
and `copyreg`'s dispatch tables, the abstract base classes' registries, `linecache`'s cache and
`warnings`' formatting), the interpreter's exit path, the grader's own classes' special
methods, streams that lie, returned objects whose hooks lie or raise, numpy's Python-level
helpers, and `signal.set_wakeup_fd` on every descriptor.

Each is an answer to `double` that returns a wrong value (3 * x), graded through the real
grader in bubblewrap and in Landlock, each with seccomp and the hooks. Each trap it sets records
whatever calls it that the code did not, and the next call raises "reached: ..." with it, so a
trap the grader ran would be named in the verdict. The wrong answer must fail, nothing reach,
and this process (the host) keep every table as it was.
"""

from __future__ import annotations

import codecs
import copy
import copyreg
import linecache
import numbers
import os
import sys
import threading
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.attack_parts import CLASSES, NOTES
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial, shown

PATIENT = PatientDoubleChecker()

# shared by every attack: `note` records a trap's call from outside the code, `check` raises it
COMMON = (
    "import sys\nimport numpy as np\n\n"
    + NOTES
    + CLASSES
    + """

def check():
    if seen:
        raise ValueError("reached: " + "; ".join(map(str, seen[:5])))
"""
)

ATTACKS: dict[str, str] = {}

# 1. a finder first on sys.meta_path and a path hook first, the importer cache emptied: any
# import after the first call that is not the code's own is the grader's
ATTACKS["a finder first on the import path"] = """
import importlib.abc

class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        note("import of " + name)
        return None

def hook(entry):
    note("path hook for " + str(entry))
    raise ImportError

def double(x):
    check()
    sys.meta_path.insert(0, Watch())
    sys.path_hooks.insert(0, hook)
    sys.path_importer_cache.clear()
    return 3 * x
"""

# 2. the modules a grader might import lazily replaced in sys.modules by modules that record
# every attribute read
ATTACKS["sys.modules entries replaced"] = """
import types

NAMES = (
    "json", "json.encoder", "json.decoder", "struct", "traceback", "linecache", "re", "math",
    "numbers", "copy", "copyreg", "reprlib", "textwrap", "pprint", "io", "codecs", "itertools",
    "functools", "collections", "contextvars", "weakref", "types", "operator", "keyword",
    "tokenize", "token", "inspect", "dis", "string", "locale", "difflib",
)

class Trap(types.ModuleType):
    def __getattr__(self, attr):
        note(self.__name__ + "." + attr)
        raise AttributeError(attr)

def double(x):
    check()
    mine[0] = True
    for name in NAMES:
        sys.modules[name] = Trap(name)
    mine[0] = False
    return 3 * x
"""

# 3. the codec registry: a search function of the code's, encodings' cache emptied and filled
# with codecs that record and garble, the aliases pointed at them
ATTACKS["the codec registry"] = """
import codecs, encodings, encodings.aliases

def lying(name):
    def encode(text, errors="strict"):
        note("encode " + name)
        return (b"passed all 4 cases", len(text))
    def decode(data, errors="strict"):
        note("decode " + name)
        return ("passed all 4 cases", len(data))
    return codecs.CodecInfo(encode, decode, name=name)

def search(name):
    note("codec search " + name)
    return lying(name)

def double(x):
    check()
    codecs.register(search)
    encodings._cache.clear()
    for name in ("utf_8", "utf-8", "ascii", "latin_1", "latin-1", "utf_8_sig"):
        encodings._cache[name] = lying(name)
    for alias in list(encodings.aliases.aliases)[:50]:
        encodings.aliases.aliases[alias] = "utf_8"
    return 3 * x
"""

# 4. copy's and copyreg's dispatch tables: every copy of an array, list, dict, tuple or float
# the grader might make goes through the code's function, which hands back 2 * x for arrays
ATTACKS["copy's and copyreg's dispatch tables"] = """
import copy, copyreg

def liar(kind):
    def make(value, *rest):
        note("copy of a " + kind)
        return value * 2 if kind == "ndarray" else value
    return make

def reduce_array(a):
    note("reduce of an ndarray")
    return (np.asarray, (a * 2,))

def double(x):
    check()
    for kind in (np.ndarray, list, dict, tuple, float, int, np.float64):
        copy._deepcopy_dispatch[kind] = liar(kind.__name__)
        copy._copy_dispatch[kind] = liar(kind.__name__)
    copyreg.dispatch_table[np.ndarray] = reduce_array
    copyreg.pickle(np.float64, lambda v: (note("reduce of a float64"), (float, (2.0,)))[1])
    return 3 * x
"""

# 5. the abstract base classes' registries: the code's object registered as a real number, a
# sequence, a mapping and a number, returned; every way in says it is 2 * x except the array
ATTACKS["objects registered with the ABCs, returned"] = """
import numbers, collections.abc

class Liar:
    def __init__(self, x):
        self.x = x
    def __array__(self, dtype=None, copy=None):
        return 3 * self.x
    def __len__(self):
        return len(self.x)
    def __getitem__(self, i):
        return 2 * self.x[i]
    def __iter__(self):
        return iter(2 * self.x)
    def __float__(self):
        return 0.0
    def __eq__(self, other):
        return True
    __hash__ = None
    def keys(self):
        return ["out"]

for abc in (numbers.Real, numbers.Number, collections.abc.Sequence, collections.abc.Mapping):
    abc.register(Liar)

def double(x):
    check()
    return Liar(x)
"""

# 6. the interpreter's way out: threading's shutdown and the thread's atexit replaced, and a
# thread of the code's that is not a daemon, so a normal exit would wait on it
ATTACKS["the interpreter's exit path"] = """
import threading, time

def shutdown(*args):
    note("threading._shutdown")
    time.sleep(30)

def double(x):
    check()
    threading._shutdown = shutdown
    threading._register_atexit(lambda: (note("threading atexit"), time.sleep(30)))
    threading.Thread(target=time.sleep, args=(0.2,), daemon=False).start()
    return 3 * x
"""

# 7. linecache's cache poisoned for the code's file and its functions replaced, warnings'
# formatting replaced, then a numpy warning in the call: the grader's words for it must be
# the app's (no "passed" of the code's), and nothing of the grader's reads the poisoned lines
ATTACKS["linecache and warnings' formatting"] = """
import linecache, warnings

LIE = ["passed all 4 cases\\n"] * 200

def getline(*args, **kw):
    note("linecache.getline")
    return LIE[0]

def getlines(*args, **kw):
    note("linecache.getlines")
    return LIE

def formatwarning(*args, **kw):
    note("warnings.formatwarning")
    return LIE[0]

def double(x):
    check()
    linecache.cache["submission.py"] = (len(LIE), None, LIE, "submission.py")
    linecache.getline, linecache.getlines = getline, getlines
    linecache.checkcache = lambda *a, **k: note("linecache.checkcache")
    warnings.formatwarning = formatwarning
    mine[0] = True  # the code's own warning is shown through its own formatwarning, by design
    with np.errstate(over="warn"):
        np.float64(1e308) * np.float64(10.0)
    mine[0] = False
    return 3 * x
"""

# 8. the grader's own classes (found through object.__subclasses__) given special methods of
# the code's: __init_subclass__, __eq__, __hash__, __repr__, __str__, __bool__, __len__,
# __getattr__ and __del__. Setting a class's attribute raises no audit event, and the wire's
# `Encoder` is dropped after each result: its `__del__` runs with the grader's encoder as
# `self` (a reach, held: it holds the code's own result, and frames are refused)
ATTACKS["special methods on the grader's classes"] = """
import re

def classes():
    out = []
    for cls in every_class():
        module = cls.__dict__.get("__module__", "")
        if type(module) is str and module.startswith(("drillbit", "harness")):
            out.append(cls)
    return out

def secrets(value, depth=0):
    if type(value) is str and re.fullmatch("[0-9a-f]{32}", value):
        yield "a token"
    elif type(value) is bytes and len(value) == 16:
        yield "frame bytes"
    elif type(value) is dict and depth < 3:
        if "_send" in value or "message" in value:
            yield "a namespace of the grader's"
        for item in list(value.values()):
            yield from secrets(item, depth + 1)
    elif type(value) in (list, tuple) and depth < 3:
        for item in value:
            yield from secrets(item, depth + 1)

def trap(name):
    def method(self, *args, **kw):
        mine[0] = False
        try:
            frame = sys._getframe(1)
            note(name + " read the frame of " + frame.f_code.co_name)
        except ValueError:
            pass
        for found in secrets(getattr(self, "__dict__", {})):
            note(name + " of " + type(self).__name__ + " held " + found)
        if name in ("__eq__", "__bool__"):
            return True
        if name == "__hash__":
            return 0
        if name == "__len__":
            return 0
        if name in ("__repr__", "__str__"):
            return "passed all 4 cases"
        if name == "__getattr__":
            raise AttributeError(args[0] if args else name)
        return None
    return method

def double(x):
    check()
    mine[0] = True
    for cls in classes():
        for name in ("__init_subclass__", "__eq__", "__hash__", "__repr__", "__str__",
                     "__bool__", "__len__", "__getattr__", "__del__", "__set_name__"):
            try:
                setattr(cls, name, trap(name))
            except (TypeError, AttributeError):
                pass
    mine[0] = False
    return 3 * x
"""

# 9. stdout and stderr, and their originals in sys, replaced by streams whose write returns
# odd counts and records what it was given: the code itself never prints
ATTACKS["streams that lie"] = """
import io

class Liar(io.TextIOBase):
    def write(self, text):
        note("write of " + repr(text)[:40])
        return -5
    def flush(self):
        return None
    def fileno(self):
        return 1
    def isatty(self):
        return True

def double(x):
    check()
    sys.stdout = sys.stderr = sys.__stdout__ = sys.__stderr__ = Liar()
    return 3 * x
"""

# 10. an ndarray subclass returned whose numpy hooks and special methods all say 2 * x or
# raise, with a repr of 10**8 characters
ATTACKS["an array subclass's hooks, returned"] = """
class Sly(np.ndarray):
    def __array_finalize__(self, obj):
        note("__array_finalize__")
    def __array_wrap__(self, out, context=None, return_scalar=False):
        note("__array_wrap__")
        return np.asarray(out) * 0
    def __array_function__(self, func, types, args, kwargs):
        note("__array_function__ " + func.__name__)
        return NotImplemented
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        note("__array_ufunc__ " + ufunc.__name__)
        return NotImplemented
    def __eq__(self, other):
        return np.ones(self.shape, bool)
    def __repr__(self):
        return "x" * 10**8
    def __reduce_ex__(self, protocol):
        note("__reduce_ex__")
        return (np.asarray, (np.asarray(self) * 0,))
    def tobytes(self, order="C"):
        note("tobytes")
        return b""
    def __float__(self):
        raise ValueError("trap")

def double(x):
    check()
    mine[0] = True
    out = (3 * np.asarray(x)).view(Sly)
    mine[0] = False
    return out
"""

# 11. numpy's Python-level helpers (the methods' and fromnumeric's functions, numeric's)
# replaced by ones that record and answer 2 * x
ATTACKS["numpy's Python-level helpers"] = """
from numpy._core import _methods, fromnumeric, numeric

def liar(module, name, original):
    def call(*args, **kw):
        note(module + "." + name)
        return original(*args, **kw)
    return call

def double(x):
    check()
    mine[0] = True
    for module in (_methods, fromnumeric, numeric):
        for name, value in list(vars(module).items()):
            if callable(value) and not isinstance(value, type) and not name.startswith("__"):
                setattr(module, name, liar(module.__name__, name, value))
    mine[0] = False
    return 3 * x
"""

# 12. signal.set_wakeup_fd on every descriptor made non-blocking, then signals to itself that
# have no handler: the wakeup byte would be written into the result channel if any handler ran
ATTACKS["set_wakeup_fd on every descriptor"] = """
import os, signal

def double(x):
    check()
    for fd in range(3, 1024):
        try:
            os.set_blocking(fd, False)
            signal.set_wakeup_fd(fd, warn_on_full_buffer=False)
        except (OSError, ValueError):
            continue
    for number in (signal.SIGCHLD, signal.SIGWINCH, signal.SIGURG):
        try:
            os.kill(os.getpid(), number)
        except OSError:
            pass
    return 3 * x
"""

ENDINGS: dict[str, tuple[Status, str]] = {
    # each refused by its exact type before any of its methods is asked
    "objects registered with the ABCs, returned": (Status.INVALID, "the grader does not take"),
    "an array subclass's hooks, returned": (Status.INVALID, "a subclass of numpy.ndarray"),
    # held to as they were made before each result is encoded (sandbox52b): none of the
    # methods set there runs; the classes changed are named in the grader's words
    # found and refused as INVALID from sandbox52b; since the fifty-fourth round every setattr
    # is refused (the classes are immutable), which the attack catches: its 3 * x is judged
}


def host_state() -> tuple[Any, ...]:
    """The tables the attacks rewrite, as this process (the app) holds them."""
    return (
        list(sys.meta_path),
        list(sys.path_hooks),
        {name: sys.modules.get(name) for name in ("json", "struct", "copy", "codecs", "re")},
        codecs.lookup("utf-8"),
        dict(copy._deepcopy_dispatch),  # type: ignore[attr-defined]
        dict(copyreg.dispatch_table),
        issubclass(object, numbers.Real) or issubclass(object, Sequence | Mapping),
        threading._shutdown,  # type: ignore[attr-defined]
        linecache.getline,
        warnings.formatwarning,
        sys.stdout,
        sys.stderr,
        vars(np._core._methods).copy(),  # type: ignore[attr-defined]
        os.getcwd(),
    )


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_the_fifty_second_rounds_attacks_fail_and_reach_nothing(
    pool: WorkerPool, attack: str
) -> None:
    before = host_state()
    status, phrase = ENDINGS.get(attack, (Status.FAILED, "wrong values"))
    verdict = run_adversarial(pool, COMMON + ATTACKS[attack], status, phrase, checker=PATIENT)
    words = "\n".join(case.message for case in verdict.cases)  # a later case's "reached" too
    seen = f"{shown(verdict)}\n{words}\n{verdict.stdout}\n{verdict.stderr}"
    assert "reached" not in seen, seen
    assert "passed all" not in f"{shown(verdict)}\n{words}", seen  # its own prints may say so
    assert "drillbit/" not in seen and "harness/" not in seen
    assert host_state() == before


# The wire's refusal class, changed: setting a class's attribute raises no audit event, and the
# child took a WireError's own text as the grader's words. Before, in both modes: "invalid
# return: passed all 4 cases FORGED" for an ndarray subclass returned. (A metaclass of the
# code's cannot be given to it: CPython refuses `__class__` assignment on a class.)
REFUSAL_CHANGED = (
    "import numpy as np\n"
    + CLASSES
    + """

class Sub(np.ndarray):
    pass

WORDS = "passed all 4 cases FORGED"

def change(W):
    CHANGE

def double(x):
    change(find("WireError", "drillbit_wire"))
    return (3 * x).view(Sub)
"""
)

CHANGES = {
    "its __init__": "W.__init__ = lambda self, *a: ValueError.__init__(self, WORDS)",
    "its __new__ and __init__": (
        "W.__new__ = staticmethod(lambda cls, *a: ValueError.__new__(cls, WORDS))\n"
        "    W.__init__ = lambda self, *a: None"
    ),
    "its bases": (
        "class Evil(ValueError):\n"
        "        __slots__ = ()\n"
        "        def __init__(self, *a):\n"
        "            ValueError.__init__(self, WORDS)\n"
        "    W.__bases__ = (Evil,)"
    ),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_changed_refusal_class_says_so_in_the_apps_words(pool: WorkerPool, change: str) -> None:
    """Found before it encoded (INVALID, CHANGED) from sandbox52b; since the fifty-fourth round
    the class is immutable, and the change is refused in the code's own call."""
    source = REFUSAL_CHANGED.replace("CHANGE", CHANGES[change])
    verdict = run_adversarial(
        pool, source, Status.ERROR, "attribute of immutable type 'WireError'", checker=PATIENT
    )
    assert not verdict.summary.startswith("passed") and "FORGED" not in verdict.summary


def test_the_refusal_class_as_the_wire_made_it_keeps_its_words(pool: WorkerPool) -> None:
    """The same return with the class untouched: the wire's own words, as before."""
    source = REFUSAL_CHANGED.replace("CHANGE", "pass")
    verdict = run_adversarial(
        pool, source, Status.INVALID, "a subclass of numpy.ndarray", checker=PATIENT
    )
    assert CHANGED not in shown(verdict)


# caught before the encoder runs, since sandbox52b, by the check every grader class is held to
# (`changed_classes`); `_as_made` stays behind it, for a class changed while a result is encoded
CHANGED = "your code changed the grader's WireError"
