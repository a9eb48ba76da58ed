# expect: failed | dX keeps the variance term but drops the mean term
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=1, keepdims=True)
    var = X.var(axis=1, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, inv_std, gamma)


def batchnorm_backward(dout, cache):
    # the path through the variance is kept, the one through the mean is dropped
    x_hat, inv_std, gamma = cache
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    dx_hat = dout * gamma
    dX = inv_std * (dx_hat - x_hat * (dx_hat * x_hat).mean(axis=1, keepdims=True))
    return dX, dgamma, dbeta
