# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    # through the transpose: rows are examples, so the usual axis=1 habits apply
    Xt = X.T
    mu = Xt.mean(axis=1, keepdims=True)
    xc = Xt - mu
    var = (xc**2).mean(axis=1, keepdims=True)
    std = np.sqrt(var + eps)
    x_hat = (xc / std).T
    return gamma * x_hat + beta, (xc, std, x_hat, gamma)


def layernorm_backward(dout, cache):
    xc, std, x_hat, gamma = cache  # xc, std are per example (rows)
    n = xc.shape[1]
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dgamma = np.sum(dout * x_hat, axis=1, keepdims=True)
    dx_hat = (dout * gamma).T
    # step by step through x_hat = xc / std, std = sqrt(var + eps), var = mean(xc**2), xc = x - mu
    dstd = -np.sum(dx_hat * xc, axis=1, keepdims=True) / std**2
    dvar = dstd / (2.0 * std)
    dxc = dx_hat / std + dvar * 2.0 * xc / n
    dmu = -np.sum(dxc, axis=1, keepdims=True)
    dX = dxc + dmu / n
    return dX.T, dgamma, dbeta
