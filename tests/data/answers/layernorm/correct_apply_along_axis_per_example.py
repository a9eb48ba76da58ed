# expect: passed | passed
import math

import numpy as np


def _normalize(col, eps):
    mu = col.mean()
    return (col - mu) / math.sqrt(((col - mu) ** 2).mean() + eps)


def _column_grad(stacked, n):
    g, xh, inv = stacked[:n], stacked[n : 2 * n], stacked[2 * n]
    return inv * (g - g.mean() - xh * (g * xh).mean())


def layernorm_forward(X, gamma, beta, eps=1e-5):
    x_hat = np.apply_along_axis(_normalize, 0, X, eps)
    inv_std = 1.0 / np.sqrt(X.var(axis=0, keepdims=True) + eps)
    return gamma * x_hat + beta, (x_hat, inv_std, gamma)


def layernorm_backward(dout, cache):
    x_hat, inv_std, gamma = cache
    n = dout.shape[0]
    stacked = np.vstack([dout * gamma, x_hat, inv_std])
    dX = np.apply_along_axis(_column_grad, 0, stacked, n)
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
