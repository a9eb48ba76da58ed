# expect: failed | that is RMSNorm
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    inv = 1.0 / np.sqrt(np.mean(X * X, axis=0, keepdims=True) + eps)
    xh = X * inv
    return gamma * xh + beta, (xh, inv, gamma)


def layernorm_backward(dout, cache):
    xh, inv, gamma = cache
    g = dout * gamma
    dX = inv * (g - xh * np.mean(g * xh, axis=0, keepdims=True))
    return dX, np.sum(dout * xh, axis=1, keepdims=True), np.sum(dout, axis=1, keepdims=True)
