# expect: failed | count - 1, as the unbiased variance's derivative would
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0, keepdims=True)
    var = X.var(axis=0, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv_std
    return gamma * x_hat + beta, (X, mu, inv_std, x_hat, gamma)


def layernorm_backward(dout, cache):
    X, mu, inv_std, x_hat, gamma = cache
    n = dout.shape[0]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    dx_hat = dout * gamma
    dvar = np.sum(dx_hat * (X - mu) * -0.5 * inv_std**3, axis=0, keepdims=True)
    dmu = np.sum(-dx_hat * inv_std, axis=0, keepdims=True)
    dX = dx_hat * inv_std + dvar * 2 * (X - mu) / (n - 1) + dmu / n
    return dX, dgamma, dbeta
