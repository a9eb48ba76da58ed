# expect: failed | dX keeps the variance term but drops the mean term
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0, keepdims=True)
    inv_std = 1.0 / np.sqrt(X.var(axis=0, keepdims=True) + eps)
    x_hat = (X - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, inv_std, gamma)


def layernorm_backward(dout, cache):
    # the variance's path kept, the mean's path forgotten
    x_hat, inv_std, gamma = cache
    dx_hat = dout * gamma
    dX = inv_std * (dx_hat - x_hat * (dx_hat * x_hat).mean(axis=0, keepdims=True))
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
