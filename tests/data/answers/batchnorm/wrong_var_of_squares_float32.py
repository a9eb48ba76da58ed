# expect: failed | the precision of float32
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    # one pass in float32: E[x^2] - E[x]^2 cancels badly when the mean is large
    X32 = X.astype(np.float32)
    mu = X32.mean(axis=1, keepdims=True)
    var = (X32 * X32).mean(axis=1, keepdims=True) - mu * mu
    inv = 1.0 / np.sqrt(var.astype(np.float64) + eps)
    x_hat = (X - mu.astype(np.float64)) * inv
    return gamma * x_hat + beta, (x_hat, inv, gamma)


def batchnorm_backward(dout, cache):
    x_hat, inv, gamma = cache
    m = dout.shape[1]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    g = dout * gamma
    dX = inv / m * (m * g - g.sum(axis=1, keepdims=True) - x_hat * (g * x_hat).sum(axis=1, keepdims=True))
    return dX, dgamma, dbeta
