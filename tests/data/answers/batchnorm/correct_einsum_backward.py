# expect: passed | passed
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
    dbeta = np.einsum("ij->i", dout)[:, None]
    dgamma = np.einsum("ij,ij->i", dout, x_hat)[:, None]
    dx_hat = dout * gamma
    dX = inv / m * (m * dx_hat - dx_hat.sum(axis=1, keepdims=True) - x_hat * np.einsum("ij,ij->i", dx_hat, x_hat)[:, None])
    return dX, dgamma, dbeta
