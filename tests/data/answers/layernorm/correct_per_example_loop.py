# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    # one example at a time, as a first version often is
    out = np.empty_like(X, dtype=np.float64)
    x_hat = np.empty_like(out)
    stds = []
    for j in range(X.shape[1]):
        col = X[:, j]
        std = np.sqrt(col.var() + eps)
        x_hat[:, j] = (col - col.mean()) / std
        out[:, j] = gamma[:, 0] * x_hat[:, j] + beta[:, 0]
        stds.append(std)
    return out, (x_hat, np.array(stds), gamma)


def layernorm_backward(dout, cache):
    x_hat, stds, gamma = cache
    dX = np.empty_like(dout)
    for j in range(dout.shape[1]):
        g = dout[:, j] * gamma[:, 0]
        xh = x_hat[:, j]
        dX[:, j] = (g - g.mean() - xh * (g * xh).mean()) / stds[j]
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    dbeta = dout.sum(axis=1, keepdims=True)
    return dX, dgamma, dbeta
