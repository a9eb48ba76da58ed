# expect: failed | the backward pass used eps = 0 (no eps)
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=1, keepdims=True)
    var = X.var(axis=1, keepdims=True)
    x_hat = (X - mu) / np.sqrt(var + eps)
    return gamma * x_hat + beta, (X, mu, var, gamma)


def batchnorm_backward(dout, cache):
    X, mu, var, gamma = cache
    std = np.sqrt(var)  # eps left out when the backward pass rebuilt the statistics
    x_hat = (X - mu) / std
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    g = dout * gamma
    dX = (g - g.mean(axis=1, keepdims=True) - x_hat * (g * x_hat).mean(axis=1, keepdims=True)) / std
    return dX, dgamma, dbeta
