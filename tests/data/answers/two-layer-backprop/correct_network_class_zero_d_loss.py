# expect: passed | passed
import numpy as np


class TwoLayerNet:
    def __init__(self, params):
        self.p = params

    def __call__(self, X, Y):
        W1, b1, W2, b2 = (self.p[k] for k in ("W1", "b1", "W2", "b2"))
        m = X.shape[1]
        Z1 = W1 @ X + b1
        A1 = np.where(Z1 > 0, Z1, 0.0)
        Z2 = W2 @ A1 + b2
        top = Z2.max(axis=0, keepdims=True)
        lse = top + np.log(np.exp(Z2 - top).sum(axis=0, keepdims=True))  # by hand
        loss = np.asarray(np.sum(Y * (lse - Z2)) / m)  # a 0-d array, not a float
        dZ2 = (np.exp(Z2 - lse) - Y) / m
        dZ1 = (W2.T @ dZ2) * (Z1 > 0)
        grads = {
            "dW1": dZ1 @ X.T,
            "db1": dZ1.sum(axis=1, keepdims=True),
            "dW2": dZ2 @ A1.T,
            "db2": dZ2.sum(axis=1, keepdims=True),
        }
        return loss, grads


def two_layer_loss_and_grads(X, Y, params):
    return TwoLayerNet(params)(X, Y)
