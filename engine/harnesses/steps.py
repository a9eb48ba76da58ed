"""Harness for schedule drills: call the entry once per step and return every value.

Case inputs: {"fn", "steps": [int, ...], "args": [...]}; the entry is called as
fn(step, *args) for each step in order. Returns {"out": [value, ...]}. An exception
gets a note naming the step, so the user sees which step broke their code.
"""

from __future__ import annotations

from typing import Any


def run_case(fns: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
    """One call per step; the values come back in the order of `steps`."""
    fn = fns[inputs["fn"]]
    args = list(inputs.get("args", []))
    values = []
    for step in inputs["steps"]:
        try:
            values.append(fn(step, *args))
        except Exception as exc:
            exc.add_note(f"(raised for step={step} with the arguments {args})")
            raise
    return {"out": values}
