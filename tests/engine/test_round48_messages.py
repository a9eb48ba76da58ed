"""Forty-eighth round: the messages added for answers written as candidates write them
(a vectorized math-module function, a float16 step with cancellation, a float32 loss)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.checkers import get_checker
from engine.checks import Judgement, Tolerance, float16_only, math_module_note, narrow_far
from engine.grade_inprocess import grade_inprocess, load_submission


def _raised(compute: object) -> str:
    try:
        assert callable(compute)
        compute()
    except (OverflowError, ValueError) as error:
        return f"{type(error).__name__}: {error}\n  line 3, in f: ..."
    raise AssertionError("expected an error")


def test_math_module_errors_get_the_shift_that_avoids_them() -> None:
    overflow = _raised(lambda: math.exp(1e4))
    assert "overflows past an argument of about 709.78" in math_module_note(overflow)
    domain = _raised(lambda: math.log(0.0))
    assert "subtract the largest value before exponentiating" in math_module_note(domain)
    assert math_module_note("ValueError: shapes (3,) and (4,) not aligned") == ""
    assert math_module_note("OverflowError: int too large to convert to float") == ""


def test_a_float16_step_with_cancellation_is_named_past_float16s_rounding() -> None:
    z = np.array([[6.6, -7.3, 5.9]])  # only tails: every value is small
    expected = np.exp(-np.abs(z)) / (1.0 + np.exp(-np.abs(z))) ** 2
    s = 1 / (1 + np.exp(-z.astype(np.float16)))
    got = (s * (1 - s)).astype(np.float64)  # 1 - s for s near 1 in float16
    assert not float16_only(got, expected)  # further off than float16's rounding
    assert narrow_far(got, expected, np.float16)
    # float64 results, and integer or half-integer slips, are not taken for float16
    assert not narrow_far(expected * 1.5, expected, np.float16)
    assert not narrow_far(np.array([[3.0, 37.0, 0.5]]), expected, np.float16)

    def body(j: Judgement) -> None:
        j.close("sigmoid_grad(z)", got, expected, Tolerance(rtol=1e-9))

    result = Judgement("case", "").run(body)
    assert "every value of sigmoid_grad(z) is a float16 number" in result.message


CE_FLOAT32 = """
import numpy as np

def cross_entropy(y_hat, y):
    p = np.sum(y_hat * y, axis=0).astype(np.float32)
    return float(-np.sum(np.log(p)) / y.shape[1])
"""
CE_FLOAT64 = CE_FLOAT32.replace(".astype(np.float32)", "")


@pytest.mark.parametrize("seed", [0, 5, 12])
def test_a_float32_cross_entropy_fails_inside_the_cards_tolerance(seed: int) -> None:
    checker = get_checker("nn.softmax.cross_entropy")
    narrow = grade_inprocess(checker, load_submission(CE_FLOAT32, checker.entries), seed=seed)
    assert not narrow.passed
    assert narrow.first_failure is not None
    assert "the loss is a float32 number" in narrow.first_failure.message
    wide = grade_inprocess(checker, load_submission(CE_FLOAT64, checker.entries), seed=seed)
    assert wide.passed, wide.summary


NG_FLOAT32 = """
import numpy as np

def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros(x.shape, dtype=np.float32)
    for idx in np.ndindex(x.shape):
        saved = x[idx]
        x[idx] = saved + eps
        plus = f(x)
        x[idx] = saved - eps
        minus = f(x)
        x[idx] = saved
        grad[idx] = (plus - minus) / (2 * eps)
    return grad.astype(np.float64)
"""
NG_FLOAT64 = NG_FLOAT32.replace(", dtype=np.float32", "")


@pytest.mark.parametrize("seed", [0, 5, 12])
def test_a_float32_gradient_buffer_fails_inside_the_cards_tolerance(seed: int) -> None:
    checker = get_checker("nn.gradcheck.numerical_gradient")
    narrow = grade_inprocess(checker, load_submission(NG_FLOAT32, checker.entries), seed=seed)
    assert narrow.first_failure is not None
    assert "every value of grad is a float32 number" in narrow.first_failure.message
    wide = grade_inprocess(checker, load_submission(NG_FLOAT64, checker.entries), seed=seed)
    assert wide.passed, wide.summary
