# expect: passed | passed
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    n, m = X.shape
    out = np.empty_like(X)
    xhat = np.empty_like(X)
    stds = np.empty(m)
    for j in range(m):
        col = X[:, j]
        mu = col.sum() / n
        var = ((col - mu) ** 2).sum() / n
        stds[j] = np.sqrt(var + eps)
        xhat[:, j] = (col - mu) / stds[j]
        out[:, j] = gamma[:, 0] * xhat[:, j] + beta[:, 0]
    return out, (xhat, stds, gamma)


def layernorm_backward(dout, cache):
    xhat, stds, gamma = cache
    n, m = dout.shape
    dX = np.empty_like(dout)
    for j in range(m):
        dxh = dout[:, j] * gamma[:, 0]
        # Jacobian of x_hat w.r.t. x for one column: (I - 1/n - xh xh^T / n) / std
        J = (np.eye(n) - 1.0 / n - np.outer(xhat[:, j], xhat[:, j]) / n) / stds[j]
        dX[:, j] = J.T @ dxh
    return dX, np.sum(dout * xhat, axis=1, keepdims=True), np.sum(dout, axis=1, keepdims=True)
