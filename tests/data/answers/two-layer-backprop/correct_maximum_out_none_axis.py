# expect: passed | passed all
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    Z1 = W1 @ X + b1
    A1 = np.empty_like(Z1)
    np.maximum(Z1, 0.0, out=A1)
    Z2 = W2 @ A1 + b2
    top = Z2.max(axis=0)  # (m,), broadcast with [None, :]
    shifted = Z2 - top[None, :]
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=0))[None, :]
    loss = -np.einsum("cm,cm->", Y, log_probs) / m
    dZ2 = (np.exp(log_probs) - Y) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (Z1 > 0)
    return float(loss), {
        "dW1": dZ1 @ X.T,
        "db1": dZ1.sum(axis=1)[:, None],
        "dW2": dZ2 @ A1.T,
        "db2": dZ2.sum(axis=1)[:, None],
    }
