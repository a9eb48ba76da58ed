# expect: failed | the mean was taken over the c
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    """Loss averaged with np.mean over axis 0 (the classes), then summed over examples."""
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    Z1 = W1 @ X + b1
    A1 = np.maximum(Z1, 0.0)
    Z2 = W2 @ A1 + b2
    shifted = Z2 - Z2.max(axis=0, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    loss = float(np.sum(np.mean(-Y * log_probs, axis=0)))
    dZ2 = (np.exp(log_probs) - Y) / m
    dZ1 = (W2.T @ dZ2) * (Z1 > 0)
    return loss, {
        "dW1": dZ1 @ X.T,
        "db1": dZ1.sum(axis=1, keepdims=True),
        "dW2": dZ2 @ A1.T,
        "db2": dZ2.sum(axis=1, keepdims=True),
    }
