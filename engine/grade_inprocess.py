"""Grading trusted code in this process, with no sandbox.

For the engine's own tests, lint's "the reference passes" check and the benchmark's
lower limit. Users' code always goes through the sandbox (`engine.grade_sandboxed`).
The verdict is the sandbox's for the same code: each result goes through the wire and the
parent's `judge_result` as a child's does (a generator returned is an invalid return on
both), and `grade_source_inprocess` loads a file as the child does (a missing function, a
SyntaxError or an exception while loading end in the child's words, no case run).
"""

from __future__ import annotations

import copy
import sys
import time
import types
import warnings
from collections.abc import Callable, Mapping
from types import CodeType
from typing import Any

import numpy as np

from engine.cases import case_seed_rng
from engine.checkers.base import Case, Checker
from engine.harnesses import _runtime
from engine.param_order import with_order_notes
from engine.sandbox import wire
from engine.sandbox.config import SandboxConfig
from engine.sandbox.decide import judge_result, loading_verdict, memory_limit, sanitize
from engine.source import without_bom
from engine.verdict import CaseResult, Verdict, build_verdict

ISOLATION = ["none (in-process)"]


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
    text = without_bom(source)
    _runtime.set_source(text)  # a traceback's lines are this file's, not the last one loaded
    namespace = _run_as_submission(compile(text, _runtime.SUBMISSION_FILENAME, "exec"))
    return {name: namespace[name] for name in entries if name in namespace}


def _run_as_submission(code: CodeType) -> dict[str, Any]:
    """Run compiled trusted code as the module "submission" (its `__file__` the child's file
    name), in sys.modules only while it runs, numpy's error state put back; its namespace."""
    module = types.ModuleType("submission")
    namespace: dict[str, Any] = module.__dict__
    namespace["__file__"] = _runtime.SUBMISSION_FILENAME
    before = sys.modules.get("submission")
    sys.modules["submission"] = module
    try:
        with np.errstate():
            exec(code, namespace)
    finally:
        if before is None:
            sys.modules.pop("submission", None)
        else:
            sys.modules["submission"] = before
    return namespace


def load_source(
    source: str, entries: tuple[str, ...]
) -> tuple[dict[str, Callable[..., Any]], None] | tuple[None, dict[str, Any]]:
    """Load trusted source as the sandbox child does: its entries, or (None, why it did not
    load) in the fields of the child's `load_error` message (a SyntaxError, an exception
    while loading, a missing function), worded by the same runtime functions."""
    text = without_bom(source)
    _runtime.set_source(text)  # a traceback's lines, as the child's show them
    try:
        code = compile(text, _runtime.SUBMISSION_FILENAME, "exec")
    except _runtime.COMPILE_ERRORS as exc:
        return None, {"kind": "syntax", "message": _runtime.compile_error(exc, text)}
    try:
        namespace = _run_as_submission(code)
    except MemoryError as exc:
        return None, {"kind": "memory", "message": _runtime.format_user_error(exc)}
    except Exception as exc:
        return None, {"kind": "exception", "message": _runtime.format_user_error(exc)}
    except SystemExit as exc:  # a KeyboardInterrupt here is the person running the tests'
        return None, {
            "kind": "exception",
            "message": _runtime.base_error(exc, "while loading your code"),
        }
    fns, missing, defined = _runtime.find_entries(namespace, entries)
    if missing:
        return None, {"kind": "missing", "message": "", "missing": missing, "defined": defined}
    return fns, None


def grade_inprocess(
    checker: Checker,
    fns: Mapping[str, Callable[..., Any]],
    *,
    seed: int,
    params: Mapping[str, Any] | None = None,
) -> Verdict:
    """Grade plain functions in this process: no isolation, no IPC; trusted code only. An
    entry missing from `fns` is told as the sandbox tells a file without it (no case run)."""
    start = time.perf_counter()
    cases = checker.make_cases(case_seed_rng(seed), params or {})
    named, missing, defined = _runtime.find_entries(dict(fns), checker.entries)
    if missing:
        failed = {"kind": "missing", "message": "", "missing": missing, "defined": defined}
        return _not_loaded(checker, cases, failed, seed=seed, start=start)
    return _graded(checker, named, cases, seed=seed, start=start)


def grade_source_inprocess(
    checker: Checker,
    source: str,
    *,
    seed: int,
    params: Mapping[str, Any] | None = None,
) -> Verdict:
    """Grade trusted source text in this process, as the sandbox grades it: the same verdict
    and words for a file that does not load, lacks a function or returns something odd."""
    start = time.perf_counter()
    cases = checker.make_cases(case_seed_rng(seed), params or {})
    fns, failed = load_source(source, checker.entries)
    if fns is None:
        assert failed is not None
        return _not_loaded(checker, cases, failed, seed=seed, start=start)
    graded = _graded(checker, fns, cases, seed=seed, start=start)
    return with_order_notes(checker, source, graded)


def _not_loaded(
    checker: Checker, cases: list[Case], failed: dict[str, Any], *, seed: int, start: float
) -> Verdict:
    """The sandbox's verdict for a file that did not load, from the child's fields."""
    duration = (time.perf_counter() - start) * 1000
    memory = memory_limit(SandboxConfig())
    return loading_verdict(
        checker, cases, failed, memory, seed=seed, duration_ms=duration, isolation=ISOLATION
    )


def _graded(
    checker: Checker,
    fns: Mapping[str, Callable[..., Any]],
    cases: list[Case],
    *,
    seed: int,
    start: float,
) -> Verdict:
    """Every case run here and judged as the sandbox's parent judges a child's result."""
    run_case = load_harness(checker)
    memory = memory_limit(SandboxConfig())
    results: list[CaseResult] = []
    for case in cases:
        with warnings.catch_warnings():
            # as in the child, a submission's warnings are printed there, never fatal: the
            # host's filters (pytest's "error") must not turn them into exceptions
            warnings.simplefilter("ignore")
            try:
                raw = _runtime.execute_case(
                    run_case, dict(fns), copy.deepcopy(case.inputs), checker.fp_strict
                )
            except SystemExit as exc:  # as the child words a sys.exit in a call
                raw = {
                    "outputs": None,
                    "error": _runtime.base_error(exc, "during the call"),
                    "mutated": [],
                    "fp_warnings": [],
                }
        fields, data = _as_sent(raw)
        results.append(judge_result(checker, case, fields, data, memory)[0])
    duration = (time.perf_counter() - start) * 1000
    return sanitize(
        build_verdict(checker.name, results, seed=seed, duration_ms=duration, isolation=ISOLATION)
    )


def _as_sent(raw: dict[str, Any]) -> tuple[dict[str, Any], bytearray]:
    """One case's result as the parent reads it from a child: encoded by the wire (which
    refuses a generator, a set, an object array... with the child's words) and read back."""
    head = {
        "error": raw["error"],
        "mutated": list(raw["mutated"]),
        "fp": list(raw["fp_warnings"]),
    }
    try:
        values = {} if raw["outputs"] is None else {"out": raw["outputs"]}
        frame = wire.encode_message(head, values, allow_str=False)
    except wire.WireError as exc:
        frame = wire.message({**head, "invalid": str(exc)})
    ((fields, data),) = wire.FrameReader(len(frame)).feed(bytes(frame))
    return fields, data
