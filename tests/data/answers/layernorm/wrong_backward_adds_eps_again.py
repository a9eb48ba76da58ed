# expect: failed | the backward pass added eps a second time
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0, keepdims=True)
    var = X.var(axis=0, keepdims=True)
    std = np.sqrt(var + eps)
    x_hat = (X - mu) / std
    return gamma * x_hat + beta, (x_hat, std, gamma, eps)


def layernorm_backward(dout, cache):
    x_hat, std, gamma, eps = cache
    n = x_hat.shape[0]
    # recomputes the inverse deviation from the cached std, adding eps a second time
    inv = 1.0 / np.sqrt(std**2 + eps)
    dx_hat = dout * gamma
    dX = inv / n * (n * dx_hat - dx_hat.sum(axis=0, keepdims=True) - x_hat * (dx_hat * x_hat).sum(axis=0, keepdims=True))
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    dbeta = dout.sum(axis=1, keepdims=True)
    return dX, dgamma, dbeta
