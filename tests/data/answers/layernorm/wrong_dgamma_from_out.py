# expect: failed | dgamma sums dout * out
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0, keepdims=True)
    var = X.var(axis=0, keepdims=True)
    x_hat = (X - mu) / np.sqrt(var + eps)
    out = gamma * x_hat + beta
    return out, (X, mu, var, eps, gamma, x_hat, out)


def layernorm_backward(dout, cache):
    # dgamma pairs dout with the layer's output, gamma * x_hat + beta, not with x_hat
    X, mu, var, eps, gamma, x_hat, out = cache
    n = X.shape[0]
    inv = 1.0 / np.sqrt(var + eps)
    dxh = dout * gamma
    dX = inv / n * (n * dxh - dxh.sum(axis=0) - x_hat * (dxh * x_hat).sum(axis=0))
    return dX, np.sum(dout * out, axis=1, keepdims=True), np.sum(dout, axis=1, keepdims=True)
