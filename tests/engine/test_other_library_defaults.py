"""A signature copied from another library keeps that library's defaults (Keras's eps=1e-7,
PyTorch's RMSprop lr=1e-2 and alpha=0.99), and attention's masked scores filled with BERT's
-10000: each is wrong on some of the Task's inputs, and each passed on most seeds because no
case reached them (the default-hyperparameter cases had gradients of 1e-2 and more, beside
which eps=1e-7 moves theta by less than the tolerance; no masked row scored below -1e4)."""

from __future__ import annotations

import pytest

from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess, load_submission

SEEDS = range(10)

RMSPROP = """
import numpy as np


def rmsprop_step(theta, grad, s, lr={lr}, rho={rho}, eps={eps}):
    s_new = rho * s + (1 - rho) * grad**2
    return theta - lr * grad / (np.sqrt(s_new) + eps), s_new
"""

ADAM_BODY = """
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    step = lr * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
"""
ADAM = (
    "import numpy as np\n\n\n"
    "def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps={eps}):"
    + ADAM_BODY
    + "    return theta - step, m, v\n"
)
ADAMW = (
    "import numpy as np\n\n\n"
    "def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps={eps}, "
    "weight_decay=1e-2):" + ADAM_BODY + "    return theta * (1 - lr * weight_decay) - step, m, v\n"
)

ATTENTION = """
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, {fill})
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights = weights / weights.sum(axis=-1, keepdims=True)
    return weights @ V, weights
"""


def _first_problems(checker_name: str, source: str) -> list[str]:
    """The first failure's message on each seed ("" where the seed passed)."""
    checker = get_checker(checker_name)
    fns = load_submission(source, checker.entries)
    out = []
    for seed in SEEDS:
        verdict = grade_inprocess(checker, fns, seed=seed)
        out.append(verdict.first_failure.message if verdict.first_failure else "")
    return out


@pytest.mark.parametrize(
    ("checker_name", "source"),
    [
        ("deep.optim.rmsprop_step", RMSPROP.format(lr=1e-3, rho=0.9, eps=1e-7)),
        ("deep.optim.adamw_step", ADAMW.format(eps=1e-7)),
        ("nn.optim.adam_step", ADAM.format(eps=1e-7)),
    ],
    ids=["rmsprop", "adamw", "adam"],
)
def test_kerass_default_eps_fails_on_every_seed_and_is_named(
    checker_name: str, source: str
) -> None:
    for seed, message in zip(SEEDS, _first_problems(checker_name, source), strict=True):
        assert "eps defaults to 1e-7 in your signature" in message, f"seed {seed}: {message}"
        assert "default is eps=1e-8" in message


def test_a_default_eps_of_1e_6_is_named_too() -> None:
    for message in _first_problems(
        "deep.optim.rmsprop_step", RMSPROP.format(lr=1e-3, rho=0.9, eps=1e-6)
    ):
        assert "eps defaults to 1e-6 in your signature" in message, message


@pytest.mark.parametrize(
    ("lr", "rho", "phrase"),
    [
        (1e-2, 0.9, "lr defaults to 1e-2 in your signature (PyTorch's RMSprop default)"),
        (1e-3, 0.99, "rho defaults to 0.99 in your signature (PyTorch's alpha)"),
    ],
)
def test_pytorchs_rmsprop_defaults_are_named(lr: float, rho: float, phrase: str) -> None:
    source = RMSPROP.format(lr=lr, rho=rho, eps=1e-8)
    for seed, message in zip(
        SEEDS, _first_problems("deep.optim.rmsprop_step", source), strict=True
    ):
        assert phrase in message, f"seed {seed}: {message}"


@pytest.mark.parametrize(("decay", "whose"), [("4e-3", "Keras's AdamW"), ("1e-4", "optax's adamw")])
def test_adamws_decay_default_of_another_library_is_named(decay: str, whose: str) -> None:
    source = ADAMW.format(eps=1e-8).replace("weight_decay=1e-2", f"weight_decay={decay}")
    for seed, message in zip(SEEDS, _first_problems("deep.optim.adamw_step", source), strict=True):
        assert f"weight_decay defaults to {decay} in your signature ({whose})" in message, (
            f"seed {seed}: {message}"
        )


def test_the_right_defaults_pass_the_tiny_gradient_cases() -> None:
    """The new cases do not fail a faithful step: all three pass every seed."""
    for name, source in [
        ("deep.optim.rmsprop_step", RMSPROP.format(lr=1e-3, rho=0.9, eps=1e-8)),
        ("deep.optim.adamw_step", ADAMW.format(eps=1e-8)),
        ("nn.optim.adam_step", ADAM.format(eps=1e-8)),
    ]:
        assert _first_problems(name, source) == [""] * len(SEEDS), name


def test_berts_minus_10000_fill_fails_on_every_seed_with_the_rows_scores() -> None:
    problems = _first_problems("arch.attention.attention", ATTENTION.format(fill="-10000.0"))
    for seed, message in zip(SEEDS, problems, strict=True):
        assert "masked weights must be exactly 0" in message, f"seed {seed}: {message}"
        assert "this row's allowed scores reach only -" in message, f"seed {seed}: {message}"


FILL_THEN_SCALE = """
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    raw = Q @ np.swapaxes(K, -1, -2)
    if mask is not None:
        raw = np.where(mask, raw, -10000.0)
    scores = raw / np.sqrt(Q.shape[-1])
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights = weights / weights.sum(axis=-1, keepdims=True)
    return weights @ V, weights
"""


def test_a_fill_scaled_with_the_scores_is_not_called_an_inverted_mask() -> None:
    """-10000 filled before the division by sqrt(d_k) takes every masked row's weight where
    the allowed scores lie below it: the weights are 0 where the mask is True, as with an
    inverted mask, but spread evenly over the masked keys, which only one fill value gives."""
    source = FILL_THEN_SCALE
    for seed, message in zip(
        SEEDS, _first_problems("arch.attention.attention", source), strict=True
    ):
        assert "inverted" not in message, f"seed {seed}: {message}"
        assert "this row's allowed scores reach only -" in message, f"seed {seed}: {message}"


def test_an_ignored_mask_is_not_told_about_finite_fills() -> None:
    """Scores of a few units leak through no finite fill: the advice about how far below
    the row's scores a fill must lie is for rows whose scores are below about -745."""
    source = ATTENTION.format(fill="scores")
    for seed, message in zip(
        SEEDS, _first_problems("arch.attention.attention", source), strict=True
    ):
        assert "masked weights must be exactly 0" in message, f"seed {seed}: {message}"
        assert "finite fill must lie" not in message, f"seed {seed}: {message}"


@pytest.mark.parametrize("fill", ["-np.inf", "-1e9", "np.finfo(np.float64).min"])
def test_fills_far_enough_below_pass(fill: str) -> None:
    """-1e9 lies far below any score the Task allows (about 1e4), and the most negative
    float64 minus a row maximum of 1e4 rounds back to itself, no overflow."""
    assert _first_problems("arch.attention.attention", ATTENTION.format(fill=fill)) == [""] * len(
        SEEDS
    )
