# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    # each example (column) over its n features, sums by einsum
    n = X.shape[0]
    mu = np.einsum("ij->j", X)[None, :] / n
    xc = X - mu
    var = np.einsum("ij,ij->j", xc, xc)[None, :] / n
    rstd = (var + eps) ** -0.5
    x_hat = xc * rstd
    return gamma * x_hat + beta, {"x_hat": x_hat, "rstd": rstd, "gamma": gamma}


def layernorm_backward(dout, cache):
    x_hat, rstd, gamma = cache["x_hat"], cache["rstd"], cache["gamma"]
    n = dout.shape[0]
    g = dout * gamma
    dX = rstd * (g - np.einsum("ij->j", g)[None, :] / n
                 - x_hat * np.einsum("ij,ij->j", g, x_hat)[None, :] / n)
    return dX, np.einsum("ij,ij->i", dout, x_hat)[:, None], np.einsum("ij->i", dout)[:, None]
