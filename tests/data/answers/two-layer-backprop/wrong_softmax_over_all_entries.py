# expect: failed | the softmax was normalized over every entry of Z2 at once
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    """Softmax normalized over the whole batch (no axis): one distribution for all entries."""
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    Z1 = W1 @ X + b1
    A1 = np.maximum(Z1, 0.0)
    Z2 = W2 @ A1 + b2
    e = np.exp(Z2 - Z2.max())
    Y_hat = e / e.sum()
    loss = float(-np.sum(Y * np.log(Y_hat)) / m)
    dZ2 = (Y_hat - Y) / m
    dZ1 = (W2.T @ dZ2) * (Z1 > 0)
    return loss, {"dW1": dZ1 @ X.T, "db1": dZ1.sum(axis=1, keepdims=True),
                  "dW2": dZ2 @ A1.T, "db2": dZ2.sum(axis=1, keepdims=True)}
