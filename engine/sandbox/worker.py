"""One sandbox child: spawned ahead (warm), given exactly one job, supervised, then killed.

The parent side of the process: it spawns the launcher (inside bwrap when
that layer is active), waits for the child's ``ready``, writes the job to
its stdin, drains stdout/stderr and the result pipe with a selector until the
``done`` message, the deadline or the child's death, then SIGKILLs the whole
process group (the bwrap PID namespace dies with it), reaps and removes the
work directory. Nothing the child says is trusted beyond being parsed.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import functools
import json
import os
import queue
import secrets
import selectors
import signal
import socket
import stat
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from engine.checkers.base import harness_sources
from engine.sandbox import pycache as pycache_module
from engine.sandbox import staging, wire
from engine.sandbox.bwrap import (
    SANDBOX_GRADER,
    SANDBOX_HOME,
    SANDBOX_PYCACHE,
    SANDBOX_SITE,
    SEALED_ROOT,
    BwrapStatus,
    bwrap_args,
    hidden_site_dirs,
)
from engine.sandbox.config import (
    SandboxConfig,
    child_env,
    child_sources,
    data_folders,
    descriptor_holding,
    host_paths,
    landlock_abi,
    seccomp_support,
)
from engine.sandbox.pycache import open_cache, process_alive
from engine.sandbox.shield import make_undumpable
from engine.sandbox.text import CappedOutput
from engine.sandbox.tree import remove_tree
from engine.sandbox.watch import SAMPLE_PERIOD_S, Watch, graded_pid

CHILD_MARKER = "drillbit-sandbox-child"
"""Appears, followed by ':<parent pid>', in every child's command line, so leftovers can be found."""
WORKDIR_PREFIX = "drillbit-sandbox-"
"""Work directories (without bwrap) are temp dirs named <prefix><parent pid>-<random>."""
BOOTSTRAP = """import os, sys
def _boot(fd):
    data = bytearray()
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        data += chunk
    os.close(fd)
    return data.decode().split("\\0")
sys.argv[1:] = _boot(int(sys.argv[2]))
del _boot
exec(compile(sys.argv.pop(1), "drillbit/launcher.py", "exec"))
"""
"""The child's whole program text on its command line: it reads the launcher, the config and
the sources from an inherited descriptor (NUL-separated) and runs the launcher with them as
its arguments. Passed on the command line, they showed in /proc/<pid>/cmdline (and, under
bubblewrap, with bwrap's host paths in /proc/1/cmdline)."""
CONTROL_SLACK = 256 * 1024
"""Bytes of control messages allowed on top of the result limit."""
DISK_QUOTA = 64 * 1024 * 1024
"""Bytes a child may put in its host work dir (without bwrap, where no size-limited tmpfs exists)."""
QUOTA_ENTRIES = 10_000
"""Files and directories a host work dir may hold (the parent's size check walks them)."""
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
"""A folder opened as itself: never through a link, never inherited by a child."""
QUOTA_DEPTH = 64
"""Folders a host work dir may nest: each check walks them by path, whose every lookup costs
the parent one step per level (2,000 levels took 0.3 s of its CPU at every check)."""
QUOTA_PERIOD_S = 0.05
"""How often the parent measures the host work dir while a job runs."""


CLAIMED = "removing-"
"""A work dir a sweep has claimed is renamed `<WORKDIR_PREFIX>removing-<random>` first: no other
sweep takes it for a live process's, and one whose sweep died is swept again."""


def _same_file(path: str, fd: int) -> bool:
    """Whether `path` (not followed) is still the folder `fd` was opened on."""
    try:
        named, held = os.lstat(path), os.fstat(fd)
    except OSError:
        return False
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def make_workdir(root: str | None = None) -> tuple[str, int, str]:
    """A fresh host work dir: its top, a descriptor holding a shared `flock` on it (kept until
    the dir is removed: no sweep takes a locked dir), and the child's own folder in it.

    The lock, not the pid in the name, marks the dir as in use: a drillbit in another PID
    namespace (a container sharing the temp dir) sees that pid as gone. The dir is built and
    locked in a private folder (`staging`) and only then moved into the temp dir (`root`:
    tests pass their own rather than change `tempfile`'s, which the warm pools' threads read
    at the same time), so no child finds it while it is writable, nor a sweep before its lock."""
    root = root or tempfile.gettempdir()
    prefix = f"{WORKDIR_PREFIX}{os.getpid()}-"
    name = f"{prefix}{os.urandom(16).hex()}"
    with staging.private_folder(root, prefix) as (_, private):
        os.mkdir(name, stat.S_IRWXU, dir_fd=private)
        fd = os.open(name, _DIR_FLAGS, dir_fd=private)
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            own = _hide(fd)
            staging.move_in(fd, name, private, root)
        except BaseException:
            os.close(fd)  # the dir is removed with the private folder
            raise
    top = os.path.join(root, name)
    return top, fd, os.path.join(top, HIDDEN, own)


HIDDEN = "hidden"
"""The folder between a work dir's top and the child's own folder: mode 0o100, so a child (which
holds no capability and may not change a mode) can pass through it but not list it or add to it."""


def _hide(fd: int) -> str:
    """The name of the child's own folder, made in the top held open by `fd`: unguessable,
    under a folder no child can list (the top is made readable, not writable, once it is in
    the temp dir: `staging.move_in`).

    With seccomp alone a child has its user's rights over every file, and the temp dir is
    listable: a submission found every live work dir (a waiting sibling's, another drillbit's)
    by its prefix and wrote into it. Now the listing shows only `top/hidden`, which it cannot
    list or write, and the folder beneath has 128 random bits for a name. The modes apply to a
    child of an app run as root too: it holds no capability (CAP_DAC_OVERRIDE is what would
    pass them), and seccomp refuses chmod."""
    os.mkdir(HIDDEN, stat.S_IRWXU, dir_fd=fd)
    hidden = os.open(HIDDEN, _DIR_FLAGS, dir_fd=fd)
    try:
        name = os.urandom(16).hex()
        os.mkdir(name, stat.S_IRWXU, dir_fd=hidden)
        staging.step("made")
        os.fchmod(hidden, stat.S_IXUSR)
    finally:
        os.close(hidden)
    return name


def _claim(path: str, root: str) -> tuple[str, int] | None:
    """Take a leftover for removal: its exclusive lock, then a claimed name; None when a live
    process (its maker, or another sweep) holds it, or it is gone or not ours."""
    try:
        fd = os.open(path, _DIR_FLAGS)
    except PermissionError:  # a private folder (`staging`, 0o300), which only its owner opens
        private = _open_private(path)
        if private is None:
            return None
        fd = private
    except OSError:
        return None
    try:
        if os.fstat(fd).st_uid == os.geteuid():
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            # another sweep may have claimed (renamed) it between the open and the lock
            if _same_file(path, fd):
                claimed = os.path.join(root, f"{WORKDIR_PREFIX}{CLAIMED}{os.urandom(8).hex()}")
                os.rename(path, claimed)
                return claimed, fd
    except OSError:
        pass
    os.close(fd)
    return None


def _open_private(path: str) -> int | None:
    """A folder of ours that its owner cannot read (a private folder, `staging`, or a work
    dir on its way in or out of one) opened for reading, under an exclusive lock: its owner's
    read bit is given back, and its mode put back at once if another process holds its lock
    (it is in use). Only the read bit: a work dir moving stays unenterable. A private folder
    in use by a drillbit in another PID namespace is listable for that moment."""
    try:
        pin = os.open(path, os.O_PATH | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        held = os.fstat(pin)
        if held.st_uid != os.geteuid():
            return None
        mode = stat.S_IMODE(held.st_mode)
        os.chmod(
            f"/proc/self/fd/{pin}", mode | stat.S_IRUSR
        )  # never a link: see `tree._own_folder`
        fd = os.open(f"/proc/self/fd/{pin}", _DIR_FLAGS & ~os.O_NOFOLLOW)
    except OSError:
        return None
    finally:
        os.close(pin)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # `_claim` takes it again, as its own
    except OSError:
        with contextlib.suppress(OSError):
            os.fchmod(fd, mode)
        os.close(fd)
        return None
    return fd


def sweep_stale_workdirs(root: str | None = None) -> int:
    """Remove the host work dirs of drillbit processes that are gone (a crash, a SIGKILL).

    A dir is removed only when no process holds its lock (`make_workdir`) and the pid in
    its name is gone (a drillbit from before the locks took none), after the sweep has
    claimed it (`_claim`): two sweeps never remove the same dir, and a dir claimed by a
    sweep that died is swept again. `root`: the temp dir, as for `make_workdir`."""
    removed = 0
    root = root or tempfile.gettempdir()
    with contextlib.suppress(OSError):
        for entry in os.scandir(root):
            if not entry.name.startswith(WORKDIR_PREFIX):
                continue
            rest = entry.name[len(WORKDIR_PREFIX) :]
            pid_text = rest.split("-", 1)[0]
            if not rest.startswith(CLAIMED) and (
                not pid_text.isdigit() or process_alive(int(pid_text))
            ):
                continue
            claim = _claim(entry.path, root)
            if claim is not None:
                try:
                    remove_tree(claim[0])
                    removed += 1
                finally:
                    os.close(claim[1])
    return removed


_sweep_lock = threading.Lock()
_swept = False


def sweep_once() -> None:
    """`sweep_stale_workdirs` on the first worker of this process."""
    global _swept
    with _sweep_lock:
        if not _swept:
            _swept = True
            sweep_stale_workdirs()


def workdir_usage(path: str, max_entries: int = QUOTA_ENTRIES) -> tuple[int, int]:
    """(bytes allocated, entries) under `path`, without following links; stops past `max_entries`,
    and reports more than `max_entries` for a folder it cannot list or nested past QUOTA_DEPTH."""
    total, entries = 0, 0
    stack = [(path, 0)]
    while stack and entries <= max_entries:
        folder, depth = stack.pop()
        if depth > QUOTA_DEPTH:
            return total, max_entries + 1
        try:
            with os.scandir(folder) as it:
                for entry in it:
                    entries += 1
                    try:
                        info = entry.stat(follow_symlinks=False)
                    except FileNotFoundError:
                        continue  # removed by the child since it was listed
                    total += getattr(info, "st_blocks", 0) * 512 or info.st_size
                    if entry.is_dir(follow_symlinks=False):
                        stack.append((entry.path, depth + 1))
        except (FileNotFoundError, NotADirectoryError):
            continue  # removed (or replaced) by the child since it was listed
        except OSError:
            # a folder (or an entry) this process cannot reach: nested past a path's 4,096
            # bytes, or made unreadable (mode 0o300 still lets the child fill it). What it
            # holds cannot be measured, and was not counted: a child filled the disk beneath.
            return total, max_entries + 1
    return total, entries


RESULT_PIPE_BYTES = 1 << 20
"""What the result channel holds unread (a pipe's default is 64 KiB): a child whose results are
larger wrote them only as fast as the parent, busy judging on the same cores, drained it. The
kernel caps a socket's send buffer at net.core.wmem_max (208 KiB by default, doubled)."""


def result_channel() -> tuple[int, int]:
    """The parent's and the child's ends of the result channel: unix stream sockets, one-way.

    It was a pipe, and a pipe's write end can be opened again for reading through
    /proc/self/fd (Landlock does not cover pipes, and an undumpable process still reaches its
    own descriptors): code without the audit hooks, under Landlock or seccomp alone, read the
    grader's frames there, the job's token with them, and wrote them back unnoticed. A socket
    cannot be opened through /proc, and nothing is ever sent to the child's end."""
    parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with parent, child:
        parent.shutdown(socket.SHUT_WR)
        child.shutdown(socket.SHUT_RD)
        with contextlib.suppress(OSError):
            child.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, RESULT_PIPE_BYTES)
        return parent.detach(), child.detach()


@dataclass
class RunResult:
    """What happened to one job, as observed by the parent."""

    internal: str | None = None
    """A grader failure (spawn, numpy import, protocol desync): not the user's fault."""
    loaded: bool = False
    load_error: dict[str, Any] | None = None
    results: list[tuple[dict[str, Any], bytearray]] = field(default_factory=list)
    """Each case's result message: its JSON fields and its bulk buffer (still to be validated)."""
    done: bool = False
    late: Any = None
    """The `done` message's `late`: inputs the child found changed after their cases' checks
    (`[case index, [names]]` pairs, validated where the verdict is decided)."""
    out_of_memory: bool = False
    """A case raised MemoryError: the run was stopped there (the limit is the verdict)."""
    protocol_error: str | None = None
    forged: bool = False
    """The protocol error is bytes without the job's token: the submission wrote them."""
    disk_quota: bool = False
    """The child filled its host work dir past DISK_QUOTA (or QUOTA_ENTRIES) and was killed."""
    timed_out: bool = False
    signal: int | None = None
    exit_code: int | None = None
    cpu_s: float = 0.0
    """CPU time of the child: its rusage without bubblewrap, else the last reading of its
    /proc/<pid>/stat before it ended (`watch`), a lower bound; 0 when neither was read."""
    cpu_known: bool = False
    """`cpu_s` is the graded process's own (its rusage, or a reading of it): a CPU limit the
    verdict names is checked against it, and without it none is named."""
    peak_address_space: int = 0
    """The largest address space a reading of the graded process showed, in bytes (0: none)."""
    stopped: bool = False
    """The last reading of the graded process, just before it was killed, showed it stopped by a
    signal (SIGSTOP, SIGTSTP): a run that then meets the wall clock stopped itself."""
    status_only: bool = False
    """How the run ended is bubblewrap's exit status, where a signal N reads as 128 + N: a
    status the code chose reads the same unless seccomp (`seccomp`) kills such an exit."""
    seccomp: bool = False
    """The child verified its seccomp filter before any submitted code ran."""
    fault_handler: bool = False
    """The launcher set Python's fault handler on stderr (its dump names a crash's line)."""
    recursion_limit: int | None = None
    """The highest recursion limit the code set (the child's note, written with the job's
    token): a SIGSEGV's likely cause, said."""
    cpu_at_start: float = 0.0
    """CPU time the child had used when it reported ready, before any submitted code ran
    (importing numpy; compiling it, without the bytecode cache)."""
    wall_s: float = 0.0
    """Wall time from the job's submission to the child's end."""
    loaded_s: float | None = None
    """Wall time from the job's submission to the child's word that the code was loaded, on
    the parent's clock: the wall limit counts it, and a timeout in a case says how much of
    the limit loading took (0.7 s of 1 s had read as a slow case)."""
    stdout: str = ""
    stderr: str = ""
    stderr_tail: str = ""
    """stderr's last bytes when more came than is kept (`CappedOutput.tail_text`), for the line
    of a fault dump: code that filled stderr first lost it past the kept part (fifty-third
    round)."""
    printed: int = 0
    """Bytes the child wrote to stdout and stderr, the ones past the kept part included."""


def landlock_paths(workdir: str, pycache: str | None, beside: str) -> dict[str, list[str]]:
    """What Landlock leaves reachable without bubblewrap: the work dir, the stdlib, numpy, system libraries.

    `ro` entries ending in '/' may only be listed (the import system lists
    site-packages to find numpy); the others are readable beneath. `probes`
    must be refused once the ruleset is in force: a read of the grader, and a file made in
    `beside`, the temp dir, where the user's modes would let the child write. `pycache`: the
    cache's tree as the child names it, `/proc/self/fd/N`, not resolved here (in this process
    that gives its name in the caches' root, which a child could swap).
    """
    paths = host_paths()
    system, listed = _system_rules()
    ro = [*system, paths.numpy_dir]
    list_only = [os.path.dirname(paths.numpy_dir), *listed]
    if paths.numpy_libs:
        ro.append(paths.numpy_libs)
    return {
        "rw": [workdir, "/dev/null"],
        "ro": [os.path.realpath(p) for p in ro] + ([pycache] if pycache is not None else []),
        "list": list_only,
        "probes": [paths.probe, beside.rstrip("/") + "/"],
    }


@functools.cache
def _system_rules() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The stdlib and the system libraries as Landlock rules, without any folder of Python
    packages (`hidden_site_dirs`: the base interpreter's, the system's): (readable,
    list-only), once per process (about 10 ms to work out)."""
    stdlib = sysconfig.get_paths()["stdlib"]
    hidden = hidden_site_dirs()
    readable: list[str] = []
    listed: list[str] = []
    for root in (stdlib, "/usr/lib", "/usr/lib64", "/lib", "/lib64", "/etc/ld.so.cache"):
        more, more_listed = readable_beneath(os.path.realpath(root), hidden)
        readable += more
        listed += more_listed
    return tuple(readable), tuple(listed)


def readable_beneath(root: str, hidden: list[str]) -> tuple[list[str], list[str]]:
    """Landlock rules for `root` that leave out the `hidden` folders beneath it: (readable,
    list-only).

    A rule grants a whole tree, so a root holding a hidden folder is granted entry by entry
    (itself only listed), down to the hidden one. The base interpreter's site-packages sits
    in its stdlib folder: granted with it, every package installed there (IPython and awscli
    on this machine) could be read and imported by a submission; bubblewrap hides it."""
    if root in hidden:
        return [], []
    inside = [h for h in hidden if h.startswith(root + "/")]
    if not inside:
        return [root], []
    try:
        names = sorted(os.listdir(root))
    except OSError:
        return [], []  # nothing beneath it is granted (a failed import names the cause)
    readable, listed = [], [root]
    for name in names:
        more, more_listed = readable_beneath(os.path.join(root, name), inside)
        readable += more
        listed += more_listed
    return readable, listed


def is_memory_error(error: str) -> bool:
    """Whether a formatted exception is a MemoryError (numpy's _ArrayMemoryError included).

    By the class's whole name, as the child writes it (a built-in's bare, any other's with its
    module): the name's ending alone took the code's own `ShapeMemoryError(Exception)` for the
    memory limit, "crashed: ran out of memory" for an ordinary error (forty-fourth round)."""
    first = error.strip().split("\n", 1)[0]
    # "MemoryError: ..." from a call, "MemoryError during the call" when raising it failed too
    words = first.split(":", 1)[0].split()
    if not words:
        return False
    module, _, name = words[0].rpartition(".")
    if not module:
        return name == "MemoryError"
    return name == "_ArrayMemoryError" and module.split(".", 1)[0] == "numpy"


class Worker:
    """A child process waiting for its one job."""

    def __init__(self, config: SandboxConfig, bwrap: BwrapStatus | None) -> None:
        self.config = config
        self.bwrap = bwrap if bwrap is not None and bwrap.active else None
        self.ready: dict[str, Any] | None = None
        self.failure: str | None = None
        self.used = False
        self.token = secrets.token_hex(16)
        """Sent in the job and carried by each message the child's grader writes after it: the
        submission shares the result pipe but never sees the job, so a message it forged (its
        own result, the grader's genuine one swallowed as a spare array's bytes) lacks it."""
        self._closed = False
        self._reaped = False
        self._reap_lock = threading.Lock()
        """Held while `stop` signals and while `_reap` marks the child reaped: never both."""
        self.workdir: str | None = None
        """The child's own folder (without bwrap): `workdir_top`/hidden/<random>."""
        self.workdir_top: str | None = None
        """The folder in the temp dir that holds `workdir`: what is locked, swept and removed."""
        self._workdir_lock: int | None = None
        """A shared `flock` on the work dir while it exists (`make_workdir`)."""
        self.stdout = CappedOutput(config.output_limit)
        self.stderr = CappedOutput(config.output_limit)
        self.exit_code: int | None = None
        self.cpu_s = 0.0
        self._cpu_read = False
        self._watch = Watch(None)
        """Readings of the graded process's /proc/<pid>/stat, from its `ready` on."""
        self.on_spent: Callable[[], None] | None = None
        """Called once, when the worker is closed (its pool may then start a replacement)."""
        self._reap_later = False
        """`close(background=True)` left the reaping to `release`."""
        sweep_once()
        paths = host_paths()
        launcher, child, wire_src, runtime = child_sources()
        if self.bwrap is not None:
            home = SANDBOX_HOME
            site = SANDBOX_SITE
            allowed = [f"{SANDBOX_SITE}/numpy", f"{SANDBOX_SITE}/numpy.libs"]
            prefix = list(self.bwrap.argv)  # bwrap, then its options (passed with --args)
            interpreter = paths.interpreter
            cwd = "/"
        else:
            site = os.path.dirname(paths.numpy_dir)
            allowed = [paths.numpy_dir] + ([paths.numpy_libs] if paths.numpy_libs else [])
            prefix = []
            interpreter = paths.venv_interpreter
        # The cache goes only to a child that cannot write it: bwrap mounts it read-only,
        # Landlock leaves it out of the writable set.
        self.fs_layer_expected = self.bwrap is not None or (config.landlock and landlock_abi() > 0)
        # By descriptor: checked through it just now, and nothing a child reads through it can
        # change after the check (`pycache`'s docstring).
        pycache = open_cache(SANDBOX_SITE) if self.fs_layer_expected else None
        inherited = [pycache] if pycache is not None else []
        """Descriptors the child is given, closed here once it is started."""
        if self.bwrap is None:
            # made only now, after the cache, whose rebuild (another process retired it) can
            # take many seconds: a pool lists this worker's dir once the worker is built, and
            # a dir that exists long before that looks like a leftover
            try:
                self.workdir_top, self._workdir_lock, self.workdir = make_workdir()
            except OSError:
                self._remove_workdir()
                for fd in inherited:
                    os.close(fd)
                raise
            home = cwd = self.workdir
        cache_opts: list[str] = []
        tree = f"/proc/self/fd/{pycache}" if pycache is not None else None
        if pycache is not None and self.bwrap is not None:
            # only the parts, which bwrap consumes: the tree's own descriptor, inherited, would
            # let the code open numpy's layout at its host path, which names the checkout
            inherited.remove(pycache)
            parts: list[int] = []
            binds: list[str] = []
            try:
                for part in pycache_module.sandbox_parts(pycache, SANDBOX_SITE):
                    parts.append(pycache_module.open_part(pycache, part))  # listed just now
                    binds += ["--ro-bind-fd", str(parts[-1]), SANDBOX_PYCACHE + part]
            except OSError:  # no descriptor left: this child compiles numpy itself
                for fd in parts:
                    os.close(fd)
                parts, binds = [], []
            finally:
                os.close(pycache)
            inherited += parts
            prefix += binds
            cache_opts = ["-X", f"pycache_prefix={SANDBOX_PYCACHE}"] if binds else []
        elif tree is not None:
            cache_opts = ["-X", f"pycache_prefix={tree}"]
        seccomp = seccomp_support()
        landlock: dict[str, list[str]] | None = None
        if self.bwrap is None and config.landlock and sys.platform.startswith("linux"):
            landlock = landlock_paths(home, tree, os.path.dirname(self.workdir_top or home))
        # No host path goes into bubblewrap's sandbox (nor this app's pid, which the marker on
        # the command line holds): the checkout is not there, the hooks are told another path.
        forbidden, probe = list(paths.forbidden), paths.probe
        data = data_folders(home)  # not in bubblewrap's sandbox: nothing of the user's is
        if self.bwrap is not None:
            forbidden, probe = [SANDBOX_GRADER], f"{SANDBOX_GRADER}/engine/__init__.py"
            data = []
        self._result_r, result_w = result_channel()
        cfg = {
            # without bwrap (whose --die-with-parent does it), the launcher dies with its parent
            "parent": os.getpid() if self.bwrap is None else None,
            "rlimits": config.rlimits(),
            "inherited_fd": result_w,
            "seccomp": seccomp.libraries() if config.seccomp and not seccomp.reason else None,
            "landlock": landlock,
            "result_limit": config.result_limit,
            "site": site,
            "workdir": home,
            "forbidden": forbidden,
            "data": data,
            "allowed": allowed,
            "probe": probe,
            "hooks": config.audit_hooks,
            "harnesses": harness_sources(),
        }
        env = child_env(home)
        env.update(dict(config.extra_env))
        payload = [launcher, json.dumps(cfg), child, wire_src, runtime]
        payload.append(seccomp.source if config.seccomp else "")
        inherited.append(result_w)
        self.started = time.perf_counter()
        try:
            boot = descriptor_holding("\0".join(payload).encode(), "drillbit-boot")
            inherited.append(boot)
            if prefix:
                prefix += SEALED_ROOT  # after every mount, the cache's parts included
                options = descriptor_holding(bwrap_args(prefix[1:]), "drillbit-bwrap-args")
                inherited.append(options)
                prefix = [prefix[0], "--args", str(options)]
            argv = [*prefix, interpreter, "-I", "-B", "-S", *cache_opts, "-c", BOOTSTRAP]
            self.proc: subprocess.Popen[bytes] | None = subprocess.Popen(
                [*argv, f"{CHILD_MARKER}:{os.getpid()}", str(boot)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                pass_fds=tuple(inherited),
                start_new_session=True,
                env=env,
                cwd=cwd,
            )
        except OSError as exc:
            self.proc = None
            self.failure = f"the sandbox process could not be started ({exc})"
        finally:
            for fd in inherited:
                os.close(fd)
        self._reader = wire.FrameReader(config.result_limit + CONTROL_SLACK)
        self._pending: list[tuple[dict[str, Any], bytearray]] = []
        self._job = memoryview(b"")
        self._on_sent: Callable[[], None] | None = None
        self._sel = selectors.DefaultSelector()
        if self.proc is not None:
            assert self.proc.stdout is not None and self.proc.stderr is not None
            for stream, fd in (
                (self.stdout, self.proc.stdout.fileno()),
                (self.stderr, self.proc.stderr.fileno()),
                (None, self._result_r),
            ):
                os.set_blocking(fd, False)
                self._sel.register(fd, selectors.EVENT_READ, stream)

    @property
    def pid(self) -> int | None:
        """The process id of the spawned process (bwrap itself when that layer is on)."""
        return self.proc.pid if self.proc is not None else None

    def _pump(self, timeout: float) -> bool:
        """Write pending job bytes and read whatever is available within `timeout`.

        Returns False once every stream has reached EOF.
        """
        if not self._sel.get_map():
            time.sleep(min(max(timeout, 0.0), 0.01))
            return False
        for key, _ in self._sel.select(max(timeout, 0.0)):
            fd = int(key.fd)
            if key.data == "stdin":
                self._write_job(fd)
                continue
            try:
                data = os.read(fd, 1 << 20)
            except BlockingIOError:
                continue
            except OSError:
                data = b""
            if not data:
                self._sel.unregister(fd)
                continue
            if key.data is None:
                self._pending.extend(self._reader.feed(data))
            else:
                key.data.add(data)
        return bool(self._sel.get_map())

    def _write_chunk(self, fd: int) -> bool:
        """Write the next piece of the job to the child's stdin; False when its pipe is full
        or the child is gone (then nothing is left to write: the run loop will notice)."""
        try:
            self._job = self._job[os.write(fd, self._job[: 1 << 16]) :]
        except BlockingIOError:
            return False
        except OSError:
            self._job = memoryview(b"")
            self._on_sent = None
            return False
        return True

    def _write_job(self, fd: int) -> None:
        self._write_chunk(fd)  # a full pipe leaves the rest: the selector calls again
        if not self._job:
            self._stop_writing()
            sent, self._on_sent = self._on_sent, None
            if sent is not None:
                sent()

    def _stop_writing(self) -> None:
        if self.proc is None or self.proc.stdin is None:
            return
        fd = self.proc.stdin.fileno() if not self.proc.stdin.closed else -1
        if fd >= 0 and fd in self._sel.get_map():
            self._sel.unregister(fd)
        with contextlib.suppress(OSError):
            self.proc.stdin.close()

    def result_stream_open(self) -> bool:
        """True while the child's result pipe has not reached EOF."""
        return any(key.fd == self._result_r for key in self._sel.get_map().values())

    def wait_ready(self) -> bool:
        """Block until the child reports ready (numpy imported, hooks in place) or fails."""
        if self.proc is None:
            return False
        deadline = time.monotonic() + self.config.ready_timeout_s
        try:
            while self.ready is None and self.failure is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self.failure = (
                        "the sandbox did not become ready in time (numpy import too slow?)"
                    )
                    break
                open_ = self._pump(min(remaining, 0.5))
                for fields, _ in self._pending:
                    if fields.get("t") == "ready":
                        self.ready = fields
                        self._watch = Watch(graded_pid(self.proc.pid, self.bwrap is not None))
                        # what the child writes from its job on starts with the job's token
                        self._reader.token = bytes.fromhex(self.token)
                    elif fields.get("t") == "fatal":
                        self.failure = (
                            f"the sandbox failed to start: {str(fields.get('message'))[:500]}"
                        )
                    else:
                        self.failure = "the sandbox sent an unexpected message while starting"
                self._pending.clear()
                self._reader.check()
                if not self.result_stream_open() and self.ready is None and self.failure is None:
                    self.failure = "the sandbox process exited while starting"
                    self._pump(0.05)
                    err = self.stderr.text().strip().splitlines()
                    if err:
                        self.failure += f": {err[-1][:300]}"
                if not open_ and self.ready is None and self.failure is None:
                    self.failure = "the sandbox process closed its streams while starting"
        except wire.WireError as exc:
            self.failure = f"the sandbox's start-up message was malformed ({exc})"
        if self.failure is not None:
            self.close()
        elif self.bwrap is None and not self.files_confined():
            pycache_module.discard(SANDBOX_SITE)  # this child could write the cache
            make_undumpable()  # before its job: it could open /proc/<this pid>/mem
        return self.ready is not None

    def files_confined(self) -> bool:
        """Whether a kernel layer keeps this child's writes inside its work dir (bwrap or Landlock)."""
        if self.bwrap is not None:
            return True
        kernel = (self.ready or {}).get("kernel")
        landlock = kernel.get("landlock") if isinstance(kernel, dict) else None
        return isinstance(landlock, str) and landlock.startswith("abi ")

    def begin(self, head: bytes | bytearray) -> None:
        """Hand the child the first part of its job now, as much as its stdin takes without waiting.

        The child loads the submission from it while the caller still makes the
        cases; `run` writes whatever is left, then the rest of the job.
        """
        self.used = True
        if self.proc is None or self.ready is None or self.proc.stdin is None:
            return
        fd = self.proc.stdin.fileno()
        os.set_blocking(fd, False)
        self._job = memoryview(head)
        while self._job and self._write_chunk(fd):
            pass

    def run(
        self,
        job: bytes | bytearray,
        timeout_s: float,
        on_result: Callable[[dict[str, Any], bytearray], None] | None = None,
        on_sent: Callable[[], None] | None = None,
        work: Callable[[], bool] | None = None,
        cases: int = 0,
    ) -> RunResult:
        """Give the child its job (the rest of it after `begin`) and supervise it to the end;
        the worker is spent afterwards.

        Once the child reported `done`, reaping it is left to `release`, which the
        caller calls when it has built its verdict.

        `on_result` is told of each case's result message as it is accepted, and
        `on_sent` once the whole job is written (both must return at once). `work`
        does one bounded piece of the caller's own work (judging a case) and says
        whether more is ready; the loop calls it between reads, looking at the
        pipes without waiting while it returns True, and checks the deadline
        between any two pieces. `cases`: how many the job holds, so as many results fit
        under the reader's bound on frames (`wire.MAX_FRAMES` at the least).
        """
        self.used = True
        self._reader.max_frames = max(self._reader.max_frames, wire.frames_for(cases))
        result = RunResult()
        if self.proc is None or self.ready is None:
            result.internal = self.failure or "the sandbox is not ready"
            self.close()
            return result
        assert self.proc.stdin is not None
        stdin_fd = self.proc.stdin.fileno()
        os.set_blocking(stdin_fd, False)
        self._job = memoryview(bytes(self._job) + bytes(job)) if self._job else memoryview(job)
        self._on_sent = on_sent
        self._sel.register(stdin_fd, selectors.EVENT_WRITE, "stdin")
        submitted = time.monotonic()
        deadline = submitted + timeout_s
        next_quota_check = 0.0
        next_reading = 0.0
        busy = False
        try:
            while True:
                now = time.monotonic()
                remaining = deadline - now
                if remaining <= 0:
                    result.timed_out = True
                    break
                if self.workdir is not None and now >= next_quota_check:
                    used, entries = workdir_usage(self.workdir)
                    if used > DISK_QUOTA or entries > QUOTA_ENTRIES:
                        result.disk_quota = True
                        break
                    next_quota_check = now + QUOTA_PERIOD_S
                if self.workdir is not None:
                    remaining = min(remaining, max(next_quota_check - now, 0.001))
                if self._watch.active:
                    if now >= next_reading:
                        self._watch.read()
                        next_reading = now + SAMPLE_PERIOD_S
                    remaining = min(remaining, max(next_reading - now, 0.001))
                if busy:
                    remaining = 0.0
                self._pump(remaining if self.result_stream_open() else min(remaining, 0.01))
                for fields, data in self._pending:
                    if self._handle(fields, data, result) and on_result is not None:
                        on_result(fields, data)
                self._pending.clear()
                if result.loaded and result.loaded_s is None:
                    result.loaded_s = time.monotonic() - submitted
                self._reader.check()
                if result.done or result.load_error is not None or result.out_of_memory:
                    break
                if not self.result_stream_open() and self._exited():
                    break  # the child died or closed its result pipe and exited
                busy = work() if work is not None else False
        except wire.WireError as exc:
            result.protocol_error = str(exc)
            result.forged = isinstance(exc, wire.ForgedError)
        result.wall_s = timeout_s - (deadline - time.monotonic())
        self._watch.read()  # the last before it is killed (if it is not dead yet)
        self.close(background=result.done)
        result.signal, result.exit_code = self._termination()
        result.status_only = self.bwrap is not None
        kernel = (self.ready or {}).get("kernel")
        result.seccomp = isinstance(kernel, dict) and kernel.get("seccomp") == "verified"
        result.fault_handler = isinstance(kernel, dict) and kernel.get("fault dumps") == "set"
        own = self.bwrap is None and self._cpu_read
        result.cpu_s = max(self.cpu_s if own else 0.0, self._watch.cpu_s or 0.0)
        result.cpu_known = own or self._watch.cpu_s is not None
        result.peak_address_space = self._watch.peak_address_space
        result.stopped = self._watch.stopped
        started = (self.ready or {}).get("cpu")
        if type(started) is float and 0.0 <= started <= result.cpu_s:
            result.cpu_at_start = started
        result.stdout = self.stdout.text()
        result.stderr = self.stderr.text()
        result.stderr_tail = self.stderr.tail_text()
        result.printed = sum(len(o.data) + o.dropped for o in (self.stdout, self.stderr))
        return result

    def _exited(self) -> bool:
        """Whether the child has exited, without reaping it (the rusage is read at reap time)."""
        if self.proc is None:
            return True
        if not hasattr(os, "waitid"):  # macOS: poll() reaps, so the CPU time is not known
            return self.proc.poll() is not None
        try:
            info = os.waitid(os.P_PID, self.proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            return True
        return info is not None

    def _handle(self, fields: dict[str, Any], data: bytearray, result: RunResult) -> bool:
        """Record one message; True when it was a case's result."""
        if fields.get("k") != self.token:
            raise wire.ForgedError("the result stream carried a message the grader did not write")
        kind = fields.get("t")
        if kind == "loaded" and not result.loaded:
            result.loaded = True
        elif kind == "load_error" and not result.loaded:
            result.load_error = fields
        elif kind == "result" and result.loaded and fields.get("i") == len(result.results):
            result.results.append((fields, data))
            error = fields.get("error")
            if isinstance(error, str) and is_memory_error(error):
                result.out_of_memory = True
            return True
        elif kind == "limit" and not result.done:
            limit = fields.get("limit")
            if type(limit) is not int or not 0 < limit < 1 << 63:
                raise wire.WireError("a recursion limit's note carried a malformed field")
            result.recursion_limit = limit
        elif kind == "done" and result.loaded:
            result.done = True
            result.late = fields.get("late")
        else:
            raise wire.WireError("the result stream carried a message out of order")
        return False

    def _termination(self) -> tuple[int | None, int | None]:
        """(signal, exit code) of the child, reading bwrap's 128+N convention."""
        code = self.exit_code
        if code is None:
            return None, None
        if code < 0:
            return -code, None
        if self.bwrap is not None and code > 128:
            return code - 128, None
        return None, code

    def close(self, *, background: bool = False) -> None:
        """Kill the whole process group, keep what the pipes hold, reap, remove the work dir.

        With `background`, reaping and removing the work dir are left to `release`,
        which hands them to the reaper thread (the verdict does not need them once
        the child reported `done`).
        """
        if self._closed:
            return
        self._closed = True
        spent, self.on_spent = self.on_spent, None
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            if spent is not None:
                spent()
            if not background:
                self._reap()
            self._stop_writing()
            with contextlib.suppress(wire.WireError):
                self._drain_available()
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
        elif spent is not None:
            spent()
        self._sel.close()
        self._watch.close()
        with contextlib.suppress(OSError):
            os.close(self._result_r)
        if background:
            self._reap_later = True
        else:
            self._remove_workdir()

    def release(self, then: Callable[[], None] | None = None) -> None:
        """The caller is done with this worker (its verdict is built): close it if it is not,
        and hand what `close(background=True)` left, then `then` (the pool's refill), to the
        reaper thread in one go. Waking a thread (and letting it take the GIL) while the verdict
        was being built held the verdict up on a busy machine; once it is built it costs nothing.
        """
        self.close()
        if self._reap_later:
            self._reap_later = False
            _reaper.put(self, then)
        elif then is not None:
            then()

    def _remove_workdir(self) -> None:
        if self.workdir_top is not None:
            now = self._workdir_now(self.workdir_top)
            if self._workdir_lock is None:
                remove_tree(now)
            else:
                prefix = f"{WORKDIR_PREFIX}{os.getpid()}-"
                staging.remove_privately(now, self._workdir_lock, prefix)
        lock, self._workdir_lock = self._workdir_lock, None
        if lock is not None:
            os.close(lock)  # only now: a sweep must not take the dir while it is removed

    def _workdir_now(self, made: str) -> str:
        """Where the work dir made at `made` is now: its held descriptor tells. With seccomp
        alone a child renamed its top folder elsewhere in the temp dir, and removal by the
        name it was made with found nothing there, so the folder and its files stayed."""
        lock = self._workdir_lock
        if lock is None:
            return made
        try:
            now = os.readlink(f"/proc/self/fd/{lock}")
        except OSError:  # no /proc (macOS): the name it was made with
            return made
        if now == made or not os.path.isabs(now) or now.endswith(" (deleted)"):
            return made
        return now

    def finish_in_background(self) -> None:
        """The reaper thread's part of `close(background=True)`."""
        self._reap()
        self._remove_workdir()

    def _drain_available(self) -> None:
        """Read what the pipes already hold, without waiting for more (the child is dead)."""
        before = len(self._pending)
        for _ in range(256):
            if not self._sel.get_map() or not self._sel.select(0):
                break
            self._pump(0)
        del self._pending[before:]

    def stop(self) -> None:
        """Kill the child's process group now, from any thread: the person left the drill it
        grades. The thread running its job sees the child end and reaps it as after any run.

        Leaving a drill mid-grade recorded nothing, but the child ran on to its deadline (an
        endless loop: a core for the drill's whole time limit). Never after the reap, when its
        pid may be another process's.
        """
        with self._reap_lock:
            if self.proc is None or self._reaped or self.proc.returncode is not None:
                return  # (macOS: `poll` reaps it)
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, signal.SIGKILL)

    def _reap(self) -> None:
        with self._reap_lock:
            if self.proc is None or self._reaped:
                return
            self._reaped = True
        try:
            _, status, usage = os.wait4(self.proc.pid, 0)
        except ChildProcessError:
            self.proc.wait()
            self.exit_code = self.proc.returncode
            return
        self.exit_code = os.waitstatus_to_exitcode(status)
        self.proc.returncode = self.exit_code
        self.cpu_s = usage.ru_utime + usage.ru_stime
        self._cpu_read = True

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.release()


class _Reaper:
    """One daemon thread that reaps finished children and removes their work dirs off the hot path."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[tuple[Worker, Callable[[], None] | None] | None] = (
            queue.SimpleQueue()
        )
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def put(self, worker: Worker, then: Callable[[], None] | None = None) -> None:
        """Reap `worker` and remove its work dir, then call `then`, on the reaper thread."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="drillbit-sandbox-reaper", daemon=True
                )
                self._thread.start()
                atexit.register(self.flush)
        self._queue.put((worker, then))

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            _finish(*item)

    def flush(self) -> None:
        """Finish everything queued, the item in progress included (at exit, so no work dir outlives the app)."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join(timeout=30)
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item is not None:
                _finish(*item)


def _finish(worker: Worker, then: Callable[[], None] | None) -> None:
    with contextlib.suppress(Exception):
        worker.finish_in_background()
    if then is not None:
        with contextlib.suppress(Exception):
            then()


_reaper = _Reaper()
