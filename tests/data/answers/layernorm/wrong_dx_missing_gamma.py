# expect: failed | dX misses the factor gamma
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0, keepdims=True)
    var = X.var(axis=0, keepdims=True)
    x_hat = (X - mu) / np.sqrt(var + eps)
    return gamma * x_hat + beta, (x_hat, var, eps)


def layernorm_backward(dout, cache):
    x_hat, var, eps = cache
    n = dout.shape[0]
    dxh = dout  # dout * gamma: gamma was not kept in the cache and forgotten
    dX = (n * dxh - dxh.sum(axis=0, keepdims=True) - x_hat * (dxh * x_hat).sum(axis=0, keepdims=True)) / (n * np.sqrt(var + eps))
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
