"""The dropout checker's messages: three on the case that calls for it, and every wrong
answer file's, whole, on every case it fails.

The answer files check the verdict's first failure only, so a message given on a later
case can be lost without a test noticing: a mutant with no inf check at keep_prob = 1
passed (case 1's scaling hint says "divided by the drop probability" too), and so did one
that never said dropout_forward returned a single array (its output then failed later, in
other words), as did one that no longer said a mask holding 1 / keep_prob was scaled
(the answer files ask only for "mask holds"). The table of each wrong answer's messages
catches the same loss in the words and hints of any of them.
"""

from __future__ import annotations

from textwrap import dedent

import pytest

from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess, load_submission
from engine.verdict import Verdict
from tests.engine.answer_files import answers
from tests.engine.helpers import assert_every_failing_case_fits_a_kind

DROPOUT = next(answer for answer in answers() if answer.drill == "dropout")


def _graded(source: str) -> Verdict:
    checker = get_checker(DROPOUT.checker)
    return grade_inprocess(checker, load_submission(source, checker.entries), seed=0)


def _wrong(stem: str) -> str:
    """The source of one of the dropout drill's answer files."""
    return next(a.source for a in answers() if a.drill == "dropout" and a.path.stem == stem)


def test_dividing_by_zero_at_keep_prob_one_is_named_on_that_case() -> None:
    verdict = _graded(_wrong("wrong_divides_by_drop_probability"))
    (nothing_dropped,) = [case for case in verdict.cases if "keep_prob = 1 " in case.name]
    assert nothing_dropped.message.startswith(
        "out is inf or NaN wherever A is not 0 with keep_prob = 1, where nothing is dropped"
    )


def test_a_forward_pass_returning_only_out_is_told_what_to_return() -> None:
    only_out = dedent(
        """
        def dropout_forward(A, keep_prob, rng):
            mask = rng.random(A.shape) < keep_prob
            return A * mask / keep_prob

        def dropout_backward(dout, mask, keep_prob):
            return dout * mask / keep_prob
        """
    )
    verdict = _graded(only_out)
    assert verdict.first_failure is not None
    assert verdict.first_failure.message.startswith(
        "dropout_forward should return (out, mask), got a single numpy array"
    )


def test_a_mask_scaled_by_one_over_keep_prob_is_called_so() -> None:
    verdict = _graded(_wrong("wrong_mask_scaled_returned"))
    assert verdict.first_failure is not None
    message = verdict.first_failure.message
    assert message.startswith("mask holds ") and "(1 / keep_prob), not only 0 and 1" in message


STAT_NOTE = "(a correct answer fails this check with probability below"
MASK_HOLDS = (
    "mask holds ",
    "(1 / keep_prob), not only 0 and 1: the mask is True (or 1.0) where a unit was kept and "
    "False (or 0.0) where it was dropped, and dropout_backward gets such a mask; divide by "
    "keep_prob in out and in dropout_backward, not in the mask",
)
COUNT_OUT_OF_RANGE = ("kept ", " units (", "%) with keep_prob=", "; a correct answer keeps ")
FLIPPED = (
    *COUNT_OUT_OF_RANGE,
    "It looks like units are kept with probability 1 - keep_prob (use rng.random(shape) < "
    "keep_prob).",
    STAT_NOTE,
)
FIXED_COUNT = (
    "calls with generators built from different seeds kept exactly ",
    " units every time (keep_prob=",
    "when each unit is kept independently the count varies from call to call (Binomial(n, "
    "keep_prob), standard deviation ",
    "a correct answer's largest and smallest counts differ by at least ",
    "Keeping a fixed number of units (e.g. the first round(keep_prob * n) of a permutation, or "
    "rng.choice(n, k, replace=False)) is not dropout: draw one uniform per unit, "
    "rng.random(A.shape) < keep_prob.",
    STAT_NOTE,
)
ONE_EACH = "draw one per element, rng.random(A.shape) < keep_prob."


def _shared_draws(what: str) -> list[tuple[str, ...]]:
    """The messages for a mask drawn once per `what` (row or column) and shared by its units."""
    per_line = f"Every {what} of the mask is all kept or all dropped: one draw per {what} was "
    shared = f"shared by its units; {ONE_EACH}"
    return [
        (
            "calls with generators built from different seeds kept between ",
            "the count varies far more than when each unit is kept independently (standard "
            "deviation ",
            "a correct answer's largest and smallest counts differ by at most ",
            "units are kept or dropped together. " + per_line,
            shared,
            STAT_NOTE,
        ),
        (*COUNT_OUT_OF_RANGE, per_line, shared, STAT_NOTE),
    ]


WHOLE_ARRAY = (
    *COUNT_OUT_OF_RANGE,
    "together, as one draw shared by the whole array gives: " + ONE_EACH,
    STAT_NOTE,
)
"""A mask drawn per column, on an input of one column: one draw for the whole array."""


RESEEDED = (
    "the code re-seeded np.random.*: seeded differently before two calls, it came out of "
    "both in the same state. Seeding a global generator inside the function "
    "(np.random.seed(...), even from the rng) makes the result reproducible but resets the "
    "caller's random state, and the drill says not to; leave it alone and draw the mask from "
    "the rng argument (rng.random...)",
)
"""np.random seeded inside dropout_forward, from the rng or from a constant."""

REDRAWN = (
    "the gradient flows through exactly the units the forward pass kept, so multiply by the "
    "mask it returned (a new draw in the backward pass, or no mask, lets it through the wrong "
    "units)"
)
UNSCALED_DA = ("dA is not scaled by 1/keep_prob like the forward pass: max rel error ",)
REUSE = (
    "the backward pass reuses the forward pass's mask and its scale, dout * mask / keep_prob "
    "(the fraction a mask kept is a random number near keep_prob, not what the forward pass "
    "divided by): max rel error "
)
ALL_KEPT_UNSCALED = (
    "dA is not scaled by 1/keep_prob like the forward pass (this mask kept every unit, so "
    "dividing by the fraction of units kept, mask.mean() = 1, gives the same dA): ",
    REUSE,
)
"""Case 1's single unit, kept: an unscaled dA and one divided by mask.mean() are the same."""
FRACTION_KEPT = (
    "dA was divided by the fraction of units the mask kept, mask.mean() = ",
    ", not by keep_prob = ",
    REUSE,
)
MESSAGES: dict[str, list[tuple[str, ...]]] = {
    "wrong_backward_multiplies_keep_prob": [
        (
            "dA was multiplied by keep_prob; the forward pass divides the kept units by "
            "keep_prob, so the backward pass divides by it too: max rel error ",
        )
    ],
    "wrong_backward_redraws_mask": [
        (" is not 0 though the forward pass dropped that unit: ", REDRAWN),
        (" is 0 though the forward pass kept that unit: ", REDRAWN),
    ],
    "wrong_backward_unscaled": [UNSCALED_DA, ALL_KEPT_UNSCALED],
    "wrong_backward_uses_new_scale": [ALL_KEPT_UNSCALED, FRACTION_KEPT],
    "wrong_binomial_scaled_mask": [MASK_HOLDS],
    "wrong_divides_by_drop_probability": [
        (
            "the survivors were divided by the drop probability 1 - keep_prob = ",
            "; inverted dropout divides by keep_prob = ",
            ", the probability of keeping a unit: max rel error ",
        ),
        (
            "out is inf or NaN wherever A is not 0 with keep_prob = 1, where nothing is "
            "dropped: the survivors were divided by the drop probability 1 - keep_prob = 0; "
            "inverted dropout divides them by keep_prob",
        ),
    ],
    "wrong_drop_probability": [FLIPPED],
    "wrong_fixed_count_choice": [FIXED_COUNT],
    "wrong_fixed_count_permutation": [FIXED_COUNT],
    "wrong_fixed_half": [(*COUNT_OUT_OF_RANGE, STAT_NOTE)],
    "wrong_global_random": [
        (
            "two calls with generators built from the same seed gave different results: draw "
            "random numbers only from the rng argument (rng.random, rng.binomial...); this "
            "code drew from np.random.*",
        )
    ],
    "wrong_python_random": [
        (
            "two calls with generators built from the same seed gave different results: draw "
            "random numbers only from the rng argument (rng.random, rng.binomial...); this "
            "code drew from Python's random module (random.random...)",
        )
    ],
    "wrong_fixed_global_seed": [RESEEDED],
    "wrong_global_seed_from_rng": [RESEEDED],
    "wrong_in_place": [
        (
            "your code changed its input A in place; the caller still needs it, so build a new "
            "array (A * mask / keep_prob) instead of A *= ...",
        )
    ],
    "wrong_keep_when_above": [FLIPPED],
    "wrong_mask_broadcast_first_row": [
        (
            "mask has shape (",
            "), the shape of one row of A, A[0].shape; expected (",
            "): one row of draws broadcast over the rows shares each column's draw among all "
            "of its units; draw one per element, rng.random(A.shape) < keep_prob, and return "
            "that mask",
        )
    ],
    "wrong_mask_per_column": [*_shared_draws("column"), WHOLE_ARRAY],
    "wrong_mask_per_row": _shared_draws("row"),
    "wrong_mask_scaled_returned": [MASK_HOLDS],
    "wrong_multiplies_by_keep_prob": [
        ("the survivors were multiplied by keep_prob; inverted dropout divides by it: max rel ",)
    ],
    "wrong_not_inverted": [
        ("the survivors are not scaled: inverted dropout divides them by keep_prob: max rel ",)
    ],
    "wrong_scaled_mask": [MASK_HOLDS],
    "wrong_scales_at_test_time_flag": [
        ("the survivors are not scaled: inverted dropout divides them by keep_prob: max rel ",)
    ],
    "wrong_train_multiplies_backward_divides": [
        ("the survivors were multiplied by keep_prob; inverted dropout divides by it: max rel ",)
    ],
}
"""Each wrong dropout answer file, and the messages its failing cases give: each message as
the phrases it holds (its numbers left out, as they differ case by case)."""

WRONG = sorted(a.path.stem for a in answers() if a.drill == "dropout" and a.status != "passed")


def test_every_wrong_dropout_answer_has_its_messages_pinned() -> None:
    assert sorted(MESSAGES) == WRONG


@pytest.mark.parametrize("stem", sorted(MESSAGES))
def test_each_failing_case_of_a_wrong_dropout_answer_says_all_its_message(stem: str) -> None:
    """Every failing case's whole message, not only the first failure's first phrase: a
    message losing its hint on a later case, or any of its words, fails here. Each listed
    message must be given somewhere, so the table cannot go stale."""
    checker = get_checker(DROPOUT.checker)
    fns = load_submission(_wrong(stem), checker.entries)
    assert_every_failing_case_fits_a_kind(checker, fns, MESSAGES[stem], (0, 1, 7))


def test_a_backward_pass_dividing_by_the_fraction_kept_is_named_on_every_case() -> None:
    """mask.mean() is near keep_prob, so dA was only 'off by a factor of about 0.986' after
    case 1: every case that drops something must say what the backward pass divided by."""
    checker = get_checker(DROPOUT.checker)
    fns = load_submission(_wrong("wrong_backward_uses_new_scale"), checker.entries)
    for seed in (0, 1, 7):
        verdict = grade_inprocess(checker, fns, seed=seed)
        for case in verdict.cases:
            if "keep_prob = 1 " in case.name:  # mask.mean() is keep_prob: nothing to tell
                assert case.status.value == "passed", case.message
            elif "a single unit" in case.name:
                assert case.status.value == "passed" or case.message.startswith(
                    ALL_KEPT_UNSCALED[0]
                ), case.message
            else:
                assert case.message.startswith(FRACTION_KEPT[0]), f"{case.name}: {case.message}"
