# expect: failed | dgamma used the centred X - mean
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=1, keepdims=True)
    xc = X - mu
    var = (xc**2).mean(axis=1, keepdims=True)
    x_hat = xc / np.sqrt(var + eps)
    return gamma * x_hat + beta, (xc, x_hat, var, gamma, eps)


def batchnorm_backward(dout, cache):
    xc, x_hat, var, gamma, eps = cache
    m = dout.shape[1]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * xc).sum(axis=1, keepdims=True)  # x - mu, not the normalized x_hat
    dx_hat = dout * gamma
    dX = (m * dx_hat - dx_hat.sum(axis=1, keepdims=True) - x_hat * (dx_hat * x_hat).sum(axis=1, keepdims=True)) / (m * np.sqrt(var + eps))
    return dX, dgamma, dbeta
