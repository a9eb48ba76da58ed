# expect: passed | passed
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    z1 = np.tensordot(W1, X, axes=1) + b1
    a1 = np.maximum(0.0, z1)
    z2 = np.tensordot(W2, a1, axes=1) + b2
    z2 = z2 - np.max(z2, axis=0, keepdims=True)
    p = np.exp(z2)
    p /= np.sum(p, axis=0, keepdims=True)
    loss = -np.sum(Y * z2) / m + np.sum(np.log(np.sum(np.exp(z2), axis=0))) / m
    dz2 = (p - Y) / m
    dW2 = np.tensordot(dz2, a1, axes=([1], [1]))
    db2 = dz2.sum(axis=1)[:, None]
    dz1 = np.tensordot(W2, dz2, axes=([0], [0])) * (z1 > 0)
    dW1 = np.tensordot(dz1, X, axes=([1], [1]))
    db1 = dz1.sum(axis=1)[:, None]
    return loss, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
