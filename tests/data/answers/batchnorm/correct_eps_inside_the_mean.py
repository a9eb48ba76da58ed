# expect: passed | passed all
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = np.mean(X, axis=1, keepdims=True)
    centred = X - mu
    # eps added to every squared deviation before the mean: the mean of (d**2 + eps) is var + eps
    var_eps = np.mean(centred**2 + eps, axis=1, keepdims=True)
    x_hat = centred / np.sqrt(var_eps)
    return gamma * x_hat + beta, (centred, var_eps, gamma)


def batchnorm_backward(dout, cache):
    centred, var_eps, gamma = cache
    m = dout.shape[1]
    inv = var_eps**-0.5
    x_hat = centred * inv
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dgamma = np.sum(dout * x_hat, axis=1, keepdims=True)
    dxh = dout * gamma
    dvar = np.sum(dxh * centred, axis=1, keepdims=True) * -0.5 * inv**3
    dmu = -np.sum(dxh * inv, axis=1, keepdims=True) - 2.0 * dvar * np.mean(centred, axis=1, keepdims=True)
    dX = dxh * inv + dvar * 2.0 * centred / m + dmu / m
    return dX, dgamma, dbeta
