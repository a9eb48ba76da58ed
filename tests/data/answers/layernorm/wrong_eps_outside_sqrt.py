# expect: failed | eps belongs inside the square root
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0, keepdims=True)
    sd = X.std(axis=0, keepdims=True) + eps
    xhat = (X - mu) / sd
    return gamma * xhat + beta, (xhat, sd, gamma)


def layernorm_backward(dout, cache):
    xhat, sd, gamma = cache
    dxhat = dout * gamma
    dX = (dxhat - dxhat.mean(axis=0, keepdims=True) - xhat * (dxhat * xhat).mean(axis=0, keepdims=True)) / sd
    return dX, (dout * xhat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
