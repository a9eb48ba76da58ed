# expect: passed | passed all
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=1, keepdims=True)
    var = X.var(axis=1, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv_std
    out = gamma * x_hat + beta
    return out, (x_hat, inv_std, gamma, out)


def batchnorm_backward(dout, cache):
    # the forward's output array is free once the forward is done: reused as scratch
    x_hat, inv_std, gamma, scratch = cache
    m = dout.shape[1]
    dbeta = dout.sum(axis=1, keepdims=True)
    np.multiply(dout, x_hat, out=scratch)
    dgamma = scratch.sum(axis=1, keepdims=True)
    np.multiply(dout, gamma, out=scratch)  # now dx_hat
    dX = inv_std / m * (m * scratch - scratch.sum(axis=1, keepdims=True)
                        - x_hat * (scratch * x_hat).sum(axis=1, keepdims=True))
    return dX, dgamma, dbeta
