# expect: passed | passed all
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    m = X.shape[1]
    centred = X - np.sum(X, axis=1, keepdims=True) / m
    var = np.einsum("ij,ij->i", centred, centred)[:, None] / m
    rstd = (var + eps) ** -0.5
    x_hat = centred * rstd
    return x_hat * gamma + beta, {"x_hat": x_hat, "rstd": rstd, "gamma": gamma}


def batchnorm_backward(dout, cache):
    x_hat, rstd, gamma = cache["x_hat"], cache["rstd"], cache["gamma"]
    dbeta = np.sum(dout, axis=1, keepdims=True)
    dgamma = np.sum(dout * x_hat, axis=1, keepdims=True)
    g = dout * gamma
    dX = rstd * (
        g - g.mean(axis=1, keepdims=True) - x_hat * (g * x_hat).mean(axis=1, keepdims=True)
    )
    return dX, dgamma, dbeta
