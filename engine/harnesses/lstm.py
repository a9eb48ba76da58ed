"""Harness for the LSTM cell: forward, then backward with the submission's own cache.

Case inputs: {"x", "h_prev", "c_prev", "W", "b", "dh", "dc"}.
Returns {"h", "c", "dx", "dh_prev", "dc_prev", "dW", "db"}, or {"bad_forward"/"bad_backward":
code} when an entry does not return the number of values the task asks for.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.harnesses._returns import return_code


def run_case(fns: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
    """Forward then backward; the cache never leaves the child."""
    result = fns["lstm_cell_forward"](
        inputs["x"], inputs["h_prev"], inputs["c_prev"], inputs["W"], inputs["b"]
    )
    if not (isinstance(result, tuple | list) and len(result) == 3):
        return {"bad_forward": return_code(result)}
    h, c, cache = result
    # as returned: the backward may reuse them (or the cache that holds them)
    h, c = (v.copy() if isinstance(v, np.ndarray) else v for v in (h, c))
    grads = fns["lstm_cell_backward"](inputs["dh"], inputs["dc"], cache)
    if not (isinstance(grads, tuple | list) and len(grads) == 5):
        return {"h": h, "c": c, "bad_backward": return_code(grads)}
    dx, dh_prev, dc_prev, dW, db = grads
    return {"h": h, "c": c, "dx": dx, "dh_prev": dh_prev, "dc_prev": dc_prev, "dW": dW, "db": db}
