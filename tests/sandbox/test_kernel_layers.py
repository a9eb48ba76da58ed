"""The kernel-enforced layers (seccomp, Landlock): they hold when the audit hooks are bypassed or absent.

The escapes here get around the audit hooks (a module created under another
name is not an import the hooks can refuse by name); the kernel must refuse
what they then try, in both modes, with nothing written outside the work
dir and no process left behind.
"""

from __future__ import annotations

import os
import textwrap
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.checkers import get_checker
from engine.grade_sandboxed import grade
from engine.sandbox import SandboxConfig, WorkerPool
from engine.sandbox import isolation as isolation_module
from engine.sandbox import worker as worker_module
from engine.sandbox.bwrap import base_site_dirs
from engine.sandbox.config import SeccompSupport
from engine.verdict import Status, Verdict
from quiz.verdict_text import format_verdict, isolation_warnings
from tests.sandbox.conftest import skip_unless_bwrap_for
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import (
    DOUBLE,
    GOOD,
    LIVE_POOLS,
    WARM_WITHIN_SECONDS,
    _proc_table,
    run_adversarial,
    shown,
)

SIGMOID = get_checker("nn.activations.sigmoid")
PATIENT = PatientDoubleChecker()
"""`double` with a 60 s wall clock, for gradings whose point is not the deadline."""
STABLE_SIGMOID = textwrap.dedent("""
    import numpy as np

    def sigmoid(z):
        z = np.asarray(z, dtype=float)
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
""")


def escape_source(variant: str, marker: Path, token: str) -> str:
    """A stable sigmoid whose module first creates _posixsubprocess without importing it by name.

    `so`: its shared library loaded by ExtensionFileLoader as 'x._posixsubprocess';
    `builtin`: BuiltinImporter.create_module where the module is built in, else the
    spec PathFinder finds, renamed. Then fork_exec runs /bin/sh, which writes
    `marker` and leaves a `setsid sleep <token>` behind.
    """
    create = {
        "so": """
            import importlib.machinery, importlib.util, os
            d = os.path.dirname(os.__file__) + "/lib-dynload"
            so = [f for f in os.listdir(d) if f.startswith("_posixsubprocess")][0]
            loader = importlib.machinery.ExtensionFileLoader("x._posixsubprocess", d + "/" + so)
            mod = loader.create_module(importlib.util.spec_from_loader("x._posixsubprocess", loader))
        """,
        "builtin": """
            import importlib.machinery, importlib.util, sys
            if "_posixsubprocess" in sys.builtin_module_names:
                spec = importlib.util.spec_from_loader(
                    "_posixsubprocess", importlib.machinery.BuiltinImporter)
                mod = importlib.machinery.BuiltinImporter.create_module(spec)
            else:
                spec = importlib.machinery.PathFinder.find_spec("_posixsubprocess")
                spec.name = "y._posixsubprocess"
                mod = spec.loader.create_module(spec)
        """,
    }[variant]
    run = f"""
        import os
        r, w = os.pipe()
        cmd = "echo escaped > {marker}; setsid sleep {token} >/dev/null 2>&1 &"
        mod.fork_exec([b"/bin/sh", b"-c", cmd.encode()], [b"/bin/sh"], True, (w,), None, None,
                      -1, -1, -1, -1, -1, -1, r, w, True, False, -1, None, None, None, -1, None,
                      False)
    """
    return textwrap.dedent(create) + textwrap.dedent(run) + STABLE_SIGMOID


def processes_with(token: str) -> list[int]:
    return [pid for pid, (_, cmd) in _proc_table().items() if token in cmd]


@pytest.mark.parametrize("variant", ["so", "builtin"])
def test_renamed_posixsubprocess_escape_is_refused(
    pool: WorkerPool, variant: str, tmp_path: Path
) -> None:
    marker = tmp_path / "escaped"
    token = f"{7000 + uuid.uuid4().int % 1000}.{uuid.uuid4().int % 10**6}"
    verdict = run_adversarial(
        pool, escape_source(variant, marker, token), Status.ERROR, None, checker=SIGMOID
    )
    assert not verdict.passed
    assert not marker.exists()
    assert processes_with(token) == []
    assert any(layer.startswith("seccomp: the kernel refuses") for layer in verdict.isolation)


def test_the_stable_sigmoid_alone_passes(pool: WorkerPool) -> None:
    """The escapes above fail only because of the escape: their sigmoid is right."""
    verdict = grade(SIGMOID, STABLE_SIGMOID, pool=pool)
    assert verdict.passed, shown(verdict)


@pytest.fixture(scope="session", params=["bwrap", "no-bwrap"])
def kernel_pool(request: pytest.FixtureRequest) -> Iterator[WorkerPool]:
    """The kernel layers without the audit hooks: what is left when the hooks are bypassed."""
    skip_unless_bwrap_for(request.param)
    config = SandboxConfig(bwrap=request.param == "bwrap", audit_hooks=False)
    with WorkerPool(config) as p:
        LIVE_POOLS.append(p)
        yield p


def _double(body: str) -> str:
    return "import os, signal, sys\n\ndef double(x):\n" + textwrap.indent(
        textwrap.dedent(body).strip("\n"), "    "
    )


KERNEL: list[tuple[str, str, str]] = [
    ("fork", "os.fork()\nreturn 2 * x", "PermissionError"),
    ("exec", "os.execv('/bin/true', ['true'])", "PermissionError"),
    (
        "posixsubprocess-imported",
        """
        import _posixsubprocess
        r, w = os.pipe()
        _posixsubprocess.fork_exec([b'/bin/true'], [b'/bin/true'], True, (w,), None, None,
            -1, -1, -1, -1, -1, -1, r, w, True, False, -1, None, None, None, -1, None, True)
        """,
        "PermissionError",
    ),
    ("socket", "import socket\nsocket.socket()", "PermissionError"),
    ("socketpair", "import socket\nsocket.socketpair()", "PermissionError"),
    ("setsid", "os.setsid()", "PermissionError"),
    ("kill-init", "os.kill(1, 0)", "PermissionError"),
    ("pidfd-of-init", "os.pidfd_open(1)", "PermissionError"),
    (
        "change-a-limit",
        "import resource\nresource.setrlimit(resource.RLIMIT_CPU, (1, 1))",
        "not allowed",
    ),
    ("mkfifo", "os.mkfifo('fifo')", "PermissionError"),
    (
        # another process's memory without /proc: attaching to it, or reading it in one call
        "ptrace-attach-to-init",
        """
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.ptrace(16, 1, None, None) != 0:  # PTRACE_ATTACH
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
        return 2 * x
        """,
        "PermissionError",
    ),
    (
        "process_vm_readv-of-init",
        """
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        buf = ctypes.create_string_buffer(8)
        iov = (ctypes.c_void_p * 2)(ctypes.addressof(buf), 8)
        if libc.process_vm_readv(1, iov, 1, iov, 1, 0) < 0:
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
        return 2 * x
        """,
        "PermissionError",
    ),
    (
        # without bwrap the launcher dies with the app through this signal: it must stay set
        "clear-the-parent-death-signal",
        """
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(1, 0, 0, 0, 0) != 0:  # PR_SET_PDEATHSIG
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
        return 2 * x
        """,
        "PermissionError",
    ),
    ("mknod", "import stat\nos.mknod('node', stat.S_IFIFO | 0o600)", "PermissionError"),
    (
        "mount",
        """
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.mount(b"none", b".", b"tmpfs", 0, None) != 0:
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
        return 2 * x
        """,
        "PermissionError",
    ),
    (
        "unshare",
        """
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.unshare(0x10000000) != 0:  # CLONE_NEWUSER
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
        return 2 * x
        """,
        "PermissionError",
    ),
]


@pytest.mark.parametrize(("body", "phrase"), [pytest.param(b, p, id=n) for n, b, p in KERNEL])
def test_the_kernel_refuses_without_the_hooks(
    kernel_pool: WorkerPool, body: str, phrase: str
) -> None:
    verdict = run_adversarial(kernel_pool, _double(body), Status.ERROR, phrase)
    assert any(layer.startswith("seccomp: the kernel refuses") for layer in verdict.isolation)


def test_threads_still_work(kernel_pool: WorkerPool) -> None:
    source = _double("""
        import threading
        out = []
        t = threading.Thread(target=lambda: out.append(2 * x))
        t.start()
        t.join()
        return out[0]
    """)
    verdict = grade(DOUBLE, source, pool=kernel_pool)
    assert verdict.passed, shown(verdict)


NOTHING_RAN_BEFORE = textwrap.dedent("""
    import os, resource

    RAN = resource.getrusage(resource.RUSAGE_CHILDREN)
    FOUND = sorted(os.listdir("."))

    def double(x):
        if RAN.ru_maxrss or RAN.ru_utime or RAN.ru_stime or FOUND:
            raise RuntimeError(f"a program of {RAN.ru_maxrss} KiB ran before me; found {FOUND}")
        return 2 * x
""")


def test_the_child_runs_no_program_before_the_submission(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    """The launcher started no program and left no file in the work dir as it set up seccomp.

    pyseccomp looks up libc with `ctypes.util.find_library`, which ran /sbin/ldconfig in every
    child (a subprocess reaped before the submission loaded, 14 MiB of it), and where that
    found nothing, gcc with a temp file in the work dir: a warm work dir once held a tmp...
    file the submission never made. The parent now names both libraries."""
    verdict = grade(DOUBLE, NOTHING_RAN_BEFORE, pool=mode_pool[1])
    assert verdict.passed, shown(verdict)
    assert any(layer.startswith("seccomp: the kernel refuses") for layer in verdict.isolation)


@pytest.mark.parametrize("how", ["kill", "pidfd"])
def test_the_grading_app_cannot_be_signalled(
    sigusr1_received: list[int], how: str, tmp_path: Path
) -> None:
    """Without bubblewrap the app's pid is visible; the kernel still refuses to signal it."""
    me = os.getpid()
    body = (
        f"os.kill({me}, signal.SIGUSR1)"
        if how == "kill"
        else f"signal.pidfd_send_signal(os.pidfd_open({me}), signal.SIGUSR1)"
    )
    with WorkerPool(SandboxConfig(bwrap=False, audit_hooks=False)) as pool:
        run_adversarial(pool, _double(body), Status.ERROR, "PermissionError")
    assert sigusr1_received == []


def test_landlock_confines_the_files_without_bwrap(tmp_path: Path) -> None:
    # What is tested is the kernel's refusal, not the deadline: every grading gets the 60 s
    # wall clock (PATIENT), so a loaded machine cannot end one in a timeout first (the 1 s
    # one left the refusals a margin of 7x at a load average of 15 on the 2-core machine),
    # and the last one waits for the pool's worker as run_adversarial's do (it took up to
    # 1.1 s, most of it the replacement worker's start).
    secret = tmp_path / "secret.txt"
    secret.write_text("s3cr3t-c0ntents")
    outside = tmp_path / "written.txt"
    with WorkerPool(SandboxConfig(bwrap=False, audit_hooks=False)) as pool:
        read = run_adversarial(
            pool,
            _double(f"return open({str(secret)!r}).read()"),
            Status.ERROR,
            "PermissionError",
            checker=PATIENT,
        )
        assert "s3cr3t-c0ntents" not in read.model_dump_json()
        run_adversarial(
            pool,
            _double(f"open({str(outside)!r}, 'w')"),
            Status.ERROR,
            "PermissionError",
            checker=PATIENT,
        )
        run_adversarial(
            pool,
            _double(f"return os.readlink('/proc/{os.getpid()}/cwd')"),
            Status.ERROR,
            "PermissionError",
            checker=PATIENT,
        )
        # the work dir stays writable
        pool.wait_warm(WARM_WITHIN_SECONDS)
        ok = grade(PATIENT, _double("open('scratch', 'w').write('x')\nreturn 2 * x"), pool=pool)
        assert ok.passed, shown(ok)
    assert not outside.exists()
    layers = read.isolation
    assert any(layer.startswith("landlock: the kernel lets") for layer in layers)
    assert not any(layer.startswith("warning:") for layer in layers)


def _unconfined(monkeypatch: pytest.MonkeyPatch) -> Verdict:
    """A grading where neither seccomp nor Landlock nor bwrap can be set up."""
    missing = SeccompSupport("", "", "libseccomp is not installed (Debian package libseccomp2)")
    monkeypatch.setattr(worker_module, "seccomp_support", lambda: missing)
    monkeypatch.setattr(isolation_module, "seccomp_support", lambda: missing)
    with WorkerPool(SandboxConfig(bwrap=False, landlock=False)) as pool:
        return grade(DOUBLE, GOOD, pool=pool)


@pytest.mark.usefixtures("full_pools")  # what it patches, a spawner would take
def test_without_any_kernel_layer_every_verdict_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    verdict = _unconfined(monkeypatch)
    assert verdict.passed, shown(verdict)
    assert "seccomp: not active (libseccomp is not installed" in "\n".join(verdict.isolation)
    warning = [layer for layer in verdict.isolation if layer.startswith("warning:")]
    assert len(warning) == 1 and "your user's rights" in warning[0]
    assert "can read" in warning[0]
    text = format_verdict(verdict)
    assert "WARNING: no kernel-enforced layer" in text and "your user's rights" in text
    (shown_on_the_drill_screen,) = isolation_warnings(verdict)
    assert shown_on_the_drill_screen.startswith("WARNING: no kernel-enforced layer")
    assert "your user's rights" in verdict.model_dump_json()


def test_landlock_keeps_the_base_interpreters_packages_out() -> None:
    """The base interpreter's site-packages sits in its stdlib folder, which Landlock granted
    whole: every package installed there could be read and imported (bubblewrap hides it).
    CPython puts a README.txt in every site-packages; the stdlib around it still imports."""
    (site,) = [s for s in base_site_dirs() if os.path.isfile(os.path.join(s, "README.txt"))][:1]
    body = f"""
        import bz2, decimal, fractions, statistics, zlib
        return open({os.path.join(site, "README.txt")!r}).read()
    """
    with WorkerPool(SandboxConfig(bwrap=False)) as pool:
        verdict = run_adversarial(
            pool, _double(body), Status.ERROR, "PermissionError", checker=PATIENT
        )
    assert any(layer.startswith("landlock: the kernel lets") for layer in verdict.isolation)
