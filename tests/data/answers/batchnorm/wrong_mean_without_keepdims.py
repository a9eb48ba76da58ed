# expect: failed | a row and a column broadcast into a square
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=1)
    var = X.var(axis=1)
    x_hat = (X - mu) / np.sqrt(var + eps)
    return gamma * x_hat + beta, (x_hat, 1 / np.sqrt(var + eps), gamma)


def batchnorm_backward(dout, cache):
    x_hat, inv_std, gamma = cache
    m = dout.shape[1]
    dx_hat = dout * gamma
    dX = inv_std / m * (m * dx_hat - dx_hat.sum(axis=1) - x_hat * (dx_hat * x_hat).sum(axis=1))
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
