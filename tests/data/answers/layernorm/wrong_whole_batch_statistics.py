# expect: failed | the mean and variance are of the whole batch
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean()
    var = X.var()
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, inv_std, gamma)


def layernorm_backward(dout, cache):
    x_hat, inv_std, gamma = cache
    n = dout.shape[0]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    dx_hat = dout * gamma
    dX = inv_std / n * (n * dx_hat - dx_hat.sum(axis=0, keepdims=True)
                        - x_hat * (dx_hat * x_hat).sum(axis=0, keepdims=True))
    return dX, dgamma, dbeta
