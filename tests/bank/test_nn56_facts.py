"""Facts behind the fifty-sixth round's edits to the neural-networks pack, computed.

Each test computes the fact and then checks that the card still states it.
"""

from __future__ import annotations

import numpy as np

from tests.bank.bundled import text


def _max_fit_error(features: np.ndarray, target: np.ndarray) -> float:
    coef, *_ = np.linalg.lstsq(features, target, rcond=None)
    return float(np.abs(features @ coef - target).max())


def test_relu_units_without_biases_cannot_fit_a_constant_but_with_biases_can() -> None:
    """universal-approximation names the biases as part of Leshno et al.'s condition: a
    bias-free ReLU network is positively homogeneous, F(t x) = t F(x), so F(0) = 0 however
    many units it has, and the constant 1 on [-1, 1] stays at least 1 away at x = 0; with
    biases two units already give it (relu(x + 2) - relu(x + 1) = 1 for x >= -1)."""
    x = np.linspace(-1.0, 1.0, 401)
    target = np.ones_like(x)
    slopes = np.concatenate([np.linspace(-3.0, -0.1, 40), np.linspace(0.1, 3.0, 40)])
    no_bias = np.maximum(np.outer(x, slopes), 0.0)
    assert np.count_nonzero(x == 0.0) == 1 and np.all(no_bias[x == 0.0] == 0.0)
    assert _max_fit_error(no_bias, target) >= 1.0 - 1e-9
    biases = np.linspace(-1.5, 1.5, 80)
    with_bias = np.maximum(np.outer(x, slopes) + biases, 0.0)
    assert _max_fit_error(with_bias, target) < 1e-6
    pair = np.maximum(x + 2.0, 0.0) - np.maximum(x + 1.0, 0.0)
    assert np.abs(pair - target).max() < 1e-12
    body = text("universal-approximation")
    assert "(locally bounded, piecewise continuous, with biases)" in body
