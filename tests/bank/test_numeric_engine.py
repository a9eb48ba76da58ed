"""A numeric card whose number a drill's reference engine computes agrees with that engine.

The card and the drill are written apart: a schedule's off-by-one, a label-smoothing
convention or a momentum convention changed in one and not the other would teach one
answer and grade another. Each case below runs the engine on the card's own inputs and
asks the card's grader (its answer and tolerance) whether the engine's number passes; each
function below is named after the card whose number it computes. A parameter count is the
number of entries of the parameter gradients the drill's backward pass returns, so a card
and its drill agree on which parameters there are (one bias per LSTM gate; a norm's gain
and shift, not its running averages).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from engine.arch.conv import conv2d_backward, conv2d_forward
from engine.arch.pooling import maxpool_forward
from engine.arch.recurrent import lstm_cell_backward, lstm_cell_forward
from engine.deep.clipping import clip_grad_norm
from engine.deep.layernorm import layernorm_backward, layernorm_forward
from engine.deep.losses import bce_with_logits, smoothed_cross_entropy
from engine.deep.optim import adamw_step, rmsprop_step
from engine.deep.regularization import l2_penalty_and_grads
from engine.deep.schedules import warmup_cosine_lr
from engine.nn.activations import sigmoid_grad
from engine.nn.batchnorm import batchnorm_backward, batchnorm_forward
from engine.nn.dropout import dropout_forward
from engine.nn.gradcheck import numerical_gradient
from engine.nn.init import he_variance, xavier_variance
from engine.nn.minibatch import random_mini_batches
from engine.nn.optim import adam_step, momentum_step, sgd_step
from quiz.bank.models import NumericFront
from tests.bank.bundled import card


def one(x: float) -> np.ndarray:
    """A (1, 1) float64 array holding x, the shape the drills' column convention takes."""
    return np.full((1, 1), x)


def warmup_first_rate() -> float:
    return warmup_cosine_lr(0, 3e-4, 10, 100)


def cosine_third_of_way() -> float:
    return warmup_cosine_lr(100, 0.1, 0, 300)


def adamw_shrink_per_step() -> float:
    # a zero gradient leaves Adam's step at 0, so the new weight is PyTorch's decay factor
    # alone; the paper's form shrinks by 1 - lambda (eta_t = 1), so lambda is what is lost
    theta, _, _ = adamw_step(one(1.0), one(0.0), one(0.0), one(0.0), 1, lr=1e-3, weight_decay=0.1)
    return 1.0 - float(theta[0, 0])


def sgd_l2_decay_factor() -> float:
    # m = 1: the penalty lam/2 ||w||^2 of the card; no data gradient
    w = one(1.0)
    _, grads = l2_penalty_and_grads({"W1": w}, 0.004, 1)
    return float(sgd_step(w, grads["W1"], 0.05)[0, 0])


def clipped_array_norm() -> float:
    clipped, _ = clip_grad_norm([np.array([3.0, 0.0]), np.array([0.0, 4.0])], 1.0)
    return float(np.linalg.norm(clipped[0]))


def label_smoothing_true_class() -> float:
    # with equal logits softmax is 1/c, and the gradient (softmax - q)/m gives q back
    c, logits = 10, np.zeros((10, 1))
    _, dlogits = smoothed_cross_entropy(logits, np.array([3]), 0.1)
    return float(1 / c - dlogits[3, 0])


def bce_at_zero_logit() -> float:
    loss, _ = bce_with_logits(np.array([0.0]), np.array([1.0]))
    return loss


def softmax_ce_gradient() -> float:
    logits = np.log(np.array([[0.7], [0.2], [0.1]]))
    _, dlogits = smoothed_cross_entropy(logits, np.array([0]), 0.0)
    return float(dlogits[0, 0])


def sigmoid_derivative_bound() -> float:
    return float(sigmoid_grad(np.zeros(1))[0])


def dropout_scaling() -> float:
    out, mask = dropout_forward(np.full((4, 4), 3.0), 0.8, np.random.default_rng(32))
    assert mask.any()
    return float(out[mask][0])


def momentum_terminal_velocity() -> float:
    theta, v = one(0.0), one(0.0)
    for _ in range(5000):  # 0.99**5000 is 1.5e-22 of the way from the limit
        theta, v = momentum_step(theta, one(1.0), v, 1e-3, beta=0.99)
    return float(v[0, 0])


def he_vs_xavier_variance() -> float:
    return he_variance(256, 128) / xavier_variance(256, 128)


def xavier_uniform_limit() -> float:
    return float(np.sqrt(3 * xavier_variance(256, 128)))


def last_mini_batch_size() -> float:
    X = np.arange(60000.0).reshape(1, -1)
    batches = random_mini_batches(X, X, 256, np.random.default_rng(32))
    return int(batches[-1][0].shape[1])


def mini_batch_count() -> float:
    X = np.arange(50000.0).reshape(1, -1)
    return len(random_mini_batches(X, X, 128, np.random.default_rng(32)))


def conv_output_size() -> float:
    x, w = np.zeros((1, 1, 227, 227)), np.zeros((1, 1, 11, 11))
    return int(conv2d_forward(x, w, np.zeros(1), stride=4).shape[-1])


def pool_output_size() -> float:
    return int(maxpool_forward(np.zeros((1, 1, 7, 7)), size=3, stride=2).shape[2])


def receptive_field(layers: Callable[[np.ndarray], np.ndarray], width: int) -> int:
    """How many input columns of one row reach the middle unit of the last layer's middle
    row: a 1 at that column (zeros elsewhere) through all-ones kernels and max pooling
    reaches the unit exactly when the column is in its receptive field."""
    out = layers(np.zeros((1, 1, width, width)))
    row, col = out.shape[2] // 2, out.shape[3] // 2
    seen = 0
    for j in range(width):
        x = np.zeros((1, 1, width, width))
        x[0, 0, width // 2, j] = 1.0
        seen += int(layers(x)[0, 0, row, col] > 0)
    return seen


def conv3(x: np.ndarray) -> np.ndarray:
    return conv2d_forward(x, np.ones((1, 1, 3, 3)), np.zeros(1))


def receptive_field_stack() -> float:
    # the card asks how many layers see 11 pixels: count the layers until the field is 11
    def stack(n: int) -> Callable[[np.ndarray], np.ndarray]:
        def layers(x: np.ndarray) -> np.ndarray:
            for _ in range(n):
                x = conv3(x)
            return x

        return layers

    return next(n for n in range(1, 10) if receptive_field(stack(n), 24) >= 11)


def receptive_field_with_pooling() -> float:
    def layers(x: np.ndarray) -> np.ndarray:
        return conv3(maxpool_forward(conv3(x), size=2, stride=2))

    return receptive_field(layers, 24)


def rmsprop_first_step_size() -> float:
    theta, _ = rmsprop_step(one(0.0), one(5.0), one(0.0), lr=0.01, rho=0.99, eps=1e-8)
    return abs(float(theta[0, 0]))


def adam_uncorrected_first_step() -> float:
    # the engine's Adam returns its moments uncorrected: the card's step divides those
    _, m, v = adam_step(one(0.0), one(2.0), one(0.0), one(0.0), 1)
    return float(1e-3 * m[0, 0] / (np.sqrt(v[0, 0]) + 1e-8))


def sigmoid_gradient_depth() -> float:
    return float(np.prod(sigmoid_grad(np.zeros(10))))


def gradient_check_cost() -> float:
    calls = 0

    def loss(x: np.ndarray) -> float:
        nonlocal calls
        calls += 1
        return float(np.sum(x * x))

    numerical_gradient(loss, np.zeros(1000))
    return calls


def trained_entries(*grads: np.ndarray) -> int:
    """How many numbers a backward pass trains: the entries of its parameter gradients."""
    return sum(g.size for g in grads)


def lstm_parameter_count() -> float:
    d, n = 100, 256
    h, _, cache = lstm_cell_forward(
        np.zeros((d, 1)),
        np.zeros((n, 1)),
        np.zeros((n, 1)),
        np.zeros((4 * n, n + d)),
        np.zeros((4 * n, 1)),
    )
    _, _, _, dW, db = lstm_cell_backward(np.ones_like(h), np.zeros_like(h), cache)
    return trained_entries(dW, db)


def layernorm_param_count() -> float:
    # GPT-2 small: two layer norms in each of 12 pre-norm blocks, and one after the last
    out, cache = layernorm_forward(np.ones((768, 2)), np.ones((768, 1)), np.zeros((768, 1)))
    _, dgamma, dbeta = layernorm_backward(np.ones_like(out), cache)
    return (2 * 12 + 1) * trained_entries(dgamma, dbeta)


def batchnorm_parameter_count() -> float:
    out, cache = batchnorm_forward(np.ones((64, 4)), np.ones((64, 1)), np.zeros((64, 1)))
    _, dgamma, dbeta = batchnorm_backward(np.ones_like(out), cache)
    return trained_entries(dgamma, dbeta)


def conv_gradients(c_in: int, c_out: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(dw, db) of a k x k "same" convolution on a small map: the count does not depend on
    the map's size, which is the weight sharing the cards teach."""
    x, w, b = np.ones((1, c_in, 4, 4)), np.zeros((c_out, c_in, k, k)), np.zeros(c_out)
    pad = (k - 1) // 2
    out = conv2d_forward(x, w, b, pad=pad)
    _, dw, db = conv2d_backward(np.ones_like(out), x, w, b, pad=pad)
    return dw, db


def conv_parameter_count() -> float:
    return trained_entries(*conv_gradients(64, 128, 3))


def bottleneck_parameters() -> float:
    # the card leaves biases (and batch norm) out: the three kernels' weights only
    layers = [(256, 64, 1), (64, 64, 3), (64, 256, 1)]
    return trained_entries(*(conv_gradients(c_in, c_out, k)[0] for c_in, c_out, k in layers))


ENGINE: dict[str, Callable[[], float]] = {
    "warmup-first-rate": warmup_first_rate,
    "cosine-third-of-way": cosine_third_of_way,
    "adamw-shrink-per-step": adamw_shrink_per_step,
    "sgd-l2-decay-factor": sgd_l2_decay_factor,
    "clipped-array-norm": clipped_array_norm,
    "label-smoothing-true-class": label_smoothing_true_class,
    "bce-at-zero-logit": bce_at_zero_logit,
    "softmax-ce-gradient": softmax_ce_gradient,
    "sigmoid-derivative-bound": sigmoid_derivative_bound,
    "dropout-scaling": dropout_scaling,
    "momentum-terminal-velocity": momentum_terminal_velocity,
    "he-vs-xavier-variance": he_vs_xavier_variance,
    "xavier-uniform-limit": xavier_uniform_limit,
    "last-mini-batch-size": last_mini_batch_size,
    "mini-batch-count": mini_batch_count,
    "conv-output-size": conv_output_size,
    "pool-output-size": pool_output_size,
    "receptive-field-stack": receptive_field_stack,
    "receptive-field-with-pooling": receptive_field_with_pooling,
    "rmsprop-first-step-size": rmsprop_first_step_size,
    "adam-uncorrected-first-step": adam_uncorrected_first_step,
    "sigmoid-gradient-depth": sigmoid_gradient_depth,
    "gradient-check-cost": gradient_check_cost,
    "lstm-parameter-count": lstm_parameter_count,
    "layernorm-param-count": layernorm_param_count,
    "batchnorm-parameter-count": batchnorm_parameter_count,
    "conv-parameter-count": conv_parameter_count,
    "bottleneck-parameters": bottleneck_parameters,
}


@pytest.mark.parametrize("card_id", sorted(ENGINE))
def test_the_engine_computes_the_cards_answer(card_id: str) -> None:
    front = card(card_id).front
    assert isinstance(front, NumericFront), card_id
    computed = float(ENGINE[card_id]())
    assert front.check_numeric(computed).correct, (card_id, front.answer, computed)


@pytest.mark.parametrize(
    ("card_id", "other_convention"),
    [
        ("warmup-first-rate", 3e-4 * 0 / 10),  # step / warmup_steps: step 0 trains at 0
        ("label-smoothing-true-class", 1 - 0.1),  # s spread over the c - 1 wrong classes
        ("momentum-terminal-velocity", 1.0),  # the moving average, beta v + (1 - beta) g
        ("mini-batch-count", 50000 // 128),  # the partial last batch dropped
        ("rmsprop-first-step-size", 0.01 / np.sqrt(0.1)),  # Keras's rho = 0.9
        ("adam-uncorrected-first-step", 1e-3),  # Adam with its bias correction
        ("gradient-check-cost", 1000 + 1),  # forward differences
        ("lstm-parameter-count", 365568 + 4 * 256),  # PyTorch's b_ih and b_hh
        ("layernorm-param-count", 2 * 12 * 1536),  # the final layer norm forgotten
        ("layernorm-param-count", 25 * 768),  # RMSNorm: the gain alone
        ("batchnorm-parameter-count", 4 * 64),  # the running averages counted too
        ("conv-parameter-count", 128 * 64 * 9),  # the biases left out
    ],
)
def test_the_other_conventions_number_fails_the_card(card_id: str, other_convention: float) -> None:
    # the engine pins one convention; a tolerance loose enough to take the other's number
    # would let the card and the drill disagree unseen
    front = card(card_id).front
    assert isinstance(front, NumericFront)
    assert not front.check_numeric(other_convention).correct
