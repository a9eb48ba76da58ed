# expect: failed | unbiased variance
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    """np.var with ddof=1 (the sample variance) instead of the batch's own variance."""
    mu = X.mean(axis=1, keepdims=True)
    var = X.var(axis=1, ddof=1, keepdims=True)
    x_hat = (X - mu) / np.sqrt(var + eps)
    return gamma * x_hat + beta, (X, mu, var, gamma, eps)


def batchnorm_backward(dout, cache):
    X, mu, var, gamma, eps = cache
    m = X.shape[1]
    inv = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    dbeta = dout.sum(axis=1, keepdims=True)
    dxh = dout * gamma
    dX = inv / m * (m * dxh - dxh.sum(axis=1, keepdims=True) - x_hat * (dxh * x_hat).sum(axis=1, keepdims=True))
    return dX, dgamma, dbeta
