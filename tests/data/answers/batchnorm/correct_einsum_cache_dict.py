# expect: passed | passed
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    m = X.shape[1]
    mu = np.einsum("nm->n", X)[:, None] / m
    xc = X - mu
    var = np.einsum("nm,nm->n", xc, xc)[:, None] / m
    inv = 1.0 / np.sqrt(var + eps)
    xhat = xc * inv
    return gamma * xhat + beta, {"xhat": xhat, "inv": inv, "gamma": gamma}


def batchnorm_backward(dout, cache):
    xhat, inv, gamma = cache["xhat"], cache["inv"], cache["gamma"]
    m = dout.shape[1]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * xhat).sum(axis=1, keepdims=True)
    dxhat = dout * gamma
    dX = inv / m * (m * dxhat - dxhat.sum(axis=1, keepdims=True) - xhat * (dxhat * xhat).sum(axis=1, keepdims=True))
    return dX, dgamma, dbeta
