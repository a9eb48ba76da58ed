# expect: passed | passed all
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    # in-place arithmetic on one fresh buffer: X itself is only read
    m = X.shape[1]
    mu = np.sum(X, axis=1, keepdims=True) / m
    xc = X - mu
    var = np.einsum("ij,ij->i", xc, xc)[:, None] / m
    std = np.sqrt(var + eps)
    xc /= std
    out = xc * gamma
    out += beta
    return out, (xc, std, gamma)


def batchnorm_backward(dout, cache):
    x_hat, std, gamma = cache
    m = dout.shape[1]
    dgamma = np.einsum("ij,ij->i", dout, x_hat)[:, None]
    dbeta = dout.sum(axis=1)[:, None]
    g = dout * gamma
    g -= g.mean(axis=1, keepdims=True)
    g -= x_hat * (dgamma * gamma / m)
    g /= std
    return g, dgamma, dbeta
