"""Attention code that mixes up Q and K is named by the mix-up the case proves.

Where Q and K have one shape (self-attention: the causal case and the longer sequence) the
generic shape diagnosis named both ("Q's axes 1 and 2 or K's axes 1 and 2"), and code that
ran there was only "max rel error ...". The weights of each mix-up, or numpy's error for
its own shapes, tell them apart; a case whose shapes cannot says so and lists the forms.
"""

from __future__ import annotations

import pytest

from engine.checkers import get_checker
from engine.checkers.arch.attention import K_UNTRANSPOSED, QK_MIXUPS, QK_RIGHT
from engine.grade_inprocess import grade_inprocess, load_submission
from tests.engine.answer_files import ANSWERS

SEEDS = (0, 1, 7)
ONE_SHAPE = ("case 6: a causal mask, batch of 2", "case 10: a longer sequence")
"""The cases whose Q and K have one shape, (2, T, d_k)."""
MESSAGE = {m.form: m.message for m in QK_MIXUPS}
NEITHER_TRANSPOSES_K = (
    f"{K_UNTRANSPOSED}; {QK_RIGHT} (numpy raised the error that Q^T @ K and Q @ K raise with "
)
MIXED = "Q and K are mixed up in the scores: numpy raised the error that each of "

CASES = {
    "wrong_scores_keys_against_queries": (MESSAGE["K @ Q^T"],),
    "wrong_scores_queries_against_queries": (MESSAGE["Q @ Q^T"],),
    # with d_k = T the scores run and the weights prove Q^T @ K; with a mask np.where's
    # error does; else Q^T @ K and Q @ K raise alike, and what they share is named: K
    "wrong_scores_transpose_on_queries": (MESSAGE["Q^T @ K"], NEITHER_TRANSPOSES_K),
    # Q @ K as a product and as an einsum: its own error (or with d_k = T its weights)
    "wrong_keys_not_transposed_square": ("K is not transposed",),
    "wrong_einsum_keys_not_transposed": ("K is not transposed",),
}

NEW = (
    "wrong_scores_keys_against_queries",
    "wrong_scores_queries_against_queries",
    "wrong_scores_transpose_on_queries",
)
"""The answer files of this round's mix-ups (the others leave K untransposed)."""

K_AGAINST_KEYS = """
import numpy as np

def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = K @ np.swapaxes(K, -1, -2) / np.sqrt(K.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ V, w
"""


def _cases(source: str, seed: int) -> dict[str, str]:
    checker = get_checker("arch.attention.attention")
    verdict = grade_inprocess(checker, load_submission(source, checker.entries), seed=seed)
    return {case.name: case.message for case in verdict.cases}


@pytest.mark.parametrize("stem", sorted(CASES))
def test_a_mix_up_of_q_and_k_is_named_where_q_and_k_have_one_shape(stem: str) -> None:
    source = (ANSWERS / "attention" / f"{stem}.py").read_text(encoding="utf-8")
    for seed in SEEDS:
        messages = _cases(source, seed)
        for name in ONE_SHAPE:
            assert messages[name].startswith(CASES[stem]), f"seed {seed}, {name}: {messages[name]}"
        for name, message in messages.items():
            assert "or K's axes" not in message, f"seed {seed}, {name}: {message}"


@pytest.mark.parametrize("stem", sorted(NEW))
def test_a_case_whose_shapes_cannot_tell_the_mix_ups_apart_lists_them(stem: str) -> None:
    """n_q != n_k without a mask: K @ Q^T, Q @ Q^T and Q^T @ K all raise numpy's one error."""
    source = (ANSWERS / "attention" / f"{stem}.py").read_text(encoding="utf-8")
    message = _cases(source, 0)["case 1: no batch axes, n_q != n_k, d_k != d_v"]
    assert message.startswith(f"{MIXED}K @ Q^T, Q @ Q^T and Q^T @ K raises with Q of shape ("), (
        message
    )
    assert f"cannot tell them apart; {QK_RIGHT} (a case where Q and K have one shape" in message


def test_the_masked_cases_prove_which_mix_up_raised() -> None:
    """np.where's broadcast error shows the scores' shape: (n_k, n_q) is K @ Q^T alone."""
    source = (ANSWERS / "attention" / "wrong_scores_keys_against_queries.py").read_text(
        encoding="utf-8"
    )
    for seed in SEEDS:
        message = _cases(source, seed)["case 4: a random mask"]
        assert message.startswith(MESSAGE["K @ Q^T"] + " (numpy raised the error"), message


def test_keys_against_keys_is_named_by_the_weights_shape_and_values() -> None:
    for seed in SEEDS:
        messages = _cases(K_AGAINST_KEYS, seed)
        first = messages["case 1: no batch axes, n_q != n_k, d_k != d_v"]
        assert "the weights are (..., n_k, n_k), one row per key: Q is not used" in first
        for name in ONE_SHAPE:
            assert messages[name].startswith(MESSAGE["K @ K^T"]), messages[name]
