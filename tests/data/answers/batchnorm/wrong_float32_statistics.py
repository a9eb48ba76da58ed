# expect: failed | the precision of float32
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    # statistics in float32 (as a GPU framework would), the result cast back to float64
    x = X.astype(np.float32)
    mu = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    x_hat = (x - mu) / np.sqrt(var + np.float32(eps))
    out = gamma * x_hat + beta
    return out.astype(np.float64), (x_hat.astype(np.float64), np.sqrt(var.astype(np.float64) + eps), gamma)


def batchnorm_backward(dout, cache):
    x_hat, std, gamma = cache
    m = dout.shape[1]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    dx_hat = dout * gamma
    dX = (dx_hat - dx_hat.mean(axis=1, keepdims=True) - x_hat * (dx_hat * x_hat).mean(axis=1, keepdims=True)) / std
    return dX, dgamma, dbeta
