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
the cache is then discarded. Unfinished `build-<pid>-*` folders of dead
processes are removed before a build.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import py_compile
import shutil
import stat
import sys
import sysconfig
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from engine.sandbox.config import host_paths

MARKER = ".complete"
FORMAT = "checked-hash-1"
"""Part of the cache key: caches of an older layout (timestamp .pyc files) are never reused."""
STALE_UNNAMED_S = 600
"""A `build-*` folder without a pid in its name (an older drillbit's) is removed after this long."""
FORMAT_FILE = ".format"
STALE_OLD_FORMAT_S = 86_400
"""A finished cache of another format (an older drillbit's timestamp .pyc files) is removed
after a day unused: long enough not to pull it from under a drillbit still running."""


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


def cache_dir(sandbox_site: str) -> Path:
    """The cache for this interpreter, this numpy and this mount layout."""
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
    return cache_root() / hashlib.sha256(key.encode()).hexdigest()[:16]


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


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _old_format(entry: Path) -> bool:
    """A finished cache of another format, unused for a day."""
    try:
        if (entry / FORMAT_FILE).read_text() == FORMAT:
            return False
    except OSError:
        pass
    try:
        return entry.is_dir() and time.time() - entry.lstat().st_mtime > STALE_OLD_FORMAT_S
    except OSError:
        return False


def sweep_stale_builds(root: Path) -> int:
    """Remove unfinished builds whose process is gone (or, unnamed, older than 10 minutes),
    and caches of an older format unused for a day."""
    removed = 0
    with contextlib.suppress(OSError):
        for entry in root.iterdir():
            if not entry.name.startswith("build-"):
                if _old_format(entry):
                    shutil.rmtree(entry, ignore_errors=True)
                    removed += 1
                continue
            pid_text = entry.name.split("-")[1]
            if pid_text.isdigit():
                stale = not _alive(int(pid_text))
            else:
                with contextlib.suppress(OSError):
                    stale = time.time() - entry.lstat().st_mtime > STALE_UNNAMED_S
            if stale:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
    return removed


def build(sandbox_site: str) -> Path | None:
    """Compile the cache if it is missing; its directory, or None when it cannot be made safely."""
    root = cache_root()
    with contextlib.suppress(FileExistsError):
        root.mkdir(mode=0o700)
    if not _owned_private_dir(root):
        return None
    sweep_stale_builds(root)
    final = cache_dir(sandbox_site)
    if (final / MARKER).exists():
        return final
    work = Path(tempfile.mkdtemp(prefix=f"build-{os.getpid()}-", dir=root))
    try:
        for real, shown in _sources(sandbox_site):
            target = _target(work, shown)
            target.parent.mkdir(parents=True, exist_ok=True)
            py_compile.compile(
                real,
                cfile=str(target),
                dfile=shown,
                doraise=False,
                quiet=2,
                invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH,
            )
        (work / FORMAT_FILE).write_text(FORMAT)
        (work / MARKER).write_text("ok\n")
        try:
            work.rename(final)
        except OSError:  # another process finished first
            shutil.rmtree(work, ignore_errors=True)
    except OSError:
        shutil.rmtree(work, ignore_errors=True)
        return None
    return final if (final / MARKER).exists() else None


_lock = threading.Lock()
_state: dict[str, Path | None] = {}


def ready_cache(sandbox_site: str) -> Path | None:
    """The cache, built in the calling thread on first use (once per process); None if it cannot be."""
    with _lock:
        if sandbox_site not in _state:
            _state[sandbox_site] = build(sandbox_site)
        return _state[sandbox_site]


def discard(sandbox_site: str) -> None:
    """Forget and delete the cache: a child that could write it has run (it is rebuilt on next use)."""
    with _lock:
        _state.pop(sandbox_site, None)
        shutil.rmtree(cache_dir(sandbox_site), ignore_errors=True)
