# expect: passed | passed
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    out = np.empty(X.shape)
    stats = []
    for i in range(X.shape[0]):
        row = X[i]
        mu = row.sum() / row.size
        var = ((row - mu) ** 2).sum() / row.size
        x_hat = (row - mu) / np.sqrt(var + eps)
        out[i] = gamma[i, 0] * x_hat + beta[i, 0]
        stats.append((x_hat, np.sqrt(var + eps)))
    return out, (stats, gamma)


def batchnorm_backward(dout, cache):
    stats, gamma = cache
    dX = np.empty(dout.shape)
    dgamma = np.empty((dout.shape[0], 1))
    dbeta = np.empty((dout.shape[0], 1))
    for i, (x_hat, std) in enumerate(stats):
        g = dout[i]
        dbeta[i, 0] = g.sum()
        dgamma[i, 0] = (g * x_hat).sum()
        d = g * gamma[i, 0]
        dX[i] = (d - d.mean() - x_hat * (d * x_hat).mean()) / std
    return dX, dgamma, dbeta
