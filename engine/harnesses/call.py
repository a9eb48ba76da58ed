"""Default harness: call one entry with the case's arguments and return its result.

Case inputs: {"fn": name, "args": [...], "kwargs": {...}}. Returns {"out": result}, or
{"returned_none": 1} when the entry returned None (the wire refuses None in a result, and
the parent names the function itself: see NNChecker).
"""

from typing import Any


def run_case(fns: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
    """Call the named entry on the case's arguments."""
    fn = fns[inputs["fn"]]
    out = fn(*inputs.get("args", []), **inputs.get("kwargs", {}))
    if out is None:
        return {"returned_none": 1}
    return {"out": out}
