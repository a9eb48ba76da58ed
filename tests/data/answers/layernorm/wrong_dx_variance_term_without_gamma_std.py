# expect: failed | dX's variance term misses gamma and 1/std
# the mean term scaled by inv_std, the variance term subtracted without gamma and inv_std
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0, keepdims=True)
    inv_std = 1.0 / np.sqrt(X.var(axis=0, keepdims=True) + eps)
    x_hat = (X - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, inv_std, gamma)


def layernorm_backward(dout, cache):
    x_hat, inv_std, gamma = cache
    g = dout * gamma
    dX = inv_std * (g - g.mean(axis=0, keepdims=True)) - x_hat * (dout * x_hat).mean(axis=0, keepdims=True)
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
