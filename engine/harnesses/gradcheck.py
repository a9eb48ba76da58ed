"""Harness for numerical-gradient and gradient-check: builds the function to differentiate.

f(x) = sum(C x^3) / 3 + sum(S sin x) + sum(P x) + sum(x (Q x)) / 2, with Q symmetric,
and a gradient built from its own coefficient arrays:
g(x) = A x^2 + B cos x + D + E.T + H x.
The parent chooses every coefficient array; the correct gradient and planted faulty ones
differ only in those arrays, so nothing here says which one is right.

Case inputs:
- numerical_gradient: {"fn", "coef": {C, S, P, Q}, "x", "eps" (absent: the default)}
  -> {"grad", "x_after"}
- gradient_check: {"fn", "coef", "gcoef": {A, B, D, E, H}, "x", "eps", "threshold"}
  (absent: the default; never threshold without eps) -> {"ok", "rel_diff", "x_after"}
x is handed over as a private copy; "x_after" is that copy after the call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.harnesses._returns import return_code

if TYPE_CHECKING:  # numpy.typing is not imported in the child: 3-6 ms on every grade
    from numpy.typing import NDArray

    Array = NDArray[np.float64]


def make_function(coef: dict[str, Array]) -> Callable[[Array], float]:
    """The scalar function the submission differentiates."""
    C, S, P, Q = coef["C"], coef["S"], coef["P"], coef["Q"]

    def f(x: Array) -> float:
        return float(
            np.sum(C * x**3) / 3.0
            + np.sum(S * np.sin(x))
            + np.sum(P * x)
            + np.sum(x * (Q @ x)) / 2.0
        )

    return f


def make_gradient(gcoef: dict[str, Array]) -> Callable[[Array], Array]:
    """A gradient function built from its own coefficients (right or planted wrong)."""
    A, B, D, E, H = gcoef["A"], gcoef["B"], gcoef["D"], gcoef["E"], gcoef["H"]

    def grad_f(x: Array) -> Array:
        out: Array = A * x**2 + B * np.cos(x) + D + E.T + H @ x
        return out

    return grad_f


def _optional(args: list[Any], inputs: dict[str, Any], *names: str) -> list[Any]:
    """Append the optional arguments that the case gives, in order, stopping at the first absent."""
    out = list(args)
    for name in names:
        if name not in inputs:
            break
        out.append(inputs[name])
    return out


def run_case(fns: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
    """Call the entry on a fresh copy of x and return the result plus x afterwards."""
    f = make_function(inputs["coef"])
    x = np.array(inputs["x"], dtype=np.float64, copy=True)
    if inputs["fn"] == "numerical_gradient":
        grad = fns["numerical_gradient"](*_optional([f, x], inputs, "eps"))
        return {"grad": grad, "x_after": x}
    grad_f = make_gradient(inputs["gcoef"])
    result = fns["gradient_check"](*_optional([f, grad_f, x], inputs, "eps", "threshold"))
    if not (isinstance(result, tuple | list) and len(result) == 2):
        return {"bad_result": return_code(result), "x_after": x}
    ok, rel_diff = result
    return {"ok": ok, "rel_diff": rel_diff, "x_after": x}
