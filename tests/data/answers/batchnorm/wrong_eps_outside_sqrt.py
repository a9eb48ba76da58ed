# expect: failed | eps belongs inside the square root
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=1, keepdims=True)
    std = X.std(axis=1, keepdims=True)
    xhat = (X - mu) / (std + eps)
    return gamma * xhat + beta, (xhat, std, gamma, eps)


def batchnorm_backward(dout, cache):
    xhat, std, gamma, eps = cache
    m = dout.shape[1]
    dxhat = dout * gamma
    dX = (m * dxhat - dxhat.sum(axis=1, keepdims=True) - xhat * (dxhat * xhat).sum(axis=1, keepdims=True)) / (m * (std + eps))
    return dX, (dout * xhat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
