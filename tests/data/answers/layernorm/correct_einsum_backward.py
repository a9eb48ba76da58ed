# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = np.mean(X, axis=0)
    var = np.mean((X - mu) ** 2, axis=0)
    std = np.sqrt(var + eps)
    x_hat = (X - mu) / std
    return gamma * x_hat + beta, (x_hat, std, gamma)


def layernorm_backward(dout, cache):
    x_hat, std, gamma = cache
    n = dout.shape[0]
    g = dout * gamma
    s1 = np.einsum("nm->m", g)
    s2 = np.einsum("nm,nm->m", g, x_hat)
    dX = (n * g - s1 - x_hat * s2) / (n * std)
    dgamma = np.einsum("nm,nm->n", dout, x_hat)[:, None]
    dbeta = np.einsum("nm->n", dout)[:, None]
    return dX, dgamma, dbeta
