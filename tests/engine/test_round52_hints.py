"""Fifty-second round: three wrong answers that got an honest but generic message now get
their mistake named, and the hints stay silent on right answers written nearby."""

from __future__ import annotations

import numpy as np
import pytest

from engine.arch import pooling as ref
from engine.checkers import get_checker
from engine.checkers.arch.attention import _all_allowed_nan
from engine.checkers.arch.pooling import _argmax_across_channels
from engine.checkers.base import Case
from engine.checkers.deep.regularization import _per_axis_penalty
from engine.checkers.nn.approx import _tangent_slopes
from engine.grade_inprocess import grade_inprocess, load_submission

ATTENTION = """
import numpy as np

def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt({scale})
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w = e / e.sum(axis=-1, keepdims=True)
    return w @ V, w
"""


def _first_message(checker_name: str, source: str, seed: int) -> tuple[str, str]:
    checker = get_checker(checker_name)
    verdict = grade_inprocess(checker, load_submission(source, checker.entries), seed=seed)
    failure = verdict.first_failure
    return verdict.status.value, failure.message if failure else ""


@pytest.mark.parametrize("seed", [0, 2, 3, 5])
def test_attention_scaled_by_the_keys_block_is_named(seed: int) -> None:
    # on these seeds the first case's K is not square, so sqrt(n_k * d_k) is not d_k
    status, message = _first_message(
        "arch.attention.attention", ATTENTION.format(scale="K.shape[-2] * K.shape[-1]"), seed
    )
    assert status == "failed"
    assert "the scores are divided by sqrt(n_k * d_k)" in message
    assert "the number of keys does not enter it" in message


@pytest.mark.parametrize("seed", [1, 4, 7])
def test_attention_with_a_square_k_says_both_readings(seed: int) -> None:
    # n_k = d_k in the first case here: dividing by d_k and by sqrt(n_k * d_k) are one thing
    status, message = _first_message(
        "arch.attention.attention", ATTENTION.format(scale="K.shape[-2] * K.shape[-1]"), seed
    )
    assert status == "failed"
    assert "the scores are divided by d_k; divide by sqrt(d_k) (here n_k = d_k" in message


def test_attention_scaled_by_the_number_of_keys_keeps_its_own_hint() -> None:
    status, message = _first_message(
        "arch.attention.attention", ATTENTION.format(scale="K.shape[-2]"), 0
    )
    assert status == "failed"
    assert "divided by sqrt(n_k), the number of keys" in message
    assert "sqrt(n_k * d_k)" not in message


def test_attention_scaled_right_passes() -> None:
    status, message = _first_message(
        "arch.attention.attention", ATTENTION.format(scale="K.shape[-1]"), 0
    )
    assert (status, message) == ("passed", "")


CLIP = """
import numpy as np

def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum({norm} ** 2 for g in grads)))
    scale = min(1.0, max_norm / total) if total > 0 else 1.0
    return [g * scale for g in grads], total
"""


@pytest.mark.parametrize("seed", [0, 3])
def test_clip_grad_norm_fro_on_a_vector_is_named_with_the_array(seed: int) -> None:
    status, message = _first_message(
        "deep.clipping.clip_grad_norm", CLIP.format(norm='np.linalg.norm(g, "fro")'), seed
    )
    assert status == "failed"  # a named mistake, no longer an error verdict
    assert 'np.linalg.norm(g, "fro") takes the Frobenius norm of a matrix only' in message
    assert "grads[4] (5,)" in message  # the case's bias vector
    assert "your code raised ValueError: Invalid norm order 'fro' for vectors" in message


def test_clip_grad_norm_without_ord_passes() -> None:
    status, _ = _first_message(
        "deep.clipping.clip_grad_norm", CLIP.format(norm="np.linalg.norm(g)"), 0
    )
    assert status == "passed"


def test_other_norm_errors_stay_errors() -> None:
    # a matrix norm asked of a 1-D array by another name: not the "fro" slip, not renamed
    status, message = _first_message(
        "deep.clipping.clip_grad_norm", CLIP.format(norm='np.linalg.norm(g, "nuc")'), 0
    )
    assert status == "error"
    assert "Frobenius" not in message


KNOTS = np.linspace(-np.pi, np.pi, 21)[:-1]
ENDS = np.append(KNOTS, np.pi)


def test_tangent_slopes_are_recognised_in_each_form() -> None:
    for slopes in (
        np.cos(KNOTS),
        np.gradient(np.sin(ENDS), ENDS)[:-1],
        np.gradient(np.sin(ENDS), ENDS, edge_order=2)[:-1],
        np.gradient(np.sin(KNOTS), KNOTS),
    ):
        assert "sin's derivative at its left knot" in _tangent_slopes(KNOTS, slopes)


def test_chord_and_midpoint_slopes_are_not_tangents() -> None:
    chords = np.diff(np.sin(ENDS)) / np.diff(ENDS)
    assert _tangent_slopes(KNOTS, chords) == ""
    assert _tangent_slopes(KNOTS, np.cos((ENDS[:-1] + ENDS[1:]) / 2)) == ""
    # knots out of order or repeated are another network, not this construction
    assert _tangent_slopes(KNOTS[::-1], np.cos(KNOTS[::-1])) == ""


# The second part: answers written as candidates write them, whose slips were told too
# little (a bare number, numpy's error) or the wrong thing (the log(0) hint).


def test_all_allowed_nan_reads_only_the_allowed_entries() -> None:
    allowed = np.array([[True, False], [True, True]])
    every = np.full((2, 2), np.nan)
    assert _all_allowed_nan(every, allowed, ["invalid value"])
    assert not _all_allowed_nan(every, allowed, ["overflow"])  # no 0 * -inf was reported
    one_row = np.array([[np.nan, np.nan], [0.5, 0.5]])  # a row left with no key: not this
    assert not _all_allowed_nan(one_row, allowed, ["invalid value"])


def test_cross_entropy_summed_over_examples_is_named_not_the_log_of_zero() -> None:
    source = """
import numpy as np

def cross_entropy(y_hat, y):
    return float(-np.sum(np.log(np.sum(y_hat * y, axis=1))) / y.shape[1])
"""
    for seed in (2, 5):
        status, message = _first_message("nn.softmax.cross_entropy", source, seed)
        assert status == "failed"
        assert "summed over the examples (axis=1)" in message
        assert "take the log only where y is 1" not in message


def test_a_loss_of_inf_from_another_slip_keeps_the_stability_hint() -> None:
    # the log of every class's probability: inf from the exact zeros, not an axis slip
    source = """
import numpy as np

def cross_entropy(y_hat, y):
    return float(-np.sum(y * np.log(y_hat)) / y.shape[1])
"""
    checker = get_checker("nn.softmax.cross_entropy")
    verdict = grade_inprocess(checker, load_submission(source, checker.entries), seed=0)
    messages = [c.message for c in verdict.cases if c.message]
    assert messages
    assert all("summed over the examples" not in m for m in messages)
    assert any("take the log only where y is 1" in m for m in messages)


def test_l2_per_axis_penalty_is_read_from_the_weights_sizes_only() -> None:
    params = {"W1": np.zeros((5, 4)), "b1": np.zeros((5, 1)), "W2": np.zeros((3, 5))}
    case = Case("case 1", {"fn": "l2_penalty_and_grads", "args": [params, 0.1, 8]}, "")
    error = "ValueError: operands could not be broadcast together with shapes (4,) (5,) "
    assert "summed over axis 0 only" in _per_axis_penalty(case, error)
    rows = "ValueError: operands could not be broadcast together with shapes (5,) (3,) "
    assert "summed over axis 1 only" in _per_axis_penalty(case, rows)
    other = "ValueError: operands could not be broadcast together with shapes (7,) (2,) "
    assert _per_axis_penalty(case, other) == ""


def test_maxpool_argmax_across_channels_is_the_reference_for_one_channel() -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(2, 1, 4, 4))
    dout = rng.normal(size=(2, 1, 2, 2))
    expected = ref.maxpool_backward(dout, x, 2, 2)
    assert np.array_equal(_argmax_across_channels(dout, x, 2, 2), expected)
    three = rng.normal(size=(2, 3, 4, 4))
    dout3 = rng.normal(size=(2, 3, 2, 2))
    slip = _argmax_across_channels(dout3, three, 2, 2)
    # one winner per image and window: 2 images x 4 windows nonzero entries at most
    assert np.count_nonzero(slip) <= 8 < np.count_nonzero(ref.maxpool_backward(dout3, three))
