"""Checker for batch norm forward and backward, run together so the user's cache is used."""

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
from engine.nn import batchnorm as ref

__all__ = ["batchnorm"]


class BatchnormChecker(NormalizationChecker):
    """batchnorm_forward then batchnorm_backward(dout, cache) in one harness call."""

    name = "nn.batchnorm.batchnorm"
    entries = ("batchnorm_forward", "batchnorm_backward")
    harness = "batchnorm"
    axis = ref.BATCH_AXIS
    statistics_of = "the batch"
    backward_eps_hints = True

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
            spread: bool = False,
        ) -> dict[str, Any]:
            X = gen.normal(rng, (n, m), x_scale) + gen.normal(rng, (n, 1), 3.0)
            if spread:
                X = gen.row_scales(rng, X, 1e-3, 1e2)
            return normalization_inputs(rng, X, eps)

        def some_eps() -> float:
            return gen.log_uniform(rng, 1e-5, 1e-1)

        plans: list[tuple[str, dict[str, Any], bool]] = [
            ("one feature", make(1, gen.size(rng, 4, 8), eps=some_eps()), False),
            ("a batch of one", make(gen.size(rng, 2, 4), 1), False),
            ("a batch of two", make(3, 2, eps=some_eps()), False),
            ("default eps", make(gen.size(rng, 3, 5), gen.size(rng, 6, 10)), False),
            (
                "features of very different scales, eps=0.01",
                make(5, 12, eps=1e-2, spread=True),
                False,
            ),
            ("a larger batch", make(16, 64, eps=some_eps()), False),
            (
                "against a numerical gradient",
                make(3, 5, eps=gen.log_uniform(rng, 1e-4, 1e-1)),
                True,
            ),
        ]
        return normalization_cases(plans)

    def forward_hints(
        self, X: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float
    ) -> list[Hint]:
        return [
            (
                "looks like the unbiased variance (ddof=1); batch norm divides by m",
                normalization_variant(X, gamma, beta, eps, axis=self.axis, ddof=1),
            ),
            (
                "the statistics are over axis 0; examples are columns, so average over axis 1",
                normalization_variant(X, gamma, beta, eps, axis=0),
            ),
            (
                "eps belongs inside the square root: sqrt(var + eps)",
                normalization_variant(X, gamma, beta, eps, axis=self.axis, outside=True),
            ),
            (
                "the eps argument was ignored (1e-5 used instead)",
                normalization_variant(X, gamma, beta, DEFAULT_EPS, axis=self.axis),
            ),
            (
                "eps is missing: divide by sqrt(var + eps), not sqrt(var)",
                normalization_variant(X, gamma, beta, 0.0, axis=self.axis),
            ),
        ]


batchnorm = BatchnormChecker
