# expect: failed | the backward pass used eps = 1e-5
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=1, keepdims=True)
    var = X.var(axis=1, keepdims=True)
    out = gamma * (X - mu) / np.sqrt(var + eps) + beta
    return out, (X, gamma)


def batchnorm_backward(dout, cache, eps=1e-5):
    # the cache lacks eps, so the backward pass recomputes the statistics with its own default
    X, gamma = cache
    m = X.shape[1]
    mu = X.mean(axis=1, keepdims=True)
    var = X.var(axis=1, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv_std
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    dx_hat = dout * gamma
    dX = inv_std / m * (m * dx_hat - dx_hat.sum(axis=1, keepdims=True)
                        - x_hat * (dx_hat * x_hat).sum(axis=1, keepdims=True))
    return dX, dgamma, dbeta
