# expect: passed | passed all
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = np.mean(X, axis=1, keepdims=True)
    var = np.var(X, axis=1, keepdims=True)
    std = np.sqrt(var + eps)
    x_hat = (X - mu) / std
    return x_hat * gamma + beta, (X, mu, var, eps, gamma)


def batchnorm_backward(dout, cache):
    X, mu, var, eps, gamma = cache
    m = X.shape[1]
    xc = X - mu
    std = np.sqrt(var + eps)
    x_hat = xc / std
    dgamma = np.sum(dout * x_hat, axis=1, keepdims=True)
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dx_hat = dout * gamma
    dvar = np.sum(dx_hat * xc, axis=1, keepdims=True) * -0.5 * (var + eps) ** -1.5
    dmu = -np.sum(dx_hat, axis=1, keepdims=True) / std - 2.0 * dvar * np.mean(xc, axis=1, keepdims=True)
    dX = np.empty_like(X, dtype=np.float64)
    for j in range(m):
        dX[:, j : j + 1] = dx_hat[:, j : j + 1] / std + dvar * 2.0 * xc[:, j : j + 1] / m + dmu / m
    return dX, dgamma, dbeta
