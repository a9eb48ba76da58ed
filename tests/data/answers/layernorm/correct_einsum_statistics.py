# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    n = X.shape[0]
    mu = np.einsum("ij->j", X) / n  # each example's (column's) mean over its features
    xc = X - mu
    var = np.einsum("ij,ij->j", xc, xc) / n
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = xc * inv_std
    return gamma * x_hat + beta, {"x_hat": x_hat, "inv_std": inv_std, "gamma": gamma}


def layernorm_backward(dout, cache):
    x_hat, inv_std, gamma = cache["x_hat"], cache["inv_std"], cache["gamma"]
    n = dout.shape[0]
    g = dout * gamma
    dX = (g - g.mean(axis=0) - x_hat * np.einsum("ij,ij->j", g, x_hat) / n) * inv_std
    return dX, np.einsum("ij,ij->i", dout, x_hat)[:, None], dout.sum(axis=1)[:, None]
