"""A grading's outcome words: the statuses of a verdict and of its cases, without pydantic.

They are what `--json` prints and what a screen colours by; `engine.verdict` builds its
models on them. Apart so that showing a drill's screen (which names them) does not import
pydantic and build the verdict's schemas on the UI thread: that waits for the first grading.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Overall outcome of a grading; the values are what `--json` prints and tools read."""

    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    TIMEOUT = "timeout"
    CRASHED = "crashed"
    INVALID = "invalid"
    INTERNAL = "internal"


class CaseStatus(StrEnum):
    """Outcome of one case."""

    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    INVALID = "invalid"
    TIMEOUT = "timeout"
    NOT_RUN = "not_run"


LOADING = "loading your code"
"""The name of the result that stands for loading the submission when that failed: it
comes first, before the cases (then all not run), and is not one of the cases."""

GRADER_FAILED = "the grader failed, not your code"
"""What a verdict the grader itself failed says (`Status.INTERNAL`)."""

GRADER_FAILED_PREFIX = f"internal: {GRADER_FAILED}: "
"""How such a verdict's message starts, before the reason: its summary and its one result
say it whole for `--json`; a text whose headline says GRADER_FAILED shows only the reason."""

NOT_WRITTEN = "is not written yet"
"""The words of a case whose function still raises the starter's NotImplementedError
(`engine.checks.not_written_message`): a front end that finds them in a first problem's
first line sends the person to the drill's Task, not to a fix."""
