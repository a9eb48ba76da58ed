"""Fifty-fifth round (grading55c): shape mistakes that share a shape are told apart by their
values (embedding's dW), attention's batch axis named, multi-head attention's axes named,
and conv2d-forward's stride taken on one axis only."""

from __future__ import annotations

import numpy as np

from engine.arch import conv as conv_ref
from engine.checkers.arch.embedding import _told_by_values
from engine.checks import Tolerance
from tests.engine.answer_files import first_failure_message


def test_embedding_short_vocab_and_sparse_rows_are_told_apart_on_seed_8() -> None:
    # seed 8: V = 9 and eight distinct ids, so both mistakes give dW of shape (8, 3)
    sparse = first_failure_message("embedding", "wrong_dW_sparse_rows", 8)
    assert sparse.startswith("dW has shape (8, 3); expected (9, 3)")
    assert "one row per distinct id" in sparse and "vocab_size - 1 rows" not in sparse
    short = first_failure_message("embedding", "wrong_vocab_size_minus_one", 8)
    assert "vocab_size - 1 rows" in short and "distinct id" not in short


def test_values_that_fit_both_mistakes_keep_both() -> None:
    tol = Tolerance(rtol=1e-12, atol=1e-14)
    rows = np.arange(6.0).reshape(3, 2)
    mistakes = [("a", (3, 2), [rows]), ("b", (3, 2), [rows.copy()]), ("c", (4, 2), [])]
    assert [m for m, _ in _told_by_values(mistakes, rows, tol)] == ["a", "b", "c"]
    other = [("a", (3, 2), [rows]), ("b", (3, 2), [rows + 1.0])]
    assert [m for m, _ in _told_by_values(other, rows + 1.0, tol)] == ["b"]
    # values that neither model holds leave both named
    assert [m for m, _ in _told_by_values(other, rows * 5.0, tol)] == ["a", "b"]


def test_attention_names_the_batch_axis_added_and_not_removed() -> None:
    message = first_failure_message("attention", "wrong_batch_axis_none_for_2d_inputs", 0)
    assert "weights has shape (1, 5, 7); expected (5, 7): a batch axis of size 1" in message
    assert "(axis 0, before n_q) and not removed" in message
    assert "keepdims" not in message


def test_an_axis_added_inside_a_batched_result_is_named_by_position() -> None:
    from engine.checkers.arch.attention import _axis_added, _axis_names

    names = _axis_names(3, ("n_q", "n_k"))
    assert names == ("batch", "n_q", "n_k")
    added = dict((shape, m) for m, shape in _axis_added("weights", (2, 5, 7), names))
    assert added[(2, 1, 5, 7)].startswith("a size-1 axis was added at axis 1 (before n_q;")
    assert added[(2, 5, 7, 1)].startswith("a size-1 axis was added at axis 3 (after n_k;")
    assert "weights is (batch, n_q, n_k), of shape (2, 5, 7)" in added[(1, 2, 5, 7)]


def test_multi_head_attention_names_its_swapped_axes() -> None:
    message = first_failure_message(
        "multi-head-attention", "wrong_features_as_rows_not_turned_back", 1
    )
    assert message == (
        "out has shape (6, 5); expected (5, 6) (rows are the T tokens here, columns the "
        "d_model features: got (d_model, T))"
    )


def _conv(h: int, wd: int, k: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(3)
    return rng.normal(size=(2, 2, h, wd)), rng.normal(size=(2, 2, k, k)), rng.normal(size=2)


def _conv_told(got: np.ndarray, xwb: tuple[np.ndarray, ...], stride: int, pad: int) -> str:
    from engine.checkers.arch.conv import _size_mistakes, _told_apart, _value_models

    x, w, b = xwb
    expected = conv_ref.conv2d_forward(x, w, b, stride, pad)
    tol = Tolerance(rtol=1e-9, atol=1e-12)
    mistakes = _size_mistakes(x, w, stride, pad)
    kept = _told_apart(mistakes, got, expected, _value_models(x, w, b, stride, pad), tol)
    return "; or ".join(m for m, shape in kept if shape == got.shape)


def test_conv2d_names_the_stride_used_on_one_axis_only() -> None:
    message = first_failure_message("conv2d-forward", "wrong_stride_on_columns_only", 0)
    assert "out has shape (2, 2, 7, 3); expected (2, 2, 4, 3): the stride is used on the " in (
        message
    )
    assert "columns only: along the rows the windows step by 1, and Ho = H + 2*pad - KH + 1" in (
        message
    )
    # H = 7, W = 5, K = 3, stride 2, pad 1: the rows strided, every column position kept
    xwb = _conv(7, 5)
    rows_only = conv_ref.conv2d_forward(*xwb, 1, 1)[:, :, ::2, :]
    assert rows_only.shape[2:] == (4, 5)
    told = _conv_told(rows_only, xwb, 2, 1)
    assert told.startswith("the stride is used on the rows only: along the columns the")
    assert "Wo = (W + 2*pad - KW)//stride + 1" in told and "; or " not in told


def test_a_width_that_ignores_the_stride_with_other_values_is_a_size_slip() -> None:
    # the same shape, values no one-axis stride gives: the size formula on the width, in
    # the width's letters (it was written with H and KH)
    xwb = _conv(7, 5)
    other = conv_ref.conv2d_forward(*xwb, 1, 1)[:, :, ::2, :] + 1.0
    told = _conv_told(other, xwb, 2, 1)
    assert told == (
        "on the width only, Wo: the size ignores the stride; it is (W + 2*pad - KW)//stride + 1"
    )


def test_one_window_across_leaves_the_stride_ignored_on_both_axes() -> None:
    # W = K = 3, no padding: one window across, so a stride used on the columns only and
    # a stride left out of both give the same out; the slip of both axes is named
    xwb = _conv(7, 3)
    unstrided = conv_ref.conv2d_forward(*xwb, 1, 0)
    assert unstrided.shape[2:] == (5, 1)
    told = _conv_told(unstrided, xwb, 2, 0)
    assert told.startswith("the size ignores the stride")
