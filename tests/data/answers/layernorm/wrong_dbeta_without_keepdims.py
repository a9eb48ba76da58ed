# expect: failed | dbeta has shape
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0)
    var = X.var(axis=0)
    x_hat = (X - mu) / np.sqrt(var + eps)
    return gamma * x_hat + beta, (x_hat, np.sqrt(var + eps), gamma)


def layernorm_backward(dout, cache):
    x_hat, std, gamma = cache
    n = x_hat.shape[0]
    g = dout * gamma
    dX = (n * g - g.sum(axis=0) - x_hat * (g * x_hat).sum(axis=0)) / (n * std)
    # reductions without keepdims: (n,) where (n, 1) is asked
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1)
