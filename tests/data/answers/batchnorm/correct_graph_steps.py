# expect: passed | passed all
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    # the computational graph, one node at a time, every node kept for the backward pass
    n, m = X.shape
    mu = 1.0 / m * np.sum(X, axis=1, keepdims=True)
    xmu = X - mu
    sq = xmu**2
    var = 1.0 / m * np.sum(sq, axis=1, keepdims=True)
    sqrtvar = np.sqrt(var + eps)
    ivar = 1.0 / sqrtvar
    xhat = xmu * ivar
    gammax = gamma * xhat
    out = gammax + beta
    return out, (xhat, gamma, xmu, ivar, sqrtvar, var, eps)


def batchnorm_backward(dout, cache):
    xhat, gamma, xmu, ivar, sqrtvar, var, eps = cache
    n, m = dout.shape
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dgammax = dout
    dgamma = np.sum(dgammax * xhat, axis=1, keepdims=True)
    dxhat = dgammax * gamma
    divar = np.sum(dxhat * xmu, axis=1, keepdims=True)
    dxmu1 = dxhat * ivar
    dsqrtvar = -1.0 / (sqrtvar**2) * divar
    dvar = 0.5 * 1.0 / np.sqrt(var + eps) * dsqrtvar
    dsq = 1.0 / m * np.ones((n, m)) * dvar
    dxmu2 = 2 * xmu * dsq
    dx1 = dxmu1 + dxmu2
    dmu = -1 * np.sum(dxmu1 + dxmu2, axis=1, keepdims=True)
    dx2 = 1.0 / m * np.ones((n, m)) * dmu
    return dx1 + dx2, dgamma, dbeta
