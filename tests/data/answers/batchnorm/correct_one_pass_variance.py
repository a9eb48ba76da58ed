# expect: passed | passed
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=1, keepdims=True)
    var = (X**2).mean(axis=1, keepdims=True) - mu**2  # E[x^2] - E[x]^2, one pass
    inv = 1.0 / np.sqrt(var + eps)
    xhat = (X - mu) * inv
    return gamma * xhat + beta, (xhat, inv, gamma)


def batchnorm_backward(dout, cache):
    xhat, inv, gamma = cache
    m = dout.shape[1]
    dxhat = dout * gamma
    dX = inv / m * (m * dxhat - dxhat.sum(axis=1, keepdims=True) - xhat * (dxhat * xhat).sum(axis=1, keepdims=True))
    return dX, (dout * xhat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
