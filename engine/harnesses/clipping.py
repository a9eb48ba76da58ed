"""Harness for clip-grad-norm: call the entry, and report which returned arrays alias an input.

Case inputs: {"fn", "args": [grads, max_norm]}. Returns {"out": result, "shared": [bool, ...],
"list_changed": bool}: shared[i] is True when clipped[i] is, or shares memory with, one of the
input arrays, which the wire cannot show (arrays arrive in the parent as copies);
list_changed is True when the caller's list itself holds other arrays after the call
(`grads[i] = g * coef`, as an in-place clip_grad_norm_ ported to NumPy does).
"""

from __future__ import annotations

from typing import Any

import numpy as np


def run_case(fns: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
    """One call; aliasing is checked here, where the objects still exist."""
    grads = list(inputs["args"][0])
    result = fns[inputs["fn"]](*inputs["args"])
    shared: list[bool] = []
    if (
        isinstance(result, tuple | list)
        and len(result) == 2
        and isinstance(result[0], list | tuple)
    ):
        for item in result[0]:
            shared.append(
                isinstance(item, np.ndarray)
                and any(np.shares_memory(item, g) for g in grads if isinstance(g, np.ndarray))
            )
    given = inputs["args"][0]
    changed = len(given) != len(grads) or any(a is not b for a, b in zip(given, grads, strict=True))
    return {"out": result, "shared": shared, "list_changed": changed}
