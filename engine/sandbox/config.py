"""What a sandbox child gets: limits, environment, interpreter, and the paths it may see."""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib.util
import os
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from engine.sandbox import wire

SANDBOX_DIR = Path(__file__).resolve().parent
ENGINE_DIR = SANDBOX_DIR.parent
RUNTIME_PATH = ENGINE_DIR / "harnesses" / "_runtime.py"
MiB = 1024 * 1024


@dataclass(frozen=True)
class SandboxConfig:
    """The knobs of one worker pool; the defaults are the limits every grading gets."""

    bwrap: bool | None = None
    """True: require bubblewrap; False: never use it; None: use it when its canary passes."""
    audit_hooks: bool = True
    """Install the child's audit hooks (turned off only by tests probing the other layers)."""
    seccomp: bool = True
    """Install the seccomp filter where libseccomp and its binding are present (Linux)."""
    landlock: bool = True
    """Restrict the file system with Landlock without bubblewrap, where the kernel has it."""
    cpu_soft_s: int = 2
    cpu_hard_s: int = 3
    address_space: int = 512 * MiB
    file_size: int = 1 * MiB
    open_files: int = 64
    queued_signals: int = 64
    """RLIMIT_SIGPENDING: the kernel counts queued signals (and POSIX timers) per user, not
    per process, against the caller's limit; at the system's default (about 96,000 here) a
    child took the whole of the user's share with `timer_create`, and the user's other
    programs' timers and real-time signals failed until it was killed."""
    result_limit: int = wire.RESULT_LIMIT
    output_limit: int = 64 * 1024
    """Bytes of stdout and of stderr kept for the verdict."""
    ready_timeout_s: float = 30.0
    """How long a new worker may take to import numpy and report ready."""
    extra_env: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def rlimits(self) -> dict[str, tuple[int, int]]:
        """The rlimits the launcher sets, by `resource` constant name."""
        limits = {
            "RLIMIT_CPU": (self.cpu_soft_s, self.cpu_hard_s),
            "RLIMIT_FSIZE": (self.file_size, self.file_size),
            "RLIMIT_NOFILE": (self.open_files, self.open_files),
            "RLIMIT_CORE": (0, 0),
        }
        if sys.platform.startswith("linux"):
            limits["RLIMIT_AS"] = (self.address_space, self.address_space)
            limits["RLIMIT_SIGPENDING"] = (self.queued_signals, self.queued_signals)
            # A user allowed real-time scheduling (an audio group's `rtprio`) would let a
            # busy loop under SCHED_FIFO hold a core until the CPU limit; 0 refuses it, and
            # a nice ceiling of 0 keeps the child from raising its priority at all.
            limits["RLIMIT_RTPRIO"] = (0, 0)
            limits["RLIMIT_NICE"] = (0, 0)
        return limits

    def use_bwrap_requested(self) -> bool | None:
        """The bwrap setting, with DRILLBIT_SANDBOX_BWRAP=0/1 overriding 'auto'."""
        if self.bwrap is not None:
            return self.bwrap
        env = os.environ.get("DRILLBIT_SANDBOX_BWRAP", "").strip().lower()
        if env in ("0", "no", "off", "false"):
            return False
        if env in ("1", "yes", "on", "true"):
            return True
        return None


def child_env(home: str) -> dict[str, str]:
    """The allow-listed environment: nothing of the parent's leaks except PATH, LANG and BLAS hints."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "TMPDIR": home,
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
    for name in ("LANG", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if name in os.environ:
            env[name] = os.environ[name]
    return env


@dataclass(frozen=True)
class HostPaths:
    """Where things live on this machine."""

    interpreter: str
    """The real (non-venv) interpreter binary, for bwrap."""
    venv_interpreter: str
    """sys.executable, for the unsandboxed child."""
    numpy_dir: str
    numpy_libs: str | None
    forbidden: tuple[str, ...]
    """Engine, quiz and the project checkout: never readable by the child."""
    probe: str
    """A file of the engine the canaries try to read."""


DATA_HOME_ENV = "DRILLBIT_HOME"
"""The app's data folder's variable (quiz/paths.py's HOME_ENV, which engine cannot import)."""


def data_folders(workdir: str) -> list[str]:
    """The app's data folders (its progress database, its notes), resolved, for the hooks to
    refuse reading without a kernel layer on files (fifty-sixth round): `$DRILLBIT_HOME`, and
    the platform's folder quiz/paths.py uses without it (a database left there when the
    variable points elsewhere). Read for each worker, not cached: the variable is the
    process's to change. A folder is left out when it holds what the child must read (the
    work dir, the interpreter's prefix, numpy) or cannot be named."""
    candidates: list[Path] = []
    override = os.environ.get(DATA_HOME_ENV, "").strip()
    try:
        if override:
            candidates.append(Path(override).expanduser())
    except RuntimeError:  # `~nobody/x`: the app refuses it too
        pass
    try:
        from platformdirs import user_data_dir

        candidates.append(Path(user_data_dir("drillbit", False)))
    except ImportError:  # pragma: no cover - a declared dependency
        pass
    needed = [os.path.realpath(one) for one in (workdir, sys.prefix, sys.base_prefix)]
    needed += [os.path.realpath(sys.executable), os.path.realpath(np.__file__)]
    folders: list[str] = []
    for path in candidates:
        real = os.path.realpath(path)
        inside = real.rstrip("/") + "/"
        holds = any(one == real or one.startswith(inside) for one in needed)
        if path.is_absolute() and not holds and real not in folders:
            folders.append(real)
    return folders


@cache
def host_paths() -> HostPaths:
    """Computed once: numpy's location, the grader's own files."""
    numpy_dir = Path(np.__file__).resolve().parent
    libs = numpy_dir.parent / "numpy.libs"
    forbidden = [str(ENGINE_DIR)]
    spec = importlib.util.find_spec("quiz")
    if spec is not None and spec.origin:
        forbidden.append(str(Path(spec.origin).resolve().parent))
    checkout = ENGINE_DIR.parent
    if (checkout / "pyproject.toml").exists():
        forbidden.append(str(checkout))
    return HostPaths(
        interpreter=os.path.realpath(sys.executable),
        venv_interpreter=sys.executable,
        numpy_dir=str(numpy_dir),
        numpy_libs=str(libs) if libs.is_dir() else None,
        forbidden=tuple(dict.fromkeys(forbidden)),
        probe=str(ENGINE_DIR / "__init__.py"),
    )


@cache
def child_sources() -> tuple[str, str, str, str]:
    """Launcher, child runner, wire and runtime sources, shipped as text."""
    return (
        (SANDBOX_DIR / "launcher.py").read_text(encoding="utf-8"),
        (SANDBOX_DIR / "child.py").read_text(encoding="utf-8"),
        (SANDBOX_DIR / "wire.py").read_text(encoding="utf-8"),
        RUNTIME_PATH.read_text(encoding="utf-8"),
    )


def descriptor_holding(data: bytes, name: str) -> int:
    """A descriptor to read `data` from (from its start), for a child to inherit.

    A memfd where the platform has one (nothing written to disk), else an unlinked
    temporary file. The caller closes it once the child is started; the child reads it
    to its end and closes it too, so it holds nothing afterwards.
    """
    if hasattr(os, "memfd_create"):
        fd = os.memfd_create(name, os.MFD_CLOEXEC)
    else:
        with tempfile.TemporaryFile() as file:
            fd = os.dup(file.fileno())
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.lseek(fd, 0, os.SEEK_SET)
    except BaseException:
        os.close(fd)
        raise
    return fd


@dataclass(frozen=True)
class SeccompSupport:
    """What the launcher needs to install the seccomp filter, or why it cannot."""

    source: str
    """pyseccomp's source text (a single ctypes module, exec'd by the launcher; never imported here)."""
    library: str
    """The libseccomp shared object to load, e.g. libseccomp.so.2."""
    reason: str
    """Why seccomp is unavailable ('' when it is available)."""
    libc: str = ""
    """The C library pyseccomp loads as well, e.g. libc.so.6 ('': the process's own symbols).
    Found here, once: `ctypes.util.find_library` runs /sbin/ldconfig (or gcc, with a temp file
    in TMPDIR, the child's work dir), and every child did so before its filter was on."""

    def libraries(self) -> dict[str, str]:
        """The launcher's answers to pyseccomp's `find_library` calls, by name."""
        return {"seccomp": self.library, "c": self.libc}


@cache
def seccomp_support() -> SeccompSupport:
    """Locate pyseccomp and libseccomp once (Linux only)."""
    if not sys.platform.startswith("linux"):
        return SeccompSupport("", "", f"not available on {sys.platform}")
    library = ctypes.util.find_library("seccomp")
    if library is None:
        return SeccompSupport("", "", "libseccomp is not installed (Debian package libseccomp2)")
    spec = importlib.util.find_spec("pyseccomp")
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return SeccompSupport("", library, "the pyseccomp binding is not installed (uv sync)")
    source = Path(spec.origin).read_text(encoding="utf-8")
    return SeccompSupport(source, library, "", ctypes.util.find_library("c") or "")


@cache
def landlock_abi() -> int:
    """The kernel's Landlock ABI version (0: none), from landlock_create_ruleset's version query."""
    if not sys.platform.startswith("linux"):
        return 0
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.syscall.restype = ctypes.c_long
        abi = int(libc.syscall(444, None, ctypes.c_size_t(0), ctypes.c_uint32(1)))
    except (OSError, AttributeError):
        return 0
    return max(abi, 0)
