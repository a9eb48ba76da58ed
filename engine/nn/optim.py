"""Reference optimizer steps; each returns new arrays and never changes its inputs."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["adam_step", "adam_update", "momentum_step", "sgd_step"]

Array = NDArray[np.float64]


def sgd_step(theta: Array, grad: Array, lr: float) -> Array:
    """theta - lr * grad."""
    return theta - lr * grad


def momentum_step(
    theta: Array, grad: Array, v: Array, lr: float, beta: float = 0.9
) -> tuple[Array, Array]:
    """The sum convention, as PyTorch's SGD: v = beta * v + grad, then theta - lr * v
    (not the moving average v = beta * v + (1 - beta) * grad)."""
    v_new = beta * v + grad
    return theta - lr * v_new, v_new


def adam_update(
    grad: Array,
    m: Array,
    v: Array,
    t: int,
    lr: float,
    beta1: float,
    beta2: float,
    eps: float,
) -> tuple[Array, Array, Array]:
    """(step, m_new, v_new): the bias-corrected Adam step to subtract from theta, and the
    new uncorrected moments; t counts steps from 1. Adam and AdamW differ only in theta."""
    m_new = beta1 * m + (1.0 - beta1) * grad
    v_new = beta2 * v + (1.0 - beta2) * grad * grad
    m_hat = m_new / (1.0 - beta1**t)
    v_hat = v_new / (1.0 - beta2**t)
    return lr * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new


def adam_step(
    theta: Array,
    grad: Array,
    m: Array,
    v: Array,
    t: int,
    lr: float = 1e-3,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
) -> tuple[Array, Array, Array]:
    """One Adam step with bias correction; t counts steps from 1."""
    step, m_new, v_new = adam_update(grad, m, v, t, lr, beta1, beta2, eps)
    return theta - step, m_new, v_new
