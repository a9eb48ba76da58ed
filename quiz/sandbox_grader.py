"""What grades the app's drills (`Grader`), and its default: the sandbox, one warm worker.

Its own module, cheap to import: the app builds one at start, long before a drill (and
the sittings, the engine, numpy) is needed.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from engine.sandbox import WorkerPool
    from engine.verdict import Verdict
    from quiz.drill_grading import Drill


class Grader(Protocol):
    """Grades a submission for a drill (the sandbox by default; tests inject another), and
    is closed at the app's exit: whatever it runs ends then, not when Python exits."""

    def __call__(self, drill: Drill, source: str) -> Verdict:
        """The verdict on `source` (slow: called from a worker thread)."""
        ...

    def stop(self) -> None:
        """End the grade under way now, if any (its drill was left): it is not recorded."""
        ...

    def close(self) -> None:
        """End what the grader runs (a grade under way is not recorded)."""
        ...


class GradingAbandonedError(RuntimeError):
    """The app closed, or the drill was left, while this grade ran: its child was killed, and
    no verdict is kept."""


class SandboxGrader:
    """Grades in the sandbox through one warm worker, started on first use.

    The engine and numpy are imported only then, to keep the app's start fast.
    """

    def __init__(self) -> None:
        self._pool: WorkerPool | None = None
        self._closed = threading.Event()
        self._stops = 0
        """How many times `stop` was called: a grade that sees it change was cut short."""

    def pool(self) -> WorkerPool | None:
        """The warm grading worker, started on first use (none once closed)."""
        if self._pool is None and not self._closed.is_set():
            from engine.sandbox import default_pool

            self._pool = default_pool()
        return self._pool

    def __call__(self, drill: Drill, source: str) -> Verdict:
        from quiz.drill_grading import grade_source

        if self._closed.is_set():
            raise GradingAbandonedError("the app is closing: nothing was graded")
        stops = self._stops
        verdict = grade_source(drill, source, pool=self.pool())
        if self._closed.is_set():  # its child was killed mid-run: that is no verdict on the code
            raise GradingAbandonedError("the app closed during the grade: it was not recorded")
        if self._stops != stops:
            raise GradingAbandonedError("the drill was left during the grade: it was stopped")
        return verdict

    def stop(self) -> None:
        """Kill the child of the grade under way: the person left its drill, and it ran on to
        its time limit (a core and the warm worker's slot taken for nothing). The grading thread
        reaps it and the pool starts the next warm worker, as after any run."""
        self._stops += 1
        if self._pool is not None:
            self._pool.stop_running()

    def close(self) -> None:
        """Close the sandbox's pool now, not at interpreter exit: its spawner thread ends, and
        every worker it started dies with it (the sandbox's parent-death signal), the one
        running a grade included.

        The app's exit joins the thread grading, and the pool was closed only after that
        (atexit), so the quit waited for the child to end: up to the drill's time limit for an
        endless loop. Killed, the child ends at once, the grading thread reaps it and removes
        its work dir as after any run, and the cut-short grade is not recorded.
        """
        self._closed.set()
        if self._pool is not None:
            self._pool.close()
