# expect: failed | the statistics are over axis 0; examples are columns
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    """Statistics over the features of each example (axis 0): that is layer norm's axis."""
    mu = X.mean(axis=0, keepdims=True)
    var = X.var(axis=0, keepdims=True)
    x_hat = (X - mu) / np.sqrt(var + eps)
    return gamma * x_hat + beta, (x_hat, var, gamma, eps)


def batchnorm_backward(dout, cache):
    x_hat, var, gamma, eps = cache
    m = dout.shape[0]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    g = dout * gamma
    dX = (g - g.mean(axis=0, keepdims=True) - x_hat * (g * x_hat).mean(axis=0, keepdims=True)) / np.sqrt(var + eps)
    return dX, dgamma, dbeta
