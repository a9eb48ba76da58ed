"""Fifty-fourth round: verdicts of the twenty drills the fifty-third round's sweep left out,
read as a learner reads them, where they named the wrong cause or only a bare shape."""

from __future__ import annotations

import numpy as np
import pytest

from engine.checkers import get_checker
from engine.checkers.arch.attention import _all_allowed_nan
from engine.grade_inprocess import grade_inprocess, load_submission

ATTENTION = "arch.attention.attention"
MINI_BATCHES = "nn.minibatch.random_mini_batches"


def _first(checker_name: str, source: str, seed: int) -> tuple[str, str]:
    checker = get_checker(checker_name)
    fns = load_submission(source, checker.entries)
    verdict = grade_inprocess(checker, fns, seed=seed)
    failure = verdict.first_failure
    return verdict.status.value, failure.message if failure else ""


SHIFTED_BY_MINIMUM = """
import numpy as np

def scaled_dot_product_attention(Q, K, V, mask=None):
    s = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        s = np.where(mask, s, -1e9)
    e = np.exp(s - s.min(axis=-1, keepdims=True))
    if mask is not None:
        e = e * mask
    w = e / e.sum(axis=-1, keepdims=True)
    return w @ V, w
"""

MULTIPLIED_MASK = """
import numpy as np

def scaled_dot_product_attention(Q, K, V, mask=None):
    s = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        s = s + (~mask) * -np.inf
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    w = e / e.sum(axis=-1, keepdims=True)
    return w @ V, w
"""


@pytest.mark.parametrize("seed", [0, 5])
def test_an_overflowing_exp_is_not_told_as_a_mask_multiplied_by_minus_inf(seed: int) -> None:
    # exp(1e9) is inf, and inf / inf makes every allowed weight of a masked row NaN, as
    # 0 * -inf does; numpy's overflow report tells them apart
    status, message = _first(ATTENTION, SHIFTED_BY_MINIMUM, seed)
    assert status == "failed"
    assert "multiplying by -inf" not in message
    assert "numpy reported overflow" in message
    assert "subtract each row's maximum score before exp" in message


@pytest.mark.parametrize("seed", [0, 5])
def test_a_mask_multiplied_by_minus_inf_is_still_named(seed: int) -> None:
    status, message = _first(ATTENTION, MULTIPLIED_MASK, seed)
    assert status == "failed"
    assert message.startswith("every allowed key's weight became NaN: an additive mask made")


def test_all_allowed_nan_needs_an_invalid_value_and_no_overflow() -> None:
    weights = np.full((2, 3), np.nan)
    allowed = np.ones((2, 3), dtype=bool)
    assert _all_allowed_nan(weights, allowed, ["invalid value"])
    assert not _all_allowed_nan(weights, allowed, ["overflow", "invalid value"])
    assert not _all_allowed_nan(weights, allowed, [])


MAXPOOL_WIDTH_FROM_HEIGHT = """
import numpy as np

def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho = (H - size) // stride + 1
    out = np.empty((N, C, Ho, Ho))
    for i in range(Ho):
        for j in range(Ho):
            out[:, :, i, j] = x[:, :, i*stride:i*stride+size, j*stride:j*stride+size].max(axis=(2, 3))
    return out

def maxpool_backward(dout, x, size=2, stride=2):
    return np.zeros_like(x)
"""


def test_maxpool_width_taken_from_the_height_is_named() -> None:
    status, message = _first("arch.pooling.maxpool", MAXPOOL_WIDTH_FROM_HEIGHT, 0)
    assert status == "failed"
    assert "the width's size was computed from H (Wo = Ho)" in message


def _named(mistakes: list[tuple[str, tuple[int, ...]]], shape: tuple[int, ...]) -> str:
    return "; or ".join(message for message, named in mistakes if named == shape)


def test_maxpool_size_slips_name_the_rounding_not_only_the_fix() -> None:
    from engine.checkers.arch.pooling import _size_mistakes

    # H = 5, W = 10, size 2, stride 3: (1, 1, 2, 3) is due; (10 - 2) / 3 = 2.67, so a
    # ceiling and round() both count a fourth window across, and Wo = Ho gives 2
    mistakes = _size_mistakes(np.zeros((1, 1, 5, 10)), 2, 3)
    rounded_up = _named(mistakes, (1, 1, 2, 4))
    assert "the size rounds up (a ceiling division)" in rounded_up
    assert "rounded to the nearest whole number, round((H - size) / stride) + 1" in rounded_up
    assert "computed from H (Wo = Ho)" in _named(mistakes, (1, 1, 2, 2))


def test_maxpool_width_from_height_is_left_out_where_a_slip_of_both_axes_gives_it() -> None:
    from engine.checkers.arch.pooling import _size_mistakes

    # H = 7, W = 6, size 2, stride 2: Ho = 3, Wo = 3 due; (n, c, 3, 3) is no mistake, and
    # 7 // 2 = 3, 6 // 2 = 3: nothing to add
    mistakes = _size_mistakes(np.zeros((1, 1, 7, 6)), 2, 2)
    assert all("Wo = Ho" not in message for message, _ in mistakes)


def test_conv_one_kernel_size_for_both_axes_is_named() -> None:
    from engine.checkers.arch.conv import _size_mistakes

    # an 8 x 8 input and a 3 x 2 kernel: (1, 3, 6, 7) is due
    mistakes = _size_mistakes(np.zeros((1, 2, 8, 8)), np.zeros((3, 2, 3, 2)), 1, 0)
    assert "the width's size used the kernel's height KH" in _named(mistakes, (1, 3, 6, 6))
    assert "the height's size used the kernel's width KW" in _named(mistakes, (1, 3, 7, 7))


BATCHES_OF = """
import numpy as np

def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = rng.permutation(m)
    Xs, Ys = X[:, perm], Y[:, perm]
    w = {width}
    return [(Xs[:, k:k + w], Ys[:, k:k + w]) for k in range(0, m, {step})]
"""


def test_batches_one_column_short_say_every_width_and_the_due_ones() -> None:
    source = BATCHES_OF.format(width="batch_size - 1", step="batch_size")
    status, message = _first(MINI_BATCHES, source, 0)
    assert status == "failed"
    assert "13 batches of 0 columns came back" in message
    assert "gives 13 batches of 1 column" in message
    assert "each batch stops one column short" in message


EQUAL_FROM_COUNT = """
import math

def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    size = math.ceil(m / max(1, m // batch_size))
    perm = rng.permutation(m)
    X, Y = X[:, perm], Y[:, perm]
    return [(X[:, i:i + size], Y[:, i:i + size]) for i in range(0, m, size)]
"""


def test_equal_batches_larger_than_batch_size_are_not_a_missing_last_batch() -> None:
    # seed 0's case 5 has m = 25, batch_size = 8: three batches, as many as m // batch_size,
    # but of 9, 9 and 7 columns, every column kept
    status, message = _first(MINI_BATCHES, EQUAL_FROM_COUNT, 0)
    assert status == "failed"
    assert "the last, partial batch is missing" not in message
    assert (
        "got 3 batches; m=25 with batch_size=8 needs 4 (3 batches of 8 columns and a last of "
        "1); they came as 2 batches of 9 columns and a last of 7" in message
    )


def test_batches_cut_one_by_one_larger_are_no_overlap() -> None:
    from engine.checkers.nn.minibatch import _width_mistake

    # 9, 9, 9, 9, 1 of m = 37: every column once, so no neighbours share one
    message = _width_mistake([9, 9, 9, 9, 1], 37, 8)
    assert message.startswith("4 batches of 9 columns and a last of 1 came back")
    assert "share a column" not in message
    assert "share a column" in _width_mistake([9, 9, 9, 9, 5], 37, 8)
    assert _width_mistake([8, 8, 8, 8, 5], 37, 8) == ""


def test_dead_units_are_named_only_where_leaving_them_out_fits_the_budget() -> None:
    from engine.checkers.nn.approx import _dead_units

    knots = np.linspace(-np.pi, np.pi, 52)
    raw = {"W1": np.ones((52, 1)), "b1": -knots[:, None]}
    # only the unit at pi is off on all of [-pi, pi]: 51 left, still past 50
    assert _dead_units(raw, 52, 50) == ""
    message = _dead_units(raw, 52, 51)
    assert message.startswith(": 1 of them never switches on in [-pi, pi]")
    assert "unit 51 bends at x = 3.142" in message
    live = {"W1": np.ones((3, 1)), "b1": np.zeros((3, 1))}
    assert _dead_units(live, 3, 2) == ""


SINE_FROM = """
import numpy as np

def sine_params():
    k = np.linspace(-np.pi, np.pi, 21)
    s = np.diff(np.sin(k)) / np.diff(k)
    return {{"W1": {w1}, "b1": {b1}, "W2": np.diff(s, prepend=0.0)[None, :],
            "b2": np.array([[np.sin(k[0])]])}}
"""


@pytest.mark.parametrize(
    ("w1", "b1", "named"),
    [
        ("np.ones((20, 1))", "-k[1:, None]", "each unit bends at the right end of its segment"),
        ("-np.ones((20, 1))", "k[:-1, None]", "the units face left"),
        ("np.ones((20, 1))", "k[:-1, None]", "b1 = +knots"),
    ],
)
def test_sine_construction_slips_are_named(w1: str, b1: str, named: str) -> None:
    source = SINE_FROM.format(w1=w1, b1=b1)
    status, message = _first("nn.approx.approximate_sine", source, 0)
    assert status == "failed"
    assert named in message
    assert message.count(": max |net(x) - sin(x)|") == 1


def test_a_float_b2_is_told_to_be_wrapped() -> None:
    source = SINE_FROM.format(w1="np.ones((20, 1))", b1="-k[:-1, None]").replace(
        "np.array([[np.sin(k[0])]])", "0.0"
    )
    status, message = _first("nn.approx.approximate_sine", source, 0)
    assert status == "failed"
    assert message == (
        "b2 should be a numpy array of shape (1, 1), got a number (float): the output layer's "
        "bias is a (1, 1) array, np.array([[b2]])"
    )
