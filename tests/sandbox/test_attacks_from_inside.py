"""Attacks by code that has read the sandbox's source (the thirtieth round): the result pipe,
the process group, the file systems bubblewrap leaves, results built to trip the encoder, and
what the in-process self-checks still cannot see (as the README's security section says).

Each submission reports what it found by raising it: the verdict's message carries it back.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from engine.checkers import get_checker
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import PATIENT_DOUBLE, shown

SIGMOID = get_checker("nn.activations.sigmoid")
REPORT = "\n\ndef double(x):\n    raise RuntimeError('found ' + repr(FOUND))\n"


def _found(pool: WorkerPool, source: str) -> str:
    """What the submission's load found, from the error it raised with it (under a wall clock
    a busy machine does not reach: a timeout would hide what it found)."""
    verdict = grade(PatientDoubleChecker(), textwrap.dedent(source) + REPORT, seed=1, pool=pool)
    message = shown(verdict)
    assert "found " in message, message
    return message


def test_the_result_pipe_cannot_be_swapped_for_one_of_the_codes_own(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    """The result pipe sits at a random descriptor past the open-files limit: code that finds
    it (the one pipe past stdio) cannot put a pipe of its own there, which would have let it
    read the child's own result frames and send forged ones (no overflow reported) in their
    place. Closing it only loses the results."""
    _, pool = mode_pool
    message = _found(
        pool,
        """
        import os, stat
        pipes = []
        for fd in range(3, 4096):
            try:
                mode = os.fstat(fd).st_mode
                if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):  # the result channel's a socket
                    pipes.append(fd)
            except OSError:
                pass
        r, w = os.pipe()
        FOUND = []
        for fd in pipes:
            try:
                os.dup2(w, fd)
                FOUND.append(f"swapped {fd}")
            except OSError as exc:
                FOUND.append(f"refused errno {exc.errno}")
        """,
    )
    assert "refused errno 9" in message, message  # EBADF: past RLIMIT_NOFILE
    assert "swapped" not in message, message


def test_the_child_cannot_leave_the_process_group_the_deadline_kills(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    """The deadline kills the child's process group: a child that moved to another group (or
    session) would outlive it. It leads its own session, which the kernel keeps it in."""
    _, pool = mode_pool
    message = _found(
        pool,
        """
        import os
        FOUND = []
        for name, call in (("setpgid", lambda: os.setpgid(0, 0)), ("setsid", os.setsid)):
            try:
                call()
                FOUND.append(f"{name} done")
            except OSError as exc:
                FOUND.append(f"{name} refused")
        FOUND.append(os.getpgid(0) == os.getsid(0))
        """,
    )
    assert "setpgid refused" in message and "setsid refused" in message, message
    assert "done" not in message and "True" in message, message


def test_under_bubblewrap_only_the_bounded_tmpfs_take_files(bare_bwrap_pool: WorkerPool) -> None:
    """The sandbox's root and its /dev are tmpfs that bwrap makes as large as the machine's
    memory allows (12 GiB here), and they were writable: a child could fill memory a mebibyte
    a file. Now only the 96 MiB home (`/tmp`) and the 16 MiB `/dev/shm` take files.
    bubblewrap alone: its own file systems are what is tested (the other modes have none), and
    seccomp refuses `statfs`, which reads their sizes (forty-third round)."""
    pool = bare_bwrap_pool
    message = _found(
        pool,
        """
        import errno, os
        FOUND = {}
        for place in ("/", "/dev", "/opt", "/usr", "/dev/shm", "/tmp"):
            try:
                with open(os.path.join(place, "filler"), "wb") as handle:
                    handle.write(b"x")
                size = os.statvfs(place)
                FOUND[place] = size.f_blocks * size.f_frsize >> 20
            except OSError as exc:
                FOUND[place] = errno.errorcode.get(exc.errno, "?")
        """,
    )
    for place in ("/", "/dev", "/opt", "/usr"):
        assert f"'{place}': 'EROFS'" in message, message
    assert "'/dev/shm': 16" in message and "'/tmp': 96" in message, message


CHECKOUT = Path(__file__).resolve().parents[2]
REFERENCE = "engine/nn/activations.py"
"""A file of the grader's references, relative to the checkout (the test's own working dir)."""


@pytest.mark.parametrize("mode_pool", ["bwrap", "landlock"], indirect=True)
def test_the_reference_is_out_of_reach_through_proc_and_inherited_descriptors(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    """Other ways to the checkout than its path: the app's working dir and root through
    /proc, and the parents of the bytecode cache's descriptor (Landlock's child inherits it).
    With a file-system layer none of them opens the reference (seccomp alone reads it, as the
    README says)."""
    _, pool = mode_pool  # not seccomp alone: it reads your files, the README says
    message = _found(
        pool,
        f"""
        import os
        app = os.getppid()
        tries = [f"/proc/{{app}}/cwd/{REFERENCE}", f"/proc/{{app}}/root{CHECKOUT}/{REFERENCE}",
                 "{CHECKOUT}/{REFERENCE}"]
        for fd in range(3, 64):
            try:
                os.fstat(fd)
            except OSError:
                continue
            tries += [f"/proc/self/fd/{{fd}}/../../../..{CHECKOUT}/{REFERENCE}",
                      f"/proc/self/fd/{{fd}}/{"../" * 12}{CHECKOUT.relative_to("/")}/{REFERENCE}"]
        FOUND = {{}}
        for path in tries:
            try:
                with open(path, "rb") as handle:
                    FOUND[path] = "read " + repr(handle.read(20))
            except OSError as exc:
                FOUND[path] = type(exc).__name__
        """,
    )
    assert "read " not in message, message


RESULTS = {
    "a list that holds itself": (
        "def double(x):\n    out = [2 * x]\n    out.append(out)\n    return out\n",
        "nested more than 32 levels deep",
    ),
    "a terabyte broadcast from one zero": (
        "import numpy as np\n\ndef double(x):\n"
        "    return np.broadcast_to(np.float64(0.0), (1 << 37,))\n",
        "the result is too large",
    ),
    "five thousand empty arrays": (
        "import numpy as np\n\ndef double(x):\n    return [np.zeros(0) for _ in range(5000)]\n",
        "more than 4096 arrays",
    ),
    "an object array holding something to unpickle": (
        "import numpy as np\n\nclass Evil:\n    def __reduce__(self):\n"
        "        return (print, ('unpickled',))\n\ndef double(x):\n"
        "    out = np.empty(2, dtype=object)\n    out[0], out[1] = Evil(), 2 * x\n    return out\n",
        "dtype object is not accepted",
    ),
}


@pytest.mark.parametrize("kind", list(RESULTS))
def test_results_built_to_trip_the_encoder_are_invalid_returns(pool: WorkerPool, kind: str) -> None:
    source, words = RESULTS[kind]
    # the refusal is the point, not DOUBLE's 1 s: five thousand arrays built and measured
    # used 33% of it in flaky53's audit, at a load average of 13-18
    verdict = grade(PATIENT_DOUBLE, source, seed=1, pool=pool)
    assert verdict.status is Status.INVALID, shown(verdict)
    assert words in shown(verdict) and "unpickled" not in shown(verdict), shown(verdict)


CLOSED = {
    # numpy's constructor checked a view's extent by multiplying in 64 bits: 2**k + 1 rows of
    # stride d, where 2**k * d wraps to 0, passed over a 64-byte buffer, and row 1 was the eight
    # bytes d on; the counters the error callback advances were set back to zero. The child's
    # checked `__new__` reckons the extent in Python's integers (forty-eighth round)
    "memory-through-strides-that-wrap": """
        import numpy as np
        BUFFER = bytearray(64)
        def _words_at(address):
            start = np.frombuffer(BUFFER, np.uint8).__array_interface__["data"][0]
            offset = (address - start) % 32
            d = address - start - offset
            rows = (1 << (64 - ((d & -d).bit_length() - 1))) + 1
            grid = np.ndarray((rows, 8), dtype=np.uint8, buffer=BUFFER, offset=offset,
                              strides=(d, 1))
            return grid[1].view(np.int64)
        def sigmoid(z):
            out = 1 / (1 + np.exp(-z))
            for ticks in np.geterrcall().__defaults__:
                for _, tick in ticks:
                    _words_at(id(tick.__self__) + 16)[0] = 0
            return out
    """,
    # numpy built an array over any address `__array_interface__` named, and the counters were
    # set back to zero: numpy no longer honours it in the child (forty-seventh round), and the
    # object is a 0-d object array, which has no [0]
    "memory-at-a-raw-address": """
        import numpy as np
        def _words_at(address):
            class At:
                __array_interface__ = {"shape": (1,), "typestr": "<i8",
                                       "data": (address, False), "version": 3}
            return np.asarray(At())
        def sigmoid(z):
            out = 1 / (1 + np.exp(-z))
            for ticks in np.geterrcall().__defaults__:
                for _, tick in ticks:
                    _words_at(id(tick.__self__) + 16)[0] = 0
            return out
    """,
    # a fresh context and a new thread started from numpy's default state, which only
    # warned: the default is now the grader's strict state
    "a-fresh-context": """
        import contextvars, warnings
        import numpy as np
        def sigmoid(z):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return contextvars.Context().run(lambda: 1 / (1 + np.exp(-z)))
    """,
    "numpys-default-state-taken-from-a-fresh-context": """
        import contextvars, warnings
        import numpy as np
        from numpy._core import umath
        warnings.simplefilter("ignore")
        DEFAULT = contextvars.Context().run(umath._extobj_contextvar.get)
        def sigmoid(z):
            token = umath._extobj_contextvar.set(DEFAULT)
            try:
                return 1 / (1 + np.exp(-z))
            finally:
                umath._extobj_contextvar.reset(token)
    """,
    "another-thread": """
        import threading, warnings
        import numpy as np
        warnings.simplefilter("ignore")
        def sigmoid(z):
            out = []
            worker = threading.Thread(target=lambda: out.append(1 / (1 + np.exp(-z))))
            worker.start()
            worker.join()
            return out[0]
    """,
    "a-thread-started-before-the-call": """
        import queue, threading, warnings
        import numpy as np
        warnings.simplefilter("ignore")
        asked, answered = queue.Queue(), queue.Queue()
        def serve():
            while True:
                z = asked.get()
                answered.put(1 / (1 + np.exp(-z)))
        threading.Thread(target=serve, daemon=True).start()
        def sigmoid(z):
            asked.put(z)
            return answered.get()
    """,
    # a second copy of numpy's C module, loaded from its file, held numpy's own maker: a
    # second load of a C extension already loaded is refused, however its path is spelt
    "a-second-copy-of-numpys-core": """
        import importlib.util
        import numpy as np
        from numpy._core import _multiarray_umath as core
        spec = importlib.util.spec_from_file_location(core.__name__, core.__file__)
        QUIET = importlib.util.module_from_spec(spec)._make_extobj(all="ignore")
        def sigmoid(z):
            token = core._extobj_contextvar.set(QUIET)
            try:
                return 1 / (1 + np.exp(-z))
            finally:
                core._extobj_contextvar.reset(token)
    """,
    "a-second-copy-by-another-spelling-of-its-path": """
        import importlib.util, os
        import numpy as np
        from numpy._core import _multiarray_umath as core
        folder, name = os.path.split(core.__file__)
        path = "/" + folder + "/./../_core//" + name
        spec = importlib.util.spec_from_file_location("copy._multiarray_umath", path)
        QUIET = importlib.util.module_from_spec(spec)._make_extobj(all="ignore")
        def sigmoid(z):
            token = core._extobj_contextvar.set(QUIET)
            try:
                return 1 / (1 + np.exp(-z))
            finally:
                core._extobj_contextvar.reset(token)
    """,
}


@pytest.mark.parametrize("trick", list(CLOSED))
def test_naive_sigmoids_that_hid_their_overflow_now_fail(pool: WorkerPool, trick: str) -> None:
    """Each of these passed the overflow check in an earlier round (the README listed them as
    still open): now the overflow is counted, the second copy refused as the file loads, or the
    memory door refused (the raw address, the wrapping strides)."""
    verdict = grade(SIGMOID, textwrap.dedent(CLOSED[trick]), seed=11, pool=pool)
    assert not verdict.passed, shown(verdict)
    if "second-copy" in trick:
        assert "loading a second copy of a module already loaded" in shown(verdict)
    elif trick == "memory-through-strides-that-wrap":
        assert "strides is incompatible with shape" in shown(verdict), shown(verdict)
    elif trick == "memory-at-a-raw-address":
        assert "IndexError: too many indices for array" in shown(verdict), shown(verdict)
    else:
        assert "numpy reported overflow during the call" in shown(verdict), shown(verdict)


WALK_SPIES = {
    # gc.set_threshold(1) runs the callback at nearly every allocation, the walk's included
    "a-gc-callback": """
        import gc, sys
        SEEN = set()
        def spy(phase, info):
            try:
                frame = sys._getframe(1)
            except ValueError:
                return
            if frame.f_code.co_name != "deep":
                while frame is not None:
                    SEEN.add(frame.f_code.co_name)
                    frame = frame.f_back
        gc.callbacks.append(spy)
        def start():
            gc.set_threshold(1)
        def stop():
            gc.set_threshold(700)
    """,
    # a switch every microsecond hands the spinning thread the GIL inside the walk
    "another-thread": """
        import sys, threading
        SEEN = set()
        running = threading.Event()
        def spy():
            while running.is_set():
                try:
                    frames = sys._current_frames()
                except ValueError:
                    continue
                SEEN.update(f.f_code.co_name for f in frames.values())
        def start():
            sys.setswitchinterval(1e-6)
            running.set()
            threading.Thread(target=spy, daemon=True).start()
        def stop():
            running.clear()
            sys.setswitchinterval(0.005)
    """,
}
DEEP_RAISE = """
CALLS = []
def deep(n):
    if n == 0:
        raise KeyError("a long traceback for the grader to walk")
    return deep(n - 1)
def double(x):
    CALLS.append(1)
    if len(CALLS) < 4:  # on until the grader has walked the traceback
        start()
        return deep(900)
    stop()
    raise RuntimeError("grader frames seen: " + repr(sorted(set(SEEN) & GRADER)))
GRADER = {"format_user_error", "execute_case", "main"}
"""


@pytest.mark.parametrize("spy", list(WALK_SPIES))
def test_no_submitted_code_reads_frames_while_the_grader_walks_a_traceback(
    pool: WorkerPool, spy: str
) -> None:
    """The grader opens its frame guard to walk the traceback of a call that raised: a gc
    callback ran inside that walk and read its frames (format_user_error, execute_case,
    main, with the result pipe and every global main calls). Now that code, and any other
    thread, stays refused while the guard is open."""
    source = textwrap.dedent(WALK_SPIES[spy]) + DEEP_RAISE
    # the patient clock: the spying thread, switched to every microsecond, used 26% of
    # DOUBLE's 1 s in flaky53's audit, and the clock is not what the test is about
    verdict = grade(PATIENT_DOUBLE, source, seed=1, pool=pool)
    messages = [case.message for case in verdict.cases]
    assert any("grader frames seen: " in m for m in messages), shown(verdict)
    assert any("grader frames seen: []" in m for m in messages), messages
