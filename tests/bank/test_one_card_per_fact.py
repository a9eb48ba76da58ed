"""One card asks each fact, and the cards around it link to it.

A learner who reviews every pack met the same fact as several cards' question (Adam's
uncorrected first step of about 3.16 alpha, Pascanu et al.'s singular-value condition,
pre-norm's warmup, the shrink factor 1 - lr * lambda). Ids are permanent, so each card
keeps its id and now asks its own thing; the explanation of the others points to the card
that asks the fact. What a card asks is its Question (or Task), its choices and its key
points: what a session shows and grades.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.arch.attention import multi_head_attention
from engine.deep.optim import adamw_step, rmsprop_step
from engine.nn.optim import adam_step
from quiz.bank.models import ChoiceFront, ConceptFront, NumericFront
from tests.bank.bundled import BANK, card, text


def asked(card_id: str) -> str:
    """What a session shows a learner before the answer, and what self-grading checks."""
    c = card(card_id)
    parts = [s.text for name, s in c.sections.items() if name in ("Question", "Task")]
    if isinstance(c.front, ChoiceFront):
        parts.extend(c.front.choices)
    if isinstance(c.front, ConceptFront):
        parts.extend(c.front.key_points)
    return "\n".join(parts)


def test_adams_first_step_is_asked_corrected_by_one_card_and_uncorrected_by_another() -> None:
    lr = 1e-3
    # with both corrections the step is lr whatever the gradient's scale...
    for g in (1e-4, 1e4):
        theta, _, _ = adam_step(np.zeros(1), np.full(1, g), np.zeros(1), np.zeros(1), 1, lr)
        assert math.isclose(-theta.item(), lr, rel_tol=1e-4)
    corrected = card("adam-bias-correction").front
    assert isinstance(corrected, ChoiceFront) and isinstance(corrected.answer, int)
    assert "Both move by about $\\alpha$" in corrected.choices[corrected.answer]
    # ...and without them it is (1 - beta1) / sqrt(1 - beta2) lr, the other card's answer
    uncorrected = card("adam-uncorrected-first-step").front
    assert isinstance(uncorrected, NumericFront)
    assert uncorrected.check_numeric(lr * 0.1 / math.sqrt(0.001)).correct
    # No card shows 3.16 before the answer, and only the owner derives it.
    for c in BANK.cards:
        assert "3.16" not in asked(c.id), c.id
        if c.id != "adam-uncorrected-first-step":
            assert "\\frac{0.1}{\\sqrt{0.001}}" not in text(c.id), c.id


def test_rmsprops_first_step_is_asked_by_its_numeric_card_not_restated_by_the_drill() -> None:
    theta, _ = rmsprop_step(np.zeros(1), np.full(1, 5.0), np.zeros(1), lr=0.01, rho=0.99, eps=0.0)
    owner = card("rmsprop-first-step-size").front
    assert isinstance(owner, NumericFront) and owner.check_numeric(-theta.item()).correct
    assert "3.2 \\alpha" not in text("rmsprop-step")
    assert "`rmsprop-first-step-size`" in text("rmsprop-step")
    assert "rmsprop-first-step-size" in card("rmsprop-step").front.related


def test_pascanus_condition_is_rnn_gradient_flows_question_alone() -> None:
    owner = "rnn-gradient-flow"
    assert "largest singular value of $W$ is below $1/\\gamma$" in text(owner)
    for c in BANK.cards:
        if c.id != owner:
            assert "1/\\gamma" not in text(c.id) and "\\frac{1}{\\gamma}" not in text(c.id), c.id
    # the general card keeps the mechanism, and the RNN card links down to it
    assert "the same recurrent matrix $W$ appears at every step" in text("exploding-gradients")
    assert "exploding-gradients" in card(owner).front.related


def test_pre_norms_warmup_is_asked_by_the_warmup_card_alone() -> None:
    owner = "why-learning-rate-warmup"
    assert "Transformers" in asked(owner)
    assert any("Post-LN" in point for point in asked(owner).splitlines())
    for other in ("pre-norm-vs-post-norm", "norm-placement-claims", "residual-identity-path"):
        assert "warmup" not in asked(other).lower(), other
        assert "warmup" not in card(other).front.tags, other
    for other in ("pre-norm-vs-post-norm", "residual-identity-path"):
        assert owner in card(other).front.related, other


def test_the_two_decay_cards_ask_different_numbers() -> None:
    # plain SGD with an L2 penalty: the factor 1 - alpha * lambda (sgd-l2-decay-factor)
    sgd = card("sgd-l2-decay-factor").front
    assert isinstance(sgd, NumericFront)
    assert sgd.check_numeric(1 - 0.05 * 0.004).correct
    # PyTorch's AdamW in the paper's convention: lambda = lr * weight_decay, not a factor
    theta, _, _ = adamw_step(
        np.ones(1), np.zeros(1), np.zeros(1), np.zeros(1), 1, lr=1e-3, weight_decay=0.1
    )
    paper_lambda = 1.0 - theta.item()  # the paper's form shrinks by 1 - eta_t * lambda
    adamw = card("adamw-shrink-per-step").front
    assert isinstance(adamw, NumericFront)
    assert adamw.check_numeric(paper_lambda).correct
    assert not adamw.check_numeric(0.1).correct  # PyTorch's value copied over
    assert not adamw.check_numeric(theta.item()).correct  # the factor, sgd-l2's kind of answer
    assert "schedule multiplier" in text("adamw-shrink-per-step")


def test_one_norm_layers_count_is_asked_once_and_the_deeper_card_counts_a_model() -> None:
    # gamma and beta per feature is batchnorm-parameter-count's question (64 units, 128);
    # layernorm-param-count asked the same 2n for one layer and now counts GPT-2 small's
    basic = card("batchnorm-parameter-count").front
    deeper = card("layernorm-param-count").front
    assert isinstance(basic, NumericFront) and isinstance(deeper, NumericFront)
    assert basic.check_numeric(2 * 64).correct
    per_layer = 2 * 768
    assert not deeper.check_numeric(per_layer).correct
    assert deeper.check_numeric((2 * 12 + 1) * per_layer).correct
    assert "batchnorm-parameter-count" in deeper.related


def test_the_variance_argument_and_a_heads_factor_are_two_questions() -> None:
    """sqrt-dk-claims offered attention-scaling's variance argument as its right choice; it
    now asks which d_k a head of a 512-wide, 8-head layer divides by, and the reference
    multi-head attention is the one that divides by sqrt(64)."""
    rng = np.random.default_rng(45)
    T, d_model, h = 5, 512, 8
    X = rng.standard_normal((T, d_model))
    Wq, Wk, Wv = (rng.standard_normal((d_model, d_model)) / 16 for _ in range(3))
    out = multi_head_attention(X, Wq, Wk, Wv, np.eye(d_model), h)

    def with_factor(root: float) -> np.ndarray:
        Q, K, V = (
            M.reshape(T, h, d_model // h).transpose(1, 0, 2) for M in (X @ Wq, X @ Wk, X @ Wv)
        )
        s = Q @ K.transpose(0, 2, 1) / root
        w = np.exp(s - s.max(axis=-1, keepdims=True))
        heads = (w / w.sum(axis=-1, keepdims=True)) @ V
        result: np.ndarray = heads.transpose(1, 0, 2).reshape(T, d_model)
        return result

    np.testing.assert_allclose(out, with_factor(math.sqrt(64)), rtol=1e-10)
    assert not np.allclose(out, with_factor(math.sqrt(512)))
    front = card("sqrt-dk-claims").front
    assert isinstance(front, ChoiceFront) and isinstance(front.answer, int)
    assert front.choices[front.answer].startswith("$\\sqrt{64} = 8$")
    assert not any("variance from $d_k$ to 1" in choice for choice in front.choices)
    assert "variance from $d_k$ to 1" not in asked("sqrt-dk-claims")
    assert any("variance $d_k$" in p for p in asked("attention-scaling").splitlines())


def _same_pack_links() -> list[tuple[str, str]]:
    kinds = {c.id: c.front.kind for c in BANK.cards}
    packs = {c.id: c.pack for c in BANK.cards}
    return [
        (c.id, other)
        for c in BANK.cards
        for other in c.front.related
        if packs[other] == c.pack and "coding" not in (kinds[c.id], kinds[other])
    ]


@pytest.mark.parametrize(("one", "other"), _same_pack_links())
def test_a_question_card_links_back_to_the_card_of_its_pack_it_names(one: str, other: str) -> None:
    """Concept, choice and numeric cards of one pack name each other both ways. A drill's
    `related` lists the drills it builds on, and a link across packs runs only toward a
    pack named in `after` (tests/bank/test_cross_pack_links.py), so neither is reciprocal."""
    assert one in card(other).front.related, f"{other} does not link back to {one}"
