# expect: passed | passed all
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    # var = E[(x - mu)^2] via a mean of squares of the centred values (two-pass, stable)
    m = X.shape[1]
    mu = np.einsum("fm->f", X)[:, None] / m
    xc = X - mu
    var = np.einsum("fm,fm->f", xc, xc)[:, None] / m
    inv = 1.0 / np.sqrt(var + eps)
    x_hat = xc * inv
    return gamma * x_hat + beta, {"x_hat": x_hat, "inv": inv, "gamma": gamma}


def batchnorm_backward(dout, cache):
    x_hat, inv, gamma = cache["x_hat"], cache["inv"], cache["gamma"]
    dgamma = np.einsum("fm,fm->f", dout, x_hat)[:, None]
    dbeta = np.einsum("fm->f", dout)[:, None]
    g = dout * gamma
    dX = inv * (g - g.mean(axis=1, keepdims=True) - x_hat * (g * x_hat).mean(axis=1, keepdims=True))
    return dX, dgamma, dbeta
