"""Harness for batch norm: forward, then backward with the submission's own cache.

Case inputs: {"X", "gamma", "beta", "dout"} and "eps" (absent: the entry's default).
Returns {"out", "dX", "dgamma", "dbeta"}, or {"bad_forward"/"bad_backward": code}
when an entry does not return the number of values the task asks for.
"""

from __future__ import annotations

from typing import Any

from engine.harnesses._returns import forward_then_backward


def run_case(fns: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
    """Forward then backward; the cache never leaves the child."""
    return forward_then_backward(fns, inputs, "batchnorm")
