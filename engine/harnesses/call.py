"""Default harness: call one entry with the case's arguments and return its result.

Case inputs: {"fn": name, "args": [...], "kwargs": {...}, "aliases": bool}. Returns
{"out": result}, or {"returned_none": 1} when the entry returned None (the wire refuses None
in a result, and the parent names the function itself: see NNChecker). A case that asks for
"aliases" (the optimizer steps, which must return new arrays) also gets {"aliases": [k, ...]}:
for each item of a returned tuple, the index of the argument it is or shares memory with, -1
for none; the wire brings arrays as copies, so only here can that be seen.
"""

from typing import Any

import numpy as np


def run_case(fns: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
    """Call the named entry on the case's arguments."""
    fn = fns[inputs["fn"]]
    out = fn(*inputs.get("args", []), **inputs.get("kwargs", {}))
    if out is None:
        return {"returned_none": 1}
    if inputs.get("aliases") and isinstance(out, tuple | list):
        return {"out": out, "aliases": [_aliased(item, inputs["args"]) for item in out]}
    return {"out": out}


def _aliased(item: Any, args: list[Any]) -> int:
    """The index of the array argument `item` is or shares memory with, -1 for none."""
    if not isinstance(item, np.ndarray):
        return -1
    return next(
        (
            k
            for k, arg in enumerate(args)
            if isinstance(arg, np.ndarray) and np.shares_memory(item, arg)
        ),
        -1,
    )
