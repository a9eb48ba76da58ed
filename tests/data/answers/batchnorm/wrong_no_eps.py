# expect: failed | eps is missing: divide by sqrt(var + eps)
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=1, keepdims=True)
    std = X.std(axis=1, keepdims=True)  # no eps at all
    x_hat = (X - mu) / std
    return gamma * x_hat + beta, (x_hat, std, gamma)


def batchnorm_backward(dout, cache):
    x_hat, std, gamma = cache
    m = dout.shape[1]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    dx_hat = dout * gamma
    dX = (m * dx_hat - dx_hat.sum(axis=1, keepdims=True)
          - x_hat * (dx_hat * x_hat).sum(axis=1, keepdims=True)) / (m * std)
    return dX, dgamma, dbeta
