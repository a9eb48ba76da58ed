# expect: passed | passed all
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    # np.cov with bias=True divides by m: its diagonal is each feature's batch variance
    mu = X.mean(axis=1, keepdims=True)
    cov = np.atleast_2d(np.cov(X, bias=True))
    var = np.diagonal(cov)[:, np.newaxis]
    std = np.sqrt(var + eps)
    x_hat = (X - mu) / std
    out = gamma * x_hat + beta
    return out, {"x_hat": x_hat, "std": std, "gamma": gamma}


def batchnorm_backward(dout, cache):
    x_hat, std, gamma = cache["x_hat"], cache["std"], cache["gamma"]
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dgamma = np.sum(dout * x_hat, axis=1, keepdims=True)
    g = dout * gamma
    dX = (g - g.mean(axis=1, keepdims=True) - x_hat * (g * x_hat).mean(axis=1, keepdims=True))
    return dX / std, dgamma, dbeta
