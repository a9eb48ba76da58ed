# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0, keepdims=True)
    var = X.var(axis=0, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv_std
    out = x_hat
    cache = (x_hat.copy(), gamma, inv_std)
    out *= gamma
    out += beta
    return out, cache


def layernorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    n = x_hat.shape[0]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    dxh = dout * gamma
    dX = inv_std / n * (n * dxh - dxh.sum(axis=0, keepdims=True) - x_hat * (dxh * x_hat).sum(axis=0, keepdims=True))
    return dX, dgamma, dbeta
