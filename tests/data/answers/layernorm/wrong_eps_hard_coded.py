# expect: failed | the eps argument was ignored
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0)
    var = X.var(axis=0)
    inv = 1 / np.sqrt(var + 1e-5)
    xh = (X - mu) * inv
    return gamma * xh + beta, (xh, inv, gamma)


def layernorm_backward(dout, cache):
    xh, inv, gamma = cache
    g = dout * gamma
    dX = inv * (g - g.mean(axis=0) - xh * (g * xh).mean(axis=0))
    return dX, (dout * xh).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
