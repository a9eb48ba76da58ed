# expect: passed | passed
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = (params[k] for k in ("W1", "b1", "W2", "b2"))
    m = X.shape[1]
    h = W1 @ X + b1
    a = np.where(h > 0, h, 0.0)
    s = W2 @ a + b2
    log_p = s - s.max(axis=0) - np.log(np.exp(s - s.max(axis=0)).sum(axis=0))
    loss = -(Y * log_p).sum() / m
    g2 = (np.exp(log_p) - Y) / m  # the 1/m once, here
    g1 = (W2.T @ g2) * (h > 0)
    grads = {
        "dW2": g2 @ a.T,
        "db2": g2.sum(axis=1, keepdims=True),
        "dW1": g1 @ X.T,
        "db1": g1.sum(axis=1, keepdims=True),
    }
    return float(loss), grads
