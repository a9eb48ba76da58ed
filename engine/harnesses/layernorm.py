"""Harness for layer norm: forward, then backward with the submission's own cache.

Case inputs: {"X", "gamma", "beta", "dout"} and "eps" (absent: the entry's default).
Returns {"out", "dX", "dgamma", "dbeta"}, or {"bad_forward"/"bad_backward": code}
when an entry does not return the number of values the task asks for.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.harnesses._returns import return_code


def run_case(fns: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
    """Forward then backward; the cache never leaves the child."""
    args = [inputs["X"], inputs["gamma"], inputs["beta"]]
    if "eps" in inputs:
        args.append(inputs["eps"])
    result = fns["layernorm_forward"](*args)
    if not (isinstance(result, tuple | list) and len(result) == 2):
        return {"bad_forward": return_code(result)}
    out, cache = result
    # judged as returned: the backward may reuse it (it is in the cache) as scratch
    out = out.copy() if isinstance(out, np.ndarray) else out
    grads = fns["layernorm_backward"](inputs["dout"], cache)
    if not (isinstance(grads, tuple | list) and len(grads) == 3):
        return {"out": out, "bad_backward": return_code(grads)}
    dX, dgamma, dbeta = grads
    return {"out": out, "dX": dX, "dgamma": dgamma, "dbeta": dbeta}
