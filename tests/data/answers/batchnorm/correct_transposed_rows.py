# expect: passed | passed
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    # work with examples as rows, the way many references write it, then transpose back
    Xt = X.T
    mu = Xt.mean(axis=0)
    var = Xt.var(axis=0)
    std = np.sqrt(var + eps)
    xhat = (Xt - mu) / std
    out = xhat * gamma.ravel() + beta.ravel()
    return out.T, (Xt, mu, std, gamma.ravel())


def batchnorm_backward(dout, cache):
    Xt, mu, std, g = cache
    d = dout.T
    m = d.shape[0]
    xhat = (Xt - mu) / std
    dbeta = d.sum(axis=0)
    dgamma = (d * xhat).sum(axis=0)
    dxhat = d * g
    dvar = np.sum(dxhat * (Xt - mu), axis=0) * -0.5 * std**-3
    dmu = np.sum(-dxhat / std, axis=0) + dvar * np.mean(-2.0 * (Xt - mu), axis=0)
    dX = dxhat / std + dvar * 2.0 * (Xt - mu) / m + dmu / m
    return dX.T, dgamma[:, None], dbeta[:, None]
