# expect: failed | looks like the unbiased variance (ddof=1)
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    # the per-feature variance read off the covariance matrix's diagonal: np.cov's default
    # is the unbiased estimate (ddof=1), not the batch statistic training normalizes with
    mu = X.mean(axis=1, keepdims=True)
    var = np.diag(np.atleast_2d(np.cov(X))).reshape(-1, 1)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, inv_std, gamma)


def batchnorm_backward(dout, cache):
    x_hat, inv_std, gamma = cache
    m = dout.shape[1]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    dx_hat = dout * gamma
    dX = inv_std / m * (
        m * dx_hat
        - dx_hat.sum(axis=1, keepdims=True)
        - x_hat * (dx_hat * x_hat).sum(axis=1, keepdims=True)
    )
    return dX, dgamma, dbeta
