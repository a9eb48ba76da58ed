"""Runs one case of a harness and reports plain data; shared by the child and in-process runs.

Shipped to the child as source text, so it imports only numpy and the stdlib.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

SUBMISSION_FILENAME = "submission.py"


def _arrays(value: Any, prefix: str) -> Iterator[tuple[str, np.ndarray]]:
    """Every ndarray inside nested containers, with a readable path."""
    if isinstance(value, np.ndarray):
        yield prefix, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _arrays(item, f"{prefix}[{key!r}]" if prefix else str(key))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _arrays(item, f"{prefix}[{i}]")


def format_user_error(exc: BaseException) -> str:
    """The exception with only the frames from the submission, as a user would want it."""
    frames = [
        f for f in traceback.extract_tb(exc.__traceback__) if f.filename == SUBMISSION_FILENAME
    ]
    lines = [f"  line {f.lineno}, in {f.name}: {f.line}" for f in frames]
    head = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return "\n".join([head, *lines]) if lines else head


def execute_case(
    run_case: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]],
    fns: dict[str, Any],
    inputs: dict[str, Any],
    fp_strict: bool,
) -> dict[str, Any]:
    """Run one case; never raises for the submission's faults.

    Returns {"outputs": dict | None, "error": str | None, "mutated": [...], "fp_warnings": [...]}.
    """
    before = [(name, arr.copy()) for name, arr in _arrays(inputs, "")]
    events: list[str] = []

    def record(kind: str, _flag: int) -> None:
        if kind not in events:
            events.append(kind)

    old_call = np.seterrcall(record)
    try:
        with np.errstate(all="call" if fp_strict else "ignore"):
            outputs = run_case(fns, inputs)
        error = None
    except Exception as exc:  # the submission's own error, reported to the user
        outputs, error = None, format_user_error(exc)
    finally:
        np.seterrcall(old_call)
    current = dict(_arrays(inputs, ""))
    mutated = [
        name
        for name, old in before
        if name in current
        and (
            current[name].shape != old.shape
            or not np.array_equal(current[name], old, equal_nan=True)
        )
    ]
    return {"outputs": outputs, "error": error, "mutated": mutated, "fp_warnings": events}
