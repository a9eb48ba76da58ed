"""gradient_check's tight-threshold case: a float64 numerical gradient passes it, the same
gradient held in float32 fails it, on every seed the sweeps read (0-89)."""

from __future__ import annotations

import numpy as np
import pytest

from engine.checkers import get_checker
from engine.checkers.base import Case, Outcome
from engine.checkers.nn.gradcheck import PRECISE_THRESHOLD
from engine.harnesses.gradcheck import make_function, make_gradient
from engine.nn import gradcheck as ref
from engine.verdict import CaseStatus

SEEDS = range(90)


def _precise(seed: int) -> Case:
    cases = get_checker("nn.gradcheck.gradient_check").make_cases(np.random.default_rng(seed), {})
    (case,) = [c for c in cases if c.private["variant"] == "precise"]
    return case


def _rel(num: np.ndarray, ana: np.ndarray) -> float:
    return float(np.linalg.norm(num - ana) / (np.linalg.norm(num) + np.linalg.norm(ana)))


def test_float64_and_float32_numerical_gradients_fall_on_either_side_with_a_margin() -> None:
    """Reference at least 10x below the threshold; its float32 copy at least 4x above."""
    for seed in SEEDS:
        case = _precise(seed)
        inputs = case.inputs
        assert inputs["threshold"] == PRECISE_THRESHOLD
        f, g = make_function(inputs["coef"]), make_gradient(inputs["gcoef"])
        num = ref.numerical_gradient(f, inputs["x"].copy(), inputs["eps"])
        ana = g(inputs["x"].copy())
        assert case.private["ok"] is True
        assert _rel(num, ana) < PRECISE_THRESHOLD / 10, seed
        assert _rel(num.astype(np.float32).astype(np.float64), ana) > 4 * PRECISE_THRESHOLD, seed


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_a_float32_rel_diff_is_failed_with_float32_named(seed: int) -> None:
    checker = get_checker("nn.gradcheck.gradient_check")
    case = _precise(seed)
    inputs = case.inputs
    f, g = make_function(inputs["coef"]), make_gradient(inputs["gcoef"])
    num = ref.numerical_gradient(f, inputs["x"].copy(), inputs["eps"]).astype(np.float32)
    rel = _rel(num.astype(np.float64), g(inputs["x"].copy()))
    outputs = {"ok": rel < PRECISE_THRESHOLD, "rel_diff": rel, "x_after": inputs["x"].copy()}
    result = checker.judge(case, Outcome(outputs=outputs))
    assert result.status is CaseStatus.FAILED
    assert "float32" in result.message
    right = {"ok": True, "rel_diff": case.private["rel_diff"], "x_after": inputs["x"].copy()}
    assert checker.judge(case, Outcome(outputs=right)).status is CaseStatus.PASSED
