"""bubblewrap: the command line that mounts only the interpreter, the stdlib and numpy, and its canary.

The layer is claimed only after the canary, run once per process through the
same mounts (and a /proc, which workers do not get), showed that the engine is
unreadable, the loopback listener of the parent is unreachable, and it runs in
a PID namespace other than the parent's (compared by namespace identity) while
fork itself works.
"""

from __future__ import annotations

import glob
import json
import os
import selectors
import shutil
import socket
import subprocess
import sys
import sysconfig
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from engine.sandbox.config import HostPaths, child_env, descriptor_holding, host_paths

SANDBOX_SITE = "/opt/drillbit/site"
SANDBOX_PYCACHE = "/opt/drillbit/pycache"
SANDBOX_HOME = "/tmp"
SANDBOX_GRADER = "/opt/drillbit/grader"
"""Where the audit hooks are told the grader's files are under bubblewrap (their self-check's
probe among them): never mounted. The host paths (the checkout's) were sent instead, and a
submission read them from the launcher's globals, though the sandbox hides them otherwise;
the canary checks that none of them is visible in the sandbox before the layer is claimed."""
TMPFS_SIZE = 96 * 1024 * 1024
SHM_SIZE = 16 * 1024 * 1024
"""/dev/shm's own tmpfs: `--dev` alone would give one bounded only by the host's RAM."""

CANARY = """
import json, os, sys
a = json.loads(sys.argv[1])
r = {}
try:
    with open(a["probe"], "rb") as f:
        f.read(1)
    r["engine"] = "readable"
except OSError:
    r["engine"] = "hidden"
r["checkout"] = any(os.path.exists(p) for p in a["forbidden"])
try:
    sys.path.append(a["site"])
    import numpy
    r["numpy"] = numpy.__version__
except Exception as exc:
    r["numpy"] = None
    r["numpy_error"] = repr(exc)
import socket
try:
    s = socket.create_connection(("127.0.0.1", a["port"]), timeout=1)
    s.sendall(b"canary")
    r["net"] = "connected"
except OSError:
    r["net"] = "blocked"
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
r["pid"] = os.getpid()
try:
    r["pidns"] = os.readlink("/proc/self/ns/pid")
except OSError:
    r["pidns"] = None
print(json.dumps(r))
"""


@dataclass(frozen=True)
class BwrapStatus:
    """Whether the bubblewrap layer works here, and why (not)."""

    active: bool
    reason: str
    argv: tuple[str, ...] = ()
    """The bwrap prefix to put before the interpreter's argv (empty when inactive)."""


def base_site_dirs() -> list[str]:
    """The base interpreter's own site-packages: packages installed beside the stdlib, never
    the sandbox's to import or read (bubblewrap hides them under a tmpfs, Landlock leaves
    them out of its rules)."""
    base = {"base": sys.base_prefix, "platbase": sys.base_exec_prefix}
    paths = sysconfig.get_paths(vars=base)
    return sorted({paths["purelib"], paths["platlib"]})


SYSTEM_SITE_PATTERNS = (
    "/usr/lib/python3*/dist-packages",
    "/usr/lib/python3*/site-packages",
    "/usr/lib64/python3*/dist-packages",
    "/usr/lib64/python3*/site-packages",
    "/usr/local/lib/python3*/dist-packages",
    "/usr/local/lib/python3*/site-packages",
    "/usr/local/lib64/python3*/dist-packages",
    "/usr/local/lib64/python3*/site-packages",
)
"""Where a system's own Pythons keep their packages (Debian's `/usr/lib/python3/dist-packages`)."""


def hidden_site_dirs() -> list[str]:
    """Every folder of Python packages under what the sandbox grants, resolved: the base
    interpreter's and the system's. bubblewrap mounts /usr and Landlock grants /usr/lib, and
    a submission added `/usr/lib/python3/dist-packages` to `sys.path` and imported what the
    system's Python has there (`pip`, `yaml`, `cryptography` on this machine) in both modes."""
    found = {os.path.realpath(site) for site in base_site_dirs()}
    for pattern in SYSTEM_SITE_PATTERNS:
        found.update(os.path.realpath(site) for site in glob.glob(pattern) if os.path.isdir(site))
    return sorted(found)


def build_argv(bwrap: str, paths: HostPaths) -> list[str]:
    """The bwrap prefix: fresh namespaces, read-only system + interpreter + numpy, a tmpfs home."""
    argv = [bwrap, "--unshare-all", "--die-with-parent", "--new-session"]
    if os.geteuid() == 0:
        argv += ["--cap-drop", "ALL"]
    argv += ["--ro-bind", "/usr", "/usr"]
    for name in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(name):
            argv += ["--symlink", os.readlink(name), name]
        elif os.path.isdir(name):
            argv += ["--ro-bind", name, name]
    argv += ["--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    bound = ["/usr"]
    for root in (sys.base_prefix, sys.base_exec_prefix):
        real = os.path.realpath(root)
        if not any(real == b or real.startswith(b + "/") for b in bound):
            argv += ["--ro-bind", real, real]
            bound.append(real)
    interp = paths.interpreter
    if not any(interp.startswith(b + "/") for b in bound):
        argv += ["--ro-bind", interp, interp]
    for real in hidden_site_dirs():
        if os.path.isdir(real) and any(real.startswith(b + "/") for b in bound):
            argv += ["--tmpfs", real]
    argv += ["--ro-bind", paths.numpy_dir, f"{SANDBOX_SITE}/numpy"]
    if paths.numpy_libs:
        argv += ["--ro-bind", paths.numpy_libs, f"{SANDBOX_SITE}/numpy.libs"]
    # No /proc: its mountinfo (mounts, mountstats, of every pid and thread) names the host
    # path of each bind mount's source (the checkout's venv, the bytecode cache), and bwrap
    # cannot mount over files of pids that do not exist yet. Nothing the child runs needs it.
    argv += ["--dev", "/dev", "--size", str(SHM_SIZE), "--tmpfs", "/dev/shm"]
    argv += ["--size", str(TMPFS_SIZE), "--tmpfs", SANDBOX_HOME, "--chdir", SANDBOX_HOME]
    return argv


SEALED_ROOT = ("--remount-ro", "/", "--remount-ro", "/dev")
"""The last options: the sandbox's root and its /dev (tmpfs bwrap makes, each as large as the
machine's memory allows) made read-only once every mount point is in them. A child wrote files
there, a mebibyte each (the file-size limit) with no bound on their number, the machine's memory
being the only limit; only the 96 MiB home and the 16 MiB /dev/shm take files now."""

CANARY_PROC = ("--proc", "/proc")
"""The canary's one mount more than a worker's: it reads its PID namespace's identity from
/proc/self/ns/pid (the namespaces are --unshare-all's either way; the mounts under test are
the others, which are the workers')."""


def bwrap_args(options: list[str]) -> bytes:
    """`options` as `bwrap --args FD` reads them (NUL-terminated), bwrap closes FD after.

    On bwrap's command line they showed in the sandbox as /proc/1/cmdline (bwrap is its
    pid 1): every host path it mounts, the checkout's and the user's home included."""
    return b"".join(option.encode() + b"\0" for option in options)


def own_pid_namespace() -> str | None:
    """This process's PID namespace identity, e.g. 'pid:[4026531836]' (None without /proc)."""
    try:
        return os.readlink("/proc/self/ns/pid")
    except OSError:
        return None


def private_pid_namespace(report: dict[str, object], parent_ns: str | None) -> bool:
    """Whether the canary ran in a PID namespace of its own.

    Namespace identities are compared, not pids: when drillbit itself runs as a
    low pid (PID 2 under a container's init), that number can name a process of
    the sandbox's own namespace, so "can I signal the parent's pid" says nothing.
    """
    inside = report.get("pidns")
    return (
        isinstance(report.get("pid"), int)
        and isinstance(inside, str)
        and inside.startswith("pid:[")
        and parent_ns is not None
        and inside != parent_ns
    )


def run_canary(bwrap: str, paths: HostPaths, timeout_s: float = 20.0) -> BwrapStatus:
    """Run the canary through `bwrap`; claim the layer only if every check held."""
    argv = build_argv(bwrap, paths)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.setblocking(False)
    args = {
        "probe": paths.probe,
        "forbidden": list(paths.forbidden),
        "site": SANDBOX_SITE,
        "port": listener.getsockname()[1],
    }
    options = -1
    try:
        # the options as every worker passes them (--args), so a bwrap without it fails here
        options = descriptor_holding(bwrap_args(argv[1:]), "drillbit-bwrap-args")
        proc = subprocess.run(
            [
                argv[0],
                "--args",
                str(options),
                *CANARY_PROC,
                *SEALED_ROOT,
                paths.interpreter,
                "-I",
                "-B",
                "-S",
                "-c",
                CANARY,
            ]
            + [json.dumps(args)],
            capture_output=True,
            timeout=timeout_s,
            env=child_env(SANDBOX_HOME),
            cwd="/",
            start_new_session=True,
            pass_fds=(options,),
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        listener.close()
        return BwrapStatus(False, f"bwrap did not run ({type(exc).__name__}: {exc})")
    finally:
        if options >= 0:
            os.close(options)
    sel = selectors.DefaultSelector()
    sel.register(listener, selectors.EVENT_READ)
    reached = bool(sel.select(0.05))
    sel.close()
    listener.close()
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = err[-1] if err else f"exit code {proc.returncode}"
        return BwrapStatus(False, f"bwrap failed its self-test: {detail[:200]}")
    try:
        report = json.loads(proc.stdout.decode("utf-8", "replace").strip().splitlines()[-1])
    except (ValueError, IndexError):
        return BwrapStatus(False, "bwrap's self-test printed no report")
    problems = []
    if report.get("engine") != "hidden" or report.get("checkout"):
        problems.append("the engine's files were visible")
    if not report.get("numpy"):
        problems.append(f"numpy did not import ({report.get('numpy_error', '?')})")
    if reached or report.get("net") != "blocked":
        problems.append("the loopback listener was reachable")
    if not private_pid_namespace(report, own_pid_namespace()):
        problems.append("the sandbox shared this process's PID namespace")
    if problems:
        return BwrapStatus(False, "bwrap failed its self-test: " + "; ".join(problems))
    return BwrapStatus(True, "self-test passed", tuple(argv))


_lock = threading.Lock()
_status: BwrapStatus | None = None


def bwrap_status() -> BwrapStatus:
    """The bubblewrap layer's status here, from a canary run once per process."""
    global _status
    with _lock:
        if _status is None:
            found = shutil.which("bwrap")
            if not sys.platform.startswith("linux"):
                _status = BwrapStatus(False, f"not available on {sys.platform}")
            elif found is None:
                _status = BwrapStatus(False, "bwrap is not installed (Debian package bubblewrap)")
            else:
                start = time.perf_counter()
                _status = run_canary(found, host_paths())
                if _status.active:
                    ms = (time.perf_counter() - start) * 1000
                    _status = BwrapStatus(True, f"self-test passed in {ms:.0f} ms", _status.argv)
        return _status


def reset_bwrap_status() -> None:
    """Forget the cached canary result (tests; after installing bwrap)."""
    global _status
    with _lock:
        _status = None


def sandbox_paths_note(paths: HostPaths) -> str:
    """What the bwrap child can see, for humans."""
    libs = " + numpy.libs" if paths.numpy_libs else ""
    return (
        f"read-only /usr, the interpreter, numpy{libs} at {SANDBOX_SITE};"
        f" {Path(SANDBOX_HOME)} is a tmpfs; no /proc"
    )
