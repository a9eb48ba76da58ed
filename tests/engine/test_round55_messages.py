"""Fifty-fifth round (grading55): a 2-D result with its two sizes swapped says what its rows
and columns hold, and conv2d_forward's size mistakes that share one shape are told apart by
out's values where those differ (where they cannot differ, the message says so)."""

from __future__ import annotations

import numpy as np
import pytest

from engine.arch import conv as ref
from engine.checkers.arch.conv import _size_mistakes, _told_apart, _value_models
from engine.checks import CaseFailure, Judgement, Tolerance

TOL = Tolerance(rtol=1e-9, atol=1e-12)


def _shape_message(got: np.ndarray, shape: tuple[int, ...], axes: object = None) -> str:
    j = Judgement("case", "")
    try:
        j.array("dbeta", got, shape, axes=axes)  # type: ignore[arg-type]
    except CaseFailure as failure:
        return failure.message
    return ""


def test_swapped_sizes_name_what_rows_and_columns_hold() -> None:
    axes = (("N", "examples"), ("D", "features"))
    message = _shape_message(np.ones((3, 5)), (5, 3), axes)
    assert message == (
        "dbeta has shape (3, 5); expected (5, 3) (rows are the N examples here, columns the "
        "D features: got (D, N))"
    )


def test_a_row_for_a_column_and_a_column_for_a_row_are_named() -> None:
    column = _shape_message(np.ones((1, 4)), (4, 1), (("n", "features"), ("1", "")))
    assert "(a column here, one row for each of the n features: got (1, n), a row)" in column
    row = _shape_message(np.ones((4, 1)), (1, 4), (("1", ""), ("h", "hidden units")))
    assert "(a row here, one column for each of the h hidden units: got (h, 1), a column)" in row


def test_swapped_sizes_without_named_axes_say_which_way_round_is_due() -> None:
    message = _shape_message(np.ones((2, 6)), (6, 2))
    assert "(its two sizes are swapped: 6 rows by 2 columns are expected" in message
    assert "?" not in message
    # the axes matter only to a swap: another wrong shape keeps its own hint
    other = _shape_message(np.ones((6,)), (6, 1), (("n", "features"), ("1", "")))
    assert "keepdims=True" in other and "one row for each" not in other


def _conv_case(h: int, k: int, stride: int, pad: int) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(5)
    x = rng.normal(size=(2, 2, h, h))
    w = rng.normal(size=(3, 2, k, k))
    b = rng.normal(size=3)
    return x, w, b


def _told(got: np.ndarray, x: np.ndarray, w: np.ndarray, b: np.ndarray, s: int, p: int) -> str:
    expected = ref.conv2d_forward(x, w, b, s, p)
    kept = _told_apart(_size_mistakes(x, w, s, p), got, expected, _value_models(x, w, b, s, p), TOL)
    return "; or ".join(m for m, shape in kept if shape == got.shape)


def _padded(x: np.ndarray, before: int, after: int) -> np.ndarray:
    return np.pad(x, ((0, 0), (0, 0), (before, after), (before, after)))


def test_the_right_windows_too_few_list_the_formulas_and_say_why() -> None:
    # H = 7, K = 3, stride 2, pad 1: 4 x 4 due; ignoring the pad, dropping the + 1 and
    # putting it inside the floor all give 3, and keep the first 3 x 3 windows
    x, w, b = _conv_case(7, 3, 2, 1)
    got = ref.conv2d_forward(x, w, b, 2, 1)[:, :, :3, :3]
    message = _told(got, x, w, b, 2, 1)
    assert message.startswith("out's windows are the right ones wherever the expected grid")
    assert "so the values cannot tell which it was" in message
    assert "the size misses the + 1" in message and "the size ignores the padding" in message
    assert "x was never padded" not in message


def test_an_unpadded_x_is_named_where_its_values_differ_from_every_other_slip() -> None:
    # H = 7, K = 3, stride 2, pad 1: 4 x 4 due, 3 x 3 from the unpadded x, whose windows
    # differ from the padded ones: the size formula's slips are ruled out
    x, w, b = _conv_case(7, 3, 2, 1)
    unpadded = ref.conv2d_forward(x, w, b, 2, 0)
    message = _told(unpadded, x, w, b, 2, 1)
    # zeros after the end only are never reached by the 3 windows: the same values
    assert message.startswith("x was never padded, or the padding is added on one side only")
    assert "the values cannot tell which" in message
    assert "the size misses the + 1" not in message


def test_padding_after_the_end_only_is_told_from_a_missing_plus_one() -> None:
    # H = 6, K = 3, stride 1, pad 1: 6 due; zeros after the end only give 5, as does the
    # size without its + 1, but every window then sits one row lower
    x, w, b = _conv_case(6, 3, 1, 1)
    after = ref.conv2d_forward(_padded(x, 0, 1), w, b, 1, 0)
    assert after.shape[2:] == (5, 5)
    message = _told(after, x, w, b, 1, 1)
    assert message == "the padding is added on one side only; zero-pad both sides"
    # the expected windows with the last row and column dropped: the formula slips
    prefix = _told(ref.conv2d_forward(x, w, b, 1, 1)[:, :, :5, :5], x, w, b, 1, 1)
    assert "the size misses the + 1" in prefix and "values cannot tell" in prefix


@pytest.mark.parametrize(
    ("rows", "cols", "axis"), [((1, 1), (0, 0), "columns"), ((0, 0), (1, 1), "rows")]
)
def test_one_axis_left_unpadded_is_named(
    rows: tuple[int, int], cols: tuple[int, int], axis: str
) -> None:
    x, w, b = _conv_case(6, 3, 1, 1)
    got = ref.conv2d_forward(np.pad(x, ((0, 0), (0, 0), rows, cols)), w, b, 1, 0)
    message = _told(got, x, w, b, 1, 1)
    assert message.startswith("only one axis was padded")
    assert f"come from the unpadded {axis} of x" in message
    assert "; or " not in message


def _pool_told(got: np.ndarray, x: np.ndarray, size: int, stride: int) -> str:
    from engine.checkers.arch.pooling import _size_mistakes as pool_mistakes
    from engine.checkers.arch.pooling import _told_apart as pool_told_apart

    kept = pool_told_apart(pool_mistakes(x, size, stride), got, x, size, stride)
    return "; or ".join(m for m, shape in kept if shape == got.shape)


def test_maxpool_windows_stepped_by_their_size_are_told_from_a_missing_plus_one() -> None:
    from engine.arch import pooling as pool_ref

    # H = W = 8, size 3, stride 2: 3 x 3 due; without the + 1, and stepping by the size,
    # both give 2 x 2, and only the values tell which
    x = np.random.default_rng(2).normal(size=(1, 2, 8, 8))
    stepped = pool_ref.maxpool_forward(x, 3, 3)
    assert stepped.shape[2:] == (2, 2)
    assert _pool_told(stepped, x, 3, 2).startswith("the windows step by their size (3)")
    prefix = pool_ref.maxpool_forward(x, 3, 2)[:, :, :2, :2]
    assert _pool_told(prefix, x, 3, 2).startswith("the + 1 is missing")


def test_flattened_and_squeezed_ids_are_one_message_where_they_give_one_lookup() -> None:
    from engine.checkers.arch.embedding import _lost_id_axes

    # ids (1, 4): ravel and squeeze both give (4,), the same rows; ids (2, 1, 3) tell apart
    (one,) = _lost_id_axes(np.zeros((1, 4), dtype=int), 5)
    assert one[1] == (4, 5)
    assert "so the values cannot tell which" in one[0] and "(np.squeeze)" in one[0]
    two = _lost_id_axes(np.zeros((2, 1, 3), dtype=int), 5)
    assert [shape for _, shape in two] == [(6, 5), (2, 3, 5)]
    (single,) = _lost_id_axes(np.zeros((), dtype=int), 5)
    assert single[0].startswith("the single id, a 0-d array, was made a 1-element array")
