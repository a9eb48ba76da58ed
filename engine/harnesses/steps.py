"""Harness for schedule drills: call the entry once per step and return every value.

Case inputs: {"fn", "steps": [int, ...], "args": [...]}; the entry is called as
fn(step, *args) for each step in order. Returns {"out": [value, ...]}.
"""

from __future__ import annotations

from typing import Any


def run_case(fns: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
    """One call per step; the values come back in the order of `steps`."""
    fn = fns[inputs["fn"]]
    args = list(inputs.get("args", []))
    return {"out": [fn(step, *args) for step in inputs["steps"]]}
