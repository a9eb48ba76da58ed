"""How many cores this process may use, and whether one is free for a helper right now.

Two places start a helper process beside the work only when it has a core of its own (the
card index's stat walk, a large cold load or notes import): on a machine whose cores are
all busy a helper only competes with the process the user waits for, and its hand-over is
extra work. Both ask here, so they answer alike.
"""

from __future__ import annotations

import os

LOADAVG = "/proc/loadavg"
"""Linux's load averages, then "running/total" tasks (the fourth field)."""


def usable_cpus() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def running_tasks() -> int | None:
    """Tasks running or ready to run right now, this process included (None where Linux's
    `/proc/loadavg` cannot tell)."""
    try:
        with open(LOADAVG, encoding="ascii") as handle:
            return int(handle.read().split()[3].partition("/")[0])
    except (OSError, ValueError, IndexError):
        return None


def idle_cpus() -> int:
    """Usable CPUs less the tasks running now (this process takes one): the cores left free.

    The running count, not the 1-minute load average: the average lags by a minute and
    counts the programs just run before this one (a benchmark's earlier runs, a build that
    just ended), so on an idle machine it said no core was free, and on one just made busy
    that one was. 0 where the count cannot be read."""
    running = running_tasks()
    return 0 if running is None else usable_cpus() - running
