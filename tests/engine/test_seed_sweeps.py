"""Wrong answers that passed, or were named differently, on some seeds only: each is graded
over many seeds (test_answers tries three), and must fail the same way on every one."""

from __future__ import annotations

import pytest

from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess, load_submission
from engine.outcome import CaseStatus
from engine.verdict import Verdict
from tests.engine.answer_files import ANSWERS, DRILLS


def _grade(drill: str, answer: str, seed: int) -> Verdict:
    checker = get_checker(DRILLS[drill])
    source = (ANSWERS / drill / f"{answer}.py").read_text(encoding="utf-8")
    return grade_inprocess(checker, load_submission(source, checker.entries), seed=seed)


@pytest.mark.parametrize(
    ("drill", "answer", "phrase", "seeds"),
    [
        # exp(1000) overflowed only on the seeds whose "large magnitudes" passed 709
        ("relu-family", "wrong_elu_unclipped_exp", "np.where evaluates both branches", 20),
        # clipping to [-1, 1] changed nothing on the seeds whose gradients were all below 1
        ("sgd-step", "wrong_clipped_gradient", "clipped to [-1, 1]", 30),
        # a fixed 1e-8 was called eps**2 under the root where eps is negligible beside sqrt(s)
        ("rmsprop-step", "wrong_fixed_eps", "eps was ignored (1e-8 used instead)", 30),
        # eps left out was called eps**2 under the root on seed 13, whose first case (one
        # parameter, eps negligible beside sqrt(s)) rounds both forms to the same theta
        ("rmsprop-step", "wrong_eps_missing", "eps is missing: the step divides by sqrt(s)", 30),
        ("rmsprop-step", "wrong_eps_squared_under_root", "eps went under the square root", 30),
        # RMSprop's eps forms are Adam's (eps_slips): one added to grad went unnamed
        ("rmsprop-step", "wrong_eps_added_to_grad", "eps was added to grad, not to the", 30),
        # Adam's and AdamW's misplaced eps went unnamed (or, for AdamW, was called float32
        # rounding) where eps was negligible beside sqrt(v_hat): named by the nearest form
        *(
            (drill, answer, phrase, 30)
            for drill in ("adam-step", "adamw-step")
            for answer, phrase in [
                ("wrong_eps_ignored", "eps is missing: the step divides by sqrt(v_hat) alone"),
                ("wrong_eps_squared_under_root", "eps went under the square root as eps**2"),
                ("wrong_eps_inside_sqrt", "eps belongs outside the square root"),
                ("wrong_fixed_eps", "eps was ignored (1e-8 used instead)"),
                ("wrong_eps_added_to_m_hat", "eps was added to m_hat, not to the denominator"),
            ]
        ),
        # a correct but overflowing form was told it had used the naive sigmoid's exp(-z):
        # the case of large positive z only, where exp(-z) cannot overflow, names it
        ("sigmoid-grad", "wrong_cosh_overflow", "cosh(z/2) in 1 / (4 cosh(z/2)**2)", 30),
        ("sigmoid-grad", "wrong_sech_overflow", "grows like exp(|z|) overflowed", 30),
        ("sigmoid-grad", "wrong_cosh_twice", "is twice the derivative", 30),
        ("sigmoid-grad", "wrong_cosh_without_square", "misses the square: the derivative", 30),
        # layer norm's backward slips got a bare max rel error: eps is random, n != m
        ("layernorm", "wrong_backward_without_eps", "the backward pass used eps = 0", 30),
        ("layernorm", "wrong_dx_divides_by_examples", "the means in dX run over the same", 30),
        ("layernorm", "wrong_dx_sums_over_examples", "the sums in dX run over axis 1", 30),
        ("layernorm", "wrong_x_hat_scaled_in_place", "changes the cached x_hat too", 30),
        # BCE's right values with an overflow on the way were told the loss was log(1 + exp(-z))
        ("bce-with-logits", "wrong_where_evaluates_both_branches", "a branch of np.where", 30),
        ("bce-with-logits", "wrong_naive_sigmoid_in_dz", "the loss and dz are right", 30),
        ("bce-with-logits", "wrong_logits_clipped", "clipped to [-100, 100]", 30),
        ("bce-with-logits", "wrong_logits_clipped_at_30", "clipped to [-30, 30]", 30),
        # embedding scaled by sqrt(d) (d from 3 to 5) and positional encodings' exponents
        ("embedding", "wrong_scaled_by_sqrt_d", "out was scaled by sqrt(d)", 30),
        ("embedding", "wrong_vocab_size_minus_one", "dW has vocab_size - 1 rows", 30),
        ("positional-encoding", "wrong_pairs_from_one", "the pair index starts at 1", 30),
        ("positional-encoding", "wrong_exponent_over_d_minus_one", "divides by d - 1", 30),
        # max pooling: |x|, no axis, a missing + 1, swapped offsets (ties decide on some seeds)
        ("maxpool", "wrong_abs_max", "largest |x|", 30),
        ("maxpool", "wrong_max_without_axis", "the maximum over the whole batch", 30),
        ("maxpool", "wrong_output_size_without_plus_one", "the + 1 is missing", 30),
        ("maxpool", "wrong_argmax_row_column_swapped", "its row and column swapped", 30),
        # conv2d_backward: a crop, db's axes, dw's positions, a transposed kernel, dw off x
        ("conv2d-backward", "wrong_dx_crop_without_pad", "cropped to [pad:H, pad:W]", 30),
        ("conv2d-backward", "wrong_db_one_spatial_axis", "one spatial axis only", 30),
        ("conv2d-backward", "wrong_db_total_for_every_filter", "the sum of all of dout", 30),
        ("conv2d-backward", "wrong_dw_mean_over_positions", "dw was divided by Ho * Wo", 30),
        ("conv2d-backward", "wrong_dx_kernel_transposed", "each kernel transposed", 30),
        ("conv2d-backward", "wrong_dw_from_unpadded_x", "from the unpadded x", 30),
        # numerical_gradient: an alias for a copy, copies never reset, len(x) on a matrix
        ("numerical-gradient", "wrong_alias_not_copy", "not a copy", 30),
        ("numerical-gradient", "wrong_copies_never_reset", "never put back", 30),
        ("numerical-gradient", "wrong_len_loop", "len(x) counts the rows of a matrix", 30),
        ("numerical-gradient", "wrong_flat_result", "but flat", 30),
        # label smoothing: examples taken as rows, targets by whole rows, a lost max
        ("label-smoothing", "wrong_one_hot_rows_per_example", "one row per example", 30),
        ("label-smoothing", "wrong_targets_by_whole_rows", "picks whole rows", 30),
        ("label-smoothing", "wrong_examples_on_axis_0", "puts the examples on axis 0", 30),
        ("label-smoothing", "wrong_log_softmax_without_max", "lost each column's max", 30),
        # the four drills with the fewest named mistakes (thirty-first round)
        ("sgd-step", "wrong_divides_by_batch", "divided by its number of rows", 30),
        ("sgd-step", "wrong_update_not_returned", "theta came back unchanged", 30),
        ("conv2d-forward", "wrong_bias_per_channel", "added once per input channel", 30),
        ("conv2d-forward", "wrong_windows_from_unpadded", "not from the padded x", 30),
        (
            "conv2d-forward",
            "wrong_windows_from_unpadded_all_filters",
            "not from the padded x",
            30,
        ),
        ("maxpool", "wrong_argmax_unravel_by_stride", "unravelled with the stride", 30),
        ("xor-network", "wrong_w2_reversed", "output weights are in the other order", 30),
        ("xor-network", "wrong_b1_reversed", "hidden biases are in the other order", 30),
        ("approximate-sine", "wrong_b1_plus_knots", "b1 = +knots", 30),
        ("approximate-sine", "wrong_rises_not_slopes", "not divided by the segment's width", 30),
        ("momentum-step", "wrong_theta_moves_by_grad", "theta moved by lr * grad alone", 30),
        ("softmax", "wrong_divides_by_logit_sum", "the sum of the shifted logits", 30),
        ("sigmoid", "wrong_precedence", "1 / 1 + np.exp(-z) is 1 + exp(-z)", 30),
        ("initializers", "wrong_root_of_numerator_only", "root was taken of the numerator", 30),
        # L2 penalty: the last layer left out, the spectral norm, the decay factor as a gradient
        ("weight-decay-l2", "wrong_last_layer_left_out", "the last layer's weights", 30),
        ("weight-decay-l2", "wrong_spectral_norm", "the spectral norm", 30),
        ("weight-decay-l2", "wrong_grad_sign", "the gradient has the wrong sign", 30),
        ("weight-decay-l2", "wrong_decay_factor_as_grad", "weight-decay update's factor", 30),
        # clipping: np.concatenate of unflattened arrays, the result's order swapped
        ("clip-grad-norm", "wrong_concatenate_without_ravel", "flatten each one first", 30),
        ("clip-grad-norm", "wrong_result_order_swapped", "the other way round", 30),
        # late in a step count beta1**t vanishes and m's correction with it: the case of
        # large eps must come early, or "only m corrected" is told "no bias correction"
        ("adamw-step", "wrong_only_m_corrected", "only m was bias-corrected", 30),
    ],
)
def test_the_mistake_fails_and_is_named_on_every_seed(
    drill: str, answer: str, phrase: str, seeds: int
) -> None:
    for seed in range(seeds):
        verdict = _grade(drill, answer, seed)
        assert verdict.first_failure is not None, f"seed {seed}: {verdict.summary}"
        assert phrase in verdict.first_failure.message, f"seed {seed}"


@pytest.mark.parametrize(
    ("drill", "answer", "phrase"),
    [
        *(
            ("conv2d-forward", answer, "not from the padded x")
            for answer in ("wrong_windows_from_unpadded", "wrong_windows_from_unpadded_all_filters")
        ),
        ("maxpool", "wrong_argmax_unravel_by_stride", "unravelled with the stride"),
    ],
)
def test_a_mistake_that_also_raises_is_named_on_every_case_it_fails(
    drill: str, answer: str, phrase: str
) -> None:
    # conv2d-forward: at the far border x's slice is cut short, and where numpy then raised
    # (pad 2, 3x3 same padding) the case ended as a bare broadcast error; maxpool: rows of
    # stride entries sent overlapping windows' gradients past the image (an IndexError).
    # Either way the verdict read "error"
    for seed in range(30):
        verdict = _grade(drill, answer, seed)
        failing = [c for c in verdict.cases if c.message]
        assert len(failing) >= 3, f"seed {seed}"
        for case in failing:
            assert case.status is CaseStatus.FAILED, f"seed {seed}, {case.name}: {case.message}"
            assert phrase in case.message, f"seed {seed}, {case.name}"


@pytest.mark.parametrize(
    ("answer", "phrase"),
    [("wrong_no_m", "divide by m = "), ("wrong_grad_missing_over_m", "divide by m = ")],
)
def test_a_missing_m_is_told_apart_from_a_missing_half_on_every_seed(
    answer: str, phrase: str
) -> None:
    # at m = 2 a penalty without its m and one without its 1/2 are the same number: seed 25
    # drew m = 2 for the first case and the message named the 1/2; the batches start at 3
    for seed in range(30):
        verdict = _grade("weight-decay-l2", answer, seed)
        assert verdict.first_failure is not None, f"seed {seed}"
        assert not verdict.first_failure.inputs.endswith("m=2"), f"seed {seed}"
        assert phrase in verdict.first_failure.message, f"seed {seed}"


@pytest.mark.parametrize(
    ("answer", "own", "other"),
    [
        ("wrong_beta_on_grad", "beta multiplies grad instead of v", "swapped places"),
        ("wrong_beta_weights_swapped", "swapped places", "beta multiplies grad"),
    ],
)
def test_beta_moved_onto_grad_is_named_apart_from_swapped_weights_once_v_is_not_zero(
    answer: str, own: str, other: str
) -> None:
    # from v = 0 both give v = beta*grad (the first case names both); after it they differ
    for seed in (0, 1, 7):
        later = [c for c in _grade("momentum-step", answer, seed).cases[1:] if c.message]
        assert later, f"seed {seed}"
        for case in later:
            assert own in case.message, f"seed {seed}, {case.name}: {case.message}"
            assert other not in case.message, f"seed {seed}, {case.name}"


EPS_TIE = "eps is missing, or went under the square root as eps**2"


@pytest.mark.parametrize(
    ("drill", "answer", "other"),
    [
        *(
            (drill, missing, "eps went under the square root as eps**2")
            for drill, missing in [
                ("rmsprop-step", "wrong_eps_missing"),
                ("adam-step", "wrong_eps_ignored"),
                ("adamw-step", "wrong_eps_ignored"),
            ]
        ),
        *(
            (drill, "wrong_eps_squared_under_root", "eps is missing: the step")
            for drill in ("rmsprop-step", "adam-step", "adamw-step")
        ),
    ],
)
def test_no_case_names_the_other_eps_form_where_the_two_round_alike(
    drill: str, answer: str, other: str
) -> None:
    # where eps is negligible beside the root, eps left out and eps**2 under it give the
    # same theta to the last digit: such a case names both (on seed 13 RMSprop's one-
    # parameter case named only eps**2 for eps left out), every other case the right one
    ties = 0
    for seed in range(30):
        for case in _grade(drill, answer, seed).cases:
            assert other not in case.message, f"seed {seed}, {case.name}: {case.message}"
            ties += EPS_TIE in case.message
    assert ties > 0  # the sweep holds a case where the two cannot be told apart
