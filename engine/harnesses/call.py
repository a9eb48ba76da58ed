"""Default harness: call one entry with the case's arguments and return its result.

Case inputs: {"fn": name, "args": [...], "kwargs": {...}}. Returns {"out": result}.
"""

from typing import Any


def run_case(fns: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
    """Call the named entry on the case's arguments."""
    fn = fns[inputs["fn"]]
    return {"out": fn(*inputs.get("args", []), **inputs.get("kwargs", {}))}
