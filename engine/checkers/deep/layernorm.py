"""Checker for layer norm forward and backward, run together so the user's cache is used."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._normalization import (
    DEFAULT_EPS,
    NormalizationChecker,
    normalization_cases,
    normalization_inputs,
    normalization_variant,
)
from engine.checks import Hint
from engine.deep import layernorm as ref

__all__ = ["layernorm"]

OTHER_DEFAULT_EPS = (
    ("1e-6", 1e-6, "Flax's LayerNorm default"),
    ("1e-3", 1e-3, "Keras's LayerNormalization default"),
    ("1e-12", 1e-12, "BERT's layer_norm_eps"),
    ("1e-8", 1e-8, "a common epsilon elsewhere"),
)
"""Other libraries' layer-norm epsilons: a signature that keeps one fails only the
default-eps case, which then names it."""


class LayernormChecker(NormalizationChecker):
    """layernorm_forward then layernorm_backward(dout, cache) in one harness call."""

    name = "deep.layernorm.layernorm"
    entries = ("layernorm_forward", "layernorm_backward")
    harness = "layernorm"
    axis = ref.FEATURE_AXIS
    statistics_of = "each example's"
    features_sum_hint = True
    backward_eps_hints = True
    other_axis_dX_hint = (
        "dX uses batch norm's formula (sums over axis 1); layer norm's statistics, "
        "and so the sums in dX, run over the features (axis 0)"
    )

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
            if offsets:  # examples of very different sizes, each offset from 0 by a few spreads
                # (an offset of a few hundred spreads or more made the variance written as
                # mean(x**2) - mean(x)**2, exact in real numbers, fail some seeds on rounding)
                X = gen.column_scales(rng, X + gen.normal(rng, (1, m), 5.0), 1e-2, 1e2)
            if constant:  # one example whose features are all equal: variance 0
                X[:, 0] = float(rng.normal())
            return normalization_inputs(rng, X, eps)

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
        return normalization_cases(plans)

    def forward_hints(
        self, X: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float
    ) -> list[Hint]:
        return [
            (
                "the statistics are over axis 1 (across the batch, as batch norm does); "
                "layer norm normalizes each example (column) over its features, axis 0",
                normalization_variant(X, gamma, beta, eps, axis=1),
            ),
            (
                "looks like the unbiased variance (ddof=1); layer norm divides by n",
                normalization_variant(X, gamma, beta, eps, axis=self.axis, ddof=1),
            ),
            (
                "eps belongs inside the square root: sqrt(var + eps)",
                normalization_variant(X, gamma, beta, eps, axis=self.axis, outside=True),
            ),
            (
                "eps was added after the division, (X - mean) / sqrt(var) + eps, a missing "
                "pair of parentheses: it belongs inside the root, (X - mean) / sqrt(var + eps)",
                lambda: (
                    gamma
                    * (
                        (X - X.mean(axis=0, keepdims=True)) / np.sqrt(X.var(axis=0, keepdims=True))
                        + eps
                    )
                    + beta
                ),
            ),
            (
                "the mean and variance are of the whole batch, every entry at once (X.mean() "
                "and X.var() without an axis); layer norm takes each example's own, over its "
                "features: axis 0, keepdims=True",
                gamma * (X - X.mean()) / np.sqrt(X.var() + eps) + beta,
            ),
            (
                "the eps argument was ignored (1e-5 used instead)",
                normalization_variant(X, gamma, beta, DEFAULT_EPS, axis=self.axis),
            ),
            *(
                (
                    f"eps defaults to {shown} in your signature ({whose}); this drill's "
                    "default is eps=1e-5, as in PyTorch's nn.LayerNorm",
                    normalization_variant(X, gamma, beta, other, axis=self.axis),
                )
                for shown, other, whose in OTHER_DEFAULT_EPS
                if eps == DEFAULT_EPS  # only the case that leaves eps to the signature
            ),
        ]


layernorm = LayernormChecker
