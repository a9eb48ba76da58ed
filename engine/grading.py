"""Turning per-case results into a verdict, and grading in-process (no sandbox).

In-process grading is for the engine's own tests, lint's "the reference passes"
check and the benchmark's lower limit. Users' code always goes through the sandbox.
"""

from __future__ import annotations

import copy
import time
import warnings
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine.checkers.base import Checker, Outcome
from engine.harnesses import _runtime
from engine.verdict import CaseResult, CaseStatus, Status, Verdict


def case_seed_rng(seed: int) -> np.random.Generator:
    """The generator that makes a grading's cases; one seed replays them exactly."""
    return np.random.default_rng(seed)


def load_harness(checker: Checker) -> Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]:
    """Exec the checker's harness source (as the child does) and return its run_case."""
    namespace: dict[str, Any] = {"__name__": f"harness_{checker.harness}"}
    exec(compile(checker.harness_source(), f"harness/{checker.harness}.py", "exec"), namespace)
    run_case: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]] = namespace["run_case"]
    return run_case


def load_submission(source: str, entries: tuple[str, ...]) -> dict[str, Callable[..., Any]]:
    """Exec trusted source as the child would (file name 'submission.py') and pick its entries.

    For in-process grading only (the reference, lint's starter check, tests): it runs
    the code in this process, with no isolation. Missing entries are simply absent.
    """
    namespace: dict[str, Any] = {"__name__": "submission"}
    exec(compile(source, _runtime.SUBMISSION_FILENAME, "exec"), namespace)
    return {name: namespace[name] for name in entries if name in namespace}


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


def summarize(status: Status, results: list[CaseResult]) -> str:
    """One line for humans."""
    passed = sum(r.status is CaseStatus.PASSED for r in results)
    if status is Status.PASSED:
        return f"passed all {passed} cases"
    first = next((r for r in results if r.status is not CaseStatus.PASSED), None)
    where = f"; first problem in {first.name}: {first.message}" if first else ""
    return f"{status.value}: {passed}/{len(results)} cases passed{where}"


def build_verdict(
    checker: Checker,
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
    first = next(
        (
            r
            for r in results
            if r.status is not CaseStatus.PASSED and r.status is not CaseStatus.NOT_RUN
        ),
        None,
    )
    return Verdict(
        drill=checker.name,
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


def grade_inprocess(
    checker: Checker,
    fns: Mapping[str, Callable[..., Any]],
    *,
    seed: int,
    params: Mapping[str, Any] | None = None,
) -> Verdict:
    """Grade plain functions in this process: no isolation, no IPC; trusted code only."""
    start = time.perf_counter()
    cases = checker.make_cases(case_seed_rng(seed), params or {})
    run_case = load_harness(checker)
    results: list[CaseResult] = []
    for case in cases:
        with warnings.catch_warnings():
            # as in the child, a submission's warnings are printed there, never fatal: the
            # host's filters (pytest's "error") must not turn them into exceptions
            warnings.simplefilter("ignore")
            raw = _runtime.execute_case(
                run_case, dict(fns), copy.deepcopy(case.inputs), checker.fp_strict
            )
        outcome = Outcome(
            outputs=raw["outputs"],
            error=raw["error"],
            mutated=tuple(raw["mutated"]),
            fp_warnings=tuple(raw["fp_warnings"]),
        )
        results.append(checker.judge(case, outcome))
    duration = (time.perf_counter() - start) * 1000
    return build_verdict(
        checker, results, seed=seed, duration_ms=duration, isolation=["none (in-process)"]
    )
