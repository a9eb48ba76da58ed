"""Multi-head attention code that mixes up q and k in its heads is named as single-head
attention's is (one table of mix-ups, QK_MIXUPS, serves both drills), on every case it fails.

Before, these failed with a bare "max rel error", with numpy's own matmul or broadcast error,
or with the generic guess "fails when X's rows and columns differ", which blamed X for a
product of each head's (T, dh) arrays. A split left untransposed, (T, n_heads, dh), was a bare
"max rel error" too: its heads attend to one another instead of its tokens. Heads projected
from their own input features were a bare "max rel error" at T = 1, where only V shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from engine.checkers import get_checker
from engine.checkers.arch.attention import HEADS_NOT_TRANSPOSED, K_UNTRANSPOSED, QK_MIXUPS
from engine.grade_inprocess import grade_inprocess, load_submission
from tests.engine.answer_files import ANSWERS, DRILLS
from tests.engine.helpers import assert_every_failing_case_fits_a_kind

SEEDS = (0, 1, 7)
EACH = "in each head, "
MESSAGE = {m.form: EACH + m.message for m in QK_MIXUPS}
HEADS = "each head's q and k of shape (T, dh) = ("
ALIKE = "numpy raised the error that Q^T @ K and Q @ K raise with " + HEADS

KINDS: dict[str, list[tuple[str, ...]]] = {
    # an einsum "hqd,hkd->hkq": its weights prove K @ Q^T (at T = 1 it is right)
    "wrong_scores_keys_against_queries": [(MESSAGE["K @ Q^T"] + ": max rel error ",)],
    # a loop over the heads' column blocks, s = q @ q.T
    "wrong_scores_queries_against_queries": [(MESSAGE["Q @ Q^T"] + ": max rel error ",)],
    "wrong_scores_keys_against_keys": [(MESSAGE["K @ K^T"] + ": max rel error ",)],
    # a loop, s = q.T @ k: one head's np.where error (causal) proves Q^T @ K; without a mask
    # Q^T @ K and Q @ K raise alike and what they share is named; with T = dh it runs
    "wrong_scores_transpose_on_queries_loop": [
        (MESSAGE["Q^T @ K"], f"(numpy raised the error that this code raises with {HEADS}"),
        (f"{EACH}{K_UNTRANSPOSED}; ", ALIKE, "and neither transposes K"),
        (MESSAGE["Q^T @ K"] + ": max rel error ",),
    ],
    # the heads stacked, s = Q @ K: its own error where the mask shows it, else shared
    "wrong_keys_not_transposed": [
        (MESSAGE["Q @ K"], f"(numpy raised the error that this code raises with {HEADS}"),
        (f"{EACH}{K_UNTRANSPOSED}; ", ALIKE, "and neither transposes K"),
        (f"{EACH}{K_UNTRANSPOSED}", ": max rel error "),  # T = dh: Q @ K runs
    ],
    "wrong_heads_not_transposed": [
        (HEADS_NOT_TRANSPOSED + ": max rel error ",),
        (HEADS_NOT_TRANSPOSED + " (numpy raised the error that the causal mask, (",),
    ],
    # w /= w.sum(): one sum over every head, query and key
    "wrong_softmax_sum_over_all": [("the softmax divides by the sum over every entry",)],
    # dh = 1 divides by 1: that case passes, as it should
    "wrong_no_scaling": [("the scores are not divided by sqrt(dh): max rel error ",)],
    # at T = 1 only V's projection shows it, and only V is named there
    "wrong_heads_from_rows_of_W": [
        ("head h was projected from its own dh input features only", "X @ Wq[:, h*dh"),
        ("V's head h was projected from its own dh input features only", "only V shows it"),
    ],
}
"""Each wrong answer and the messages its failing cases give, as the phrases they hold."""


def _fns(stem: str) -> dict[str, Callable[..., Any]]:
    checker = get_checker(DRILLS["multi-head-attention"])
    source = (ANSWERS / "multi-head-attention" / f"{stem}.py").read_text(encoding="utf-8")
    return load_submission(source, checker.entries)


@pytest.mark.parametrize("stem", sorted(KINDS))
def test_each_failing_case_of_a_mix_up_in_the_heads_names_it(stem: str) -> None:
    checker = get_checker(DRILLS["multi-head-attention"])
    assert_every_failing_case_fits_a_kind(checker, _fns(stem), KINDS[stem], range(8))


@pytest.mark.parametrize("stem", sorted(KINDS))
def test_no_mix_up_in_the_heads_blames_x(stem: str) -> None:
    """numpy's sizes in a product of (T, dh) heads are X's T and sometimes its d_model: the
    generic guess blamed X's rows and columns, which the code never swapped."""
    checker = get_checker(DRILLS["multi-head-attention"])
    for seed in SEEDS:
        for case in grade_inprocess(checker, _fns(stem), seed=seed).cases:
            assert "X's rows and columns" not in case.message, f"seed {seed}: {case.message}"
            assert not case.message.startswith("your code raised"), case.message


@pytest.mark.parametrize(
    "stem", ["correct_keys_against_queries_transposed_back", "correct_scaled_queries_loop"]
)
def test_right_answers_written_another_way_pass(stem: str) -> None:
    checker = get_checker(DRILLS["multi-head-attention"])
    for seed in range(8):
        verdict = grade_inprocess(checker, _fns(stem), seed=seed)
        assert verdict.passed, f"seed {seed}: {verdict.summary}"
