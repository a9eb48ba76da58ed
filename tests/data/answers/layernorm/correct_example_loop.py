# expect: passed | passed
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    n, m = X.shape
    out = np.empty((n, m))
    x_hat = np.empty((n, m))
    std = np.empty(m)
    for k in range(m):
        col = X[:, k]
        mu = col.mean()
        std[k] = np.sqrt(((col - mu) ** 2).mean() + eps)
        x_hat[:, k] = (col - mu) / std[k]
        out[:, k] = gamma[:, 0] * x_hat[:, k] + beta[:, 0]
    return out, (x_hat, std, gamma)


def layernorm_backward(dout, cache):
    x_hat, std, gamma = cache
    n, m = dout.shape
    dX = np.empty((n, m))
    for k in range(m):
        d = dout[:, k] * gamma[:, 0]
        dX[:, k] = (d - d.mean() - x_hat[:, k] * np.dot(d, x_hat[:, k]) / n) / std[k]
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
