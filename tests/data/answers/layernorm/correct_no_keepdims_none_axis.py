# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    n = X.shape[0]
    mu = X.sum(axis=0) / n  # (m,)
    xc = X - mu[None, :]
    var = np.einsum("ij,ij->j", xc, xc) / n
    inv = 1.0 / np.sqrt(var + eps)
    x_hat = xc * inv[None, :]
    return gamma * x_hat + beta, (x_hat, inv, gamma)


def layernorm_backward(dout, cache):
    x_hat, inv, gamma = cache
    n = x_hat.shape[0]
    dbeta = dout.sum(axis=1).reshape(-1, 1)
    dgamma = (dout * x_hat).sum(axis=1).reshape(-1, 1)
    g = dout * gamma
    dX = inv[None, :] / n * (n * g - g.sum(axis=0)[None, :] - x_hat * (g * x_hat).sum(axis=0)[None, :])
    return dX, dgamma, dbeta
