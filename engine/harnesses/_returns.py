"""The code a harness sends for a wrong return (engine/checkers/returned.py reads it).

Not a harness: `harness_sources` writes this function's text into each harness that
imports it, in place of the import, because a harness is shipped to the sandbox child
as one text and may not import `engine` there. No text crosses the wire, only the code.
It also holds the call the two norm harnesses share (forward, then backward), whose wrong
returns are reported with these codes.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def return_code(value: Any) -> int:
    """What a wrong return is, as a code: a tuple or list by its length, else its type."""
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


def forward_then_backward(fns: dict[str, Any], inputs: dict[str, Any], norm: str) -> dict[str, Any]:
    """`{norm}_forward` then `{norm}_backward` with the submission's own cache, which never
    leaves the child: batch norm's and layer norm's harnesses, which take the same inputs
    ({"X", "gamma", "beta", "dout"} and "eps" when given) and give back the same keys."""
    args = [inputs["X"], inputs["gamma"], inputs["beta"]]
    if "eps" in inputs:
        args.append(inputs["eps"])
    result = fns[f"{norm}_forward"](*args)
    if not (isinstance(result, tuple | list) and len(result) == 2):
        return {"bad_forward": return_code(result)}
    out, cache = result
    # judged as returned: the backward may reuse it (it is in the cache) as scratch
    out = out.copy() if isinstance(out, np.ndarray) else out
    grads = fns[f"{norm}_backward"](inputs["dout"], cache)
    if not (isinstance(grads, tuple | list) and len(grads) == 3):
        return {"out": out, "bad_backward": return_code(grads)}
    dX, dgamma, dbeta = grads
    return {"out": out, "dX": dX, "dgamma": dgamma, "dbeta": dbeta}
