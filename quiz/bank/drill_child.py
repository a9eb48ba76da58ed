"""The process lint runs a pack's checker in (`python -m quiz.bank.drill_child`).

A pack's checker is its author's code: one that loops, sleeps, exits or eats memory hung or
ended lint. Here it runs in a process of its own that the parent stops at its time limit
(`lint_drills.run_in_child`); the request comes on stdin as JSON and the facts
(`drill_facts.gather`) go back on stdout as JSON. What the checker prints goes to stderr,
so it never mixes with the answer; its address space is limited, so a checker that
allocates without end fails with MemoryError here, not in the machine.
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
    """Read one request, answer with its facts."""
    request = json.loads(sys.stdin.buffer.read())
    answer = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # the checker's prints: stderr
    _limit_memory()
    from quiz.bank.drill_facts import gather

    facts = gather(request)
    answer.write(json.dumps(facts))
    answer.flush()


if __name__ == "__main__":
    main()
