# expect: failed | drops the variance term
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0, keepdims=True)
    var = X.var(axis=0, keepdims=True)
    inv = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv
    return gamma * x_hat + beta, (x_hat, inv, gamma)


def layernorm_backward(dout, cache):
    x_hat, inv, gamma = cache
    g = dout * gamma
    dX = inv * (g - g.mean(axis=0, keepdims=True))
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
