"""Grading a submission in the sandbox: the one call the CLI, the TUI and the benchmark make."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from typing import Any

from engine.cases import case_seed_rng
from engine.checkers.base import Case, Checker
from engine.param_order import with_order_notes
from engine.sandbox import wire
from engine.sandbox.config import SandboxConfig
from engine.sandbox.decide import CaseJudge, decide, internal_verdict, memory_limit
from engine.sandbox.isolation import verified_layers
from engine.sandbox.pool import SandboxUnavailableError, WorkerPool, start_worker
from engine.source import without_bom
from engine.verdict import Verdict

__all__ = ["job_cases", "job_head", "grade", "random_seed"]


def random_seed() -> int:
    """A fresh seed for a grading; the verdict reports it so it can be replayed."""
    return int.from_bytes(os.urandom(4), "big") & 0x7FFFFFFF


def job_head(checker: Checker, source: str, token: str) -> bytearray:
    """The job's first message: the harness and the user's source, with what to call, and
    the worker's token, which each later message of the child's grader carries.

    It goes to the child before the cases exist, so the child loads the submission
    while the parent makes them.
    """
    job = {
        "harness_name": checker.harness,
        "harness": checker.harness_source(),
        "source": without_bom(source),
        "entries": list(checker.entries),
        "fp_strict": bool(checker.fp_strict),
        "token": token,
    }
    return wire.encode_message({"t": "job"}, {"job": job}, allow_str=True)


def job_cases(cases: list[Case]) -> bytearray:
    """The job's second message: every case's inputs."""
    return wire.encode_message(
        {"t": "cases"}, {"cases": [case.inputs for case in cases]}, allow_str=True
    )


def grade(
    checker: Checker,
    source: str,
    *,
    seed: int | None = None,
    params: Mapping[str, Any] | None = None,
    pool: WorkerPool | None = None,
) -> Verdict:
    """Grade `source` against `checker` in a fresh sandboxed process.

    With a `pool`, its warm worker is used (tens of milliseconds); without one a
    cold child is started for this submission only. `seed=None` picks a random
    seed, reported in the verdict. Never raises: whatever the submission does, and
    a sandbox that cannot start (or a closed pool), all end in a verdict.
    """
    start = time.perf_counter()
    seed = random_seed() if seed is None else seed
    config = pool.config if pool is not None else SandboxConfig()

    def elapsed() -> float:
        return (time.perf_counter() - start) * 1000

    try:
        worker = pool.acquire() if pool is not None else start_worker(config)
    except (SandboxUnavailableError, OSError) as exc:
        return internal_verdict(checker, str(exc), seed=seed, duration_ms=elapsed(), isolation=[])
    # The pool starts the next warm worker once this verdict is built (and the child reaped),
    # not when the child is killed: starting one takes the parent's CPU (and a core for
    # numpy's import) meanwhile.
    refill, worker.on_spent = worker.on_spent, None
    try:
        try:
            # the child loads the submission while the cases are made
            worker.begin(job_head(checker, source, worker.token))
            cases = checker.make_cases(case_seed_rng(seed), params or {})
            job = job_cases(cases)
        except Exception as exc:  # a checker bug, not the user's
            worker.close()
            return internal_verdict(
                checker,
                f"the checker could not prepare its cases ({type(exc).__name__}: {exc})",
                seed=seed,
                duration_ms=elapsed(),
                isolation=[],
            )
        isolation = verified_layers(worker, checker.timeout_s)  # known from its `ready`
        # each case is judged between the loop's reads as its result arrives, the reference
        # prepared before that: the parent's share of the work overlaps the child's run
        judge = CaseJudge(checker, cases, memory_limit(config))
        run = worker.run(
            job,
            checker.timeout_s,
            on_result=judge.put,
            on_sent=judge.sent,
            work=judge.step,
            cases=len(cases),
        )
        judged = judge.finish()
        verdict = decide(
            checker,
            cases,
            run,
            seed=seed,
            duration_ms=0.0,
            isolation=isolation,
            config=config,
            judged=judged,
        )
        noted = with_order_notes(checker, source, verdict)
        return noted.model_copy(update={"duration_ms": elapsed()})
    finally:
        worker.release(refill)
