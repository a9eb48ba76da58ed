"""A correct solution for the two-layer-backprop drill."""

import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    """Forward (ReLU hidden, softmax output, mean cross-entropy) and backward pass."""
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]

    Z1 = W1 @ X + b1
    A1 = np.maximum(Z1, 0.0)
    Z2 = W2 @ A1 + b2

    shifted = Z2 - Z2.max(axis=0, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=0, keepdims=True))
    Y_hat = np.exp(log_probs)
    loss = float(-np.sum(Y * log_probs) / m)

    dZ2 = (Y_hat - Y) / m
    dW2 = dZ2 @ A1.T
    db2 = dZ2.sum(axis=1, keepdims=True)
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (Z1 > 0)
    dW1 = dZ1 @ X.T
    db1 = dZ1.sum(axis=1, keepdims=True)
    return loss, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
