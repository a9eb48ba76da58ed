"""The app's default grader: the sandbox, through one warm worker.

Its own module, cheap to import: the app builds one at start, long before a drill (and
the sittings, the engine, numpy) is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engine.sandbox import WorkerPool
    from engine.verdict import Verdict
    from quiz.drill_grading import Drill


class SandboxGrader:
    """Grades in the sandbox through one warm worker, started on first use.

    The engine and numpy are imported only then, to keep the app's start fast.
    """

    def __init__(self) -> None:
        self._pool: WorkerPool | None = None

    def pool(self) -> WorkerPool | None:
        """The warm grading worker, started on first use."""
        if self._pool is None:
            from engine.sandbox import default_pool

            self._pool = default_pool()
        return self._pool

    def __call__(self, drill: Drill, source: str) -> Verdict:
        from quiz.drill_grading import grade_source

        return grade_source(drill, source, pool=self.pool())
