"""Checker for batch norm forward and backward, run together so the user's cache is used."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, normalization_numeric_grads
from engine.checkers.returned import wrong_return
from engine.checks import Judgement, Tolerance
from engine.nn import batchnorm as ref

__all__ = ["batchnorm"]

NUMERIC_TOL = Tolerance(rtol=1e-5, atol=1e-7)
DEFAULT_EPS = 1e-5


def _forward_variant(
    X: np.ndarray,
    gamma: np.ndarray,
    beta: np.ndarray,
    eps: float,
    *,
    axis: int = 1,
    ddof: int = 0,
    outside: bool = False,
) -> np.ndarray:
    mu = X.mean(axis=axis, keepdims=True)
    var = (
        X.var(axis=axis, keepdims=True, ddof=ddof)
        if X.shape[axis] > ddof
        else np.full_like(mu, np.nan)
    )
    std = np.sqrt(var) + eps if outside else np.sqrt(var + eps)
    with np.errstate(all="ignore"):
        return np.asarray(gamma * (X - mu) / std + beta)


class BatchnormChecker(NNChecker):
    """batchnorm_forward then batchnorm_backward(dout, cache) in one harness call."""

    name = "nn.batchnorm.batchnorm"
    entries = ("batchnorm_forward", "batchnorm_backward")
    harness = "batchnorm"
    copy_hint = "work on copies (e.g. X - mu builds a new array, X -= mu does not)"

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {
            "batchnorm_forward": ref.batchnorm_forward,
            "batchnorm_backward": ref.batchnorm_backward,
        }

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        def make(
            n: int,
            m: int,
            x_scale: float = 2.0,
            eps: float | None = None,
            numeric: bool = False,
            spread: bool = False,
        ) -> dict[str, Any]:
            X = gen.normal(rng, (n, m), x_scale) + gen.normal(rng, (n, 1), 3.0)
            if spread:
                X = gen.row_scales(rng, X, 1e-3, 1e2)
            inputs: dict[str, Any] = {
                "X": X,
                "gamma": rng.uniform(0.5, 2.0, size=(n, 1)) * rng.choice([-1.0, 1.0], size=(n, 1)),
                "beta": gen.normal(rng, (n, 1)),
                "dout": gen.normal(rng, (n, m)),
            }
            if eps is not None:  # no key: the entry's own default is used
                inputs["eps"] = eps
            return {
                "inputs": inputs,
                "numeric": numeric,
            }

        plans = [
            ("one feature", make(1, gen.size(rng, 4, 8), eps=gen.log_uniform(rng, 1e-5, 1e-1))),
            ("a batch of one", make(gen.size(rng, 2, 4), 1)),
            ("a batch of two", make(3, 2, eps=gen.log_uniform(rng, 1e-5, 1e-1))),
            ("default eps", make(gen.size(rng, 3, 5), gen.size(rng, 6, 10))),
            ("features of very different scales, eps=0.01", make(5, 12, eps=1e-2, spread=True)),
            ("a larger batch", make(16, 64, eps=gen.log_uniform(rng, 1e-5, 1e-1))),
            (
                "against a numerical gradient",
                make(3, 5, eps=gen.log_uniform(rng, 1e-4, 1e-1), numeric=True),
            ),
        ]
        out = []
        for i, (what, plan) in enumerate(plans, 1):
            inputs = plan["inputs"]
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
                    private={"numeric": plan["numeric"]},
                )
            )
        return out

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        X, gamma, beta, dout = (case.inputs[k] for k in ("X", "gamma", "beta", "dout"))
        eps = case.inputs.get("eps", DEFAULT_EPS)
        n, m = X.shape
        if "bad_forward" in outputs:
            j.fail(wrong_return("batchnorm_forward", "(out, cache)", outputs["bad_forward"]))
        out_ref, cache = ref.batchnorm_forward(X, gamma, beta, eps)
        dX_ref, dgamma_ref, dbeta_ref = ref.batchnorm_backward(dout, cache)
        out = j.array("out", outputs.get("out"), (n, m))
        scale = float(np.abs(out_ref).max()) + 1.0
        forward_hints = [
            (
                "looks like the unbiased variance (ddof=1); batch norm divides by m",
                _forward_variant(X, gamma, beta, eps, ddof=1),
            ),
            (
                "the statistics are over axis 0; examples are columns, so average over axis 1",
                _forward_variant(X, gamma, beta, eps, axis=0),
            ),
            (
                "eps belongs inside the square root: sqrt(var + eps)",
                _forward_variant(X, gamma, beta, eps, outside=True),
            ),
            (
                "the eps argument was ignored (1e-5 used instead)",
                _forward_variant(X, gamma, beta, DEFAULT_EPS),
            ),
            (
                "eps is missing: divide by sqrt(var + eps), not sqrt(var)",
                _forward_variant(X, gamma, beta, 0.0),
            ),
        ]
        j.close("out", out, out_ref, Tolerance(rtol=1e-8, atol=1e-11 * scale), hints=forward_hints)
        if "bad_backward" in outputs:
            j.fail(
                wrong_return("batchnorm_backward", "(dX, dgamma, dbeta)", outputs["bad_backward"])
            )
        dX = j.array("dX", outputs.get("dX"), (n, m))
        dgamma = j.array("dgamma", outputs.get("dgamma"), (n, 1))
        dbeta = j.array("dbeta", outputs.get("dbeta"), (n, 1))
        j.close(
            "dbeta", dbeta, dbeta_ref, Tolerance(rtol=1e-8, atol=1e-12 * (1 + np.abs(dout).sum()))
        )
        # a backward pass that recomputes the statistics with its own eps
        eps_hints: list[tuple[str, tuple[np.ndarray, np.ndarray, np.ndarray]]] = []
        for other, said in ((DEFAULT_EPS, "1e-5 (its own default)"), (0.0, "0 (no eps)")):
            if other != eps:
                with np.errstate(all="ignore"):
                    _, other_cache = ref.batchnorm_forward(X, gamma, beta, other)
                    eps_hints.append(
                        (
                            f"the backward pass used eps = {said}, not the eps = {eps:g} given "
                            "to the forward pass: keep what the forward pass computed (or eps "
                            "itself) in the cache",
                            ref.batchnorm_backward(dout, other_cache),
                        )
                    )
        j.close(
            "dgamma",
            dgamma,
            dgamma_ref,
            Tolerance(rtol=1e-8, atol=1e-11 * (1 + np.abs(dout).sum())),
            hints=[(msg, grads[1]) for msg, grads in eps_hints],
        )
        inv_std = 1.0 / np.sqrt(X.var(axis=1, keepdims=True) + eps)
        size = float(np.abs(dout * gamma * inv_std).max())
        j.close(
            "dX",
            dX,
            dX_ref,
            Tolerance(rtol=1e-7, atol=1e-10 * size + 1e-300),
            hints=[
                *((msg, grads[0]) for msg, grads in eps_hints),
                (
                    "dX ignores how the batch mean and variance depend on X (it is only dout * gamma / std)",
                    dout * gamma * inv_std,
                ),
                (
                    "dX keeps the mean term but drops the variance term",
                    dout * gamma * inv_std - (dout * gamma * inv_std).mean(axis=1, keepdims=True),
                ),
            ],
        )
        if case.private.get("numeric"):
            numeric = normalization_numeric_grads(ref.batchnorm_forward, X, gamma, beta, dout, eps)
            for label, got in (("dX", dX), ("dgamma", dgamma), ("dbeta", dbeta)):
                j.close(f"{label} vs numerical gradient", got, numeric[label], NUMERIC_TOL)


batchnorm = BatchnormChecker
