"""The grader's generic diagnoses: rows and columns swapped, float16 results, a float32 loss.

Each drill's answer files show these messages end to end; here each rule is pinned on its
own, with the cases where it must stay silent (a claim that can be wrong misleads more
than a bare "max rel error").
"""

from __future__ import annotations

import numpy as np
import pytest

from engine.checkers import get_checker
from engine.checkers.nn._square import swapped_axes_cause
from engine.checks import CaseFailure, Judgement, Tolerance, float16_only
from engine.grade_inprocess import grade_inprocess, load_submission
from tests.engine.answer_files import Answer, answers

NEAR = "the loss agrees with the expected value to about 7 digits only"

BROADCAST = (
    "ValueError: operands could not be broadcast together with shapes (6,10) (10,1) \n"
    "  line 7, in softmax: return e / e.sum(axis=0)[:, None]"
)


def _names(path: str) -> str:
    return {"args[0]": "z"}.get(path, path)


def _cause(z: np.ndarray, error: str) -> str | None:
    found = swapped_axes_cause(
        {"fn": "softmax", "args": [z]}, "case 4: moderate logits", error, _names
    )
    return None if found is None else found.message


def test_a_broadcast_error_on_a_non_square_input_names_it_its_case_and_the_line() -> None:
    cause = _cause(np.zeros((6, 10)), BROADCAST)
    assert cause is not None
    assert cause.startswith("fails when z's rows and columns differ (case 4: z of shape (6, 10))")
    assert "numpy raised a shape error at line 7" in cause
    # e.sum(axis=0)[:, None]: the (10, 1) column is one value per column of z, made a column
    assert "against z, a column of one value per column (as a reduction over axis 0" in cause


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (  # X.var(axis=1) without keepdims: one value per row, lined up with the columns
            "ValueError: operands could not be broadcast together with shapes (6,10) (6,) ",
            "against z, a vector of one value per row (as a reduction over axis 1 without "
            "keepdims=True gives) met its columns",
        ),
        (  # m[None, :] where m = z.max(axis=1): a row of one value per row
            "ValueError: operands could not be broadcast together with shapes (6,10) (1,6) ",
            "against z, a row of one value per row (as a reduction over axis 1 made a row",
        ),
        (  # z - other.T
            "ValueError: operands could not be broadcast together with shapes (6,10) (10,6) ",
            "against z, an array shaped like it transposed met it elementwise",
        ),
        (
            "ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with "
            "gufunc signature (n?,k),(k,m?)->(n?,m?) (size 6 is different from 10)",
            "a matrix product met z's rows where its columns belong: an operand needs a .T",
        ),
        (
            "ValueError: shapes (6,10) and (6,10) not aligned: 10 (dim 1) != 6 (dim 0)",
            "a matrix product met z's rows where its columns belong",
        ),
        (
            "ValueError: all the input array dimensions except for the concatenation axis must "
            "match exactly, but along dimension 1, the array at index 0 has size 10 and the "
            "array at index 1 has size 6",
            "a concatenate or stack met z's rows against its columns",
        ),
        (  # an argmax over axis 0 gives column indices (up to 10) used on the rows (6)
            "IndexError: index 7 is out of bounds for axis 0 with size 6",
            "an index that fits z's columns went along an axis as long as its rows",
        ),
        (  # a broadcast whose other operand has no form the grader knows: it says so
            "ValueError: operands could not be broadcast together with shapes (6,10) (3,10,6) ",
            "the sizes it put against each other are z's rows and columns, which some swap of "
            "its axes explains (an axis=0/axis=1, a [:, None] for a [None, :], a missing .T), "
            "though the error's form does not show which",
        ),
    ],
    ids=["vector", "row", "transposed", "matmul", "dot", "concatenate", "index", "unknown"],
)
def test_the_swap_an_errors_form_shows_is_named_and_an_unknown_form_is_said_so(
    error: str, words: str
) -> None:
    cause = _cause(np.zeros((6, 10)), error)
    assert cause is not None
    assert cause.startswith("fails when z's rows and columns differ (case 4: z of shape (6, 10))")
    assert words in cause, cause
    assert cause.endswith("while the rows and columns are equal this goes unnoticed")


def test_an_einsums_error_names_the_matrix_whose_axes_met_not_one_listed_beside_it() -> None:
    """Q @ K written as an einsum on an untransposed K: numpy lists Q's shape (5, 6) too,
    but the sizes that met, 6 and 7, are K's columns and rows."""
    error = (
        "ValueError: operands could not be broadcast together with remapped shapes "
        "[original->remapped]: (5,6)->(5,newaxis,6) (7,6)->(6,7) \n"
        "  line 5, in scaled_dot_product_attention: scores = np.einsum(...)"
    )
    names = {"args[0]": "Q", "args[1]": "K"}
    found = swapped_axes_cause(
        {"fn": "attention", "args": [np.zeros((5, 6)), np.zeros((7, 6))]},
        "case 1: no batch axes",
        error,
        lambda path: names[path],
    )
    assert found is not None
    assert found.message.startswith("fails when K's rows and columns differ (case 1: K of shape")
    assert "Q's" not in found.message


def test_an_einsum_on_an_untransposed_k_names_k_in_every_case_it_fails() -> None:
    """The answer file end to end: its cases' first shapes differ by seed, so each seed's
    cases are read, not only the first failure its expect line sees. Where Q and K have one
    shape numpy's sizes fit both, so the generic guess named both: the attention checker now
    finds the einsum Q @ K that raises this very error and names K alone."""
    answer = next(a for a in answers() if a.path.stem == "wrong_einsum_keys_not_transposed")
    checker = get_checker(answer.checker)
    fns = load_submission(answer.source, checker.entries)
    shown = [
        case.message
        for seed in (0, 1, 7)
        for case in grade_inprocess(checker, fns, seed=seed).cases
    ]
    failed = [m for m in shown if m]
    assert failed and all(m.startswith("K is not transposed") for m in failed), failed
    assert not [m for m in shown if "Q's rows and columns" in m or "Q's axes" in m]


def test_the_shared_problem_leaves_out_the_case_so_its_cases_read_as_one() -> None:
    smaller = BROADCAST.replace("(6,10) (10,1)", "(3,5) (5,1)")
    found = swapped_axes_cause({"args": [np.zeros((6, 10))]}, "case 4: x", BROADCAST, _names)
    other = swapped_axes_cause({"args": [np.zeros((3, 5))]}, "case 5: y", smaller, _names)
    assert found is not None and other is not None
    assert found.message != other.message
    assert found.problem == other.problem
    assert "case" not in found.problem and "(6, 10)" not in found.problem


@pytest.mark.parametrize(
    "error",
    [
        "ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with "
        "gufunc signature (n?,k),(k,m?)->(n?,m?) (size 6 is different from 10)",
        "ValueError: shapes (6,10) and (6,10) not aligned: 10 (dim 1) != 6 (dim 0)",
        "ValueError: all the input array dimensions except for the concatenation axis must "
        "match exactly, but along dimension 1, the array at index 0 has size 10 and the array "
        "at index 1 has size 6",
    ],
    ids=["matmul", "dot", "concatenate"],
)
def test_numpys_other_shape_errors_are_named_too(error: str) -> None:
    assert _cause(np.zeros((6, 10)), error) is not None


def test_an_index_valid_along_the_other_axis_is_named_as_an_index_error() -> None:
    error = "IndexError: index 7 is out of bounds for axis 0 with size 6\n  line 5, in f: x"
    cause = _cause(np.zeros((6, 10)), error)
    assert cause is not None and "numpy raised an index error at line 5" in cause


@pytest.mark.parametrize(
    ("z", "error"),
    [
        (np.zeros((6, 6)), BROADCAST),  # a square input: nothing to swap
        (np.zeros((6,)), BROADCAST),  # not a matrix
        (np.zeros((6, 10)), "ZeroDivisionError: division by zero"),
        (  # a shape error about other sizes than z's
            np.zeros((6, 10)),
            "ValueError: operands could not be broadcast together with shapes (3,4) (5,) ",
        ),
        (  # an index past both axes is no swap
            np.zeros((6, 10)),
            "IndexError: index 12 is out of bounds for axis 0 with size 6",
        ),
        (  # z's sizes are listed, but the sizes that met are 6 and 3
            np.zeros((6, 10)),
            "ValueError: operands could not be broadcast together with shapes (6,10) (3,10) ",
        ),
    ],
    ids=["square", "vector", "other-error", "other-sizes", "past-both-axes", "listed-not-met"],
)
def test_no_swap_is_claimed_where_the_error_does_not_show_one(z: np.ndarray, error: str) -> None:
    assert _cause(z, error) is None


def _failure(check: object) -> str:
    with pytest.raises(CaseFailure) as raised:
        check()  # type: ignore[operator]
    return raised.value.message


def test_a_row_and_a_column_broadcast_into_a_square_is_named() -> None:
    j = Judgement("case", "")
    message = _failure(lambda: j.array("softmax(z)", np.zeros((10, 10)), (1, 10)))
    assert "a row and a column broadcast into a square" in message


def test_float16_values_are_named_float16_not_float32() -> None:
    expected = np.sin(np.linspace(0.1, 3.0, 12)).reshape(3, 4)
    in_float16 = expected.astype(np.float16).astype(np.float64)
    assert float16_only(in_float16, expected)
    assert not float16_only(expected, expected)
    assert not float16_only(expected.astype(np.float32).astype(np.float64), expected)
    message = _failure(
        lambda: Judgement("case", "").close("PE", in_float16, expected, Tolerance(rtol=1e-9))
    )
    assert "matches in float16 precision only" in message


def test_a_loss_off_by_float32_rounding_is_told_only_what_its_checker_words() -> None:
    expected = 0.750721986
    got = float(np.float32(expected)) + 1e-9  # float32's digits, then float64 arithmetic
    tol = Tolerance(rtol=1e-9)
    asked = _failure(
        lambda: Judgement("case", "").close("the loss", got, expected, tol, near_miss=NEAR)
    )
    assert asked.startswith(NEAR)
    plain = _failure(lambda: Judgement("case", "").close("the loss", got, expected, tol))
    assert plain.startswith("max rel error")
    far = _failure(  # a wrong formula's error is far above float32 rounding: no such claim
        lambda: Judgement("case", "").close(
            "the loss", expected * 1.001, expected, tol, near_miss=NEAR
        )
    )
    assert far.startswith("max rel error")


NAMED_SLIPS = {
    "batchnorm/wrong_dbeta_wrong_axis": "dbeta holds the sums of dout over the features",
    "lstm-cell/wrong_db_not_summed_over_batch": "db is the first example's dz only",
    "conv2d-backward/wrong_db_over_batch_only": "at the first output position only",
    "adamw-step/wrong_decay_not_times_lr_fixed_default": "the decay used lr = 1e-3",
    "clip-grad-norm/wrong_mean_of_squares": "the squares' mean over the",
    "conv2d-forward/wrong_stride_applied_to_size_only": "the windows step by the stride along",
    "maxpool/wrong_divmod_by_stride": "the offsets this sends past the image's edge",
    "multi-head-attention/wrong_wo_first_rows_for_every_head": "multiplied by Wo's first dh",
    "numerical-gradient/wrong_last_axis_only": "x.shape[-1] =",
    "attention/wrong_k_T_batched": "K.T reverses every axis of a batched K",
    "conv2d-backward/wrong_dx_kernel_transposed": "dx uses each kernel transposed",
    "batchnorm/wrong_dx_variance_term_from_dgamma": "dX's variance term misses gamma and 1/std",
    "layernorm/wrong_dx_variance_term_without_gamma_std": (
        "dX's variance term misses gamma and 1/std"
    ),
    "dropout/wrong_backward_uses_new_scale": "dA was divided by the fraction of units",
    "attention/wrong_scores_keys_against_queries": "Q and K swapped roles",
    "attention/wrong_scores_queries_against_queries": "K is not used: the scores are Q @ Q^T",
    "attention/wrong_scores_transpose_on_queries": "sums over the tokens, not over the features",
    "embedding/wrong_take_without_axis": "np.take(W, ids) without axis=0",
    "embedding/wrong_dW_dout_T_one_hot": "dout^T @ one_hot is dW^T",
    "embedding/wrong_dW_divided_by_batch": "dW was divided by the batch size",
    "embedding/wrong_dW_sparse_rows": "one row per distinct id",
    "embedding/wrong_dW_seen_rows_dict_loop": "one row per distinct id",
    "attention/wrong_batch_axis_added_not_removed": "a batch axis of size 1 was added in front",
    "attention/wrong_batch_axis_none_for_2d_inputs": "a batch axis of size 1 was added in front",
    "conv2d-forward/wrong_stride_on_rows_only": "the stride is used on the rows only",
    "conv2d-forward/wrong_stride_on_columns_only": "the stride is used on the columns only",
    "maxpool/wrong_stride_on_rows_only": "the stride is used on the rows only",
    "maxpool/wrong_stride_on_columns_only": "the stride is used on the columns only",
    "embedding/wrong_padding_row_zeroed": "id 0 was kept for padding",
    "positional-encoding/wrong_batch_axis_kept": "a leading batch axis of 1",
    "positional-encoding/wrong_timing_signal_layout": "the timing signal of tensor2tensor",
    "positional-encoding/wrong_cos_as_shifted_sin_minus": "the odd columns hold -cos",
    "positional-encoding/wrong_cos_of_sin_in_place": "the odd columns hold cos(sin(angle))",
    "positional-encoding/wrong_angles_floor_divided": "the angles were floored",
    "multi-head-attention/wrong_scores_keys_against_queries": "in each head, Q and K swapped",
    "multi-head-attention/wrong_scores_queries_against_queries": "in each head, K is not used",
    "multi-head-attention/wrong_scores_keys_against_keys": "in each head, Q is not used",
    "multi-head-attention/wrong_scores_transpose_on_queries_loop": (
        "in each head, the transpose is on Q"
    ),
    "multi-head-attention/wrong_heads_not_transposed": "the heads were split without a transpose",
}
"""Each answer file whose slip the grader names from a known-wrong variant, and the words."""

OTHERS = [
    a
    for a in answers()
    if a.drill in {key.split("/")[0] for key in NAMED_SLIPS}
    and f"{a.drill}/{a.path.stem}" not in NAMED_SLIPS
]


@pytest.mark.parametrize("answer", OTHERS, ids=[f"{a.drill}/{a.path.stem}" for a in OTHERS])
def test_a_named_slip_is_claimed_of_no_other_answer(answer: Answer) -> None:
    """Right answers written differently, and other mistakes, never get these words."""
    checker = get_checker(answer.checker)
    verdict = grade_inprocess(checker, load_submission(answer.source, checker.entries), seed=1)
    shown = " ".join(case.message for case in verdict.cases)
    claims = [words for key, words in NAMED_SLIPS.items() if words in shown]
    assert claims == [], shown


MATMUL_7_6 = (
    "ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
    "signature (n?,k),(k,m?)->(n?,m?) (size 7 is different from 6)\n"
    "  line 6, in scaled_dot_product_attention: scores = Q @ K"
)


def _attention_cause(K: np.ndarray, error: str, case: str = "case 3: batch") -> str | None:
    names = {"args[0]": "Q", "args[1]": "K"}
    inputs = {"fn": "attention", "args": [np.zeros((*K.shape[:-2], 5, K.shape[-1])), K]}
    found = swapped_axes_cause(inputs, case, error, lambda path: names.get(path, path))
    return None if found is None else found.message


def test_a_batched_shape_error_names_the_two_axes_and_their_sizes_not_rows_and_columns() -> None:
    cause = _attention_cause(np.zeros((2, 3, 7, 6)), MATMUL_7_6)
    assert cause is not None
    assert cause.startswith("fails when K's axes 2 and 3 differ in size (case 3: K of shape")
    assert "numpy raised a shape error at line 6 that puts a size 7 against a size 6" in cause
    assert "rows and columns" not in cause


IMAGE = np.zeros((2, 3, 5, 4))
"""A batch of 2 images with 3 channels, 5 pixels high and 4 wide."""


def _image_cause(error: str) -> str | None:
    found = swapped_axes_cause(
        {"fn": "f", "args": [IMAGE]}, "case 2: image", error, lambda path: "x"
    )
    return None if found is None else found.message


@pytest.mark.parametrize(
    "error",
    [
        "ValueError: operands could not be broadcast together with shapes (2,3,4,5) (2,3,5,4) ",
        "ValueError: could not broadcast input array from shape (2,3,4,5) into shape (2,3,5,4)",
        "ValueError: operands could not be broadcast together with remapped shapes "
        "[original->remapped]: (2,3,5,4)->(2,3,newaxis,5,4) (4,5)->(4,5) ",
    ],
    ids=["broadcast", "assignment", "einsum"],
)
def test_an_images_height_against_its_width_is_named_by_axis(error: str) -> None:
    cause = _image_cause(error)
    assert cause is not None
    assert cause.startswith("fails when x's axes 2 and 3 differ in size")
    assert "that puts a size" in cause and "rows and columns" not in cause


@pytest.mark.parametrize(
    ("x", "error"),
    [
        (  # the batch (2) and the channels (3) of x met at the width: no swap of x's axes
            IMAGE,
            "ValueError: operands could not be broadcast together with shapes (2,3,3,2) (2,3,2,3) ",
        ),
        (  # a size along two axes: which of them met the other is unknown
            np.zeros((2, 3, 2, 3)),
            "ValueError: operands could not be broadcast together with shapes (1,3,2,3) (1,3,3,2)",
        ),
        (  # an einsum does not say where: only the last two axes are named, not x's 0 and 1
            IMAGE,
            "ValueError: operands could not be broadcast together with remapped shapes "
            "[original->remapped]: (2,3,3,2)->(2,newaxis,3,3,2) (2,3,3,2)->(2,3,2,3) ",
        ),
        (IMAGE, "ValueError: shapes (2,3,5,4) and (7,9) not aligned: 4 (dim 3) != 7 (dim 0)"),
        (IMAGE, "ValueError: cannot reshape array of size 120 into shape (4,5,7)"),
    ],
    ids=[
        "batch-and-channels-at-the-width",
        "size-on-two-axes",
        "einsum-batch-and-channels",
        "other-sizes",
        "reshape",
    ],
)
def test_no_batched_swap_is_claimed_where_the_error_does_not_show_one(
    x: np.ndarray, error: str
) -> None:
    found = swapped_axes_cause({"fn": "f", "args": [x]}, "case 2: image", error, lambda path: "x")
    assert found is None


def test_a_batched_errors_shared_problem_leaves_out_the_sizes_so_its_cases_read_as_one() -> None:
    def names(path: str) -> str:
        return {"args[0]": "Q", "args[1]": "K"}[path]

    one = swapped_axes_cause(
        {"args": [np.zeros((2, 5, 6)), np.zeros((2, 7, 6))]}, "case 5: a", MATMUL_7_6, names
    )
    other = swapped_axes_cause(
        {"args": [np.zeros((2, 5, 16)), np.zeros((2, 7, 16))]},
        "case 9: b",
        MATMUL_7_6.replace("from 6", "from 16"),
        names,
    )
    assert one is not None and other is not None
    assert one.message != other.message and one.problem == other.problem
    assert "case" not in one.problem and "16" not in other.problem


def test_a_batched_input_before_a_matrix_is_named_before_the_matrix_is() -> None:
    """Q @ K.T on a 3-D K with a 2-D mask after it: numpy's sizes (6 against 4) are K's
    last two axes and the mask's rows and columns; the mask is not in the product at all."""
    names = ("Q", "K", "V", "mask")
    args = [np.zeros((3, 4, 4)), np.zeros((3, 6, 4)), np.zeros((3, 6, 3)), np.ones((4, 6), bool)]
    error = MATMUL_7_6.replace("size 7 is different from 6", "size 6 is different from 4")
    found = swapped_axes_cause(
        {"fn": "attention", "args": args},
        "case 5: mask",
        error,
        lambda path: names[int(path[5])],
    )
    assert found is not None
    assert found.message.startswith("fails when K's axes 1 and 2 differ in size")
    assert "mask" not in found.message
