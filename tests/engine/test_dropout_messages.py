"""Three of the dropout checker's messages, each on the case that calls for it.

The answer files check the verdict's first failure only, so a message given on a later
case can be lost without a test noticing: a mutant with no inf check at keep_prob = 1
passed (case 1's scaling hint says "divided by the drop probability" too), and so did one
that never said dropout_forward returned a single array (its output then failed later, in
other words), as did one that no longer said a mask holding 1 / keep_prob was scaled
(the answer files ask only for "mask holds").
"""

from __future__ import annotations

from textwrap import dedent

from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess, load_submission
from engine.verdict import Verdict
from tests.engine.answer_files import answers

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
