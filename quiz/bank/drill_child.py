"""The process lint runs drills in (`python -m quiz.bank.drill_child`).

A drill's starter is its author's code, and so is a pack's checker: one that loops, sleeps,
exits or eats memory hung or ended lint. Here they run in a process of its own that the
parent stops at its time limit (`lint_drills.DrillRunner`): each request comes on stdin as
one line of JSON and its facts (`drill_facts.gather`) go back on stdout as one line, so one
process serves a whole run's drills and a new one takes over after one is stopped. What
the code prints goes to stderr and what it reads from stdin is empty, so neither mixes
with the requests and answers; the address space is limited, so code that allocates
without end fails with MemoryError here, not in the machine.

When the code ends the process, lint names the drill's step and line: each step is sent
before it starts (`{"step": ...}`), an `os._exit` sends its caller's line first
(`{"exit": ...}`), and a segfault or a C stack overflow leaves faulthandler's traceback on
stderr, where lint finds the starter's frame. Code that hangs is stopped here too, at the
time limit lint gives (`--timeout`): faulthandler's watchdog thread writes where every
thread is and ends the process, so lint names the line the starter was stuck on, not its
first; lint kills the process itself if it is still there a moment later.
"""

from __future__ import annotations

import faulthandler
import json
import os
import sys
from types import FrameType
from typing import Any, NoReturn, TextIO

from engine.harnesses._runtime import SUBMISSION_FILENAME as _SUBMISSION

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


def _send(answers: TextIO, message: dict[str, Any]) -> None:
    answers.write(json.dumps(message) + "\n")
    answers.flush()


def _where_exit(answers: TextIO) -> None:
    """`os._exit` sends where it was called from (the innermost frame of the starter,
    `submission.py`, else its caller) before the process ends: nothing else is left."""
    real_exit = os._exit

    def told_exit(status: int) -> NoReturn:
        caller = sys._getframe(1)
        frame: FrameType | None = caller
        while frame is not None and frame.f_code.co_filename != _SUBMISSION:
            frame = frame.f_back
        place = frame or caller
        try:
            where = {"code": status, "file": place.f_code.co_filename, "line": place.f_lineno}
            _send(answers, {"exit": where})
        finally:
            real_exit(status)

    os._exit = told_exit


def _time_limit(argv: list[str]) -> float | None:
    """The seconds after `--timeout` in `argv`; None without it, or with a number the
    watchdog cannot wait (lint's own kill at its limit then still stops the process)."""
    if "--timeout" not in argv[:-1]:
        return None
    try:
        limit = float(argv[argv.index("--timeout") + 1])
    except ValueError:
        return None
    return limit if 0 < limit < 10**6 else None  # nan, inf: no watchdog, lint's kill


def main() -> None:
    """Answer each request line with its facts, until stdin ends; a request that is not
    answered within `--timeout` seconds ends the process with the threads' tracebacks."""
    limit = _time_limit(sys.argv[1:])
    requests = os.fdopen(os.dup(sys.stdin.fileno()), "rb")
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # the code's prints: stderr
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, sys.stdin.fileno())  # the code's reads: nothing
    _limit_memory()
    faulthandler.enable(file=sys.stderr)  # a segfault's traceback, for its line
    _where_exit(answers)
    from quiz.bank.drill_facts import gather

    for line in requests:
        if line.strip():
            if limit is not None:  # C code, not Python: it fires while the starter spins
                faulthandler.dump_traceback_later(limit, exit=True, file=sys.stderr)
            answer = gather(json.loads(line), lambda step: _send(answers, {"step": step}))
            faulthandler.cancel_dump_traceback_later()
            _send(answers, answer)


if __name__ == "__main__":
    main()
