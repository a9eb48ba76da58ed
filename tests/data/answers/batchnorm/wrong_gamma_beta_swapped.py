# expect: failed | gamma and beta were swapped
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=1, keepdims=True)
    inv = 1.0 / np.sqrt(X.var(axis=1, keepdims=True) + eps)
    x_hat = (X - mu) * inv
    return beta * x_hat + gamma, (x_hat, inv, beta)  # scale and shift swapped


def batchnorm_backward(dout, cache):
    x_hat, inv, scale = cache
    g = dout * scale
    dX = inv * (g - g.mean(axis=1, keepdims=True) - x_hat * (g * x_hat).mean(axis=1, keepdims=True))
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
