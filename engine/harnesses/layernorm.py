"""Harness for layer norm: forward, then backward with the submission's own cache.

Case inputs: {"X", "gamma", "beta", "dout"} and "eps" (absent: the entry's default).
Returns {"out", "dX", "dgamma", "dbeta"}, or {"bad_forward"/"bad_backward": code}
when an entry does not return the number of values the task asks for.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def _kind(value: Any) -> int:
    """What a wrong return is, as a code (engine/checkers/returned.py): no text crosses the wire."""
    if isinstance(value, tuple | list):
        return min(len(value), 999)
    if value is None:
        return -1
    if isinstance(value, np.ndarray):
        return -2
    if isinstance(value, bool | np.bool_):
        return -4
    if isinstance(value, int | float | np.number):
        return -3
    if isinstance(value, str):
        return -5
    if isinstance(value, dict):
        return -6
    return -7


def run_case(fns: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
    """Forward then backward; the cache never leaves the child."""
    args = [inputs["X"], inputs["gamma"], inputs["beta"]]
    if "eps" in inputs:
        args.append(inputs["eps"])
    result = fns["layernorm_forward"](*args)
    if not (isinstance(result, tuple | list) and len(result) == 2):
        return {"bad_forward": _kind(result)}
    out, cache = result
    grads = fns["layernorm_backward"](inputs["dout"], cache)
    if not (isinstance(grads, tuple | list) and len(grads) == 3):
        return {"out": out, "bad_backward": _kind(grads)}
    dX, dgamma, dbeta = grads
    return {"out": out, "dX": dX, "dgamma": dgamma, "dbeta": dbeta}
