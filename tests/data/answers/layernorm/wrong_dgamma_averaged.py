# expect: failed | dgamma is the mean over the examples
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
    dX = (dxhat - dxhat.mean(axis=0, keepdims=True) - xhat * (dxhat * xhat).mean(axis=0, keepdims=True)) * rstd
    # dbeta summed, dgamma averaged over the examples
    return dX, (dout * xhat).mean(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
