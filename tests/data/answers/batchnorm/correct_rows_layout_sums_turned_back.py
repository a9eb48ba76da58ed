# expect: passed | passed all
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    # examples as rows inside, every result turned back to X's (n, m) and beta's (n, 1)
    R = X.T
    mu = R.mean(axis=0)
    inv_std = 1.0 / np.sqrt(R.var(axis=0) + eps)
    r_hat = (R - mu) * inv_std
    out = r_hat * gamma.T + beta.T
    return out.T, (r_hat, inv_std, gamma)


def batchnorm_backward(dout, cache):
    r_hat, inv_std, gamma = cache
    d = dout.T
    m = d.shape[0]
    dbeta = d.sum(axis=0, keepdims=True).T
    dgamma = np.einsum("mn,mn->n", d, r_hat).reshape(-1, 1)
    dr = d * gamma.T
    dX = inv_std / m * (m * dr - dr.sum(axis=0) - r_hat * (dr * r_hat).sum(axis=0))
    return dX.T, dgamma, dbeta
