# expect: failed | without b1
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    z1 = W1 @ X + b1
    a1 = np.maximum(z1, 0)
    z2 = W2 @ a1 + b2
    e = np.exp(z2 - z2.max(axis=0, keepdims=True))
    p = e / e.sum(axis=0, keepdims=True)
    loss = -np.sum(Y * np.log(p)) / m
    dz2 = (p - Y) / m
    # the ReLU's mask taken from the layer's pre-activation sum, written as W1 @ X alone
    dz1 = (W2.T @ dz2) * (W1 @ X > 0)
    return loss, {
        "dW1": dz1 @ X.T,
        "db1": dz1.sum(axis=1, keepdims=True),
        "dW2": dz2 @ a1.T,
        "db2": dz2.sum(axis=1, keepdims=True),
    }
