"""The graded process's CPU time and address space, read by the parent from /proc while it runs.

Under bubblewrap the app's own child is bwrap, whose monitor exits without reaping the process
that ran the code: `wait4` gave 0.002 s of CPU whatever it used, and a SIGXCPU the code raised
itself (a POSIX timer, a status of 152 that bubblewrap reports as SIGXCPU) read as the CPU limit.
The kernel keeps each process's CPU time and address space in /proc/<pid>/stat, readable by the
app whatever the process does; what the last reading before its end showed is a lower bound
the verdict can rest on. Without bubblewrap the graded process is the app's own child, and
`wait4` gives its exact CPU time; the readings add its address space, which no exit status shows.
"""

from __future__ import annotations

import contextlib
import os

_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
SAMPLE_PERIOD_S = 0.05
"""How often the parent reads the process's figures while it runs."""
_BWRAP_DEPTH = 2
"""bwrap's monitor (the app's child), its init in the new PID namespace, then the interpreter."""


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", "rb") as file:
            return [int(part) for part in file.read().split()]
    except (OSError, ValueError):
        return []


def graded_pid(spawned: int, under_bwrap: bool) -> int | None:
    """The pid of the interpreter that runs the code: the spawned process itself, or the one
    bwrap's init started (None when /proc does not show it)."""
    pid = spawned
    for _ in range(_BWRAP_DEPTH if under_bwrap else 0):
        found = _children(pid)
        if len(found) != 1:
            return None
        pid = found[0]
    return pid


def stopped_state(data: bytes) -> bool:
    """Whether a /proc/<pid>/stat line shows the process stopped by a signal (state T: SIGSTOP,
    SIGTSTP and their kin), field 3, counted from the command name's last ')'."""
    end = data.rfind(b")")
    fields = data[end + 2 :].split() if end >= 0 else []
    return bool(fields) and fields[0] == b"T"


def parse_stat(data: bytes) -> tuple[float, int] | None:
    """(CPU seconds, address space in bytes) from a /proc/<pid>/stat line, or None.

    The command name (field 2) may hold spaces and parentheses: the fields after it are
    counted from its last ')'. utime and stime are fields 14 and 15, vsize field 23."""
    end = data.rfind(b")")
    fields = data[end + 2 :].split() if end >= 0 else []
    if len(fields) < 21:
        return None
    try:
        cpu = (int(fields[11]) + int(fields[12])) / _TICKS
        return cpu, int(fields[20])
    except ValueError:
        return None


class Watch:
    """Readings of one graded process: its CPU time and the largest address space seen.

    It holds /proc/<pid>/stat open from when the process reported ready, so a reading after
    the process is gone fails rather than reading another process that took its pid."""

    def __init__(self, pid: int | None) -> None:
        self.cpu_s: float | None = None
        """The CPU time at the last reading (None: never read)."""
        self.peak_address_space = 0
        """The largest address space any reading showed, in bytes."""
        self.stopped = False
        """The last reading showed the process stopped by a signal (a SIGSTOP it sent itself
        waits for the wall clock, and the verdict says so rather than only "did not finish")."""
        self._fd: int | None = None
        if pid is not None:
            with contextlib.suppress(OSError):
                self._fd = os.open(f"/proc/{pid}/stat", os.O_RDONLY | os.O_CLOEXEC)

    @property
    def active(self) -> bool:
        return self._fd is not None

    def read(self) -> None:
        """Take one reading; nothing changes once the process is gone."""
        if self._fd is None:
            return
        try:
            data = os.pread(self._fd, 4096, 0)
        except OSError:
            return
        figures = parse_stat(data)
        if figures is None:
            return
        self.stopped = stopped_state(data)
        cpu, space = figures
        self.cpu_s = max(cpu, self.cpu_s or 0.0)
        self.peak_address_space = max(space, self.peak_address_space)

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)
