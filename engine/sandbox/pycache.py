"""A bytecode cache for the child, so a fresh worker does not recompile numpy from source.

The child runs with -B (it never writes bytecode) and, when the venv has no
__pycache__ (uv does not compile by default; PYTHONDONTWRITEBYTECODE is
common), every worker would recompile numpy's ~240 modules: about 40% of its
start-up. So the parent compiles them once into a private directory laid out
for `-X pycache_prefix=`: numpy at its real path (plain child) and at the
path bwrap mounts it on, plus the stdlib modules the parent has loaded. It
lives in the temp dir, owned by this user with mode 0700, and is checked
before use; a worker started before it is ready simply runs without it.
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
from pathlib import Path

import numpy as np

from engine.sandbox.config import host_paths

MARKER = ".complete"


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


def build(sandbox_site: str) -> Path | None:
    """Compile the cache if it is missing; its directory, or None when it cannot be made safely."""
    root = cache_root()
    with contextlib.suppress(FileExistsError):
        root.mkdir(mode=0o700)
    if not _owned_private_dir(root):
        return None
    final = cache_dir(sandbox_site)
    if (final / MARKER).exists():
        return final
    work = Path(tempfile.mkdtemp(prefix="build-", dir=root))
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
                invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP,
            )
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
_building: set[str] = set()


def ready_cache(sandbox_site: str) -> Path | None:
    """The cache if it is built; otherwise start building it in the background and return None."""
    with _lock:
        if sandbox_site in _state:
            return _state[sandbox_site]
        final = cache_dir(sandbox_site)
        if (final / MARKER).exists() and _owned_private_dir(cache_root()):
            _state[sandbox_site] = final
            return final
        if sandbox_site not in _building:
            _building.add(sandbox_site)
            threading.Thread(
                target=_build_in_background,
                args=(sandbox_site,),
                daemon=True,
                name="drillbit-pycache",
            ).start()
        return None


def _build_in_background(sandbox_site: str) -> None:
    result = build(sandbox_site)
    with _lock:
        _state[sandbox_site] = result
        _building.discard(sandbox_site)
