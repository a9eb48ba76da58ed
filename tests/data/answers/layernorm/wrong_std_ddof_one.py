# expect: failed | looks like the unbiased variance (ddof=1); layer norm divides by n
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0, keepdims=True)
    std = X.std(axis=0, ddof=1, keepdims=True)  # the sample standard deviation
    inv_std = 1.0 / np.sqrt(std**2 + eps)
    x_hat = (X - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, inv_std, gamma)


def layernorm_backward(dout, cache):
    x_hat, inv_std, gamma = cache
    n = dout.shape[0]
    dx_hat = dout * gamma
    dX = inv_std / n * (n * dx_hat - dx_hat.sum(axis=0, keepdims=True)
                        - x_hat * (dx_hat * x_hat).sum(axis=0, keepdims=True))
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
