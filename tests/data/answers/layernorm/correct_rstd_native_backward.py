# expect: passed | passed
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    # a framework kernel's names: mean and rstd per example (column), saved for backward
    mean = np.mean(X, axis=0)
    rstd = 1.0 / np.sqrt(np.mean((X - mean) ** 2, axis=0) + eps)
    x_hat = (X - mean) * rstd
    return x_hat * gamma + beta, {"x_hat": x_hat, "rstd": rstd, "gamma": gamma}


def layernorm_backward(dout, cache):
    x_hat, rstd, gamma = cache["x_hat"], cache["rstd"], cache["gamma"]
    g = dout * gamma
    mean_g = np.mean(g, axis=0)
    mean_gx = np.mean(g * x_hat, axis=0)
    dX = rstd * (g - mean_g - x_hat * mean_gx)
    dgamma = np.sum(dout * x_hat, axis=1, keepdims=True)
    dbeta = np.sum(dout, axis=1, keepdims=True)
    return dX, dgamma, dbeta
