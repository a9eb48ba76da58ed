# expect: passed | passed
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    Xt = X.T  # examples as rows, features along axis 1
    mu = Xt.mean(axis=1, keepdims=True)
    var = ((Xt - mu) ** 2).mean(axis=1, keepdims=True)
    rstd = 1.0 / np.sqrt(var + eps)
    xhat = (Xt - mu) * rstd
    out = xhat * gamma.T + beta.T
    return out.T, (xhat, rstd, gamma.T)


def layernorm_backward(dout, cache):
    xhat, rstd, g = cache
    d = dout.T
    n = d.shape[1]
    dxhat = d * g
    dX = rstd * (dxhat - dxhat.mean(axis=1, keepdims=True) - xhat * (dxhat * xhat).mean(axis=1, keepdims=True))
    dgamma = (d * xhat).sum(axis=0)[:, None]
    dbeta = d.sum(axis=0)[:, None]
    del n
    return dX.T, dgamma, dbeta
