"""Grading trusted code in this process, with no sandbox.

For the engine's own tests, lint's "the reference passes" check and the benchmark's
lower limit. Users' code always goes through the sandbox (`engine.grade_sandboxed`).
"""

from __future__ import annotations

import copy
import sys
import time
import types
import warnings
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine.cases import case_seed_rng
from engine.checkers.base import Checker, Outcome
from engine.harnesses import _runtime
from engine.source import without_bom
from engine.verdict import CaseResult, Verdict, build_verdict


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
    numpy's floating-point error state is put back afterwards: a top-level `np.seterr`
    (the child's own business in the sandbox) left it changed for the whole process.
    It loads as the module "submission", in sys.modules while it loads (as in the child,
    where it stays): a dataclass under string annotations looks its module up there.
    """
    module = types.ModuleType("submission")
    namespace: dict[str, Any] = module.__dict__
    before = sys.modules.get("submission")
    sys.modules["submission"] = module
    try:
        with np.errstate():
            exec(compile(without_bom(source), _runtime.SUBMISSION_FILENAME, "exec"), namespace)
    finally:
        if before is None:
            sys.modules.pop("submission", None)
        else:
            sys.modules["submission"] = before
    return {name: namespace[name] for name in entries if name in namespace}


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
        checker.name, results, seed=seed, duration_ms=duration, isolation=["none (in-process)"]
    )
