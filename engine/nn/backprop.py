"""Reference two-layer network: ReLU hidden layer, softmax output, mean cross-entropy."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from engine.nn.softmax import cross_entropy, softmax

__all__ = ["two_layer_loss", "two_layer_loss_and_grads"]

Array = NDArray[np.float64]


def two_layer_loss(X: Array, Y: Array, params: Mapping[str, Array]) -> float:
    """The loss alone (used for numerical gradients)."""
    z1 = params["W1"] @ X + params["b1"]
    a1 = np.maximum(z1, 0.0)
    z2 = params["W2"] @ a1 + params["b2"]
    return cross_entropy(softmax(z2), Y)


def two_layer_loss_and_grads(
    X: Array, Y: Array, params: Mapping[str, Array]
) -> tuple[float, dict[str, Array]]:
    """Forward then backward; every gradient carries the 1/m of the mean loss."""
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    z1 = W1 @ X + b1
    a1 = np.maximum(z1, 0.0)
    z2 = W2 @ a1 + b2
    y_hat = softmax(z2)
    loss = cross_entropy(y_hat, Y)
    dz2 = y_hat - Y
    dW2 = dz2 @ a1.T / m
    db2 = dz2.sum(axis=1, keepdims=True) / m
    da1 = W2.T @ dz2
    dz1 = da1 * (z1 > 0)
    dW1 = dz1 @ X.T / m
    db1 = dz1.sum(axis=1, keepdims=True) / m
    return loss, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
