"""The grading app makes itself undumpable before a child without a file-system layer runs.

With seccomp alone (no bubblewrap, no Landlock) the child is a process of the app's own user
that can open any file, /proc/<pid>/mem included: a non-root app stays dumpable, so the child
could read and rewrite the app's memory (its verdicts, its data) through /proc/<ppid>/mem,
which is a file, not a system call seccomp could refuse (ptrace and process_vm_readv it does).
An undumpable process's memory, environment and descriptors take CAP_SYS_PTRACE to reach,
which no child holds. The flag stays for the rest of the app's life (a warm worker is always
waiting): a debugger of the user's then needs root to attach, and the app writes no core file.
"""

from __future__ import annotations

import ctypes
import sys
import threading

PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4
_lock = threading.Lock()
_state: list[bool] = []


def make_undumpable() -> bool:
    """Make this process undumpable (once); True when the kernel reads it back so."""
    if not sys.platform.startswith("linux"):
        return False
    with _lock:
        if not _state:
            libc = ctypes.CDLL(None, use_errno=True)
            done = libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0
            _state.append(done and libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0)
        return _state[0]
