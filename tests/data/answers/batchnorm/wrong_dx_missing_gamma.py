# expect: failed | dX misses the factor gamma
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=1, keepdims=True)
    var = X.var(axis=1, keepdims=True)
    x_hat = (X - mu) / np.sqrt(var + eps)
    return gamma * x_hat + beta, (x_hat, var, gamma, eps)


def batchnorm_backward(dout, cache):
    x_hat, var, gamma, eps = cache
    m = dout.shape[1]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    dx_hat = dout  # gamma forgotten: dx_hat = dout * gamma
    dX = (m * dx_hat - dx_hat.sum(axis=1, keepdims=True) - x_hat * (dx_hat * x_hat).sum(axis=1, keepdims=True)) / (m * np.sqrt(var + eps))
    return dX, dgamma, dbeta
