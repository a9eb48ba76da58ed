"""Mistakes common in public implementations of the architectures and deep-training drills,
each named on every case it fails, not only on the first failure the answer files check
(the thirty-sixth round hunted embedding and positional encoding, the thirty-seventh every
drill of the two packs: a sweep of their wrong answers found later cases left unnamed).

Before, these failed with a bare "max rel error", a generic "(keepdims=True or a reshape
would keep the size-1 axis)", "off by a factor of about 0.3333", or another mistake's name
("divided by sqrt(d) = 2" for a batch of 2).
"""

from __future__ import annotations

import pytest

from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess, load_submission
from tests.engine.answer_files import ANSWERS, DRILLS
from tests.engine.helpers import assert_every_failing_case_fits_a_kind

SEEDS = (0, 1, 7)

TIMING_SIGNAL = (
    "every sin before every cos, and frequencies that reach exactly 1/10000 (log(10000) / "
    "(d/2 - 1) per pair): the timing signal of tensor2tensor, a layout of its own; this "
    "drill's is the paper's, column 2i sin and 2i+1 cos of p / 10000**(2i/d)"
)
HALVES = "sin and cos are in two halves; they alternate: column 2i is sin, 2i+1 is cos"
BATCH = (
    "; each id's row adds up its occurrences' rows of dout, unscaled (the loss's own mean over "
    "the batch is already in dout)"
)

MESSAGES: dict[tuple[str, str], list[tuple[str, ...]]] = {
    ("embedding", "wrong_take_without_axis"): [
        (
            "out holds one number per id, W.reshape(-1)[ids], shape (",
            "): np.take(W, ids) without axis=0 indexes the flattened W; take whole rows, "
            "np.take(W, ids, axis=0) or W[ids], which gives ids.shape + (d,)",
        )
    ],
    ("embedding", "wrong_dW_dout_T_one_hot"): [
        (
            "dW has shape (",
            "dW is (d, V): dout^T @ one_hot is dW^T, the product in the other order; dW = "
            "one_hot^T @ dout, one row per vocabulary entry, (V, d)",
        )
    ],
    ("embedding", "wrong_dW_divided_by_batch"): [
        ("dW is off by a factor of about ", "dW was divided by the batch size, ", BATCH),
        # 1-D ids: the batch is every token
        ("dW is off by a factor of about ", "dW was divided by the ", " tokens; each id's row"),
    ],
    ("embedding", "wrong_dW_sparse_rows"): [
        (
            "dW has shape (",
            "dW has one row per distinct id (np.unique(ids)), the values of a sparse gradient; "
            "it has vocab_size rows, and the ids that never occur get rows of zeros",
        )
    ],
    ("embedding", "wrong_padding_row_zeroed"): [
        (
            "dW's row 0 is 0 though id 0 occurs: id 0 was kept for padding, as "
            "nn.Embedding(padding_idx=0) does; here id 0 is a token like any other, and its "
            "row adds up its occurrences' rows of dout: max rel error ",
        )
    ],
    ("positional-encoding", "wrong_batch_axis_kept"): [
        (
            "PE has shape (1, ",
            "PE has a leading batch axis of 1, (1, T, d), as the TensorFlow tutorial's "
            "angle_rads[np.newaxis, ...] returns it; the drill asks for the table itself, (T, d)",
        )
    ],
    ("positional-encoding", "wrong_timing_signal_layout"): [
        (TIMING_SIGNAL + ": max rel error ",),
        (HALVES + ": max rel error ",),  # T = 1: only the layout shows at p = 0
    ],
    ("positional-encoding", "wrong_cos_as_shifted_sin_minus"): [
        (
            "the odd columns hold -cos: sin(angle - pi/2) is -cos(angle); cos(angle) = "
            "sin(angle + pi/2): max rel error ",
        )
    ],
    ("positional-encoding", "wrong_cos_of_sin_in_place"): [
        (
            "the odd columns hold cos(sin(angle)): sin was applied to every column (table = "
            "np.sin(table)) before cos was applied to the odd ones; apply each to its own "
            "columns of the angles: max rel error ",
        )
    ],
    ("positional-encoding", "wrong_angles_floor_divided"): [
        (
            "the angles were floored: p // 10000**(2i/d) drops each angle's fraction (// is "
            "floor division); the angle is p / 10000**(2i/d): max rel error ",
        )
    ],
    # thirty-seventh round: answers whose later cases were a bare "max rel error", numpy's
    # own error, or another mistake's name
    ("weight-decay-l2", "wrong_last_layer_left_out"): [
        ("the penalty leaves out W", "the last layer's weights: range(1, L) stops at L - 1"),
        # the last layer is one row or column: telling weights by shape leaves it out too
        (
            "the weights were told by their shape, and W",
            "; or the penalty leaves out W",
            "(this case cannot tell which: its last layer's weights have one row or column)",
        ),
    ],
    ("clip-grad-norm", "wrong_norm_of_first_only"): [
        ("total_norm is the first array's norm only, grads[0]'s, which is also the largest",),
        ("total_norm is the first array's norm only, grads[0]'s; it is the norm of all",),
    ],
    ("clip-grad-norm", "wrong_largest_norm"): [
        ("grads[0]'s, which is also the largest here (total_norm is the largest array's norm)",),
        ("total_norm is the largest array's norm; it is the norm of all entries together: max",),
    ],
    ("positional-encoding", "wrong_multiplies_by_frequency_power"): [
        ("p was multiplied by 10000**(2i/d); it is divided: p / 10000**(2i/d)",)
    ],
    ("positional-encoding", "wrong_float16_angles"): [
        ("your result matches in float16 precision only (every value of PE is a float16",),
        (
            "every value of PE is a float16 number, and the table is further off than "
            "float16's rounding of it: the angles were float16 too",
        ),
    ],
    ("conv2d-forward", "wrong_kernel_transposed"): [
        ("the kernel's rows and columns are swapped (w[f, c].T)",),
        ("the kernel's rows and columns are swapped and then reshaped back to (KH, KW)",),
    ],
    ("conv2d-forward", "wrong_width_from_height"): [
        ("out has shape (", "the width's size was computed from H: Wo = (W + 2*pad"),
        (
            "the width's size was computed from H: Wo = (H + 2*pad - KW)//stride + 1 = ",
            "so the last windows run past the right edge",
        ),
    ],
    ("conv2d-backward", "wrong_dw_from_unpadded_x"): [
        ("dw reads its windows from the unpadded x; they are windows of x_pad",)
    ],
    ("layernorm", "wrong_float32_cache"): [
        ("the precision of float32",),
        # two features: dX's sums cancel the cache's rounding far past float32's 7 digits
        ("dX is the right formula on a float32 cache",),
    ],
    ("label-smoothing", "wrong_labels_broadcast_square_only"): [
        ("one row per example (as np.eye(c)[labels] gives), met a (",),
        ("was added in place to a (2, 1) one, and with one example the two broadcast",),
    ],
    ("lstm-cell", "wrong_h_from_old_cell"): [
        ("h uses the old cell state, o * tanh(c_prev); it uses the new one",)
    ],
    ("adamw-step", "wrong_bias_correction_t_plus_one"): [
        ("the bias correction used t + 1: t is already this step's number",)
    ],
    ("layernorm", "wrong_whole_batch_statistics"): [
        ("the mean and variance are of the whole batch, every entry at once",)
    ],
    ("attention", "wrong_softmax_sum_over_all"): [
        ("the softmax divides by the sum over every entry (a .sum() without an axis)",),
        # one-hot rows, as many as sqrt(d_k): dividing by sqrt(d_k) after gives the same
        ("or by the sum over every entry", "and this case cannot tell which"),
    ],
    ("attention", "wrong_shift_by_global_max"): [
        (
            "the scores were shifted by their maximum over every entry (scores.max() without "
            "an axis)",
            "(numpy reported invalid value during the call)",
        )
    ],
    ("rmsprop-step", "wrong_eps_after_division"): [
        ("eps was added to theta: lr * grad / np.sqrt(s) + eps divides first",)
    ],
    ("adamw-step", "wrong_eps_after_division"): [
        ("eps was added to theta: lr * m_hat / np.sqrt(v_hat) + eps divides first",)
    ],
    ("warmup-cosine", "wrong_warmup_integer_division"): [
        ("the warmup used integer division, (step + 1) // warmup_steps, which is 0 until",)
    ],
    ("bce-with-logits", "wrong_grad_over_first_axis"): [
        ("dz was divided by z.shape[0] = ", "the length of the first axis, not by z.size = "),
        ("divide by z.size = ",),  # a (1, m) row: z.shape[0] is 1, and dz is not divided
    ],
    ("label-smoothing", "wrong_kl_divergence"): [
        ("the loss is the KL divergence KL(q || p)", "log_softmax(logits) / m: max rel error"),
        # smoothing 0: the targets' zeros make q * log q NaN
        ("the loss is the KL divergence KL(q || p)", "with smoothing = 0 the targets hold zeros"),
    ],
}
"""Each hunted wrong answer and the messages its failing cases give, as the phrases they hold."""


@pytest.mark.parametrize("key", sorted(MESSAGES), ids=["/".join(k) for k in sorted(MESSAGES)])
def test_each_failing_case_of_a_hunted_mistake_names_it(key: tuple[str, str]) -> None:
    drill, stem = key
    checker = get_checker(DRILLS[drill])
    source = (ANSWERS / drill / f"{stem}.py").read_text(encoding="utf-8")
    fns = load_submission(source, checker.entries)
    assert_every_failing_case_fits_a_kind(checker, fns, MESSAGES[key], SEEDS)


def test_a_batch_of_two_against_sqrt_d_of_two_names_both() -> None:
    """Case 7's ids are (2, 4): with d = 4 a gradient divided by 2 is either mistake."""
    checker = get_checker(DRILLS["embedding"])
    source = (ANSWERS / "embedding" / "wrong_dW_divided_by_batch.py").read_text(encoding="utf-8")
    fns = load_submission(source, checker.entries)
    both = 0
    for seed in range(12):
        verdict = grade_inprocess(checker, fns, seed=seed)
        (same,) = [c for c in verdict.cases if "every id the same" in c.name]
        assert "dW was divided by the batch size, ids.shape[0] = 2" in same.message
        if "divided by sqrt(d) = 2" in same.message:
            both += 1
            assert "(this case cannot tell which)" in same.message
    assert both, "no seed drew d = 4: the tie went untested"
