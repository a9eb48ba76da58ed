# expect: failed | dbeta is the mean over the examples
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=1, keepdims=True)
    var = X.var(axis=1, keepdims=True)
    inv = 1.0 / np.sqrt(var + eps)
    xhat = (X - mu) * inv
    return gamma * xhat + beta, (xhat, inv, gamma)


def batchnorm_backward(dout, cache):
    xhat, inv, gamma = cache
    m = dout.shape[1]
    dxhat = dout * gamma
    dX = inv / m * (m * dxhat - dxhat.sum(axis=1, keepdims=True) - xhat * (dxhat * xhat).sum(axis=1, keepdims=True))
    # averaged over the batch instead of summed
    return dX, (dout * xhat).mean(axis=1, keepdims=True), dout.mean(axis=1, keepdims=True)
