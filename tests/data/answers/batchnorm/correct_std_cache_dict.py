# expect: passed | passed all
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = np.mean(X, axis=1, keepdims=True)
    var = np.var(X, axis=1, keepdims=True)
    std = np.sqrt(var + eps)
    x_hat = (X - mu) / std
    return gamma * x_hat + beta, {"x_hat": x_hat, "std": std, "gamma": gamma}


def batchnorm_backward(dout, cache):
    x_hat, std, gamma = cache["x_hat"], cache["std"], cache["gamma"]
    m = dout.shape[1]
    dbeta = dout.sum(axis=1).reshape(-1, 1)
    dgamma = (dout * x_hat).sum(axis=1).reshape(-1, 1)
    dx_hat = dout * gamma
    dX = (dx_hat - dx_hat.mean(axis=1, keepdims=True) - x_hat * (dx_hat * x_hat).mean(axis=1, keepdims=True)) / std
    return dX, dgamma, dbeta
