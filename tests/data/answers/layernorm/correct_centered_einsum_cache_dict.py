# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    n = X.shape[0]
    xc = X - np.einsum("ij->j", X) / n
    var = np.einsum("ij,ij->j", xc, xc) / n
    rstd = 1.0 / np.sqrt(var + eps)
    x_hat = xc * rstd
    return gamma * x_hat + beta, {"x_hat": x_hat, "rstd": rstd, "gamma": gamma}


def layernorm_backward(dout, cache):
    x_hat, rstd, gamma = cache["x_hat"], cache["rstd"], cache["gamma"]
    n = x_hat.shape[0]
    g = dout * gamma
    mean_g = np.einsum("ij->j", g) / n
    mean_gx = np.einsum("ij,ij->j", g, x_hat) / n
    dX = rstd * (g - mean_g - x_hat * mean_gx)
    return dX, np.einsum("ij,ij->i", dout, x_hat)[:, None], np.einsum("ij->i", dout)[:, None]
