# expect: passed | passed all
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    Z1 = W1 @ X + b1  # a new array: clipping it in place touches no input
    active = Z1 > 0
    A1 = np.maximum(Z1, 0.0, out=Z1)  # A1 and Z1 are one buffer from here on
    Z2 = W2 @ A1 + b2
    Z2 -= Z2.max(axis=0, keepdims=True)
    log_p = Z2 - np.log(np.exp(Z2).sum(axis=0, keepdims=True))
    loss = -np.sum(Y * log_p) / m
    dZ2 = np.exp(log_p)
    dZ2 -= Y
    dZ2 /= m
    dW2 = dZ2 @ A1.T
    db2 = dZ2.sum(axis=1, keepdims=True)
    dZ1 = (W2.T @ dZ2) * active
    return float(loss), {
        "dW1": dZ1 @ X.T,
        "db1": dZ1.sum(axis=1, keepdims=True),
        "dW2": dW2,
        "db2": db2,
    }
