# expect: passed | passed
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    # axis=-1 is the batch axis of a (d, m) X; the variance is the biased one (divide by m)
    mu = X.mean(axis=-1, keepdims=True)
    var = np.mean(np.square(X - mu), axis=-1, keepdims=True)
    inv_std = (var + eps) ** -0.5
    x_hat = (X - mu) * inv_std
    return gamma * x_hat + beta, {"x_hat": x_hat, "inv_std": inv_std, "gamma": gamma}


def batchnorm_backward(dout, cache):
    x_hat, inv_std, gamma = cache["x_hat"], cache["inv_std"], cache["gamma"]
    dx_hat = dout * gamma
    dX = inv_std * (
        dx_hat
        - dx_hat.mean(axis=-1, keepdims=True)
        - x_hat * (dx_hat * x_hat).mean(axis=-1, keepdims=True)
    )
    dgamma = np.sum(dout * x_hat, axis=-1, keepdims=True)
    dbeta = np.sum(dout, axis=-1, keepdims=True)
    return dX, dgamma, dbeta
