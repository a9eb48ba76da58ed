# expect: failed | but not centred
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    var = X.var(axis=0, keepdims=True)
    x_hat = X / np.sqrt(var + eps)  # divided by the std but never centred: X - mean is missing
    return gamma * x_hat + beta, (X, x_hat, var, gamma, eps)


def layernorm_backward(dout, cache):
    X, x_hat, var, gamma, eps = cache
    n = dout.shape[0]
    dxh = dout * gamma
    dX = (n * dxh - dxh.sum(axis=0, keepdims=True) - x_hat * (dxh * x_hat).sum(axis=0, keepdims=True)) / (n * np.sqrt(var + eps))
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
