"""A verdict in Exercism's test-runner `results.json` shape (interface version 2), so
drillbit slots into tooling built for Exercism.

Mapping: the run is `pass` when the verdict passed; `error` when every test errored,
i.e. no case produced a value to compare (the answer did not load, the sandbox failed,
each case raised or timed out), with the verdict's summary as `message` (for the untouched
starter, whose every case raised its NotImplementedError, the words `drillbit grade` says:
"NOT WRITTEN YET: every case stopped at ..."); else `fail`. Each case is one test:
`pass`, `fail` (a wrong value or shape), or `error` (it raised, timed out, was invalid
or did not run). The submission's captured stdout is the `output` of the first test
that did not pass (of the first test when all passed), cut to Exercism's 500 characters.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from engine.verdict import CaseResult, CaseStatus, Status, Verdict

__all__ = ["ExercismResults", "ExercismTest", "exercism_results"]

OUTPUT_LIMIT = 500
"""Exercism truncates a test's output to 500 characters."""
MESSAGE_LIMIT = 65535

ExercismStatus = Literal["pass", "fail", "error"]


class ExercismTest(BaseModel):
    """One test of results.json."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="The case name.")
    status: ExercismStatus = Field(description="pass, fail or error.")
    message: str | None = Field(description="Why it did not pass; null when it passed.")
    output: str | None = Field(description="What the submission printed, at most 500 characters.")


class ExercismResults(BaseModel):
    """Exercism's results.json, version 2."""

    model_config = ConfigDict(extra="forbid")

    version: Literal[2] = Field(description="Exercism's test-runner interface version.")
    status: ExercismStatus = Field(description="pass, fail, or error when no test ran.")
    message: str | None = Field(description="Required when status is error, else null.")
    tests: list[ExercismTest] = Field(description="One test per case, in order.")


def _test_status(case: CaseResult) -> ExercismStatus:
    if case.status is CaseStatus.PASSED:
        return "pass"
    if case.status is CaseStatus.FAILED:
        return "fail"
    return "error"


def _message(case: CaseResult) -> str | None:
    if case.status is CaseStatus.PASSED:
        return None
    parts = [case.message or case.status.value]
    if case.inputs:
        parts.append(f"inputs: {case.inputs}")
    if case.expected is not None and case.got is not None:
        parts.append(f"expected {case.expected}, got {case.got}")
    return "; ".join(parts)[:MESSAGE_LIMIT]


def exercism_results(verdict: Verdict, *, not_written: str | None = None) -> ExercismResults:
    """The verdict as Exercism's results.json; `not_written`, the words `drillbit grade`
    says for the untouched starter (`quiz.verdict_text`, a sibling layer), is the run's
    message in place of the engine's "error: ..." summary."""
    ran = [c for c in verdict.cases if c.status in (CaseStatus.PASSED, CaseStatus.FAILED)]
    output = verdict.stdout[:OUTPUT_LIMIT] or None
    target = next((c for c in verdict.cases if c.status is not CaseStatus.PASSED), None)
    if target is None and verdict.cases:
        target = verdict.cases[0]
    tests = [
        ExercismTest(
            name=case.name,
            status=_test_status(case),
            message=_message(case),
            output=output if case is target else None,
        )
        for case in verdict.cases
    ]
    if verdict.status is Status.PASSED:
        return ExercismResults(version=2, status="pass", message=None, tests=tests)
    if not ran:
        summary = not_written or verdict.summary or verdict.status.value
        return ExercismResults(
            version=2, status="error", message=summary[:MESSAGE_LIMIT], tests=tests
        )
    return ExercismResults(version=2, status="fail", message=None, tests=tests)
