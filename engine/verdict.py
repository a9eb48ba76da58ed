"""The verdict of one grading: what the user sees and what `--json` prints."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Status(StrEnum):
    """Overall outcome of a grading, as named in the SPEC."""

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
        default=None, description="The first case that did not pass, explained."
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
