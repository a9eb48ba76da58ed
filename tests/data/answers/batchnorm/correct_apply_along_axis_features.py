# expect: passed | passed
import math

import numpy as np


def _feature_grad(stacked, m):
    g, xh, inv = stacked[:m], stacked[m : 2 * m], stacked[2 * m]
    return inv * (g - g.mean() - xh * (g * xh).mean())


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    def normalize(row):
        mu = row.mean()
        return (row - mu) / math.sqrt(((row - mu) ** 2).mean() + eps)

    x_hat = np.apply_along_axis(normalize, 1, X)
    inv_std = 1.0 / np.sqrt(X.var(axis=1, keepdims=True) + eps)
    return gamma * x_hat + beta, (x_hat, inv_std, gamma)


def batchnorm_backward(dout, cache):
    x_hat, inv_std, gamma = cache
    m = dout.shape[1]
    stacked = np.hstack([dout * gamma, x_hat, inv_std])
    dX = np.apply_along_axis(_feature_grad, 1, stacked, m)
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
