"""Attacks of the fifty-first round (sandbox51): the fast path's generators thrown into and
remade, the input's class, finalizers and weakref callbacks inside the grader's steps, an
audit hook and `sys._current_exceptions`, threading's profile and trace functions, every
signal blocked under three interval timers, a thread running into the next case, `os.fork`,
ctypes, huge shapes and dtypes returned, a pickled verdict on every descriptor, numpy's
error callback, the unraisable hook, asynchronous generators' hooks, forged audit events, and
where coroutines were made (`cr_origin`, which named the grader's frames until this round).

Each is an answer to `double` that also returns a wrong value, graded through the real grader
in bubblewrap and in Landlock, each with seccomp and the hooks. An attack that reached what it
aimed at raises "reached: ..." (so the verdict names it); a wrong answer must never pass.
"""

from __future__ import annotations

import re

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial, shown

PATIENT = PatientDoubleChecker()

ATTACKS: dict[str, str] = {}

# 1. throw into take's fast-path generator, a code's exception whose with_traceback reads frames
ATTACKS["throw into the fast path"] = """import numpy as np

class Sly(Exception):
    def with_traceback(self, tb):
        import sys
        raise ValueError("reached: " + repr(sys._getframe(1).f_locals))

def gens():
    out = []
    for name in ("take", "put", "choose"):
        for cell in getattr(np.ndarray, name).__closure__ or ():
            value = cell.cell_contents
            owner = getattr(value, "__self__", None)
            if type(owner).__name__ == "generator":
                out.append(owner)
    return out

def double(x):
    found = gens()
    if not found:
        raise ValueError("no generator found")
    for gen in found:
        try:
            gen.throw(Sly("x"))
        except Sly:
            pass
        except StopIteration:
            pass
    y = np.take(x.ravel(), [0, 0], mode="clip")
    return 3 * x
"""

# 2. the generator's code: made into a function of the code's own, with the code's globals
ATTACKS["the fast path's code remade"] = """import numpy as np, types

def double(x):
    gen = None
    for cell in np.ndarray.take.__closure__:
        owner = getattr(cell.cell_contents, "__self__", None)
        if type(owner).__name__ == "generator":
            gen = owner
            break
    code = gen.gi_code
    seen = (code.co_consts, code.co_names, code.co_varnames, gen.gi_running, gen.gi_yieldfrom)
    fn = types.FunctionType(code, {"__builtins__": __builtins__})
    g = fn(np.ndarray.take, Exception, ("clip", "raise"))
    next(g)
    got = g.send([(x.ravel(), [10**9 % x.size]), {}, False])
    return 3 * x
"""

# 3. the input's class assigned
ATTACKS["the input's __class__ assigned"] = """import numpy as np

class Lying(np.ndarray):
    def __eq__(self, other):
        return True
    def __array_finalize__(self, obj):
        pass

def double(x):
    try:
        x.__class__ = Lying
    except TypeError:
        pass
    else:
        raise ValueError("reached: class set")
    try:
        np.ndarray.__array_finalize__ = lambda self, obj: None
    except TypeError:
        pass
    else:
        raise ValueError("reached: ndarray patched")
    return 3 * x
"""

# 4. __del__ in a cycle, collected during the grader's steps, reading frames and rewriting
ATTACKS["a finalizer in the grader's steps"] = """import gc, sys
import numpy as np

reached = []

class Late:
    def __del__(self):
        try:
            frame = sys._getframe(1)
            reached.append(frame.f_code.co_name)
            for f in iter(lambda: frame, None):
                break
        except Exception as exc:
            reached.append(None)

def double(x):
    gc.set_threshold(1, 1, 1)
    for _ in range(200):
        a = Late(); b = Late(); a.b = b; b.a = a
    names = [r for r in reached if r]
    if names:
        raise ValueError("reached: " + ",".join(names))
    return 3 * x
"""

# 5. weakref callbacks on the returned array and the input, run when the grader drops them
ATTACKS["weakref callbacks when the grader drops arrays"] = """import sys, weakref
import numpy as np

kept = []
reached = []

def on_drop(ref):
    try:
        reached.append(sys._getframe(1).f_code.co_name)
    except Exception:
        reached.append(None)

def double(x):
    if any(reached):
        raise ValueError("reached: " + repr(reached))
    out = 3 * x
    kept.append(weakref.ref(out, on_drop))
    kept.append(weakref.ref(x, on_drop))
    kept.append(weakref.finalize(out, on_drop, None))
    return out
"""

# 6. an audit hook of the code's own, and sys._current_exceptions from a thread
ATTACKS["an audit hook and the grader's current exceptions"] = """import sys, threading, time
import numpy as np

seen = []

def watch():
    end = time.monotonic() + 0.25
    while time.monotonic() < end:
        try:
            for tid, exc in sys._current_exceptions().items():
                if exc is not None and exc != (None, None, None):
                    seen.append(repr(exc)[:80])
        except Exception as e:
            seen.append("refused " + type(e).__name__)
            return
        time.sleep(0.002)

def double(x):
    heard = []
    sys.addaudithook(lambda e, a: heard.append(e))
    open("note.txt", "w").close()
    if heard:
        raise ValueError("reached: an audit hook heard " + heard[0])
    t = threading.Thread(target=watch, daemon=True)
    t.start()
    t.join()
    leaked = [s for s in seen if not s.startswith("refused")]
    if leaked:
        raise ValueError("reached: " + leaked[0])
    return 3 * x
"""

# 7. threading's profile and trace functions, for threads of the code's
ATTACKS["threading.setprofile and settrace"] = """import sys, threading
import numpy as np

frames = []

def prof(frame, event, arg):
    frames.append(frame.f_code.co_name)

def double(x):
    threading.setprofile(prof)
    threading.settrace(prof)
    errors = []
    def body():
        pass
    t = threading.Thread(target=body)
    t.start(); t.join()
    threading.setprofile(None)
    threading.settrace(None)
    if frames:
        raise ValueError("reached: " + frames[0])
    return 3 * x
"""

# 8. every signal blocked, then SIGALRM to itself by setitimer, then waiting forever
ATTACKS["signals blocked and an itimer, then a wait"] = """import signal, time
import numpy as np

def double(x):
    signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
    signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)
    signal.setitimer(signal.ITIMER_VIRTUAL, 0.05, 0.05)
    signal.setitimer(signal.ITIMER_PROF, 0.05, 0.05)
    while True:
        time.sleep(1)
"""

# 9. a thread that keeps going into the next case, rewriting what the code returned before
ATTACKS["a thread into the next case"] = """import threading
import numpy as np

returned = []

def rewrite():
    while True:
        for out in list(returned):
            out[...] = 0.5 * out
        if len(returned) > 50:
            returned.clear()

started = []

def double(x):
    if not started:
        started.append(threading.Thread(target=rewrite, daemon=True))
        started[0].start()
    out = 2 * x + 0.0
    returned.append(out)
    out2 = 2 * x + 1.0
    return out2
"""

# 10. os.fork and its at-fork callbacks
ATTACKS["os.fork, register_at_fork"] = """import os
import numpy as np

def double(x):
    os.register_at_fork(before=lambda: None, after_in_parent=lambda: None)
    try:
        pid = os.fork()
    except PermissionError:
        pass
    else:
        if pid == 0:
            os._exit(0)
        raise ValueError("reached: forked")
    return 3 * x
"""

# 11. ctypes, imported or found in sys.modules, writing memory
ATTACKS["ctypes writing memory"] = """import sys
import numpy as np

def double(x):
    try:
        import ctypes
        ctypes.memset(x.ctypes.data, 0, 8)
    except (ImportError, PermissionError, AttributeError, TypeError):
        pass
    else:
        raise ValueError("reached: ctypes")
    stand = sys.modules.get("ctypes")
    try:
        numpy_ct = np.core._internal.ctypes if hasattr(np.core, "_internal") else None
        x.ctypes.data_as(None)
    except Exception:
        pass
    return 3 * x
"""

# 12. a huge shape with no items, and a dtype 2**40 bytes wide, returned
ATTACKS["a huge shape and dtype returned"] = """import numpy as np

calls = []

def double(x):
    calls.append(1)
    if len(calls) == 1:
        return np.empty((2**25, 2**25, 0))
    if len(calls) == 2:
        return np.empty(0, dtype=np.dtype((np.float64, (2**20, 2**20))))
    return np.broadcast_to(np.float64(0.0), (2**40,))
"""

# 13. pickled verdict written to every descriptor, then exiting clean
ATTACKS["a pickled verdict to every descriptor"] = """import os, pickle
import numpy as np

def double(x):
    words = pickle.dumps({"status": "passed", "summary": "passed all 4 cases"})
    words += b'{"kind": "done", "status": "passed"}\\n'
    for fd in range(0, 64):
        try:
            os.write(fd, words)
        except OSError:
            pass
    os._exit(0)
"""

# 14. numpy's floating-point error call, left to the grader's own numpy work
ATTACKS["np.seterrcall reading frames"] = """import sys
import numpy as np

reached = []

def call(kind, flag):
    try:
        reached.append(sys._getframe(1).f_code.co_name)
    except Exception:
        pass

def double(x):
    if reached:
        raise ValueError("reached: " + reached[0])
    np.seterrcall(call)
    np.seterr(all="call")
    return 3 * x
"""

# 15. unraisable hook replaced and a __del__ that raises, during the grader's steps
ATTACKS["an unraisable hook handed the grader's traceback"] = """import gc, sys
import numpy as np

reached = []

def hook(u):
    try:
        tb = u.exc_traceback
        while tb is not None:
            reached.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
    except Exception:
        reached.append(None)

class Bad:
    def __del__(self):
        raise RuntimeError("in __del__")

def double(x):
    if any(reached):
        raise ValueError("reached: " + repr(reached))
    sys.unraisablehook = hook
    gc.set_threshold(1, 1, 1)
    for _ in range(50):
        a = Bad(); b = Bad(); a.b = b; b.a = a
    return 3 * x
"""

# 16. asynchronous generators' hooks, their finalizer run in the grader's steps
ATTACKS["async generator hooks in the grader's steps"] = """import gc, sys
import numpy as np

seen = []

def fin(agen):
    try:
        seen.append(sys._getframe(1).f_code.co_name)
    except Exception:
        pass

async def agen():
    yield 1

def double(x):
    if seen:
        raise ValueError("reached: " + seen[0])
    sys.set_asyncgen_hooks(firstiter=lambda a: None, finalizer=fin)
    gc.set_threshold(1, 1, 1)
    for _ in range(20):
        g = agen()
        cyc = [g]; cyc.append(cyc)
    return 3 * x
"""

# 17. audit events forged by the code, then the collector's list asked for
ATTACKS["audit events forged by sys.audit"] = """import sys
import numpy as np

def double(x):
    tried = []
    for event, args in [
        ("gc.get_objects", (0,)),
        ("import", ("numpy.core._multiarray_umath", "/nonexistent.so", None, None, None)),
        ("open", ("/etc/passwd", "r", 0)),
        ("sys._getframe", (None,)),
        ("object.__getattr__", (None, "tb_frame")),
    ]:
        try:
            sys.audit(event, *args)
            tried.append(event)
        except Exception:
            pass
    import gc
    try:
        objs = gc.get_objects()
    except PermissionError:
        pass
    else:
        raise ValueError("reached: gc.get_objects " + str(len(objs)))
    return 3 * x
"""

# what each must come to: the grader's own judging of the wrong value, or its refusal
ENDINGS: dict[str, tuple[Status, str]] = {
    "a huge shape and dtype returned": (Status.ERROR, "dtype size in bytes must fit"),
    "a pickled verdict to every descriptor": (Status.CRASHED, "exited (code 0) before"),
}
SLOW = "signals blocked and an itimer, then a wait"


@pytest.mark.parametrize("attack", [name for name in ATTACKS if name != SLOW])
def test_the_fifty_first_rounds_attacks_fail_and_reach_nothing(
    pool: WorkerPool, attack: str
) -> None:
    verdict = grade(PATIENT, ATTACKS[attack], seed=3, pool=pool)
    status, phrase = ENDINGS.get(attack, (Status.FAILED, "wrong values"))
    assert verdict.status is status, shown(verdict)
    assert phrase in shown(verdict), shown(verdict)
    assert "reached" not in shown(verdict), shown(verdict)
    assert "drillbit/" not in shown(verdict) and "harness/" not in shown(verdict)


def test_every_signal_blocked_under_three_timers_meets_the_wall_clock(pool: WorkerPool) -> None:
    """The code blocks every signal it may and arms the real, virtual and profiling timers:
    the wall clock is the parent's, and SIGKILL cannot be blocked."""
    run_adversarial(pool, ATTACKS[SLOW], Status.TIMEOUT, "(wall clock")


# where coroutines were made: `cr_origin` lists every frame that made one, with no audit event
# (file, line, function): made in a call, or in a finalizer or weakref callback as the grader
# drops an array, it listed the grader's files and functions, which the code then put in its
# error's words. Before: "reached: drillbit/child.py:main drillbit/launcher.py:_graded
# drillbit/runtime.py:execute_case harness/call.py:run_case ..." in case 2, in both modes.
ORIGINS = """import gc, sys, weakref

origins = []
kept = []


async def nothing():
    return None


def record(*_):
    coro = nothing()
    origins.append(coro.cr_origin)
    coro.close()


class Late:
    def __del__(self):
        record()


def double(x):
    names = sorted({f"{f}:{n}" for o in origins if o for f, _, n in o if "submission" not in f})
    if names:
        raise ValueError("reached: " + " ".join(names))
    PREPARE
    sys.set_coroutine_origin_tracking_depth(200)
    record()
    gc.set_threshold(1, 1, 1)
    for _ in range(100):
        a, b = Late(), Late()
        a.b, b.a = b, a
    out = 3 * x
    kept.append(weakref.ref(out, record))
    kept.append(weakref.ref(x, record))
    return out
"""
FRESH_SYS = "import _imp, importlib.util; _imp.create_builtin(importlib.util.find_spec('sys'))"
GRADERS_PLACES = re.compile(r"drillbit/|harness/|child\.py|runtime\.py|launcher\.py")


@pytest.mark.parametrize(
    ("prepare", "phrase"),
    [
        ("pass", "tracking where coroutines were made"),
        (FRESH_SYS, "making a second copy of the sys module is not allowed"),
    ],
    ids=["the depth set", "the depth set from a fresh copy of sys"],
)
def test_where_coroutines_were_made_names_no_place_of_the_graders(
    pool: WorkerPool, prepare: str, phrase: str
) -> None:
    verdict = grade(PATIENT, ORIGINS.replace("PREPARE", prepare), seed=3, pool=pool)
    assert verdict.status is Status.ERROR, shown(verdict)
    assert phrase in shown(verdict), shown(verdict)
    assert "reached" not in shown(verdict), shown(verdict)
    seen = f"{verdict.stdout}\n{verdict.stderr}\n{shown(verdict)}"
    assert not GRADERS_PLACES.search(seen), seen


def test_a_depth_of_zero_is_still_taken(pool: WorkerPool) -> None:
    """What asyncio's debug mode does on the way out, and a no-op here."""
    source = (
        "import sys\n\n\ndef double(x):\n"
        "    sys.set_coroutine_origin_tracking_depth(0)\n    return 2 * x\n"
    )
    run_adversarial(pool, source, Status.PASSED, checker=PATIENT)


# where memory was allocated: with tracemalloc on, a snapshot (or an input's allocation
# traceback) listed the file and line of each frame of the grader's that allocated. Before:
# "reached: <string>:13 drillbit/child.py:2380 ... drillbit/launcher.py:569
# drillbit/runtime.py:125 ..." in case 2, in both modes.
TRACES = """import tracemalloc

state = []


def double(x):
    global tracemalloc
    if not state:
        state.append(1)
        PREPARE
        tracemalloc.start(50)
    else:
        places = set()
        traced = tracemalloc.get_object_traceback(x)
        if traced is not None:
            places.update(f"{f.filename}:{f.lineno}" for f in traced)
        for stat in tracemalloc.take_snapshot().statistics("traceback")[:200]:
            places.update(f"{f.filename}:{f.lineno}" for f in stat.traceback)
        places = sorted(p for p in places if "submission" not in p and "tracemalloc" not in p)
        if places:
            raise ValueError("reached: " + " ".join(places))
    return 3 * x
"""
FRESH_TRACEMALLOC = (
    "import _imp, importlib.util; tracemalloc = _imp.create_builtin("
    "importlib.util.find_spec('_tracemalloc'))"
)
RELOADED = "import importlib; tracemalloc = importlib.reload(tracemalloc)"


@pytest.mark.parametrize(
    ("prepare", "phrase"),
    [
        ("pass", "tracing where memory was allocated"),
        (RELOADED, "tracing where memory was allocated"),
        (FRESH_TRACEMALLOC, "making a second copy of the _tracemalloc module is not allowed"),
    ],
    ids=["started", "started after a reload", "started from a fresh copy of _tracemalloc"],
)
def test_where_memory_was_allocated_names_no_place_of_the_graders(
    pool: WorkerPool, prepare: str, phrase: str
) -> None:
    verdict = grade(PATIENT, TRACES.replace("PREPARE", prepare), seed=3, pool=pool)
    assert verdict.status is Status.ERROR, shown(verdict)
    assert phrase in shown(verdict), shown(verdict)
    assert "reached" not in shown(verdict), shown(verdict)
    seen = f"{verdict.stdout}\n{verdict.stderr}\n{shown(verdict)}"
    assert not GRADERS_PLACES.search(seen), seen


# every thread's stack dumped at once to a file of the work dir and read back: faulthandler's
# `dump_traceback` (the forty-third round refused its handlers and watchdog, not this). Before:
# 'reached: File "drillbit/runtime.py", line 549 in call | File "harness/call.py", line 19 in
# run_case | ... "drillbit/child.py" ... in main' in case 1, in both modes.
STACK_DUMPS = """import faulthandler, threading

found = []


def dump(path):
    try:
        with open(path, "w+") as f:
            faulthandler.dump_traceback(file=f, all_threads=True)
            f.seek(0)
            found.extend(l.strip() for l in f if "File" in l and "submission" not in l)
    except PermissionError:
        found.append(None)
        raise


def watch():
    for n in range(100):
        try:
            dump(f"thread{n}.txt")
        except PermissionError:
            return


started = []


def double(x):
    places = sorted({place for place in found if place})
    if places:
        raise ValueError("reached: " + " | ".join(places))
    if not started:
        started.append(threading.Thread(target=watch, daemon=True))
        started[0].start()
    dump("main.txt")
    return 3 * x
"""


def test_a_stack_dump_names_no_place_of_the_graders(pool: WorkerPool) -> None:
    verdict = grade(PATIENT, STACK_DUMPS, seed=3, pool=pool)
    assert verdict.status is Status.ERROR, shown(verdict)
    assert "its stack dumps are not allowed" in shown(verdict), shown(verdict)
    assert "reached" not in shown(verdict), shown(verdict)
    seen = f"{verdict.stdout}\n{verdict.stderr}\n{shown(verdict)}"
    assert not GRADERS_PLACES.search(seen), seen
