# expect: passed | passed all
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    n, m = X.shape
    x_hat = np.empty((n, m))
    inv = np.empty(n)
    for k in range(n):  # one feature (row) at a time
        row = X[k]
        mu = row.sum() / m
        inv[k] = 1.0 / np.sqrt(((row - mu) ** 2).sum() / m + eps)
        x_hat[k] = (row - mu) * inv[k]
    return gamma * x_hat + beta, [x_hat, inv, gamma]


def batchnorm_backward(dout, cache):
    x_hat, inv, gamma = cache
    m = x_hat.shape[1]
    dX = np.empty_like(x_hat)
    for k in range(x_hat.shape[0]):
        g = dout[k] * gamma[k, 0]
        dX[k] = inv[k] * (g - g.sum() / m - x_hat[k] * (g @ x_hat[k]) / m)
    return [dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)]
