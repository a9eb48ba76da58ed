"""Watching a folder with dnotify (`fcntl(fd, F_NOTIFY, ...)`, forty-fourth round).

F_NOTIFY asks the kernel for SIGIO whenever a file in a folder is read (DN_ACCESS) or changed,
by any process; with SIGIO blocked, `signal.sigtimedwait` takes it, so no handler is needed.
Under Landlock, as the app grades (seccomp and the hooks on), a drill opened numpy's folder
in the bytecode cache relative to the cache's inherited descriptor (the hooks judge such a path
as the work dir's) and counted 36 reads there while another drillbit's child started; without
the hooks it watched numpy's own folder too, where any program's `import numpy` showed. inotify
was refused already; seccomp did not list F_NOTIFY and the hooks judged fcntl's owner requests
only. Now both refuse it.

Each submission reads a file of the folder it watches itself, so a watch that is set sees an
event: the test fails on "event" (the watch worked) and on "quiet" (set, and nothing refused).
"""

from __future__ import annotations

import ast
import re
import textwrap

from engine.sandbox import WorkerPool
from tests.sandbox.test_attacks_from_inside import _found

WATCH = """
    import os, signal, sys, fcntl
    import numpy

    F_NOTIFY, DN_ACCESS, DN_MULTISHOT = 1026, 0x1, 0x80000000
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGIO})

    def cache_tree():
        # Landlock's children get the cache's tree as a descriptor, named by pycache_prefix
        prefix = sys.pycache_prefix or ""
        if not prefix.startswith("/proc/self/fd/"):
            raise LookupError("no inherited cache descriptor")
        tree = int(prefix.rsplit("/", 1)[1])
        site = os.path.dirname(os.path.dirname(numpy.__file__)).lstrip("/")
        return os.open(os.path.join(site, "numpy"), os.O_RDONLY | os.O_DIRECTORY, dir_fd=tree)

    def numpy_folder():
        return os.open(os.path.dirname(numpy.__file__), os.O_RDONLY | os.O_DIRECTORY)

    FOUND = {}
    try:  # stdin: the hooks and seccomp judge the request, before the kernel's ENOTDIR
        fcntl.fcntl(0, F_NOTIFY, DN_ACCESS | DN_MULTISHOT)
        FOUND["stdin"] = "set"
    except PermissionError as exc:
        FOUND["stdin"] = "refused" if "drillbit sandbox" in str(exc) else "EPERM"
    except OSError as exc:
        FOUND["stdin"] = type(exc).__name__
    for label, opener in (("cache-tree", cache_tree), ("numpy-folder", numpy_folder)):
        try:
            folder = opener()
        except LookupError:
            FOUND[label] = "no cache"
            continue
        except PermissionError as exc:  # the hooks: a folder, or a folder's descriptor
            FOUND[label] = "open refused" if "drillbit sandbox" in str(exc) else "not opened"
            continue
        except Exception:
            FOUND[label] = "not opened"
            continue
        try:
            fcntl.fcntl(folder, F_NOTIFY, DN_ACCESS | DN_MULTISHOT)
        except PermissionError as exc:
            FOUND[label] = "refused" if "drillbit sandbox" in str(exc) else "EPERM"
            continue
        name = sorted(n for n in os.listdir(folder) if "." in n)[0]
        some = os.open(name, os.O_RDONLY, dir_fd=folder)
        os.read(some, 1)
        seen = signal.sigtimedwait({signal.SIGIO}, 2.0)
        FOUND[label] = "event" if seen is not None else "quiet"
"""


def _watches(pool: WorkerPool) -> dict[str, str]:
    message = _found(pool, textwrap.dedent(WATCH))
    listed = re.search(r"found (\{[^}]*\})", message)
    assert listed is not None, message
    found: dict[str, str] = ast.literal_eval(listed.group(1))
    assert set(found) == {"stdin", "cache-tree", "numpy-folder"}, message
    allowed = {"no cache", "not opened", "open refused", "refused", "EPERM", "NotADirectoryError"}
    assert all(v in allowed for v in found.values()), message
    return found


def test_the_app_refuses_a_folder_watch(pool: WorkerPool) -> None:
    """As the app grades the watch is refused in words. Under Landlock the cache's tree opened
    relative to its descriptor, where the watch was refused; that open is refused itself now
    (a folder's descriptor, `test_folder_descriptors.py`). Under bubblewrap no folder outside
    the work dir opens."""
    found = _watches(pool)
    assert found["stdin"] == "refused", found
    assert found["numpy-folder"] == "open refused", found
    if not pool.config.use_bwrap_requested():
        # a child started while another test's grading had the shared cache rebuilt has none
        assert found["cache-tree"] in {"open refused", "no cache"}, found


def test_seccomp_refuses_a_folder_watch(mode_pool: tuple[str, WorkerPool]) -> None:
    """Without the hooks (bubblewrap, Landlock, seccomp alone) numpy's folder opens, and the
    filter refuses the watch; before, each of the three watched it."""
    _, pool = mode_pool
    found = _watches(pool)
    assert found["numpy-folder"] == "EPERM", found
    assert found["stdin"] == "EPERM", found


def test_the_hooks_refuse_a_folder_watch_without_seccomp(
    no_seccomp_pool: tuple[str, WorkerPool],
) -> None:
    """With the hooks and no seccomp the hooks' words refuse the watch (asked of stdin, which
    no layer but these two judges before the kernel's ENOTDIR); under Landlock the cache's
    tree no longer opens relative to its descriptor."""
    mode, pool = no_seccomp_pool
    found = _watches(pool)
    assert found["stdin"] == "refused", found
    if mode == "landlock":
        assert found["cache-tree"] in {"open refused", "no cache"}, found
