"""A numeric card whose number a drill's reference engine computes agrees with that engine.

The card and the drill are written apart: a schedule's off-by-one, a label-smoothing
convention or a momentum convention changed in one and not the other would teach one
answer and grade another. Each case below runs the engine on the card's own inputs and
asks the card's grader (its answer and tolerance) whether the engine's number passes; each
function below is named after the card whose number it computes.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from engine.arch.conv import conv2d_forward
from engine.arch.pooling import maxpool_forward
from engine.deep.clipping import clip_grad_norm
from engine.deep.losses import bce_with_logits, smoothed_cross_entropy
from engine.deep.optim import adamw_step
from engine.deep.regularization import l2_penalty_and_grads
from engine.deep.schedules import warmup_cosine_lr
from engine.nn.activations import sigmoid_grad
from engine.nn.dropout import dropout_forward
from engine.nn.init import he_variance, xavier_variance
from engine.nn.minibatch import random_mini_batches
from engine.nn.optim import momentum_step, sgd_step
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
    # a zero gradient leaves Adam's step at 0, so the new weight is the decay factor alone
    theta, _, _ = adamw_step(one(1.0), one(0.0), one(0.0), one(0.0), 1, lr=1e-3, weight_decay=0.1)
    return float(theta[0, 0])


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
    ],
)
def test_the_other_conventions_number_fails_the_card(card_id: str, other_convention: float) -> None:
    # the engine pins one convention; a tolerance loose enough to take the other's number
    # would let the card and the drill disagree unseen
    front = card(card_id).front
    assert isinstance(front, NumericFront)
    assert not front.check_numeric(other_convention).correct
