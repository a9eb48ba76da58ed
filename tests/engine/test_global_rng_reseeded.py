"""The rng harnesses tell code that re-seeds a global generator from code that leaves it
alone (and from code that only draws from it, which the determinism tests already fail)."""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pytest

from engine.harnesses import dropout as dropout_harness
from engine.harnesses import seeded

ARGS = {"fn": "shuffle", "args": [np.arange(6.0)], "seed": 3, "other_seed": 4}
GLOBAL_SEEDS = {"global_seeds": [11, 12, 13]}


def _own(x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return np.asarray(x[rng.permutation(x.size)])


def _reseeds_numpy(x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    np.random.seed(int(rng.integers(0, 2**31)))
    return np.asarray(x[np.random.permutation(x.size)])


def _reseeds_python(x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    random.seed(7)
    return _own(x, rng)


def _draws_numpy(x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return np.asarray(x[np.random.permutation(x.size)])


@pytest.mark.parametrize(
    ("fn", "flags"),
    [(_own, [0, 0]), (_reseeds_numpy, [0, 1]), (_reseeds_python, [1, 0]), (_draws_numpy, [0, 0])],
)
def test_seeded_harness_flags_only_a_reseeded_generator(fn: Any, flags: list[int]) -> None:
    out = seeded.run_case({"shuffle": fn}, {**ARGS, **GLOBAL_SEEDS})
    assert out["global_reseeded"] == flags


def test_dropout_harness_flags_a_reseeded_numpy() -> None:
    def forward(A: np.ndarray, keep_prob: float, rng: np.random.Generator) -> Any:
        np.random.seed(int(rng.integers(0, 2**31)))
        mask = np.random.rand(*A.shape) < keep_prob
        return A * mask / keep_prob, mask

    def honest(A: np.ndarray, keep_prob: float, rng: np.random.Generator) -> Any:
        mask = rng.random(A.shape) < keep_prob
        return A * mask / keep_prob, mask

    inputs = {
        "A": np.ones((3, 4)),
        "dout": np.ones((3, 4)),
        "keep_prob": 0.5,
        "seed": 1,
        "other_seed": 2,
        "spread_seeds": [],
        **GLOBAL_SEEDS,
    }
    backward = {"dropout_backward": lambda d, m, k: d * m / k}
    flagged = dropout_harness.run_case({"dropout_forward": forward, **backward}, inputs)
    clean = dropout_harness.run_case({"dropout_forward": honest, **backward}, inputs)
    assert flagged["global_reseeded"] == [0, 1]
    assert clean["global_reseeded"] == [0, 0]
