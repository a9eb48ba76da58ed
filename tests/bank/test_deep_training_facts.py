"""Claims of the deep-training pack that an expert review corrected, computed where they can be.

Each test checks a fact numerically where it is a formula, then that the card states it
(the wording the review found wrong is gone). The last one keeps the pack's key points and
choices writing their formulas as `$...$` math, rendered as Unicode like the card bodies.
"""

from __future__ import annotations

import itertools
import math
import re

import numpy as np

from engine.checkers.deep.clipping import ClipGradNormChecker
from engine.checkers.deep.losses import SmoothedCrossEntropyChecker
from engine.checkers.deep.schedules import WarmupCosineChecker
from engine.deep.clipping import clip_grad_norm
from engine.deep.layernorm import layernorm_backward, layernorm_forward
from engine.deep.optim import adamw_step, rmsprop_step
from engine.deep.schedules import warmup_cosine_lr
from engine.nn.optim import adam_step, sgd_step
from quiz.bank.markdown import scan_math
from quiz.bank.mathtext import latex_to_unicode
from quiz.bank.models import ChoiceFront, ConceptFront, NumericFront
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


def test_jacobian_norms_above_one_allow_explosion_but_do_not_force_it() -> None:
    # The product of the norms bounds the product's norm...
    rng = np.random.default_rng(0)
    factors = [rng.standard_normal((3, 3)) for _ in range(5)]
    product = np.linalg.multi_dot(factors)
    bound = np.prod([np.linalg.norm(f, 2) for f in factors])
    assert np.linalg.norm(product, 2) <= bound * (1 + 1e-12)
    # ...but two matrices of norm 2 can multiply to zero.
    n = np.array([[0.0, 2.0], [0.0, 0.0]])
    assert np.linalg.norm(n, 2) == 2.0 and not np.any(n @ n)
    body = text("exploding-gradients")
    assert "norms above 1 compound exponentially" not in body
    assert "the product grows exponentially with depth" not in body
    assert "two matrices of norm 2 can multiply to zero" in body
    # Pascanu et al.'s singular-value condition is rnn-gradient-flow's (forty-fifth round)
    assert "for them to explode it is necessary" in text("rnn-gradient-flow")


def test_the_starting_bce_is_log_2_only_with_a_zero_output_bias() -> None:
    pi = 0.01
    bias = np.log(pi / (1 - pi))  # the focal-loss paper's prior initialization
    p = 1 / (1 + np.exp(-bias))
    assert np.isclose(p, pi)
    labels = np.r_[np.ones(1), np.zeros(99)]  # 1% positives
    loss = float(np.mean(-labels * np.log(p) - (1 - labels) * np.log(1 - p)))
    entropy = -pi * np.log(pi) - (1 - pi) * np.log(1 - pi)
    assert np.isclose(loss, entropy) and loss < np.log(2) / 10
    body = text("bce-at-zero-logit")
    assert "small output weights and a zero output bias" in body
    assert "the entropy of that rate" in body


def _softmax_ce_optimum(target: np.ndarray) -> np.ndarray:
    """Gradient descent on the logits of softmax cross-entropy against `target`."""
    z = np.zeros_like(target)
    for _ in range(2000):
        p = np.exp(z - z.max())
        p /= p.sum()
        z -= 1.0 * (p * target.sum() - target)
    p = np.exp(z - z.max())
    return np.asarray(p / p.sum())


def test_a_softmax_against_several_tags_ranks_them_and_cannot_say_yes_to_each() -> None:
    several_ones = np.array([1.0, 1.0, 1.0, 0.0, 0.0])
    p = _softmax_ce_optimum(several_ones)
    # Three true tags share one unit of probability: at best a third each, never near 1.
    assert np.allclose(p[:3], 1 / 3, atol=1e-3) and p.max() < 0.34
    # Several ones is k times the 1/k target: the same optimum, the loss weighted by k.
    assert np.allclose(_softmax_ce_optimum(several_ones / 3), p, atol=1e-3)
    assert "Mahajan et al. 2018" in card("multilabel-output-layer").front.source
    assert "only weights each image by $k$" in text("multilabel-output-layer")


def test_eighteenth_round_corrections_and_citations() -> None:
    # Cosine has a run length besides the peak and floor every schedule has.
    assert "with a single hyperparameter (the length of the run)" not in text("warmup-cosine")
    assert "besides the peak and the floor" in text("warmup-cosine")
    # The early-stopping/L2 match needs small curvatures, in the choice card too.
    assert "small compared with $\\lambda$" in text("early-stopping-claims")
    # A bias gains little from shrinkage, not nothing.
    assert "gains nothing from shrinkage" not in text("weight-decay-l2")
    # AdamW's separable lr and decay hold for the paper's lambda, not PyTorch's weight_decay.
    body = text("decoupled-weight-decay")
    assert "changing `weight_decay` in inverse proportion" in body
    # Layer norm over the channels of each position (ConvNeXt) does not lose to BN.
    assert "Liu et al. 2022" in card("layernorm-vs-batchnorm").front.source
    assert "ConvNeXt" in text("layernorm-vs-batchnorm")
    # Batch renormalization is not the running-averages option.
    assert "Ioffe 2017" in card("small-batch-normalization").front.source
    assert "Batch renormalization (Ioffe 2017) is a different method" in text(
        "small-batch-normalization"
    )
    # The sources the body already cites.
    source = card("adagrad-rmsprop-adam").front.source
    assert "Wilson et al. 2017" in source and "Loshchilov & Hutter 2019" in source


def test_float16_range_and_rounding_as_the_mixed_precision_cards_state_them() -> None:
    half = np.finfo(np.float16)
    assert float(half.max) == 65504.0
    assert float(half.tiny) == 2.0**-14  # smallest normal
    assert float(np.float16(2.0**-24)) == 2.0**-24 and float(np.float16(2.0**-26)) == 0.0
    assert float(np.float16(2.0**-25)) == 0.0  # half the smallest subnormal rounds to 0
    # Loss scaling: a gradient lost in float16 survives once the loss is scaled by 2**16.
    g = 1e-9
    assert float(np.float16(g)) == 0.0 and float(np.float16(g * 2.0**16)) > 0.0
    # An update below about 2**-11 of a weight rounds away in float16, not in float32.
    w, u = np.float16(1.0), 2.0**-12
    assert w + np.float16(u) == w and np.float32(1.0) + np.float32(u) != np.float32(1.0)
    body = text("mixed-precision-loss-scaling")
    assert "It prevents **underflow**, not overflow." in body
    assert "`scaler.unscale_(optimizer)` before `clip_grad_norm_`" in body
    front = card("loss-scaling-claims").front
    assert isinstance(front, ChoiceFront)
    assert front.answer == (0, 3)
    assert "overflowing" in front.choices[1] and "divided by $S$" in front.choices[2]


def test_adam_divides_its_running_average_not_the_gradient() -> None:
    # One Adam step from m = 0.5, g = 2: the numerator is m_hat, not g.
    beta1, m, g = 0.9, 0.5, 2.0
    m_new = beta1 * m + (1 - beta1) * g
    assert not np.isclose(m_new / (1 - beta1**2), g)
    assert "dividing the gradient (in Adam, its running average)" in text("adagrad-rmsprop-adam")


def test_the_clipping_task_names_every_case_the_checker_runs() -> None:
    cases = ClipGradNormChecker().make_cases(np.random.default_rng(0), {})
    names = [c.name.split(": ", 1)[1] for c in cases]
    assert "a single 1-D array" in names
    task = card("clip-grad-norm").sections["Task"].text
    assert "a single 1-D array" in task
    assert "a view of one" in task


# ASCII spellings of math that belong inside `$...$`: sqrt(...), powers, Greek names,
# hats and d/dx fractions written with a slash.
_ASCII_MATH = re.compile(
    r"sqrt\(|\^|_hat\b|\b[dD][A-Za-z]/d[a-z]\b"
    r"|\b(alpha|beta|gamma|eta|lambda|rho|sigma|theta|epsilon|pi)\b",
    re.IGNORECASE,
)


def test_the_sources_cover_what_the_bodies_cite() -> None:
    # Each body names these works; the source now lists them too (twenty-second round).
    cited = {
        "bce-at-zero-logit": ["Lin et al. 2017 (Focal Loss for Dense Object Detection)"],
        "bce-with-logits": ["Lin et al. 2017 (Focal Loss for Dense Object Detection)"],
        "learning-rate-schedules": ["Vaswani et al. 2017 sec. 5.3"],
        "group-norm-and-rmsnorm": ["Raffel et al. 2020 (T5)", "Touvron et al. 2023 (LLaMA)"],
        "layernorm": ["Zhang & Sennrich 2019"],
        "rmsprop-step": ["Algorithm 8.5", "Kingma & Ba 2015"],
    }
    for card_id, works in cited.items():
        source = card(card_id).front.source
        for work in works:
            assert work in source, (card_id, work)


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


# Twenty-third round


def test_warmup_cosine_keeps_base_lr_at_total_steps_when_warmup_fills_the_run() -> None:
    # warmup_steps == total_steps is a graded case: max(1, 0) = 1 makes p = 0 at
    # total_steps, so that step trains at base_lr; the floor comes one step later.
    w = 5
    assert warmup_cosine_lr(w, 0.1, w, w, 0.01) == 0.1
    assert warmup_cosine_lr(w + 1, 0.1, w, w, 0.01) == 0.01
    # With a longer run, total_steps is where the floor is reached.
    assert math.isclose(warmup_cosine_lr(100, 0.1, 10, 100, 0.01), 0.01)
    cases = WarmupCosineChecker().make_cases(np.random.default_rng(0), {})
    assert any(c.inputs["args"][1] == c.inputs["args"][2] for c in cases)
    body = text("warmup-cosine")
    assert "the rate is `base_lr`; at `step = total_steps` it is 1" not in body
    assert "when `total_steps > warmup_steps`, at `step = total_steps` it is 1" in body
    assert "the step at `total_steps` has $p = 0$ and trains at `base_lr`" in body


def test_the_smoothing_task_names_the_default_and_the_logit_range_the_checker_uses() -> None:
    cases = SmoothedCrossEntropyChecker().make_cases(np.random.default_rng(0), {})
    args = [c.inputs["args"] for c in cases]
    assert any(len(a) == 2 for a in args)  # a case leaves smoothing out: the default is graded
    widest = max(float(np.ptp(a[0], axis=0).max()) for a in args)
    assert widest > 1e4  # logits drawn from [-1e4, 1e4] spread further than 1e4 in a column
    task = card("label-smoothing").sections["Task"].text
    assert "`smoothed_cross_entropy(logits, labels, smoothing=0.1)`" in task
    assert "**0.1 when it is not passed**" in task
    assert "left out (the default 0.1)" in task
    assert "up to** $10^4$ apart" not in task and "logits up to $10^4$ apart" not in task
    assert "$[-10^4, 10^4]$ (up to $2 \\times 10^4$ apart in one column)" in task


def test_gated_units_ease_vanishing_gradients_without_removing_them() -> None:
    # Along an LSTM's cell state each step multiplies the gradient by the forget gate.
    f = np.full(100, 0.95)
    assert np.isclose(np.prod(f), 0.95**100) and abs(np.prod(f) - 0.006) < 5e-4
    body = text("exploding-gradients")
    assert "mainly fix vanishing gradients" not in body
    assert "ease vanishing gradients without removing them" in body
    assert "$0.95^{100} \\approx 0.006$" in body


def test_adams_early_steps_are_about_alpha_not_huge() -> None:
    # Bias-corrected Adam's first step is alpha * g / (|g| + eps) in every coordinate:
    # a tiny, noise-sized gradient moves as far as a large one, where SGD's step scales with g.
    lr = 1e-3
    g = np.array([1e-4, -3e-2, 50.0])
    theta = np.zeros(3)
    new, _, _ = adam_step(theta, g, np.zeros(3), np.zeros(3), 1, lr)
    assert np.allclose(np.abs(new - theta), lr, rtol=1e-3)
    assert np.allclose(sgd_step(theta, g, lr), -lr * g)
    body = text("why-learning-rate-warmup")
    assert "some coordinates get very large steps" not in body
    assert "avoids huge early steps" not in body
    assert "The danger is not one huge step" in body
    assert "Kingma & Ba 2015 (Adam), sec. 2.1" in card("why-learning-rate-warmup").front.source


def test_adaptive_steps_ignore_a_positive_loss_scale_and_flip_for_a_negative_one() -> None:
    rng = np.random.default_rng(5)
    theta, g = rng.standard_normal(4), rng.standard_normal(4)
    s0 = np.zeros(4)
    step = rmsprop_step(theta, g, s0, 1e-2, 0.9, 1e-12)[0] - theta
    for c in (3.0, 1e-3):
        scaled = rmsprop_step(theta, c * g, s0, 1e-2, 0.9, 1e-12)[0] - theta
        assert np.allclose(scaled, step, rtol=1e-6)
    flipped = rmsprop_step(theta, -3.0 * g, s0, 1e-2, 0.9, 1e-12)[0] - theta
    assert np.allclose(flipped, -step, rtol=1e-6)
    body = text("adagrad-rmsprop-adam")
    assert "multiplying the loss by a constant $c$ multiplies" not in body
    assert "multiplying the loss by a constant $c > 0$ multiplies" in body


def test_library_and_paper_claims_cite_their_source() -> None:
    # Each body states what a library does or a work found; the source names it (23rd round).
    adamw = "Loshchilov & Hutter 2019 (Decoupled Weight Decay Regularization)"
    cited = {
        "clip-grad-norm": (
            "divides by `total_norm + 1e-6`",
            ["PyTorch torch.nn.utils.clip_grad_norm_"],
        ),
        "label-smoothing": ("PyTorch's `label_smoothing`", ["PyTorch nn.CrossEntropyLoss"]),
        "label-smoothing-true-class": (
            "PyTorch's `label_smoothing`",
            ["PyTorch nn.CrossEntropyLoss"],
        ),
        "bce-with-logits": (
            "`BCEWithLogitsLoss` and `sigmoid_cross_entropy_with_logits`",
            ["PyTorch nn.BCEWithLogitsLoss", "tf.nn.sigmoid_cross_entropy_with_logits"],
        ),
        "layernorm-param-count": ("RMSNorm, which has only the gain", ["Zhang & Sennrich 2019"]),
        "weight-decay-l2": ("AdamW", [adamw]),
        "sgd-l2-decay-factor": ("AdamW", [adamw]),
        "l2-regularization-effect": ("AdamW", [adamw]),
    }
    for card_id, (claim, works) in cited.items():
        assert claim in text(card_id), card_id
        for work in works:
            assert work in card(card_id).front.source, (card_id, work)


def test_a_residual_gradient_vanishes_only_where_the_branches_undo_the_identity() -> None:
    rng = np.random.default_rng(3)
    n = 4
    u = rng.standard_normal(n)
    u /= np.linalg.norm(u)
    # dL/dx_l = dL/dx_k (I + J), J the Jacobian of the branches' sum with respect to x_l.
    small = 0.1 * rng.standard_normal((n, n))
    assert np.linalg.norm(u @ (np.eye(n) + small)) > 0.5  # a typical branch leaves most of it
    minus_x = -np.eye(n)  # F(x) = -x: the block outputs 0 and passes no gradient at all
    assert np.allclose(u @ (np.eye(n) + minus_x), 0.0)
    along_u = -np.outer(u, u)  # a branch that undoes the identity along u only
    assert np.allclose(u @ (np.eye(n) + along_u), 0.0)
    v = rng.standard_normal(n)
    v -= (v @ u) * u
    assert np.allclose(v @ (np.eye(n) + along_u), v)  # other directions pass unchanged
    body = text("residual-identity-path")
    assert "so it cannot vanish just because the network is deep" not in body
    assert "gradients reach early layers without vanishing" not in body
    assert "He et al. argue that this is unlikely" in body


def test_layer_norm_is_the_transformers_standard_not_the_rnns() -> None:
    body = text("layernorm-vs-batchnorm")
    assert "the standard in RNNs" not in body
    assert "RNNs, Transformers |" not in body
    assert "LN is the standard in Transformers; some RNNs use it" in body
    assert "many LSTMs and GRUs" in body


def test_the_first_warmup_rate_cites_published_work() -> None:
    base_lr, warmup = 3e-4, 10
    assert math.isclose(base_lr * (0 + 1) / warmup, 3e-5)  # the card's (step + 1) form
    assert base_lr * 0 / warmup == 0.0  # the step / warmup form wastes step 0
    source = card("warmup-first-rate").front.source
    assert "this pack's" not in source
    assert "Goyal et al. 2017" in source and "get_linear_schedule_with_warmup" in source


def _sgd_momentum(theta: float, steps: int, mu: float, decoupled: bool) -> np.ndarray:
    """Weights under zero loss gradient: PyTorch-style SGD with the penalty's gradient in the
    velocity (L2), or with the decay applied to the weights directly (SGDW)."""
    lr, lam, v, out = 0.1, 1e-3, 0.0, [theta]
    for _ in range(steps):
        v = mu * v + (0.0 if decoupled else lam * theta)
        theta = theta * (1 - lr * lam if decoupled else 1.0) - lr * v
        out.append(theta)
    return np.array(out)


def test_l2_and_weight_decay_coincide_for_plain_sgd_but_not_with_momentum() -> None:
    np.testing.assert_allclose(
        _sgd_momentum(1.0, 50, 0.0, False), _sgd_momentum(1.0, 50, 0.0, True), rtol=1e-12
    )
    l2, sgdw = _sgd_momentum(1.0, 3000, 0.9, False), _sgd_momentum(1.0, 3000, 0.9, True)
    assert not np.allclose(l2[:3], sgdw[:3], rtol=1e-6)
    # the velocity replays the penalty: in the long run about lr*lam/(1 - mu) per step
    shrink = 1 - l2[-1] / l2[-2]
    assert math.isclose(shrink, 0.1 * 1e-3 / (1 - 0.9), rel_tol=0.02)
    assert math.isclose(sgdw[-1] / sgdw[-2], 1 - 0.1 * 1e-3, rel_tol=1e-12)
    body = text("decoupled-weight-decay")
    assert "**With SGD they coincide.**" not in body
    assert "With momentum $\\beta$, as SGD is usually run, they already differ" in body
    assert "SGDW, their Algorithm 1" in body
    assert "torch.optim.SGD" in card("decoupled-weight-decay").front.source


def _one_cycle(step: int, total: int, three_phase: bool) -> float:
    """torch.optim.lr_scheduler.OneCycleLR's rate with its defaults (max_lr 1, pct_start 0.3,
    cosine annealing, div_factor 25, final_div_factor 1e4), each phase a cosine between ends."""
    start, peak = 1 / 25, 1.0
    low = start / 1e4
    up = 0.3 * total - 1
    ends = [(up, start, peak)]
    if three_phase:
        ends += [(2 * 0.3 * total - 2, peak, start), (total - 1, start, low)]
    else:
        ends += [(total - 1, peak, low)]
    begin = 0.0
    for end, a, b in ends:
        if step <= end:
            pct = (step - begin) / (end - begin)
            return b + (a - b) / 2 * (math.cos(math.pi * pct) + 1)
        begin = end
    raise AssertionError(step)


def test_one_cycle_lr_has_two_phases_by_default_not_the_papers_three() -> None:
    total = 1000
    back = round(2 * 0.3 * total - 2)  # the paper's shape is back at the start here
    assert math.isclose(_one_cycle(back, total, True), 1 / 25)
    assert _one_cycle(back, total, False) > 0.5  # the default is still above half the peak
    # the default's second phase runs from the peak straight to the floor: no flat last phase
    rates = [_one_cycle(s, total, False) for s in range(299, total)]
    assert all(b < a for a, b in itertools.pairwise(rates))
    assert math.isclose(rates[-1], 1 / 25 / 1e4)
    for card_id in ("one-cycle-policy", "learning-rate-schedules"):
        body = text(card_id)
        assert "`three_phase=True`" in body, card_id
        assert "OneCycleLR documentation" in card(card_id).front.source, card_id
    assert "the shape is the same" not in text("one-cycle-policy")
    assert "rise over a shorter first part, 30% by default, and anneal" not in text(
        "learning-rate-schedules"
    )


# Twenty-fourth round


def test_layer_norm_is_blind_to_a_shift_but_not_quite_to_a_rescaling() -> None:
    rng = np.random.default_rng(24)
    n, m, eps = 5, 3, 1e-2
    X, gamma, beta = rng.normal(0, 0.3, (n, m)), rng.standard_normal((n, 1)), np.zeros((n, 1))
    out, cache = layernorm_forward(X, gamma, beta, eps)
    shifted, _ = layernorm_forward(X + 7.0, gamma, beta, eps)
    mu = X.mean(axis=0, keepdims=True)
    rescaled, _ = layernorm_forward(mu + 2.0 * (X - mu), gamma, beta, eps)
    assert np.allclose(shifted, out, atol=1e-12)  # blind to a shift
    assert np.abs(rescaled - out).max() > 1e-2  # not blind to a rescaling while eps > 0
    unscaled, _ = layernorm_forward(X, gamma, beta, 0.0)
    rescaled0, _ = layernorm_forward(mu + 2.0 * (X - mu), gamma, beta, 0.0)
    assert np.allclose(rescaled0, unscaled, atol=1e-12)  # blind to it only for eps = 0
    dout = rng.standard_normal((n, m))
    dX, _, _ = layernorm_backward(dout, cache)
    var = X.var(axis=0)
    x_hat = (X - mu) / np.sqrt(var + eps)
    dx_hat = dout * gamma
    inner = (dX * x_hat).sum(axis=0)
    predicted = eps / (var + eps) / np.sqrt(var + eps) * (dx_hat * x_hat).sum(axis=0)
    assert np.allclose(dX.sum(axis=0), 0.0, atol=1e-12)
    assert np.allclose(inner, predicted, rtol=1e-9) and np.abs(inner).min() > 1e-3
    body = text("layernorm")
    assert "shift or rescale the example's features, to which the output is blind" not in body
    assert "The output is blind to that only for $\\epsilon = 0$" in body


def test_rmsprops_average_weighs_a_square_k_steps_back_by_one_minus_rho_times_rho_to_k() -> None:
    rho, n = 0.9, 200
    squares = np.zeros(n)
    squares[0] = 1.0  # one unit squared gradient, then zeros
    s = np.zeros(1)
    for k in range(n):
        _, s = rmsprop_step(np.zeros(1), np.sqrt(squares[k : k + 1]), s, rho=rho)
        assert math.isclose(float(s[0]), (1 - rho) * rho**k, rel_tol=1e-12)
    last_ten = sum((1 - rho) * rho**k for k in range(10))
    assert round(100 * last_ten) == 65
    body = text("rmsprop-step")
    assert "forgets old gradients at rate $\\rho$" not in body
    assert "with $\\rho = 0.9$ the last 10 hold 65% of the weight" in body


def test_the_regularization_cards_say_momentum_already_separates_l2_from_decay() -> None:
    # sgd-l2-decay-factor's numbers: with momentum 0.9 the long-run shrink is about ten times
    # the plain-SGD 0.0002, because the velocity applies each step's lam * w again later
    lr, lam, mu = 0.05, 0.004, 0.9
    w, v, ws = 1.0, 0.0, [1.0]
    for _ in range(3000):
        v = mu * v + lam * w  # zero data gradient, PyTorch-style velocity
        w = w - lr * v
        ws.append(w)
    shrink = 1 - ws[-1] / ws[-2]
    assert math.isclose(1 - lr * lam, 0.9998)
    assert math.isclose(shrink, lr * lam / (1 - mu), rel_tol=0.02)
    assert math.isclose(lr * lam / (1 - mu), 0.002)
    assert "The equivalence fails for adaptive methods like Adam" not in text("sgd-l2-decay-factor")
    assert "already fails with momentum" in text("sgd-l2-decay-factor")
    assert "(0.002 here with $\\beta = 0.9$" in text("sgd-l2-decay-factor")
    assert "With momentum they already differ" in text("weight-decay-l2")
    effect = text("l2-regularization-effect")
    assert "so under gradient descent each step" not in effect
    front = card("l2-regularization-effect").front
    assert isinstance(front, ConceptFront)
    assert any("each plain SGD step (no momentum)" in point for point in front.key_points)
    assert "are no longer the same method" in effect


def _layer_norm(x: np.ndarray, axes: tuple[int, ...]) -> np.ndarray:
    mean = x.mean(axis=axes, keepdims=True)
    out: np.ndarray = (x - mean) / np.sqrt(x.var(axis=axes, keepdims=True) + 1e-5)
    return out


def test_a_transformers_layer_norm_is_per_token_and_never_across_positions() -> None:
    rng = np.random.default_rng(4)
    x = rng.normal(size=(2, 5, 8))  # (B, T, d_model)
    later = x.copy()
    later[:, 4] *= 10.0  # change only the last token
    per_token = _layer_norm(x, (-1,))
    np.testing.assert_allclose(_layer_norm(later, (-1,))[:, :4], per_token[:, :4])
    # Over (T, d_model) the earlier tokens would see the later one: a causal model leaks.
    assert not np.allclose(_layer_norm(later, (1, 2))[:, :4], _layer_norm(x, (1, 2))[:, :4])
    # The reference layer norm (examples as columns) is the per-token form on a token's column.
    out, _ = layernorm_forward(x[0].T, np.ones((8, 1)), np.zeros((8, 1)))
    np.testing.assert_allclose(out.T, per_token[0], rtol=1e-12)
    body = text("layernorm-vs-batchnorm")
    assert '"each example" means **each token**' in body
    assert "Never over the sequence" in body
    front = card("layernorm-vs-batchnorm").front
    assert isinstance(front, ConceptFront)
    assert any("never across positions" in point for point in front.key_points)


def test_adams_first_step_is_alpha_only_with_both_corrections() -> None:
    lr, b1, b2, g = 0.01, 0.9, 0.999, np.array([5.0])
    theta, _, _ = adam_step(np.zeros(1), g, np.zeros(1), np.zeros(1), 1, lr, b1, b2, eps=0.0)
    assert math.isclose(-float(theta[0]), lr)  # both moments corrected
    m1, v1 = (1 - b1) * g, (1 - b2) * g**2
    v_only = float(lr * m1[0] / np.sqrt(v1[0] / (1 - b2)))
    neither = float(lr * m1[0] / np.sqrt(v1[0]))
    assert math.isclose(v_only, 0.1 * lr) and math.isclose(neither, 3.16 * lr, rel_tol=1e-3)
    body = text("rmsprop-first-step-size")
    assert "dividing $v_t$ by $1 - \\beta_2^t$, which makes its first step" not in body
    assert "the two corrections together make its first step about $\\alpha$" in body
    assert "$(1 - \\beta_1) \\alpha = 0.1 \\alpha$" in body


def test_rmsprops_first_step_at_pytorchs_defaults_is_ten_learning_rates() -> None:
    # PyTorch's RMSprop defaults lr=0.01, alpha (rho) = 0.99; its first step is
    # lr / sqrt(1 - rho) = 10 lr, not the 3.16 lr of Keras's rho = 0.9, which is also the
    # multiple of Adam's uncorrected first step (adam-uncorrected-first-step)
    g = np.array([5.0])
    theta, _ = rmsprop_step(np.zeros(1), g, np.zeros(1), lr=0.01, rho=0.99, eps=0.0)
    rmsprop = card("rmsprop-first-step-size").front
    adam = card("adam-uncorrected-first-step").front
    assert isinstance(rmsprop, NumericFront) and isinstance(adam, NumericFront)
    assert rmsprop.check_numeric(-float(theta[0])).correct
    assert math.isclose(rmsprop.answer / 0.01, 10.0)
    assert not math.isclose(rmsprop.answer / 0.01, adam.answer / 0.001, rel_tol=0.01)
    body = text("rmsprop-first-step-size")
    assert "PyTorch's `RMSprop` with its defaults" in body
    assert "\\frac{\\alpha}{\\sqrt{0.1}} \\approx 3.16 \\alpha" in body


def test_layernorm_vs_batchnorm_grades_only_what_its_question_asks() -> None:
    # the question asks what each normalizes over, at training and inference, and where
    # each is used; why batch norm helps is batch-normalization's question and key point
    front = card("layernorm-vs-batchnorm").front
    assert isinstance(front, ConceptFront)
    assert "where is each used" in card("layernorm-vs-batchnorm").sections["Question"].text
    assert not any("covariate shift" in point for point in front.key_points)
    assert "covariate shift" not in text("layernorm-vs-batchnorm")
    bn = card("batch-normalization").front
    assert isinstance(bn, ConceptFront)
    assert any("covariate shift" in point for point in bn.key_points)


def test_numeric_cards_of_one_computation_share_a_difficulty() -> None:
    # alpha / sqrt(1 - rho) and Adam's (1 - beta1) / sqrt(1 - beta2): the same arithmetic,
    # so the same difficulty (1 - lr * lambda is sgd-l2-decay-factor's alone now)
    pairs = [
        ("rmsprop-first-step-size", "adam-uncorrected-first-step"),
    ]
    for first, second in pairs:
        assert card(first).front.difficulty == card(second).front.difficulty, (first, second)


def test_the_residual_jacobian_is_cited_to_the_section_that_derives_it() -> None:
    rng = np.random.default_rng(26)
    W, x, h = rng.standard_normal((4, 4)), rng.standard_normal(4), 1e-6

    def block(v: np.ndarray) -> np.ndarray:
        out: np.ndarray = v + np.tanh(W @ v)
        return out

    numeric = np.column_stack([(block(x + h * e) - block(x - h * e)) / (2 * h) for e in np.eye(4)])
    assert np.allclose(numeric, np.eye(4) + np.diag(1 - np.tanh(W @ x) ** 2) @ W, atol=1e-6)
    # sec. 3's counterexample: 50 skips scaled by lambda leave lambda**50 of the direct term
    shrunk = np.linalg.matrix_power(0.9 * np.eye(4), 50)
    grown = np.linalg.matrix_power(1.1 * np.eye(4), 50)
    assert (
        shrunk[0, 0] < 0.01 and grown[0, 0] > 100 and np.allclose(shrunk, shrunk[0, 0] * np.eye(4))
    )
    source = card("residual-jacobian").front.source
    assert "sec. 2, eqs. 4 and 5" in source and not source.endswith("sec. 3")
    assert "sec. 2, eq. 5" in text("residual-identity-path")


def test_the_l2_drills_m_is_what_the_mean_loss_divides_by_not_the_mini_batch() -> None:
    # over one epoch of n / B steps, a penalty lam / (2 m) with m = B pulls the weights
    # n / B times as hard as with m = n: the objective (and the best lam) moves with B
    n, lam, lr, w = 1000, 0.1, 0.05, 1.0
    for batch in (10, 50, 200):
        steps = n // batch
        pull_m_batch = sum(lr * lam / batch * w for _ in range(steps))
        pull_m_n = sum(lr * lam / n * w for _ in range(steps))
        assert math.isclose(pull_m_batch / pull_m_n, n / batch)
    body = text("weight-decay-l2")
    assert "`m` is the number of examples in the batch" not in body
    assert "`m` is the number of examples the mean data loss is taken over" in body
    assert "dividing by the mini-batch size instead changes the objective" in body


def test_frozen_batch_norm_stops_normalizing_once_the_weights_move() -> None:
    # statistics frozen from the starting weights no longer standardize the layer's output
    # after training doubles and shifts it; per-example (group) statistics still do. Frozen
    # BN is the usual choice when fine-tuning a pretrained backbone, so the card's question
    # says "from scratch", where GN is the one standard remedy
    rng = np.random.default_rng(28)
    x = rng.standard_normal((2, 64))  # 2 images per GPU, 64 activations each
    frozen_mean, frozen_std = x.mean(), x.std()
    moved = 2.0 * x + 3.0  # the same layer after its weights have changed
    frozen = (moved - frozen_mean) / frozen_std
    per_example = (moved - moved.mean(axis=1, keepdims=True)) / moved.std(axis=1, keepdims=True)
    assert abs(frozen.mean()) > 1.0 and frozen.std() > 1.5
    assert np.allclose(per_example.mean(axis=1), 0.0) and np.allclose(per_example.std(axis=1), 1.0)
    body = text("small-batch-normalization")
    assert "from scratch (no pretrained backbone)" in body
    assert "the usual choice when fine-tuning a pretrained backbone" in body


# Seven-segment glyphs: a top, b top right, c bottom right, d bottom, e bottom left,
# f top left, g middle.
_GLYPHS = {
    "0": "abcdef", "1": "bc", "2": "abdeg", "3": "abcdg", "4": "bcfg",
    "5": "acdfg", "6": "acdefg", "7": "abc", "8": "abcdefg", "9": "abcdfg",
    "b": "cdefg", "d": "bcdeg",
}  # fmt: skip
_MIRROR = str.maketrans("bcef", "fecb")  # a left-right flip swaps the side segments
_HALF_TURN = str.maketrans("abcdef", "defabc")  # 180 degrees: top and bottom, sides crosswise


def _transformed(glyph: str, table: dict[int, int]) -> str | None:
    """The glyph a transformed glyph reads as, or None when it is no glyph at all."""
    segments = set(_GLYPHS[glyph].translate(table))
    return next((name for name, lit in _GLYPHS.items() if set(lit) == segments), None)


def test_a_flip_turns_b_into_d_and_a_half_turn_turns_6_into_9() -> None:
    assert _transformed("b", _MIRROR) == "d" and _transformed("6", _HALF_TURN) == "9"
    # A mirrored 6 reads as no digit: the flip's danger for characters is b and d.
    assert _transformed("6", _MIRROR) is None
    body = text("data-augmentation")
    assert "a flipped 6 is not a 6" not in body and "flipping a 6" not in body
    assert 'turns a "b" into a "d"' in body and "turns a 6 into a 9" in body


def test_early_stopping_acts_like_l2_toward_where_gradient_descent_started() -> None:
    # Quadratic loss with small curvatures (alpha * h and h / lambda both << 1, as sec. 7.8
    # requires): tau steps of gradient descent against the ridge solution with lambda = 1/(alpha tau).
    h, w_star, alpha, tau = np.array([0.001, 0.002, 0.005]), np.array([3.0, -2.0, 1.0]), 0.1, 100
    lam = 1 / (alpha * tau)

    def descend(w: np.ndarray) -> np.ndarray:
        for _ in range(tau):
            w = w - alpha * h * (w - w_star)
        return w

    def ridge(center: np.ndarray) -> np.ndarray:  # argmin of the loss + lam/2 |w - center|^2
        return np.asarray((h * w_star + lam * center) / (h + lam))

    zero, start = np.zeros(3), np.array([-4.0, 5.0, 2.0])
    assert np.allclose(descend(zero), ridge(zero), atol=2e-3)
    assert np.allclose(descend(start), ridge(start), atol=2e-3)
    assert not np.allclose(descend(start), ridge(zero), atol=1.0)  # not a pull toward 0
    c = card("early-stopping-claims")
    assert isinstance(c.front, ChoiceFront) and isinstance(c.front.answer, tuple)
    (like_l2,) = [i for i, choice in enumerate(c.front.choices) if "L2" in choice]
    assert like_l2 in c.front.answer and "from zero" in c.front.choices[like_l2]
    for card_id in ("early-stopping-claims", "early-stopping"):
        assert "\\frac{\\lambda}{2} \\|w - w_0\\|^2" in text(card_id), card_id


def test_pytorch_style_adamw_decay_is_a_factor_not_an_amount() -> None:
    # No gradient, so no Adam step: only the decay, theta * (1 - lr * weight_decay).
    theta = np.array([2.0, 0.01, -3.0])
    zeros = np.zeros(3)
    new, _, _ = adamw_step(theta, zeros, zeros, zeros, 1, lr=1e-3, weight_decay=1e-2)
    assert np.allclose(new / theta, 1 - 1e-5, rtol=0, atol=1e-15)
    assert np.allclose(theta - new, [2e-5, 1e-7, -3e-5], rtol=1e-9, atol=0)
    body = text("adamw-step")
    assert "shrinks weights by $10^{-5}$ per step" not in body
    assert "multiplies the weights by $1 - 10^{-5}$ per step" in body


# Thirtieth round


def _direction(parts: list[np.ndarray]) -> np.ndarray:
    flat = np.concatenate([p.ravel() for p in parts])
    unit: np.ndarray = flat / np.linalg.norm(flat)
    return unit


def test_only_global_norm_clipping_keeps_the_direction() -> None:
    """clip-norm-vs-value's fourth option swaps per-tensor and one-factor rescaling, a
    confusion people make, where 'a convex loss has no cliffs' was one nobody picks."""
    grads, c = [np.array([10.0, 0.0]), np.array([0.3, 0.4])], 1.0
    kept = _direction(grads)
    global_clipped, _ = clip_grad_norm(grads, c)
    per_tensor = [g * min(1.0, c / np.linalg.norm(g)) for g in grads]
    by_value = [np.clip(g, -c, c) for g in grads]
    assert np.allclose(_direction(global_clipped), kept)
    for turned in (per_tensor, by_value):
        assert _direction(turned) @ kept < 0.999  # the update points elsewhere
    assert np.array_equal(by_value[1], grads[1])  # value clipping rescales nothing below c
    body = text("clip-norm-vs-value")
    assert "since a convex loss has no cliffs to clip" not in body
    assert "rescales each parameter tensor to the threshold on its own" in body
    assert "a third variant, per-tensor norm clipping" in body


def test_squared_error_on_a_sigmoid_barely_moves_a_confidently_wrong_tag() -> None:
    """multilabel-output-layer's fourth option (sigmoids with squared error) replaced 'a
    single sigmoid predicting how many tags apply', a distractor nobody picks."""
    z, y = -10.0, 1.0
    s = 1.0 / (1.0 + math.exp(-z))
    squared_error_grad = s * (1.0 - s) * (s - y)  # d/dz of (s - y)**2 / 2
    assert math.isclose(squared_error_grad, -4.5e-5, rel_tol=0.01)
    assert math.isclose(s - y, -1.0, abs_tol=1e-4)  # binary cross-entropy's gradient
    body = text("multilabel-output-layer")
    assert "A single sigmoid output predicting how many tags apply" not in body
    assert "each trained with squared error against its 0/1 target" in body
    assert "gets $-4.5 \\times 10^{-5}$" in body


def test_two_images_pool_their_positions_yet_decide_the_statistics_whatever_eps() -> None:
    """small-batch-normalization's fourth option (a smaller epsilon): the card said each
    feature's two normalized values are +-1, true of a dense layer with m = 2 but not of the
    card's CNN, whose channel statistics pool 2*H*W positions; what stays wrong is that
    positions of one image are correlated, so the two images drawn set the statistics."""
    rng = np.random.default_rng(30)
    h = w = 16
    batch_means = []
    for _ in range(200):
        level = rng.standard_normal((2, 1, 1, 1))  # what one image shares over its positions
        x = level + 0.1 * rng.standard_normal((2, 1, h, w))  # (N, C, H, W), N = 2
        mean, var = x.mean(axis=(0, 2, 3)), x.var(axis=(0, 2, 3))
        for eps in (1e-3, 1e-5, 1e-8):
            x_hat = (x - mean[None, :, None, None]) / np.sqrt(var[None, :, None, None] + eps)
            assert not np.allclose(np.abs(x_hat), 1.0, atol=1e-2)  # not two values of +-1
        batch_means.append(float(mean[0]))
    independent = math.sqrt((1.0 + 0.01) / (2 * h * w))  # 512 uncorrelated values
    assert float(np.std(batch_means)) > 5 * independent  # about 0.7 against 0.044
    body = text("small-batch-normalization")
    assert "about $\\pm 1$ whatever the inputs were" not in body
    assert "already pool both images' $H \\times W$ positions" in body
    assert "with a smaller $\\epsilon$, so the tiny batch variances are not swamped" in body


def test_adagrad_divides_by_the_sum_of_squares_not_by_the_current_gradient() -> None:
    """adagrad-long-run's fourth option (a rate held at alpha/|g|, as if each step divided by
    its own gradient) replaced 'the sum is reset whenever the gradient changes sign'."""
    alpha, g, r = 0.1, 0.5, 0.0
    for _ in range(100):
        r += g**2
    assert math.isclose(alpha / math.sqrt(r), (alpha / abs(g)) / 10)  # sqrt(100) = 10
    body = text("adagrad-long-run")
    assert "the sum of squares is reset whenever the gradient changes sign" not in body
    assert "each step divides the gradient by its own size" in body
    assert "after 100 steps the rate is a tenth of that" in body


def test_the_schedule_cards_give_the_large_rate_regularizer_as_smiths_claim() -> None:
    # Smith & Topin's "large learning rates regularize" is their reading of their own runs;
    # both schedule cards once stated it as a fact about the high-rate phase
    for card_id in ("learning-rate-schedules", "one-cycle-policy"):
        body = text(card_id)
        assert "phase acts as a regularizer, and" not in body, card_id
        assert re.search(r"(is their claim|is their hypothesis)", body), card_id
        assert "mostly ResNets on CIFAR-10" in body, card_id
        assert "Smith & Topin 2019" in card(card_id).front.source, card_id


def test_cards_quoting_a_papers_measured_numbers_cite_the_table_they_come_from() -> None:
    # Wu & He's 34.7% (BN at 2 images per GPU) is table 2; Lin et al.'s best
    # gamma = 2, alpha = 0.25 is table 1: a reader checking the number finds it there
    quoting = {
        "34.7%": "table 2",
        "\\alpha = 0.25": "table 1",
    }
    cited = {
        (c.id, number): table in c.front.source
        for c in BANK.cards
        for number, table in quoting.items()
        if number in text(c.id)
    }
    assert len(cited) == 3, cited  # group-norm-and-rmsnorm, small-batch-..., focal-loss-...
    assert all(cited.values()), cited


def test_a_residual_block_starts_at_the_identity_only_with_its_last_scale_at_zero() -> None:
    """residual-identity-path said the identity is the default ($F = 0$) so extra blocks
    start harmless; a randomly initialized branch is not 0, and only a zero last scale
    (Goyal et al. 2017, torchvision's zero_init_residual) makes the block y = x at the start."""
    rng = np.random.default_rng(36)
    n, m = 64, 32
    x = rng.standard_normal((n, m))
    w1 = rng.standard_normal((n, n)) * math.sqrt(2.0 / n)  # He initialization
    w2 = rng.standard_normal((n, n)) * math.sqrt(2.0 / n)

    def block(scale: float) -> np.ndarray:
        return x + scale * (w2 @ np.maximum(w1 @ x, 0.0))

    branch = block(1.0) - x
    assert np.linalg.norm(branch) > 0.5 * np.linalg.norm(x)  # far from the identity
    assert np.array_equal(block(0.0), x)
    body = text("residual-identity-path")
    assert "the identity is the default" not in body
    assert "At random initialization $F$ is not 0" in body
    assert "Goyal et al. 2017" in card("residual-identity-path").front.source


def test_layer_norms_gap_to_batch_norm_in_cnns_is_cited_to_who_said_and_measured_it() -> None:
    """layernorm-vs-batchnorm credited Wu & He with why LN trails BN in CNNs ("channels and
    border positions"); the border units are Ba et al.'s own explanation (sec. 6.7), Wu & He
    add the channels and measure the gap (table 1), and ConvNeXt's LN is on par with BN,
    81.5% against 81.4%, not a clear win."""
    ln_error, bn_error, gn_error = 25.3, 23.6, 24.1  # Wu & He, table 1, 32 images per GPU
    assert math.isclose(ln_error - bn_error, 1.7) and bn_error < gn_error < ln_error
    assert math.isclose(81.5 - 81.4, 0.1, abs_tol=1e-9)  # ConvNeXt: LN over BN, sec. 2.6
    body = text("layernorm-vs-batchnorm")
    assert "very different statistics (Wu & He 2018)" not in body
    assert "receptive fields lie near the image border" in body
    assert "25.3% top-1 error with LN against 23.6% with BN" in body
    assert "81.5% top-1 accuracy against 81.4% with BN" in body
    source = card("layernorm-vs-batchnorm").front.source
    assert "sec. 6.7" in source and "table 1" in source and "sec. 2.6" in source


def test_the_degradation_problem_is_placed_in_its_data_sets_and_figures() -> None:
    """The 56-against-20-layer training error is CIFAR-10's (He et al. 2016, Figure 1); on
    ImageNet the plain pair was 34 against 18 layers. The step schedule of the ResNets is
    cited at its section (sec. 3.4), not as "ResNet training"."""
    residual = text("residual-identity-path")
    assert "a 20-layer one on CIFAR-10" in residual
    assert "34-layer one than an 18-layer one on ImageNet" in residual
    assert "(on CIFAR-10, 56 layers had higher TRAINING error than 20)" in residual
    assert "figure 1" in card("residual-identity-path").front.source
    source = card("learning-rate-schedules").front.source
    assert "(ResNet training)" not in source and "sec. 3.4" in source


def test_a_layer_norms_parameter_count_is_the_standard_layers_and_code_can_change_it() -> None:
    """layernorm-param-count gave 2n as if every layer norm had both gamma and beta;
    bias-free models (PaLM; PyTorch's bias=False since 2.1) keep n, and
    elementwise_affine=False none."""
    n = 768
    assert (2 * n, n, 0) == (1536, 768, 0)
    body = text("layernorm-param-count")
    assert "`nn.LayerNorm(n, bias=False)` (since 2.1) keeps only $\\gamma$, 768 parameters" in body
    assert "`elementwise_affine=False` learns none" in body
    assert "PaLM" in card("layernorm-param-count").front.source


def test_every_count_a_numeric_card_asks_for_names_what_it_counts() -> None:
    """layernorm-param-count asked "how many learned parameters" and showed a bare 1536:
    it was the one count in the bank without a unit, where every other parameter count
    says parameters or weights (and the answer is shown with it)."""
    counts = {
        c.id: c.front.unit
        for c in BANK.cards
        if isinstance(c.front, NumericFront) and "how many" in c.sections["Question"].text.lower()
    }
    assert "layernorm-param-count" in counts and len(counts) >= 10
    assert [card_id for card_id, unit in counts.items() if not unit] == []
    layernorm = card("layernorm-param-count").front
    assert isinstance(layernorm, NumericFront) and layernorm.unit == "parameters"


# Forty-fourth round


def test_one_cycle_lr_three_phase_gives_its_last_phase_40_percent_at_the_default_pct_start() -> (
    None
):
    """The schedule cards said three_phase=True gives the paper's shape; each of the first two
    phases lasts pct_start of the run, so at the default 0.3 the last, lowest phase takes 40%
    of it where Smith's takes a few percent (about 0.45 brings it there)."""
    total = 1000
    last_start = round(2 * 0.3 * total - 2)  # where _one_cycle's third phase begins
    assert math.isclose(_one_cycle(last_start, total, True), 1 / 25)
    assert all(_one_cycle(s, total, True) <= 1 / 25 for s in range(last_start, total))
    assert math.isclose((total - last_start) / total, 0.4, abs_tol=0.005)
    assert math.isclose((total - (2 * 0.45 * total - 2)) / total, 0.1, abs_tol=0.005)
    for card_id in ("one-cycle-policy", "learning-rate-schedules"):
        body = text(card_id)
        assert "at the default 0.3" in body and "40% of" in body, card_id
        assert "about 0.45" in body, card_id
    assert "over the second half, and finishes" not in text("one-cycle-policy")


def test_a_prior_bias_starts_the_loss_at_the_entropy_only_when_the_prior_is_the_rate() -> None:
    """bce-at-zero-logit said the focal-loss paper sets the bias to the log-odds of the positive
    rate; it sets it from a chosen prior (pi = 0.01), and the starting loss is the rate's
    entropy only where the two agree."""
    prior, rate = 0.01, 0.001  # the paper's prior; the 0.1% class of focal-loss-class-imbalance
    start = -rate * np.log(prior) - (1 - rate) * np.log(1 - prior)
    entropy = -rate * np.log(rate) - (1 - rate) * np.log(1 - rate)
    assert start > entropy * 1.5 and start < np.log(2)
    body = text("bce-at-zero-logit")
    assert "(as the focal-loss paper does)" not in body
    assert "from a chosen prior, $\\pi = 0.01$, not from a measured rate" in body
    assert "sec. 4.1" in card("bce-at-zero-logit").front.source


def test_l2_leaves_biases_out_only_when_the_code_does() -> None:
    """l2-regularization-effect said biases are not penalized, as a fact; an optimizer's
    weight_decay decays every parameter it is handed unless a parameter group says 0."""
    body = text("l2-regularization-effect")
    assert "**Biases are not penalized**" not in body
    assert "unless they go in a parameter group with a decay of 0" in body
    front = card("l2-regularization-effect").front
    assert isinstance(front, ConceptFront)
    assert any(point.startswith("Biases are usually not penalized") for point in front.key_points)
    assert "parameter groups" in front.source
    drill = text("weight-decay-l2")
    assert "**Biases are not penalized here.**" in drill
    assert "applies to every parameter it is given" in drill


def test_rmsprop_evens_out_step_sizes_and_adagrad_shrinks_its_rate() -> None:
    """rmsprop-step said large-gradient parameters get smaller steps; with gradients of
    steady size the steps of both come out near alpha, and what is smaller is the effective
    rate alpha / sqrt(s). AdaGrad's effective rate, not necessarily its step, only shrinks."""
    lr = 1e-3
    theta, s = np.zeros(2), np.zeros(2)
    grad = np.array([1e-3, 1e3])
    for _ in range(100):
        new, s = rmsprop_step(theta, grad, s, lr=lr, rho=0.9, eps=1e-8)
        step, theta = theta - new, new
    assert np.allclose(step, lr, rtol=1e-3)
    assert (lr / np.sqrt(s))[1] < (lr / np.sqrt(s))[0] * 1e-5
    r = np.cumsum(np.array([1.0, 1.0, 9.0]) ** 2)  # a gradient nine times larger on the third step
    steps = lr * np.array([1.0, 1.0, 9.0]) / np.sqrt(r)
    assert steps[2] > steps[1] and all(np.diff(lr / np.sqrt(r)) < 0)
    body = text("rmsprop-step")
    assert "gets smaller steps" not in body and "its steps only shrink" not in body
    assert "a smaller effective rate" in body and "its effective rate only shrinks" in body


def test_adagrads_step_does_not_depend_on_the_gradients_scale_but_on_how_often_it_comes() -> None:
    """adagrad-rmsprop-adam said small gradients keep large steps; AdaGrad divides by the
    root of the summed squares, so a steady gradient of any size steps by alpha / sqrt(t),
    and what keeps a large rate is a parameter that rarely gets a gradient."""
    lr, t = 0.1, 100
    for size in (1e-3, 1.0, 1e3):
        r = np.cumsum(np.full(t, size) ** 2)
        assert math.isclose(lr * size / math.sqrt(r[-1]), lr / math.sqrt(t))
    rare = np.zeros(t)
    rare[::25] = 1.0  # a sparse feature: a gradient every 25th step
    r_rare = np.cumsum(rare**2)
    assert math.isclose(lr / math.sqrt(r_rare[-1]), 5 * lr / math.sqrt(t))  # 4 squares, not 100
    body = text("adagrad-rmsprop-adam")
    assert "Rare or small gradients" not in body
    assert "steady gradients of any size step by about" in body
    assert "relatively larger steps" not in text("adagrad-long-run")


def test_a_positive_weight_moves_the_predicted_probability_like_resampling() -> None:
    """focal-loss-class-imbalance warned that resampling changes the predicted prior but not
    that class weights do the same: with pos_weight w the loss is minimized at
    w*pi / (w*pi + 1 - pi), 0.5 at inverse-frequency weighting, not at the rate pi."""
    pi = 0.001
    p = np.linspace(1e-6, 1 - 1e-6, 200_001)
    for w, expected in ((1.0, pi), ((1 - pi) / pi, 0.5)):
        loss = -w * pi * np.log(p) - (1 - pi) * np.log(1 - p)
        best = float(p[np.argmin(loss)])
        assert math.isclose(best, w * pi / (w * pi + 1 - pi), abs_tol=1e-5)
        assert math.isclose(best, expected, abs_tol=1e-5)
    assert "This shifts the predicted probabilities too, just as resampling does." in text(
        "focal-loss-class-imbalance"
    )


def test_pre_norm_eases_warmup_without_making_every_model_drop_it() -> None:
    """No warmup in Xiong et al.'s experiments, a short one still in GPT-3 (375 million of
    300 billion tokens) and LLaMA (2,000 steps). why-learning-rate-warmup asks it; the
    residual and placement cards, which said it too, now point to it (forty-fifth round)."""
    body = text("why-learning-rate-warmup")
    assert "large pre-norm models such as GPT-3 and LLaMA still warm up briefly" in body
    source = card("why-learning-rate-warmup").front.source
    # brief, but not none: 375 million of GPT-3's 300 billion tokens, 0.125%
    assert "Brown et al. 2020 (GPT-3), appendix B (a warmup over 375 million tokens)" in source
    assert "Touvron et al. 2023 (LLaMA), sec. 2.3 (2,000 warmup steps)" in source
    for card_id in ("residual-identity-path", "pre-norm-vs-post-norm"):
        assert "warm up briefly" not in text(card_id), card_id
        assert "`why-learning-rate-warmup`" in text(card_id), card_id


def test_l2_under_momentum_shrinks_by_a_factor_that_depends_on_the_convention() -> None:
    """Three deep-training cards wrote momentum as $\\mu$ and gave the long-run shrink of L2
    under momentum as $\\frac{\\alpha\\lambda}{1 - \\mu}$ without saying which momentum: the
    neural-networks pack writes $\\beta$ and teaches two conventions, and the factor holds
    for the sum one (PyTorch's); the moving average takes $\\alpha\\lambda$ per step."""
    lr, lam, beta = 0.1, 1e-3, 0.9

    def long_run_shrink(average: bool) -> float:
        w, v = 1.0, 0.0
        for _ in range(3000):
            grad = lam * w  # the penalty's gradient only
            v = beta * v + ((1 - beta) * grad if average else grad)
            w_new = w - lr * v
            ratio = w_new / w
            w = w_new
        return 1 - ratio

    assert math.isclose(long_run_shrink(False), lr * lam / (1 - beta), rel_tol=0.02)
    assert math.isclose(long_run_shrink(True), lr * lam, rel_tol=0.02)
    convention = "(PyTorch's sum convention, $v_t = \\beta v_{t-1} + g_t$)"
    for card_id in ("sgd-l2-decay-factor", "l2-regularization-effect", "decoupled-weight-decay"):
        body = text(card_id)
        assert "momentum $\\mu$" not in body and "1 - \\mu" not in body, card_id
        assert "\\frac{\\alpha\\lambda}{1 - \\beta}" in body, card_id
        assert convention in body, card_id
    # The basic pack's letter for the momentum coefficient, which these now share.
    assert "v_t = \\beta v_{t-1} + g_t" in text("sgd-momentum-adam")


def test_one_cycle_lr_s_thirty_percent_rise_is_fastai_1_s_and_fastai_2_rises_over_25() -> None:
    """The schedule cards said OneCycleLR's default rise over 30% of the run is fastai's:
    PyTorch copies fastai's two phases, but 0.3 is fastai 1's pct_start, and fastai 2's
    fit_one_cycle rises over 25% (forty-eighth round)."""
    total = 1000
    peak_step = round(0.3 * total - 1)  # where _one_cycle's default rise ends
    assert math.isclose(_one_cycle(peak_step, total, False), 1.0)
    assert _one_cycle(round(0.25 * total - 1), total, False) < 1.0  # fastai 2's peak comes sooner
    body = text("one-cycle-policy")
    assert "like fastai's, it rises over the first 30%" not in body
    assert "fastai 1's value; fastai 2's `fit_one_cycle` rises over 25%" in body
    source = card("one-cycle-policy").front.source
    assert "fastai Learner.fit_one_cycle documentation (pct_start=0.25)" in source
    # learning-rate-schedules gives the shape as fastai's and the 30% as PyTorch's default
    body = text("learning-rate-schedules")
    assert "its default is fastai's, a rise over 30%" not in body
    assert "its default has fastai's two phases, a rise over 30% of the run" in body
    assert "OneCycleLR documentation (three_phase, pct_start=0.3)" in (
        card("learning-rate-schedules").front.source
    )


def test_l2_is_weight_decay_for_plain_sgd_only_and_shrinks_flat_directions_most() -> None:
    """l2-regularization-effect's key points said L2 shrinks the weights by 1 - alpha*lambda
    and shrinks 'the optimum' along flat directions, with no word on Adam and no condition
    on the quadratic: Loshchilov & Hutter's sec. 2 equivalence holds for plain SGD only, and
    Goodfellow et al.'s sec. 7.1.1 scaling is of the unregularized minimum's components,
    toward 0, under a quadratic approximation (fifty-third round)."""
    rng = np.random.default_rng(53)
    w = rng.normal(size=4)
    grad = rng.normal(size=4)
    lr, lam = 0.1, 0.01
    # Plain SGD: the L2 step is the decayed weight minus the loss's step.
    assert np.allclose(w - lr * (grad + lam * w), (1 - lr * lam) * w - lr * grad)
    # Adam with the penalty in the gradient: two equal weights, one whose loss gradients
    # are large (scale 10), one whose are small (0.01). Run both with and without the
    # penalty on the same gradients; what the penalty moved is its decay.
    scales = np.array([10.0, 0.01])
    pulled = np.ones(2)
    free = np.ones(2)
    state = {"pulled": (np.zeros(2), np.zeros(2)), "free": (np.zeros(2), np.zeros(2))}
    for t in range(1, 201):
        loss_grad = scales * (1.0 if t % 2 else -1.0)  # zero-mean, steady size
        m, v = state["pulled"]
        pulled, m, v = adam_step(pulled, loss_grad + lam * pulled, m, v, t, lr=1e-3)
        state["pulled"] = (m, v)
        m, v = state["free"]
        free, m, v = adam_step(free, loss_grad, m, v, t, lr=1e-3)
        state["free"] = (m, v)
    decayed = free - pulled
    assert decayed[0] > 0 and decayed[1] > 100 * decayed[0]  # large gradients, least decay
    # The quadratic: the regularized minimum scales each eigen-component by h / (h + lam).
    q, _ = np.linalg.qr(rng.normal(size=(4, 4)))
    h = np.array([10.0, 1.0, 0.01, 0.0])
    hess = q @ np.diag(h) @ q.T
    w_star = rng.normal(size=4)
    w_reg = np.linalg.solve(hess + 0.1 * np.eye(4), hess @ w_star)
    assert np.allclose(q.T @ w_reg, (h / (h + 0.1)) * (q.T @ w_star))
    assert abs((q.T @ w_reg)[3]) < 1e-12  # a perfectly flat direction is shrunk to 0
    body = text("l2-regularization-effect")
    front = card("l2-regularization-effect").front
    assert isinstance(front, ConceptFront)
    assert "Shrinks the optimum most along directions where the loss is flat" not in body
    assert any("exactly weight decay at rate" in point for point in front.key_points)
    assert any(point.startswith("Under Adam") for point in front.key_points)
    assert any("h_i + \\lambda" in point and "toward 0" in point for point in front.key_points)
    assert "near its unregularized minimum $w^*$" in body
    assert "(H + \\lambda I)^{-1} H w^*" in body
    assert "sec. 2 (propositions 1 and 2" in front.source


def test_mahajan_et_al_are_cited_for_what_their_stored_text_shows() -> None:
    """multilabel-output-layer said Mahajan et al. 'report that it worked better there than
    per-tag sigmoids', from no section anyone could read in a stored copy of the paper: the
    card keeps the 1/k softmax target and the transfer use the abstract states, and drops
    the comparison (fifty-third round)."""
    # A target of 1/k on k tags is a distribution; the softmax's loss against it is the mean
    # of the k one-hot losses, so a target with several ones only weights the image by k.
    z = np.array([2.0, 0.5, -1.0, 1.5])
    log_p = z - (z.max() + np.log(np.exp(z - z.max()).sum()))
    tags = [0, 3]
    spread = -(np.full(2, 1 / 2) * log_p[tags]).sum()
    assert math.isclose(spread, np.mean([-log_p[t] for t in tags]))
    assert math.isclose(-log_p[tags].sum(), 2 * spread)
    body = text("multilabel-output-layer")
    assert "report that it worked better there than per-tag sigmoids" not in body
    assert "kept the networks' features for other tasks, not their tag decisions" in body
    source = card("multilabel-output-layer").front.source
    assert "Pretraining), abstract (hashtag prediction as pretraining for transfer)" in source
