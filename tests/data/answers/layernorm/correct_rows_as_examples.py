# expect: passed | passed
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    Xt = X.T  # (m, n): one example per row, as in PyTorch
    mu = Xt.mean(axis=-1, keepdims=True)
    rstd = 1.0 / np.sqrt(((Xt - mu) ** 2).mean(axis=-1, keepdims=True) + eps)
    x_hat = (Xt - mu) * rstd
    out = x_hat * gamma.T + beta.T
    return out.T, {"x_hat": x_hat, "rstd": rstd, "gamma": gamma}


def layernorm_backward(dout, cache):
    x_hat, rstd, gamma = cache["x_hat"], cache["rstd"], cache["gamma"]
    g = dout.T  # (m, n)
    dgamma = (g * x_hat).sum(axis=0)[:, None]
    dbeta = g.sum(axis=0)[:, None]
    dxh = g * gamma.T
    dX = rstd * (dxh - dxh.mean(axis=-1, keepdims=True) - x_hat * (dxh * x_hat).mean(axis=-1, keepdims=True))
    return dX.T, dgamma, dbeta
