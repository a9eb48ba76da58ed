"""Defaults that differ between frameworks, as the cards state them (thirty-third round).

Weights moved between PyTorch, Keras and a paper's own code compute something else when a
default differs: where a norm's epsilon goes and how large it is, where a GRU applies its
reset gate, whether an LSTM starts with a forget bias. Each test computes the difference
(with the reference engine where it has the layer) and then checks that the card says it.
"""

from __future__ import annotations

import math

import numpy as np

from engine.arch.attention import scaled_dot_product_attention
from engine.deep.layernorm import layernorm_forward
from engine.deep.optim import adamw_step, rmsprop_step
from engine.nn.activations import sigmoid
from engine.nn.batchnorm import batchnorm_forward
from tests.bank.bundled import card, text


def test_rmsnorm_needs_an_epsilon_the_paper_never_wrote_and_code_places_it_differently() -> None:
    x = np.zeros(8)
    with np.errstate(divide="ignore", invalid="ignore"):
        bare = x / np.sqrt(np.mean(x**2))  # the paper's RMS, without epsilon
    assert np.isnan(bare).all()
    small = np.full(8, 1e-4)
    under_root = small / np.sqrt(np.mean(small**2) + 1e-6)
    added_to_rms = small / (np.sqrt(np.mean(small**2)) + 1e-8)
    assert not np.allclose(under_root, added_to_rms, rtol=1e-2)
    # PyTorch's eps=None: the machine epsilon of float32, and of bfloat16's 7 stored bits
    assert math.isclose(float(np.finfo(np.float32).eps), 1.2e-7, rel_tol=0.01)
    assert math.isclose(2.0**-7, 7.8e-3, rel_tol=0.01)
    body = card("rmsnorm-drops").section("Explanation")
    assert "The $\\epsilon$ is kept: a mean of squares" not in body
    assert "the paper's equation never had one" in body
    assert "`nn.RMSNorm` (since 2.4)" in body
    assert "$1.2 \\times 10^{-7}$ in float32, $7.8 \\times 10^{-3}$ in bfloat16" in body
    assert "PyTorch torch.nn.RMSNorm documentation (eps=None" in card("rmsnorm-drops").front.source
    assert "The paper's RMS has no $\\epsilon$" in text("group-norm-and-rmsnorm")


def test_batch_norms_epsilon_rescales_a_low_variance_feature_by_about_five_percent() -> None:
    row = np.array([[-0.1, 0.1, -0.1, 0.1]])  # variance 0.01
    gamma, beta = np.ones((1, 1)), np.zeros((1, 1))
    pytorch, _ = batchnorm_forward(row, gamma, beta, eps=1e-5)
    keras, _ = batchnorm_forward(row, gamma, beta, eps=1e-3)
    ratio = float(pytorch[0, 0] / keras[0, 0])
    assert math.isclose(ratio, math.sqrt(0.011 / 0.01001)) and round(ratio, 3) == 1.048
    body = text("batch-normalization")
    assert "$\\epsilon$ (e.g. $10^{-5}$)" not in body
    assert "$10^{-5}$ in PyTorch but $10^{-3}$ in Keras" in body
    assert "\\approx 1.048" in body


def test_layer_norms_epsilon_matters_most_for_a_token_whose_features_vary_little() -> None:
    gamma, beta = np.ones((4, 1)), np.zeros((4, 1))
    shifts = []
    for spread in (1.0, 0.01):
        token = spread * np.array([[-1.0], [1.0], [-1.0], [1.0]])
        bert, _ = layernorm_forward(token, gamma, beta, eps=1e-12)
        keras, _ = layernorm_forward(token, gamma, beta, eps=1e-3)
        shifts.append(float(np.max(np.abs(bert - keras))))
    assert shifts[1] > 100 * shifts[0]
    body = card("layernorm").section("Explanation")
    assert "PyTorch's `nn.LayerNorm` defaults to $10^{-5}$" in body
    assert "Keras's `LayerNormalization` to $10^{-3}$" in body
    assert "BERT was trained with $10^{-12}$" in body
    assert "BertConfig" in card("layernorm").front.source


def test_a_gru_resetting_after_the_product_is_another_cell() -> None:
    rng = np.random.default_rng(33)
    n, d = 3, 2
    h, x = rng.standard_normal((n, 1)), rng.standard_normal((d, 1))
    w_h, w_x, b_h = (
        rng.standard_normal((n, n)),
        rng.standard_normal((n, d)),
        rng.standard_normal((n, 1)),
    )
    r = sigmoid(rng.standard_normal((n, 1)))
    before = np.tanh(w_h @ (r * h) + w_x @ x + b_h)  # Cho et al., TF 1.x Keras
    after = np.tanh(r * (w_h @ h) + w_x @ x + b_h)  # cuDNN, PyTorch, TF 2 Keras
    assert not np.allclose(before, after)
    body = text("gru-vs-lstm")
    assert "since TensorFlow 2.0 (`reset_after=True`" in body
    assert "reset_after" in card("gru-vs-lstm").front.source
    assert "`reset_after=True`" in text("gru-parameter-count")
    assert "like PyTorch, add $3n$ more" in text("gru-parameter-count")


def test_a_forget_bias_set_in_both_of_pytorchs_vectors_is_two() -> None:
    assert math.isclose(float(sigmoid(np.array(1.0))), 0.73, abs_tol=0.005)
    assert math.isclose(float(sigmoid(np.array(1.0 + 1.0))), 0.88, abs_tol=0.005)
    body = text("lstm-gates")
    assert "`unit_forget_bias=True`" in body
    assert "`b_ih` and `b_hh`, to 1 gives 2" in body
    assert "Keras LSTM documentation (unit_forget_bias=True)" in card("lstm-gates").front.source


def test_keras_rmsprop_puts_epsilon_under_the_root_and_a_tiny_first_step_is_ten_times_smaller() -> (
    None
):
    lr, rho, eps, g = 1e-3, 0.9, 1e-7, np.array([1e-4])
    theta, s = rmsprop_step(np.zeros(1), g, np.zeros(1), lr=lr, rho=rho, eps=eps)
    outside = -float(theta[0])
    inside = float(lr * g[0] / np.sqrt(s[0] + eps))
    assert 9 < outside / inside < 11
    body = text("rmsprop-step")
    assert "Keras's `RMSprop` (whose `epsilon` defaults to $10^{-7}$) put it inside" in body
    assert "keras/src/optimizers/rmsprop.py" in card("rmsprop-step").front.source


def test_the_gelu_and_adam_cards_name_tensorflows_defaults() -> None:
    assert "TensorFlow's `tf.nn.gelu` and Keras's `gelu` unless `approximate=True`" in text(
        "gelu-negative-input"
    )
    assert "approximate=False by default" in card("gelu-negative-input").front.source
    # Keras's op is not its activation: keras.ops.gelu defaults to the tanh form, while
    # keras.activations.gelu (activation="gelu") is exact (forty-eighth round)
    assert 'and so does Keras\'s own `keras.ops.gelu`, unlike its `activation="gelu"`' in text(
        "gelu-negative-input"
    )
    assert "Keras keras.ops.gelu docs (approximate=True by default)" in (
        card("gelu-negative-input").front.source
    )
    assert "`epsilon` (default $10^{-7}$, not $10^{-8}$)" in text("adam-step")


def test_adamw_decays_by_default_where_adam_did_not() -> None:
    theta, _, _ = adamw_step(np.ones(1), np.zeros(1), np.zeros(1), np.zeros(1), 1)
    assert math.isclose(float(theta[0]), 1 - 1e-3 * 1e-2)  # the drill keeps PyTorch's 0.01
    assert math.isclose(float(theta[0]) ** 10_000, math.exp(-0.1), rel_tol=1e-4)  # -10% unasked
    body = text("decoupled-weight-decay")
    assert "0.01 in PyTorch's `AdamW`, 0.004 in Keras's, 0 in PyTorch's `Adam`" in body
    assert "Keras's `AdamW` multiplies by the learning rate too" in body
    assert "base_optimizer.py" in card("decoupled-weight-decay").front.source


def test_clipping_a_non_finite_norm_writes_nan() -> None:
    def pytorch_clip(grads: np.ndarray, max_norm: float) -> np.ndarray:
        total = float(np.sqrt(np.sum(grads**2)))
        return grads * min(max_norm / (total + 1e-6), 1.0)

    with np.errstate(invalid="ignore"):
        assert np.isnan(pytorch_clip(np.array([1.0, np.nan]), 1.0)).all()
        infinite = pytorch_clip(np.array([1.0, np.inf]), 1.0)
    assert infinite[0] == 0.0 and np.isnan(infinite[1])  # 0 times infinity
    body = text("clip-grad-norm")
    assert "`error_if_nonfinite=True` (the default is False)" in body
    assert "error_if_nonfinite=False" in card("clip-grad-norm").front.source


def test_norm_cards_name_flax_the_label_smoothing_version_and_frozen_batch_norm() -> None:
    assert "Flax's `LayerNorm` to $10^{-6}$" in text("layernorm")
    assert "a `CrossEntropyLoss` argument since 1.10" in text("label-smoothing")
    body = text("small-batch-normalization")
    assert "since TensorFlow 2.0, Keras's `trainable=False`" in body
    assert "until the layer is put in `eval()` mode" in body


def test_pytorchs_default_linear_init_has_a_sixth_of_hes_variance() -> None:
    fan_in, a = 512, math.sqrt(5)
    bound = math.sqrt(6 / ((1 + a**2) * fan_in))  # kaiming_uniform_(weight, a=sqrt(5))
    assert math.isclose(bound, 1 / math.sqrt(fan_in))
    variance = bound**2 / 3
    assert math.isclose(variance, 1 / (3 * fan_in))
    assert math.isclose(variance / (2 / fan_in), 1 / 6)
    body = text("weight-initialization")
    assert "variance $\\frac{1}{3 n_{in}}$, a sixth of He's" in body
    assert "Keras's `Dense` and `Conv2D` use Glorot uniform" in body
    assert "kaiming_uniform_ with a = sqrt(5)" in card("weight-initialization").front.source


def test_a_mask_passed_with_the_other_convention_attends_only_where_it_meant_to_hide() -> None:
    rng = np.random.default_rng(33)
    q, k, v = (rng.standard_normal((3, 4)) for _ in range(3))
    allowed = np.tril(np.ones((3, 3), dtype=bool))  # causal, True = may attend
    _, meant = scaled_dot_product_attention(q, k, v, allowed)
    _, inverted = scaled_dot_product_attention(q[:2], k, v, ~allowed[:2])  # row 2 has no key left
    assert np.all(meant[~allowed] == 0.0) and np.all(inverted[allowed[:2]] == 0.0)
    body = text("attention")
    assert "`nn.MultiheadAttention` take True as masked out" in body
    assert (
        "torch.nn.MultiheadAttention documentation (boolean masks)"
        in card("attention").front.source
    )


def test_a_post_norm_default_ends_in_two_layer_norms_that_look_like_one() -> None:
    # a second layer norm right after the first changes little while its gain and shift are
    # still 1 and 0, which is how the double normalization goes unnoticed
    x = np.random.default_rng(33).standard_normal((8, 3))
    gamma, beta = np.ones((8, 1)), np.zeros((8, 1))
    once, _ = layernorm_forward(x, gamma, beta)
    twice, _ = layernorm_forward(once, gamma, beta)
    np.testing.assert_allclose(twice, once, atol=1e-4)
    assert "followed directly by a second one" in text("norm-placement-claims")
    assert "norm_first=False" in card("norm-placement-claims").front.source
    assert "`norm_first=True` or `normalize_first=True`" in text("pre-norm-vs-post-norm")


def test_tensorflows_strided_same_padding_depends_on_the_input_size() -> None:
    def tf_same(size: int, kernel: int, stride: int) -> tuple[int, int]:
        """(outputs, total padding) of TensorFlow's SAME along one axis."""
        out = -(-size // stride)
        return out, max((out - 1) * stride + kernel - size, 0)

    assert tf_same(224, 3, 2) == (112, 1) and tf_same(225, 3, 2) == (113, 2)
    body = text("same-padding")
    assert "1 pixel in all for $H = 224$, 2 for $H = 225$" in body
    assert "PyTorch refuses `padding='same'` for strides above 1" in body
    assert "added in 1.9" in card("same-padding").front.source
