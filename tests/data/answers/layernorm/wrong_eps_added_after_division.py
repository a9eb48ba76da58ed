# expect: failed | eps was added after the division
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    # a missing parenthesis: (X - mu) / sqrt(var) + eps adds eps to every normalized value
    mu = X.mean(axis=0, keepdims=True)
    var = X.var(axis=0, keepdims=True)
    x_hat = (X - mu) / np.sqrt(var) + eps
    return gamma * x_hat + beta, (x_hat, var, gamma)


def layernorm_backward(dout, cache):
    x_hat, var, gamma = cache
    n = x_hat.shape[0]
    inv = 1.0 / np.sqrt(var)
    dxh = dout * gamma
    dX = inv / n * (n * dxh - dxh.sum(axis=0) - x_hat * (dxh * x_hat).sum(axis=0))
    return dX, np.sum(dout * x_hat, axis=1, keepdims=True), np.sum(dout, axis=1, keepdims=True)
