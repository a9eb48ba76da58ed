"""Signal handlers, which Python calls with the frame that runs when their signal comes, and
monitoring callbacks, which it hands every return value (the thirty-second round).

No audit event covers `signal.signal`, and a submission can have a signal come at any moment
(a timer, a thread of its own). Between two calls the running frame is the grader's: a handler
found its namespaces there (`frame.f_globals`) and replaced the function that reports a call's
floating-point events, and a naive sigmoid passed, five runs of five on this machine. seccomp
now refuses a new signal action (the handler's installation), however `signal` is reached; the
audit-hook layer says so in plain words.
"""

from __future__ import annotations

import textwrap

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool, child
from tests.sandbox.drills import PatientDoubleChecker, PatientSigmoid
from tests.sandbox.helpers import shown
from tests.sandbox.test_attacks_from_inside import REPORT, _found

SIGMOID = PatientSigmoid()

HANDLER_IN_THE_GRADERS_FRAMES = """
    import signal
    import numpy as np
    DONE = []

    def handler(signum, frame):
        if DONE or frame.f_code.co_filename == "submission.py":
            return
        namespace = frame.f_globals
        if "fp_events_since" in namespace:  # the runtime's: no event is counted again
            namespace["fp_events_since"] = lambda counted: []
            DONE.append(frame.f_code.co_name)
        elif "encode_message" in namespace or "message" in namespace:  # the child's, the wire's
            for name in ("encode_message", "message"):
                real = namespace.get(name)
                if callable(real):
                    def blanked(fields, *args, _real=real, **kwargs):
                        if type(fields) is dict and "fp" in fields:
                            fields["fp"] = []
                        return _real(fields, *args, **kwargs)
                    namespace[name] = blanked
            DONE.append(frame.f_code.co_name)
        if DONE:
            signal.setitimer(signal.ITIMER_REAL, 0)

    signal.signal(signal.SIGALRM, handler)

    def sigmoid(z):
        signal.setitimer(signal.ITIMER_REAL, 0)
        out = 1 / (1 + np.exp(-z))
        if not DONE:  # a signal every 20 us while the grader handles the result
            signal.setitimer(signal.ITIMER_REAL, 2e-5, 2e-5)
        return out
"""


def test_a_handler_cannot_reach_the_graders_frames(pool: WorkerPool) -> None:
    verdict = grade(SIGMOID, textwrap.dedent(HANDLER_IN_THE_GRADERS_FRAMES), seed=11, pool=pool)
    assert not verdict.passed, shown(verdict)
    assert "installing signal handlers is not allowed in a drill" in shown(verdict), shown(verdict)


def test_the_kernel_refuses_a_handler_however_signal_is_reached(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    """Without the audit hooks, in every mode: `signal.signal`, and the same call from a second
    copy of the `_signal` module (which no audit hook sees made), fail with EPERM; reading a
    handler and blocking a signal, which install nothing, still work."""
    _, pool = mode_pool
    message = _found(
        pool,
        """
        import importlib.util, signal
        copy = importlib.util.module_from_spec(importlib.util.find_spec("_signal"))
        FOUND = {}
        for name, install in (("signal", signal.signal), ("a copy of _signal", copy.signal)):
            try:
                install(signal.SIGUSR1, lambda signum, frame: None)
                FOUND[name] = "installed"
            except OSError as exc:
                FOUND[name] = f"errno {exc.errno}"
        FOUND["read"] = signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL
        FOUND["blocked"] = signal.SIGUSR1 in signal.pthread_sigmask(
            signal.SIG_BLOCK, {signal.SIGUSR1}) | signal.pthread_sigmask(signal.SIG_BLOCK, set())
        """,
    )
    assert "installed" not in message, message
    assert "'signal': 'errno 1'" in message and "'a copy of _signal': 'errno 1'" in message
    assert "'read': True" in message and "'blocked': True" in message, message


A_COPY_OF_SIGNAL = HANDLER_IN_THE_GRADERS_FRAMES.replace(
    "signal.signal(signal.SIGALRM, handler)",
    "import importlib.util\n"
    "    copy = importlib.util.module_from_spec(importlib.util.find_spec('_signal'))\n"
    "    copy.signal(signal.SIGALRM, handler)",
)


def test_a_copy_of_signal_is_refused_without_seccomp(
    no_seccomp_pool: tuple[str, WorkerPool],
) -> None:
    """Without the seccomp filter (no libseccomp), a fresh `_signal` module held the real
    `signal`: its handler blanked the overflow flag in the grader's frames and a naive sigmoid
    passed, under bubblewrap, Landlock and nothing alike. Making that copy is refused now, as
    the load's first step, before any timer runs."""
    _, pool = no_seccomp_pool
    verdict = grade(SIGMOID, textwrap.dedent(A_COPY_OF_SIGNAL), seed=11, pool=pool)
    assert not verdict.passed, shown(verdict)
    assert "making a second copy of the _signal module is not allowed" in shown(verdict)


def test_every_way_to_a_second_signal_module_is_refused(
    no_seccomp_pool: tuple[str, WorkerPool],
) -> None:
    """The ways to a fresh `_signal`: its maker called directly, with a spec whose name
    changes between two reads, `sys.modules` emptied then an import, a fresh `_imp` (whose
    maker is the original) or `gc` (whose `set_debug` is), the maker's own frame, and a reload of `_signal`; a module not
    loaded yet is still made (`_symtable`: `xxsubtype`, a test module, is refused now)."""
    _, pool = no_seccomp_pool
    message = _found(
        pool,
        """
        import _imp, _signal, importlib, importlib.util, sys
        FOUND = {}

        def attempt(label, make):
            try:
                made = make()
                FOUND[label] = "signal" if hasattr(made, "signal") else type(made).__name__
            except BaseException as exc:
                FOUND[label] = type(exc).__name__

        class Turncoat:
            reads = 0

            @property
            def name(self):
                Turncoat.reads += 1
                return "_symtable" if Turncoat.reads == 1 else "_signal"

        def emptied_then_imported():
            real = sys.modules.pop("_signal")
            try:
                import _signal as fresh
                return fresh
            finally:
                sys.modules["_signal"] = real

        def reloaded():
            importlib.reload(_signal).signal(_signal.SIGUSR1, lambda signum, frame: None)

        attempt("direct", lambda: _imp.create_builtin(importlib.util.find_spec("_signal")))
        attempt("spec", lambda: importlib.util.module_from_spec(importlib.util.find_spec("_signal")))
        attempt("turncoat", lambda: _imp.create_builtin(Turncoat()))
        attempt("emptied", emptied_then_imported)
        attempt("imp", lambda: _imp.create_builtin(importlib.util.find_spec("_imp")))
        attempt("gc", lambda: _imp.create_builtin(importlib.util.find_spec("gc")))
        makers = (getattr(_imp.create_builtin, "__kwdefaults__", None) or {}).get("_calls")
        attempt("frame", lambda: makers.gi_frame)
        attempt("maker", lambda: next(makers).gi_frame)
        attempt("reload", reloaded)
        attempt("new", lambda: _imp.create_builtin(importlib.util.find_spec("_symtable")))
        """,
    )
    for label in ("direct", "spec", "emptied", "imp", "gc", "reload"):
        assert f"'{label}': 'PermissionError'" in message, message
    for label in ("frame", "maker"):
        assert f"'{label}': 'ValueError'" in message, message
    assert "'turncoat': 'module'" in message and "'new': 'module'" in message, message


@pytest.mark.parametrize("signalnum", ["SIGXCPU", "SIGTERM"])
def test_ignoring_a_signal_is_refused_in_plain_words(pool: WorkerPool, signalnum: str) -> None:
    source = f"import signal\nsignal.signal(signal.{signalnum}, signal.SIG_IGN)\n"
    verdict = grade(SIGMOID, source + "def sigmoid(z):\n    return z\n", seed=1, pool=pool)
    assert "installing signal handlers is not allowed in a drill" in shown(verdict), shown(verdict)


def test_a_monitoring_callback_is_refused_where_python_has_them() -> None:
    """Python 3.12's `sys.monitoring` hands a PY_RETURN callback every function's return
    value, the grader's among them: on 3.12 one emptied the list of floating-point events a
    function returned (no frame needed). Registering a callback raises this audit event,
    which the child's hook now refuses as it refuses `sys.settrace`; on 3.11, which has no
    `sys.monitoring`, the hook is called directly with it."""
    hook = child._make_hook({"workdir": "/nowhere", "forbidden": [], "allowed": []})
    with pytest.raises(PermissionError, match="monitoring hooks is not allowed in a drill"):
        hook("sys.monitoring.register_callback", (lambda code, offset, value: None,))


def test_a_refused_module_cannot_be_loaded_under_another_name(
    no_seccomp_pool: tuple[str, WorkerPool],
) -> None:
    """A C extension's init function is named after the last part of the name it is loaded
    under: `_posixsubprocess` loaded as `evil._posixsubprocess` (whose first part the hooks
    checked) started a program without seccomp, where nothing else refuses one; `_ctypes` so
    loaded gave ctypes back. The last part is checked now, and a name that is a str subclass
    (whose methods are the code's) is refused."""
    _, pool = no_seccomp_pool
    message = _found(
        pool,
        """
        import importlib.machinery, importlib.util
        FOUND = {}

        class Name(str):
            pass

        for label, module, name in (
            ("renamed", "_posixsubprocess", "evil._posixsubprocess"),
            ("ctypes", "_ctypes", "evil._ctypes"),
            ("subclass", "_posixsubprocess", Name("evil._posixsubprocess")),
        ):
            path = importlib.machinery.PathFinder.find_spec(module).origin
            loader = importlib.machinery.ExtensionFileLoader(name, path)
            spec = importlib.util.spec_from_file_location(name, path, loader=loader)
            try:
                FOUND[label] = sorted(vars(importlib.util.module_from_spec(spec)))[:3]
            except Exception as exc:
                FOUND[label] = type(exc).__name__
        """,
    )
    for label in ("renamed", "ctypes", "subclass"):
        assert f"'{label}': 'ModuleNotFoundError'" in message, message


def test_no_other_process_can_be_signalled_without_seccomp(
    no_seccomp_pool: tuple[str, WorkerPool],
) -> None:
    """No audit event covers `os.pidfd_open` or `signal.pidfd_send_signal`: without seccomp a
    drill opened a pidfd of the process that started it (the app, or bubblewrap's) and sent it
    a signal (0 here; SIGKILL would have done as well). Nor did the hooks look at which fcntl
    or ioctl they saw: F_SETOWN or FIOSETOWN made that process a pipe's owner, which the kernel
    sends SIGIO to (its default action kills). Each is refused in plain words now, as is a
    second copy of `posix`; reading a descriptor's owner still works."""
    _, pool = no_seccomp_pool
    message = _found(
        pool,
        """
        import _imp, fcntl, importlib.util, os, signal
        FOUND = {}
        r, w = os.pipe()
        parent = os.getppid() or 1

        def pidfd():
            signal.pidfd_send_signal(os.pidfd_open(parent), 0)

        for label, call in (
            ("pidfd", pidfd),
            ("posix", lambda: _imp.create_builtin(importlib.util.find_spec("posix"))),
            ("fcntl", lambda: fcntl.fcntl(r, fcntl.F_SETOWN, parent)),
            ("ioctl", lambda: fcntl.ioctl(r, 0x8901, parent.to_bytes(4, "little"))),
            ("owner", lambda: fcntl.fcntl(r, fcntl.F_GETOWN)),
        ):
            try:
                call()
                FOUND[label] = "done"
            except Exception as exc:
                FOUND[label] = "refused" if "drillbit sandbox" in str(exc) else repr(exc)
        """,
    )
    for label in ("pidfd", "posix", "fcntl", "ioctl"):
        assert f"'{label}': 'refused'" in message, message
    assert "'owner': 'done'" in message, message


def test_no_other_process_is_rescheduled_without_seccomp(
    no_seccomp_pool: tuple[str, WorkerPool],
) -> None:
    """No audit event covers `os.setpriority` or the `sched_set*` calls: without seccomp a
    drill could set any process of its user's, the app that graded it among them, to the
    lowest priority, the idle scheduling class or one CPU, for the rest of its run (done here
    to the test's own process). They are refused in plain words now for any process but the
    child's own, where they still work."""
    _, pool = no_seccomp_pool
    message = _found(
        pool,
        """
        import os
        FOUND = {}
        parent = os.getppid() or 1
        own = os.getpriority(os.PRIO_PROCESS, 0)  # raised, never lowered: that needs a capability
        for label, call in (
            ("nice", lambda: os.setpriority(os.PRIO_PROCESS, parent, 19)),
            ("user", lambda: os.setpriority(os.PRIO_USER, 0, 19)),
            ("cpus", lambda: os.sched_setaffinity(parent, {0})),
            ("idle", lambda: os.sched_setscheduler(parent, os.SCHED_IDLE, os.sched_param(0))),
            ("own-nice", lambda: os.setpriority(os.PRIO_PROCESS, 0, min(19, own + 1))),
            ("own-cpus", lambda: os.sched_setaffinity(0, os.sched_getaffinity(0))),
        ):
            try:
                call()
                FOUND[label] = "done"
            except Exception as exc:
                FOUND[label] = "refused" if "drillbit sandbox" in str(exc) else repr(exc)
        """,
    )
    for label in ("nice", "user", "cpus", "idle"):
        assert f"'{label}': 'refused'" in message, message
    assert "'own-nice': 'done'" in message and "'own-cpus': 'done'" in message, message


def test_faulthandlers_c_handler_is_refused_by_the_kernel(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    """`faulthandler.register` installs a handler of C (it dumps every thread's stack) past
    `signal.signal`'s refusal in words: no audit event covers it. It runs no Python code, so it
    cannot reach a frame's values, but with the hooks alone (no seccomp) it was installed and
    printed the grader's stack on a signal of the code's (forty-second round). seccomp refuses
    it as any new action, in every mode."""
    _, pool = mode_pool
    message = _found(
        pool,
        """
        import faulthandler, signal
        FOUND = {}
        for signum in (signal.SIGUSR1, signal.SIGXCPU, signal.SIGTERM):
            try:
                faulthandler.register(signum, all_threads=True)
                FOUND[signum.name] = "installed"
            except OSError as exc:
                FOUND[signum.name] = f"errno {exc.errno}"
        """,
    )
    assert "installed" not in message, message
    for name in ("SIGUSR1", "SIGXCPU", "SIGTERM"):
        assert f"'{name}': 'errno 1'" in message, message


UNRAISABLE_HOOK = """
    import gc, sys
    import numpy as np

    SEEN = []

    def hook(unraisable):
        # runs wherever the collector found the cycle: in the grader's frames too
        try:
            frame = sys._getframe(1)
            SEEN.append(frame.f_code.co_name)
            for name, value in list(frame.f_globals.items()):
                if name == "_send":
                    frame.f_globals[name] = lambda *args: None
        except Exception as exc:
            SEEN.append(type(exc).__name__)

    sys.unraisablehook = hook

    class Cycle:
        def __del__(self):
            raise RuntimeError("from a finalizer")

    def sigmoid(z):
        gc.set_threshold(1)  # collect at almost every allocation, the grader's included
        for _ in range(50):
            cycle = Cycle()
            cycle.me = cycle
        if len(SEEN) > 3 and all(seen == "ValueError" for seen in SEEN):
            print("refused", len(SEEN), file=sys.stderr)
        return 1 / (1 + np.exp(-z))
"""


def test_an_unraisable_hook_run_in_the_graders_frames_cannot_reach_them(pool: WorkerPool) -> None:
    # forty-second round: `sys.unraisablehook` (no audit event) is called where a finalizer
    # raised, which a collection run at the grader's own allocations puts in its frames; the
    # frame guard refuses `sys._getframe` there as everywhere, and the naive sigmoid fails
    verdict = grade(SIGMOID, textwrap.dedent(UNRAISABLE_HOOK), seed=11, pool=pool)
    assert not verdict.passed, shown(verdict)
    assert "overflow" in shown(verdict), shown(verdict)
    assert "refused" in verdict.stderr, verdict.stderr


FAULT_HANDLERS = """
    import faulthandler, importlib.util, signal, sys, time
    FOUND = {}
    for label, call in (
        ("enable", lambda: faulthandler.enable(all_threads=True)),
        ("register", lambda: faulthandler.register(signal.SIGUSR1, all_threads=True)),
        ("later", lambda: faulthandler.dump_traceback_later(0.01, repeat=True)),
        ("copy", lambda: importlib.util.module_from_spec(importlib.util.find_spec("faulthandler"))),
    ):
        try:
            call()
            FOUND[label] = "done"
        except Exception as exc:
            FOUND[label] = "refused" if "drillbit sandbox" in str(exc) else repr(exc)[:80]
    time.sleep(0.1)  # the watchdog's dump would have come ten times
    faulthandler.cancel_dump_traceback_later()
"""


def test_faulthandlers_handlers_and_watchdog_are_refused_by_the_hooks(
    no_seccomp_pool: tuple[str, WorkerPool],
) -> None:
    """With the hooks and without seccomp (bubblewrap, Landlock, nothing): `enable` and
    `register` install handlers of C, which only seccomp refused (with the hooks alone
    `register` was installed), and `dump_traceback_later` starts a watchdog thread that no
    kernel layer refuses: it printed the grader's stack (`drillbit/child.py`'s lines) to stderr
    in every mode (forty-third round). The hooks now refuse all three, and a second copy of the
    module, in words; nothing is printed."""
    _, pool = no_seccomp_pool
    verdict = grade(
        PatientDoubleChecker(),
        textwrap.dedent(FAULT_HANDLERS) + REPORT,
        seed=1,
        pool=pool,
    )
    message = shown(verdict)
    for label in ("enable", "register", "later", "copy"):
        assert f"'{label}': 'refused'" in message, message
    assert "drillbit/child.py" not in verdict.stderr, verdict.stderr
    assert "Timeout" not in verdict.stderr, verdict.stderr
