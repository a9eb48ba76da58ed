"""Facts an interviewer corrected in the thirty-fourth round, and the numbers every card shares.

A convention that one library names and another reverses (a loss that takes logits or
probabilities, a `clipnorm` that is not global, a variance that is unbiased by default, a
momentum with the rate folded in, an axis order) turns a ported model into another one
without an error. Each test computes the difference with the reference engine where it has
the function, then checks that the card says it. The last tests read every bundled card: a
quantity several cards state (Adam's defaults, batch norm's momentum, GELU's tanh
constant, attention's divisor) must come back with the same value in each.
"""

from __future__ import annotations

import math
import re

import numpy as np

from engine.arch.attention import scaled_dot_product_attention
from engine.deep.clipping import clip_grad_norm
from engine.deep.layernorm import layernorm_forward
from engine.deep.losses import bce_with_logits
from engine.nn.activations import leaky_relu, relu
from engine.nn.batchnorm import batchnorm_forward
from engine.nn.dropout import dropout_forward
from engine.nn.optim import adam_step, momentum_step
from tests.bank.bundled import BANK, card, text

KERAS_EPSILON = 1e-7  # keras.config.epsilon(), the clip of its probability losses


def test_leaky_relus_default_slope_is_thirty_times_larger_in_a_keras_layer() -> None:
    z = np.array([-2.0, -0.5, 1.0])
    pytorch, keras_layer, keras_function = (leaky_relu(z, a) for a in (0.01, 0.3, 0.2))
    np.testing.assert_allclose(keras_layer[:2] / pytorch[:2], 30.0)
    np.testing.assert_allclose(keras_function[:2] / pytorch[:2], 20.0)
    assert pytorch[2] == keras_layer[2] == 1.0  # the positive side hides the difference
    body = text("dead-relu")
    assert "Keras's `LeakyReLU` layer uses 0.3" in body
    assert "`tf.nn.leaky_relu` and Keras's `leaky_relu` function 0.2" in body
    assert "20 to 30 times its negative slope" in body
    assert "Keras LeakyReLU layer (negative_slope=0.3)" in card("dead-relu").front.source


def test_a_keras_prelu_starts_as_a_plain_relu() -> None:
    z = np.array([-2.0, 3.0])
    np.testing.assert_array_equal(leaky_relu(z, 0.0), relu(z))  # Keras: alpha starts at 0
    np.testing.assert_allclose(leaky_relu(z, 0.25), [-0.5, 3.0])  # He et al., PyTorch
    body = text("dead-relu")
    assert "PReLU's learned slope starts at 0.25 in He et al. and PyTorch's `nn.PReLU`" in body
    assert "but at 0 in Keras's `PReLU`, a plain ReLU" in body
    assert "alpha_initializer='Zeros'" in card("dead-relu").front.source


def _clip_each(grads: list[np.ndarray], max_norm: float) -> list[np.ndarray]:
    """Keras's `clipnorm`: every variable's gradient clipped against max_norm on its own."""
    return [g * min(1.0, max_norm / float(np.linalg.norm(g))) for g in grads]


def test_kerass_clipnorm_clips_each_variable_and_turns_the_update() -> None:
    grads = [np.array([6.0, 0.0]), np.array([0.0, 8.0])]
    clipped, total = clip_grad_norm(grads, 5.0)
    assert total == 10.0
    assert [float(np.linalg.norm(g)) for g in clipped] == [3.0, 4.0]
    each = _clip_each(grads, 5.0)
    assert [float(np.linalg.norm(g)) for g in each] == [5.0, 5.0]
    before, after = np.concatenate(grads), np.concatenate(each)
    cosine = float(before @ after / (np.linalg.norm(before) * np.linalg.norm(after)))
    assert cosine < 0.99  # global clipping keeps the direction (cosine 1); this turns it
    body = text("clip-grad-norm")
    assert "the `clipnorm` argument of a Keras optimizer clips each variable's gradient" in body
    assert "`global_clipnorm` is this drill's global form" in body
    assert "become 3 and 4 globally" in body and "but 5 and 5 with `clipnorm`" in body
    assert "global_clipnorm" in card("clip-grad-norm").front.source
    choice = text("clip-norm-vs-value")
    assert "It is what a Keras optimizer's `clipnorm` argument does" in choice
    assert "global_clipnorm" in card("clip-norm-vs-value").front.source


def _keras_bce_on_probabilities(p: float, y: float) -> float:
    """Keras's binary cross-entropy with from_logits=False: its input clipped, then logged."""
    q = min(max(p, KERAS_EPSILON), 1.0 - KERAS_EPSILON)
    return -(y * math.log(q) + (1.0 - y) * math.log(1.0 - q))


def test_a_logit_fed_to_a_loss_that_takes_probabilities_gets_no_gradient() -> None:
    h = 1e-4
    for z in (-3.0, 2.0):  # wrong and right, both outside [1e-7, 1 - 1e-7]
        slope = (
            _keras_bce_on_probabilities(z + h, 1.0) - _keras_bce_on_probabilities(z - h, 1.0)
        ) / (2 * h)
        assert slope == 0.0
    inside = (
        _keras_bce_on_probabilities(0.5 + h, 1.0) - _keras_bce_on_probabilities(0.5 - h, 1.0)
    ) / (2 * h)
    assert math.isclose(inside, -2.0, rel_tol=1e-6)  # -1/p: a logit in (0, 1) still moves
    _, from_logits = bce_with_logits(np.array([-3.0]), np.array([1.0]))
    assert math.isclose(float(from_logits[0]), 1 / (1 + math.exp(3.0)) - 1.0)  # about -0.95
    assert math.isclose(_keras_bce_on_probabilities(-3.0, 1.0), -math.log(KERAS_EPSILON))
    sv = card("sigmoid-vs-softmax-outputs")
    body = text("sigmoid-vs-softmax-outputs")
    assert "Framework losses like CrossEntropyLoss and BCEWithLogitsLoss expect logits" not in body
    assert "BCELoss, and Keras's losses unless from_logits=True, take probabilities" in body
    assert "unless given `from_logits=True`" in body
    assert "any negative one and any above 1, gets a gradient of exactly 0" in body
    assert "from_logits=False by default" in sv.front.source


def test_torchs_default_variance_shrinks_a_hand_written_batch_norm() -> None:
    gamma, beta = np.ones((1, 1)), np.zeros((1, 1))
    for m, shown in ((2, 0.71), (32, 0.98)):
        x = np.random.default_rng(34).standard_normal((1, m))
        biased, _ = batchnorm_forward(x, gamma, beta, eps=0.0)
        unbiased = (x - x.mean()) / x.std(ddof=1)  # torch.var's correction=1
        ratio = float(unbiased[0, 0] / biased[0, 0])
        assert math.isclose(ratio, math.sqrt((m - 1) / m)) and round(ratio, 2) == shown
    body = text("batchnorm")
    assert "PyTorch's `torch.var` is unbiased by default: pass `correction=0`" in body
    assert "0.71 for a batch of 2, 0.98 for 32" in body
    assert "torch.var documentation (correction=1 by default)" in card("batchnorm").front.source
    token = np.array([[1.0], [-1.0], [2.0], [0.5]])
    ones, zeros = np.ones((4, 1)), np.zeros((4, 1))
    normed, _ = layernorm_forward(token, ones, zeros, eps=0.0)
    torch_default = (token - token.mean()) / token.std(ddof=1)
    assert round(float(torch_default[0, 0] / normed[0, 0]), 2) == 0.87
    assert "0.87 for 4" in text("layernorm")


def _keras_sgd(velocity: float, grad: float, lr: float, beta: float) -> tuple[float, float]:
    """Keras's SGD: the rate folded into the velocity, which the weights then follow."""
    velocity = beta * velocity - lr * grad
    return velocity, -velocity  # (new velocity, size of the step taken)


def test_kerass_momentum_feels_a_learning_rate_drop_later_than_pytorchs() -> None:
    beta, g = 0.9, np.array([1.0])
    theta, v, keras_v = np.zeros(1), np.zeros(1), 0.0
    for _ in range(400):  # a steady gradient at rate 0.1: both step by g
        theta, v = momentum_step(theta, g, v, 0.1, beta)
        keras_v, keras_step = _keras_sgd(keras_v, 1.0, 0.1, beta)
    assert math.isclose(keras_step, 1.0) and math.isclose(0.1 * float(v[0]), 1.0)
    before = float(theta[0])
    theta, v = momentum_step(theta, g, v, 0.01, beta)  # the schedule drops the rate
    _, keras_step = _keras_sgd(keras_v, 1.0, 0.01, beta)
    pytorch_step = before - float(theta[0])
    assert math.isclose(pytorch_step, 0.1) and math.isclose(keras_step, 0.91)
    assert round(keras_step / pytorch_step, 1) == 9.1
    body = text("momentum-step")
    assert "Keras's `SGD` uses that folded form" in body
    assert "$0.01 \\times 10 g = 0.1 g$" in body and "$0.9 g + 0.01 g = 0.91 g$" in body
    assert (
        "velocity = momentum * velocity - learning_rate * g" in card("momentum-step").front.source
    )


def _attend_over_axis_zero(x: np.ndarray) -> np.ndarray:
    """Self-attention that takes axis 0 as the sequence, as batch_first=False does."""
    swapped = np.swapaxes(x, 0, 1)  # (batch, seq, d) read as (seq, batch, d)
    out, _ = scaled_dot_product_attention(swapped, swapped, swapped)
    return np.swapaxes(out, 0, 1)


def test_a_batch_first_tensor_given_to_a_sequence_first_layer_mixes_the_examples() -> None:
    rng = np.random.default_rng(34)
    x = rng.standard_normal((2, 3, 4))  # (batch, sequence, embedding)
    other = x.copy()
    other[1] += 1.0  # change the second example only
    right, _ = scaled_dot_product_attention(x, x, x)
    right_other, _ = scaled_dot_product_attention(other, other, other)
    np.testing.assert_array_equal(right[0], right_other[0])  # example 0 sees only itself
    wrong, wrong_other = _attend_over_axis_zero(x), _attend_over_axis_zero(other)
    assert wrong.shape == right.shape  # nothing fails on the shape
    assert not np.allclose(wrong[0], wrong_other[0])  # example 0 now reads example 1
    body = text("multi-head-attention")
    assert "expects (sequence, batch, embedding) unless built with `batch_first=True`" in body
    assert "attend across the examples of the batch" in body
    assert "batch_first=False" in card("multi-head-attention").front.source
    assert "(time, batch, features) unless built with `batch_first=True`" in text("lstm-cell")
    assert "batch_first=False" in card("lstm-cell").front.source


def _keras_adam_first_step(g: float, lr: float, beta1: float, beta2: float) -> float:
    """Keras's Adam at t = 1: the corrections in the rate, epsilon on the uncorrected root."""
    m, v = (1 - beta1) * g, (1 - beta2) * g * g
    alpha = lr * math.sqrt(1 - beta2) / (1 - beta1)
    return alpha * m / (math.sqrt(v) + KERAS_EPSILON)


def test_adams_epsilon_is_the_papers_in_every_card_that_gives_the_defaults() -> None:
    g, lr, b1, b2 = 1e-6, 1e-3, 0.9, 0.999
    keras = _keras_adam_first_step(g, lr, b1, b2)
    as_paper_eps = KERAS_EPSILON / math.sqrt(1 - b2)  # Keras's epsilon in algorithm 1's place
    zeros = np.zeros(1)
    same, _, _ = adam_step(zeros, np.array([g]), zeros, zeros, 1, lr, b1, b2, as_paper_eps)
    assert math.isclose(keras, -float(same[0]), rel_tol=1e-12)
    assert f"{as_paper_eps:.1e}" == "3.2e-06" and round(as_paper_eps / 1e-8) == 316
    paper, _, _ = adam_step(zeros, np.array([g]), zeros, zeros, 1, lr, b1, b2, 1e-8)
    assert -float(paper[0]) > 3 * keras  # a small gradient's first step, 0.99 lr against 0.24
    stating = [
        c.id
        for c in BANK.cards
        if "\\epsilon = 10^{-8}" in text(c.id) and "default" in text(c.id).lower()
    ]
    assert {"sgd-momentum-adam", "adagrad-rmsprop-adam"} <= set(stating)
    for card_id in stating:
        assert "10^{-7}" in text(card_id), f"{card_id} gives 1e-8 as the default, not Keras's"
    assert "Keras's `epsilon` is $10^{-7}$, on the uncorrected root" in text("sgd-momentum-adam")


def test_batch_norms_momentum_is_given_with_both_conventions_wherever_it_is_given() -> None:
    stating = [c.id for c in BANK.cards if "momentum=0.1" in text(c.id)]
    assert {"batch-normalization", "batchnorm-inference"} <= set(stating)
    for card_id in stating:
        body = text(card_id)
        assert "Keras" in body and ("momentum=0.9" in body or "0.99" in body), card_id


def test_geluss_tanh_constant_and_attentions_divisor_are_the_same_in_every_card() -> None:
    constants, divisors = [], []
    for c in BANK.cards:
        body = text(c.id)
        for constant in re.findall(r"0\.0447\d*", body):
            constants.append((c.id, constant))
            assert "\\sqrt{2/\\pi}" in body, c.id
        # the scores are divided by the root of the key size; only the muP remark divides by d_k
        for divisor in re.findall(
            r"\\frac\{Q_?h? ?K_?h?\^T\}\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}", body
        ):
            divisors.append((c.id, divisor))
    assert constants and all(constant == "0.044715" for _, constant in constants), constants
    assert len(divisors) >= 3, divisors  # attention-scaling, attention, multi-head-attention
    assert all(divisor.startswith("\\sqrt{d_") for _, divisor in divisors), divisors


def test_a_functional_dropout_left_at_its_default_keeps_dropping_at_inference() -> None:
    a = np.ones((4, 50))
    first, _ = dropout_forward(a, 0.8, np.random.default_rng(1))
    second, _ = dropout_forward(a, 0.8, np.random.default_rng(2))
    assert not np.array_equal(first, second)  # F.dropout(x, 0.2): training=True by default
    assert set(np.unique(first)) <= {0.0, 1.25}  # dropped, or rescaled by 1/0.8
    body = text("inverted-dropout-inference")
    assert "the functional `F.dropout` defaults to `training=True`" in body
    assert "without passing `training=self.training` keeps dropping" in body
    assert "training=True by default" in card("inverted-dropout-inference").front.source


def test_a_keras_model_called_without_training_true_never_normalizes_by_its_batch() -> None:
    x = np.random.default_rng(34).normal(5.0, 3.0, size=(1, 64))
    gamma, beta = np.ones((1, 1)), np.zeros((1, 1))
    trained, _ = batchnorm_forward(x, gamma, beta, eps=1e-3)
    # training=False by default: Keras's first moving statistics, mean 0 and variance 1
    inference = (x - 0.0) / np.sqrt(1.0 + 1e-3)
    assert abs(float(trained.mean())) < 1e-12 and math.isclose(
        float(trained.std()), 1, rel_tol=1e-3
    )
    assert float(inference.mean()) > 3.0  # the mean of 5 goes through: nothing was normalized
    body = text("batchnorm-inference")
    assert "forgets PyTorch's `model.eval()`. Keras has the mirror image" in body
    assert "runs in inference mode unless given `training=True`" in body
    assert "training=False is the default" in card("batchnorm-inference").front.source


def _adagrad_first_step(g: float, lr: float, r0: float) -> float:
    """AdaGrad's first step from an accumulator that starts at r0."""
    return lr * g / math.sqrt(r0 + g * g)


def test_kerass_adagrad_starts_its_sum_at_a_tenth_and_its_first_steps_are_small() -> None:
    pytorch, keras = (_adagrad_first_step(0.01, 1.0, r0) for r0 in (0.0, 0.1))
    assert math.isclose(pytorch, 1.0) and round(keras, 2) == 0.03
    body = text("adagrad-long-run")
    assert "0 in PyTorch's `Adagrad`, 0.1 in Keras's (`initial_accumulator_value`)" in body
    assert "\\approx 0.03 \\alpha$ where PyTorch's is $\\alpha$" in body
    assert "initial_accumulator_value=0.1" in card("adagrad-long-run").front.source


def test_rmsprops_default_decay_is_named_with_its_framework_in_every_card_that_gives_it() -> None:
    for rho, window in ((0.9, 10), (0.99, 100)):
        weights = [(1 - rho) * rho**k for k in range(window)]
        assert math.isclose(sum(weights), 1 - rho**window)  # the last 1/(1 - rho) steps
        assert round(1 / (1 - rho)) == window
    body = text("adagrad-rmsprop-adam")
    assert "10 at $\\rho = 0.9$, Hinton's value and Keras's default" in body
    assert "100 at PyTorch's default of 0.99" in body
    stating = [c.id for c in BANK.cards if "PyTorch" in text(c.id) and "RMSprop" in text(c.id)]
    for card_id in stating:
        said = text(card_id)
        if "alpha=0.99" in said or "default of 0.99" in said or "defaults to 0.99" in said:
            assert "0.9" in said.replace("0.99", ""), card_id  # Keras's rho beside it
    assert {"adagrad-rmsprop-adam", "rmsprop-first-step-size"} <= set(stating)
