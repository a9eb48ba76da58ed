"""Grading messages of the neural-network drills that once misled: each names the real cause."""

from __future__ import annotations

import math

import numpy as np

from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess, load_submission
from engine.nn.softmax import cross_entropy


def _first_message(checker: str, source: str, seed: int = 0) -> str:
    c = get_checker(checker)
    verdict = grade_inprocess(c, load_submission(source, c.entries), seed=seed)
    assert verdict.first_failure is not None, verdict.summary
    return verdict.first_failure.message or ""


def test_a_perfect_prediction_has_loss_plus_zero() -> None:
    y = np.eye(3)
    loss = cross_entropy(y.copy(), y)
    assert loss == 0.0 and math.copysign(1.0, loss) == 1.0


def test_a_zero_expected_loss_prints_as_0_not_minus_0() -> None:
    source = (
        "import numpy as np\n"
        "def cross_entropy(y_hat, y):\n"
        "    loss = float(-np.sum(np.log(y_hat[y == 1])) / y.shape[1])\n"
        "    return loss if loss > 0 else 1e-3\n"
    )
    message = _first_message("nn.softmax.cross_entropy", source)
    assert "expected 0, got 0.001" in message
    assert "expected -0" not in message


def test_a_loss_off_by_a_tiny_relative_error_is_not_called_a_factor_of_1() -> None:
    source = (
        "import numpy as np\n"
        "def cross_entropy(y_hat, y):\n"
        "    return float(-np.sum(np.log(y_hat[y == 1])) / y.shape[1]) * (1 + 3e-6)\n"
    )
    message = _first_message("nn.softmax.cross_entropy", source)
    assert "max rel error" in message
    assert "factor of about 1:" not in message and not message.startswith("the loss is off")


def test_gradient_check_cases_include_a_zero_gradient() -> None:
    cases = get_checker("nn.gradcheck.gradient_check").make_cases(np.random.default_rng(3), {})
    zero = [c for c in cases if c.private["variant"] == "zero"]
    assert len(zero) == 1
    assert zero[0].private["ok"] is True and zero[0].private["rel_diff"] == 0.0
    assert all(not np.any(v) for v in zero[0].inputs["coef"].values())


def test_sigmoid_grad_cases_reach_abs_z_1e4() -> None:
    checker = get_checker("nn.activations.sigmoid_grad")
    cases = checker.make_cases(np.random.default_rng(0), {})
    assert max(float(np.abs(c.inputs["args"][0]).max()) for c in cases) == 1e4
    assert checker.fp_strict


def test_adam_shows_the_case_where_eps_matters_most_first() -> None:
    cases = get_checker("nn.optim.adam_step").make_cases(np.random.default_rng(0), {})
    assert "small gradients" in cases[0].name
