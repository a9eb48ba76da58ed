"""Reference RMSprop and AdamW steps; each returns new arrays and never changes its inputs."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from engine.nn.optim import adam_update

__all__ = ["adamw_step", "rmsprop_step"]

Array = NDArray[np.float64]


def rmsprop_step(
    theta: Array, grad: Array, s: Array, lr: float = 1e-3, rho: float = 0.9, eps: float = 1e-8
) -> tuple[Array, Array]:
    """s = rho*s + (1-rho)*grad**2, then theta - lr*grad/(sqrt(s) + eps), eps outside the root."""
    s_new = rho * s + (1.0 - rho) * grad * grad
    return theta - lr * grad / (np.sqrt(s_new) + eps), s_new


def adamw_step(
    theta: Array,
    grad: Array,
    m: Array,
    v: Array,
    t: int,
    lr: float = 1e-3,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
    weight_decay: float = 1e-2,
) -> tuple[Array, Array, Array]:
    """Adam with decoupled weight decay: theta*(1 - lr*wd) minus the bias-corrected Adam step.

    The decay never enters m or v, so Adam's per-coordinate scaling does not weaken it
    (it is multiplied by lr, as in PyTorch's AdamW).
    """
    step, m_new, v_new = adam_update(grad, m, v, t, lr, beta1, beta2, eps)
    return theta * (1.0 - lr * weight_decay) - step, m_new, v_new
