"""Claims of the neural-networks pack that can be computed are computed, and the card says them.

Each test checks a fact numerically and then that the card states it (the wording an
expert review found wrong is gone).
"""

from __future__ import annotations

import itertools
import math
import re

import numpy as np
import pytest

from engine.checkers.nn.activations import ELEMENTWISE
from engine.checkers.nn.backprop import LOGIT_OFFSET, TwoLayerChecker
from engine.checkers.nn.init import InitializersChecker
from engine.nn.backprop import two_layer_loss_and_grads
from engine.nn.batchnorm import batchnorm_backward, batchnorm_forward
from engine.nn.gradcheck import gradient_check, numerical_gradient
from engine.nn.minibatch import random_mini_batches
from engine.nn.optim import adam_step, sgd_step
from quiz.bank.markdown import scan_math
from quiz.bank.mathtext import find_math_problems
from quiz.bank.models import ChoiceFront, ConceptFront, NumericFront
from quiz.cardtext import plain_text
from tests.bank.bundled import BANK, card, text


def key_points(card_id: str) -> tuple[str, ...]:
    front = card(card_id).front
    assert isinstance(front, ConceptFront), card_id
    return tuple(front.key_points)


def test_a_constant_feature_with_m_above_1_gets_a_large_dx() -> None:
    rng = np.random.default_rng(0)
    X = np.vstack([rng.standard_normal(6), np.full(6, 3.0)])
    gamma, beta, dout = rng.standard_normal((2, 1)), np.zeros((2, 1)), rng.standard_normal((2, 6))
    _, cache = batchnorm_forward(X, gamma, beta, 1e-5)
    dX, _, _ = batchnorm_backward(dout, cache)
    expected = gamma[1] * (dout[1] - dout[1].mean()) / math.sqrt(1e-5)
    assert np.allclose(dX[1], expected)
    assert np.abs(dX[1]).max() > 10
    body = text("batchnorm")
    assert "With $m = 1$, `dX` is 0" in body
    assert "A constant feature with $m > 1$ is different" in body


def test_dx_is_orthogonal_to_x_hat_only_without_eps() -> None:
    rng = np.random.default_rng(1)
    X, gamma = rng.standard_normal((1, 5)), np.ones((1, 1))
    dout = rng.standard_normal((1, 5))
    eps = 1e-2
    _, cache = batchnorm_forward(X, gamma, np.zeros((1, 1)), eps)
    dX, _, _ = batchnorm_backward(dout, cache)
    x_hat, var = cache[0], X.var()
    inner = float(np.sum(dX * x_hat))
    predicted = eps / (var + eps) / math.sqrt(var + eps) * float(np.sum(dout * x_hat))
    assert math.isclose(inner, predicted, rel_tol=1e-9) and abs(inner) > 1e-4
    assert "and is orthogonal to" not in text("batchnorm")
    assert "0 only for $\\epsilon = 0$" in text("batchnorm")


def test_a_batch_of_one_is_only_erased_in_a_fully_connected_layer() -> None:
    image = np.random.default_rng(2).standard_normal((1, 3, 4, 4))  # N=1, C, H, W
    assert np.all(image.var(axis=(0, 2, 3)) > 0)  # conv BN still has a variance per channel
    body = text("batchnorm-claims")
    assert "In a fully connected layer" in body and "N \\times H \\times W" in body


def test_less_or_equal_keep_prob_keeps_with_probability_keep_prob() -> None:
    # rng.random draws multiples of 2**-53 in [0, 1): <= differs from < on one value only
    keep = 0.8
    assert (keep * 2**53).is_integer()
    assert "`<= keep_prob` is fine" in text("dropout")
    assert "using `<= keep_prob` or" not in text("dropout")


def test_the_relu_mask_from_a1_equals_the_mask_from_z1() -> None:
    z = np.array([-1.0, 0.0, 2.0])
    assert np.array_equal(np.maximum(z, 0) > 0, z > 0)
    assert not np.array_equal(z >= 0, z > 0)
    body = text("two-layer-backprop")
    assert "`Z1 >= 0`" in body and "`A1 > 0` on the wrong side" not in body


def test_one_cosine_unit_computes_xor() -> None:
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = (1 - np.cos(np.pi * x.sum(axis=1))) / 2
    assert np.allclose(y, [0, 1, 1, 0])
    assert "With a monotone activation" in text("universal-approximation")


def test_a_relu_units_slope_rises_by_c_abs_w() -> None:
    for c, w, b in [(2.0, 3.0, 1.0), (2.0, -3.0, 1.0), (-1.5, -0.5, 0.2)]:
        kink = -b / w
        left, right = kink - 1.0, kink + 1.0

        def unit(x: float, c: float = c, w: float = w, b: float = b) -> float:
            return c * max(0.0, w * x + b)

        slope_left = unit(left + 1e-3) - unit(left)
        slope_right = unit(right + 1e-3) - unit(right)
        assert math.isclose((slope_right - slope_left) / 1e-3, c * abs(w), rel_tol=1e-6)
    assert "$c_j |w_j|$" in text("relu-linear-pieces")


def test_xavier_is_the_harmonic_mean_of_the_two_variances() -> None:
    n_in, n_out = 256, 128
    harmonic = 2 / (n_in + n_out)
    assert math.isclose(harmonic, 2 / (1 / (1 / n_in) + 1 / (1 / n_out)))
    assert not math.isclose(harmonic, (1 / n_in + 1 / n_out) / 2)
    assert "harmonic mean" in text("he-vs-xavier-variance")


def test_vanishing_gradient_names_depth_and_loss_apart() -> None:
    body = text("vanishing-gradient")
    assert "\\prod_{l=2}^{L}" not in body
    assert "depth $D$" in body and "a loss $J$" in body
    assert "bounds only the $G^{[l]}$ part" in body


def test_smaller_wording_fixes() -> None:
    assert ",," not in text("mini-batches")
    assert "by luck" not in text("softmax")
    assert "row-major habit" not in text("batchnorm")
    assert "forever" not in text("dead-relu")
    assert "BN-x5" in text("batch-normalization")
    assert "multiples of 8" in text("mini-batch-gradient-descent")
    assert "silently changes the answer for a function that is not" not in text("sigmoid")


def test_gradient_check_card_states_the_threshold_case_and_the_zero_gradient() -> None:
    body = text("gradient-check")
    assert "which must give `ok == False`. It also" not in body
    assert "`True` in the one case whose threshold is $10^{-3}$" in body
    assert "`nan` of 0/0" in body


def test_numerical_gradient_card_states_its_contract() -> None:
    body = text("numerical-gradient")
    assert "against the exact gradient" not in body
    assert "**with the same `eps`**" in body
    assert "`x.flat[i] = v` is fine" in body


# Formula spellings in ASCII that the app would show as typed, where the body shows Unicode
_ASCII_MATH = re.compile(
    r"\^|_hat\b|\bsqrt\(|\b\d+e-\d+\b|\|\||\bO\(|\bVar\(|/\(|\((?:1/m|1-\w+)\)"
    r"|\b(?:alpha|beta[12]?|gamma|eps|epsilon|sigma|lr)\b|\bd[WZAb]\d|\b[ZAW]\d\b"
)


def _outside_math(text: str) -> str:
    """The text with every `$...$` formula cut out."""
    kept, last = [], 0
    for span in scan_math(text).spans:
        kept.append(text[last : span.start])
        last = span.end
    return "".join([*kept, text[last:]])


def test_key_points_and_choices_write_formulas_as_math() -> None:
    """The checklist and the options render `$...$` as Unicode, like the body: no ASCII math."""
    checked = 0
    for c in BANK.cards:
        if c.pack != "neural-networks":
            continue
        if isinstance(c.front, ConceptFront):
            lines = list(c.front.key_points)
        elif isinstance(c.front, ChoiceFront):
            lines = [x for x in c.front.choices if "`" not in x]  # code options stay code
        else:
            continue
        for line in lines:
            checked += 1
            found = _ASCII_MATH.search(_outside_math(line))
            assert found is None, (c.id, line, found)
            assert not find_math_problems(line), (c.id, line)
    assert checked > 80


def test_the_gradient_check_key_points_render_their_formulas() -> None:
    points = [plain_text(p) for p in key_points("gradient-checking-method")]
    # the error orders are central-vs-forward-difference's question, not this card's
    assert any("(J(θ + ε eᵢ) − J(θ − ε eᵢ))/(2 ε)" in p for p in points)
    assert not any("O(ε²)" in p for p in points)
    assert any("about 10⁻⁷ good, 10⁻⁵ suspicious, above 10⁻³ a bug" in p for p in points)
    points = [plain_text(p) for p in key_points("sgd-momentum-adam")]
    assert any("mₜ/(1 − β₁ᵗ) and vₜ/(1 − β₂ᵗ)" in p for p in points)


def test_a_dead_relu_revives_only_when_its_inputs_change() -> None:
    body = text("relu-vs-sigmoid")
    assert "its weights never change again" not in body
    assert "a deeper unit can revive when earlier layers change its inputs" in body
    # what a dead unit does from then on is dead-relu's question, not a key point here
    assert not any("unless earlier layers" in p for p in key_points("relu-vs-sigmoid"))
    dead = card("dead-relu").front
    assert isinstance(dead, ChoiceFront) and isinstance(dead.answer, int)
    assert dead.choices[dead.answer].endswith("outputs 0 until its inputs change")


def test_alexnet_speedup_is_stated_as_measured() -> None:
    body = text("relu-vs-sigmoid")
    assert "several times faster convergence" not in body
    assert "25% training error on CIFAR-10 six times faster" in body


def test_pre_activation_resnets_still_put_bn_before_relu() -> None:
    # x -> BN -> ReLU -> conv -> BN -> ReLU -> conv: every BN feeds a ReLU
    block = ["BN", "ReLU", "conv", "BN", "ReLU", "conv"]
    assert all(block[i + 1] == "ReLU" for i, layer in enumerate(block) if layer == "BN")
    for card_id in ("batch-normalization", "batchnorm-claims"):
        body = text(card_id)
        assert "pre-activation ResNets use BN, then ReLU, then the convolution" not in body
        assert "(Pre-activation ResNets use BN, ReLU, then the convolution.)" not in body
        assert "before each ReLU" in body
    # what moves in He et al.'s full pre-activation unit is the BN-ReLU pair, ahead of the
    # convolution (and the ReLU after the addition goes), not the activation alone
    body = text("batch-normalization")
    assert "what moves is the activation" not in body
    assert "the BN-ReLU pair moves ahead of each convolution" in body


def test_linear_scaling_comes_from_k_small_steps_not_from_the_variance() -> None:
    # quadratic losses: k steps of lr on batches of B move the weights like one step of k*lr
    rng = np.random.default_rng(3)
    k, b, lr = 4, 32, 1e-3
    data = rng.standard_normal((k, b))
    theta_small = 0.5
    for batch in data:
        theta_small -= lr * float(np.mean(theta_small - batch))
    theta_big = 0.5 - k * lr * float(np.mean(0.5 - data))
    step = abs(theta_big - 0.5)
    assert abs(theta_small - theta_big) < 0.01 * step
    # an update of the same variance would only allow sqrt(k): var(lr * mean of kB) = var / k
    assert math.isclose((k * lr) ** 2 / (k * b), k * lr**2 / b)
    assert math.isclose((math.sqrt(k) * lr) ** 2 / (k * b), lr**2 / b)
    body = text("mini-batch-gradient-descent")
    assert "cuts the gradient variance by $B$, so a larger batch supports a larger step" not in body
    assert "the square-root rule" in body
    old_reason = "because the averaged gradient's noise shrinks as the batch grows"
    assert old_reason not in text("mini-batches")


def test_the_relative_difference_options_are_all_plausible() -> None:
    assert 2e-3 > 1e-6  # the old "smaller than the step size" option was false on its face
    c = card("relative-difference-threshold")
    assert isinstance(c.front, ChoiceFront)
    assert not any("step size" in choice for choice in c.front.choices)
    assert "tanh is smooth everywhere" in text("relative-difference-threshold")


def test_the_central_difference_step_is_best_between_1e_6_and_1e_5() -> None:
    def error(eps: float) -> float:
        return eps**2 + 1e-16 / eps

    best = (1e-16 / 2) ** (1 / 3)
    assert 1e-6 < best < 1e-5
    assert 5 < error(1e-7) / error(1e-5) < 20  # ten times, not a hundred
    body = text("numerical-gradient")
    assert "a hundred times worse" not in body
    assert "smallest around $\\epsilon \\approx 10^{-5}$" not in body
    assert "best near $10^{-5}$" not in text("gradient-check")


def test_a_relu_network_far_out_is_affine_along_a_ray_not_linear() -> None:
    rng = np.random.default_rng(4)
    w1, b1 = rng.standard_normal((20, 2)), rng.standard_normal((20, 1))
    w2, b2 = rng.standard_normal((1, 20)), rng.standard_normal((1, 1))
    ray = np.array([[0.6], [0.8]])

    def net(t: float) -> float:
        return float((w2 @ np.maximum(w1 @ (t * ray) + b1, 0) + b2)[0, 0])

    t = 1e3
    assert math.isclose(net(t + 1) - net(t), net(t + 2) - net(t + 1), rel_tol=1e-9)
    slope = net(t + 1) - net(t)
    assert abs(net(t) - slope * t) > 1e-6  # an intercept: affine, not linear
    assert "a ReLU network is linear far away" not in text("universal-approximation")


def test_smaller_fifteenth_round_fixes() -> None:
    assert "an additive cell-state path through time" not in text("vanishing-gradient")
    assert "slope $\\frac{1}{4}$ at 0" in text("weight-initialization")


_BY_NUMBER = re.compile(
    r"\b(first|second|third|fourth|fifth|last)( two| three)? (option|choice|statement|answer)s?\b"
    r"|\b(option|choice) \(?[0-9a-dA-D]\)?(?=[\s:.,)])",
    re.IGNORECASE,
)
# "- **True:** ..." bullets only make sense read in option order
_BARE_VERDICT = re.compile(r"^- \*\*(True|False)[:.]?\*\*", re.MULTILINE)


def test_choice_explanations_name_options_by_text() -> None:
    """Choices are shuffled at display, so every pack names options by their text."""
    for c in BANK.cards:
        if isinstance(c.front, ChoiceFront):
            explanation = c.sections["Explanation"].text
            assert _BY_NUMBER.search(explanation) is None, (c.id, _BY_NUMBER.search(explanation))
            assert _BARE_VERDICT.search(explanation) is None, c.id


# Eighteenth round


@pytest.mark.parametrize(
    ("card_id", "old"),
    [
        ("sigmoid-grad", "overflows for $z < -709$,"),
        ("sigmoid", "an overflow warning for $z \\leq -710$"),
    ],
)
def test_the_naive_sigmoid_overflows_only_below_minus_709_78(card_id: str, old: str) -> None:
    """exp(-z) overflows from z = -709.78 on (the log of the largest double), not from -709
    or -710: -709.5 does not overflow, -709.8 already does. Both sigmoid cards say so."""
    limit = math.log(float(np.finfo(np.float64).max))
    assert 709.78 < limit < 709.79
    with np.errstate(over="raise"):
        assert math.isfinite(float(np.exp(709.5)))
        assert math.isfinite(float(np.exp(709.78)))
        with pytest.raises(FloatingPointError):
            np.exp(709.8)
    body = text(card_id)
    assert old not in body
    assert "for $z < -709.78$" in body


def test_the_gradient_check_card_names_the_coarse_eps_case() -> None:
    def f(x: np.ndarray) -> float:
        return float(np.sum(x**3) / 3 + np.sum(np.sin(x)))

    def grad(x: np.ndarray) -> np.ndarray:
        return np.asarray(x**2 + np.cos(x))

    x = np.array([0.7, -1.3, 1.9])
    ok_coarse, rel_coarse = gradient_check(f, grad, x.copy(), 0.2, 1e-5)
    ok_fine, _ = gradient_check(f, grad, x.copy(), 1e-5, 1e-5)
    assert not ok_coarse and rel_coarse > 1e-4 and ok_fine  # a correct gradient, yet ok False
    body = text("gradient-check")
    old = "with their correct gradients, which must give `ok == True` and a `rel_diff` close to the reference's;"
    assert old not in body
    assert "`eps = 0.2`" in body and "even the correct gradient must give `ok == False`" in body


def test_keras_epsilon_is_the_papers_epsilon_hat() -> None:
    rng = np.random.default_rng(5)
    grads = rng.normal(0.0, 1e-3, size=(3, 4))
    m, v, lr, b1, b2, eps = np.zeros(4), np.zeros(4), 1e-3, 0.9, 0.999, 1e-3
    for t, g in enumerate(grads, 1):
        m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g * g
        folded = lr * math.sqrt(1 - b2**t) / (1 - b1**t) * m / (np.sqrt(v) + eps)
        algorithm_1 = (
            lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps / math.sqrt(1 - b2**t))
        )
        assert np.allclose(folded, algorithm_1)
    assert round(1 / math.sqrt(1 - b2)) == 32
    body = text("adam-step")
    assert "Some libraries put it inside" not in body
    assert "$\\hat{\\epsilon}$" in body and "`eps_root`" in body and "about 32 times larger" in body


def test_positive_inputs_give_one_sign_per_example_not_per_batch() -> None:
    a = np.array([[0.2, 1.5], [0.7, 0.1], [1.1, 0.4]])  # 3 positive inputs, 2 examples
    delta = np.array([0.5, -2.0])  # the unit's dL/dz on each example
    per_example = a * delta  # column j: the weight gradients from example j
    assert all(len(set(np.sign(per_example[:, j]))) == 1 for j in range(2))
    assert len(set(np.sign(per_example.sum(axis=1)))) == 2  # the batch sum mixes signs
    body = text("relu-vs-sigmoid")
    assert "it matters less when gradients do not vanish" not in body
    assert "share one sign per unit and causes" not in body
    assert "For one example" in body and "summing over a mini-batch softens this" in body
    assert "Efficient BackProp (1998), sec. 4.3" in body


def test_smaller_eighteenth_round_fixes() -> None:
    assert "So the answer is 2, the usual remark" not in text("xor-hidden-units")
    body = text("momentum-step")
    assert "week 2, gradient descent with momentum" in body
    assert (
        "(Goodfellow et al., sec. 8.3.2, Sutskever et al. 2013, eq. 1 and 2, and the CS231n" in body
    )
    body = text("linear-scaling-rule")
    assert "start from a small rate and ramp" not in body
    assert "start from the small-batch rate 0.1" in body


def test_batchnorm_inference_says_where_the_population_estimates_come_from() -> None:
    batch = np.random.default_rng(6).standard_normal(8)
    m = batch.size
    assert math.isclose(batch.var() * m / (m - 1), batch.var(ddof=1))  # the paper's correction
    body = text("batchnorm-inference")
    assert "the paper's algorithm 2 averages the means and variances" in body
    assert "the unbiased $\\frac{m}{m-1}$ correction" in body
    assert "PyTorch with momentum 0.1, storing the unbiased batch variance" in body


def test_a_uniformly_shrunk_gradient_slows_sgd_but_not_adam() -> None:
    rng = np.random.default_rng(7)
    grads = 1e3 * (1 + rng.random((5, 3)))  # scaled by 1e-6 they stay far above Adam's eps
    theta, shrink = np.zeros(3), 0.25**10
    # from theta = 0, SGD's step is the update itself: it shrinks by the same factor
    assert np.allclose(
        sgd_step(theta, shrink * grads[0], 0.1), shrink * sgd_step(theta, grads[0], 0.1)
    )
    steps = []
    for scale in (1.0, shrink):
        th, m, v = theta, np.zeros(3), np.zeros(3)
        for t, g in enumerate(grads, 1):
            th, m, v = adam_step(th, scale * g, m, v, t)
        steps.append(th)
    assert np.allclose(steps[0], steps[1], rtol=1e-4)  # Adam barely notices the 1e-6 factor
    body = text("sigmoid-gradient-depth")
    assert "with plain SGD (whose step is proportional to the gradient)" in body
    assert "Adam is different" in body


# Twenty-second round


def test_adams_second_moment_correction_has_not_faded_at_step_1000() -> None:
    rng = np.random.default_rng(8)
    theta, grad = np.zeros(4), rng.normal(0.0, 1.0, 4)
    m, v = rng.normal(0.0, 0.5, 4), rng.normal(0.0, 1.0, 4) ** 2
    lr, b1, t, eps = 1e-3, 0.9, 1000, 1e-12
    for b2, too_large in ((0.999, 1.26), (0.9999, 3.24)):
        corrected, m_new, v_new = adam_step(theta, grad, m, v, t, lr, b1, b2, eps)
        uncorrected = theta - lr * m_new / (np.sqrt(v_new) + eps)
        assert np.allclose(uncorrected / corrected, too_large, rtol=1e-2)
    assert math.isclose(0.999**1000, 0.37, abs_tol=0.005)
    assert math.isclose(1 / (1 - 0.999**1000), 1.6, abs_tol=0.02)
    body = text("adam-step")
    assert "`t = 1000` where it has faded" not in body
    assert "the second moment's has not when $\\beta_2$ is close to 1" in body
    assert "still about 26% too large" in body


def test_the_dropout_papers_p_is_the_keep_probability() -> None:
    # Srivastava et al. (2014) keep a unit with probability p; PyTorch and Keras drop it with p
    keep = 0.8
    mask = np.random.default_rng(9).random(200_000) < keep
    assert abs(mask.mean() - keep) < 0.01
    assert "the original paper's retention probability, and a common name" not in text(
        "dropout-train-vs-inference"
    )
    assert "writes it as $p$" in text("dropout-train-vs-inference")
    assert "original paper writes $p$ for the keep probability" in text(
        "dropout-train-vs-inference"
    )
    assert "as many texts and frameworks write it" not in text("dropout")
    assert "uses $p$ for the probability of keeping instead" in text("dropout")
    assert "writes $p$ for the probability of *keeping* a unit" in text("dropout-keep-prob")


def test_class_sums_render_with_a_subscript_the_terminal_has() -> None:
    # Unicode has no subscript c, so y_c showed as "y_c"; c is also the number of classes
    for card_id in ("backprop-derivation", "softmax-ce-gradient", "cross-entropy"):
        body = text(card_id)
        assert "\\sum_c y_c" not in body and "\\hat{y}_c" not in body, card_id
        assert "−∑_c" not in plain_text(body), card_id
    assert "ŷₗ − yₗ" in plain_text(text("backprop-derivation"))
    assert "if you add the same constant to every entry" not in text("softmax")
    assert "subtract the same constant $s$" in text("softmax")
    body = text("gradient-check")
    assert "g_{num}" not in body and "g^{num} - g^{ana}" in body


def test_all_zero_weights_with_tanh_train_only_the_output_bias() -> None:
    rng = np.random.default_rng(10)
    X, y = rng.standard_normal((3, 8)), rng.standard_normal((1, 8))
    W1, b1, W2, b2 = np.zeros((4, 3)), np.zeros((4, 1)), np.zeros((1, 4)), np.zeros((1, 1))
    for _ in range(5):
        A1 = np.tanh(W1 @ X + b1)
        dZ2 = (W2 @ A1 + b2 - y) / 8  # mean squared error / 2, linear output
        dW2, db2 = dZ2 @ A1.T, dZ2.sum(axis=1, keepdims=True)
        dZ1 = (W2.T @ dZ2) * (1 - A1**2)
        dW1, db1 = dZ1 @ X.T, dZ1.sum(axis=1, keepdims=True)
        W1, b1, W2, b2 = W1 - 0.5 * dW1, b1 - 0.5 * db1, W2 - 0.5 * dW2, b2 - 0.5 * db2
    assert not W1.any() and not b1.any() and not W2.any() and b2.item() != 0
    assert "Only the output bias ever moves" in text("zero-init-symmetry")


def test_smaller_twenty_second_round_fixes() -> None:
    source = card("vanishing-gradient").front.source
    assert "8.7.1" in source and "10.11.1" in source and "Ioffe and Szegedy" in source
    assert "Pascanu, Mikolov and Bengio" in source
    body = text("batchnorm-parameter-count")
    assert "holds 256 numbers in total" not in body and "`num_batches_tracked`" in body
    assert "poor: no parallelism across examples" in text("mini-batch-gradient-descent")


# Twenty-third round


def test_the_backprop_shapes_table_lists_all_four_parameters() -> None:
    rng = np.random.default_rng(4)
    n_x, n_h, c, m = 3, 4, 2, 5
    X = rng.standard_normal((n_x, m))
    Y = np.eye(c)[:, rng.integers(0, c, size=m)]
    params = {
        "W1": rng.standard_normal((n_h, n_x)),
        "b1": rng.standard_normal((n_h, 1)),
        "W2": rng.standard_normal((c, n_h)),
        "b2": rng.standard_normal((c, 1)),
    }
    _, grads = two_layer_loss_and_grads(X, Y, params)
    assert grads["db2"].shape == (c, 1) and grads["db1"].shape == (n_h, 1)
    body = text("backprop-derivation")
    for row in (
        "| $W^{[1]}, dW^{[1]}$ | $(n_h, n_x)$ |",
        "| $b^{[1]}, db^{[1]}$ | $(n_h, 1)$ |",
        "| $W^{[2]}, dW^{[2]}$ | $(c, n_h)$ |",
        "| $b^{[2]}, db^{[2]}$ | $(c, 1)$ |",
    ):
        assert row in body, row


def test_the_initializers_task_says_which_case_has_n_in_equal_to_n_out() -> None:
    cases = InitializersChecker().make_cases(np.random.default_rng(0), {})
    shapes = [tuple(c.inputs["args"]) for c in cases]
    assert (1, 1) in shapes
    assert all(n_in != n_out for n_in, n_out in shapes if (n_in, n_out) != (1, 1))
    body = text("initializers")
    assert "(with randomized $n_{in} \\neq n_{out}$, including 1)" not in body
    assert "in every layer except a single weight, $n_{in} = n_{out} = 1$" in body


def test_a_full_batch_gradient_can_be_accumulated_chunk_by_chunk() -> None:
    # Least squares J = ||Xw - y||^2 / (2n): the chunks' summed gradients are the full one,
    # so full batch needs a pass per update, not the whole dataset's activations at once.
    rng = np.random.default_rng(6)
    n, d = 1000, 5
    X, y, w = rng.standard_normal((n, d)), rng.standard_normal(n), rng.standard_normal(d)
    full = X.T @ (X @ w - y) / n
    chunked = sum(X[k : k + 64].T @ (X[k : k + 64] @ w - y[k : k + 64]) for k in range(0, n, 64))
    assert np.allclose(chunked / n, full)
    body = text("mini-batch-gradient-descent")
    assert "| memory | whole dataset's activations |" not in body
    assert "Memory alone does not rule out full batch" in body
    # "B gradients take about the time of one" holds only while the batch leaves the device
    # idle units; the card says so instead of promising it for every B.
    assert "take about the time of one until $B$ fills the device" in body
    assert (
        "saddle points abound; Ge, Huang, Jin and Yuan"
        in card("mini-batch-gradient-descent").front.source
    )


def test_shuffling_makes_a_batch_of_sorted_data_an_unbiased_estimate() -> None:
    """mini-batches said reshuffling "keeps consecutive batches from being correlated"; what
    shuffling buys is a batch that is a random sample of the data: on data sorted by class
    the first unshuffled batch's mean gradient is far from the full one, a shuffled first
    batch's is right on average."""
    labels = np.repeat([0.0, 1.0], 50)[None, :]  # sorted by class, as data often come
    X = labels + 0.1 * np.random.default_rng(0).standard_normal((1, 100))
    full = X.mean()
    first_unshuffled = X[:, :20].mean()
    assert abs(first_unshuffled - full) > 0.4  # one class only
    rng = np.random.default_rng(1)
    firsts = [random_mini_batches(X, labels, 20, rng)[0][0].mean() for _ in range(2000)]
    assert abs(np.mean(firsts) - full) < 0.01
    words = text("mini-batches")
    assert "so its gradient is an unbiased estimate of the full one" in words
    assert "keeps consecutive batches from being correlated" not in words


def test_a_dead_relu_under_weight_decay_changes_its_weights_and_stays_dead() -> None:
    # SGD with an L2 term on a unit whose z < 0 for every example: the data gradient is 0
    # (ReLU'(z) = 0), the decay term still shrinks w, and z keeps its sign whether or not
    # the bias is decayed.
    rng = np.random.default_rng(3)
    X = rng.standard_normal((4, 50))  # examples are columns
    w = rng.standard_normal(4)
    b_start = -(np.abs(w) @ np.abs(X)).max() - 1.0  # negative enough: z < 0 everywhere
    lr, lam = 0.1, 0.05
    for decay_bias in (False, True):
        w_t, b = w.copy(), b_start
        for _ in range(100):
            z = w_t @ X + b
            assert np.all(z < 0)
            dz = np.zeros_like(z)  # upstream gradient times ReLU'(z) = 0
            w_t = w_t - lr * (X @ dz / X.shape[1] + lam * w_t)
            b = b - lr * (dz.mean() + (lam * b if decay_bias else 0.0))
        assert np.all(w_t @ X + b < 0)  # still dead
        assert np.linalg.norm(w_t) < 0.7 * np.linalg.norm(w)  # but its weights changed
    body = text("dead-relu")
    assert "stops changing its weights" not in body
    assert "stops moving them" not in body
    assert "the weights change while the unit stays dead" in body


# Twenty-fourth round


def _adam_l2_decay(grad_size: float, lam: float, steps: int = 200) -> float:
    """How far an L2 term added to Adam's gradient moves a weight of 1 over `steps` steps,
    under alternating data gradients of the given size (which average to 0)."""
    ends = []
    for decay in (0.0, lam):
        th, m, v = np.ones(1), np.zeros(1), np.zeros(1)
        for t in range(1, steps + 1):
            g = grad_size * (-1.0) ** t * np.ones(1)
            th, m, v = adam_step(th, g + decay * th, m, v, t, 1e-3)
        ends.append(float(th[0]))
    return ends[0] - ends[1]


def test_l2_inside_adam_decays_unevenly_not_just_more_weakly() -> None:
    lr, lam, steps = 1e-3, 1e-2, 200
    decoupled = lr * lam * steps  # AdamW-style: about lr * lam * theta per step, theta near 1
    large, small = _adam_l2_decay(10.0, lam, steps), _adam_l2_decay(1e-3, lam, steps)
    assert 0 < large < decoupled / 5  # large gradients: the decay is weakened
    assert small > 5 * decoupled  # small gradients: it is strengthened, not weakened
    body = text("sgd-momentum-adam")
    assert "where Adam's division would weaken it" not in body
    assert "weak for weights whose gradients have been large" in body
    assert "strong for those whose gradients have been small" in body


def test_the_square_root_rule_is_a_factor_for_adam_not_a_second_sgd_answer() -> None:
    k = 8192 // 256
    assert math.isclose(0.1 * k, 3.2) and math.isclose(0.1 * math.sqrt(k), 0.57, abs_tol=0.005)
    body = text("linear-scaling-rule")
    assert "$\\times \\sqrt{k}$, here 0.2)" not in body
    assert "a factor of about 5.7 here instead of 32" in body
    assert "it does not make 0.57 a second answer for this SGD run" in body


def test_universal_approximation_needs_a_compact_set_not_just_a_bounded_one() -> None:
    # a wide ReLU network fitted to sin(1/x) on (0, 1): it is continuous at 0, and near 0
    # sin(1/x) is 1 and -1 at neighbouring points, so the largest error stays at least 1
    rng = np.random.default_rng(24)
    grid = np.linspace(1e-3, 1.0, 4000)
    knots = np.sort(rng.uniform(0.0, 1.0, 200))

    def features(x: np.ndarray) -> np.ndarray:
        return np.column_stack([np.ones_like(x), np.maximum(x[:, None] - knots[None, :], 0.0)])

    coef, *_ = np.linalg.lstsq(features(grid), np.sin(1 / grid), rcond=None)
    k = np.arange(10_000, 10_050)
    peaks = 1 / (np.pi / 2 + k * np.pi)  # sin(1/x) = 1 at even k, -1 at odd k
    errors = np.abs(features(peaks) @ coef - np.sin(1 / peaks))
    assert errors.max() >= 1.0 - 1e-9
    body = text("universal-approximation")
    assert "to any accuracy on a bounded region." not in body
    assert "closed and bounded (compact) region" in body
    assert "its largest error there is at least 1 however wide it is" in body


# Twenty-sixth round


def test_adams_step_can_reach_about_3_16_alpha_not_just_alpha() -> None:
    """Kingma and Ba (sec. 2.1) bound the step by alpha (1 - beta1) / sqrt(1 - beta2) when
    1 - beta1 > sqrt(1 - beta2), as with the defaults: a coordinate whose gradient was 0 for
    a long time and then is not moves by about 3.16 alpha, whatever the gradient's size."""
    lr = 1e-3
    bound = lr * (1 - 0.9) / math.sqrt(1 - 0.999)
    assert 3.16 * lr < bound < 3.17 * lr
    for size in (1e-2, 5.0):
        th, m, v = adam_step(np.zeros(1), np.ones(1), np.zeros(1), np.zeros(1), 1, lr)
        for t in range(2, 20_001):  # beta2 ** t is negligible by the end
            th, m, v = adam_step(th, np.zeros(1), m, v, t, lr)
        new, _, _ = adam_step(th, np.full(1, size), m, v, 20_001, lr)
        assert math.isclose(float(th[0] - new[0]), bound, rel_tol=1e-3)
    body = text("sgd-momentum-adam")
    assert "the step is roughly bounded by $\\alpha$ whatever the gradient's scale" not in body
    assert "\\approx 3.16 \\alpha$ with the defaults" in body
    assert "sec. 2.1" in card("sgd-momentum-adam").front.source


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return np.asarray(e / e.sum())


def test_weight_scaling_is_the_geometric_mean_only_without_hidden_nonlinearities() -> None:
    """Dropout (keep 0.5) on the inputs of softmax regression: the full network with its
    inputs halved is exactly the renormalized geometric mean of the 2^n sub-networks, not
    their arithmetic mean; with a ReLU hidden layer in between it is not exact either."""
    rng = np.random.default_rng(26)
    n, h, c = 4, 5, 3
    x = rng.standard_normal(n)
    W, b = rng.standard_normal((c, n)), rng.standard_normal(c)
    V, W2 = rng.standard_normal((h, n)), rng.standard_normal((c, h))
    masks = [np.array(mask) for mask in itertools.product([0.0, 1.0], repeat=n)]

    def geometric(probs: np.ndarray) -> np.ndarray:
        g = np.exp(np.log(probs).mean(axis=0))
        return np.asarray(g / g.sum())

    linear = np.array([_softmax(W @ (mask * x) + b) for mask in masks])
    scaled = _softmax(W @ (0.5 * x) + b)
    assert np.allclose(geometric(linear), scaled, rtol=1e-12, atol=0)
    assert not np.allclose(linear.mean(axis=0), scaled, rtol=1e-3, atol=0)
    deep = np.array([_softmax(W2 @ np.maximum(V @ (mask * x), 0.0) + b) for mask in masks])
    deep_scaled = _softmax(W2 @ np.maximum(V @ (0.5 * x), 0.0) + b)
    assert not np.allclose(geometric(deep), deep_scaled, rtol=1e-3, atol=0)
    body = text("dropout-train-vs-inference")
    assert "the test-time network approximates averaging their predictions." not in body
    assert "normalized geometric mean" in body and "not their arithmetic mean" in body
    assert "only an approximation" in body and "sec. 7.12" in body


def test_a_dead_relu_is_not_moved_by_the_loss_but_weight_decay_still_moves_it() -> None:
    # the data gradient of a unit with z < 0 everywhere is 0; an L2 term still shrinks w
    w, lam, lr = np.array([0.5, -1.2]), 0.1, 0.1
    data_grad = np.zeros(2)  # ReLU'(z) = 0 on every example
    assert not np.array_equal(w - lr * (data_grad + lam * w), w)
    body = text("relu-vs-sigmoid")
    assert "gradient descent stops changing its weights" not in body
    assert "the loss no longer moves its weights (weight decay can still shrink them)" in body
    body = text("relu-family")
    assert "gradient descent stops updating it" not in body
    assert "the loss no longer moves its weights (weight decay can still shrink them)" in body


# Twenty-eighth round


def test_the_bias_gradient_is_shown_as_a_sum_of_columns() -> None:
    # db is (1/m) times the sum of dZ's columns; "dZ^{[1](i)}" showed as "dZ^[1](i)", which
    # reads as dZ^[1] applied to i, so the cards name the column, as two-layer-backprop does
    rng = np.random.default_rng(28)
    X, m = rng.standard_normal((3, 5)), 5
    Y = np.eye(2)[:, rng.integers(0, 2, size=m)]
    params = {
        "W1": rng.standard_normal((4, 3)),
        "b1": rng.standard_normal((4, 1)),
        "W2": rng.standard_normal((2, 4)),
        "b2": rng.standard_normal((2, 1)),
    }
    _, grads = two_layer_loss_and_grads(X, Y, params)
    A1 = np.maximum(params["W1"] @ X + params["b1"], 0.0)
    Z2 = params["W2"] @ A1 + params["b2"]
    Y_hat = np.exp(Z2) / np.exp(Z2).sum(axis=0)
    dZ2 = Y_hat - Y  # per-example gradients, no 1/m yet
    columns = sum(dZ2[:, [i]] for i in range(m)) / m
    assert np.allclose(grads["db2"], columns)
    for card_id in ("backprop-derivation", "backprop-weight-gradient"):
        shown = plain_text(text(card_id))
        assert "](i)" not in shown, card_id
        assert "dZ^[1]_(:, i)" in shown, card_id


def test_softmax_and_cross_entropy_are_fused_for_stability_too() -> None:
    # the cancelled Jacobian is one reason; the other is that log(softmax) of a far logit is
    # log(0), while the fused form log-sum-exp minus the true logit stays finite
    z, true = np.array([1000.0, 0.0, -1000.0]), 2
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        shifted = np.exp(z - z.max())
        naive = -np.log(shifted / shifted.sum())[true]
    top = z.max()
    fused = math.log(np.exp(z - top).sum()) - (z[true] - top)
    assert math.isinf(naive) and math.isclose(fused, 2000.0)
    body = text("backprop-derivation")
    assert "which is why the two are fused in practice" not in body
    assert "never takes the log of a probability that has rounded to 0" in body


def test_the_sigmoid_drills_state_the_absolute_tolerance_they_grade_with() -> None:
    # s * (1 - s) rounds to 0 at z = 40: a relative error of 100%, passed only by the atol
    s = 1.0 / (1.0 + math.exp(-40.0))
    product, exact = s * (1.0 - s), math.exp(-40.0) / (1.0 + math.exp(-40.0)) ** 2
    assert product == 0.0 and exact > 0.0
    assert abs(product - exact) <= ELEMENTWISE.atol and ELEMENTWISE.rtol < 1.0
    for card_id in ("sigmoid", "sigmoid-grad"):
        body = text(card_id)
        assert "with a small relative tolerance, and" not in body, card_id
        assert "or its absolute error at most $10^{-12}$" in body, card_id
    assert "though the relative error there is 100%" in text("sigmoid-grad")


def test_the_numerical_gradient_drill_states_its_absolute_floor() -> None:
    # f does not depend on v[1], but rounding makes its central difference noise of about
    # 1e-11; at a point one ulp away (where a restore by arithmetic can leave x) the noise
    # differs, so two right answers disagree by over 50% relative: only an absolute floor,
    # the checker's 1e-7 times (1 + the largest entry), accepts both
    def f(v: np.ndarray) -> float:
        return float((v[0] + v[1]) ** 2 - 2 * v[0] * v[1] - v[1] ** 2)

    def central(x: np.ndarray, eps: float = 1e-5) -> np.ndarray:
        return np.array([(f(x + eps * e) - f(x - eps * e)) / (2 * eps) for e in np.eye(2)])

    x = np.array([1.3, 0.7])
    nudged = np.array([np.nextafter(1.3, 2.0), 0.7])
    a, b = central(x), central(nudged)
    assert abs(a[1] - b[1]) > 0.5 * max(abs(a[1]), abs(b[1]))
    assert abs(a[1] - b[1]) <= 1e-7 * (np.abs(a).max() + 1.0)
    body = text("numerical-gradient")
    assert "with a relative tolerance of $10^{-6}$ per entry;" not in body
    assert "$10^{-7}$ times one plus the largest entry's size" in body


def test_the_mini_batch_variance_has_a_finite_population_factor() -> None:
    # every batch of B of m per-example gradients, drawn without replacement: the variance
    # of their mean is sigma^2 / B * (m - B) / (m - 1), so 1/B holds only while B << m
    values = np.array([0.3, -1.2, 2.5, 0.0, 4.1, -0.7, 1.9, -2.2])
    n, sigma2 = values.size, float(values.var())
    for batch in range(1, n + 1):
        means = [values[list(c)].mean() for c in itertools.combinations(range(n), batch)]
        exact = float(np.var(means))
        assert math.isclose(exact, sigma2 / batch * (n - batch) / (n - 1), abs_tol=1e-12)
    assert np.var([values.mean()]) == 0.0  # the full batch is exact
    for card_id in ("mini-batch-gradient-descent", "batch-size-tradeoffs"):
        assert "\\frac{\\sigma^2}{B} \\cdot \\frac{m - B}{m - 1}" in text(card_id), card_id
    assert "averages more independent samples" not in text("batch-size-tradeoffs")


def test_sharpness_can_change_without_changing_the_function() -> None:
    # Dinh et al. 2017: scaling a ReLU layer by a and the next by 1/a keeps the function,
    # but the same minimum becomes as sharp as you like, so "noise finds flat minima" is a
    # hypothesis about sharpness, not a property of the learned function
    xs, ys = np.array([0.5, 1.0, 2.0]), np.array([1.0, 2.0, 4.0])

    def loss(p: np.ndarray) -> float:
        return float(np.mean((p[1] * np.maximum(p[0] * xs, 0.0) - ys) ** 2))

    def top_curvature(p: np.ndarray, h: float = 1e-4) -> float:
        hess = np.empty((2, 2))
        for i, j in itertools.product(range(2), repeat=2):
            ei, ej = h * np.eye(2)[i], h * np.eye(2)[j]
            hess[i, j] = (
                loss(p + ei + ej) - loss(p + ei - ej) - loss(p - ei + ej) + loss(p - ei - ej)
            ) / (4 * h * h)
        return float(np.linalg.eigvalsh(hess).max())

    flat, sharp = np.array([1.0, 2.0]), np.array([20.0, 0.1])  # both compute f(x) = 2x
    for p in (flat, sharp):
        assert math.isclose(loss(p), 0.0, abs_tol=1e-12)
    assert top_curvature(sharp) > 10 * top_curvature(flat)
    body = text("mini-batch-gradient-descent")
    assert "acts as a mild regularizer and helps leave saddle points and sharp minima" not in body
    assert "is a hypothesis" in body and "Dinh et al., 2017" in body
    assert "a hypothesis rather than a settled cause" in text("batch-size-tradeoffs")
    body = text("learning-rate-schedules")  # the deep-training pack told it as fact too
    assert "the noise helps escape poor regions and sharp minima" not in body
    # Keskar et al.'s evidence is about the batch size, not the rate (fifty-fourth round)
    assert "a hypothesis (Keskar et al. 2017, for small batches)" in body
    assert "a large rate's noise also keeps training out of sharp minima" not in body
    assert "(Dinh et al. 2017)" in body
    assert "Dinh, Pascanu, Bengio & Bengio 2017" in card("learning-rate-schedules").front.source


def test_rescaling_relu_layers_makes_a_minimum_sharper_never_flatter() -> None:
    # Dinh et al. 2017 use the symmetry (a w1, w2 / a) to make a minimum arbitrarily sharp;
    # it cannot make it arbitrarily flat: at a zero-loss minimum of mean((w2 relu(w1 x) - y)^2)
    # the Hessian is the Gauss-Newton 2 mean(J^T J), J = x (w2, w1), whose top eigenvalue is
    # 2 mean(x^2) (w1^2 + w2^2) >= 4 mean(x^2) |w1 w2|, least where |w1| = |w2|
    xs = np.array([0.5, 1.0, 2.0])
    product = 2.0  # every (w1, w2) with w1 w2 = 2 computes f(x) = 2x

    def top_curvature(w1: float) -> float:
        w2 = product / w1
        jac = np.stack([w2 * xs, w1 * xs], axis=1)
        return float(np.linalg.eigvalsh(2 * jac.T @ jac / len(xs)).max())

    floor = 4 * float(np.mean(xs**2)) * product
    scales = np.logspace(-3, 3, 61)
    curvatures = [top_curvature(math.sqrt(product) * a) for a in scales]
    assert min(curvatures) == pytest.approx(floor)  # reached by the balanced pair only
    assert all(c >= floor * (1 - 1e-12) for c in curvatures)
    assert max(curvatures) > 1e5 * floor  # and unbounded above
    for card_id in ("mini-batch-gradient-descent", "learning-rate-schedules"):
        body = text(card_id)
        assert "sharp or flat" not in body, card_id
        assert "arbitrarily sharp, by the Hessian's largest eigenvalue" in body, card_id


def test_inverted_dropout_on_a_linear_model_is_exactly_a_weighted_l2_penalty() -> None:
    # every mask of a 3-input linear regression, weighted by its probability: the expected
    # squared error is the plain one plus (1 - q) / q * sum(w_i^2 x_i^2)
    w, x, y, q = np.array([0.7, -1.3, 2.0]), np.array([1.5, 0.4, -0.8]), 0.9, 0.8
    expected = 0.0
    for mask in itertools.product([0.0, 1.0], repeat=3):
        m = np.array(mask)
        chance = float(np.prod(np.where(m == 1.0, q, 1.0 - q)))
        expected += chance * (y - float(np.sum(m * w * x)) / q) ** 2
    penalty = (1.0 - q) / q * float(np.sum(w**2 * x**2))
    assert math.isclose(expected, (y - float(w @ x)) ** 2 + penalty, rel_tol=1e-12)
    body = text("dropout-train-vs-inference")
    assert "It prevents co-adaptation and" not in body
    assert "the paper's motivation, an intuition rather than a measured mechanism" in body
    assert "\\frac{1 - q}{q} \\sum_i w_i^2 x_i^2" in body and "sec. 9.1" in body


def test_dropout_on_logistic_regression_is_the_weighted_l2_penalty_only_to_second_order() -> None:
    # the same masks on a logistic regression: the expected log loss exceeds the plain one by
    # about 1/2 p(1 - p) (1 - q) / q sum(w_i^2 x_i^2) (Wager et al.), not exactly
    w, x, q = np.array([0.7, -1.3, 2.0]), np.array([1.5, 0.4, -0.8]), 0.8
    expected = 0.0
    for mask in itertools.product([0.0, 1.0], repeat=3):
        m = np.array(mask)
        chance = float(np.prod(np.where(m == 1.0, q, 1.0 - q)))
        expected += chance * math.log1p(math.exp(-float(np.sum(m * w * x)) / q))  # y = 1
    eta = float(w @ x)
    p = 1.0 / (1.0 + math.exp(-eta))
    second_order = 0.5 * p * (1.0 - p) * (1.0 - q) / q * float(np.sum(w**2 * x**2))
    excess = expected - math.log1p(math.exp(-eta))
    assert math.isclose(excess, second_order, rel_tol=0.05)
    assert not math.isclose(excess, second_order, rel_tol=0.01)
    card_ = card("dropout-train-vs-inference")
    assert isinstance(card_.front, ConceptFront)
    assert not any("on a linear model exactly" in point for point in card_.front.key_points)
    body = text("dropout-train-vs-inference")
    assert "A penalty, exactly, for a linear model" not in body
    assert "holds only to second order (Wager, Wang and Liang, 2013)" in body
    assert "\\frac{\\hat{p}(1 - \\hat{p})}{2} \\frac{1 - q}{q} \\sum_i w_i^2 x_i^2" in body


def test_dz_xt_without_1_over_m_is_the_summed_loss_gradient_m_times_too_large() -> None:
    rng = np.random.default_rng(11)
    m = 100
    X, labels = rng.standard_normal((3, m)), rng.integers(0, 2, m)
    Y = np.eye(2)[:, labels]
    params = {
        "W1": rng.standard_normal((4, 3)),
        "b1": rng.standard_normal((4, 1)),
        "W2": rng.standard_normal((2, 4)),
        "b2": rng.standard_normal((2, 1)),
    }
    _, grads = two_layer_loss_and_grads(X, Y, params)  # gradients of the mean loss
    Z1 = params["W1"] @ X + params["b1"]
    A1 = np.maximum(Z1, 0.0)
    Z2 = params["W2"] @ A1 + params["b2"]
    dZ1 = (params["W2"].T @ (np.exp(Z2) / np.exp(Z2).sum(axis=0) - Y)) * (Z1 > 0)
    assert np.allclose(grads["dW1"], dZ1 @ X.T / m)
    assert np.allclose(dZ1 @ X.T, m * grads["dW1"]) and np.abs(grads["dW1"]).max() > 1e-3
    c = card("backprop-weight-gradient")
    assert isinstance(c.front, ChoiceFront) and "$dZ^{[1]} X^T$" in c.front.choices
    assert "$m = 100$ times too large" in text("backprop-weight-gradient")


def _tanh_net_check(eps: float, buggy: bool = False) -> float:
    """The relative difference of a gradient check on a small tanh network in float64."""
    rng = np.random.default_rng(3)
    X, Y = rng.standard_normal((3, 5)), rng.standard_normal((2, 5))
    shapes = [(4, 3), (4, 1), (2, 4), (2, 1)]
    bounds = np.cumsum([0] + [rows * cols for rows, cols in shapes])

    def unpack(theta: np.ndarray) -> list[np.ndarray]:
        return [
            theta[a:b].reshape(s) for a, b, s in zip(bounds[:-1], bounds[1:], shapes, strict=True)
        ]

    def loss(theta: np.ndarray) -> float:
        W1, b1, W2, b2 = unpack(theta)
        return float(0.5 * np.sum((W2 @ np.tanh(W1 @ X + b1) + b2 - Y) ** 2) / 5)

    def grad(theta: np.ndarray) -> np.ndarray:
        W1, b1, W2, b2 = unpack(theta)
        A1 = np.tanh(W1 @ X + b1)
        dZ2 = (W2 @ A1 + b2 - Y) / 5
        dZ1 = (W2.T @ dZ2) * (1 - A1 if buggy else 1 - A1**2)  # the bug: tanh' taken as 1 - a
        parts = (dZ1 @ X.T, dZ1.sum(axis=1), dZ2 @ A1.T, dZ2.sum(axis=1))
        return np.concatenate([p.ravel() for p in parts])

    return gradient_check(loss, grad, rng.standard_normal(int(bounds[-1])), eps)[1]


def test_a_correct_tanh_backward_agrees_to_1e_10_and_a_tiny_step_only_adds_noise() -> None:
    assert 1e-11 < _tanh_net_check(1e-6) < 1e-9  # the card's "about 10^-10"
    tiny = _tanh_net_check(1e-12)  # rounding, about machine epsilon / step
    assert 1e-5 < tiny < 1e-3 < 2e-3  # worse, yet short of the question's 2e-3
    assert _tanh_net_check(1e-6, buggy=True) > 100 * tiny  # a real bug stands above the noise
    body = text("relative-difference-threshold")
    assert "about $10^{-10}$ for a small tanh network at this step" in body
    assert "to about $10^{-4}$ there, and a real bug still shows above it" in body


def test_adams_corrected_first_step_is_alpha_at_any_gradient_scale_above_eps() -> None:
    lr = 1e-3
    for g in (1e-4, -1e4, 3.0):
        theta, _, _ = adam_step(np.zeros(1), np.full(1, g), np.zeros(1), np.zeros(1), 1, lr)
        assert math.isclose(-theta.item(), lr * math.copysign(1.0, g), rel_tol=1e-4)
    at_eps, _, _ = adam_step(np.zeros(1), np.full(1, 1e-8), np.zeros(1), np.zeros(1), 1, lr)
    assert math.isclose(-at_eps.item(), lr / 2, rel_tol=1e-6)
    uncorrected = (1 - 0.9) / math.sqrt(1 - 0.999)  # m_1 / sqrt(v_1) per unit of |g|
    assert round(uncorrected, 2) == 3.16
    body = text("adam-bias-correction")
    assert "a non-negligible gradient" not in body
    assert (
        "within one part in $10^4$" in body
        and "$|g| = \\epsilon$ gives $\\frac{\\alpha}{2}$" in body
    )
    # the uncorrected 3.16 alpha is adam-uncorrected-first-step's question, not a choice here
    assert "3.16" not in body
    assert "one parameter has gradient $10^{-4}$ and another $10^{4}$" in body


def test_any_shared_constant_keeps_the_hidden_units_identical_not_only_zero() -> None:
    X, Y = (
        np.random.default_rng(12).standard_normal((3, 8)),
        np.random.default_rng(13).standard_normal((2, 8)),
    )
    W1, b1, W2, b2 = np.full((4, 3), 0.5), np.zeros((4, 1)), np.full((2, 4), 0.5), np.zeros((2, 1))
    for _ in range(20):
        A1 = np.tanh(W1 @ X + b1)
        dZ2 = (W2 @ A1 + b2 - Y) / 8
        dZ1 = (W2.T @ dZ2) * (1 - A1**2)
        W1, b1 = W1 - 0.1 * dZ1 @ X.T, b1 - 0.1 * dZ1.sum(axis=1, keepdims=True)
        W2, b2 = W2 - 0.1 * dZ2 @ A1.T, b2 - 0.1 * dZ2.sum(axis=1, keepdims=True)
    assert np.allclose(W1, W1[0], rtol=0, atol=1e-12)  # every unit's row is the same
    assert np.allclose(W2, W2[:, [0]], rtol=0, atol=1e-12)  # and so are its outgoing weights
    assert np.ptp(W1[0]) > 1e-3  # while the weights within one unit have moved apart
    body = text("zero-init-symmetry")
    assert "only an all-zero start leaves the units tied together" in body
    assert "never used the value 0.5" in body


def test_a_batch_of_one_normalized_with_its_own_statistics_outputs_beta() -> None:
    gamma, beta = np.array([[2.0], [-1.5]]), np.array([[0.3], [0.7]])
    for x in (np.array([[5.0], [-2.0]]), np.array([[-40.0], [0.01]])):
        out, _ = batchnorm_forward(x, gamma, beta, 1e-5)
        assert np.array_equal(out, beta)
    body = text("batchnorm-inference")
    assert "fail for a batch of one" not in body
    assert "every output would be $\\beta$ whatever the input" in body


# Twenty-ninth round


def test_the_unclamped_elu_overflows_in_the_branch_np_where_discards() -> None:
    # np.where computes both branches: exp(1000) is inf (with an overflow warning) though the
    # value picked is z itself, and the clamped form computes nothing that overflows
    z, alpha = np.array([-1000.0, -1.0, 0.0, 1000.0]), 1.3
    with np.errstate(over="raise"):
        with pytest.raises(FloatingPointError):
            np.where(z > 0, z, alpha * (np.exp(z) - 1.0))
        clamped = np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))
    assert clamped[-1] == 1000.0 and math.isclose(clamped[0], -alpha)
    body = text("relu-family")
    assert "**nor overflow along the way**" in body
    assert "computes $e^{1000} = \\infty$ in the branch it discards, so it fails" in body


def test_the_learning_rate_folded_into_v_moves_theta_alike_but_returns_another_v() -> None:
    # with a constant lr the sum form and both folded forms give the same theta at every
    # step, while their velocities differ by the factor lr (and a sign for the CS231n form)
    rng = np.random.default_rng(29)
    grads = rng.standard_normal((5, 3))
    lr, beta = 0.05, 0.9
    theta_sum, theta_cs, theta_sk = (np.zeros(3) for _ in range(3))
    v_sum, v_cs, v_sk = (np.zeros(3) for _ in range(3))
    for g in grads:
        v_sum = beta * v_sum + g
        theta_sum = theta_sum - lr * v_sum
        v_cs = beta * v_cs - lr * g
        theta_cs = theta_cs + v_cs
        v_sk = beta * v_sk + lr * g
        theta_sk = theta_sk - v_sk
    assert np.allclose(theta_sum, theta_cs) and np.allclose(theta_sum, theta_sk)
    assert np.allclose(v_cs, -lr * v_sum) and np.allclose(v_sk, lr * v_sum)
    assert not np.allclose(v_sk, v_sum)
    body = text("momentum-step")
    assert "**The velocity is the sum form's too.**" in body
    assert "so they fail on `v`" in body


# Thirtieth round


def test_sutskever_et_al_write_the_velocity_with_minus_the_learning_rate() -> None:
    """Sutskever et al. (2013), eq. 1 and 2: v <- mu v - eps grad, theta <- theta + v. The
    +lr form with theta - v is PyTorch's notes' rendering of it, the same steps with v
    negated; the card and the grader's hints named that mirror image as the paper's form
    (the hints are pinned by tests/data/answers/momentum-step/wrong_*_in_velocity.py)."""
    rng = np.random.default_rng(30)
    mu, eps = 0.9, 0.05
    theta_paper, theta_mirror = np.zeros(3), np.zeros(3)
    v_paper, v_mirror = np.zeros(3), np.zeros(3)
    for g in rng.standard_normal((6, 3)):
        v_paper = mu * v_paper - eps * g  # eq. 1
        theta_paper = theta_paper + v_paper  # eq. 2
        v_mirror = mu * v_mirror + eps * g
        theta_mirror = theta_mirror - v_mirror
    assert np.allclose(theta_paper, theta_mirror) and np.allclose(v_paper, -v_mirror)
    body = text("momentum-step")
    assert "$\\theta_t = \\theta_{t-1} - v_t$ (Sutskever et al.)" not in body
    assert "Sutskever et al.'s equations 1 and 2" in body
    assert "how PyTorch's SGD notes describe Sutskever et al." in body


def test_weight_initialization_works_its_example_on_fans_no_numeric_card_asks() -> None:
    # he-vs-xavier-variance and xavier-uniform-limit ask about n_in = 256, n_out = 128; the
    # concept taught before them worked those fans out (2/256 and 2/384), so its example now
    # takes a square layer, where Xavier's variance is exactly half He's
    n = 512
    assert math.isclose((2 / n) / (2 / (n + n)), 2.0)
    body = text("weight-initialization")
    assert "$n_{in} = 256$" not in body and "2/384" not in body
    assert "$n_{in} = n_{out} = 512$" in body and "exactly half" in body
    for card_id in ("he-vs-xavier-variance", "xavier-uniform-limit"):
        assert "$n_{in} = 256$" in text(card_id)


def test_vanishing_gradient_asks_for_the_mirror_image_it_grades() -> None:
    # a key point grades "the mirror image is exploding gradients, where clipping helps":
    # the question asks for it, so a complete answer to the question gets every point
    c = card("vanishing-gradient")
    assert isinstance(c.front, ConceptFront)
    assert any("mirror image is exploding" in point for point in c.front.key_points)
    assert "what its mirror image is" in c.sections["Question"].text


def running_mean(batch_means: list[float], *, new_weight: float) -> float:
    """The running mean after the batches, each step giving the new batch `new_weight`."""
    run = 0.0
    for mean in batch_means:
        run = (1 - new_weight) * run + new_weight * mean
    return run


def test_batch_norms_momentum_is_the_new_batchs_weight_in_pytorch_and_the_old_in_keras() -> None:
    # PyTorch: running = (1 - momentum) * running + momentum * batch, default 0.1;
    # Keras: running = momentum * running + (1 - momentum) * batch, default 0.99. The
    # same average is PyTorch's 0.1 and Keras's 0.9; PyTorch's 0.1 read as Keras's gives
    # the last batch 90% of the weight
    means = [float(m) for m in np.random.default_rng(32).standard_normal(50)]
    pytorch_default = running_mean(means, new_weight=0.1)
    keras_momentum_0_9 = running_mean(means, new_weight=1 - 0.9)
    assert math.isclose(pytorch_default, keras_momentum_0_9)
    last_only = running_mean([0.0] * 49 + [1.0], new_weight=1 - 0.1)
    assert math.isclose(last_only, 0.9)
    body = text("batchnorm-inference")
    assert "PyTorch's `momentum=0.1` is the weight of the new batch" in body
    assert "Keras's `momentum` (default 0.99) is the weight the old average keeps" in body
    assert "gives the last batch 90% of the weight" in body
    assert "so the same average is its `momentum=0.9`" in text("batch-normalization")
    for card_id in ("batchnorm-inference", "batch-normalization"):
        assert "Keras BatchNormalization docs (momentum)" in card(card_id).front.source


def gelu(x: float) -> float:
    """x times the standard normal CDF at x."""
    return x * 0.5 * (1 + math.erf(x / math.sqrt(2)))


def gelu_tanh(x: float) -> float:
    """Hendrycks and Gimpel's tanh approximation of GELU."""
    return 0.5 * x * (1 + math.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))


def test_gelu_at_minus_one_accepts_the_exact_and_tanh_forms_and_no_slip() -> None:
    # the exact value and the tanh approximation both pass; ReLU's 0, the value at +1
    # negated, the dropped sign and the sigmoid approximation x * sigma(1.702 x) do not
    front = card("gelu-negative-input").front
    assert isinstance(front, NumericFront)
    assert math.isclose(front.answer, gelu(-1.0), abs_tol=1e-6)
    assert front.check_numeric(gelu(-1.0)).correct and front.check_numeric(gelu_tanh(-1.0)).correct
    sigmoid_approx = -1.0 / (1 + math.exp(1.702))
    for slip in (0.0, -gelu(1.0), -gelu(-1.0), sigmoid_approx):
        assert not front.check_numeric(slip).correct, slip
    xs = np.linspace(-10, 10, 20001)
    exact, approx = np.array([gelu(x) for x in xs]), np.array([gelu_tanh(x) for x in xs])
    assert 4e-4 < np.abs(exact - approx).max() < 5e-4  # "at most about 5e-4 anywhere"
    cruder = xs / (1 + np.exp(-1.702 * xs))
    assert 0.019 < np.abs(exact - cruder).max() < 0.021  # "off by up to 0.02"
    lowest = int(exact.argmin())
    assert math.isclose(exact[lowest], -0.170, abs_tol=5e-4) and abs(xs[lowest] + 0.75) < 0.01
    assert math.isclose(-1.0 / (1 + math.e), -0.2689, abs_tol=1e-4)  # SiLU at -1
    body = text("gelu-negative-input")
    for claim in ("$-0.15881$", "a minimum of about $-0.170$ near $x = -0.75$", "$-0.1542$"):
        assert claim in body
    assert "JAX's `jax.nn.gelu` uses the tanh form unless `approximate=False`" in body
    assert "**GELU** $x \\Phi(x)$ ($\\Phi$ the normal CDF; GPT, BERT)" in text("relu-vs-sigmoid")


def test_the_two_layer_task_names_the_grader_cases_a_naive_softmax_fails() -> None:
    # the checker shifts every logit by LOGIT_OFFSET through b2 and zeroes some z1 entries;
    # the Task listed neither, so an unshifted np.exp met an unannounced overflow
    cases = TwoLayerChecker().make_cases(np.random.default_rng(0), {})
    shifted = [c for c in cases if np.all(c.inputs["args"][2]["b2"] > LOGIT_OFFSET / 2)]
    assert shifted, "the checker no longer has its large-logit case: update the Task"
    z1 = [
        c.inputs["args"][2]["W1"] @ c.inputs["args"][0] + c.inputs["args"][2]["b1"] for c in cases
    ]
    assert any(np.any(z == 0.0) for z in z1)
    task = card("two-layer-backprop").sections["Task"].text
    assert f"logits near {LOGIT_OFFSET:g}" in task
    assert "overflows an unshifted `np.exp`" in task
    assert "$Z^{[1]}$ has exact zeros" in task


def test_the_linear_scaling_intuition_says_which_step_is_k_times_larger() -> None:
    # k steps of lr on batches of B move the weights lr * sum of k mean gradients; one step
    # of lr on the batch of kB moves them lr * their mean: k times less, so it needs k * lr
    rng = np.random.default_rng(1)
    grads = rng.normal(size=(4, 3))  # k = 4 mini-batch mean gradients, held fixed
    lr = 0.1
    small_steps = lr * grads.sum(axis=0)
    one_large = lr * grads.mean(axis=0)
    assert np.allclose(small_steps, 4 * one_large)
    body = text("linear-scaling-rule")
    assert "add up to about $k$ times the single-step update" not in body
    assert "so the large batch needs rate $k \\alpha$ to keep pace" in body


# Fortieth round


def test_decay_revives_a_dead_relu_only_through_a_positive_undecayed_bias() -> None:
    # a first-layer unit on non-negative inputs, dead because w . x < -b for every x; plain
    # SGD with L2 on w alone (the loss gives no gradient) shrinks w, so z tends to b
    x = np.array([[0.2, 1.0, 0.5], [0.9, 0.1, 0.4]])  # two features, three examples
    w0, lr, lam = np.array([-3.0, -2.0]), 0.1, 0.5

    def alive_after(b: float, decay_bias: bool, steps: int = 2000) -> bool:
        w, bias = w0.copy(), b
        assert np.all(w @ x + bias < 0)  # dead at the start
        for _ in range(steps):
            w = w * (1 - lr * lam)
            bias = bias * (1 - lr * lam) if decay_bias else bias
        return bool(np.any(w @ x + bias > 0))

    assert alive_after(0.3, decay_bias=False)
    assert not alive_after(0.3, decay_bias=True)  # z keeps its sign: scaled by one factor
    assert not alive_after(-0.3, decay_bias=False)
    assert (
        "one with $b > 0$ (dead because its weighted inputs outweighed it) slowly comes back"
        in text("dead-relu")
    )
    assert "a unit with $b \\le 0$ stays dead" in text("dead-relu")
    assert "while a positive bias is left undecayed" in text("relu-family")
    assert "unless a positive bias is left undecayed while decay shrinks the weights" in text(
        "relu-vs-sigmoid"
    )


def test_he_init_from_the_fan_out_changes_the_forward_scale_by_a_constant_not_with_depth() -> None:
    """weight-initialization gave He's 2/n_in as the rule; He et al. (sec. 2.2) show that
    the backward condition (fan-out) serves as well: against the fan-in rule, the forward
    signal of a deep ReLU net then differs by one factor, sqrt(first fan-in / last
    fan-out), whatever the depth, where Xavier's average loses sqrt(2) per equal layer.
    ReLU is positively homogeneous, so with the same draws the factors are exact."""
    rng = np.random.default_rng(42)
    x = rng.standard_normal((64, 50))

    def outputs(widths: list[int]) -> dict[str, np.ndarray]:
        draws = [rng.standard_normal((o, i)) for i, o in itertools.pairwise(widths)]
        out = {}
        for name in ("fan_in", "fan_out", "xavier"):
            a = x
            for w in draws:
                o, i = w.shape
                var = {"fan_in": 2.0 / i, "fan_out": 2.0 / o, "xavier": 2.0 / (i + o)}[name]
                a = np.maximum(w * math.sqrt(var) @ a, 0.0)
            out[name] = a
        return out

    for equal_layers in (5, 25):
        widths = [64, 128, 256, 96, *[128] * equal_layers, 32]
        a = outputs(widths)
        assert np.allclose(a["fan_out"], a["fan_in"] * math.sqrt(64 / 32))  # depth-free
        xavier = math.prod(math.sqrt(i / (i + o)) for i, o in itertools.pairwise(widths))
        assert np.allclose(a["xavier"], a["fan_in"] * xavier)
        assert xavier < 2.0 ** (-equal_layers / 2)  # exponential in depth
    body = text("weight-initialization")
    assert "He et al. use the fan-in or the fan-out without averaging" in body
    assert "`mode='fan_in'`" in body and "`'fan_out'`" in body


def test_relu_is_outside_cybenko_and_hornik_but_two_relus_make_a_sigmoidal_ramp() -> None:
    """universal-approximation listed Hornik 1991 beside Cybenko as if both covered ReLU;
    Cybenko's theorem is for sigmoidal and Hornik's for bounded activations, ReLU is
    neither, and Leshno et al. 1993 cover it (non-polynomial). A difference of two ReLUs
    is a bounded sigmoidal ramp, which is how the older theorems reach ReLU networks."""
    x = np.linspace(-50.0, 50.0, 10001)
    relu = np.maximum(x, 0.0)
    ramp = relu - np.maximum(x - 1.0, 0.0)
    assert relu.max() == 50.0  # unbounded: grows with the interval
    assert ramp.min() == 0.0 and ramp.max() == 1.0 and np.all(np.diff(ramp) >= 0)
    body = text("universal-approximation")
    assert "Cybenko 1989 for sigmoids, Hornik 1991;" not in body
    assert "Hornik (1991) for any continuous, bounded, non-constant one" in body
    assert "neither covers the unbounded ReLU directly" in body
    assert "Nonpolynomial Activation Function" in card("universal-approximation").front.source


def test_drop_last_is_told_with_its_reasons_and_the_8k_limit_with_its_recipe() -> None:
    """The training cards told "keep the last partial batch" as the rule; drop_last is the
    right call for fixed shapes and for batch norm, which a batch of one leaves with
    nothing to average (every output is beta). Goyal et al.'s 8k limit is their recipe's:
    LARS (You et al. 2017) trained ResNet-50 with batches of 32k, by their abstract without
    loss in accuracy; nothing read says it was Goyal et al.'s ResNet-50 recipe."""
    m, batch = 50000, 128
    assert m % batch == 80 and math.ceil(m / batch) == 391
    X, gamma, beta = np.array([[3.0], [-2.0]]), np.ones((2, 1)), np.array([[0.5], [-0.5]])
    out, _ = batchnorm_forward(X, gamma, beta, 1e-5)
    assert np.allclose(out, beta)  # one example: the input is erased
    count = text("mini-batch-count")
    assert "Dropping is the right call in two cases" in count
    assert "nn.BatchNorm1d" in card("mini-batch-count").front.source
    assert "or drop it where shapes or batch norm require" in text("mini-batch-gradient-descent")
    assert "keep the last partial batch, unless shapes or batch norm" in text(
        "mini-batch-gradient-descent"
    )
    scaling = text("linear-scaling-rule")
    assert "You et al. 2017 report training ResNet-50 with batches of 32k" in scaling
    assert "the same ResNet-50" not in scaling


def test_ngs_norm_ratio_and_cs231ns_per_entry_error_grade_on_different_scales() -> None:
    """relative-difference-threshold cited CS231n beside Ng for one scale of cut-offs; the
    two measure different things (a ratio of whole-gradient norms, or each entry's gap
    over its larger magnitude), and one wrong small entry shows how far apart they fall."""

    def ratios(small: float) -> tuple[float, float]:
        """The norm ratio and the largest per-entry error when the small entry is 20% off."""
        analytic = np.array([100.0, -50.0, small])
        numeric = np.array([100.0, -50.0, 1.2 * small])  # the small entry is 20% off: a real bug
        norm_ratio = np.linalg.norm(numeric - analytic) / (
            np.linalg.norm(numeric) + np.linalg.norm(analytic)
        )
        gaps = np.abs(numeric - analytic) / np.maximum(np.abs(numeric), np.abs(analytic))
        return float(norm_ratio), float(np.max(gaps))

    rest = float(np.linalg.norm([100.0, -50.0]))
    norm_ratio, per_entry = ratios(rest / 1e7)  # "ten million times smaller"
    assert 0.9e-8 < norm_ratio < 1.1e-8 and per_entry > 1e-1  # Ng's scale passes, CS231n's fails
    at_the_line, _ = ratios(rest / 1e6)  # a million times smaller sits on the 1e-7 line itself
    assert abs(at_the_line - 1e-7) < 1e-10
    method = text("gradient-checking-method")
    assert "one norm over all parameters lets large gradients hide a wrong small one" in method
    assert (
        "ten million times smaller than the rest and 20% off gives $r \\approx 10^{-8}$" in method
    )
    body = text("relative-difference-threshold")
    assert "These cut-offs are Ng's, for this ratio of whole-gradient norms" in body
    assert "above $10^{-2}$ probably wrong, below $10^{-4}$ acceptable only with kinks" in body
    assert "their per-entry relative error" in card("relative-difference-threshold").front.source


def test_the_sigmoids_quarter_is_one_factor_of_the_vanishing_gradient_not_all_of_it() -> None:
    """sigmoid-derivative-bound called the 1/4 bound "the root" of vanishing gradients; each
    layer's factor is the weight times sigma', so small weights shrink the gradient on
    their own and a weight above 4 more than offsets the quarter at z = 0."""
    s0 = 0.5 * (1 - 0.5)  # sigma'(0), the largest value
    assert s0 == 0.25
    assert 8.0 * s0 > 1.0 and 0.5 * 1.0 < 1.0  # a large weight grows it; a small one shrinks
    body = text("sigmoid-derivative-bound")
    assert "the root of the vanishing gradient problem" not in body
    assert "one root of the vanishing gradient problem, not all of it" in body


def test_batch_norms_learnable_count_names_the_switches_that_change_it() -> None:
    """batchnorm-parameter-count gave 128 learnable and 128 stored numbers for 64 features;
    PyTorch's affine=False and track_running_stats=False remove each half, the second
    making inference normalize with the batch's own statistics (as training does)."""
    X, gamma, beta = np.array([[1.0, 3.0], [2.0, -2.0]]), np.ones((2, 1)), np.zeros((2, 1))
    out, _ = batchnorm_forward(X, gamma, beta, 1e-5)
    assert np.allclose(out.mean(axis=1), 0.0)  # batch statistics, whatever the mode
    body = text("batchnorm-parameter-count")
    assert "`affine=False` leaves out $\\gamma$ and $\\beta$ (0 learnable parameters)" in body
    assert "normalizes with each batch's own statistics at inference too" in body


def test_a_first_layer_dead_relu_can_meet_a_new_input_under_augmentation() -> None:
    """dead-relu called a first-layer dead unit dead for good because its inputs are "the
    fixed training data"; augmented inputs are new each epoch, and a shifted copy of an
    example can bring z above 0 where every original example kept it below."""
    w, b = np.array([1.0, -1.0]), -0.5
    data = np.array([[0.0, 0.0], [1.0, 1.0], [0.2, 0.0]])
    assert np.all(data @ w + b < 0)  # dead on the training set
    shifted = data + np.array([0.6, 0.0])  # an augmented copy (a translation)
    assert np.any(shifted @ w + b > 0)
    body = text("dead-relu")
    assert "the inputs are the fixed training data" not in body
    assert "unless random augmentation or input noise happens to produce an input" in body
    assert "(never, in the first hidden layer)" not in text("relu-family")
    assert "or augmentation produces an activating input" in text("relu-vs-sigmoid")


def test_finite_difference_rounding_grows_with_the_size_of_f() -> None:
    """central-vs-forward-difference wrote the rounding error as (machine epsilon)/eps; each
    value of f is rounded relative to its size, so a constant added to f (which changes no
    derivative) raises the error of both quotients by about that factor."""
    x, eps = 0.3, 1e-7

    def errors(offset: float) -> tuple[float, float]:
        """Errors of the forward and central quotients of offset + sin at x."""

        def f(t: float) -> float:
            return offset + math.sin(t)

        forward = (f(x + eps) - f(x)) / eps
        central = (f(x + eps) - f(x - eps)) / (2 * eps)
        return abs(forward - math.cos(x)), abs(central - math.cos(x))

    small, large = errors(0.0), errors(1e6)
    assert large[0] > 1e3 * small[0] and large[1] > 1e3 * small[1]
    assert large[1] > 1e-5  # about 1e-16 * 1e6 / 1e-7 = 1e-3: rounding, not truncation
    body = text("central-vs-forward-difference")
    assert "(machine epsilon) $\\times \\frac{|f(x)|}{\\epsilon}$" in body
    assert "$2P$ against $P + 1$ for $P$ parameters" in body


def test_allclose_defaults_are_too_loose_for_a_gradient_check_at_both_ends() -> None:
    """gradient-check called np.allclose "too loose for large gradients and too strict for
    small ones"; with its defaults it is too loose at both ends, which the relative
    difference catches."""
    large = np.array([1e3, -2e3])
    off = large * (1 + 5e-6)
    assert np.allclose(off, large)
    rel = np.linalg.norm(off - large) / (np.linalg.norm(off) + np.linalg.norm(large))
    assert abs(rel - 2.5e-6) < 1e-9 and rel > 25 * 1e-7 * 0.99
    tiny, wrong = np.array([1e-10]), np.array([5e-9])  # 50 times the true value
    assert np.allclose(wrong, tiny)
    assert gradient_check(lambda v: float(1e-10 * v[0]), lambda v: wrong, np.zeros(1))[0] is False
    body = text("gradient-check")
    assert "too strict for small ones" not in body
    assert "a relative difference of $2.5 \\cdot 10^{-6}$, 25 times the $10^{-7}$ mark" in body


def test_a_denominator_guard_is_harmless_only_far_above_its_size() -> None:
    """gradient-check said a 1e-8 guard in the denominator "changes nothing measurable
    otherwise"; that holds for the grader's gradients of ordinary size, while on gradients
    whose norms add up to 1e-8 it halves rel_diff."""

    def rel(num: np.ndarray, ana: np.ndarray, guard: float) -> float:
        """The drill's relative difference with `guard` added to its denominator."""
        norms = np.linalg.norm(num) + np.linalg.norm(ana)
        return float(np.linalg.norm(num - ana) / (norms + guard))

    ordinary = np.array([0.8, -1.3]), np.array([0.8, -1.3 * (1 + 1e-4)])
    assert abs(rel(*ordinary, 1e-8) / rel(*ordinary, 0.0) - 1) < 1e-7  # nothing measurable
    tiny = np.array([0.6e-8]), np.array([0.4e-8])  # norms add up to 1e-8
    assert abs(rel(*tiny, 1e-8) / rel(*tiny, 0.0) - 0.5) < 1e-12
    body = text("gradient-check")
    assert "changes nothing measurable otherwise" not in body
    assert "where the two norms add up to $10^{-8}$ it halves `rel_diff`" in body


def test_softmax_ce_moves_the_true_logit_by_what_it_misses() -> None:
    """softmax-ce-gradient said descent moves the logits "by amounts proportional to the
    predicted probabilities"; the true class's logit moves by 1 - y_hat (0.3 here), not by
    its probability 0.7, and each other logit by its own probability."""
    z = np.log(np.array([0.7, 0.2, 0.1]))
    y = np.array([1.0, 0.0, 0.0])

    def loss(logits: np.ndarray) -> float:
        """Cross-entropy of softmax(logits) against y."""
        shifted = logits - logits.max()
        return float(-(y * (shifted - np.log(np.exp(shifted).sum()))).sum())

    step = 1e-6
    grad = np.array([(loss(z + step * e) - loss(z - step * e)) / (2 * step) for e in np.eye(3)])
    assert np.allclose(grad, [-0.3, 0.2, 0.1], atol=1e-8)
    body = text("softmax-ce-gradient")
    assert "by amounts proportional to the predicted probabilities" not in body
    assert "in proportion to $1 - \\hat{y}_1 = 0.3$" in body


def test_a_central_difference_across_a_relu_kink_blends_the_two_slopes() -> None:
    """gradient-checking-method called the estimate at a kink "meaningless" and
    backprop-derivation said it "averages two slopes"; it is a blend of the slopes 0 and 1
    weighted by where the kink falls in [z - eps, z + eps], 1/2 only when z is exactly 0."""
    eps = 1e-5

    def central(z: float) -> float:
        """The central difference of ReLU at z."""
        return (max(z + eps, 0.0) - max(z - eps, 0.0)) / (2 * eps)

    assert central(0.0) == 0.5
    assert abs(central(0.5 * eps) - 0.75) < 1e-9  # the kink a quarter of the way in
    assert abs(central(-0.5 * eps) - 0.25) < 1e-9
    assert abs(central(2 * eps) - 1.0) < 1e-9 and central(-2 * eps) == 0.0  # no kink crossed
    assert "blend of the two one-sided slopes, weighted by where the kink falls" in text(
        "gradient-checking-method"
    )
    assert "blends the two slopes, weighted by where the kink falls" in text("backprop-derivation")


def test_an_elementwise_activation_on_a_gpu_waits_on_memory_not_on_its_exponential() -> None:
    """relu-vs-sigmoid put the sigmoid's cost in its exponential; an elementwise layer
    reads and writes 8 bytes (float32) per value, and even a generous count of 20 flops
    for the sigmoid sits far below the flops per byte a GPU needs to be compute-bound
    (A100 datasheet: 19.5 TFLOP/s float32 against 1555 GB/s of HBM2), so both activations
    run at the speed of memory and the exponential is a small gain."""
    bytes_moved = 4 + 4  # one float32 read, one written
    ridge = 19.5e12 / 1555e9  # flops per byte where the A100 stops being memory-bound
    for flops in (1, 20):  # a comparison; an exponential, a sum and a division, generously
        assert flops / bytes_moved < ridge / 4
    body = text("relu-vs-sigmoid")
    assert "| a comparison (cheap) |" not in body
    assert "though on GPUs both are bound by memory traffic" in body
    front = card("relu-vs-sigmoid").front
    assert isinstance(front, ConceptFront)
    assert not any("ReLU is cheap" in point for point in front.key_points)
    assert any("where memory traffic dominates both" in point for point in front.key_points)


def test_batch_norm_s_backward_removes_most_of_the_rescaling_part_as_layer_norm_s_says() -> None:
    """batchnorm said its third term "removes the part that would only rescale the batch";
    layernorm, the same algebra over the other axis, said "most of": the share left along
    x_hat is eps / (sigma^2 + eps), zero only for eps = 0. The two now say the same."""
    rng = np.random.default_rng(44)
    X = rng.normal(size=(1, 6)) * 0.05  # variance about 0.0025, near eps
    dout = rng.normal(size=(1, 6))
    gamma, beta = np.ones((1, 1)), np.zeros((1, 1))
    for eps in (1e-3, 0.0):
        _, cache = batchnorm_forward(X, gamma, beta, eps=eps)
        dX, _, _ = batchnorm_backward(dout, cache)
        var = X.var()
        x_hat = (X - X.mean()) / np.sqrt(var + eps)
        left = float((dX * x_hat).sum())
        whole = float((dout * x_hat).sum()) / np.sqrt(var + eps)
        assert math.isclose(left, eps / (var + eps) * whole, rel_tol=1e-9, abs_tol=1e-12)
    body = text("batchnorm")
    assert "the third removes the part that would only rescale the batch" not in body
    assert "the third removes most of the part that would only rescale the batch" in body
    assert "The third removes most of the part that would only rescale" in text("layernorm")


def sutskever_momentum(t: int, mu_max: float) -> float:
    """Sutskever et al. 2013's schedule as the card writes it, computed from its formula."""
    return min(1 - 2 ** (-1 - math.log2(t // 250 + 1)), mu_max)


def test_sutskever_s_momentum_passes_0_99_and_the_card_says_where_it_stops() -> None:
    """momentum-terminal-velocity said Sutskever et al. raised momentum "that far" (0.99):
    their schedule climbs in stages of 250 updates as 1 - 1/(2k) and is capped at mu_max,
    which they tried at 0.999 as well, where the steady-state velocity is 1000 g."""
    first = {
        mu_max: next(
            t for t in range(0, 10**6, 250) if sutskever_momentum(t, 1.0) >= mu_max - 1e-12
        )
        for mu_max in (0.99, 0.999)
    }
    assert first == {0.99: 12250, 0.999: 124750}
    assert [round(sutskever_momentum(t, 0.99), 4) for t in (0, 250, 500, 10**6)] == [
        0.5,
        0.75,
        0.8333,
        0.99,
    ]
    for k in range(1, 600):
        assert math.isclose(sutskever_momentum((k - 1) * 250, 1.0), 1 - 1 / (2 * k))
    # the sum convention's velocity on a constant gradient: g (1 - beta^t) / (1 - beta)
    for beta, limit in ((0.9, 10), (0.99, 100), (0.999, 1000)):
        v = 0.0
        for _ in range(20_000):
            v = beta * v + 1.0
        assert math.isclose(v, limit, rel_tol=1e-6)
    body = text("momentum-terminal-velocity")
    assert "raised it that far" not in body
    assert "0.99 only from $t = 12250$ (stage 50)" in body
    assert "at 0.999 the steady-state multiple is 1000" in body
    assert "0.999, 0.995, 0.99, 0.9 and 0" in card("momentum-terminal-velocity").front.source


def test_a_bias_before_batch_norm_changes_no_output_and_gets_no_gradient() -> None:
    """batchnorm-parameter-count said the preceding layer's biases are redundant "since beta
    shifts the output anyway"; the reason is the mean subtraction: it removes the bias, so
    the output ignores it and its gradient, the batch sum of dX, is 0."""
    rng = np.random.default_rng(53)
    Z = rng.normal(size=(4, 8))
    bias = rng.normal(size=(4, 1)) * 5
    gamma, beta = rng.normal(size=(4, 1)), rng.normal(size=(4, 1))
    out, cache = batchnorm_forward(Z, gamma, beta)
    shifted, _ = batchnorm_forward(Z + bias, gamma, beta)
    assert np.allclose(out, shifted, rtol=0, atol=1e-12)
    dX, _, _ = batchnorm_backward(rng.normal(size=(4, 8)), cache)
    assert np.allclose(dX.sum(axis=1), 0.0, rtol=0, atol=1e-12)
    body = text("batchnorm-parameter-count")
    assert "Since $\\beta$ shifts the output anyway" not in body
    assert "subtracting the batch mean removes any constant added to a feature" in body


def _tent_layers(x: np.ndarray, k: int) -> np.ndarray:
    """The tent map 2 ReLU(h) - 4 ReLU(h - 1/2) stacked k times: two ReLU units per layer."""
    h = x
    for _ in range(k):
        h = 2 * np.maximum(0.0, h) - 4 * np.maximum(0.0, h - 0.5)
    return h


def _pieces(x: np.ndarray, y: np.ndarray) -> int:
    """Maximal runs of one slope between consecutive grid points (exact on a dyadic grid)."""
    slopes = np.diff(y) / np.diff(x)
    return 1 + int(np.count_nonzero(slopes[1:] != slopes[:-1]))


def test_stacked_tent_layers_give_a_sawtooth_of_2_to_the_k_pieces() -> None:
    for k in range(1, 8):
        x = np.arange(2 ** (k + 3) + 1) / 2 ** (k + 3)  # dyadic, so every value is exact
        y = _tent_layers(x, k)
        assert y.min() == 0.0 and y.max() == 1.0  # [0, 1] onto itself, so it can be stacked
        assert _pieces(x, y) == 2**k
    body = text("relu-linear-pieces")
    assert "a sawtooth of $2^L$ pieces on $[0, 1]$" in body
    assert "at least $2^L - 1$ units, one per kink" in body
    assert "Depth changes the count: composing layers" not in body


def test_relu_linear_pieces_says_what_each_paper_proves() -> None:
    body = text("relu-linear-pieces")
    # Montufar et al.: constructions, so lower bounds on the maximum count.
    assert "lower bounds on the maximum, reached by weights chosen for the purpose" in body
    # Telgarsky: a separation for approximation, proved by counting, with its sizes.
    assert "separation for approximation rather than for counting" not in body
    assert "proves a separation for approximation, by counting" in body
    assert "$\\Theta(m^3)$ layers of $\\Theta(1)$ nodes" in body
    assert "$O(m)$ layers approximates unless it has $\\Omega(2^m)$ nodes" in body
    source = card("relu-linear-pieces").front.source
    assert "Telgarsky, Benefits of Depth in Neural Networks (COLT 2016)" in source


def test_gradient_check_cost_states_the_cheap_gradient_result() -> None:
    calls = 0

    def loss(x: np.ndarray) -> float:
        nonlocal calls
        calls += 1
        return float(np.sum(x * x))

    for p in (10, 100, 1000):
        calls = 0
        numerical_gradient(loss, np.zeros(p))
        assert calls == 2 * p  # grows with P, unlike reverse mode's constant
    body = text("gradient-check-cost")
    assert "a couple of forward passes" not in body
    assert "at most a small constant multiple of one loss evaluation" in body
    assert "does not grow with the number of parameters $P$" in body
    assert "the numerical gradient's $2P$ evaluations" in body
    assert (
        "Griewank and Walther, Evaluating Derivatives" in card("gradient-check-cost").front.source
    )


def _crossings(y: np.ndarray) -> int:
    """Telgarsky's crossing number: the intervals on which y >= 1/2 keeps one value."""
    above = y >= 0.5
    return 1 + int(np.count_nonzero(above[1:] != above[:-1]))


def test_telgarskys_tent_and_theorem_1_1_as_the_cards_give_them() -> None:
    """universal-approximation credited Telgarsky 2016 with the sawtooth's piece count and
    stopped there; his theorem 1.1 is an approximation bound. Its proof's numbers: the tent
    stacked k times splits [0, 1] into 2^k + 1 runs on either side of 1/2 (corollary 3.14),
    a network of l layers and m ReLU units has at most 2 (2m/l)^l (lemma 3.3), and with
    2^(k^3 + 4) + 1 runs against at most 2^(k^3 + 2) the average error is at least 1/64."""
    for k in range(1, 8):
        # offset from the dyadic points where the tent touches 1/2, so no sample sits on it
        x = (np.arange(2 ** (k + 4)) + 0.5) / 2 ** (k + 4)
        assert _crossings(_tent_layers(x, k)) == 2**k + 1
    for k in (1, 2, 3):
        deep, shallow = 2 ** (k**3 + 4) + 1, 2 ** (k**3 + 2)
        bound = (1 - 2 * shallow / deep) / 32  # lemma 3.1, with 1/16 of mass per run
        assert 1 / 64 <= bound < 1.1 / 64
        # the shallow side: k layers of at most 2^k ReLU units stay within 2^(k^3 + 2) runs
        m = 2**k
        assert 2 * (2 * m / k) ** k <= 4 * m ** (k**2) <= 2 ** (k**3 + 2)
    body = text("universal-approximation")
    assert "$2m^3 + 8$ layers and $3m^3 + 12$ nodes" in body
    assert "misses by at least $\\frac{1}{64}$ in average absolute error" in body
    assert "sawtooth of $2^L$ pieces on $[0, 1]$ (Telgarsky 2016, sec. 3.3, lemma 3.17)" in body
    assert "gives a sawtooth with $2^L$ linear pieces from $O(L)$ ReLU units" not in body
    pieces = text("relu-linear-pieces")
    assert "at most $2(2n/l)^l$ intervals" in pieces
    assert "needs $2^L + 1$ such intervals (his corollary 3.14)" in pieces


def test_sutskevers_runs_reach_the_0_999_cap_a_sixth_of_the_way_through() -> None:
    """Each of Sutskever et al.'s autoencoder runs was 750,000 updates (their sec. 3)."""
    first = next(t for t in range(0, 750_000, 250) if sutskever_momentum(t, 1.0) >= 0.999 - 1e-12)
    assert first == 124_750
    assert abs(first / 750_000 - 1 / 6) < 0.001
    assert sutskever_momentum(749_999, 0.999) == 0.999
    body = text("momentum-terminal-velocity")
    assert "a sixth of the way through each run's 750,000 updates" in body
    assert "sec. 3, eq. 5" in card("momentum-terminal-velocity").front.source


def test_the_gradient_check_costs_hundreds_of_gradients_at_baydins_constant() -> None:
    """Baydin et al. sec. 3.2: reverse mode's gradient costs c times the function's operations,
    c < 6 and typically 2 to 3. The check's 2P = 2000 evaluations are then 667 to 1000
    gradients at the typical c, and at least 333 at the guaranteed bound: hundreds."""
    checks = 2 * 1000
    typical = [checks / c for c in (2.0, 2.5, 3.0)]
    assert all(600 < r <= 1000 for r in typical)
    assert checks / 6 > 300
    body = text("gradient-check-cost")
    assert "under 6 times its operations and typically 2 to 3 times" in body
    assert "the check costs hundreds of times the gradient it checks" in body
    assert "sec. 3.2" in card("gradient-check-cost").front.source
