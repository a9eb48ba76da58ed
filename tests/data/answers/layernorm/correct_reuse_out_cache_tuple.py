# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    n = X.shape[0]
    mu = X.sum(axis=0) / n
    d = X - mu
    var = (d * d).sum(axis=0) / n
    inv = 1.0 / np.sqrt(var + eps)
    xh = d * inv
    return gamma * xh + beta, (xh, inv, gamma)


def layernorm_backward(dout, cache):
    xh, inv, gamma = cache
    n = xh.shape[0]
    g = dout * gamma
    dX = inv / n * (n * g - g.sum(axis=0) - xh * (g * xh).sum(axis=0))
    return dX, (dout * xh).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
