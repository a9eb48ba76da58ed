# expect: failed | looks like the unbiased variance (ddof=1); batch norm divides by m
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    m = X.shape[1]
    mu = X.sum(axis=1, keepdims=True) / m
    var = np.sum((X - mu) ** 2, axis=1, keepdims=True) / (m - 1)  # the sample variance
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, inv_std, gamma)


def batchnorm_backward(dout, cache):
    x_hat, inv_std, gamma = cache
    m = dout.shape[1]
    dx_hat = dout * gamma
    dX = inv_std / m * (m * dx_hat - dx_hat.sum(axis=1, keepdims=True)
                        - x_hat * (dx_hat * x_hat).sum(axis=1, keepdims=True))
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
