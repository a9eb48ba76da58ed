# expect: passed | passed all
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    m = X.shape[1]
    mu = np.sum(X, axis=1, keepdims=True) / m
    xc = X - mu
    var = np.sum(xc**2, axis=1, keepdims=True) / m
    std = np.sqrt(var + eps)
    x_hat = xc / std
    out = gamma * x_hat + beta
    cache = {"xc": xc, "std": std, "x_hat": x_hat, "gamma": gamma, "m": m}
    return out, cache


def batchnorm_backward(dout, cache):
    xc, std, x_hat, gamma, m = (cache[k] for k in ("xc", "std", "x_hat", "gamma", "m"))
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dgamma = np.sum(dout * x_hat, axis=1, keepdims=True)
    dx_hat = dout * gamma
    dxc = dx_hat / std
    dstd = -np.sum(dx_hat * xc, axis=1, keepdims=True) / std**2
    dvar = 0.5 * dstd / std
    dxc = dxc + 2.0 * xc * dvar / m
    dmu = -np.sum(dxc, axis=1, keepdims=True)
    dX = dxc + dmu / m
    return dX, dgamma, dbeta
