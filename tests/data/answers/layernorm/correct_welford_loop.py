# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    # each example's mean and variance by Welford's running update, one feature at a time
    n, m = X.shape
    mean = np.zeros((1, m))
    m2 = np.zeros((1, m))
    for k in range(n):
        delta = X[k : k + 1] - mean
        mean = mean + delta / (k + 1)
        m2 = m2 + delta * (X[k : k + 1] - mean)
    inv_std = 1.0 / np.sqrt(m2 / n + eps)
    x_hat = (X - mean) * inv_std
    return gamma * x_hat + beta, (x_hat, inv_std, gamma)


def layernorm_backward(dout, cache):
    x_hat, inv_std, gamma = cache
    n, m = x_hat.shape
    dX = np.empty_like(x_hat)
    for j in range(m):
        g = dout[:, j] * gamma[:, 0]
        xh = x_hat[:, j]
        dX[:, j] = inv_std[0, j] / n * (n * g - g.sum() - xh * np.dot(g, xh))
    return dX, np.sum(dout * x_hat, axis=1, keepdims=True), np.sum(dout, axis=1, keepdims=True)
