# expect: passed | passed all
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    m = X.shape[1]
    mu = X.mean(axis=1)  # (n,), broadcast back with [:, None]
    xc = X - mu[:, None]
    var = np.einsum("ij,ij->i", xc, xc) / m
    inv = 1.0 / np.sqrt(var + eps)
    x_hat = xc * inv[:, None]
    return gamma * x_hat + beta, (x_hat, inv, gamma)


def batchnorm_backward(dout, cache):
    x_hat, inv, gamma = cache
    m = x_hat.shape[1]
    dbeta = dout.sum(axis=1).reshape(-1, 1)
    dgamma = np.einsum("ij,ij->i", dout, x_hat).reshape(-1, 1)
    g = dout * gamma
    dX = (inv / m)[:, None] * (m * g - g.sum(axis=1)[:, None] - x_hat * (g * x_hat).sum(axis=1)[:, None])
    return dX, dgamma, dbeta
