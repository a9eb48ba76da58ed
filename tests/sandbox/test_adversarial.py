"""The adversarial suite: hostile or broken submissions, each graded in both isolation modes.

Every case must get the right status (a child that never ends: TIMEOUT by the wall clock),
leave no process or work directory behind, and the next submission must be graded
normally (see helpers.run_adversarial).
"""

from __future__ import annotations

import os
import selectors
import socket
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.sandbox.config import ENGINE_DIR
from engine.verdict import CaseStatus, Status
from tests.sandbox.drills import CpuBoundDoubleChecker, PatientDoubleChecker
from tests.sandbox.helpers import DOUBLE, GOOD, run_adversarial, shown

ENGINE_FILE = ENGINE_DIR / "checkers" / "base.py"
ENGINE_SECRET_TEXT = "HARNESS_DIR"  # a string from that file that must never reach a verdict


def src(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


SIMPLE: list[tuple[str, str, Status, str | None]] = [
    ("infinite-loop", "def double(x):\n    while True:\n        pass\n", Status.TIMEOUT, "case 1"),
    # sleeping uses no CPU, so only the parent's wall clock can end these two: a parent
    # that stopped enforcing it got INVALID (None) after a minute, or PASSED after two
    ("sleep", "import time\n\ndef double(x):\n    time.sleep(60)\n", Status.TIMEOUT, "(wall clock"),
    (
        "sigterm-ignored",
        src("""
            import signal, time
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})  # no handler may be set
            def double(x):
                time.sleep(30)
                return 2 * x
        """),
        Status.TIMEOUT,
        "(wall clock",
    ),
    (
        "memory-bomb",
        src("""
            def double(x):
                hog = []
                while True:
                    hog.append(bytearray(64 * 2**20))
        """),
        Status.CRASHED,
        "512 MiB",
    ),
    (
        "numpy-memory-bomb",
        "import numpy as np\n\ndef double(x):\n    return np.ones((2**16, 2**16))\n",
        Status.CRASHED,
        "512 MiB",
    ),
    (
        "fork-bomb",
        "import os\n\ndef double(x):\n    while True:\n        os.fork()\n",
        Status.ERROR,
        "fork is not allowed",
    ),
    (
        "detached-grandchild",
        src("""
            import os, time
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    time.sleep(60)
                os._exit(0)
            def double(x):
                return 2 * x
        """),
        Status.ERROR,
        "fork is not allowed",
    ),
    (
        "subprocess",
        "import subprocess\n\ndef double(x):\n    return subprocess.run(['true'])\n",
        Status.ERROR,
        "does not provide it",
    ),
    ("os-exit-at-import", "import os\nos._exit(0)\n", Status.CRASHED, "loading your code"),
    (
        "sys-exit-in-call",
        "import sys\n\ndef double(x):\n    sys.exit(3)\n",
        Status.ERROR,
        "sys.exit(3)",
    ),
    (
        "segfault-through-ctypes",
        "import ctypes\n\ndef double(x):\n    return ctypes.string_at(1, 1)\n",
        Status.ERROR,
        "'ctypes'",
    ),
    (
        "ctypes-reached-through-numpy",
        "import numpy as np\n\ndef double(x):\n    return np._core._internal.ctypes.string_at(1, 1)\n",
        Status.ERROR,
        "ctypes is not allowed",
    ),
    (
        "segfault",
        "import faulthandler\n\ndef double(x):\n    faulthandler._sigsegv()\n",
        Status.CRASHED,
        "SIGSEGV",
    ),
    ("deep-recursion", "def double(x):\n    return double(x)\n", Status.ERROR, "RecursionError"),
    (
        "import-engine",
        f"import sys\nsys.path.insert(0, {str(ENGINE_DIR.parent)!r})\nimport engine.grade_inprocess\n",
        Status.ERROR,
        "not available in the sandbox",
    ),
    (
        "engine-by-file-path",
        src(f"""
            import importlib.util
            spec = importlib.util.spec_from_file_location("stolen", {str(ENGINE_FILE)!r})
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            def double(x):
                return 2 * x
        """),
        Status.ERROR,
        "grader's files",
    ),
    (
        "engine-source-read",
        f"def double(x):\n    raise ValueError(open({str(ENGINE_FILE)!r}).read())\n",
        Status.ERROR,
        "grader's files",
    ),
    (
        "append-to-engine",
        f"def double(x):\n    open({str(ENGINE_FILE)!r}, 'a').write('#')\n    return 2 * x\n",
        Status.ERROR,
        # refused by the audit hook, or (under bubblewrap, when the checkout lives below
        # /tmp, which is the child's private tmpfs) simply not there: either way an error
        None,
    ),
    (
        "malicious-array-protocol",
        src("""
            import time
            class Evil:
                def __array__(self, *args, **kwargs):
                    time.sleep(60)
                def __float__(self):
                    time.sleep(60)
            def double(x):
                return Evil()
        """),
        Status.INVALID,
        "Evil",
    ),
    (
        "object-array",
        "import numpy as np\n\ndef double(x):\n    return np.array([None, 1], dtype=object)\n",
        Status.INVALID,
        "dtype object",
    ),
    (
        "masked-array",
        "import numpy as np\n\ndef double(x):\n    return np.ma.masked_array(2 * x)\n",
        Status.INVALID,
        "subclass of numpy.ndarray",
    ),
    (
        "complex-array",
        "def double(x):\n    return 2 * x + 0j\n",
        Status.INVALID,
        "complex128",
    ),
    (
        "nan",
        "import numpy as np\n\ndef double(x):\n    return np.full_like(x, np.nan)\n",
        Status.FAILED,
        "NaN",
    ),
    (
        "wrong-shape",
        "def double(x):\n    return (2 * x).ravel()[None, None]\n",
        Status.FAILED,
        "wrong shape",
    ),
    ("string", "def double(x):\n    return 'passed'\n", Status.INVALID, "string"),
    ("none", "def double(x):\n    2 * x\n", Status.INVALID, "forget to `return`"),
    (
        "forged-passed-on-every-fd",
        src("""
            import os
            for fd in range(4096):  # the result fd is a random high number: try them all
                try:
                    os.write(fd, b'{"status": "passed"}' * 8)
                except OSError:
                    pass
            def double(x):
                return 2 * x
        """),
        Status.INVALID,
        "result channel",
    ),
    (
        "one-gib-file",
        src("""
            def double(x):
                with open("big.bin", "wb") as f:
                    for _ in range(1024):
                        f.write(b"\\0" * 2**20)
                return 2 * x
        """),
        Status.ERROR,
        "File too large",
    ),
    (
        "ansi-escapes",
        "def double(x):\n    raise ValueError('\\x1b[2J\\x1b[31mboom\\x1b]0;pwned\\x07\\x9b1m')\n",
        Status.ERROR,
        "boom",
    ),
    (
        "numpy-monkeypatched",
        src("""
            import numpy as np
            np.array_equal = lambda *a, **k: True
            np.allclose = lambda *a, **k: True
            np.isfinite = lambda *a, **k: True
            np.ascontiguousarray = None
            def double(x):
                return 3 * x
        """),
        Status.FAILED,
        "wrong values",
    ),
    (
        "result-of-128-mib",
        "import numpy as np\n\ndef double(x):\n    return np.zeros(16 * 2**20)\n",
        Status.INVALID,
        "too large",
    ),
    (
        "huge-python-list",
        "def double(x):\n    return [0.5] * 3_000_000\n",
        Status.INVALID,
        "too large",
    ),
    ("syntax-error", "def double(x)\n    return 2 * x\n", Status.ERROR, "line 1"),
    (
        "missing-function",
        "def triple(x):\n    return 3 * x\n",
        Status.ERROR,
        "does not define `double(x)`",
    ),
    (
        "hard-coded-outputs",
        "import numpy as np\n\ndef double(x):\n    return np.array([[0.5, -1.25], [2.0, 0.1]])\n",
        Status.FAILED,
        None,
    ),
    (
        "hook-state-tampered-through-frames",
        src("""
            import os, sys
            def double(x):
                f = sys._getframe()
                while f is not None:
                    g = f.f_globals
                    if "REFUSED_EVENTS" in g:
                        g["REFUSED_EVENTS"].clear()
                        g["REFUSED_PREFIXES"].clear()
                        g["REFUSED_IMPORTS"].clear()
                        g["__builtins__"]["bool"] = lambda *a: False
                        g["__builtins__"]["any"] = lambda *a: False
                        g["_lstat"] = None
                        g["_S_ISLNK"] = None
                    f = f.f_back
                os.fork()
        """),
        Status.ERROR,
        "inspecting stack frames",
    ),
    (
        "hook-frame-read-from-a-traceback",
        src("""
            def double(x):
                try:
                    open("/etc/drillbit-pwned", "w")
                except PermissionError as exc:
                    tb = exc.__traceback__
                    while tb.tb_next is not None:
                        tb = tb.tb_next
                    tb.tb_frame.f_locals["_workdir"] = "/"
                open("/etc/drillbit-pwned", "w")
        """),
        Status.ERROR,
        "inspecting stack frames",
    ),
    (
        "relative-path-traversal",
        f"def double(x):\n    return open('../' * 12 + {str(ENGINE_FILE)[1:]!r}).read()\n",
        Status.ERROR,
        "grader's files",
    ),
    (
        "proc-self-root",
        f"def double(x):\n    return open('/proc/self/root' + {str(ENGINE_FILE)!r}).read()\n",
        Status.ERROR,
        "/proc",
    ),
    (
        "symlink-to-the-engine",
        f"import os\n\ndef double(x):\n    os.symlink({str(ENGINE_DIR)!r}, 'e')\n",
        Status.ERROR,
        "creating links",
    ),
    (
        "directory-fd-escape",
        src(f"""
            import os
            def double(x):
                fd = os.open({str(ENGINE_DIR.parent.parent)!r}, os.O_RDONLY)
                return os.open({str(ENGINE_FILE.relative_to(ENGINE_DIR.parent.parent))!r}, os.O_RDONLY, dir_fd=fd)
        """),
        Status.ERROR,
        None,
    ),
    (
        "list-the-project",
        f"import os\n\ndef double(x):\n    raise ValueError(os.listdir({str(ENGINE_DIR)!r}))\n",
        Status.ERROR,
        "grader's files",
    ),
    (
        # 12 MB of JSON, over the result limit alone: it was taken for a broken result channel
        "huge-exception-message",
        "def double(x):\n    raise ValueError('\u00e9' * 2_000_000)\n",
        Status.ERROR,
        "characters cut",
    ),
    (
        # the kernel refuses it too (Landlock does not cover a file's mode): the hook says why
        "chmod-in-the-work-dir",
        "import os\n\ndef double(x):\n    open('f', 'w').close()\n    os.chmod('f', 0)\n",
        Status.ERROR,
        "changing a file's mode is not allowed",
    ),
    (
        "exception-at-import",
        "import numpy as np\nnp.frobnicate()\n",
        Status.ERROR,
        "AttributeError",
    ),
]


@pytest.mark.parametrize(
    ("name", "source", "status", "phrase"),
    [pytest.param(name, s, st, ph, id=name) for name, s, st, ph in SIMPLE],
)
def test_submission(
    pool: WorkerPool, name: str, source: str, status: Status, phrase: str | None
) -> None:
    if phrase == "grader's files" and pool.config.bwrap:
        # not there at all: the child is not told the checkout's path (test_layers)
        phrase = "No such file or directory"
    # the checker is run_adversarial's: DOUBLE's 1 s wall clock for the three cases that
    # expect it to fire, the patient 60 s one for the others. All but the memory bomb and the
    # huge list (TIMEOUT at a load average of 20) were graded by DOUBLE, and the masked array,
    # whose first np.ma imports numpy.ma, used 38% of its 1 s in flaky53's audit: what
    # these cases test is the refusal, not the clock.
    run_adversarial(pool, source, status, phrase)


def test_appending_to_the_engine_leaves_it_untouched(pool: WorkerPool) -> None:
    before = ENGINE_FILE.read_bytes()
    source = f"def double(x):\n    open({str(ENGINE_FILE)!r}, 'a').write('#')\n    return 2 * x\n"
    verdict = run_adversarial(pool, source, Status.ERROR)
    assert ENGINE_FILE.read_bytes() == before
    message = shown(verdict)
    assert "writing outside the work directory" in message or "No such file or directory" in message


def test_syntax_error_names_the_line(pool: WorkerPool) -> None:
    verdict = run_adversarial(pool, "x = 1\n\ndef double(x):\n    return 2 * * x\n", Status.ERROR)
    assert "line 4" in shown(verdict)
    assert "2 * * x" in shown(verdict)


@pytest.mark.parametrize(
    ("source", "shown_line"),
    [
        ("def double(x):\n    y = 2 * x\n      return y\n", "line 3:       return y"),
        ("def double(x):\n    y = 2 * x\n\treturn y\n", "line 3: \\treturn y"),
        ("def double(x):\nreturn 2 * x\n", "line 2: return 2 * x"),
    ],
    ids=["unexpected", "tab", "expected"],
)
def test_an_indentation_error_keeps_the_indent(
    pool: WorkerPool, source: str, shown_line: str
) -> None:
    """The indent is the mistake: stripped, "line 3: return y" hid it."""
    message = shown(run_adversarial(pool, source, Status.ERROR))
    assert shown_line in message


@pytest.mark.parametrize(
    "source",
    [
        "def double(x)\n    return 2 * x\n",  # SyntaxError
        "import no_such_module\n\ndef double(x):\n    return 2 * x\n",  # import error
        "def twice(x):\n    return 2 * x\n",  # the function is missing
    ],
    ids=["syntax", "import", "missing"],
)
def test_code_that_does_not_load_says_so(pool: WorkerPool, source: str) -> None:
    """`code_loaded` is what the rating asks: code that never loaded is no attempt."""
    verdict = grade(DOUBLE, source, seed=1, pool=pool)
    assert verdict.status is Status.ERROR and not verdict.code_loaded
    wrong = grade(DOUBLE, "def double(x):\n    return 3 * x\n", seed=1, pool=pool)
    assert wrong.status is Status.FAILED and wrong.code_loaded
    assert grade(DOUBLE, GOOD, seed=1, pool=pool).code_loaded


def test_user_traceback_only(pool: WorkerPool) -> None:
    verdict = run_adversarial(pool, "def double(x):\n    return 1 / 0\n", Status.ERROR)
    message = shown(verdict)
    assert "line 2, in double" in message and "return 1 / 0" in message
    assert "drillbit" not in message and "_runtime" not in message


def test_deep_recursion_message_is_bounded(pool: WorkerPool) -> None:
    verdict = run_adversarial(pool, "def double(x):\n    return double(x)\n", Status.ERROR)
    assert verdict.first_failure is not None
    assert len(verdict.first_failure.message) < 5000
    assert "repeated" in verdict.first_failure.message


def test_cpu_limit_names_the_case(pool: WorkerPool) -> None:
    verdict = run_adversarial(
        pool,
        "def double(x):\n    while True:\n        pass\n",
        Status.TIMEOUT,
        "CPU time limit (2 s)",
        checker=CpuBoundDoubleChecker(),
    )
    assert verdict.first_failure is not None and verdict.first_failure.name == "case 1"


def test_cpu_hard_limit_when_sigxcpu_is_ignored(pool: WorkerPool) -> None:
    source = src("""
        import signal
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGXCPU})  # no handler may be set
        def double(x):
            while True:
                pass
    """)
    run_adversarial(
        pool, source, Status.TIMEOUT, "CPU time limit (3 s)", checker=CpuBoundDoubleChecker()
    )


def test_hanging_on_the_second_case_names_it(pool: WorkerPool) -> None:
    source = src("""
        calls = []
        def double(x):
            calls.append(1)
            if len(calls) > 1:
                while True:
                    pass
            return 2 * x
    """)
    verdict = run_adversarial(pool, source, Status.TIMEOUT, "case 2")
    assert verdict.cases[0].status is CaseStatus.PASSED
    assert verdict.cases[1].status is CaseStatus.TIMEOUT
    assert all(c.status is CaseStatus.NOT_RUN for c in verdict.cases[2:])


def test_fifty_megabytes_of_output_are_truncated(pool: WorkerPool) -> None:
    source = src("""
        import sys
        for _ in range(50):
            sys.stdout.write("o" * 2**20)
            sys.stderr.write("\\x1b[31me" * 2**18)
        def double(x):
            return 2 * x
    """)
    # Real work: 62 MiB through the pipes took over 1 s of wall time at a
    # load average of 7.7 on the 2-core machine (over 9 s at 17), so it gets the 60 s wall clock.
    verdict = run_adversarial(pool, source, Status.PASSED, checker=PatientDoubleChecker())
    for stream in (verdict.stdout, verdict.stderr):
        assert "[truncated:" in stream
        assert len(stream) < 64 * 1024 + 200
    assert set(verdict.stdout.split("\n")[0]) == {"o"}


def test_prints_are_captured(pool: WorkerPool) -> None:
    verdict = run_adversarial(pool, "print('hello from the drill')\n" + GOOD, Status.PASSED)
    assert "hello from the drill" in verdict.stdout


def test_non_daemon_thread_does_not_hang_the_grader(pool: WorkerPool) -> None:
    source = src("""
        import threading, time
        def spin():
            while True:
                time.sleep(0.01)
        threading.Thread(target=spin).start()
        def double(x):
            return 2 * x
    """)
    # a grader that waited for the thread would meet the 1 s wall clock: TIMEOUT, not PASSED
    run_adversarial(pool, source, Status.PASSED)


def test_exception_carrying_the_environment(
    pool: WorkerPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRILLBIT_TEST_SECRET", "hunter2-must-not-leak")
    leak = "import os\n\ndef double(x):\n    raise RuntimeError(repr(dict(os.environ)))\n"
    # A cold child started after the secret was set: its environment is allow-listed.
    cold = grade(DOUBLE, leak)
    assert cold.status is Status.ERROR
    assert "hunter2" not in cold.model_dump_json()
    assert "OPENBLAS_NUM_THREADS" in shown(cold)
    warm = run_adversarial(pool, leak, Status.ERROR)
    assert "hunter2" not in warm.model_dump_json()


def test_reading_the_parents_environ(pool: WorkerPool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRILLBIT_TEST_SECRET", "hunter2-must-not-leak")
    source = (
        f"def double(x):\n    raise ValueError(open('/proc/{os.getpid()}/environ', 'rb').read())\n"
    )
    verdict = run_adversarial(pool, source, Status.ERROR)
    assert "hunter2" not in verdict.model_dump_json()


def test_kill_the_parent(pool: WorkerPool, sigusr1_received: list[int]) -> None:
    source = f"import os, signal\n\ndef double(x):\n    os.kill({os.getpid()}, signal.SIGUSR1)\n    return 2 * x\n"
    run_adversarial(pool, source, Status.ERROR)
    assert sigusr1_received == []


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A loopback listener the submission must not reach."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(4)
    sock.setblocking(False)
    yield sock
    sock.close()


def _nothing_arrived(sock: socket.socket) -> bool:
    sel = selectors.DefaultSelector()
    sel.register(sock, selectors.EVENT_READ)
    try:
        return not sel.select(0.2)
    finally:
        sel.close()


def test_socket_to_a_loopback_listener(pool: WorkerPool, listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    source = src(f"""
        import socket
        def double(x):
            s = socket.create_connection(("127.0.0.1", {port}), timeout=1)
            s.sendall(b"stolen")
            return 2 * x
    """)
    run_adversarial(pool, source, Status.ERROR, "does not provide it")
    assert _nothing_arrived(listener)


def test_writes_into_home(pool: WorkerPool, tmp_path: Path) -> None:
    real_home = tmp_path / "home"
    real_home.mkdir()
    source = src(f"""
        import os
        def double(x):
            with open(os.path.expanduser("~/.bashrc"), "a") as f:  # the sandbox's own HOME
                f.write("alias ls=rm")
            with open({str(real_home / ".bashrc")!r}, "a") as f:
                f.write("alias ls=rm")
            return 2 * x
    """)
    run_adversarial(pool, source, Status.ERROR)
    assert list(real_home.iterdir()) == []


def test_writes_into_home_are_private(pool: WorkerPool) -> None:
    source = src("""
        import os
        def double(x):
            with open(os.path.expanduser("~/note.txt"), "w") as f:
                f.write("scratch")
            return 2 * x
    """)
    run_adversarial(pool, source, Status.PASSED)
    assert not (Path.home() / "note.txt").exists()
