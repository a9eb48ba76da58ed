# expect: failed | the mean divides the sum by
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    # off by one in the mean: the sum is divided by m - 1, as for an unbiased variance
    m = X.shape[1]
    mu = X.sum(axis=1, keepdims=True) / (m - 1)
    var = ((X - mu) ** 2).sum(axis=1, keepdims=True) / m
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, inv_std, gamma)


def batchnorm_backward(dout, cache):
    x_hat, inv_std, gamma = cache
    m = dout.shape[1]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    dx_hat = dout * gamma
    dX = inv_std / m * (m * dx_hat - dx_hat.sum(axis=1, keepdims=True)
                        - x_hat * (dx_hat * x_hat).sum(axis=1, keepdims=True))
    return dX, dgamma, dbeta
