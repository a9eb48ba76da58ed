"""Fifty-sixth round (grading56): an output size counted without the stride while the
windows step by it, told from the crash it causes (conv2d-forward, maxpool); maxpool's
one-axis stride read on out's values through conv2d's check; one value check (`holds`)
and one narrowing (`narrowed_by_values`) shared by the window checkers."""

from __future__ import annotations

import numpy as np

from engine.arch import pooling as pool_ref
from engine.checkers.arch._common import holds, narrowed_by_values, stride_on_one_axis
from engine.checkers.arch.conv import Conv2dForwardChecker
from engine.checkers.arch.pooling import MaxpoolChecker
from engine.checkers.base import Case
from engine.checkers.nn._common import call_inputs
from engine.checks import Tolerance
from tests.engine.answer_files import first_failure_message

EXACT = Tolerance(rtol=1e-15)


def test_conv2d_names_the_height_counted_without_the_stride_and_keeps_the_crash() -> None:
    message = first_failure_message("conv2d-forward", "wrong_height_size_without_stride_broadcast")
    # case 3: H = 7, KH = 3, pad 1, stride 2: 7 rows counted where 4 windows fit
    assert message.startswith(
        "your output has H + 2*pad - KH + 1 = 7 rows but the windows step by stride 2: the "
        "size needs the stride, Ho = (H + 2*pad - KH)//stride + 1 = 4;"
    )
    assert "columns" not in message.split("your code raised")[0]
    assert "your code raised ValueError: operands could not be broadcast" in message
    assert "in conv2d_forward: out[:, f, i, j] = (win * w[f]).sum(axis=(1, 2, 3)) + b[f]" in (
        message
    )


def test_conv2d_reads_the_width_from_einsums_remapped_shapes() -> None:
    message = first_failure_message("conv2d-forward", "wrong_width_size_without_stride_einsum")
    assert message.startswith(
        "your output has W + 2*pad - KW + 1 = 5 columns but the windows step by stride 2"
    )
    assert "Wo = (W + 2*pad - KW)//stride + 1 = 3" in message and " rows" not in message


def test_an_error_that_does_not_show_the_axis_names_both_and_width_from_height() -> None:
    message = first_failure_message("conv2d-forward", "wrong_width_size_without_stride_tensordot")
    said = message.split("your code raised")[0]
    assert "= 7 rows or W + 2*pad - KW + 1 = 5 columns (numpy's error does not show which)" in (
        said
    )
    # H = 7 against W = 5: Wo computed from H would run past the right edge as well
    assert "; or the width's size was computed from H" in said
    # a matmul against the flattened kernels does not show the axis either
    matmul = first_failure_message("conv2d-forward", "wrong_height_size_without_stride_matmul")
    assert "(numpy's error does not show which)" in matmul
    assert "computed from H" not in matmul


def _conv_case(h: int, wd: int, k: int, stride: int, pad: int) -> Case:
    rng = np.random.default_rng(0)
    x, w, b = rng.normal(size=(1, 2, h, wd)), rng.normal(size=(2, 2, k, k)), rng.normal(size=2)
    return Case("c", call_inputs("conv2d_forward", x, w, b, stride, pad), "")


def test_a_crash_the_count_without_the_stride_cannot_reach_is_not_called_so() -> None:
    checker = Conv2dForwardChecker()
    mismatch = "ValueError: shape-mismatch for sum"
    # stride 1: the size without the stride is the size
    assert checker.error_cause(_conv_case(5, 5, 3, 1, 0), mismatch) is None
    said = checker.error_cause(_conv_case(5, 5, 3, 2, 0), mismatch)
    assert said is not None
    assert said.startswith("your output has H + 2*pad - KH + 1 = 3 rows or ")
    # another error (an index past the end) is not read as a short window
    other = "IndexError: index 9 is out of bounds for axis 2 with size 5"
    assert checker.error_cause(_conv_case(5, 5, 3, 2, 0), other) is None


def test_maxpool_names_the_size_without_the_stride_for_an_empty_window() -> None:
    for name in (
        "wrong_width_size_without_stride_max",
        "wrong_height_size_without_stride_python_max",
        "wrong_width_size_without_stride_argmax",
    ):
        message = first_failure_message("maxpool", name)
        # case 1: 4 x 6, size 2, stride 2: 3 rows and 5 columns counted, 2 x 3 fit
        assert message.startswith(
            "your output has H - size + 1 = 3 rows or W - size + 1 = 5 columns (numpy's "
            "error does not show which) but the windows step by stride 2"
        ), name
        assert "come out empty, with no maximum to take" in message
        assert "line " in message and "in maxpool_forward" in message


def _pool_case(h: int, wd: int, size: int, stride: int) -> Case:
    x = np.arange(float(h * wd)).reshape(1, 1, h, wd)
    return Case("c", call_inputs("maxpool_forward", x, size, stride), "")


def test_maxpool_names_only_the_axes_whose_count_reaches_an_empty_window() -> None:
    checker = MaxpoolChecker()
    empty = "ValueError: max() arg is an empty sequence"
    # size 3, stride 2: H = 6 counts 4 rows, the last starting at 6, past the edge; W = 5
    # counts 3 columns, the last starting at 4, inside the image: not that axis
    said = checker.error_cause(_pool_case(6, 5, 3, 2), empty)
    assert said is not None
    assert said.startswith("your output has H - size + 1 = 4 rows but the windows step")
    assert "columns" not in said
    assert checker.error_cause(_pool_case(4, 4, 2, 1), empty) is None
    # 10 x 10, size 5, stride 2: 3 windows fit; stepping by their size, the third starts
    # at 10, past the edge, as the sixth of 6 counted without the stride does
    both = checker.error_cause(_pool_case(10, 10, 5, 2), empty)
    assert both is not None
    assert "; or the windows step by their size (5), not by the stride (2)" in both


def test_maxpool_names_the_stride_used_on_one_axis_only() -> None:
    rows = first_failure_message("maxpool", "wrong_stride_on_rows_only")
    assert rows == (
        "out has shape (2, 3, 2, 5); expected (2, 3, 2, 3): the stride is used on the rows "
        "only: along the columns the windows step by 1, and Wo = W - size + 1 counts every "
        "position; they step by the stride both ways: window (i, j) is x[..., "
        "i*stride:i*stride + size, j*stride:j*stride + size], and Wo = (W - size)//stride + 1"
    )
    columns = first_failure_message("maxpool", "wrong_stride_on_columns_only")
    assert "the stride is used on the columns only: along the rows" in columns


def test_maxpool_reads_a_one_axis_size_slip_with_other_values_as_the_formula() -> None:
    from engine.checkers.arch.pooling import _size_mistakes, _told_apart

    x = np.random.default_rng(1).normal(size=(1, 2, 4, 6))
    slipped = pool_ref.maxpool_forward(x, 2, 1)[:, :, ::2, :] + 1.0
    told = _told_apart(_size_mistakes(x, 2, 2), slipped, x, 2, 2)
    assert [m for m, shape in told if shape == slipped.shape] == [
        "on the width only, Wo: the size ignores the stride: (W - size)//stride + 1"
    ]


def test_holds_computes_calls_and_skips_a_model_that_cannot_be_made() -> None:
    got = np.arange(6.0).reshape(2, 3)

    def raises() -> np.ndarray:
        raise IndexError("no such window")

    assert holds([raises, lambda: got.copy()], got, EXACT)
    assert not holds([raises], got, EXACT)
    assert not holds([got.T], got, EXACT)  # another shape
    assert not holds([got], got.astype(object), EXACT)
    assert holds([got], got.astype(np.int64), EXACT)  # whole numbers read as floats


def test_narrowing_keeps_what_the_values_hold_and_joins_a_pair() -> None:
    expected = np.zeros((1, 1, 2, 2))
    got = np.ones((1, 1, 3, 3))
    models = {"a": [got.copy()], "b": [got.copy()], "c": [np.zeros((1, 1, 3, 3))]}
    assert narrowed_by_values(["a", "c", "f"], got, expected, models, EXACT) == ["a"]
    joined = {frozenset({"a", "b"}): "a and b"}
    assert narrowed_by_values(
        ["a", "b", "f"], got, expected, models, EXACT, held_together=joined
    ) == ["a and b"]
    # nothing held, windows not the expected ones: the slips without a model
    assert narrowed_by_values(["c", "f", "g"], got, expected, models, EXACT) == ["f", "g"]
    # nothing held, the windows right: the formulas said together
    right = np.zeros((1, 1, 3, 3))
    right[..., 2, :] = 5.0
    told = narrowed_by_values(["c", "f", "g"], right, expected, models, EXACT)
    assert len(told) == 1 and told[0].startswith("out's windows are the right ones")
    assert told[0].endswith("cannot tell which it was: f; or g")


def test_one_window_across_leaves_the_one_axis_reading_out() -> None:
    got = np.arange(4.0).reshape(1, 1, 4, 1)
    same = [got.copy()]
    assert stride_on_one_axis(got, EXACT, same, [], []) == "rows"
    assert stride_on_one_axis(got, EXACT, [], same, []) == "columns"
    assert stride_on_one_axis(got, EXACT, same, same, same) is None
