# expect: failed | count - 1, as the unbiased variance's derivative would
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=1, keepdims=True)
    var = X.var(axis=1, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv_std
    return gamma * x_hat + beta, (X, mu, var, inv_std, x_hat, gamma, eps)


def batchnorm_backward(dout, cache):
    X, mu, var, inv_std, x_hat, gamma, eps = cache
    m = dout.shape[1]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    dx_hat = dout * gamma
    dvar = np.sum(dx_hat * (X - mu) * -0.5 * inv_std**3, axis=1, keepdims=True)
    dmu = np.sum(-dx_hat * inv_std, axis=1, keepdims=True)
    # d var / dX taken from the unbiased variance, 2 (x - mu) / (m - 1)
    dX = dx_hat * inv_std + dvar * 2 * (X - mu) / (m - 1) + dmu / m
    return dX, dgamma, dbeta
