"""Checker for layer norm forward and backward, run together so the user's cache is used."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, normalization_numeric_grads
from engine.checkers.returned import wrong_return
from engine.checks import Judgement, Tolerance
from engine.deep import layernorm as ref

__all__ = ["layernorm"]

NUMERIC_TOL = Tolerance(rtol=1e-5, atol=1e-7)
"""Central differences with eps = 1e-5 on a smooth function: errors ~1e-9, far below 1e-5."""
DEFAULT_EPS = 1e-5


def _forward_variant(
    X: np.ndarray,
    gamma: np.ndarray,
    beta: np.ndarray,
    eps: float,
    *,
    axis: int = 0,
    ddof: int = 0,
    outside: bool = False,
) -> np.ndarray:
    """Layer norm with one known mistake: another axis, the unbiased variance, eps outside."""
    with np.errstate(all="ignore"):
        mu = X.mean(axis=axis, keepdims=True)
        var = (
            X.var(axis=axis, keepdims=True, ddof=ddof)
            if X.shape[axis] > ddof
            else np.full_like(mu, np.nan)
        )
        std = np.sqrt(var) + eps if outside else np.sqrt(var + eps)
        return np.asarray(gamma * (X - mu) / std + beta)


class LayernormChecker(NNChecker):
    """layernorm_forward then layernorm_backward(dout, cache) in one harness call."""

    name = "deep.layernorm.layernorm"
    entries = ("layernorm_forward", "layernorm_backward")
    harness = "layernorm"
    copy_hint = "work on copies (e.g. X - mu builds a new array, X -= mu does not)"

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {
            "layernorm_forward": ref.layernorm_forward,
            "layernorm_backward": ref.layernorm_backward,
        }

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        def make(
            n: int,
            m: int,
            eps: float | None = None,
            *,
            offsets: bool = False,
            constant: bool = False,
        ) -> dict[str, Any]:
            X = gen.normal(rng, (n, m), 2.0)
            if offsets:  # examples far from 0 and of very different sizes
                X = gen.column_scales(rng, X, 1e-2, 1e2) + gen.normal(rng, (1, m), 50.0)
            if constant:  # one example whose features are all equal: variance 0
                X[:, 0] = float(rng.normal())
            inputs: dict[str, Any] = {
                "X": X,
                "gamma": rng.uniform(0.5, 2.0, size=(n, 1)) * rng.choice([-1.0, 1.0], size=(n, 1)),
                "beta": gen.normal(rng, (n, 1)),
                "dout": gen.normal(rng, (n, m)),
            }
            if eps is not None:  # no key: the entry's own default is used
                inputs["eps"] = eps
            return inputs

        def some_eps() -> float:
            return gen.log_uniform(rng, 1e-5, 1e-1)

        # n != m everywhere, so normalizing over the wrong axis never has the right shape by luck
        plans: list[tuple[str, dict[str, Any], bool]] = [
            ("a few features, a few examples", make(4, 7, some_eps()), False),
            ("one example (m = 1)", make(gen.size(rng, 3, 6), 1, some_eps()), False),
            ("two features (the smallest layer)", make(2, gen.size(rng, 3, 6), some_eps()), False),
            ("default eps", make(gen.size(rng, 5, 8), gen.size(rng, 9, 12)), False),
            (
                "examples of very different scales and offsets",
                make(6, 10, 1e-3, offsets=True),
                False,
            ),
            ("an example with all features equal", make(5, 4, some_eps(), constant=True), False),
            ("a wide layer", make(64, 16, some_eps()), False),
            ("against a numerical gradient", make(4, 3, gen.log_uniform(rng, 1e-3, 1e-1)), True),
        ]
        out = []
        for i, (what, inputs, numeric) in enumerate(plans, 1):
            eps = inputs.get("eps")
            out.append(
                Case(
                    f"case {i}: {what}",
                    inputs,
                    gen.describe(
                        X=inputs["X"],
                        gamma=inputs["gamma"],
                        eps=eps if eps is not None else "default (1e-5)",
                    ),
                    private={"numeric": numeric},
                )
            )
        return out

    def prepare(self, case: Case) -> dict[str, Any]:
        """The reference's passes and, on the numerical-gradient case, central differences of its loss."""
        X, gamma, beta, dout = (case.inputs[k] for k in ("X", "gamma", "beta", "dout"))
        eps = case.inputs.get("eps", DEFAULT_EPS)
        out_ref, cache = ref.layernorm_forward(X, gamma, beta, eps)
        numeric = (
            normalization_numeric_grads(ref.layernorm_forward, X, gamma, beta, dout, eps)
            if case.private.get("numeric")
            else {}
        )
        return {"out": out_ref, "grads": ref.layernorm_backward(dout, cache), "numeric": numeric}

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        X, gamma, beta, dout = (case.inputs[k] for k in ("X", "gamma", "beta", "dout"))
        eps = case.inputs.get("eps", DEFAULT_EPS)
        n, m = X.shape
        if "bad_forward" in outputs:
            j.fail(wrong_return("layernorm_forward", "(out, cache)", outputs["bad_forward"]))
        expected = j.prepared
        out_ref = expected["out"]
        dX_ref, dgamma_ref, dbeta_ref = expected["grads"]
        out = j.array("out", outputs.get("out"), (n, m))
        scale = float(np.abs(out_ref).max()) + 1.0
        j.close(
            "out",
            out,
            out_ref,
            Tolerance(rtol=1e-8, atol=1e-11 * scale),
            hints=[
                (
                    "the statistics are over axis 1 (across the batch, as batch norm does); "
                    "layer norm normalizes each example (column) over its features, axis 0",
                    _forward_variant(X, gamma, beta, eps, axis=1),
                ),
                (
                    "looks like the unbiased variance (ddof=1); layer norm divides by n",
                    _forward_variant(X, gamma, beta, eps, ddof=1),
                ),
                (
                    "eps belongs inside the square root: sqrt(var + eps)",
                    _forward_variant(X, gamma, beta, eps, outside=True),
                ),
                (
                    "the eps argument was ignored (1e-5 used instead)",
                    _forward_variant(X, gamma, beta, DEFAULT_EPS),
                ),
            ],
        )
        if "bad_backward" in outputs:
            j.fail(
                wrong_return("layernorm_backward", "(dX, dgamma, dbeta)", outputs["bad_backward"])
            )
        dX = j.array("dX", outputs.get("dX"))
        dgamma = j.array("dgamma", outputs.get("dgamma"))
        dbeta = j.array("dbeta", outputs.get("dbeta"))
        for label, got in (("dgamma", dgamma), ("dbeta", dbeta)):
            if got.shape == (1, m) and m != n:
                j.fail(
                    f"{label} has shape (1, {m}): it was summed over the features; gamma and "
                    f"beta are (n, 1) = ({n}, 1), shared by every example, so sum over the "
                    "examples (axis 1)"
                )
        dX = j.array("dX", dX, (n, m))
        dgamma = j.array("dgamma", dgamma, (n, 1))
        dbeta = j.array("dbeta", dbeta, (n, 1))
        size = 1 + float(np.abs(dout).sum())
        j.close("dbeta", dbeta, dbeta_ref, Tolerance(rtol=1e-8, atol=1e-12 * size))
        j.close("dgamma", dgamma, dgamma_ref, Tolerance(rtol=1e-8, atol=1e-11 * size))
        inv_std = 1.0 / np.sqrt(X.var(axis=0, keepdims=True) + eps)
        direct = dout * gamma * inv_std
        j.close(
            "dX",
            dX,
            dX_ref,
            Tolerance(rtol=1e-7, atol=1e-10 * float(np.abs(direct).max()) + 1e-300),
            hints=[
                (
                    "dX ignores how each example's mean and variance depend on X "
                    "(it is only dout * gamma / std)",
                    direct,
                ),
                (
                    "dX keeps the mean term but drops the variance term",
                    direct - direct.mean(axis=0, keepdims=True),
                ),
                (
                    "dX uses batch norm's formula (sums over axis 1); layer norm's statistics, "
                    "and so the sums in dX, run over the features (axis 0)",
                    _batch_axis_dX(dout, X, gamma, eps),
                ),
            ],
        )
        returned = {"dX": dX, "dgamma": dgamma, "dbeta": dbeta}
        for label, numeric in expected["numeric"].items():
            j.close(f"{label} vs numerical gradient", returned[label], numeric, NUMERIC_TOL)


def _batch_axis_dX(dout: np.ndarray, X: np.ndarray, gamma: np.ndarray, eps: float) -> np.ndarray:
    """The layer-norm statistics, but the backward sums taken over the examples (axis 1)."""
    _, (x_hat, inv_std, _) = ref.layernorm_forward(X, gamma, np.zeros_like(gamma), eps)
    m = dout.shape[1]
    dx_hat = dout * gamma
    return np.asarray(
        (inv_std / m)
        * (
            m * dx_hat
            - dx_hat.sum(axis=1, keepdims=True)
            - x_hat * np.sum(dx_hat * x_hat, axis=1, keepdims=True)
        )
    )


layernorm = LayernormChecker
