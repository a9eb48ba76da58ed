"""Paths relative to a folder's descriptor (`dir_fd`, forty-fourth round).

The `open` audit event carries no `dir_fd`, so the hooks judged `os.open(name, dir_fd=fd)` as
the work dir's `name`. A drill holds a folder's descriptor two ways: under Landlock the
bytecode cache's tree is inherited (named by `sys.pycache_prefix`), and in any mode a thread
renaming a file and a folder of the work dir in turn gets an `open` of the folder past the
hooks' "opening a directory" (they saw the file). From that folder, four levels up is the temp
dir: with the hooks alone a drill read another program's FIFO there while the hooks judged
`/<its name>`, and under Landlock it opened numpy's folder in the cache. Now `os.open`,
`os.mkdir`, `os.rename`, `os.replace`, `os.unlink`, `os.remove` and `os.rmdir` refuse any
folder's descriptor in words, and `os.supports_fd` (which held the original `os.statvfs`,
refused since the forty-third round) holds the stand-ins.

Each submission takes the cache's tree if it has one, else races for a folder of the work dir
for up to a second, then passes it (or stdin, when the race was lost: the refusal comes first
either way) to each call. Before, every mode failed: a call went through, or the kernel's
ENOTDIR answered instead of the words.
"""

from __future__ import annotations

import ast
import os
import re
import tempfile
import textwrap
from collections.abc import Iterator

import pytest

from engine.sandbox import SandboxConfig, WorkerPool
from tests.sandbox.conftest import skip_unless_bwrap_for
from tests.sandbox.helpers import LIVE_POOLS
from tests.sandbox.test_attacks_from_inside import _found

SEEK = """
    import os, stat, sys, threading, time
    import numpy

    FIFO = {fifo!r}
    FOUND = {{}}

    def tree():
        prefix = sys.pycache_prefix or ""
        return int(prefix.rsplit("/", 1)[1]) if prefix.startswith("/proc/self/fd/") else None

    def raced():
        os.mkdir("D")
        open("F", "w").close()
        stop = []

        def flip():
            while not stop:
                try:
                    os.rename("D", "x"); os.rename("F", "D"); os.rename("D", "F"); os.rename("x", "D")
                except OSError:
                    pass

        thread = threading.Thread(target=flip)
        thread.start()
        found, end = None, time.monotonic() + 1.0
        while found is None and time.monotonic() < end:
            try:
                fd = os.open("D", os.O_RDONLY)
            except OSError:
                continue
            if stat.S_ISDIR(os.fstat(fd).st_mode):
                found = fd
            else:
                os.close(fd)
        stop.append(1)
        thread.join()
        return found

    seed = tree()
    FOUND["seed"] = "tree" if seed is not None else "race"
    if seed is None:
        seed = raced()
        if seed is None:
            seed, FOUND["seed"] = 0, "lost"

    def outcome(call):
        try:
            got = call()
        except PermissionError as exc:
            return "refused" if "drillbit sandbox" in str(exc) else "EACCES"
        except OSError as exc:
            return type(exc).__name__
        return "done: " + repr(got)[:60]

    site = os.path.dirname(os.path.dirname(numpy.__file__)).lstrip("/")
    numpy_folder = os.path.join(site, "numpy")
    folder_flags = os.O_RDONLY | os.O_DIRECTORY
    FOUND["folder"] = outcome(lambda: os.open(numpy_folder, folder_flags, dir_fd=seed))
    fifo = "../../../../" + FIFO
    FOUND["fifo"] = outcome(lambda: os.read(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK, dir_fd=seed), 99))
    FOUND["mkdir"] = outcome(lambda: os.mkdir("made", dir_fd=seed))
    FOUND["rename"] = outcome(lambda: os.rename("a", "b", src_dir_fd=seed))
    FOUND["replace"] = outcome(lambda: os.replace("a", "b", dst_dir_fd=seed))
    FOUND["unlink"] = outcome(lambda: os.unlink("a", dir_fd=seed))
    FOUND["remove"] = outcome(lambda: os.remove("a", dir_fd=seed))
    FOUND["rmdir"] = outcome(lambda: os.rmdir("a", dir_fd=seed))
    FOUND["fwalk"] = outcome(lambda: next(os.fwalk(".", dir_fd=seed)))
    statvfs = [f for f in os.supports_fd if f.__name__ == "statvfs"]
    FOUND["statvfs"] = outcome(lambda: statvfs[0](".").f_bfree) if statvfs else "refused"
    FOUND["open"] = outcome(lambda: os.close(os.open("own.txt", os.O_WRONLY | os.O_CREAT, dir_fd=None)))
"""

CALLS = ("folder", "fifo", "mkdir", "rename", "replace", "unlink", "remove", "rmdir", "fwalk")


@pytest.fixture(scope="module", params=["bwrap", "landlock", "none", "hooks-alone"])
def hooks_pool(request: pytest.FixtureRequest) -> Iterator[tuple[str, WorkerPool]]:
    """Each mode with the hooks: the app's two, "none" (the hooks and seccomp, no kernel layer
    on files) and the hooks alone, where the hooks are the only layer on files."""
    mode = request.param
    skip_unless_bwrap_for(mode)
    config = SandboxConfig(
        bwrap=mode == "bwrap", landlock=mode == "landlock", seccomp=mode != "hooks-alone"
    )
    with WorkerPool(config, size=1) as pool:
        LIVE_POOLS.append(pool)
        yield mode, pool


@pytest.fixture
def waiting_fifo() -> Iterator[str]:
    """Another program's FIFO in the temp dir (four levels above a work dir's folder), its
    bytes waiting: the name, in the temp dir."""
    folder = tempfile.gettempdir()
    name = f"drillbit-test-fifo-{os.getpid()}-{os.urandom(4).hex()}"
    path = os.path.join(folder, name)
    os.mkfifo(path, 0o644)
    held = os.open(path, os.O_RDWR | os.O_NONBLOCK)
    os.write(held, b"meant for another program")
    try:
        yield name
    finally:
        os.close(held)
        os.unlink(path)


def test_a_folders_descriptor_is_refused_in_words(
    hooks_pool: tuple[str, WorkerPool], waiting_fifo: str
) -> None:
    """Every call given a folder's descriptor is refused in the hooks' words, in every mode
    with the hooks; the same call without one still works, and nothing is read."""
    mode, pool = hooks_pool
    message = _found(pool, textwrap.dedent(SEEK.format(fifo=waiting_fifo)))
    listed = re.search(r"found (\{.*\})", message)
    assert listed is not None, message
    found: dict[str, str] = ast.literal_eval(listed.group(1))
    assert "another program" not in message, message
    assert {call: found[call] for call in CALLS} == dict.fromkeys(CALLS, "refused"), found
    assert found["statvfs"] in {"refused", "EACCES"}, found  # EACCES: seccomp's EPERM
    assert found["open"] == "done: None", found
    if mode == "landlock":
        # a child started while the shared cache was rebuilt has no tree, and races instead
        assert found["seed"] in {"tree", "race", "lost"}, found
