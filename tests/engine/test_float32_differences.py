"""The numerical-gradient checker reads a float32 store of the differences f(x + eps) -
f(x - eps) back out of grad * 2 eps; a float64 gradient must never be taken for one."""

from __future__ import annotations

import numpy as np

from engine.checkers import get_checker
from engine.checkers.nn.gradcheck import DEFAULT_EPS, _float32_differences
from engine.harnesses.gradcheck import make_function
from engine.nn import gradcheck as ref


def _reference_gradients(seeds: range) -> list[tuple[np.ndarray, float]]:
    checker = get_checker("nn.gradcheck.numerical_gradient")
    out = []
    for seed in seeds:
        for case in checker.make_cases(np.random.default_rng(seed), {}):
            x, eps = case.inputs["x"], case.inputs.get("eps", DEFAULT_EPS)
            out.append(
                (ref.numerical_gradient(make_function(case.inputs["coef"]), x.copy(), eps), eps)
            )
    return out


def test_float64_gradients_are_not_taken_for_float32_differences() -> None:
    grads = _reference_gradients(range(200))
    assert not any(_float32_differences(g, g, eps) for g, eps in grads)


def test_differences_rounded_to_float32_are_found() -> None:
    grads = [(g, eps) for g, eps in _reference_gradients(range(20)) if g.size >= 4 and eps >= 1e-5]
    assert grads  # every seed has such cases
    for g, eps in grads:
        stored = (g * (2 * eps)).astype(np.float32).astype(np.float64) / (2 * eps)
        assert _float32_differences(stored, g, eps)


def test_too_few_entries_or_a_tiny_eps_are_not_read() -> None:
    g = np.array([0.5, -1.25, 2.0])
    stored = (g * 2e-5).astype(np.float32).astype(np.float64) / 2e-5
    assert not _float32_differences(stored, g, 1e-5)  # three entries: too few to tell
    g4 = np.append(g, 3.5)
    stored4 = (g4 * 2e-6).astype(np.float32).astype(np.float64) / 2e-6
    assert not _float32_differences(stored4, g4, 1e-6)


def test_a_wrong_gradient_is_left_to_the_tolerance() -> None:
    # twice the float32 differences are float32 numbers too, but far from the reference
    g = np.array([0.6, -1.3, 2.2, 3.7])
    doubled = (g * 2e-5).astype(np.float32).astype(np.float64) * 2 / 2e-5
    assert not _float32_differences(doubled, g, 1e-5)
    assert _float32_differences(doubled / 2, g, 1e-5)
