"""The verdict of one grading (what the user sees and what `--json` prints), and its
assembly from case results, shared by the sandboxed and the in-process grader. The status
words are `engine.outcome`'s, named here too."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from engine.outcome import LOADING, CaseStatus, Status

__all__ = [
    "LOADING",
    "CaseResult",
    "CaseStatus",
    "Status",
    "Verdict",
    "build_verdict",
    "first_problem",
    "overall_status",
    "summarize",
]


class CaseResult(BaseModel):
    """One randomized case and how the submission did on it."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(description="Short case name, e.g. 'case 3: size-1 batch'.")
    status: CaseStatus = Field(description="Outcome of this case.")
    message: str = Field(default="", description="Plain-words reason when not passed.")
    inputs: str = Field(
        default="", description="Summary of the case inputs (shapes, notable values)."
    )
    max_abs_error: float | None = Field(
        default=None, description="Worst absolute error, if compared."
    )
    max_rel_error: float | None = Field(
        default=None, description="Worst relative error, if compared."
    )
    tolerance: str | None = Field(
        default=None, description="The tolerance the errors were held to."
    )
    expected: str | None = Field(default=None, description="Expected value near the worst element.")
    got: str | None = Field(default=None, description="Submitted value near the worst element.")
    problem: str | None = Field(
        default=None,
        description=(
            "The named mistake alone, without this case's values or raised error: cases "
            "with the same one show it once (None: the message is the whole problem)."
        ),
    )


class Verdict(BaseModel):
    """The full result of grading one submission against one drill."""

    drill: str = Field(description="The drill (checker) that was graded.")
    status: Status = Field(description="Overall outcome.")
    summary: str = Field(default="", description="One line for humans.")
    isolation: list[str] = Field(
        default_factory=list, description="Isolation layers that were verified active."
    )
    cases: list[CaseResult] = Field(default_factory=list, description="Per-case results.")
    first_failure: CaseResult | None = Field(
        default=None,
        description="The case explained first: the first with the headline's outcome.",
    )
    stdout: str = Field(
        default="", description="Captured stdout, truncated, control chars stripped."
    )
    stderr: str = Field(
        default="", description="Captured stderr, truncated, control chars stripped."
    )
    duration_ms: float = Field(default=0.0, description="Submit-to-verdict wall time.")
    seed: int = Field(description="Seed of the randomized cases; replay with --seed.")

    @property
    def passed(self) -> bool:
        """True only when every case passed."""
        return self.status is Status.PASSED

    @property
    def code_loaded(self) -> bool:
        """False when loading the submission failed (a SyntaxError, an exception or a
        missing function at import, a crash or timeout before the first case): none of
        the cases ran, so the code was never tested."""
        first = self.first_failure
        return first is None or first.name != LOADING


def overall_status(results: list[CaseResult]) -> Status:
    """The verdict status implied by case results (timeouts/crashes are decided by the runner)."""
    order = [
        (CaseStatus.TIMEOUT, Status.TIMEOUT),
        (CaseStatus.ERROR, Status.ERROR),
        (CaseStatus.INVALID, Status.INVALID),
        (CaseStatus.FAILED, Status.FAILED),
    ]
    for case_status, status in order:
        if any(r.status is case_status for r in results):
            return status
    return Status.PASSED if results else Status.INTERNAL


_SHOWN_FIRST = {
    Status.FAILED: CaseStatus.FAILED,
    Status.ERROR: CaseStatus.ERROR,
    Status.TIMEOUT: CaseStatus.TIMEOUT,
    Status.CRASHED: CaseStatus.ERROR,
    Status.INVALID: CaseStatus.INVALID,
    Status.INTERNAL: CaseStatus.ERROR,
}


def first_problem(results: list[CaseResult], status: Status) -> CaseResult | None:
    """The case explained first: the first one whose outcome is the headline's (a case that
    raised under an ERROR headline, even after cases that only failed), else the first that
    did not pass. The headline and the problem shown under it then say the same thing."""
    unpassed = [r for r in results if r.status not in (CaseStatus.PASSED, CaseStatus.NOT_RUN)]
    worst = _SHOWN_FIRST.get(status)
    return next((r for r in unpassed if r.status is worst), unpassed[0] if unpassed else None)


def summarize(status: Status, results: list[CaseResult]) -> str:
    """One line for humans."""
    passed = sum(r.status is CaseStatus.PASSED for r in results)
    if status is Status.PASSED:
        return f"passed all {passed} cases"
    first = first_problem(results, status)
    where = f"; first problem in {first.name}: {first.message}" if first else ""
    return f"{status.value}: {passed}/{len(results)} cases passed{where}"


def build_verdict(
    drill: str,
    results: list[CaseResult],
    *,
    seed: int,
    duration_ms: float,
    isolation: list[str],
    status: Status | None = None,
    summary: str | None = None,
    stdout: str = "",
    stderr: str = "",
) -> Verdict:
    """Assemble the verdict; `status`/`summary` override what the cases imply (timeouts, crashes)."""
    final = status or overall_status(results)
    first = first_problem(results, final)
    return Verdict(
        drill=drill,
        status=final,
        summary=summary or summarize(final, results),
        isolation=isolation,
        cases=results,
        first_failure=first,
        stdout=stdout,
        stderr=stderr,
        duration_ms=duration_ms,
        seed=seed,
    )
