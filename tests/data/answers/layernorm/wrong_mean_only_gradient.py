# expect: failed | drops the variance term
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0, keepdims=True)
    var = X.var(axis=0, keepdims=True)
    rstd = 1 / np.sqrt(var + eps)
    xhat = (X - mu) * rstd
    return gamma * xhat + beta, (xhat, rstd, gamma)


def layernorm_backward(dout, cache):
    xhat, rstd, gamma = cache
    dxhat = dout * gamma
    # the mean's path only; the variance's dependence on x is forgotten
    dX = (dxhat - dxhat.mean(axis=0, keepdims=True)) * rstd
    return dX, (dout * xhat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
