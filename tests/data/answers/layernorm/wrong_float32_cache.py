# expect: failed | a float32 cache
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0, keepdims=True)
    var = X.var(axis=0, keepdims=True)
    inv = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv
    return gamma * x_hat + beta, (x_hat.astype(np.float32), inv.astype(np.float32), gamma)


def layernorm_backward(dout, cache):
    x_hat, inv, gamma = cache
    n = dout.shape[0]
    g = dout * gamma
    dX = inv / n * (n * g - g.sum(axis=0, keepdims=True) - x_hat * (g * x_hat).sum(axis=0, keepdims=True))
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
