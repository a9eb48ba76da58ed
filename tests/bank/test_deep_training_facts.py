"""Claims of the deep-training pack that an expert review corrected, computed where they can be.

Each test checks a fact numerically where it is a formula, then that the card states it
(the wording the review found wrong is gone). The last one keeps the pack's key points and
choices writing their formulas as `$...$` math, rendered as Unicode like the card bodies.
"""

from __future__ import annotations

import re

import numpy as np

from quiz.bank.markdown import scan_math
from quiz.bank.mathtext import latex_to_unicode
from quiz.bank.models import ChoiceFront, ConceptFront
from tests.bank.bundled import BANK, card, text


def test_the_softmax_loss_is_logsumexp_minus_the_true_logit() -> None:
    z = np.array([2.0, -1.0, 0.5, 3.0])
    y = 2
    loss = -np.log(np.exp(z[y]) / np.exp(z).sum())
    m = z.max()
    logsumexp = m + np.log(np.exp(z - m).sum())
    assert np.isclose(loss, logsumexp - z[y]) and loss > 0
    body = text("sigmoid-vs-softmax-outputs")
    assert "$\\text{logsumexp}(z) - z_y$" in body
    assert "z_y - \\text{logsumexp}(z)" not in body


def test_the_softplus_form_is_the_stable_bce() -> None:
    z = np.linspace(-30.0, 30.0, 61)
    for y in (0.0, 1.0):
        stable = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
        softplus = np.logaddexp(0.0, (1 - 2 * y) * z)
        np.testing.assert_allclose(stable, softplus, rtol=1e-12)
    assert "$\\zeta((1 - 2y) z)$" in text("bce-with-logits")


def test_the_residual_unrolling_keeps_the_loss_and_the_block_apart() -> None:
    body = card("residual-identity-path").section("Answer")
    assert "x_L" not in body  # L is the loss; the deeper block is k
    assert "x_k = x_l + \\sum_{i=l}^{k-1} F_i(x_i)" in body
    assert "on the main path" not in body


def test_corrected_citations_and_figures() -> None:
    assert "Algorithm 8.5" in text("rmsprop-step")
    assert "Algorithm 8.6" not in text("rmsprop-step")
    for card_id in ("group-norm-and-rmsnorm", "small-batch-normalization"):
        body = text(card_id)
        assert "10.6% lower" not in body, card_id
        assert "24.1% against 34.7%" in body, card_id
    assert "all channels of a position" not in text("layernorm-vs-batchnorm")
    assert "meaningful when the batch size changes" not in text("weight-decay-l2")
    assert "former validation examples" in text("early-stopping")
    assert "however large the set" not in text("early-stopping-claims")
    assert "can only cause underfitting" not in text("l2-regularization-effect")
    assert "Its only parameter is the run length." not in text("learning-rate-schedules")
    assert "is a main reason" not in text("adamw-step")


# ASCII spellings of math that belong inside `$...$`: sqrt(...), powers, Greek names,
# hats and d/dx fractions written with a slash.
_ASCII_MATH = re.compile(
    r"sqrt\(|\^|_hat\b|\b[dD][A-Za-z]/d[a-z]\b"
    r"|\b(alpha|beta|gamma|eta|lambda|rho|sigma|theta|epsilon|pi)\b",
    re.IGNORECASE,
)


def test_key_points_and_choices_write_formulas_as_math_that_renders() -> None:
    for c in BANK.cards:
        if c.pack != "deep-training":
            continue
        front = c.front
        if isinstance(front, ConceptFront):
            texts = list(front.key_points)
        elif isinstance(front, ChoiceFront):
            texts = list(front.choices)
        else:
            continue
        for line in texts:
            spans = scan_math(line).spans
            outside = line
            for span in reversed(spans):
                outside = outside[: span.start] + outside[span.end :]
            assert _ASCII_MATH.search(outside) is None, (c.id, line)
            for span in spans:
                assert latex_to_unicode(span.latex) is not None, (c.id, span.latex)
