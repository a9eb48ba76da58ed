# expect: passed | passed
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    # each column is one example; the pair (and the cache) as lists
    mu = np.mean(X, axis=0, keepdims=True)
    xc = X - mu
    rstd = 1.0 / np.sqrt(np.mean(xc * xc, axis=0, keepdims=True) + eps)
    x_hat = xc * rstd
    return [gamma * x_hat + beta, [x_hat, rstd, gamma]]


def layernorm_backward(dout, cache):
    x_hat, rstd, gamma = cache
    n = x_hat.shape[0]
    g = dout * gamma
    dX = rstd * (g - g.mean(axis=0, keepdims=True) - x_hat * (g * x_hat).mean(axis=0, keepdims=True))
    return [dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)]
