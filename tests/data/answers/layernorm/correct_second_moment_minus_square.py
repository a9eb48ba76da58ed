# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    # var = E[(x - mu)^2] computed on the centred values; keeps precision
    n = X.shape[0]
    mu = X.sum(axis=0, keepdims=True) / n
    xc = X - mu
    var = (xc * xc).sum(axis=0, keepdims=True) / n
    inv = (var + eps) ** -0.5
    x_hat = xc * inv
    return gamma * x_hat + beta, {"x_hat": x_hat, "inv": inv, "gamma": gamma}


def layernorm_backward(dout, cache):
    x_hat, inv, gamma = cache["x_hat"], cache["inv"], cache["gamma"]
    g = dout * gamma
    dX = inv * (g - g.mean(axis=0, keepdims=True) - x_hat * (g * x_hat).mean(axis=0, keepdims=True))
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
