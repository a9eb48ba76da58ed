# expect: failed | dgamma sums dout * X, the raw input
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0, keepdims=True)
    var = X.var(axis=0, keepdims=True)
    x_hat = (X - mu) / np.sqrt(var + eps)
    return gamma * x_hat + beta, (X, x_hat, var, eps, gamma)


def layernorm_backward(dout, cache):
    X, x_hat, var, eps, gamma = cache
    n = X.shape[0]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * X).sum(axis=1, keepdims=True)  # the raw input, not x_hat
    g = dout * gamma
    dX = (n * g - g.sum(axis=0, keepdims=True) - x_hat * (g * x_hat).sum(axis=0, keepdims=True))
    return dX / (n * np.sqrt(var + eps)), dgamma, dbeta
