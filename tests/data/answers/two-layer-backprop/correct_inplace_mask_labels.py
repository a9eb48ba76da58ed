# expect: passed | passed all
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    # integer labels from the one-hot Y, the gradient of the logits built in place
    m = X.shape[1]
    labels = Y.argmax(axis=0)
    cols = np.arange(m)
    z1 = params["W1"] @ X + params["b1"]
    a1 = np.maximum(z1, 0)
    z2 = params["W2"] @ a1 + params["b2"]
    z2 -= z2.max(axis=0)
    p = np.exp(z2)
    p /= p.sum(axis=0)
    loss = -np.log(p[labels, cols]).mean()
    dz2 = p
    dz2[labels, cols] -= 1.0
    dz2 /= m
    da1 = params["W2"].T @ dz2
    da1 *= z1 > 0
    return float(loss), {
        "dW1": da1 @ X.T,
        "db1": np.sum(da1, axis=1, keepdims=True),
        "dW2": dz2 @ a1.T,
        "db2": np.sum(dz2, axis=1, keepdims=True),
    }
