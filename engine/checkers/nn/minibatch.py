"""Checker for random_mini_batches: a shuffled partition of the columns, X and Y kept together."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, stat_note
from engine.checks import Judgement
from engine.nn import minibatch as ref

__all__ = ["random_mini_batches"]

RNG_HINT = "shuffle with the rng argument (rng.permutation), not np.random.* or a new default_rng()"
MIN_M_FOR_ORDER_TESTS = 12
"""A uniform shuffle of m >= 12 columns keeps the original order with chance 1/m! < 2.1e-9."""


class MiniBatchChecker(NNChecker):
    """random_mini_batches(X, Y, batch_size, rng) -> [(X_b, Y_b), ...]."""

    name = "nn.minibatch.random_mini_batches"
    entries = ("random_mini_batches",)
    harness = "seeded"
    copy_hint = "index with a permutation (X[:, perm]) instead of shuffling X in place"

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"random_mini_batches": ref.random_mini_batches}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        bs = gen.size(rng, 3, 9)
        plans: list[tuple[str, int, int, int, int]] = [
            ("one example", 1, gen.size(rng, 2, 5), 2, 1),
            ("fewer examples than batch_size", gen.size(rng, 2, 6), 16, 3, 1),
            ("batch_size 1", 13, 1, 2, 1),
            ("m a multiple of batch_size", bs * gen.size(rng, 3, 5), bs, 4, 3),
            ("a partial last batch", bs * gen.size(rng, 3, 5) + gen.size(rng, 1, bs - 1), bs, 3, 2),
            ("binary labels", gen.size(rng, 40, 70), gen.size(rng, 5, 16), 5, 1),
            ("a larger dataset", gen.size(rng, 200, 300), 32, 8, 4),
        ]
        out = []
        for i, (what, m, batch_size, n_x, n_y) in enumerate(plans, 1):
            X = gen.normal(rng, (n_x, m))
            X[0] = rng.permutation(m) + rng.uniform(0.1, 0.9, size=m)  # a unique first row
            Y = gen.one_hot(rng, n_y, m) if n_y > 1 else (rng.random((1, m)) < 0.5) * 1.0
            inputs = {
                "fn": "random_mini_batches",
                "args": [X, Y, batch_size],
                "seed": gen.child_seed(rng),
                "other_seed": gen.child_seed(rng),
                "global_seeds": [gen.child_seed(rng) % 2**32 for _ in range(3)],
            }
            out.append(
                Case(
                    f"case {i}: {what} (m={m}, batch_size={batch_size})",
                    inputs,
                    gen.describe(X=X, Y=Y, batch_size=batch_size),
                )
            )
        return out

    def _order(
        self, label: str, result: Any, X: np.ndarray, Y: np.ndarray, batch_size: int, j: Judgement
    ) -> np.ndarray:
        """The column order the batches hold, after checking they partition (X, Y)."""
        m = X.shape[1]
        count = math.ceil(m / batch_size)
        batches = j.sequence(label, result)
        if len(batches) != count:
            extra = ""
            if len(batches) == m // batch_size:
                extra = ": the last, partial batch is missing"
            j.fail(
                f"{label}: got {len(batches)} batches; m={m} with batch_size={batch_size} needs {count}{extra}"
            )
        order_x = np.argsort(X[0])
        parts = []
        for k, batch in enumerate(batches):
            pair = j.sequence(f"batch {k}", batch, 2)
            width = min(batch_size, m - k * batch_size)
            xb = j.array(f"X of batch {k}", pair[0], (X.shape[0], width))
            yb = j.array(f"Y of batch {k}", pair[1], (Y.shape[0], width))
            pos = np.clip(np.searchsorted(X[0][order_x], xb[0]), 0, m - 1)
            idx = order_x[pos]
            if not np.array_equal(X[:, idx], xb):
                j.fail(f"the X of batch {k} holds columns that are not columns of X")
            if not np.array_equal(Y[:, idx], yb):
                j.fail(
                    f"in batch {k} the Y columns no longer belong to their X columns: shuffle X and Y "
                    "with the same permutation"
                )
            parts.append(idx)
        perm = np.concatenate(parts)
        if np.unique(perm).size != m:
            j.fail(
                "some examples appear in more than one batch and others in none: use a permutation "
                "(rng.permutation(m)), not sampling with replacement"
            )
        return perm

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        X, Y, batch_size = case.inputs["args"]
        m = X.shape[1]
        perm = self._order("the batches", outputs.get("first"), X, Y, batch_size, j)
        again = self._order("the batches (second call)", outputs.get("again"), X, Y, batch_size, j)
        if not np.array_equal(perm, again):
            j.fail(
                f"two calls with generators built from the same seed shuffled differently: {RNG_HINT}"
            )
        if m < MIN_M_FOR_ORDER_TESTS:
            return
        if np.array_equal(perm, np.arange(m)):
            j.fail(
                f"the examples are in their original order: shuffle the columns first {stat_note()}"
            )
        other = self._order("the batches (another seed)", outputs.get("other"), X, Y, batch_size, j)
        if np.array_equal(perm, other):
            j.fail(
                f"generators built from different seeds gave the same shuffle: {RNG_HINT} {stat_note()}"
            )


random_mini_batches = MiniBatchChecker
