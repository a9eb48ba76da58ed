"""The machine's load, free memory and process count, which the `sysinfo` call returns
(forty-third round).

`os.getloadavg()` and `os.sysconf("SC_AVPHYS_PAGES")` read them through glibc's `sysinfo` in
every mode, bubblewrap and Landlock included (no namespace changes what it returns): a coarse
side channel on what the machine does meanwhile, as `/proc/loadavg` was. With the hooks alone
(no kernel layer on files) `/sys/devices/system/node/node0/meminfo` gave the free memory too.
Now seccomp refuses `sysinfo` and the audit hooks refuse the calls in words, and reading
`/sys`, in every mode that has them.
"""

from __future__ import annotations

import os

from engine.sandbox import WorkerPool
from tests.sandbox.helpers import syscall_number
from tests.sandbox.test_attacks_from_inside import _found

READS = """
    import os, posix
    FOUND = {}
    for label, read in (
        ("loadavg", os.getloadavg),
        ("posix-loadavg", posix.getloadavg),
        ("free-pages", lambda: os.sysconf("SC_AVPHYS_PAGES")),
        ("free-pages-by-number", lambda: posix.sysconf(os.sysconf_names["SC_AVPHYS_PAGES"])),
        ("pages", lambda: os.sysconf("SC_PHYS_PAGES")),
        ("node-meminfo", lambda: open("/sys/devices/system/node/node0/meminfo").read()),
        ("sys-listed", lambda: os.listdir("/sys/devices/system/node")),
        ("page-size", lambda: os.sysconf("SC_PAGE_SIZE")),
    ):
        try:
            FOUND[label] = repr(read())[:40]
        except Exception as exc:
            FOUND[label] = "refused" if "drillbit sandbox" in str(exc) else type(exc).__name__
"""


def test_the_hooks_refuse_the_machines_load_and_free_memory(
    no_seccomp_pool: tuple[str, WorkerPool],
) -> None:
    """With the audit hooks and no seccomp (bubblewrap, Landlock, nothing): refused in words;
    a drill's own sysconf (the page size) still answers."""
    _, pool = no_seccomp_pool
    message = _found(pool, READS)
    for label in (
        "loadavg",
        "posix-loadavg",
        "free-pages",
        "free-pages-by-number",
        "pages",
        "node-meminfo",
        "sys-listed",
    ):
        assert f"'{label}': 'refused'" in message, message
    assert f"'page-size': '{os.sysconf('SC_PAGE_SIZE')}'" in message, message


SYSINFO_ALONE = """
    import os
    FOUND = {}
    try:
        FOUND["loadavg"] = os.getloadavg()
    except OSError as exc:
        FOUND["loadavg"] = str(exc)
"""


def test_seccomp_refuses_sysinfo(mode_pool: tuple[str, WorkerPool]) -> None:
    """Without the hooks, in every mode with seccomp: glibc's `getloadavg` is `sysinfo` (no
    `/proc` under bubblewrap, and Landlock refuses it), which the filter refuses, so the load
    is "unobtainable" (glibc 2.36 reads no `/proc/loadavg` for it: under bubblewrap, with no
    `/proc`, it answered before)."""
    _, pool = mode_pool
    message = _found(pool, SYSINFO_ALONE)
    assert "'loadavg': 'Load averages are unobtainable'" in message, message


DISK_READS = """
    import os, shutil
    FOUND = {}
    for label, read in (
        ("statvfs", lambda: os.statvfs("/usr").f_bfree),
        ("fstatvfs", lambda: os.fstatvfs(0).f_bfree),
        ("disk-usage", lambda: shutil.disk_usage(".").free),
    ):
        try:
            FOUND[label] = repr(read())[:40]
        except OSError as exc:
            FOUND[label] = "refused" if "drillbit sandbox" in str(exc) else f"errno {exc.errno}"
"""


def test_the_hooks_refuse_the_disks_free_space(no_seccomp_pool: tuple[str, WorkerPool]) -> None:
    """`os.statvfs` gave the free blocks of the disk under `/usr` (bubblewrap binds the host's)
    or the work dir, in every mode: a side channel on what the machine writes meanwhile, like
    the load. With the hooks: refused in words."""
    _, pool = no_seccomp_pool
    message = _found(pool, DISK_READS)
    for label in ("statvfs", "fstatvfs", "disk-usage"):
        assert f"'{label}': 'refused'" in message, message


def test_seccomp_refuses_statfs(mode_pool: tuple[str, WorkerPool]) -> None:
    """Without the hooks, in every mode with seccomp: `statfs` and `fstatfs` are EPERM."""
    _, pool = mode_pool
    message = _found(pool, DISK_READS)
    for label in ("statvfs", "fstatvfs", "disk-usage"):
        assert f"'{label}': 'errno 1'" in message, message


def test_seccomp_refuses_the_raw_calls(mode_pool: tuple[str, WorkerPool]) -> None:
    """Code past the hooks (ctypes stands in for it: the hooks are off) calls the kernel
    directly: `sysinfo` and `statfs`, and the obsolete `ustat`, which gives a file system's
    free blocks by its device number, are EPERM in every mode with seccomp."""
    _, pool = mode_pool
    calls = {name: syscall_number(name) for name in ("sysinfo", "statfs", "ustat")}
    message = _found(
        pool,
        f"""
        import ctypes, os
        libc = ctypes.CDLL(None, use_errno=True)
        buf = ctypes.create_string_buffer(4096)
        FOUND = {{}}
        for name, args in (
            ("sysinfo", ({calls["sysinfo"]}, buf)),
            ("statfs", ({calls["statfs"]}, b"/", buf)),
            ("ustat", ({calls["ustat"]}, ctypes.c_ulong(os.stat("/").st_dev), buf)),
        ):
            result = libc.syscall(*args)
            FOUND[name] = f"errno {{ctypes.get_errno()}}" if result != 0 else "answered"
        """,
    )
    for name in ("sysinfo", "statfs", "ustat"):
        assert f"'{name}': 'errno 1'" in message, message


PAGE_CACHE = """
    import os
    import numpy as np
    FOUND = {}
    fd = os.open(np.__file__, os.O_RDONLY)
    for label, call in (
        ("evict", lambda: os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)),
        ("probe", lambda: os.preadv(fd, [bytearray(64)], 0, os.RWF_NOWAIT)),
        ("read", lambda: os.preadv(fd, [bytearray(64)], 0)),
    ):
        try:
            call()
            FOUND[label] = "done"
        except OSError as exc:
            FOUND[label] = "refused" if "drillbit sandbox" in str(exc) else f"errno {exc.errno}"
"""


def test_the_hooks_refuse_the_page_cache_probe(no_seccomp_pool: tuple[str, WorkerPool]) -> None:
    """`posix_fadvise(DONTNEED)` dropped any readable file's pages from the machine's page
    cache, and `preadv(RWF_NOWAIT)` then said, without reading the disk, whether another
    process had read them since: a repeatable probe of what the machine's programs use
    (numpy's, the stdlib's, the system's libraries), in every mode. With the hooks: refused in
    words; a plain read still works."""
    _, pool = no_seccomp_pool
    message = _found(pool, PAGE_CACHE)
    assert "'evict': 'refused'" in message and "'probe': 'refused'" in message, message
    assert "'read': 'done'" in message, message


def test_seccomp_refuses_the_page_cache_probe(mode_pool: tuple[str, WorkerPool]) -> None:
    """Without the hooks, in every mode with seccomp: `fadvise64` and `preadv2` with
    RWF_NOWAIT are EPERM; a plain read still works."""
    _, pool = mode_pool
    message = _found(pool, PAGE_CACHE)
    assert "'evict': 'errno 1'" in message and "'probe': 'errno 1'" in message, message
    assert "'read': 'done'" in message, message
