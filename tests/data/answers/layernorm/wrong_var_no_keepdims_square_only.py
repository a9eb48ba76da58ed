# expect: failed | fails when X's rows and columns differ
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0)
    var = X.var(axis=0)
    x_hat = (X - mu[:, None]) / np.sqrt(var[:, None] + eps)
    return gamma * x_hat + beta, (x_hat, 1.0 / np.sqrt(var[:, None] + eps), gamma)


def layernorm_backward(dout, cache):
    x_hat, inv, gamma = cache
    n = dout.shape[0]
    g = dout * gamma
    dX = inv / n * (n * g - g.sum(axis=0, keepdims=True) - x_hat * (g * x_hat).sum(axis=0, keepdims=True))
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
