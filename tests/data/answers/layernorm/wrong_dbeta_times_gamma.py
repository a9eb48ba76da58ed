# expect: failed | dbeta sums dout * gamma
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0, keepdims=True)
    var = X.var(axis=0, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, inv_std, gamma)


def layernorm_backward(dout, cache):
    x_hat, inv_std, gamma = cache
    n = dout.shape[0]
    dx_hat = dout * gamma
    dbeta = dx_hat.sum(axis=1, keepdims=True)
    dgamma = (dx_hat * x_hat).sum(axis=1, keepdims=True)
    dX = inv_std / n * (n * dx_hat - dx_hat.sum(axis=0, keepdims=True)
                        - x_hat * (dx_hat * x_hat).sum(axis=0, keepdims=True))
    return dX, dgamma, dbeta
