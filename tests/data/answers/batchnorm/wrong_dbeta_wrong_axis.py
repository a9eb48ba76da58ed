# expect: failed | dbeta holds the sums of dout over the features (axis 0)
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
    dbeta = dout.sum(axis=0, keepdims=True).T[: dout.shape[0]]
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    g = dout * gamma
    dX = inv / m * (m * g - g.sum(axis=1, keepdims=True) - x_hat * (g * x_hat).sum(axis=1, keepdims=True))
    return dX, dgamma, dbeta
