# expect: failed | the mean and variance are of the whole batch
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    """Mean and variance over every entry (no axis): one mu and sigma for the whole batch."""
    mu = X.mean()
    var = X.var()
    x_hat = (X - mu) / np.sqrt(var + eps)
    return gamma * x_hat + beta, (x_hat, gamma, var, eps)


def layernorm_backward(dout, cache):
    x_hat, gamma, var, eps = cache
    N = x_hat.size
    dx_hat = dout * gamma
    dX = (dx_hat - dx_hat.mean() - x_hat * (dx_hat * x_hat).mean()) / np.sqrt(var + eps)
    del N
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
