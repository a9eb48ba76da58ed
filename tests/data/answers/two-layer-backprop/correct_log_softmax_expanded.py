# expect: passed | passed all
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    Z1 = np.dot(W1, X) + b1
    mask = Z1 > 0
    A1 = np.where(mask, Z1, 0.0)
    Z2 = np.dot(W2, A1) + b2
    c = np.max(Z2, axis=0)
    lse = c + np.log(np.sum(np.exp(Z2 - c), axis=0))
    loss = float(np.sum(lse * Y.sum(axis=0)) - np.sum(Y * Z2)) / m
    P = np.exp(Z2 - lse)
    dZ2 = (P * Y.sum(axis=0) - Y) / m
    dZ1 = np.dot(W2.T, dZ2) * mask
    return loss, {
        "dW1": np.dot(dZ1, X.T),
        "db1": np.sum(dZ1, axis=1, keepdims=True),
        "dW2": np.dot(dZ2, A1.T),
        "db2": np.sum(dZ2, axis=1, keepdims=True),
    }
