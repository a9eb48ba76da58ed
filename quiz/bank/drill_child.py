"""The process lint runs drills in (`python -m quiz.bank.drill_child`).

A drill's starter is its author's code, and so is a pack's checker: one that loops, sleeps,
exits or eats memory hung or ended lint. Here they run in a process of its own that the
parent stops at its time limit (`lint_drills.DrillRunner`): each request comes on stdin as
one line of JSON and its facts (`drill_facts.gather`) go back on stdout as one line, so one
process serves a whole run's drills and a new one takes over after one is stopped. What
the code prints goes to stderr and what it reads from stdin is empty, so neither mixes
with the requests and answers; the address space is limited, so code that allocates
without end fails with MemoryError here, not in the machine.
"""

from __future__ import annotations

import json
import os
import sys

MEMORY_LIMIT_BYTES = 4 * 1024**3
"""The child's address space: room for numpy and a drill's arrays, not for a runaway."""


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:  # no such limit on this system: the time limit still holds
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = MEMORY_LIMIT_BYTES if hard == resource.RLIM_INFINITY else min(hard, MEMORY_LIMIT_BYTES)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        return


def main() -> None:
    """Answer each request line with its facts, until stdin ends."""
    requests = os.fdopen(os.dup(sys.stdin.fileno()), "rb")
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # the code's prints: stderr
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, sys.stdin.fileno())  # the code's reads: nothing
    _limit_memory()
    from quiz.bank.drill_facts import gather

    for line in requests:
        if line.strip():
            answers.write(json.dumps(gather(json.loads(line))) + "\n")
            answers.flush()


if __name__ == "__main__":
    main()
