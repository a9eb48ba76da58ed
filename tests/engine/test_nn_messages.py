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


def test_sigmoid_grad_cases_reach_abs_z_1e4_and_past_long_doubles_exp() -> None:
    checker = get_checker("nn.activations.sigmoid_grad")
    cases = checker.make_cases(np.random.default_rng(0), {})
    largest = [float(np.abs(c.inputs["args"][0]).max()) for c in cases]
    assert 1e4 in largest and max(largest) == 1e300  # 1e300: a naive form in long double fails
    assert checker.fp_strict


def test_adam_shows_the_case_where_eps_matters_most_first() -> None:
    cases = get_checker("nn.optim.adam_step").make_cases(np.random.default_rng(0), {})
    assert "small gradients" in cases[0].name


def test_a_function_with_other_parameters_is_told_the_drills_signature() -> None:
    """A parameter too many or too few raised Python's TypeError in every case, with nothing
    saying which parameters the drill's function takes."""
    for source in (
        "import numpy as np\ndef sigmoid(z, w):\n    return z\n",
        "import numpy as np\ndef sigmoid():\n    return 0\n",
    ):
        message = _first_message("nn.activations.sigmoid", source)
        assert message.startswith("your code raised TypeError: sigmoid() "), message
        assert message.endswith(
            "the drill's function is `sigmoid(z)`, as the starter declares it: keep its parameters"
        ), message
    message = _first_message(
        "nn.optim.momentum_step",
        "def momentum_step(theta, grad, v):\n    return theta, v\n",
    )
    assert "`momentum_step(theta, grad, v, lr, beta)`" in message, message


def test_a_type_error_of_another_call_gets_no_signature_note() -> None:
    message = _first_message(
        "nn.activations.sigmoid", "import numpy as np\ndef sigmoid(z):\n    return np.exp()\n"
    )
    assert message.startswith("your code raised TypeError"), message
    assert "the drill's function is" not in message


def test_a_parameter_named_otherwise_still_passes() -> None:
    c = get_checker("nn.activations.sigmoid")
    source = (
        "import numpy as np\n"
        "def sigmoid(x, /):\n"
        "    e = np.exp(-np.abs(x))\n"
        "    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))\n"
    )
    assert grade_inprocess(c, load_submission(source, c.entries), seed=0).passed
