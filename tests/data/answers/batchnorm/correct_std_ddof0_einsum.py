# expect: passed | passed
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    """np.std with ddof=0 spelled out; sums through einsum."""
    m = X.shape[1]
    mu = np.einsum("ij->i", X)[:, None] / m
    xc = X - mu
    var = np.einsum("ij,ij->i", xc, xc)[:, None] / m
    std = np.sqrt(var + eps)
    x_hat = xc / std
    return gamma * x_hat + beta, {"x_hat": x_hat, "std": std, "gamma": gamma}


def batchnorm_backward(dout, cache):
    x_hat, std, gamma = cache["x_hat"], cache["std"], cache["gamma"]
    m = dout.shape[1]
    dbeta = np.einsum("ij->i", dout)[:, None]
    dgamma = np.einsum("ij,ij->i", dout, x_hat)[:, None]
    g = dout * gamma
    dX = (g - g.mean(axis=1, keepdims=True) - x_hat * (g * x_hat).mean(axis=1, keepdims=True)) / std
    return dX, dgamma, dbeta
