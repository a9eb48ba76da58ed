"""A bytecode cache for the child, so a fresh worker does not recompile numpy from source.

The child runs with -B (it never writes bytecode) and, when the venv has no
__pycache__ (uv does not compile by default; PYTHONDONTWRITEBYTECODE is
common), every worker would recompile numpy's ~240 modules: about 40% of its
start-up. So the parent compiles them once into a private directory laid out
for `-X pycache_prefix=`: numpy at its real path (plain child) and at the
path bwrap mounts it on, plus the stdlib modules the parent has loaded.

Trust: the directory is owned by this user with mode 0700, built
synchronously by the caller (never half-built by a background thread), its
.pyc files are checked-hash (PEP 552: a changed source is recompiled, never
trusted by timestamp), and it is only handed to a child that cannot write it
(read-only under bubblewrap, outside Landlock's rules otherwise). A child
that turned out to run without a file-system layer could have written it, so
the cache is then retired. Unfinished `build-<pid>-*` folders of dead
processes are removed before a build.

A child without a file-system layer (seccomp alone) is still the user to the
kernel: it can rewrite the .pyc files of a cache another drillbit holds, or
plant a cache of its own, each .pyc with the true source's hash (which is all
a checked-hash .pyc is checked against) and any code. So every .pyc is written
with a fixed modification time (`sealed.STAMP_NS`), set through the descriptor of a
file that has no name until it is stamped (O_TMPFILE), and a cache is handed
out only while every .pyc in it still has it and nothing in it is a link
(`intact`, checked at each hand-out, about 2 ms). seccomp refuses such a child
utime, and any write sets the time anew, so it cannot forge the stamp.

A check by name still left a race: such a child watched /proc for another drillbit's new
child and rewrote numpy's .pyc files between that parent's check and the new child's
`import numpy`, which then ran its code under bubblewrap or Landlock. So the .pyc files
live in one folder, `tree`, sealed before the cache is published: every file 0o444 and
every folder 0o555, which a child cannot undo (seccomp refuses chmod, and it holds no
capability that passes a mode) and `intact` checks too. The tree is handed to a child by
descriptor, checked through that very descriptor: a folder renamed in the caches' root
and another put at its name changes nothing a child reads.

Concurrency: several drillbit processes share the caches, and bwrap fails
("Can't find source path") if a directory it binds vanishes. So a finished
cache is immutable and never moved: it is built in a private folder and
published by an atomic rename under a fresh `<key>.<generation>` name,
retired by a flag file, and deleted only when no live process holds a
shared flock on its in-use file. Look-up, publishing, retirement and sweeping
run under one per-user lock file (a build runs outside it, in a folder of its
own). A child's look-up waits for it `LOCK_WAIT_S` at most (a seccomp-alone
child can take it too), and what is not a lock file or a private root at their
names is removed (`_open_lock`, `_private_root`).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import importlib.util
import marshal
import os
import secrets
import stat
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import CodeType

import numpy as np

from engine.sandbox.config import host_paths
from engine.sandbox.sealed import FOLDER_FLAGS, intact_at, seal, write_stamped
from engine.sandbox.tree import remove_tree

MARKER = ".complete"
FORMAT = "checked-hash-stamped-sealed-4"
"""Part of the cache key: caches of an older layout (timestamp .pyc files, or access times a
read moves: `sealed.UNREAD_NS`) are never reused."""
TREE = "tree"
"""The sealed folder, beside the flag files, that holds every .pyc (laid out for the prefix)."""
STALE_UNNAMED_S = 600
"""A `build-*` folder without a pid in its name (an older drillbit's) is removed after this long."""
FORMAT_FILE = ".format"
IN_USE = ".in-use"
"""Inside each cache: every process that may hand the cache to a child holds a shared flock on it."""
RETIRED = ".retired"
"""Inside a cache no longer to be handed out (a child that could write it has run)."""
ROOT_LOCK = ".lock"
LOCK_WAIT_S = 0.5
"""How long a look-up waits for another process's hold on `ROOT_LOCK`, then the child starts
without the cache (it compiles numpy itself) and the next worker looks again. A check or a
sweep holds it for milliseconds, a build for seconds; a child without a file-system layer
held it until its deadline, and every grading of every drillbit waited."""
LOCK_POLL_S = 0.01
BUILD_WAIT_S = 600.0
"""`build`'s wait: it is asked for the cache itself (tests, tools), not for a child's start."""
STALE_OLD_FORMAT_S = 86_400
"""A cache named without a generation (an older drillbit's, possibly timestamp .pyc files)
is removed after a day unmodified: long enough not to pull it from under a drillbit still running."""


def _owned_private_dir(path: Path) -> bool:
    try:
        info = path.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.geteuid()
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
    )


def cache_root() -> Path:
    """The per-user directory that holds the caches (created 0700)."""
    return Path(tempfile.gettempdir()) / f"drillbit-pycache-{os.geteuid()}"


def cache_key(sandbox_site: str) -> str:
    """Names the caches for this interpreter, this numpy and this mount layout."""
    paths = host_paths()
    key = "|".join(
        [
            FORMAT,
            sys.version,
            sys.implementation.cache_tag or "",
            np.__version__,
            paths.numpy_dir,
            sandbox_site,
        ]
    )
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _target(prefix: Path, shown_path: str) -> Path:
    tag = sys.implementation.cache_tag
    head, name = os.path.split(shown_path)
    return prefix / head.lstrip("/") / f"{name.rpartition('.')[0]}.{tag}.pyc"


def _sources(sandbox_site: str) -> list[tuple[str, str]]:
    """(real source path, path the child sees) for numpy (both layouts) and the loaded stdlib."""
    paths = host_paths()
    pairs: list[tuple[str, str]] = []
    for directory, dirs, files in os.walk(paths.numpy_dir):
        dirs[:] = [d for d in dirs if d not in ("tests", "__pycache__", "testing")]
        for name in files:
            if name.endswith(".py"):
                real = os.path.join(directory, name)
                rel = os.path.relpath(real, paths.numpy_dir)
                pairs.append((real, real))
                pairs.append((real, f"{sandbox_site}/numpy/{rel}"))
    stdlib = os.path.realpath(sysconfig.get_paths()["stdlib"])
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and file.endswith(".py"):
            real = os.path.realpath(file)
            if real.startswith(stdlib + "/") and "site-packages" not in real:
                pairs.append((real, file))
    return pairs


def process_alive(pid: int) -> bool:
    """True while a process with this pid exists (another user's counts: it may not be
    signalled, but it is there). Leftovers named by their maker's pid are swept by this."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _legacy_unused(entry: Path) -> bool:
    """A cache named without a generation (an older drillbit's), unused for a day."""
    try:
        return entry.is_dir() and time.time() - entry.lstat().st_mtime > STALE_OLD_FORMAT_S
    except OSError:
        return False


def _unused(entry: Path) -> bool:
    """True when no live process holds the cache (a shared lock on its in-use file)."""
    try:
        fd = os.open(entry / IN_USE, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return True  # never finished, or already half removed
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(fd)
    return True


def sweep_stale_builds(root: Path) -> int:
    """Remove unfinished builds whose process is gone (or, unnamed, older than 10 minutes),
    retired caches no live process holds, and older drillbits' caches unused for a day.

    A cache is removed only when retired and unused, so no process ever loses the
    directory it hands to bwrap; callers hold the root lock (see `_root_lock`)."""
    removed = 0
    with contextlib.suppress(OSError):
        for entry in root.iterdir():
            name = entry.name
            stale = False
            if name.startswith("build-"):
                pid_text = name.split("-")[1]
                if pid_text.isdigit():
                    stale = not process_alive(int(pid_text))
                else:
                    with contextlib.suppress(OSError):
                        stale = time.time() - entry.lstat().st_mtime > STALE_UNNAMED_S
            elif "." in name:
                stale = (entry / RETIRED).exists() and _unused(entry)
            elif not name.startswith("."):
                stale = _legacy_unused(entry)
            if stale:
                _remove(entry)
                removed += 1
    return removed


def _remove(entry: Path) -> None:
    """Remove a cache or a build whatever a child without a file-system layer left in it.

    Such a child can write in the root like its user: `shutil.rmtree` recursed once per
    level, and a build folder it nested 3,000 deep raised RecursionError in every later
    drillbit's look-up, so no grading in any mode could start until the user found it.
    The sandbox's own removal moves each folder up instead, never follows a link, and
    gives back folders whose modes were taken away.
    """
    remove_tree(str(entry))


class LockBusy(OSError):
    """Another process held the caches' lock past `LOCK_WAIT_S`."""


def _open_lock(root: Path) -> int:
    """The lock file's descriptor. A folder or a link at its name (what a child without a
    file-system layer can put there, as the user) made every later look-up fail, so no child
    got the cache again: it is removed, never followed, and the lock made anew."""
    path = root / ROOT_LOCK
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        return os.open(path, flags, 0o600)
    except OSError as exc:
        if exc.errno not in (errno.EISDIR, errno.ELOOP):
            raise
    if stat.S_ISDIR(path.lstat().st_mode):
        remove_tree(str(path))
    else:
        path.unlink()
    return os.open(path, flags | os.O_EXCL, 0o600)


@contextlib.contextmanager
def _root_lock(root: Path, wait_s: float = LOCK_WAIT_S) -> Iterator[None]:
    """Serialises look-up, build, retirement and sweeping between processes of this user;
    raises `LockBusy` when another holds it past `wait_s`."""
    fd = _open_lock(root)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockBusy(f"{root / ROOT_LOCK} is held by another process") from None
                time.sleep(LOCK_POLL_S)
        yield
    finally:
        os.close(fd)


def _open_tree(cache: Path) -> int | None:
    """A descriptor of the cache's sealed tree, never through a link; None when there is none."""
    try:
        return os.open(cache / TREE, FOLDER_FLAGS)
    except OSError:
        return None


def intact(cache: Path) -> bool:
    """Whether the cache's tree is as sealed (`intact_at`)."""
    tree = _open_tree(cache)
    if tree is None:
        return False
    try:
        return intact_at(tree)
    finally:
        os.close(tree)


def _retire(entry: Path) -> None:
    """Flag a cache as not to be handed out (never through a link planted at the flag's name)."""
    with contextlib.suppress(OSError):
        os.close(os.open(entry / RETIRED, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o600))


Held = tuple[Path, int, int]
"""A cache this process holds: its folder, the shared lock on its in-use file, its tree's descriptor."""


def _holds_numpy(tree: int, sandbox_site: str) -> bool:
    """Whether the tree holds numpy's first .pyc. A child can make a sealed folder (mkdir takes
    the mode) but not put anything in one: an empty tree, planted with the flags beside it and
    named to be found first, passed `intact_at`, and every later child compiled numpy itself."""
    init = _target(Path(), f"{sandbox_site}/numpy/__init__.py")
    try:
        return stat.S_ISREG(os.stat(init, dir_fd=tree, follow_symlinks=False).st_mode)
    except OSError:
        return False


def _hold(entry: Path, sandbox_site: str) -> Held | None:
    """A shared lock on a finished, current, intact cache and its tree's descriptor, kept while
    this process may use it. A cache found changed is retired, so it is swept once no process
    holds it."""
    if not (entry / MARKER).exists() or (entry / RETIRED).exists():
        return None
    tree = _open_tree(entry)
    if tree is None or not intact_at(tree) or not _holds_numpy(tree, sandbox_site):
        if tree is not None:
            os.close(tree)
        _retire(entry)
        return None
    try:
        fd = os.open(entry / IN_USE, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        os.close(tree)
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        # only a sweep takes it exclusively, under the root lock this process holds: the
        # holder is a child without a file-system layer, which held every look-up until
        # its deadline. This child goes without the cache; the next look-up tries again.
        os.close(fd)
        os.close(tree)
        raise LockBusy(f"{entry / IN_USE} is held by another process") from None
    return entry, fd, tree


def _find(root: Path, key: str, sandbox_site: str) -> Held | None:
    """The first cache for `key` that can be held; `LockBusy` when one is held against us
    (a new one is not built for that: a child could make every look-up build)."""
    try:
        entries = sorted(root.iterdir())
    except OSError:
        return None
    for entry in entries:
        if entry.name.startswith(key + "."):
            held = _hold(entry, sandbox_site)
            if held is not None:
                return held
    return None


def sandbox_parts(tree: int, sandbox_site: str) -> list[str]:
    """The folders of the cache a child under bubblewrap reads: numpy at the path bwrap mounts
    it on and the stdlib (at the interpreter's own path, which the child sees anyway).

    The whole cache was mounted, and it holds numpy at its real path for the children
    without bubblewrap too: listing it showed the checkout's venv, the one host path the
    sandbox otherwise hides (it has no /proc, its configuration names none)."""
    stdlib = os.path.dirname(os.__file__)
    wanted = [sandbox_site, stdlib, os.path.realpath(stdlib)]
    parts: list[str] = []
    for part in sorted(dict.fromkeys(wanted)):
        inside = any(part.startswith(outer.rstrip("/") + "/") for outer in parts)
        if not inside and _is_folder(part.lstrip("/"), tree):
            parts.append(part)
    return parts


def _is_folder(relative: str, tree: int) -> bool:
    try:
        return stat.S_ISDIR(os.stat(relative, dir_fd=tree, follow_symlinks=False).st_mode)
    except OSError:
        return False


def open_part(tree: int, part: str) -> int:
    """An O_PATH descriptor of `part` (an absolute path as the child sees it) inside the tree,
    for bubblewrap's `--ro-bind-fd`: the sealed tree has no link, so nothing is followed."""
    flags = os.O_PATH | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
    return os.open(part.lstrip("/"), flags, dir_fd=tree)


def _renamed(code: CodeType, filename: str) -> CodeType:
    """`code` and every code object nested in it, as if compiled from `filename`."""
    consts = tuple(_renamed(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


def _compile(work: Path, sandbox_site: str) -> None:
    """What `py_compile.compile(real, cfile, dfile=shown, CHECKED_HASH, doraise=False)` writes
    for each pair, compiling each source once: numpy is seen at two paths, and only the file
    name in its code objects differs between them (half the CPU of a build, about 1.4 s).
    A source that does not compile gets no .pyc, as there (the child compiles it itself);
    a source that cannot be read fails the build, as there."""
    shown_by_source: dict[str, dict[str, None]] = {}  # a module can be listed twice
    for real, shown in _sources(sandbox_site):
        shown_by_source.setdefault(real, {})[shown] = None
    flags = (0b11).to_bytes(4, "little")  # PEP 552: hash-based, checked
    tree = work / TREE
    tree.mkdir(parents=True, exist_ok=True)
    for real, shown_paths in shown_by_source.items():
        source = Path(real).read_bytes()
        try:
            code = compile(source, next(iter(shown_paths)), "exec", dont_inherit=True)
        except Exception:  # noqa: BLE001 - as py_compile's doraise=False: any compile error
            continue
        header = importlib.util.MAGIC_NUMBER + flags + importlib.util.source_hash(source)
        mode = (os.stat(real).st_mode | 0o200) & 0o666  # py_compile's mode for the .pyc
        for shown in shown_paths:
            target = _target(tree, shown)
            target.parent.mkdir(parents=True, exist_ok=True)
            named = code if code.co_filename == shown else _renamed(code, shown)
            write_stamped(target, header + marshal.dumps(named), mode)
    seal(tree)
    (work / IN_USE).write_text("")
    (work / FORMAT_FILE).write_text(FORMAT)
    (work / MARKER).write_text("ok\n")


def _acquire(sandbox_site: str, wait_s: float = LOCK_WAIT_S) -> Held | None:
    """A finished cache held by this process (built if missing), or None when it cannot be safely.

    A finished cache is never changed or moved: it is published under a fresh name by
    an atomic rename, retired by a flag file, and removed only once no process holds it.
    """
    root = _private_root()
    if root is None:
        return None
    key = cache_key(sandbox_site)
    try:
        with _root_lock(root, wait_s):
            sweep_stale_builds(root)
            found = _find(root, key, sandbox_site)
            if found is not None:
                return found
        return _build(root, key, sandbox_site, wait_s)
    except LockBusy:
        raise
    except OSError:
        return None


def _build(root: Path, key: str, sandbox_site: str, wait_s: float) -> Held | None:
    """Build a cache in a folder of this process's and publish it, under the lock only to
    publish: a build takes seconds (more on a busy machine), and every look-up of every
    drillbit waited for it, so with look-ups bounded (`LOCK_WAIT_S`) their children went
    without the cache. Two processes may then build at once; the second to publish uses
    the first's. A sweep leaves the folder alone while this process lives."""
    work = Path(tempfile.mkdtemp(prefix=f"build-{os.getpid()}-", dir=root))
    try:
        _compile(work, sandbox_site)
        with _root_lock(root, wait_s):
            found = _find(root, key, sandbox_site)
            if found is None:
                work.rename(root / f"{key}.{secrets.token_hex(4)}")
                return _find(root, key, sandbox_site)
    except BaseException:
        _remove(work)
        raise
    _remove(work)
    return found


def _private_root() -> Path | None:
    """The caches' root, made if missing; None when it is not a private folder of this user.

    A child without a file-system layer moved the root away and put a file (or an open
    folder) at its name, and no drillbit got a cache again. What is there and is this user's
    is removed, never followed, and the root made anew; another user's is left alone (it
    could be a trap) and no cache is used."""
    root = cache_root()
    for _ in range(2):
        with contextlib.suppress(FileExistsError):
            root.mkdir(mode=0o700)
        if _owned_private_dir(root):
            return root
        with contextlib.suppress(OSError):
            info = root.lstat()
            if info.st_uid == os.geteuid():
                if stat.S_ISDIR(info.st_mode):
                    remove_tree(str(root))
                else:
                    root.unlink()
    return None


_held_by_build: list[int] = []


def build(sandbox_site: str) -> Path | None:
    """The cache's directory (built if missing), held for the rest of this process: waits
    for another process's build, as the caller asked for the cache itself."""
    acquired = _acquire(sandbox_site, wait_s=BUILD_WAIT_S)
    if acquired is None:
        return None
    _held_by_build.extend(acquired[1:])
    return acquired[0]


_lock = threading.Lock()
_state: dict[str, Held | None] = {}


def _release(held: Held | None) -> None:
    if held is not None:
        for fd in held[1:]:
            with contextlib.suppress(OSError):
                os.close(fd)


def _ready(sandbox_site: str) -> Held | None:
    """The held cache, built in the calling thread on first use; None if it cannot be.
    Callers hold `_lock`.

    Checked at every call: a cache another process retired, or one changed since it was
    taken (`intact_at`), is let go and a fresh one taken (the retired one stays on disk
    while any process holds it).
    """
    held = _state.get(sandbox_site)
    if held is not None and ((held[0] / RETIRED).exists() or not intact_at(held[2])):
        if not (held[0] / RETIRED).exists():  # changed since it was taken
            with contextlib.suppress(OSError), _root_lock(cache_root()):
                _retire(held[0])
        _release(held)
        del _state[sandbox_site]
    if sandbox_site not in _state:
        try:
            _state[sandbox_site] = _acquire(sandbox_site)
        except LockBusy:
            return None  # this child goes without; the next look-up tries again
    return _state[sandbox_site]


def ready_cache(sandbox_site: str) -> Path | None:
    """The cache's folder, built in the calling thread on first use; None if it cannot be."""
    with _lock:
        held = _ready(sandbox_site)
        return held[0] if held is not None else None


def open_cache(sandbox_site: str) -> int | None:
    """A new descriptor of the cache's sealed tree, checked through the descriptor just now
    (the caller closes it); None when there is no cache. What a child reads through it
    cannot be swapped after the check: nothing in the tree can be changed by a child, and
    the descriptor does not follow the names in the caches' root."""
    with _lock:
        held = _ready(sandbox_site)
        return os.dup(held[2]) if held is not None else None


def discard(sandbox_site: str) -> None:
    """Retire the cache: a child that could write it has run (a fresh one is built on next use).

    Retiring only flags it, so processes grading with it keep a valid directory until
    they next look; it is deleted once none holds it."""
    with _lock:
        held = _state.pop(sandbox_site, None)
        if held is None:
            return
        root = cache_root()
        with contextlib.suppress(OSError), _root_lock(root):
            _retire(held[0])
        _release(held)
