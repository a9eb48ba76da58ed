# expect: passed | passed all
import numpy as np


def _bn_rows(A, eps):
    mu = A.mean(axis=1, keepdims=True)
    inv = 1.0 / np.sqrt(A.var(axis=1, keepdims=True) + eps)
    return (A - mu) * inv, inv


def layernorm_forward(X, gamma, beta, eps=1e-5):
    xhat_t, inv_t = _bn_rows(X.T, eps)  # examples as rows: normalize over features
    x_hat = xhat_t.T
    return gamma * x_hat + beta, (x_hat, inv_t.T, gamma)


def layernorm_backward(dout, cache):
    x_hat, inv, gamma = cache
    n = x_hat.shape[0]
    dgamma = np.sum(dout * x_hat, axis=1, keepdims=True)
    dbeta = np.sum(dout, axis=1, keepdims=True)
    g = dout * gamma
    dX = inv / n * (n * g - g.sum(axis=0) - x_hat * (g * x_hat).sum(axis=0))
    return dX, dgamma, dbeta
