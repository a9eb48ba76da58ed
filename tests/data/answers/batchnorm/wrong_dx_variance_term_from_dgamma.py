# expect: failed | dX's variance term misses gamma and 1/std
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=1, keepdims=True)
    var = X.var(axis=1, keepdims=True)
    inv = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv
    return gamma * x_hat + beta, (x_hat, inv, gamma)


def batchnorm_backward(dout, cache):
    x_hat, inv, gamma = cache
    m = dout.shape[1]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    g = dout * gamma
    # the variance term taken from dgamma / m as it is: without gamma and 1/std
    dX = inv * (g - g.mean(axis=1, keepdims=True)) - x_hat * dgamma / m
    return dX, dgamma, dbeta
